"""Inline directives in all three formats."""

from __future__ import annotations

import pytest

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


# -- site-wide findings pass the same directives ---------------------------------------------

TITLE = "# Council passes budget\n\n"
NOTE = "The library lends seeds every spring to anyone with a card.\n"  # short: no near-duplicate


def _site(folder, **files):
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return str(folder)


def _found(cli, *args):
    run = cli("check", "--format", "json", "--exit-zero", *args)
    assert run.code == 0, run.err
    return sorted((d["path"].rsplit("/", 1)[-1], d["code"], d["line"]) for d in run.json())


@pytest.fixture
def titles(tmp_path):
    """Five articles with one title: the first states it, three silence CL612 each their own way."""
    return _site(tmp_path / "site", a=TITLE + NOTE,
                 b="<!-- contentlint-disable-file -->\n" + TITLE + NOTE,
                 c="<!-- contentlint-disable-next-line CL612 -- syndicated -->\n" + TITLE + NOTE,
                 d=TITLE + NOTE + "<!-- contentlint-disable-file duplicate-title -->\n",
                 e=TITLE + NOTE)


def test_inline_directives_silence_site_wide_findings(cli, titles):
    assert _found(cli, "--no-cache", "--select", "CL612", titles) == [("e.md", "CL612", 1)]


def test_site_wide_suppression_is_the_same_on_every_core_and_from_the_cache(cli, titles, tmp_path):
    args = ("--select", "CL612")
    serial = _found(cli, "--no-cache", "--jobs", "1", *args, titles)
    assert serial == [("e.md", "CL612", 1)]
    assert _found(cli, "--no-cache", "--jobs", "2", *args, titles) == serial
    cache = str(tmp_path / "cache")
    assert _found(cli, "--cache-dir", cache, *args, titles) == serial  # cold
    (tmp_path / "site" / "f.md").write_text("# Another title\n\n" + NOTE, encoding="utf-8")
    assert _found(cli, "--cache-dir", cache, *args, titles) == serial  # five files from the cache, one fresh
    assert _found(cli, "--cache-dir", cache, *args, titles) == serial  # the whole run from the cache


def test_site_wide_suppression_on_dask_outcomes(titles):
    """What a Dask worker sends back (a pickled outcome) carries the file's directives."""
    import pickle
    from pathlib import Path

    from contentlint.config import LinterSpec, Settings
    from contentlint.dask_backend import check_item

    files = sorted(str(p) for p in Path(titles).iterdir())
    for select in (["CL612"], ["CL612", "CL902"]):  # and each directive is used
        spec = LinterSpec(Settings(root=Path(titles)), select=select)
        remote = [pickle.loads(pickle.dumps(check_item(f, spec))) for f in files]
        found = [(Path(d.path).name, d.code) for d in spec.build().collect(remote).diagnostics]
        assert found == [("e.md", "CL612")]


# -- CL902 unused-suppression ---------------------------------------------------------------------


def unused(text: str, path: str = "a.txt", select=("CL101", "CL801", "CL902")) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in check_text(text, path, select=list(select)) if d.code == "CL902"]


def test_a_directive_that_silences_nothing_is_reported_where_it_is_written():
    text = f"Pool\n<!-- contentlint-disable-next-line CL101 -->\nThe pool.\n{CLAIM}\n"
    [(line, message)] = unused(text)
    assert line == 2 and "'contentlint-disable-next-line CL101' silenced nothing" in message
    found = check_text(text, "a.txt", select=["CL101", "CL902"])
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [("CL902", 2, 1, 45), ("CL101", 4, 12, 29)]


def test_a_used_directive_is_not_reported_and_unused_selectors_are_named():
    assert unused(f"Pool\n<!-- contentlint-disable-next-line CL101 -->\n{CLAIM}\n") == []
    text = f"Pool\n<!-- contentlint-disable-next-line CL101, repeated-word -->\n{CLAIM}\n"
    assert unused(text) == [(2, "repeated-word in 'contentlint-disable-next-line CL101, repeated-word' "
                                "silenced nothing: remove it")]


def test_cl902_is_off_by_default_and_judges_only_rules_that_ran():
    from contentlint.config import Settings
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    text = "Pool\n<!-- contentlint-disable-file CL101 -->\nThe pool.\n"
    by_default = Linter(load_registry(plugins=False), Settings()).check_source("a.txt", text)
    assert by_default and "CL902" not in {d.code for d in by_default}
    assert unused(text) != []
    assert unused(text, select=["CL801", "CL902"]) == []  # CL101 did not run: not known to be unused
    assert unused(text, select=["ALL", "CL902"]) != []
    assert unused(text.replace("CL101", "word-count"), select=["CL801", "CL101", "CL902"]) == []  # CL102 off
    assert unused("Pool\n<!-- contentlint-disable-file -->\nThe pool.\n") == []  # bare: most rules did not run


def test_a_directive_naming_cl902_silences_its_report_and_a_bare_one_cannot_hide_itself():
    from contentlint.parsers import parse
    from contentlint.registry import load_registry
    from contentlint.suppress import parse_directives

    text = "Pool\n<!-- contentlint-disable-next-line CL101 -->\nThe pool.\n<!-- contentlint-disable-file CL902 -->\n"
    assert unused(text) == []
    bare = parse_directives(parse("a.txt", "Pool\n<!-- contentlint-disable-file -->\n"), load_registry(plugins=False))
    assert bare.silences("CL101", 1) and not bare.silences("CL902", 2, besides=0)


def test_suppressions_survive_the_cache_as_json():
    import json

    from contentlint.parsers import parse
    from contentlint.registry import load_registry
    from contentlint.suppress import Suppressions, parse_directives

    text = "Pool\n<!-- contentlint-disable CL1, quote -->\nThe pool.\n<!-- contentlint-enable -->\n"
    parsed = parse_directives(parse("a.txt", text), load_registry(plugins=False))
    parsed.ran = frozenset({"CL101"})
    assert parsed.silences("CL101", 3) and parsed.used == {(0, 0)}  # CL1 silenced it, quote did not
    again = Suppressions.from_json(json.loads(json.dumps(parsed.to_json())))
    assert (again.directives, again.ran, again.used) == (parsed.directives, parsed.ran, parsed.used)


def test_a_directive_used_only_by_a_site_wide_finding_is_used(cli, tmp_path):
    site = _site(tmp_path / "site", a=TITLE + NOTE, b="<!-- contentlint-disable-next-line CL612 -->\n" + TITLE + NOTE,
                 c="<!-- contentlint-disable-file CL612 -->\n# A title of its own\n\n" + NOTE,
                 d="# A fourth title\n\n" + NOTE)
    args, cache = ("--select", "CL612,CL902"), str(tmp_path / "cache")
    expected = [("c.md", "CL902", 1)]
    assert _found(cli, "--no-cache", *args, site) == expected
    assert _found(cli, "--no-cache", "--jobs", "2", *args, site) == expected
    assert _found(cli, "--cache-dir", cache, *args, site) == _found(cli, "--cache-dir", cache, *args, site) == expected
    assert _found(cli, "--no-cache", *args, str(tmp_path / "site" / "c.md")) == []  # one file: CL612 did not run
