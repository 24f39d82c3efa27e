"""The command line: exit codes, output formats, bad input."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

BAD = "Pool reopens\nBy Staff · Word count: 1,400\nThe pool reopened on Saturday after repairs.\n"
CLEAN = "Pool reopens\nThe pool reopened on Saturday after two years of repairs.\n"
@pytest.fixture(autouse=True)
def _only_the_rules_these_tests_exercise(tmp_path):
    """CLI behaviour is tested on tiny articles; keep the SEO and readability rules (which
    rightly flag tiny articles) out of the way."""
    (tmp_path / ".contentlint.toml").write_text('select = ["word-count", "typography", "meta"]\n')


JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "code", "name", "category", "severity", "message"}


def test_exit_codes(cli, write):
    bad, clean = write("bad.txt", BAD), write("clean.txt", CLEAN)
    assert cli("check", clean).code == 0
    run = cli("check", bad)
    assert run.code == 1 and "CL101" in run.out
    assert cli("check", bad, "--exit-zero").code == 0
    assert cli("check", bad, "--fail-on", "never").code == 0
    assert cli("check", bad, "--ignore", "CL101").code == 0


def test_fail_on_warning(cli, write):
    path = write("a.txt", "Pool\nThe the pool reopened on Saturday.\n")
    assert cli("check", path).code == 0  # CL801 is a warning
    assert cli("check", path, "--fail-on", "warning").code == 1


def test_json_contract(cli, write):
    run = cli("check", "--format", "json", write("bad.txt", BAD))
    items = run.json()
    assert len(items) == 1
    item = items[0]
    assert JSON_KEYS <= set(item)
    assert (item["line"], item["column"], item["end_line"]) == (2, 12, 2)
    assert item["end_column"] > item["column"]
    assert (item["code"], item["name"], item["category"], item["severity"]) == (
        "CL101", "word-count-mismatch", "word-count", "error")


def test_jsonl(cli, write):
    run = cli("check", "--format", "jsonl", write("bad.txt", BAD), write("b2.txt", BAD))
    lines = run.out.splitlines()
    assert len(lines) == 2 and all(JSON_KEYS <= set(json.loads(x)) for x in lines)


def test_sarif_has_github_required_fields(cli, write):
    sarif = json.loads(cli("check", "--format", "sarif", write("bad.txt", BAD)).out)
    assert sarif["version"] == "2.1.0" and "$schema" in sarif
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "contentlint"
    assert [r["id"] for r in driver["rules"]] == ["CL101"]
    assert driver["rules"][0]["shortDescription"]["text"]
    result = run["results"][0]
    assert result["ruleId"] == "CL101" and result["level"] == "error" and result["message"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("bad.txt")
    assert location["region"]["startLine"] == 2 and location["region"]["startColumn"] == 12


def test_github_annotations(cli, write):
    out = cli("check", "--format", "github", write("bad.txt", BAD)).out
    pattern = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                         r"title=[^:]+::.+$")
    lines = out.splitlines()
    assert lines and all(pattern.match(x) for x in lines), out
    assert "title=CL101 word-count-mismatch::claims 1%2C400 words" not in lines[0]  # message keeps commas
    assert "::claims 1,400 words" in lines[0]


def test_junit(cli, write):
    out = cli("check", "--format", "junit", write("bad.txt", BAD), write("clean.txt", CLEAN)).out
    root = ET.fromstring(out.split("\n", 1)[1])
    suites = root.findall("testsuite")
    assert len(suites) == 2
    failures = root.findall(".//failure")
    assert len(failures) == 1 and failures[0].get("type") == "error"
    assert root.get("failures") == "1"


def test_text_and_concise(cli, write):
    path = write("bad.txt", BAD)
    text = cli("check", path).out
    assert f"{path}:2:12: CL101 [error]" in text and "^^^" in text and "Found 1 problem" in text
    concise = cli("check", "--format", "concise", path).out
    assert concise.strip().count("\n") == 0 and concise.startswith(f"{path}:2:12: CL101")


def test_statistics(cli, write):
    out = cli("check", "--statistics", write("a.txt", BAD), write("b.txt", BAD)).out
    assert re.search(r"^\s+2\s+CL101\s+\[error\] word-count-mismatch$", out, re.M)


def test_directory_recursion_and_exclude(cli, write, tmp_path):
    write("site/a.md", "# Pool\n\nBy Staff · Word count: 1,400\n\nThe pool reopened.\n")
    write("site/drafts/b.txt", BAD)
    write("site/notes.csv", "not,an,article\n")
    run = cli("check", "--format", "json", "site")
    assert sorted(Path(d["path"]).name for d in run.json()) == ["a.md", "b.txt"]
    write(".contentlint.toml", 'select = ["word-count"]\nexclude = ["site/drafts"]\n')
    assert [Path(d["path"]).name for d in cli("check", "--format", "json", "site").json()] == ["a.md"]


def test_date_flag(cli, write):
    assert cli("check", "--date", "2024-13-40", write("a.txt", CLEAN)).code == 2


def test_rules_and_rule(cli):
    run = cli("rules")
    assert run.code == 0 and "CL101" in run.out and "word-count-mismatch" in run.out
    listed = json.loads(cli("rules", "--format", "json").out)
    assert {"code", "name", "category", "severity", "summary"} <= set(listed[0])
    doc = cli("rule", "CL101").out
    assert "## Why it matters" in doc and "## Fails" in doc and "## Passes" in doc
    assert "reading-time-mismatch" in cli("rule", "reading-time-mismatch").out
    bad = cli("rule", "CL000")
    assert bad.code == 2 and "unknown rule" in bad.err


@pytest.mark.parametrize(("name", "content", "message"), [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("latin1.txt", "Caf\xe9 opens\nThe caf\xe9 opened.\n".encode("latin-1"), "not valid UTF-8"),
])
def test_bad_files_exit_2_with_one_line(cli, write, name, content, message):
    run = cli("check", write(name, content))
    assert run.code == 2
    assert message in run.err and run.err.count("\n") == 1 and "Traceback" not in run.err


def test_missing_file_and_empty_directory(cli, tmp_path):
    run = cli("check", "nope.md")
    assert run.code == 2 and "no such file" in run.err and "All checks passed" not in run.out
    (tmp_path / "empty").mkdir()
    run = cli("check", "empty")
    assert run.code == 2 and "no articles" in run.err


def test_other_files_still_checked_after_an_input_error(cli, write):
    run = cli("check", "--format", "json", write("bad.txt", BAD), "missing.txt")
    assert run.code == 2 and len(run.json()) == 1


def test_empty_file_is_clean(cli, write):
    assert cli("check", write("empty.md", "")).code == 0


def test_huge_file(cli, tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: fast to make
    run = cli("check", str(big))
    assert run.code == 2 and "50.0 MB" in run.err and run.err.count("\n") == 1


def test_broken_html_is_reported_not_a_crash(cli, write):
    run = cli("check", "--format", "json", write("t.html", "<html><body><article><p>The council voted on"))
    assert run.code == 0  # a warning: contentlint read what it could
    assert [d["code"] for d in run.json()] == ["CL901"]


def test_declared_charset_html_is_decoded(cli, write):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \u201copens\u201d today.</p></body></html>'
    assert cli("check", write("w.html", page.encode("cp1252"))).code == 0


def test_check_never_writes_files(cli, write, tmp_path):
    """Articles are never changed; the one thing a check writes is its cache, and with
    --no-cache nothing at all."""
    paths = [write("a.txt", BAD), write("b.md", "# T\n\nThe the text.\n"), write("c.html", "<p>x")]
    before = {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}
    cli("check", "--no-cache", *paths)
    assert sorted(x.name for x in tmp_path.iterdir()) == [".contentlint.toml", "a.txt", "b.md", "c.html"]
    cli("check", *paths)
    assert {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths} == before
    assert sorted(x.name for x in tmp_path.iterdir()) == [".contentlint.toml", ".contentlint_cache", "a.txt",
                                                          "b.md", "c.html"]
    assert (tmp_path / ".contentlint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_stdin(tmp_path):
    cmd = [sys.executable, "-m", "contentlint", "check", "-", "--stdin-filename", "piece.md", "--format", "json"]
    proc = subprocess.run(cmd, input=b"# Pool\n\nBy Staff \xc2\xb7 Word count: 1,400\n\nThe pool.\n",
                          capture_output=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)[0]["path"] == "piece.md"
    proc = subprocess.run(cmd[:5], input=b"x", capture_output=True, cwd=tmp_path)
    assert proc.returncode == 2 and b"--stdin-filename" in proc.stderr


def test_usage_error_exit_2(cli):
    with pytest.raises(SystemExit) as exc:
        cli("check", "--format", "xml")
    assert exc.value.code == 2


def test_cross_doc_compares_named_facts_across_articles(cli, write):
    a = write("site/a.txt", "Museum names curator\nBy Staff · March 2, 2025\n"
                            "Executive director Celeste Ambrose, who became director in 2019, named a curator.\n")
    write("site/b.txt", "Museum reopens\nBy Staff · May 24, 2025\n"
                        "Executive director Celeste Ambrose, who has run the museum since late 2020, cut the ribbon.\n")
    assert cli("check", "--format", "json", "--select", "CL501", "site").json() == []
    found = cli("check", "--format", "json", "--select", "CL501", "--cross-doc", "site").json()
    assert [(Path(d["path"]).name, d["code"]) for d in found] == [("b.txt", "CL511")]
    assert "it began in 2019 there, 2020 here" in found[0]["message"]
    assert Path(found[0]["related"][0]["path"]).resolve() == Path(a).resolve() and found[0]["related"][0]["line"] == 3


def test_site_wide_duplicates_across_the_files_checked(cli, write):
    body = ("The city council passed a $41 million budget on Tuesday after a four-hour debate that ended just "
            "before midnight, with more money for road repairs and the library. Council members argued most "
            "about the parks department, which will hire six seasonal workers instead of the ten it had asked "
            "for, and about the price of the new bus shelters. The mayor said she would sign it this week.\n")
    write("site/a.md", "# Council passes budget\n\n" + body)
    write("site/b.md", "# Budget passes\n\n" + body.replace("Tuesday", "Wednesday"))
    write("site/c.md", "# Council passes budget\n\nThe library lends seeds every spring to anyone with a card.\n")
    found = cli("check", "--format", "json", "--select", "CL612,CL613,CL614", "site").json()
    got = sorted((Path(d["path"]).name, d["code"]) for d in found)
    assert got == [("b.md", "CL614"), ("c.md", "CL612")]
    assert all(Path(d["related"][0]["path"]).name == "a.md" for d in found)
    assert cli("check", "--format", "json", "--select", "CL612", "site/a.md").json() == []
