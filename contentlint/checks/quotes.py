"""Unsupported quotes and claims: quotations without a speaker or source, unsourced statistics."""

from __future__ import annotations

import re
from collections.abc import Iterator

from contentlint.analyses import quotations as quotes
from contentlint.analyses import Context
from contentlint.document import HEADING, Span
from contentlint.language import lazy_re
from contentlint.rule import Finding, Rule, Severity

_EXCERPT_WORDS = 8
_SOURCES_HEADING_RE = lazy_re.compile(r"^(?:sources|references|citations|bibliography|further reading|notes)\b", re.I)


def _excerpt(text: str) -> str:
    words = text.split()
    return " ".join(words[:_EXCERPT_WORDS]) + ("…" if len(words) > _EXCERPT_WORDS else "")


def _findings(ctx: Context, status: str) -> Iterator[quotes.Attribution]:
    return (a for a in ctx.quotations if a.status == status)


class UnattributedQuote(Rule):
    """A quotation with no speaker: nothing in its sentence or the next names who said it.

    Looked for, the ways news writing names a speaker: a speech cue ("said",
    "told", "according to", "admitted", "read one banner") outside the quotation
    marks in the quote's sentence, the next one or the previous one; a name or
    pronoun in narration that introduces the quote with a comma, colon or dash
    ("Kaddah shot back, “…”"); a sentence just before whose subject is a person
    the article names ("Kaddah folded her arms. “…”"); an earlier attributed quote
    in the same paragraph, or in the paragraph before when the quote opens its
    own; indirect speech by a person ending the paragraph before ("…, saying the
    clinic lost money."); a transcript or interview label ("A: …"). Not
    quotations that need a speaker: scare quotes and terms of one to three words,
    titles of works, quoted lines of documents, quoted rhetorical questions.

    ## Why it matters
    Machine-written articles invent quotes and drop them in as pull quotes; an
    unattributed quotation cannot be checked, and readers assume someone real said it.

    ## Fails
    ```
    > “Ninety percent of failed starters are simply too cold.”
    ```

    ## Passes
    ```
    “We will not close a single branch,” she said.
    The district called the plan “tight but honest.”
    ```
    """

    code = "CL401"
    name = "unattributed-quote"
    category = "quote"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for a in _findings(ctx, quotes.UNATTRIBUTED):
            yield Finding(Span(a.quote.start, a.quote.end),
                          f"quotation with no speaker: “{_excerpt(a.quote.text)}” names no one who said it")


class VagueSource(Rule):
    """A quotation whose speaker or occasion is too vague to check.

    The speaker is only "one source", "sources close to…", "experts", "critics"
    (the ``vague-sources`` word list), a bare "one" or "another" of a group, or an
    indefinite person with no name ("a prominent economist", "a retired planner");
    or the occasion is undatable: "in a recent interview", "once quipped",
    "reportedly" (``undated-sources``). A dated, specific occasion ("said in an
    interview Friday", "told local radio") is fine, and so is an unnamed source
    tied to a named body ("one Marlowe County budget aide"): that is an anonymous
    source, reported by CL406.
    Extend the lists with a pack file of ``extends: lexicon``.

    ## Why it matters
    Fabricated quotes hide behind sources no one can call back. Style guides
    (AP, Reuters) require a named speaker, or a reason for anonymity.

    ## Fails
    ```
    In a recent interview, the minister joked, “Budgets are just hopes with decimals.”
    “Half of them think this is a cash grab,” one source said.
    ```

    ## Passes
    ```
    “Half of them think this is a cash grab,” council member Dana Ruiz said at Monday's meeting.
    ```
    """

    code = "CL402"
    name = "vague-source"
    category = "quote"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for a in ctx.quotations:
            span = Span(a.quote.start, a.quote.end)
            if a.status == quotes.VAGUE_SPEAKER:
                yield Finding(span, f"quote attributed only to '{a.detail}': name the speaker, or say why "
                                    f"they cannot be named")
            elif a.status == quotes.UNDATED_SOURCE:
                who = f"a speaker ({a.speaker})" if a.speaker else "a speaker"
                yield Finding(span, f"quote has {who} but no source: '{a.detail}' gives no date, outlet or event")


class ParaphraseInQuotes(Rule):
    """Words inside quotation marks are admitted to be a paraphrase.

    "(paraphrased)", "roughly paraphrased", "something like", "words to the
    effect of" (the ``paraphrase-markers`` word list) next to a quotation.

    ## Why it matters
    Quotation marks promise the speaker's exact words. A paraphrase belongs
    outside them.

    ## Fails
    ```
    His message, roughly paraphrased, was "if you can drive there, we will fly you there for less."
    ```

    ## Passes
    ```
    His message was that the airline would fly people there for less than the drive costs.
    ```
    """

    code = "CL403"
    name = "paraphrase-in-quotes"
    category = "quote"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for a in _findings(ctx, quotes.PARAPHRASE):
            yield Finding(Span(a.quote.start, a.quote.end),
                          f"paraphrase inside quotation marks ('{a.detail}'): quote the exact words or "
                          f"drop the marks")


class UnsourcedStatistic(Rule):
    """A figure presented as a finding of unnamed research.

    A sentence with a share or ratio ("55%", "8 out of 10", "half of", "12 to 1")
    that credits evidence for it ("studies show", "a new study found", "according
    to recent figures", "73% of marketers say"; the ``finding-phrases`` word list)
    when nothing names the study, survey or organisation: not the phrase ("a
    Reuters poll"), the sentences around it, a link, an earlier source the
    finding refers back to, or a named speaker whose words it is (see
    ``contentlint.analyses.statistics``). A figure alone, with no finding phrase,
    is left alone.

    ## Why it matters
    "Surveys show 70% of parents agree" is the signature of invented statistics;
    a reader cannot check a survey that has no name.

    ## Fails
    ```
    Studies show that 55% of developers now use an AI assistant every day.
    ```

    ## Passes
    ```
    A 2024 Stack Overflow survey found that 55% of developers use an AI assistant every day.
    ```
    """

    code = "CL404"
    name = "unsourced-statistic"
    category = "quote"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for stat in ctx.unsourced_statistics:
            yield Finding(stat.span, f"statistic with no source: '{stat.phrase}' names no study, survey or organisation",
                          severity=None if stat.sure else Severity.INFO)


class UncitedSourcesClaim(Rule):
    """The article says it cites or links its sources, and cites none.

    A sentence like "all sources are linked below" (the ``citation-claims`` word
    list) in an article with no links and no Sources or References section.

    ## Why it matters
    Generated articles promise citations that were never added; readers who look
    for them find nothing.

    ## Fails
    ```
    All sources are linked below.        (and the article has no links)
    ```

    ## Passes
    ```
    All sources are linked below.
    ## Sources
    - [County budget, 2025](https://example.gov/budget)
    ```
    """

    code = "CL405"
    name = "uncited-sources-claim"
    category = "quote"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        claim = ctx.lexicon.pattern("citation-claims")
        if claim is None:
            return
        cites = any(not lk.chrome and lk.target not in (None, "", "#") for lk in doc.links) or any(
            b.kind == HEADING and _SOURCES_HEADING_RE.match(doc.text(b)) for b in doc.body_blocks)
        if cites:
            return
        for block in ctx.article_blocks:
            for m in claim.finditer(doc.prose, block.start, block.end):
                yield Finding(Span(m.start(), m.end()),
                              f"claims to cite its sources ('{m.group(0)}') but the article links none")


class AnonymousSource(Rule):
    """A source described but not named ("a person briefed on the plan"), with no reason given.

    Reported at ``info``: style guides (AP, Reuters, The New York Times) accept
    anonymous sources when the article says why the source is not named ("spoke
    on condition of anonymity because…", the ``anonymity-reasons`` list). Raise it
    to ``warning`` in a newsroom's configuration.

    ## Why it matters
    Readers weigh a claim by who makes it; an anonymous source with no stated
    reason asks them to trust the writer instead.

    ## Fails
    ```
    The deal is almost done, a person familiar with the talks said.
    ```

    ## Passes
    ```
    The deal is almost done, a person familiar with the talks said, speaking on condition of
    anonymity because the talks are private.
    ```
    """

    code = "CL406"
    name = "anonymous-source"
    category = "quote"
    severity = Severity.INFO

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        lexicon = ctx.lexicon
        anonymous = lexicon.pattern("anonymous-sources")
        if anonymous is None:
            return
        reasons = lexicon.pattern("anonymity-reasons")
        sentences = ctx.sentences
        for k, s in enumerate(sentences):
            m = anonymous.search(doc.prose, s.start, s.end)
            if not m:
                continue
            around = " ".join(doc.prose[x.start:x.end] for x in sentences[max(0, k - 1):k + 2])
            if reasons and reasons.search(around):
                continue
            yield Finding(Span(m.start(), m.end()),
                          f"anonymous source ('{m.group(0)}'): say why the source is not named")
