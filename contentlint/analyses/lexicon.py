"""What the analyses know about wording, gathered from the YAML packs.

Two parts: the boilerplate kinds (from ``extends: boilerplate`` rules) and named
word lists (from ``extends: lexicon`` files), which packs extend: a newsroom's
pack can add ``entries`` to ``vague-sources`` without touching contentlint.
Entries are regular expressions, matched case-insensitively on word boundaries.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from contentlint.analyses.boilerplate import PhraseKind

LISTS = {
    "speech-verbs": "verbs and phrases that attribute speech or writing (said, told, according to)",
    "vague-sources": "speakers too vague to check (one source, experts, critics)",
    "undated-sources": "occasions too vague to check (in a recent interview, once quipped, reportedly)",
    "paraphrase-markers": "words admitting that a quotation is not verbatim (paraphrasing, something like)",
    "finding-phrases": "phrases presenting a figure as a finding (studies show, surveys suggest)",
    "anonymous-sources": "described but unnamed sources (a person briefed on the plan)",
    "anonymity-reasons": "why a source is not named (spoke on condition of anonymity)",
    "citation-claims": "claims that an article cites its sources (all sources are linked below)",
}


@dataclass(frozen=True)
class Lexicon:
    boilerplate: tuple[PhraseKind, ...] = ()
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (list name, entries), hashable

    def entries(self, name: str) -> tuple[str, ...]:
        return dict(self.lists).get(name, ())

    def pattern(self, name: str) -> re.Pattern | None:
        """One case-insensitive pattern for a list, or None when the list is empty."""
        return _compile(self.entries(name))


@functools.lru_cache(maxsize=64)
def _compile(entries: tuple[str, ...]) -> re.Pattern | None:
    if not entries:
        return None
    return re.compile(r"\b(?:" + "|".join(f"(?:{e})" for e in entries) + r")\b", re.I)


EMPTY = Lexicon()
