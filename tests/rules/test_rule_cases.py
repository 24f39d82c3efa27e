"""Data-driven rule cases: ``tests/rules/cases/CODE.yaml`` (as in sqlfluff).

Each file holds named cases::

    case_name:
      format: txt | md | html      # default txt
      date: 2025-05-14             # optional --date
      options: {tolerance: 0.2}    # optional rule options
      fail: |                      # or pass:
        article text
      violations:                  # fail only: expected findings, by any of line, column, end_line, severity
        - {line: 2, column: 5}
      fixed: |                     # fail only, optional: the text after --fix --unsafe-fixes
        article text, fixed
      known_limit: why             # a case the rule does not meet yet: expected to fail, and
                                   # reported when it starts to pass (strict xfail)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from contentlint.config import Settings
from contentlint.analyses.article_date import parse_cli_date
from contentlint.registry import load_registry
from contentlint.runner import Linter

CASES_DIR = Path(__file__).parent / "cases"
REGISTRY = load_registry(plugins=False)


def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for name, case in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            marks = [pytest.mark.xfail(strict=True, reason=case["known_limit"])] if case.get("known_limit") else []
            yield pytest.param(path.stem, case, id=f"{path.stem}-{name}", marks=marks)


def _linter(code: str, case: dict) -> Linter:
    settings = Settings(select=[code])
    if case.get("options"):
        settings.rules = {code: case["options"]}
    return Linter(REGISTRY, settings, date=parse_cli_date(str(case["date"])) if case.get("date") else None)


def lint_case(code: str, case: dict):
    text = case.get("fail", case.get("pass"))
    return [d for d in _linter(code, case).check_source(f"case.{case.get('format', 'txt')}", text) if d.code == code]


@pytest.mark.parametrize(("code", "case"), list(_cases()))
def test_rule_case(code, case):
    assert ("fail" in case) != ("pass" in case), "a case has exactly one of fail/pass"
    found = lint_case(code, case)
    if "pass" in case:
        assert found == [], [d.message for d in found]
    else:
        assert found, f"{code} found nothing"
        expected = case.get("violations")
        if expected is not None:
            got = [{key: str(d.severity) if key == "severity" else getattr(d, key) for key in v}
                   for d, v in zip(found, expected)]
            assert len(found) == len(expected) and got == expected, [(d.line, d.end_line, d.message) for d in found]
        for fragment in case.get("message_contains", []):
            assert any(fragment in d.message for d in found), [d.message for d in found]
        if "fixed" in case:
            from contentlint.fixes import fix_text

            path = f"case.{case.get('format', 'txt')}"
            assert fix_text(_linter(code, case), path, case["fail"], unsafe=True)[0] == case["fixed"]


def test_every_rule_has_docs_and_cases():
    """Each rule documents why it matters, a failing and a passing example, and has cases of both."""
    from contentlint.registry import documentation_problems
    from contentlint.rule import RunnerRule, SiteRule

    case_files = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in CASES_DIR.glob("*.yaml")}
    for code, rule in REGISTRY.rules.items():
        assert documentation_problems(rule) == [], code
        if issubclass(rule, RunnerRule) and code != "CL900":
            continue  # reported by the runner; covered in tests/test_plugins.py
        if issubclass(rule, SiteRule):
            continue  # needs several articles; covered in tests/test_cli.py
        if code == "CL701":
            continue  # needs a backend (harper-py, or a LanguageTool server); covered in tests/test_grammar.py
        cases = case_files.get(code, {})
        assert any("fail" in c for c in cases.values()), f"{code} has no fail case"
        assert any("pass" in c for c in cases.values()), f"{code} has no pass case"
