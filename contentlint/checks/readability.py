"""Readability for a chosen audience: grade level, long sentences, dense and long paragraphs,
passive voice, repeated sentence openings.

Thresholds are options; audience profiles (``contentlint/profiles.py``) set them, and a
team's configuration overrides them. Where they come from:

- grade targets: general-audience writing at grade 9 or below (US plain-language
  guidance), news at 11, technical at 14; a warning five grades beyond the target;
- sentence length: plain-language guides put a sentence's ceiling near 40 words; a
  50-word news sentence is normal (info), a 75-word run-on is not (warning);
- paragraph length: Yoast flags paragraphs over 150 words (info) and over 200 (warning);
- passive voice: Yoast warns above 10 % of sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.analyses import readability
from contentlint.analyses import Context
from contentlint.document import PARAGRAPH, Document, Span
from contentlint.language import lazy_re
from contentlint.language.words import words_in
from contentlint.rule import Finding, Rule, Severity

_PASSIVE_RE = lazy_re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:\w+ly\s+)?"
    r"(?:[a-z]+ed|born|built|bought|brought|caught|chosen|done|driven|eaten|fallen|found|forgotten|given|"
    r"gone|grown|held|hidden|hit|kept|known|laid|led|left|lost|made|meant|met|paid|put|read|run|said|"
    r"seen|sent|set|shown|shut|sold|spent|spoken|stolen|struck|taken|taught|thought|thrown|told|understood|"
    r"won|worn|written)\b", re.I)
_NOT_PARTICIPLE = frozenset("need indeed red bed shed seed feed speed breed weed bred fed sped".split())


def _is_participle(word: str) -> bool:
    word = word.lower()
    return word not in _NOT_PARTICIPLE and not word.startswith("un")  # "are unchanged" is an adjective


def _words(doc: Document, span: Span) -> int:
    return len(words_in(doc.prose, span.start, span.end))


class ReadingLevel(Rule):
    """The article's reading grade is above its audience's.

    The Flesch–Kincaid grade of the article's prose (paragraphs only: no headings,
    lists, captions, block quotes or boilerplate), against the profile's target:
    ``info`` above it, ``warning`` five grades beyond. ``contentlint metrics``
    prints every formula (Flesch reading ease, Flesch–Kincaid, Gunning fog, SMOG,
    Coleman–Liau, ARI, Dale–Chall) for calibration.

    ## Why it matters
    Half of US adults read below an eighth-grade level; a general-audience page
    written at grade 17 loses most of them, whatever its facts.

    ## Fails
    ```
    Pursuant to an ordinance amendment adopted by the council, hourly rates within the designated
    enforcement zone will be recalibrated, representing the municipality's first comprehensive …
    ```

    ## Passes
    ```
    The council voted on Monday to raise downtown parking rates. The new rates start July 1.
    ```

    ## Options
    - `target` (profile: general 9, news 11, technical 14): the highest grade that needs no note.
    - `warning-margin` (5): grades beyond the target that make it a warning.
    """

    code = "CL301"
    name = "reading-level"
    category = "readability"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        target: float = 9.0
        warning_margin: float = 5.0

    def check(self, ctx: Context) -> Iterator[Finding]:
        m = ctx.readability
        if m is None or m.words < 100:
            return
        grade = m.scores["flesch_kincaid_grade"]
        if grade <= self.options.target:
            return
        level = Severity.WARNING if grade > self.options.target + self.options.warning_margin else Severity.INFO
        first = ctx.article_blocks[0].span if ctx.article_blocks else Span(0, 0)
        yield Finding(first, f"Flesch–Kincaid grade {grade:.1f}; this audience's target is grade "
                             f"{self.options.target:g} or below", severity=level)


class LongSentence(Rule):
    """A sentence too long for its audience to follow.

    Counted in words (``contentlint.segment``). ``info`` from ``info-words``,
    ``warning`` from ``warning-words``; only the longest ``max-findings`` of an
    article are reported, so a bad article gets a short list of the worst.

    ## Why it matters
    Comprehension drops sharply beyond about 40 words; a 90-word sentence that
    lists eligibility rules is a list that lost its line breaks.

    ## Fails
    ```
    (a 90-word sentence listing eight conditions separated by commas)
    ```

    ## Passes
    ```
    The council approved the plan. It takes effect in July, and the first fines follow in September.
    ```

    ## Options
    - `info-words` (profile: general 40, news 50), `warning-words` (general 75, news 80)
    - `max-findings` (5)
    """

    code = "CL302"
    name = "long-sentence"
    category = "readability"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        info_words: int = 40
        warning_words: int = 75
        max_findings: int = 5

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        sized = [(_words(doc, s), s) for s in ctx.paragraph_sentences]
        long = sorted((x for x in sized if x[0] >= self.options.info_words), key=lambda x: -x[0])
        for n, span in sorted(long[: self.options.max_findings], key=lambda x: x[1].start):
            level = Severity.WARNING if n >= self.options.warning_words else Severity.INFO
            yield Finding(span, f"sentence of {n} words; this audience reads best under "
                                f"{self.options.info_words}", severity=level)


class DenseParagraph(Rule):
    """A paragraph whose grade level is far beyond the audience's: jargon, acronyms, run-ons.

    The Flesch–Kincaid grade of one paragraph (of at least ``min-words``). A grade
    past ``max-grade`` means long sentences of long words: billing codes, aviation
    shorthand, legal boilerplate.

    ## Why it matters
    One impenetrable paragraph is where readers of a general-audience piece give up.

    ## Fails
    ```
    The route will be operated under the carrier's Part 121 certificate using a 70-seat
    single-class LOPA, MEL relief for the APU, RNP approaches and OpSpec C055 alternates …
    ```

    ## Passes
    ```
    The airline will fly 70-seat turboprops on the route, twice a day on weekdays.
    ```

    ## Options
    - `max-grade` (profile: general 24, news 26, technical 29)
    - `min-words` (40)
    """

    code = "CL303"
    name = "dense-paragraph"
    category = "readability"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        max_grade: float = 24.0
        min_words: int = 40

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for block in ctx.article_blocks:
            if block.kind != PARAGRAPH or _words(doc, block) < self.options.min_words:
                continue
            counts = ctx.paragraph_counts.long.get(block.start)
            if counts is None:  # shorter than the paragraphs counted alone, or not prose
                sentences = ctx.sentences_in(block)
                counts = readability.count(readability.scored_text(doc, sentences)) if sentences else None
            grade = readability.grade(counts) if counts else 0.0
            if grade > self.options.max_grade:
                yield Finding(block.span, f"paragraph at Flesch–Kincaid grade {grade:.0f}: long sentences of "
                                          f"long words; split it and explain the jargon")


class LongParagraph(Rule):
    """A wall of text: a paragraph of more words than readers scan.

    ## Why it matters
    Online readers scan; Yoast flags paragraphs over 150 words and more strongly
    over 200.

    ## Fails
    ```
    (a 230-word paragraph)
    ```

    ## Passes
    ```
    (paragraphs of 40 to 120 words)
    ```

    ## Options
    - `info-words` (150), `warning-words` (200; technical 300)
    """

    code = "CL304"
    name = "long-paragraph"
    category = "readability"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        info_words: int = 150
        warning_words: int = 200

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for block in ctx.article_blocks:
            n = _words(doc, block)
            if block.kind == PARAGRAPH and n > self.options.info_words:
                level = Severity.WARNING if n > self.options.warning_words else Severity.INFO
                yield Finding(block.span, f"paragraph of {n} words; break it up (over {self.options.info_words} "
                                          f"is hard to scan)", severity=level)


class PassiveVoice(Rule):
    """A high share of sentences in the passive voice.

    A form of "be" or "get" followed by a past participle ("was approved", "is
    being built"). Reported at ``info`` above ``max-share`` (Yoast's 10 %): news
    writing uses the passive legitimately, so this is a note, not a fault.

    ## Why it matters
    Passive sentences hide who acted ("mistakes were made") and read more slowly.

    ## Fails
    ```
    The budget was approved. The fees were raised. The branch was closed.
    ```

    ## Passes
    ```
    The council approved the budget, raised fees and closed a branch.
    ```

    ## Options
    - `max-share` (0.10)
    """

    code = "CL305"
    name = "passive-voice"
    category = "readability"
    severity = Severity.INFO

    @dataclass(frozen=True)
    class Options:
        max_share: float = 0.10

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        sentences = ctx.paragraph_sentences
        if len(sentences) < 5:
            return
        passive = [s for s in sentences if any(_is_participle(m.group(0).split()[-1])
                                               for m in _PASSIVE_RE.finditer(doc.text(s)))]
        share = len(passive) / len(sentences)
        if share > self.options.max_share:
            yield Finding(passive[0], f"{share:.0%} of sentences are passive ({len(passive)} of {len(sentences)}); "
                                      f"aim for at most {self.options.max_share:.0%}")


class RepeatedSentenceStart(Rule):
    """Three or more sentences in a row open with the same word.

    ## Why it matters
    Repeated openings ("The … The … The …") make prose monotonous; Yoast flags
    three in a row.

    ## Fails
    ```
    The council met. The mayor spoke. The vote was close.
    ```

    ## Passes
    ```
    The council met. After the mayor spoke, members voted, and it was close.
    ```

    ## Options
    - `run` (3): how many consecutive sentences.
    """

    code = "CL306"
    name = "repeated-sentence-start"
    category = "readability"
    severity = Severity.INFO

    @dataclass(frozen=True)
    class Options:
        run: int = 3

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        sentences = ctx.paragraph_sentences
        firsts = [(doc.text(s).split() or [""])[0].strip("\"“‘'(").lower() for s in sentences]
        i = 0
        while i < len(sentences):
            j = i
            while j + 1 < len(sentences) and firsts[j + 1] == firsts[i] and firsts[i]:
                j += 1
            if j - i + 1 >= self.options.run:
                yield Finding(Span(sentences[i].start, sentences[j].end),
                              f"{j - i + 1} sentences in a row start with '{firsts[i]}'")
            i = j + 1
