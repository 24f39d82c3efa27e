"""JSON Lines: one diagnostic object per line."""

import json

from contentlint.formatters import Report


def render(report: Report) -> str:
    return "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in report.diagnostics)
