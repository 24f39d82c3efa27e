"""contentlint: a content-quality and SEO linter for articles (.txt, .md, .html).

Public API::

    from contentlint import check_text, check_paths
    diagnostics = check_text(open("article.md").read(), path="article.md")
"""

from __future__ import annotations

__version__ = "0.1.0"


def _linter(select=None, ignore=(), date=None, config=None):
    from contentlint.config import load_settings
    from contentlint.analyses.article_date import parse_cli_date
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    settings = load_settings(config)
    registry = load_registry(settings.packs)
    return Linter(registry, settings, select=select, ignore=list(ignore),
                  date=parse_cli_date(date) if date else None)


def check_text(text: str, path: str = "article.txt", *, select=None, ignore=(), date=None, config=None):
    """Check one article given as text; the path's suffix picks the format. Returns diagnostics."""
    return _linter(select, ignore, date, config).check_source(path, text)


def check_paths(paths, *, select=None, ignore=(), date=None, config=None, jobs=1):
    """Check files and directories on ``jobs`` processes; returns a Result (diagnostics, files, errors)."""
    return _linter(select, ignore, date, config).check_paths([str(p) for p in paths], jobs=jobs)
