"""Plain-text articles (``.txt``).

Scraped and exported articles rarely use blank lines consistently, so every
non-blank line starts a block unless it continues a hard-wrapped paragraph (the
line before is long and stops mid-sentence, and this one starts in lower case). A short line without end
punctuation is a heading; the first line is the title when it looks like one;
``-``, ``*``, ``•`` and ``1.`` start list items.
"""

from __future__ import annotations


from contentlint.document import HEADING, LIST_ITEM, PARAGRAPH, TITLE, Block, Document
from contentlint.language import lazy_re
from contentlint.parsers.masking import Masker, mask_comments

_BULLET_RE = lazy_re.compile(r"[ \t]*(?:[-*•·▪◦‣]|\d{1,3}[.)])[ \t]+(?=\S)")
_END_PUNCT = ".,;:!…"
_HEADING_MAX_WORDS = 12
_HEADING_MAX_CHARS = 100
_TITLE_MAX_WORDS = 30
_TITLE_MAX_CHARS = 250
_WRAP_MIN_CHARS = 60  # a hard-wrapped line is at least this long


def _lines(prose: str) -> list[tuple[int, int, int]]:
    """(start, end, line index) of each line with its surrounding white space trimmed; blank lines
    skipped."""
    out, pos = [], 0
    for number, raw in enumerate(prose.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            out.append((start, start + len(stripped), number))
        pos += len(raw) + 1
    return out


def _continues(last_char: str, paragraph_chars: int, nxt: str, adjacent: bool) -> bool:
    """Whether line ``nxt`` continues the hard-wrapped paragraph before it (``paragraph_chars``
    long, its last character ``last_char``)."""
    if not adjacent or _BULLET_RE.match(nxt) or last_char in '.!?"”:':
        return False
    return paragraph_chars >= _WRAP_MIN_CHARS and nxt[:1].islower()


def _last_mark(text: str) -> str:
    """The last character that is not a closing quote or bracket: ``Stop."`` ends with a period."""
    stripped = text.rstrip("\"”’')]*_")
    return stripped[-1:] if stripped else ""


def looks_like_heading(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= _HEADING_MAX_WORDS and len(text) <= _HEADING_MAX_CHARS
            and _last_mark(text) not in _END_PUNCT and not text[:1].islower()
            and any(c.isalpha() for c in text))


def looks_like_title(text: str) -> bool:
    return (len(text.split()) <= _TITLE_MAX_WORDS and len(text) <= _TITLE_MAX_CHARS
            and _last_mark(text) not in _END_PUNCT and any(c.isalpha() for c in text))


def parse_text(path: str, source: str) -> Document:
    masker = Masker(source)
    comments = mask_comments(source, masker)
    prose = masker.prose()

    groups: list[list[int]] = []  # each: [start, end, first_line_index]
    lines = _lines(prose)
    for i, (start, end, number) in enumerate(lines):
        if groups and _continues(prose[groups[-1][1] - 1], groups[-1][1] - groups[-1][0], prose[start:end],
                                 number == lines[i - 1][2] + 1):
            groups[-1][1] = end
            groups[-1][2] += 1
        else:
            groups.append([start, end, 1])

    blocks: list[Block] = []
    title = None
    chars = list(prose)
    for index, (start, end, nlines) in enumerate(groups):
        text = prose[start:end]
        bullet = _BULLET_RE.match(text)
        if bullet:
            chars[start:start + bullet.end()] = " " * bullet.end()
            blocks.append(Block(LIST_ITEM, start + bullet.end(), end))
        elif index == 0 and nlines == 1 and looks_like_title(text):
            title = Block(TITLE, start, end)
            blocks.append(title)
        elif nlines == 1 and looks_like_heading(text):
            blocks.append(Block(HEADING, start, end, level=2))
        else:
            blocks.append(Block(PARAGRAPH, start, end))
    return Document(path=path, source=source, prose="".join(chars), format="text",
                    blocks=blocks, comments=comments, title=title)
