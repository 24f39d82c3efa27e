"""Property: on any text in any format, every rule either reports or stays silent; none crashes.

A few hundred small generated inputs per run (hypothesis); ``bench/fuzz.py`` runs thousands of
larger ones and reports the slow ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.config import Settings
from contentlint.registry import load_registry
from contentlint.runner import Linter

LINTER = Linter(load_registry(plugins=False), Settings(select=["ALL"]))
SAMPLES = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "samples").glob("*.*"))]
# Pieces that broke rules or parsers before: figures, dates, markup, directives, control characters.
PIECES = ['"', "“", "”", "<!--", "-->", "<a ", "[", "](", "**", "<div>", "</p>", "\r", "\ufeff", "9" * 400,
          "inf percent", "nan%", "one in 0 runners", "This 0-word article", "2024-02-30", "Feb. 30, 2024",
          "1,400 words", "12 min read", "<!-- contentlint-disable-next-line NOPE -->", "\x1b[31m", "&#x110000;",
          "| a | b |\n|---|---|\n", "---\n", "date: 0000-01-01\n", "Superintendent Dana Okafor said", "\n", " "]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=60).map("".join),
    st.tuples(st.sampled_from(SAMPLES), st.lists(st.tuples(st.integers(0, 5000), st.sampled_from(PIECES)), max_size=12))
    .map(lambda t: _insert(*t)),
)


def _insert(text: str, edits: list[tuple[int, str]]) -> str:
    for at, piece in edits:
        at %= len(text) + 1
        text = text[:at] + piece + text[at:]
    return text


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_no_rule_crashes_on_any_text(suffix, text):
    found = LINTER.check_source(f"fuzz{suffix}", text.replace("\r\n", "\n").replace("\r", "\n"))
    crashed = [d.message for d in found if d.code == "CL999"]
    assert not crashed, crashed
