"""One line per finding: ``path:line:col: CODE [severity] message``."""

from contentlint.formatters import Report


def render(report: Report) -> str:
    return "".join(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}\n"
                   for d in report.diagnostics)
