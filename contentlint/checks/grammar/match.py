"""What every grammar backend returns: one problem in the text it was sent."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    start: int  # offsets in the text sent
    end: int
    message: str
    rule_id: str  # the checker's own rule name, as users disable it
    label: str  # the checker and its category, for the message ("Harper Agreement")
    replacement: str | None = None  # the first suggestion, when there is one
    spelling: bool = False  # an unknown word: names and jargon are most of them
    clear_error: bool = False  # the checker is reliably right about this kind (a warning, not info)
