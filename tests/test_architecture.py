"""The layering, stated once and without exceptions:

language -> document -> parsers -> analyses -> rules (checks, packs) -> runner (workers, cache, dask_backend)
-> formatters -> cli

Each layer imports only the layers below it. The document knows nothing of what is computed
from it; analyses know no rules; the runner names no check module (it runs rules through the
registry); formatters see only diagnostics.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "contentlint"

# Every contentlint module, with the contentlint modules (or packages) it may import.
ALLOWED = {
    "contentlint.language": {"contentlint.language"},
    "contentlint.document": set(),
    "contentlint.errors": set(),
    "contentlint.parsers": {"contentlint.document", "contentlint.language", "contentlint.parsers"},
    "contentlint.analyses": {"contentlint.document", "contentlint.language", "contentlint.analyses"},
    "contentlint.rule": {"contentlint.document", "contentlint.analyses"},
    "contentlint.checks": {"contentlint.analyses", "contentlint.document", "contentlint.language", "contentlint.rule",
                           "contentlint.errors", "contentlint.checks"},
    "contentlint.packs": {"contentlint.analyses", "contentlint.document", "contentlint.language", "contentlint.rule",
                          "contentlint.errors", "contentlint.checks"},
    "contentlint.formatters": {"contentlint.rule", "contentlint.formatters", "contentlint"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def contentlint_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "contentlint":
            names |= {f"contentlint.{a.name}" if a.name != "__version__" else "contentlint" for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("contentlint"):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("contentlint")}
    return names


def _within(name: str, prefixes: set[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _layer(module: str) -> str | None:
    matches = [layer for layer in ALLOWED if module == layer or module.startswith(layer + ".")]
    return max(matches, key=len) if matches else None


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_each_module_imports_only_the_layers_below_it(path):
    layer = _layer(module_name(path))
    if layer is None:
        return  # the top: runner, registry, config, cli and the public API may use everything
    outside = {name for name in contentlint_imports(path) if not _within(name, ALLOWED[layer])}
    assert not outside, f"{module_name(path)} ({layer}) imports {sorted(outside)}"


def test_the_runner_names_no_check_module():
    assert not {n for n in contentlint_imports(PACKAGE / "runner.py") if _within(n, {"contentlint.checks"})}


def test_every_module_belongs_to_a_named_layer_or_the_top():
    top = {"contentlint", "contentlint.__main__", "contentlint.cli", "contentlint.config", "contentlint.files",
           "contentlint.profiles", "contentlint.registry", "contentlint.runner", "contentlint.suppress",
           "contentlint.cache", "contentlint.workers", "contentlint.progress", "contentlint.dask_backend",
           "contentlint.globs", "contentlint.fixes"}
    for path in MODULES:
        name = module_name(path)
        assert _layer(name) or name in top, f"{name}: add it to a layer"


def test_facts_are_read_only_for_the_rules_that_need_them(monkeypatch):
    """Reading an article's facts is the costliest analysis: a run without the contradiction
    rules must not pay for it."""
    import contentlint.analyses.facts as facts
    from contentlint.config import Settings
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    calls = []
    extract = facts.extract
    monkeypatch.setattr(facts, "extract", lambda ctx: calls.append(ctx) or extract(ctx))
    text = "Council votes\nThe council voted 5-2 on Monday to spend $4 million.\nThe 4-3 vote came late.\n"
    registry = load_registry(plugins=False)
    Linter(registry, Settings(ignore=["contradiction"])).check_source("a.txt", text)
    assert calls == []
    found = Linter(registry, Settings(select=["CL509"])).check_source("a.txt", text)
    assert len(calls) == 1 and [d.code for d in found] == ["CL509"]
