"""parse -> run the selected rules -> suppress -> severities -> diagnostics.

The runner owns everything a rule must not: which rules run on which file,
per-file ignores, inline suppressions, severity overrides, positions, and
turning a crashing rule into a CL999 finding instead of a failed run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint import parsers
from contentlint.profiles import PROFILES
from contentlint.config import Settings, check_profile, rule_options
from contentlint.analyses import Context
from contentlint.analyses.article_date import ArticleDate
from contentlint.document import Document, Span
from contentlint.errors import ConfigError, ContentlintError, InputError
from contentlint.files import MAX_BYTES, Sources, decode, discover, read_found
from contentlint.globs import pattern_path
from contentlint.registry import Registry
from contentlint.rule import CATEGORIES, Diagnostic, Finding, Rule, Severity, SiteRule
from contentlint.suppress import Suppressions, parse_directives

if TYPE_CHECKING:
    from contentlint.cache import Cache

CRASH_CODE, DIRECTIVE_CODE, UNUSED_CODE = "CL999", "CL900", "CL902"
# One rule's findings shown for one file. The most in the labeled sets is 5; past a thousand, more
# say nothing new (a page of "text text text" repeats one finding 95,000 times) and cost memory.
MAX_FINDINGS_PER_RULE = 1_000


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: files that could not be checked
    sources: dict[str, str] = field(default_factory=Sources)  # for the text format's source excerpts
    cache_keys: list[str | None] = field(default_factory=list)  # each checked file's, when cached
    # made once every file is checked (also in diagnostics): the site-wide rules' and unused directives'
    site_diagnostics: list[Diagnostic] = field(default_factory=list)
    metrics: dict[str, dict] = field(default_factory=dict)  # each file's figures, when the linter makes them


@dataclass
class FileOutcome:
    """One file's share of a run: what a worker process, a Dask task or the cache gives back."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    gathered: dict[str, Any] = field(default_factory=dict)  # what each site rule's gather key took of it
    error: str | None = None  # why it could not be checked (one line)
    key: str | None = None  # its cache key, when the cache holds it
    suppressions: Suppressions | None = None  # its directives, for the findings made after every file
    metrics: dict | None = None  # its words and readability (the HTML report's), when the linter makes them


class Linter:
    def __init__(self, registry: Registry, settings: Settings, *, select: list[str] | None = None,
                 extend_select: list[str] = (), ignore: list[str] = (),
                 date: ArticleDate | None = None, profile: str | None = None, metrics: bool = False,
                 site_wide: str = "run") -> None:
        self.registry, self.settings, self.date = registry, settings, date
        # each file's figures (words, readability), made where its findings are, from the same
        # parse: the HTML report's table, at no second reading of the files
        self.metrics = metrics
        where = settings.source
        base = select if select is not None else settings.select
        base_where = "--select" if select is not None else f"{where}: select"
        chosen = registry.defaults() if base is None else set().union(
            *(registry.resolve(sel, base_where) for sel in base))
        for sel in [*settings.extend_select, *extend_select]:
            chosen |= registry.resolve(sel, f"{where}: extend-select")
        profile_name = check_profile(profile or settings.profile, "--profile")
        preset = PROFILES[profile_name]
        chosen -= set(preset.ignore) if base is None else set()
        for sel in [*settings.ignore, *ignore]:
            chosen -= registry.resolve(sel, f"{where}: ignore")
        # --site-wide (rule.SITE_WIDE); "only" keeps CL902 to judge the directives naming them
        site = {code for code in chosen if issubclass(registry.rules[code], SiteRule)}
        self.enabled = {"run": chosen, "skip": chosen - site, "only": site | (chosen & {UNUSED_CODE})}[site_wide]
        self.per_file = [(glob, set().union(*(registry.resolve(s, f"{where}: per-file-ignores") for s in sels)))
                         for glob, sels in settings.per_file_globs]
        self.levels: dict[str, Severity] = {}
        for code, level in preset.severity.items():
            if code in registry.rules:
                self.levels[code] = Severity.parse(level)
        # Then the configuration's own levels: broad selectors first, so that a category's
        # level yields to an exact code's.
        for sel, level in sorted(settings.severity.items(), key=lambda kv: _specificity(registry, kv[0])):
            for code in registry.resolve(sel, f"{where}: severity"):
                self.levels[code] = Severity.parse(level)
        options: dict[str, tuple[dict, str]] = {
            code: (dict(values), f"profile {profile_name}") for code, values in preset.options.items()
            if code in registry.rules}
        for key, values in settings.rules.items():
            rule = registry.get(key)
            if rule is None:
                raise ConfigError(f"{where}: rules.{key}: unknown rule")
            merged = dict(options.get(rule.code, ({}, ""))[0])
            merged.update(values)
            options[rule.code] = (merged, f"{where}: rules.{key}")
        self.instances: dict[str, Rule] = {}
        for code, (values, origin) in options.items():
            rule = registry.rules[code]
            self.instances[code] = rule(rule_options(rule, values, origin))
        # Every boilerplate kind, selected or not, keeps its blocks out of counts.
        self.lexicon = registry.lexicon()
        self.site_rules = [self.rule(code) for code in sorted(self.enabled)
                           if issubclass(self.registry.rules[code], SiteRule)]
        # rules sharing a gather key gather once per file, through the first of them
        self.gatherers: dict[str, SiteRule] = {(r.gather_key or r.code): r for r in reversed(self.site_rules)}
        self.cache: Cache | None = None

    def use_cache(self, cache: Cache) -> None:
        """Take results from ``cache`` and keep them there, valid while the versions of what the
        selected rules run (their ``distributions``) stay the same."""
        cache.depend_on(sorted({d for code in self.enabled for d in self.rule(code).distributions()}))
        self.cache = cache

    def prepare(self) -> None:
        """What the selected rules build once for the whole run (see :meth:`Rule.prepare`)."""
        for code in sorted(self.enabled):
            self.rule(code).prepare()

    # -- one document -------------------------------------------------------
    def rule(self, code: str) -> Rule:
        if code not in self.instances:
            self.instances[code] = self.registry.rules[code]()
        return self.instances[code]

    def codes_for(self, path: str) -> set[str]:
        codes = set(self.enabled)
        if self.per_file:
            where = pattern_path(path, self.settings.root)
            for glob, ignored in self.per_file:
                if glob.matches(where):
                    codes -= ignored
        return codes

    def context(self, doc: Document) -> Context:
        """What the rules read: the document and its analyses, with the packs' word lists and
        the ``--date`` override given up front."""
        return Context(doc, self.lexicon, self.date)

    def figures(self, ctx: Context) -> dict | None:
        """The article's figures when this linter makes them, and the article was checked (one far
        longer than an article is not read)."""
        if not self.metrics or ctx.not_checked:
            return None
        from contentlint.analyses.readability import article_figures

        return article_figures(ctx)

    def check_document(self, doc: Document | Context) -> list[Diagnostic]:
        """One article checked on its own, with its directives that silenced nothing (CL902)."""
        ctx = doc if isinstance(doc, Context) else self.context(doc)
        found, suppressions = self.findings(ctx)
        return sorted(found + self.unused_suppressions(ctx.doc.path, suppressions, site_ran=False),
                      key=lambda d: d.sort_key)

    def findings(self, ctx: Context) -> tuple[list[Diagnostic], Suppressions | None]:
        """An article's findings that its directives leave, and the directives (None if it has
        none), which the findings made once every file is checked must pass too."""
        doc = ctx.doc
        codes = self.codes_for(doc.path)
        if ctx.not_checked:  # far longer than an article: only the rules about the input itself
            codes = {code for code in codes if self.registry.rules[code].category == "meta"}
        out: list[Diagnostic] = []
        crashed = set()
        for code in sorted(codes):
            rule = self.rule(code)
            try:
                for count, finding in enumerate(rule.check(ctx), 1):
                    if count > MAX_FINDINGS_PER_RULE:
                        out.append(self.diagnostic(doc, rule, Finding(
                            finding.span, f"more than {MAX_FINDINGS_PER_RULE:,} {code} findings in this file: "
                                          f"the rest are not shown", severity=Severity.INFO)))
                        break
                    out.append(self.diagnostic(doc, rule, finding))
            except ContentlintError:
                raise  # the user must act (an unreachable grammar server): exit 2, not CL999
            except (Exception, SystemExit) as exc:  # a broken rule (or one calling sys.exit) must not stop the others
                crashed.add(code)
                if CRASH_CODE in codes:
                    msg = f"rule {code} ({rule.name}) crashed: {type(exc).__name__}: {exc}"
                    out.append(self.diagnostic(doc, self.rule(CRASH_CODE), Finding(Span(0, 0), msg)))
        suppressions = parse_directives(doc, self.registry)
        if DIRECTIVE_CODE in codes:
            out += [self.diagnostic(doc, self.rule(DIRECTIVE_CODE), Finding(span, msg))
                    for span, msg in suppressions.problems]
        suppressions.ran = frozenset(codes - crashed)
        kept = suppressions.keep(out)
        return sorted(kept, key=lambda d: d.sort_key), suppressions if suppressions.directives else None

    def unused_suppressions(self, path: str, suppressions: Suppressions | None, site_ran: bool) -> list[Diagnostic]:
        """CL902: a file's directives that silenced nothing, though every rule they name ran on it
        (the site-wide rules only when ``site_ran``)."""
        if suppressions is None or UNUSED_CODE not in self.codes_for(path):
            return []
        ran = suppressions.ran if site_ran else suppressions.ran - {r.code for r in self.site_rules}
        every = set(self.registry.rules) - {UNUSED_CODE}
        # A report silenced by another directive makes that one used, so judge again after silencing.
        shown = {i for i, _ in suppressions.unused(ran, every)
                 if not suppressions.silences(UNUSED_CODE, suppressions.directives[i].at[0], besides=i)}
        rule = self.rule(UNUSED_CODE)
        level = self.levels.get(UNUSED_CODE) or rule.severity
        return [Diagnostic(path, *suppressions.directives[i].at, rule.code, rule.name, rule.category, level, message)
                for i, message in suppressions.unused(ran, every) if i in shown]

    def diagnostic(self, doc: Document, rule: Rule, finding: Finding) -> Diagnostic:
        span = finding.span
        line, col = doc.line_col(span.start)
        end_line, end_col = doc.line_col(max(span.start, span.end))
        related = []
        for rel in finding.related:
            if rel.span is not None:
                rline, rcol = doc.line_col(rel.span.start)
                related.append({"path": doc.path, "line": rline, "column": rcol, "message": rel.message})
            else:
                related.append({"path": rel.path or doc.path, "line": rel.line or 1,
                                "column": rel.column or 1, "message": rel.message})
        fix = None
        if finding.fix is not None and (finding.fix.keeps_markup or _text_only(doc, finding.fix.span)):
            fl, fc = doc.line_col(finding.fix.span.start)
            el, ec = doc.line_col(finding.fix.span.end)
            fix = {"line": fl, "column": fc, "end_line": el, "end_column": ec,
                   "replacement": finding.fix.replacement, "applicability": "safe" if finding.fix.safe else "unsafe"}
        level = self.levels.get(rule.code) or finding.severity or rule.severity
        return Diagnostic(doc.path, line, col, end_line, end_col, rule.code, rule.name, rule.category,
                          level, finding.message, related, fix)

    # -- files ----------------------------------------------------------------
    def check_source(self, path: str, source: str) -> list[Diagnostic]:
        return self.check_document(parsers.parse(path, source))

    def check_file(self, item: Path | InputError) -> FileOutcome:
        """One file found by :func:`discover` (or the error found instead), read and checked."""
        try:
            path, source = read_found(item)
        except InputError as exc:
            return FileOutcome(str(item) if isinstance(item, Path) else "", error=str(exc))
        return self.check_text(path, source)

    def check_text(self, path: str, source: str) -> FileOutcome:
        """One article's findings and what the site rules gather of it, from the cache when it has them."""
        key = self.cache.key(path, source) if self.cache is not None else None
        if key is not None and (cached := self.cache.get(key, self.gatherers)) is not None:
            return cached
        ctx = self.context(parsers.parse(path, source))
        gathered = {} if ctx.not_checked else {k: rule.gather(ctx) for k, rule in self.gatherers.items()}
        found, suppressions = self.findings(ctx)
        outcome = FileOutcome(path, found, gathered, suppressions=suppressions, metrics=self.figures(ctx))
        if key is not None and self.cache.put(key, outcome, self.gatherers):
            outcome.key = key
        return outcome

    def check_paths(self, paths: list[str], jobs: int = 1, progress=None) -> Result:
        """Check every article under ``paths`` on ``jobs`` processes, then run the site-wide rules
        over all of them. The result is the same, in the same order, for any ``jobs``."""
        from contentlint.workers import outcomes

        items = list(discover(paths, self.settings))
        return self.collect(outcomes(self, items, jobs), progress, len(items))

    def collect(self, found: Iterable[FileOutcome], progress=None, total: int = 0) -> Result:
        """A run's result from its files' outcomes, in order, with the site-wide rules run once."""
        result = Result()
        gathered: dict[str, list] = {key: [] for key in self.gatherers}
        suppressions: dict[str, Suppressions] = {}  # of the files that have directives
        for done, outcome in enumerate(found, 1):
            if outcome.error is not None:
                result.errors.append(outcome.error)
            else:
                result.files.append(outcome.path)
                result.cache_keys.append(outcome.key)
                result.diagnostics += outcome.diagnostics
                if outcome.metrics is not None:
                    result.metrics[outcome.path] = outcome.metrics
                for key, value in outcome.gathered.items():
                    gathered[key].append(value)
                if outcome.suppressions is not None:
                    suppressions[outcome.path] = outcome.suppressions
            if progress is not None:
                progress(done, total)
        site_ran = len(result.files) > 1
        if site_ran:
            for rule in self.site_rules:
                result.site_diagnostics += self.site(rule, gathered[rule.gather_key or rule.code], suppressions)
        for path, directives in suppressions.items():
            result.site_diagnostics += self.unused_suppressions(path, directives, site_ran)
        result.diagnostics += result.site_diagnostics
        result.diagnostics.sort(key=lambda d: d.sort_key)
        return result

    def site(self, rule: SiteRule, gathered: list, suppressions: dict[str, Suppressions]) -> list[Diagnostic]:
        """A site-wide rule's findings, on the files whose settings select it and whose
        directives do not silence them."""
        out = []
        for f in rule.check_site(gathered):
            if rule.code not in self.codes_for(f.path):
                continue
            if f.path in suppressions and suppressions[f.path].silences(rule.code, f.line):
                continue
            related = [{"path": r.path, "line": r.line or 1, "column": r.column or 1, "message": r.message}
                       for r in f.related]
            out.append(Diagnostic(f.path, f.line, f.column, f.line, f.column, rule.code, rule.name, rule.category,
                                  self.levels.get(rule.code) or f.severity or rule.severity, f.message, related))
        return out

    def check_stdin(self, data: bytes, filename: str) -> Result:
        """The article on stdin; input it cannot read is an error of the result, as a file's is,
        so that machine formats still print their (empty) report."""
        try:
            if len(data) > MAX_BYTES:
                raise InputError(f"{filename} (stdin): more than {MAX_BYTES // 1048576} MB; contentlint checks "
                                 f"articles up to {MAX_BYTES // 1048576} MB")
            source = decode(data, filename, parsers.format_for(filename) == "html")
        except InputError as exc:
            return Result(errors=[str(exc)])
        ctx = self.context(parsers.parse(filename, source))
        figures = self.figures(ctx)
        return Result(self.check_document(ctx), [filename], sources={filename: source},
                      metrics={} if figures is None else {filename: figures})


def _text_only(doc: Document, span: Span) -> bool:
    """Whether a span of the source is all text: the prose, which masks markup, is the same there."""
    return doc.source[span.start:span.end] == doc.prose[span.start:span.end]


def _specificity(registry: Registry, selector: str) -> int:
    """ALL < category < code prefix (longer is narrower) < exact code or name."""
    if selector.upper() == "ALL":
        return 0
    if registry.get(selector):
        return 100
    return 1 if selector in CATEGORIES else 1 + len(selector)
