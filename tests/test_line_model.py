"""The learned boilerplate line model: what a user of ``contentlint check`` on scraped text sees."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest

from contentlint.analyses import boilerplate, line_model
from contentlint.analyses.boilerplate import PAGE_CHROME, detect, line_model_inputs
from contentlint.parsers.text import parse_text
from contentlint.registry import load_registry

MENU = ["Skip to main content", "Home", "Local News", "Sports", "Weather", "Obituaries", "Subscribe", "Log in"]
ARTICLE = [
    "Library expansion wins final approval",
    "By Priya Raman · April 14, 2025",
    "The county board approved a $6.2 million expansion of the Oak Street library on Monday, ending two "
    "years of debate over whether the branch should move to the old post office building.",
    "The project adds a children's wing, twelve study rooms and a makerspace, and it keeps the reading room "
    "that residents asked the board to save during three public hearings last fall.",
    "Construction is expected to start in September and to take about fourteen months, the library director "
    "said, and the branch will stay open during most of the work.",
]
FOOTER = ["About Us", "Contact", "Advertise", "Privacy Policy", "Terms of Service", "© 2025 The Valley Ledger"]


@pytest.fixture(scope="module")
def kinds():
    return load_registry().lexicon().boilerplate


def flagged_lines(text: str, kinds) -> dict[int, str]:
    """1-based line -> code of the boilerplate finding covering it."""
    doc = parse_text("page.txt", text)
    out = {}
    for block in detect(doc, kinds):
        first, last = doc.line_col(block.start)[0], doc.line_col(block.end)[0]
        for line in range(first, last + 1):
            out[line] = block.code
    return out


def test_the_shipped_model_loads_and_matches_the_features():
    model = line_model.load_model()
    assert model is not None, "contentlint/data/boilerplate_lines.json is missing"
    data = json.loads(resources.files("contentlint").joinpath(*line_model.MODEL_FILE).read_text(encoding="utf-8"))
    assert len(data["stage1"]["weights"]) == len(line_model.STAGE1_NAMES)
    assert len(data["stage2"]["weights"]) == len(line_model.STAGE2_NAMES)
    assert math.isfinite(model.threshold) and model.lexicon


def test_a_model_trained_on_other_features_is_refused():
    data = json.loads(resources.files("contentlint").joinpath(*line_model.MODEL_FILE).read_text(encoding="utf-8"))
    data["stage1_names"] = data["stage1_names"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        line_model.LineModel(data)


def test_menu_and_footer_of_a_scraped_page_are_flagged_and_the_article_is_not(kinds):
    page = "\n".join(MENU + ARTICLE + FOOTER) + "\n"
    found = flagged_lines(page, kinds)
    menu_lines = range(2, len(MENU) + 1)  # line 1 is the document's title: never a body block
    article_lines = range(len(MENU) + 1, len(MENU) + len(ARTICLE) + 1)
    footer_lines = range(len(MENU) + len(ARTICLE) + 1, len(MENU) + len(ARTICLE) + len(FOOTER) + 1)
    assert all(line in found for line in menu_lines), found
    assert all(line in found for line in footer_lines), found
    assert not any(line in found for line in article_lines), found
    assert set(found.values()) <= {PAGE_CHROME} | {k.code for k in kinds}


def test_a_written_article_saved_as_text_is_left_alone(kinds):
    """No menus or footer for the heuristic to find: the model, trained on scraped pages, is not asked."""
    article = "\n".join(ARTICLE + ["What happens next", "The board will vote on the contracts in June."]) + "\n"
    assert PAGE_CHROME not in flagged_lines(article, kinds).values()


def test_the_output_is_deterministic(kinds):
    page = "\n".join(MENU + ARTICLE + FOOTER + MENU[1:4]) + "\n"
    doc = parse_text("page.txt", page)
    _, inputs = line_model_inputs(doc, kinds)
    model = line_model.load_model()
    first = model.log_odds(*inputs)
    fresh = line_model.LineModel(json.loads(
        resources.files("contentlint").joinpath(*line_model.MODEL_FILE).read_text(encoding="utf-8")))
    assert fresh.log_odds(*inputs) == first == model.log_odds(*inputs)
    assert [(b.first, b.last) for b in detect(doc, kinds)] == [(b.first, b.last) for b in detect(doc, kinds)]


def test_without_the_model_file_the_position_heuristic_still_reports_chrome(kinds, monkeypatch):
    monkeypatch.setattr(boilerplate.line_model, "load_model", lambda: None)
    page = "\n".join(MENU + ARTICLE + FOOTER) + "\n"
    found = flagged_lines(page, kinds)
    assert PAGE_CHROME in found.values()
    assert not any(line in found for line in range(len(MENU) + 3, len(MENU) + len(ARTICLE) + 1))


def test_feature_rows_have_one_value_per_name_and_handle_tiny_pages():
    for texts in ([], ["Home"], ["Home", "A single sentence of prose that ends here."]):
        rows = line_model.stage1_rows(texts, ["paragraph"] * len(texts), [None] * len(texts), {})
        assert len(rows) == len(texts)
        assert all(len(r) == len(line_model.STAGE1_NAMES) for r in rows)
        z = [0.0] * len(texts)
        assert all(len(r) == len(line_model.STAGE2_NAMES) for r in line_model.stage2_rows(z, rows))
