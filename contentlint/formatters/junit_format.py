"""JUnit XML: one test suite per file, one test case per finding (a passing one when clean).

A finding fails its test case only at or above the run's ``fail-on``, as it fails the run;
one below it is a passing test case with the finding in its ``system-out``, so a CI
dashboard shows it without turning the build red (a skipped test would say it was not run).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from contentlint.formatters import Report


def render(report: Report) -> str:
    by_file = defaultdict(list)
    for d in report.diagnostics:
        by_file[d.path].append(d)

    def fails(d) -> bool:
        return report.fail_on is not None and d.severity >= report.fail_on

    root = ET.Element("testsuites", name="contentlint", tests=str(sum(max(1, len(by_file[f])) for f in report.files)),
                      failures=str(sum(map(fails, report.diagnostics))))
    for path in report.files:
        diags = by_file.get(path, [])
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(diags))),
                              failures=str(sum(map(fails, diags))), errors="0")
        if not diags:
            ET.SubElement(suite, "testcase", name="contentlint", classname=path)
        for d in diags:
            case = ET.SubElement(suite, "testcase", name=f"{d.code} {d.name} at line {d.line}, column {d.column}",
                                 classname=path)
            text = f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}"
            if fails(d):
                ET.SubElement(case, "failure", message=d.message, type=str(d.severity)).text = text
            else:
                ET.SubElement(case, "system-out").text = text
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
