"""Each sentence of the article read once by the language layer: figures, times, names, quotes.

Every fact the analysis extracts starts from these readings, so a sentence is scanned for
numbers, dates and names exactly once. Offsets in a :class:`Reading` are offsets in the
sentence's text; ``start`` turns them into source offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from contentlint.language import calendar, lazy_re, names, numbers, sentences
from contentlint.language.words import stem

_QUOTE_MARKS_RE = lazy_re.compile(r"[“”\"]")
_WORD_RE = lazy_re.compile(r"[A-Za-z][\w'’-]*")
_LETTER_RE = lazy_re.compile(r"[^\W\d_]")


_SHORT_BLOCK_WORDS = 15  # a one-sentence block shorter than this is a list item or a row, not a paragraph
_PROSE_LETTERS = 0.5  # share of letters below which a "sentence" is code, a table or a list of figures
_CODE_MARKS = "=<>{}|#*[]\\"  # more than two of these: code or a table row

@dataclass(slots=True)
class Reading:
    """One sentence, as the language layer reads it."""

    index: int  # position among the readings (the article's sentences that have a word)
    start: int  # source offset of the sentence
    end: int
    text: str  # "" for a run-on (over sentences.MAX_READ_CHARS): nothing in it is read
    block: int  # prose block index
    opens_block: bool = False  # the first sentence of its block (a list item's or a line's label is here)
    short_block: bool = False  # its block is one short sentence: a list item, a table row, a line of a listing
    # Sequences the language layer found; a sentence with none shares one empty tuple (an article of
    # 100,000 short lines would otherwise hold half a million empty lists).
    quantities: Sequence[numbers.Quantity] = ()
    tallies: Sequence[numbers.Tally] = ()
    times: Sequence[calendar.When] = ()
    people: Sequence[tuple[int, int, str, str]] = ()  # (start, end, given, surname)
    quoted: Sequence[tuple[int, int]] = ()  # spans inside quotation marks
    _stems: frozenset[str] | None = None
    _words: frozenset[str] | None = None
    _places: list[tuple[int, str]] | None = None

    @property
    def prose_like(self) -> bool:
        """Whether the sentence reads as prose, not code, a table row or a spec sheet."""
        letters = sum(map(str.isalpha, self.text))
        return letters >= _PROSE_LETTERS * len(self.text) and sum(self.text.count(c) for c in _CODE_MARKS) <= 2

    def in_quotes(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quoted)

    @property
    def places(self) -> list[tuple[int, str]]:
        """The states and scopes ("nationwide") the sentence names, as (offset, place)."""
        if self._places is None:
            self._places = names.find_places(self.text)
        return self._places

    @property
    def words(self) -> frozenset[str]:
        """The sentence's words, lower case (for quick tests of vocabulary)."""
        if self._words is None:
            self._words = frozenset(_WORD_RE.findall(self.text.lower()))
        return self._words

    @property
    def stems(self) -> frozenset[str]:
        """The stems of the sentence's content words (for comparing what two sentences are about)."""
        if self._stems is None:
            from contentlint.language.words import FUNCTION_WORDS

            self._stems = frozenset(stem(w) for w in _WORD_RE.findall(self.text)
                                    if w.lower() not in FUNCTION_WORDS and len(w) > 2)
        return self._stems


def read(ctx) -> list[Reading]:
    """The article's sentences (``Context.sentences``), each read once."""
    prose = ctx.doc.prose
    out = []
    open_quote, block = False, -1  # a quotation left open runs on into the next sentence
    said: set[str] = set()
    for s in ctx.sentences:
        text = prose[s.start:s.end].replace("\n", " ")
        opens_block = s.block != block
        if opens_block:
            open_quote, block = False, s.block
        if not _LETTER_RE.search(text):
            continue  # no word ("1.", "***"): not a sentence that states anything, and not read
        if len(text) > sentences.MAX_READ_CHARS:  # a run-on: kept in the sequence, with no text to read
            out.append(Reading(len(out), s.start, s.end, "", s.block, opens_block))
            continue
        r = Reading(len(out), s.start, s.end, text, s.block, opens_block)
        out.append(r)
        if open_quote or _QUOTE_MARKS_RE.search(text):
            r.quoted, open_quote = _quoted_spans(text, open_quote)
        if text in said:
            continue  # said word for word before: no new fact
        said.add(text)
        r.quantities = numbers.find_quantities(text)
        if r.quantities:
            r.tallies = numbers.find_tallies(text)
        r.times = calendar.find_times(text, quantities=r.quantities)
        r.people = tuple(names.find_people(text))
    sizes: dict[int, list[Reading]] = {}
    for r in out:
        sizes.setdefault(r.block, []).append(r)
    for same_block in sizes.values():
        if len(same_block) == 1 and same_block[0].text and len(same_block[0].text.split()) < _SHORT_BLOCK_WORDS:
            same_block[0].short_block = True
    return out


def _quoted_spans(text: str, open_at_start: bool) -> tuple[list[tuple[int, int]], bool]:
    """Spans between quotation marks (curly or straight) in one sentence, and whether a
    quotation is still open at its end."""
    spans, opened = [], 0 if open_at_start else None
    for m in _QUOTE_MARKS_RE.finditer(text):
        mark = m.group(0)
        if opened is None and mark in "“\"":
            opened = m.start()
        elif opened is not None and mark in "”\"":
            spans.append((opened, m.end()))
            opened = None
    if opened is not None:  # a quote running on past the sentence
        spans.append((opened, len(text)))
    return spans, opened is not None
