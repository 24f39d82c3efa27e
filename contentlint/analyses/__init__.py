"""What is computed from a document: once, on demand, through one context per document.

The runner builds a :class:`Context` for each document with what the analyses need up
front (the word lists from the packs, the ``--date`` override); every rule reads the
document and its analyses from it. Each analysis is computed the first time a rule asks
for it and shared after that, so a run whose rules need no facts never extracts them.
The document itself imports none of this: it is the parsed article and nothing more.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from contentlint.analyses.lexicon import EMPTY, Lexicon
from contentlint.document import HEADING, PARAGRAPH, PROSE_KINDS, Block, Document, Span, too_long
from contentlint.language import sentences as segmenter
from contentlint.language import words as wordlib


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article's prose, with the prose block it belongs to."""

    start: int
    end: int
    block: int  # index in ``Context.prose_blocks``
    kind: str  # the block's kind (paragraph, list item, …)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class Context:
    """One document and the analyses of it, each computed once when first asked for."""

    def __init__(self, doc: Document, lexicon: Lexicon = EMPTY, date=None) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self._date_override = date  # an ArticleDate from --date, or None

    # -- boilerplate and the article's own blocks ------------------------------
    @cached_property
    def boilerplate(self) -> list:
        """Blocks that are not the article (see :mod:`contentlint.analyses.boilerplate`)."""
        from contentlint.analyses.boilerplate import detect

        return detect(self.doc, self.lexicon.boilerplate)

    @cached_property
    def article_blocks(self) -> list[Block]:
        """The body without its boilerplate: what counts, readability and SEO measure."""
        body = self.doc.body_blocks
        skip = {i for b in self.boilerplate for i in range(b.first, b.last + 1)}
        return [blk for i, blk in enumerate(body) if i not in skip]

    @cached_property
    def prose_blocks(self) -> list[Block]:
        """The article's blocks that hold running prose (paragraphs, list items, quotes, captions)."""
        return [b for b in self.article_blocks if b.kind in PROSE_KINDS]

    # -- words and sentences --------------------------------------------------------
    @cached_property
    def words(self) -> list[str]:
        """Every word of the article, in order (body minus boilerplate; see :mod:`contentlint.language.words`)."""
        prose = self.doc.prose
        return [w for blk in self.article_blocks for w in wordlib.words_in(prose, blk.start, blk.end)]

    @cached_property
    def word_count(self) -> int:
        if "words" in self.__dict__:
            return len(self.words)
        prose = self.doc.prose
        return sum(len(wordlib.words_in(prose, blk.start, blk.end)) for blk in self.article_blocks)

    @cached_property
    def whole_word_count(self) -> int:
        """Every word on the page: title, headings, boilerplate and chrome included (the most a
        site's own counter could have counted)."""
        prose = self.doc.prose
        return sum(len(wordlib.words_in(prose, blk.start, blk.end)) for blk in self.doc.blocks)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the article's prose blocks, split once; a heading is never glued to the next one."""
        prose = self.doc.prose
        return [Sentence(a, b, i, blk.kind) for i, blk in enumerate(self.prose_blocks)
                for a, b in segmenter.iter_sentences(prose, blk.start, blk.end)]

    @cached_property
    def plain_text(self):
        """The article's prose and headings as plain text, markup removed, each offset mapped back:
        what a grammar checker reads (see :mod:`contentlint.analyses.plain_text`)."""
        from contentlint.analyses.plain_text import PlainText

        return PlainText(self.doc, [b for b in self.article_blocks if b.kind in PROSE_KINDS or b.kind == HEADING])

    @cached_property
    def not_checked(self) -> str:
        """Why the rules do not read this document (it is far longer than an article), or ""."""
        return self.doc.not_checked or too_long(len(self.sentences), "sentences")

    @cached_property
    def paragraph_sentences(self) -> list[Sentence]:
        """Sentences of the article's paragraphs only (no headings, lists, captions, quotes)."""
        return [s for s in self.sentences if s.kind == PARAGRAPH]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentences_in(self, span: Span | Block) -> list[Sentence]:
        """The sentences that start inside ``span``."""
        starts = self._sentence_starts
        return self.sentences[bisect.bisect_left(starts, span.start):bisect.bisect_left(starts, span.end)]

    def block_sentences(self, block: int) -> list[Sentence]:
        """The sentences of one prose block (an index in :attr:`prose_blocks`)."""
        return self.sentences_in(self.prose_blocks[block])

    # -- the analyses ------------------------------------------------------------------
    @cached_property
    def date(self):
        """The article's date as an interval with its origin (see :mod:`contentlint.analyses.article_date`)."""
        if self._date_override is not None:
            return self._date_override
        from contentlint.analyses.article_date import find_article_date

        return find_article_date(self.doc, self.sentences)

    @cached_property
    def found_quotations(self) -> list:
        """The article's quotations, found once, not yet attributed (see :mod:`contentlint.analyses.quotations`)."""
        from contentlint.analyses.quotations import find_quotations

        return find_quotations(self.doc, self.prose_blocks)

    @cached_property
    def quoted_spans(self) -> list[tuple[int, int]]:
        """Source spans of the article's quotations."""
        return [(q.start, q.end) for q in self.found_quotations]

    @cached_property
    def quotations(self) -> list:
        """Quotations that need a speaker, with their attribution (see :mod:`contentlint.analyses.quotations`)."""
        from contentlint.analyses.quotations import attribute_quotations

        return attribute_quotations(self)

    @cached_property
    def unsourced_statistics(self) -> list:
        """Figures presented as findings with no source named (see :mod:`contentlint.analyses.statistics`)."""
        from contentlint.analyses.statistics import unsourced_statistics

        return unsourced_statistics(self)

    @cached_property
    def readability(self):
        """Readability formulas on the article's prose (see :mod:`contentlint.analyses.readability`), or None."""
        from contentlint.analyses.readability import metrics

        return metrics(self)

    @cached_property
    def paragraph_counts(self):
        """What the readability formulas count in the article's paragraphs; the article's figures
        are read from their sum (see :mod:`contentlint.analyses.readability`)."""
        from contentlint.analyses.readability import paragraph_counts

        return paragraph_counts(self)

    @cached_property
    def lists(self) -> list:
        """Lists the article announces with a count (see :mod:`contentlint.analyses.lists`)."""
        from contentlint.analyses.lists import announced_lists

        return announced_lists(self)

    @cached_property
    def facts(self):
        """What the article states, as typed and keyed facts (see :mod:`contentlint.analyses.facts`)."""
        from contentlint.analyses.facts import extract

        return extract(self)

    @cached_property
    def conflicts(self) -> list:
        """Pairs of the article's statements that cannot both be true (see :mod:`contentlint.analyses.facts.conflicts`)."""
        from contentlint.analyses.facts.conflicts import find_conflicts

        return find_conflicts(self)
