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


DOCUMENT_LAYER = {"contentlint.segment", "contentlint.document", "contentlint.dates", "contentlint.boilerplate",
                  "contentlint.quotes", "contentlint.lexicon", "contentlint.facts", "contentlint.readability"}


def test_document_layer_imports_only_itself():
    """The document and its analyses (words, sentences, dates, boilerplate) know no rules or config."""
    for name in ("document.py", "segment.py", "dates.py", "boilerplate.py", "quotes.py", "lexicon.py", "facts.py",
                 "readability.py"):
        assert contentlint_imports(PACKAGE / name) <= DOCUMENT_LAYER, name


def test_checks_see_only_document_and_rule():
    allowed = DOCUMENT_LAYER | {"contentlint.rule", "contentlint.checks.meta", "contentlint.checks.word_count",
                                "contentlint.checks.boilerplate", "contentlint.checks.quotes",
                                "contentlint.checks.contradiction", "contentlint.checks.readability",
                                "contentlint.checks.grammar", "contentlint.checks.seo", "contentlint.checks.site",
                                "contentlint.errors"}
    for path in (PACKAGE / "checks").glob("*.py"):
        assert contentlint_imports(path) <= allowed, path.name


def test_parsers_and_formatters_do_not_reach_into_the_runner():
    forbidden = {"contentlint.runner", "contentlint.cli", "contentlint.config", "contentlint.registry"}
    for folder in ("parsers", "formatters"):
        for path in (PACKAGE / folder).glob("*.py"):
            assert not contentlint_imports(path) & forbidden, path.name
