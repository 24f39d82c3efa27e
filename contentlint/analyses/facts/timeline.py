"""Facts of time, and the conflicts the article's date reveals among them.

Extracted from each sentence's time expressions (:mod:`contentlint.language.calendar`)
and the grammar around them, each for the person, organisation or event it is about:

- a tenure's **start** ("has led the museum since 2017", "bought the team in 2016", "took
  over in 2019") and **length** ("her five years at the helm", "an 11-year House veteran",
  "has served for nine years");
- an organisation's **founding** ("founded in 2011", "which he started a dozen years ago")
  and **age** ("its 20-year history", "four years of operation");
- a person's **birth** ("born in 1948") and **age** ("Smith, 55,", "the 69-year-old
  billionaire", "turned 74", "her 70th birthday", "She was 92.");
- the **last time** something happened ("the lowest since 1988", "last went Republican 20
  years ago", "the last Republican to carry the state was Reagan in 1984") and the **gap**
  ("the lowest level in more than three decades", "the first time in eight years");
- a **target** year and a **horizon** ("$15 an hour by 2022", "over the next four years");
- the **span** of a tenure ("governed Mexico from 2000 to 2006").

Two facts about one subject conflict when, counted from the article's date, they cannot
both hold. Without a date, nothing relative to it is compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contentlint.analyses.facts.model import INFO, WARNING, Conflict, Statement
from contentlint.analyses.facts.events import Event
from contentlint.analyses.facts.people import People
from contentlint.analyses.facts.reading import Reading
from contentlint.language import calendar, lazy_re, names, phrases
from contentlint.language.words import FUNCTION_WORDS, stem

START, LENGTH, FOUNDED, ORG_AGE, BIRTH, AGE, ANCHOR, GAP, LAST, AGO, TARGET, HORIZON, SPAN = (
    "start", "length", "founded", "org-age", "birth", "age", "anchor", "gap", "last", "ago", "target", "horizon",
    "span")

_PERFECT_RE = lazy_re.compile(r"\b(?:has|have|had|'s|’s)\s+(?:\w+\s+){0,2}?(?:been|[a-z]+ed|led|run|held|sat|taught|"
                              r"built|spent|kept|won|grown|known|written|ruled|overseen)\b", re.I)
_SINCE_RE = lazy_re.compile(r"\bsince\s+(?:at least\s+|early\s+|late\s+)?$", re.I)
_START_VERB_RE = lazy_re.compile(r"\b(?:became|was named|was appointed|was hired|was elected|took over|took office|"
                                 r"took the helm|joined|bought|purchased|acquired|was sworn in|was promoted|stepped in|"
                                 r"started as|began as|was installed|was chosen|was selected|won election)\b", re.I)
# Verbs that give a thing its start: an organisation founded, a pipe installed, a bridge built.
_FOUNDED_RE = lazy_re.compile(r"\b(?:founded|established|launched|created|formed|incorporated|started|opened|set up|"
                              r"began operating|began operations|built|installed|constructed|erected|laid|completed|"
                              r"manufactured|introduced|planted|paved|dug|drilled)\b(?:\s+its\s+doors)?", re.I)
_FOUNDED_WINDOW = 60  # characters before a date in which "started Ironleaf Press in a converted garage in" is looked for
_OLD_AFTER_RE = lazy_re.compile(r"\s+old\b", re.I)
_BORN_RE = lazy_re.compile(r"\bborn\b", re.I)
_LENGTH_AFTER_RE = lazy_re.compile(r"\s+(?:as|at|in|with|on|of|leading|running|heading|serving|in office|at the helm|"
                                   r"in charge|in the job|in the post|in the role|in the seat|in congress|in the house|"
                                   r"in the senate|on the bench|on the job|with the)\b", re.I)
_OWNER_BEFORE_RE = lazy_re.compile(r"(?:\b(?P<pron>his|her|their|its)|(?P<name>[A-Z][\w'’-]+)['’]s?)\s+(?:\w+\s+)?$")
_VETERAN_RE = lazy_re.compile(r"\s*(?:\w+\s+){0,2}?(?:veteran|member|tenure|career|term|stint|reign|incumbent|lawmaker|"
                              r"tenured|run|presidency|chairmanship|administration)\b", re.I)
_IN_POST_RE = lazy_re.compile(r"\s+(?:in charge|at the helm|in office|in the job|in the post|in the role|on the job|"
                              r"on the bench|leading|running|heading)\b", re.I)
_FOR_BEFORE_RE = lazy_re.compile(r"\bfor\s+(?:the\s+(?:past|last)\s+)?$", re.I)
_AFTER_BEFORE_RE = lazy_re.compile(r"\b(?:after|before|following|previous|prior)\s+(?:\w+\s+){0,2}$", re.I)
_ORG_AGE_RE = lazy_re.compile(r"\s+(?:of\s+(?:operation|operations|business|existence|service|history)|history|in business|"
                              r"old\b)", re.I)
_YEARS_OF_FOR_RE = lazy_re.compile(r"\s+of\s+[a-z]+\s+(?:for|at)\s+the\s+([a-z]+)\b")
_OPERATION_RE = lazy_re.compile(r"\s+(?:of\s+(?:operation|operations|business|existence)|in business)\b", re.I)
_ORG_AGE_BEFORE_RE = lazy_re.compile(r"\b(?:its|their|the\s+\w+['’]s)\s+(?:first\s+)?$|\bhas\s+been\s+(?:around|in business|"
                                     r"operating|open|running)\s+for\s+$", re.I)
_ORG_NOUNS = frozenset(stem(w) for w in """company firm foundation organization organisation group airline business
    startup charity museum festival league club network agency program programme fund bank store restaurant
    school college university hospital newspaper magazine station brand chain nonprofit institute society""".split())
_SUPERLATIVES = r"first|last|lowest|highest|largest|biggest|smallest|worst|best|most|fewest|least|longest|shortest|" \
                r"strongest|weakest|deadliest|warmest|coldest|wettest|driest|hottest|greatest|fastest|slowest|only"
_ANCHOR_RE = lazy_re.compile(rf"\b(?P<sup>{_SUPERLATIVES})\b[^.;:]{{0,90}}?\bsince\s+(?:at least\s+)?$", re.I)
_GAP_RE = lazy_re.compile(rf"\b(?P<sup>{_SUPERLATIVES})\b[^.;:]{{0,70}}?\b(?:in|for|over)\s+(?:the\s+(?:past|last)\s+)?"
                          r"(?:more than\s+|nearly\s+|almost\s+|about\s+|over\s+|at least\s+)?$", re.I)
# A record told by negation: "a rate that low had not been seen in more than three decades".
_NOT_SEEN_RE = lazy_re.compile(r"\b(?P<sup>not|never|no)\b[^.;:]{0,60}?\b(?:in|for)\s+(?:the\s+(?:past|last)\s+)?"
                               r"(?:more than\s+|nearly\s+|almost\s+|about\s+|over\s+|at least\s+)?$", re.I)
_GAP_NOUN_RE = lazy_re.compile(r"\s*(?:gap|hiatus|absence|break|pause|drought)\b", re.I)
_LAST_RE = lazy_re.compile(r"\b(?:last|the last)\b", re.I)
_TARGET_BEFORE_RE = lazy_re.compile(r"\b(?:by|until|through|in|to)\s+(?:the\s+end\s+of\s+)?$", re.I)
_FUTURE_RE = lazy_re.compile(r"\b(?:will|would|plans?|planned|goal|target|aims?|expected|to\s+(?:raise|reach|cut|"
                             r"increase|reduce|phase|replace|finish|complete|build))\b", re.I)
_TENURE_VERB_RE = lazy_re.compile(r"\b(?:governed|served|was in office|in office|held|led|ran|was president|was governor|"
                                  r"represented|presided|reigned|ruled|was mayor|was senator|chaired|headed|coached)\b",
                                  re.I)
_CONTEXT_AGE_RE = lazy_re.compile(r"(?P<name>[A-Z][\w'’-]+)(?:,\s(?P<a>\d{1,3}),|\s\((?P<b>\d{1,3})\))")
_WAS_AGE_RE = lazy_re.compile(r"\b(?P<pron>[Hh]e|[Ss]he)\s+was\s+(?P<n>\d{1,3})\s*[.,;]")
_AT_AGE_RE = lazy_re.compile(r"\bat\s+(?:age\s+)?(?P<n>\d{2,3})\s*(?=[.,;?!]|$)")
_AGE_PERSON_AFTER_RE = lazy_re.compile(r"\s+(?:[a-z]+\s+){0,2}(?=[A-Z])")
_APPOSITION_BEFORE_RE = lazy_re.compile(r"(?P<name>[A-Z][\w'’-]+),\s+(?:a|an|the)\s+(?:\w+\s+)?$")
_WHEN_CLAUSE_RE = lazy_re.compile(r"\b(?:when|until|before|by the time)\b[^.;]*$", re.I)
_ROLE_WORDS_RE = lazy_re.compile(r"[a-z][\w-]+")
_COMPLETION = frozenset(stem(w) for w in "finish finished complete completed completion last fully entire".split())
_NEGATED = "not"  # the superlative of a record told by negation
_SLACK = 0.05  # years of slack for rounding at the edges of an interval
_AGE_HINT_RE = lazy_re.compile(r"\d")  # ages without a unit are written in digits
_BIRTHDAY = 2  # two ages of one person this close may both be right (a birthday in between)


@dataclass(frozen=True)
class TimeFact:
    kind: str
    subject: str | None  # surname, organisation, superlative or topic
    low: float  # a point (start, founding, birth, anchor, target) in fractional years; or a length in years
    high: float
    start: int  # source offsets of the words stating it
    end: int
    text: str
    sentence: int
    words: frozenset[str]  # stems of the words around it, to pair facts about the same post or topic
    event: tuple[float, float] | None = None  # when the fact holds, if not the article's date


def extract(readings: list[Reading], people: People, article: tuple[float, float] | None) -> list[TimeFact]:
    out: list[TimeFact] = []
    for r in readings:
        for w in r.times:
            out += _from_time(r, w, people, article)
        if _AGE_HINT_RE.search(r.text):
            out += _context_ages(r, people)
    return out


def _fact(kind, subject, low, high, r: Reading, a: int, b: int, words=frozenset(), event=None) -> TimeFact:
    return TimeFact(kind, subject, low, high, r.start + a, r.start + b, " ".join(r.text[a:b].split()), r.index,
                    words, event)


def _words_near(text: str, a: int, b: int) -> frozenset[str]:
    return frozenset(stem(w) for w in _ROLE_WORDS_RE.findall(text[max(0, a - 60):b + 60].lower())
                     if w not in FUNCTION_WORDS)


def _clause_start(text: str, at: int) -> int:
    return max((m.end() for m in re.finditer(r"[;:—–]|,\s+(?:and|but)\s+", text[:at])), default=0)


def _person(r: Reading, at: int, people: People) -> str | None:
    return _surname(people.subject_of(r, at))


def _surname(p) -> str | None:
    return p.surname if p else None


def _from_time(r: Reading, w: calendar.When, people: People, article) -> list[TimeFact]:
    text = r.text
    before = text[max(0, w.start - 100):w.start]
    clause = text[_clause_start(text, w.start):w.start]
    out: list[TimeFact] = []
    if w.kind == calendar.POINT:
        span = calendar.resolve(w, article)
        if span is None:
            return out
        lo, hi = span
        near = _words_near(text, w.start, w.end)
        if _SINCE_RE.search(before):
            anchor = _ANCHOR_RE.search(before)
            if anchor:
                out.append(_fact(ANCHOR, anchor.group("sup").lower(), lo, hi, r, anchor.start("sup"), w.end, near,
                                 _event_time(r, w, article)))
            elif _PERFECT_RE.search(clause):
                who = _person(r, w.start, people)
                if who:
                    a = _PERFECT_RE.search(clause).start() + (w.start - len(clause))
                    out.append(_fact(START, who, lo, hi, r, max(0, a), w.end, near))
        elif _START_VERB_RE.search(clause) and re.search(r"\bin\s+$", before) and \
                _nearest_date(r, list(_START_VERB_RE.finditer(clause))[-1].end() + (w.start - len(clause)), w):
            who = _person(r, w.start, people)
            if who:  # "started as a teacher in 1991 and became principal in 2008": each verb its date
                a = list(_START_VERB_RE.finditer(clause))[-1].start() + (w.start - len(clause))
                out.append(_fact(START, who, lo, hi, r, max(0, a), w.end, near))
        elif _FOUNDED_RE.search(clause[-_FOUNDED_WINDOW:]) and (re.search(r"\b(?:in|on)\s+$", before) or w.ago) \
                and _nearest_date(r, list(_FOUNDED_RE.finditer(clause[-_FOUNDED_WINDOW:]))[-1].end()
                                  + w.start - len(clause[-_FOUNDED_WINDOW:]), w):
            verb = list(_FOUNDED_RE.finditer(clause[-_FOUNDED_WINDOW:]))[-1]
            a = verb.start() + (w.start - len(clause[-_FOUNDED_WINDOW:]))
            thing = _org(r, w.start) or _founded_object(text, verb.end() + a - verb.start()) or _thing(text[:max(0, a)])
            if thing:
                out.append(_fact(FOUNDED, thing, lo, hi, r, max(0, a), w.end, near))
        elif _BORN_RE.search(clause[-40:]):
            who = _person(r, w.start, people) or _surname(people.opener_subject(r))
            if who:
                a = _BORN_RE.search(clause[-40:]).start() + (w.start - len(clause[-40:]))
                out.append(_fact(BIRTH, who, lo, hi, r, max(0, a), w.end, near))
        elif _LAST_RE.search(clause) and (w.ago or re.search(r"\bin\s+$", before)) and not _FUTURE_RE.search(clause):
            m = list(_LAST_RE.finditer(clause))[-1]
            verb = re.match(r"\s+([a-z]+)", clause[m.end():])  # "last resurfaced in 2009": what was done last
            out.append(_fact(LAST, stem(verb.group(1)) if verb else "last", lo, hi, r,
                             m.start() + (w.start - len(clause)), w.end, r.stems))
        elif (w.absolute and article and lo >= article[1] and _TARGET_BEFORE_RE.search(before)
              and (_FUTURE_RE.search(text) or re.search(r"\b(?:by|until|through|to)\s+$", before))):
            out.append(_fact(TARGET, None, lo, hi, r, w.start, w.end, r.stems))
        if w.ago:  # "that resurfacing, carried out only five years ago"
            out.append(_fact(AGO, None, lo, hi, r, w.start, w.end,
                             frozenset(stem(x) for x in re.findall(r"[a-z]+", clause.lower()))))
    elif w.kind == calendar.DURATION:
        out += _durations(r, w, people, article)
    elif w.kind == calendar.AGE:
        who = _age_person(r, w, people)
        thing = None if who else _aged_thing(r, w)
        if who:
            out.append(_fact(AGE, who, w.low, w.high, r, w.start, w.end, event=_age_time(r, w, article)))
        elif thing:  # "the 60-year-old instrument"
            out.append(_fact(ORG_AGE, thing, w.low, w.high, r, w.start, w.end, _words_near(text, w.start, w.end)))
    elif w.kind == calendar.SPAN and _TENURE_VERB_RE.search(clause[-60:]):
        who = _person(r, w.start, people)
        if who:
            out.append(_fact(SPAN, who, w.low, w.high, r, w.start, w.end, _words_near(text, w.start, w.end)))
    return out


def _durations(r: Reading, w: calendar.When, people: People, article) -> list[TimeFact]:
    text = r.text
    before = text[max(0, w.start - 100):w.start]
    after = text[w.end:w.end + 60]
    near = _words_near(text, w.start, w.end)
    if w.direction == calendar.NEXT:
        return [_fact(HORIZON, None, w.low, w.high, r, w.start, w.end, r.stems)]
    gap = _GAP_RE.search(before) or _NOT_SEEN_RE.search(before)
    if gap or _GAP_NOUN_RE.match(after) and re.search(r"\b(?:after|following)\s+(?:a|an)\s+$", before):
        sup = gap.group("sup").lower() if gap else "first"
        sup = _NEGATED if sup in ("not", "never", "no") else sup
        a = gap.start("sup") if gap else w.start
        return [_fact(GAP, sup, w.low, w.high, r, a, w.end, near, _event_time(r, w, article))]
    if _AFTER_BEFORE_RE.search(before):
        in_post = _IN_POST_RE.match(after)
        who = (_person(r, w.start, people) or _pronoun_after(r, w.end, people)) if in_post else None
        if who:  # "after 20 years in charge of the program she wanted…": the post held now
            return [_fact(LENGTH, who, w.low, w.high, r, w.start, w.end + in_post.end(), near)]
        return []  # "after 11 seasons as an assistant": an earlier post
    owner = _OWNER_BEFORE_RE.search(before)
    if _OLD_AFTER_RE.match(after) and not owner:  # "the pipes are nearly a century old"
        thing = _thing(re.sub(r"\s+(?:is|are|was|were|be|been|being|now|all|already)\s+$", " ", before))
        if thing:
            return [_fact(ORG_AGE, thing, w.low, w.high, r, w.start, w.end + _OLD_AFTER_RE.match(after).end(), near)]
    if w.text.endswith("-old") and not owner:  # "the nearly century-old span"
        thing, _, _ = phrases.noun_phrase(after)
        if thing:
            return [_fact(ORG_AGE, thing, w.low, w.high, r, w.start, w.end, near)]
    if owner and _ORG_AGE_RE.match(after) and owner.group("pron") in ("its", "their"):
        return [_fact(ORG_AGE, None, w.low, w.high, r, w.start, w.end, near)]
    years_for = _YEARS_OF_FOR_RE.match(after)
    if years_for:  # "ends 30 years of independence for the cooperative"
        return [_fact(ORG_AGE, stem(years_for.group(1)), w.low, w.high, r, w.start, w.end + years_for.end(), near)]
    if _ORG_AGE_BEFORE_RE.search(before) and (_ORG_AGE_RE.match(after) or "has been" in before[-40:]) \
            or _OPERATION_RE.match(after):  # "six years of operation had taught her"
        return [_fact(ORG_AGE, None, w.low, w.high, r, w.start, w.end, near)]
    if owner and _LENGTH_AFTER_RE.match(after):
        who = None
        if owner.group("pron") in ("his", "her"):
            at = w.start - len(before) + owner.start("pron")
            p = people.pronoun(r, at, owner.group("pron"))
            who = p.surname if p else None
        elif owner.group("name") and people.is_person(owner.group("name")):
            who = owner.group("name")
        if who:
            tail = re.match(r"(?:\s+(?:the\s+)?[\w'’-]+){1,3}", after)
            end = w.end + (tail.end() if tail else 0)
            return [_fact(LENGTH, who, w.low, w.high, r, w.start - len(before) + owner.start(), end, near)]
    if w.text.count("-") and _VETERAN_RE.match(after):  # "an 11-year House veteran"
        m = _APPOSITION_BEFORE_RE.search(before)
        who = m.group("name") if m and people.is_person(m.group("name")) else None
        who = who or _apposed_person(r, w.start, people) or _described_person(r, w.start, people)
        if who:
            return [_fact(LENGTH, who, w.low, w.high, r, w.start, w.end + _VETERAN_RE.match(after).end(), near)]
    if _FOR_BEFORE_RE.search(before) and _PERFECT_RE.search(text[_clause_start(text, w.start):w.start]):
        who = _person(r, w.start, people)
        if who:
            return [_fact(LENGTH, who, w.low, w.high, r, w.start, w.end, near)]
    if re.match(r"\s+(?:since|after)\s+(?:she|he|they|it)\b", after) and re.search(r"\b(?:in|for)\s+the\s+$", before):
        who = _person(r, w.end + 7, people)  # "in the 11 years since she finished graduate school"
        if who:
            return [_fact(LENGTH, who, w.low, w.high, r, w.start, w.end, near)]
    return []


def _event_time(r: Reading, w: calendar.When, article) -> tuple[float, float] | None:
    """When a record or a gap is stated for: another time in the sentence ("Last year, … the
    lowest since 1988"), else the article's date."""
    others = [x for x in r.times if x is not w and x.kind == calendar.POINT and x.end <= w.start]
    for x in reversed(others):
        span = calendar.resolve(x, article)
        if span:
            return span
    return article


def _apposed_person(r: Reading, at: int, people: People) -> str | None:
    """The person a phrase in apposition belongs to: the name right before its comma."""
    for start, end, _, surname in reversed(r.people):
        if end <= at and re.fullmatch(r"\s*(?:\([^)]*\))?\s*,\s+(?:a|an|the)\s+", r.text[end:at]):
            return surname
    return None


def _aged_thing(r: Reading, w: calendar.When) -> str | None:
    """The thing an "N-year-old" before a common noun is the age of: "the 60-year-old
    instrument" (not "the 71-year-old said", nor a noun for a person or an animal)."""
    if not w.text.lower().endswith("year-old"):
        return None
    m = re.match(r"\s+(?:[a-z]+\s+){0,2}?([a-z]+)\b(?!-)", r.text[w.end:])
    if not m or m.group(1) in FUNCTION_WORDS or m.group(1) in phrases.NOT_NOUN or names.is_living(m.group(1)):
        return None
    head, _, _ = phrases.noun_phrase(r.text[w.end:])
    return head if head and not names.is_living(head) else None


def _pronoun_after(r: Reading, at: int, people: People) -> str | None:
    """The person a subject pronoun after a fronted phrase means: "after 20 years in charge of the
    program she wanted…"."""
    m = re.compile(r"[^.;:]{0,60}?\b(he|she)\b").match(r.text, at)
    return _surname(people.pronoun(r, m.start(1), m.group(1))) if m else None


def _described_person(r: Reading, at: int, people: People) -> str | None:
    """Who "the 12-year veteran" means when no name is beside it: the person last named before
    its sentence, unless the sentence names them (then it is someone else, or ambiguous)."""
    if not re.search(r"\bthe\s+$", r.text[max(0, at - 5):at], re.I):
        return None
    p = people.last_before(r.start, r.index)
    named = people.named_in(r.start, r.start + at)
    return p.surname if p and p not in named else None


def _age_person(r: Reading, w: calendar.When, people: People) -> str | None:
    text = r.text
    if w.text.lower().endswith("year-old"):
        nxt = _AGE_PERSON_AFTER_RE.match(text, w.end)
        if nxt:
            for start, _, _, surname in r.people:
                if start == nxt.end():
                    return surname
        return _apposed_person(r, w.start, people) or _described_person(r, w.start, people)
    if "birthday" in w.text.lower():
        owner = _OWNER_BEFORE_RE.search(text[max(0, w.start - 40):w.start])
        if owner and owner.group("pron") in ("his", "her"):
            return _person(r, w.start, people)
        if owner and owner.group("name") and people.is_person(owner.group("name")):
            return owner.group("name")
        return None
    if _WHEN_CLAUSE_RE.search(text[:w.start]):
        return None  # "when he was 30", "before she turned 18": an age at another time
    return _person(r, w.start, people)


def _age_time(r: Reading, w: calendar.When, article):
    """When an age holds: a date in its clause ("In 1962 Viguerie, then 29"), else now (None)."""
    clause = r.text[_clause_start(r.text, w.start):w.start]
    points = [x for x in r.times if x.kind == calendar.POINT and x.absolute and x.end <= w.start
              and x.start >= len(r.text[:w.start]) - len(clause)]
    if points:
        return points[-1].low, points[-1].high
    return "then" if re.search(r"\bthen\b", clause[-20:]) or _at_past_event(r.text, w.start) else None


def _at_past_event(text: str, at: int) -> bool:
    """"threw her first pot at age 17": an age at something told in the past, not the age now."""
    clause = text[_clause_start(text, at):at]
    return bool(re.search(r"\bat\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?$", clause) and phrases.PAST_TENSE_RE.search(clause))


def _context_ages(r: Reading, people: People) -> list[TimeFact]:
    """Ages written without "years": "Guerrero, 55,", "Sanders (74)", "She was 92.", "at 68"."""
    out = []
    text = r.text
    for m in _CONTEXT_AGE_RE.finditer(text):
        n = int(m.group("a") or m.group("b"))
        if 10 <= n <= 115 and people.is_person(m.group("name")):
            a = m.start("a") if m.group("a") else m.start("b")
            out.append(_fact(AGE, m.group("name"), n, n + 1, r, m.start(), a + len(str(n))))
    for m in _WAS_AGE_RE.finditer(text):
        n = int(m.group("n"))
        if 10 <= n <= 115 and not _WHEN_CLAUSE_RE.search(text[:m.start()]):
            p = people.last_before(r.start + m.start(), r.index, names.gender_of(m.group("pron")))
            if p:
                out.append(_fact(AGE, p.surname, n, n + 1, r, m.start(), m.end() - 1))
    for m in _AT_AGE_RE.finditer(text):
        n = int(m.group("n"))
        if 16 <= n <= 115 and re.search(r"\b(?:he|she|him|her)\b", text[:m.start()], re.I) \
                and not _WHEN_CLAUSE_RE.search(text[:m.start()]):
            who = _person(r, m.start(), people)
            stated = any(w.kind == calendar.AGE and m.start() <= w.start < m.end() for w in r.times)
            if who and not stated:
                out.append(_fact(AGE, who, n, n + 1, r, m.start(), m.end(),
                                 event="then" if _at_past_event(text, m.start("n")) else None))
    return out


def _thing(text: str) -> str | None:
    """The thing a clause is about, as the stem of its subject's head ("Most of the pipes being
    replaced were installed" -> pipe; "The Marrow Creek bridge, built" -> bridge), for things that
    are not organisations."""
    text = re.sub(r",\s*$", " ", text)
    text = re.sub(r"\s+(?:was|were|is|are|has been|have been|had been|been|being|first|originally)\s*$", " ", text)
    head, _ = phrases.subject_head(text)
    return head


def _nearest_date(r: Reading, verb_end: int, w: calendar.When) -> bool:
    """Whether ``w`` is the first date after a verb: "took over in 2019, announced … he will
    retire in June" dates the taking over 2019, not June."""
    return not any(verb_end <= x.start < w.start for x in r.times if x.kind == calendar.POINT)


def _founded_object(text: str, verb_end: int) -> str | None:
    """The name a founding verb takes as its object: "started Ironleaf Press in 2014"."""
    m = re.match(r"\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})", text[verb_end:])
    return m.group(1).lower() if m else None


def _org(r: Reading, at: int) -> str | None:
    """The organisation a founding phrase is about: the noun or name before it ("His foundation,
    established in 2007", "The company, founded in 2019", "a foundation, which he started") or
    the name after a participle that opens the sentence ("Founded in 2011, Northwind …")."""
    text = r.text
    head = text[:at]
    m = re.search(r"([A-Za-z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}),\s+(?:which\s+(?:\w+\s+){0,3}|who\s+|(?:was\s+)?)"
                  r"[^,]{0,40}$", head)
    if m and not re.search(r"\b(?:in|at|of|near|from|on)\s+$", head[:m.start(1)]):  # "the organ … in Wexley,"
        word = m.group(1).split()[-1]
        if word[0].isupper() and word not in names.NOT_GIVEN_NAMES and m.group(1)[0].isupper():
            return m.group(1).lower()
        if stem(word) in _ORG_NOUNS:
            return stem(word)
    opener = re.match(r"\s*(?:Founded|Established|Started|Launched|Created|Formed)\b[^,]*,\s+(?:the\s+)?"
                      r"([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})", text)
    if opener:
        return opener.group(1).lower()
    subject = re.search(r"\b(?:the|its|their|his|her|our)\s+(?:\w+\s+)?(\w+)\s+(?:was|were|is|has been)\s+[^,]{0,20}$",
                        head, re.I)
    if subject and stem(subject.group(1)) in _ORG_NOUNS:
        return stem(subject.group(1))
    return None


# -- conflicts --------------------------------------------------------------------------------


def conflicts(facts: list[TimeFact], date, people: People, events: list[Event]) -> list[Conflict]:
    """Pairs of time facts that the article's date (an ``ArticleDate``, or None) cannot reconcile;
    ``events`` tell when a tenure ended (a dated resignation or death)."""
    out: list[Conflict] = []
    article = date.years if date is not None else None
    dated = f"in an article {date.describe()}" if date is not None else ""
    confidence = INFO if date is not None and date.inferred else WARNING
    by_kind: dict[str, list[TimeFact]] = {}
    for f in facts:
        by_kind.setdefault(f.kind, []).append(f)
    get = by_kind.get
    if article:
        out += _tenures(get(START, []), get(LENGTH, []), _tenure_ends(events), article, dated, confidence)
        out += _ages(get(BIRTH, []), get(AGE, []), article, dated, confidence)
        out += _org_ages(get(FOUNDED, []), get(ORG_AGE, []), article, dated, confidence)
        out += _horizons(get(TARGET, []), get(HORIZON, []), article, dated, confidence)
        out += _lasts(get(LAST, []), confidence)
        out += _lasts_ago(get(LAST, []), get(AGO, []), dated, confidence)
    out += _same_points(get(FOUNDED, []), "founded", confidence)
    out += _same_lengths(get(AGE, []), "age")
    out += _gaps(get(ANCHOR, []), get(GAP, []), article, confidence)
    out += _spans(get(SPAN, []))
    return out


def _st(f: TimeFact) -> Statement:
    return Statement(f.start, f.end, f.text)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return not (a[1] < b[0] - _SLACK or b[1] < a[0] - _SLACK)


def _pair(items_a, items_b, same):
    """Pairs (a, b) about the same subject; when a subject has several of one kind, only pairs
    whose surrounding words share something."""
    for a in items_a:
        for b in items_b:
            if a.subject != b.subject or a.sentence == b.sentence and a.start == b.start:
                continue
            many = sum(x.subject == a.subject for x in items_a) > 1 or sum(x.subject == b.subject for x in items_b) > 1
            if many and not (a.words & b.words - {stem(a.subject or "")}):
                continue
            if same(a, b):
                yield a, b


def _ordered(a: TimeFact, b: TimeFact) -> tuple[TimeFact, TimeFact]:
    return (a, b) if a.start > b.start else (b, a)


def _tenure_ends(events: list[Event]) -> dict[str, tuple[tuple[float, float], bool]]:
    """When each person's tenure ended, by surname: a dated departure ("retiring in 2013"),
    which ends it then, or a death, which ends it then at the latest."""
    ends: dict[str, tuple[tuple[float, float], bool]] = {}
    for e in events:
        if e.subject and e.verb in ("leave", "die") and not (e.verb == "die" and e.subject in ends):
            ends[e.subject] = ((e.low, e.high), e.verb == "leave")
    return ends


def _tenures(starts, lengths, ends, article, dated, confidence) -> list[Conflict]:
    """A start against a length of the same tenure; a person with several starts ("joined as a
    firefighter in 2001", "has led the department since 2013") conflicts only when none fits."""
    out = []
    def elapsed(s):
        end, left = ends.get(s.subject, (article, True))
        return (end[0] - s.high if left else 0.0, end[1] - s.low)
    for s, length in _pair(starts, lengths, lambda a, b: True):
        if any(_overlap(elapsed(x), (length.low, length.high)) for x in starts if x.subject == s.subject):
            continue
        end, left = ends.get(s.subject, (article, True))
        later, earlier = _ordered(s, length)
        until = " ago" if end is article else f" before {'leaving' if left else 'dying'} in {calendar.describe_point(*end)}"
        out.append(Conflict("timeline", _st(later), _st(earlier),
                            f"{dated}, a start in {calendar.describe_point(s.low, s.high)} is "
                            f"{calendar.describe_years(*elapsed(s))}{until}, not {_length(length)}", confidence))
    return out


def _length(f: TimeFact) -> str:
    return f"'{f.text}'"


def _ages(births, ages, article, dated, confidence) -> list[Conflict]:
    out = []
    for b, a in _pair(births, ages, lambda x, y: isinstance(y.event, tuple | None)):
        when = a.event or article
        age = (when[0] - b.high, when[1] - b.low)
        if _overlap(age, (a.low, a.high - 1e-6)):
            continue
        later, earlier = _ordered(b, a)
        out.append(Conflict("timeline", _st(later), _st(earlier),
                            f"{dated}, someone born in {calendar.describe_point(b.low, b.high)} is "
                            f"{int(age[0])} or {int(age[1])}, not {int(a.low)}", confidence))
    return out


def _org_ages(founded, ages, article, dated, confidence) -> list[Conflict]:
    """A start ("founded in 2011", "installed in 1962") against an age of the same thing ("its
    20-year history", "nearly a century old"); an age with no subject ("its") takes the article's
    one founding, and so, at ``info``, does an age of a thing no founding names ("built in 1975"
    and "the century-old span")."""
    out = []
    subjects = {f.subject for f in founded}
    for f in founded:
        for a in ages:
            level = confidence
            if a.subject and a.subject != f.subject:
                if a.subject in subjects or len(founded) > 1:
                    continue
                level = INFO
            if not a.subject and (len(founded) > 1 and not (f.words & a.words)):
                continue
            elapsed = (article[0] - f.high, article[1] - f.low)
            if _overlap(elapsed, (a.low, a.high)):
                continue
            later, earlier = _ordered(f, a)
            out.append(Conflict("timeline", _st(later), _st(earlier),
                                f"{dated}, something founded in {calendar.describe_point(f.low, f.high)} is "
                                f"{calendar.describe_years(*elapsed)} old, not '{a.text}'", level))
    return out


def _horizons(targets, horizons, article, dated, confidence) -> list[Conflict]:
    """A plan's horizon ("over the next four years") against its targets ("$15 by 2022"). A
    target past the horizon's end cannot be met within it; one before its end may be a step on
    the way ("by 2018 … higher than France"), so only the plan's last target is weighed, and
    at ``info``, when it falls short of the horizon."""
    out = []
    for h in horizons:
        end = (article[0] + h.low, article[1] + h.high)
        plan = [t for t in targets if len(t.words & h.words) >= (1 if t.words & _COMPLETION else 2)
                or len(targets) == len(horizons) == 1]  # the same plan: shared words, or the article's only one
        beyond = [t for t in plan if t.low > end[1]]
        short = [max(plan, key=lambda t: t.low)] if plan and not beyond else []
        for t, level in [(t, confidence) for t in beyond] + [(t, INFO) for t in short]:
            if _overlap(end, (t.low, t.high)):
                continue
            later, earlier = _ordered(t, h)
            years = (t.low - article[1], t.high - article[0])
            out.append(Conflict("timeline", _st(later), _st(earlier),
                                f"{dated}, {t.text} is {calendar.describe_years(*years)} away, not '{h.text}'",
                                level))
    return out


def _lasts(lasts, confidence) -> list[Conflict]:
    out = []
    for i, b in enumerate(lasts):
        for a in lasts[:i]:
            if a.sentence == b.sentence or len(a.words & b.words) < 3 or _overlap((a.low, a.high), (b.low, b.high)):
                continue
            out.append(Conflict("timeline", _st(b), _st(a),
                                f"the last time is {calendar.describe_point(a.low, a.high)} earlier and "
                                f"{calendar.describe_point(b.low, b.high)} here", INFO))
    return out


def _lasts_ago(lasts, agos, dated, confidence) -> list[Conflict]:
    """"The span was last resurfaced in 2009" and "that resurfacing, carried out five years ago"."""
    out = []
    for a in lasts:
        for b in agos:
            if a.sentence == b.sentence or a.subject not in b.words or _overlap((a.low, a.high), (b.low, b.high)):
                continue
            later, earlier = _ordered(a, b)
            out.append(Conflict("timeline", _st(later), _st(earlier),
                                f"{dated}, '{b.text}' is {calendar.describe_point(b.low, b.high)}, not "
                                f"{calendar.describe_point(a.low, a.high)}", confidence))
    return out


def _same_points(points, what, confidence) -> list[Conflict]:
    out = []
    for i, b in enumerate(points):
        for a in points[:i]:
            if a.subject != b.subject or a.subject is None or _overlap((a.low, a.high), (b.low, b.high)):
                continue
            out.append(Conflict("timeline", _st(b), _st(a),
                                f"{what} in {calendar.describe_point(a.low, a.high)} earlier and "
                                f"{calendar.describe_point(b.low, b.high)} here", confidence))
            break
    return out


def _same_lengths(facts, what) -> list[Conflict]:
    """Two ages of one person, stated for the same time, more than a birthday apart."""
    out = []
    for i, b in enumerate(facts):
        for a in facts[:i]:
            if a.subject != b.subject or a.sentence == b.sentence or a.event != b.event:
                continue
            if abs(a.low - b.low) < _BIRTHDAY:
                continue  # a birthday may fall between the two statements
            out.append(Conflict("timeline", _st(b), _st(a),
                                f"the {what} is {int(a.low)} earlier and {int(b.low)} here", WARNING))
            break
    return out


def _gaps(anchors, gaps, article, confidence) -> list[Conflict]:
    out = []
    for a in anchors:
        for g in gaps:
            if a.subject != g.subject and not (g.subject == _NEGATED and (a.words & g.words
                                                                          or len(anchors) == len(gaps) == 1)):
                continue  # "not seen in three decades" is a record of what the anchor's words share, or the one
            when = a.event or article
            if when is None:
                continue
            since = (when[0] - a.high, when[1] - a.low)
            if _overlap(since, (g.low, g.high)):
                continue
            later, earlier = _ordered(a, g)
            out.append(Conflict("timeline", _st(later), _st(earlier),
                                f"'{a.text}' is {calendar.describe_years(*since)}, not '{g.text}'", confidence))
    return out


def _spans(spans) -> list[Conflict]:
    out = []
    for i, b in enumerate(spans):
        for a in spans[:i]:
            if a.subject != b.subject or (abs(a.low - b.low) <= 1 and abs(a.high - b.high) <= 1):
                continue
            several = sum(x.subject == a.subject for x in spans) > 2
            if several and not (a.words & b.words - {stem(a.subject)}):
                continue  # a person with several posts: only spans said of the same one
            out.append(Conflict("timeline", _st(b), _st(a),
                                f"the same tenure is {a.text} earlier and {b.text} here", INFO))
    return out
