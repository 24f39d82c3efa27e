"""JUnit XML: one test suite per file, one failing test case per finding (a passing one when clean)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from contentlint.formatters import Report


def render(report: Report) -> str:
    by_file = defaultdict(list)
    for d in report.diagnostics:
        by_file[d.path].append(d)
    root = ET.Element("testsuites", name="contentlint", tests=str(sum(max(1, len(by_file[f])) for f in report.files)),
                      failures=str(len(report.diagnostics)))
    for path in report.files:
        diags = by_file.get(path, [])
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(diags))),
                              failures=str(len(diags)), errors="0")
        if not diags:
            ET.SubElement(suite, "testcase", name="contentlint", classname=path)
        for d in diags:
            case = ET.SubElement(suite, "testcase", name=f"{d.code} {d.name} at line {d.line}, column {d.column}",
                                 classname=path)
            failure = ET.SubElement(case, "failure", message=d.message, type=str(d.severity))
            failure.text = f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
