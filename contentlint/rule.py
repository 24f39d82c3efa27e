"""The rule API: what a rule declares, what it yields, and what the runner reports.

A rule is a small class::

    class ReadingTimeClaim(Rule):
        \"\"\"Summary line.

        ## Why it matters
        …
        ## Fails
        …
        ## Passes
        …
        \"\"\"
        code = "CL102"
        name = "reading-time-mismatch"
        category = "word-count"
        severity = Severity.ERROR

        @dataclass(frozen=True)
        class Options:
            words_per_minute: int = 238

        def check(self, ctx):              # ctx.doc is the Document; ctx.words,
            yield Finding(span, "message")  # ctx.sentences, ctx.facts… its analyses

The runner, not the rule, applies selection, severity overrides, suppressions and
positions: rules never read configuration or compute line numbers.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from contentlint.document import Span

if TYPE_CHECKING:
    from contentlint.analyses import Context

CATEGORIES = {
    "word-count": 1, "boilerplate": 2, "readability": 3, "quote": 4, "contradiction": 5,
    "seo": 6, "grammar": 7, "typography": 8, "meta": 9,
}
CODE_RE = re.compile(r"^[A-Z]{1,8}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DOC_SECTIONS = ("## Why it matters", "## Fails", "## Passes")


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


@dataclass(frozen=True)
class Related:
    """Another place that explains a finding (the other half of a contradiction)."""

    message: str
    span: Span | None = None  # in the same document
    path: str | None = None  # or in another file, with its position
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Fix:
    """Text to put in place of a span of the source. A safe fix keeps what the article says
    (``--fix`` applies it); an unsafe one may change it, as removing a block does (only with
    ``--unsafe-fixes``)."""

    span: Span
    replacement: str
    safe: bool = True
    # The rule built the replacement from the source, markup and all (or removes whole lines on
    # purpose). Any other fix whose span holds markup is not offered: the prose masks markup, so a
    # replacement made from the prose would delete it ("the <b>the</b>" to "the</b>").
    keeps_markup: bool = False


@dataclass(frozen=True)
class Finding:
    """What a rule yields: a span in the document and a message."""

    span: Span
    message: str
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    severity: Severity | None = None  # a rule may grade a finding (info when it is unsure);
    #                                   a level set in the profile or configuration still wins


@dataclass(frozen=True)
class NoOptions:
    pass


class Rule:
    """Base class of every rule: built-in, YAML pack or plugin."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    enabled_by_default: ClassVar[bool] = True
    origin: ClassVar[str] = "built-in"  # "built-in", "pack NAME" or "plugin NAME"
    Options: ClassVar[type] = NoOptions

    def __init__(self, options: Any = None) -> None:
        self.options = options if options is not None else self.Options()

    def check(self, ctx: Context) -> Iterable[Finding]:
        """The findings of one article: ``ctx.doc`` is the document, ``ctx`` its analyses."""
        raise NotImplementedError

    def distributions(self) -> tuple[str, ...]:
        """Installed distributions whose versions decide the findings (a checker the rule runs, as
        configured): while the rule is selected, cached results hold only as long as those
        versions stay the same."""
        return ()

    def prepare(self) -> None:
        """Build what every check of the run needs and is slow to build (a checker's dictionary),
        once: the runner calls it before starting worker processes, which inherit what it built."""

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().split("\n", 1)[0]


class RunnerRule(Rule):
    """A rule whose findings the runner itself reports (crashes, bad directives).

    It is registered so it can be selected, ignored, re-levelled and explained
    like any other rule; its ``check`` finds nothing on its own.
    """

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ()


@dataclass(frozen=True)
class SiteFinding:
    """What a site-wide rule yields: a place in one of the articles checked together."""

    path: str
    line: int
    column: int
    message: str
    related: tuple[Related, ...] = ()  # places in other files (``Related`` with path, line, column)
    severity: Severity | None = None


class SiteRule(Rule):
    """A rule over every article checked together: duplicate titles, near-duplicates, facts
    that two articles state differently.

    The runner asks each site rule to :meth:`gather` what it needs of every article (something
    small, with positions already placed, so that a run over 100,000 files keeps little), then
    calls :meth:`check_site` once with all of it. Rules that share what they gather declare the
    same ``gather_key``, and the runner gathers it once per article for all of them.
    """

    gather_key: ClassVar[str] = ""

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ()

    def gather(self, ctx: Context) -> Any:
        raise NotImplementedError

    def check_site(self, gathered: list) -> Iterable[SiteFinding]:
        raise NotImplementedError

    def encode(self, gathered: Any) -> Any:
        """What :meth:`gather` returned, as JSON for the cache, or None when it cannot be: the
        files are then checked afresh on every run while the rule is selected."""
        return None

    def decode(self, data: Any) -> Any:
        """The inverse of :meth:`encode`."""
        raise NotImplementedError


# Which rules a run runs (--site-wide): every selected one; all but the site rules (a pre-commit
# hook given some of the files, whose batches would each compare only their own); or the site
# rules alone (a hook over the whole tree).
SITE_WIDE = ("run", "skip", "only")


@dataclass
class Diagnostic:
    """A finding placed in a file, as every output format reports it."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    related: list[dict] = field(default_factory=list)
    fix: dict | None = None

    def to_dict(self) -> dict:
        out = {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column, "code": self.code,
            "name": self.name, "category": self.category, "severity": str(self.severity),
            "message": self.message,
        }
        if self.related:
            out["related"] = self.related
        if self.fix:
            out["fix"] = self.fix
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Diagnostic:
        """The inverse of :meth:`to_dict` (for the cache)."""
        return cls(d["path"], d["line"], d["column"], d["end_line"], d["end_column"], d["code"], d["name"],
                   d["category"], Severity.parse(d["severity"]), d["message"], d.get("related", []), d.get("fix"))

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)
