"""Harper, through harper-py: a grammar checker in the process, with no server, no Java and no downloads.

Its kinds are graded from what it raised on 400 edited news articles (304,000 words of
news-quotes, the eval set) with its default rules: 2,540 findings besides its 4,900 unknown
words, nearly all of them wrong or house style (Oxford commas in AP copy, "Dec." as DEC,
"Turkey" as Türkiye, "she further announced" as an agreement error).
"""

from __future__ import annotations

import threading

from contentlint.checks.grammar.match import Match
from contentlint.errors import ConfigError

DIALECTS = {"en": "AMERICAN", "en-US": "AMERICAN", "en-GB": "BRITISH", "en-AU": "AUSTRALIAN", "en-CA": "CANADIAN",
            "en-IN": "INDIAN"}  # the `language` option, as harper.Dialect
# Kinds left out: style and typography are house choices (and CL8xx's), and sentence length is
# CL3xx's; on news-quotes they were 1,850 of the 2,540 findings.
LEFT_OUT_KINDS = frozenset({"Style", "Formatting", "Readability"})
# Rules of unknown words, off unless spelling is asked for: SplitWords fires on a word the
# dictionary lacks that two of its words make ("undercard" as "under card").
SPELLING_RULES = ("SpellCheck", "SplitWords")
SPELLING_KIND = "Spelling"
# A doubled word: the one kind whose findings on news-quotes were mostly real slips (6 of 8:
# "is is", "made made"; "the the" goes to TheTheToThatThe after a verb). A warning; every
# other kind is info (unsure).
CLEAR_ERRORS = frozenset({"RepeatedWords", "TheTheToThatThe"})
# Runs of this many characters with no space (URLs, hashes, base64) are not sent to the rules:
# they are no words to judge, and Harper's spell check takes memory with the square of a word's
# length (one of 100,000 letters asks for 30 GB and aborts the process).
LONGEST_WORD = 100
_TOO_LONG = rf"\S{{{LONGEST_WORD},}}"

_built = threading.local()  # a Linter raises if two threads call it at once (Dask workers run several)


def linter(language: str, disabled_rules: tuple = (), spelling: bool = False):
    """A Harper linter for the dialect with the rules the options skip turned off, kept per thread:
    building one takes about half a second (its dictionary). They are turned off, not only left
    out of the report, because a rule that runs can hide another's lint at the same place: with
    its spell check on, 35 of the 459 findings it made on news-quotes went missing."""
    off = frozenset(disabled_rules) | (frozenset() if spelling else frozenset(SPELLING_RULES))
    linters = _built.__dict__.setdefault("linters", {})
    if (language, off) not in linters:
        linters[language, off] = _build(language, off)
    return linters[language, off]


def _build(language: str, off: frozenset[str]):
    try:
        import harper
    except ImportError:
        raise ConfigError("the harper grammar backend needs harper-py: pip install 'contentlint[harper]'") from None
    if language not in DIALECTS:
        raise ConfigError(f"the harper grammar backend checks English only: language must be one of "
                          f"{', '.join(DIALECTS)}, got {language!r}")
    checker = harper.Linter(harper.Dialect[DIALECTS[language]])
    config = checker.get_default_lint_config()
    checker.set_lint_config({**config, **{name: False for name in off if name in config}})
    return checker


def check(text: str, language: str, disabled_rules: tuple, spelling: bool) -> list[Match]:
    """Every match but those of the kinds left out; the rule drops what its options skip."""
    checker = linter(language, disabled_rules, spelling)
    try:
        by_rule = checker.organized_lints(text, language="plaintext", regex_mask=_TOO_LONG)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a panic in Rust is pyo3's PanicException, not an Exception: make it one,
        raise RuntimeError(f"Harper failed: {exc}") from None  # reported as this file's CL999
    found = []
    for rule, lints in by_rule.items():
        for lint in lints:
            if lint.lint_kind in LEFT_OUT_KINDS:
                continue
            found.append(Match(lint.span.start, lint.span.end, lint.message, rule,
                               f"Harper {rule}, {lint.lint_kind_pretty}", _replacement(lint),
                               spelling=lint.lint_kind == SPELLING_KIND or rule in SPELLING_RULES,
                               clear_error=rule in CLEAR_ERRORS))
    return sorted(found, key=lambda m: (m.start, m.end))


def _replacement(lint) -> str | None:
    """The first suggestion as the text to put in place of the flagged span."""
    if not lint.suggestions:
        return None
    from harper import SuggestionKind

    suggestion = lint.suggestions[0]
    if suggestion.kind == SuggestionKind.INSERT_AFTER:
        return lint.problem_text + suggestion.replacement_text
    return suggestion.replacement_text  # empty for REMOVE
