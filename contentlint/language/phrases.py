"""Noun phrases and clauses: the one reading of what a figure counts and what a clause is about.

English without a parser: a noun phrase is a run of content words that ends at a function
word, a verb-like word or punctuation, with its head the last noun ("84 feature films",
"the 13 battery fires the department fought"); the subject of a clause is the first noun
phrase of its last clause, cut at a preposition ("the city's share of the cost" is a share).
Heads and modifiers are stemmed (:func:`contentlint.language.words.stem`), so "fires" and
"fire" meet.
"""

from __future__ import annotations

import re

from contentlint.language import lazy_re
from contentlint.language.words import FUNCTION_WORDS, stem

# Words that end a noun phrase without being part of it (verbs and adverbs the function-word
# list does not hold).
NOT_NOUN = frozenset("""is are was were be been being am has have had do does did will would can could may might must
    shall should said says say told tell including include includes included such like per versus vs than
    according whose whom also already still just even only nearly almost about around roughly each apiece
    alone combined altogether total overall respectively so far now today yet ago later earlier since worth""".split())

_TIME_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_DEICTIC_WORDS = frozenset("next last this".split())  # "the $46.8 billion budget next week": a time follows
_NP_WORDS = 6  # words looked at for a noun phrase after a figure

# Adjectives of state or time, not of kind: "the revised rate" is still the rate.
ASPECT_WORDS = frozenset("""new old current revised proposed original final total full entire overall annual
    estimated expected planned latest previous updated initial average typical usual actual official""".split())

_PRE_ADVERBS = frozenset("less more most very newly recently currently previously formerly roughly fully "
                         "partly largely mostly".split())

_NP_WORD_RE = lazy_re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")

_COMPLEMENT_RE = lazy_re.compile(r"\b(?:that|which|who|whether|because|when|while|after|before|although|though|"
                                 r"since|if)\s")

# Past-tense narration: a verb in -ed, or a common irregular past form.
PAST_TENSE_RE = lazy_re.compile(r"\b(?:[a-z]{3,}ed|said|was|were|had|did|met|won|lost|took|gave|made|began|came|went|told|"
                                r"held|ran|led|left|sold|bought|paid|rose|fell|grew|became|brought|chose|drew|found|got|"
                                r"hit|kept|knew|let|put|saw|sent|set|spent|spoke|stood|struck|thought|wrote|threw|wore|"
                                r"built|caught|taught|broke|flew|swam|sang|drove|rode|ate)\b")

CLAUSE_BREAK_RE = lazy_re.compile(r"[;:—–]|,\s+(?:and|but|while|whereas|although|though)\s+|\s+(?:while|whereas)\s+")

def noun_phrase(text: str) -> tuple[str | None, frozenset[str], int]:
    """The head and modifiers of the noun phrase that opens ``text``, and where it ends.

    Adverbs and participles before the noun are skipped or kept as modifiers ("seven less
    politicized congressional panels"); a participle after it ends it ("fires linked to…",
    "people died"); a plural noun is the head unless another follows ("measles cases")."""
    tokens = []
    pos = 0
    budget = _NP_WORDS
    while len(tokens) < budget:
        m = _NP_WORD_RE.match(text, pos)
        if not m or (m.start(1) > pos and not text[pos:m.start(1)].isspace()):
            break
        tokens.append((m.group(1), m.end()))
        if m.group(1).endswith(("'s", "’s")):
            budget = len(tokens) + _NP_WORDS  # "Orland Unified School District's four-year graduation rate"
        pos = m.end()
    words: list[tuple[str, int, bool]] = []
    owners: list[tuple[str, int, bool]] = []
    for i, (word, end) in enumerate(tokens):
        lower = word.lower()
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else None
        if lower in FUNCTION_WORDS or lower in NOT_NOUN or words and lower in _DEICTIC_WORDS or (
                words and not lower.endswith("ed") and PAST_TENSE_RE.fullmatch(lower)):
            break  # "the current 84 percent coverage fell well short": a verb ends the phrase
        if lower in _PRE_ADVERBS or (lower.endswith("ly") and len(lower) > 4):
            if nxt and is_content(nxt):
                continue  # "newly eligible voters"
            break
        if lower.endswith(("ed", "ing")) and word[0].islower():  # not "Unified", "Reading": names
            if not words and nxt and is_content(nxt):
                continue  # "licensed clinics", "politicized congressional panels": a state, not a kind
            if lower.endswith("ing") and words and not words[-1][0].endswith("s") and nxt and is_content(nxt):
                words.append((lower, end, False))  # "a Zika funding bill": a gerund in a compound
                continue
            break  # "students attending classes", "fires linked to…": a participle ends the phrase
        if word[0].isupper() and words and not words[-1][2]:
            if words[-1][0].endswith("s") or lower in _TIME_NAMES:
                break  # "the 12 schools Monday", "the $1.5 million purchase Tuesday"
            if word.isupper() and len(word) > 1:
                words.append((lower, end, True))  # "the 1.6 million member AFT": what the figure sizes
                break
            words.append((lower, end, True))  # "the former Gantry Mill property": a name inside the phrase
            continue
        if lower.endswith(("'s", "’s")):
            owners = words + [(lower[:-2], end, word[0].isupper())]
            words = []  # "Missouri's turnout": an owner, not the head (a modifier if nothing follows)
            continue
        words.append((lower, end, word[0].isupper()))
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and not (
                nxt and is_content(nxt) and nxt.lower().endswith("s") and nxt[0].islower()):
            break
    if not words and owners:
        words = owners  # "the city's": the owner is all there is
    if not words:
        return None, frozenset(), 0
    head = stem(words[-1][0].strip("'’"))
    mods = frozenset(stem(w) for w, _, _ in words[:-1] if w not in FUNCTION_WORDS and w not in ASPECT_WORDS)
    return head, mods, words[-1][1]


def is_content(word: str) -> bool:
    """A lower-case content word that may go on with a noun phrase."""
    w = word.lower()
    return (word[0].islower() and w not in FUNCTION_WORDS and w not in NOT_NOUN
            and not (w.endswith("ly") and len(w) > 4))


def last_noun(text: str) -> tuple[str | None, frozenset[str]]:
    """The head of the noun phrase that ends ``text`` ("… and a voter turnout" -> turnout,
    "Missouri's turnout" -> turnout), or None when ``text`` does not end in one."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)[-_NP_WORDS:]
    run: list[str] = []
    for w in reversed(words):
        if w.lower() in FUNCTION_WORDS or w.lower() in NOT_NOUN:
            break
        run.insert(0, w)
    if not run:
        return None, frozenset()
    head, mods, _ = noun_phrase(" " + " ".join(run))
    return head, mods


def subject_head(text: str) -> tuple[str | None, frozenset[str]]:
    """The head of the first noun phrase of the last clause in ``text``, cut at a preposition
    ("the city's share of the cost" -> share; "Food-at-home prices in the Tri-County area" ->
    price; "Most of the pipes being replaced" -> pipe). A capital means a name, except on the
    sentence's first word."""
    clause = CLAUSE_BREAK_RE.split(text)[-1]
    clause = re.split(r",\s+", clause)[-1] if clause.count(",") else clause
    clause = _COMPLEMENT_RE.split(clause)[-1]  # "Kander announced that the turnout … was": the turnout
    head, mods = _first_head(clause, text.lstrip().startswith(clause.lstrip()) and bool(clause.strip()))
    if head is None and clause.strip() and text.count(","):  # "The rebate, worth", "Nearby Milbrook, with"
        before = re.split(r",\s+", CLAUSE_BREAK_RE.split(text)[-1])
        if len(before) > 1:
            head, mods = _first_head(before[-2], text.lstrip().startswith(before[-2].lstrip()))
    return head, mods


def _first_head(clause: str, at_start: bool) -> tuple[str | None, frozenset[str]]:
    """The head of the first noun phrase of ``clause``, cut at a preposition."""
    for chunk in re.split(r"\s(?:of|in|for|at|across|over|on|from|among|within|by|with|to)\s", clause):
        words = chunk.split()
        while words and (words[0].lower() in FUNCTION_WORDS or words[0].lower() in NOT_NOUN):
            words = words[1:]  # "Most", "the", "all"
        if not words:
            at_start = False
            continue
        if words[0][0].isupper() and not (at_start and chunk.lstrip().startswith(words[0])):
            words = [w for w in words if not w[0].isupper()] or words  # "Missouri's turnout": the turnout
        head, mods, _ = noun_phrase(" " + " ".join(words))
        if head:
            return head, mods
        at_start = False
    return None, frozenset()
