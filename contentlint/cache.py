"""Results kept between runs, so that a second run over an unchanged tree costs little more than reading it.

Two kinds of entry, both keyed by a fingerprint of everything besides the articles that decides
their findings: contentlint's version, its own code and rule packs (sizes and modification
times, so a development checkout never serves results of older code), the installed plugins,
the user's packs, ``CONTENTLINT_*`` environment variables and the run's configuration (its
:class:`~contentlint.config.LinterSpec`: settings and command-line choices). Each entry also
records the versions of the distributions its selected rules run (``Rule.distributions()``: the
grammar checker CL701 runs, if any), and is not read once another version is installed; versions
are looked up only when a selected rule names one, or did in the run an entry records.

- **A file's**, by its path and text: its findings, what the site rules gather of it, its
  inline directives (which the site-wide findings pass too) and, for the HTML report, its
  words and readability figures.
- **A run's**, by the keys of all its files in order: its site-wide findings, and its files'
  keys. When every file of a run is unchanged, the run is answered from these entries without
  loading a rule (:func:`unchanged_run`).

Anything that changes a finding changes a key; a stale entry is never read, only left behind
(delete the folder at any time). Entries are JSON, not pickles: a cache restored from a shared
CI cache must not be able to run code. Each is written to a temporary file in its own folder
and renamed into place, so runs sharing a cache never read half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint import __version__

if TYPE_CHECKING:
    from contentlint.config import LinterSpec, Settings
    from contentlint.rule import SiteRule
    from contentlint.runner import FileOutcome

DEFAULT_DIR = ".contentlint_cache"
_FORMAT = "3"  # bump when the entry layout changes
_PACKAGE = Path(__file__).resolve().parent  # contentlint's own code
_ENV_PREFIX = "CONTENTLINT_"  # settings given by environment (the grammar server's address)


def _code_fingerprint() -> list[str]:
    """contentlint's own modules and shipped packs, by size and modification time (the packs are
    inside the package when installed, beside it in a source checkout)."""
    parts = []
    for root in (_PACKAGE, _PACKAGE.parent / "rules"):
        for path in sorted(root.rglob("*")) if root.is_dir() else ():
            if path.suffix in (".py", ".yml", ".yaml", ".json") and "__pycache__" not in path.parts:
                info = path.stat()
                parts.append(f"{path.as_posix()}:{info.st_size}:{info.st_mtime_ns}")
    return parts


def installed_versions(distributions: Iterable[str]) -> dict[str, str]:
    """Each distribution's installed version ("" if it is not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in distributions:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = ""
    return found


def fingerprint(spec: LinterSpec) -> str:
    """Everything besides the articles' paths and text that decides their findings."""
    from importlib.metadata import entry_points

    from contentlint.registry import PLUGIN_GROUP

    packs = []
    for folder in spec.settings.packs:
        for path in sorted(Path(folder).rglob("*")) if Path(folder).is_dir() else []:
            if path.is_file():
                packs.append(f"{path}:{hashlib.sha256(path.read_bytes()).hexdigest()}")
    plugins = sorted(f"{ep.name}={ep.value}@{ep.dist.version if ep.dist else ''}"
                     for ep in entry_points(group=PLUGIN_GROUP)) if spec.plugins else []
    state = {"format": _FORMAT, "version": __version__, "code": _code_fingerprint(), "packs": packs,
             "plugins": plugins, "spec": repr(spec),
             "env": sorted((k, v) for k, v in os.environ.items() if k.startswith(_ENV_PREFIX))}
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, folder: Path, spec: LinterSpec) -> None:
        self.folder = folder / f"v{_FORMAT}"
        self.fingerprint = fingerprint(spec)
        self.versions: dict[str, str] = {}  # of the distributions the selected rules run

    def depend_on(self, distributions: Iterable[str]) -> None:
        """Keep and read files' entries only with these distributions at their installed versions."""
        self.versions = installed_versions(distributions)

    def key(self, path: str, source: str) -> str:
        h = hashlib.sha256(self.fingerprint.encode("ascii"))
        h.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0" + source.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def run_key(self, file_keys: list[str]) -> str:
        return hashlib.sha256(("run\0" + self.fingerprint + "\0" + "\0".join(file_keys)).encode("ascii")).hexdigest()

    # -- a file's entry --------------------------------------------------------------------
    def get(self, key: str, gatherers: dict[str, SiteRule]) -> FileOutcome | None:
        from contentlint.rule import Diagnostic
        from contentlint.runner import FileOutcome
        from contentlint.suppress import Suppressions

        data = self._read(key)
        try:
            if data is None or data["versions"] != self.versions:
                return None
            gathered = {k: gatherers[k].decode(v) for k, v in data["gathered"].items()}
            suppressions = Suppressions.from_json(data["suppressions"]) if data["suppressions"] else None
            return FileOutcome(data["path"], [Diagnostic.from_dict(d) for d in data["diagnostics"]], gathered,
                               key=key, suppressions=suppressions, metrics=data["metrics"])
        except (ValueError, KeyError, TypeError):
            return None  # unreadable: checked afresh

    def put(self, key: str, outcome: FileOutcome, gatherers: dict[str, SiteRule]) -> bool:
        """Keep a file's outcome; False when it cannot be kept."""
        gathered = {}
        for k, value in outcome.gathered.items():
            encoded = gatherers[k].encode(value)
            if encoded is None:
                return False  # a site rule whose data has no JSON form (CL511): this file is not cached
            gathered[k] = encoded
        suppressions = outcome.suppressions.to_json() if outcome.suppressions is not None else None
        return self._write(key, {"path": outcome.path, "diagnostics": [d.to_dict() for d in outcome.diagnostics],
                                 "gathered": gathered, "suppressions": suppressions, "metrics": outcome.metrics,
                                 "versions": self.versions})

    # -- a run's entry -----------------------------------------------------------------------
    def put_run(self, key: str, files: list[str], file_keys: list[str], site: list, rules: dict[str, Any]) -> None:
        """The run's files (their findings are in their own entries), its site-wide findings and
        what the report says of each rule that reported something."""
        self._write(key, {"files": files, "file_keys": file_keys, "site": [d.to_dict() for d in site],
                          "rules": {code: list(info) for code, info in rules.items()}, "versions": self.versions})

    def get_run(self, key: str) -> tuple[list[str], list, dict[str, list], dict[str, dict]] | None:
        """The run's files, all its findings, its rules' report lines and its files' figures (when
        the run made them), or None."""
        from contentlint.rule import Diagnostic

        data = self._read(key)
        try:
            if data is None or data["versions"] != installed_versions(data["versions"]):
                return None  # its rules ran another version of a checker
            diagnostics = []  # in the order a run makes them: each file's, then the site-wide ones
            metrics = {}
            for file_key in data["file_keys"]:
                entry = self._read(file_key)
                if entry is None:
                    return None
                diagnostics += [Diagnostic.from_dict(d) for d in entry["diagnostics"]]
                if entry["metrics"] is not None:
                    metrics[entry["path"]] = entry["metrics"]
            diagnostics += [Diagnostic.from_dict(d) for d in data["site"]]
            return data["files"], sorted(diagnostics, key=lambda d: d.sort_key), data["rules"], metrics
        except (ValueError, KeyError, TypeError):
            return None

    # -- storage -------------------------------------------------------------------------------
    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def _read(self, key: str) -> dict | None:
        try:
            data = json.loads(self._entry(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or damaged
        return data if isinstance(data, dict) else None

    def _write(self, key: str, data: dict) -> bool:
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            _mark_as_cache(self.folder.parent)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(json.dumps(data))  # in one piece: json.dump encodes in Python, several times slower
            os.replace(tmp, entry)
        except OSError:
            return False  # a read-only or full disk: the run goes on without caching
        return True


def unchanged_run(cache: Cache, paths: list[str], settings: Settings):
    """The result of a run over ``paths`` if every file is as a run with this configuration last
    saw it: (files, diagnostics, what the report says of each rule, the files' figures), or None.
    Reads the files, loads no rule."""
    from contentlint.errors import InputError
    from contentlint.files import discover, read_found

    keys = []
    for item in discover(paths, settings):
        try:
            keys.append(cache.key(*read_found(item)))
        except InputError:
            return None  # reported by the full run
    return cache.get_run(cache.run_key(keys))


def _mark_as_cache(folder: Path) -> None:
    """A ``.gitignore`` and a ``CACHEDIR.TAG``, as Ruff and other tools mark their caches."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by contentlint\n*\n", encoding="utf-8")
        (folder / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                                             "# This file is a cache directory tag created by contentlint.\n",
                                             encoding="utf-8")
