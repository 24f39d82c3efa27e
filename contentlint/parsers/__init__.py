"""One parser per format: ``str`` -> :class:`~contentlint.document.Document`. No config here."""

from __future__ import annotations

from pathlib import PurePath
from typing import Callable

from contentlint.document import Document

FORMAT_BY_SUFFIX = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                    ".html": "html", ".htm": "html"}


def format_for(path: str) -> str | None:
    return FORMAT_BY_SUFFIX.get(PurePath(path).suffix.lower())


def _parser_for(fmt: str) -> Callable[[str, str], Document]:
    if fmt == "markdown":
        from contentlint.parsers.markdown import parse_markdown
        return parse_markdown
    if fmt == "html":
        from contentlint.parsers.html import parse_html
        return parse_html
    from contentlint.parsers.text import parse_text
    return parse_text


def parse(path: str, source: str, fmt: str | None = None) -> Document:
    """Parse ``source`` as the format its path suffix names (plain text when unknown)."""
    return _parser_for(fmt or format_for(path) or "text")(path, source)
