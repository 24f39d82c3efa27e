"""Output formats: one module each, every one a ``render(report) -> str``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from contentlint.rule import Diagnostic

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "junit")


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
    unreadable: int = 0  # paths that could not be checked (reported on stderr)


def render(fmt: str, report: Report) -> str:
    return importlib.import_module(f"contentlint.formatters.{fmt}_format").render(report)
