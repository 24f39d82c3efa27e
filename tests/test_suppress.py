"""Inline directives in all three formats."""

from __future__ import annotations

from contentlint import check_text

CLAIM = "By Staff · Word count: 1,400"


def found(text: str, path: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in check_text(text, path, select=["CL101", "CL801", "CL900"])]


def test_disable_next_line_in_text_markdown_and_html():
    txt = f"Pool\n<!-- contentlint-disable-next-line CL101 -- print edition -->\n{CLAIM}\nThe pool.\n"
    md = f"# Pool\n\n<!-- contentlint-disable-next-line word-count -->\n\n{CLAIM}\n\nThe pool.\n"
    html = f"<body>\n<!-- contentlint-disable-next-line CL1 -->\n<p>{CLAIM}</p>\n<p>The pool.</p></body>\n"
    assert found(txt, "a.txt") == []
    assert found(md, "a.md") == []
    assert found(html, "a.html") == []


def test_disable_next_line_only_covers_that_line_and_those_rules():
    text = f"Pool\n<!-- contentlint-disable-next-line CL801 -->\n{CLAIM}\nThe the pool.\n"
    assert found(text, "a.txt") == [("CL101", 3), ("CL801", 4)]


def test_disable_line():
    html = f"<body><p>{CLAIM}</p><!-- contentlint-disable-line CL101 -->\n<p>The pool.</p></body>"
    assert found(html, "a.html") == []


def test_disable_enable_range():
    text = ("Pool\n<!-- contentlint-disable CL801 -->\nThe the pool.\nA a second.\n"
            "<!-- contentlint-enable CL801 -->\nThe the third.\n")
    assert found(text, "a.txt") == [("CL801", 6)]


def test_disable_without_enable_runs_to_the_end_and_bare_disable_means_all():
    text = f"Pool\n<!-- contentlint-disable -->\n{CLAIM}\nThe the pool.\n"
    assert found(text, "a.txt") == []


def test_disable_file():
    text = f"Pool\n{CLAIM}\nThe the pool.\n<!-- contentlint-disable-file CL101, CL801 -->\n"
    assert found(text, "a.txt") == []


def test_mistyped_directive_is_reported_and_suppresses_nothing():
    text = f"Pool\n<!-- contentlint-disable-nextline CL101 -->\n{CLAIM}\nThe pool.\n"
    assert found(text, "a.txt") == [("CL900", 2), ("CL101", 3)]


def test_unknown_code_in_directive():
    text = f"Pool\n<!-- contentlint-disable-next-line CL1234 -->\n{CLAIM}\n"
    assert ("CL900", 2) in found(text, "a.txt")
