"""The article's date, as an interval with its origin.

In order of trust: ``--date``; metadata (front matter, ``<meta>``, ``<time datetime>``); a
byline or dateline in the article's opening blocks ("By Jane Doe · May 14, 2024",
"WASHINGTON, May 14, 2024 —", "September 11, 2025 — The festival…"); and last the text
itself. A scraped article with no date line still tells when it was written: the latest fully
dated event its opening paragraphs report in the past tense is the news it carries, so the
article dates from that day to a month after (news reports promptly), or a week after when a
weekday names the event ("on Thursday"). Dated events further down are often background ("the
attacks of Sept. 11, 2001") and date nothing. Every date arithmetic message says where the
date came from ("in an article of about August 2025, inferred from line 3").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from contentlint.document import Document
from contentlint.language import calendar, lazy_re, phrases
from contentlint.language.sentences import MAX_READ_CHARS
from contentlint.language.words import count_words

_BYLINE_BLOCKS = 6  # opening blocks that may hold a byline or dateline
_BYLINE_MAX_WORDS = 40  # a byline with a separator or a byline word may be this long
_DATE_LINE_MAX_WORDS = 12  # a short line with a date is a date line, whatever its shape
_BYLINE_SHAPE_RE = lazy_re.compile(r"^\W*(?:by|posted|published|updated|written|filed|last updated)\b|[·|•]", re.I)
# A dateline opens the first paragraph: "WASHINGTON, May 14, 2024 —", "LONDON (Reuters) May 3, 2024 -",
# or the date alone: "September 11, 2025 — The festival will…".
_DATELINE_RE = lazy_re.compile(r"(?:[A-Z][A-Z .,'’-]{2,40}(?:\([^)]{1,30}\))?[ ,]\s*)?(?P<date>[^—–-]{6,30}?)\s*[—–-]")
_DATELINE_CHARS = 60
_LEDE_BLOCKS = 3  # an event dated in these blocks is the news the article reports
_PROMPT_DAYS = 31  # how long after the event it reports a news article appears, at most
_WEEK_DAYS = 7
# A date in a relative clause is background ("the library, which opened on May 14, 2019, …").
_RELATIVE_CLAUSE_RE = lazy_re.compile(r"(?:^|,)\s*(?:which|who|whose|where|that)\b[^,;]*$", re.I)
_FUTURE_RE = lazy_re.compile(r"\b(?:will|would|plans? to|is set to|are set to|scheduled|expected to|upcoming|next)\b", re.I)


@dataclass(frozen=True)
class ArticleDate:
    """When the article was written: an interval of days (``earliest`` to ``latest``, inclusive)."""

    earliest: dt.date
    latest: dt.date
    origin: str  # "--date", "front matter", "byline", "dateline", "inferred"…
    line: int | None = None  # where in the source it was read or inferred from

    @property
    def inferred(self) -> bool:
        return self.origin == "inferred"

    @property
    def years(self) -> tuple[float, float]:
        """The interval as fractional years, for date arithmetic."""
        return calendar.years(self.earliest), calendar.years(self.latest) + 1 / 365.25

    def describe(self) -> str:
        """How a message names it: "dated 2025-05-24", "of about August 2025, inferred from line 3"."""
        if self.earliest == self.latest:
            text = f"dated {self.earliest.isoformat()}"
        elif (self.latest - self.earliest).days <= 31 and self.earliest.month == self.latest.month:
            text = f"dated {calendar.MONTH_NAMES[self.earliest.month - 1]} {self.earliest.year}"
        elif self.inferred:
            text = f"of about {calendar.MONTH_NAMES[self.earliest.month - 1]} {self.earliest.year}"
        else:
            text = f"dated {self.earliest.year}" if self.earliest.year == self.latest.year else \
                f"dated {self.earliest.isoformat()} to {self.latest.isoformat()}"
        if self.inferred:
            return f"{text}, inferred from line {self.line}" if self.line else f"{text}, inferred"
        if self.origin in ("--date",):
            return f"{text} (--date)"
        return f"{text} ({self.origin}{f', line {self.line}' if self.line else ''})"


def from_parsed(value: dt.date, precision: str, origin: str, line: int | None = None) -> ArticleDate:
    """A date read at day, month or year precision, as an interval."""
    if precision == "day":
        return ArticleDate(value, value, origin, line)
    if precision == "month":
        end = dt.date(value.year + (value.month == 12), value.month % 12 + 1, 1) - dt.timedelta(days=1)
        return ArticleDate(value.replace(day=1), end, origin, line)
    return ArticleDate(dt.date(value.year, 1, 1), dt.date(value.year, 12, 31), origin, line)


def parse_cli_date(value: str) -> ArticleDate:
    """``--date YYYY-MM-DD`` (also ``YYYY-MM``); ValueError with a one-line reason otherwise."""
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month")):
        try:
            parsed = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if not calendar.YEAR_MIN <= parsed.year <= calendar.YEAR_MAX:
            raise ValueError(f"--date {value!r} is outside {calendar.YEAR_MIN}-{calendar.YEAR_MAX}")
        return from_parsed(parsed, precision, "--date")
    raise ValueError(f"--date expects YYYY-MM-DD, got {value!r}")


def find_article_date(doc: Document, sentences) -> ArticleDate | None:
    """The article's date from its metadata, a byline or dateline, or its own text; None if none.

    ``sentences`` are the article's prose sentences (``Context.sentences``)."""
    raw = doc.meta.get("date")
    if raw:
        parsed = calendar.parse_date(str(raw))
        if parsed:
            span = doc.meta_spans.get("date")
            return from_parsed(*parsed, doc.meta.get("date_origin", "metadata"),
                               doc.line_col(span.start)[0] if span else None)
    for block in doc.body_blocks[:_BYLINE_BLOCKS]:
        text = doc.text(block)
        if len(text) > MAX_READ_CHARS:
            continue  # a run-on, not read for dates (a line of 700,000 marks took the date pattern 6 s)
        words = count_words(text)
        if words <= _DATE_LINE_MAX_WORDS or (words <= _BYLINE_MAX_WORDS and _BYLINE_SHAPE_RE.search(text)):
            parsed, origin = calendar.parse_date(text), "byline"
        else:
            m = _DATELINE_RE.match(text[:_DATELINE_CHARS])
            parsed, origin = (calendar.parse_date(m.group("date")), "dateline") if m else (None, "")
        if parsed:
            return from_parsed(*parsed, origin, doc.line_col(block.start)[0])
    return _inferred(doc, sentences)


def _inferred(doc: Document, sentences) -> ArticleDate | None:
    """The latest fully dated event the article tells in the past tense bounds its date."""
    lede_end = doc.body_blocks[min(_LEDE_BLOCKS, len(doc.body_blocks)) - 1].end if doc.body_blocks else 0
    best: tuple[dt.date, int, int, bool] | None = None  # (date, offset, line, in the lede)
    for s in sentences:
        if s.end - s.start > MAX_READ_CHARS:
            continue  # a run-on is not read for dates
        text = doc.prose[s.start:s.end]
        if not calendar.may_name_a_day(text) or not phrases.PAST_TENSE_RE.search(text) or _FUTURE_RE.search(text):
            continue
        for when in calendar.find_times(text, quantities=[]):
            if when.kind != calendar.POINT or not when.absolute or when.precision != "day":
                continue
            if _RELATIVE_CLAUSE_RE.search(text, 0, when.start):
                continue
            day = when.day
            if day and (best is None or day > best[0]):
                best = (day, s.start, doc.line_col(s.start)[0], s.start < lede_end)
    if best is None:
        return None
    day, offset, line, in_lede = best
    if not in_lede:
        return None  # a dated event further down may be background ("the attacks of Sept. 11, 2001")
    weekday_near = any(w.weekday is not None and w.month_day is None and w.absolute is False
                       for w in calendar.find_times(doc.prose[offset:offset + 400], quantities=[]))
    horizon = _WEEK_DAYS if weekday_near else _PROMPT_DAYS
    return ArticleDate(day, day + dt.timedelta(days=horizon), "inferred", line)
