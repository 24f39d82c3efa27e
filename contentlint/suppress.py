"""Inline directives, written as HTML comments in every format::

    <!-- contentlint-disable-next-line CL401 -- reason -->
    <!-- contentlint-disable-line CL101 -->
    <!-- contentlint-disable CL2, quote -->   …   <!-- contentlint-enable -->
    <!-- contentlint-disable-file word-count -->

No selector means every rule. Selectors are those of the config (code, prefix,
name, category, ALL). A comment that starts with ``contentlint`` but is not a valid
directive is reported as CL900 instead of being silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contentlint.document import Document, Span
from contentlint.errors import ConfigError
from contentlint.language import lazy_re
from contentlint.registry import Registry

_DIRECTIVE_RE = lazy_re.compile(
    r"^contentlint-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?:\s+(?P<codes>.*?))?(?:\s+--(?:\s+.*)?)?$", re.S)
_LOOKS_LIKE_RE = lazy_re.compile(r"^contentlint\b", re.I)
ALL_LINES = (1, 10**9)


@dataclass
class Suppressions:
    # (code set or None for all rules, first line, last line)
    ranges: list[tuple[frozenset[str] | None, int, int]]
    problems: list[tuple[Span, str]]

    def suppressed(self, code: str, line: int) -> bool:
        return any((codes is None or code in codes) and lo <= line <= hi for codes, lo, hi in self.ranges)


def parse_directives(doc: Document, registry: Registry) -> Suppressions:
    ranges: list[tuple[frozenset[str] | None, int, int]] = []
    problems: list[tuple[Span, str]] = []
    open_ranges: dict[frozenset[str] | None, int] = {}
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
            codes = _codes(m.group("codes") or "", registry)
        except ConfigError as exc:
            problems.append((comment.span, str(exc)))
            continue
        first, _ = doc.line_col(comment.span.start)
        last, _ = doc.line_col(comment.span.end - 1)
        if kind == "disable-file":
            ranges.append((codes, *ALL_LINES))
        elif kind == "disable-line":
            ranges.append((codes, first, last))
        elif kind == "disable-next-line":
            target = _next_nonblank_line(doc, last + 1)
            ranges.append((codes, target, target))
        elif kind == "disable":
            open_ranges.setdefault(codes, first)
        else:  # enable: closes the matching disable, or every open one when it names no rule
            for key in [k for k in open_ranges if codes is None or k == codes]:
                ranges.append((key, open_ranges.pop(key), first))
    for key, start in open_ranges.items():
        ranges.append((key, start, ALL_LINES[1]))
    return Suppressions(ranges, problems)


def _codes(text: str, registry: Registry) -> frozenset[str] | None:
    selectors = [s for s in re.split(r"[\s,]+", text.strip()) if s]
    if not selectors:
        return None
    codes: set[str] = set()
    for sel in selectors:
        codes |= registry.resolve(sel, "directive")
    return frozenset(codes)


def _next_nonblank_line(doc: Document, line: int) -> int:
    lines = doc.source.split("\n")
    while line <= len(lines) and not lines[line - 1].strip():
        line += 1
    return line
