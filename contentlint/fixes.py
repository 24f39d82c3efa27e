"""Applying the fixes findings carry (``--fix``, ``--diff``), as Ruff does.

A fix replaces a span of the article's source. Fixes that overlap are never applied together:
the first of them is, and the article is checked again, so the others are recomputed on the new
text; passes repeat until nothing is left to fix. A file is written back with its own encoding
and line ends, all at once, and not at all if it changed on disk while it was being fixed.
"""

from __future__ import annotations

import codecs
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from contentlint import parsers
from contentlint.errors import InputError
from contentlint.files import (
    declared_html_encoding, decode_stored, normalize_newlines, read_bytes, shown, write_atomically,
)
from contentlint.rule import Diagnostic

# Ruff stops at 100 passes; an article's fixes settle in two or three, and a pair of rules whose
# fixes undo each other would otherwise loop forever.
MAX_PASSES = 10
_LINE_END_RE = re.compile(r"\r\n|\r|\n")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # a line with its own end (the last may have none)
_NO_NEWLINE = "\\ No newline at end of file\n"  # what diff and git print after a last line without one


@dataclass(frozen=True)
class Fixed:
    """One article after its fixes: its text as stored before and after, and how many were applied."""

    path: str
    before: str
    after: str
    applied: int
    settled: bool  # False when fixes were still coming after MAX_PASSES
    left: list[Diagnostic]  # the findings of the fixed text, when settled (its last check found them)
    encoding: str
    data: bytes  # the file as read, to tell whether it changed on disk meanwhile

    @property
    def changed(self) -> bool:
        return self.after != self.before


def applicable(d: Diagnostic, unsafe: bool) -> bool:
    return bool(d.fix) and (unsafe or d.fix.get("applicability", "safe") == "safe")


def fix_text(linter, path: str, text: str, unsafe: bool) -> tuple[str, int, bool, list[Diagnostic]]:
    """``text`` (line ends "\\n") with every applicable fix applied; how many were, whether they
    settled (none was left after the last pass), and then the fixed text's findings."""
    applied = 0
    for _ in range(MAX_PASSES):
        doc = parsers.parse(path, text)
        found = linter.check_document(doc)
        edits = [(doc.offset(d.fix["line"], d.fix["column"]), doc.offset(d.fix["end_line"], d.fix["end_column"]),
                  d.fix["replacement"]) for d in found if applicable(d, unsafe)]
        chosen, end = [], -1
        for start, stop, replacement in sorted(edits):
            if text[start:stop] == replacement:
                continue  # changes nothing: not a fix to count, nor a reason for another pass
            if start >= end and (start, stop) != (end, end):  # no overlap, and no two insertions at one point
                chosen.append((start, stop, replacement))
                end = stop
        if not chosen:
            return text, applied, True, found
        for start, stop, replacement in reversed(chosen):
            text = text[:start] + replacement + text[stop:]
        applied += len(chosen)
    return text, applied, False, []


def fix_file(linter, path: str, unsafe: bool) -> Fixed:
    """One file's fixes, computed but not written."""
    return fix_bytes(linter, path, read_bytes(Path(path)), unsafe)


def fix_bytes(linter, path: str, data: bytes, unsafe: bool) -> Fixed:
    """The fixes of an article stored as ``data`` (a file's bytes, or stdin's) under the name ``path``."""
    is_html = parsers.format_for(path) == "html"
    stored, encoding = decode_stored(data, shown(path), is_html)
    text, applied, settled, left = fix_text(linter, path, normalize_newlines(stored), unsafe)
    if is_html and data.isascii():  # nothing in it tells its encoding but what it declares
        encoding = declared_html_encoding(data) or encoding
    return Fixed(path, stored, with_line_ends_of(stored, text), applied, settled, left, encoding, data)


def encoded(fixed: Fixed) -> bytes:
    """The fixed text in the file's encoding; in HTML a character the encoding lacks becomes a
    character reference ("&#8220;"), which every browser reads the same."""
    html = parsers.format_for(fixed.path) == "html"
    try:
        return fixed.after.encode(fixed.encoding, "xmlcharrefreplace" if html else "strict")
    except UnicodeEncodeError:
        raise InputError(f"{shown(fixed.path)}: the fixes hold characters {codecs.lookup(fixed.encoding).name} "
                         f"cannot store; not fixed") from None


def write(fixed: Fixed) -> None:
    """Write a fixed file back, unless it changed on disk since it was read."""
    path = Path(fixed.path)
    if read_bytes(path) != fixed.data:
        raise InputError(f"{shown(path)}: changed on disk while it was being fixed; left as it is")
    try:
        write_atomically(path, encoded(fixed))
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot write the fixes ({exc.strerror or exc}); left as it is") from None


def fix_paths(linter, paths: list[str], unsafe: bool, write_files: bool) -> tuple[list[Fixed], list[str], list[str]]:
    """The files among ``paths`` that fixes change (written back when ``write_files``), the one-line
    errors of those that could not be fixed, and the paths whose fixes did not settle."""
    done, errors, unsettled = [], [], []
    for path in paths:
        try:
            fixed = fix_file(linter, path, unsafe)
            if not fixed.settled:
                unsettled.append(path)
            if fixed.changed:
                if write_files:
                    write(fixed)
                done.append(fixed)
        except InputError as exc:
            errors.append(str(exc))
    return done, errors, unsettled


def unified_diff(fixed: Fixed) -> str:
    """The fixes as a unified diff, with git's marker after a last line that has no line end."""
    out = []
    for line in difflib.unified_diff(_LINE_RE.findall(fixed.before), _LINE_RE.findall(fixed.after),
                                     f"a/{fixed.path}", f"b/{fixed.path}"):
        out.append(line if line.endswith(("\n", "\r")) else line + "\n" + _NO_NEWLINE)
    return "".join(out)


def with_line_ends_of(stored: str, text: str) -> str:
    """``text`` (line ends "\\n") with the line ends ``stored`` had: unchanged and rewritten lines
    keep their own ("\\r\\n", "\\r" or "\\n", even mixed in one file); new ones take the most common."""
    if "\r" not in stored:
        return text
    old = _LINE_END_RE.split(stored)
    ends = _LINE_END_RE.findall(stored)
    usual = max(set(ends), key=ends.count)
    new = text.split("\n")
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for _, a1, a2, b1, b2 in matcher.get_opcodes():
        for k in range(b2 - b1):
            line_end = ends[a1 + k] if a1 + k < min(a2, len(ends)) else usual  # the line it was, if any
            out.append(new[b1 + k] + (line_end if b1 + k < len(new) - 1 else ""))
    return "".join(out)
