"""Words: the one definition of a word, and the function words.

A **word** is a run of letters or digits that may contain an apostrophe, hyphen,
period or comma *between* two letters or digits: ``don't``, ``well-being``,
``U.S``, ``3,200`` and ``2.5`` are one word each. Punctuation, symbols and dashes
standing alone are not words, so "cost — $40" has two words. Every count in
contentlint (word counts, reading time, readability, shingles) uses :data:`WORD_RE`.
"""

from __future__ import annotations

import functools
import re

from contentlint.language import lazy_re

WORD_RE = lazy_re.compile(r"[^\W_]+(?:['’.,\-][^\W_]+)*")

# Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries, a few
# quantifiers): they carry no topic, so vocabulary comparisons leave them out.
FUNCTION_WORDS = frozenset("""a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves may might must shall one two three many much every another each us toward towards
    onto upon via across along among amid within without behind beyond beside besides despite per
    anybody anyone anything everybody everyone everything nobody none nothing somebody someone something
    either neither""".split())


def words_in(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of ``text[start:end]`` as strings."""
    return WORD_RE.findall(text, start, len(text) if end is None else end)


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


_IRREGULAR_STEMS = {"men": "man", "women": "woman", "people": "person", "children": "child", "feet": "foot",
                    "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
                    "knives": "knife", "halves": "half", "leaves": "leaf", "shelves": "shelf", "thieves": "thief",
                    "analyses": "analysis", "crises": "crisis", "bases": "base", "indices": "index",
                    "criteria": "criterion", "data": "datum", "media": "medium", "won": "win", "lost": "lose",
                    "paid": "pay", "said": "say", "told": "tell", "held": "hold", "led": "lead", "ran": "run",
                    "began": "begin", "begun": "begin", "took": "take", "taken": "take", "gave": "give",
                    "given": "give", "made": "make", "bought": "buy", "sold": "sell", "spent": "spend",
                    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow",
                    "grown": "grow", "drew": "draw", "drawn": "draw", "got": "get", "brought": "bring",
                    "became": "become", "came": "come", "went": "go", "gone": "go", "met": "meet", "left": "leave",
                    "kept": "keep", "found": "find", "built": "build", "sent": "send", "wrote": "write",
                    "written": "write", "chose": "choose", "chosen": "choose", "hit": "hit", "cut": "cut",
                    "put": "put", "set": "set", "raised": "raise", "raising": "raise", "raises": "raise"}


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A word's stem, so that inflections meet: "fires", "fire" and "fired"; "raised" and
    "raising"; "counties" and "county"; "paid" and "pay". Crude but consistent: both sides of
    every comparison are stemmed the same way, and stems are only compared, never shown."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    lower = _IRREGULAR_STEMS.get(lower, lower)
    if len(lower) <= 3 or lower.endswith(_KEEP_ENDINGS):
        return lower
    for suffix, replacement in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            lower = lower[: len(lower) - len(suffix)] + replacement
            if suffix in ("ing", "ed") and lower[-1] == lower[-2] and lower[-1] not in "lsz":
                lower = lower[:-1]  # "planned" -> "plan", "stopping" -> "stop"
            break
    return lower.rstrip("e") or lower


def word_stems(text: str, content_only: bool = False) -> list[str]:
    """The stems of ``text``'s words in order, compounds split into their parts, so that a phrase
    meets itself in any inflection and spelling: "heat-pump rebates" and "heat pump rebate",
    "D'Souza's" and "d-souza".
    ``content_only`` leaves out the function words."""
    parts = (part for word in WORD_RE.findall(text) for part in _COMPOUND_RE.split(_POSSESSIVE_RE.sub("", word)))
    return [stem(part) for part in parts if part and not (content_only and part.lower() in FUNCTION_WORDS)]


_COMPOUND_RE = lazy_re.compile(r"[-'’]")  # "heat-pump", "D'Souza" (a slug writes it "d-souza")
_POSSESSIVE_RE = lazy_re.compile(r"['’]s$", re.I)


_KEEP_ENDINGS = ("ss", "us", "is", "ous", "news")
_SUFFIXES = (("osures", "ose"), ("osure", "ose"),  # "closure" and "closed", "exposure" and "exposed"
             ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
             ("zes", "z"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
