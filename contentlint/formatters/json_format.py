"""One JSON array of diagnostics: the contract other tools read (see the README)."""

import json

from contentlint.formatters import Report


def render(report: Report) -> str:
    return json.dumps([d.to_dict() for d in report.diagnostics], indent=2, ensure_ascii=False) + "\n"
