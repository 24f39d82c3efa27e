"""Internal contradictions: one fact stated with two values that cannot both be true."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.document import Document
from contentlint.facts import Fact
from contentlint.rule import Finding, Related, Rule, Severity

_RANKS = frozenset("deputy assistant associate acting interim vice".split())
_SYNONYMS = {"ceo": "chief executive", "chief executive officer": "chief executive", "chairman": "chair",
             "chairwoman": "chair", "chairperson": "chair", "council member": "councilmember",
             "councilman": "councilmember", "councilwoman": "councilmember"}
_FIRST_NAME_TYPO = 2  # first names this close are one person misspelled, not two people


def title_signature(title: str) -> tuple[frozenset, str]:
    """A title's rank words and role, synonyms folded: "Executive director" and "director" agree,
    "Superintendent" and "Deputy Superintendent" do not."""
    words = title.lower().split()
    ranks = frozenset(w for w in words if w in _RANKS)
    role = " ".join(w for w in words if w not in _RANKS)
    for long, short in sorted(_SYNONYMS.items(), key=lambda kv: -len(kv[0])):
        if role.endswith(long):
            role = role[: -len(long)] + short
    return ranks, role.split()[-1] if role == "chief executive" or " " not in role else role.split()[-1]


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def names_conflict(a: Fact, b: Fact) -> bool:
    if a.kind == "title":
        return title_signature(a.note) != title_signature(b.note)
    return a.note != b.note and _edit_distance(a.note.lower(), b.note.lower()) <= _FIRST_NAME_TYPO


_TOPIC_MIN_USES = 3  # a phrase the article uses this often is what it is about


def comparable(a: Fact, b: Fact, group: list[Fact], doc: Document) -> bool:
    """Facts with equal keys may still need a check of their own before they can conflict."""
    if not a.same_subject(b) or (a.sentence == b.sentence and a.kind not in ("ago", "remaining")):
        return False  # two subjects, or parallel values in one sentence ("$70 for adults, $85 for …")
    if a.kind == "gap":  # "the first summit since 2016" and "after a five-year gap": the same event?
        anchor, gap = (a, b) if a.subject else (b, a)
        return bool(anchor.subject) and anchor.subject in gap.note
    if a.key[0] in ("share", "max"):
        # Shares of one group, or maximum amounts, are one fact stated twice only when the article
        # states exactly two of them and both sentences are about its topic ("runner's knee",
        # "heat pump"); a survey report's many shares of "respondents" are different questions.
        if len(group) != 2:
            return False
        shared = set(a.note.split("|")) & set(b.note.split("|")) - {""}
        prose = doc.prose.lower()
        return any(prose.count(phrase) >= _TOPIC_MIN_USES for phrase in shared)
    return True


def values_clash(later: Fact, earlier: Fact, group: list[Fact], doc: Document) -> bool:
    """Two statements of one fact whose values cannot both hold."""
    return not later.agrees(earlier) and comparable(later, earlier, group, doc)


def conflicts(doc: Document, kinds: frozenset[str], clash=values_clash) -> Iterator[tuple[Fact, Fact]]:
    """(later, earlier) pairs of facts with equal keys that ``clash``.

    Facts are bucketed by key, so the work is linear in the number of facts; each later
    statement is reported once, against the first earlier statement it contradicts.
    """
    by_key: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in doc.facts:
        if fact.kind in kinds:
            by_key[fact.key].append(fact)
    for group in by_key.values():
        for i, later in enumerate(group):
            for earlier in group[:i]:
                if earlier.span.start < later.span.start and clash(later, earlier, group, doc):
                    yield later, earlier
                    break


def _years(low: float, high: float) -> str:
    mid = (low + high) / 2
    return f"about {round(mid)} year{'s' if round(mid) != 1 else ''}"


class _ContradictionRule(Rule):
    kinds: frozenset[str] = frozenset()
    clash = staticmethod(values_clash)

    def check(self, doc: Document) -> Iterator[Finding]:
        for later, earlier in conflicts(doc, self.kinds, self.clash):
            line = doc.line_col(earlier.span.start)[0]
            yield Finding(later.span, f"'{later.text}' conflicts with '{earlier.text}' (line {line})"
                          + self.explain(later, earlier),
                          related=(Related(f"first stated here: '{earlier.text}'", earlier.span),))

    def explain(self, later: Fact, earlier: Fact) -> str:
        return ""


class ConflictingTimeline(_ContradictionRule):
    """Two statements about how long something has lasted that the article's date cannot reconcile.

    Compared: an organisation's founding year and its age ("founded in 2011" and
    "its 20-year history"); when a person took a post and how long they have held it
    ("has led the museum since 2017" and "five years at the helm"); the last time
    something happened and the gap since ("the first summit since 2016" and "after
    a five-year gap"); a target year and the years left ("to 2031" and "five more
    years"); "in 2022, three years ago". Stated figures are read as rounded ("five
    years" is 4.5-5.5; "about", "nearly", "more than" widen or bound them), and years
    are counted from the article's date (``--date``, metadata, byline or dateline).
    Without a date, nothing relative is compared.

    ## Why it matters
    Readers do this arithmetic; an article that gets it wrong loses their trust in
    every other number it gives.

    ## Fails
    ```
    (dated 2025-05-24) Executive director Celeste Ambrose, who has led the museum since 2017, …
    Reflecting on her five years at the helm, Ambrose said …
    ```

    ## Passes
    ```
    (dated 2025-06-18) Sorensen, who has led the district since 2019, … In her six years as
    superintendent, …
    ```
    """

    code = "CL501"
    name = "conflicting-timeline"
    category = "contradiction"
    severity = Severity.WARNING
    kinds = frozenset({"age", "tenure", "gap", "remaining", "ago"})

    def explain(self, later: Fact, earlier: Fact) -> str:
        dated = later if later.note.startswith("in an article dated") else earlier
        if not dated.note.startswith("in an article dated"):
            return ""
        return f": {dated.note} that is {_years(dated.low, dated.high)}"


class ConflictingCount(_ContradictionRule):
    """The same set of things counted twice with different numbers, or a vote given two tallies.

    Compared only when both counts refer to the whole set ("all 14 of its schools",
    "the 12 schools", "the network's 43 clinics", "links 37 clinics"): counts of part of
    a set ("the 3 schools that reopened", "three of the schools") are not. Votes are
    compared when they add up to the same number of voters ("voted 5-2", "the 4-3 vote").

    ## Why it matters
    A fleet of 140 buses that becomes "all 210 of the agency's buses" tells the
    reader one of the figures is wrong, and not which.

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
    category = "contradiction"
    severity = Severity.WARNING
    kinds = frozenset({"count", "tally"})


class ConflictingAmount(_ContradictionRule):
    """The same amount of money given two values.

    Compared: amounts with the same money noun and unit ("$2.50 per hour" for the
    parking rate twice), and maximums ("up to $2,500", "as much as $3,000") in
    sentences about the same thing. Sentences that describe a change ("from $2.50 to
    $3.25", "up from", "previously") state two moments and are not compared.

    ## Why it matters
    Money figures are the ones readers act on: the rebate they apply for, the rate
    they pay.

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
    category = "contradiction"
    severity = Severity.WARNING
    kinds = frozenset({"money"})


class ConflictingPercentage(_ContradictionRule):
    """The same percentage given two values.

    Compared: changes of the same quantity over the same period ("food-at-home prices
    rose 4.2 percent" and "a 3.8 percent annual increase in food-at-home prices"), and
    shares of the same group in sentences about the same thing ("one in four runners"
    and "nearly 40 percent of runners" with runner's knee). Round figures are read as
    rounded: "40 percent" is 37.5-42.5, "one in four" 20-30 percent.

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
    category = "contradiction"
    severity = Severity.WARNING
    kinds = frozenset({"change", "share"})


class ConflictingName(_ContradictionRule):
    """One person given two titles or two first names, or a surname that was never introduced.

    Compared: the titles used before a full name ("Superintendent Dana Okafor" and
    "Deputy Superintendent Dana Okafor"; "former" titles are left alone), and first
    names with one surname and role ("Fire Chief Dana Ortiz" and "Chief Diana
    Ortiz"). A surname quoted as a speaker that the article never introduces with a
    first name ("Raman said", in a story about Priya Natarajan) is reported against
    the person the article quotes most.

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
    category = "contradiction"
    severity = Severity.WARNING
    kinds = frozenset({"title", "first-name"})

    clash = staticmethod(lambda later, earlier, group, doc: names_conflict(later, earlier))

    def explain(self, later: Fact, earlier: Fact) -> str:
        what = "title" if later.kind == "title" else "first name"
        return f": the {what} differs ({earlier.note} / {later.note})"

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from super().check(doc)
        yield from self.unintroduced(doc)

    def unintroduced(self, doc: Document) -> Iterator[Finding]:
        from contentlint.facts import unintroduced_speakers

        for span, surname, person in unintroduced_speakers(doc):
            yield Finding(span, f"'{surname}' is quoted but never introduced; the article's speaker is "
                          f"{person.text} (line {doc.line_col(person.span.start)[0]})",
                          related=(Related(f"introduced here: '{person.text}'", person.span),))


# -- across articles ----------------------------------------------------------------

CROSS_DOC_CODES = {"age": "CL501", "tenure": "CL501", "money": "CL503", "title": "CL505", "first-name": "CL505"}


@dataclass(frozen=True)
class Placed:
    """A fact with the file and position it was stated at."""

    path: str
    fact: Fact
    line: int
    column: int
    end_line: int
    end_column: int


def placed_facts(doc: Document) -> list[Placed]:
    """The facts of ``doc`` that name their subject, so that other articles can be checked against them."""
    out = []
    for fact in doc.facts:
        if fact.kind in CROSS_DOC_CODES and fact.subject and (fact.began or fact.kind not in ("age", "tenure")):
            line, col = doc.line_col(fact.span.start)
            end_line, end_col = doc.line_col(fact.span.end)
            out.append(Placed(doc.path, fact, line, col, end_line, end_col))
    return out


def _year(interval: tuple[float, float]) -> str:
    low, high = interval
    return str(int(low)) if int(low) == int(high - 1e-9) else f"{int(low)}-{int(high - 1e-9)}"


def cross_document_conflicts(placed: list[Placed]) -> Iterator[tuple[Placed, Placed, str, str]]:
    """(later, earlier, code, message) for facts about one named subject that two articles state
    differently: bucketed by kind and subject, so linear in the number of facts."""
    buckets: dict[tuple, list[Placed]] = defaultdict(list)
    for p in placed:
        f = p.fact
        key = (f.kind, f.subject) if f.kind in ("age", "tenure") else (f.key, f.subject)
        buckets[key].append(p)
    for items in buckets.values():
        for i, later in enumerate(items):
            for earlier in items[:i]:
                if earlier.path == later.path:
                    continue
                a, b = later.fact, earlier.fact
                if a.kind in ("age", "tenure"):
                    clash = a.began[1] < b.began[0] - 1e-9 or b.began[1] < a.began[0] - 1e-9
                    why = f": it began in {_year(b.began)} there, {_year(a.began)} here" if clash else ""
                elif a.kind in ("title", "first-name"):
                    clash, why = names_conflict(a, b), ""
                else:
                    clash, why = not a.agrees(b), ""
                if clash:
                    message = (f"'{a.text}' conflicts with '{b.text}' in {earlier.path} (line {earlier.line})"
                               f"{why}")
                    yield later, earlier, CROSS_DOC_CODES[a.kind], message
                    break
