"""Internal contradictions: two statements of one article that cannot both be true.

Every rule here reads the shared conflicts analysis (:mod:`contentlint.analyses.facts`)
and reports the conflicts of its kind on the later statement, with the earlier one in
``related``. A conflict the analysis is unsure of is reported at ``info``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.analyses import Context
from contentlint.analyses.facts import roles, timeline
from contentlint.analyses.facts.model import INFO, Conflict
from contentlint.analyses.facts.people import Title
from contentlint.document import Span
from contentlint.language import calendar, lazy_re, names, numbers
from contentlint.rule import Finding, Related, Rule, Severity, SiteFinding, SiteRule


class _ContradictionRule(Rule):
    category = "contradiction"
    severity = Severity.WARNING
    kinds: frozenset[str] = frozenset()

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for c in ctx.conflicts:
            if c.kind in self.kinds:
                yield finding(doc, c)


def finding(doc, c: Conflict) -> Finding:
    line = doc.line_col(c.earlier.start)[0]
    return Finding(Span(c.later.start, c.later.end),
                   f"'{c.later.text}' conflicts with '{c.earlier.text}' (line {line}): {c.message}",
                   related=(Related(f"stated here: '{c.earlier.text}'", Span(c.earlier.start, c.earlier.end)),),
                   severity=Severity.INFO if c.confidence == INFO else None)


class ConflictingTimeline(_ContradictionRule):
    """Dates and durations that the article's own date cannot reconcile.

    Compared, for one person or organisation: when a tenure began and how long it has lasted
    ("has run the marina since 2019" and "her 12 years running the marina"), to the article's
    date or to a dated departure; a founding year and an age ("started in 1994" and "its 50-year
    history", "the century-old span"); a birth year and an age, or two ages; a record and the gap
    since ("lowest since 2011" and "not seen in three decades"); a last occurrence and "N years
    ago"; a target year and the years left ("by 2029" and "eight more years"). Durations are read as people round them ("nine years" is 8.5 to 10), hedges widen
    or bound them, and years are counted from the article's date, whose origin the message
    gives (``--date``, metadata, a byline or dateline, or inferred from the text).

    ## Why it matters
    Readers do this arithmetic; an article that gets it wrong loses their trust in every other
    number it gives.

    ## Fails
    ```
    (dated 2026-04-09) Harbormaster Tove Lindahl, who has run the Pell Cove marina since 2019, …
    Looking back on her 12 years running the marina, Lindahl said …
    ```

    ## Passes
    ```
    (dated 2026-04-09) Lindahl, who has run the marina since 2019, … In her seven years running
    the marina, …
    ```
    """

    code = "CL501"
    name = "conflicting-timeline"
    kinds = frozenset({"timeline"})


class ConflictingCount(_ContradictionRule):
    """One set of things counted twice with two numbers.

    Each figure is read as a mention of what it counts (the noun after it, whatever the noun),
    whose it is, and when and where it holds. Two counts of the same thing conflict when their
    values cannot both hold and nothing tells them apart: not another year, place, subject or
    subset ("three of the schools", "the 3 schools that reopened"), not a change ("from 12 to
    19"), not a projection against a result.

    ## Why it matters
    A fleet of 140 buses that becomes "all 210 of the agency's buses" tells the reader one of
    the figures is wrong, and not which.

    ## Fails
    ```
    The district will keep all 14 of its schools closed. … The 12 schools will reopen when …
    ```

    ## Passes
    ```
    The district will keep all 14 of its schools closed. … The three schools that have new filters will reopen.
    ```
    """

    code = "CL502"
    name = "conflicting-count"
    kinds = frozenset({"count"})


class ConflictingAmount(_ContradictionRule):
    """One amount of money given two values.

    An amount is a mention of what it is the amount of: the noun after it ("a $48 million
    project"), before it ("a fundraising haul of $300 million"), the verb that takes it
    ("raised $2.3 million") or the subject it is stated of ("the city's share would be $80
    million"), with its owner, time and unit ("per hour").

    ## Why it matters
    Money figures are the ones readers act on: the rebate they apply for, the rate they pay.

    ## Fails
    ```
    Hourly rates will be adjusted to $2.50 per hour. … the revised rate of $3.25 per hour …
    ```

    ## Passes
    ```
    The rate will rise from $2.50 to $3.25 per hour.
    ```
    """

    code = "CL503"
    name = "conflicting-amount"
    kinds = frozenset({"amount"})


class ConflictingPercentage(_ContradictionRule):
    """One share or change given two values.

    Shares of one group ("58 percent of Florida Latino voters" and "nearly half said…") and
    changes of one quantity ("prices rose 4.2 percent" and "a 3.8 percent annual increase in
    prices"). Fractions and hedges are read as intervals: "nearly half" is 45-50 percent, "one
    in four" 22-28, "about a fifth" 14-26; "nine in 10" agrees with 88 percent.

    ## Why it matters
    Two values for one statistic mean at least one was copied wrong.

    ## Fails
    ```
    Food-at-home prices rose 4.2 percent over 12 months. … That 3.8 percent annual increase in
    food-at-home prices …
    ```

    ## Passes
    ```
    Food-at-home prices rose 4.2 percent over 12 months, and beef prices rose 9 percent.
    ```
    """

    code = "CL504"
    name = "conflicting-percentage"
    kinds = frozenset({"percentage"})


class ConflictingName(_ContradictionRule):
    """One person given two given names, titles, roles or parties.

    Keyed by surname: "Superintendent Dana Okafor" and "Deputy Superintendent Dana Okafor";
    "the city's transportation director" and "Planning director Rosa Delgado"; "Gov. Jack
    Markell" and "Sen. Jack Markell"; "a Democrat from Rhode Island" and "the Rhode Island
    Republican"; "Judge Gonzalo Curiel" and "Judge Gustavo Curiel". Two people holding one post
    ("Cornyn, who chairs the Judiciary Committee" and "Grassley, chairman of the Judiciary
    Committee") too. And a surname that speaks once and is never introduced ("Raman said", in a
    story that introduces and quotes Priya Natarajan), when a pronoun ties it to the article's
    main speaker. Left alone: "former" and "then-" titles, relatives who share a surname, first
    names used for someone introduced in full, plurals and groups ("Officials said").

    ## Why it matters
    Getting a name or title wrong is the correction newspapers print most often.

    ## Fails
    ```
    Superintendent Dana Okafor said … Deputy Superintendent Dana Okafor said …
    ```

    ## Passes
    ```
    Superintendent Dana Okafor said … Okafor added …
    ```
    """

    code = "CL505"
    name = "conflicting-name"
    kinds = frozenset({"name"})


class ConflictingTotal(_ContradictionRule):
    """A total that its own parts do not add up to.

    Listed parts against their total ("41 donors from Eastfield and 27 from Marlow" and "the 78
    donors in all"; "$4 million …, $2.5 million … and $1.5 million" and "the entire $9 million
    plan"); a breakdown of a figure stated before it ("injured 23 people" and "Of those hurt,
    nine were firefighters and 16 were employees"); a count of equal amounts ("12 scholarships of
    $2,500 each") against what they come to; a shortfall ("45 signatures short of the 1,200
    needed") against the count it implies.

    ## Why it matters
    Arithmetic errors are the easiest for a reader to check and the hardest to explain away.

    ## Fails
    ```
    The regatta drew 18 boats from Pell Harbor, 12 from Danforth and nine from Ocean Point.
    All 45 boats are expected to race again Sunday.
    ```

    ## Passes
    ```
    The regatta drew 18 boats from Pell Harbor, 12 from Danforth and nine from Ocean Point.
    All 39 boats are expected to race again Sunday.
    ```
    """

    code = "CL506"
    name = "conflicting-total"
    kinds = frozenset({"total"})


class ConflictingRank(_ContradictionRule):
    """One subject given two ranks, places or streak lengths.

    "No. 19 on this list" and "ranked 11th"; "a sixth-place finish" and "a fifth-place finish
    there"; "the third in a row" and "the second straight". Keyed by the subject of the clause
    (a person, or a name such as a city or team) and by what is ranked (a list, a finish).

    ## Why it matters
    A rank is a single fact; two of them for one subject mean one is wrong.

    ## Fails
    ```
    St. Louis was No. 19 on this list. … the list, on which St. Louis ranked 11th …
    ```

    ## Passes
    ```
    St. Louis was No. 19 on this list, and Baltimore ranked 11th.
    ```
    """

    code = "CL507"
    name = "conflicting-rank"
    kinds = frozenset({"rank"})


class ConflictingTally(_ContradictionRule):
    """A vote, score or result stated twice with different figures, or a margin its tally denies.

    Votes are compared when they count the same number of voters ("voted 5-2" and "the 4-3
    vote"), scores when they are the same game ("beat the Hawks 64-58" and "Marshall's 64-56
    win"); a margin against its tally ("won, 27.6 percent to 24.3 percent" and "his six-point
    victory"), or against two shares stated together ("39 percent … while Cruz earned 30
    percent" and "a 12-point cushion over his closest pursuer").

    ## Why it matters
    Results are what readers remember of a story; a wrong margin or score is a correction.

    ## Fails
    ```
    The board voted 5-2 early Wednesday to approve the farm. … The 4-3 vote came after a long hearing.
    ```

    ## Passes
    ```
    The committee voted 4-1 to send the plan on. … The full council approved it in a 7-2 vote.
    ```
    """

    code = "CL509"
    name = "conflicting-tally"
    kinds = frozenset({"tally"})


class ConflictingDate(_ContradictionRule):
    """One event given two dates, or a date given the wrong weekday.

    An event is a verb that happens once to its subject ("closed", "resigned", "first
    announced") or its noun ("the mill's closure", "her Oct. 20 swearing-in", "the June 10
    vote"), with the date its clause gives: "The mill closed on Jan. 9" and "since the mill's
    closure on Feb. 2". A day without its year is compared by month and day with one that
    gives it ("the Sept. 11 attacks" and "the 2001 attacks" agree). A date written with its weekday is checked
    against the calendar of the article's year ("Thursday, Oct. 4" when Oct. 4 is a Tuesday),
    and so is "the Oct. 4 hearing" against "Thursday's hearing".

    ## Why it matters
    Readers plan by dates: a wrong deadline or a wrong day of the week sends them to the wrong
    meeting.

    ## Fails
    ```
    The Grange Hall closed on June 3, 2019. … Since its June 30, 2019 closing, the hall has
    been used for storage.
    ```

    ## Passes
    ```
    The Grange Hall closed on June 3, 2019. … Since its June 3, 2019 closing, the hall has
    been used for storage.
    ```
    """

    code = "CL508"
    name = "conflicting-date"
    kinds = frozenset({"date"})


# -- across articles ----------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """A fact about a named subject, with the file and position it was stated at."""

    kind: str  # "start", "birth", "founded" (a year) or "title"
    subject: str  # the full name
    low: float
    high: float
    title: Title | None
    text: str
    path: str
    line: int
    column: int
    when: tuple[float, float] | None  # the article's date, in years


_CROSS_KINDS = (timeline.START, timeline.BIRTH, timeline.FOUNDED)
# A start that is a start of a post: "became director", "has led the museum since", "took over".
_POST_RE = lazy_re.compile(r"\b(?:led|run|ran|headed|directed|chaired|coached|managed|owned|served|was named|was appointed|"
                           r"was hired|was elected|took over|took the helm|became\s+(?:the\s+)?(?:\w+\s+)?(?:"
                           + names.ROLE_PATTERN + r"))\b", re.I)
_TITLE_YEARS = 1.0  # titles of one person in articles further apart than this may both have been true


class CrossArticleConflict(SiteRule):
    """Two articles checked together state a fact about one named subject differently.

    Compared across the files of a run (off by default; ``--cross-doc`` or select it): when a
    named person's tenure began ("became director in 2019" here, "since late 2020" there), a
    person's birth year, an organisation's founding year, and a person's title in articles
    written within a year of each other.

    ## Why it matters
    A site that says two things about one person or organisation confuses readers and search
    engines alike; one of the articles needs a correction.

    ## Fails
    ```
    a.txt: Harbormaster Tove Lindahl, who took over the marina in 2019, …
    b.txt: Harbormaster Tove Lindahl, who has run the marina since late 2020, …
    ```

    ## Passes
    ```
    a.txt: … who became director in 2019, …      b.txt: … who has led the museum since 2019, …
    ```
    """

    code = "CL511"
    name = "cross-article-conflict"
    category = "contradiction"
    severity = Severity.WARNING
    enabled_by_default = False

    def encode(self, gathered: list[Placed]) -> list[dict]:
        return [{**dataclasses.asdict(p), "title": p.title and {**dataclasses.asdict(p.title),
                                                                "ranks": sorted(p.title.ranks)}}
                for p in gathered]

    def decode(self, data: list[dict]) -> list[Placed]:
        return [Placed(**{**d, "when": tuple(d["when"]) if d["when"] else None,
                          "title": Title(**{**d["title"], "ranks": frozenset(d["title"]["ranks"])}) if d["title"] else None})
                for d in data]

    def gather(self, ctx: Context) -> list[Placed]:
        doc, facts = ctx.doc, ctx.facts
        people = facts.people
        when = ctx.date.years if ctx.date is not None else None
        out = []
        starts = [f.subject for f in facts.times if f.kind == timeline.START]
        for f in facts.times:
            if f.kind not in _CROSS_KINDS or not f.subject:
                continue
            if f.kind == timeline.START and (starts.count(f.subject) > 1 or not _POST_RE.search(f.text)):
                continue  # several posts, or not a post at all ("had been paying since"): which began when?
            person = people.by_surname.get(f.subject)
            name = person.name if person and person.given else (f.subject.title() if " " in f.subject else None)
            if name:
                line, col = doc.line_col(f.start)
                out.append(Placed(f.kind, name, f.low, f.high, None, f.text, doc.path, line, col, when))
        for p in people.by_surname.values():
            for t in p.titles:
                if t.given and t.prefix and not t.former and people.is_person(p.surname):
                    line, col = doc.line_col(t.offset)
                    out.append(Placed("title", f"{t.given} {p.surname}", 0, 0, t, t.text, doc.path, line, col, when))
        return out

    def check_site(self, gathered: list[list[Placed]]) -> Iterator[SiteFinding]:
        first: dict[tuple[str, str], Placed] = {}
        for placed in gathered:
            reported = set()
            for p in placed:
                key = (p.kind, p.subject)
                other = first.get(key)
                if other is None:
                    continue
                if other.path != p.path and key not in reported:
                    why = self._differ(other, p)
                    if why:
                        reported.add(key)
                        yield SiteFinding(p.path, p.line, p.column, f"'{p.text}' conflicts with '{other.text}' in "
                                          f"{other.path} (line {other.line}): {why}",
                                          (Related(f"stated differently here: '{other.text}'", path=other.path,
                                                   line=other.line, column=other.column),))
            for p in placed:
                first.setdefault((p.kind, p.subject), p)

    @staticmethod
    def _differ(a: Placed, b: Placed) -> str | None:
        if a.kind == "title":
            if a.when and b.when and abs(a.when[0] - b.when[0]) > _TITLE_YEARS:
                return None
            why = roles.titles_differ(a.title, b.title)
            return f"{a.subject} is given two titles ({why})" if why else None
        if a.high < b.low - 1e-6 or b.high < a.low - 1e-6:
            what = {timeline.START: "it began", timeline.BIRTH: "born", timeline.FOUNDED: "founded"}[a.kind]
            return (f"{what} in {calendar.describe_point(a.low, a.high)} there, "
                    f"{calendar.describe_point(b.low, b.high)} here")
        return None


# -- a title's count against the article's list ------------------------------------------

_TITLE_COUNT_RE = lazy_re.compile(r"^\s*(?:the\s+|top\s+|our\s+)?(?P<n>\S+(?:[-\s]\S+)?)\s+(?:[\w'’-]+\s+){0,3}?"
                                  r"(?P<noun>[a-z]+s)\b", re.I)
_NUMBERED_RE = lazy_re.compile(r"[ \t]*(?:#+[ \t]*|<[^>]+>[ \t]*)?(?P<n>\d{1,2})[.):][ \t]+\S")


class ListCountMismatch(Rule):
    """A count that announces a list disagrees with the list: the title promises "7 Ways to …"
    and the article numbers six, or "Here are the three steps:" is followed by four items, or
    "named five finalists: Ames, Boone, Cedar and Dixon."

    The title's items are the article's numbered entries (headings, list items or paragraphs
    that open with "1.", "2)"… in sequence); an article that does not number them is left alone,
    since which headings are the items cannot be told. A sentence's list is the list items
    after it, or the series after its colon (:mod:`contentlint.analyses.lists`); a list said to
    be partial ("among them", "including") is not counted.

    ## Why it matters
    A list whose count is wrong was cut or padded after its announcement was written; readers
    counting along notice.

    ## Fails
    ```
    # 7 Ways to Cut Your Energy Bill      (and the article numbers its tips 1. to 6.)
    The board named three finalists: Avery Cole, Dana Ruiz, Sam Ortiz and Lee Park.
    ```

    ## Passes
    ```
    # 7 Ways to Cut Your Energy Bill      (tips numbered 1. to 7.)
    The board named four finalists, among them Avery Cole and Dana Ruiz.
    ```
    """

    code = "CL510"
    name = "list-count-mismatch"
    category = "contradiction"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from self._title_promise(ctx)
        for announced in ctx.lists:
            if announced.items != announced.promised:  # a series set apart by commas is counted less surely
                yield Finding(announced.span, f"{announced.promised} {announced.noun} are announced, but "
                                              f"{announced.items} follow",
                              severity=None if announced.sure else Severity.INFO)

    @staticmethod
    def _title_promise(ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        title = doc.title_text or ""
        m = _TITLE_COUNT_RE.match(title)
        promised = numbers.parse_figure(m.group("n")) if m else None
        if not promised or promised < 2 or promised != int(promised):
            return
        numbered = [int(n.group("n")) for b in ctx.article_blocks
                    if (n := _NUMBERED_RE.match(doc.source, doc.source.rfind("\n", 0, b.start) + 1, b.end))]
        if len(numbered) < 3 or numbered != list(range(1, len(numbered) + 1)) or len(numbered) == promised:
            return
        span = doc.title.span if doc.title is not None else (doc.meta_spans.get("title") or Span(0, 0))
        yield Finding(span, f"the title promises {int(promised)} {m.group('noun').lower()}; the article numbers "
                            f"{len(numbered)}")
