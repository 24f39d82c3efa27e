"""Numbers: every written form of a figure, read as the interval it stands for.

Forms: digits (``12``, ``3,200``, ``2.5``, ``4.2k``, ``$1.2bn``), scale words (``$1.2
billion``, ``13.3 million``), words and compounds (``five``, ``twenty-five``, ``two hundred
fifty``, ``a dozen``, ``a quarter of a million``, ``half a million``), fractions (``half``,
``a third``, ``two-thirds``, ``one in four``, ``nine out of 10``), multipliers (``twice``,
``triple``, ``three times``), ordinals (``third``, ``11th``, ``No. 19``, ``runner-up``) and
ranges (``four to seven``, ``12-15``, ``$30 to $45``, ``between 10 and 20``); tallies
(``5-2``, ``64-58``, ``58%-33%``, ``27.6 percent to 24.3 percent``) by :func:`find_tallies`.

Each figure is a :class:`Quantity`: offsets, the value as written, its unit (a count, an
amount of money, a percentage or points, a share written as a fraction, a multiplier, a
rank), the hedge before it, and ``low``/``high``: the interval the words stand for. A
plain figure is as exact as it is written ("206,000" is 205,500-206,500; "160,000" is
155,000-165,000; "13.3 million" is 13.25-13.35 million; "14" is 14); a hedge widens or
bounds it (:mod:`contentlint.language.hedges`). Years are figures too: the calendar
(:mod:`contentlint.language.calendar`) decides when "2016" is a year.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass


from contentlint.language import hedges, lazy_re

# Bounds on what is read as a quantity, so no arithmetic on it overflows: more digits than this is
# an identifier (an ISBN, a tracking number), and no article states a figure above a quadrillion.
_MAX_DIGITS = 24  # with thousands separators: "999,999,999,999,999,999"
LARGEST = 1e15

COUNT, MONEY, PERCENT, POINTS, FRACTION, TIMES, ORDINAL = (
    "count", "money", "percent", "points", "fraction", "times", "ordinal")

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
ORDINAL_WORDS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
ORDINAL_WORDS.update({"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                      "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100})
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9,
          "tn": 1e12}
_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
# Shares written as fractions, in percent.
FRACTIONS = {"half": 50.0, "halves": 50.0, "third": 100 / 3, "quarter": 25.0, "fourth": 25.0, "fifth": 20.0,
             "sixth": 100 / 6, "seventh": 100 / 7, "eighth": 12.5, "ninth": 100 / 9, "tenth": 10.0}
# "a third" or "one in four" is a rough share: 30-36.7 and 22-28 percent. "half" and "a
# quarter" are said of figures close to them too ("half of the 1,980 runners"), less loosely.
_ROUGH_FRACTION = 3.0
_ROUND_FRACTION = 1.5
# A round figure ("2,000", "$1 million") stands for the truth within 5 %, not within half its
# last digit: "2,000 runners" is 1,900-2,100, not 1,500-2,500.
_ROUND_FIGURE = 0.05
_MULTIPLIERS = {"twice": 2.0, "double": 2.0, "doubled": 2.0, "triple": 3.0, "tripled": 3.0, "quadruple": 4.0,
                "quadrupled": 4.0}
_CURRENCIES = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}

_WORD_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_WORD_TENS = "|".join(TENS)
_WORD_SMALL = rf"(?:(?:{_WORD_TENS})(?:[-\s](?:{_WORD_UNIT}))?|{_WORD_UNIT})"
# A number in words: "five", "twenty-five", "twenty five", "one hundred (and) twenty", "a dozen", "two dozen".
_WORDS = (rf"(?:(?:a|one|{_WORD_UNIT})\s+hundred(?:\s+(?:and\s+)?{_WORD_SMALL})?|{_WORD_SMALL}\s+dozen|{_WORD_SMALL}|half\s+a\s+dozen|"
          rf"a\s+half[-\s]dozen|a\s+dozen|dozen)")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ORDINALS = (r"\d+(?:st|nd|rd|th)|(?:" + _WORD_TENS + r")[-\s](?:first|second|third|fourth|fifth|sixth|seventh|"
             r"eighth|ninth)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)))
_FRACTION_NAMES = "|".join(sorted(FRACTIONS, key=len, reverse=True))
_SCALE_WORD = "thousand|million|billion|trillion|mn|bn|tn"

# After these, "a third" is a place in a series, not a fraction: "a third consecutive year", "a fifth term".
_ORDINAL_NOUNS = ("straight|consecutive|successive|time|times|place|term|round|season|year|quarter|game|day|week|"
                  "month|attempt|try|child|grader|generation|option|party|candidate|option|floor|wave|reading|ballot")
_FIGURE_RE = lazy_re.compile(
    rf"""(?:(?P<currency>US\$|[$£€¥])\s?)?
    (?P<core>
        (?P<quarterof>(?P<qn>a|one|three)[-\s]quarters?\s+of\s+an?\s+(?P<qscale>{_SCALE_WORD}))
      | (?P<halfa>half\s+an?\s+(?P<hscale>{_SCALE_WORD}))
      | (?P<halfdozen>half\s+a\s+dozen|a\s+half[-\s]dozen)\b
      | (?P<in>(?P<x>\d+|{_WORD_UNIT})\s+(?:in|out\s+of)\s+(?P<y>\d+|{_WORD_SMALL}))(?![\w,])
      | (?P<frac>(?:(?P<fnum>a|one|two|three|four|five|six|seven|eight|nine)[-\s])(?P<fden>{_FRACTION_NAMES})s?
            |half)(?![\w-])(?!\s+(?:{_ORDINAL_NOUNS})\b)
      | (?P<mult>twice|double|doubled|triple|tripled|quadruple|quadrupled|(?P<mnum>\d+|{_WORD_SMALL})\s+times)\b
      | No\.\s?(?P<nonum>\d+)\b
      | (?P<runner>runners?-up)\b
      | (?P<ord>{_ORDINALS})\b
      | (?P<digits>{_DIGITS})(?P<suffix>k|mn|m|bn|b|tn)?(?![\w]|/\d)
      | (?P<words>{_WORDS})\b
    )
    (?:\s+(?P<scale>{_SCALE_WORD})\b)?
    (?:\s*(?P<pct>%|percent\b|per\s?cent\b|percentage[-\s]points?\b|points?\b))?
    (?:\s+(?P<dollars>dollars)\b)?
    """, re.I | re.X)
# Where a figure may start: a digit or currency sign, or a word a figure can begin with. Found
# with a plain scan and a set, not one pattern of every word: this runs on every sentence.
_SIGN_OR_DIGIT_RE = lazy_re.compile(r"(?:US)?[$£€¥]|(?<![\d.,/])\d")  # not "9/11", "24/7": names, not figures
_LETTERS_RE = lazy_re.compile(r"[A-Za-z]+")
_START_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(ORDINAL_WORDS) | frozenset(
    "half dozen twice double doubled triple tripled quadruple quadrupled runner runners no".split())
_AFTER_A = frozenset(FRACTIONS) | {"dozen", "half", "quarter"}


def _starts(text: str, start: int, end: int) -> list[int]:
    """Offsets where a figure may start, in order."""
    lower = text.lower()
    words = set(_LETTERS_RE.findall(lower, start, end))
    at = [m.start() for m in _SIGN_OR_DIGIT_RE.finditer(text, start, end)]
    if words & _START_WORDS or "a" in words and words & _AFTER_A:
        previous = None
        for m in _LETTERS_RE.finditer(lower, start, end):
            word = m.group(0)
            if word in _AFTER_A and previous is not None and previous.group(0) == "a" \
                    and m.start() - previous.end() == 1:
                at.append(previous.start())  # "a dozen", "a third"
            if word in _START_WORDS:
                at.append(m.start())
            previous = m
    return sorted(at)


_RANGE_RE = lazy_re.compile(rf"\s*(?P<sep>-|–|—|to|and)\s*(?:(?P<currency>US\$|[$£€¥])\s?)?(?:(?P<digits>{_DIGITS})"
                            rf"|(?P<words>{_WORDS})\b)(?:\s+(?P<scale>{_SCALE_WORD})\b)?"
                            rf"(?:\s*(?P<pct>%|percent\b|per\s?cent\b))?", re.I)
_BETWEEN_RE = lazy_re.compile(r"\bbetween\s+$", re.I)
_TALLY_RE = lazy_re.compile(
    r"(?<![\w.,$])(?P<a>\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?P<apct>\s*%|\s+percent)?\s*(?:-|–|—|to)\s*"
    r"(?P<b>\d{1,3}(?:,\d{3})*(?:\.\d+)?)"
    r"(?P<bpct>\s*%|\s+percent)?(?![\w%]|[.,]\d)", re.I)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in the text: where, its value as written, unit and hedge, and the interval the
    words stand for."""

    start: int  # the figure with its hedge, currency sign and unit
    end: int
    value: float  # as written: a range's lower end, a fraction in percent, a rank's place
    low: float
    high: float
    unit: str  # COUNT, MONEY, PERCENT, POINTS, FRACTION, TIMES or ORDINAL
    hedge: str = ""  # normalised hedge ("about", "more than"), or ""
    currency: str = ""  # "USD", … for MONEY
    text: str = ""
    in_words: bool = False  # "five", "a third": not digits
    is_range: bool = False
    figure_start: int = -1  # where the figure itself starts (after its hedge)

    @property
    def share(self) -> bool:
        """A proportion of something: a percentage or a fraction ("58 percent", "nearly half")."""
        return self.unit in (PERCENT, FRACTION)


@dataclass(frozen=True, slots=True)
class Tally:
    """Two figures set against each other: a vote (5-2), a score (64-58), a result in percent."""

    start: int
    end: int
    first: float
    second: float
    percent: bool
    text: str


def word_value(text: str) -> float | None:
    """The value of a number written in words ("twenty-five", "a hundred and ten"); None if not one."""
    words = [w for w in re.split(r"[-\s]+", text.lower().strip()) if w and w != "and"]
    if words in (["a", "dozen"], ["dozen"]):
        return 12.0
    if words in (["half", "a", "dozen"], ["a", "half", "dozen"]):
        return 6.0
    if not words:
        return None
    if len(words) > 1 and words[-1] == "dozen":
        count = word_value(" ".join(words[:-1]))
        return None if count is None else count * 12
    total = current = 0.0
    for i, w in enumerate(words):
        if w == "a" and i == 0:
            current = 1.0
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            if w == "hundred":
                current = (current or 1.0) * 100
            else:
                total, current = total + (current or 1.0) * SCALES[w], 0.0
        else:
            return None
    return total + current


def parse_figure(text: str) -> float | None:
    """The value of one figure as written ("3,200", "4.2k", "twenty-five", "1.5 million");
    None when ``text`` is not a single figure."""
    text = text.strip()
    found = find_quantities(text)
    if len(found) != 1 or found[0].figure_start != 0 or found[0].end != len(text):
        return None
    return found[0].value


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every figure in ``text[start:end]``, in order (for tallies see :func:`find_tallies`).

    A cheap scan finds where a figure may start (a digit, a currency sign, a number word);
    the full grammar is tried only there."""
    end = len(text) if end is None else end
    out: list[Quantity] = []
    pos = start
    for at in _starts(text, start, end):
        if at < pos:
            continue
        m = _FIGURE_RE.match(text, at, end)
        if m is None:
            continue
        q = _quantity(text, m, start, end)
        if q is not None:
            out.append(q)
            pos = q.end
    return out


def _inside_word(text: str, at: int, lo: int) -> bool:
    """A figure glued to a word ("B52", "COVID-19", "mid-2019") is part of that word."""
    if at <= lo:
        return False
    before = text[at - 1]
    return before.isalnum() or (before == "-" and at - 2 >= lo and text[at - 2].isalnum())


def _quantity(text: str, m: re.Match, lo: int, hi: int) -> Quantity | None:
    g = m.groupdict()
    if _inside_word(text, m.start(), lo) or _inside_word(text, m.start("core"), lo) and not g["currency"]:
        return None
    currency = _CURRENCIES.get((g["currency"] or "").lower(), "")
    unit, half, in_words = COUNT, 0.0, False
    core_end = m.end("core")
    if g["quarterof"]:
        value = {"a": 1, "one": 1, "three": 3}[g["qn"].lower()] * 0.25 * SCALES[g["qscale"].lower()]
        half, in_words = 0.05 * value, True
    elif g["halfa"]:
        value = 0.5 * SCALES[g["hscale"].lower()]
        half, in_words = 0.05 * value, True
    elif g["halfdozen"]:
        value, in_words = 6.0, True
    elif g["in"]:
        x, y = _small(g["x"]), _small(g["y"])
        if not x or not y or x >= y:
            return None
        value, unit, in_words = 100 * x / y, FRACTION, True
        half = _ROUGH_FRACTION
    elif g["frac"]:
        den = (g["fden"] or "half").lower().rstrip("s") if g["fden"] else "half"
        den = "half" if den.startswith("hal") else den
        numerator = {"a": 1, "one": 1}.get((g["fnum"] or "a").lower(), UNITS.get((g["fnum"] or "").lower(), 1))
        value, unit, in_words = numerator * FRACTIONS[den], FRACTION, True
        half = _ROUND_FRACTION if den in ("half", "quarter", "fourth") else _ROUGH_FRACTION
    elif g["mult"]:
        value = _MULTIPLIERS.get(g["mult"].lower()) or _small(g["mnum"]) or 0.0
        if not value:
            return None
        unit, in_words = TIMES, not (g["mnum"] or "").isdigit()
    elif g["nonum"]:
        value, unit = float(g["nonum"]), ORDINAL
    elif g["runner"]:
        value, unit, in_words = 2.0, ORDINAL, True
    elif g["ord"]:
        value, unit, in_words = _ordinal_value(g["ord"]), ORDINAL, not g["ord"][0].isdigit()
    elif g["digits"]:
        digits = g["digits"]
        if len(digits) > _MAX_DIGITS:
            return None  # a serial number or a run of digits, not a quantity an article states
        value, half = float(digits.replace(",", "")), _granularity(digits)
        if g["suffix"]:
            if g["suffix"].lower() in ("m", "b") and not currency:
                return None  # "5m" is five metres, "2b" a grade
            scale = _SUFFIXES[g["suffix"].lower()]
            value, half = value * scale, (half or _last_place(digits)) * scale
    else:
        value = word_value(g["words"])
        if value is None:
            return None
        in_words = True
    end = core_end
    if g["scale"] and unit == COUNT:
        scale = SCALES[g["scale"].lower()]
        value, half = value * scale, (half or _last_place(g["digits"] or "")) * scale
        end = m.end("scale")
    if g["pct"] and unit == COUNT and not currency:
        unit = POINTS if "point" in g["pct"].lower() else PERCENT
        half = half or (0.5 if value == int(value) else 0.05)
        end = m.end("pct")
    elif g["pct"] and unit == FRACTION and g["pct"] == "%":
        end = m.end("pct")
    if g["dollars"] and unit == COUNT:
        currency, end = "USD", m.end("dollars")
    if currency and unit == COUNT:
        unit = MONEY
    elif currency:
        return None  # "$ first" is not a figure
    if not math.isfinite(value) or abs(value) > LARGEST:
        return None
    hedge, begin = _hedge_before(text, m.start(), lo)
    is_range = False
    second = _range_end(text, end, hi, unit, currency, begin, lo)
    if second is not None:
        (high_value, end, percent_after), is_range = second, True
        if not math.isfinite(high_value) or abs(high_value) > LARGEST:
            return None
        if percent_after and unit == COUNT:
            unit = PERCENT
        low, high = value, high_value
        between = _BETWEEN_RE.search(text, max(lo, begin - 9), begin)
        begin = between.start() if between else begin
    else:
        after = None if hedge else hedges.HEDGE_AFTER_RE.match(text, end, hi)
        if after:
            hedge, end = hedges.hedge_after(after.group(0)), after.end()
        low, high = _interval(value, half, unit, hedge)
    return Quantity(begin, end, value, low, high, unit, hedge, currency, " ".join(text[begin:end].split()),
                    in_words, is_range, m.start())


def _ordinal_value(text: str) -> float:
    t = text.lower()
    if t[0].isdigit():
        return float(re.match(r"\d+", t).group(0))
    if t in ORDINAL_WORDS:
        return float(ORDINAL_WORDS[t])
    tens, unit = re.split(r"[-\s]", t, maxsplit=1)
    return float(TENS[tens] + ORDINAL_WORDS[unit])


def _granularity(digits: str) -> float:
    """Half the step a figure written in digits is exact to: "14" 0 (a count is exact), "4,800" 50,
    "160,000" 5,000, "2.5" 0.05."""
    plain = digits.replace(",", "")
    if "." in plain:
        return 0.5 * 10 ** -len(plain.split(".", 1)[1])
    value = int(plain)
    if value < 100:
        return 0.0
    zeros = len(plain) - len(plain.rstrip("0"))
    return min(0.5 * 10 ** zeros, _ROUND_FIGURE * value) if zeros else 0.0


def _last_place(digits: str) -> float:
    """Half a unit of the last written place: "1.2" (billion) is 1.15-1.25, "11" (million) 10.5-11.5,
    but "1" (million) 0.95-1.05 (see ``_ROUND_FIGURE``)."""
    half = 0.5 * 10 ** -len(digits.split(".", 1)[1]) if "." in digits else 0.5
    value = float(digits.replace(",", "") or 0)
    return min(half, _ROUND_FIGURE * value) if value else half


def _hedge_before(text: str, start: int, lo: int) -> tuple[str, int]:
    m = hedges.HEDGE_BEFORE_RE.search(text, max(lo, start - hedges.LONGEST), start)
    if m and not _PHRASAL_UP_TO_RE.search(text, max(0, m.start() - 8), m.start() + 2):
        return hedges.normalise(m.group("hedge")), m.start()
    return "", start


_PHRASAL_UP_TO_RE = lazy_re.compile(r"\b(?:add|adds|added|adding)\s+up$", re.I)  # "added up to $27,500": a sum, no cap


def _small(word: str | None) -> float | None:
    if not word:
        return None
    return float(word) if word.isdigit() else word_value(word)


def _range_end(text: str, pos: int, hi: int, unit: str, currency: str, begin: int,
               lo: int) -> tuple[float, int, bool] | None:
    """The upper end of a range right after a figure ("-15", " to seven", " and $45"), or None."""
    if unit not in (COUNT, MONEY, PERCENT):
        return None
    m = _RANGE_RE.match(text, pos, hi)
    if not m or bool(m.group("currency")) != bool(currency) and m.group("currency"):
        return None
    sep = m.group("sep").lower()
    if sep == "and" and not _BETWEEN_RE.search(text, max(lo, begin - 9), begin):
        return None  # "5 and 6" is two figures unless "between" opens them
    if sep in ("-", "–", "—") and not m.group("digits"):
        return None
    if m.group("digits"):
        value = float(m.group("digits").replace(",", ""))
    else:
        value = word_value(m.group("words"))
        if value is None:
            return None
    scale = m.group("scale")
    if scale:
        value *= SCALES[scale.lower()]
    first = _first_value(text, begin, pos)
    if first is None or value <= first:
        return None  # "64-58" is a tally, not a range
    return value, m.end(), bool(m.group("pct"))


def _first_value(text: str, begin: int, end: int) -> float | None:
    m = _FIGURE_RE.search(text, begin, end)
    if not m:
        return None
    digits = m.group("digits")
    value = float(digits.replace(",", "")) if digits else word_value(m.group("words") or "")
    if value is not None and m.group("scale"):
        value *= SCALES[m.group("scale").lower()]
    return value


def _interval(value: float, half: float, unit: str, hedge: str) -> tuple[float, float]:
    if unit in (FRACTION, PERCENT, POINTS):
        return hedges.bound(value, half, hedge, share=True)
    if unit in (TIMES, ORDINAL):
        return hedges.bound(value, 0.0, hedge if unit == TIMES else "")
    return hedges.bound(value, half, hedge)


def find_tallies(text: str, start: int = 0, end: int | None = None) -> list[Tally]:
    """Two figures set against each other ("5-2", "64-58", "58%-33%", "27.6 percent to 24.3 percent").

    A pair is a tally, not a range, when its first figure is not the smaller one or when both carry
    a percent sign (:func:`find_quantities` reads "12-15" as a range). Whether a tally is a vote,
    a score or a poll result the analysis decides from the words around it.
    """
    end = len(text) if end is None else end
    out = []
    for m in _TALLY_RE.finditer(text, start, end):
        a, b = float(m.group("a").replace(",", "")), float(m.group("b").replace(",", ""))
        percent = bool(m.group("apct") or m.group("bpct"))
        if (a < b and not percent) or (not percent and (a != int(a) or b != int(b))):
            continue
        out.append(Tally(m.start(), m.end(), a, b, percent, m.group(0)))
    return out


def format_value(value: float, unit: str = COUNT, currency: str = "") -> str:
    """A value as an article would write it: "$1.9 billion", "4,800", "58%", "3.3 points", "11th"."""
    if math.isinf(value):
        return "no limit"
    if unit in (PERCENT, FRACTION):
        return f"{_short(value)}%"
    if unit == POINTS:
        return f"{_short(value)} points"
    if unit == ORDINAL:
        n = int(value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if unit == TIMES:
        return f"{_short(value)} times"
    sign = _CURRENCY_SIGNS.get(currency, "")
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{sign}{_short(value / scale)} {word}"
    if value == int(value):
        return f"{sign}{int(value):,}"
    return f"{sign}{value:,.2f}"


def _short(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
