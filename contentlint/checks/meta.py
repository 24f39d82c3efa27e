"""Rules about contentlint's own input: broken markup, bad or unused directives, crashed rules."""

from __future__ import annotations

from collections.abc import Iterator

from contentlint.analyses import Context
from contentlint.document import Span
from contentlint.rule import Finding, Rule, RunnerRule, Severity


class MalformedMarkup(Rule):
    """The file's markup is broken (truncated HTML, unclosed elements, invalid front matter), or
    the file is far longer than an article.

    contentlint still checks what it could read, but positions and counts after
    the break may be off. A file of more than 10,000 lines, blocks or sentences is
    not checked at all: it is a listing, a dump or a book, not one article.

    ## Why it matters
    A truncated export or a front matter typo silently drops part of an article
    (its title, its date, its last paragraphs) from the published page.

    ## Fails
    ```
    <article><p>The council voted on Tuesday   (file ends here)
    ```

    ## Passes
    ```
    <article><p>The council voted on Tuesday.</p></article>
    ```
    """

    code = "CL901"
    name = "malformed-markup"
    category = "meta"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        for span, message in doc.problems:
            yield Finding(span, message)
        if ctx.not_checked:
            yield Finding(Span(0, 0), ctx.not_checked)


class InvalidDirective(RunnerRule):
    """An inline ``contentlint-…`` directive is mistyped or names an unknown rule.

    Directives are HTML comments in all formats: ``<!-- contentlint-disable-next-line
    CL101 -- reason -->``; also ``disable-line``, ``disable`` … ``enable`` ranges and
    ``disable-file``. Codes, rule names, prefixes and categories are accepted.

    ## Why it matters
    A mistyped directive suppresses nothing, so the finding it meant to silence
    keeps failing CI with no visible reason.

    ## Fails
    ```
    <!-- contentlint-disable-nextline CL101 -->
    ```

    ## Passes
    ```
    <!-- contentlint-disable-next-line CL101 -- the count is the print edition's -->
    ```
    """

    code = "CL900"
    name = "invalid-directive"
    category = "meta"
    severity = Severity.WARNING


class UnusedSuppression(RunnerRule):
    """An inline directive silenced no finding, though every rule it names ran on the file.

    Off by default; turn it on with `extend-select = ["CL902"]`, as Ruff's RUF100. A
    directive naming several rules is reported for the ones that silenced nothing.
    Site-wide findings (a duplicate title) count: a directive that silences only one
    of them is used. A directive naming a rule that did not run (not selected,
    ignored for the file, crashed, or a site-wide rule with one file checked) is not
    known to be unused and is left alone; so is a bare directive or a category unless
    all the rules it names ran. Silence a report with a directive naming CL902.

    ## Why it matters
    A directive left behind after the text was fixed hides the next real problem on
    that line, and nobody remembers why it is there.

    ## Fails
    ```
    <!-- contentlint-disable-next-line CL101 -->
    The council voted on Tuesday.     (no word-count claim left to silence)
    ```

    ## Passes
    ```
    <!-- contentlint-disable-next-line CL101 -- the print edition's count -->
    This 1,500-word guide appeared first in print.
    ```
    """

    code = "CL902"
    name = "unused-suppression"
    category = "meta"
    severity = Severity.WARNING
    enabled_by_default = False


class RuleCrashed(RunnerRule):
    """A rule raised an exception on this file; the other rules still ran.

    ## Why it matters
    A crash means that rule checked nothing here: the file is not known to be clean.
    Please report it with the file that triggers it.

    ## Fails
    ```
    (any file on which a rule raises an exception)
    ```

    ## Passes
    ```
    (every rule completes)
    ```
    """

    code = "CL999"
    name = "rule-crashed"
    category = "meta"
    severity = Severity.ERROR
