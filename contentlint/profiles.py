"""Audience profiles: named presets a team picks with ``profile = "news"`` (or ``--profile``).

A profile sets rule severities (the configuration's own ``severity`` table still
wins). ``general`` is the default and changes nothing.
"""

from __future__ import annotations

PROFILES: dict[str, dict[str, str]] = {
    "general": {},
    # A newsroom: every quotation needs a named, checkable source; anonymity needs a reason.
    "news": {"CL401": "error", "CL402": "error", "CL403": "error", "CL404": "error", "CL406": "warning"},
    # A blog quotes expressions, testimonials and its own opinions more freely.
    "blog": {"CL401": "info", "CL402": "info", "CL404": "info"},
    "technical": {"CL401": "info"},
    "academic": {"CL404": "error"},
}
DEFAULT = "general"
