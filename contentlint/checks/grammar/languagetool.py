"""LanguageTool, through language-tool-python, against a server the user runs (nothing is downloaded)."""

from __future__ import annotations

import functools

from contentlint.checks.grammar import URL_ENV
from contentlint.checks.grammar.match import Match
from contentlint.errors import ConfigError, InputError

SPELLING_ISSUE_TYPE = "misspelling"  # LanguageTool's issueType of its spell checkers (MORFOLOGIK_RULE_*)


@functools.lru_cache(maxsize=4)
def client(url: str, language: str):
    """A language-tool-python client of the server at ``url`` (it asks the server for its languages)."""
    try:
        import language_tool_python
    except ImportError:
        raise ConfigError("grammar checks need language-tool-python: pip install 'contentlint[grammar]'") from None
    try:
        return language_tool_python.LanguageTool(language, remote_server=url)
    except Exception as exc:  # connection refused, DNS, HTTP errors: the user must start the server
        raise InputError(f"LanguageTool server at {url} is unreachable ({type(exc).__name__}); "
                         f"start it or unset {URL_ENV}") from None


def check(text: str, url: str, language: str, disabled_rules: tuple, path: str) -> list[Match]:
    """Every match the server finds with the disabled rules off; the rule drops what its options skip."""
    tool = client(url, language)
    tool.disabled_rules = set(disabled_rules)
    try:
        found = tool.check(text)
    except Exception as exc:
        raise InputError(f"LanguageTool server at {url} failed on {path} ({type(exc).__name__})") from None
    # LanguageTool's grammar rules are what its users already trust at a warning (not measured
    # here: no server runs in this project's tests)
    return [Match(m.offset, m.offset + m.error_length, m.message, m.rule_id, f"LanguageTool {m.rule_id}, {m.category}",
                  m.replacements[0] if m.replacements else None,
                  spelling=m.rule_issue_type == SPELLING_ISSUE_TYPE, clear_error=True)
            for m in found]
