"""One line per finding: ``path:line:col: CODE [severity] message``."""

from contentlint.formatters import Report
from contentlint.formatters.text_format import headline


def render(report: Report) -> str:
    return "".join(headline(d, report.color) + "\n" for d in report.diagnostics)
