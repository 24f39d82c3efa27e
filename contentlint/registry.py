"""All known rules (built-ins, YAML packs, entry-point plugins) and selector resolution.

A selector is a code (``CL101``), a code prefix (``CL1``, ``CL10``), a rule name
(``word-count-mismatch``), a category (``word-count``) or ``ALL``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from contentlint.errors import ConfigError
from contentlint.rule import CATEGORIES, CODE_RE, DOC_SECTIONS, NAME_RE, Rule

PLUGIN_GROUP = "contentlint.rules"


class Registry:
    def __init__(self, rules: Iterable[type[Rule]] = ()) -> None:
        self.rules: dict[str, type[Rule]] = {}
        self._by_name: dict[str, type[Rule]] = {}
        self.word_lists: dict[str, list[str]] = {}  # from ``extends: lexicon`` pack files
        for rule in rules:
            self.add(rule)

    def extend_list(self, name: str, entries: list[str]) -> None:
        self.word_lists.setdefault(name, []).extend(entries)

    def lexicon(self):
        """The wording every analysis uses: boilerplate kinds and word lists."""
        from contentlint.analyses.lexicon import Lexicon

        kinds = tuple(r.phrase_kind for _, r in sorted(self.rules.items())
                      if getattr(r, "phrase_kind", None) is not None)
        lists = tuple(sorted((k, tuple(v)) for k, v in self.word_lists.items()))
        return Lexicon(kinds, lists)

    def add(self, rule: type[Rule]) -> None:
        where = f"rule {getattr(rule, 'code', rule)!r} ({rule.origin})"
        code, name, category = (getattr(rule, k, None) for k in ("code", "name", "category"))
        if not isinstance(code, str) or not CODE_RE.match(code):
            raise ConfigError(f"{where}: code must be letters and 3 digits, like CL101")
        if not isinstance(name, str) or not NAME_RE.match(name):
            raise ConfigError(f"{where}: name {name!r} must be kebab-case")
        if category not in CATEGORIES:
            raise ConfigError(f"{where}: unknown category {category!r} (one of {', '.join(CATEGORIES)})")
        if code.startswith("CL") and int(code[2]) != CATEGORIES[category]:
            raise ConfigError(f"{where}: CL{CATEGORIES[category]}xx codes are for {category!r}")
        for key, table in ((code, self.rules), (name, self._by_name)):
            if key in table:
                raise ConfigError(f"{where}: {key} is already defined by {table[key].origin}")
        self.rules[code] = rule
        self._by_name[name] = rule

    def get(self, code_or_name: str) -> type[Rule] | None:
        return self.rules.get(code_or_name.upper()) or self._by_name.get(code_or_name.lower())

    def resolve(self, selector: str, where: str = "selector") -> set[str]:
        """The codes a selector names; ConfigError when it names none."""
        sel = selector.strip()
        if sel.upper() == "ALL":
            return set(self.rules)
        rule = self.get(sel)
        if rule is not None:
            return {rule.code}
        if sel in CATEGORIES:
            return {c for c, r in self.rules.items() if r.category == sel}
        prefixed = {c for c in self.rules if c.startswith(sel.upper())}
        if prefixed and sel[:1].isalpha():
            return prefixed
        raise ConfigError(f"{where}: unknown rule or selector {selector!r} "
                          f"(try 'contentlint rules' for the list)")

    def defaults(self) -> set[str]:
        return {c for c, r in self.rules.items() if r.enabled_by_default}


def documentation_problems(rule: type[Rule]) -> list[str]:
    """What a rule's documentation lacks (a summary and the three sections)."""
    doc = rule.documentation()
    problems = [] if doc.strip() else ["no documentation"]
    problems += [f"no '{s}' section" for s in DOC_SECTIONS if s not in doc]
    return problems


def _plugins() -> list[type[Rule]]:
    from importlib.metadata import entry_points

    found: list[type[Rule]] = []
    for ep in entry_points(group=PLUGIN_GROUP):
        try:
            obj = ep.load()
        except (Exception, SystemExit) as exc:  # a broken plugin is the user's to fix: say which
            raise ConfigError(f"plugin {ep.name!r} ({ep.value}) failed to load: "
                              f"{type(exc).__name__}: {exc}") from None
        rules = [obj] if isinstance(obj, type) else list(obj) if isinstance(obj, (list, tuple)) else None
        if not rules or not all(isinstance(r, type) and issubclass(r, Rule) for r in rules):
            raise ConfigError(f"plugin {ep.name!r} ({ep.value}) must point to a Rule subclass "
                              f"or a list of them")
        for r in rules:
            r.origin = f"plugin {ep.name}"
        found += rules
    return found


def load_registry(extra_packs: Iterable[Path] = (), plugins: bool = True) -> Registry:
    from contentlint.checks import BUILTIN_RULES
    from contentlint.packs import WordList, builtin_pack_root, load_pack

    registry = Registry(BUILTIN_RULES)
    root = builtin_pack_root()
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    for folder, trusted in [*((f, True) for f in folders), *((f, False) for f in extra_packs)]:
        for item in load_pack(folder, trusted):
            if isinstance(item, WordList):
                registry.extend_list(item.name, item.entries)
            else:
                registry.add(item)
    if plugins:
        for rule in _plugins():
            registry.add(rule)
    return registry
