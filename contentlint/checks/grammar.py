"""Grammar through LanguageTool, against a server the user runs (nothing is downloaded)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.analyses import Context
from contentlint.document import HEADING, PROSE_KINDS, Span
from contentlint.errors import ConfigError, InputError
from contentlint.rule import Finding, Fix, Rule, Severity

URL_ENV = "CONTENTLINT_LANGUAGETOOL_URL"
# Masked markup leaves runs of spaces in the prose sent; LanguageTool would report each.
ALWAYS_DISABLED = ("WHITESPACE_RULE",)


@functools.lru_cache(maxsize=4)
def client(url: str, language: str):
    """A language-tool-python client of the server at ``url`` (it asks the server for its languages)."""
    try:
        import language_tool_python
    except ImportError:
        raise ConfigError("grammar checks need language-tool-python: pip install 'contentlint[grammar]'") from None
    try:
        return language_tool_python.LanguageTool(language, remote_server=url)
    except Exception as exc:  # connection refused, DNS, HTTP errors: the user must start the server
        raise InputError(f"LanguageTool server at {url} is unreachable ({type(exc).__name__}); "
                         f"start it or unset {URL_ENV}") from None


def grammar_text(ctx: Context) -> tuple[str, list[tuple[int, int]]]:
    """The article's prose blocks and headings, one per paragraph, and where each starts
    (offset in the text sent, offset in the source)."""
    parts, starts, pos = [], [], 0
    for block in ctx.article_blocks:
        if block.kind in PROSE_KINDS or block.kind == HEADING:
            text = ctx.doc.prose[block.start:block.end]
            parts.append(text)
            starts.append((pos, block.start))
            pos += len(text) + 2
    return "\n\n".join(parts), starts


def to_source(offset: int, starts: list[tuple[int, int]]) -> int:
    for sent_start, source_start in reversed(starts):
        if offset >= sent_start:
            return source_start + offset - sent_start
    return offset


class Grammar(Rule):
    """Grammar, spelling and style problems found by LanguageTool.

    Runs only when a LanguageTool server is configured: the rule option `url` or
    the ``CONTENTLINT_LANGUAGETOOL_URL`` environment variable (e.g.
    ``http://localhost:8010``). A configured server that does not answer is an
    error (exit 2), never a silent pass. Only the article's prose and headings are
    sent (markup stays masked); matches inside quotations are skipped by default
    (quoted speech is quoted as spoken). The message keeps LanguageTool's rule id
    and category, and its first suggestion is offered as a fix.

    ## Why it matters
    Editors already trust LanguageTool; contentlint puts its findings next to the
    content checks, in the same formats and the same CI job.

    ## Fails
    ```
    The council have approve the budget on Tuesday.
    ```

    ## Passes
    ```
    The council approved the budget on Tuesday.
    ```

    ## Options
    - `url` (""): the server; the environment variable is used when this is empty.
    - `language` ("en-US")
    - `disabled-rules` ([]): LanguageTool rule ids to skip, e.g. ["EN_QUOTES", "COMMA_PARENTHESIS_WHITESPACE"].
    - `check-quotations` (false)
    """

    code = "CL701"
    name = "grammar"
    category = "grammar"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        url: str = ""
        language: str = "en-US"
        disabled_rules: tuple = ()
        check_quotations: bool = False

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        url = self.options.url or os.environ.get(URL_ENV, "")
        if not url:
            return
        text, starts = grammar_text(ctx)
        if not text.strip():
            return
        tool = client(url, self.options.language)
        tool.disabled_rules = set(ALWAYS_DISABLED) | set(self.options.disabled_rules)
        try:
            matches = tool.check(text)
        except Exception as exc:
            raise InputError(f"LanguageTool server at {url} failed on {doc.path} ({type(exc).__name__})") from None
        yield from self.findings(ctx, matches, starts)

    def findings(self, ctx: Context, matches, starts: list[tuple[int, int]]) -> Iterator[Finding]:
        """LanguageTool matches placed in the source."""
        quoted = [] if self.options.check_quotations else ctx.quoted_spans
        for m in matches:
            if m.rule_id in self.options.disabled_rules or m.rule_id in ALWAYS_DISABLED:
                continue
            start = to_source(m.offset, starts)
            end = start + m.error_length
            if any(a <= start < b for a, b in quoted):
                continue
            span = Span(start, end)
            fix = Fix(span, m.replacements[0]) if m.replacements else None
            yield Finding(span, f"{m.message} (LanguageTool {m.rule_id}, {m.category})", fix=fix)
