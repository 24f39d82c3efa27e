"""Find articles under the given paths and read them as text, or say clearly why not."""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.errors import InputError
from contentlint.globs import GitIgnores, Globs, pattern_path
from contentlint.parsers import FORMAT_BY_SUFFIX, format_for

if TYPE_CHECKING:
    from contentlint.config import Settings

MAX_BYTES = 10 * 1024 * 1024  # articles are kilobytes; anything this large is not one
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}
_SNIFF = 8192


def shown(path) -> str:
    """A path as one line of a message: control characters (a newline in a file name) escaped."""
    text = str(path)
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def discover(paths: list[str], settings: Settings) -> Iterator[Path | InputError]:
    """Articles to check: files named as given, folders searched for known suffixes, leaving out
    what ``exclude`` or git ignores.

    A file named is checked, and a folder named is searched, even if ``exclude`` or git would
    leave it out (as Ruff does), unless ``force-exclude`` is on: pre-commit names every staged
    file. Yields an InputError (instead of raising) for each path that cannot be used, so the
    other files are still checked.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            top = pattern_path(path, settings.root)
            exclude = named_exclude = settings.exclude_globs
            if exclude is not None and exclude.covers(top, is_dir=True):
                if settings.force_exclude:
                    continue
                named_exclude = exclude.setting_aside(top)  # named: searched all the same
            ignores = GitIgnores.above(top) if settings.respect_gitignore else None
            yield from _search(raw, top, named_exclude, ignores.named(top) if ignores else None)
        elif path.exists():
            if not (settings.force_exclude and settings.exclude_globs is not None
                    and settings.exclude_globs.covers(pattern_path(path, settings.root))):
                yield path
        else:
            yield InputError(f"{shown(raw)}: no such file or directory")


def _search(raw: str, top: str, exclude: Globs | None, ignores: GitIgnores | None) -> Iterator[Path | InputError]:
    """The articles in folder ``raw`` (``top``: its :func:`pattern_path`), as paths under ``raw``;
    patterns are matched against the paths under ``top``."""

    def kept(folder: str, name: str, is_dir: bool) -> bool:
        full = os.path.join(folder, name)
        return not ((exclude is not None and exclude.verdict(full, is_dir))
                    or (ignores is not None and ignores.ignored(full, is_dir)))

    found = False
    unreadable: list[OSError] = []
    seen_as = {raw: top}  # each folder os.walk yields -> its path under top
    for dirpath, dirnames, filenames in os.walk(raw, onerror=unreadable.append):
        here = seen_as.pop(dirpath)
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")
                             and kept(here, d, True))
        seen_as.update((os.path.join(dirpath, d), os.path.join(here, d)) for d in dirnames)
        for name in sorted(filenames):
            if os.path.splitext(name)[1].lower() in FORMAT_BY_SUFFIX and kept(here, name, False):
                found = True
                yield Path(dirpath, name)
    for exc in unreadable:
        yield InputError(f"{shown(exc.filename or raw)}: cannot read this folder ({exc.strerror or exc})")
    if not found and not unreadable:
        yield InputError(f"{shown(raw)}: no articles (.txt, .md, .html) found in this directory")


def decode(data: bytes, name: str, is_html: bool) -> str:
    """Bytes to text: UTF-8 (with or without BOM), or an HTML file's declared charset; line ends
    become "\n"."""
    return normalize_newlines(decode_stored(data, name, is_html)[0])


def decode_stored(data: bytes, name: str, is_html: bool) -> tuple[str, str]:
    """Bytes to text as stored (its own line ends) and the encoding to write it back in."""
    if b"\x00" in data[:_SNIFF]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    except UnicodeDecodeError as exc:
        declared = declared_html_encoding(data) if is_html else None
        if declared:
            try:
                return data.decode(declared), declared
            except (UnicodeError, LookupError):  # "undefined" is a codec that refuses everything
                raise InputError(f"{name}: cannot decode as its declared charset {declared!r}") from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
                         f"save the file as UTF-8") from None


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def declared_html_encoding(data: bytes) -> str | None:
    from bs4.dammit import EncodingDetector

    return EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False)


def read_article(path: Path) -> str:
    return decode(read_bytes(path), str(path), format_for(str(path)) == "html")


def read_bytes(path: Path) -> bytes:
    """A file's bytes, if it is a regular file of at most :data:`MAX_BYTES`."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{shown(path)}: not a regular file (a pipe, socket or device); not read")
        size = info.st_size
        if size > MAX_BYTES:
            raise InputError(f"{shown(path)}: file is {size / 1048576:.1f} MB; contentlint checks articles "
                             f"up to {MAX_BYTES // 1048576} MB")
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{shown(path)}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{shown(path)}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot read ({exc.strerror or exc})") from None


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once: written to a temporary file in the same folder,
    then renamed over it, so a crash or a kill mid-write leaves the old file whole. A symbolic link
    is followed (the file it names is replaced, the link kept); the file's mode and, where allowed,
    its owner are kept. A file with several hard links is refused: renaming would split them."""
    import tempfile

    target = path.resolve() if path.is_symlink() else path
    old = target.stat() if target.exists() else None
    if old is not None and stat.S_ISREG(old.st_mode) and old.st_nlink > 1:
        raise InputError(f"{shown(path)}: has {old.st_nlink} hard links, which replacing it would split; not written")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".contentlint-tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if old is not None:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(tmp, old.st_uid, old.st_gid)
        else:  # a new file (a report): the mode open() would give it, not mkstemp's 0600
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def read_found(item: Path | InputError) -> tuple[str, str]:
    """A path :func:`discover` found, as (path, text); the error it found instead is raised."""
    if isinstance(item, InputError):
        raise item
    return str(item), read_article(item)


class Sources(dict):
    """The checked files' text, read again only for a file a report shows lines of, and one file
    at a time (reports go file by file): a run over 100,000 files keeps none of them."""

    def __missing__(self, path: str) -> str:
        self.clear()
        try:
            self[path] = read_article(Path(path))
        except InputError:
            self[path] = ""
        return self[path]

    def get(self, path: str, default: str = "") -> str:
        return self[path]
