"""SARIF 2.1.0, with the fields GitHub code scanning requires."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote_from_bytes

from contentlint import __version__
from contentlint.formatters import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"  # the base of relative artifact URIs: the folder contentlint ran in


def _location(path: str) -> dict:
    """An artifactLocation: a percent-encoded URI (spaces, ``#``, ``%``, non-ASCII are not valid raw
    in one), relative to SRCROOT for a file under the current folder, else an absolute ``file:`` URI."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path.cwd())
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote_from_bytes(os.fsencode(relative.as_posix()), safe="/"), "uriBaseId": SRCROOT}


def render(report: Report) -> str:
    codes = sorted(report.rules)
    index = {code: i for i, code in enumerate(codes)}
    rules = [{
        "id": code,
        "name": info.name,
        "shortDescription": {"text": info.summary or info.name},
        "fullDescription": {"text": info.summary or info.name},
        "help": {"text": f"contentlint rule {code}"},
        "defaultConfiguration": {"level": _LEVEL[info.severity]},
        "properties": {"category": info.category, "tags": [info.category]},
    } for code, info in ((c, report.rules[c]) for c in codes)]
    results = []
    for d in report.diagnostics:
        result = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _LEVEL[str(d.severity)],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": _location(d.path),
                "region": {"startLine": d.line, "startColumn": d.column,
                           "endLine": d.end_line, "endColumn": max(d.end_column, d.column)},
            }}],
            "properties": {"category": d.category},
        }
        if d.related:
            result["relatedLocations"] = [{
                "id": i, "message": {"text": r["message"]},
                "physicalLocation": {"artifactLocation": _location(r["path"]),
                                     "region": {"startLine": r["line"], "startColumn": r["column"]}},
            } for i, r in enumerate(d.related)]
        results.append(result)
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "contentlint", "version": __version__, "rules": rules}},
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "invocations": [{  # inputs that could not be checked, as the tool's own notifications
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [{"level": "error", "message": {"text": e}} for e in report.errors],
            }],
            "results": results,
        }],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
