"""Blocks of the article as plain text, for checkers that read text (grammar), with offsets mapped back.

``doc.prose`` masks markup to runs of spaces so that offsets stay source offsets; a grammar
checker reading it would report each run ("two spaces", "space before comma"). Here every
blank run of a block is collapsed: to one space where the source has white space there, outside
tags (or a decoded ``&nbsp;``), or an element shown as a break or an object (``<br>``,
``<img>``: ``Tuesday.<br>The`` reads ``Tuesday. The``); to nothing where it is other markup
alone next to punctuation or a decoded entity (``<a>link</a>,`` reads ``link,``;
``AT&amp;T`` reads ``AT&T``); and to one space where markup alone stands between two letters
or digits, which contentlint's words read as two words too. Blocks are joined by a paragraph
break. Built once from the prose, the map places any offset of the text back in the source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from contentlint.document import Block, Document, Span

_VISIBLE_RUN = re.compile(r"\S+")
# A comment, or a tag and its name (a ">" inside a quoted attribute value does not end it)
_MARKUP = re.compile(r"""<!--.*?-->|</?([A-Za-z][\w:.-]*)?(?:"[^"]*"|'[^']*'|[^'">])*>""", re.S)
# Elements that stand between the words around them as a line break or an object, never inside a
# word: HTML's void elements but <wbr> (a break opportunity, no break), and its embedded content.
# Any other tag inside a block is inline markup (b, a, span, Word's o:p…) and reads as nothing.
SEPARATING_TAGS = frozenset("area br col embed hr img input param source track "
                            "audio canvas iframe math object picture svg video".split())
BLOCK_BREAK = "\n\n"


class PlainText:
    """``text``, and where each of its visible runs lies in the source."""

    def __init__(self, doc: Document, blocks: Iterable[Block]) -> None:
        parts: list[str] = []
        self._text_starts: list[int] = []  # where each visible run starts in ``text``
        self._source_starts: list[int] = []  # and in the source
        self._lengths: list[int] = []
        pos = 0
        for block in blocks:
            previous_end = None
            for m in _VISIBLE_RUN.finditer(doc.prose, block.start, block.end):
                if previous_end is None:
                    if parts:
                        parts.append(BLOCK_BREAK)
                        pos += len(BLOCK_BREAK)
                else:
                    gap = _gap(doc, previous_end, m.start())
                    parts.append(gap)
                    pos += len(gap)
                run = m.group()
                self._text_starts.append(pos)
                self._source_starts.append(m.start())
                self._lengths.append(len(run))
                parts.append(run)
                pos += len(run)
                previous_end = m.end()
        self.text = "".join(parts)

    def _locate(self, offset: int) -> tuple[int, bool]:
        """The source offset of ``text[offset]``, and whether that character is the source's own
        (False: a separator, placed at the end of the visible run before it)."""
        i = bisect.bisect_right(self._text_starts, offset) - 1
        if i < 0:
            return (self._source_starts[0] if self._source_starts else 0), False
        into = offset - self._text_starts[i]
        if into < self._lengths[i]:
            return self._source_starts[i] + into, True
        return self._source_starts[i] + self._lengths[i], False

    def to_source(self, offset: int) -> int:
        """Where ``text[offset]`` is in the source."""
        return self._locate(offset)[0]

    def source_span(self, start: int, end: int) -> Span:
        """The source span covering ``text[start:end]`` (markup inside it included)."""
        first = self.to_source(start)
        if end <= start:
            return Span(first, first)
        last, own = self._locate(end - 1)
        return Span(first, max(first, last + 1 if own else last))


def _gap(doc: Document, start: int, end: int) -> str:
    """What a blank run of the prose between two visible characters reads as. White space counts
    outside tags and comments only: inside them it is markup's own (``<a href="…" class="…">``)."""
    source, prose = doc.source, doc.prose
    outside = start
    for markup in _MARKUP.finditer(source, start, end):
        if _blank(source, prose, outside, markup.start()) or (markup.group(1) or "").lower() in SEPARATING_TAGS:
            return " "
        outside = markup.end()
    if _blank(source, prose, outside, end):
        return " "
    return " " if prose[start - 1].isalnum() and prose[end].isalnum() else ""


def _blank(source: str, prose: str, start: int, end: int) -> bool:
    """Whether the source has white space in ``[start, end)``, or the prose a decoded ``&nbsp;``."""
    return any(source[i].isspace() or (prose[i] != " " and prose[i].isspace()) for i in range(start, end))
