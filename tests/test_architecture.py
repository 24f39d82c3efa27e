"""The layering newcomers rely on: the document model knows no rules, rules know no runner or CLI."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "contentlint"


def contentlint_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "contentlint":
            names |= {f"contentlint.{a.name}" for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("contentlint"):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("contentlint")}
    return names


def test_document_layer_imports_only_text_primitives():
    for name in ("document.py", "segment.py", "dates.py"):
        assert contentlint_imports(PACKAGE / name) <= {"contentlint.segment", "contentlint.document",
                                                       "contentlint.dates"}, name


def test_checks_see_only_document_and_rule():
    allowed = {"contentlint.document", "contentlint.rule", "contentlint.segment", "contentlint.dates",
               "contentlint.checks.meta", "contentlint.checks.word_count"}
    for path in (PACKAGE / "checks").glob("*.py"):
        assert contentlint_imports(path) <= allowed, path.name


def test_parsers_and_formatters_do_not_reach_into_the_runner():
    forbidden = {"contentlint.runner", "contentlint.cli", "contentlint.config", "contentlint.registry"}
    for folder in ("parsers", "formatters"):
        for path in (PACKAGE / folder).glob("*.py"):
            assert not contentlint_imports(path) & forbidden, path.name
