"""Lists an article announces with a count, and how many items follow.

"Here are the three steps:" followed by list items, or "The council named five finalists:
Ames, Boone, Cedar and Dixon." The count is any figure the language layer reads
(:mod:`contentlint.language.numbers`) before a plural noun and a colon in one sentence; the
items are the list items that follow the announcing paragraph, or the series after the colon
when the sentence goes on. An announcement that says its list is partial ("among them",
"including", "such as") announces no count of items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contentlint.document import LIST_ITEM, Span
from contentlint.language import lazy_re, numbers, sentences
from contentlint.language.words import stem

_MAX_ITEMS = 20  # a count larger than this is not the length of a list written out
_RESTATE_LOOKBACK = 10  # sentences: a list restates a count said in the last few, not pages before
_ANNOUNCED_RE = lazy_re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z][\w'’-]*s)\b(?P<rest>[^:;!?]{0,120}?):")
_DASHED_RE = lazy_re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z][\w'’-]*s)\s*[—–]\s*(?P<series>[^—–]{3,200}?)\s*[—–]")
_COUNTED_NOUN_RE = lazy_re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]+s)\b")  # "four finalists", "six Tessaly County schools"
_RESTATED_RE = lazy_re.compile(r"\s*(?:(?:The|These|Those)\s+(?:[a-z-]+\s+)?(?P<noun>[a-z]+s)\s+(?:are|were|will be)\s+"
                               r"|(?:The|Our|Their|Its)\s+(?:[a-z-]+\s+)?(?:lineup|list|slate|roster|field|finalists|nominees|"
                               r"winners|picks|choices)\s*:\s+"
                               r"|.*?\b(?:listed|named|identified)\s+them\s+as\s+)(?P<series>.+)$")
_QUOTED_RE = lazy_re.compile(r"[“\"][^”\"]*[”\"]")
_PARTIAL_RE = lazy_re.compile(r"\b(?:among|including|include|includes|such as|for example|for instance|like|"
                              r"notably|especially|etc|and others|and more|some of|several of|of them)\b", re.I)
_ALTERNATIVE_RE = lazy_re.compile(r"\s+(?:or|to)\s+\w")  # "two or three sessions a week": not a count of items
_RATE_RE = lazy_re.compile(r"\b(?:a|per|each|every)\s+(?:day|week|month|year|night|session)\b")
_MIN_INLINE_ITEMS = 3  # "A and B" after a count is often two of them named, not the list
# Units are not lists: "6 months: …", "10 dollars", "20 minutes".
_MEASURE_NOUNS = frozenset("""seconds minutes hours days weeks months years decades centuries dollars cents euros pounds
    percent points inches feet yards miles meters metres kilometers kilometres grams kilograms ounces gallons liters
    litres acres degrees times""".split())
_MAX_ITEM_WORDS = 8  # a longer piece of an inline series is a clause, not an item
_MAX_CLAUSE_ITEM_WORDS = 15  # items set apart by semicolons may be phrases
_SERIES_SPLIT_RE = lazy_re.compile(r"\s*;\s*(?:and\s+|or\s+)?|\s*,\s*(?:and\s+|or\s+)?")
_DESCRIPTION_RE = lazy_re.compile(r"(?:her|his|their|its|the|a|an)\s+[a-z][a-z\s-]*")  # no name in it
_NAME_START_RE = lazy_re.compile(r"\s*(?:(?:former|late|then|the)\s+)?[A-Z]")  # "former President Bill Clinton"
_LAST_AND_RE = lazy_re.compile(r"\s+(?:and|or|&)\s+")


@dataclass(frozen=True)
class AnnouncedList:
    """A count that announces a list, and the list it announces."""

    span: Span  # the count and its noun ("three steps")
    promised: int
    noun: str
    items: int
    inline: bool  # the items follow the colon in the same sentence
    sure: bool  # list items, or a series set apart by semicolons: counted without doubt


def announced_lists(ctx) -> list[AnnouncedList]:
    """Every announced list in the article (a ``Context``) whose items can be counted."""
    doc = ctx.doc
    blocks = doc.body_blocks  # not the article's blocks: a short list can look like page chrome to the boilerplate check
    out: list[AnnouncedList] = []
    before = _SentencesBefore(doc.prose)
    split = {id(b) for b in ctx.prose_blocks}  # blocks whose sentences the context has already found
    for i, block in enumerate(blocks):
        if block.kind == LIST_ITEM:
            continue
        spans = ([(s.start, s.end) for s in ctx.sentences_in(block)] if id(block) in split
                 else sentences.iter_sentences(doc.prose, block.start, block.end))
        for start, end in spans:
            if end - start > sentences.MAX_READ_CHARS:
                continue
            text = doc.prose[start:end]
            found = _announcement(text)
            restated = None if found else _restated(text, before)
            if restated:  # "… named four finalists." … "The finalists are A; B; and C."
                q, noun, at, series = restated
                items = _series_length(series)
                if items >= _MIN_INLINE_ITEMS and noun not in _MEASURE_NOUNS:
                    out.append(AnnouncedList(Span(at + q.start, at + q.end), int(q.value), noun, items, True,
                                             ";" in series))
            before.spans.append((start, end))
            if found is None:
                continue
            q, noun, colon, series = found
            after = (series or text[colon + 1:]).strip()
            if after:
                items = _series_length(after)
                inline = True
            else:
                items = _following_items(blocks, i) if end >= block.end - 1 else 0
                inline = False
            if items >= (_MIN_INLINE_ITEMS if inline else 2) and noun not in _MEASURE_NOUNS:
                out.append(AnnouncedList(Span(start + q.start, start + colon), int(q.value), noun,
                                         items, inline, not inline or ";" in after))
    return out


def _announcement(text: str) -> tuple[numbers.Quantity, str, int, str | None] | None:
    """The count, its noun, where its list starts (the colon or the dash) and, for a list set
    between dashes ("two new exhibitions — "Salt and Iron," … — open Friday"), the list."""
    if ":" not in text and "—" not in text and "–" not in text:
        return None
    for q in numbers.find_quantities(text):
        if q.unit != numbers.COUNT or q.hedge or q.is_range or q.value != int(q.value) \
                or not 2 <= q.value <= _MAX_ITEMS or _ALTERNATIVE_RE.match(text, q.end):
            continue
        m = _ANNOUNCED_RE.match(text, q.end)
        if m and not _PARTIAL_RE.search(text[:m.end()]) and not _RATE_RE.search(m.group("rest")):
            return q, m.group("noun"), m.end() - 1, None
        dashed = _DASHED_RE.match(text, q.end)
        if dashed and not _PARTIAL_RE.search(text[:dashed.end()]):
            return q, dashed.group("noun"), dashed.start("series") - 1, dashed.group("series")
    return None


class _SentencesBefore:
    """The sentences read so far, whose counts a restated list may give. A sentence is searched
    for counts only when a later one looks like a restated list, and then once."""

    def __init__(self, prose: str) -> None:
        self.prose = prose
        self.spans: list[tuple[int, int]] = []
        self._counts: dict[int, list[tuple[int, numbers.Quantity, str]]] = {}

    def counts(self, k: int) -> list[tuple[int, numbers.Quantity, str]]:
        """The counts of plural nouns in sentence ``k``, with its source offset."""
        if k not in self._counts:
            start, end = self.spans[k]
            text = self.prose[start:end]
            self._counts[k] = [(start, q, m.group("noun")) for q in numbers.find_quantities(text)
                               if q.unit == numbers.COUNT and not q.hedge and 2 <= q.value <= _MAX_ITEMS
                               and (m := _COUNTED_NOUN_RE.match(text, q.end))]
        return self._counts[k]

    def restatable(self) -> list[tuple[int, numbers.Quantity, str]]:
        """Those of the last sentence, after the last count of any earlier one (up to
        ``_RESTATE_LOOKBACK`` back)."""
        last = len(self.spans) - 1
        if last < 0:
            return []
        earlier: list[tuple[int, numbers.Quantity, str]] = []
        for k in range(last - 1, max(-1, last - 1 - _RESTATE_LOOKBACK), -1):
            earlier = self.counts(k)[-1:]
            if earlier:
                break
        return earlier + self.counts(last)


def _restated(text: str, before: _SentencesBefore):
    """A list given after its count, in a sentence of its own: "The finalists are A; B; and C."
    or "She listed them as A, B, C and D.", with the count it restates (the sentence before)."""
    m = _RESTATED_RE.match(text)
    if not m:
        return None
    counted = before.restatable()
    noun = m.group("noun")
    for at, q, counted_noun in reversed(counted):
        if noun is None or stem(noun) == stem(counted_noun):
            return q, counted_noun, at, m.group("series")
    if len(counted) == 1:  # "recognized six … schools" … "The honorees are …": the one count before
        at, q, counted_noun = counted[0]
        return q, counted_noun, at, m.group("series")
    return None


def _series_length(text: str) -> int:
    """Items in an inline series ("Ames, Boone, Cedar and Dixon."), or 0 when it is not a plain
    series of short items."""
    text = text.rstrip(" .")
    if _PARTIAL_RE.search(_QUOTED_RE.sub("", text)) or ":" in text:  # not "Some Like It Hot"
        return 0
    parts = [p for p in (_SERIES_SPLIT_RE.split(text) if ";" not in text else re.split(r"\s*;\s*(?:and\s+)?", text))
             if p]
    if len(parts) == 1 or ";" not in text:  # "A, B and C": the last comma-free piece holds the final "and"
        last = _LAST_AND_RE.split(parts[-1], maxsplit=1)
        parts = parts[:-1] + last
    merged: list[str] = []
    for part in parts:  # "her husband, former President Bill Clinton": a description and its name, one item
        if merged and _DESCRIPTION_RE.fullmatch(merged[-1].strip()) and _NAME_START_RE.match(part):
            merged[-1] += ", " + part
        else:
            merged.append(part)
    names = all(re.search(r"\b[A-Z]|[“\"]", p) for p in merged)  # names and titles may run long
    longest = _MAX_CLAUSE_ITEM_WORDS if ";" in text or names else _MAX_ITEM_WORDS
    if any(len(p.split()) > longest for p in merged):
        return 0
    return len(merged)


def _following_items(blocks, i: int) -> int:
    """List items right after block ``i``."""
    n = 0
    for block in blocks[i + 1:]:
        if block.kind != LIST_ITEM:
            break
        n += 1
    return n
