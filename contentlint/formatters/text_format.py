"""For people: each finding with the source line it points at, then a summary (none with --quiet)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from contentlint.formatters import Report, visible
from contentlint.formatters.style import BOLD, CODE, DIM, PASSED, SEVERITY, paint

if TYPE_CHECKING:
    from contentlint.rule import Diagnostic

_EXCERPT_WIDTH = 100


def _excerpt(line_text: str, column: int, end_column: int | None) -> tuple[str, str]:
    """The source line (cut to a window around the column) and a caret line under the span."""
    start = max(0, column - 1 - _EXCERPT_WIDTH // 3) if len(line_text) > _EXCERPT_WIDTH else 0
    shown = line_text[start:start + _EXCERPT_WIDTH].expandtabs(1)
    lead = "…" if start else ""
    width = max(1, min((end_column or column + 1) - column, len(shown) - (column - 1 - start)))
    return lead + shown, " " * (len(lead) + column - 1 - start) + "^" * width


def headline(d: Diagnostic, on: bool) -> str:
    """``path:line:col: CODE [severity] message``, coloured when ``on``: the concise format's line."""
    return (f"{paint(visible(f'{d.path}:{d.line}:{d.column}:'), BOLD, on)} {paint(d.code, CODE, on)} "
            f"{paint(f'[{d.severity}]', SEVERITY[str(d.severity)], on)} {visible(d.message)}")


def render(report: Report) -> str:
    out, on = [], report.color
    for d in report.diagnostics:
        severity = SEVERITY[str(d.severity)]
        out.append(f"{headline(d, on)}  {paint(visible(f'({d.name})'), DIM, on)}")
        lines = report.sources.get(d.path, "").split("\n")
        if 0 < d.line <= len(lines) and lines[d.line - 1].strip():
            end = d.end_column if d.end_line == d.line else None
            text, carets = _excerpt(lines[d.line - 1], d.column, end)
            gutter = paint("    |", DIM, on)
            out += [f"{gutter} {visible(text)}", f"{gutter} {paint(carets, severity, on)}"]
        for rel in d.related:
            out.append(paint("    =", DIM, on) + visible(f" {rel['path']}:{rel['line']}:{rel['column']}: "
                                                        f"{rel['message']}"))
    if report.quiet:  # the findings, and nothing else
        return "".join(line + "\n" for line in out)
    counts = Counter(str(d.severity) for d in report.diagnostics)
    files = len(report.files)
    if report.diagnostics:
        parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
                          for s in ("error", "warning", "info") if counts[s])
        out.append(paint(f"Found {len(report.diagnostics)} problem{'s' if len(report.diagnostics) != 1 else ''} "
                         f"({parts}) in {files} file{'s' if files != 1 else ''}.", BOLD, on))
    elif not report.unreadable:
        out.append(paint(f"All checks passed ({files} file{'s' if files != 1 else ''}).", PASSED, on))
    if report.unreadable:
        out.append(f"{report.unreadable} path{'s' if report.unreadable != 1 else ''} could not be checked (see above).")
    return "\n".join(out) + "\n"
