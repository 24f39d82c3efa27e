"""The people an article names, what it says they are, and who a pronoun or a role means.

A person is known by surname. The registry collects, for each, the given names written
with it, every title or role given to it (before the name: "Deputy Superintendent Dana
Okafor"; in an apposition: "Rosa Delgado, the city's transportation director"), parties
and states ("Sen. John Cornyn (R-Texas)", "a Democrat from Rhode Island", "Texas Sen. Ted
Cruz"), the organisations named beside it, and a gender when an honorific or a pronoun
tells it. :meth:`People.resolve` then says who a pronoun, a surname, "Mr. Guerrero" or a
description ("the senator from Texas", "the Rhode Island Republican") refers to, or None
when the article leaves it unclear: a fact whose subject is unclear is never compared.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from contentlint.analyses.facts.reading import Reading
from contentlint.language import lazy_re, names
from contentlint.language.words import FUNCTION_WORDS

_DESCRIBED_BEFORE_RE = lazy_re.compile(r"\b(?:his|her|their|its|the|a|an)\s+(?:[\w-]+\s+){0,2}([a-z]+),\s+$", re.I)
_LIFE_AFTER_NAME_RE = lazy_re.compile(r",?\s+(?:who\s+)?(?:was\s+)?born\b|,\s+\d{1,3},|\s+\(\d{1,3}\)|,\s+who\b")
_DESCRIBED_AFTER_RE = lazy_re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?([a-z]+),")  # "Oduya, a senior,"
# A phrase that opens a sentence and leaves its subject to the clause after it.
_OPENER_RE = lazy_re.compile(r"\s*(?:(?:After|Before|Since|Upon|While|When)\s+[a-z]+ing\b|[A-Z][a-z]+(?:ed|ing)\b|Born\b|"
                             r"As\s+(?:the|a|an)\b)"
                             r"[^,]*,\s+(?:(?P<pron>he|she)|(?:[A-Z][\w'’-]+\s+)?(?P<name>[A-Z][\w'’-]+))\b")
_PRONOUN_RE = lazy_re.compile(r"\b(he|she|him|her|his|hers)\b", re.I)
_HONORIFIC_RE = lazy_re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][\w'’-]+)")
_APPOSITION_RE = lazy_re.compile(
    r",\s+(?P<det>(?:a|an|the|its|his|her|their|[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}['’]s)\s+)?"
    r"(?P<words>(?:[\w&'’-]+\s+){0,4}?)(?P<role>" + names.ROLE_PATTERN + r")\b(?P<of>\s+(?:of|for|at)\s+"
    r"(?:the\s+)?(?P<org>[A-Z][\w&'’.-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w&'’.-]*){0,5}))?", re.I)
_ROLE_BEFORE_COMMA_RE = lazy_re.compile(r"\b(?:the|its|[A-Za-z]+['’]s)\s+(?P<words>(?:[a-z]+\s+){0,2}?)(?P<role>"
                                        + names.ROLE_PATTERN + r"),\s+$")
_WHO_ROLE_RE = lazy_re.compile(r",\s+who\s+(?:chairs|leads|heads|runs|directs|oversees|manages|is\s+(?:the\s+)?"
                               r"(?P<role>" + names.ROLE_PATTERN + r")\s+of)\s+(?:the\s+)?(?P<org>[A-Z][\w&'’.-]*"
                               r"(?:\s+(?:of\s+|and\s+)?[A-Z][\w&'’.-]*){0,5})", re.I)
_ROLE_VERBS = {"chairs": "chair", "leads": "head", "heads": "head", "runs": "head", "directs": "director",
               "oversees": "head", "manages": "manager"}
_PARTY_APPOSITION_RE = lazy_re.compile(r",\s+(?:a|an|the|one\s+of\s+(?:the\s+)?(?:only\s+)?(?:\w+\s+)?)\s*"
                                       r"(?P<party>Democrat|Republican|independent|Independent|Libertarian)s?\b(?:\s+from\s+(?P<state>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))?")
_PARTY_BEFORE_RE = lazy_re.compile(r"\b(?P<party>Democratic|Republican|Democrat|GOP|Independent|Libertarian)\s+(?:"
                                   + names.ROLE_PATTERN + r")?\.?\s*$", re.I)
_OF_STATE_RE = lazy_re.compile(r"\s+of\s+(?P<state>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")
_ORG_RE = lazy_re.compile(r"(?<![\w’'])(?:the\s+)?((?:[A-Z][\w&'’.-]+\s+){1,4}(?:Group|Partners|Capital|Committee|"
                          r"Council|Department|Agency|Association|Network|Company|Corporation|Corp\.?|Inc\.?|LLC|"
                          r"University|College|Institute|Foundation|Fund|Bank|Board|Commission|Authority|District|"
                          r"Festival|Museum|Hospital|Club|Union|Party|Campaign|PAC|Service|Office|Center|Centre)\b)")
_PLURAL_TITLE_RE = lazy_re.compile(r"\b(?:Sens|Reps|Govs)\.?\s*$")
# A description that names a person by role, state or party: "the senator from Texas",
# "the Texas senator", "the Rhode Island Republican", "the Florida Democrat".
_DESCRIPTION_RE = lazy_re.compile(
    r"\b[Tt]he\s+(?:(?P<state1>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+)?(?:(?P<party1>Democrat|Republican|Democratic|GOP)\s+)?"
    r"(?P<role>senator|governor|congressman|congresswoman|lawmaker|mayor|Democrat|Republican)"
    r"(?:\s+from\s+(?P<state2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?(?:['’]s)?\b")
_HONORIFIC_HINT_RE = lazy_re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\b")
_TEAM_RE = lazy_re.compile(r"\bthe\s+(?:[A-Z][\w'’-]+\s+){0,2}([A-Z][\w'’-]+s)\b(?!\s+[A-Z])")  # "the Linford Ravens"
CAPITAL_WORD_RE = lazy_re.compile(r"\b([A-Z][\w'’-]+)\b")
# A speech verb as a verb: a past or present form ("said", "stated", "tells"), not after a determiner
# or a figure ("22 states", "the report"), not before a preposition ("continued as").
_SPEECH_FORM_RE = lazy_re.compile(r"(?:ed|d|s|aid|old|ote|ought)$|^(?:said|told|wrote|thought|according)$")
_NOUN_BEFORE_RE = lazy_re.compile(r"(?:\b(?:the|a|an|these|those|this|that|many|some|its|their|his|her)|\d)\s+$", re.I)
_PREPOSITION_AFTER_RE = lazy_re.compile(r"\s+(?:as|to|with|in|for|on|at|of|by|from|into|over|up|down|out)\b", re.I)
SUBJECT_PRONOUN_RE = lazy_re.compile(r"\b(he|she)\b", re.I)  # "her client plans…": "her" is not the subject
_PRONOUN_WINDOW = 3  # sentences back that a pronoun may reach for its person
_WHO_AFTER_NAME_RE = lazy_re.compile(r"[A-Z][\w'’-]+(?:\s+(?:of|from)\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?(?:\s+\([^)]*\))?,"
                                r"\s+who\b(?:[^,;]*|\s+\w+,\s*)$")
_CLAUSE_RE = lazy_re.compile(r"[;:—–]|,\s+(?:and|but|while|whereas|although|though)\s+")


@dataclass(frozen=True)
class Title:
    """A title or role the article gives a person."""

    offset: int  # source offset of the title
    end: int
    role: str  # canonical ("senator", "director")
    ranks: frozenset[str]  # "deputy", "acting"…
    portfolio: str  # what the role is over, when said: "transportation", "planning"
    org: str  # "of the Judiciary Committee"
    former: bool
    text: str
    given: str  # the given name it was written with ("" for an apposition to a surname)
    sentence: int
    prefix: bool = False  # written before the name ("Sen. Jack Markell"), the surest form


@dataclass
class Person:
    surname: str
    given: dict[str, list[int]] = field(default_factory=dict)  # given name -> source offsets written with it
    mentions: list[int] = field(default_factory=list)  # offsets of every mention (full name or surname)
    titles: list[Title] = field(default_factory=list)
    parties: list[tuple[int, str, str, int]] = field(default_factory=list)  # (offset, party, text, sentence)
    states: list[tuple[int, str]] = field(default_factory=list)
    orgs: list[tuple[int, str]] = field(default_factory=list)  # organisations named beside it
    gender: str = ""
    evidence: int = 0  # how many signs say these words are a person (titles, honorifics, speech, an age)

    @property
    def name(self) -> str:
        given = max(self.given.items(), key=lambda kv: (len(kv[1]), -kv[1][0]))[0] if self.given else ""
        return f"{given} {self.surname}".strip()

    @property
    def state(self) -> str | None:
        found = {s for _, s in self.states}
        return found.pop() if len(found) == 1 else None

    @property
    def roles(self) -> set[str]:
        return {t.role for t in self.titles if not t.former}


class People:
    """Everyone the article names, with what it says about them."""

    def __init__(self, readings: list[Reading], speech: re.Pattern | None = None) -> None:
        """``speech`` is the pattern of speech verbs (the packs' ``speech-verbs`` list): the person
        who says something is not the subject of what they say ("Reyes said the grant would…")."""
        self.readings = readings
        self.speech = speech
        self._speech_ends: dict[int, list[tuple[int, int]]] = {}  # by sentence
        self.by_surname: dict[str, Person] = {}
        self._mentions: list[tuple[int, int, str]] = []  # (source offset, sentence, surname), in order
        self._collect()

    # -- building --------------------------------------------------------------
    def _person(self, surname: str) -> Person:
        if surname not in self.by_surname:
            self.by_surname[surname] = Person(surname)
        return self.by_surname[surname]

    def _collect(self) -> None:
        full_spans: list[tuple[int, int]] = []
        for r in self.readings:
            text = r.text
            for start, end, given, surname in r.people:
                p = self._person(surname)
                p.given.setdefault(given, []).append(r.start + start)
                p.mentions.append(r.start + start)
                self._mentions.append((r.start + start, r.index, surname))
                full_spans.append((r.start + start, r.start + end))
                self._attributes(r, p, start, end, given)
            for m in _HONORIFIC_RE.finditer(text) if _HONORIFIC_HINT_RE.search(text) else ():
                if m.group(2) in self.by_surname or any(m.group(2) == s for *_, s in r.people):
                    p = self._person(m.group(2))
                    p.gender = p.gender or names.gender_of(m.group(1))
                    p.evidence += 1
        # A plural name after "the" is a team or a brand ("the Riverhawks"), not a person's surname.
        self.not_people = {m.group(1) for r in self.readings if "the" in r.words
                           for m in _TEAM_RE.finditer(r.text)}
        known = set(self.by_surname)
        full = sorted(full_spans)
        starts = [a for a, _ in full]
        lowered = {s.lower() for s in known}
        lowered |= {s + "'s" for s in lowered} | {s + "’s" for s in lowered}
        for r in self.readings:  # surnames used alone: "Okafor said", "Mr. Guerrero"
            if not r.words & lowered:
                continue
            for m in CAPITAL_WORD_RE.finditer(r.text):
                word = m.group(1).rstrip("'’s") if m.group(1).endswith(("'s", "’s")) else m.group(1)
                if word not in known:
                    continue
                at = r.start + m.start()
                k = bisect.bisect_right(starts, at) - 1
                if k >= 0 and full[k][0] <= at < full[k][1]:
                    continue  # part of a full name
                p = self.by_surname[word]
                p.mentions.append(at)
                self._mentions.append((at, r.index, word))
                self._title_at(r, p, m.start(), "")
                self._apposition(r, p, m.end(), "")
        self._mentions.sort()
        self._offsets = [at for at, _, _ in self._mentions]
        self._by_sentence: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        self._sentences_of: dict[str, set[int]] = defaultdict(set)
        for m in self._mentions:
            self._by_sentence[m[1]].append(m)
            self._sentences_of[m[2]].add(m[1])
        self._genders()

    def _attributes(self, r: Reading, p: Person, start: int, end: int, given: str) -> None:
        text = r.text
        before = text[max(0, start - 60):start]
        if not self._title_at(r, p, start, given):
            self._role_before_comma(r, p, before, start, given)
        label = re.match(r"\s*\(([DRI])(?:-([A-Z][\w.]*(?: [A-Z][\w.]*)?))?\)|,\s([DRI])-([A-Z][\w.]*)", text[end:])
        after = end + (label.end() if label else 0)  # an apposition comes after the party label
        if label:
            letter = label.group(1) or label.group(3)
            p.parties.append((r.start + end, names.PARTIES[letter.lower()], label.group(0).strip(" ,()"), r.index))
            state = names.STATES.get(label.group(2) or label.group(4) or "")
            if state:
                p.states.append((r.start + end, state))
            p.evidence += 1
        party = _PARTY_BEFORE_RE.search(before)
        if party:
            p.parties.append((r.start + party.start(), names.PARTIES[party.group("party").lower()], party.group(0),
                              r.index))
        of_state = _OF_STATE_RE.match(text, after)
        if of_state and of_state.group("state") in names.STATES:
            p.states.append((r.start + end, names.STATES[of_state.group("state")]))
        state_before = re.search(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:" + names.ROLE_PATTERN + r")\.?\s*$",
                                 before)
        if state_before and state_before.group(1) in names.STATES:
            p.states.append((r.start + state_before.start(), names.STATES[state_before.group(1)]))
        if re.match(r",?\s+(?:said|says|told|added|wrote|argued|noted|explained|asked|recalled)\b", text[after:]) or \
                re.search(r"\b(?:said|says|told|according to)\s+$", before):
            p.evidence += 1
        if _LIFE_AFTER_NAME_RE.match(text, after):  # "Fenella Marsh, born in 1947", "Ingrid Solberg, 43,", "…, who"
            p.evidence += 1
        described = _DESCRIBED_BEFORE_RE.search(before) or _DESCRIBED_AFTER_RE.match(text, after)
        if described and names.is_living(described.group(1)):  # "Her training partner, Dana Royce,"
            p.evidence += 1
        self._apposition(r, p, after, given)
        for m in _ORG_RE.finditer(text, max(0, start - 80), min(len(text), end + 80)):
            p.orgs.append((r.start + m.start(1), " ".join(m.group(1).split())))

    def _title_at(self, r: Reading, p: Person, start: int, given: str) -> bool:
        """A title written right before the name at ``start`` ("Sen. Jack Markell", "Mayor Brandt")."""
        title = None
        for title in names.TITLE_BEFORE_NAME_RE.finditer(r.text, max(0, start - 60), start + 1):
            pass
        if title and title.end() == start:
            self._title_before(r, p, r.text[:start], title, start, given)
            return True
        return False

    def _role_before_comma(self, r: Reading, p: Person, before: str, start: int, given: str) -> None:
        """"the agency's finance director, Priya Castellanos": a role set before the name."""
        m = _ROLE_BEFORE_COMMA_RE.search(before)
        if not m or not names.role(m.group("role")):
            return
        role, ranks = names.role(m.group("role"))
        lead = [w.lower() for w in (m.group("words") or "").split()]
        ranks = ranks | {w for w in lead if w in names.RANKS}
        former = any(w in names.FORMER for w in lead)
        portfolio = " ".join(w for w in lead if w not in names.RANKS and w not in names.FORMER)
        offset = r.start + start - len(before) + m.start("role")
        p.titles.append(Title(offset, offset + len(m.group("role")), role, frozenset(ranks), portfolio, "", former,
                              " ".join(m.group(0).strip(", ").split()), given, r.index))
        p.evidence += 1

    def _title_before(self, r: Reading, p: Person, before: str, title: re.Match, start: int, given: str) -> None:
        """``before`` is the sentence up to the name; ``title`` matched in the sentence."""
        text = title.group("title")
        parsed = names.role(text)
        if parsed is None:
            return
        role, ranks = parsed
        plural = bool(_PLURAL_TITLE_RE.search(text))
        word_before = re.search(r"(?:^|[.;:!?]\s+|^\W*)([A-Z][a-z]+)\s+$", before[:title.start("title")])
        portfolio = ""
        if word_before and word_before.group(1).lower() not in FUNCTION_WORDS \
                and word_before.group(1) not in names.STATES and not names.party(word_before.group(1)):
            portfolio = word_before.group(1).lower()
        former = bool(title.group("former")) or bool(re.search(r"\b(?:former|ex-|then-)\s*$", before[:title.start()],
                                                               re.I))
        p.titles.append(Title(r.start + title.start("title"), r.start + start, role,
                              ranks, portfolio, "", former, text, given, r.index, True))
        p.evidence += 1
        if plural:  # "Sens. Tom Carper and Chris Coons": the title covers the next name too
            for s2, e2, g2, sur2 in r.people:
                if s2 > start and re.fullmatch(r"\s*(?:,|and|&)\s*", r.text[self._end_of(r, start):s2] or " "):
                    self._person(sur2).titles.append(Title(r.start + s2, r.start + e2, role, ranks, "", "", former,
                                                           text, g2, r.index))

    @staticmethod
    def _end_of(r: Reading, start: int) -> int:
        return next((e for s, e, *_ in r.people if s == start), start)

    def _apposition(self, r: Reading, p: Person, end: int, given: str) -> None:
        text = r.text
        m = _APPOSITION_RE.match(text, end)
        if m and not re.match(r"\.?\s+[A-Z]", text[m.end("role"):]):  # "…, Ohio Gov. John Kasich": another's title
            words = m.group("words") or ""
            if not any(w.lower() in ("who", "which", "that", "and", "or", "but", "as", "well", "with", "like",
                                     "including", "urging", "than") for w in words.split()):
                parsed = names.role(m.group("role"))
                if parsed:
                    role, ranks = parsed
                    lead = [w for w in words.split() if w.lower() not in FUNCTION_WORDS]
                    former = any(w.lower().strip(",") in names.FORMER for w in lead + (m.group("det") or "").split())
                    ranks = ranks | {w.lower() for w in lead if w.lower() in names.RANKS}
                    portfolio = " ".join(w.lower() for w in lead if w.lower() not in names.RANKS
                                         and w.lower() not in names.FORMER and not w.endswith(("'s", "’s")))
                    org = " ".join((m.group("org") or "").split())
                    p.titles.append(Title(r.start + m.start("role"), r.start + m.end("role"), role, frozenset(ranks),
                                          portfolio, org, former, " ".join(m.group(0).strip(", ").split()), given,
                                          r.index))
                    p.evidence += 1
        who = _WHO_ROLE_RE.match(text, end)
        if who:
            verb = re.search(r"who\s+(\w+)", who.group(0)).group(1).lower()
            role = names.role(who.group("role"))[0] if who.group("role") else _ROLE_VERBS.get(verb, "head")
            p.titles.append(Title(r.start + who.start(), r.start + who.end(), role, frozenset(), "",
                                  " ".join(who.group("org").split()), False, " ".join(who.group(0).strip(", ").split()),
                                  given, r.index))
        party = _PARTY_APPOSITION_RE.match(text, end)
        if party:
            p.parties.append((r.start + party.start("party"), names.PARTIES[party.group("party").lower()],
                              party.group(0).strip(", "), r.index))
            state = names.STATES.get(party.group("state") or "")
            if state:
                p.states.append((r.start + party.start("party"), state))
            p.evidence += 1

    def _genders(self) -> None:
        """A subject pronoun right after the only person named in the sentence before tells that person's gender."""
        for r in self.readings:
            named = {s for _, k, s in self._mentions_in(r.index)}
            if len(named) != 1:
                continue
            surname = named.pop()
            nxt = self.readings[r.index + 1] if r.index + 1 < len(self.readings) else None
            if nxt is None:
                continue
            m = SUBJECT_PRONOUN_RE.search(nxt.text)  # "She replaces…"; not "Her contract…", which may be another's
            if m and any(at < nxt.start + m.start() for at, _, _ in self._mentions_in(nxt.index)):
                continue  # a name comes first: the pronoun may mean it
            if m and not self.by_surname[surname].gender:
                self.by_surname[surname].gender = names.gender_of(m.group(1))

    def _mentions_in(self, sentence: int) -> list[tuple[int, int, str]]:
        return self._by_sentence.get(sentence, [])

    # -- questions ----------------------------------------------------------------
    def family_near(self, p: Person) -> bool:
        """Whether the article speaks of relatives in a sentence that names this surname."""
        return any(self.readings[k].words & names.FAMILY for k in self._sentences_of.get(p.surname, ()))

    def is_person(self, surname: str) -> bool:
        p = self.by_surname.get(surname)
        return bool(p and (p.evidence or len(p.mentions) > 1) and surname not in self.not_people)

    def named_in(self, start: int, end: int) -> list[Person]:
        """People mentioned between two source offsets, in order."""
        seen, out = set(), []
        for at, _, surname in self._mentions[bisect.bisect_left(self._offsets, start):bisect.bisect_left(self._offsets, end)]:
            if surname not in seen and self.is_person(surname):
                seen.add(surname)
                out.append(self.by_surname[surname])
        return out

    def last_before(self, offset: int, sentence: int, gender: str = "", object_of: str | None = None) -> Person | None:
        """The person a pronoun at ``offset`` most likely means: the last one named before it,
        in its sentence or the few before, whose gender does not contradict the pronoun.
        ``object_of`` is the subject of the clause a possessive or object pronoun sits in."""
        floor = max(0, sentence - _PRONOUN_WINDOW)
        before = self._window_before(offset, floor)
        candidates = [self.by_surname[surname] for _, _, surname in before if self.is_person(surname)]
        fits = [p for p in candidates if not (gender and p.gender and p.gender != gender)]
        if fits and object_of is not None and fits[0].surname == object_of and not fits[0].gender:
            known = [p for p in fits[1:] if gender and p.gender == gender]
            if known:  # "Kirwan defended her salary": not Kirwan's own, when a woman was named before
                return known[0]
        if fits:
            return fits[0]
        if gender:  # "He married the cellist Ada Hartmann; she died": a full name the gender leaves
            for _, _, surname in before:
                p = self.by_surname[surname]
                if p.given and not p.gender and surname not in self.not_people:
                    return p
        return None

    def _window_before(self, offset: int, floor: int) -> list[tuple[int, int, str]]:
        """The mentions before ``offset`` in sentences from ``floor`` on, the nearest first: found by
        bisection, so each pronoun costs the size of its window, not of the article."""
        out, j = [], bisect.bisect_left(self._offsets, offset) - 1
        while j >= 0 and self._mentions[j][1] >= floor:
            out.append(self._mentions[j])
            j -= 1
        return out

    def subject_of(self, r: Reading, at: int) -> Person | None:
        """Who the clause at ``at`` (an offset in ``r.text``) is about: the person a "who" after a
        name refers to ("Halloran, who bought the team in 2016"), the first person named in the
        clause, or the person a pronoun before ``at`` refers to."""
        head = r.text[:at]
        who = _WHO_AFTER_NAME_RE.search(head, max(0, at - 120))
        if who:
            named = self.named_in(r.start + max(0, who.start() - 40), r.start + who.start() + 40)
            if named:
                return named[-1]
        said = self.reported_start(r, 0, at)
        if said is not None:  # "Reyes said the $2.4 million grant…": a reported clause
            return self._reported_subject(r, said, at)
        clause = max((m.end() for m in _CLAUSE_RE.finditer(head)), default=0)
        named = self.named_in(r.start + clause, r.start + at)
        if named:
            return named[0]
        m = None
        for m in _PRONOUN_RE.finditer(head, clause):
            pass
        if m:
            return self.pronoun(r, m.start(), m.group(1))
        named = self.named_in(r.start, r.start + at)
        return named[0] if named else None

    def opener_subject(self, r: Reading) -> Person | None:
        """The subject a phrase opening the sentence belongs to: "Born in 1960 in a fishing village,
        he moved…" (a pronoun: the person last named before), "After resigning from Marlowe in
        2021, Quist spent…" (the name after the comma)."""
        m = _OPENER_RE.match(r.text)
        if not m:
            return None
        if m.group("name"):
            return self.by_surname.get(m.group("name")) if self.is_person(m.group("name")) else None
        return self.last_before(r.start, r.index, names.gender_of(m.group("pron")))

    def reported_start(self, r: Reading, start: int, end: int) -> int | None:
        """Where the last reported clause between ``start`` and ``end`` (offsets in ``r.text``)
        starts: after a speech verb used as a verb ("Reyes said the…", "told reporters that…"),
        not a noun ("22 states") or a verb of another sense ("continued as a member")."""
        ends = self._speech_ends.get(r.index)
        if ends is None:
            ends = self._speech_ends[r.index] = self._speech_verbs(r.text)
        found = [e for s, e in ends if s >= start and e <= end]
        return found[-1] if found else None

    def _speech_verbs(self, text: str) -> list[tuple[int, int]]:
        """The speech verbs of a sentence used as verbs, as (start, end)."""
        if self.speech is None:
            return []
        out = []
        for m in self.speech.finditer(text):
            word = m.group(0).lower().split()[0]
            if not _SPEECH_FORM_RE.search(word) or _NOUN_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                continue
            if _PREPOSITION_AFTER_RE.match(text, m.end()):
                continue
            out.append((m.start(), m.end()))
        return out

    def _reported_subject(self, r: Reading, start: int, at: int) -> Person | None:
        """The subject of what someone says: a person named after the speech verb, or a pronoun."""
        named = self.named_in(r.start + start, r.start + at)
        if named:
            return named[0]
        m = None
        for m in SUBJECT_PRONOUN_RE.finditer(r.text, start, at):
            pass
        return self.pronoun(r, m.start(), m.group(1)) if m else None

    def pronoun(self, r: Reading, at: int, word: str) -> Person | None:
        """Who a pronoun at ``at`` in ``r.text`` means. A pronoun in a clause that opens the
        sentence may point ahead to the subject named after it ("Reflecting on her five years,
        Ambrose said…"); otherwise it means the last person named before it."""
        gender = names.gender_of(word)
        comma = r.text.find(",", at)
        if 0 <= comma and not self.named_in(r.start, r.start + at) and "," not in r.text[:at]:
            ahead = self.named_in(r.start + comma, r.start + min(len(r.text), comma + 40))
            if ahead and (not gender or not ahead[0].gender or ahead[0].gender == gender):
                return ahead[0]
        subject = None
        if word.lower() in ("her", "his", "him"):  # the subject of its clause, named in it before the pronoun
            clause = max((m.end() for m in _CLAUSE_RE.finditer(r.text, 0, at)), default=0)
            named = self.named_in(r.start + clause, r.start + at)
            subject = named[0].surname if len(named) == 1 else None
        return self.last_before(r.start + at, r.index, gender, subject)

    def described(self, text: str) -> list[tuple[re.Match, Person | None, str | None]]:
        """Descriptions of a person by state, party or role ("the senator from Texas"), each with
        the one person it can mean (by role and state) and the party it gives, if any."""
        out = []
        for m in _DESCRIPTION_RE.finditer(text):
            state = names.STATES.get(m.group("state1") or m.group("state2") or "")
            if state is None:
                continue
            word = m.group("role").lower()
            party = names.PARTIES.get((m.group("party1") or "").lower()) or names.PARTIES.get(word)
            role = None if party and word in ("democrat", "republican") else names.role(word)
            role = role[0] if role else None
            fits = [p for p in self.by_surname.values() if self.is_person(p.surname) and p.state == state
                    and (role is None or role in p.roles or role == "lawmaker")]
            out.append((m, fits[0] if len(fits) == 1 else None, party))
        return out
