"""Results per file, so that a second run over an unchanged tree costs little more than reading it.

An entry is keyed by the file's path and text and by a fingerprint of everything else that
decides its findings: contentlint's version and its own code and rule packs (their sizes and
modification times, so a development checkout never serves results of older code), the
installed plugins, and the effective settings (rules selected, levels, options, packs, date).
Anything that changes a finding changes the key; stale entries are never read, only left
behind (``contentlint clean`` is not needed: delete the folder at any time).

Entries are JSON, not pickles: a cache folder restored from a shared CI cache must not be able
to run code. Each is written to a temporary file in its own folder and renamed into place,
so runs sharing a cache (parallel jobs, several CI steps) never read half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint import __version__
from contentlint.checks.grammar import URL_ENV

if TYPE_CHECKING:
    from contentlint.runner import FileOutcome, Linter

DEFAULT_DIR = ".contentlint_cache"
_FORMAT = "1"  # bump when the entry layout changes
_PACKAGE = Path(__file__).resolve().parent  # contentlint's own code


def _code_fingerprint() -> str:
    """contentlint's own modules and shipped packs, by size and modification time."""
    from contentlint.packs import builtin_pack_root

    parts = []
    for root in dict.fromkeys((_PACKAGE, builtin_pack_root())):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".yml", ".yaml", ".json") and "__pycache__" not in path.parts:
                info = path.stat()
                parts.append(f"{path.as_posix()}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts)


def fingerprint(linter: Linter) -> str:
    """Everything besides a file's path and text that decides its findings."""
    settings = linter.settings
    packs = []
    for folder in settings.packs:
        for path in sorted(Path(folder).rglob("*")) if Path(folder).is_dir() else []:
            if path.is_file():
                packs.append(f"{path}:{hashlib.sha256(path.read_bytes()).hexdigest()}")
    plugins = sorted(f"{code}={rule.origin}:{getattr(rule, '__module__', '')}"
                     for code, rule in linter.registry.rules.items() if rule.origin.startswith("plugin"))
    state = {
        "format": _FORMAT, "version": __version__, "code": _code_fingerprint(), "packs": packs,
        "plugins": plugins, "enabled": sorted(linter.enabled), "levels": {c: str(s) for c, s in linter.levels.items()},
        "options": {c: repr(r.options) for c, r in sorted(linter.instances.items())},
        "per_file": [(glob, sorted(codes)) for glob, codes in linter.per_file], "root": str(settings.root),
        "date": repr(linter.date), "lexicon": repr(linter.lexicon),
        "grammar_server": os.environ.get(URL_ENV, ""),  # the grammar rules' server, when set this way
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, folder: Path, linter: Linter) -> None:
        self.folder = folder / f"v{_FORMAT}"
        self.fingerprint = fingerprint(linter)
        self.linter = linter

    def key(self, path: str, source: str) -> str:
        h = hashlib.sha256(self.fingerprint.encode("ascii"))
        h.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0" + source.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> FileOutcome | None:
        from contentlint.rule import Diagnostic
        from contentlint.runner import FileOutcome

        try:
            data = json.loads(self._entry(key).read_text(encoding="utf-8"))
            gathered = {k: self.linter.gatherers[k].decode(v) for k, v in data["gathered"].items()}
            return FileOutcome(data["path"], [Diagnostic.from_dict(d) for d in data["diagnostics"]], gathered)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing, or unreadable: checked afresh

    def put(self, key: str, outcome: FileOutcome) -> None:
        gathered = {}
        for k, value in outcome.gathered.items():
            encoded = self.linter.gatherers[k].encode(value)
            if encoded is None:
                return  # a site rule whose data has no JSON form: this file is not cached
            gathered[k] = encoded
        entry = self._entry(key)
        data = json.dumps({"path": outcome.path, "diagnostics": [d.to_dict() for d in outcome.diagnostics],
                           "gathered": gathered})
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            _mark_as_cache(self.folder.parent)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(data)
            os.replace(tmp, entry)
        except OSError:
            pass  # a read-only or full disk: the run goes on without caching


def _mark_as_cache(folder: Path) -> None:
    """A ``.gitignore`` and a ``CACHEDIR.TAG``, as Ruff and other tools mark their caches."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by contentlint\n*\n", encoding="utf-8")
        (folder / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                                             "# This file is a cache directory tag created by contentlint.\n",
                                             encoding="utf-8")
