"""Path patterns with the meaning they have in a ``.gitignore``, compiled in one place: the
configuration's ``exclude`` and ``per-file-ignores``, and git's own ignore files.

pathspec implements git's rules: ``*`` stays within a folder and ``**`` crosses folders; a
pattern with a ``/`` at its start or in its middle is anchored at its base folder, one without
matches a name at any depth; a trailing ``/`` matches folders only (and so all they hold); ``!``
takes a path back; the last pattern that matches wins. ``fnmatch``, used before, let ``*`` cross
``/`` and missed a top-level ``archive/`` with ``**/archive/**``.

Paths are matched as the tree shows them, symbolic links kept (:func:`pattern_path`), and
pathspec is imported only when a pattern is first compiled: a run with none does without it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path

from contentlint.errors import ConfigError

# pathspec's pure-Python backend: the same matches on every machine, whatever optional regex
# engines (re2, hyperscan) happen to be installed; a handful of patterns needs no faster one.
_BACKEND = "simple"


def _compile(lines: list[str]):
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines, backend=_BACKEND)


class Globs:
    """Patterns relative to a base folder, matched against absolute paths (``str``)."""

    def __init__(self, patterns: Iterable[str], base: Path, where: str | None = None) -> None:
        """``where`` names the setting for the error an invalid pattern raises; without it (a
        ``.gitignore``), invalid lines are skipped, as git skips them."""
        lines = self.patterns = list(patterns)
        self.base = base
        try:
            self.spec = _compile(lines)
        except ValueError as exc:
            if where is not None:
                raise ConfigError(f"{where}: {exc}") from None
            self.spec = _compile([line for line in lines if _valid(line)])
        self.prefix = os.path.join(os.path.abspath(base), "")

    def verdict(self, path: str, is_dir: bool = False) -> bool | None:
        """True if the last pattern matching ``path`` (or a folder it is in) selects it, False if
        it is a ``!`` pattern, None if none matches or the path is outside the base."""
        if not path.startswith(self.prefix):
            return None
        rel = path[len(self.prefix):]
        if os.sep != "/":
            rel = rel.replace(os.sep, "/")
        return self.spec.check_file(rel + "/" if is_dir else rel).include

    def covers(self, path: str, is_dir: bool = False) -> bool:
        """Whether ``path``, or a folder between the base and it, is selected: a folder a pattern
        leaves out leaves out everything in it, whatever later patterns say (git's rule)."""
        return any(self.verdict(folder, True) for folder in _folders_between(self.prefix, path)) \
            or bool(self.verdict(path, is_dir))

    def setting_aside(self, folder: str) -> Globs | None:
        """These patterns less those that leave out ``folder`` (a folder named on the command line,
        and so searched); None when no pattern is left."""
        kept = [p for p in self.patterns if not Globs([p], self.base).covers(folder, is_dir=True)]
        return Globs(kept, self.base) if kept else None


def pattern_path(path: str | os.PathLike, base: Path) -> str:
    """``path`` as patterns see it: absolute, with its symbolic links kept. A pattern names a file
    by where it sits in the tree, not where a link leads: under ``content -> ../shared``,
    ``content/drafts/a.md`` is matched by ``drafts/`` though it is stored in ``../shared``. A path
    that reaches ``base`` another way (through a link to it) is written from ``base``."""
    absolute, base_path = os.path.abspath(path), os.path.abspath(base)
    return absolute if _under(absolute, base_path) else _from_base(absolute, base_path)


def _under(path: str, base: str) -> bool:
    return path == base or path.startswith(os.path.join(base, ""))


@functools.lru_cache(maxsize=4096)  # the files of a folder outside ``base`` ask of it once
def _from_base(path: str, base: str) -> str:
    if _under(path, base):
        return path
    if _same_folder(path, base):
        return base
    parent, name = os.path.split(path)
    return path if parent == path else os.path.join(_from_base(parent, base), name)


def _same_folder(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _valid(line: str) -> bool:
    try:
        _compile([line])
    except ValueError:
        return False
    return True


def _folders_between(prefix: str, path: str) -> list[str]:
    """The folders from just below ``prefix`` down to the one holding ``path``."""
    if not path.startswith(prefix):
        return []
    parts = path[len(prefix):].split(os.sep)[:-1]
    return [prefix + os.sep.join(parts[:i]) for i in range(1, len(parts) + 1)]


class GitIgnores:
    """What git ignores in one repository: every ``.gitignore`` from the repository's root down to
    a path's folder (a deeper file's patterns win) and then ``.git/info/exclude``. Each folder's
    file is read once, when a path in it is first asked about."""

    def __init__(self, root: str, start: str | None = None) -> None:
        """``start``: the folder whose ignore files are the first read (the root by default)."""
        self.root = root
        self.start = start or root
        self.chains: dict[str, list[Globs]] = {}
        info = Path(root, ".git", "info", "exclude")
        self.info_exclude = _read_ignore_file(info, Path(root))

    @classmethod
    def above(cls, folder: str) -> GitIgnores | None:
        """The ignore files of the git repository ``folder`` is in (None outside one, where git
        ignores nothing)."""
        for candidate in (folder, *map(str, Path(folder).parents)):
            if os.path.exists(os.path.join(candidate, ".git")):
                return cls(candidate)
        return None

    def named(self, folder: str) -> GitIgnores:
        """These ignore files as seen from a folder named on the command line: when git ignores
        the folder itself, it is searched anyway, and only the ignore files inside it apply."""
        if not self.covers(folder):
            return self
        return GitIgnores(self.root, start=folder)

    def ignored(self, path: str, is_dir: bool) -> bool:
        for globs in self.chain(os.path.dirname(path)):
            verdict = globs.verdict(path, is_dir)
            if verdict is not None:
                return verdict
        return False

    def covers(self, path: str) -> bool:
        """Whether git ignores ``path`` (a folder) or a folder it is in."""
        prefix = os.path.join(self.root, "")
        return any(self.ignored(folder, True) for folder in [*_folders_between(prefix, path), path]
                   if folder != self.root)

    def chain(self, folder: str) -> list[Globs]:
        """The ignore files that speak of ``folder``'s entries, the deepest first."""
        if folder not in self.chains:
            own = _read_ignore_file(Path(folder, ".gitignore"), Path(folder))
            if folder != self.start and folder.startswith(os.path.join(self.start, "")):
                above = self.chain(os.path.dirname(folder))
            else:
                above = [self.info_exclude] if self.info_exclude and self.start == self.root else []
            self.chains[folder] = [own, *above] if own else above
        return self.chains[folder]


def _read_ignore_file(path: Path, base: Path) -> Globs | None:
    """The patterns of one ignore file; None when it has none (``git init`` writes an
    ``info/exclude`` of comments only), so that nothing is compiled for it."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:  # none here (or unreadable: git says nothing of it either)
        return None
    lines = text.splitlines()
    if all(not line.strip() or line.startswith("#") for line in lines):
        return None
    return Globs(lines, base)


class FileGlob:
    """One ``per-file-ignores`` key: a pattern, or with a leading ``!`` (as in Ruff) every file the
    pattern does not match."""

    def __init__(self, key: str, base: Path, where: str) -> None:
        self.negated = key.startswith("!")
        self.globs = Globs([key.removeprefix("!")], base, where)

    def matches(self, path: str) -> bool:
        return bool(self.globs.verdict(path)) != self.negated
