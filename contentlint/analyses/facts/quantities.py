"""Quantity mentions: every figure in the prose, with what it counts and what it is about.

For each figure the language layer found (:mod:`contentlint.language.numbers`), a
:class:`Mention` records

- its **head**: the noun it counts or measures, stemmed ("31 fires linked to batteries" and
  "the 13 battery fires" both count *fire*; "the 104-page document" counts *document*
  pages), found from the grammar around the figure: the noun phrase after it, an "of"
  phrase ("a fundraising haul of $300 million", "58 percent of Florida Latino voters"),
  the verb before it ("raised $2.3 million"), the subject of a copula ("the city's share
  would be about $80 million"), or the noun an earlier figure of the sentence counted
  ("from 166 in May to 192 in July");
- its **modifiers** (the other words of the noun phrase: *battery*, *feature*);
- the **entity** it is about: a possessive owner ("the network's 43 clinics", "Canova's 43
  percent"), the person or organisation that is the subject of its clause, a pronoun
  resolved to the person named before;
- its **qualifiers**: the time (a date, "last year", "in July", resolved against the
  article's date), the place ("in Texas", "nationwide", "there"), the unit ("per hour");
- **flags** that keep it out of comparisons: part of a change ("from 12 to 19", "up from"),
  a part of a set ("three of the schools", "the 3 schools that reopened"), a projection
  ("would", "goal"), a quotation.

No pattern here is written for one noun: the head is whatever noun the grammar gives.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from contentlint.analyses.facts.people import People
from contentlint.analyses.facts.reading import Reading
from contentlint.language import calendar, hedges, lazy_re, names, numbers, phrases
from contentlint.language.words import FUNCTION_WORDS, stem

COUNT, MONEY, SHARE, CHANGE = "count", "money", "share", "change"
CANDIDATE = "candidate"  # the unit of a candidate's share ("Cruz earned 30 percent"): for margins only

_MEASURE_HEADS = frozenset(stem(w) for w in """percent percentage year month week day hour minute second decade
    century time times""".split())
# Words that make "points" percentage points ("a 5-point lead in the poll"), not points scored.
_DEMONSTRATIVE_RE = lazy_re.compile(r"\b(?:those|these)\s+$", re.I)
_PRONOUN_SUBJECT_RE = lazy_re.compile(r"\s*(?:It|They|This|These|Each|Both)\s+(?!\w+['’]s\b)")
# A name that opens a clause as its subject: "Root Insurance Group increased…", "Mini-SGLang features…".
_NAMED_SUBJECT_RE = lazy_re.compile(r"\s*((?:[A-Z][\w&'’.-]+\s+){1,4}[A-Z][\w&'’.-]+|[A-Za-z]*[a-z][A-Z][\w&'’.-]*|"
                                    r"[A-Z][\w'’]*-[A-Z][\w&'’.-]*)\s+[a-z]")
_SUBJECT_OWNER_RE = lazy_re.compile(r"\W*(?:[Tt]he\s+)?((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*?)['’]s\s")
_RELATIVE_BEFORE_RE = lazy_re.compile(r"\b[a-z]+s\s+(?:who|that|which)\b[^,;]*$")
_RELATIVE_OPEN_RE = lazy_re.compile(r",\s+(?:which|who)\s+[^,;]*$")
_LABEL_RE = lazy_re.compile(r"([A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,2})\s*(?:\([^)]{0,40}\))?:\s")  # "Plus ($11.99/mo): …"
_CLOCK_AFTER_RE = lazy_re.compile(r"(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)", re.I)
_ENUMERATOR_AFTER_RE = lazy_re.compile(r"[.)]?\s+[A-Z“\"]")
_PERCENT_CONTEXT_RE = lazy_re.compile(r"percent|%|\bpoll|\bsurvey|\blead\b|\bmargin|\bedge\b|\bvote", re.I)
_PARTITIVE_RE = lazy_re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those|[A-Z][\w&'’.-]*['’]s)\s+")
_COMPOUND_UNIT_RE = lazy_re.compile(r"-([a-z]+)(?=[\s,.;:])")
_OF_BEFORE_RE = lazy_re.compile(r"\b([a-z][\w-]*)\s+(?:of|at|to|totaling|totalling|worth)\s+$")
# The verb an amount is the object of, perhaps after a first object: "raised $2.3 million", "fined
# Bellweather Pork $25,000", "paid the contractor $5 million".
_VERB_BEFORE_RE = lazy_re.compile(r"\b([a-z]+)\s+(?:(?:in|up|out|back)\s+)?(?:(?:the|a|an|its|their|his|her|"
                                  r"[A-Z][\w.'’&-]*)\s+){0,4}?"
                                  r"(?:(?:about|around|roughly|nearly|almost|more than|less than|over|"
                                  r"just|only|barely|some|an estimated|up to)\s+)?$")
# A price: "agreed to buy Crispin Brothers … for $1.3 billion".
_PRICE_FOR_RE = lazy_re.compile(r"\b(?:buy|buys|bought|acquire[sd]?|sell|sells|sold|purchase[sd]?|lease[sd]?)\b[^;.]{0,80}"
                                r"\bfor\s+(?:about\s+|nearly\s+|roughly\s+)?$", re.I)
# Nouns that name an amount by its kind, not its purpose: "the €35,800 total".
_GENERAL_MONEY_NOUNS = frozenset("total sum amount figure tally".split())
_COPULA_BEFORE_RE = lazy_re.compile(r"\b((?:[\w'’-]+\s+){0,6}?)(?:would be|will be|is|was|are|were|came to|comes to|"
                                    r"totaled|totals|totalled|reached|stood at|stands at|hit|amounted to|amounts to)\s+$")
_DEFINITE_BEFORE_RE = lazy_re.compile(r"(?:\b(?:the|all|those|these|its|their|his|her|our|that|this)|['’]s)\s+"
                                      r"(?:[a-z-]+\s+)?$", re.I)
_ALL_OF_RE = lazy_re.compile(r"\ball\s+$", re.I)
_NOT_OWNERS = frozenset("it that there what here who he she which this where".split())  # "it's": a contraction
_OWNER_BEFORE_RE = lazy_re.compile(r"(?:\b(?P<pron>its|their|his|her)|(?P<name>(?:[Tt]he\s+)?[A-Za-z][\w&.'’-]*"
                                   r"(?:\s+[A-Z][\w&.'’-]*){0,4})['’]s?)\s+(?:[a-z-]+\s+)?"
                                   r"(?:[a-z-]+\s+(?:for|of)\s+(?:an?\s+|the\s+)?)?$")  # "Obama's original call for a"
# The noun an amount is the object of: "a call for a $1.9 billion package" is a request.
_ROLE_NOUN_BEFORE_RE = lazy_re.compile(r"\b([a-z]+)\s+(?:for|of)\s+(?:an?\s+|the\s+)?$")
_PARTICIPLE_AFTER_RE = lazy_re.compile(r"\s+[a-z]+ed\s+(?:in|by|from|during|to)\b")  # "killed in the attack"
_GOVERNING_VERB_RE = lazy_re.compile(r"\b([a-z]{4,}(?:ing|ed))\s+(?:the\s+|all\s+)?$")
# A relative clause that narrows the set: "the three schools that reopened", "the 1,237 delegates he needs".
_RESTRICTIVE_RE = lazy_re.compile(r"\s+(?:that|which|who|whom|where|with|without|whose)\b|"
                                  r"\s+(?:he|she|they|we|you|I)\s+(?!said\b|says\b)[a-z]+")
_CHANGE_RE = lazy_re.compile(
    r"\bup\s+from\s+$|\bdown\s+from\s+$|\bcompared\s+(?:with|to)\s+$|\bversus\s+$|\bvs\.?\s+$|"
    r"\bthan\s+$|\bbefore\s+$|\bprevious(?:ly)?\s+(?:\w+\s+)?$|\bformer\s+$|\bonce\s+$", re.I)
_FROM_BEFORE_RE = lazy_re.compile(r"\bfrom\s+$", re.I)  # "testimony from 19 witnesses" is no change; "from 12 to 19" is
_TO_FIGURE_AFTER_RE = lazy_re.compile(r"[^.;]{0,40}?\bto\s+(?:about\s+|nearly\s+|more than\s+)?[$£€]?\d|"
                                      r"[^.;]{0,40}?\bto\s+[a-z]+\b(?:\s+[a-z]+)?\s+(?:percent|people|votes)", re.I)
_CHANGE_AFTER_RE = lazy_re.compile(r"\s+(?:to|up from|down from|from)\s+(?:about\s+|nearly\s+|more than\s+)?[$£€]?\d", re.I)
_SHORT_OF_AFTER_RE = lazy_re.compile(r"\s+(?:short|shy)\s+of\b", re.I)
_COMPARATIVE_AFTER_RE = lazy_re.compile(r"\s+(more|less|higher|lower|fewer|cheaper|dearer)\b(?!\s+than\b)", re.I)
_CHANGE_VERB_RE = lazy_re.compile(r"\b(?:rose|rise|rises|rising|risen|fell|falls|falling|fallen|increased|increases|"
                                  r"increasing|decreased|decreases|decreasing|grew|grow|grows|growing|climbed|climbs|"
                                  r"dropped|drops|dropping|declined|declines|declining|jumped|jumps|slipped|slips|"
                                  r"slipping|plunged|soared|surged|shrank|gained|lost|cut|reduced|reduce|raised|boosted|"
                                  r"slid|sank|tumbled|doubled|tripled)\s+(?:by\s+)?(?:\w+\s+)?$|"
                                  r"\b(?:up|down)\s+(?:by\s+)?$", re.I)  # "up 5 percent"; not "made up of 1,400 nurses"
_CHANGE_NOUN_AFTER_RE = lazy_re.compile(r"\s*(?:annual\s+|yearly\s+|monthly\s+)?(?:increase|rise|drop|decline|jump|fall|"
                                        r"growth|gain|cut|reduction|decrease|hike|boost|loss|slide)\b", re.I)
_MODAL_RE = lazy_re.compile(r"\b(?:would|could|might|may|expected|expects|projected|projects|projection|"
                            r"planned|plans|plan|proposed|proposes|proposal|goal|target|aim|aims|hope|hopes|estimate|"
                            r"estimates|forecast|forecasts|if|unless|budgeted|anticipated|wants|want|seeks|seek|"
                            r"request|requested|asked|ask|called for|calls for|need|needs|needed|required|requires|"
                            r"necessary|Would|Could|If|Unless)\b")
# A share stated as a measure of something named before it: "turnout of 29%", "turnout was a record 39%".
_MEASURE_LINK_RE = lazy_re.compile(r"\s+(?:of|was|is|were|are|stood at|stands at|reached|hit|at|to|came to|"
                                   r"came in at)\s+(?:a\s+record\s+|an?\s+|just\s+|only\s+|about\s+|roughly\s+|"
                                   r"nearly\s+|some\s+)?$", re.I)
_EACH_RE = lazy_re.compile(r"\s*(?:\w+\s+){0,2}?(?:each|apiece|a piece|per person|a head|per head)\b", re.I)
# A candidate's share of the vote, stated by a verb: "Cruz earned 30 percent", "Canova drew 43 percent".
_CANDIDATE_SHARE_RE = lazy_re.compile(r"\b(?:earned|earns|got|gets|won|wins|took|takes|received|receives|drew|draws|"
                                      r"captured|garnered|managed|polled|polls|had|has|carried|notched|pulled)\s+(?:just\s+|"
                                      r"only\s+|about\s+|nearly\s+|roughly\s+|almost\s+)?$", re.I)
_OTHER_SET_RE = lazy_re.compile(r"\b(?:another|other|additional|more|remaining|extra|further|new|first|last|top|next|"
                                r"final|bottom|initial)\s+$", re.I)  # "another eight states", "the first four states"
# A word after the figure that names a part of a larger set: "the 16 new vendors", "45 additional officers".
_SUBSET_AFTER_RE = lazy_re.compile(r"\s+(new|additional|other|remaining|extra|more|further)\b", re.I)
# A requirement stated after the counted noun: "the 1,237 delegates he needs to win", "the 60 votes required".
_REQUIRED_AFTER_RE = lazy_re.compile(r"\s+(?:(?:that|which)\s+)?(?:[\w'’-]+\s+){0,2}?(?:needs?|needed|requires?|required|"
                                     r"necessary|must)\b", re.I)
_DOWN_RE = lazy_re.compile(r"\b(?:fell|fall|falls|falling|fallen|decreas\w*|dropp?\w*|declin\w*|slipp?\w*|plunged|"
                           r"shrank|lost|cut\w*|reduc\w*|lower\w*|slid|sank|tumbled|loss|slide|down|less|fewer|cheaper)\b",
                           re.I)
_UP_RE = lazy_re.compile(r"\b(?:rose|rise|rises|rising|risen|increas\w*|grew|grow\w*|climb\w*|jump\w*|soared|surged|"
                         r"gain\w*|raised|boost\w*|hike|up|doubled|tripled|more|higher|dearer)\b", re.I)
_CHANGE_BY_RE = lazy_re.compile(r"\b(?:reduc|cut|lower|rais|increas|boost|decreas|trim|slash|grow|expand|shrink)\w*\b"
                                r"[^,;.]{0,40}\bby\s+(?:about\s+|nearly\s+|roughly\s+|more than\s+|at least\s+)?$", re.I)
_FUNDRAISING_RE = lazy_re.compile(r"\b(?:raised|raise|raising|raises)\s+(?:\w+\s+){0,2}$", re.I)
_FOR_AFTER_RE = lazy_re.compile(r"\s+for\s+(?:the|a|an|its|their|his|her)\s+", re.I)
_IN_THINGS_RE = lazy_re.compile(r"\s+in\s+(?:new\s+|federal\s+|state\s+)?(?=[a-z]+s\b)")  # "$120,000 in grants"
_INCLUDES_RE = lazy_re.compile(r"\b(?:includes|included|include|including|comprises|covers|consists of|breaks down into)\s+$",
                               re.I)
_OF_THE_RE = lazy_re.compile(r"\s+of\s+(?:the|its|their|a|an|his|her)\s")
_PURPOSE_AFTER_RE = lazy_re.compile(r"\s+for\s+(?:a\s+|an\s+|the\s+|its\s+)?[a-z]")
_OF_THE_OPENER_RE = lazy_re.compile(r"\W*Of\s+(?:the|those|these)\s+((?:[a-z-]+\s+){0,2}[a-z]+s)\s*,")
_COPULA_AFTER_RE = lazy_re.compile(r"\s+(?:were|are|was|is)\s+(?:all\s+)?(?P<word>[a-z]+)")
_SHARE_NOUNS = frozenset(stem(w) for w in "share stake portion slice".split())
_OF_AFTER_RE = lazy_re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|[A-Z][\w.'’-]*['’]s\s+|the\s+[\w-]+['’]s\s+)?")
_DEAL_RE = lazy_re.compile(r"\b(?:deal|acquisition|acquire[sd]?|purchase[sd]?|merger|buyout|takeover|sale)\b", re.I)
_HELD_RE = lazy_re.compile(r"\s+(?:already\s+)?(?:in|on)\s+hand\b", re.I)
# Ways of naming one role of an amount of money, read as that role.
_MONEY_ROLES = {stem(w): role for role, words in {
    "raised": "raise collect haul amass fundraising fundraise garner bring",
    "cost": "cost price budget",
    "spent": "spend spent spending outlay expenditure",
    "request": "request call ask proposal seek sought",
    "value": "value valued worth valuation",
    "pay": "pay paid payment payout salary wage compensation earn",
    "donation": "donation donate contribution contribute gift give",
    "grant": "grant award",
    "fine": "fine penalty",
}.items() for w in words.split()}
_TOTAL_RE = lazy_re.compile(r"\b(?:total|totaled|totalled|totaling|in all|combined|altogether|all told|a total of|"
                            r"between them|together|overall|added up to|add up to|adds up to|sum|entire|whole)\b", re.I)
_RATE_RE = lazy_re.compile(r"\s*(?:(?:per|a|an|each)\s+(?P<per>hour|day|week|month|year|person|household|ride|trip|"
                           r"student|visit|night|gallon|share|vote|voter|resident|head|capita|spot|ticket|game|mile)\b)")
_PLACE_IN_RE = lazy_re.compile(r"\b(?:in|across|throughout|for)\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")
_THERE_RE = lazy_re.compile(r"\bthere\b|\bthe state(?:['’]s)?\b")
_MONEY_VERBS = {stem(v): v for v in """raise collect haul bring pay spend cost receive donate give award grant owe earn
    make lose save value worth borrow lend invest charge fine bill sell buy budget allocate approve request seek
    ask propose offer contribute fund provide cover distribute disburse award""".split()}
# Nouns that name an amount of money ("the rate", "a $500 rebate"); after any other noun an
# amount is what that thing costs ("a $48 million project" is the project's cost).
_MONEY_NOUNS = frozenset(stem(w) for w in """cost price budget fee fare rate salary wage pay fine grant loan bond tax
    toll rent payment donation contribution gift bonus stipend subsidy rebate refund settlement award prize purse
    revenue profit loss debt deficit surplus share request package deal contract check credit deduction allowance
    income earning sale spending investment fund funding raise raising haul pledge estimate bid offer valuation
    value worth balance reserve benefit premium deductible ticket admission tuition bill charge penalty damage
    compensation buyout severance pension""".split())
_SERIES_BEFORE_RE = lazy_re.compile(r"(?:\b(?:from|to|and|or|vs\.?|versus|up from|down from)|,|[-–—])\s+$", re.I)
_NUMBER_OF_RE = lazy_re.compile(r"\b(?:number|count|total|tally|roster|ranks)\s+of\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
                                r"(?:\s+(?:and|or)\s+[\w'’-]+)?\s+(?:went|rose|fell|grew|dropped|was|is|stood|reached|"
                                r"climbed|increased|decreased|declined)\b")
_TIME_AFTER_RE = lazy_re.compile(r"^[^;:—–]*?\b(?:in|on|during|for|by|through|since|as of|last|this|at the end of|"
                                 r"by the end of|through the end of|class of|season of)\s+$", re.I)
_DETERMINER_RE = lazy_re.compile(r"\b(?:the|its|their|his|her|all)\s")
_TO_LEVEL_RE = lazy_re.compile(r"\bto\s+(?:about\s+|nearly\s+|roughly\s+|a record\s+|just\s+)?$", re.I)  # "fell to 3.8%"
_AT_START_RE = lazy_re.compile(r"^\W*at\s+(?:about\s+|nearly\s+|roughly\s+|just\s+)?$", re.I)
_FRONTED_MEASURE_RE = lazy_re.compile(r"[^,]{0,30},\s+(.{3,60}?)\s+(?:was|is|were|are|stood|remained|came|sat|held)\b")
_MODAL_WINDOW = 25  # characters before a figure in which "would", "expected", "goal" make it a projection
_DEGREE_WORDS = frozenset("much very strongly somewhat extremely definitely slightly far significantly completely "
                          "totally mostly largely partly".split())
_LEAD_IN_WORDS = 4  # "Five servings cost around $5." … "Five servings cost around $14.": items of a list
_TAIL_WORDS = 4  # words after the noun phrase that say what is counted ("…that said they were much less likely")
_LEAD_WORDS = 8  # words before a group's share that say what is said of it ("Runner's knee … affects one in four")
_TAIL_END_RE = lazy_re.compile(r"[.;:—–!?(]|,\s")
_CHANGED_TO_RE = lazy_re.compile(r"\b(?:rose|rises|risen|fell|falls|fallen|climb(?:s|ed)?|dropped|declined|jumped|grew|"
                            r"slipped|edged|ticked|surged|soared|plunged|"
                            r"cut|cutting|raise[sd]?|raising|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|"
                            r"increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|bring|bringing|push(?:es|ed|ing)?|"
                            r"lift(?:s|ed|ing)?|drop(?:s|ped|ping)?|adjust(?:s|ed|ing)?|set|sets|setting|"
                            r"change[sd]?|changing|revis(?:e|es|ed|ing))\b(?P<object>[^,;.]*?)\bto\s+$", re.I)
_IN_HALF_RE = lazy_re.compile(r"\b(?:in|by)\s+$", re.I)
_CLAIM_RE = lazy_re.compile(r"\b(?:claim\w*|alleg\w*|falsely|wrongly|insist\w*|suggest\w*|wanted to|would like to|"
                       r"promis\w*|vow\w*|pledg\w*|threaten\w*|propos\w*|predict\w*)\b", re.I)
_DEICTIC_RE = lazy_re.compile(r"(?:last|this|next|yesterday|today|tomorrow|tonight|earlier this|later this)\b", re.I)
_UNRESOLVED_TIME_RE = lazy_re.compile(r"\b(?:that|the same|the previous|the following|the next)\s+(?:year|month|week|day|"
                                 r"season|spring|summer|fall|autumn|winter)\b", re.I)


@dataclass(slots=True, eq=False)  # built once per figure and never changed; compared by identity
class Mention:
    """One figure, with what it counts, what it is about and when and where it holds."""

    kind: str  # COUNT, MONEY, SHARE or CHANGE
    quantity: numbers.Quantity
    low: float
    high: float
    start: int  # source offsets of the words stating it
    end: int
    text: str
    sentence: int
    block: int  # the paragraph (prose block) it is in
    head: str | None  # stem of the noun it counts or measures
    mods: frozenset[str]  # stems of the noun phrase's other words
    direction: str  # of a change: "up" or "down"
    group: bool  # a share of a group ("58 percent of voters") rather than a measure ("turnout of 29%")
    unit: str  # a compound unit ("page" in "104-page") or a rate ("hour" in "per hour")
    entity: str | None  # surname or organisation it is about
    subject: str | None  # stem of the head of its clause's subject ("the committee", "the group")
    time: tuple[float, float] | str | None  # an interval of years, or the words when they cannot be resolved
    context_time: tuple[float, float] | None  # the paragraph's last date before it, when it has none of its own
    place: str | None
    definite: bool
    partitive: bool
    restrictive: bool  # a relative clause narrows it: "the three schools that reopened"
    participle: bool  # a participle follows it: "the four Americans killed in the attack" (maybe a subset)
    change: bool
    modal: bool
    quoted: bool
    total: bool
    elided: bool  # the head was taken from an earlier figure of the sentence
    claimed: bool  # inside a claim someone makes ("alleging that Obama wanted to admit 250,000")
    listing: bool  # introduces a list ("Here are three reasons:")
    tail: frozenset[str]  # stems of what the clause says of the counted thing ("said they were much less likely")
    degree: frozenset[str]  # words of degree in it: "less likely" and "much less likely" are two answers
    stems: frozenset[str]
    lead_in: str  # the words just before the figure, lower case: a repeated template is a parallel list
    subset: str  # "new" in "the 16 new vendors": a part of the set, comparable only with the same part
    short_block: bool  # said in a block of one short sentence (a list item, a table row)
    local: bool  # "those three brackets", "It has 70 stitches": about what its own paragraph just named (a count
    # or an amount; "It declined, dropping 50 percent" may mean a turnout named paragraphs before)


def mentions(readings: list[Reading], people: People, article: tuple[float, float] | None) -> list[Mention]:
    out: list[Mention] = []
    last_place: str | None = None
    context: tuple[float, float] | None = None  # the paragraph's date so far ("In 2013, …. This referendum…")
    labels = [m.group(1) for r in readings if r.opens_block and (m := _LABEL_RE.match(r.text))]
    fields = {label for label in labels if labels.count(label) > 1}  # "Max Brew: 70 ounces" on every product
    for r in readings:
        if r.index and readings[r.index - 1].block != r.block:
            context = None
        if r.quantities and r.prose_like and not (r.opens_block and (m := _LABEL_RE.match(r.text))
                                                  and m.group(1) in fields):
            _sentence_mentions(r, people, article, last_place, out, context)
        # (not code, a table or a spec sheet's fields: "Max Brew: 70 ounces" for every product)
        if r.places:
            last_place = r.places[-1][1]
        points = [w for w in r.times if w.kind == calendar.POINT and w.absolute]
        if points:
            context = (points[0].low, points[0].high) if len(points) == 1 else None
    return out


def _sentence_mentions(r: Reading, people: People, article, last_place, out: list[Mention], context) -> None:
    """Append the mentions of one sentence's figures to ``out`` (the article's so far)."""
    taken = _taken_spans(r)
    heads: list[tuple[int, str, frozenset[str]]] = []  # (offset, head, mods) of the sentence's counts so far
    for q in r.quantities:
        if q.unit in (numbers.ORDINAL, numbers.TIMES) or any(a <= q.figure_start < b for a, b in taken):
            continue
        m = _mention(r, q, people, article, heads, last_place, out, context)
        if m is not None:
            out.append(m)
            if m.head and not m.elided:
                heads.append((q.start, m.head, m.mods))


def same_time(a, b) -> bool | None:
    """Whether two times of mentions are one (True), cannot be (False), or it is unknown (None).
    A time is an interval of years, or the words of one the article's date cannot resolve:
    two such words anchored at the present that differ ("last winter", "this year") are two
    times; anaphoric ones ("that year") may be any."""
    if a is None or b is None:
        return None
    if isinstance(a, str) or isinstance(b, str):
        if a == b:
            return True  # "last year" and "last year"
        if isinstance(a, str) and isinstance(b, str) and _DEICTIC_RE.match(a) and _DEICTIC_RE.match(b):
            return False
        return None  # "last year" and "in December": unknown
    return a[0] < b[1] - 1e-9 and b[0] < a[1] - 1e-9  # years are half-open: 2023 ends where 2024 begins


def _taken_spans(r: Reading) -> list[tuple[int, int]]:
    """Figures that are years, durations, ages or parts of a tally are read elsewhere."""
    spans = [(w.start, w.end) for w in r.times]
    spans += [(t.start, t.end) for t in r.tallies]
    return spans


def _direction(words: str) -> str:
    return "down" if _DOWN_RE.search(words) else "up" if _UP_RE.search(words) else ""


def _mention(r: Reading, q: numbers.Quantity, people: People, article, heads, last_place,
             earlier: list[Mention], context: tuple[float, float] | None) -> Mention | None:
    text = r.text
    before = text[max(0, q.start - 80):q.start]
    after = text[q.end:q.end + 120]
    unit = ""
    rest = after
    cu = _COMPOUND_UNIT_RE.match(after)
    if cu and q.unit in (numbers.COUNT, numbers.MONEY):
        unit = stem(cu.group(1))
        rest = after[cu.end():]
        if unit in _MEASURE_HEADS or unit == "point" and _PERCENT_CONTEXT_RE.search(text):
            return None  # "five-year", "30-second": durations, read by the calendar; "a 5-point lead"
    if _CLOCK_AFTER_RE.match(after):
        return None  # "from 10 a.m. to 5 p.m.": a time of day
    if q.start == 0 and r.opens_block and _ENUMERATOR_AFTER_RE.match(after):
        return None  # "9 Tax Foundation. …": a footnote's or a list's number, not a count
    if q.unit == numbers.POINTS:
        if _PERCENT_CONTEXT_RE.search(text):
            return None  # percentage points: margins, read as results
        q = dataclasses.replace(q, unit=numbers.COUNT)  # "scored 18 points in the first half"
        rest = " points" + after
    partitive = bool(_OTHER_SET_RE.search(before[-14:]))  # "another eight states": a different set
    part = _PARTITIVE_RE.match(rest)
    if part and q.unit == numbers.COUNT:
        partitive = partitive or not _ALL_OF_RE.search(before)
        rest = rest[part.end():]
    head, mods, np_end = phrases.noun_phrase(rest)
    elided = False
    kind = MONEY if q.unit == numbers.MONEY else SHARE if q.share else COUNT
    direction = ""
    group = False  # a share of a group ("58 percent of voters"), not a measure ("turnout of 29%")
    if q.unit in (numbers.PERCENT, numbers.FRACTION):
        of = re.match(r"\s+of\s+(?:all\s+|the\s+|those\s+|these\s+|its\s+|their\s+)?", after)
        change_noun = _CHANGE_NOUN_AFTER_RE.match(after)
        change_verb = None if _TO_LEVEL_RE.search(before) else (_CHANGE_VERB_RE.search(before)
                                                                or _CHANGE_BY_RE.search(before))
        if of:
            head, mods, np_end = phrases.noun_phrase(after[of.end():])
            np_end += of.end()
            group = True
        elif q.unit == numbers.FRACTION and " in " in q.text or " out of " in q.text:
            head, mods, np_end = phrases.noun_phrase(after)  # "one in four runners"
            group = head is not None
        elif _COMPARATIVE_AFTER_RE.match(after):  # "will pay 12 percent more from January 1"
            kind, direction = CHANGE, _direction(_COMPARATIVE_AFTER_RE.match(after).group(1))
            head, mods = phrases.subject_head(text[:q.start])
        elif change_noun:  # "a 3.8 percent annual increase in food prices"
            kind, direction = CHANGE, _direction(change_noun.group(0))
            m = re.match(r"\s*(?:\w+\s+){0,2}?\w+\s+(?:in|of)\s+", after)
            head, mods, np_end = phrases.noun_phrase(after[m.end():]) if m else (None, frozenset(), 0)
        elif change_verb:  # "Democratic turnout slipped by about a fifth", "reduce their water use by 20 percent"
            kind, direction = CHANGE, _direction(change_verb.group(0))
            obj = re.match(r"\w+\s+((?:[\w'’-]+\s+){1,4}?)by\s", change_verb.group(0))
            head, mods, _ = phrases.noun_phrase(" " + re.sub(r"^(?:the|its|their|his|her|our)\s+", "", obj.group(1))) \
                if obj else (None, frozenset(), 0)
            if head is None:
                head, mods = phrases.subject_head(text[:q.start - len(before) + change_verb.start()])
        else:  # "turnout of 29%", "the turnout was a record 39%", "support at 48 percent"
            link = _MEASURE_LINK_RE.search(text[:q.start])
            if link and link.group(0).split()[0].lower() in ("of", "at", "to"):
                head, mods = phrases.last_noun(text[:link.start()])
            elif link:
                head, mods = phrases.subject_head(text[:link.start()])
            else:
                head, mods = None, frozenset()
            fronted = _FRONTED_MEASURE_RE.match(after) if _AT_START_RE.search(text[:q.start]) else None
            attributive = phrases.noun_phrase(after) if head is None and not link else (None, frozenset(), 0)
            if fronted:  # "At 4.6 percent, May's jobless rate in the county was…"
                head, mods = phrases.subject_head(fronted.group(1))
            elif attributive[0] in _SHARE_NOUNS and _OF_AFTER_RE.match(after, attributive[2]):
                of = _OF_AFTER_RE.match(after, attributive[2])  # "the system's 24 percent share of the region's beds"
                head, mods, np_end = phrases.noun_phrase(after[of.end() - 1:])
                np_end += of.end() - 1
                group = head is not None
            elif attributive[0] and attributive[0] not in _MEASURE_HEADS:  # "the 43 percent turnout"
                head, mods, np_end = attributive
            if head is None and _CANDIDATE_SHARE_RE.search(before):  # "while Cruz earned 30 percent"
                head, mods, unit = "vote", frozenset(), CANDIDATE
        if head is None and kind == SHARE:  # "… and nearly half said…": the group of the shares before
            prior = [m for m in reversed(earlier) if m.kind == SHARE and m.group and r.index - m.sentence <= 1
                     and m.block == r.block]
            if prior:
                head, mods, elided, group = prior[0].head, prior[0].mods, True, True
    elif kind == MONEY:
        held = _HELD_RE.match(after)
        in_things = _IN_THINGS_RE.match(after)
        if held:  # "with $61 million already in hand"
            head, mods = "raised", frozenset()
        elif in_things and head is None:  # "the $120,000 in grants"
            head, mods, np_end = phrases.noun_phrase(after[in_things.end() - 1:])
            np_end += in_things.end() - 1
        elif head is None and _OF_THE_RE.match(after):  # "up to $1,200 of the cost of replacing…"
            of_head, of_mods, of_end = phrases.noun_phrase(after[_OF_THE_RE.match(after).end() - 1:])
            if of_head in _MONEY_NOUNS:
                head, mods, np_end = of_head, of_mods, of_end + _OF_THE_RE.match(after).end() - 1
        elif _PRICE_FOR_RE.search(before):
            head = "cost"
        elif head is None and re.match(r"\s+(?:" + "|".join(_GENERAL_MONEY_NOUNS) + r")\b", after):
            head = "amount"  # "the €35,800 total": restates an amount named before
        elif head is None and _AT_START_RE.search(text[:q.start]) and _FRONTED_MEASURE_RE.match(after):
            head, mods = phrases.subject_head(_FRONTED_MEASURE_RE.match(after).group(1))  # "At $15 a visit, the fee is"
        elif head is None or head in _MEASURE_HEADS:
            head, mods = _money_head(before)
        elif head not in _MONEY_NOUNS and head not in _MONEY_ROLES:  # "a $48 million project": what it costs
            roles = [m for m in mods if m in _MONEY_ROLES]  # "the $5.75 million payment ranks among…"
            head, mods = (roles[0], mods - {roles[0]} | {head}) if roles else ("cost", mods | {head})
        role_noun = _ROLE_NOUN_BEFORE_RE.search(before)
        if role_noun and _MONEY_ROLES.get(stem(role_noun.group(1))) and not held:
            head = stem(role_noun.group(1))  # "a call for a $1.9 billion package": a request
        head = _MONEY_ROLES.get(head, head)
        if head == "value" and _DEAL_RE.search(text):
            head = "cost"  # "a deal valued at $900 million" and "the $1.1 billion purchase price": its price
        paid_for = _FOR_AFTER_RE.match(after[np_end:] if np_end else after)
        if head == "pay" and paid_for:  # "pay $1.15 million for the former mill property": its price
            thing, thing_mods, _ = phrases.noun_phrase(after[(np_end or 0) + paid_for.end():])
            head, mods = "cost", mods | thing_mods | ({thing} if thing else set())
    if head is None and kind == MONEY and _INCLUDES_RE.search(before):  # "The bond … includes $12 million for…"
        head, mods = phrases.subject_head(text[:q.start - len(before) + _INCLUDES_RE.search(before).start()])
        head = _MONEY_ROLES.get(head, head)
    if head is None and kind == MONEY and _PURPOSE_AFTER_RE.match(after) and not _SERIES_BEFORE_RE.search(before):
        head = "cost"  # "sets aside $1.2 million for road resurfacing"
    if head is None and kind == COUNT:
        of_phrase = _OF_THE_OPENER_RE.match(text)
        complement = _COPULA_AFTER_RE.match(rest)
        if of_phrase and of_phrase.end() <= q.start:  # "Of the recalled bottles, 2.1 million were sold…"
            head, mods, _ = phrases.noun_phrase(" " + of_phrase.group(1))
        elif complement and not phrases.PAST_TENSE_RE.fullmatch(complement.group("word")) \
                and not complement.group("word").endswith("ing"):  # "nine were firefighters"; not "were sold"
            head, mods, np_end = phrases.noun_phrase(rest[complement.start("word") - 1:])
            np_end += complement.start("word") - 1
    if head is None and kind in (COUNT, MONEY) and _SERIES_BEFORE_RE.search(before):
        prior = [h for h in heads if h[0] < q.start]
        number_of = _NUMBER_OF_RE.search(text[:q.start])
        if prior:  # "from 166 in May, to 139 in June": the series counts one thing
            head, mods, elided = prior[-1][1], prior[-1][2], True
        elif number_of:  # "the number of paid employees went from 166…"
            head, mods, _ = phrases.noun_phrase(" " + number_of.group(1))
            elided = head is not None
    if head is None and kind != CHANGE or head in _MEASURE_HEADS or (kind == COUNT and head in ("percent",)):
        return None
    rate = _RATE_RE.match(after[np_end:] if np_end else after)
    unit = unit if unit == CANDIDATE else unit or (rate.group("per") if rate else "") or ("each" if _EACH_RE.match(after[np_end:] if np_end
                                                                                    else after) else "")
    definite = bool(_DEFINITE_BEFORE_RE.search(before)) or bool(_ALL_OF_RE.search(before))
    after_np = rest[np_end:] if np_end else rest
    restrictive = kind in (COUNT, SHARE) and bool(_RESTRICTIVE_RE.match(after_np))
    participle = kind in (COUNT, SHARE) and bool(_PARTICIPLE_AFTER_RE.match(after_np))
    change = bool(_CHANGE_RE.search(before) or _CHANGE_AFTER_RE.match(after[np_end:] if np_end else after)
                  or _SHORT_OF_AFTER_RE.match(after_np)  # "45 signatures short of the 1,200 needed": a difference
                  or _FROM_BEFORE_RE.search(before) and (q.is_range or _TO_FIGURE_AFTER_RE.match(after)))
    # ("from 166 … to 139", "anywhere from 120 to 150 grams": a change or a spread, not one value)
    changed_to = _CHANGED_TO_RE.search(text, max(0, q.start - 60), q.start)
    if changed_to and kind in (MONEY, SHARE) and not change:  # "rates will be adjusted to $2.50": the new rate
        head, mods = _changed_head(text[:q.start], changed_to)
        head = _MONEY_ROLES.get(head, head) if kind == MONEY else head
    elif kind != CHANGE and (_CHANGE_VERB_RE.search(before) and not (kind == MONEY and _FUNDRAISING_RE.search(
            before[-30:])) or q.unit == numbers.FRACTION and _IN_HALF_RE.search(before[-8:])):
        change = True
    if head is None and kind != CHANGE:
        return None
    label = _LABEL_RE.match(r.text) if r.opens_block else None
    entity = _entity(r, q, before, people) or (label.group(1).lower() if label else None)  # "Business ($19.99/mo): …"
    time = _time(r, q, article)
    context_time = context if time is None else None
    place = _place(r, q, last_place)
    clause = _clause(text, q.start)
    clause_start = max((m.end() for m in phrases.CLAUSE_BREAK_RE.finditer(text, 0, q.start)), default=0)
    # a change is planned or asked for by a word anywhere in its clause ("asked residents … to reduce their
    # water use by 20 percent"); another figure only by one just before it ("would cost $2 million")
    window = before[-_MODAL_WINDOW:] if kind != CHANGE else text[clause_start:q.start]
    modal_word = None
    for modal_word in _MODAL_RE.finditer(window):
        pass
    # "plans to use part of the $532,000 payout": a definite figure exists whatever is planned for it
    modal = bool(modal_word and not (definite and _DETERMINER_RE.search(window, modal_word.end()))
                 or _REQUIRED_AFTER_RE.match(after_np))
    reported = people.reported_start(r, clause_start, q.start)  # "Tsai said the petition has 1,100": the petition
    subject, _ = phrases.subject_head(text[reported or clause_start:q.start]) if kind in (MONEY, COUNT) \
        else (None, frozenset())
    tail_text = _TAIL_END_RE.split(rest[np_end:] if np_end else rest, maxsplit=1)[0]
    tail = _predicate(tail_text)
    if kind == SHARE and elided:
        tail = tail | _predicate(after[:80])
    if kind == SHARE and group:  # what is said of the group may come before it: "Runner's knee affects one in four"
        tail = tail | _predicate(text[clause_start:q.start], last=True)
    claimed = bool(_CLAIM_RE.search(text[clause_start:q.start]))
    degree = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", tail_text)[:_TAIL_WORDS + 2]
                       if w.lower() in _DEGREE_WORDS)
    listing = text.rstrip().endswith(":")
    subset = _SUBSET_AFTER_RE.match(after) if kind == COUNT else None
    return Mention(kind, q, q.low, q.high, r.start + q.start, r.start + q.end, q.text, r.index, r.block, head, mods,
                   direction, group, unit,
                   entity, subject, time, context_time, place, definite, partitive, restrictive, participle, change,
                   modal,
                   r.in_quotes(q.start), bool(_TOTAL_RE.search(clause)), elided, claimed, listing, tail, degree, r.stems,
                   " ".join(re.findall(r"[a-z]+", before.lower())[-_LEAD_IN_WORDS:]),
                   subset.group(1).lower() if subset else "", r.short_block,
                   bool(_DEMONSTRATIVE_RE.search(before) or kind in (COUNT, MONEY)
                        and _PRONOUN_SUBJECT_RE.match(text[clause_start:q.start])))


def _predicate(text: str, last: bool = False) -> frozenset[str]:
    """Stems of the content words of what a clause says of a counted thing (the first or
    ``last`` few); names keep their capital, so that agreement can be told from a shared name."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]+", text) if w.lower() not in FUNCTION_WORDS
             and w.lower() not in phrases.NOT_NOUN and w.lower() not in hedges.HEDGE_WORDS]
    words = words[-_LEAD_WORDS:] if last else words[:_TAIL_WORDS]
    return frozenset(stem(w) if w[0].islower() else stem(w).title() for w in words)


def _changed_head(before: str, m: re.Match) -> tuple[str | None, frozenset[str]]:
    """What a "changed to" figure is the new value of: the object of the verb ("cutting student
    loan interest rates to 2.37%") or, in the passive, its subject ("hourly rates will be adjusted to")."""
    head, mods, _ = phrases.noun_phrase(" " + re.sub(r"^\s*(?:the|its|their|his|her|our)\s+", "", m.group("object")))
    if head is None:
        head, mods = phrases.subject_head(re.sub(r"\s+(?:will|would|to|is|are|was|were|be|been|being|has|have)(?:\s+\w+)?\s*$",
                                          "", before[:m.start()]))
    return head, mods


def _money_head(before: str) -> tuple[str | None, frozenset[str]]:
    """What an amount is, from the words before it: "a fundraising haul of", "raised", "the
    city's share of the cost would be"."""
    of = _OF_BEFORE_RE.search(before)
    if of and of.group(1) not in FUNCTION_WORDS:
        words = re.findall(r"[a-z][\w-]*", before[:of.start(1)])
        mods = frozenset(stem(w) for w in words[-2:] if w not in FUNCTION_WORDS and w not in phrases.NOT_NOUN
                         and w not in phrases.ASPECT_WORDS)
        return stem(of.group(1)), mods
    verb = _VERB_BEFORE_RE.search(before)
    if verb and stem(verb.group(1)) in _MONEY_VERBS:
        return stem(verb.group(1)), frozenset()
    copula = _COPULA_BEFORE_RE.search(before)
    if copula and copula.group(1).strip():
        head, mods = phrases.subject_head(copula.group(1))
        return head, mods
    return None, frozenset()


def _entity(r: Reading, q: numbers.Quantity, before: str, people: People) -> str | None:
    owner = _OWNER_BEFORE_RE.search(before)
    if owner:
        if owner.group("pron") in ("his", "her"):
            p = people.pronoun(r, q.start - len(before) + owner.start("pron"), owner.group("pron"))
            return p.surname if p else None
        name = owner.group("name")
        if name and name.lower() not in _NOT_OWNERS:
            words = name.split()
            last = words[-1].strip("'’")
            if last in people.by_surname and people.is_person(last):
                return last
            return " ".join(w.lower() for w in words if w.lower() != "the")  # "the agency's 140 buses"
    clause_start = max((m.end() for m in phrases.CLAUSE_BREAK_RE.finditer(r.text, 0, q.start)), default=0)
    if _RELATIVE_BEFORE_RE.search(r.text, clause_start, q.start):
        return None  # "praised the crews who had rescued 45 people": the crews', not the speaker's
    named = people.named_in(r.start + clause_start, r.start + q.start)
    if named or re.search(r"\b(?:he|she|his|her)\b", r.text[:q.start], re.I):
        subject = people.subject_of(r, q.start)
        return subject.surname if subject else None
    org = re.search(r"\b(?:the\s+)?((?:[A-Z][\w&'’.-]+\s+){1,4}[A-Z][\w&'’.-]+)\s+(?:\w+\s+){0,6}$",
                    r.text[clause_start:q.start]) or re.search(r"\bthe\s+([A-Z][\w&'’.-]+)\s+(?:\w+\s+){0,4}$",
                                                               r.text[clause_start:q.start])  # "the Ninja has six"
    if org and not names.STATES.get(org.group(1)) and org.group(1).split()[-1] not in names.NOT_GIVEN_NAMES:
        return re.sub(r"^the\s+", "", org.group(1).lower())
    opener = _NAMED_SUBJECT_RE.match(r.text, clause_start)  # "Root Insurance Group increased its NPW 147.3%"
    if opener and opener.group(1).split()[0] not in names.NOT_GIVEN_NAMES:
        return opener.group(1).lower()
    owner = _SUBJECT_OWNER_RE.match(r.text, clause_start)  # "Calverra's unemployment rate rose to 4.6 percent"
    if owner and owner.group(1).split()[0] not in names.NOT_GIVEN_NAMES and owner.end() <= q.start:
        return owner.group(1).lower()
    return None


def _time(r: Reading, q: numbers.Quantity, article) -> tuple[float, float] | None:
    """When a figure holds: a time expression right after it ("192 in July", "31 fires … in
    2024"), or one earlier in its clause ("In July, it paid 172"). "Since X" is the stretch
    from X to the article's date."""
    points = [w for w in r.times if w.kind in (calendar.POINT, calendar.SPAN)]
    if not points:
        return None
    clause_start = max((m.end() for m in phrases.CLAUSE_BREAK_RE.finditer(r.text, 0, q.start)), default=0)
    nxt = phrases.CLAUSE_BREAK_RE.search(r.text, q.end)
    clause_end = nxt.start() if nxt else len(r.text)
    relative = _RELATIVE_OPEN_RE.search(r.text, clause_start, q.start)
    if relative:  # "The association, which represents about 2,400 teachers, walked off … on September 8"
        clause_start = relative.start()
        comma = r.text.find(",", q.end)
        clause_end = min(clause_end, comma) if comma >= 0 else clause_end
    later = [w for w in points if q.end <= w.start < clause_end and w.start - q.end <= 60
             and (_TIME_AFTER_RE.match(r.text[q.end:w.start]) or not w.absolute)]
    earlier = [w for w in points if clause_start <= w.start and w.end <= q.start]
    chosen = later[0] if later else (earlier[-1] if earlier else None)
    if chosen is None:
        vague = _UNRESOLVED_TIME_RE.search(r.text, clause_start, clause_end)
        past = [w for w in r.times if w.kind == calendar.DURATION and w.direction == calendar.PAST
                and clause_start <= w.start < clause_end]
        if past and article:  # "in the past four years"
            return article[0] - past[0].high, article[1]
        return vague.group(0).lower() if vague else (past[0].text if past else None)
    span = calendar.resolve(chosen, article)
    if span is None:
        return chosen.text.lower()  # "last year" in an undated article: a time, but which?
    if re.search(r"\bsince\s+(?:at least\s+)?$", r.text[max(0, chosen.start - 16):chosen.start]):
        return (span[0], article[1]) if article else chosen.text.lower()
    return span


def _place(r: Reading, q: numbers.Quantity, last_place: str | None) -> str | None:
    places = r.places
    if _THERE_RE.search(r.text) and not places:
        return last_place
    if not places:
        return None
    after = [p for p in places if 0 <= p[0] - q.end <= 40]
    if after:
        return after[0][1]
    before = [p for p in places if p[0] < q.start]
    return before[-1][1] if before else places[0][1]


def _clause(text: str, at: int) -> str:
    start = max((m.end() for m in phrases.CLAUSE_BREAK_RE.finditer(text, 0, at)), default=0)
    m = phrases.CLAUSE_BREAK_RE.search(text, at)
    return text[start:m.start() if m else len(text)]
