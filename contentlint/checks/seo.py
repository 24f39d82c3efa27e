"""The on-page SEO audit: title, meta description, headings, links, images, length, stuffing.

Thresholds and their sources: title about 60 characters (Yoast and crawler defaults;
Google sets no limit and cuts by width, about 600 px); meta description 120-156
characters (Yoast); one H1 and no skipped heading levels (Lighthouse, WCAG); a
subheading at least every 300 words (Yoast's subheading distribution); generic link
text as in Lighthouse's ``link-text`` audit; image alt text present, not a file name,
under 125 characters (screen readers cut longer ones); text length bands from Yoast
(under 200 words far below, under 300 below); keyword stuffing as web-text quality
filters measure it (Gopher/MassiveText, Rae et al. 2021: the most repeated 2-, 3- or
4-word phrase covering over 20, 18 or 16 % of the characters), or a focus keyphrase
above 3 % density.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from contentlint.analyses import Context
from contentlint.checks.page_head import canonical_urls, first_line, meta_tags
from contentlint.document import HEADING, PARAGRAPH, Block, Document, Span
from contentlint.language import lazy_re
from contentlint.language.words import FUNCTION_WORDS, word_stems, words_in
from contentlint.rule import Finding, Rule, Severity

_GENERIC_LINK_TEXT = frozenset("""click here|here|click this|read more|learn more|more|more info|
    more information|go|start|right here|this|link|this link|this page|continue|continue reading|
    tap here|see more|details|find out more""".replace("\n", "").split("|"))
_GENERIC_PHRASE_RE = lazy_re.compile(r"\b(?:click|tap)\s+(?:here|this link)\b", re.I)
_URL_RE = lazy_re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_FILENAME_RE = lazy_re.compile(r"^[\w.-]+\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?)$|^(?:img|image|dsc|photo)[-_]?\d+", re.I)
_NGRAM_LIMITS = {2: 0.20, 3: 0.18, 4: 0.16}  # Gopher's repetition filter (Rae et al. 2021)
# Gopher measures whole documents; in one paragraph a phrase said three times is parallel
# structure ("would be taxed at …"), five times is stuffing.
_MIN_REPEATS = 5
_SCHEME_RE = lazy_re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))  # what a browser strips from the ends of a URL
_KEYPHRASE_KEYS = ("keyphrase", "focus_keyphrase", "focus_keyword", "focus-keyphrase", "keyword")
_SENTENCE_END_RE = lazy_re.compile(r"[.!?…][\"'”’)\]]*$")  # a paragraph that ends as a sentence does
_SLUG_KEYS = ("slug", "url", "permalink")  # front matter that names the page's address
_INDEX_STEMS = frozenset({"index", "_index", "readme"})  # a page bundle's file: the folder is the slug


def declared_keyphrase(doc: Document, keys: tuple[str, ...] = _KEYPHRASE_KEYS) -> tuple[str, Span | None]:
    """The article's focus keyphrase and where it is declared: front matter, or an HTML
    ``<meta name>``, under the first of ``keys`` that holds one. Of a list, or of phrases
    separated by commas, the first is the focus."""
    for key in keys:
        value, span = doc.meta.get(key), doc.meta_spans.get(key)
        if value is None:
            tag = next(iter(meta_tags(doc, key)), None)
            value, span = (tag.get("content"), tag.span) if tag else (None, None)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if isinstance(value, str) and value.split(",")[0].strip():
            return value.split(",")[0].strip(), span
    return "", None


def _title_span(doc: Document) -> Span:
    if doc.title is not None:
        return doc.title.span
    return doc.meta_spans.get("title", first_line(doc))


class MissingTitle(Rule):
    """The article has no title.

    Where the title is: a ``.txt`` file's first line (when it reads like a title,
    not like a sentence), Markdown front matter ``title`` or the first ``#``
    heading, HTML ``<title>``.

    ## Why it matters
    Search engines show the title as the result's headline; without one they make
    one up from the text.

    ## Fails
    ```
    Lentils are the workhorse of the plant-based kitchen, and they cook fast.   (first line of a .txt)
    ```

    ## Passes
    ```
    Ten plant foods with more protein than you think
    ```
    """

    code = "CL601"
    name = "missing-title"
    category = "seo"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        if not (doc.title_text or "").strip() and ctx.word_count:
            yield Finding(first_line(doc), "no title: " + {
                "text": "the first line is a sentence, not a title",
                "markdown": "no front matter title and no # heading",
                "html": "no <title> in <head>"}[doc.format])


class TitleLength(Rule):
    """The title is longer or shorter than search results show.

    A heuristic: Google sets no limit and truncates by width (about 600 px), which
    is about 60 characters. ``info`` above ``max-length``, ``warning`` above
    ``max-length`` + 15, where the cut is certain; ``info`` under ``min-length``.

    ## Why it matters
    A cut-off title hides its end; stuffing keywords into a long title is the
    most common reason for one.

    ## Fails
    ```
    Cheap Lisbon Travel Guide 2025: Lisbon on a Budget, Cheap Lisbon Hotels, Cheap Lisbon Food and More
    ```

    ## Passes
    ```
    Lisbon on a budget: a week for under €600
    ```

    ## Options
    - `max-length` (60), `min-length` (15)
    """

    code = "CL602"
    name = "title-length"
    category = "seo"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        max_length: int = 60
        min_length: int = 15

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        title = (doc.title_text or "").strip()
        n = len(title)
        if not title:
            return
        if n > self.options.max_length:
            level = Severity.WARNING if n > self.options.max_length + 15 else Severity.INFO
            yield Finding(_title_span(doc), f"title is {n} characters; search results show about "
                                            f"{self.options.max_length}", severity=level)
        elif n < self.options.min_length:
            yield Finding(_title_span(doc), f"title is {n} characters; give searchers more to go on",
                          severity=Severity.INFO)


class MetaDescription(Rule):
    """The meta description is missing, outside 120-156 characters, or repeats the title.

    HTML ``<meta name="description">`` or Markdown front matter ``description``.
    Missing in an HTML page is a warning; in Markdown (where a site generator may
    supply one) it is ``info``; plain text has no place for one.

    ## Why it matters
    Search engines often show the description under the title; a missing one is
    replaced by whatever text they pick.

    ## Fails
    ```
    <head><title>Marathon recap</title></head>          (no description)
    ```

    ## Passes
    ```
    <meta name="description" content="Kiprono and Alvarado won a sweltering Ridgeport Marathon on Sunday, as medical tents treated 212 runners in record heat.">
    ```

    ## Options
    - `min-length` (120), `max-length` (156)
    """

    code = "CL603"
    name = "meta-description"
    category = "seo"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        min_length: int = 120
        max_length: int = 156

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        if doc.format == "text":
            return
        desc = doc.meta.get("description")
        span = doc.meta_spans.get("description", first_line(doc))
        if not isinstance(desc, str) or not desc.strip():
            level = Severity.WARNING if doc.format == "html" else Severity.INFO
            where = '<meta name="description">' if doc.format == "html" else "front matter description"
            yield Finding(span, f"no {where}", severity=level)
            return
        n = len(desc.strip())
        if desc.strip().lower() == (doc.title_text or "").strip().lower():
            yield Finding(span, "meta description is the same as the title")
        elif not self.options.min_length <= n <= self.options.max_length:
            yield Finding(span, f"meta description is {n} characters; search results show "
                                f"{self.options.min_length}-{self.options.max_length}", severity=Severity.INFO)


class HeadingStructure(Rule):
    """More than one H1, no H1, or a skipped heading level (H2 then H4).

    The extra ``<h1>`` is reported, not the first. Markdown with a front matter
    title needs no ``#`` heading (site generators render the title as the H1).
    Plain text has no heading levels and is not checked.

    ## Why it matters
    Screen readers and search engines read the outline from the heading levels;
    two H1s or a jump from H2 to H4 break it (Lighthouse, WCAG 1.3.1).

    ## Fails
    ```
    <h1>Solar farm approved</h1> … <h1>What the conditions require</h1>
    ```

    ## Passes
    ```
    <h1>Solar farm approved</h1> … <h2>What the conditions require</h2>
    ```
    """

    code = "CL604"
    name = "heading-structure"
    category = "seo"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        if doc.format == "text":
            return
        headings = [b for b in doc.blocks if b.kind == HEADING and not b.chrome]
        h1s = [b for b in headings if b.level == 1]
        for extra in h1s[1:]:
            yield Finding(extra.span, f"second <h1> ('{doc.text(extra)[:50]}'): make it an <h2>")
        if not h1s and ctx.word_count and not (doc.format == "markdown" and "title" in doc.meta):
            yield Finding(first_line(doc), "no H1 heading")
        previous = 0
        for h in headings:
            if previous and h.level > previous + 1:
                yield Finding(h.span, f"heading level jumps from H{previous} to H{h.level}")
            previous = h.level


class MissingSubheadings(Rule):
    """A long article with no subheadings, or a long stretch without one.

    ``warning`` when an article of ``long-article`` words or more has no
    subheading; ``info`` for a section over ``max-section`` words (Yoast's
    subheading distribution).

    ## Why it matters
    Readers and search engines scan by subheadings; 1,200 words without one is a
    wall.

    ## Fails
    ```
    (a 1,200-word article with only its title)
    ```

    ## Passes
    ```
    (the same article with a subheading every few paragraphs)
    ```

    ## Options
    - `long-article` (800), `max-section` (300)
    """

    code = "CL605"
    name = "missing-subheadings"
    category = "seo"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        long_article: int = 800
        max_section: int = 300

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        blocks = ctx.article_blocks
        subheadings = [b for b in blocks if b.kind == HEADING and b.level != 1]
        words = ctx.word_count
        if not subheadings:
            if words >= self.options.long_article:
                yield Finding(blocks[0].span if blocks else first_line(doc),
                              f"{words} words with no subheadings; add one every {self.options.max_section} words or so")
            return
        if len(subheadings) < 2:
            return  # sections need at least two subheadings to be sections
        run, start = 0, None
        for b in blocks + [None]:
            if b is None or b.kind == HEADING:
                if run > self.options.max_section and start is not None:
                    yield Finding(start.span, f"{run} words since the last subheading", severity=Severity.INFO)
                run, start = 0, None
            elif b.kind == PARAGRAPH:
                start = start or b
                run += len(words_in(doc.prose, b.start, b.end))


class GenericLinkText(Rule):
    """Link text that says nothing about its target: "click here", "read more", a bare URL.

    The list is Lighthouse's ``link-text`` audit. In plain text, where links have no
    markup, "click here" itself is reported. A full sentence that happens to begin
    with "read more" ("read more about the council's plan") is fine.

    ## Why it matters
    Screen-reader users jump from link to link; search engines read link text as a
    description of the target. "Click here" tells neither anything.

    ## Fails
    ```
    To see the schedule, [click here](https://example.org/schedule).
    ```

    ## Passes
    ```
    See [the full schedule and fares](https://example.org/schedule).
    ```
    """

    code = "CL606"
    name = "generic-link-text"
    category = "seo"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for link in doc.links:
            if link.chrome:
                continue
            text = " ".join(link.text.lower().strip(" .!:»›→").split())
            if text in _GENERIC_LINK_TEXT:
                yield Finding(link.span, f"link text '{link.text.strip()}' says nothing about where it goes")
            elif _URL_RE.match(link.text.strip()):
                yield Finding(link.span, "a bare URL as link text: describe the page instead")
        if doc.format == "text":
            for block in ctx.article_blocks:
                for m in _GENERIC_PHRASE_RE.finditer(doc.prose, block.start, block.end):
                    yield Finding(Span(m.start(), m.end()), f"'{m.group(0)}' in text: name what the link is")


class EmptyLink(Rule):
    """A link with no target, or one that goes nowhere (``#``).

    ## Why it matters
    Readers click and nothing happens; crawlers see a broken page.

    ## Fails
    ```
    <a href="#">the full report</a>
    ```

    ## Passes
    ```
    <a href="https://example.gov/report.pdf">the full report</a>
    ```
    """

    code = "CL607"
    name = "empty-link"
    category = "seo"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for link in doc.links:
            if not link.chrome and (link.target is None or link.target.strip() in ("", "#")):
                yield Finding(link.span, f"link '{link.text.strip()[:40]}' has no target")


def url_scheme(url: str) -> str:
    """A URL's scheme as a browser reads it: leading spaces and controls dropped, tabs and
    newlines removed anywhere (the WHATWG URL standard), lowercased; "" when it has none."""
    url = url.lstrip(_C0_AND_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")
    m = _SCHEME_RE.match(url)
    return m.group(1).lower() if m else ""


class JavascriptLink(Rule):
    """A link whose target is a script (``href="javascript:…"``), in HTML or Markdown.

    ## Why it matters
    Crawlers follow only links to URLs (Lighthouse's ``crawlable-anchors`` audit, Google's
    "make your links crawlable"), so nothing is found through it; it cannot be opened in a
    new tab, shared or bookmarked, and it does nothing without JavaScript. An action is a
    ``<button>``; a destination is a URL.

    ## Fails
    ```
    <a href="javascript:void(0)" onclick="openRates()">this year's rates</a>
    ```

    ## Passes
    ```
    <a href="/rates/2025">this year's rates</a>
    ```
    """

    code = "CL620"
    name = "javascript-link"
    category = "seo"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for link in ctx.doc.links:
            if not link.chrome and link.target and url_scheme(link.target) == "javascript":
                yield Finding(link.span, f"link '{link.text.strip()[:40]}' runs a script instead of going to a URL: "
                                         "crawlers cannot follow it; use a real URL, or a button for an action")


class ImageAlt(Rule):
    """An image without alt text, or with a file name or a paragraph as its alt text.

    Missing alt is a warning; alt that is a file name is a warning; alt over
    ``max-length`` characters is ``info`` (screen readers cut long alt text).
    ``alt=""`` marks a decorative image and is fine.

    ## Why it matters
    Alt text is what blind readers hear and what image search indexes.

    ## Fails
    ```
    <img src="/images/marathon-finish.jpg">
    ```

    ## Passes
    ```
    <img src="/images/marathon-finish.jpg" alt="Elias Kiprono breaks the tape on Bayfront Drive">
    ```

    ## Options
    - `max-length` (125)
    """

    code = "CL608"
    name = "image-alt"
    category = "seo"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        max_length: int = 125

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for image in doc.images:
            if image.chrome:
                continue
            alt = image.alt
            if alt is None:
                yield Finding(image.span, f"image '{image.src.rsplit('/', 1)[-1]}' has no alt text")
            elif _FILENAME_RE.match(alt.strip()):
                yield Finding(image.span, f"alt text '{alt.strip()}' is a file name: describe the image")
            elif len(alt) > self.options.max_length:
                yield Finding(image.span, f"alt text is {len(alt)} characters; keep it under "
                                          f"{self.options.max_length}", severity=Severity.INFO)


class ThinContent(Rule):
    """Too little real prose once boilerplate is set aside.

    Counted on the article's body without boilerplate blocks (CL2xx): ``warning``
    under ``min-words`` (Yoast's "far below" band), ``info`` under
    ``recommended-words`` (Yoast's minimum for a post).

    ## Why it matters
    Search engines rank thin pages low; a page that is mostly share buttons and
    teasers around 150 words of text reads as filler.

    ## Fails
    ```
    (150 words of text, then share links, a newsletter pitch and "You may also like")
    ```

    ## Passes
    ```
    (a 400-word article)
    ```

    ## Options
    - `min-words` (200), `recommended-words` (300)
    """

    code = "CL609"
    name = "thin-content"
    category = "seo"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        min_words: int = 200
        recommended_words: int = 300

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        n = ctx.word_count
        if n == 0 or n >= self.options.recommended_words:
            return
        level = Severity.WARNING if n < self.options.min_words else Severity.INFO
        span = ctx.article_blocks[0].span if ctx.article_blocks else first_line(doc)
        yield Finding(span, f"{n} words of article text once boilerplate is set aside; aim for "
                            f"{self.options.recommended_words} or more", severity=level)


def _occurrences(words: list[str], gram: tuple[str, ...], overlapping: int) -> int:
    """Non-overlapping occurrences, given the ``overlapping`` count: "a b a" repeated overlaps
    itself, and counting each overlap would cover more than the whole paragraph. A phrase that
    cannot overlap itself (no start of it is also its end) has no overlaps to take out."""
    n = len(gram)
    if not any(gram[k:] == gram[:n - k] for k in range(1, n)):
        return overlapping
    count, i = 0, 0
    while i <= len(words) - n:
        if tuple(words[i:i + n]) == gram:
            count, i = count + 1, i + n
        else:
            i += 1
    return count


def _top_ngram(words: list[str]) -> tuple[float, str, int] | None:
    """The most repeated 2-4-word phrase with content words, as a share of the characters."""
    if all(w in FUNCTION_WORDS or w.isdigit() for w in words):
        return None  # no content word, so no phrase that counts
    chars = sum(len(w) for w in words) or 1
    best = None
    for n, limit in _NGRAM_LIMITS.items():
        grams = Counter(zip(*(words[i:] for i in range(n))))
        for gram, overlapping in grams.most_common(3):
            if overlapping < _MIN_REPEATS or all(w in FUNCTION_WORDS or w.isdigit() for w in gram):
                continue
            count = _occurrences(words, gram, overlapping)
            if count < _MIN_REPEATS:
                continue
            share = count * sum(len(w) for w in gram) / chars
            if share > limit and (best is None or share / limit > best[0] / _NGRAM_LIMITS[len(best[1].split())]):
                best = (share, " ".join(gram), count)
            break
    return best


class KeywordStuffing(Rule):
    """A phrase repeated far beyond natural frequency.

    With a focus keyphrase (the option, or the one the article declares, as CL615
    reads it): its density above ``max-density`` (3 %). Without one: a
    paragraph whose most repeated 2-, 3- or 4-word phrase, said five times or more,
    covers more than 20, 18 or 16 % of its characters, the repetition limits of
    web-text quality filters (Gopher, Rae et al. 2021).

    ## Why it matters
    Search engines demote pages written for keywords rather than readers, and
    readers notice first.

    ## Fails
    ```
    This sourdough starter recipe is the best sourdough starter recipe because this sourdough
    starter method makes a sourdough starter that …
    ```

    ## Passes
    ```
    This starter recipe works because it keeps the culture warm and fed on a schedule.
    ```

    ## Options
    - `keyphrase` (""), `max-density` (0.03), `min-words` (40): paragraphs shorter than this are not checked.
    """

    code = "CL610"
    name = "keyword-stuffing"
    category = "seo"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        keyphrase: str = ""
        max_density: float = 0.03
        min_words: int = 40

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        keyphrase = self.options.keyphrase or declared_keyphrase(doc)[0]
        if keyphrase:
            yield from self.density(ctx, keyphrase)
        for block in ctx.article_blocks:
            if block.kind != PARAGRAPH:
                continue
            words = [w.lower() for w in words_in(doc.prose, block.start, block.end)]
            if len(words) < self.options.min_words:
                continue
            top = _top_ngram(words)
            if top:
                share, phrase, count = top
                yield Finding(block.span, f"'{phrase}' repeated {count} times covers {share:.0%} of this "
                                          f"paragraph: write for readers, not keywords")

    def density(self, ctx: Context, keyphrase: str) -> Iterator[Finding]:
        doc = ctx.doc
        words = ctx.word_count
        pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, keyphrase.split())) + r"\b", re.I)
        hits = [m for b in ctx.article_blocks for m in pattern.finditer(doc.prose, b.start, b.end)]
        density = len(hits) * len(keyphrase.split()) / words if words else 0.0
        if density > self.options.max_density:
            yield Finding(Span(hits[0].start(), hits[0].end()), f"focus keyphrase '{keyphrase}' makes up "
                          f"{density:.1%} of the text ({len(hits)} times); keep it under {self.options.max_density:.0%}")


def _introduction(ctx: Context) -> Block | None:
    """The article's first paragraph that ends as a sentence does: a byline, a dateline or an
    "Updated May 2025" line above the lede is not its introduction."""
    paragraphs = [b for b in ctx.article_blocks if b.kind == PARAGRAPH]
    return next((b for b in paragraphs if _SENTENCE_END_RE.search(ctx.doc.text(b))), paragraphs[0] if paragraphs else None)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a focus keyphrase belongs, after Yoast's keyphrase assessments: its name in a message,
    and whether it is prominent. Missing from what a searcher reads before choosing the page (the
    title, the description) or in its opening is a warning; missing only from the subheadings,
    the slug or an image's alt text is info."""

    label: str
    prominent: bool = False


_TITLE = _Place("the title", prominent=True)
_OPENING = _Place("the first paragraph", prominent=True)
_DESCRIPTION = _Place("the meta description", prominent=True)
_SUBHEADINGS = _Place("the subheadings")
_SLUG = _Place("the slug")
_ALT_TEXT = _Place("the image alt text")


def _slug(doc: Document) -> str:
    """The page's address as its words: front matter ``slug`` (or the last part of ``url`` /
    ``permalink``), the page's canonical URL (HTML or front matter), else the file's name (a
    page bundle's ``index.md`` takes its folder's)."""
    for key in _SLUG_KEYS:
        if isinstance(doc.meta.get(key), str) and doc.meta[key].strip("/ "):
            return doc.meta[key].strip("/ ").rsplit("/", 1)[-1]
    canonical = next((c.value for c in canonical_urls(doc) if c.value.strip("/ ")), None)
    if canonical:
        return canonical.split("?")[0].split("#")[0].strip("/ ").rsplit("/", 1)[-1]
    path = PurePath(doc.path)
    return path.parent.name if path.stem.lower() in _INDEX_STEMS else path.stem


class KeyphrasePlacement(Rule):
    """The declared focus keyphrase is missing from where search engines and readers look for it.

    Silent unless the article declares a focus keyphrase: front matter ``keyphrase`` (or
    another of `keys`; a list's first entry), or in HTML a ``<meta name="keyphrase">``.
    The places are Yoast's: the title, the first paragraph (the first one that ends as a
    sentence, so a byline is not it), the meta description, an H2 or H3 subheading, the
    slug (front matter ``slug``, ``url`` or ``permalink``, the canonical URL, else the file
    name) and an image's alt text. A place the article does not have (no description, no
    subheadings, no images with alt text) is not asked for.

    A heuristic: the keyphrase is there when each of its words other than function words
    is, in any order and inflection (stems, as ``contentlint.language.words`` makes them;
    "heat-pump rebates" holds "heat pump rebate"); within one sentence in the first
    paragraph, anywhere in the shorter places. Synonyms are not matched. One finding lists
    every missing place: ``warning`` when the title, the first paragraph or the meta
    description is one of them, ``info`` otherwise. ``<meta name="keywords">`` is no focus
    keyphrase (a list search engines have ignored since 2009); add ``keywords`` to `keys`
    to read its first entry.

    ## Why it matters
    An author who names a focus keyphrase wants the page found for it; a title, opening
    and description that never say it tell searchers and search engines the page is
    about something else.

    ## Fails
    ```
    ---
    title: What the state's new program pays
    keyphrase: heat pump rebate
    ---
    Homeowners can now apply for up to $2,500 toward a new system.
    ```

    ## Passes
    ```
    ---
    title: "Heat pump rebates: what the state's new program pays"
    description: Homeowners can claim a heat pump rebate of up to $2,500 from May; here is who qualifies, what it covers and how to apply before the fund runs out.
    keyphrase: heat pump rebate
    slug: heat-pump-rebates
    ---
    Homeowners who install a heat pump can now apply for a state rebate of up to $2,500.
    ```

    ## Options
    - `keys` (`keyphrase`, `focus_keyphrase`, `focus_keyword`, `focus-keyphrase`, `keyword`):
      the front matter keys (and HTML meta names) that declare it, first found wins.
    """

    code = "CL615"
    name = "keyphrase-placement"
    category = "seo"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        keys: tuple[str, ...] = _KEYPHRASE_KEYS

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        keyphrase, declared_at = declared_keyphrase(doc, self.options.keys)
        wanted = set(word_stems(keyphrase, content_only=True)) or set(word_stems(keyphrase))
        if not wanted:
            return
        missing = [place for place, texts in self.places(ctx)
                   if not any(wanted <= set(word_stems(text)) for text in texts)]
        if not missing:
            return
        labels = [place.label for place in missing]
        listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        level = Severity.WARNING if any(place.prominent for place in missing) else Severity.INFO
        yield Finding(declared_at or first_line(doc), f"focus keyphrase '{keyphrase}' is missing from {listed}",
                      severity=level)

    @staticmethod
    def places(ctx: Context) -> Iterator[tuple[_Place, list[str]]]:
        """Each place the article has, with the texts that may hold the keyphrase."""
        doc = ctx.doc
        if (doc.title_text or "").strip():
            yield _TITLE, [doc.title_text]
        intro = _introduction(ctx)
        if intro is not None:
            yield _OPENING, [doc.text(s) for s in ctx.sentences_in(intro)] or [doc.text(intro)]
        description = doc.meta.get("description")
        if doc.format != "text" and isinstance(description, str) and description.strip():
            yield _DESCRIPTION, [description]
        subheadings = [doc.text(b) for b in ctx.article_blocks if b.kind == HEADING and b.level in (2, 3)]
        if subheadings:
            yield _SUBHEADINGS, subheadings
        yield _SLUG, [_slug(doc)]
        alts = [image.alt for image in doc.images if not image.chrome and image.alt and image.alt.strip()]
        if alts:
            yield _ALT_TEXT, alts
