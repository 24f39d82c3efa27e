"""Typography (CL8xx): marks a typesetter would change, each with a safe fix; off by default.

They read the prose but change the source, only where both hold the same characters: markup,
which the prose masks with spaces, is never touched. One finding per block, whose fix retypes
the whole block, so that an article with forty straight quotes gets a few findings, not forty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from contentlint.analyses import Context
from contentlint.document import Span
from contentlint.language import lazy_re
from contentlint.rule import Finding, Fix, Rule, Severity

# A straight mark opens after a space, a line start or an opening bracket or dash ("after nothing
# else": the lookbehind also holds at the start), and closes (or is an apostrophe) after anything
# else; a single mark before a digit is an apostrophe ("the ’90s"). Each group names its curly mark.
_AFTER_OPENER = r"(?<![^ \t\n(\[{<—–\-/“‘])"
_STRAIGHT_RE = lazy_re.compile(rf"(?P<open_double>{_AFTER_OPENER}\")|(?P<close_double>\")"
                               rf"|(?P<apostrophe>{_AFTER_OPENER}'(?=\d))|(?P<open_single>{_AFTER_OPENER}'(?=\S))"
                               rf"|(?P<close_single>')")
_CURLED = {"open_double": "“", "close_double": "”", "apostrophe": "’", "open_single": "‘", "close_single": "’"}
_SPACES_RE = lazy_re.compile(r"(?<=\S) {2,}(?=\S)")


class _RetypeRule(Rule):
    """A rule whose fix retypes the marks its pattern finds in each block."""

    category = "typography"
    severity = Severity.INFO
    enabled_by_default = False
    pattern: re.Pattern  # each subclass also says what replaces a match and how to describe a block's
    formats = ("text", "markdown", "html")

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        if doc.format not in self.formats:
            return
        source, prose, replacement = doc.source, doc.prose, self.replacement
        for block in doc.blocks:
            pieces, first, at = [], -1, block.start
            add = pieces.append
            has_markup = source[block.start:block.end] != prose[block.start:block.end]
            for m in self.pattern.finditer(prose, block.start, block.end):
                start = m.start()
                if has_markup and source[start:m.end()] != m.group(0):
                    continue  # masked markup, not the prose's own text
                if first < 0:
                    first = at = start
                add(source[at:start])
                add(replacement(m))
                at = m.end()
            if pieces:  # one fix retypes the block from its first mark to its last, markup kept
                span = Span(first, at)
                yield Finding(span, self.describe(len(pieces) // 2),
                              fix=Fix(span, "".join(pieces), keeps_markup=True))


class StraightQuotes(_RetypeRule):
    """Straight quotation marks and apostrophes (" and ') where typeset text has curly ones.

    Opening marks follow a space, a line start or an opening bracket; the rest close, and an
    apostrophe is a closing single mark (’). Straight marks inside code and markup are left alone.

    ## Why it matters
    A page that mixes “curly” and "straight" marks looks pasted together; house styles of
    publishers and most CMS themes use curly ones.

    ## Fails
    ```
    "We're ready," she said.
    ```

    ## Passes
    ```
    “We’re ready,” she said.
    ```
    """

    code = "CL802"
    name = "straight-quotes"
    pattern = _STRAIGHT_RE

    def replacement(self, m: re.Match) -> str:
        return _CURLED[m.lastgroup]

    def describe(self, count: int) -> str:
        return f"{count} straight quotation mark{'s' * (count != 1)} or apostrophe{'s' * (count != 1)}: use curly ones"


class DoubleSpace(_RetypeRule):
    """Two or more spaces between words or after a sentence's end.

    Only in text and Markdown files (HTML shows any run of spaces as one); two spaces at the end of
    a Markdown line, a hard line break, are left alone, as is anything inside code or markup.

    ## Why it matters
    Double spaces are a typewriter habit or a leftover of editing; they show as gaps in plain
    text, e-mail and many CMS fields.

    ## Fails
    ```
    The council voted.  Fares rise in May.
    ```

    ## Passes
    ```
    The council voted. Fares rise in May.
    ```
    """

    code = "CL803"
    name = "double-space"
    pattern = _SPACES_RE
    formats = ("text", "markdown")

    def replacement(self, m: re.Match) -> str:
        return " "

    def describe(self, count: int) -> str:
        return f"{count} run{'s' * (count != 1)} of several spaces: use one"
