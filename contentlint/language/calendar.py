"""Dates, times relative to the article, durations and ages: one reading of each.

:func:`find_times` reads a sentence's time expressions, given the figures
:mod:`contentlint.language.numbers` found in it, as :class:`When` values:

- **points**, absolute ("2016", "March 2015", "Oct. 4, 2024", "June 30", "the fall of 2015",
  "late 2020", "the 1990s", "the end of July") or relative to the article's date ("last
  year", "next month", "Tuesday", "yesterday", "20 years ago", "in two weeks");
- **spans** ("from 2000 to 2006", "between 2006 and 2012", "2009 through 2024", "2009-2013");
- **durations** ("five years", "71 months", "a dozen years", "three decades", "nearly a
  century", "an 11-year veteran", "his 12 years as owner");
- **ages** ("a 69-year-old", "aged 55", "her 70th birthday").

Points and spans resolve to intervals of fractional years (:func:`resolve`), given the
article's date as an interval when they are relative; durations and ages are intervals of
years, read as people write them: "nine years" is 8.5 to 10 (people round tenures down),
"more than three decades" 30 or more.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from contentlint.language import hedges, lazy_re, numbers

MONTHS = {m: i for i, names in enumerate([
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
WEEKDAYS = {d: i for i, names in enumerate([
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]) for d in names}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")

POINT, SPAN, DURATION, AGE = "point", "span", "duration", "age"
YEAR_MIN, YEAR_MAX = 1800, 2099  # four digits in this range may be a year
# Parts of a year, as months (start, end): "late 2020" is September to December.
PARTS = {"early": (0, 4), "the start of": (0, 3), "the beginning of": (0, 3), "mid": (4, 8), "mid-": (4, 8),
         "the middle of": (4, 8), "late": (8, 12), "the end of": (9, 12), "spring": (2, 5), "summer": (5, 8),
         "fall": (8, 11), "autumn": (8, 11), "winter": (11, 14), "the first half of": (0, 6),
         "the second half of": (6, 12)}
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
UNIT_YEARS = {"year": 1.0, "yr": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25, "decade": 10.0,
              "century": 100.0, "hour": 1 / 8766, "minute": 1 / 525960, "season": 1.0}  # a sports season: a year
# How people round a stated duration: "nine years" may be 8.5 up to (not including) 10; a
# decade-sized figure is rougher ("three decades" is 25-35 years, "a century" 90-110).
_ROUNDING = {"year": (0.5, 1.0), "month": (0.5, 1.0), "week": (0.5, 1.0), "day": (0.5, 1.0), "decade": (0.5, 0.5),
             "century": (0.1, 0.1), "hour": (0.5, 1.0), "minute": (0.5, 1.0),
             "season": (1.0, 1.0)}  # a partial first or current season may be counted or not

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_PART_ALT = (r"early|late|mid-?|the start of|the beginning of|the middle of|the end of|the first half of|"
             r"the second half of|(?:the )?(?:spring|summer|fall|autumn|winter)(?: of)?").replace(" ", r"\s+")
_UNIT_ALT = r"years?|yrs?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?|seasons?"
_DATE_RE = lazy_re.compile(
    rf"""(?P<iso>(?P<iy>\d{{4}})-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)
    | (?:(?P<part>{_PART_ALT})\s+)?(?P<month>{_MONTH_ALT})\.?(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b)?
        (?:,?\s+(?P<year>\d{{4}})\b)?
    | (?P<dday>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<dmonth>{_MONTH_ALT})\.?,?\s+(?P<dyear>\d{{4}})\b
    | (?:(?P<ypart>{_PART_ALT})\s*)?(?P<decade>(?:the\s+)?(?:\d\d)?\d0['’]?s\b)
    | (?:(?P<yrpart>{_PART_ALT})\s*)?(?P<yr>(?:1[89]|20)\d\d)(?!\d|,\d|%|\s*percent)
    """, re.I | re.X)
_FULL_DATE_HINT_RE = lazy_re.compile(r"\d{4}")  # every form of _DATE_RE precise to the day has a four-digit year


def may_name_a_day(text: str) -> bool:
    """Whether ``text`` may hold an absolute date precise to the day (a cheap test before
    :func:`find_times`, for readers that want only those)."""
    return _FULL_DATE_HINT_RE.search(text) is not None


# Where a date may start: a digit, a month, a part of a year ("late", "the spring of"). Found with
# a plain scan and a set, not one pattern of every word: this runs on every sentence.
_DIGIT_RUN_RE = lazy_re.compile(r"(?<!\d)\d")
_LETTERS_RE = lazy_re.compile(r"[A-Za-z]+")
_DATE_WORDS = frozenset(MONTHS) | frozenset("early late mid spring summer fall autumn winter".split())
_THE_PARTS = frozenset("start beginning middle end first second spring summer fall autumn winter".split())


def _date_starts(text: str, lo: int, hi: int) -> list[int]:
    lower = text.lower()
    at = [m.start() for m in _DIGIT_RUN_RE.finditer(text, lo, hi)]
    words = set(_LETTERS_RE.findall(lower, lo, hi))
    if words & _DATE_WORDS:
        previous = None
        for m in _LETTERS_RE.finditer(lower, lo, hi):
            word = m.group(0)
            if word in _THE_PARTS and previous is not None and previous.group(0) == "the":
                at.append(previous.start())  # "the spring of 2012", "the end of July"
            if word in _DATE_WORDS:
                at.append(m.start())
            elif word == "the" and hi > m.end() + 1 and text[m.end() + 1:m.end() + 2].isdigit():
                at.append(m.start())  # "the 1990s"
            previous = m
    elif "the" in words:
        at += [m.start() for m in re.finditer(r"\bthe\s+(?=\d)", lower[lo:hi])]
    return sorted(set(at))
_WEEKDAY_RE = lazy_re.compile(rf"\b(?P<rel>last|next|this|on|that|early|late)?\s*(?P<wd>{_WEEKDAY_ALT})\b"
                              r"(?P<poss>['’]s)?", re.I)
_RELATIVE_RE = lazy_re.compile(
    r"\b(?P<which>last|this|next|past|coming|previous|the previous|the following|a|one)\s+"
    r"(?P<unit>year|month|week|spring|summer|fall|autumn|winter|season|decade)\b(?!s)"
    r"|\b(?P<day>yesterday|today|tomorrow|tonight)\b"
    r"|\bearlier this (?P<earlier>year|month|week)\b", re.I)
# Cheap tests before the patterns that need them: a relative time or a duration names a unit.
_RELATIVE_HINT_RE = lazy_re.compile("year|month|week|season|day|tonight|tomorrow|spring|summer|fall|autumn|winter|decade")
_UNIT_HINT_RE = lazy_re.compile("decade|centur|year|month|week|day|season")
_SPAN_SEP_RE = lazy_re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*", re.I)
_SPAN_OPEN_RE = lazy_re.compile(r"\b(?:from|between)\s+$", re.I)
_UNIT_AFTER_RE = lazy_re.compile(rf"(?P<more>\s+(?:more|additional|extra))?[-\s](?P<unit>{_UNIT_ALT})\b(?P<old>-old)?",
                                 re.I)  # "five years", "five-year-old", "five more years" (from now)
_A_UNIT_RE = lazy_re.compile(r"\b(?P<hedge>(?:about|around|roughly|nearly|almost|more than|over|less than|under|"
                             r"just over|just under|at least|close to)\s+)?(?P<what>a|one|half a|a half|a quarter)"
                             r"[-\s](?P<unit>decade|century|year|month|week|day)\b(?!s)", re.I)
_UNIT_OLD_RE = lazy_re.compile(r"\b(?P<hedge>(?:about|around|roughly|nearly|almost|more than|over)\s+)?"
                               r"(?<!\ba\s)(?P<unit>decade|century)-old\b", re.I)  # "the nearly century-old span"
_AGO_RE = lazy_re.compile(r"\s+(?:ago|earlier|before)\b", re.I)
_IN_FUTURE_RE = lazy_re.compile(r"\b(?:in|within)\s+$", re.I)
_AGED_RE = lazy_re.compile(r"\b(?:aged?|turns?|turned|turning)\s+$", re.I)
_BIRTHDAY_RE = lazy_re.compile(r"\s+birthday\b", re.I)
_NEXT_RE = lazy_re.compile(r"\b(?:the|over the|in the|within the|for the)?\s*(?:next|coming|following)\s+$|\banother\s+$",
                           re.I)
_PAST_RE = lazy_re.compile(r"\b(?:the|over the|in the|for the|during the)\s+(?:past|last|previous)\s+$", re.I)
NEXT, PAST = "next", "past"  # a duration ending or starting at the article's date
_MONTH_CONTEXT_RE = lazy_re.compile(r"\b(?:in|on|since|until|till|by|through|from|to|of|early|late|mid|last|next|this|"
                                    r"during|before|after)\s+$", re.I)
# "2000 families" is a count, but "the 2001 attacks" and "Obama's 2008 campaign" name a year.
_NOT_YEAR_AFTER_RE = lazy_re.compile(r"\s+(?!(?:is|was|has|does|goes|says|sees|gets|marks|brings)\b)(?:[a-z]+s)\b"
                                     r"(?<!(?:ers|ies|ves))")
_YEAR_DETERMINER_RE = lazy_re.compile(r"(?:\bthe|\bits|\btheir|\bhis|\bher|['’]s)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class When:
    """A time expression.

    Points and spans: ``low``/``high`` in fractional years when absolute; for relative points,
    ``relative`` (an offset in ``unit`` from the article's date) and ``low``/``high`` None until
    :func:`resolve`. Durations and ages: ``low``/``high`` in years.
    """

    start: int
    end: int
    text: str
    kind: str  # POINT, SPAN, DURATION or AGE
    low: float | None = None
    high: float | None = None
    precision: str = "year"  # of a point: "day", "month", "part" (of a year), "year", "decade"
    relative: float | None = None  # offset from the article's date, in ``unit``
    unit: str = "year"
    hedge: str = ""
    weekday: int | None = None  # Monday 0; for "Tuesday", "the Oct. 4 hearing"
    month_day: tuple[int, int] | None = None  # "June 30" with no year: (6, 30)
    ago: bool = False  # "20 years ago": a point counted back from the article's date
    direction: str = ""  # of a duration: NEXT ("the next four years") or PAST ("the past decade")
    day: dt.date | None = None  # an absolute point of day precision

    @property
    def absolute(self) -> bool:
        return self.low is not None and self.relative is None and self.month_day is None


def years(d: dt.date) -> float:
    """A date as a fractional year (2024-07-02 is about 2024.5)."""
    return d.year + (d.timetuple().tm_yday - 1) / 365.25


def _month_interval(year: int, month: int) -> tuple[float, float]:
    start = dt.date(year, month, 1)
    end = dt.date(year + (month == 12), month % 12 + 1, 1)
    return years(start), years(end)


def _part_interval(year: int, part: str) -> tuple[float, float]:
    """"late", "the spring of", "mid-", "summer" of a year, as fractional years."""
    key = re.sub(r"\s+of$", "", " ".join(part.lower().split()))
    if key.startswith("the ") and key[4:] in _SEASONS:
        key = key[4:]
    if key.startswith("mid"):
        key = "mid"
    lo, hi = PARTS.get(key, (0, 12))
    return year + lo / 12, year + hi / 12


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """The first full or month date in ``text`` ("May 14, 2024", "2024-05-14", "14 May 2024",
    "May 2024") as ``(date, precision)``; None when there is none or it is impossible."""
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        try:
            if g["iso"]:
                return dt.date(int(g["iy"]), int(g["im"]), int(g["id"])), "day"
            if g["dmonth"]:
                return dt.date(int(g["dyear"]), MONTHS[g["dmonth"].lower()], int(g["dday"])), "day"
            if g["month"] and g["year"] and not g["part"]:
                month = MONTHS[g["month"].lower()]
                if g["day"]:
                    return dt.date(int(g["year"]), month, int(g["day"])), "day"
                return dt.date(int(g["year"]), month, 1), "month"
        except ValueError:
            continue
    return None


def _is_month_word(text: str, m: re.Match) -> bool:
    """"May" and "March" are verbs and names too: a month needs a capital, and those two a day,
    a year or a preposition before them ("in May", "since March")."""
    word = m.group("month")
    if not word[0].isupper():
        return False
    if word.lower() in ("may", "march", "mar") and not (m.group("day") or m.group("year") or m.group("part")):
        return bool(_MONTH_CONTEXT_RE.search(text, max(0, m.start() - 12), m.start())
                    or re.match(r"['’]s\s+[a-z]", text[m.end():m.end() + 4]))  # "May's jobless rate"
    return True


def find_times(text: str, start: int = 0, end: int | None = None,
               quantities: list[numbers.Quantity] | None = None) -> list[When]:
    """Every time expression in ``text[start:end]``, in order. ``quantities`` (the figures of
    the same text, from :func:`numbers.find_quantities`) lets durations reuse their reading."""
    end = len(text) if end is None else end
    lower = text[start:end].lower()
    found: list[When] = []
    found += _dates(text, start, end)
    if "day" in lower:  # every weekday's name ends in "day"
        found += _weekdays(text, start, end)
    if _RELATIVE_HINT_RE.search(lower):
        found += _relatives(text, start, end)
    quantities = quantities if quantities is not None else numbers.find_quantities(text, start, end)
    if quantities or _UNIT_HINT_RE.search(lower):
        found += _durations(text, start, end, quantities)
    if not found:
        return []
    found.sort(key=lambda w: (w.start, -w.end))
    out: list[When] = []
    for w in found:  # keep the longest reading of overlapping text
        if out and w.start < out[-1].end:
            if w.end - w.start > out[-1].end - out[-1].start and w.kind != POINT:
                out[-1] = w
            continue
        out.append(w)
    return _spans(text, out)


def _dates(text: str, lo: int, hi: int) -> list[When]:
    """Absolute dates and parts of years; the full grammar is tried only where one may start."""
    out = []
    pos = lo
    for at in _date_starts(text, lo, hi):
        if at < pos:
            continue
        m = _DATE_RE.match(text, at, hi)
        if m is None:
            continue
        g = m.groupdict()
        if m.start() > lo and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "$#"):
            continue
        pos = m.end()
        try:
            when = _date(text, m, g)
        except (ValueError, KeyError):
            when = None
        if when is not None:
            out.append(when)
    return out


def _date(text: str, m: re.Match, g: dict) -> When | None:
    span = (m.start(), m.end(), " ".join(m.group(0).split()))
    if g["iso"]:
        return _day_point(span, dt.date(int(g["iy"]), int(g["im"]), int(g["id"])))
    if g["dmonth"]:
        return _day_point(span, dt.date(int(g["dyear"]), MONTHS[g["dmonth"].lower()], int(g["dday"])))
    if g["month"]:
        if not _is_month_word(text, m):
            return None
        if len(g["month"]) > 4 and m.group(0).endswith(".") and not (g["day"] or g["year"]):
            span = (m.start(), m.end() - 1, span[2].rstrip("."))  # "in December." ends the sentence
        month = MONTHS[g["month"].lower()]
        day = int(g["day"]) if g["day"] else None
        year = int(g["year"]) if g["year"] else None
        if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
            return None
        if day is not None and not 1 <= day <= 31:
            return None
        if year is None:  # "June 30", "the end of July": the article's year decides
            return When(*span, POINT, None, None, "day" if day else ("part" if g["part"] else "month"),
                        relative=0.0, unit="year", month_day=(month, day or 0),
                        hedge=(g["part"] or "").lower())
        if day:
            return _day_point(span, dt.date(year, month, day))
        lo, hi = _month_interval(year, month)
        if g["part"]:
            part = g["part"].lower()
            length = hi - lo
            if part.startswith(("late", "the end")):
                lo = lo + 2 * length / 3
            elif part.startswith(("early", "the start", "the beginning")):
                hi = lo + length / 3
        return When(*span, POINT, lo, hi, "month")
    if g["decade"]:
        digits = re.sub(r"\D", "", g["decade"])
        if len(digits) == 2:
            return None  # "the '90s", "the 60s": which century, and an age ("in her 60s")?
        decade = int(digits)
        if not YEAR_MIN <= decade <= YEAR_MAX:
            return None
        lo, hi = float(decade), float(decade + 10)
        if g["ypart"]:
            lo, hi = _decade_part(decade, g["ypart"])
        return When(*span, POINT, lo, hi, "decade")
    year = int(g["yr"])
    if not YEAR_MIN <= year <= YEAR_MAX or _NOT_YEAR_AFTER_RE.match(text, m.end()) and not \
            _YEAR_DETERMINER_RE.search(text, max(0, m.start() - 8), m.start()):
        return None
    if g["yrpart"]:
        lo, hi = _part_interval(year, g["yrpart"])
        return When(*span, POINT, lo, hi, "part")
    return When(*span, POINT, float(year), float(year + 1), "year")


def _day_point(span: tuple[int, int, str], d: dt.date) -> When:
    return When(*span, POINT, years(d), years(d) + 1 / 365.25, "day", weekday=d.weekday(), day=d)


def _decade_part(decade: int, part: str) -> tuple[float, float]:
    part = part.lower()
    if part.startswith("early"):
        return decade, decade + 4
    if part.startswith("mid"):
        return decade + 3, decade + 7
    if part.startswith("late"):
        return decade + 6, decade + 10
    return decade, decade + 10


def _weekdays(text: str, lo: int, hi: int) -> list[When]:
    out = []
    for m in _WEEKDAY_RE.finditer(text, lo, hi):
        word = m.group("wd")
        if not word[0].isupper() or not word.lower().endswith("day"):
            continue  # abbreviations are too ambiguous in prose ("Sun", "Wed", "Sat")
        rel = (m.group("rel") or "").lower()
        offset = {"last": -1.0, "next": 1.0}.get(rel, 0.0)
        out.append(When(m.start("wd") if rel in ("on", "that", "early", "late", "") else m.start(), m.end("wd"),
                        word, POINT, None, None, "day", relative=offset, unit="week",
                        weekday=WEEKDAYS[word.lower()]))
    return out


def _relatives(text: str, lo: int, hi: int) -> list[When]:
    out = []
    for m in _RELATIVE_RE.finditer(text, lo, hi):
        span = (m.start(), m.end(), " ".join(m.group(0).split()))
        if m.group("day"):
            offset = {"yesterday": -1.0, "today": 0.0, "tonight": 0.0, "tomorrow": 1.0}[m.group("day").lower()]
            out.append(When(*span, POINT, relative=offset, unit="day", precision="day"))
            continue
        if m.group("earlier"):
            out.append(When(*span, POINT, relative=0.0, unit=m.group("earlier").lower(),
                            precision=m.group("earlier").lower()))
            continue
        which, unit = m.group("which").lower(), m.group("unit").lower()
        if which in ("a", "one"):
            continue  # "a year" is a duration
        if unit == "season" or which in ("past", "coming") and unit in _SEASONS:
            continue  # "this season" depends on the sport
        offset = {"last": -1.0, "previous": -1.0, "the previous": -1.0, "past": -1.0, "this": 0.0, "next": 1.0,
                  "coming": 1.0, "the following": 1.0}[which]
        if which in ("past", "coming") and unit in ("year", "month", "week", "decade"):
            continue  # "the past year" is a stretch of time ending now, read as a duration
        if unit in _SEASONS:
            out.append(When(*span, POINT, relative=offset, unit="year", precision="part", hedge=unit))
        else:
            out.append(When(*span, POINT, relative=offset, unit=unit, precision=unit))
    return out


def _durations(text: str, lo: int, hi: int, quantities: list[numbers.Quantity]) -> list[When]:
    out = []
    for q in quantities:
        if q.start < lo or q.end > hi:
            continue
        if q.unit == numbers.ORDINAL and _BIRTHDAY_RE.match(text, q.end, hi):  # "her 70th birthday"
            end = _BIRTHDAY_RE.match(text, q.end, hi).end()
            out.append(When(q.start, end, " ".join(text[q.start:end].split()), AGE, q.value, q.value + 1.0))
            continue
        if q.unit != numbers.COUNT:
            continue
        m = _UNIT_AFTER_RE.match(text, q.end, hi)
        if m is None and _AGED_RE.search(text, max(lo, q.start - 9), q.figure_start) and 0 < q.value < 130:
            out.append(When(q.start, q.end, q.text, AGE, q.low, q.high + 1.0, hedge=q.hedge))  # "turned 74"
            continue
        if not m:
            continue
        unit = _unit_name(m.group("unit"))
        if m.group("old") or (_AGED_RE.search(text, max(lo, q.start - 9), q.figure_start)
                              and unit == "year" and not m.group(0).startswith(" ")):
            out.append(When(q.start, m.end(), " ".join(text[q.start:m.end()].split()), AGE,
                            q.low, q.high + 1.0, hedge=q.hedge))
            continue
        low, high = _duration_interval(q, unit)
        ago = _AGO_RE.match(text, m.end(), hi)
        if ago:
            out.append(When(q.start, ago.end(), " ".join(text[q.start:ago.end()].split()), POINT, None, None,
                            "year" if unit in ("year", "decade", "century") else unit,
                            relative=-(low + high) / 2, unit="year", hedge=q.hedge, ago=True))
            continue
        span_text = " ".join(text[q.start:m.end()].split())
        future = _IN_FUTURE_RE.search(text, max(lo, q.start - 8), q.start)
        if future and unit in ("day", "week", "month") and not q.hedge:  # "in two weeks"
            out.append(When(future.start(), m.end(), text[future.start():m.end()], POINT, None, None,
                            "day", relative=q.value, unit=unit))
            continue
        direction = NEXT if m.group("more") or _NEXT_RE.search(text, max(lo, q.start - 16), q.start) else (
            PAST if _PAST_RE.search(text, max(lo, q.start - 16), q.start) else "")
        out.append(When(q.start, m.end(), span_text, DURATION, low, high, unit=unit, hedge=q.hedge,
                        direction=direction))
    for m in _A_UNIT_RE.finditer(text, lo, hi):
        what, unit = m.group("what").lower(), m.group("unit").lower()
        amount = {"a": 1.0, "one": 1.0, "half a": 0.5, "a half": 0.5, "a quarter": 0.25}[what]
        value = amount * UNIT_YEARS[unit]
        hedge = hedges.normalise(m.group("hedge") or "")
        low, high = _duration_bounds(value, unit, hedge)
        ago = _AGO_RE.match(text, m.end(), hi)
        if ago:
            out.append(When(m.start(), ago.end(), " ".join(text[m.start():ago.end()].split()), POINT,
                            relative=-value, unit="year", hedge=hedge, ago=True))
        elif unit in ("decade", "century") or hedge:
            out.append(When(m.start(), m.end(), " ".join(m.group(0).split()), DURATION, low, high, unit=unit,
                            hedge=hedge))
    for m in _UNIT_OLD_RE.finditer(text, lo, hi):
        unit, hedge = m.group("unit").lower(), hedges.normalise(m.group("hedge") or "")
        low, high = _duration_bounds(UNIT_YEARS[unit], unit, hedge)
        out.append(When(m.start(), m.end(), " ".join(m.group(0).split()), DURATION, low, high, unit=unit, hedge=hedge))
    return out


def _unit_name(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return {"yr": "year", "yrs": "year"}.get(word, word.rstrip("s"))


def _duration_interval(q: numbers.Quantity, unit: str) -> tuple[float, float]:
    if q.is_range:
        return q.low * UNIT_YEARS[unit], q.high * UNIT_YEARS[unit]
    return _duration_bounds(q.value * UNIT_YEARS[unit], unit, q.hedge)


def _duration_bounds(value: float, unit: str, hedge: str) -> tuple[float, float]:
    """A stated duration in years: rounded as people round ("nine years": 8.5-10), then hedged."""
    below, above = _ROUNDING[unit]
    step = UNIT_YEARS[unit]
    low, high = value - below * step, value + above * step
    if not hedge:
        return low, high
    cls = hedges.kind(hedge)
    if cls == hedges.ABOVE:
        return value, float("inf")
    if cls == hedges.BELOW:
        return 0.0, value
    if cls == hedges.JUST_BELOW:
        return value * 0.85 - below * step, value
    if cls == hedges.JUST_ABOVE:
        return value, value * 1.15 + above * step
    if cls in (hedges.APPROXIMATE, hedges.BARELY):
        return value * 0.85 - below * step, value * 1.15 + above * step
    return low, high


def _spans(text: str, times: list[When]) -> list[When]:
    """Join "from 2000 to 2006", "between 2006 and 2012", "2009 through 2024" into spans."""
    out: list[When] = []
    i = 0
    while i < len(times):
        a = times[i]
        b = times[i + 1] if i + 1 < len(times) else None
        if (b is not None and a.kind == POINT and b.kind == POINT and a.absolute and b.absolute
                and a.precision == b.precision == "year" and a.low < b.low):
            sep = _SPAN_SEP_RE.fullmatch(text, a.end, b.start)
            opener = _SPAN_OPEN_RE.search(text, max(0, a.start - 9), a.start)
            if sep and (sep.group(0).strip() not in ("and",) or opener):
                start = opener.start() if opener else a.start
                out.append(When(start, b.end, " ".join(text[start:b.end].split()), SPAN, a.low, b.high, "year"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def resolve(when: When, article: tuple[float, float] | None) -> tuple[float, float] | None:
    """A point or span as an interval of fractional years; None when it is relative and the
    article's date (``article``, an interval of fractional years) is unknown."""
    if when.kind not in (POINT, SPAN):
        return None
    if when.absolute:
        return when.low, when.high
    if article is None:
        return None
    a_lo, a_hi = article
    if when.month_day is not None:
        return _month_day(when, a_lo, a_hi)
    offset = when.relative or 0.0
    if when.ago:  # "20 years ago": the figure is rounded as a duration is
        spread = 0.5 if not when.hedge else max(1.0, 0.15 * abs(offset))
        return a_lo + offset - spread, a_hi + offset + spread
    if when.unit == "year":
        year_lo, year_hi = int(a_lo) + int(offset), int(a_hi - 1e-9) + int(offset)
        if when.precision == "part":  # "last spring"
            return _part_interval(year_lo, when.hedge)[0], _part_interval(year_hi, when.hedge)[1]
        return float(year_lo), float(year_hi + 1)
    if when.unit == "month":
        return (int(a_lo * 12) + offset) / 12, (int((a_hi - 1e-9) * 12) + offset + 1) / 12
    if when.unit == "decade":
        return (int(a_lo) // 10 + offset) * 10.0, (int(a_hi - 1e-9) // 10 + offset + 1) * 10.0
    step = UNIT_YEARS["week"] if when.unit == "week" else UNIT_YEARS["day"]
    if when.unit == "week":  # "Tuesday", "last week", "in two weeks": within a week either way
        return a_lo + (offset - 1) * step, a_hi + (offset + 1) * step
    return a_lo + offset * step, a_hi + (offset + 1) * step


def _month_day(when: When, a_lo: float, a_hi: float) -> tuple[float, float] | None:
    """"June 30", "the end of July": in the article's year, or the year before when that would
    put it more than half a year after the article."""
    month, day = when.month_day
    year = int(a_lo)
    if year + (month - 1) / 12 > a_hi + 0.5:
        year -= 1
    if day:
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        return years(d), years(d) + 1 / 365.25
    lo, hi = _month_interval(year, month)
    length = hi - lo
    if when.hedge.startswith(("late", "the end")):
        lo = lo + 2 * length / 3
    elif when.hedge.startswith(("early", "the start", "the beginning")):
        hi = lo + length / 3
    return lo, hi


def weekdays_of(when: When, article: tuple[float, float] | None) -> list[int]:
    """The weekdays a point may fall on, nearest reading first: its own (``When.weekday``, a
    full date), or for a month and day without a year, that day in the article's year and in
    the year next to it when that one is within half a year of the article (a December article's
    "Friday, Jan. 9" is most likely the coming January)."""
    if when.weekday is not None:
        return [when.weekday]
    if not (when.month_day and when.month_day[1]) or article is None:
        return []
    mid = (article[0] + article[1]) / 2
    out = []
    for year in sorted((int(mid) - 1, int(mid), int(mid) + 1), key=lambda y: abs(y + (when.month_day[0] - 1) / 12 - mid)):
        try:
            d = dt.date(year, *when.month_day)
        except ValueError:
            continue
        if year == int(mid) or abs(years(d) - mid) <= 0.5:
            out.append(d.weekday())
    return out


def describe_years(low: float, high: float) -> str:
    """An interval of years for a message: "about 6 years", "8 to 9 years"."""
    if high == float("inf"):
        return f"at least {low:.0f} years"
    if high - low <= 1.2:
        mid = (low + high) / 2
        return f"about {mid:.0f} year{'s' if round(mid) != 1 else ''}"
    return f"{low:.0f} to {high:.0f} years"


def describe_point(low: float, high: float) -> str:
    """An interval of fractional years for a message: "2016", "March 2015", "2014-2016"."""
    year = int(low)
    if high - low <= 2 / 365.25:  # one day
        d = dt.date(year, 1, 1) + dt.timedelta(days=round((low - year) * 365.25))
        return f"{MONTH_NAMES[d.month - 1]} {d.day}, {year}"
    if high - low <= 1 / 12 + 1e-6:
        month = min(11, int((low - year) * 12 + 1e-6))
        return f"{MONTH_NAMES[month]} {year}"
    if int(low) == int(high - 1e-6):
        return str(int(low))
    return f"{int(low)}-{int(high - 1e-6)}"
