"""Find the blocks of a document that are not the article: one shared analysis.

Signals, combined per block (a paragraph, heading, list item, or a line of text):

- **phrases** (the YAML packs in ``rules/boilerplate``): a block that says "we use
  cookies", "leave a reply" or "subscribe to our newsletter" is that kind of block;
  a short header such as "Related posts" or "People also ask" opens a *section*
  of that kind that runs over the blocks that follow it (see :class:`PhraseKind`);
- **structure**: three or more consecutive headline-like items (short, no end
  period, in title case or all links) form a link list;
- **topic**: a link list whose words the article never uses is confirmed as
  unrelated; a list of on-topic links under "Further reading" is left alone;
- **form fields** (HTML only): the box around a field asking for an email address
  (a sign-up, contact or download form), up to a size no article reaches;
- **repetition**: a block that repeats an earlier one word for word is a second copy;
- **position** (plain text only): the article is the densest contiguous run of
  prose (a maximum-sum segment over the blocks); runs of blocks before or after
  it are page chrome (menus, footers) that a scraper saved with the article. On
  a page where that finds chrome (a scraped page, not a written article), a line
  classifier learned from labelled pages (:mod:`contentlint.analyses.line_model`:
  each line's length, punctuation and words, its neighbours', its place relative
  to the densest run of prose) decides instead, line by line, and also finds the
  teasers, bios and comments inside or next to that run.

The result, ``Context.boilerplate``, is used by the boilerplate rules to report each
block once and by every count (words, reading time) to leave those blocks out.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from contentlint.analyses import line_model
from contentlint.document import HEADING, Block, Document
from contentlint.analyses.prose_run import best_segment, ends_sentence, is_prose, run_scores
from contentlint.language import lazy_re
from contentlint.language.words import FUNCTION_WORDS, words_in

LINK_LIST, PAGE_CHROME, DUPLICATE, EMAIL_FORM = "CL201", "CL210", "CL212", "CL213"


_SECTION_MODES = ("block", "items", "qa", "form", "rest")
_HEADER_MAX_WORDS = 16
_PHRASE_BLOCK_MAX_WORDS = 70  # a longer block is prose that happens to mention the phrase
# A short block is short in characters too: a block of marks with few words ("<!-- <!-- ...") is not
# wording, and matching the wording patterns against it would cost time with the square of its length.
_CHARS_PER_WORD = 20
_ITEM_MIN_WORDS = 4  # shorter items are menu labels, not headlines
_ITEM_MAX_WORDS = 18
_FORM_FIELD_MAX_WORDS = 12
_BUTTON_WORDS = 3
# The labels of a box's buttons: replies, and the networks of a share bar
_BUTTON_RE = lazy_re.compile(r"^\W*(?:yes|no|maybe|not really|ok(?:ay)?|submit|send|close|cancel|thanks|thank you|join|"
                             r"donate|give|subscribe|sign up|learn more|facebook|"
                             r"twitter|x|linkedin|pinterest|pin it|whatsapp|reddit|e-?mail|print|copy link|threads|bluesky|"
                             r"telegram|tumblr|messenger)\W*$")
_OPENING_QUOTES = frozenset('"“‘\'')  # a box's wording quoted in prose is a mention of it ("a bare 'subscribe' box")
_PITCH_MAX_WORDS = 30  # the offer under a sign-up box's header ("Weekly deals, no spam.")
_FIGURE_CELL_RE = lazy_re.compile(r"^[\W\d_]*\d[\W\d_]*(?:%|[a-z]{1,3})?\W*$", re.I)  # "38.8", "62%", "$1,200", "3 km"
# A cell is short ("$1,200,000.00 km"); on a long block of digits and marks ("1. 1. 1. …") the cell
# pattern's choices of which digit is the one it needs cost time with the square of the block's length.
_FIGURE_CELL_MAX_CHARS = 40
_TABLE_SHARE = 0.3  # a block-kind box takes the short buttons right after it ("Accept all")
_MIN_LIST_ITEMS = 3
_ALL_LINKS = 0.9  # link density of a block that is nothing but links
_CHROME_MIN_BLOCKS = 3
_MENU_ITEM_WORDS = 4
_HEADER_BLOCKS = 4
# A block of the article's own header: a byline, a date, a length or reading-time note.
_BYLINE_RE = lazy_re.compile(r"^\W*(?:by|posted|published|updated|written|reviewed)\b|\b(?:19|20)\d\d\b|"
                             r"\bmin(?:ute)?s?\b.{0,6}\bread\b|\bwords\b|\breading time\b", re.I)
# Scores of the article-region search: a non-prose block costs this plus half its words.
_SEGMENT_SHARE = 0.5  # another run of prose joins the article if it scores half the best run
_SEGMENT_MIN_SCORE = 50
_TOPIC_UNRELATED = 0.35  # a link list sharing less of its vocabulary with the article is unrelated
_TOPIC_FOREIGN = 0.1  # a run of headlines sharing almost none of its words: other stories, even mid-article
_TOPIC_ON_TOPIC = 0.6  # a list sharing this much is the article's own (a table of contents)
_FURTHER_READING = lazy_re.compile(r"^(?:further|more|recommended|suggested) reading|^(?:sources|references|"
                                   r"see also|resources|bibliography|notes)\b", re.I)
_END_PERIOD = (".", ",", ";", ":")
# A "rest of the page" section (comments) opens only after this much prose, or after most of the
# page's prose in a short page: a "Comments" link in a menu above the article must not take it.
_REST_AFTER_WORDS = 150
_DUPLICATE_MIN_WORDS = 8  # a repeated block this long is a pasted copy, not an echo
_URL_LINE_RE = lazy_re.compile(r"^(?:https?://|www\.)\S+$")
_EMAIL_BOX_MAX_WORDS = 120  # a box around an email field this size is a form and its pitch, not the article
_QA_MIN_QUESTIONS = 1  # a questions header with no question under it opens no Q&A block
_QA_MIN_QUERIES = 2
# A search query as typed: lower case, a few words, no end mark ("is iceland expensive")
_QUERY_RE = lazy_re.compile(r"^[\W_]*[a-z][a-z0-9' -]{2,80}$")
# A block that opens with a question: "Is it safe?", "**Can it be hacked?** Rarely.", "Q: Why…?"
_ASKS_RE = lazy_re.compile(r"^[\W_]*(?:q\s*[:.]\s*)?[^.!?\n]{3,200}\?", re.I)
# In a short article (fewer paragraphs of prose in its densest run than this), the line model
# must be this much surer (in log-odds) to report one of them: each is a large share of the
# article, and the model's page-wide features (the share of prose before and after a line, the
# windows around it) say little on a page that small.
_SHORT_ARTICLE_PARAGRAPHS = 6
_SHORT_ARTICLE_MARGIN = 1.5


@dataclass(frozen=True)
class PhraseKind:
    """One kind of boilerplate known by its wording (from a YAML pack rule).

    ``section`` says how far a header of this kind reaches: ``block`` (the block,
    plus short blocks right after it such as buttons), ``items`` (the short
    headline or link items that follow), ``qa`` (until a heading that is not a
    question), ``form`` (the short form fields that follow), ``rest`` (to the end).
    """

    code: str
    label: str
    phrases: str | None  # regular expressions, joined with |
    headers: str | None
    section: str = "block"
    openings: str | None = None  # the phrases written with "^": they must open the block


@dataclass(frozen=True)
class BoilerplateBlock:
    code: str  # the rule that reports it
    label: str  # what it is, for the message
    first: int  # index of the first and last body block
    last: int
    start: int  # source offsets
    end: int


@dataclass(slots=True)
class _Features:
    words: int
    text: str
    lower: str
    stop_ratio: float
    title_ratio: float
    link_density: float
    ends_period: bool
    question: bool
    heading: bool
    level: int
    topic: list[str]  # its words that carry a topic: lower case, letters only, four or more
    links: int
    prose: bool = False

    def __post_init__(self) -> None:
        self.prose = self.link_density < 0.5 and is_prose(self.words, self.stop_ratio, self.ends_period)

    @property
    def headline_item(self) -> bool:
        return (_ITEM_MIN_WORDS <= self.words <= _ITEM_MAX_WORDS and not self.text.endswith(_END_PERIOD)
                and (self.title_ratio >= 0.6 or self.link_density >= 0.8))


def _short(f: _Features, max_words: int) -> bool:
    return f.words <= max_words and len(f.lower) <= max_words * _CHARS_PER_WORD


def _features(doc: Document, block: Block, links: tuple[int, int]) -> _Features:
    text = doc.text(block)
    link_chars, link_count = links
    if text[:1] in "hw" and _URL_LINE_RE.match(text):  # a bare address saved as text: a link that lost its markup
        link_chars, link_count = len(text), 1
    words = words_in(doc.prose, block.start, block.end)
    n = len(words)
    stops = content = titled = 0
    topic = []
    for w in words:
        lw = w.lower()
        if lw in FUNCTION_WORDS:
            stops += 1
        elif w[0].isalpha():
            content += 1
            titled += w[0].isupper()
            if len(lw) >= 4 and lw.isalpha():
                topic.append(lw)
    return _Features(
        words=n, text=text, lower=text.lower(), stop_ratio=stops / n if n else 0.0,
        title_ratio=titled / content if content else 0.0, topic=topic,
        link_density=min(1.0, link_chars / max(1, len(text))), links=link_count,
        ends_period=ends_sentence(text),
        question=text.rstrip("*_\"”").endswith("?"), heading=block.kind == HEADING, level=block.level,
    )


def _link_chars(doc: Document, blocks: list[Block]) -> list[tuple[int, int]]:
    """Characters of link text inside each block, and how many links."""
    out = [[0, 0] for _ in blocks]
    links = sorted((lk for lk in doc.links if not lk.chrome), key=lambda lk: lk.span.start)
    i = 0
    for link in links:
        while i < len(blocks) and blocks[i].end <= link.span.start:
            i += 1
        if i < len(blocks) and blocks[i].start <= link.span.end:
            out[i][0] += len(link.text)
            out[i][1] += 1
    return [tuple(x) for x in out]


def _vocabulary(feats: list[_Features], indices) -> set[str]:
    vocab: set[str] = set()
    for i in indices:
        vocab.update(feats[i].topic)
    return vocab


def _overlap(feats: list[_Features], run: range, article_vocab: set[str]) -> float:
    words = [w for i in run for w in feats[i].topic]
    return sum(w in article_vocab for w in words) / len(words) if words else 1.0


def _main_region(feats: list[_Features], marked: list[str | None]) -> tuple[int, int]:
    """The article: the densest run of prose, grown over other substantial runs of prose
    on either side (an article broken up by a long table or a gallery)."""
    scores = run_scores([f.words for f in feats], [f.prose for f in feats], marked)
    best, (first, last) = best_segment(scores, 0, len(scores) - 1)
    need = max(_SEGMENT_MIN_SCORE, _SEGMENT_SHARE * best)
    grew = True
    while grew:
        grew = False
        if first > 0:
            score, span = best_segment(scores, 0, first - 1)
            if span and score >= need:
                first, grew = span[0], True
        if last < len(scores) - 1:
            score, span = best_segment(scores, last + 1, len(scores) - 1)
            if span and score >= need:
                last, grew = span[1], True
    return first, last


class _Detector:
    def __init__(self, doc: Document, kinds: tuple[PhraseKind, ...]) -> None:
        self.doc, self.lexicon = doc, _lexicon(kinds)
        self.blocks = doc.body_blocks
        links = _link_chars(doc, self.blocks)
        self.feats = [_features(doc, b, n) for b, n in zip(self.blocks, links)]
        self.marked: list[str | None] = [None] * len(self.blocks)  # code of the kind claiming each block
        self.found: list[BoilerplateBlock] = []

    def add(self, code: str, label: str, first: int, last: int) -> None:
        for i in range(first, last + 1):
            self.marked[i] = code
        self.found.append(BoilerplateBlock(code, label, first, last, self.blocks[first].start,
                                           self.blocks[last].end))

    # -- phrases ------------------------------------------------------------
    def phrase_kind(self, i: int) -> tuple[PhraseKind, bool] | None:
        """The kind whose wording block ``i`` carries, and whether it is a section header."""
        f = self.feats[i]
        if _short(f, _HEADER_MAX_WORDS) and self.lexicon.headers is not None:
            m = self.lexicon.headers.match(f.lower)
            if m:
                return self.lexicon.by_group[m.lastgroup], True
        if _short(f, _PHRASE_BLOCK_MAX_WORDS):
            m = self.lexicon.openings.match(f.lower) if self.lexicon.openings is not None else None
            if m:
                return self.lexicon.by_group[m.lastgroup], False
            m = self.lexicon.phrases.search(f.lower) if self.lexicon.phrases is not None else None
            if m and not (f.prose and f.lower[m.start() - 1:m.start()] in _OPENING_QUOTES):
                return self.lexicon.by_group[m.lastgroup], False
        return None

    def section_end(self, kind: PhraseKind, i: int, header: bool) -> int:
        """The last block of the section that block ``i`` opens."""
        feats, n = self.feats, len(self.feats)
        mode = kind.section if header else "block"
        j = i
        if mode == "rest":
            return n - 1
        while j + 1 < n and not self.marked[j + 1]:
            f = feats[j + 1]
            hit = self.phrase_kind(j + 1)
            if hit is not None:
                if hit[0] is kind:
                    j += 1  # more of the same kind ("Notify me of follow-up comments", a "Subscribe" button)
                    continue
                if not (mode == "form" and f.words <= 3):  # a form field named "Comment*" stays in the form
                    break
            if mode == "block" and not self.button(j + 1) \
                    and not (header and j == i and self.pitch(j + 1, kind)):
                break
            if mode == "items" and not (f.headline_item or (f.words <= _ITEM_MAX_WORDS and f.link_density >= 0.5)
                                        or (f.words <= 6 and not f.prose)):
                break
            if mode == "form" and not (f.words <= _FORM_FIELD_MAX_WORDS and not f.prose):
                break
            if mode == "qa" and f.heading and not f.question and (
                    not feats[i].heading or f.level <= feats[i].level):
                break
            j += 1
        return j

    def button(self, k: int) -> bool:
        """Block ``k`` is a box's button or answer: a few words that are not prose, and not a
        heading unless they are a button's label ("Yes", "Pinterest"), which plain text takes for one."""
        f = self.feats[k]
        return f.words <= _BUTTON_WORDS and not f.prose and (not f.heading or bool(_BUTTON_RE.match(f.lower)))

    def asks(self, first: int, last: int) -> bool:
        """Blocks ``first..last`` hold questions, or search queries ("iceland in november weather"):
        what a questions header must open."""
        feats = self.feats[first:last + 1]
        questions = sum(bool(_ASKS_RE.match(f.text)) for f in feats)
        queries = sum(bool(_QUERY_RE.match(f.text)) for f in feats)
        return questions >= _QA_MIN_QUESTIONS or queries >= _QA_MIN_QUERIES

    def pitch(self, k: int, kind: PhraseKind) -> bool:
        """Block ``k``, right under a box's header, is the box's pitch: short, and followed by
        the box's button or more of its wording ("Wait! Before you go" / the offer / "No thanks"),
        or by the end of the page."""
        feats = self.feats
        if feats[k].words > _PITCH_MAX_WORDS:
            return False
        if k + 1 == len(feats):
            return True  # the box ends the page
        if self.marked[k + 1]:
            return False
        if self.button(k + 1):
            return True
        hit = self.phrase_kind(k + 1)
        return hit is not None and hit[0] is kind

    def phrases(self) -> None:
        n = len(self.feats)
        prose_words = 0
        page_prose = sum(f.words for f in self.feats if f.prose)
        i = 0
        while i < n:
            hit = None if self.marked[i] else self.phrase_kind(i)
            if hit is None:
                prose_words += self.feats[i].words if self.feats[i].prose else 0
                i += 1
                continue
            kind, header = hit
            if header and kind.section == "rest" and prose_words < min(_REST_AFTER_WORDS, page_prose / 2):
                i += 1
                continue
            end = self.section_end(kind, i, header)
            if header and kind.section == "qa" and not self.asks(i + 1, end):
                prose_words += self.feats[i].words if self.feats[i].prose else 0
                i += 1
                continue
            self.add(kind.code, kind.label, i, end)
            i = end + 1

    def duplicates(self) -> None:
        """Blocks that repeat an earlier block word for word: a pasted second copy."""
        seen: set[str] = set()
        i, n = 0, len(self.feats)
        while i < n:
            j = i
            while j < n and not self.marked[j] and self._repeat(j, seen):
                j += 1
            if j > i:
                self.add(DUPLICATE, "repeated copy of earlier text", i, j - 1)
            else:
                if self.feats[i].words >= _DUPLICATE_MIN_WORDS:
                    seen.add(_normal(self.feats[i].text))
            i = max(j, i + 1)

    def _repeat(self, i: int, seen: set[str]) -> bool:
        f = self.feats[i]
        return f.words >= _DUPLICATE_MIN_WORDS and _normal(f.text) in seen

    # -- structure ------------------------------------------------------------
    def email_forms(self) -> None:
        """The widest box around an email field that is still a form: each wider box may add
        only a heading or a pitch, never a paragraph of the article or its title."""
        starts = [b.start for b in self.blocks]
        feats = self.feats
        for holders in self.doc.email_fields:
            best = None
            for box in holders:  # innermost first
                first = bisect.bisect_left(starts, box.start)
                last = bisect.bisect_left(starts, box.end) - 1
                if last < first:
                    continue
                added = [k for k in range(first, last + 1) if not best or not best[0] <= k <= best[1]]
                if sum(feats[k].words for k in range(first, last + 1)) > _EMAIL_BOX_MAX_WORDS or any(
                        feats[k].words > _PITCH_MAX_WORDS or feats[k].heading and feats[k].level == 1
                        for k in added):
                    break
                best = (first, last)
            if best and not any(self.marked[k] or self.in_form_kind(k) for k in range(best[0], best[1] + 1)):
                self.add(EMAIL_FORM, "form asking for the reader's email address", *best)

    def in_form_kind(self, k: int) -> bool:
        """Block ``k`` is worded as a form kind of its own (a comment form), which reports it."""
        hit = self.phrase_kind(k)
        return hit is not None and hit[0].section == "form"

    def link_lists(self) -> None:
        feats, n = self.feats, len(self.feats)
        article_vocab = None
        i = 0
        while i < n:
            j = i
            while j < n and not self.marked[j] and feats[j].headline_item and not feats[j].question:
                j += 1
            run = range(i, j)
            if j == i and feats[i].links >= _MIN_LIST_ITEMS and feats[i].link_density >= _ALL_LINKS \
                    and not self.marked[i] and not feats[i].prose:
                run = range(i, i + 1)  # a row of links in one block: "<div><a>…</a><a>…</a><a>…</a></div>"
            if len(run) >= _MIN_LIST_ITEMS or (len(run) == 1 and feats[run.start].links >= _MIN_LIST_ITEMS):
                if article_vocab is None:
                    article_vocab = _vocabulary(feats, [k for k in range(n) if feats[k].prose])
                label = self.link_list_label(run, article_vocab)
                if label:
                    self.add(LINK_LIST, label, run.start, run.stop - 1)
            i = max(j, i + 1)

    def link_list_label(self, run: range, article_vocab: set[str]) -> str | None:
        feats = self.feats
        before = run.start - 1
        if before >= 0 and (feats[before].heading or feats[before].words <= _MENU_ITEM_WORDS) \
                and _FURTHER_READING.search(feats[before].text):
            return None  # a "Further reading" list is the editor's choice
        overlap = _overlap(feats, run, article_vocab)
        linked = sum(feats[k].link_density >= 0.8 for k in run) >= len(run) - 1
        prose_after = any(feats[k].prose for k in range(run.stop, len(feats)))
        if overlap >= _TOPIC_ON_TOPIC:
            return None  # the article's own outline or a list of its subjects
        if linked:
            return "list of links" + (" unrelated to the article" if overlap < _TOPIC_UNRELATED else "")
        if overlap < _TOPIC_UNRELATED and (not prose_after or len(run) >= 5 or overlap < _TOPIC_FOREIGN):
            return "list of headlines unrelated to the article"
        return None

    # -- position -------------------------------------------------------------
    def wants_position(self) -> bool:
        """Plain text only: in Markdown and HTML the author's structure (and HTML's nav,
        header, footer and aside) already says what is chrome. A page without prose has
        no article to tell its chrome from."""
        return self.doc.format == "text" and any(f.prose for f in self.feats)

    def model_inputs(self) -> tuple[list[str], list[str], list[str | None]]:
        """What the line model reads: each block's text and kind, and the code of the
        kind already claiming it (phrases, link lists, copies run first)."""
        return [f.text for f in self.feats], [b.kind for b in self.blocks], list(self.marked)

    def position(self) -> None:
        """Page chrome, by the heuristic; on a page where it finds some, that is a scraped
        page, and the line model (when installed) decides instead, line by line. Written
        articles saved as text have no chrome to find, and the model, trained on scraped
        pages, would take their bylines and closing sections for boilerplate."""
        found, marked = len(self.found), list(self.marked)
        span = self.article_span()  # before the heuristic's marks, so the model sees the same span
        self.page_chrome(span)
        model = line_model.load_model()
        if model is None or len(self.found) == found:
            return
        del self.found[found:]
        self.marked = marked
        self.page_lines(model, span)

    def page_lines(self, model: line_model.LineModel, span: tuple[int, int, int]) -> None:
        """Each run of blocks the line model calls boilerplate that no other kind claimed;
        ``span`` is :meth:`article_span`."""
        header_end, first, last = span
        short = sum(f.prose for f in self.feats[first:last + 1]) < _SHORT_ARTICLE_PARAGRAPHS
        flags = []
        for i, odds in enumerate(model.log_odds(*self.model_inputs())):
            if header_end <= i < first:
                flags.append(False)  # the article's own headline and byline
            elif short and first <= i <= last and self.feats[i].prose:
                flags.append(odds > model.threshold + _SHORT_ARTICLE_MARGIN)
            else:
                flags.append(odds > model.threshold)
        i, n = 0, len(flags)
        while i < n:
            if not flags[i] or self.marked[i]:
                i += 1
                continue
            j = i
            while j + 1 < n and flags[j + 1] and not self.marked[j + 1]:
                j += 1
            self.add(PAGE_CHROME, "page chrome (menus, footer or teasers) outside the article", i, j)
            i = j + 1

    def article_span(self) -> tuple[int, int, int]:
        """Where the article's header (headline, byline), its first block and its last block
        are, by the densest run of prose."""
        feats = self.feats
        first, last = _main_region(feats, self.marked)
        header_end = first
        # The article's byline or dateline just above the region is not chrome, nor is the
        # headline right above a byline.
        while (header_end > 0 and header_end > first - _HEADER_BLOCKS and not self.marked[header_end - 1]
               and _BYLINE_RE.search(feats[header_end - 1].text)):
            header_end -= 1
        if header_end < first and header_end > 0 and feats[header_end - 1].heading \
                and not self.marked[header_end - 1]:
            header_end -= 1
        return header_end, first, last

    def page_chrome(self, span: tuple[int, int, int]) -> None:
        """The heuristic used when the line model is not installed: chrome is what lies
        outside the densest run of prose (``span``, :meth:`article_span`)."""
        feats, n = self.feats, len(self.feats)
        header_end, first, last = span
        self.menus_inside(first, last)
        for lo, hi in ((0, header_end - 1), (last + 1, n - 1)):
            run_start = None
            for k in range(lo, hi + 2):
                free = k <= hi and not self.marked[k]
                if free and run_start is None:
                    run_start = k
                elif not free and run_start is not None:
                    if k - run_start >= _CHROME_MIN_BLOCKS and not _table_like(feats[run_start:k]):
                        self.add(PAGE_CHROME, "page chrome (menus, footer or teasers) outside the article",
                                 run_start, k - 1)
                    run_start = None

    def menus_inside(self, first: int, last: int) -> None:
        """Runs of very short lines inside the article whose words the article never uses."""
        feats = self.feats
        vocab = _vocabulary(feats, [k for k in range(first, last + 1) if feats[k].prose])
        i = first
        while i <= last:
            j = i
            while j <= last and not self.marked[j] and feats[j].words <= _MENU_ITEM_WORDS and not feats[j].prose \
                    and not feats[j].text.endswith(_END_PERIOD):
                j += 1
            if j - i >= _CHROME_MIN_BLOCKS and _overlap(feats, range(i, j), vocab) < _TOPIC_UNRELATED:
                self.add(PAGE_CHROME, "page chrome (menu or link labels) inside the article", i, j - 1)
            i = max(j, i + 1)

    def before_position(self) -> None:
        """Every signal the position one comes after, in order."""
        self.duplicates()
        self.email_forms()  # the field is surer than the box's wording, which varies
        self.phrases()
        self.link_lists()

    def run(self) -> list[BoilerplateBlock]:
        if self.blocks:
            self.before_position()
            if self.wants_position():
                self.position()
        return sorted(self.found, key=lambda b: b.first)


def _table_like(feats: list[_Features]) -> bool:
    """A run of cells of figures (a data table flattened by a scraper), not menus or footers."""
    numeric = sum(len(f.text) <= _FIGURE_CELL_MAX_CHARS and bool(_FIGURE_CELL_RE.match(f.text)) for f in feats)
    return numeric >= _TABLE_SHARE * len(feats)


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def detect(doc: Document, kinds: tuple[PhraseKind, ...] = ()) -> list[BoilerplateBlock]:
    """The boilerplate blocks of ``doc``, in order."""
    return _Detector(doc, kinds).run()


def line_model_inputs(doc: Document, kinds: tuple[PhraseKind, ...] = ()
                      ) -> tuple[list[Block], tuple[list[str], list[str], list[str | None]]] | None:
    """The body blocks of a plain-text page and what the line model reads of them, exactly
    as :func:`detect` gives it (for the training script); None when the model would not run."""
    det = _Detector(doc, kinds)
    if not det.blocks:
        return None
    det.before_position()
    return (det.blocks, det.model_inputs()) if det.wants_position() else None


def compile_kind(code: str, label: str, phrases: list[str], headers: list[str], section: str) -> PhraseKind:
    """Build a PhraseKind from regular expressions written in lower case (they are
    matched against lower-cased text). ``phrases`` may match anywhere in a block,
    from a word boundary; ``headers`` must make up the whole block, bar punctuation.
    """
    if section not in _SECTION_MODES:
        raise ValueError(f"section must be one of {', '.join(_SECTION_MODES)}")
    phrase_re = "|".join(f"(?:{p})" for p in phrases if not p.startswith("^")) or None
    opening_re = "|".join(f"(?:{p[1:]})" for p in phrases if p.startswith("^")) or None
    header_re = "|".join(f"(?:{p})" for p in headers) or None
    for pattern in (phrase_re, opening_re, header_re):
        if pattern:
            re.compile(pattern)  # fail now, naming the rule file, not on the first article
    return PhraseKind(code, label, phrase_re, header_re, section, opening_re)


@dataclass(frozen=True)
class _Lexicon:
    """Every kind's wording compiled into one pattern each for phrases, openings and headers.
    Openings are matched once, at the block's start: searched for with the other phrases, each
    would be tried (and fail) at every word."""

    phrases: re.Pattern | None
    headers: re.Pattern | None
    by_group: dict
    openings: re.Pattern | None


@functools.lru_cache(maxsize=8)
def _lexicon(kinds: tuple[PhraseKind, ...]) -> _Lexicon:
    groups = {f"k{i}": kind for i, kind in enumerate(kinds)}
    phrases = "|".join(f"(?P<{g}>{k.phrases})" for g, k in groups.items() if k.phrases)
    headers = "|".join(f"(?P<{g}>{k.headers})" for g, k in groups.items() if k.headers)
    openings = "|".join(f"(?P<{g}>{k.openings})" for g, k in groups.items() if k.openings)
    # Matched against lower-cased text: much faster than re.IGNORECASE over many alternatives.
    return _Lexicon(re.compile(rf"\b(?:{phrases})") if phrases else None,
                    re.compile(rf"\W*(?:{headers})\W*$") if headers else None, groups,
                    re.compile(openings) if openings else None)
