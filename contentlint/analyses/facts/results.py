"""Results and their arithmetic: tallies, margins, ranks, streaks, totals and their parts.

- a **tally** stated twice ("voted 5-2" and "the 4-3 vote", read as one vote when both count
  the same number of voters; "beat the Hawks 64-58" and "Marshall's 64-56 win");
- a **margin** against its tally ("won, 27.6 percent to 24.3 percent" and "Mr. Cruz's
  six-point victory"; "39 percent … while Cruz earned 30 percent" and "a 12-point cushion");
  "by 22 points (47 to 25)" is checked within its own sentence;
- a **rank** or place stated twice for one subject ("No. 19 on this list" and "ranked
  11th"; "a sixth-place finish" and "a fifth-place finish there");
- a **streak** ("the third in a row" and "the second straight convention" Gore misses);
- a **total** against its listed parts ("Florida, 99 delegates, and Ohio, 66 delegates" and
  "between them … 175 delegates"), a product ("nine $2,500 donations" and "those nine checks
  added up to $27,500"), a shortfall ("71 delegates short of 2,383" and "has 2,290 delegates").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contentlint.analyses.facts.model import INFO, WARNING, Conflict, Statement
from contentlint.analyses.facts.people import People
from contentlint.analyses.facts.quantities import COUNT, MONEY, SHARE, Mention, same_time
from contentlint.analyses.facts.reading import Reading
from contentlint.language import calendar, hedges, lazy_re, numbers
from contentlint.language.words import FUNCTION_WORDS, stem

_VOTE_BEFORE_RE = lazy_re.compile(r"\b(?:voted|voting|vote of|by a vote of|on a|in a|approved|rejected|passed|failed|"
                                  r"ratified|adopted|confirmed|defeated|endorsed|backed)\s+"
                                  r"(?:(?:the|a|an|its|their)\s+)?(?:[\w.'’-]+\s+){0,2}?$", re.I)  # "passed the House 210-190"
_VOTE_AFTER_RE = lazy_re.compile(r"\s+(?:vote|decision|ruling|margin|split)\b", re.I)
_SCORE_BEFORE_RE = lazy_re.compile(r"\b(?:beat|beats|defeated|defeats|topped|edged|downed|routed|won|lost|fell|falls|"
                                   r"over|against|outscored|held off|drew|draws|tied|ties)\b(?:\s+[\w'’.-]+){0,5}\s+$", re.I)
# A margin in votes: "the 42-vote margin", "a 24-vote victory".
_VOTE_MARGIN_RE = lazy_re.compile(r"\b(?P<n>\d+)-vote\s+(?:margin|victory|win|edge|lead|advantage|defeat)\b|"
                                  r"\bmargin\s+of\s+(?P<hedge>more than|nearly|about|almost|over|just over|roughly)?\s*"
                                  r"(?P<m>[\d,]+)\s+votes\b", re.I)
_SCORE_AFTER_RE = lazy_re.compile(r"\s+(?:win|victory|loss|defeat|decision|final|triumph|rout|result|score)\b", re.I)
_MARGIN_RE = lazy_re.compile(
    r"(?P<n>\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)[-\s](?:percentage[-\s])?point\s+(?P<what>victory|win|lead|margin|edge|"
    r"cushion|advantage|gap|deficit|loss|defeat|triumph)", re.I)
_BY_POINTS_RE = lazy_re.compile(r"\bby\s+(?:about\s+|nearly\s+|almost\s+|more than\s+|roughly\s+)?(?P<n>\d+(?:\.\d+)?|[a-z]+)"
                                r"\s+(?:percentage\s+)?points\b\s*\((?P<a>\d+(?:\.\d+)?)(?:\s*percent|%)?\s+to\s+"
                                r"(?P<b>\d+(?:\.\d+)?)(?:\s*percent|%)?\)", re.I)
_RANK_BEFORE_RE = lazy_re.compile(r"\b(?:was|is|ranked|ranks|rank|ranking|placed|finished|finishing|came in|come in|"
                                  r"comes in|slipped to|rose to|fell to|moved to|sat|sits|sit|ranking of|rank of)\s+"
                                  r"(?:as\s+)?(?:the\s+)?(?:at\s+)?$", re.I)
# A win stated as a verb: "Quill's chili won the county cook-off" is a first place.
_WON_CONTEST_RE = lazy_re.compile(r"\b(?:won|wins|took first in|took top honors in|took top honors at)\s+(?:the\s+)?"
                                  r"(?:[\w'’-]+\s+){0,4}?(?:contest|competition|cook-off|bee|tournament|championship|"
                                  r"prize|final|show|derby|regatta|marathon)\b", re.I)
_RANK_AFTER_RE = lazy_re.compile(r"(?:[-\s]place\b(?:\s+(?:finish|finisher|showing))?|\s+(?:on|in|among)\s+"
                                 r"(?:the|this|that|its|their|[\w'’-]+['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
                                 r"(?P<list>list|ranking|rankings|poll|standings|index|table|field|race|primary|contest|"
                                 r"report card|league|conference|districts|cities|counties|schools))", re.I)
_VOTE_TIME_GAP = 12  # characters between a tally and the time of its vote ("voted 5-4 in March")
# A rank told by a superlative: "the fourth-largest wildfire", "the fifth-best hospital in the state".
_SUPERLATIVE_RANK_RE = lazy_re.compile(r"-(?P<sup>largest|biggest|best|worst|smallest|highest|lowest|deadliest|busiest|"
                                       r"oldest|richest|poorest|costliest|most\s+\w+)\b")
# What a ranking measures: "42nd among the 50 states in per-pupil school spending".
_CATEGORY_RE = lazy_re.compile(r"[^.;]{0,40}?\b(?:in|for|on)\s+((?:[\w-]+\s+){0,3}[\w-]+)")
# A rank given by someone to a thing: "the institute placed Calverra 38th".
_PLACED_RE = lazy_re.compile(r"\b(?:placed|ranked|rated|listed|put)\s+((?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*)\s+$")
_LIST_PHRASE_RE = lazy_re.compile(r"\s+(?:on|in|among)\s+.{0,60}?\b(?:list|ranking|rankings|standings|index|table|poll)\b")
_LIST_WORDS_RE = lazy_re.compile(r"\b(?:ranking|rankings|rank|list|standings|index|table)\b", re.I)
# The thing a rank is said of when it is no name: "helping the city rank sixth", "the district placed 19th".
_NOUN_HOLDER_RE = lazy_re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+([a-z]+)\s+(?:to\s+)?(?:rank|ranked|ranks|placed|finished|"
                                  r"sit|sits|sat|came in|comes in|is|was|now sits)\s+(?:at\s+)?(?:No\.\s*)?$")
_PLACE_NAME_AFTER_RE = lazy_re.compile(r"\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)")  # "the fourth-place Mariners"
# A streak counted in games: "extending its winning streak to seven games", "seven straight wins".
_CARDINAL_STREAK_RE = lazy_re.compile(r"\b(?:streak|run)\s+(?:of|to)\s+(?P<n>\w+)\s+(?:straight\s+)?(?P<noun>games|wins|"
                                      r"victories|losses|matches|seasons|years|quarters)\b|\b(?P<n2>\w+)\s+(?:straight|"
                                      r"consecutive)\s+(?P<noun2>games|wins|victories|losses|matches)\b|"
                                      r"\b(?P<n3>\w+)-(?:game|match|win|year|season)\s+(?:winning\s+|losing\s+)?streak\b",
                                      re.I)  # "their eight-game winning streak"
_PAST_TIME_RE = lazy_re.compile(r"\b(?:last year|a year ago|the year before|the previous year|previously|last season|"
                                r"a year earlier|in (?:19|20)\d\d)\b", re.I)
_PAST_REACH = 40  # characters around a rank in which "last year" dates it
_TIME_WORDS = frozenset("""last this next year years week month season day today yesterday monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september october november
    december spring summer fall autumn winter""".split())
_STREAK_RE = lazy_re.compile(r"\s+(?:in\s+a\s+row|straight|consecutive|successive|running)\b", re.I)
_ADDED_UP_RE = lazy_re.compile(r"\b(?:added up to|add up to|adds up to|totaled|totalled|totals|totaling|came to|"
                               r"amounted to|amount to|worth)\s+$", re.I)
_SHORT_OF_RE = lazy_re.compile(r"\s*(?:[a-z]+\s+)?short\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?", re.I)
_LIST_VERB_RE = lazy_re.compile(r"\b(?:includes|included|include|comprises|consists of|breaks down into|is made up of)\b",
                                re.I)
_EXHAUSTIVE_RE = lazy_re.compile(r"\b(?:between them|combined|together|both|the (?:two|three|four))\b", re.I)  # these parts only
# A sentence that breaks a figure stated before into its parts.
_BREAKDOWN_RE = lazy_re.compile(r"^\W*Of\s+(?:the|those|these|them|that)(?P<what>(?:\s+[\w-]+){0,3})?\s*,|"
                                r"\b(?:(?:is|are|was|were)\s+made\s+up\s+of|splits?\b[^.;]{0,40}\bways|breaks?\s+down|"
                                r"broken\s+down|divided\s+(?:into|among)|consists?\s+of|comprises?)\b")
_BREAKDOWN_REACH = 4  # sentences back in which a breakdown's whole is looked for
_ALL_BEFORE_RE = lazy_re.compile(r"\ball\s+$", re.I)
_TOTAL_MARKER_RE = lazy_re.compile(r"\b(?:between them|combined|in all|in total|altogether|all told|together|the two|"
                                   r"both|a total of|total|entire|whole)\b", re.I)
_PART_JOIN_RE = lazy_re.compile(r"^[^.;:]*?(?:,\s*|\s+)(?:and\s+)?[A-Z]?[\w'’-]*(?:\s+[A-Z][\w'’-]*)*,?\s*$")
_RESULT_WORDS = frozenset("victory win loss defeat triumph".split())
_WON_RE = lazy_re.compile(r"\b(?:won|wins|win|beat|beats|defeated|defeats|carried|took|captured|victory|lost)\b", re.I)
_CLOSEST_RE = lazy_re.compile(r"\bover\s+(?:his|her|their|its)\s+(?:closest|nearest)\s+(?:pursuer|rival|competitor|"
                              r"challenger|opponent)|\bover\s+the\s+(?:runner-up|second-place)", re.I)


@dataclass(frozen=True)
class Result:
    kind: str  # "vote", "score", "percent", "margin", "vote-margin", "rank", "streak"
    subject: str | None
    low: float
    high: float
    start: int
    end: int
    text: str
    sentence: int
    block: int
    total: float = 0.0  # for a tally: its two figures added up (the voters of a vote)
    first: float = 0.0
    second: float = 0.0
    definite: bool = False
    context: str = ""  # a rank's list ("list", "finish")
    described: bool = False  # the subject is a description ("the city", "the team's"), not a name
    past: bool = False  # said of an earlier time ("Last year the district placed 19th")
    list_name: str = ""  # the ranking's name ("traveler digest"), or "other" for "its separate list"
    when: str = ""  # the time its sentence names ("in march", "on tuesday"), to keep two votes apart
    category: frozenset[str] = frozenset()  # what a rank measures ("teacher salaries", "per-pupil spending")


def extract(readings: list[Reading], people: People, mentions: list[Mention]) -> list[Result]:
    out: list[Result] = streaks(readings, people)
    for r in readings:
        for t in r.tallies:
            res = _tally(r, t, people)
            if res:
                out.append(res)
        for m in _MARGIN_RE.finditer(r.text) if "point" in r.text else ():
            value = _figure(m.group("n"))
            if value is None:
                continue
            who = _owner(r, m.start(), people)
            out.append(Result("margin", who, value - 0.5, value + 0.5, r.start + m.start(), r.start + m.end(),
                              m.group(0), r.index, r.block, definite=bool(_CLOSEST_RE.search(r.text, m.end(),
                                                                                            m.end() + 60)),
                              context="result" if m.group("what").lower() in _RESULT_WORDS else "lead"))
        for m in _VOTE_MARGIN_RE.finditer(r.text) if "vote" in r.text else ():
            n = float((m.group("n") or m.group("m")).replace(",", ""))
            low, high = hedges.bound(n, 0.5, hedges.normalise(m.group("hedge"))) if m.group("hedge") else (n, n)
            out.append(Result("vote-margin", None, low, high, r.start + m.start(), r.start + m.end(), m.group(0),
                              r.index, r.block))
        for q in r.quantities:
            if q.unit != numbers.ORDINAL:
                continue
            res = _rank(r, q, people)
            if res:
                out.append(res)
        for m in _WON_CONTEST_RE.finditer(r.text) if "won" in r.words or "wins" in r.words or "took" in r.words else ():
            subject, described = _rank_subject(r, m.start(), people)
            if subject:
                out.append(Result("rank", subject, 1, 1, r.start + m.start(), r.start + m.end(), m.group(0), r.index,
                                  r.block, context="finish", described=described,
                                  past=_said_of_past(r.text, m.start(), m.end())))
    return out


def _figure(text: str) -> float | None:
    found = numbers.find_quantities(text)
    return found[0].value if found else None


def _owner(r: Reading, at: int, people: People) -> str | None:
    before = r.text[max(0, at - 40):at]
    m = re.search(r"(?:\b(?P<pron>his|her|their|its)|(?P<name>[A-Z][\w'’-]+)['’]s)\s+(?:\w+\s+)?$", before)
    if m and m.group("name") and people.is_person(m.group("name")):
        return m.group("name")
    if m and m.group("pron") in ("his", "her"):
        p = people.pronoun(r, at - len(before) + m.start("pron"), m.group("pron"))
        return p.surname if p else None
    p = people.subject_of(r, at)
    return p.surname if p else None


def _tally(r: Reading, t: numbers.Tally, people: People) -> Result | None:
    before = r.text[max(0, t.start - 60):t.start]
    after = r.text[t.end:t.end + 30]
    definite = bool(re.search(r"\b(?:the|its|their|[A-Z][\w'’-]+['’]s)\s+$", before))
    if t.percent:
        who = people.subject_of(r, t.start)
        return Result("percent", who.surname if who else None, t.first - t.second - 0.1, t.first - t.second + 0.1,
                      r.start + t.start, r.start + t.end, t.text, r.index, r.block, t.first + t.second, t.first,
                      t.second, definite, "result" if _WON_RE.search(r.text) else "lead")
    if _VOTE_BEFORE_RE.search(before) or _VOTE_AFTER_RE.match(after):
        points = [w.text.lower() for w in r.times if w.kind == calendar.POINT
                  and (0 <= w.start - t.end <= _VOTE_TIME_GAP or 0 <= t.start - w.end <= _VOTE_TIME_GAP)]
        return Result("vote", None, t.first, t.first, r.start + t.start, r.start + t.end, t.text, r.index, r.block,
                      t.first + t.second, t.first, t.second, definite, when=points[0] if points else "")
    if _SCORE_BEFORE_RE.search(before) or _SCORE_AFTER_RE.match(after):
        return Result("score", _winner(r, t.start), t.first, t.first, r.start + t.start,
                      r.start + t.end, t.text, r.index, r.block, t.first + t.second, t.first, t.second, definite)
    return None


def _winner(r: Reading, at: int) -> str | None:
    """Who won a game: the owner of "Marshall's 64-56 win", or the subject of "The Marshall
    Mustangs … beat the Eastfield Hawks 64-58"."""
    owner = re.search(r"([A-Z][\w'’-]+)['’]s\s+$", r.text[:at])
    if owner:
        return owner.group(1).lower()
    verb = _SCORE_VERB_RE.search(r.text, 0, at)
    if verb:
        subject = re.search(r"((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)", r.text[:verb.start()])
        if subject:
            return subject.group(1).lower().replace("the ", "")
    return None


_SCORE_VERB_RE = lazy_re.compile(r"\b(?:beat|beats|defeated|defeats|topped|edged|downed|routed|outscored|held off)\b", re.I)


def _rank(r: Reading, q: numbers.Quantity, people: People) -> Result | None:
    text = r.text
    before = text[max(0, q.start - 40):q.start]
    after = text[q.end:q.end + 50]
    place = _RANK_AFTER_RE.match(after)
    no = q.text.startswith("No.")
    superlative = _SUPERLATIVE_RANK_RE.match(after)
    placed = _PLACED_RE.search(before)
    if not (place or superlative or placed or (no and re.match(r"\s+(?:on|in)\b", after))
            or _RANK_BEFORE_RE.search(before) or q.text.lower().startswith("runner")):
        return None
    if _STREAK_RE.match(after):
        return None  # a streak, read by :func:`streaks`
    if superlative:
        context = superlative.group("sup")  # "the fourth-largest wildfire": ranked by size
    elif place and place.group("list") or _LIST_WORDS_RE.match(after[place.end():] if place else "", 1) or \
            no or "rank" in before.lower() or placed:
        context = "list"
    else:
        context = "finish"
    end = q.end + (place.end() if place else superlative.end() if superlative else 0)
    named = _PLACE_NAME_AFTER_RE.match(text, end) if place and not place.group("list") else None
    if placed:  # "the institute placed Calverra 38th"
        subject, described = placed.group(1).lower(), False
    elif named and named.group(1).split()[0].lower() not in FUNCTION_WORDS:  # "the fourth-place Mariners host…"
        subject, described = named.group(1).lower(), False
    else:
        subject, described = _rank_subject(r, q.start, people)
    category = _CATEGORY_RE.match(text, end)
    return Result("rank", subject, q.value, q.value, r.start + q.start, r.start + end, " ".join(text[q.start:end].split()),
                  r.index, r.block, context=context, described=described, past=_said_of_past(text, q.start, q.end),
                  list_name=_list_name(_LIST_PHRASE_RE.match(after).group(0)) if _LIST_PHRASE_RE.match(after) else "",
                  category=_category(category.group(1)) if category else frozenset())


def _category(phrase: str) -> frozenset[str]:
    """The content words of what a ranking measures ("per-pupil school spending")."""
    return frozenset(stem(w) for w in re.findall(r"[a-z][\w-]*", phrase.lower()) if w not in FUNCTION_WORDS
                     and w not in _TIME_WORDS and w not in ("state", "nation", "country", "world"))


def _said_of_past(text: str, start: int, end: int) -> bool:
    """Whether a rank is said of an earlier time: "Last year the district placed 19th", "up from
    ninth a year earlier" (the time beside it, not elsewhere in the sentence)."""
    return bool(_PAST_TIME_RE.search(text, max(0, start - _PAST_REACH), start)
                or _PAST_TIME_RE.match(text, end) or _PAST_TIME_RE.search(text, end, end + _PAST_REACH)
                and not numbers.find_quantities(text, end, _PAST_TIME_RE.search(text, end, end + _PAST_REACH).start()))


def _list_name(phrase: str) -> str:
    """Which ranking a rank is on: "on the Traveler Digest list" -> "traveler digest"; "on its
    separate list" -> "other"."""
    if re.search(r"\b(?:separate|other|another|different|second)\b", phrase, re.I):
        return "other"
    return " ".join(w.lower().rstrip("'’s") for w in re.findall(r"\b[A-Z][\w'’-]*", phrase))


def _rank_subject(r: Reading, at: int, people: People) -> tuple[str | None, bool]:
    """Who or what holds a rank, and whether it is only described ("the city"): a person, the
    name a "which" clause follows, an owner ("the county's ranking"), or the capitalised name
    that opens the clause ("St. Louis, Ferguson's metro city neighbor, was No. 19")."""
    clause = r.text[:at]
    antecedent = re.search(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),\s+which\s+(?:\w+\s+){1,2}$", clause)
    if antecedent:  # "Corvin, which sat 12th on that list"
        return antecedent.group(1).lower(), False
    owner = re.search(r"\b(?:[Tt]he\s+)?([A-Za-z][\w.'’-]*)['’]s\s+(?:[a-z]+\s+){0,2}$", clause)
    if owner and not people.is_person(owner.group(1)) and owner.group(1).lower() not in _TIME_WORDS:
        return owner.group(1).lower(), owner.group(1).islower()  # "the county's ranking of 38th"
    pronoun = re.search(r"\b(his|her)\s+(?:[a-z]+\s+){0,2}$", clause, re.I)
    if pronoun:  # "Anand said her third-place finish"
        p = people.pronoun(r, pronoun.start(1), pronoun.group(1))
        if p:
            return p.surname.lower(), False
    noun = _NOUN_HOLDER_RE.search(clause)
    if noun:  # "helping the city rank sixth"
        return noun.group(1), True
    opener = people.opener_subject(r) if "," not in clause else None
    p = opener or people.subject_of(r, at)  # "As the primary's third-place finisher, he…"
    if p:
        return p.surname.lower(), False
    which = re.search(r"\b(?:on\s+)?which\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+\w+\s+$", clause)
    if which:
        return which.group(1).lower(), False
    reported = people.reported_start(r, 0, at)  # "Ruiz said the third consecutive record year…": not Ruiz's
    for m in _NAME_RUN_RE.finditer(clause, reported or 0):
        words = [w for w in m.group(1).split() if w.lower() not in FUNCTION_WORDS and w.lower() not in _TIME_WORDS]
        if words:  # "For the fifth straight year, the Dunmore Harvest Fair", "The fair's headliner, the Juniper…"
            return " ".join(words).lower(), False
    return None, False


_NAME_RUN_RE = lazy_re.compile(r"\b((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)(?!['’]s)\b")


_STREAK_WORD_RE = lazy_re.compile(r"streak|straight|consecutive|\brun\b")


def streaks(readings: list[Reading], people: People) -> list[Result]:
    """"the third in a row he will have skipped", "the second straight convention Gore will miss",
    "extending its winning streak to seven games"."""
    out = []
    for r in readings:
        found = [(q.start, q.end, q.value, _STREAK_RE.match(r.text, q.end).end()) for q in r.quantities
                 if q.unit == numbers.ORDINAL and _STREAK_RE.match(r.text, q.end)]
        for m in _CARDINAL_STREAK_RE.finditer(r.text) if _STREAK_WORD_RE.search(r.text) else ():
            n = _figure(m.group("n") or m.group("n2") or m.group("n3"))
            if n:
                found.append((m.start(), m.end(), n, m.end()))
        for start, _, value, end in found:
            who = people.subject_of(r, len(r.text)) or people.subject_of(r, start)
            fronted = None if "," in r.text[:start] else re.match(r"[^,]*,\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s+){0,3}"
                                                                   r"[A-Z][\w.'’-]*)", r.text[end:])
            if who:
                subject, described = who.surname.lower(), False
            elif fronted:  # "For the fifth straight year, the Dunmore Harvest Fair…"
                subject, described = fronted.group(1).lower(), False
            else:
                subject, described = _rank_subject(r, start, people)
            out.append(Result("streak", subject, value, value, r.start + start, r.start + end,
                              " ".join(r.text[start:end].split()), r.index, r.block, described=described,
                              past=_said_of_past(r.text, start, end)))
    return out


# -- conflicts ------------------------------------------------------------------------------


def _st(x: Result | Mention) -> Statement:
    return Statement(x.start, x.end, x.text)


def conflicts(results: list[Result], mentions: list[Mention], readings: list[Reading]) -> list[Conflict]:
    out: list[Conflict] = []
    tallies = [x for x in results if x.kind in ("vote", "score")]
    for i, b in enumerate(tallies):
        for a in tallies[:i]:
            if a.kind != b.kind or a.sentence == b.sentence or (a.first, a.second) == (b.first, b.second):
                continue
            if a.kind == "vote" and a.total != b.total:
                continue  # a committee of five and a council of seven
            if a.when and b.when and a.when != b.when:
                continue  # "voted 5-4 in March", "approved it 6-3 on Tuesday": two votes
            if a.kind == "score" and (a.subject and b.subject and not (set(a.subject.split()) & set(b.subject.split()))):
                continue
            if a.kind == "score" and a.first != b.first and a.second != b.second:
                continue  # two games
            confidence = WARNING if b.definite or a.kind == "vote" and sum(x.kind == "vote" for x in tallies) == 2 \
                else INFO
            out.append(Conflict("tally", _st(b), _st(a), f"the {a.kind} is {a.text} earlier and {b.text} here",
                                confidence))
            break
    votes = [x for x in results if x.kind == "vote"]
    for m in (x for x in results if x.kind == "vote-margin"):
        if len(votes) == 1 and not m.low <= votes[0].first - votes[0].second <= m.high:  # the article's one vote
            t = votes[0]
            later, earlier = (m, t) if m.start > t.start else (t, m)
            out.append(Conflict("tally", _st(later), _st(earlier),
                                f"{t.text} is a margin of {t.first - t.second:,.0f} votes, not '{m.text}'", WARNING))
    margins = [x for x in results if x.kind == "margin"]
    scores = [x for x in results if x.kind == "score" and _WON_RE.search(readings[x.sentence].text)]  # results,
    # not "led 28-27 heading into the final bout"
    for m in margins:  # "beat Eastbrook 78-71" and "the nine-point win"
        if m.context == "result" and len(scores) == 1 and (not m.subject or not scores[0].subject
                                                           or _same_holder(m.subject, scores[0].subject)):
            t = scores[0]
            if not (m.low <= t.first - t.second <= m.high) and m.sentence != t.sentence:
                later, earlier = (m, t) if m.start > t.start else (t, m)
                out.append(Conflict("tally", _st(later), _st(earlier),
                                    f"{t.text} is a margin of {t.first - t.second:g} points, not '{m.text}'", WARNING))
    percents = [x for x in results if x.kind == "percent"]
    for m in margins:
        for t in percents:
            if not m.subject or m.subject != t.subject or m.sentence == t.sentence:
                continue
            if not m.context == t.context == "result":
                continue  # a poll's lead: which of its many subgroups' figures does it belong to?
            if t.low <= m.high and m.low <= t.high:
                continue
            later, earlier = (m, t) if m.start > t.start else (t, m)
            out.append(Conflict("tally", _st(later), _st(earlier),
                                f"{t.text} is a margin of {numbers.format_value(t.first - t.second, numbers.POINTS)}, "
                                f"not '{m.text}'", WARNING))
        if m.definite:  # "a 12-point cushion over his closest pursuer"
            out += _lead(m, mentions)
    out += _points_in_parentheses(readings)
    ranks = [x for x in results if x.kind in ("rank", "streak")]
    for i, b in enumerate(ranks):
        for a in ranks[:i]:
            if a.kind != b.kind or a.low == b.low or a.sentence == b.sentence or a.past != b.past:
                continue
            if a.list_name and b.list_name and a.list_name != b.list_name or "other" in (a.list_name, b.list_name):
                continue  # two rankings
            if a.category and b.category and not a.category & b.category:
                continue  # "19th in teacher salaries" and "42nd … in per-pupil spending": two measures
            one_story = sum(x.kind == a.kind and x.past == a.past for x in ranks) == 2 and (
                a.described or b.described  # "the city", "the team's": the article's one ranked thing
                or None in (a.subject, b.subject) and (a.kind == "streak" or a.context == b.context == "list"))
            if not (_same_holder(a.subject, b.subject) or one_story):
                continue
            named = [x.subject.title() for x in (b, a) if x.subject and not x.described]
            described = [f"The {x.subject}" for x in (b, a) if x.subject and x.described]
            who = (named or described or ["It"])[0]
            sure = _same_holder(a.subject, b.subject) and (a.context == b.context or a.kind == "streak")
            what = f"the streak is {a.low:.0f} long earlier and {b.low:.0f} here" if a.kind == "streak" else \
                f"{who} is {a.text} earlier and {b.text} here"
            out.append(Conflict("rank", _st(b), _st(a), what,
                                WARNING if sure and (a.context == "list" or a.kind == "streak") else INFO))
            break
    return out


def _same_holder(a: str | None, b: str | None) -> bool:
    """"baylor county" and "county"; "anand" and "anand"."""
    if not a or not b:
        return False
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def _lead(m: Result, mentions: list[Mention]) -> list[Conflict]:
    """A stated lead against the leader's and the runner-up's shares stated in one sentence."""
    out = []
    by_sentence: dict[int, list[Mention]] = {}
    for x in mentions:
        if x.kind == SHARE and x.entity and abs(x.sentence - m.sentence) <= 3 and x.sentence != m.sentence:
            by_sentence.setdefault(x.sentence, []).append(x)
    for k, shares in by_sentence.items():
        leader = [x for x in shares if x.entity == m.subject]
        others = [x for x in shares if x.entity != m.subject]
        if not leader or not others:
            continue
        lead = leader[-1].quantity.value - max(o.quantity.value for o in others)
        if m.low <= lead <= m.high or lead <= 0:
            continue
        second = max(others, key=lambda o: o.quantity.value)
        earlier = leader[-1] if leader[-1].start < m.start else m
        out.append(Conflict("tally", _st(m) if earlier is not m else _st(second), _st(earlier),
                            f"{leader[-1].text} against {second.text} is a lead of "
                            f"{numbers.format_value(lead, numbers.POINTS)}, not '{m.text}'", WARNING))
        break
    return out


def _points_in_parentheses(readings: list[Reading]) -> list[Conflict]:
    """"beat him by 22 points (47 to 25)": the margin and the tally in one sentence."""
    out = []
    for r in readings:
        for m in _BY_POINTS_RE.finditer(r.text):
            stated = _figure(m.group("n"))
            a, b = float(m.group("a")), float(m.group("b"))
            if stated is not None and abs(abs(a - b) - stated) > 0.5 + 1e-9:
                s = Statement(r.start + m.start(), r.start + m.end(), m.group(0))
                out.append(Conflict("tally", s, s, f"{m.group('a')} to {m.group('b')} is a margin of "
                                    f"{numbers.format_value(abs(a - b), numbers.POINTS)}, not {m.group('n')}",
                                    WARNING))
    return out


# -- totals --------------------------------------------------------------------------------


def totals(mentions: list[Mention], readings: list[Reading]) -> list[Conflict]:
    out: list[Conflict] = []
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind in (COUNT, MONEY):
            by_sentence.setdefault(m.sentence, []).append(m)
    # A list of parts in one sentence and a total of the same thing later.
    for k, items in by_sentence.items():
        for head in {m.head for m in items}:
            parts = [m for m in items if m.head == head and not m.change and not m.total]
            if len(parts) < 2 or any(p.quantity.hedge for p in parts):
                continue
            total = sum(p.quantity.value for p in parts)
            for m in mentions:
                if m.sentence <= k or m.kind != parts[0].kind or m.sentence - k > 6:
                    continue
                # the same noun, the parts' unit ("18 points … and 11 more" and "Okafor's 31-point night"),
                # or everything: "all 27 entrants" after "14 students … and 9 from Pell Creek"
                renamed = m.head != head and m.unit != head
                if renamed and not (m.kind == COUNT and _ALL_BEFORE_RE.search(readings[m.sentence].text,
                                                                                 0, m.start - readings[m.sentence].start)):
                    continue
                # "in all 78 donors", or a definite "all 45 boats" / "the 25 players" after the list of parts
                marked = m.total and _TOTAL_MARKER_RE.search(readings[m.sentence].text)
                listed = m.kind == COUNT or _LIST_VERB_RE.search(readings[k].text)  # "the bond includes $12M for…"
                whole = (m.definite and listed and not m.partitive and not m.subset
                         and m.low > max(p.quantity.value for p in parts))  # a whole is more than any part
                if not (marked or whole) or same_time(parts[0].time, m.time) is False:
                    continue
                others = [o for o in mentions if k <= o.sentence <= m.sentence and o.kind == m.kind and o is not m
                          and o not in parts and o.head == head]
                if renamed:  # any other figure beside the parts ("another 4 competing as home-schooled entrants")
                    counted_else = {x.start - readings[k].start for x in items if x.head != head}
                    others += [q for q in readings[k].quantities if q.unit == numbers.COUNT
                               and all(q.start != p.start - readings[k].start for p in parts)
                               and q.start not in counted_else]
                if m.low > total and others and not _EXHAUSTIVE_RE.search(readings[m.sentence].text):
                    break  # "raised $500,000 from X and $100,000 from Y … also raised $1 million", "another 4": more parts
                if m.low <= total <= m.high:
                    break
                listed = " + ".join(numbers.format_value(p.quantity.value, p.quantity.unit, p.quantity.currency)
                                    for p in parts)
                out.append(Conflict("total", _st(m), _st(parts[0]),
                                    f"{listed} is {numbers.format_value(total, parts[0].quantity.unit, parts[0].quantity.currency)}, "
                                    f"not {m.text}", INFO if renamed else WARNING))
                break
    out += _breakdowns(mentions, readings)
    out += _products(readings, mentions)
    out += _each_products(mentions, readings)
    out += _shortfalls(readings, mentions)
    return out


def _shortfalls(readings: list[Reading], mentions: list[Mention]) -> list[Conflict]:
    """"Clinton is 71 delegates short of the magic number of 2,383" and "Clinton has 2,290 delegates"."""
    out = []
    for m in mentions:
        if m.kind not in (COUNT, MONEY) or not (m.entity or m.subject):
            continue
        r = readings[m.sentence]
        local = m.end - r.start
        head_end = re.match(r"\s+[a-z]+", r.text[local:])
        short = _SHORT_OF_RE.match(r.text, local) or _SHORT_OF_RE.match(r.text, local + (head_end.end() if head_end
                                                                                          else 0))
        if not short:
            continue
        goal = next((q for q in r.quantities if q.start >= short.end() - 1 and q.unit == m.quantity.unit), None)
        if goal is None:
            continue
        has = goal.value - m.quantity.value
        # the article's one other count of the thing; for money, its one other amount ("collected $41,000")
        same_head = [o for o in mentions if o.sentence != m.sentence and o.kind == m.kind and not o.change
                     and not o.modal and (o.head == m.head or m.kind == MONEY)]
        for other in mentions:
            if (other.sentence != m.sentence and (other.head == m.head or m.kind == MONEY)
                    and (other.entity == m.entity and other.head == m.head
                         or m.subject and other.subject == m.subject and other.head == m.head
                         or same_head == [other])
                    and other.kind == m.kind and not other.change and not other.modal
                    and not (other.low <= has <= other.high) and abs(other.sentence - m.sentence) <= 12
                    and not _grew_between(m, other, mentions, readings)):
                later, earlier = (other, m) if other.start > m.start else (m, other)
                out.append(Conflict("total", _st(later), _st(earlier),
                                    f"{m.text} short of {goal.text} is "
                                    f"{numbers.format_value(has, m.quantity.unit, m.quantity.currency)}, not {other.text}",
                                    WARNING))
                return out
    return out


def _breakdowns(mentions: list[Mention], readings: list[Reading]) -> list[Conflict]:
    """A breakdown of a figure stated before it: "injured 23 people" … "Of those hurt, nine were
    firefighters and 16 were warehouse employees"; "a $120 million budget" … "splits the general
    fund four ways: $58 million …"; "2,600 workers" … "are made up of 1,400 nurses, …"."""
    out = []
    for r in readings:
        marker = _BREAKDOWN_RE.search(r.text)
        if not marker:
            continue
        for kind in (COUNT, MONEY):
            parts = [m for m in mentions if m.sentence == r.index and m.kind == kind and not m.change
                     and m.start - r.start > marker.start()]
            if len(parts) < 2 or any(p.quantity.hedge or p.quantity.is_range for p in parts):
                continue
            total = sum(p.quantity.value for p in parts)
            named = frozenset(stem(w) for w in re.findall(r"[a-z]+", (marker.group("what") or "").lower()))
            earlier = [m for m in mentions if m.kind == kind and r.index - _BREAKDOWN_REACH <= m.sentence < r.index
                       and not m.change and m.low > max(p.quantity.value for p in parts)]
            by_words = [m for m in earlier if named and ({m.head} | m.mods | m.tail) & named]
            whole = (by_words or earlier[-1:])
            if not whole or whole[-1].low <= total <= whole[-1].high:
                continue
            w = whole[-1]
            listed = " + ".join(numbers.format_value(p.quantity.value, p.quantity.unit, p.quantity.currency)
                                for p in parts)
            out.append(Conflict("total", _st(parts[0]), _st(w),
                                f"{listed} is {numbers.format_value(total, w.quantity.unit, w.quantity.currency)}, "
                                f"not {w.text}", WARNING if by_words or marker.group("what") is None else INFO))
    return out


def _each_products(mentions: list[Mention], readings: list[Reading]) -> list[Conflict]:
    """"seven grants of $15,000 each" and, later, "the $120,000 in grants": a count times an amount
    each against a later amount of the same things."""
    out = []
    for m in mentions:
        if m.kind != MONEY or m.unit != "each" or m.change:
            continue
        counts = [c for c in mentions if c.sentence == m.sentence and c.kind == COUNT and c.head == m.head
                  and c.quantity.value >= 2 and not c.quantity.hedge]
        if not counts:
            continue
        n = counts[0].quantity.value
        product = n * m.quantity.value
        for t in mentions:
            if (t.kind == MONEY and m.sentence < t.sentence <= m.sentence + 12 and t.unit != "each" and not t.change
                    and ((t.head == m.head or m.head in t.mods) and (t.total or t.definite)
                         or t.total and _TOTAL_MARKER_RE.search(readings[t.sentence].text)
                         or m.head in t.stems and t.head == "raised")):  # "Ticket sales brought in $8,000"
                if any(o.kind == MONEY and o is not m and o is not t and m.sentence <= o.sentence <= t.sentence
                       for o in mentions) and t.low > product:
                    break  # "It also gave a single $6,000 grand award": the total has more in it
                if not (t.low <= product <= t.high):
                    out.append(Conflict("total", _st(t), _st(counts[0]),
                                        f"{counts[0].text} × {m.text} is "
                                        f"{numbers.format_value(product, numbers.MONEY, m.quantity.currency)}, "
                                        f"not {t.text}", WARNING))
                break
    return out


def _grew_between(m: Mention, other: Mention, mentions: list[Mention], readings: list[Reading]) -> bool:
    """Whether the article tells the count changing between a shortfall and a later count: "Since
    then, volunteers have collected 300 more signatures. The petition now has 1,455"."""
    lo, hi = sorted((m.sentence, other.sentence))
    if any(o.subset in _GROWTH_WORDS and o.head == m.head and lo < o.sentence <= hi for o in mentions):
        return True
    return bool(m.time) and bool(_NOW_RE.search(readings[other.sentence].text))


_GROWTH_WORDS = frozenset("more additional new extra further".split())
_NOW_RE = lazy_re.compile(r"\b(?:now|since then|so far|to date)\b", re.I)


_PRODUCT_REACH = 25  # sentences after "nine $2,500 donations" in which "those nine checks" may come
_PRODUCT_RE = lazy_re.compile(r"\b(?P<n>\d+|[a-z]+)\s+\$(?P<each>[\d,]+(?:\.\d+)?)\s+(?P<what>[a-z]+s)\b")


def _products(readings: list[Reading], mentions: list[Mention]) -> list[Conflict]:
    """"nine $2,500 donations" and, later, "those nine checks added up to $27,500"."""
    out = []
    for r in readings:
        for m in _PRODUCT_RE.finditer(r.text):
            n = _figure(m.group("n"))
            if not n or n < 2:
                continue
            each = float(m.group("each").replace(",", ""))
            for later in readings[r.index + 1:r.index + _PRODUCT_REACH]:
                again = re.search(rf"\b(?:those|the|these|all)\s+{re.escape(m.group('n'))}\s+[a-z]+s\b", later.text,
                                  re.I)
                if not again:
                    continue
                amounts = [q for q in later.quantities if q.unit == numbers.MONEY and q.start > again.end()
                           and _ADDED_UP_RE.search(later.text[max(0, q.start - 30):q.start])]
                if amounts and not (amounts[0].low <= n * each <= amounts[0].high):
                    q = amounts[0]
                    out.append(Conflict("total", Statement(later.start + q.start, later.start + q.end, q.text),
                                        Statement(r.start + m.start(), r.start + m.end(), m.group(0)),
                                        f"{m.group('n')} × ${each:,.0f} is ${n * each:,.0f}, not {q.text}", WARNING))
                break
    return out
