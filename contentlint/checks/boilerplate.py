"""Boilerplate found by structure and position; the wording-based kinds are YAML packs."""

from __future__ import annotations

from collections.abc import Iterator

from contentlint.analyses.boilerplate import DUPLICATE, EMAIL_FORM, LINK_LIST, PAGE_CHROME
from contentlint.analyses import Context
from contentlint.document import Span
from contentlint.rule import Finding, Fix, Rule, Severity


def boilerplate_findings(ctx: Context, code: str) -> Iterator[Finding]:
    """One finding per boilerplate block that ``code`` reports, spanning its lines."""
    doc = ctx.doc
    for block in ctx.boilerplate:
        if block.code == code:
            first, _ = doc.line_col(block.start)
            last, _ = doc.line_col(block.end)
            size = f"{last - first + 1}-line " if last > first else ""
            yield Finding(Span(block.start, block.end), f"{size}{block.label}: not part of the article",
                          fix=_removal(doc, block.start, block.end))


def _removal(doc, start: int, end: int) -> Fix | None:
    """The block's lines removed, with a blank line beside them when both sides have one (unsafe:
    the detection may be wrong). Only in text and Markdown, and only when the lines hold nothing
    else: an HTML page's elements are the author's to remove."""
    source, prose = doc.source, doc.prose
    if doc.format == "html":
        return None
    first = source.rfind("\n", 0, start) + 1
    last = source.find("\n", end)
    last = len(source) if last < 0 else last + 1
    if prose[first:start].strip() or prose[end:last].strip():
        return None  # another block shares the lines
    if source[last:last + 1] == "\n" and (first < 2 or source[first - 2:first] == "\n\n"):
        last += 1
    return Fix(Span(first, last), "", safe=False, keeps_markup=True)


class _BoilerplateRule(Rule):
    """A rule that reports the blocks the boilerplate analysis gave its code."""

    category = "boilerplate"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        return boilerplate_findings(ctx, self.code)


class LinkList(_BoilerplateRule):
    """A run of headline links or headline-like lines that are not the article.

    Three or more consecutive short items with no end period, in title case or
    made only of links, are a list of headlines. Topic confirms it: a list whose
    vocabulary the article does not share is unrelated. Left alone: a list under
    "Further reading", "Sources" or "See also"; a list of full sentences; a list
    whose words are the article's own (its outline).

    ## Why it matters
    Scrapers and CMS exports paste the site's "latest stories" under the article;
    published as part of the piece, it looks broken and dilutes its topic for
    search engines.

    ## Fails
    ```
    …the last paragraph of a story about heat pump rebates.
    Regional Grid Operator Warns of Tight Supply During Summer Heat Waves
    Chipmaker Shares Slide After New Export Restrictions Announced
    Minor League Team Unveils Plans for Riverfront Ballpark
    ```

    ## Passes
    ```
    ## Further reading
    - [The county's rebate rules](https://example.gov/rebates)
    - [How heat pumps work in cold climates](https://example.org/heat-pumps)
    ```
    """

    code = LINK_LIST
    name = "headline-link-list"


class PageChrome(_BoilerplateRule):
    """Runs of menu, footer or teaser lines before or after the article.

    The article is the densest contiguous run of prose; three or more short,
    non-prose blocks before it (beyond its own title and byline) or after it are
    the site's navigation, footer or teasers saved with the text. Reported at
    ``info``: position is a weaker signal than wording or structure.

    ## Why it matters
    Scraped text keeps the page's menus ("Home", "About", "Contact") and footer
    ("Privacy Policy", "© 2025 …"); they inflate word counts and end up published.

    ## Fails
    ```
    Home
    News
    Sports
    Contact
    (the article's paragraphs)
    Privacy Policy
    Terms of Use
    © 2025 The Courier
    ```

    ## Passes
    ```
    (the article's title, byline and paragraphs only)
    ```
    """

    code = PAGE_CHROME
    name = "page-chrome"
    severity = Severity.INFO


class RepeatedBlock(_BoilerplateRule):
    """A paragraph (or run of them) repeats an earlier one word for word.

    Only blocks of eight words or more count, so a repeated short heading or
    caption is left alone; the first copy is the one kept.

    ## Why it matters
    A paragraph pasted twice is a copy-edit slip readers notice at once; scraped
    pages often carry the article two or three times (teaser, body, hidden copy).

    ## Fails
    ```
    The council approved the budget on Tuesday after a long debate.
    Parks and roads get more money.
    The council approved the budget on Tuesday after a long debate.
    ```

    ## Passes
    ```
    The council approved the budget on Tuesday after a long debate.
    The council approved the budget, the mayor said on Wednesday.
    ```
    """

    code = DUPLICATE
    name = "repeated-block"


class EmailForm(_BoilerplateRule):
    """HTML: a box holding a field for the reader's email address.

    An ``<input type="email">`` (or an input named, labelled or prompted as an email)
    is a sign-up, contact or download form; the widest element around it of at most
    120 words (its heading, pitch, button and "No thanks" link) is reported.
    Fields in the site's navigation, header or footer are chrome and left alone;
    a form already reported by its wording (a comment form) is reported once.

    ## Why it matters
    A pop-up or inline form is marketing around the article: its pitch counts as
    words, and copied elsewhere it asks readers to join a list they cannot reach.

    ## Fails
    ```
    <div class="modal"><h3>Before you go</h3>
    <p>Weekly tide tables and gear deals for anglers.</p>
    <input type="email" placeholder="you@example.com"><button>Count me in</button></div>
    ```

    ## Passes
    ```
    <p>Readers can email the newsroom at tips@example.com.</p>
    ```
    """

    code = EMAIL_FORM
    name = "email-form"
