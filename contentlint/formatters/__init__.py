"""Output formats: one module each, every one a ``render(report) -> str``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from contentlint.rule import Severity

if TYPE_CHECKING:
    from contentlint.rule import Diagnostic

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "junit", "html")
# Control characters (an escape sequence in a scraped article, a newline in a file name) must not
# reach a terminal or a log raw: each becomes one visible character, so carets stay aligned.
_CONTROL = {c: "\ufffd" for c in (*range(0x00, 0x09), *range(0x0a, 0x20), 0x7f, *range(0x80, 0xa0))}


def visible(text: str) -> str:
    """``text`` with its control characters (other than tab) shown as U+FFFD."""
    return text if text.isprintable() else text.translate(_CONTROL)


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    category: str
    severity: str
    summary: str


@dataclass
class Report:
    diagnostics: list[Diagnostic]
    files: list[str]
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # every rule that reported something
    sources: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # paths that could not be checked, one line each (on stderr)
    # per path, the `metrics` command's figures (words, readability); filled only for the html format
    metrics: dict[str, dict] = field(default_factory=dict)
    # how it is shown: the lowest severity that fails the run (None: none does; JUnit's failures),
    # ANSI colour (text and concise only), and no summary line (--quiet)
    fail_on: Severity | None = Severity.ERROR
    color: bool = False
    quiet: bool = False

    @property
    def unreadable(self) -> int:
        return len(self.errors)


def render(fmt: str, report: Report) -> str:
    return importlib.import_module(f"contentlint.formatters.{fmt}_format").render(report)
