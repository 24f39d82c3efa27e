"""Built-in Python rules, one module per category."""

from contentlint.checks.meta import InvalidDirective, MalformedMarkup, RuleCrashed
from contentlint.checks.word_count import ReadingTimeClaim, WordCountClaim

BUILTIN_RULES = [WordCountClaim, ReadingTimeClaim, InvalidDirective, MalformedMarkup, RuleCrashed]
