"""Hostile shapes finish: each of these inputs took from half a minute to many minutes, with
cost growing with the square (or cube) of its size, before its stage was bounded. The timeout is
a hang guard with a wide margin (each now takes well under a second), not a benchmark: the
figures are measured by ``bench/worst_cases.py``."""

from __future__ import annotations

import subprocess
import sys

import pytest

HANG_GUARD_S = 30


def _repeat(unit: str, size: int = 50_000) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("name, text", [
    # every pair of one count's mentions compared, the crowd of values recounted for each pair
    ("counts.txt", _repeat("The 12 schools closed. Then 14 schools opened. ")),
    # facts read in a run-on "sentence" of thousands of figures, each searching the whole sentence
    ("run-on.txt", _repeat("the 12 schools ")),
    # the comment pattern rescanning to the end from every unclosed "<!--"; wording patterns on
    # a block of marks
    ("comments.txt", _repeat("<!-- ")),
    # the Markdown link and tag patterns scanning to the end from every "[" and "<a"
    ("brackets.md", _repeat("[")),
    ("tags.md", _repeat("<a", 500_000)),
    # the figure-cell pattern of the table test on a long block of digits and marks
    ("enumerators.txt", "Budget\n" + _repeat("1. ", 80_000)),
    # every start tag of a text run walked the whole stack of open elements to place its block
    ("nested.html", "<div>a " * 30_000 + "</div>" * 30_000),
])
def test_hostile_shape_finishes(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "contentlint", "check", "--select", "ALL", "--format", "json",
                           str(path)], capture_output=True, text=True, timeout=HANG_GUARD_S)
    assert done.returncode in (0, 1), done.stderr
    assert '"CL999"' not in done.stdout
