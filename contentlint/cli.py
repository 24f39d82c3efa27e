"""Command line: flags -> config -> runner -> formatter -> exit code.

Exit codes: 0 nothing reached ``fail-on``; 1 something did; 2 usage, config or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from contentlint import __version__
from contentlint.errors import ContentlintError, UsageError
from contentlint.formatters import FORMATS
from contentlint.profiles import PROFILES
from contentlint.rule import SITE_WIDE

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STATISTICS_FORMATS = ("text", "concise", "json", "jsonl")  # a count per rule is no SARIF, JUnit or annotation


def _selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [s for v in values for s in v.split(",") if s.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {jobs}")
    return jobs


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="contentlint", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"contentlint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check articles (files, directories, or - for stdin)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    # no default here: report must see whether --format was given (check reads None as text)
    check.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    check.add_argument("--select", action="append", metavar="RULES",
                       help="rules to enable, replacing the configured selection (code, prefix, name, category, ALL)")
    check.add_argument("--extend-select", action="append", default=[], metavar="RULES",
                       help="rules to enable on top of the selection")
    check.add_argument("--ignore", action="append", default=[], metavar="RULES", help="rules to disable")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings reach --fail-on")
    check.add_argument("--statistics", action="store_true", help="print a count per rule instead of findings")
    check.add_argument("--date", metavar="YYYY-MM-DD", help="the articles' publication date, for date arithmetic")
    check.add_argument("--profile", choices=tuple(PROFILES), help="audience profile: rule severities "
                       "(and later thresholds) for news, blogs, technical or academic writing")
    check.add_argument("--config", type=Path, metavar="FILE", help="configuration file to use")
    check.add_argument("--stdin-filename", metavar="NAME", help="name (and format) of the article read from -")
    check.add_argument("--force-exclude", action=argparse.BooleanOptionalAction,
                       help="apply exclude to files named on the command line too, as pre-commit names them")
    check.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction,
                       help="leave out what git ignores when searching folders (default: on)")
    check.add_argument("--cross-doc", action="store_true",
                       help="also compare facts about named people and things across the articles checked")
    check.add_argument("--site-wide", choices=SITE_WIDE, default="run",
                       help="the rules that compare articles (CL511, CL612-CL614): run them (default), skip "
                            "them, or run only them (the two pre-commit hooks)")
    check.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                       help="processes to check files on (default: every core)")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the results cache")
    check.add_argument("--cache-dir", type=Path, metavar="DIR",
                       help="where to keep the results cache (default: .contentlint_cache in the project)")
    check.add_argument("--quiet", "-q", action="store_true",
                       help="findings only: no progress display on stderr, no summary line")
    check.add_argument("--output-file", "-o", metavar="FILE",
                       help="write the report to FILE instead of stdout (- for stdout)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text and concise formats (default: auto, on a terminal unless NO_COLOR)")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes, then report what is left")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, also the fixes that may change what an article says")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff and write nothing (exit 1 if there are any)")
    check.add_argument("--dask", metavar="SCHEDULER", help="check the files on a Dask cluster (its scheduler's "
                       "address, e.g. tcp://10.0.0.5:8786; needs contentlint[dask] and the files on every worker)")

    metrics = sub.add_parser("metrics", help="readability figures per article, for calibrating thresholds")
    metrics.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    metrics.add_argument("--format", choices=("text", "json"), default="text")
    metrics.add_argument("--config", type=Path, metavar="FILE")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--config", type=Path, metavar="FILE")

    rule = sub.add_parser("rule", help="explain one rule")
    rule.add_argument("code", metavar="CODE", help="rule code or name")
    rule.add_argument("--config", type=Path, metavar="FILE")

    # check's options, all of them (argparse shares the actions: set no defaults on this parser)
    # --output-file (-o) names the file, as for check
    sub.add_parser("report", parents=[check], add_help=False,
                   help="check articles and write the HTML audit report (check --format html)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return {"check": _check, "report": _html_report, "metrics": _metrics, "rules": _rules,
                "rule": _rule}[args.command](args)
    except ContentlintError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # output piped to head: nothing more to say
        return EXIT_OK


def _error(message: str) -> None:
    print(f"contentlint: error: {message}", file=sys.stderr)


def _registry(args):
    from contentlint.config import load_settings
    from contentlint.registry import load_registry

    settings = load_settings(args.config)
    return settings, load_registry(settings.packs)


def _check(args) -> int:
    from contentlint.config import LinterSpec, check_fail_on, load_settings
    from contentlint.formatters import Report, RuleInfo

    args.format = args.format or "text"
    if args.statistics and args.format not in STATISTICS_FORMATS:
        raise UsageError(f"--statistics prints {', '.join(STATISTICS_FORMATS)}, not --format {args.format}")
    date = None
    if args.date:
        from contentlint.analyses.article_date import parse_cli_date

        try:
            date = parse_cli_date(args.date)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if "-" in args.paths and args.paths != ["-"]:
        raise UsageError("- (stdin) cannot be combined with other paths")
    if args.paths == ["-"] and not args.stdin_filename:
        raise UsageError("reading from - needs --stdin-filename (its suffix picks the format)")
    settings = load_settings(args.config)
    for flag in ("force_exclude", "respect_gitignore"):
        if getattr(args, flag) is not None:
            setattr(settings, flag, getattr(args, flag))
    spec = LinterSpec(settings, select=_selectors(args.select),
                      extend_select=_selectors(args.extend_select) + (["cross-article-conflict"] if args.cross_doc else []),
                      ignore=_selectors(args.ignore), date=date, profile=args.profile, site_wide=args.site_wide,
                      metrics=args.format == "html")  # the report's words and grades, made with the findings
    fail_on = check_fail_on(args.fail_on or settings.fail_on, "--fail-on")
    cache = None
    fixing = args.fix or args.diff
    if args.paths != ["-"] and not args.dask and not args.no_cache:
        from contentlint.cache import DEFAULT_DIR, Cache, unchanged_run
        from contentlint.files import Sources

        cache = Cache(args.cache_dir or settings.cache_dir or settings.root / DEFAULT_DIR, spec)
        unchanged = unchanged_run(cache, args.paths, settings) if cache.folder.is_dir() and not fixing else None
        if unchanged is not None:  # every file as last seen: the last run's result, and no rule loaded
            files, diagnostics, rules, metrics = unchanged
            return _report(args, Report(diagnostics, files, {c: RuleInfo(c, *info) for c, info in rules.items()},
                                        Sources(), [], metrics), fail_on)
    linter = spec.build()
    if args.paths == ["-"]:
        from contentlint.files import MAX_BYTES

        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if fixing:
            return _fix_stdin(args, linter, data, fail_on)
        result = linter.check_stdin(data, args.stdin_filename)
    elif args.dask:
        from contentlint.dask_backend import check_paths

        result = check_paths(spec, args.paths, args.dask, linter)
    else:
        from contentlint.progress import Progress
        from contentlint.workers import default_jobs

        if cache is not None:
            linter.use_cache(cache)
        progress = None if args.quiet else Progress.on(sys.stderr)
        result = linter.check_paths(args.paths, jobs=args.jobs or default_jobs(), progress=progress)
        if progress is not None:
            progress.close()
    if args.diff:
        return _diff(args, linter, result)
    if args.fix:
        result = _fix(args, linter, result)
    by_code = {d.code: d for d in result.diagnostics}  # once per code: a summary parses a docstring
    rules = {code: RuleInfo(code, d.name, d.category, str(linter.registry.rules[code].severity),
                            linter.registry.rules[code].summary()) for code, d in by_code.items()}
    if cache is not None and not result.errors and None not in result.cache_keys:
        cache.put_run(cache.run_key(result.cache_keys), result.files, result.cache_keys, result.site_diagnostics,
                      {code: (i.name, i.category, i.severity, i.summary) for code, i in rules.items()})
    return _report(args, Report(result.diagnostics, result.files, rules, result.sources, result.errors,
                                result.metrics), fail_on)


def _fixed_files(args, linter, result, write_files: bool):
    from contentlint import fixes

    paths = sorted({d.path for d in result.diagnostics if fixes.applicable(d, args.unsafe_fixes)})
    done, errors, unsettled = fixes.fix_paths(linter, paths, args.unsafe_fixes, write_files)
    _warn_unsettled(unsettled)
    return done, errors


def _diff(args, linter, result) -> int:
    """``--diff``: the fixes of every checked file as one unified diff; nothing is written."""
    from contentlint.fixes import unified_diff

    done, errors = _fixed_files(args, linter, result, write_files=False)
    for message in result.errors + errors:
        _error(message)
    _write(args, "".join(unified_diff(f) for f in done))
    return EXIT_ERROR if result.errors or errors else EXIT_FINDINGS if done else EXIT_OK


def _fix(args, linter, result):
    """``--fix``: the fixes written, and the run's result of what is left."""
    from contentlint.workers import default_jobs

    done, errors = _fixed_files(args, linter, result, write_files=True)
    if done:
        applied = sum(f.applied for f in done)
        if not args.quiet:
            print(f"contentlint: fixed {applied} finding{'s' * (applied != 1)} in {len(done)} "
                  f"file{'s' * (len(done) != 1)}", file=sys.stderr)
        result = linter.check_paths(args.paths, jobs=args.jobs or default_jobs())
    result.errors += errors
    return result


def _fix_stdin(args, linter, data: bytes, fail_on) -> int:
    """``--fix`` or ``--diff`` on the article from stdin: the fixed article (or the diff) on stdout.
    An article that cannot be read is echoed unchanged, so an editor's buffer is never emptied."""
    from contentlint import fixes
    from contentlint.files import normalize_newlines

    try:
        fixed = fixes.fix_bytes(linter, args.stdin_filename, data, args.unsafe_fixes)
        out = fixes.encoded(fixed)
    except ContentlintError as exc:
        _error(str(exc))
        if not args.diff:
            sys.stdout.buffer.write(data)
        return EXIT_ERROR
    _warn_unsettled([] if fixed.settled else [args.stdin_filename])
    if args.diff:
        _write(args, fixes.unified_diff(fixed) if fixed.changed else "")
        return EXIT_FINDINGS if fixed.changed else EXIT_OK
    sys.stdout.flush()
    sys.stdout.buffer.write(out)
    left = fixed.left if fixed.settled else linter.check_source(args.stdin_filename, normalize_newlines(fixed.after))
    reached = fail_on is not None and any(d.severity >= fail_on for d in left)
    return EXIT_FINDINGS if reached and not args.exit_zero else EXIT_OK


def _warn_unsettled(paths: list[str]) -> None:
    from contentlint.files import shown
    from contentlint.fixes import MAX_PASSES

    for path in paths:
        print(f"contentlint: warning: {shown(path)}: fixes were still changing it after {MAX_PASSES} "
              f"passes (two rules may undo each other's fixes)", file=sys.stderr)


def _html_report(args) -> int:
    """``contentlint report``: ``check --format html``, written to the file ``-o`` names. The
    options of check that would make it write something else are refused."""
    if args.format not in (None, "html"):
        raise UsageError(f"report writes HTML; for {args.format}, use check --format {args.format}")
    for flag in ("fix", "diff", "statistics"):
        if getattr(args, flag):
            raise UsageError(f"report writes HTML; --{flag} is an option of check")
    args.format = "html"
    return _check(args)


def _report(args, report, fail_on) -> int:
    import dataclasses

    from contentlint.formatters import render
    from contentlint.formatters.style import wanted

    for message in report.errors:
        _error(message)
    report = dataclasses.replace(report, fail_on=fail_on, quiet=args.quiet,
                                 color=wanted(args.color, sys.stdout if args.output_file in (None, "-") else None))
    if args.statistics:
        _write(args, _statistics(report.diagnostics, args.format))
    else:
        _write(args, render(args.format, report))
    if report.errors:
        return EXIT_ERROR
    if fail_on is not None and any(d.severity >= fail_on for d in report.diagnostics) and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


def _write(args, text: str) -> None:
    """Output on stdout, or in the file that ``--output-file`` names, all at once (a reader never
    sees half a report, and an interrupted run leaves the previous one)."""
    from contentlint.files import shown, write_atomically

    output = args.output_file
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    try:
        write_atomically(Path(output), text.encode("utf-8", "replace"))
    except OSError as exc:
        raise UsageError(f"{shown(output)}: cannot write the report: {exc.strerror or exc}") from None


def _metrics(args) -> int:
    """``contentlint metrics``: each article's figures, as the HTML report shows them."""
    from contentlint.analyses.readability import FORMULAS, article_figures
    from contentlint.errors import InputError
    from contentlint.files import discover, read_found
    from contentlint.parsers import parse
    from contentlint.runner import Linter

    settings, registry = _registry(args)
    linter = Linter(registry, settings)
    errors, rows = [], []
    for item in discover(args.paths, settings):
        try:
            path, source = read_found(item)
            rows.append({"path": path, **article_figures(linter.context(parse(path, source)))})
        except InputError as exc:
            errors.append(str(exc))
    for message in errors:
        _error(message)
    if args.format == "json":
        import json

        print(json.dumps(rows, indent=2))
    else:
        names = list(FORMULAS)
        print("path\twords\tsentences\t" + "\t".join(FORMULAS[n] for n in names))
        for r in rows:
            print("\t".join([r["path"], str(r["words"]), str(r["sentences"])]
                            + ["-" if r[n] is None else f"{r[n]:.1f}" for n in names]))
    return EXIT_ERROR if errors else EXIT_OK


def _statistics(diagnostics, fmt: str) -> str:
    """A count per rule (and severity); in JSON, with how many of the findings carry a fix."""
    counts = Counter((d.code, d.name, str(d.severity)) for d in diagnostics)
    fixable = Counter((d.code, d.name, str(d.severity)) for d in diagnostics if d.fix)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    if fmt in ("json", "jsonl"):
        import json

        items = [{"code": c, "name": n, "severity": s, "count": k, "fixable": fixable[c, n, s]}
                 for (c, n, s), k in rows]
        if fmt == "jsonl":
            return "".join(json.dumps(item) + "\n" for item in items)
        return json.dumps(items, indent=2) + "\n"
    return "".join(f"{k:>5}  {c}  [{s}] {n}\n" for (c, n, s), k in rows)


def _rules(args) -> int:
    _, registry = _registry(args)
    rows = [registry.rules[c] for c in sorted(registry.rules)]
    if args.format == "json":
        import json

        print(json.dumps([{"code": r.code, "name": r.name, "category": r.category,
                           "severity": str(r.severity), "enabled_by_default": r.enabled_by_default,
                           "origin": r.origin, "summary": r.summary()} for r in rows], indent=2))
        return EXIT_OK
    width = max(len(r.name) for r in rows)
    origin = max(len(r.origin) for r in rows)
    print(f"{'code':<7} {'name':<{width}}  {'category':<13} {'severity':<8} {'from':<{origin}}  summary")
    for r in rows:
        off = "" if r.enabled_by_default else " (off by default)"
        print(f"{r.code:<7} {r.name:<{width}}  {r.category:<13} {str(r.severity):<8} {r.origin:<{origin}}  "
              f"{r.summary()}{off}")
    return EXIT_OK


def _rule(args) -> int:
    _, registry = _registry(args)
    rule = registry.get(args.code)
    if rule is None:
        raise UsageError(f"unknown rule {args.code!r} (try 'contentlint rules')")
    print(f"{rule.code} {rule.name}  [{rule.category}, default {rule.severity}, {rule.origin}]\n")
    print(rule.documentation())
    return EXIT_OK
