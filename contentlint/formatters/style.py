"""ANSI colour for the formats people read (text, concise): when to use it, and how it looks.

Machine formats never call this. The choice follows the conventions users already set:
``--color always|never`` wins; then ``NO_COLOR`` (any non-empty value, no-color.org) turns
colour off and ``FORCE_COLOR`` (any non-empty value, force-color.org) on, for CI logs;
otherwise a terminal gets colour and a pipe, a file or ``TERM=dumb`` does not.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

BOLD, DIM = "1", "2"
CODE = "1;31"  # the rule code, as Ruff shows it
SEVERITY = {"error": "1;31", "warning": "1;33", "info": "1;36"}  # red, yellow, cyan; carets too
PASSED = "1;32"


def wanted(choice: str, stream: TextIO | None, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to colour output for ``stream`` (None: a file that ``--output-file`` names)."""
    if choice != "auto":
        return choice == "always"
    if stream is None or environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and environ.get("TERM") != "dumb"


def paint(text: str, style: str, on: bool) -> str:
    """``text`` in ``style`` when ``on``; unchanged otherwise (so plain output is byte for byte the same)."""
    return f"\x1b[{style}m{text}\x1b[0m" if on and text else text
