"""Build ``prose`` by masking a copy of the source: masked characters become spaces, newlines stay."""

from __future__ import annotations

import re

from contentlint.document import Comment, Span

COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)


class Masker:
    def __init__(self, source: str, masked: bool = False) -> None:
        self.source = source
        self.chars = [c if c == "\n" else " " for c in source] if masked else list(source)

    def mask(self, start: int, end: int) -> None:
        chars, src = self.chars, self.source
        for i in range(start, end):
            if src[i] != "\n":
                chars[i] = " "

    def unmask(self, start: int, end: int) -> None:
        self.chars[start:end] = self.source[start:end]

    def put(self, offset: int, text: str) -> None:
        """Write decoded text (an HTML entity's character) at ``offset``."""
        self.chars[offset:offset + len(text)] = text

    def prose(self) -> str:
        return "".join(self.chars)


def mask_comments(source: str, masker: Masker) -> list[Comment]:
    """Mask every ``<!-- … -->`` and return them (inline directives live there)."""
    comments = []
    for m in COMMENT_RE.finditer(source):
        masker.mask(m.start(), m.end())
        comments.append(Comment(m.group(1).strip(), Span(m.start(), m.end())))
    return comments
