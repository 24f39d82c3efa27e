"""One line per finding: ``path:line:col: CODE [severity] message``."""

from contentlint.formatters import Report, visible


def render(report: Report) -> str:
    return "".join(visible(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}") + "\n"
                   for d in report.diagnostics)
