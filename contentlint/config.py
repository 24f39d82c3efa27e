"""Find, read and validate configuration: ``.contentlint.toml`` or ``[tool.contentlint]``.

Searched from the current directory upward; in each directory ``.contentlint.toml``
wins over ``pyproject.toml`` (which counts only when it has ``[tool.contentlint]``).
Keys (kebab-case, as in Ruff)::

    select = ["ALL"]             # rules to enable (default: every rule on by default)
    extend-select = ["CL8"]      # added to select
    ignore = ["CL390"]           # removed
    per-file-ignores = {"archive/**" = ["word-count"]}
    severity = {"quote" = "info", "CL101" = "warning"}
    fail-on = "error"            # error | warning | info | never
    profile = "news"             # general | news | blog | technical | academic (contentlint/profiles.py)
    exclude = ["drafts/"]        # gitignore-style patterns (contentlint/globs.py)
    force-exclude = true         # exclude files named on the command line too (pre-commit names them)
    respect-gitignore = false    # default true: what git ignores is not searched
    packs = ["styles/house"]     # extra YAML rule packs (folders)

    [rules.CL102]                # or [tool.contentlint.rules.reading-time-mismatch]
    words-per-minute = 200

Paths and globs are relative to the configuration file's directory.
"""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint.errors import ConfigError
from contentlint.globs import FileGlob, Globs
from contentlint.rule import Rule, Severity

if TYPE_CHECKING:
    from contentlint.analyses.article_date import ArticleDate
    from contentlint.runner import Linter

FILE_NAMES = (".contentlint.toml", "pyproject.toml")
_LIST_KEYS = ("select", "extend-select", "ignore", "exclude", "packs")
_BOOL_KEYS = ("force-exclude", "respect-gitignore")
_KNOWN_KEYS = set(_LIST_KEYS) | set(_BOOL_KEYS) | {"per-file-ignores", "severity", "fail-on", "rules", "profile",
                                                   "cache-dir"}


@dataclass
class Settings:
    """Configuration as read, before rule selectors are resolved against the registry."""

    root: Path = field(default_factory=Path.cwd)
    source: str = "defaults"  # where it came from, for error messages
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    profile: str = "general"
    exclude: list[str] = field(default_factory=list)
    force_exclude: bool = False  # exclude applies to files named on the command line too
    respect_gitignore: bool = True  # folders are searched without what git ignores
    packs: list[Path] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    cache_dir: Path | None = None  # None: .contentlint_cache under the root

    # Compiled once, when first needed: a run over files named alone (no --force-exclude) never
    # reads ``exclude``, and pathspec (~12 ms to import) is not loaded for patterns nothing asks
    # about. A bad pattern is reported (exit 2) by the run that first uses it.
    @functools.cached_property
    def exclude_globs(self) -> Globs | None:
        return Globs(self.exclude, self.root, f"{self.source}: exclude") if self.exclude else None

    @functools.cached_property
    def per_file_globs(self) -> list[tuple[FileGlob, list[str]]]:
        """Each ``per-file-ignores`` key, compiled, with its selectors."""
        return [(FileGlob(key, self.root, f"{self.source}: per-file-ignores"), selectors)
                for key, selectors in self.per_file_ignores.items()]


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        for name in FILE_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml configures contentlint. One that cannot be parsed counts when it
    names contentlint (the error is then reported, as Ruff does); otherwise it is another tool's."""
    try:
        tool = _read_toml(path).get("tool", {})
    except ConfigError:
        try:
            names_us = "contentlint" in path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        if names_us:
            raise
        return False
    return isinstance(tool, dict) and "contentlint" in tool


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_settings(explicit: Path | None = None, cwd: Path | None = None) -> Settings:
    """Read ``explicit`` or the nearest config file; defaults when there is none."""
    path = explicit or find_config((cwd or Path.cwd()).resolve())
    if path is None:
        return Settings(root=(cwd or Path.cwd()).resolve())
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"config file not found: {explicit}")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("contentlint", {})
        where = f"{path} [tool.contentlint]"
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: must be a table of settings")
    else:
        where = str(path)
    return parse_settings(data, where, path.resolve().parent)


def parse_settings(data: dict, where: str, root: Path) -> Settings:
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}'")
    s = Settings(root=root, source=where)
    for key in _LIST_KEYS:
        if key in data:
            value = data[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: '{key}' must be a list of strings")
            setattr(s, key.replace("-", "_"), value)
    s.packs = [root / p for p in data.get("packs", [])]
    for key in _BOOL_KEYS:
        if key in data:
            if not isinstance(data[key], bool):
                raise ConfigError(f"{where}: '{key}' must be true or false")
            setattr(s, key.replace("-", "_"), data[key])
    for key in ("per-file-ignores", "severity", "rules"):
        if key in data and not isinstance(data[key], dict):
            raise ConfigError(f"{where}: '{key}' must be a table")
    for glob, selectors in data.get("per-file-ignores", {}).items():
        if not isinstance(selectors, list) or not all(isinstance(v, str) for v in selectors):
            raise ConfigError(f"{where}: per-file-ignores '{glob}' must be a list of rule selectors")
    s.per_file_ignores = dict(data.get("per-file-ignores", {}))
    for selector, level in data.get("severity", {}).items():
        try:
            Severity.parse(level)
        except ValueError as exc:
            raise ConfigError(f"{where}: severity '{selector}': {exc}") from None
    s.severity = dict(data.get("severity", {}))
    s.fail_on = str(data.get("fail-on", "error"))
    check_fail_on(s.fail_on, f"{where}: 'fail-on'")
    s.profile = str(data.get("profile", s.profile))
    check_profile(s.profile, f"{where}: 'profile'")
    for rule_key, options in data.get("rules", {}).items():
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: rules.{rule_key} must be a table of options")
    s.rules = dict(data.get("rules", {}))
    if "cache-dir" in data:
        if not isinstance(data["cache-dir"], str) or not data["cache-dir"].strip():
            raise ConfigError(f"{where}: 'cache-dir' must be a path")
        s.cache_dir = root / data["cache-dir"]
    return s


def check_profile(value: str, where: str) -> str:
    from contentlint.profiles import PROFILES

    if value not in PROFILES:
        raise ConfigError(f"{where} must be one of {', '.join(PROFILES)}, got {value!r}")
    return value


def check_fail_on(value: str, where: str) -> Severity | None:
    """``fail-on`` as a severity (None for ``never``)."""
    if value == "never":
        return None
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(f"{where} must be error, warning, info or never, got {value!r}") from None


def rule_options(rule: type[Rule], values: dict[str, Any], where: str) -> Any:
    """Build a rule's Options from config values, checking names and types."""
    fields = {f.name: f for f in dataclasses.fields(rule.Options)}
    kwargs = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in fields:
            known = ", ".join(f.replace("_", "-") for f in fields) or "none"
            raise ConfigError(f"{where}: unknown option '{key}' for {rule.code} (options: {known})")
        default = getattr(rule.Options(), name)
        if isinstance(default, tuple) and isinstance(value, list):
            value = tuple(value)
        if isinstance(default, bool) != isinstance(value, bool) or not isinstance(
                value, (type(default), int) if isinstance(default, float) else type(default)):
            raise ConfigError(f"{where}: option '{key}' of {rule.code} must be "
                              f"{type(default).__name__}, got {value!r}")
        kwargs[name] = value
    return dataclasses.replace(rule.Options(), **kwargs)


@dataclass(frozen=True)
class LinterSpec:
    """A run's configuration: the settings and the command line's choices. A Linter is built from
    it (here, or in a Dask worker); the cache keys results by it, without building one."""

    settings: Settings
    select: list[str] | None = None
    extend_select: list[str] = ()
    ignore: list[str] = ()
    date: ArticleDate | None = None
    profile: str | None = None
    plugins: bool = True
    site_wide: str = "run"  # one of rule.SITE_WIDE
    metrics: bool = False  # each file's words and readability too, for the HTML report (Linter.metrics)

    def build(self) -> Linter:
        from contentlint.registry import load_registry
        from contentlint.runner import Linter

        return Linter(load_registry(self.settings.packs, self.plugins), self.settings, select=self.select,
                      extend_select=self.extend_select, ignore=self.ignore,
                      date=self.date, profile=self.profile, site_wide=self.site_wide, metrics=self.metrics)
