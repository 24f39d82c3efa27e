"""How a report reaches people and CI: JUnit and fail-on, SARIF URIs, statistics per format,
colour, --quiet and --output-file."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

# a CL101 error on line 2 and a CL801 warning on line 3
ARTICLE = "Pool reopens\nBy Staff · Word count: 1,400\nThe the pool reopened on Saturday after repairs.\n"
RULES = ("--no-cache", "--select", "CL101,CL801")
ESC = "\x1b["


@pytest.fixture
def article(write):
    return write("a.txt", ARTICLE)


# -- JUnit ---------------------------------------------------------------------------------------


def _junit(cli, *args):
    root = ET.fromstring(cli("check", "--format", "junit", *RULES, *args).out.split("\n", 1)[1])
    cases = {case.get("name").split()[0]: case for case in root.iter("testcase")}
    return root, cases


def test_junit_fails_only_the_findings_at_fail_on(cli, article):
    root, cases = _junit(cli, article)
    assert root.get("failures") == "1" and root.find("testsuite").get("failures") == "1"
    assert cases["CL101"].find("failure").get("type") == "error"
    warning = cases["CL801"]
    assert warning.find("failure") is None and "CL801 [warning] 'The the'" in warning.find("system-out").text
    root, cases = _junit(cli, "--fail-on", "warning", article)
    assert root.get("failures") == "2" and all(c.find("failure") is not None for c in cases.values())
    root, _ = _junit(cli, "--fail-on", "never", article)
    assert root.get("failures") == "0" and root.get("tests") == "2"


# -- SARIF ---------------------------------------------------------------------------------------

URI_REFERENCE = re.compile(r"^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$")  # RFC 3986: nothing raw but these


def _sarif_shape(sarif: dict) -> None:
    """The parts of SARIF 2.1.0 the formatter writes, with the schema's required properties."""
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    [run] = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "contentlint" and all(r["id"] and r["shortDescription"]["text"] for r in driver["rules"])
    bases = run["originalUriBaseIds"]
    for base in bases.values():  # §3.14.14: an absolute URI ending in a slash
        assert base["uri"].startswith("file:///") and base["uri"].endswith("/")
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] and result["message"]["text"]
        places = [loc["physicalLocation"] for loc in (*result["locations"], *result.get("relatedLocations", []))]
        for place in places:
            location = place["artifactLocation"]
            assert URI_REFERENCE.match(location["uri"]), location["uri"]
            assert ("uriBaseId" in location) != bool(urlsplit(location["uri"]).scheme)  # relative to a base, or absolute
            assert location.get("uriBaseId", next(iter(bases))) in bases
            assert place["region"]["startLine"] >= 1 and place["region"]["startColumn"] >= 1


def _path_of(run: dict, location: dict) -> Path:
    base = run["originalUriBaseIds"][location["uriBaseId"]]["uri"] if "uriBaseId" in location else ""
    return Path(unquote(urlsplit(urljoin(base, location["uri"])).path))


def test_sarif_uris_are_percent_encoded_and_relative_to_srcroot(cli, write, tmp_path, monkeypatch):
    awkward = write("my folder/a b#1%20é.txt", ARTICLE)
    elsewhere = tmp_path / "elsewhere"
    write("elsewhere/über#.txt", ARTICLE)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    sarif = json.loads(cli("check", "--format", "sarif", *RULES, awkward, str(elsewhere)).out)
    _sarif_shape(sarif)
    run = sarif["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (tmp_path / "work").as_uri() + "/"
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {_path_of(run, loc) for loc in locations} == {Path(awkward), elsewhere / "über#.txt"}
    monkeypatch.chdir(tmp_path)
    sarif = json.loads(cli("check", "--format", "sarif", *RULES, "my folder").out)
    _sarif_shape(sarif)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "my%20folder/a%20b%231%2520%C3%A9.txt", "uriBaseId": "%SRCROOT%"}


def test_sarif_related_locations_are_encoded_too(cli, write):
    write("site/one #1.md", "# Council passes budget\n\nThe library lends seeds.\n")
    write("site/two #2.md", "# Council passes budget\n\nThe pool reopened.\n")
    sarif = json.loads(cli("check", "--no-cache", "--format", "sarif", "--select", "CL612", "site").out)
    _sarif_shape(sarif)
    [result] = sarif["runs"][0]["results"]
    related = result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]
    assert related == {"uri": "site/one%20%231.md", "uriBaseId": "%SRCROOT%"}


# -- --statistics --------------------------------------------------------------------------------


def test_statistics_in_json_and_jsonl_count_each_rule_and_its_fixes(cli, article, write):
    other = write("b.txt", ARTICLE)
    rows = cli("check", "--statistics", "--format", "json", *RULES, article, other).json()
    assert [(r["code"], r["name"], r["count"]) for r in rows] == [("CL101", "word-count-mismatch", 2),
                                                                  ("CL801", "repeated-word", 2)]
    assert all(isinstance(r["fixable"], int) and 0 <= r["fixable"] <= r["count"] for r in rows)
    lines = cli("check", "--statistics", "--format", "jsonl", *RULES, article, other).out.splitlines()
    assert [json.loads(line) for line in lines] == rows


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_statistics_in_a_format_that_cannot_hold_them_is_a_usage_error(cli, article, fmt):
    run = cli("check", "--statistics", "--format", fmt, *RULES, article)
    assert (run.code, run.out) == (2, "")
    assert run.err.count("\n") == 1 and "--statistics" in run.err and fmt in run.err


# -- colour ----------------------------------------------------------------------------------------


def test_color_always_colours_the_formats_people_read_and_never_machine_ones(cli, article, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = cli("check", "--color", "always", *RULES, article).out
    assert f"{ESC}1;31mCL101{ESC}0m" in text and f"{ESC}1;33m[warning]{ESC}0m" in text
    assert f"{ESC}1;31m           ^^^" in text  # the carets, in the severity's colour
    assert ESC in cli("check", "--color", "always", "--format", "concise", *RULES, article).out
    for fmt in ("json", "jsonl", "sarif", "github", "junit"):
        assert ESC not in cli("check", "--color", "always", "--format", fmt, *RULES, article).out, fmt
    assert ESC not in cli("check", *RULES, article).out  # auto, and the output is no terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESC in cli("check", *RULES, article).out
    assert ESC not in cli("check", "--color", "never", *RULES, article).out


def test_when_to_colour():
    from contentlint.formatters.style import wanted

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    pipe, tty = io.StringIO(), Terminal()
    assert wanted("auto", tty, {}) and not wanted("auto", pipe, {})
    assert not wanted("auto", tty, {"NO_COLOR": "1"}) and wanted("auto", tty, {"NO_COLOR": ""})
    assert not wanted("auto", tty, {"TERM": "dumb"})
    assert wanted("auto", pipe, {"FORCE_COLOR": "1"}) and not wanted("auto", pipe, {"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert wanted("always", pipe, {"NO_COLOR": "1"}) and not wanted("never", tty, {"FORCE_COLOR": "1"})
    assert not wanted("auto", None, {"FORCE_COLOR": "1"})  # --output-file: colour only if asked for


def _on_a_terminal(path: str, env: dict) -> str:
    """The text report as a terminal receives it (a pseudo-terminal as stdout)."""
    import pty

    leader, follower = pty.openpty()
    cmd = [sys.executable, "-m", "contentlint", "check", *RULES, path]
    subprocess.run(cmd, stdout=follower, stderr=subprocess.DEVNULL, env=env, cwd=Path(path).parent, timeout=120)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once everything is read
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return out.decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as on Linux")
def test_a_terminal_gets_colour_unless_no_color(article):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    assert ESC in _on_a_terminal(article, env)
    assert ESC not in _on_a_terminal(article, {**env, "NO_COLOR": "1"})


# -- --quiet ---------------------------------------------------------------------------------------


def test_findings_below_fail_on_are_shown_and_quiet_drops_only_the_summary(cli, article, write):
    run = cli("check", "--no-cache", "--select", "CL801", article)
    assert run.code == 0 and "CL801 [warning]" in run.out and "Found 1 problem" in run.out
    quiet = cli("check", "--quiet", "--no-cache", "--select", "CL801", article)
    assert quiet.code == 0 and quiet.out == run.out.replace("Found 1 problem (1 warning) in 1 file.\n", "")
    assert "CL801 [warning]" in quiet.out and "^^^^^^^" in quiet.out
    assert cli("check", "-q", *RULES, write("clean.txt", "Pool reopens\nThe pool reopened.\n")).out == ""


# -- --output-file ---------------------------------------------------------------------------------


def test_output_file_holds_the_report_and_nothing_else_changes(cli, article, tmp_path):
    to_stdout = cli("check", "--format", "json", *RULES, article, "missing.txt")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    to_file = cli("check", "--format", "json", *RULES, article, "missing.txt", "--output-file", str(report))
    assert (to_file.code, to_file.out, to_file.err) == (to_stdout.code, "", to_stdout.err) and to_file.code == 2
    assert report.read_text(encoding="utf-8") == to_stdout.out
    run = cli("check", *RULES, article, "-o", str(report))
    assert run.code == 1 and run.out == "" and "CL101 [error]" in report.read_text(encoding="utf-8")
    assert sorted(p.name for p in report.parent.iterdir()) == ["report.json"]  # no temporary file left
    assert report.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_an_interrupted_write_leaves_the_previous_report_whole(cli, article, tmp_path, monkeypatch):
    report = tmp_path / "report.txt"
    report.write_text("the last run's report\n", encoding="utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    run = cli("check", *RULES, article, "-o", str(report))
    assert run.code == 2 and run.err.count("\n") == 1 and "No space left on device" in run.err
    assert report.read_text(encoding="utf-8") == "the last run's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.txt"]


@pytest.mark.parametrize("where", ["no/such/folder/report.json", "."])
def test_an_unwritable_output_file_is_one_line_and_exit_2(cli, article, where):
    run = cli("check", "--format", "json", *RULES, article, "-o", where)
    assert run.code == 2 and run.out == "" and run.err.count("\n") == 1 and "cannot write" in run.err
