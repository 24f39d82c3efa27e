"""The grammar rule (CL701): matches of either backend mapped back to the source.

LanguageTool cannot run here, so its path is tested with responses shaped like its documented
``/v2/check`` JSON (a live test runs only when CONTENTLINT_LANGUAGETOOL_URL is set). Harper runs
in the process: its tests are live wherever harper-py is installed (the test extra has it).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import threading

import pytest

from contentlint.checks.grammar import URL_ENV
from contentlint.checks.grammar import harper as harper_backend
from contentlint.checks.grammar import languagetool
from contentlint.checks.grammar.match import Match
from contentlint.config import Settings
from contentlint.registry import load_registry
from contentlint.rule import Severity
from contentlint.runner import Linter


def lt_match(text: str, wrong: str, replacement: str, rule_id="AGREEMENT", category="GRAMMAR", occurrence=0,
             issue_type="grammar"):
    """One match as LanguageTool's /v2/check returns it."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(wrong, offset + 1)
    return {
        "message": f"Possible agreement error: '{wrong}'.",
        "shortMessage": "", "offset": offset, "length": len(wrong),
        "replacements": [{"value": replacement}],
        "context": {"text": text[max(0, offset - 10):offset + 20], "offset": min(offset, 10), "length": len(wrong)},
        "sentence": text, "type": {"typeName": "Other"},
        "rule": {"id": rule_id, "description": "d", "issueType": issue_type,
                 "category": {"id": category, "name": category.title()}},
        "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
    }


class FakeTool:
    """Stands in for language_tool_python.LanguageTool: answers /v2/check-shaped matches."""

    def __init__(self, wrong: list[tuple[str, str, str]], issue_type="grammar"):
        self.wrong, self.disabled_rules, self.seen, self.issue_type = wrong, set(), None, issue_type

    def check(self, text):
        from language_tool_python.match import Match

        self.seen = text
        return [Match(lt_match(text, w, r, rule_id=rid, issue_type=self.issue_type), text)
                for w, r, rid in self.wrong if w in text]


def run(source: str, path: str, tool: FakeTool, monkeypatch, **options):
    monkeypatch.setattr(languagetool, "client", lambda url, language: tool)
    settings = Settings(select=["CL701"], rules={"CL701": {"url": "http://localhost:8010", **options}})
    return Linter(load_registry(plugins=False), settings).check_source(path, source)


def test_matches_map_to_html_source_lines_and_offer_a_fix(monkeypatch):
    html = ("<html><body><nav><p>Home</p></nav>\n<article>\n<h1>Budget</h1>\n"
            "<p>The council <b>have approve</b> the budget.</p>\n</article></body></html>\n")
    tool = FakeTool([("have approve", "has approved", "AGREEMENT")])
    found = run(html, "a.html", tool, monkeypatch)
    assert "<b>" not in tool.seen and "Home" not in tool.seen  # prose only, page chrome left out
    assert [(d.line, d.column, d.end_column) for d in found] == [(4, 19, 31)]
    assert "LanguageTool AGREEMENT, GRAMMAR" in found[0].message and found[0].severity == Severity.WARNING
    assert found[0].fix["replacement"] == "has approved" and found[0].fix["applicability"] == "unsafe"


def test_text_is_sent_with_markup_removed_and_matches_land_on_their_word(monkeypatch):
    html = ('<html><body><article><h1>Budget</h1>\n<p>The council, led by <a href="/m" class="x y">the mayor</a>, '
            'approved AT&amp;T&rsquo;s <em>plan</em>.</p>\n<p>It <b>have</b> passed.</p></article></body></html>\n')
    tool = FakeTool([("have", "has", "AGREEMENT")])
    found = run(html, "a.html", tool, monkeypatch)
    assert tool.seen == "Budget\n\nThe council, led by the mayor, approved AT&T’s plan.\n\nIt have passed."
    line, column, end = found[0].line, found[0].column, found[0].end_column
    assert html.splitlines()[line - 1][column - 1:end - 1] == "have"


def test_spelling_is_off_unless_asked_for(monkeypatch):
    text = "Budget\nCouncilwoman Okafor voted.\n"
    tool = FakeTool([("Okafor", "Okay", "MORFOLOGIK_RULE_EN_US")], issue_type="misspelling")
    assert run(text, "a.txt", tool, monkeypatch) == []
    assert len(run(text, "a.txt", tool, monkeypatch, spelling=True)) == 1


def test_quotations_and_disabled_rules_are_skipped(monkeypatch):
    text = 'Budget\n"We has no money," she said. The council have decided.\n'
    tool = FakeTool([("We has", "We have", "AGREEMENT"), ("council have", "council has", "COLLECTIVE")])
    assert [d.message.split("(")[1] for d in run(text, "a.txt", tool, monkeypatch)] == [
        "LanguageTool COLLECTIVE, GRAMMAR)"]
    assert run(text, "a.txt", tool, monkeypatch, **{"disabled-rules": ["COLLECTIVE"]}) == []
    assert len(run(text, "a.txt", tool, monkeypatch, **{"check-quotations": True})) == 2


def test_off_when_no_server_is_configured(monkeypatch):
    monkeypatch.delenv(URL_ENV, raising=False)
    linter = Linter(load_registry(plugins=False), Settings(select=["CL701"]))
    assert linter.check_source("a.txt", "Budget\nThe council have approve it.\n") == []


def test_configured_but_unreachable_is_exit_2(cli, write, monkeypatch):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    languagetool.client.cache_clear()
    monkeypatch.setenv(URL_ENV, f"http://127.0.0.1:{port}")
    run = cli("check", "--select", "CL701", write("a.txt", "Budget\nThe council approved it.\n"))
    assert run.code == 2 and "LanguageTool server at http://127.0.0.1" in run.err and run.err.count("\n") == 1


@pytest.mark.skipif(not os.environ.get(URL_ENV), reason="set CONTENTLINT_LANGUAGETOOL_URL to a server")
def test_live_server():
    from contentlint import check_text

    found = check_text("Budget\nThe council have approve the budget on tuesday.\n", "a.txt", select=["CL701"])
    assert found and all(d.code == "CL701" for d in found)


# -- Harper, the embedded backend: live ---------------------------------------------------------
needs_harper = pytest.mark.skipif(importlib.util.find_spec("harper") is None,
                                  reason="harper-py is not installed (pip install 'contentlint[harper]')")


def harper_check(source: str, path: str, **options):
    settings = Settings(select=["CL701"], rules={"CL701": {"backend": "harper", **options}})
    return Linter(load_registry(plugins=False), settings).check_source(path, source)


def flagged(source: str, d) -> str:
    """The source text a diagnostic's span covers."""
    lines = source.split("\n")
    if d.line == d.end_line:
        return lines[d.line - 1][d.column - 1:d.end_column - 1]
    return "\n".join([lines[d.line - 1][d.column - 1:], *lines[d.line:d.end_line - 1],
                      lines[d.end_line - 1][:d.end_column - 1]])


@needs_harper
@pytest.mark.parametrize(("path", "source", "expected"), [
    ("a.txt", "Budget\nThe council will vote on the the budget on Tuesday.\n", "the the"),
    ("a.md", "# Budget\n\nThe [council](https://example.com/a_(b)) will vote on **the** the budget.\n", "the** the"),
    ("a.html", '<html><body><article><h1>Budget</h1>\n<p>AT&amp;T&rsquo;s board will vote on <a href="/b" '
               'class="x y">the</a> the budget.</p></article></body></html>\n', "the</a> the"),
])
def test_harper_finds_a_repeated_word_at_its_place_in_the_source(path, source, expected):
    found = harper_check(source, path)
    assert [(d.code, flagged(source, d), d.severity) for d in found] == [("CL701", expected, Severity.WARNING)]
    assert "(Harper RepeatedWords, Repetition)" in found[0].message


@needs_harper
def test_harper_reports_nothing_for_markup():
    html = ('<html><body><nav><a href="/">Home</a></nav><article><h1>Budget vote</h1>\n'
            '<p>The council, led by <a href="/mayor" class="lead link">the mayor</a>, approved the <b>new</b> budget '
            'on Tuesday. AT&amp;T said it&rsquo;s <em>pleased</em>.</p>\n<p>The vote (<a href="/v">seven to '
            'two</a>) came&nbsp;late; residents were <strong>not</strong> surprised.<br>\nNobody objected.</p>'
            '</article></body></html>\n')
    markdown = ('# Budget vote\n\nThe council, led by [the mayor](https://example.com/a_(b)), approved the **new** '
                'budget on Tuesday. It said it was *pleased*.\n\nThe vote ([seven to two](https://example.com/v)) '
                'came late; residents were _not_ surprised.\n')
    assert harper_check(html, "a.html") == [] and harper_check(markdown, "a.md") == []


@needs_harper
def test_harper_grades_unsure_kinds_info_and_leaves_names_alone_unless_asked():
    text = "Budget\nCouncilwoman Okafor said this is an test of the plan. Swimmers said the the ramp helped.\n"
    found = harper_check(text, "a.txt")
    assert [(flagged(text, d), d.severity) for d in found] == [("an", Severity.INFO), ("the the", Severity.WARNING)]
    assert found[0].fix == {**found[0].fix, "replacement": "a", "applicability": "unsafe"}
    assert "Okafor" in [flagged(text, d) for d in harper_check(text, "a.txt", spelling=True)]
    assert [flagged(text, d) for d in harper_check(text, "a.txt", **{"disabled-rules": ["AnA"]})] == ["the the"]


@needs_harper
def test_harper_skips_quotations_unless_asked():
    text = 'Budget\n"We will vote on the the budget," she said.\n'
    assert harper_check(text, "a.txt") == []
    assert len(harper_check(text, "a.txt", **{"check-quotations": True})) == 1


@needs_harper
def test_harper_survives_a_word_of_100000_letters(tmp_path):
    """Harper's spell check would ask for 30 GB and abort the process: run apart, so a failure fails this test only."""
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint.rules.grammar]\nbackend = "harper"\nspelling = true\n')
    (tmp_path / "a.txt").write_text("Budget\nThe the vote " + "x" * 100_000 + " came late.\n")
    run = subprocess.run([sys.executable, "-m", "contentlint", "check", "--no-cache", "--select", "CL701", "a.txt"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "Harper RepeatedWords" in run.stdout, run.stderr[-500:]


def test_harper_backend_without_harper_py_says_what_to_install(cli, write, monkeypatch):
    monkeypatch.setitem(sys.modules, "harper", None)  # import harper raises ImportError
    monkeypatch.setattr(harper_backend, "_built", threading.local())
    write("pyproject.toml", '[tool.contentlint.rules.grammar]\nbackend = "harper"\n')
    run = cli("check", "--no-cache", write("a.txt", "Budget\nThe council approved it.\n"))
    assert run.code == 2 and "pip install 'contentlint[harper]'" in run.err and run.err.count("\n") == 1


def test_a_panic_in_harper_is_the_files_crash_finding_not_a_traceback(monkeypatch):
    class PanicException(BaseException):  # pyo3's, raised for a panic in Rust
        pass

    class Panicking:
        def organized_lints(self, text, **options):
            raise PanicException("index out of bounds")

    monkeypatch.setattr(harper_backend, "linter", lambda language, disabled_rules, spelling: Panicking())
    settings = Settings(select=["CL701", "CL999"], rules={"CL701": {"backend": "harper"}})
    found = Linter(load_registry(plugins=False), settings).check_source("a.txt", "Budget\nThe council voted.\n")
    assert [d.code for d in found] == ["CL999"] and "Harper failed: index out of bounds" in found[0].message


@pytest.mark.parametrize(("options", "error"), [
    ('backend = "java"', "backend must be languagetool or harper, got 'java'"),
    pytest.param('backend = "harper"\nlanguage = "fr"', "checks English only: language must be one of en, en-US",
                 marks=needs_harper),
])
def test_a_backend_it_cannot_run_is_exit_2(cli, write, options, error):
    write("pyproject.toml", f"[tool.contentlint.rules.grammar]\n{options}\n")
    run = cli("check", "--no-cache", write("a.txt", "Budget\nThe council approved it.\n"))
    assert run.code == 2 and error in run.err and run.err.count("\n") == 1, run.err


@needs_harper
@pytest.mark.skipif(not shutil.which("unshare") or subprocess.run(["unshare", "-rn", "true"]).returncode,
                    reason="needs unshare -rn (user and network namespaces) to cut the network off")
def test_harper_runs_with_no_network_at_all(tmp_path):
    """In a network namespace with no interface: whatever the Rust library would open, it could not."""
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint.rules.grammar]\nbackend = "harper"\n')
    (tmp_path / "a.txt").write_text("Budget\nThe council will vote on the the budget.\n")
    run = subprocess.run(["unshare", "-rn", sys.executable, "-m", "contentlint", "check", "--no-cache",
                          "--select", "CL701", "--fail-on", "warning", "a.txt"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "Harper RepeatedWords" in run.stdout, run.stderr


def test_the_cache_is_not_read_once_another_checker_version_is_installed(cli, write, monkeypatch):
    installed = {"harper-py": "0.2.0"}
    real_version = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: installed.get(name) or real_version(name))
    finds = [True]  # what the installed Harper makes of the article

    def check(text, language, disabled_rules, spelling):
        start = text.index("the the")
        return [Match(start, start + 7, "Repeated word.", "RepeatedWords", "Harper RepeatedWords, Repetition",
                      clear_error=True)] if finds[0] else []

    monkeypatch.setattr(harper_backend, "check", check)
    write("pyproject.toml", '[tool.contentlint.rules.grammar]\nbackend = "harper"\n')
    args = ("check", "--select", "CL701", "--format", "json", write("a.txt", "Budget\nThey vote on the the plan.\n"))
    assert len(cli(*args).json()) == 1
    finds[0] = False
    assert len(cli(*args).json()) == 1  # the same Harper: the cache answers, the checker is not asked
    installed["harper-py"] = "0.3.0"  # a new one finds nothing here
    assert cli(*args).json() == []


def test_a_run_without_the_grammar_rule_looks_up_no_checker_version(cli, write, monkeypatch):
    looked_up = []
    real_version = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: looked_up.append(name) or real_version(name))
    path = write("a.txt", "Budget\nThe council voted.\n")
    assert cli("check", path).code == 0 and cli("check", path).code == 0  # a full run, then the cached one
    assert not {"harper-py", "language-tool-python"} & set(looked_up)


def test_the_backends_are_not_imported_unless_the_rule_runs_one():
    """With no server and no Harper (the default) CL701 finds nothing, and a cold start pays nothing for it."""
    code = ("import sys\n"
            "from contentlint.config import Settings\n"
            "from contentlint.registry import load_registry\n"
            "from contentlint.runner import Linter\n"
            "for settings in (Settings(), Settings(select=['CL701'])):\n"
            "    linter = Linter(load_registry(plugins=False), settings)\n"
            "    linter.prepare()\n"
            "    linter.check_source('a.txt', 'Budget\\nThe council have approve it.\\n')\n"
            "print(sorted(m for m in sys.modules if m.startswith(('contentlint.checks.grammar.', 'harper'))))\n")
    env = {k: v for k, v in os.environ.items() if k != URL_ENV}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert run.stdout == "[]\n", run.stderr[-500:]


@needs_harper
def test_harper_is_built_once_before_the_workers_start_and_they_share_it(tmp_path, monkeypatch):
    """Forked workers inherit the parent's Harper instead of each building one (half a second each)."""
    from contentlint import workers

    builders = tmp_path / "builders"
    real_build = harper_backend._build

    def build(language, off):
        with builders.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return real_build(language, off)

    monkeypatch.setattr(harper_backend, "_built", threading.local())
    monkeypatch.setattr(harper_backend, "_build", build)
    paths = []
    for i in range(4):
        paths.append(tmp_path / f"a{i}.txt")
        paths[-1].write_text(f"Budget {i}\nThe council will vote on the the budget.\n")
    linter = Linter(load_registry(plugins=False), Settings(select=["CL701"], rules={"CL701": {"backend": "harper"}}))
    outcomes = list(workers.outcomes(linter, paths, jobs=2))
    assert [[d.code for d in o.diagnostics] for o in outcomes] == [["CL701"]] * 4
    assert builders.read_text().split() == [str(os.getpid())]
