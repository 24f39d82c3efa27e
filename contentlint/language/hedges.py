"""Hedges: the words before a figure that widen or bound it ("about", "nearly", "more than").

Each hedge belongs to one class, and :func:`bound` turns a figure, the half-step it was
rounded to and its hedge into the interval a careful reader would accept:

- *approximate* ("about", "roughly", "some"): the figure give or take 10 % (2 points for a
  share), at least twice its rounding step: "about 2,000" admits 1,980;
- *just below* ("nearly", "almost", "close to"): up to the figure: "nearly 40 percent" is 36-40;
- *above* ("more than", "over", "at least"): the figure or more, without limit;
- *just above* ("just over", "slightly more than"): a little more: "just over a third" is 33-39 %;
- *below* ("less than", "fewer than", "up to", "as many as"): the figure or less;
- *barely* ("barely", "scarcely"): about the figure, hardly more;
- *exact* ("exactly", "precisely", "only", "just", "a record"): the figure as written.
"""

from __future__ import annotations

import re
from contentlint.language import lazy_re

APPROXIMATE, JUST_BELOW, ABOVE, JUST_ABOVE, BELOW, BARELY, EXACT = (
    "approximate", "just below", "above", "just above", "below", "barely", "exact")

CLASSES = {
    APPROXIMATE: ("about", "around", "roughly", "approximately", "approx.", "some", "an estimated", "estimated",
                  "~", "or so", "give or take", "in the neighborhood of", "on the order of", "averaging"),
    JUST_BELOW: ("nearly", "almost", "close to", "just under", "just shy of", "shy of", "approaching", "nearing",
                 "not quite", "a little under", "slightly less than", "slightly under", "just below"),
    ABOVE: ("more than", "over", "above", "upwards of", "upward of", "in excess of", "north of", "at least",
            "no fewer than", "no less than", "better than", "well over", "well above", "more than double"),
    JUST_ABOVE: ("just over", "just above", "slightly more than", "a little more than", "a little over",
                 "slightly over", "just more than", "just north of", "barely over", "barely more than"),
    BELOW: ("less than", "fewer than", "under", "below", "up to", "as many as", "as much as", "at most",
            "no more than", "not even", "well under", "well below", "a maximum of", "a max of"),
    BARELY: ("barely", "scarcely", "hardly", "a mere", "merely"),
    EXACT: ("exactly", "precisely", "only", "just", "a record", "an all-time high of", "a total of"),
}
CLASS_OF = {h: c for c, words in CLASSES.items() for h in words}
_APPROXIMATE_SHARE = 0.10  # relative slack of an approximate figure
_SHARE_POINTS = 2.0  # minimum slack, in points, of an approximate share
_JUST_ABOVE_SHARE = 0.15  # how far "just over" reaches, relative

_ALTERNATION = "|".join(re.escape(h) for h in sorted(CLASS_OF, key=len, reverse=True))
# A hedge right before a figure ("about $2,500", "nearly half", "more than 1,200").
HEDGE_BEFORE_RE = lazy_re.compile(rf"(?<![\w-])(?P<hedge>{_ALTERNATION})\s*$", re.I)
LONGEST = max(len(h) for h in CLASS_OF) + 2


# A hedge right after a figure ("2,400+ words", "a 1500-plus word guide", "ten or more"), as the hedge
# before a figure that means the same; a "+" before another figure is a sum, not a hedge.
_HEDGES_AFTER = {"+": "more than", "-plus": "more than", "or more": "at least", "or so": "about",
                 "or fewer": "no more than", "or less": "no more than"}
HEDGE_AFTER_RE = lazy_re.compile(r"\+(?!\s*[\d$])|-plus\b|\s+or\s+(?:more|so|fewer|less)\b", re.I)


def hedge_after(text: str) -> str:
    """The hedge (as its equivalent before a figure) that ``text``, matched by HEDGE_AFTER_RE, is."""
    return _HEDGES_AFTER[normalise(text)]


# The words hedges are made of: they say nothing of what a clause is about.
HEDGE_WORDS = frozenset(w for h in CLASS_OF for w in h.split())


def normalise(hedge: str) -> str:
    return " ".join(hedge.lower().split())


def kind(hedge: str) -> str:
    """The class of a hedge ("" is EXACT as written)."""
    return CLASS_OF.get(normalise(hedge), EXACT) if hedge else EXACT


def bound(value: float, half: float, hedge: str, share: bool = False) -> tuple[float, float]:
    """The interval a figure stands for: ``half`` is half the step it was rounded to."""
    if not hedge:
        return value - half, value + half
    cls = kind(hedge)
    spread = max(2 * half, _APPROXIMATE_SHARE * abs(value), _SHARE_POINTS if share else 0.0)
    if cls == APPROXIMATE:
        return value - spread, value + spread
    if cls == JUST_BELOW:
        return value - spread, value + half
    if cls == ABOVE:
        return value - half, float("inf")
    if cls == JUST_ABOVE:
        return value - half, value + max(2 * half, _JUST_ABOVE_SHARE * abs(value), 3 * _SHARE_POINTS if share else 0)
    if cls == BELOW:
        return (0.0 if value >= 0 else float("-inf")), value + half
    if cls == BARELY:
        return value - half - 0.05 * abs(value), value + max(2 * half, _JUST_ABOVE_SHARE * abs(value),
                                                             3 * _SHARE_POINTS if share else 0)
    return value - half, value + half
