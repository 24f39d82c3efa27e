"""Sentences: the segmenter every analysis shares.

Sentences end at ``.``, ``!`` or ``?`` (plus closing quotes or brackets) that are
followed by white space and a capital letter, digit or opening quote. A period does
not end a sentence after a title abbreviation (Mr., Dr., St.), a single initial
(J. R. Smith) or a month abbreviation; after abbreviations that may also close a
sentence (U.S., a.m., Inc.) it does only when a common sentence opener follows.
Decimals (2.5) never split, since no space follows their point. A document's
sentences are split once, by the analysis context, and shared by every rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from contentlint.language import lazy_re

# Abbreviations after which a period never ends a sentence (compared lower-case, no dots).
_NEVER_FINAL = frozenset(
    """mr mrs ms dr prof st sr gen gov sen rep rev hon capt col lt sgt cmdr adm fr mt ft
    nos vs v eg ie cf approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec sens reps govs atty supt
    ave blvd rd""".split()
)
# Abbreviations that often close a sentence too ("…in the U.S. The next…").
_MAYBE_FINAL = frozenset("us uk eu un am pm inc ltd co corp jr etc llc plc bros ph.d phd".split())
_OPENERS = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your
    in on at by for from with after before but and or so yet if when while as since there
    here what who why how some many most all one two no not then still also however""".split()
)

# A longer "sentence" is not read for facts or announced lists: the longest of the 89,544 sentences in
# the labeled sets is 2,344 characters (a scraped page), and a run-on of figures with no sentence end is
# not prose whose figures can be read (reading each one against the whole sentence cost time with the
# square of its length).
MAX_READ_CHARS = 3_000
_TOKEN_WINDOW = 40  # characters looked at before a period: enough for any abbreviation
_END_RE = lazy_re.compile(r"""[.!?…]+['"”’)\]]*(?=\s+(['"“‘(\[]?)([A-Z0-9]))""")
_TOKEN_BEFORE_RE = lazy_re.compile(r"([\w.]+)$")
_NEXT_WORD_RE = lazy_re.compile(r"\s+['\"“‘(\[]?([A-Za-z]+)")


def _is_boundary(text: str, dot: int, after: int) -> bool:
    """Decide whether the terminal punctuation at ``dot`` ends a sentence."""
    if text[dot] != ".":
        return True
    m = _TOKEN_BEFORE_RE.search(text, max(0, dot - _TOKEN_WINDOW), dot)
    if not m:
        return True
    token = m.group(1).lower().strip(".")
    plain = token.replace(".", "")
    if plain == "no":  # "No. 5" but "the answer was no. Then…"
        return not text[after:].lstrip()[:1].isdigit()
    if len(plain) == 1 and plain.isalpha():
        return False  # an initial: "J. Smith"
    if plain in _NEVER_FINAL:
        return False
    if plain in _MAYBE_FINAL or (token.count(".") >= 1 and all(len(p) <= 2 for p in token.split("."))):
        nxt = _NEXT_WORD_RE.match(text, after)
        return bool(nxt and nxt.group(1).lower() in _OPENERS)
    return True


def iter_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence in ``text[start:end]``, trimmed of space."""
    pos = start
    for m in _END_RE.finditer(text, start, end):
        if m.end() > end:
            break
        if _is_boundary(text, m.start(), m.end()):
            span = _trim(text, pos, m.end())
            if span:
                yield span
            pos = m.end()
    span = _trim(text, pos, end)
    if span:
        yield span


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
