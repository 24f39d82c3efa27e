"""What a page declares about itself: its ``<meta>`` tags by name, its canonical URLs.

An HTML page says it in its head (``doc.tags``); a Markdown article in front matter that a
site generator turns into those tags. Read here once, so that every rule reads a page's
head the same way (a ``<meta name=" Robots ">`` is a robots tag for all of them).
"""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.document import Document, Span, Tag

CANONICAL_KEYS = ("canonical", "canonical_url", "canonicalURL")  # front matter (Hugo themes, Jekyll SEO, dev.to)


@dataclass(frozen=True, slots=True)
class Declared:
    """A value the page declares, and where."""

    value: str
    span: Span


def first_line(doc: Document) -> Span:
    """The document's first line: where a finding about the page as a whole goes, and a front
    matter key that cannot be located (the front matter starts there)."""
    line = doc.source.split("\n", 1)[0]
    return Span(0, len(line))


def front_matter_span(doc: Document, key: str) -> Span:
    """The line of front matter that declares ``key``, else the document's first line."""
    return doc.meta_spans.get(key) or first_line(doc)


def meta_tags(doc: Document, *names: str) -> list[Tag]:
    """The page's ``<meta>`` tags whose ``name`` is one of ``names``, in order. Browsers and
    crawlers compare names without regard to case; the spaces a template leaves are ignored."""
    wanted = {name.lower() for name in names}
    return [t for t in doc.tags if t.name == "meta" and (t.get("name") or "").strip().lower() in wanted]


def canonical_urls(doc: Document) -> list[Declared]:
    """Every canonical URL the page declares: its ``<link rel="canonical">`` tags, then the front
    matter's canonical keys (an empty key is a template's blank, which the generator leaves out)."""
    found = [Declared(t.get("href") or "", t.span) for t in doc.tags
             if t.name == "link" and "canonical" in (t.get("rel") or "").lower().split()]
    for key in CANONICAL_KEYS:
        value = doc.meta.get(key)
        if isinstance(value, str) and value.strip():
            found.append(Declared(value, front_matter_span(doc, key)))
    return found
