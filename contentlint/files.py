"""Find articles under the given paths and read them as text, or say clearly why not."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from contentlint.errors import InputError
from contentlint.parsers import FORMAT_BY_SUFFIX

MAX_BYTES = 10 * 1024 * 1024  # articles are kilobytes; anything this large is not one
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}
_SNIFF = 8192


def shown(path) -> str:
    """A path as one line of a message: control characters (a newline in a file name) escaped."""
    text = str(path)
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def is_excluded(path: Path, patterns: list[str], root: Path) -> bool:
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(path.name, p)
               or fnmatch.fnmatch(rel, p.rstrip("/") + "/*") for p in patterns)


def discover(paths: list[str], exclude: list[str], root: Path) -> Iterator[Path | InputError]:
    """Articles to check: explicit files as given, directories searched for known suffixes.

    Yields an InputError (instead of raising) for each path that cannot be used,
    so the other files are still checked.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            unreadable: list[OSError] = []
            for dirpath, dirnames, filenames in os.walk(path, onerror=unreadable.append):
                dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")
                                     and not is_excluded(Path(dirpath, d), exclude, root))
                for name in sorted(filenames):
                    candidate = Path(dirpath, name)
                    if candidate.suffix.lower() in FORMAT_BY_SUFFIX and not is_excluded(candidate, exclude, root):
                        found = True
                        yield candidate
            for exc in unreadable:
                yield InputError(f"{shown(exc.filename or raw)}: cannot read this folder ({exc.strerror or exc})")
            if not found and not unreadable:
                yield InputError(f"{shown(raw)}: no articles (.txt, .md, .html) found in this directory")
        elif path.exists():
            yield path
        else:
            yield InputError(f"{shown(raw)}: no such file or directory")


def decode(data: bytes, name: str, is_html: bool) -> str:
    """Bytes to text: UTF-8 (with or without BOM), or an HTML file's declared charset."""
    if b"\x00" in data[:_SNIFF]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_html_encoding(data) if is_html else None
        if declared:
            try:
                text = data.decode(declared)
            except (UnicodeError, LookupError):  # "undefined" is a codec that refuses everything
                raise InputError(f"{name}: cannot decode as its declared charset {declared!r}") from None
        else:
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
                             f"save the file as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _declared_html_encoding(data: bytes) -> str | None:
    from bs4.dammit import EncodingDetector

    return EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False)


def read_article(path: Path) -> str:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{shown(path)}: not a regular file (a pipe, socket or device); not read")
        size = info.st_size
        if size > MAX_BYTES:
            raise InputError(f"{shown(path)}: file is {size / 1048576:.1f} MB; contentlint checks articles "
                             f"up to {MAX_BYTES // 1048576} MB")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{shown(path)}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{shown(path)}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot read ({exc.strerror or exc})") from None
    return decode(data, str(path), path.suffix.lower() in (".html", ".htm"))


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
