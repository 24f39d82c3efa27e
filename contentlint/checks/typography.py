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

_STRAIGHT_RE = lazy_re.compile(r"[\"']")
_SPACES_RE = lazy_re.compile(r"(?<=\S) {2,}(?=\S)")
_OPENS_AFTER = " \t\n([{<—–-/“‘"  # a quotation mark after one of these (or at the start) opens


def _curled(text: str, at: int, mark: str) -> str:
    """The curly mark for a straight one at ``at``: opening after a space or an opening bracket,
    closing (or an apostrophe) after anything else; ’ before a digit ("the ’90s")."""
    opens = at == 0 or text[at - 1] in _OPENS_AFTER
    if mark == '"':
        return "“" if opens else "”"
    if opens and at + 1 < len(text) and text[at + 1].isdigit():
        return "’"
    return "‘" if opens and at + 1 < len(text) and not text[at + 1].isspace() else "’"


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
        for block in doc.blocks:
            edits = [(m.start(), m.end(), self.replacement(doc.prose, m))
                     for m in self.pattern.finditer(doc.prose, block.start, block.end)
                     if doc.source[m.start():m.end()] == m.group(0)]  # the prose's own text, not masked markup
            if edits:
                yield Finding(Span(edits[0][0], edits[-1][1]), self.describe(len(edits)),
                              fix=Fix(Span(edits[0][0], edits[-1][1]), _retyped(doc.source, edits), keeps_markup=True))


def _retyped(source: str, edits: list[tuple[int, int, str]]) -> str:
    """The source from the first edit's start to the last's end, with every edit made."""
    out, at = [], edits[0][0]
    for start, end, replacement in edits:
        out += [source[at:start], replacement]
        at = end
    return "".join(out)


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

    def replacement(self, prose: str, m: re.Match) -> str:
        return _curled(prose, m.start(), m.group(0))

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

    def replacement(self, prose: str, m: re.Match) -> str:
        return " "

    def describe(self, count: int) -> str:
        return f"{count} run{'s' * (count != 1)} of several spaces: use one"
