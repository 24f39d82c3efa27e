"""Claims an article makes about its own length: word counts and reading times."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from contentlint.analyses import Context
from contentlint.document import PARAGRAPH, Block, Document, Span
from contentlint.language import hedges, numbers
from contentlint.language.words import count_words
from contentlint.rule import Finding, Rule, Severity

_SELF_NOUNS = (r"(?:guide|article|post|blog post|piece|read|story|explainer|review|tutorial|overview|"
               r"primer|feature|deep[- ]dive|breakdown|roundup|analysis|write-?up|report|essay|walkthrough)")

# Each form of a claim is what stands before and after a figure (the number grammar is
# contentlint.language.numbers, shared with every other rule).
_WORD_LABEL_RE = re.compile(r"\bword[- ]?count\s*[:=]?\s*$", re.I)
_LENGTH_LABEL_RE = re.compile(r"\blength\s*[:=]\s*$", re.I)
_WORDS_AFTER_RE = re.compile(r"(?:\s*words?\b)?", re.I)
_WORDS_REQUIRED_RE = re.compile(r"\s*words\b", re.I)
_WORD_ADJ_AFTER_RE = re.compile(rf"[- ]words?\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{_SELF_NOUNS})\b", re.I)
_WORD_NOUN_AFTER_RE = re.compile(r"\s+words\b", re.I)
_SELF_BEFORE_RE = re.compile(r"\b(?:this|our|here'?s|here is|the following)\b[\w\s,-]{0,30}$", re.I)
_SELF_CLAUSE_RE = re.compile(
    r"\b(?:this|the)\s+(?:article|post|guide|piece|story|review|essay|page)\s+(?:is|runs|clocks in at|"
    r"comes in at|weighs in at|has|contains)\s+$", re.I)

_MIN = r"(?:minutes?|mins?\.?|m)\b"
_TIME_READ_AFTER_RE = re.compile(rf"[- ]?{_MIN}[- ](?:long\s+)?read\b", re.I)
_TIME_LABEL_RE = re.compile(r"\b(?:estimated\s+)?(?:reading|read)[- ]time\s*[:=]?\s*$", re.I)
_MIN_AFTER_RE = re.compile(rf"\s*{_MIN}", re.I)
_TAKES_RE = re.compile(r"\b(?:takes?|taking|need|needs)\s+(?:you\s+)?(?:only\s+|just\s+)?$", re.I)
_TO_READ_AFTER_RE = re.compile(rf"\s+{_MIN}\s+to\s+read\b", re.I)
_TIME_SUBJECT_RE = re.compile(r"\b(?:this|it|article|guide|post|piece|story|review)\b[^.!?]{0,40}$", re.I)

# Cheap pre-filters: a block can hold a claim only if it contains one of these.
_WORD_TRIGGER_RE = re.compile(r"word|length", re.I)
_TIME_TRIGGER_RE = re.compile(r"min|read", re.I)

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


@dataclass(frozen=True)
class _Form:
    """A claim's shape: a label before the figure (or None) and what follows it."""

    before: re.Pattern | None
    after: re.Pattern
    accept: Callable  # (doc, block, start, after_match, in_header) -> bool


def _claim(q: numbers.Quantity, start: int, end: int, prose: str) -> Claim:
    low, high = (q.low, q.high) if q.is_range else (q.value, q.value)
    kind = hedges.kind(q.hedge)
    bound = "over" if kind in (hedges.ABOVE, hedges.JUST_ABOVE) else "under" if kind == hedges.BELOW else ""
    return Claim(Span(start, end), low, high, bound, " ".join(prose[start:end].split()))


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
        if block.kind == PARAGRAPH and count_words(doc.text(block)) >= _FIRST_PARAGRAPH_WORDS:
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


def _adjective_claim(doc, block, start, after, in_header):  # "this 2,000-word guide", "a quick 450-word read"
    if _SELF_BEFORE_RE.search(_before(doc, block, start, 40)):
        return True
    return in_header and (after.group("noun").lower() == "read" or _is_meta_block(doc, block))


def _noun_claim(doc, block, start, after, in_header):  # "· about 700 words", "(3,200 words)", "this post is 800 words"
    if _SELF_CLAUSE_RE.search(_before(doc, block, start, 40)):
        return True
    return in_header and (_is_meta_block(doc, block) or _in_parentheses(doc.prose, start, after.end()))


def _takes_claim(doc, block, start, after, in_header):  # "this guide takes six minutes to read"
    return bool(_TIME_SUBJECT_RE.search(_before(doc, block, start, 60))) or (
        in_header and _is_meta_block(doc, block))


_WORD_FORMS = (_Form(_WORD_LABEL_RE, _WORDS_AFTER_RE, _anywhere), _Form(_LENGTH_LABEL_RE, _WORDS_REQUIRED_RE, _anywhere),
               _Form(None, _WORD_ADJ_AFTER_RE, _adjective_claim), _Form(None, _WORD_NOUN_AFTER_RE, _noun_claim))
_TIME_FORMS = (_Form(_TIME_LABEL_RE, _MIN_AFTER_RE, _header_only), _Form(None, _TIME_READ_AFTER_RE, _header_only),
               _Form(_TAKES_RE, _TO_READ_AFTER_RE, _takes_claim))


def _scan(ctx: Context, trigger: re.Pattern, forms) -> Iterator[Claim]:
    doc = ctx.doc
    prose = doc.prose
    header_end = _header_end(ctx)
    header_claim_seen = False  # only the first header label counts: later ones repeat it or are teasers
    for block in ctx.article_blocks:
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
                if form.accept is _header_only:
                    if header_claim_seen:
                        continue
                    header_claim_seen = True
                yield _claim(q, start, after.end(), prose)


def word_count_claims(ctx: Context) -> Iterator[Claim]:
    """Every claim the article makes about its own number of words."""
    yield from _scan(ctx, _WORD_TRIGGER_RE, _WORD_FORMS)
    yield from _front_matter_claims(ctx.doc, _WORD_COUNT_KEYS)


def reading_time_claims(ctx: Context) -> Iterator[Claim]:
    """Every claim the article makes about its own reading time."""
    yield from _scan(ctx, _TIME_TRIGGER_RE, _TIME_FORMS)
    yield from _front_matter_claims(ctx.doc, _READING_TIME_KEYS)


def _front_matter_claims(doc: Document, keys: tuple[str, ...]) -> Iterator[Claim]:
    for key in keys:
        value = str(doc.meta.get(key) or "")
        figures = numbers.find_quantities(value)
        if figures and figures[0].figure_start == len(value) - len(value.lstrip()) and key in doc.meta_spans:
            claim = _claim(figures[0], 0, len(value), value)
            yield Claim(doc.meta_spans[key], claim.low, claim.high, claim.hedge, f"{key}: {value}")


def _off_by(claim: Claim, actual: float, tolerance: float) -> bool:
    """Whether ``actual`` lies outside the claimed figure, widened by ``tolerance`` (absolute)."""
    low = claim.low if claim.hedge != "under" else 0.0
    high = claim.high if claim.hedge != "over" else float("inf")
    return actual < low - tolerance or actual > high + tolerance


def _fmt(n: float) -> str:
    return f"{n:,.0f}"


class WordCountClaim(Rule):
    """A stated word count does not match the article's real length.

    The real length is the number of words (see ``contentlint.segment``) in the
    article's body: title, page chrome, boilerplate blocks (CL2xx), front matter,
    code and markup are not counted. A claim is about the article itself only when it says so: a label
    ("Word count: 3,200"), a byline or parenthesised note ("· about 700 words",
    "(3,200 words)"), "this/our N-word guide", "a quick N-word read", or a front
    matter ``word_count``. Hedges are honoured: "over 2,000 words" is wrong only
    when the article is shorter.

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
        doc = ctx.doc
        actual = ctx.word_count
        for claim in word_count_claims(ctx):
            if not actual or not _off_by(claim, actual, self.options.tolerance * actual):
                continue
            nearest = claim.low if actual < claim.low else claim.high
            pct = f"{(actual - nearest) / nearest * 100:+.0f}%".replace("-", "−")
            yield Finding(claim.span, f"claims {_describe(claim, 'words')}; the article's body has "
                          f"{_fmt(actual)} ({pct})")


class ReadingTimeClaim(Rule):
    """A stated reading time does not match the article's length.

    The expected time is the article's body word count divided by the reading
    speed (default 238 words a minute, the average for adult non-fiction in
    Brysbaert's 2019 meta-analysis). A claim may be off by one minute or 25 %,
    whichever is larger. Claims count when they are labels ("Reading time: 5
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
    - `words_per_minute` (default 238)
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
        tolerance_minutes: float = 1.0
        tolerance: float = 0.25

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        words = ctx.word_count
        if not words or self.options.words_per_minute <= 0:
            return
        minutes = words / self.options.words_per_minute
        slack = max(self.options.tolerance_minutes, self.options.tolerance * minutes)
        shown = max(1, round(minutes))
        for claim in reading_time_claims(ctx):
            if _off_by(claim, minutes, slack):
                yield Finding(claim.span, f"claims {_describe(claim, 'minutes')}; at "
                              f"{self.options.words_per_minute} words a minute the article's "
                              f"{_fmt(words)} words take about {shown} minute{'s' if shown != 1 else ''}")


def _describe(claim: Claim, unit: str) -> str:
    figure = _fmt(claim.low) if claim.low == claim.high else f"{_fmt(claim.low)}–{_fmt(claim.high)}"
    prefix = {"over": "over ", "under": "under "}.get(claim.hedge, "")
    return f"{prefix}{figure} {unit}"
