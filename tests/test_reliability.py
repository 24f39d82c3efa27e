"""Odd and hostile input gets a defined outcome: findings, a CL9xx finding about the input, or one
line on stderr and exit 2, with machine formats still parseable. Never a traceback or a CL999."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from contentlint.files import MAX_BYTES

BODY = "# Harbour plan\n\nThe council voted on Tuesday to dredge the harbour mouth before the summer season.\n"


def _codes(run) -> list[str]:
    return [d["code"] for d in json.loads(run.out)]


@pytest.mark.parametrize("front_matter", [
    "a: " + "[" * 3000 + "]" * 3000,  # nested far deeper than the YAML parser's recursion allows
    "date: 2024-02-30",  # impossible dates and times: PyYAML raises ValueError building them
    "date: 0000-01-01",
    "updated: 25:00:00",
    "title: " + "9" * 5000,  # past Python's limit for turning an int into text
    "title: [a, b]",  # a list where text belongs
    "description: {a: 1}",
])
def test_odd_front_matter_is_a_finding_not_a_crash(cli, write, front_matter):
    path = write("piece.md", f"---\n{front_matter}\n---\n{BODY}")
    run = cli("check", "--format", "json", path)
    assert run.code in (0, 1), run.err
    assert "CL999" not in _codes(run)


def test_front_matter_problems_say_what_was_ignored(cli, write):
    deep = cli("check", "--format", "json", write("deep.md", "---\na: " + "[" * 3000 + "]" * 3000 + "\n---\n" + BODY))
    assert any("nested too deep" in d["message"] for d in json.loads(deep.out))
    listed = cli("check", "--format", "json", write("list.md", f"---\ntitle: [a, b]\n---\n{BODY}"))
    assert any("'title' is a list" in d["message"] for d in json.loads(listed.out))
    huge = cli("check", "--format", "json", write("huge.md", "---\nnotes: " + "x" * 70_000 + "\n---\n" + BODY))
    assert any("over 64 KB" in d["message"] for d in json.loads(huge.out))


@pytest.mark.parametrize("text", [
    "Budget\nThe fund grew by " + "9" * 400 + " percent, officials said, and 1e400 people applied.\n",
    "Budget\nThe fund grew by inf percent and nan percent last year, the treasurer said.\n",
    "Race\n" + "9" * 16_000 + " runners finished, one in 0 of them in the rain.\n",
    "Race\nThis 0-word article is about the race.\n",
])
def test_absurd_numbers_crash_no_rule(cli, write, text):
    run = cli("check", "--format", "json", "--select", "ALL", write("a.txt", text))
    assert run.code in (0, 1), run.err
    assert "CL999" not in _codes(run)


def _stdin(data: bytes, fmt: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "contentlint", "check", "-", "--stdin-filename", "a.txt", "--format", fmt]
    return subprocess.run(cmd, input=data, capture_output=True, timeout=120)


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_unreadable_stdin_still_prints_a_parseable_report(fmt):
    proc = _stdin(b"\x00\x01binary\xff" * 100, fmt)
    assert proc.returncode == 2 and len(proc.stderr.decode().strip().splitlines()) == 1
    if fmt == "junit":
        ET.fromstring(proc.stdout)
    elif fmt == "sarif":
        notes = json.loads(proc.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert "binary file" in notes[0]["message"]["text"]
    else:
        json.loads(proc.stdout)


def test_stdin_has_the_same_size_limit_as_files():
    proc = _stdin(b"a" * (MAX_BYTES + 1), "json")
    assert proc.returncode == 2 and json.loads(proc.stdout) == []
    assert b"more than 10 MB" in proc.stderr


def test_a_charset_that_refuses_everything_is_one_line(cli, write):
    path = write("page.html", b'<html><head><meta charset="undefined"></head><body><p>caf\xe9</p></body></html>')
    run = cli("check", path)
    assert run.code == 2 and "declared charset" in run.err and len(run.err.strip().splitlines()) == 1


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_reported_not_waited_on(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text("Pool reopens\nThe pool reopened on Saturday after repairs.\n")
    proc = subprocess.run([sys.executable, "-m", "contentlint", "check", str(tmp_path)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr
    assert "a.txt" not in proc.stderr  # the other file was still checked


def test_a_path_with_a_newline_is_one_line(cli, tmp_path):
    run = cli("check", str(tmp_path / "odd\nname.txt"))
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1 and "odd\\nname.txt" in run.err


@pytest.mark.parametrize(("pyproject", "error"), [
    ("[tool.contentlint\nselect = 1\n", "invalid TOML"),  # broken, and it names contentlint: reported
    ("tool.contentlint = 5\n", "must be a table"),
])
def test_a_bad_pyproject_is_one_line_and_exit_2(cli, write, pyproject, error):
    write("pyproject.toml", pyproject)
    run = cli("check", write("a.txt", "Pool\nThe pool reopened on Saturday.\n"))
    assert run.code == 2 and error in run.err and len(run.err.strip().splitlines()) == 1


@pytest.mark.parametrize("pyproject", ["tool = 5\n", "[tool.black\nline = 1\n"])
def test_another_tools_pyproject_is_not_ours(cli, write, pyproject):
    write("pyproject.toml", pyproject)
    assert cli("check", write("a.txt", "Pool\nThe pool reopened on Saturday.\n")).code in (0, 1)


ESCAPES = "Pool reopens\nThe the pool \x1b[31mreopened\x1b[0m on Saturday\x07 after\x01 repairs.\n"


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_control_characters_never_reach_the_terminal(cli, write, fmt):
    run = cli("check", "--format", fmt, "--extend-select", "CL801", write("a.txt", ESCAPES))
    assert "CL801" in run.out and not any(c in run.out for c in "\x1b\x07\x01")


def test_junit_stays_valid_xml_with_control_characters(cli, write):
    run = cli("check", "--format", "junit", write("a.txt", ESCAPES))
    ET.fromstring(run.out)


def test_a_rule_calling_sys_exit_is_a_crash_finding_not_the_end_of_the_run(monkeypatch):
    from contentlint.config import Settings
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    registry = load_registry(plugins=False)
    rule = registry.rules["CL801"]
    monkeypatch.setattr(rule, "check", lambda self, ctx: sys.exit(3))
    found = Linter(registry, Settings(select=["CL801", "CL101", "CL999"])).check_source(
        "a.txt", "Pool\nBy Staff · Word count: 1,400\nThe the pool reopened on Saturday.\n")
    assert {d.code for d in found} == {"CL999", "CL101"}


@pytest.mark.parametrize("shape, reason", [
    ("[" * 20_000, "brackets for"),
    (">" * 500 + " deep\n" + "> text\n" * 2_000, "nested over 20 deep"),
])
def test_absurd_markdown_is_read_as_text_and_says_so(cli, write, shape, reason):
    run = cli("check", "--format", "json", "--select", "CL901", write("odd.md", BODY + shape))
    assert any(reason in d["message"] and "read as plain text" in d["message"] for d in json.loads(run.out))


def test_markdown_full_of_links_is_still_markdown(cli, write):
    links = "".join(f"- [Harbour notice number {i} for the season](https://example.org/{i})\n" for i in range(400))
    run = cli("check", "--format", "json", "--select", "CL901", write("links.md", BODY + "\n" + links))
    assert json.loads(run.out) == []


def test_a_run_on_sentence_is_not_read_for_figures(cli, write):
    """Over ``MAX_READ_CHARS`` a "sentence" is a scrape without sentence ends: the statistics and
    the facts stay silent on it, as the README says, rather than read it whole."""
    statistic = "A new survey finds that 64 percent of local renters skip meals to pay rent. "
    filler = "and the crowd in the hall kept growing through the evening " * 60  # no sentence end
    alone = cli("check", "--format", "json", "--select", "CL404", write("alone.txt", "Rents\n" + statistic + "\n"))
    run_on = cli("check", "--format", "json", "--select", "CL404",
                 write("run-on.txt", "Rents\n" + statistic.rstrip(". ") + " " + filler + "\n"))
    assert [d["code"] for d in alone.json()] == ["CL404"]
    assert run_on.json() == []
