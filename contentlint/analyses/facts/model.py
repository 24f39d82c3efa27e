"""What the facts analysis reports: a conflict between two statements, and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass

WARNING, INFO = "warning", "info"


@dataclass(frozen=True)
class Statement:
    """Words of the article, by source offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Conflict:
    """Two statements that cannot both be true: reported on the later, pointing at the earlier."""

    kind: str  # "count", "amount", "percentage", "timeline", "name", "total", "rank", "date", "tally", "list"
    later: Statement
    earlier: Statement
    message: str  # both values, and the arithmetic
    confidence: str  # WARNING or INFO
