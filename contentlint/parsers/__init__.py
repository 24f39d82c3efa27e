"""One parser per format: ``str`` -> :class:`~contentlint.document.Document`. No config here."""

from __future__ import annotations

from pathlib import PurePath
from typing import Callable

from contentlint.document import MAX_PARTS, Document, too_long

# .xhtml is HTML written as XML (an XML prolog, self-closing tags, a namespace on <html>): the HTML
# tokenizer reads all of it, and pre-commit's "html" type includes it.
FORMAT_BY_SUFFIX = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                    ".html": "html", ".htm": "html", ".xhtml": "html"}


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
    """Parse ``source`` as the format its path suffix names (plain text when unknown); a document
    past the size of an article (:data:`~contentlint.document.MAX_PARTS`) is not parsed at all."""
    fmt = fmt or format_for(path) or "text"
    if fmt != "html" and (why := too_long(_lines(source), "lines")):  # each a block or more: not worth parsing
        return Document(path, source, source, fmt, not_checked=why)
    doc = _parser_for(fmt)(path, source)
    doc.not_checked = too_long(len(doc.blocks), "blocks")
    return doc


def _lines(source: str) -> int:
    """The non-blank lines of a text or Markdown source, or more lines than that when their
    total is within the limit anyway (then counting them one by one is not worth it)."""
    lines = source.count("\n") + 1
    return lines if lines <= MAX_PARTS else sum(1 for line in source.splitlines() if line.strip())
