"""The article's date: parse date strings and find the date an article states about itself."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.document import ArticleDate, Document

MONTHS = {m: i for i, names in enumerate([
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    (re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"), "day"),
    (re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I), "day"),
    (re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}\b", re.I), "day"),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I), "month"),
]
# How many opening blocks may hold a byline or dateline, and how long a byline may be.
_BYLINE_BLOCKS = 6
_BYLINE_MAX_WORDS = 40
# A dateline opens the first paragraph: "WASHINGTON, May 14, 2024 —", "LONDON (Reuters) May 3, 2024 -".
_DATELINE_RE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:\([^)]{1,30}\))?[ ,]")
_DATELINE_CHARS = 60


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """The first date in ``text`` as ``(date, precision)``, or None."""
    best = None
    for pattern, precision in _PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m, precision)
    if best is None:
        return None
    _, m, precision = best
    groups = m.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
    day = int(groups["day"]) if groups.get("day") else 1
    try:
        return dt.date(int(groups["year"]), month, day), precision
    except ValueError:
        return None


def find_article_date(doc: Document) -> ArticleDate | None:
    from contentlint.document import ArticleDate

    raw = doc.meta.get("date")
    if raw:
        parsed = parse_date(str(raw))
        if parsed:
            return ArticleDate(parsed[0], parsed[1], doc.meta.get("date_origin", "metadata"))
    for block in doc.body_blocks[:_BYLINE_BLOCKS]:
        text = doc.text(block)
        if len(text.split()) <= _BYLINE_MAX_WORDS:
            parsed, origin = parse_date(text), "byline"
        elif _DATELINE_RE.match(text):
            parsed, origin = parse_date(text[:_DATELINE_CHARS]), "dateline"
        else:
            continue
        if parsed:
            return ArticleDate(parsed[0], parsed[1], origin)
    return None


def parse_cli_date(value: str) -> ArticleDate:
    """``--date YYYY-MM-DD`` (also ``YYYY-MM``)."""
    from contentlint.document import ArticleDate

    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month")):
        try:
            return ArticleDate(dt.datetime.strptime(value, fmt).date(), precision, "--date")
        except ValueError:
            pass
    raise ValueError(f"--date expects YYYY-MM-DD, got {value!r}")
