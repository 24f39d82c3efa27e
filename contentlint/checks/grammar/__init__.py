"""Grammar (CL701): one rule, two backends behind one interface (a module each, returning Matches).

The rule sends the article's prose and headings as plain text (``ctx.plain_text``, markup
removed), maps each match back to the source, and grades it. The backends are imported only
when the rule runs one: with neither Harper chosen nor a server configured it finds nothing,
and a run pays nothing for them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.analyses import Context
from contentlint.errors import ConfigError
from contentlint.rule import Finding, Fix, Rule, Severity

if TYPE_CHECKING:
    from contentlint.analyses.plain_text import PlainText
    from contentlint.checks.grammar.match import Match

BACKENDS = ("languagetool", "harper")
URL_ENV = "CONTENTLINT_LANGUAGETOOL_URL"  # the LanguageTool server, when the option `url` is empty
CHECKERS = {"languagetool": "language-tool-python", "harper": "harper-py"}  # the distribution each backend runs


class Grammar(Rule):
    """Grammar problems found by LanguageTool (a server you run) or Harper (built in, offline).

    `backend = "languagetool"` (the default) runs only when a server is configured: the
    option `url` or the ``CONTENTLINT_LANGUAGETOOL_URL`` environment variable (e.g.
    ``http://localhost:8010``); a configured server that does not answer is an error
    (exit 2), never a silent pass. `backend = "harper"` checks in the process with
    harper-py (``pip install 'contentlint[harper]'``): no server, no Java, nothing
    downloaded. Only the article's prose and headings are sent, as plain text with the
    markup removed, and each match is placed back at its exact source position. Matches
    inside quotations are skipped by default (quoted speech is quoted as spoken), and so
    are unknown words (names, mostly) unless `spelling` is on. The message keeps the
    checker's rule id and category; its first suggestion is offered as an unsafe fix (a
    guess). LanguageTool's matches are warnings; Harper's are info but for the kinds it
    was reliably right about on edited news (a repeated word).

    ## Why it matters
    Editors already trust a grammar checker; contentlint puts its findings next to the
    content checks, in the same formats and the same CI job.

    ## Fails
    ```
    The council will vote on the the budget on Tuesday.
    ```

    ## Passes
    ```
    The council will vote on the budget on Tuesday.
    ```

    ## Options
    - `backend` ("languagetool"): or "harper".
    - `url` (""): the LanguageTool server; the environment variable is used when this is empty.
    - `language` ("en-US"): Harper knows en-US, en-GB, en-AU, en-CA and en-IN.
    - `disabled-rules` ([]): the checker's rule ids to skip, e.g. ["EN_QUOTES"] or ["AvoidCurses"].
    - `spelling` (false): report unknown words too.
    - `check-quotations` (false)
    """

    code = "CL701"
    name = "grammar"
    category = "grammar"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        backend: str = "languagetool"
        url: str = ""
        language: str = "en-US"
        disabled_rules: tuple = ()
        spelling: bool = False
        check_quotations: bool = False

        def __post_init__(self) -> None:
            if self.backend not in BACKENDS:
                raise ConfigError(f"rules.grammar: backend must be {' or '.join(BACKENDS)}, got {self.backend!r}")

    def server(self) -> str:
        """The LanguageTool server's address, or "" when none is configured."""
        return self.options.url or os.environ.get(URL_ENV, "")

    def runs_a_checker(self) -> bool:
        """Harper, or LanguageTool with a server configured; otherwise the rule finds nothing."""
        return self.options.backend == "harper" or bool(self.server())

    def distributions(self) -> tuple[str, ...]:
        """The backend's distribution, when it runs: another version finds other things (the cache
        checks the files again)."""
        return (CHECKERS[self.options.backend],) if self.runs_a_checker() else ()

    def prepare(self) -> None:
        """Harper's linter, built before the files are shared out so that every worker inherits it."""
        if self.options.backend == "harper":
            from contentlint.checks.grammar import harper

            harper.linter(self.options.language, self.options.disabled_rules, self.options.spelling)

    def check(self, ctx: Context) -> Iterator[Finding]:
        if not self.runs_a_checker():
            return
        opts = self.options
        plain = ctx.plain_text
        if not plain.text.strip():
            return
        if opts.backend == "harper":
            from contentlint.checks.grammar import harper

            matches = harper.check(plain.text, opts.language, opts.disabled_rules, opts.spelling)
        else:
            from contentlint.checks.grammar import languagetool

            matches = languagetool.check(plain.text, self.server(), opts.language, opts.disabled_rules, ctx.doc.path)
        yield from self.findings(ctx, plain, matches)

    def findings(self, ctx: Context, plain: PlainText, matches: list[Match]) -> Iterator[Finding]:
        """Matches placed in the source, less those the options leave out: the one place that drops
        any (a backend turns the skipped rules off where it can, and reports every match)."""
        quoted = [] if self.options.check_quotations else ctx.quoted_spans
        source = ctx.doc.source
        for m in matches:
            if m.rule_id in self.options.disabled_rules or (m.spelling and not self.options.spelling):
                continue
            span = plain.source_span(m.start, m.end)
            if any(a <= span.start < b for a, b in quoted):
                continue
            # a fix only where the source holds just the text sent (no markup inside the span)
            fixable = m.replacement is not None and source[span.start:span.end] == plain.text[m.start:m.end]
            yield Finding(span, f"{m.message} ({m.label})",
                          fix=Fix(span, m.replacement, safe=False) if fixable else None,
                          severity=None if m.clear_error else Severity.INFO)
