"""Inline directives, written as HTML comments in every format::

    <!-- contentlint-disable-next-line CL401 -- reason -->
    <!-- contentlint-disable-line CL101 -->
    <!-- contentlint-disable CL2, quote -->   …   <!-- contentlint-enable -->
    <!-- contentlint-disable-file word-count -->

No selector means every rule. Selectors are those of the config (code, prefix,
name, category, ALL). A comment that starts with ``contentlint`` but is not a valid
directive is reported as CL900 instead of being silently ignored.

A file's :class:`Suppressions` are the one place that decides whether a finding is
silenced: its own rules' findings, and the site-wide findings made once every file is
checked. They are small and plain (tuples, sets, JSON), so they travel with the file's
outcome through worker processes, Dask and the results cache, and they remember which
directive silenced something, so that one which silenced nothing can be reported (CL902).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from contentlint.document import Document, Span
from contentlint.errors import ConfigError
from contentlint.language import lazy_re
from contentlint.registry import Registry

if TYPE_CHECKING:
    from contentlint.rule import Diagnostic

_DIRECTIVE_RE = lazy_re.compile(
    r"^contentlint-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?:\s+(?P<codes>.*?))?(?:\s+--(?:\s+.*)?)?$", re.S)
_LOOKS_LIKE_RE = lazy_re.compile(r"^contentlint\b", re.I)
ALL_LINES = (1, 10**9)

# A selector as written, with the codes it names; ("", None) is a directive naming no rule: every rule.
Selector = tuple[str, "frozenset[str] | None"]


@dataclass(frozen=True)
class Directive:
    """A disable directive: where it is written, what it names, and the lines it silences."""

    kind: str  # disable-next-line, disable-line, disable-file or disable
    at: tuple[int, int, int, int]  # the comment's line, column, end line and end column
    selectors: tuple[Selector, ...]
    first: int
    last: int

    @property
    def text(self) -> str:
        names = ", ".join(label for label, codes in self.selectors if codes is not None)
        return f"contentlint-{self.kind}" + (f" {names}" if names else "")


@dataclass
class Suppressions:
    """A file's directives, and which of them have silenced a finding so far."""

    directives: list[Directive] = field(default_factory=list)
    problems: list[tuple[Span, str]] = field(default_factory=list)  # mistyped directives (CL900); not kept
    ran: frozenset[str] = frozenset()  # the rules run on the file: only they can show a directive unused
    used: set[tuple[int, int]] = field(default_factory=set)  # (directive, selector) that silenced a finding

    def silences(self, code: str, line: int, besides: int | None = None) -> bool:
        """Whether a finding of ``code`` on ``line`` is silenced, noting each directive that silences it.
        ``besides``: the directive a CL902 report is about, which silences it only through a
        selector naming CL902 (a bare directive does not hide its own report)."""
        silenced = False
        for i, directive in enumerate(self.directives):
            if directive.first <= line <= directive.last:
                for j, (_, codes) in enumerate(directive.selectors):
                    if (code in codes) if codes is not None else i != besides:
                        self.used.add((i, j))
                        silenced = True
        return silenced

    def keep(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics no directive silences."""
        return [d for d in diagnostics if not self.silences(d.code, d.line)]

    def unused(self, ran: set[str] | frozenset[str], every: set[str]) -> Iterator[tuple[int, str]]:
        """Each directive with a selector that silenced nothing although every rule it names
        (of ``every``: a bare directive names them all) ran, and why it is reported. A selector
        naming a rule that did not run might have silenced it, so it is left alone."""
        for i, directive in enumerate(self.directives):
            idle = [label for j, (label, codes) in enumerate(directive.selectors)
                    if (i, j) not in self.used and (named := every if codes is None else codes & every)
                    and named <= ran]
            if len(idle) == len(directive.selectors):
                yield i, f"'{directive.text}' silenced nothing: remove it"
            elif idle:
                yield i, f"{', '.join(idle)} in '{directive.text}' silenced nothing: remove {_it(idle)}"

    # -- as JSON, for the cache ------------------------------------------------------------
    def to_json(self) -> dict:
        return {"directives": [[d.kind, list(d.at), [[label, None if codes is None else sorted(codes)]
                                                     for label, codes in d.selectors], d.first, d.last]
                               for d in self.directives],
                "ran": sorted(self.ran), "used": sorted(self.used)}

    @classmethod
    def from_json(cls, data: dict) -> Suppressions:
        directives = [Directive(kind, tuple(at), tuple((label, None if codes is None else frozenset(codes))
                                                       for label, codes in selectors), first, last)
                      for kind, at, selectors, first, last in data["directives"]]
        return cls(directives, ran=frozenset(data["ran"]), used={(i, j) for i, j in data["used"]})


def parse_directives(doc: Document, registry: Registry) -> Suppressions:
    directives: list[Directive] = []
    problems: list[tuple[Span, str]] = []
    open_ranges: dict[frozenset[str] | None, tuple[int, tuple[int, int, int, int], tuple[Selector, ...]]] = {}
    for comment in doc.comments:
        text = " ".join(comment.text.split())
        if not _LOOKS_LIKE_RE.match(text):
            continue
        m = _DIRECTIVE_RE.match(text)
        if not m:
            problems.append((comment.span, f"not a contentlint directive: {text[:60]!r} (use "
                             "contentlint-disable, -enable, -disable-line, -disable-next-line or -disable-file)"))
            continue
        kind = m.group(1)
        try:
            selectors = _selectors(m.group("codes") or "", registry)
        except ConfigError as exc:
            problems.append((comment.span, str(exc)))
            continue
        first, column = doc.line_col(comment.span.start)
        last, _ = doc.line_col(comment.span.end - 1)
        at = (first, column, *doc.line_col(comment.span.end))
        codes = None if selectors[0][1] is None else frozenset().union(*(c for _, c in selectors))
        if kind == "disable-file":
            directives.append(Directive(kind, at, selectors, *ALL_LINES))
        elif kind == "disable-line":
            directives.append(Directive(kind, at, selectors, first, last))
        elif kind == "disable-next-line":
            target = _next_nonblank_line(doc, last + 1)
            directives.append(Directive(kind, at, selectors, target, target))
        elif kind == "disable":
            open_ranges.setdefault(codes, (first, at, selectors))
        else:  # enable: closes the matching disable, or every open one when it names no rule
            for key in [k for k in open_ranges if codes is None or k == codes]:
                start, where, named = open_ranges.pop(key)
                directives.append(Directive("disable", where, named, start, first))
    for start, where, named in open_ranges.values():
        directives.append(Directive("disable", where, named, start, ALL_LINES[1]))
    return Suppressions(directives, problems)


def _selectors(text: str, registry: Registry) -> tuple[Selector, ...]:
    selectors = [s for s in re.split(r"[\s,]+", text.strip()) if s]
    if not selectors:
        return (("", None),)
    return tuple((sel, frozenset(registry.resolve(sel, "directive"))) for sel in selectors)


def _it(items: list) -> str:
    return "them" if len(items) > 1 else "it"


def _next_nonblank_line(doc: Document, line: int) -> int:
    lines = doc.source.split("\n")
    while line <= len(lines) and not lines[line - 1].strip():
        line += 1
    return line
