"""Audience profiles: named presets a team picks with ``profile = "news"`` (or ``--profile``).

A profile sets rule severities, rule options (readability thresholds) and rules to
ignore. The configuration's own ``severity``, ``rules`` and ``ignore`` still win.
``general`` is the default. Where the thresholds come from is documented in
``contentlint/checks/readability.py`` and the README.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Profile:
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()


PROFILES: dict[str, Profile] = {
    "general": Profile(options={
        "CL301": {"target": 9}, "CL302": {"info-words": 40, "warning-words": 75}, "CL303": {"max-grade": 24},
    }),
    # A newsroom: every quotation needs a named, checkable source; anonymity needs a reason;
    # news sentences and grade levels run a little higher than general-audience copy.
    "news": Profile(
        severity={"CL401": "error", "CL402": "error", "CL403": "error", "CL404": "error", "CL406": "warning"},
        options={"CL301": {"target": 11}, "CL302": {"info-words": 50, "warning-words": 80},
                 "CL303": {"max-grade": 26}, "CL305": {"max-share": 0.2}}),
    # A blog quotes expressions, testimonials and its own opinions more freely.
    "blog": Profile(severity={"CL401": "info", "CL402": "info", "CL404": "info"},
                    options={"CL301": {"target": 9}}),
    "technical": Profile(
        severity={"CL401": "info"},
        options={"CL301": {"target": 14}, "CL302": {"info-words": 45, "warning-words": 80},
                 "CL303": {"max-grade": 29}, "CL304": {"info-words": 200, "warning-words": 300}}),
    # Academic prose is long and dense by design: no grade target, sources must be named.
    "academic": Profile(severity={"CL404": "error"}, ignore=("CL301", "CL303"),
                        options={"CL302": {"info-words": 60, "warning-words": 100}}),
}
DEFAULT = "general"
