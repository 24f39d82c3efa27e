"""Where the article is on a page of blocks: the densest run of prose (one definition, used by the
page-chrome heuristic and by the line model's position features)."""

from __future__ import annotations

_PROSE_MIN_WORDS = 8
_PROSE_STOP_RATIO = 0.2
_PROSE_LONG_WORDS = 20  # a block this long is prose even without an end period
_NON_PROSE_COST = 4  # a non-prose block costs the run this plus half its words
_MARKED_COST = 2  # a block another signal reported: an embedded box must not cut the article in two
_CLOSING = "\"”’')]"


def ends_sentence(text: str) -> bool:
    """The text ends as a sentence does: ".", "!", "?" or "…", before any closing quotes or brackets."""
    return text.rstrip(_CLOSING).endswith((".", "!", "?", "…"))


def is_prose(words: int, stop_ratio: float, ends_sentence: bool) -> bool:
    """Running text: enough words, enough function words, and a sentence's end (or length)."""
    return (words >= _PROSE_MIN_WORDS and stop_ratio >= _PROSE_STOP_RATIO
            and (ends_sentence or words >= _PROSE_LONG_WORDS))


def run_scores(words, prose, marked) -> list[float]:
    """Per block: prose counts for the article by its words, anything else against it."""
    return [-_MARKED_COST if m else (w if p else -(_NON_PROSE_COST + 0.5 * w))
            for w, p, m in zip(words, prose, marked)]


def best_segment(scores: list[float], lo: int, hi: int) -> tuple[float, tuple[int, int] | None]:
    """Kadane: the maximum-sum run of ``scores[lo:hi + 1]``."""
    best, span = float("-inf"), None
    total, start = 0.0, lo
    for i in range(lo, hi + 1):
        if total <= 0:
            total, start = scores[i], i
        else:
            total += scores[i]
        if total > best:
            best, span = total, (start, i)
    return best, span
