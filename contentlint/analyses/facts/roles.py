"""Conflicts about people: a given name, title, role or party that changes, or one post held by two.

Keyed by surname (:mod:`.people`). A title changes when the office differs ("Gov. Jack
Markell" and "Sen. Jack Markell"), the rank does ("Superintendent" and "Deputy
Superintendent") or what the post is over does ("transportation director" and "Planning
director"). Offices a person commonly holds together (president and chief executive, senator
and committee chair) do not conflict, nor do "former" or "then-" titles. A given name changes
("Simone" and "Sabine Achterberg") when the two names share a title or an organisation, or
differ by a letter or two; relatives share surnames, so an article that speaks of family
needs that evidence. A party changes within one person, or when a description ("the Rhode
Island Republican") can only mean a person the article gave another party. A speaker known
only by a surname the article never introduces ("Raman said", in a story that quotes Priya
Natarajan throughout) is a name that changed.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from contentlint.analyses.facts.model import INFO, WARNING, Conflict, Statement
from contentlint.analyses.facts.people import CAPITAL_WORD_RE, SUBJECT_PRONOUN_RE, People, Person, Title
from contentlint.analyses.facts.reading import Reading
from contentlint.language import lazy_re, names
from contentlint.language.words import FUNCTION_WORDS

# Offices held one at a time: one person cannot be two of these at once.
EXCLUSIVE_OFFICES = frozenset({
    "senator", "representative", "governor", "lieutenant governor", "attorney general", "secretary of state", "mayor",
    "vice president", "judge", "justice", "chief justice", "superintendent", "sheriff", "district attorney",
    "comptroller", "treasurer", "councilmember", "prime minister", "ambassador", "commissioner", "police chief",
    "fire chief", "principal", "dean", "provost", "chancellor", "captain", "lieutenant", "sergeant", "colonel"})
# A company's officers: one person is not two of them (a chief executive may also be its president or chair).
OFFICERS = frozenset({"chief executive", "chief financial officer", "chief operating officer",
                      "chief technology officer"})
# Posts that one person holds at a time in one organisation: two people cannot both hold them.
SINGLE_HOLDER = frozenset({"chair", "president", "chief executive", "director", "superintendent", "mayor", "governor",
                           "speaker", "majority leader", "minority leader", "head", "chancellor", "provost", "dean",
                           "principal", "police chief", "fire chief", "sheriff", "district attorney", "coach",
                           "manager", "general manager", "publisher", "editor"})
_TRANSITION_RE = lazy_re.compile(r"\b(?:was|were|has been|had been|is|been)\s+(?:promoted|named|appointed|elevated|"
                                 r"reassigned|demoted|sworn in)\b|\b(?:became|succeeded|succeeds|replacing|replaced|"
                                 r"took over as)\b|\b(?:appoint|appoints|appointed|promote|promotes|promoted|name|names|"
                                 r"named)\b[^.;]{0,60}\bas\b")  # a title that changes in the story
_TYPO_DISTANCE = 2  # given names this close are one name misspelled ("Dana" and "Diana")
_CLOSE_DISTANCE = 3
_FEW_FULL_NAMES = 3  # a surname written in full this few times, with two given names, may be one person
# The verbs that report a person's words, not an estimate or a finding ("Cost estimates…")
_SAYS = r"(?:said|says|told|tells|added|adds|noted|explained|recalled|wrote|writes|argued|insisted|replied|" \
        r"acknowledged|stressed|continued)"
# A lone capitalised word as the subject of one: at a sentence's or clause's start before the verb,
# or right after it, ending the clause ("…, said Raman.")
_SAYS_RE = lazy_re.compile(rf"\b{_SAYS}\b")
_SUBJECT_BEFORE_RE = lazy_re.compile(r"(?:^|[.!?][\"”’]?\s+|,[\"”’]?\s+)([A-Z][a-z]{2,})\s+$")
_SUBJECT_AFTER_RE = lazy_re.compile(r"\s+([A-Z][a-z]{2,})\s*[.,;]")
_PRONOUN_AFTER_CHARS = 200  # a stranger's own pronoun ("she said") follows this close


def conflicts(people: People, readings: list[Reading]) -> list[Conflict]:
    out: list[Conflict] = []
    for p in people.by_surname.values():
        if not people.is_person(p.surname):
            continue
        out += _titles(p, readings)
        out += _given_names(p, people)
        out += _parties(p)
    out += _descriptions(people, readings)
    out += _holders(people)
    out += _strangers(people, readings)
    return out


def _st(start: int, end: int, text: str) -> Statement:
    return Statement(start, end, text)


def _title_statement(t: Title, surname: str) -> Statement:
    name = f"{t.given} {surname}".strip() if t.given else surname
    return _st(t.offset, t.end, f"{t.text} {name}" if t.end > t.offset and t.given else t.text)


def titles_differ(a: Title, b: Title) -> str | None:
    """Why two titles cannot both be a person's now, or None when they can."""
    if a.role.endswith(" " + b.role) or b.role.endswith(" " + a.role):  # "police chief" and "deputy chief"
        short = min(a.role, b.role, key=len)
        a, b = (a if a.role == short else _as_role(a, short)), (b if b.role == short else _as_role(b, short))
    if a.role != b.role:
        if {a.role, b.role} <= EXCLUSIVE_OFFICES or {a.role, b.role} <= OFFICERS:
            return f"{a.role} and {b.role}"
        return None
    rank_a = a.ranks & {"deputy", "assistant", "associate", "acting", "interim", "vice", "lieutenant"}
    rank_b = b.ranks & {"deputy", "assistant", "associate", "acting", "interim", "vice", "lieutenant"}
    if rank_a != rank_b:
        return f"{' '.join(sorted(rank_a)) + ' ' if rank_a else ''}{a.role} and " \
               f"{' '.join(sorted(rank_b)) + ' ' if rank_b else ''}{b.role}"
    if a.portfolio and b.portfolio and not (set(a.portfolio.split()) & set(b.portfolio.split())):
        return f"{a.portfolio} {a.role} and {b.portfolio} {b.role}"
    return None


def _as_role(t: Title, role: str) -> Title:
    """``t`` with its role shortened to ``role``, the rest of the old role its portfolio."""
    return dataclasses.replace(t, role=role, portfolio=t.portfolio or t.role[:-len(role)].strip())


def _titles(p: Person, readings: list[Reading]) -> list[Conflict]:
    out = []
    if any(_TRANSITION_RE.search(readings[t.sentence].text) for t in p.titles):
        return out  # "Deputy Chief Lorna Beck was promoted to chief": the article tells the change
    titles = sorted((t for t in p.titles if not t.former), key=lambda t: t.offset)
    for i, b in enumerate(titles):
        for a in titles[:i]:
            if a.sentence == b.sentence or (a.given and b.given and a.given != b.given):
                continue
            if len(p.given) > 1 and not (a.given and b.given):
                continue  # "Mayor Linnea Okonkwo", "Council Member Ade Okonkwo" and "Council Member Okonkwo"
            why = titles_differ(a, b)
            if why:
                out.append(Conflict("name", _title_statement(b, p.surname), _title_statement(a, p.surname),
                                    f"{p.name} is given two titles ({why})", WARNING))
                break
    return out


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _given_names(p: Person, people: People) -> list[Conflict]:
    if len(p.given) < 2 or not (p.evidence or p.gender):
        return []  # "Climate Change" and "Incite Change": names, but of no one the article shows to be a person
    out = []
    written = sorted(p.given.items(), key=lambda kv: kv[1][0])
    for i, (g2, at2) in enumerate(written):
        for g1, at1 in written[:i]:
            if g1.startswith(g2) or g2.startswith(g1) or names.same_given_name(g1, g2):
                continue  # "Bill" and "Billy", "Chuck" and "Charles", a name and its initial
            shared_title = {t.role for t in p.titles if t.given == g1} & {t.role for t in p.titles if t.given == g2}
            near1 = {o for at, o in p.orgs if any(abs(at - x) < 200 for x in at1) and _plain_org(o, p, g1, g2)}
            near2 = {o for at, o in p.orgs if any(abs(at - x) < 200 for x in at2) and _plain_org(o, p, g1, g2)}
            if people.family_near(p):
                near1 = near2 = set()  # relatives share names and firms: only a shared title tells
            typo = edit_distance(g1.lower(), g2.lower()) <= _TYPO_DISTANCE
            if people.family_near(p):
                continue  # "Commissioner Mary Smith, his sister": relatives share names and offices
            if shared_title or (near1 & near2):
                confidence = WARNING
            elif (not people.family_near(p) and len(at2) == 1 and len(at1) + len(at2) <= _FEW_FULL_NAMES
                  and (g1[0] == g2[0] or edit_distance(g1.lower(), g2.lower()) <= _CLOSE_DISTANCE)):
                confidence = INFO  # a near-miss name written once, no relative in sight: one person?
            else:
                continue
            why = f"both {sorted(shared_title)[0]}" if shared_title else (
                f"both of {sorted(near1 & near2)[0]}" if near1 & near2 else
                "one letter apart" if typo else "and the article mentions no relatives")
            out.append(Conflict("name", _st(at2[0], at2[0] + len(g2) + 1 + len(p.surname), f"{g2} {p.surname}"),
                                _st(at1[0], at1[0] + len(g1) + 1 + len(p.surname), f"{g1} {p.surname}"),
                                f"the given name changes ({g1} / {g2}), {why}", confidence))
    return out


def _plain_org(org: str, p: Person, *given: str) -> bool:
    """An organisation that says nothing of who is who: not a party, not named after them."""
    words = set(org.split())
    return len(words) >= 2 and not words & {p.surname, *given, "Party", "Democratic", "Republican"}


def _parties(p: Person) -> list[Conflict]:
    out = []
    for i, (at2, party2, text2, k2) in enumerate(p.parties):
        for at1, party1, text1, k1 in p.parties[:i]:
            if party1 != party2 and k1 != k2:
                out.append(Conflict("name", _st(at2, at2 + len(text2), text2), _st(at1, at1 + len(text1), text1),
                                    f"{p.name} is a {party1} here and a {party2} there", WARNING))
                return out
    return out


def _descriptions(people: People, readings: list[Reading]) -> list[Conflict]:
    """"the Rhode Island Republican" when the only person from Rhode Island is a Democrat."""
    out = []
    for r in readings:
        for m, person, party in people.described(r.text):
            if person is None or party is None:
                continue
            stated = [(at, pty, text) for at, pty, text, _ in person.parties if pty != party]
            if stated and not any(pty == party for _, pty, _, _ in person.parties):
                at, pty, text = stated[0]
                out.append(Conflict("name", _st(r.start + m.start(), r.start + m.end(), m.group(0)),
                                    _st(at, at + len(text), text),
                                    f"'{m.group(0)}' can only be {person.name}, who is a {pty}", WARNING))
    return out


def _holders(people: People) -> list[Conflict]:
    """One post in one organisation held by two people ("who chairs the Judiciary Committee")."""
    holders: dict[tuple[str, str], list[tuple[Title, Person]]] = {}
    for p in people.by_surname.values():
        if not people.is_person(p.surname):
            continue
        for t in p.titles:
            if t.org and t.role in SINGLE_HOLDER and not t.former:
                holders.setdefault((t.role, t.org.lower()), []).append((t, p))
    out = []
    for (role, org), items in holders.items():
        items.sort(key=lambda tp: tp[0].offset)
        first_t, first_p = items[0]
        for t, p in items[1:]:
            if p.surname != first_p.surname:
                out.append(Conflict("name", _st(t.offset, t.end, t.text), _st(first_t.offset, first_t.end,
                                                                              first_t.text),
                                    f"the {role} of {t.org} is {first_p.name} earlier and {p.name} here", WARNING))
                break
    return out


def _strangers(people: People, readings: list[Reading]) -> list[Conflict]:
    """A surname that speaks once and is never introduced, in an article that introduces its
    speaker properly: the speaker's name changed ("Raman said", of Priya Natarajan)."""
    main = _main_speaker(people)
    if main is None:
        return []
    known_given = {g for p in people.by_surname.values() for g in p.given}
    written: Counter | None = None  # capitalised words by use, counted when first needed
    out = []
    for r in readings:
        for verb in _SAYS_RE.finditer(r.text):
            m = _SUBJECT_BEFORE_RE.search(r.text, max(0, verb.start() - 40), verb.start()) \
                or _SUBJECT_AFTER_RE.match(r.text, verb.end())
            if not m:
                continue
            word = m.group(1)
            if (word in people.by_surname or word in known_given or not names.is_given_name(word)
                    or word.lower() in FUNCTION_WORDS or word.endswith("s")):
                continue  # a known person, a first-name reference, a common word or a plural
            if written is None:
                written = Counter(w.rstrip("'’s") for x in readings for w in CAPITAL_WORD_RE.findall(x.text))
            if written[word] > 1:
                continue  # a name the article uses again: someone it knows, if not introduced
            following = readings[r.index + 1].text if r.index + 1 < len(readings) else ""
            after = r.text[verb.end():verb.end() + _PRONOUN_AFTER_CHARS] + " " + following
            pronoun = SUBJECT_PRONOUN_RE.search(after)
            if not pronoun or (main.gender and names.gender_of(pronoun.group(1)) != main.gender):
                continue  # nothing ties the stranger to the article's speaker
            intro = min(at for ats in main.given.values() for at in ats)
            out.append(Conflict("name", _st(r.start + m.start(1), r.start + m.end(1), word),
                                _st(intro, intro + len(main.name), main.name),
                                f"'{word}' speaks here but is never introduced; the article's speaker is "
                                f"{main.name}", WARNING))
    return out


def _main_speaker(people: People) -> Person | None:
    """The person the article introduces in full, with a title, and names most."""
    introduced = [p for p in people.by_surname.values()
                  if p.given and p.titles and people.is_person(p.surname)]
    return max(introduced, key=lambda p: len(p.mentions)) if introduced else None
