"""Build ``prose`` by masking a copy of the source: masked characters become spaces, newlines stay."""

from __future__ import annotations

from contentlint.document import Comment, Span


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
    """Mask every ``<!-- … -->`` and return them (inline directives live there).

    Found with ``str.find``, not a lazy pattern: ``<!--(.*?)-->`` rescans to the end of the
    file from every unclosed ``<!--``, and a page of them would cost time with its square."""
    comments = []
    start = source.find("<!--")
    while start >= 0:
        end = source.find("-->", start + 4)
        if end < 0:
            break  # unclosed: no later comment can close either
        end += 3
        masker.mask(start, end)
        comments.append(Comment(source[start + 4:end - 3].strip(), Span(start, end)))
        start = source.find("<!--", end)
    return comments
