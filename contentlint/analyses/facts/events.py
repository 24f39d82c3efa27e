"""Events and their dates: one event told with two dates, or a date with the wrong weekday.

An event is a verb that happens once to its subject ("the contract expired", "Blocher
resigned", "the Times first reported") with the date its clause gives. Two statements of one
event conflict when their dates cannot both hold: "The previous contract expired on June 30"
and "since it expired at the end of July" (a pronoun subject takes the subject of the same
event told before). Verbs that recur ("voted", "met", "said") are compared only when the
article marks the event as the first ("first reported", "initially broke the story").

Dates and weekdays: "Thursday, Oct. 4" when Oct. 4 is a Tuesday (in the article's year); "the
Oct. 4 hearing" and "Thursday's hearing".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from contentlint.analyses.facts.model import INFO, WARNING, Conflict, Statement
from contentlint.analyses.facts.people import People
from contentlint.analyses.facts.reading import Reading
from contentlint.language import calendar, lazy_re
from contentlint.language.words import FUNCTION_WORDS, stem

# Verbs of things that happen to a subject once, each with the class it belongs to.
_ONCE = {stem(w): cls for cls, words in {
    "expire": "expire expired lapse lapsed",
    "die": "die died",
    "leave": "resign resigned quit step stepped retire retired",
    "found": "founded establish established",  # not "found": the stem of "find" too
    "graduate": "graduate graduated",
    "marry": "marry married",
    "born": "born",
    "join": "join joined",
    "launch": "launch launched debut debuted premiere premiered",
    "sign": "sign signed",
    "close": "close closed shut",
    "sworn": "sworn inaugurated",
    "open": "open opened begin began begun",
}.items() for w in words.split()}
# Nouns of the same events: "since the mill's closure on Feb. 2", "her Oct. 20 swearing-in".
_ONCE_NOUNS = {w: cls for cls, words in {
    "leave": "resignation retirement departure", "die": "death", "marry": "marriage wedding",
    "found": "founding", "graduate": "graduation", "close": "closure closing shutdown", "sworn": "swearing-in inauguration",
    "launch": "launch debut premiere", "open": "opening",
}.items() for w in words.split()}
# Things that happen once and are named by a noun: "The hailstorm that swept … on Oct. 14", "the Oct. 16 storm".
_INCIDENTS = frozenset(stem(w) for w in """storm hailstorm snowstorm blizzard tornado hurricane flood fire blaze wildfire
    crash collision derailment explosion blast earthquake quake shooting stabbing attack collapse outage spill
    leak landslide eruption""".split())
_INCIDENT_BEFORE_RE = lazy_re.compile(r"\b(?:The|the)\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>[a-z]+)\s+(?:that|which)\s+[^.;]{0,80}?"
                                      r"\bon\s+(?:the\s+(?:evening|morning|night|afternoon)\s+of\s+)?$")
# An event told by a verb and a weekday: "The board voted Tuesday".
_VERB_WEEKDAY_RE = lazy_re.compile(r"\b(?P<verb>[a-z]{3,}ed)\s+(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
                                   r"Saturday|Sunday)\b")
_GAVE_UP_RE = lazy_re.compile(r"\b(?:gave|give|giving|given)\s+up\s+(?:his|her|their|its|the)\s+(?:\w+\s+)?(?:seat|post|job|"
                              r"position|office|title|role)\b", re.I)
_AGAIN_RE = lazy_re.compile(r"\b(?:again|anew|once more|for the second time|a second time)\b", re.I)
_FIRST_RE = lazy_re.compile(r"\b(?:first|initially|originally|initial|original)\b", re.I)
# An act dated as a verb ("voted 4-3 on June 3") or as its noun ("the June 10 vote"), matched by stem.
_ACT_VERB_RE = lazy_re.compile(r"\b([a-z]{3,}ed|(?<=\bwill )[a-z]{3,}|(?<=\bto )[a-z]{3,})\b(?:\s+[\w-]+){0,4}?\s+"
                               r"(?:on\s+)?$")  # "filed for Chapter 11 protection on Jan. 9", "will hear arguments March 14"
_ACT_NOUN_RE = lazy_re.compile(r"\s+(?!(?:and|or|to|in|at|of|for|by|the)\b)[a-z]{3,}\b(?!-)")
_VERB_RE = lazy_re.compile(r"\b([a-z]{3,}(?:ed|ing)|born|died|quit|shut|began|broke|first\s+\w+ed)\b")
_SUBJECT_RE = lazy_re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*|\b(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}"
                              r"[a-z][\w-]*|\b(?:it|he|she|they|its|their))\s+(?:\w+\s+){0,3}$")
_DIGIT_RE = lazy_re.compile(r"\d")
_WEEKDAY_DATE_RE = lazy_re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
                                   r"(?P<date>(?:(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}|(?:January|February|March|"
                                   r"April|May|June|July|August|September|October|November|December)\s+\d{1,2})(?:,\s+\d{4})?)\b")
_NOUN_ON_DATE_RE = lazy_re.compile(r"\b(?:a|an|the)\s+(?P<noun>[a-z]+(?:-[a-z]+)?)\s+on\s+(?P<date>(?:Jan|Feb|Mar|Apr|Aug|"
                                   r"Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}|(?:January|February|March|April|May|June|July|August|"
                                   r"September|October|November|December)\s+\d{1,2})\b")  # "a ribbon-cutting on March 12"
_DATED_NOUN_RE = lazy_re.compile(r"\bthe\s+(?P<date>(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}|(?:January|February|"
                                 r"March|April|May|June|July|August|September|October|November|December)\s+\d{1,2})\s+"
                                 r"(?P<noun>[a-z]+)\b")
_WEEKDAY_NOUN_RE = lazy_re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\s+"
                                   r"(?:\w+\s+)?(?P<noun>[a-z]+(?:-[a-z]+)?)\b")
_OWNED_SUBJECT_RE = lazy_re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+([a-z]+)\s+$")
_OPENING_WORD_RE = lazy_re.compile(r"^(\W*)(The|A|An|Since|After|Before|When|While|In|On|At|By|For|During|Until|Its|Their|"
                                   r"His|Her)\b")
_SAME_OBJECT = 0.5  # share of the words two events act on, to be one event
_NOT_OBJECTS = frozenset("in on at end start beginning middle early late back".split())
_EVENT_WINDOW = 70  # characters before a date in which its event's verb is looked for


@dataclass(frozen=True)
class Event:
    verb: str  # the class of the verb ("expire", "leave") or, for a first event, "first"
    subject: str | None  # surname, noun stem or organisation
    pronoun: bool  # the subject is a pronoun, to be taken from an earlier statement of the event
    low: float
    high: float
    start: int
    end: int
    text: str
    sentence: int
    precision: str
    year_given: bool  # "Oct. 14, 2025", "in 2019"; "Oct. 14" takes the article's year
    objects: frozenset[str]  # stems of what the verb acts on ("married Jeanne Siegel"), to tell two events apart


def extract(readings: list[Reading], people: People, article: tuple[float, float] | None) -> list[Event]:
    out: list[Event] = []
    for r in readings:
        for w in r.times:
            if w.kind != calendar.POINT or w.ago:
                continue
            span = calendar.resolve(w, article)
            if span is None:
                continue
            event = _event(r, w, span, people)
            if event:
                out.append(event)
    return out


def _event(r: Reading, w: calendar.When, span: tuple[float, float], people: People) -> Event | None:
    text = r.text
    lo = max(0, w.start - _EVENT_WINDOW)
    before = text[lo:w.start]
    clause_start = max((m.end() for m in re.finditer(r"[;:—–]|,\s+(?:and|but|when|while)\s+", before)), default=0)
    before = before[clause_start:]
    gave_up = _GAVE_UP_RE.search(before)
    verbs = [(m, _ONCE.get(stem(m.group(1))) or _ONCE_NOUNS.get(m.group(1))) for m in re.finditer(r"\b([a-z-]+)\b",
                                                                                                 before)]
    once = [(m, cls) for m, cls in verbs if cls]
    first = _FIRST_RE.search(before)
    noun_after = re.match(r"\s+([a-z-]+)\b", text[w.end:])
    incident = _INCIDENT_BEFORE_RE.search(text, max(0, w.start - 120), w.start)
    if noun_after and stem(noun_after.group(1)) in _INCIDENTS or incident and stem(incident.group("noun")) in _INCIDENTS:
        noun = stem(noun_after.group(1)) if noun_after and stem(noun_after.group(1)) in _INCIDENTS else \
            stem(incident.group("noun"))
        start, end = (w.start, w.end + noun_after.end()) if not incident or noun_after and \
            stem(noun_after.group(1)) in _INCIDENTS else (incident.start("noun"), w.end)
        return Event("incident", noun, False, span[0], span[1], r.start + start, r.start + end,
                     " ".join(text[start:end].split()), r.index, w.precision, w.absolute, frozenset())
    if gave_up:
        verb, at = "leave", gave_up.start()
    elif once:
        verb, at = once[-1][1], once[-1][0].start()
    elif noun_after and noun_after.group(1) in _ONCE_NOUNS:  # "her Oct. 20 swearing-in"
        verb, at = _ONCE_NOUNS[noun_after.group(1)], len(before)
    elif first:
        verb, at = "first", first.start()
    elif noun_after and _ACT_NOUN_RE.match(text, w.end) and re.search(r"\b(?:the|its|their|since)\s+$", before):
        verb, at = "act:" + stem(noun_after.group(1)), len(before)  # "Since the June 10 vote"
    elif _ACT_VERB_RE.search(before):  # "The council voted 4-3 on June 3"
        act = _ACT_VERB_RE.search(before)
        verb, at = "act:" + stem(act.group(1)), act.start()
    else:
        return None
    head = before[:at]
    opener = people.opener_subject(r) if "," not in text[:lo + clause_start + at] else None
    subject, pronoun = (opener.surname, False) if opener else _subject(head, r, people, lo + clause_start + at)
    if verb == "first" and not (pronoun or subject and (subject in people.by_surname
                                                        or re.search(r"[A-Z]\w*\s+[A-Z]", head))):
        return None  # a first time needs a named subject ("the New York Times first reported") or "its"
    if verb.startswith("act:") and at == len(before):
        pronoun = True  # "since the June 10 vote": the act told before
    start = lo + clause_start + at
    if _AGAIN_RE.search(text, start, w.end):
        return None  # "married again in 2003": the event recurs
    verb_end = re.match(r"\w+(?:\s+up)?", text[start:]).end() + start
    objects = frozenset(stem(x) for x in re.findall(r"[A-Za-z][\w'’-]+", text[verb_end:w.start])
                        if x.lower() not in FUNCTION_WORDS and x.lower() not in _NOT_OBJECTS)
    end = w.end + noun_after.end() if noun_after and at == len(before) else w.end
    return Event(verb, subject, pronoun, span[0], span[1], r.start + start, r.start + end,
                 " ".join(text[start:end].split()), r.index, w.precision, w.absolute, objects)


def _subject(head: str, r: Reading, people: People, at: int) -> tuple[str | None, bool]:
    owned = _OWNED_SUBJECT_RE.search(head)
    if owned and owned.group(1).lower() not in FUNCTION_WORDS:  # "Her trial opened": the trial, not its owner
        return stem(owned.group(1)), False
    person = people.subject_of(r, at)
    if person:
        return person.surname, False
    head = _OPENING_WORD_RE.sub(lambda m: m.group(1) + m.group(2).lower(), head)  # "Since the mill's", "The …"
    m = _SUBJECT_RE.search(re.sub(r"(?:['’]s|,|,\s+(?:which|who|that))\s+$", " ", head))  # "The hall, which opened"
    if not m:
        return None, False
    words = m.group(1).split()
    if words[-1].lower() in ("it", "he", "she", "they", "its", "their"):
        return None, True  # "Since its founding in 1984": the thing named before
    if words[-1].lower() in ("his", "her"):  # "her Oct. 20 swearing-in"
        p = people.pronoun(r, at - len(head) + m.start(1) + m.group(1).rfind(words[-1]), words[-1])
        return (p.surname, False) if p else (None, True)
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    # "The Riverbend paper mill" and "the mill's": the phrase, compared word by word
    return (" ".join(stem(w) if w[0].islower() else w.lower() for w in content), False) if content else (None, False)


def _month_day(e: Event) -> tuple[int, int]:
    d = dt.date(int(e.low), 1, 1) + dt.timedelta(days=round((e.low - int(e.low)) * 365.25))
    return d.month, d.day


def _same_objects(a: frozenset[str], b: frozenset[str]) -> bool:
    """"resigned as chief executive of Marlowe Regional Health" and "resigning from Marlowe": one
    event when the words of one are all in the other, or most of both are shared."""
    shared = len(a & b)
    return shared == min(len(a), len(b)) or shared / len(a | b) >= _SAME_OBJECT


def _same_subject(a: str, b: str) -> bool:
    """"riverbend paper mill" and "mill"; "Quist" and "Quist"; "hailstorm" and "storm"."""
    wa, wb = set(a.split()), set(b.split())
    return a == b or wa <= wb or wb <= wa or a.endswith(b) or b.endswith(a)


def conflicts(events: list[Event], readings: list[Reading], date) -> list[Conflict]:
    """``date`` is the article's ``ArticleDate`` or None; weekdays need one that was stated."""
    article = date.years if date is not None and not date.inferred else None
    out: list[Conflict] = []
    for i, b in enumerate(events):
        for a in events[:i]:
            if a.verb != b.verb or a.sentence == b.sentence:
                continue
            same = _same_subject(a.subject, b.subject) if a.subject and b.subject else (b.pronoun and bool(a.subject))
            if not same or not (b.high < a.low - 1e-6 or a.high < b.low - 1e-6):
                continue
            if a.year_given != b.year_given and (a.precision != "day" or b.precision != "day"
                                                 or _month_day(a) == _month_day(b)):
                continue  # "the 2001 attacks" and "the Sept. 11 attacks": a day without its year fits any year
            if a.verb != "first" and a.objects and b.objects and not _same_objects(a.objects, b.objects):
                continue  # "married Jeanne Siegel in 1940" and "married Ruth Levin in 1967": two events
            out.append(Conflict("date", Statement(b.start, b.end, b.text), Statement(a.start, a.end, a.text),
                                f"{'the first time' if a.verb == 'first' else 'the event'} is dated "
                                f"{calendar.describe_point(a.low, a.high)} earlier and "
                                f"{calendar.describe_point(b.low, b.high)} here",
                                WARNING if a.subject and b.subject and not a.verb.startswith("act:") else INFO))
            break
    out += _weekdays(readings, article)
    return out


def _weekdays(readings: list[Reading], article) -> list[Conflict]:
    """"Thursday, Oct. 4" when Oct. 4 is a Tuesday; "the Oct. 4 hearing" and "Thursday's hearing"."""
    out = []
    dated: dict[str, tuple[int, str, Statement]] = {}
    named: list[tuple[str, int, Statement]] = []
    done: list[tuple[str, int, Statement]] = []
    for r in readings:
        names_a_weekday, has_digit = "day" in r.text, _DIGIT_RE.search(r.text)  # what the patterns need
        if not names_a_weekday and not has_digit:
            continue
        for m in _WEEKDAY_DATE_RE.finditer(r.text) if names_a_weekday and has_digit else ():
            days = _weekdays_of(m.group("date"), article)
            if days and calendar.WEEKDAYS[m.group("wd").lower()] not in days:
                day = days[0]
                s = Statement(r.start + m.start(), r.start + m.end(), m.group(0))
                out.append(Conflict("date", s, s, f"{m.group('date')} is a {calendar.WEEKDAY_NAMES[day]}, not a "
                                    f"{m.group('wd')}", WARNING))
        for m in [*_DATED_NOUN_RE.finditer(r.text), *_NOUN_ON_DATE_RE.finditer(r.text)] if has_digit else ():
            days = _weekdays_of(m.group("date"), article)
            if len(days) == 1:
                dated.setdefault(stem(m.group("noun")), (days[0], m.group("date"),
                                                         Statement(r.start + m.start(), r.start + m.end(),
                                                                   m.group(0))))
        if not names_a_weekday:
            continue
        for m in _WEEKDAY_NOUN_RE.finditer(r.text):
            named.append((stem(m.group("noun")), calendar.WEEKDAYS[m.group("wd").lower()],
                          Statement(r.start + m.start(), r.start + m.end(), m.group(0))))
        for m in _VERB_WEEKDAY_RE.finditer(r.text):  # "voted Tuesday" … "Wednesday's vote"
            done.append((stem(m.group("verb")), calendar.WEEKDAYS[m.group("wd").lower()],
                         Statement(r.start + m.start(), r.start + m.end(), m.group(0))))
    for noun, wd, s in named:
        for verb, day, first in done:
            if verb == noun and day != wd:
                later, earlier = (s, first) if s.start > first.start else (first, s)
                out.append(Conflict("date", later, earlier, f"'{first.text}' and '{s.text}' date one event to "
                                    f"two days", WARNING))
                break
    for noun, wd, s in named:
        if noun in dated and dated[noun][0] != wd:
            day, date, first = dated[noun]
            later, earlier = (s, first) if s.start > first.start else (first, s)
            out.append(Conflict("date", later, earlier, f"{date} is a {calendar.WEEKDAY_NAMES[day]}, not a "
                                f"{calendar.WEEKDAY_NAMES[wd]}", WARNING))
    return out


def _weekdays_of(date_text: str, article) -> list[int]:
    found = [w for w in calendar.find_times(date_text, quantities=[]) if w.kind == calendar.POINT]
    return calendar.weekdays_of(found[0], article) if found else []
