"""Declarative YAML rules (Vale's kinds): one rule per file, folders of them are packs.

Every rule file has ``extends`` (``existence``, ``substitution``, ``occurrence`` or
``metric``), ``code``, ``name``, ``category``, ``message`` and ``description``;
optionally ``level`` (error, warning, info; default warning), ``scope`` (where to
look: ``text``, ``sentence``, ``paragraph``, ``heading``, ``title``, ``link``,
``list``, ``blockquote``; default ``text``), ``ignorecase``, ``enabled``, and the
documentation keys ``why``, ``fails`` and ``passes``. Kind-specific keys:

- existence: ``tokens`` (regular expressions), ``nonword`` (do not wrap tokens in
  word boundaries), ``exceptions`` (matches to accept); ``%s`` in the message is the match;
  ``fix`` (optional: the match's replacement, ``\1`` for a group of the tokens, counted across
  all of them, or ``''`` to remove it) and ``fix-safety`` (``safe``, the default for ``fix``:
  ``--fix`` applies it; or ``unsafe``: only with ``--unsafe-fixes``).
- substitution: ``swap`` (pattern -> replacement), ``nonword``; the message's
  ``%s`` are the replacement and the match; the replacement is offered as a fix, unsafe
  unless ``fix-safety: safe`` (a rewording may change what the writer meant).
- occurrence: ``tokens``, ``max`` and/or ``min`` per scope unit; ``%s`` is the count.
- metric: ``formula`` (arithmetic over ``words``, ``sentences``, ``characters``,
  ``paragraphs``, ``headings``, ``links``, ``images``, ``list_items``,
  ``long_words``) and ``condition`` (e.g. ``"> 25"``) per scope unit; ``%s`` is the value.
- boilerplate: ``label`` (what the block is: "comment form"), ``phrases`` (wording
  that makes a block this kind), ``headers`` (a short block that is only this
  wording opens a section); both are regular expressions in lower case, matched
  against lower-cased text; ``section`` (how far a header reaches: ``block``,
  ``items``, ``qa``, ``form``, ``rest``; see ``contentlint/analyses/boilerplate.py``).
  Every boilerplate kind also keeps its blocks out of word counts and metrics.

A file with ``extends: lexicon`` is not a rule but a word list the analyses use:
``list`` (its name, one of ``contentlint.analyses.lexicon.LISTS``), ``entries`` (regular
expressions, case-insensitive, on word boundaries) and ``description``. Lists of
the same name from every pack are merged, so a pack extends the built-in ones.

Unknown keys are errors.

A user's pack is untrusted input: each of its patterns is first run against short probe
strings, and one that backtracks catastrophically there (``(a|a)*$``) is refused; its rules
then match with the ``regex`` module under a time budget per file, and a rule that runs out
says so in a finding. The shipped packs are trusted (``tests/test_packs.py`` probes them) and
use ``re``, which starts faster.
"""

from __future__ import annotations

import ast
import operator
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from contentlint.analyses import Context, Sentence
from contentlint.analyses.boilerplate import PhraseKind, compile_kind
from contentlint.language import lazy_re
from contentlint.language.sentences import iter_sentences
from contentlint.language.words import words_in
from contentlint.checks.boilerplate import boilerplate_findings
from contentlint.document import BLOCKQUOTE, LIST_ITEM, PARAGRAPH, Block, Span
from contentlint.errors import ConfigError
from contentlint.rule import Finding, Fix, Rule, Severity

_COMMON = {"extends", "code", "name", "category", "message", "description", "level", "scope",
           "ignorecase", "enabled", "why", "fails", "passes"}
_KIND_KEYS = {
    "existence": {"tokens", "nonword", "exceptions", "fix", "fix-safety"},
    "substitution": {"swap", "nonword", "fix-safety"},
    "occurrence": {"tokens", "nonword", "max", "min"},
    "metric": {"formula", "condition"},
    "boilerplate": {"label", "phrases", "headers", "section"},
}
_REQUIRED = {"existence": {"tokens"}, "substitution": {"swap"}, "occurrence": {"tokens"},
             "metric": {"formula", "condition"}, "boilerplate": {"label"}}
SCOPES = ("text", "sentence", "paragraph", "heading", "title", "link", "list", "blockquote")
# Probes for catastrophic backtracking: runs of one or two characters that nested repeats ("(a+)+",
# "(a|a)*", "(\\w+\\s?)+") match in exponentially many ways, ended by a character that makes the match
# fail; runs of the pattern's own literal characters are added. The probes are short, since the analyses
# match word lists with ``re``, which has no timeout: 22 characters make an exponential pattern take
# millions of steps, and a sound one microseconds.
_PROBE_UNITS = ("a", "A", " ", "0", "ab", "a ", "-", ".", "a1", "\n")
_PROBE_LENGTH = 22
_PROBE_BUDGET_S = 0.01  # CPU seconds
_PROBED_LITERALS = 8  # of the pattern's own characters
PATTERN_BUDGET_S = 1.0  # CPU a user's rule may spend matching one file; the whole check of a 1 MB article takes about this
_CONDITION_RE = lazy_re.compile(r"^\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
            "==": operator.eq, "!=": operator.ne}
def _arithmetic(op):
    """``op`` on floats, total: a zero divisor, an overflow or a complex result is a float
    (inf or nan) that no condition holds for, not an error; float powers overflow at once where
    integer ones ("9 ** 9 ** 9") would compute for hours."""
    def apply(a, b):
        try:
            value = op(float(a), float(b))
        except ZeroDivisionError:
            return float("inf")
        except (OverflowError, ValueError):
            return float("nan")
        return value if isinstance(value, float) else float("nan")
    return apply


_BINOPS = {ast.Add: _arithmetic(operator.add), ast.Sub: _arithmetic(operator.sub),
           ast.Mult: _arithmetic(operator.mul), ast.Div: _arithmetic(operator.truediv),
           ast.FloorDiv: _arithmetic(operator.floordiv), ast.Mod: _arithmetic(operator.mod),
           ast.Pow: _arithmetic(operator.pow)}
_FUNCS = {"min": min, "max": max, "abs": abs}
METRIC_VARIABLES = ("words", "sentences", "characters", "paragraphs", "headings", "links",
                    "images", "list_items", "long_words")
_LONG_WORD = 7  # letters: the LIX definition of a long word


def scope_spans(ctx: Context, scope: str) -> Sequence[Span | Block | Sentence]:
    """The units a pack rule looks at: anything with source ``start`` and ``end`` (the blocks
    and sentences themselves, not copies of their spans: a pack rule runs on every unit)."""
    doc = ctx.doc
    if scope == "text":
        return doc.body_blocks
    if scope == "sentence":
        return ctx.sentences
    if scope == "title":
        return [doc.title] if doc.title is not None else []
    if scope == "link":
        return [link.span for link in doc.links if not link.chrome]
    if scope == "heading":
        return doc.headings
    kind = {"paragraph": PARAGRAPH, "list": LIST_ITEM, "blockquote": BLOCKQUOTE}[scope]
    return [b for b in doc.body_blocks if b.kind == kind]


def metric_values(ctx: Context, span: Span | Block | Sentence | None) -> dict[str, float]:
    """The metric variables, for one unit or (``span`` None) the whole article."""
    doc = ctx.doc
    if span is None:
        words = ctx.words
        blocks = doc.body_blocks
        return {
            "words": len(words), "sentences": len(ctx.sentences),
            "characters": sum(len(w) for w in words),
            "paragraphs": sum(b.kind == PARAGRAPH for b in blocks),
            "headings": len(doc.headings), "links": sum(not x.chrome for x in doc.links),
            "images": sum(not x.chrome for x in doc.images),
            "list_items": sum(b.kind == LIST_ITEM for b in blocks),
            "long_words": sum(len(w) >= _LONG_WORD for w in words),
        }
    words = words_in(doc.prose, span.start, span.end)
    inside = [b for b in doc.body_blocks if span.start <= b.start and b.end <= span.end]
    return {
        "words": len(words),
        "sentences": sum(1 for _ in iter_sentences(doc.prose, span.start, span.end)),
        "characters": sum(len(w) for w in words),
        "paragraphs": sum(b.kind == PARAGRAPH for b in inside),
        "headings": sum(b.kind == "heading" for b in inside),
        "links": sum(span.start <= x.span.start < span.end for x in doc.links),
        "images": sum(span.start <= x.span.start < span.end for x in doc.images),
        "list_items": sum(b.kind == LIST_ITEM for b in inside),
        "long_words": sum(len(w) >= _LONG_WORD for w in words),
    }


def _formula(text: str, where: str):
    """Compile an arithmetic formula over the metric variables into a function of them."""
    try:
        tree = ast.parse(str(text), mode="eval")
    except SyntaxError:
        raise ConfigError(f"{where}: formula {text!r} is not an arithmetic expression") from None

    def ev(node, env):
        if isinstance(node, ast.Expression):
            return ev(node.body, env)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in METRIC_VARIABLES:
            return env[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            return _BINOPS[type(node.op)](ev(node.left, env), ev(node.right, env))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            value = ev(node.operand, env)
            return -value if isinstance(node.op, ast.USub) else value
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in _FUNCS and not node.keywords):
            return _FUNCS[node.func.id](*(ev(a, env) for a in node.args))
        raise ConfigError(f"{where}: formula {text!r} may use numbers, + - * / // % **, "
                          f"min/max/abs and {', '.join(METRIC_VARIABLES)}")

    ev(tree, dict.fromkeys(METRIC_VARIABLES, 1))  # validate now, not on the first article
    return lambda env: ev(tree, env)


class PackRule(Rule):
    """Base of rules loaded from YAML; subclasses carry the parsed spec."""

    kind: str
    scope: str = "text"
    message: str = "%s"
    spec: dict = {}
    phrase_kind: PhraseKind | None = None  # for boilerplate rules: the wording they know

    def units(self, ctx: Context) -> Sequence[Span | Block | Sentence]:
        return scope_spans(ctx, self.scope)

    def check(self, ctx: Context) -> Iterator[Finding]:
        try:
            yield from getattr(self, f"_check_{self.kind}")(ctx)
        except TimeoutError:
            yield Finding(Span(0, 0), f"stopped after {PATTERN_BUDGET_S:g} s of matching on this file, so findings "
                                      f"may be missing: the rule's pattern backtracks (simplify nested repeats "
                                      f"such as (a+)+)", severity=Severity.WARNING)

    def _format(self, *values: object) -> str:
        try:
            return self.message % values[: self.message.count("%s")]
        except (TypeError, ValueError):
            return self.message

    def _finditer(self, pattern, text: str, start: int, end: int, deadline: float | None) -> Iterator:
        """``pattern.finditer``, under the rule's time budget when the pattern is a user's."""
        if deadline is None:
            return pattern.finditer(text, start, end)
        return pattern.finditer(text, start, end, timeout=max(deadline - time.monotonic(), 1e-3))

    def _deadline(self) -> float | None:
        return time.monotonic() + PATTERN_BUDGET_S if self.spec.get("budgeted") else None

    def _matches(self, ctx: Context, pattern: re.Pattern) -> Iterator[tuple[Span, re.Match]]:
        deadline = self._deadline()
        for unit in self.units(ctx):
            for m in self._finditer(pattern, ctx.doc.prose, unit.start, unit.end, deadline):
                if m.end() > m.start():
                    yield unit, m

    def _check_existence(self, ctx: Context) -> Iterator[Finding]:
        exceptions, template = self.spec["exceptions"], self.spec.get("fix")
        for _, m in self._matches(ctx, self.spec["pattern"]):
            if " ".join(m.group(0).lower().split()) not in exceptions:
                fix = None if template is None else _existence_fix(ctx.doc.source, m, template, self.spec["safe"])
                yield Finding(Span(m.start(), m.end()), self._format(m.group(0)), fix=fix)

    def _check_substitution(self, ctx: Context) -> Iterator[Finding]:
        replacements = self.spec["replacements"]
        for _, m in self._matches(ctx, self.spec["pattern"]):
            found, replacement = m.group(0), replacements[m.lastgroup]
            fixed = replacement[:1].upper() + replacement[1:] if found[:1].isupper() else replacement
            span = Span(m.start(), m.end())
            yield Finding(span, self._format(fixed, found), fix=Fix(span, fixed, self.spec["safe"]))

    def _check_occurrence(self, ctx: Context) -> Iterator[Finding]:
        low, high = self.spec.get("min"), self.spec.get("max")
        units = [None] if self.scope == "text" else self.units(ctx)
        doc = ctx.doc
        for unit in units:
            spans = doc.body_blocks if unit is None else [unit]
            deadline = self._deadline()
            hits = [m for s in spans for m in self._finditer(self.spec["pattern"], doc.prose, s.start, s.end, deadline)]
            count = len(hits)
            if high is not None and count > high:
                yield Finding(Span(hits[high].start(), hits[high].end()), self._format(count))
            elif low is not None and count < low and spans:
                yield Finding(Span(spans[0].start, spans[0].end), self._format(count))

    def _check_boilerplate(self, ctx: Context) -> Iterator[Finding]:
        return boilerplate_findings(ctx, self.code)

    def _check_metric(self, ctx: Context) -> Iterator[Finding]:
        compare, threshold = self.spec["condition"]
        units = [None] if self.scope == "text" else self.units(ctx)
        doc = ctx.doc
        for unit in units:
            try:
                value = self.spec["formula"](metric_values(ctx, unit))
            except (ZeroDivisionError, OverflowError):
                continue
            if compare(value, threshold):
                first = unit or (doc.body_blocks[0] if doc.body_blocks else Span(0, 0))
                span = Span(first.start, first.end)
                shown = f"{value:.1f}" if isinstance(value, float) and not value.is_integer() else f"{value:g}"
                yield Finding(span, self._format(shown))


def _compile_tokens(tokens: list, nonword: bool, flags: int, where: str, trusted: bool):
    if not isinstance(tokens, list) or not tokens or not all(isinstance(t, str) for t in tokens):
        raise ConfigError(f"{where}: 'tokens' must be a non-empty list of strings")
    return _compile(_alternatives([f"(?:{t})" for t in tokens], nonword), flags, f"{where}: 'tokens'", trusted)


def _alternatives(parts: list[str], nonword: bool) -> str:
    """One pattern for a list of them; whole words unless ``nonword``. The word boundary is
    tested once, before the alternatives, not inside each: ``re`` then tries them only at
    the start of a word (3 times faster on a page, the same matches)."""
    return "|".join(parts) if nonword else rf"\b(?:{'|'.join(parts)})\b"


def _compile(pattern: str, flags: int, where: str, trusted: bool):
    """A pack's pattern: when shipped, compiled with ``re`` on first use (``tests/test_packs.py``
    compiles and probes every one); when a user's, checked now, probed for catastrophic
    backtracking, then compiled with ``regex``, whose matching takes a time budget."""
    if trusted:
        return lazy_re.compile(pattern, flags)
    compiled = _valid(pattern, flags, where)
    _probe(compiled, where)
    import regex  # only a user's pack pays for its import

    return regex.compile(pattern, flags)


def _valid(pattern: str, flags: int, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression: {exc}") from None


def _probe(compiled: re.Pattern, where: str) -> None:
    literals = dict.fromkeys(c for c in re.sub(r"\\.", "", compiled.pattern) if c.isalnum())
    for unit in (*_PROBE_UNITS, *list(literals)[:_PROBED_LITERALS]):
        probe = unit * (_PROBE_LENGTH // len(unit)) + "\x00"
        start = time.process_time()
        compiled.search(probe)
        if time.process_time() - start > _PROBE_BUDGET_S:
            raise ConfigError(f"{where}: {compiled.pattern!r} backtracks catastrophically (over "
                              f"{_PROBE_BUDGET_S:g} s on {probe[:-1]!r}); simplify nested repeats such as (a+)+")


@dataclass(frozen=True)
class WordList:
    """Entries for one of the analyses' word lists, from an ``extends: lexicon`` file."""

    name: str
    entries: list[str]


def _word_list(data: dict, where: str, trusted: bool) -> WordList:
    from contentlint.analyses.lexicon import LISTS

    unknown = set(data) - {"extends", "list", "entries", "description"}
    if unknown:
        raise ConfigError(f"{where}: unknown key '{sorted(unknown)[0]}' for a lexicon file")
    name, entries = data.get("list"), data.get("entries")
    if name not in LISTS:
        raise ConfigError(f"{where}: 'list' must be one of {', '.join(LISTS)}, got {name!r}")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, str) for e in entries):
        raise ConfigError(f"{where}: 'entries' must be a non-empty list of strings")
    for entry in entries:
        _check_merged(entry, where, trusted)
    return WordList(name, entries)


def _check_merged(pattern: str, where: str, trusted: bool) -> None:
    """A pattern the analyses merge with others into one (a word list's entry, a kind's wording):
    it must compile, must not name a group, and must pass the probes. The shipped packs are
    checked so by a test, not at every start."""
    if trusted:
        return
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression {pattern!r}: {exc}") from None
    if compiled.groupindex:
        raise ConfigError(f"{where}: {pattern!r} has a named group; lists and kinds are merged into one "
                          f"pattern, so use (?:...)")
    _probe(compiled, where)


def load_rule_file(path: Path, pack: str, trusted: bool = False) -> type[PackRule] | WordList:
    import yaml

    where = str(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{where}: cannot read YAML rule ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: a YAML rule must be a mapping")
    if data.get("extends") == "lexicon":
        return _word_list(data, where, trusted)
    kind = data.get("extends")
    if kind not in _KIND_KEYS:
        raise ConfigError(f"{where}: 'extends' must be one of {', '.join([*_KIND_KEYS, 'lexicon'])}, got {kind!r}")
    unknown = set(data) - _COMMON - _KIND_KEYS[kind]
    if unknown:
        raise ConfigError(f"{where}: unknown key '{sorted(unknown)[0]}' for a {kind} rule")
    common = {"code", "name", "category", "description"} | ({"message"} if kind != "boilerplate" else set())
    missing = (common | _REQUIRED[kind]) - set(data)
    if missing:
        raise ConfigError(f"{where}: missing key '{sorted(missing)[0]}'")
    scope = data.get("scope", "text")
    if scope not in SCOPES:
        raise ConfigError(f"{where}: scope must be one of {', '.join(SCOPES)}, got {scope!r}")
    try:
        level = Severity.parse(data.get("level", "warning"))
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None

    flags = re.IGNORECASE if data.get("ignorecase", False) else 0
    nonword = bool(data.get("nonword", False))
    safety = data.get("fix-safety", "unsafe" if kind == "substitution" else "safe")
    if safety not in ("safe", "unsafe"):
        raise ConfigError(f"{where}: 'fix-safety' must be safe or unsafe, got {safety!r}")
    spec: dict = {"budgeted": not trusted, "safe": safety == "safe"}
    if "fix" in data:
        if not isinstance(data["fix"], str):
            raise ConfigError(f"{where}: 'fix' must be text: the replacement, with \\1 for a group, or '' to remove")
        spec["fix"] = data["fix"]
    if kind in ("existence", "occurrence"):
        spec["pattern"] = _compile_tokens(data["tokens"], nonword, flags, where, trusted)
        exceptions = data.get("exceptions", [])
        if not isinstance(exceptions, list) or not all(isinstance(e, str) for e in exceptions):
            raise ConfigError(f"{where}: 'exceptions' must be a list of strings")
        spec["exceptions"] = {" ".join(e.lower().split()) for e in exceptions}
        if "fix" in spec and not trusted:
            _check_template(spec["pattern"], spec["fix"], where)
        for key in ("min", "max"):
            if key in data:
                if not isinstance(data[key], int) or data[key] < 0:
                    raise ConfigError(f"{where}: '{key}' must be a whole number")
                spec[key] = data[key]
        if kind == "occurrence" and "min" not in spec and "max" not in spec:
            raise ConfigError(f"{where}: an occurrence rule needs 'max' or 'min'")
    elif kind == "substitution":
        if not isinstance(data["swap"], dict) or not data["swap"]:
            raise ConfigError(f"{where}: 'swap' must map patterns to replacements")
        swaps = list(data["swap"].items())
        for key, _ in swaps if not trusted else ():  # each pattern must compile alone
            _valid(str(key), flags, where)
        alternatives = [f"(?P<swap{i}>{k})" for i, (k, _) in enumerate(swaps)]
        spec["pattern"] = _compile(_alternatives(alternatives, nonword), flags, f"{where}: 'swap'", trusted)
        spec["replacements"] = {f"swap{i}": str(v) for i, (_, v) in enumerate(swaps)}
    elif kind == "boilerplate":
        lists = {}
        for key in ("phrases", "headers"):
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: '{key}' must be a list of strings")
            for v in value:
                _check_merged(v, f"{where}: '{key}'", trusted)
            lists[key] = value
        if not lists["phrases"] and not lists["headers"]:
            raise ConfigError(f"{where}: a boilerplate rule needs 'phrases' or 'headers'")
        try:
            spec["phrase_kind"] = compile_kind(str(data["code"]), str(data["label"]), lists["phrases"],
                                               lists["headers"], str(data.get("section", "block")))
        except (ValueError, re.error) as exc:
            raise ConfigError(f"{where}: {exc}") from None
    else:
        m = _CONDITION_RE.match(str(data["condition"]))
        if not m:
            raise ConfigError(f"{where}: condition must look like '> 25', got {data['condition']!r}")
        spec["condition"] = (_COMPARE[m.group(1)], float(m.group(2)))
        spec["formula"] = _formula(data["formula"], where)

    doc = [str(data["description"]).strip()]
    for key, title in (("why", "Why it matters"), ("fails", "Fails"), ("passes", "Passes")):
        if key in data:
            body = str(data[key]).rstrip()
            doc.append(f"## {title}\n" + (f"```\n{body}\n```" if key != "why" else body))
    attrs = {
        "code": str(data["code"]), "name": str(data["name"]), "category": str(data["category"]),
        "severity": level, "enabled_by_default": bool(data.get("enabled", True)),
        "origin": f"pack {pack}", "kind": kind, "scope": scope, "message": str(data.get("message", "%s")),
        "spec": spec, "__doc__": "\n\n".join(doc), "source_file": where,
        "phrase_kind": spec.get("phrase_kind"),
    }
    return type(f"Pack_{attrs['code']}", (PackRule,), attrs)


def load_pack(folder: Path, trusted: bool = False) -> list[type[PackRule] | WordList]:
    """Every ``*.yml``/``*.yaml`` rule or word list in ``folder`` (a pack), sorted by file name;
    ``trusted`` for the shipped packs, whose patterns are not probed or budgeted."""
    if not folder.is_dir():
        raise ConfigError(f"rule pack {folder} is not a folder")
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml"))
    return [load_rule_file(p, folder.name, trusted) for p in files]


def builtin_pack_root() -> Path:
    """``rules/`` as shipped in the wheel (``contentlint/rules``) or in a source checkout."""
    here = Path(__file__).resolve().parent
    shipped = here / "rules"
    return shipped if shipped.is_dir() else here.parent / "rules"


_GROUP_REF_RE = re.compile(r"\\(\d+)|\\g<(\w+)>")


def _check_template(pattern, template: str, where: str) -> None:
    """A fix may name only groups the rule's tokens have."""
    for number, name in _GROUP_REF_RE.findall(template):
        if (int(number) > pattern.groups) if number else (name not in pattern.groupindex):
            raise ConfigError(f"{where}: 'fix' names group {number or name}, which the tokens do not have")


def _existence_fix(source: str, m, template: str, safe: bool) -> Fix:
    """A match replaced by ``template`` (its groups expanded); removed when the template is empty,
    with the spaces of the source before it when that would leave two spaces, or a space before
    punctuation."""
    replacement = m.expand(template)
    start, end = m.start(), m.end()
    if not replacement:
        before, after = start, end
        while before > 0 and source[before - 1] in " \t":
            before -= 1
        while after < len(source) and source[after] in " \t":
            after += 1
        if before < start and (after > end or end == len(source) or source[end] in ".,;:!?)\n"):
            start = before
        elif after > end and (start == 0 or source[start - 1] == "\n"):
            end = after
    return Fix(Span(start, end), replacement, safe)
