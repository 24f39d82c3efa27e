"""One self-contained HTML page for an editor or an SEO lead: totals, charts, a table of articles,
and each article's findings with the source lines around them.

Everything that comes from an article (its path, its text, a finding's message) is untrusted: it is
shown with control characters made visible and HTML-escaped, and the page's Content-Security-Policy
lets only its own script run, so an escaping slip still could not run a script or load anything.
The page loads nothing: its CSS and its one small script (which sorts the articles table, already
in a useful order without it) are inlined from ``html_report.css`` and ``html_report.js``.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from html import escape
from importlib import resources

from contentlint import __version__
from contentlint.formatters import Report, visible

SEVERITIES = ("error", "warning", "info")
_PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}
_CONTEXT_LINES = 1  # source lines shown before and after a finding's own
_MARKED_LINES = 5  # a finding over more lines (a boilerplate block) shows its first five
_AROUND = 160  # characters of a long line shown either side of a finding (a .txt paragraph is one line)


def _asset(name: str) -> str:
    return resources.files("contentlint.formatters").joinpath(name).read_text(encoding="utf-8")


def _t(value: object) -> str:
    """Untrusted text as HTML: control characters visible, markup escaped (attributes too)."""
    return escape(visible(str(value)), quote=True)


def _count(n: int, severity: str) -> str:
    return f"{n} {severity if n == 1 else _PLURAL[severity]}"


@dataclass(frozen=True)
class _Tally:
    """Findings counted by severity."""

    by_severity: Counter

    @classmethod
    def of(cls, diagnostics) -> _Tally:
        return cls(Counter(str(d.severity) for d in diagnostics))

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    @property
    def order(self) -> tuple:
        """Most serious first: errors, then warnings, then info."""
        return tuple(-self.by_severity[s] for s in SEVERITIES)

    def summary(self) -> str:
        return ", ".join(_count(self.by_severity[s], s) for s in SEVERITIES if self.by_severity[s]) or "none"


def _tallies(diagnostics, key) -> dict[str, _Tally]:
    """A tally for each value of ``key(diagnostic)``."""
    groups: dict[str, list] = {}
    for d in diagnostics:
        groups.setdefault(key(d), []).append(d)
    return {value: _Tally.of(found) for value, found in groups.items()}


# -- page -----------------------------------------------------------------------------------


def render(report: Report) -> str:
    by_path: dict[str, list] = {path: [] for path in report.files}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    articles = {path: _Tally.of(found) for path, found in by_path.items()}
    order = sorted(by_path, key=lambda p: (articles[p].order, p))
    anchors = {path: f"article-{i}" for i, path in enumerate(order, 1)}
    body = "".join([
        _header(report),
        "<main id=\"main\">\n",
        _errors(report.errors),
        _totals(report),
        _category_chart(report),
        _articles_table(order, articles, report.metrics, anchors),
        _rule_chart(report),
        _article_sections(order, by_path, articles, report, anchors),
        "</main>\n",
    ])
    return _page(f"contentlint report: {len(report.files)} articles, {len(report.diagnostics)} findings", body)


def _page(title: str, body: str) -> str:
    script = _asset("html_report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n"
        f"<meta name=\"generator\" content=\"contentlint {__version__}\">\n"
        f"<title>{_t(title)}</title>\n<style>\n{_asset('html_report.css')}</style>\n</head>\n"
        f"<body>\n{body}<script>{script}</script>\n</body>\n</html>\n"
    )


def _header(report: Report) -> str:
    files = len(report.files)
    sections = [("totals", "Totals"), ("categories", "By category"), ("articles", "Articles"),
                ("rules", "By rule"), ("findings", "Findings")]
    links = "".join(f"<li><a href=\"#{anchor}\">{label}</a></li>" for anchor, label in sections)
    return (
        "<header>\n<h1>Content audit</h1>\n"
        f"<p class=\"lede\">{files} article{'s' if files != 1 else ''} checked by contentlint {__version__}: "
        f"{len(report.diagnostics)} finding{'s' if len(report.diagnostics) != 1 else ''}.</p>\n"
        f"<nav aria-label=\"Sections\"><ul class=\"toc\">{links}</ul></nav>\n</header>\n"
    )


def _errors(errors: list[str]) -> str:
    if not errors:
        return ""
    items = "".join(f"<li>{_t(e)}</li>" for e in errors)
    return (f"<section class=\"not-checked\" aria-labelledby=\"not-checked\">\n"
            f"<h2 id=\"not-checked\">Not checked</h2>\n<ul>{items}</ul>\n</section>\n")


# -- totals and charts ------------------------------------------------------------------------


def _totals(report: Report) -> str:
    tally = _Tally.of(report.diagnostics)
    cards = [("findings", tally.total, "findings", ""),
             *((s, tally.by_severity[s], _PLURAL[s], f" sev-{s}") for s in SEVERITIES),
             ("articles", len(report.files), "articles", "")]
    items = "".join(f"<li class=\"card{cls}\"><span class=\"count\" id=\"total-{key}\">{n}</span> {label}</li>"
                    for key, n, label, cls in cards)
    return (f"<section aria-labelledby=\"totals\">\n<h2 id=\"totals\">Totals</h2>\n"
            f"<ul class=\"cards\">{items}</ul>\n</section>\n")


def _bar(tally: _Tally, largest: int) -> str:
    """A stacked bar, errors then warnings then info, as wide as ``tally`` against ``largest``."""
    segments = "".join(f"<span class=\"seg sev-{s}\" style=\"width:{100 * tally.by_severity[s] / largest:.2f}%\">"
                       "</span>" for s in SEVERITIES if tally.by_severity[s])
    return f"<span class=\"bar\" aria-hidden=\"true\">{segments}</span>"


def _counts_cells(tally: _Tally, ident: str = "") -> str:
    """A cell per severity and one for the total; with ``ident``, each has an id (``ident-error``…)."""
    figures = [(s, tally.by_severity[s]) for s in SEVERITIES] + [("total", tally.total)]
    return "".join(f"<td class=\"num\"{_id(ident, key)}>{n}</td>" for key, n in figures)


def _id(ident: str, key: str) -> str:
    return f" id=\"{ident}-{key}\"" if ident else ""


def _counts_head(first: str) -> str:
    return (f"<thead><tr><th scope=\"col\">{first}</th><th scope=\"col\" class=\"num\">Errors</th>"
            "<th scope=\"col\" class=\"num\">Warnings</th><th scope=\"col\" class=\"num\">Info</th>"
            "<th scope=\"col\" class=\"num\">Total</th></tr></thead>")


def _legend() -> str:
    keys = "".join(f"<li><span class=\"swatch sev-{s}\" aria-hidden=\"true\"></span>{_PLURAL[s]}</li>"
                   for s in SEVERITIES)
    return f"<ul class=\"legend\" aria-label=\"Bar colours\">{keys}</ul>\n"


def _chart_section(anchor: str, heading: str, first: str, rows: list[str]) -> str:
    body = "".join(rows) or "<tr><td colspan=\"5\">No findings.</td></tr>"
    return (f"<section aria-labelledby=\"{anchor}\">\n<h2 id=\"{anchor}\">{heading}</h2>\n{_legend()}"
            f"<div class=\"scroll\"><table class=\"chart\">{_counts_head(first)}<tbody>\n{body}</tbody></table></div>\n"
            "</section>\n")


def _category_chart(report: Report) -> str:
    tallies = _tallies(report.diagnostics, lambda d: d.category)
    largest = max((t.total for t in tallies.values()), default=1)
    rows = [f"<tr><th scope=\"row\">{_t(cat)}{_bar(t, largest)}</th>{_counts_cells(t, f'category-{_t(cat)}')}</tr>\n"
            for cat, t in sorted(tallies.items(), key=lambda kv: (-kv[1].total, kv[0]))]
    return _chart_section("categories", "Findings by category", "Category", rows)


def _rule_chart(report: Report) -> str:
    tallies = _tallies(report.diagnostics, lambda d: d.code)
    names = {d.code: d.name for d in report.diagnostics}
    largest = max((t.total for t in tallies.values()), default=1)
    rows = []
    for code, t in sorted(tallies.items(), key=lambda kv: (-kv[1].total, kv[0])):
        info = report.rules.get(code)
        summary = f"<span class=\"summary\">{_t(info.summary)}</span>" if info and info.summary else ""
        category = f" <span class=\"category\">{_t(info.category)}</span>" if info else ""
        rows.append(f"<tr><th scope=\"row\"><code>{_t(code)}</code> {_t(names[code])}{category}{summary}"
                    f"{_bar(t, largest)}</th>{_counts_cells(t)}</tr>\n")
    return _chart_section("rules", "Findings by rule", "Rule", rows)


# -- the articles table -----------------------------------------------------------------------


def _articles_table(order: list[str], articles: dict[str, _Tally], metrics: dict[str, dict],
                    anchors: dict[str, str]) -> str:
    rows = []
    for path in order:
        figures = metrics.get(path, {})
        words, grade = figures.get("words"), figures.get("flesch_kincaid_grade")
        t = articles[path]
        cells = [f"<th scope=\"row\"><a href=\"#{anchors[path]}\">{_t(path)}</a></th>",
                 _sortable_number(words, "" if words is None else f"{words:,}"),
                 _sortable_number(grade, "" if grade is None else f"{grade:.1f}")]
        cells += [_sortable_number(t.by_severity[s], str(t.by_severity[s])) for s in SEVERITIES]
        cells.append(_sortable_number(t.total, str(t.total)))
        rows.append(f"<tr>{''.join(cells)}</tr>\n")
    heads = [("Article", "text")] + [(h, "number") for h in ("Words", "Grade", "Errors", "Warnings", "Info", "Total")]
    head = "".join(f"<th scope=\"col\" data-sort=\"{kind}\" class=\"{'num' if kind == 'number' else 'text'}\">{h}</th>"
                   for h, kind in heads)
    return (
        "<section aria-labelledby=\"articles\">\n<h2 id=\"articles\">Articles</h2>\n"
        "<p class=\"note\">Most serious first (errors, then warnings, then info). Words are the article's own, "
        "boilerplate left out; grade is the Flesch–Kincaid grade of its prose (<code>contentlint metrics</code>).</p>\n"
        "<div class=\"scroll\"><table class=\"articles\" id=\"articles-table\" data-sortable>"
        f"<thead><tr>{head}</tr></thead><tbody>\n{''.join(rows)}</tbody></table></div>\n</section>\n"
    )


def _sortable_number(value, shown: str) -> str:
    key = "" if value is None else f" data-value=\"{value}\""
    return f"<td class=\"num\"{key}>{shown or '–'}</td>"


# -- each article's findings ------------------------------------------------------------------


def _article_sections(order, by_path, articles, report: Report, anchors) -> str:
    sections = []
    for path in order:  # one file at a time: report.sources keeps only the last one read
        found = by_path[path]
        lines = report.sources.get(path, "").split("\n") if found else []
        figures = report.metrics.get(path, {})
        facts = [f"{figures['words']:,} words"] if figures.get("words") is not None else []
        if figures.get("flesch_kincaid_grade") is not None:
            facts.append(f"grade {figures['flesch_kincaid_grade']:.1f}")
        facts.append(f"{len(found)} finding{'s' if len(found) != 1 else ''}: {articles[path].summary()}"
                     if found else "no findings")
        anchor = anchors[path]
        items = "".join(_finding(d, lines, f"{anchor}-{i}") for i, d in enumerate(found, 1))
        sections.append(
            f"<section class=\"article\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\">\n"
            f"<h3 id=\"{anchor}-h\">{_t(path)}</h3>\n<p class=\"note\">{' · '.join(facts)} · "
            f"<a href=\"#articles\">back to the table</a></p>\n"
            + (f"<ol class=\"findings\">\n{items}</ol>\n" if items else "") + "</section>\n")
    return (f"<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings</h2>\n"
            f"{''.join(sections)}</section>\n")


def _finding(d, lines: list[str], anchor: str) -> str:
    severity = str(d.severity)
    parts = [
        f"<li class=\"finding sev-{severity}\" id=\"{anchor}\">",
        f"<p class=\"finding-head\"><span class=\"badge sev-{severity}\">{severity}</span> "
        f"<code>{_t(d.code)}</code> <span class=\"rule\">{_t(d.name)}</span> "
        f"<a class=\"where\" href=\"#{anchor}\">line {d.line}, column {d.column}</a></p>",
        f"<p class=\"message\">{_t(d.message)}</p>",
        _context(lines, d),
    ]
    if d.related:
        items = "".join(f"<li>{_place(r, d.path)}: {_t(r['message'])}</li>" for r in d.related)
        parts.append(f"<ul class=\"related\" aria-label=\"Related places\">{items}</ul>")
    if d.fix and "replacement" in d.fix:
        parts.append(_fix(d.fix, lines))
    return "".join(parts) + "</li>\n"


def _fix(fix: dict, lines: list[str]) -> str:
    """What the fix puts in place of what (the original quoted when it is on one line)."""
    line, replacement = fix["line"], fix["replacement"]
    original = ""
    if fix["end_line"] == line and 0 < line <= len(lines):
        original = lines[line - 1][fix["column"] - 1:fix["end_column"] - 1]
    if not replacement:
        change = (f"delete <code>{_t(original)}</code>" if original.strip()
                  else f"delete lines {line} to {fix['end_line']}" if fix["end_line"] > line else "delete it")
    elif original.strip():
        change = f"replace <code>{_t(original)}</code> with <code>{_t(replacement)}</code>"
    else:
        change = f"replace with <code>{_t(replacement)}</code>"
    unsafe = " (unsafe: applied only with <code>--unsafe-fixes</code>)" if fix.get("applicability") == "unsafe" else ""
    return f"<p class=\"fix\">Suggested fix: {change}{unsafe}</p>"


def _place(related: dict, path: str) -> str:
    where = f"line {related['line']}, column {related['column']}"
    return where if related["path"] == path else f"{_t(related['path'])}, {where}"


def _context(lines: list[str], d) -> str:
    """The finding's lines (its columns marked) and one line either side, numbered."""
    if not 0 < d.line <= len(lines) or not "".join(lines[d.line - 1:d.end_line]).strip():
        return ""
    last_marked = min(d.end_line, d.line + _MARKED_LINES - 1, len(lines))
    first = max(1, d.line - _CONTEXT_LINES)
    last = min(last_marked + _CONTEXT_LINES if last_marked == d.end_line else last_marked, len(lines))
    rows = []
    for number in range(first, last + 1):
        text = lines[number - 1].rstrip("\r")
        if d.line <= number <= last_marked and (text or number == d.line):
            start = d.column if number == d.line else 1
            end = d.end_column if number == d.end_line else len(text) + 1
            shown = _marked(text, start, max(end, start + 1))
        elif number < d.line:  # the line before: its end, nearest the finding
            shown = _cut(text, max(0, len(text) - _AROUND), len(text))
        else:
            shown = _cut(text, 0, min(len(text), _AROUND))
        rows.append(f"<div class=\"src-line\"><span class=\"ln\">{number}</span><code>{shown}</code></div>")
    if last_marked < d.end_line:
        rows.append(f"<div class=\"src-line more\"><span class=\"ln\">⋮</span>"
                    f"<code>… to line {d.end_line}</code></div>")
    return f"<div class=\"source\" role=\"group\" aria-label=\"Source, lines {first} to {last}\">{''.join(rows)}</div>"


def _marked(text: str, start: int, end: int) -> str:
    """``text`` with 1-based columns ``start`` up to ``end`` (exclusive) in a ``<mark>``, and at
    most ``_AROUND`` characters either side."""
    a, b = start - 1, end - 1
    if a >= len(text):  # a span at the end of the line: mark where it is
        return f"{_cut(text, max(0, len(text) - _AROUND), len(text))}<mark class=\"at-end\"> </mark>"
    lo, hi = max(0, a - _AROUND), min(len(text), b + _AROUND)
    return f"{_cut(text, lo, a, tail=False)}<mark>{_t(text[a:b])}</mark>{_cut(text, b, hi, head=False)}"


def _cut(text: str, lo: int, hi: int, head: bool = True, tail: bool = True) -> str:
    """``text[lo:hi]`` as HTML, with an ellipsis where the line goes on beyond it."""
    before = "<span class=\"cut\">…</span>" if head and lo > 0 else ""
    after = "<span class=\"cut\">…</span>" if tail and hi < len(text) else ""
    return f"{before}{_t(text[lo:hi])}{after}"
