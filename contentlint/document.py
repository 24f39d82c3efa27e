"""The Document: one article, parsed, with every part located in the source, and nothing more.

``doc.prose`` has exactly the length of ``doc.source``: markup, front matter, code,
comments and tags are replaced by spaces (newlines kept), so an offset found in
``prose`` is an offset in the file. ``doc.line_col(offset)`` turns it into a
1-based line and column. Parsers (``contentlint.parsers``) build Documents; what
is computed from them (words, sentences, boilerplate, facts…) lives in
``contentlint.analyses``, which the document never imports.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

# Block kinds a parser may produce.
TITLE, HEADING, PARAGRAPH, LIST_ITEM, BLOCKQUOTE, TABLE_CELL, CAPTION = (
    "title", "heading", "paragraph", "list_item", "blockquote", "table_cell", "caption",
)
PROSE_KINDS = frozenset({PARAGRAPH, LIST_ITEM, BLOCKQUOTE, TABLE_CELL, CAPTION})

# An article has at most this many lines (of text and Markdown), blocks and sentences; a longer file
# is reported (CL901) and not checked, since every rule costs microseconds per block and per sentence
# and nothing that long is one article. The longest of the 1,267 labeled documents has 2,278 blocks
# (web-train/0323) and 639 sentences (web-dev/0243).
MAX_PARTS = 10_000


def too_long(count: int, parts: str) -> str:
    """Why a document of ``count`` ``parts`` is not checked, or "" when it is within the limit."""
    if count <= MAX_PARTS:
        return ""
    return (f"{count:,} {parts}: longer than any article (contentlint reads at most {MAX_PARTS:,} lines, "
            f"blocks or sentences), so it was not checked")


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open source offsets ``[start, end)``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text between block boundaries: a paragraph, heading, list item…"""

    kind: str
    start: int
    end: int
    level: int = 0  # heading level 1-6; 0 otherwise
    chrome: bool = False  # HTML nav/header/footer/aside: the site's page chrome

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    target: str | None  # None: no href at all
    span: Span
    chrome: bool = False


@dataclass(frozen=True, slots=True)
class Image:
    alt: str | None  # None: no alt attribute
    src: str
    span: Span
    chrome: bool = False


@dataclass(frozen=True, slots=True)
class Tag:
    """An element a page describes itself with (``<!DOCTYPE>``, ``<html>``, ``<head>``, ``<meta>``,
    ``<link>``): its name, its attributes as written (names lowercased) and its start tag's span."""

    name: str
    attrs: tuple[tuple[str, str], ...]
    span: Span

    def get(self, attr: str) -> str | None:
        """The attribute's value (the first one, as browsers read it), or None when it is absent."""
        return next((v for k, v in self.attrs if k == attr), None)


@dataclass(frozen=True, slots=True)
class Comment:
    """A ``<!-- … -->`` comment; inline directives live in these."""

    text: str
    span: Span


@dataclass
class Document:
    path: str
    source: str
    prose: str
    format: str  # "text", "markdown" or "html"
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    meta_spans: dict[str, Span] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)  # HTML: the page's doctype, html, head, meta and link tags
    problems: list[tuple[Span, str]] = field(default_factory=list)  # parse problems worth a finding
    # HTML: for each field asking for an email address, the elements around it, innermost first
    # (a sign-up, contact or comment form is one of them)
    email_fields: list[tuple[Span, ...]] = field(default_factory=list)
    title: Block | None = None  # the title block (a TITLE block, or a Markdown H1)
    not_checked: str = ""  # why the rules do not read it (too_long), or ""

    def __post_init__(self) -> None:
        if len(self.prose) != len(self.source):
            raise ValueError("prose must mask the source, not change its length")

    # -- positions -------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        find = self.source.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        offset = max(0, min(offset, len(self.source)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The source offset of a 1-based (line, column): the inverse of :meth:`line_col`."""
        return self._line_starts[line - 1] + column - 1

    def text(self, span: Span | Block) -> str:
        """The prose inside a span, with masked runs collapsed to single spaces."""
        return " ".join(self.prose[span.start:span.end].split())

    # -- structure -------------------------------------------------------
    @cached_property
    def title_text(self) -> str | None:
        if self.title is not None:
            return self.text(self.title)
        return self.meta.get("title")

    @cached_property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == HEADING and not b.chrome]

    @cached_property
    def body_blocks(self) -> list[Block]:
        """The article's own blocks: no title, no page chrome."""
        return [b for b in self.blocks if b.kind != TITLE and not b.chrome and b is not self.title]
