"""Figures presented as findings, and whether the article says where they come from.

A **finding** is a sentence with a share or a ratio ("55%", "3 in 5", "half of", "12 to 1") that
credits evidence for it (the ``finding-phrases`` word list): evidence as the subject of a finding
verb ("a new study found", "figures released this year show", "recent polling puts"),
"according to" unnamed evidence, or a share of people who "say" something, which is a survey's
result.

It is **sourced** when the evidence is tied to a name: a capitalised name in the phrase itself
("a Reuters rolling poll shows", "figures from the ONS show") or in the clause after "according
to a report" ("…a report Chief Moreno presented"), a source named in the sentence or the ones
next to it ("a 2023 Pew survey", "a study by economists at Duke University", "(2021)"), a link,
or the words of a speaker the article gives (a figure inside an attributed quotation). Evidence
that belongs to someone ("its data", "the club's annual report") is sourced by its owner; evidence
that refers back ("the survey", "both polls", "the numbers") is sourced only if a source was named
before, as is any finding not introduced as new ("a new study").

A **population figure** states a share of a group of people or things ("nearly half of Americans",
"60 percent of small businesses", "one in four adults") or what "the average person" does, with no
finding phrase. It needs no source when someone in the sentence is reported saying it, or a source
is named next to it; otherwise it is reported, and surely (at warning) only in an article that
sources nothing at all: in reporting that names its sources, an unattributed figure is often the
reporter's own background fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contentlint.analyses.quotations import ATTRIBUTED, UNDATED_SOURCE
from contentlint.document import Span
from contentlint.language import lazy_re, names, numbers
from contentlint.language.sentences import MAX_READ_CHARS

_SHARE_UNITS = (numbers.PERCENT, numbers.POINTS, numbers.FRACTION)
_RATIO_AFTER_RE = lazy_re.compile(r"\s*(?:-|\s)to(?:-|\s)(?:1|one)\b", re.I)  # "12 to 1", "a 3-to-1 margin"
# Capitalised words that name no one: "New studies show", "The survey", "One report".
_PLAIN_WORDS = ("The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "Our", "One", "Another", "Some",
                "Many", "Most", "Several", "Multiple", "Numerous", "New", "Recent", "Latest", "Early", "Preliminary",
                "Independent", "Official", "Government", "Industry", "Internal", "Published", "Available", "Current")
# A source named in the sentence or the ones next to it.
_NAMED_SOURCE_RE = lazy_re.compile(
    r"\baccording to (?:the |a |an |new |recent )?(?:\d{4} )?[A-Z]"
    r"|\b(?:study|survey|poll|report|analysis|review|paper|trial|census|data|figures),? (?:by|from|of|at|for|"
    r"published (?:in|by)|conducted by|commissioned by|released by) (?:the |a )?(?:[a-z]+ ){0,2}[A-Z\d]"
    r"|\b(?:released|published|compiled|collected|gathered|provided|issued) (?:\w+ ){0,3}by\b"
    rf"|\b(?!(?:{'|'.join(_PLAIN_WORDS)})\b)[A-Z][\w&.-]+(?:'s|’s)? (?:\d{{4}} )?(?:[a-z-]+ )?"
    r"(?:study|survey|poll|report|analysis|research|data|census|index)\b"
    r"|\bpublished in\b|\(\d{4}\)|\bet al\b"
    r"|\b(?:surveyed|polled)\b")  # "the authority surveyed 2,000 commuters": whoever did it is the source
# The evidence belongs to someone: "its data", "the club's annual report", "Gallup's poll", "recent
# Post-ABC polls" (a capitalised name right before, not the sentence's first word).
_OWNED_RE = lazy_re.compile(r"(?:\b(?i:its|their|our|his|her|my|your)|\b[A-Za-z]\w*(?:'s|’s))\s+(?:[a-z\d-]+(?:'s|’s)?\s+){0,3}$"
                            r"|\S\s+[A-Z][\w&.-]*\s+$")
# Evidence introduced as new or as one of many: "a new study", "one report", "according to a survey".
_INDEFINITE_RE = lazy_re.compile(r"\b(?:a|an|one|another)\s+(?:[a-z-]+\s+){0,2}$", re.I)
_INDEFINITE_INSIDE_RE = lazy_re.compile(r"^according to (?:a|an|one|another)\b", re.I)
_OPENING_NAME_RE = lazy_re.compile(r"\W*([A-Z][\w&.-]*)\s+")
_CLAUSE_AFTER_WORDS = 8  # how far after "according to a report" its source may be named
# What every figure is written with: a digit, or a word for a share ("half", "a sixth", "one in twelve"),
# from the number layer's own words
_FRACTION_WORDS = "|".join(numbers.FRACTIONS)
_COUNT_WORDS = "|".join(sorted((*numbers.UNITS, *numbers.TENS), key=len, reverse=True))
# (each word from a word start: the alternatives are tried only there, which keeps this pre-filter cheap)
_FIGURE_HINT_RE = lazy_re.compile(rf"\d|\b(?:percent|{_FRACTION_WORDS}|in (?:{_COUNT_WORDS})\b)", re.I)
_SHARE_WORD_RE = lazy_re.compile(rf"%|\b(?:percent|{_FRACTION_WORDS}|average|typical)|\b\w+ in (?:\d|{_COUNT_WORDS})\b", re.I)
_NOT_PLURAL = ("ss", "us", "is", "'s", "’s")  # "access", "census", "analysis", "the city's"


# A share of a plural group right after the figure: "of Americans", "of small businesses", "renters"
# (people or things: a population either way)
_GROUP_OF_RE = lazy_re.compile(r"\s+of\s+(?:all\s+|the\s+)?(?:[A-Za-z-]+\s+){0,2}?([A-Za-z-]{3,}s)\b")
_GROUP_RIGHT_AFTER_RE = lazy_re.compile(r"\s+(?:[a-z-]+\s+)?([A-Za-z-]{3,}s)\b")  # "one in four (young) adults"
_AVERAGE_PERSON_RE = lazy_re.compile(r"\b(?:the|an?) (?:average|typical) ([a-z]+)\b", re.I)
# Someone reported as saying it, in the sentence: "…, officials said", "according to", "she estimated"
_REPORTED_RE = lazy_re.compile(r"\b(?:said|says|say|told|tells|according to|estimated|estimates|reported|reports|wrote)\b", re.I)


@dataclass(frozen=True)
class Statistic:
    span: Span  # the finding phrase, or the figure and its group
    phrase: str
    sure: bool = True  # False: a population figure in an article that names sources elsewhere


def unsourced_statistics(ctx) -> list[Statistic]:
    """Every finding in the article (a ``Context``) whose source is not named."""
    finding = ctx.lexicon.pattern("finding-phrases")
    if finding is None:
        return []
    doc, sentences = ctx.doc, ctx.sentences
    prose = doc.prose
    # The candidates first (a finding phrase over a share), so that an article without one costs
    # no more than the phrase search: sources and speakers are looked up only for candidates.
    candidates, figures = [], []
    for k, s in enumerate(sentences):
        if s.end - s.start > MAX_READ_CHARS:
            continue  # a run-on is not read for figures
        text = prose[s.start:s.end]
        if not _FIGURE_HINT_RE.search(text):
            continue  # no digit and no share word: no figure, and nothing to find
        m = finding.search(text)
        if m and _has_share(text) and not _OWNED_RE.search(text[:m.start()]):
            candidates.append((k, s, text, m))
        elif not m:
            group = _population_figure(text)
            if group and not _REPORTED_RE.search(text):
                figures.append((k, s, group))
    if not candidates and not figures:
        return []
    spoken = [(a.quote.start, a.quote.end) for a in ctx.quotations if a.status in (ATTRIBUTED, UNDATED_SOURCE)]
    link_starts = sorted(lk.span.start for lk in doc.links)

    def names_a_source(s) -> bool:
        return bool(_NAMED_SOURCE_RE.search(prose, s.start, s.end)) or any(s.start <= at < s.end for at in link_starts)

    out = []
    named_before, scanned = False, 0  # whether a sentence before ``scanned`` names a source
    for k, s, text, m in candidates:
        while scanned < k and not named_before:
            named_before = names_a_source(sentences[scanned])
            scanned += 1
        if any(a <= s.start + m.start() < b for a, b in spoken):
            continue
        around = " ".join(prose[x.start:x.end] for x in sentences[max(0, k - 1):k + 2])
        introduced_as_new = _INDEFINITE_RE.search(text[:m.start()]) or _INDEFINITE_INSIDE_RE.match(m.group(0))
        if not (names_a_source(s) or _NAMED_SOURCE_RE.search(around) or _names_its_source(text, m)
                or (named_before and not introduced_as_new)):
            out.append(Statistic(Span(s.start + m.start(), s.start + m.end()), m.group(0)))
    if figures:
        sources_nothing = not (link_starts or spoken or _NAMED_SOURCE_RE.search(prose)
                               or _REPORTED_RE.search(prose))
        for k, s, (a, b) in figures:
            around = " ".join(prose[x.start:x.end] for x in sentences[max(0, k - 1):k + 2])
            if not _NAMED_SOURCE_RE.search(around):
                out.append(Statistic(Span(s.start + a, s.start + b), prose[s.start + a:s.start + b], sources_nothing))
        out.sort(key=lambda st: st.span.start)
    return out


def _population_figure(text: str) -> tuple[int, int] | None:
    """Where ``text`` states a share of a plural group ("60 percent of small businesses") or what
    the average person does, as offsets of the figure and its group."""
    if not _SHARE_WORD_RE.search(text):
        return None  # no share and no average: no population figure
    quantities = None
    if "average" in text or "typical" in text:
        m = _AVERAGE_PERSON_RE.search(text)
        if m and names.is_person_noun(m.group(1).lower()):
            quantities = numbers.find_quantities(text)
            if any(q.start > m.end() for q in quantities):
                return m.start(), m.end()
    for q in quantities if quantities is not None else numbers.find_quantities(text):
        if q.unit in (numbers.PERCENT, numbers.FRACTION):
            g = _GROUP_OF_RE.match(text, q.end) or (
                _GROUP_RIGHT_AFTER_RE.match(text, q.end) if " in " in text[q.start:q.end] else None)
            if g and not g.group(1).lower().endswith(_NOT_PLURAL):
                return q.start, g.end()
    return None


def _has_share(text: str) -> bool:
    return any(q.unit in _SHARE_UNITS or (q.unit == numbers.COUNT and _RATIO_AFTER_RE.match(text, q.end))
               for q in numbers.find_quantities(text))


def _names_its_source(text: str, m: re.Match) -> bool:
    """A capitalised name inside the finding phrase, or after "according to a report" in its clause."""
    opener = _OPENING_NAME_RE.fullmatch(text, 0, m.start())
    if opener and opener.group(1) not in _PLAIN_WORDS and opener.group(1) not in names.NOT_GIVEN_NAMES:
        return True  # "Reuters polling shows"
    inside = m.group(0).split()[1:]
    if m.group(0).lower().startswith("according to"):
        clause = re.split(r"[,;.:]", text[m.end():], maxsplit=1)[0].split()[:_CLAUSE_AFTER_WORDS]
        inside += clause
    return any(w[:1].isupper() for w in inside)
