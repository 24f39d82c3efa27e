"""Typed facts an article states, each keyed by what it is about, with its value as an interval.

Every fact is ``Fact(kind, key, low, high, span, text)``: two facts can contradict
each other only when their kinds and keys are equal, so comparing them is a
dictionary lookup (linear in the article), never a comparison of every pair of
sentences. When a fact's subject is unclear it gets no key and is never compared:
a contradiction rule that cries wolf gets switched off.

Kinds and keys:

- ``age`` (years since an organisation began): "founded in 2011" (with the article
  date) and "its 20-year history", "four years of operation"; keyed by the
  organisation named in the sentence, or by the article when it names one founding.
- ``tenure`` (years a person has held a post): "has led the museum since 2017",
  "became director in 2019" and "five years at the helm"; keyed by surname
  (a pronoun takes the last surname named).
- ``gap`` (years since an event last happened): "the first summit since 2016" and
  "after a five-year gap", "the first time in eight years".
- ``remaining`` (years until a target): "extends the program to 2031" and "five more years".
- ``count``: a definite or whole count of a thing ("all 14 of its schools", "the 12
  schools", "the network's 43 clinics", "links 37 clinics"); keyed by the noun.
- ``money``: an amount with a unit or as a maximum ("$2.50 per hour", "up to $2,500"),
  keyed by the money noun (rate, fare, rebate…) and unit; "a $2 billion stadium".
- ``change``: a percentage change of a named quantity ("prices rose 4.2 percent",
  "a 3.8 percent annual increase in prices"), keyed by the quantity and period.
- ``share``: a share of a group ("one in four runners", "40 percent of runners"),
  keyed by the group and a phrase both sentences share.
- ``tally``: a vote ("voted 5-2", "the 4-3 vote"), keyed by the number of voters.
- ``title`` and ``first-name``: a person's title ("Superintendent Dana Okafor") and
  first name, keyed by full name and by surname.

Values are intervals: "five years" is a rounded figure, 4.5-5.5; "about" widens
it to 4-6; "more than eight" is 8-9; "nearly 40 percent" is 36-40; "since 2016"
in an article dated 2024-05-14 is 7.4-8.4 years; "late 2020" is September to
December. Facts whose sentence tells of a change ("from $2.50 to $3.25", "up
from", "was", "previously") describe two moments, not one fact, and are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from contentlint import segment
from contentlint.dates import MONTHS
from contentlint.document import PROSE_KINDS, Document, Span

WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "a hundred": 100, "a dozen": 12, "a decade": 10, "two decades": 20,
                     "three decades": 30, "half a century": 50, "a century": 100})
# A figure: digits, or a word that may be a number ("five", "twenty-one"), checked by number().
# A generic word keeps the patterns small (they are compiled at every start-up).
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|a dozen|a decade|two decades|half a century|[a-z]+(?:-[a-z]+)?"
_HEDGES = (r"about|around|roughly|approximately|some|nearly|almost|close to|just under|more than|over|just over|"
           r"at least|less than|under|fewer than|upwards of|up to|as many as|as much as")


def _hedge(name: str = "hedge") -> str:
    return rf"(?:(?P<{name}>{_HEDGES})\s+)?"


_HEDGE = _hedge()
_YEAR = r"(?:19|20)\d\d"
_PARTS = (r"early|mid-?|late|the end of|the start of|the beginning of|the spring of|the summer of|the fall of|"
          r"the autumn of|the winter of|spring|summer|fall|autumn|winter")


def _when(tag: str = "") -> str:
    """A year, with an optional month (any capitalised word, checked against MONTHS) or part of
    the year; group names carry ``tag``."""
    return (rf"(?:(?P<part{tag}>{_PARTS})\s*)?(?:(?P<month{tag}>[A-Z][a-z]{{2,8}})\.?\s+(?:\d{{1,2}},?\s+)?)?"
            rf"(?P<year{tag}>{_YEAR})\b")


_WHEN = _when()
_CHANGE_RE = re.compile(r"\bfrom\s+\$?[\d,.]+\s*(?:%|percent|per cent|million|billion)?\s*(?:per \w+ |an? \w+ )?to\b|"
                        r"\b(?:up|down|rising|falling|increased|decreased|raised|cut|lowered) from\b|"
                        r"\b(?:previous|previously|formerly|former|old|used to|had been|instead of|compared with|"
                        r"compared to|versus|vs\.?)\b", re.I)

# -- value intervals -------------------------------------------------------------


def number(text: str) -> float:
    """A figure's value; ValueError when the word is not a number ("many")."""
    text = text.lower().replace(",", "")
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text])
    if "-" in text and not text[0].isdigit():  # "twenty-one"
        tens, _, unit = text.partition("-")
        if tens in WORD_NUMBERS and unit in WORD_NUMBERS:
            return float(WORD_NUMBERS[tens] + WORD_NUMBERS[unit])
    return float(text)


def rounded(value: float, hedge: str | None) -> tuple[float, float]:
    """The interval a stated figure stands for: a plain figure is rounded, hedges widen or bound it."""
    hedge = (hedge or "").lower()
    half = _rounding(value)
    if hedge in ("about", "around", "roughly", "approximately", "some"):
        return value - 2 * half, value + 2 * half
    if hedge in ("nearly", "almost", "close to", "just under"):
        return value - 2 * half, value
    if hedge in ("more than", "over", "just over", "upwards of"):
        return value, value + 2 * half
    if hedge == "at least":
        return value, float("inf")
    if hedge in ("less than", "under", "fewer than", "up to", "as many as", "as much as"):
        return 0.0, value
    return value - half, value + half


def _rounding(value: float) -> float:
    """Half the step a stated figure was likely rounded to: five years is 4.5-5.5; a round
    percentage like 40 is 37.5-42.5; 250,000 is 245,000-255,000."""
    if value != int(value):
        return 0.05
    if value >= 100:
        return value * 0.02
    if value >= 20 and value % 10 == 0:
        return 2.5
    return 0.5


def exact(value: float, hedge: str | None) -> tuple[float, float]:
    """A counted figure (schools, dollars): exact unless hedged."""
    if not hedge:
        return value, value
    low, high = rounded(value, hedge)
    spread = max(abs(value) * 0.1, 1.0)
    return (value - spread, value + spread) if (low, high) == rounded(value, "about") else (low, high)


def _years(d: dt.date) -> float:
    return d.year + (d.timetuple().tm_yday - 1) / 365.25


def when_interval(m: re.Match) -> tuple[float, float]:
    """A year (with an optional month or "early/late") as an interval of fractional years."""
    groups = m.groupdict()
    tag = next(t for t in ("", "2") if groups.get(f"year{t}"))
    year = int(groups[f"year{tag}"])
    month = groups.get(f"month{tag}")
    month = month if month and month.lower() in MONTHS else None
    part = (groups.get(f"part{tag}") or "").lower().replace("the ", "").replace(" of", "").strip()
    if month:
        mo = MONTHS[month.lower()]
        start = dt.date(year, mo, 1)
        end = dt.date(year + (mo == 12), mo % 12 + 1, 1)
        return _years(start), _years(end)
    spans = {"early": (0, 4), "start": (0, 3), "beginning": (0, 3), "spring": (2, 5), "mid": (4, 8),
             "mid-": (4, 8), "summer": (5, 8), "fall": (8, 11), "autumn": (8, 11), "late": (8, 12),
             "end": (9, 12), "winter": (11, 14)}
    lo, hi = spans.get(part, (0, 12))
    return year + lo / 12, year + hi / 12


def article_when(doc: Document) -> tuple[float, float] | None:
    if doc.date is None:
        return None
    d = doc.date.value
    if doc.date.precision == "day":
        return _years(d), _years(d) + 1 / 365.25
    if doc.date.precision == "month":
        end = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return _years(d), _years(end)
    return float(d.year), float(d.year + 1)


# -- facts ------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    kind: str
    key: tuple
    low: float
    high: float
    span: Span
    text: str  # the words stating it
    note: str = ""  # how the value was worked out ("in an article dated …"), or the title, first name…
    subject: str | None = None  # who or what, when the sentence names it: facts about two named
    #                             subjects are never compared; a named subject makes it cross-article
    sentence: int = -1  # index of its sentence: facts of one sentence are parallel values, not one fact
    # When it began, in fractional years (for tenure and age), so that articles with different
    # dates can be compared: "became director in 2019" here, "since late 2020" in another piece.
    began: tuple[float, float] | None = None

    def agrees(self, other: Fact) -> bool:
        return not (self.high < other.low - 1e-9 or other.high < self.low - 1e-9)

    def same_subject(self, other: Fact) -> bool:
        return self.subject is None or other.subject is None or self.subject == other.subject


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    block: int
    people: list[str] = field(default_factory=list)  # surnames named in it, in order


_PERSON_RE = re.compile(r"(?=\b([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)\s+((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)")
_ROLE_WORDS = (r"(?:deputy |assistant |associate |acting |interim |vice |executive |senior |managing |"
               r"fire |police |school |county |city |state |general )*(?:superintendent|mayor|chief|director|"
               r"president|chair|chairman|chairwoman|chairperson|councilmember|council member|councilman|"
               r"councilwoman|commissioner|senator|governor|judge|principal|coach|manager|officer|secretary|"
               r"treasurer|sheriff|captain|lieutenant|sergeant|detective|ceo|cfo|coo|founder|co-founder|editor|"
               r"chief executive|chief executive officer|executive director|head coach|dean|provost|chancellor)")
_TITLE_NAME_RE = re.compile(rf"(?<![\w-])(?P<former>(?i:former |then-|ex-))?(?P<title>(?i:{_ROLE_WORDS}))\s+"
                            r"(?P<first>[A-Z][a-z]+)\s+(?P<last>(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_ROLE_RE = re.compile(rf"(?i:{_ROLE_WORDS})$")
_NOT_FIRST_NAMES = frozenset("""The A An And But In On At For Of To By With From As If When While After Before
    Since During Under Over Its His Her Their Our Your This That These Those Executive Deputy Chief Director
    Board Council County City State New North South East West Fort Mount Saint St Lake Port Harbor""".split())
_PRONOUN_RE = re.compile(r"\b(?:she|he|her|his|hers|him)\b", re.I)


class _Extractor:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.when = article_when(doc)
        self.facts: list[Fact] = []
        blocks = [b for b in doc.article_blocks if b.kind in PROSE_KINDS]
        self.sentences: list[_Sentence] = []
        for i, b in enumerate(blocks):
            for a, z in segment.iter_sentences(doc.prose, b.start, b.end):
                text = doc.prose[a:z]
                s = _Sentence(a, z, text, i)
                s.people = [m.group(2) for m in _PERSON_RE.finditer(text) if _first_name(m.group(1))]
                self.sentences.append(s)
        self.surnames = {p for s in self.sentences for p in s.people}
        self.full_names: dict[str, str] = {}  # surname -> "First Surname", as first introduced
        for s in self.sentences:
            for m in _PERSON_RE.finditer(s.text):
                if _first_name(m.group(1)):
                    self.full_names.setdefault(m.group(2), f"{m.group(1)} {m.group(2)}")
        self.index = -1

    def add(self, kind: str, key: tuple | None, value: tuple[float, float] | None, s: _Sentence, m: re.Match,
            note: str = "", subject: str | None = None, group: int | str = 0,
            began: tuple[float, float] | None = None) -> None:
        if key is None or value is None:
            return
        low, high = value
        start, end = m.span(group)
        if began is None and kind in ("age", "tenure") and self.when:
            began = (self.when[0] - high, self.when[1] - low)  # a stated duration, counted back
        self.facts.append(Fact(kind, key, low, high, Span(s.start + start, s.start + end),
                               " ".join(m.group(group).split()), note, subject, self.index, began))

    # -- who ------------------------------------------------------------------
    def person(self, k: int, s: _Sentence, at: int) -> str | None:
        """The surname a tenure phrase at ``at`` is about: named in the sentence, or the last
        one named before (for "her", "his")."""
        names = [m for m in re.finditer(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b", s.text) if m.group(0) in self.surnames]
        if names:
            return min(names, key=lambda m: abs(m.start() - at)).group(0)
        if _PRONOUN_RE.search(s.text):
            for prev in reversed(self.sentences[max(0, k - 3):k]):
                if prev.people:
                    return prev.people[-1]
        return None

    # -- temporal -------------------------------------------------------------
    def elapsed(self, m: re.Match) -> tuple[float, float] | None:
        if self.when is None:
            return None
        lo, hi = when_interval(m)
        return self.when[0] - hi, self.when[1] - lo

    def temporal(self, k: int, s: _Sentence) -> None:
        text = s.text
        dated = f"in an article dated {self.doc.date.value.isoformat()}" if self.doc.date else ""
        for m in _FOUNDED_RE.finditer(text):
            span = self.elapsed(m)
            if span:
                self.add("age", ("age",), span, s, m, dated, _org_near(text, m), began=when_interval(m))
        for m in _AGE_RE.finditer(text):
            self.add("age", ("age",), _stated(m), s, m, subject=_org_near(text, m))
        for m in _SINCE_RE.finditer(text):
            span = self.elapsed(m)
            who = self.person(k, s, m.start())
            if span and who:
                self.add("tenure", ("tenure", who), span, s, m, dated, self.full_names.get(who, who),
                         began=when_interval(m))
        for m in _TENURE_RE.finditer(text):
            who = self.person(k, s, m.start())
            if who:
                self.add("tenure", ("tenure", who), _stated(m), s, m, subject=self.full_names.get(who, who))
        for m in _FIRST_SINCE_RE.finditer(text):
            span = self.elapsed(m)
            if span:  # the event ("summit") must come up again where the gap is given
                self.add("gap", ("gap",), span, s, m, dated, m.group("event").lower())
        for m in _GAP_RE.finditer(text):
            self.add("gap", ("gap",), _stated(m), s, m, note=text.lower())
        if self.when and _MORE_YEARS_RE.search(text):  # "to 2031 gives it five more years": one sentence
            for m in _TARGET_RE.finditer(text):
                years = int(m.group("year")) - self.doc.date.value.year  # counted the way readers count
                self.add("remaining", ("remaining", s.start), (years - 0.25, years + 0.25), s, m, dated)
            for m in _MORE_YEARS_RE.finditer(text):
                self.add("remaining", ("remaining", s.start), _stated(m), s, m)
        for m in _AGO_RE.finditer(text):  # "in 2022, three years ago": both halves in one phrase
            if self.when:
                key = ("ago", s.start)
                years = self.doc.date.value.year - int(m.group("year"))
                self.add("ago", key, (years - 0.25, years + 0.25), s, m, dated, group="when")
                self.add("ago", key, _stated(m), s, m, group="ago")

    # -- quantities -------------------------------------------------------------
    def quantities(self, s: _Sentence) -> None:
        text = s.text
        changing = bool(_CHANGE_RE.search(text))
        if not changing:
            for m in _COUNT_RE.finditer(text):
                noun = _singular(m.group("noun"))
                if m.group("rest") or _YEAR_LIKE.fullmatch(m.group("n")) or "." in m.group("n") \
                        or noun in _NOT_COUNTED or m.group("noun").lower().endswith("ss"):
                    continue
                owner = m.group("owner")
                if m.group("verb"):  # "the Network, which links 37 clinics": counted by a named subject
                    named = _NAME_BEFORE_RE.search(text[:m.start()]) or re.search(rf"({_NAME})\s+$", text[:m.start()])
                    if not named:
                        continue
                    owner = named.group(1).split()[-1]
                subject = owner.lower() if owner and owner.lower() not in ("its", "their") else None
                self.add("count", ("count", noun), _counted(m), s, m,
                         subject=subject)
            for m in (_MONEY_RE.finditer(text) if "$" in text else ()):
                noun = _money_noun(text, m.start(), m.end())
                unit = " ".join((m.group("unit") or "").lower().replace("an ", "per ").replace("a ", "per ").split())
                hedge = m.group("hedge")
                thing = _THING_AFTER_RE.match(text, m.end()) if m.group("scale") and not m.group("unit") else None
                if thing:  # "a $2 billion stadium" and "the $3.5 billion stadium"
                    what = " ".join(thing.group(0).split())
                    named = what if any(c.isupper() for c in what) else None  # "the Harbor Point stadium"
                    self.add("money", ("money", what.lower(), ""), _money_interval(m), s, m, subject=named)
                elif hedge and hedge.lower() in ("up to", "as much as"):
                    self.add("money", ("max",), _money_interval(m), s, m, "|".join(sorted(_bigrams(text))))
                elif unit and noun:
                    self.add("money", ("money", noun, unit), _money_interval(m), s, m)
        percent = "%" in text or "percent" in text or "per cent" in text
        for m in (_CHANGE_PCT_RE.finditer(text) if percent else ()):
            before = " ".join(text[:m.start()].split()[-_SUBJECT_WORDS:]) if m.group("verb") else None
            what = _quantity_key(before or m.group("what2"))
            if what:
                period = _period(text)
                self.add("change", ("change", what, period), _stated(m), s, m)
        if not changing:
            for m in (_TALLY_RE.finditer(text) if "vote" in text else ()):
                a, b = int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2"))
                self.add("tally", ("tally", a + b), (a, a), s, m)

    def shares(self, s: _Sentence) -> None:
        found = list(_SHARE_RE.finditer(s.text))
        if len(found) != 1 or _CONTRAST_RE.search(s.text) or _SURVEY_RE.search(s.text):
            return  # parts of a whole, a contrast, or a survey's answer to one of many questions
        for m in found:
            group = _singular(m.group("group"))
            if m.group("pct"):
                try:
                    value = number(m.group("pct"))
                except ValueError:
                    continue
                low, high = rounded(value, m.group("hedge"))
            else:
                value = number(m.group("x")) / number(m.group("y")) * 100
                low, high = rounded(value / 5, m.group("hedge"))  # "one in four": a rough fraction
                low, high = low * 5, high * 5
            if group in _RATINGS or "." in (m.group("pct") or ""):
                continue  # ratings; and precise survey figures are distinct measurements, not one fact
            topics = _bigrams(s.text) - _bigrams(m.group(0))
            self.facts.append(Fact("share", ("share", group), low, high,
                                   Span(s.start + m.start(), s.start + m.end()), " ".join(m.group(0).split()),
                                   "|".join(sorted(topics)), None, self.index))

    # -- people ------------------------------------------------------------------
    def people(self, s: _Sentence) -> None:
        for m in _TITLE_NAME_RE.finditer(s.text):
            if m.group("former") or not _first_name(m.group("first")):
                continue
            title = " ".join(m.group("title").lower().split())
            full = f"{m.group('first')} {m.group('last')}"
            span = Span(s.start + m.start("title"), s.start + m.end())
            text = " ".join(m.group(0).split())
            self.facts.append(Fact("title", ("title", full), 0, 0, span, text, title, full))
            self.facts.append(Fact("first-name", ("first-name", m.group("last"), _role_head(title)), 0, 0,
                                   span, text, m.group("first"), m.group("last")))

    def run(self) -> list[Fact]:
        for k, s in enumerate(self.sentences):
            self.index = k
            has_year = bool(_YEAR_ANYWHERE_RE.search(s.text))
            has_number = has_year or bool(_NUMBER_ANYWHERE_RE.search(s.text))
            if has_number and (has_year or "year" in s.text):
                self.temporal(k, s)
            if has_number:
                self.quantities(s)
                self.shares(s)
            self.people(s)
        return self.facts


# -- patterns -----------------------------------------------------------------------

_FOUNDED_RE = re.compile(rf"\b(?:was )?(?:founded|established|launched|started|formed|incorporated|opened)"
                         rf"(?: its doors)?\s+(?:in|back in)\s+{_WHEN}", re.I)
_AGE_RE = re.compile(rf"\b(?:its|their|the company's|the firm's|the league's|the group's)\s+{_HEDGE}(?P<n>{_NUM})"
                     rf"[- ]years?(?: of (?:operation|operations|business|history|existence)| history| in business)"
                     rf"|\b{_hedge('hedge2')}(?P<n2>{_NUM})[- ]year[- ]history"
                     rf"|\bhas been (?:running|operating|around|in business|open) for\s+{_hedge('hedge3')}(?P<n3>{_NUM})"
                     rf"\s+years", re.I)
_SINCE_RE = re.compile(rf"\b(?:has|have|had)\s+(?:led|run|headed|managed|directed|overseen|coached|chaired|served|"
                       rf"been)\b[^.;:]{{0,50}}?\bsince\s+{_WHEN}"
                       rf"|\b(?:became|was named|was appointed|was hired|was elected|took over|took the helm|"
                       rf"stepped in|was promoted)\b[^.;:]{{0,50}}?\bin\s+{_when('2')}", re.I)
_TENURE_RE = re.compile(rf"\b{_HEDGE}(?P<n>{_NUM})[- ]years?\s+(?:at the helm|in charge|in the (?:job|post|role)|"
                        rf"as (?:the )?(?:\w+ )?(?:director|superintendent|president|chief|ceo|mayor|chair|head|"
                        rf"coach|principal|owner|leader|manager|editor)|leading|running|heading|of leading|"
                        rf"of running)|\b{_hedge('hedge2')}(?P<n2>{_NUM})[- ]year\s+(?:tenure|reign|stint|term)", re.I)
_FIRST_SINCE_RE = re.compile(rf"\bfirst\s+(?:[\w-]+\s+){{0,2}}(?P<event>[\w-]+)\s+since\s+{_WHEN}", re.I)
_GAP_RE = re.compile(rf"\bafter\s+(?:a|an)\s+{_HEDGE}(?P<n>{_NUM})[- ]years?[- ](?:gap|hiatus|absence|break|pause)"
                     rf"|\bfirst time in\s+{_hedge('hedge2')}(?P<n2>{_NUM})\s+years"
                     rf"|\bafter\s+a\s+(?:gap|hiatus|absence|break|pause)\s+of\s+{_hedge('hedge3')}(?P<n3>{_NUM})\s+years",
                     re.I)
_TARGET_RE = re.compile(rf"\b(?:to|through|until|till|into)\s+{_WHEN}", re.I)
_MORE_YEARS_RE = re.compile(rf"\b{_HEDGE}(?P<n>{_NUM})\s+(?:more|additional|extra)\s+years", re.I)
_AGO_RE = re.compile(rf"\bin\s+(?P<when>{_WHEN}),?\s+{_HEDGE}(?P<ago>(?P<n>{_NUM})\s+years?\s+ago)", re.I)
_COUNT_RE = re.compile(
    rf"(?:\b(?:all|the|its|their|his|her|our)\s+|\ball\s+(?=(?:{_NUM})\s+of\s+(?:its|their|the)\b)"
    rf"|\b(?P<owner>\w+)(?:'s|’s)\s+|\b(?P<verb>links|operates|runs|oversees|manages)\s+)"
    rf"{_HEDGE}(?P<n>{_NUM})(?:\s+of\s+(?:its|their|the|his|her))?\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>[a-z]{{3,}}s)\b"
    rf"(?P<rest>\s+(?:that|which|who|whose|where|in|on|at|with|near|from|of|for)\b)?", re.I)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
# Measures and stretches of time are not counts of things.
_NOT_COUNTED = frozenset("""year month week day hour minute second decade century time percent point degree gram
    kilogram pound ounce mile kilometer kilometre meter metre foot feet inch acre gallon liter litre dollar cent
    calorie mph ghz mhz thing way step""".split())
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}
_MONEY_RE = re.compile(rf"{_HEDGE}\$\s?(?P<amount>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                       r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m|k)\b)?"
                       r"(?:\s+(?P<unit>per (?:hour|day|week|month|year|person|household|ride|trip|student|visit|"
                       r"night|gallon|share)|an? (?:hour|day|week|month|year|night|ride|trip|gallon)))?", re.I)
_THING_AFTER_RE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:stadium|arena|project|plan|budget|bond|deal|"
                             r"contract|settlement|expansion|renovation|bridge|center|centre|facility|campus|"
                             r"complex|terminal|line|program|programme|package|fund|merger|acquisition|"
                             r"development|tower|hospital|school|library)\b")
_MONEY_NOUNS = ("rate", "fare", "fee", "price", "cost", "rebate", "salary", "wage", "budget", "grant", "fine", "tax",
                "toll", "rent", "stipend", "bonus", "payment", "subsidy", "stadium", "project", "contract",
                "settlement", "loan", "credit", "deductible", "premium", "ticket", "meter")
_MONEY_NOUN_RE = re.compile(r"\b(" + "|".join(_MONEY_NOUNS) + r")s?\b", re.I)
_SUBJECT_WORDS = 8  # words before "rose 4.2 percent" searched for what rose
_CHANGE_PCT_RE = re.compile(
    rf"\b(?P<verb>rose|fell|increased|decreased|grew|climbed|dropped|declined|jumped|"
    rf"slipped|went up|went down)\s+(?:by\s+)?{_HEDGE}(?P<n>{_NUM})\s*(?:%|percent|per cent)"
    rf"|{_hedge('hedge2')}(?P<n_>{_NUM})\s*(?:%|percent|per cent)\s+(?:\w+\s+)?(?:increase|rise|drop|decline|jump|fall|"
    rf"growth|gain)\s+in\s+(?P<what2>[\w-]+(?:\s+[\w-]+)?)", re.I)
_PERIODS = {"annual": "year", "year": "year", "12 months": "year", "yearly": "year", "monthly": "month",
            "month": "month", "quarter": "quarter", "quarterly": "quarter", "weekly": "week", "week": "week"}
_PERIOD_RE = re.compile(r"\b(" + "|".join(sorted(_PERIODS, key=len, reverse=True)) + r")\b", re.I)
_SHARE_RE = re.compile(
    rf"{_HEDGE}(?:(?P<pct>{_NUM})\s*(?:%|percent|per cent)\s+of\s+(?:all\s+|the\s+)?"
    rf"|(?P<x>one|two|three|four|five|\d)\s+(?:in|out of)\s+(?P<y>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)"
    rf"(?P<group>[a-z]{{3,}}s)\b", re.I)
_TALLY_RE = re.compile(r"\b(?:voted|vote of|by a vote of|on a)\s+(?P<a>\d{1,2})[-–](?P<b>\d{1,2})\b"
                       r"|\b(?:the|a|its)\s+(?P<a2>\d{1,2})[-–](?P<b2>\d{1,2})\s+vote\b", re.I)
_RATINGS = frozenset({"star", "point"})
_SURVEY_RE = re.compile(r"\b(?:survey\w*|poll\w*|respondents?|report\w*|say|says|said|according|stud(?:y|ies)|"
                        r"found|finds|asked)\b", re.I)
_CONTRAST_RE = re.compile(r"\b(?:oppose|opposed|against|not|never|while|whereas|compared|only|other|others|"
                          r"remaining|rest|versus|but)\b|n't\b", re.I)
_STOP = frozenset("""a an the of and or in on at to for with by from is are was were be been it its this that these
    those as at some point will would can could has have had their his her they them he she we our who which what
    about more than nearly roughly percent""".split())


def _singular(noun: str) -> str:
    noun = noun.lower()
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("sses", "xes", "ches", "shes", "zes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


def _money_value(m: re.Match) -> float:
    value = float(m.group("amount").replace(",", ""))
    return value * _SCALE.get((m.group("scale") or "").lower(), 1.0)


def _money_interval(m: re.Match) -> tuple[float, float]:
    """An amount as stated: "$13" may be "$13.49" rounded down; "$2 billion" is 1.95-2.05 billion."""
    value = _money_value(m)
    if m.group("hedge") and m.group("hedge").lower() not in ("up to", "as much as"):
        return exact(value, m.group("hedge"))
    if m.group("scale"):
        return value * 0.975, value * 1.025
    if "." not in m.group("amount") and value < 1000:
        return value, value + 0.99
    return value, value


def _money_noun(text: str, start: int, end: int) -> str | None:
    """The money noun nearest an amount, within a few words either side."""
    window = text[max(0, start - 100):min(len(text), end + 60)]
    offset = max(0, start - 100)
    found = list(_MONEY_NOUN_RE.finditer(window))
    if not found:
        return None
    near = min(found, key=lambda m: min(abs(m.start() + offset - start), abs(m.start() + offset - end)))
    return near.group(1).lower()


def _quantity_key(words: str | None) -> str | None:
    """What a percentage change is of: the head of the noun phrase, cut at its first preposition
    ("food-at-home prices in the Tri-County area" -> "food-at-home prices")."""
    if not words:
        return None
    head = re.split(r"(?:^|\s)(?:in|of|for|at|across|over|on|from|among|within)\s", words, maxsplit=1,
                    flags=re.I)[0]
    content = [w.lower() for w in re.findall(r"[\w-]+", head) if w.lower() not in _STOP and not w.isdigit()]
    return " ".join(content[-3:]) if content else None


def _period(text: str) -> str | None:
    m = _PERIOD_RE.search(text)
    return _PERIODS[m.group(1).lower()] if m else None


def _bigrams(text: str) -> set[str]:
    words = [w.lower() for w in re.findall(r"[\w'’-]+", text)]
    return {f"{a} {b}" for a, b in zip(words, words[1:]) if a not in _STOP and b not in _STOP}


_YEAR_ANYWHERE_RE = re.compile(r"\b(?:19|20)\d\d\b")
# Cheap pre-filter: a sentence without a digit or a number word states no figure.
_NUMBER_ANYWHERE_RE = re.compile(r"\d|\b(?:" + "|".join(w.split()[-1] for w in WORD_NUMBERS) + r")\b", re.I)


def _counted(m: re.Match) -> tuple[float, float] | None:
    try:
        return exact(number(m.group("n")), m.group("hedge"))
    except ValueError:
        return None


def _stated(m: re.Match) -> tuple[float, float] | None:
    """The interval of a stated figure, whichever alternative of the pattern matched it; None
    when the word in the figure's place is not a number."""
    groups = m.groupdict()
    n = next(v for k, v in groups.items() if k in ("n", "n2", "n3", "n_") and v)
    hedge = groups.get("hedge") or groups.get("hedge2") or groups.get("hedge3")
    try:
        return rounded(number(n), hedge)
    except ValueError:
        return None


_NAME = r"[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}"
_NAME_BEFORE_RE = re.compile(rf"({_NAME}),\s*(?:which\s+(?:was|has)?\s*|who\s+)?$")
_NAME_AFTER_CLAUSE_RE = re.compile(rf"[^,]*,\s*(?:the\s+)?({_NAME})\b")


def _org_near(text: str, phrase: re.Match) -> str | None:
    """The organisation a founding or age phrase is about, when the grammar says so: "Northwind,
    founded in 2011"; "Founded in 2011 …, Northwind now flies"; "In its four years, Cartwheel has".
    None (any organisation) otherwise."""
    before = _NAME_BEFORE_RE.search(text[:phrase.start()])
    if before and before.group(1).split()[0] not in _NOT_FIRST_NAMES:
        return before.group(1)
    if "," not in text[:phrase.start()]:  # the phrase is in the sentence's opening clause
        after = _NAME_AFTER_CLAUSE_RE.match(text, phrase.end())
        if after and after.group(1).split()[0] not in _NOT_FIRST_NAMES:
            return after.group(1)
    return None


def _first_name(word: str) -> bool:
    """Whether a capitalised word can be a first name (not "The", not a title like "Superintendent")."""
    return word not in _NOT_FIRST_NAMES and not _ROLE_RE.match(word)


def _role_head(title: str) -> str:
    """The role without its rank: "deputy superintendent" -> "superintendent" (for first-name checks)."""
    return title.split()[-1]


def extract(doc: Document) -> list[Fact]:
    return _Extractor(doc).run()


_SAID_BY_SURNAME_RE = re.compile(r"(?:^|[.!?]\s+|,\s+)([A-Z][a-z]{2,})\s+(?:said|says|told|added|noted)\b"
                                 r"|\b(?:said|says|told|added|noted)\s+([A-Z][a-z]{2,})[.,]")


def unintroduced_speakers(doc: Document) -> list[tuple[Span, str, Fact]]:
    """Surnames quoted as speakers ("Raman said") that the article never introduces with a first
    name or title, in an article that introduces its people properly: each with the person the
    article quotes most, whom it probably means."""
    introduced = [f for f in doc.facts if f.kind == "title"]
    if not introduced:
        return []
    prose = doc.prose
    sentences = [(s.start, prose[s.start:s.end]) for s in doc.sentences]
    surnames = {f.subject.split()[-1] for f in introduced} | {
        m.group(2) for _, text in sentences for m in _PERSON_RE.finditer(text) if _first_name(m.group(1))}
    firsts = {f.subject.split()[0] for f in introduced}
    counts = {f.subject: prose.count(f.subject.split()[-1]) for f in introduced}
    main = max(introduced, key=lambda f: counts[f.subject])
    out = []
    for start, text in sentences:
        for m in _SAID_BY_SURNAME_RE.finditer(text):
            name = m.group(1) or m.group(2)
            if (name in surnames or name in firsts or name in _NOT_FIRST_NAMES or _ROLE_RE.match(name)
                    or prose.count(name) > 1 or not _PRONOUN_RE.search(prose[start:start + len(text) + 200])):
                continue
            at = start + m.start(1 if m.group(1) else 2)
            out.append((Span(at, at + len(name)), name, main))
    return out
