"""The grammar rule (CL701): LanguageTool matches mapped back to the source.

LanguageTool cannot run here, so the mapping is tested with responses shaped like its
documented ``/v2/check`` JSON; a live test runs only when CONTENTLINT_LANGUAGETOOL_URL is set.
"""

from __future__ import annotations

import os
import socket

import pytest

from contentlint.checks import grammar
from contentlint.config import Settings
from contentlint.registry import load_registry
from contentlint.runner import Linter


def lt_match(text: str, wrong: str, replacement: str, rule_id="AGREEMENT", category="GRAMMAR", occurrence=0):
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
        "rule": {"id": rule_id, "description": "d", "issueType": "grammar",
                 "category": {"id": category, "name": category.title()}},
        "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
    }


class FakeTool:
    """Stands in for language_tool_python.LanguageTool: answers /v2/check-shaped matches."""

    def __init__(self, wrong: list[tuple[str, str, str]]):
        self.wrong, self.disabled_rules, self.seen = wrong, set(), None

    def check(self, text):
        from language_tool_python.match import Match

        self.seen = text
        return [Match(lt_match(text, w, r, rule_id=rid), text) for w, r, rid in self.wrong if w in text]


def run(source: str, path: str, tool: FakeTool, monkeypatch, **options):
    monkeypatch.setattr(grammar, "client", lambda url, language: tool)
    settings = Settings(select=["CL701"], rules={"CL701": {"url": "http://localhost:8010", **options}})
    return Linter(load_registry(plugins=False), settings).check_source(path, source)


def test_matches_map_to_html_source_lines_and_offer_a_fix(monkeypatch):
    html = ("<html><body><nav><p>Home</p></nav>\n<article>\n<h1>Budget</h1>\n"
            "<p>The council <b>have approve</b> the budget.</p>\n</article></body></html>\n")
    tool = FakeTool([("have approve", "has approved", "AGREEMENT")])
    found = run(html, "a.html", tool, monkeypatch)
    assert "<b>" not in tool.seen and "Home" not in tool.seen  # prose only, page chrome left out
    assert [(d.line, d.column, d.end_column) for d in found] == [(4, 19, 31)]
    assert "LanguageTool AGREEMENT, GRAMMAR" in found[0].message
    assert found[0].fix["replacement"] == "has approved"


def test_quotations_and_disabled_rules_are_skipped(monkeypatch):
    text = 'Budget\n"We has no money," she said. The council have decided.\n'
    tool = FakeTool([("We has", "We have", "AGREEMENT"), ("council have", "council has", "COLLECTIVE")])
    assert [d.message.split("(")[1] for d in run(text, "a.txt", tool, monkeypatch)] == [
        "LanguageTool COLLECTIVE, GRAMMAR)"]
    assert run(text, "a.txt", tool, monkeypatch, **{"disabled-rules": ["COLLECTIVE"]}) == []
    assert len(run(text, "a.txt", tool, monkeypatch, **{"check-quotations": True})) == 2


def test_off_when_no_server_is_configured(monkeypatch):
    monkeypatch.delenv(grammar.URL_ENV, raising=False)
    linter = Linter(load_registry(plugins=False), Settings(select=["CL701"]))
    assert linter.check_source("a.txt", "Budget\nThe council have approve it.\n") == []


def test_configured_but_unreachable_is_exit_2(cli, write, monkeypatch):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    grammar.client.cache_clear()
    monkeypatch.setenv(grammar.URL_ENV, f"http://127.0.0.1:{port}")
    run = cli("check", "--select", "CL701", write("a.txt", "Budget\nThe council approved it.\n"))
    assert run.code == 2 and "LanguageTool server at http://127.0.0.1" in run.err and run.err.count("\n") == 1


@pytest.mark.skipif(not os.environ.get(grammar.URL_ENV), reason="set CONTENTLINT_LANGUAGETOOL_URL to a server")
def test_live_server():
    from contentlint import check_text

    found = check_text("Budget\nThe council have approve the budget on tuesday.\n", "a.txt", select=["CL701"])
    assert found and all(d.code == "CL701" for d in found)
