"""Claims an article makes about its own length: word counts and reading times."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from contentlint.analyses import Context
from contentlint.document import PARAGRAPH, Block, Document, Span
from contentlint.language import hedges, lazy_re, numbers
from contentlint.language.words import count_words, words_in
from contentlint.rule import Finding, Fix, Rule, Severity

_SELF_NOUNS = (r"(?:guide|article|post|blog post|piece|read|story|explainer|review|tutorial|overview|"
               r"primer|feature|deep[- ]dive|breakdown|roundup|analysis|write-?up|report|essay|walkthrough)")

# Each form of a claim is what stands before and after a figure (the number grammar is
# contentlint.language.numbers, shared with every other rule).
_WORD_LABEL_RE = lazy_re.compile(r"\b(?:word[- ]?count\s*[:=]?|words\s*[:=])\s*$", re.I)
_LENGTH_LABEL_RE = lazy_re.compile(r"\blength\s*[:=]\s*$", re.I)
_WORDS_AFTER_RE = lazy_re.compile(r"(?:\s*words?\b)?", re.I)
_WORDS_REQUIRED_RE = lazy_re.compile(r"\s*words\b", re.I)
# "N-word guide", "N word breakdown": the figure and "word" make one adjective (not "in 20 words or less")
_WORD_ADJ_AFTER_RE = lazy_re.compile(r"(?:-words?|\s+word)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z][\w-]*)\b", re.I)
_SELF_NOUN_RE = lazy_re.compile(rf"{_SELF_NOUNS}$", re.I)
# "this 500-word limit", "our 300-word maximum": a rule about other writing, not this article's length
_LIMIT_NOUNS = frozenset("limit cap maximum minimum max min requirement threshold ceiling target allowance".split())
_WORD_NOUN_AFTER_RE = lazy_re.compile(r"\s+words\b", re.I)
_SELF_BEFORE_RE = lazy_re.compile(r"\b(?:this|our|here'?s|here is|the following)\b[\w\s,-]{0,30}$", re.I)
_THESE_BEFORE_RE = lazy_re.compile(r"\bthese\s+$", re.I)  # "…the end of these 2,500 words"
_NEXT_BEFORE_RE = lazy_re.compile(r"(?:^|[.!?:]\s+|\b(?:in|over|across|for)\s+)the\s+(?:next|following)\s+"
                                  r"(?:(?:roughly|about|some|nearly)\s+)?$", re.I)
# "3,000 words of analysis follow", "the 2,000 words below": the words are the article's own
_FOLLOW_RE = lazy_re.compile(r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?(?:\s+(?:that|which))?\s+(?:follows?|below|ahead)"
                             r"(?=\s*(?:[.,;:!—–]|$))", re.I)
# "At 1,800 words, this is our longest explainer", "In 1,500 words, we explain…"
_AT_LENGTH_BEFORE_RE = lazy_re.compile(r"\b(?:at|in)\s+$", re.I)
_AT_LENGTH_AFTER_RE = lazy_re.compile(r"\s+words,?\s+(?:this|our|we|i|here|it)\b", re.I)
# The article as the subject of a length verb: "this post is", "this one runs to", "Our look at the
# season clocks in at", "the guide weighs in at".
_SELF_CLAUSE_RE = lazy_re.compile(
    r"(?:\b(?:this|our)\b[^.!?]{0,60}?|\bthe\s+(?:article|post|guide|piece|story|review|essay|page)\s+)"
    r"(?:is|runs|runs to|runs about|clocks in at|comes in at|weighs in at|has|contains|totals|stretches to|spans)\s+$",
    re.I)
_SELF_CLAUSE_CHARS = 100

_MIN = r"(?:minutes?|mins?\.?|m)\b"
_TIME_READ_AFTER_RE = lazy_re.compile(rf"[- ]?{_MIN}[- ](?:long\s+)?read\b", re.I)
_TIME_LABEL_RE = lazy_re.compile(r"(?:\b(?:(?:(?:estimated\s+)?(?:reading|read)[- ]time|time\s+to\s+read)\s*[:=—–-]?|"
                                 r"(?:estimated\s+)?(?:reading|read)\s*[:=])|[⏱⌚⏲🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛]\ufe0f?)\s*$", re.I)
_MIN_AFTER_RE = lazy_re.compile(rf"\s*{_MIN}", re.I)
_TAKES_RE = lazy_re.compile(r"\b(?:takes?|taking|need|needs)\s+(?:you\s+)?(?:only\s+|just\s+)?$", re.I)
_TO_READ_AFTER_RE = lazy_re.compile(rf"\s+{_MIN}\s+to\s+read\b", re.I)
_READING_TAKES_RE = lazy_re.compile(r"\breading\s+(?:this|it|the\s+(?:article|guide|post|piece|story))\b[^.!?]{0,30}?"
                                    r"\b(?:takes?|will\s+take|should\s+take)\s+(?:you\s+)?(?:only\s+|just\s+)?$", re.I)
_TIME_SUBJECT_RE = lazy_re.compile(r"\b(?:this|it|article|guide|post|piece|story|review)\b[^.!?]{0,40}$", re.I)

# Cheap pre-filters: a block can hold a claim only if it contains one of these.
_WORD_TRIGGER_RE = lazy_re.compile(r"word|length", re.I)
_TIME_TRIGGER_RE = lazy_re.compile(r"min|read", re.I)

_ROUNDED_FROM = 100  # a fix rounds a true count to the ten from here (under it, "48-word", not "50-word")
_MIN_ARTICLE_WORDS = 50  # a smaller figure counts a phrase ("in six words"), never an article
_META_SEPARATORS = ("·", "|", "•", "—", " - ")
_META_BLOCK_MAX_WORDS = 30
_FIRST_PARAGRAPH_WORDS = 40  # the article's header ends at its first paragraph this long
_WORD_COUNT_KEYS = ("word_count", "wordcount", "word-count", "words")
_READING_TIME_KEYS = ("reading_time", "readingtime", "reading-time", "read_time", "readtime")


@dataclass(frozen=True)
class Claim:
    span: Span
    low: float
    high: float
    hedge: str  # "", "over" or "under": which way the figure bounds the truth
    text: str
    figure: Span | None = None  # the figure written in digits, with a hedge that bounds it: what a fix rewrites
    written: str = ""  # the figure as written ("2,000"): a fix writes the true one alike


@dataclass(frozen=True)
class _Form:
    """A claim's shape: a label before the figure (or None) and what follows it."""

    before: re.Pattern | None
    after: re.Pattern
    accept: Callable  # (doc, block, start, after_match, in_header) -> bool


def _claim(q: numbers.Quantity, start: int, end: int, prose: str, at: int = 0) -> Claim:
    """The claim a figure makes; ``at`` is where ``prose`` starts in the source (a front-matter value)."""
    low, high = (q.low, q.high) if q.is_range else (q.value, q.value)
    kind = hedges.kind(q.hedge)
    bound = "over" if kind in (hedges.ABOVE, hedges.JUST_ABOVE) else "under" if kind == hedges.BELOW else ""
    figure = None if q.in_words else Span(at + (q.start if bound else q.figure_start), at + q.end)
    return Claim(Span(start, end), low, high, bound, " ".join(prose[start:end].split()), figure,
                 prose[q.figure_start:q.end])


def _is_meta_block(doc: Document, block: Block) -> bool:
    """A byline or info line ("By X · May 5, 2025 · about 300 words"), or a parenthesised note."""
    text = doc.text(block)
    if count_words(text) > _META_BLOCK_MAX_WORDS:
        return False
    return any(sep in text for sep in _META_SEPARATORS) or text.startswith(("(", "[", "*"))


def _in_parentheses(text: str, start: int, end: int) -> bool:
    return text.rfind("(", 0, start) > text.rfind(")", 0, start) and ")" in text[end:end + 40]


def _header_end(ctx: Context) -> int:
    """Where the article's header (title, byline, standfirst) ends: at its first real paragraph.

    Bylines and "N min read" labels count only there: further down the page the same
    shapes describe other articles (teasers, related posts).
    """
    doc = ctx.doc
    for block in ctx.article_blocks:
        if block.kind == PARAGRAPH and len(words_in(doc.prose, block.start, block.end)) >= _FIRST_PARAGRAPH_WORDS:
            return block.start
    return len(doc.source)


def _before(doc: Document, block: Block, start: int, chars: int) -> str:
    return doc.prose[max(block.start, start - chars):start]


# Each acceptor decides whether a figure in one of the forms is a claim about this article:
# accept(doc, block, start, after_match, in_header) -> bool.
def _anywhere(doc, block, start, after, in_header):
    return True


def _header_only(doc, block, start, after, in_header):
    return in_header


def _header_or_standalone(doc, block, start, after, in_header):  # "Reading time: 10 minutes" as its own line
    return in_header or _is_standalone(doc, block, start, after.end())


def _adjective_claim(doc, block, start, after, in_header):  # "this 2,000-word guide", "a quick 450-word read"
    noun = after.group("noun").lower()
    if noun in _LIMIT_NOUNS:
        return False
    if _SELF_BEFORE_RE.search(_before(doc, block, start, 40)):
        return True
    return bool(_SELF_NOUN_RE.match(noun)) and (block is doc.title or in_header and (
        noun == "read" or _is_meta_block(doc, block)))


def _noun_claim(doc, block, start, after, in_header):  # "· about 700 words", "(3,200 words)", "this post is 800 words"
    if _SELF_CLAUSE_RE.search(_before(doc, block, start, _SELF_CLAUSE_CHARS)) or \
            _THESE_BEFORE_RE.search(_before(doc, block, start, 10)) or _is_standalone(doc, block, start, after.end()) \
            or _NEXT_BEFORE_RE.search(_before(doc, block, start, 40)) or _FOLLOW_RE.match(doc.prose, after.end(), block.end):
        return True
    return in_header and (_is_meta_block(doc, block) or _in_parentheses(doc.prose, start, after.end()))


def _is_standalone(doc, block, start, end) -> bool:
    """The claim is its block, alone or in brackets: "[approx. 2,500 words]", "Reading time: 10 minutes"."""
    rest = doc.prose[block.start:start] + doc.prose[end:block.end]
    return not rest.strip(" \t\n()[]*_·|—–-:.")


def _takes_claim(doc, block, start, after, in_header):  # "this guide takes six minutes to read"
    return bool(_TIME_SUBJECT_RE.search(_before(doc, block, start, 60))) or (
        in_header and _is_meta_block(doc, block))


_WORD_FORMS = (_Form(_WORD_LABEL_RE, _WORDS_AFTER_RE, _anywhere), _Form(_LENGTH_LABEL_RE, _WORDS_REQUIRED_RE, _anywhere),
               _Form(None, _WORD_ADJ_AFTER_RE, _adjective_claim), _Form(None, _WORD_NOUN_AFTER_RE, _noun_claim),
               _Form(_AT_LENGTH_BEFORE_RE, _AT_LENGTH_AFTER_RE, _anywhere))
_TIME_FORMS = (_Form(_TIME_LABEL_RE, _MIN_AFTER_RE, _header_or_standalone), _Form(None, _TIME_READ_AFTER_RE, _header_only),
               _Form(_TAKES_RE, _TO_READ_AFTER_RE, _takes_claim), _Form(_READING_TAKES_RE, _MIN_AFTER_RE, _anywhere))


def _scan(ctx: Context, trigger: re.Pattern, forms) -> Iterator[Claim]:
    doc = ctx.doc
    prose = doc.prose
    header_end = _header_end(ctx)
    header_claim_seen = False  # only the first header label counts: later ones repeat it or are teasers
    title = [doc.title] if doc.title is not None else []  # "The Complete 3,000-Word Guide to …"
    for block in title + ctx.article_blocks:
        if not trigger.search(prose, block.start, block.end):
            continue
        figures = [q for q in numbers.find_quantities(prose, block.start, block.end) if q.unit == numbers.COUNT]
        for form in forms:
            for q in figures:
                label = form.before.search(prose, max(block.start, q.start - 40), q.start) if form.before else None
                after = form.after.match(prose, q.end, block.end)
                if (form.before and not label) or not after:
                    continue
                start = label.start() if label else q.start
                if not form.accept(doc, block, start, after, block.start < header_end):
                    continue
                if form.accept in (_header_only, _header_or_standalone):
                    if header_claim_seen:
                        continue
                    header_claim_seen = True
                yield _claim(q, start, after.end(), prose)


def word_count_claims(ctx: Context) -> Iterator[Claim]:
    """Every claim the article makes about its own number of words: not one inside someone's quoted
    words ("our 600-word piece," he said), nor a figure too small to be an article ("these 2 words")."""
    for claim in _scan(ctx, _WORD_TRIGGER_RE, _WORD_FORMS):
        if claim.high >= _MIN_ARTICLE_WORDS and not _in_quotation(ctx, claim):
            yield claim
    yield from _front_matter_claims(ctx.doc, _WORD_COUNT_KEYS)


def _in_quotation(ctx: Context, claim: Claim) -> bool:
    return any(a <= claim.span.start < b for a, b in ctx.quoted_spans)


def reading_time_claims(ctx: Context) -> Iterator[Claim]:
    """Every claim the article makes about its own reading time."""
    yield from _scan(ctx, _TIME_TRIGGER_RE, _TIME_FORMS)
    yield from _front_matter_claims(ctx.doc, _READING_TIME_KEYS)


def _front_matter_claims(doc: Document, keys: tuple[str, ...]) -> Iterator[Claim]:
    for key in keys:
        value = str(doc.meta.get(key) or "")
        figures = numbers.find_quantities(value)
        if figures and figures[0].figure_start == len(value) - len(value.lstrip()) and key in doc.meta_spans:
            span = doc.meta_spans[key]  # the line "key: value"
            at = doc.source.find(value, span.start + len(key), span.end)
            claim = _claim(figures[0], 0, len(value), value, at)
            yield Claim(span, claim.low, claim.high, claim.hedge, f"{key}: {value}",
                        claim.figure if at >= 0 else None, claim.written)


def _off_by(claim: Claim, actual_low: float, actual_high: float, tolerance: float) -> bool:
    """Whether the true figure (somewhere in ``actual_low..actual_high``) lies outside the claimed
    one, widened by ``tolerance`` (absolute)."""
    low = claim.low if claim.hedge != "under" else 0.0
    high = claim.high if claim.hedge != "over" else float("inf")
    return actual_high < low - tolerance or actual_low > high + tolerance


def _fmt(n: float) -> str:
    return f"{n:,.0f}"


class WordCountClaim(Rule):
    """A stated word count does not match the article's real length.

    Sites count differently, so a claim is wrong only when it is outside the
    tolerance of every reasonable count: from the article's body alone (no title,
    page chrome, boilerplate blocks, front matter, code or markup) up to every
    word on the page (see ``contentlint.language.words``). A claim is about the
    article itself only when it says so: a label ("Word count: 3,200", "Words:
    900"), a byline or a note standing alone ("· about 700 words", "[~2,100
    words]"), the article as the subject ("this post is 2,400+ words", "At 1,800
    words, this is…", "the end of these 2,500 words"), "this/our N-word guide",
    the title ("The Complete 3,000-Word Guide"), or a front matter
    ``word_count``. Hedges are honoured: "over 2,000 words" and "2,000+ words" are
    wrong only when the article is shorter. Not claims: figures inside someone's
    quoted words, limits ("a 500-word limit") and figures under 50 words.

    ## Why it matters
    Scraped and machine-written articles keep the word count of a draft or of the
    prompt ("write a 3,000-word guide"). A reader promised an in-depth guide who
    gets 900 words stops trusting the site, and an editor publishing it looks careless.

    ## Fails
    ```
    In this 2,000-word guide we cover everything about sourdough.   (article: 950 words)
    ```

    ## Passes
    ```
    By Jonah Reyes · October 2, 2025 · about 710 words              (article: 700 words)
    Entries have a 300-word limit.                                  (not about this article)
    ```

    ## Options
    - `tolerance` (default 0.10): how far, as a share of the real count, the claim may be off.
    """

    code = "CL101"
    name = "word-count-mismatch"
    category = "word-count"
    severity = Severity.ERROR

    @dataclass(frozen=True)
    class Options:
        tolerance: float = 0.10

    def check(self, ctx: Context) -> Iterator[Finding]:
        for claim in word_count_claims(ctx):
            body, whole = ctx.word_count, max(ctx.word_count, ctx.whole_word_count)
            if not body or not _off_by(claim, body, whole, self.options.tolerance * body):
                continue
            actual = whole if whole < claim.low else body  # the count nearest the claim
            nearest = claim.low if actual < claim.low else claim.high
            share = abs(actual - nearest) / nearest * 100
            pct = f"{share:.0f}% {'fewer' if actual < nearest else 'more'} than claimed"
            page = f", {_fmt(whole)} counting its title and everything else on the page" if whole > body else ""
            yield Finding(claim.span, f"claims {_describe(claim, 'words')}; the article has "
                                      f"{_fmt(body)} words{page} ({pct})", fix=_true_figure(claim, body))


class ReadingTimeClaim(Rule):
    """A stated reading time does not match the article's length.

    The expected time is the article's body word count divided by the reading
    speed (238 words a minute, the average for adult non-fiction in Brysbaert's
    2019 meta-analysis). Sites compute it with their own speed, from 200 (the
    common plugin default) to 265 (Medium's), so any time within that span is
    honest; a claim may be off from it by one minute or 25 %, whichever is larger. Claims count when they are labels ("Reading time: 5
    min"), "an N-minute read", "this guide takes N minutes to read", or a front
    matter ``reading_time``.

    ## Why it matters
    A "12-minute read" that takes four minutes signals padding or a copied
    template; readers and editors notice.

    ## Fails
    ```
    A 12-minute read.          (article: 950 words, about 4 minutes)
    ```

    ## Passes
    ```
    A 4-minute read.           (article: 950 words)
    ```

    ## Options
    - `words_per_minute` (default 238): the speed the message reports
    - `slowest_words_per_minute` (default 200) and `fastest_words_per_minute` (default 265):
      the speeds a site may have used; set both to `words_per_minute` to allow one speed only
    - `tolerance_minutes` (default 1.0) and `tolerance` (default 0.25): the claim may be off
      by the larger of the two.
    """

    code = "CL102"
    name = "reading-time-mismatch"
    category = "word-count"
    severity = Severity.ERROR

    @dataclass(frozen=True)
    class Options:
        words_per_minute: int = 238
        slowest_words_per_minute: int = 200
        fastest_words_per_minute: int = 265
        tolerance_minutes: float = 1.0
        tolerance: float = 0.25

    def check(self, ctx: Context) -> Iterator[Finding]:
        words = ctx.word_count
        if not words or self.options.words_per_minute <= 0:
            return
        minutes = words / self.options.words_per_minute
        slack = max(self.options.tolerance_minutes, self.options.tolerance * minutes)
        shown = max(1, round(minutes))
        fastest = words / max(self.options.fastest_words_per_minute, self.options.words_per_minute)
        slowest = words / max(1, min(self.options.slowest_words_per_minute, self.options.words_per_minute))
        for claim in reading_time_claims(ctx):
            if _off_by(claim, fastest, slowest, slack):
                yield Finding(claim.span, f"claims {_describe(claim, 'minutes')}; at "
                              f"{self.options.words_per_minute} words a minute the article's "
                              f"{_fmt(words)} words take about {shown} minute{'s' if shown != 1 else ''}",
                              fix=_true_figure(claim, shown))


def _true_figure(claim: Claim, actual: int) -> Fix | None:
    """The claim rewritten to the true figure, as the claim writes figures ("2,000" to "950";
    "over 2,000" to "950", since a bound of the truth is no longer one once rounded)."""
    if claim.figure is None:
        return None
    written = claim.written.rstrip("+")
    rounded = written.endswith("0") and actual >= _ROUNDED_FROM  # a round claim gets a round figure
    figure = round(actual, -1) if rounded else actual
    return Fix(claim.figure, f"{figure:,}" if "," in written else str(figure))


def _describe(claim: Claim, unit: str) -> str:
    figure = _fmt(claim.low) if claim.low == claim.high else f"{_fmt(claim.low)}–{_fmt(claim.high)}"
    prefix = {"over": "over ", "under": "under "}.get(claim.hedge, "")
    return f"{prefix}{figure} {unit}"
