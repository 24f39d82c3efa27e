"""Conflicts: pairs of statements in one article that cannot both be true.

Facts are bucketed by key (kind and head, or kind and person), so the work is linear in
the number of facts; within a bucket, two statements conflict when their values cannot
both hold (their intervals are disjoint) and everything that tells what they are about
agrees. Hard differences (another time, place, subject or subset) keep two statements
apart; agreement (the same subject, time and place, a definite "the 12 schools" that
refers back, shared words around them, a bucket with few members) builds confidence. A
conflict is reported at ``warning`` when the evidence is strong, at ``info`` when it is
only plausible, and not at all below that.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict

from contentlint.analyses.facts import events, results, roles, timeline
from contentlint.analyses.facts.model import INFO, WARNING, Conflict, Statement
from contentlint.analyses.facts.quantities import CANDIDATE, CHANGE, COUNT, MONEY, SHARE, Mention, same_time
from contentlint.language import hedges, lazy_re, numbers
from contentlint.language.words import stem


# Confidence scores: each agreeing signal adds about one point (see _quantity_score).
WARN_AT = 3.0
INFO_AT = 1.5
_CROWDED = 3  # a head stated with more values than this is too generic to identify one thing
# A head given this many values: the crowd penalty (half a point a value past _CROWDED) outweighs every
# agreement _quantity_score can add (9.5 points), so no pair can reach INFO_AT.
_HOPELESS_CROWD = 24
_REPRESENTATIVES = 3  # mentions of one value kept to compare later ones with (the first, which later ones restate)
_NON_DIGIT_RE = lazy_re.compile(r"\D")
_SMALL_COUNT = 2  # counts below this ("one", "two") are too common to compare
_WORDED_SMALL = 6  # a count written in words below this ("two", "four") is weaker evidence
_DEBUG = bool(os.environ.get("CONTENTLINT_DEBUG_FACTS"))  # print every pair's score (for tuning)
# Nouns that name a figure by its kind, not its subject: "the 19 percent jump", "that 87 percent rate",
# "the €35,800 total" (read as an amount).
_GENERAL_HEADS = frozenset(stem(w) for w in "rate figure level share percentage number coverage reading amount".split())
_RENAMED_SENTENCES = 3  # how far back "the 2,100 birds" looks for the count it may restate
_RENAMED_RATIO = 2.5  # a restated count misstated is off by a slip ("1,200" and "2,100"), not an order of magnitude
_RENAMED_MIN = 10  # smaller counts ("the two employees") are too common to be one thing renamed
_ANAPHORA_SENTENCES = 4  # how far back "the 19 percent jump" looks for what it restates
_PARALLEL = 0.6  # share of words two sentences have in common to be one template
_SAME_PREDICATE = 0.5
  # share of the words two statements say of their subject, to be about the same thing


def _recent(mentions: list[Mention], i: int, sentences: int) -> list[Mention]:
    """The mentions before ``mentions[i]`` in its own and the ``sentences`` sentences before it,
    found by walking back (mentions are in reading order), not by scanning all of them."""
    out, j, since = [], i - 1, mentions[i].sentence - sentences
    while j >= 0 and mentions[j].sentence >= since:
        out.append(mentions[j])
        j -= 1
    return out[::-1]


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] - 1e-9 or b[1] < a[0] - 1e-9


def same_entity(a: str, b: str) -> bool:
    """"network" and "northern plains rural health network"; "Okafor" and "Okafor"."""
    if a == b:
        return True
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _parallel(a: Mention, b: Mention) -> bool:
    """Two sentences cut from one template with a word swapped: the figures of two items set
    side by side, not one figure restated (a restatement rewords, or repeats with only the
    figure changed)."""
    wa = {w for w in a.stems if not w[0].isdigit()}
    wb = {w for w in b.stems if not w[0].isdigit()}
    return bool(wa - wb) and bool(wb - wa) and _jaccard(frozenset(wa), frozenset(wb)) >= _PARALLEL


def _owned_by_setting(a: Mention, b: Mention) -> bool:
    """Whether one owner is a thing the other statement is set in: "the Friends raised $120,000 at
    its spring gala" and "the gala's haul of more than $200,000"."""
    return any(" " not in x.entity and x.entity.islower() and stem(x.entity) in y.stems for x, y in ((a, b), (b, a)))


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _overlap(a: frozenset, b: frozenset) -> float:
    """The share of the smaller set found in the other."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _quantity_score(a: Mention, b: Mention, crowd: int) -> float | None:
    """How sure we are that two mentions state one quantity; None when they cannot.

    ``crowd`` is how many different values the article gives the same head: two values of
    one specific noun ("felons", "views") are likely one quantity misstated; a head the article
    counts many times over ("votes" in an election story) says little by itself."""
    at_once = same_time(a.time, b.time)
    if at_once is False or same_time(a.time or a.context_time, b.time or b.context_time) is False:
        return None
    if a.claimed or b.claimed:
        return None  # "Pruett claimed the county had only 20": a disputed claim, reported as one
    if a.listing and b.listing:
        return None  # "Here are three reasons…:" and "Here are four reasons…:" introduce two lists
    if a.subset != b.subset:
        return None  # "64 food vendors" and "the 16 new vendors": a set and a part of it
    if (a.local or b.local) and a.block != b.block:
        return None  # "Those three brackets…" in two paragraphs: each about what its paragraph just named
    if _parallel(a, b):
        return None  # "605 reports … semaglutide" and "545 reports … tirzepatide": one template, two items
    if a.lead_in and a.lead_in == b.lead_in and len(a.lead_in.split()) >= 3:
        return None  # "Five servings cost around $5." … "$14.": one template, a list of different items
    tails = _overlap(a.tail, b.tail) if a.tail and b.tail else None
    if a.kind == SHARE and a.degree != b.degree:
        return None  # "less likely" and "much less likely": two answers, not one
    if a.kind == SHARE and a.group and b.group and (tails is None or tails < _SAME_PREDICATE):
        if not (a.tail or b.tail) and a.mods == b.mods and a.mods:
            tails = 0.0
        else:
            return None  # shares of one group that say different things of it
    if a.kind == SHARE and not a.group and not (a.entity and a.entity == b.entity or a.place and a.place == b.place
                                                or at_once or b.definite and not a.place):
        return None  # "a turnout of 53 percent" and "a turnout of 63.1 percent": of what, when, where? ("the 37
        # percent turnout" refers back to the one named before)
    if a.kind == CHANGE and (a.head != b.head or a.direction != b.direction or a.head is None):
        if a.direction != b.direction or (a.head and b.head and a.head != b.head):
            return None
        if not (a.place and a.place == b.place or a.modal and b.modal or b.definite):
            return None  # a change of something unnamed: only of the same place or plan, or "that 4.9 percent increase"
        score_penalty = 1.0  # a change whose subject is a pronoun ("It declined, dropping 50 percent")
        if a.modal and b.modal:
            score_penalty -= 2.0  # "asked residents to cut use by 20 percent" and "the goal of a 15 percent cut"
    else:
        score_penalty = 0.0
    if a.place and b.place and a.place != b.place:
        return None
    if bool(a.place) != bool(b.place) and (a.entity or b.entity) and a.kind == SHARE and not (a.group or b.group):
        return None  # "Calverra's unemployment rate" and "Nationally, the rate was 4.0 percent": two scopes
    if a.entity and b.entity and not same_entity(a.entity, b.entity) and not _owned_by_setting(a, b):
        return None

    score = -score_penalty
    if a.entity and b.entity:
        score += 2 if same_entity(a.entity, b.entity) else 1
    elif a.subject and a.subject == b.subject:
        score += 1  # "the host committee … collected" and "the Cleveland committee … in hand"
    elif a.kind == MONEY and bool(a.entity) != bool(b.entity):
        score -= 1  # whose money? one statement names its owner, the other does not
    elif a.kind == MONEY and a.subject and b.subject:
        score -= 1  # "the group is $9 million short" and "the committee is $7.5 million short"
    elif a.kind == COUNT and a.subject and b.subject:
        score -= 0.5  # "Ashford has 22 courts" and "Milbrook, with nine courts": perhaps two places
    if at_once:
        score += 1
    if a.place and b.place:
        score += 1
    if b.definite:
        score += 1.5  # "the 12 schools", "all 48 feature films": refers back to a set already named
    if a.mods and a.mods == b.mods:
        score += 1
    elif a.mods & b.mods:
        score += 0.5
    elif a.mods and b.mods:
        score -= 1.5  # "Democratic voters" and "independent voters": maybe two groups
    score += min(2.0, 8 * _jaccard(a.stems, b.stems))
    score -= max(0, crowd - _CROWDED) * 0.5
    if crowd == 2:
        score += 1
    if a.restrictive or b.restrictive:
        score -= 1.5  # "the three schools that reopened": maybe a subset
    elif a.participle or b.participle:
        score -= 0.75  # "the four Americans killed in the attack": perhaps a subset
    if a.modal != b.modal:
        score -= 1.5  # a projection and a result
    if a.block == b.block:
        score -= 1.5  # figures side by side in one paragraph are usually set against each other, not restated
    elif abs(a.block - b.block) == 1 and a.short_block and b.short_block:
        score -= 1  # or in the next line of a list or a table: its items, its rows
    if any(m.quantity.in_words and m.quantity.value < _WORDED_SMALL for m in (a, b)):
        score -= 1  # "two Americans", "four Americans": small counts in words are often loose or partial
    if a.quoted or b.quoted:
        score -= 1.5  # someone's words, which may be wrong
    if tails is not None and tails >= _SAME_PREDICATE and _overlap(*(frozenset(w for w in m.tail if w.islower())
                                                                    for m in (a, b))) >= _SAME_PREDICATE:
        score += 1  # what is said of them agrees, and not only in a name
    return score


_KIND_NAMES = {COUNT: "count", MONEY: "amount", SHARE: "percentage", CHANGE: "percentage"}


def anaphoric_conflicts(mentions: list[Mention]) -> list[Conflict]:
    """"Revenue rose 9 percent" … "the 19 percent jump"; "91 percent of seniors graduated" …
    "that 87 percent rate": a definite percentage named only by a general noun refers back to
    the one percentage of its kind stated shortly before it."""
    out = []
    for i, later in enumerate(mentions):
        if not (later.definite and later.kind in (SHARE, CHANGE, MONEY) and not later.group and not later.modal
                and (later.head is None or later.head in _GENERAL_HEADS)):
            continue
        window = [m for m in _recent(mentions, i, _ANAPHORA_SENTENCES) if m.kind == later.kind
                  and m.sentence < later.sentence and not m.partitive and not m.modal
                  and (m.kind == CHANGE or not m.change) and m.unit != CANDIDATE
                  and (later.kind != CHANGE or not later.direction or m.direction == later.direction)]
        if len(window) != 1:
            continue  # no antecedent, or several to choose from
        earlier = window[0]
        if same_time(earlier.time, later.time) is False or not _disjoint((earlier.low, earlier.high),
                                                                          (later.low, later.high)):
            continue
        out.append(Conflict(_KIND_NAMES[later.kind], _statement(later), _statement(earlier),
                            _quantity_message(later, earlier), WARNING))
    return out


def renamed_counts(mentions: list[Mention]) -> list[Conflict]:
    """"Workers culled all 1,200 hens" … "losing the 2,100 birds": a definite count of a thing not
    counted before, right after the one count that it can restate, is perhaps that count under
    another name (``info``: the names may not be of one thing)."""
    out = []
    counted: set[str | None] = set()
    by_tail: dict[str, list[Mention]] = defaultdict(list)  # earlier counts by the words said of them
    by_digits: dict[str, dict[str, list[Mention]]] = defaultdict(dict)  # and by their digits, sorted, then as written
    for i, later in enumerate(mentions):
        if later.kind != COUNT:
            continue
        digits = _NON_DIGIT_RE.sub("", later.text)
        swapped = "".join(sorted(digits))  # "1,850" and "1,580", "8,400" and "4,800": digits swapped, a common slip
        if (later.definite and later.head not in counted and not later.partitive and not later.subset
                and not later.change and not later.unit and later.quantity.value >= _RENAMED_MIN):
            window = [m for m in _recent(mentions, i, _RENAMED_SENTENCES) if m.kind == COUNT
                      and m.sentence < later.sentence and m.quantity.value >= _SMALL_COUNT and not m.change
                      and not m.unit]  # "the 200-meter freestyle" measures, not counts
            ratio = max(window[0].quantity.value, later.quantity.value) / max(1.0, min(
                window[0].quantity.value, later.quantity.value)) if window else 0.0
            # or a count anywhere before that says what the new noun names ("8,400 runners crossed the
            # finish line" … "the 4,800 finishers"), or one with the same digits in another order
            said = {id(m): m for m in by_tail.get(later.head, []) + [
                m for written, kept in by_digits.get(swapped, {}).items() for m in kept
                if written != digits and len(written) >= 3]}
            if len(window) == 1 and window[0].quantity.value >= _RENAMED_MIN and not window[0].partitive \
                    and ratio <= _RENAMED_RATIO:
                candidate = window[0]
            elif len(said) == 1:
                candidate = next(iter(said.values()))
            else:
                candidate = None
            if candidate is not None and same_time(candidate.time, later.time) is not False \
                    and _disjoint((candidate.low, candidate.high), (later.low, later.high)):
                out.append(Conflict(_KIND_NAMES[COUNT], _statement(later), _statement(candidate),
                                    _quantity_message(later, candidate), INFO))
        counted.add(later.head)
        if not later.change and not later.partitive and later.head:
            for word in later.tail:
                if len(by_tail[word]) < 2:  # two are already too many to choose from
                    by_tail[word].append(later)
            kept = by_digits[swapped].setdefault(digits, [])
            if len(kept) < 2:
                kept.append(later)
    return out


def quantity_conflicts(mentions: list[Mention]) -> list[Conflict]:
    buckets: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.partitive or (m.change and m.kind != CHANGE) or m.unit == CANDIDATE:
            continue
        if m.kind == SHARE and m.group and m.restrictive:
            continue  # "the 30 percent of voters who said…": a breakdown by answer, not a claim about a total
        if m.kind == COUNT and m.quantity.value < _SMALL_COUNT:
            continue
        unit = "" if m.unit == "each" else m.unit  # "a $4,500 bonus for each of 870 members" and "a $3,500 bonus"
        key = (m.kind, m.direction) if m.kind == CHANGE else (m.kind, m.head, unit, m.quantity.currency, m.group)
        buckets[key].append(m)
    caps = [m for m in mentions if m.kind == MONEY and hedges.kind(m.quantity.hedge) == hedges.BELOW
            and not m.change and not m.partitive]
    if len(caps) >= 2:  # "up to $2,500" and "as much as $3,000": two maximums of one offer?
        buckets[("cap", caps[0].quantity.currency)] = caps
    out = []
    for key, group in buckets.items():
        if len(group) >= 2:
            out += _bucket_conflicts(group, cap=key[0] == "cap")
    return out


def _bucket_conflicts(group: list[Mention], cap: bool) -> list[Conflict]:
    """Conflicts among the mentions of one bucket. Each is compared with the first few mentions
    of each other value said before it, not with every one: the cost stays linear in the size
    of the bucket ("the 12 schools" said a thousand times is one value, compared a few times)."""
    out = []
    reported: set[tuple] = set()
    crowds = _Crowds(group)
    earlier_by_value: dict[tuple[float, float], list[Mention]] = {}
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in group:
        by_sentence[m.sentence].append(m)
    for later in group:
        value = (later.quantity.value,) * 2 if cap else (later.low, later.high)
        crowd = crowds.of(later)
        best: tuple[float, Mention] | None = None
        for earlier_value, earlier_mentions in earlier_by_value.items() if crowd < _HOPELESS_CROWD else ():
            if not _disjoint(earlier_value, value):
                continue
            for earlier in earlier_mentions:
                if earlier.sentence == later.sentence:
                    continue
                score = _cap_score(earlier, later, len(group)) if cap else _quantity_score(earlier, later, crowd)
                if _DEBUG:
                    print(f"SCORE {score} {earlier.text!r} ~ {later.text!r} crowd={crowd}", file=sys.stderr)
                if score is not None and score >= INFO_AT and (best is None or score > best[0]):
                    best = (score, earlier)
        kept = earlier_by_value.setdefault(value, []) if len(earlier_by_value) < _HOPELESS_CROWD or \
            value in earlier_by_value else []
        if len(kept) < _REPRESENTATIVES:
            kept.append(later)
        if best is None:
            continue
        score, earlier = best
        pair = (round(earlier.low, 6), round(later.low, 6))
        if pair in reported or _sum_of_parts(later, earlier, by_sentence[earlier.sentence]) \
                or _whole_of_parts(later, earlier, by_sentence[earlier.sentence]):
            continue
        reported.add(pair)
        out.append(Conflict(_KIND_NAMES[later.kind], _statement(later), _statement(earlier),
                            _quantity_message(later, earlier), WARNING if score >= WARN_AT else INFO))
    return out


class _Crowds:
    """How many different values a bucket gives a mention's head, among the mentions whose
    modifiers do not set them apart (``crowd`` in `_quantity_score`), counted once per head and
    modifiers rather than once per pair."""

    def __init__(self, group: list[Mention]) -> None:
        self.values: dict[str | None, dict[tuple[float, float], set[frozenset[str]]]] = defaultdict(dict)
        for m in group:
            mods = self.values[m.head].setdefault((round(m.low, 6), round(m.high, 6)), set())
            if len(mods) < _REPRESENTATIVES:
                mods.add(m.mods)
        self.known: dict[tuple, int] = {}

    def of(self, m: Mention) -> int:
        key = (m.head, m.mods)
        if key not in self.known:
            self.known[key] = sum(any(not mods or not m.mods or mods & m.mods for mods in kept)
                                  for kept in self.values[m.head].values())
        return self.known[key]


def _sum_of_parts(later: Mention, earlier: Mention, group: list[Mention]) -> bool:
    """Whether ``later`` adds up the figures of ``earlier``'s sentence, of which ``earlier`` is
    one ("Two emails sent to Powell and 10 emails sent to aides" and "the dozen emails")."""
    parts = [m.quantity.value for m in group if m.sentence == earlier.sentence and m.head == later.head
             and not m.change]
    return len(parts) >= 2 and later.low <= sum(parts) <= later.high


def _cap_score(a: Mention, b: Mention, caps: int) -> float | None:
    """How sure we are that two maximums state one offer's cap ("rebates of up to $2,500" and
    "can receive as much as $3,000 toward the cost"): an article rarely names two caps of one
    kind, however differently it words them; what they are said of must agree, and nothing
    (a time, a place, an owner, a rate's unit) may set them apart."""
    if same_time(a.time, b.time) is False or a.place and b.place and a.place != b.place:
        return None
    if a.entity and b.entity and not same_entity(a.entity, b.entity):
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None  # "up to $2,500 per household" and "as much as $40 a month"
    score = 1.0 + (1.5 if caps == 2 else 0.0) + min(2.0, 8 * _jaccard(a.stems, b.stems))
    if a.head == b.head:
        score += 1
    if a.block == b.block:
        score -= 1.5
    if a.quoted or b.quoted or a.modal != b.modal:
        score -= 1.5
    return score


def _whole_of_parts(later: Mention, earlier: Mention, group: list[Mention]) -> bool:
    """Whether ``later`` ("all 45 boats") is the whole of a list ``earlier`` is one part of ("18
    boats from Pell Harbor, 12 from Danforth and nine from Ocean Point"): the totals check
    weighs the sum, not each part."""
    parts = [m for m in group if m.sentence == earlier.sentence and m.head == later.head and not m.change]
    return (later.definite or later.total) and len(parts) >= 2 and len({str(m.time) for m in parts}) == 1


def _statement(m: Mention) -> Statement:
    return Statement(m.start, m.end, m.text)


def _quantity_message(later: Mention, earlier: Mention) -> str:
    what = {COUNT: "count", MONEY: "amount", SHARE: "share", CHANGE: "change"}[later.kind]
    unit = later.quantity.unit
    a = _describe(earlier, unit)
    b = _describe(later, unit)
    return f"the {what} is {a} earlier and {b} here; both cannot be true"


def _describe(m: Mention, unit: str) -> str:
    q = m.quantity
    if q.is_range:
        return f"{numbers.format_value(q.low, unit, q.currency)}-{numbers.format_value(q.high, unit, q.currency)}"
    value = numbers.format_value(q.value, unit, q.currency)
    return f"{q.hedge} {value}" if q.hedge else value


def find_conflicts(ctx) -> list[Conflict]:
    """Every conflict in the article (a ``Context``), in the order of the later statements."""
    facts = ctx.facts
    found = quantity_conflicts(facts.mentions)
    found += [c for c in anaphoric_conflicts(facts.mentions) + renamed_counts(facts.mentions)
              if not any(c.later.start == f.later.start for f in found)]
    found += timeline.conflicts(facts.times, ctx.date, facts.people, facts.events)
    found += roles.conflicts(facts.people, facts.readings)
    found += results.conflicts(facts.results, facts.mentions, facts.readings)
    found += results.totals(facts.mentions, facts.readings)
    found += events.conflicts(facts.events, facts.readings, ctx.date)
    return sorted(found, key=lambda c: (c.later.start, c.earlier.start))
