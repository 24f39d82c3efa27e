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


# -- past the size of an article: reported, not checked -------------------------------------------
from contentlint import check_text  # noqa: E402
from contentlint.document import MAX_PARTS  # noqa: E402

_CLAIM = "Fares\n\n"  # a title far too short (CL602), had the file been checked


@pytest.mark.parametrize("name, text, parts", [
    ("listing.txt", _CLAIM + "red green blue\n" * MAX_PARTS, "lines"),
    # under the line limit, but a row of eight cells is eight blocks
    ("table.md", _CLAIM + "| a | b | c | d | e | f | g | h |\n|" + "---|" * 8 + "\n"
     + "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n" * (MAX_PARTS // 8 + 1), "blocks"),
    ("run-on.txt", _CLAIM + "It rained. " * (MAX_PARTS + 1), "sentences"),
    ("page.html", "<title>Fares</title>"
     + "<p>red green blue</p>" * MAX_PARTS, "blocks"),
])
def test_a_file_longer_than_any_article_is_reported_and_not_checked(name, text, parts):
    found = check_text(text, name, select=["ALL"])
    assert [d.code for d in found] == ["CL901"]
    assert f" {parts}: longer than any article" in found[0].message and "not checked" in found[0].message


def test_an_article_at_the_limit_is_still_checked():
    found = check_text(_CLAIM + "red green blue\n" * (MAX_PARTS - 10), "listing.txt", select=["ALL"])
    assert "CL602" in {d.code for d in found} and "CL901" not in {d.code for d in found}


def test_one_rule_shows_at_most_a_thousand_findings_in_a_file_and_says_so():
    from contentlint.runner import MAX_FINDINGS_PER_RULE

    found = check_text("Fares\n\n" + "the the. " * 3 * MAX_FINDINGS_PER_RULE, "a.txt", select=["CL801"])
    assert len(found) == MAX_FINDINGS_PER_RULE + 1
    assert found[-1].message == f"more than {MAX_FINDINGS_PER_RULE:,} CL801 findings in this file: the rest are not shown"


def test_a_run_on_opening_block_is_not_read_for_a_byline_date(monkeypatch):
    """A line of hundreds of thousands of marks and few words looked like a short date line."""
    from contentlint.language import calendar, sentences

    read = []
    parse_date = calendar.parse_date
    monkeypatch.setattr(calendar, "parse_date", lambda text: read.append(len(text)) or parse_date(text))
    check_text("Fares\n\n" + "> #" * 100_000 + " May 4, 2025\n\nThe council voted.\n", "a.txt", select=["CL505"])
    assert read and max(read) <= sentences.MAX_READ_CHARS
