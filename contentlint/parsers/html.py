"""HTML articles (``.html``, ``.htm``, ``.xhtml``).

Tokenised with the standard library's ``html.parser`` (the tokenizer behind
beautifulsoup4's ``html.parser`` builder), because its events carry source
positions and bs4's text nodes do not. ``prose`` starts fully masked and only
visible text is unmasked, so tags, attributes, ``<script>``, ``<style>`` and
``<head>`` stay masked. An entity is decoded in place: its character at the end of
the entity's span, spaces before it.
``nav``, and ``header``/``footer``/``aside`` outside ``article``/``main``, are the
site's page chrome: their blocks are marked ``chrome``. Inside the content area an
``aside`` (a newsletter box, a share bar) is the editor's problem, not chrome.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

from contentlint.document import (
    BLOCKQUOTE, CAPTION, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, TITLE, Block, Comment,
    Document, Image, Link, Span, Tag,
)
from contentlint.language import lazy_re
from contentlint.parsers.masking import Masker

_BLOCK_TAGS = frozenset("""address article aside blockquote body caption dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main
    menu nav ol p pre section summary table tbody td tfoot th thead tr ul title option button""".split())
_HIDDEN_TAGS = frozenset("script style noscript template svg iframe object canvas math pre code".split())
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_CHROME_ALWAYS = frozenset({"nav"})
_CHROME_OUTSIDE_ARTICLE = frozenset({"header", "footer", "aside"})
_CONTENT_ROOTS = frozenset({"article", "main"})
# Elements that can hold a form's box; the article's roots and the page itself cannot.
_BOX_TAGS = frozenset("aside dialog div fieldset form section".split())
_EMAIL_RE = lazy_re.compile(r"e-?mail", re.I)
# Elements whose end tag is optional: left open at end of file is no sign of truncation.
_OPTIONAL_END = frozenset("html head body p li dt dd tr td th thead tbody tfoot option colgroup caption".split())
# Elements a page describes itself with, kept whole for the rules that read the page's head.
_PAGE_TAGS = frozenset("html head meta link".split())


@dataclass(frozen=True, slots=True)
class _Open:
    """An open element, with what it and its ancestors make of the text inside it, so that no
    event has to walk the stack (10,000 nested ``<div>`` made every end tag cost 10,000 steps)."""

    tag: str
    start: int  # offset of its start tag
    hides: bool  # its text is not prose (script, style…)
    chrome: bool  # it is, or is inside, the site's page chrome
    in_root: bool  # it is, or is inside, the article's content root
    kind: str  # the block kind of text inside it: its own tag's or its nearest ancestor's
    level: int  # heading level of that kind


_PAGE = _Open("", 0, False, False, False, PARAGRAPH, 0)  # above the outermost element
_KIND_BY_TAG = {"li": LIST_ITEM, "dd": LIST_ITEM, "dt": LIST_ITEM, "blockquote": BLOCKQUOTE,
                "td": TABLE_CELL, "th": TABLE_CELL, "figcaption": CAPTION, "caption": CAPTION,
                "title": TITLE}
_ENTITY_RE = lazy_re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


class _Parser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.masker = Masker(source, masked=True)
        self.stack: list[_Open] = []
        self.open_tags: Counter[str] = Counter()  # how many of each tag are open
        self.run: list[int] | None = None  # [start, end] of the current text run
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.comments: list[Comment] = []
        self.tags: list[Tag] = []
        self.meta: dict = {}
        self.meta_spans: dict = {}
        self.open_link: tuple[int, str | None, list[str]] | None = None
        self.hidden = 0
        self.email_boxes: list[list[int]] = []  # per email field, start offsets of its boxes
        self.box_ends: dict[int, int] = {}  # start offset of a closed box -> its end

    # -- helpers ----------------------------------------------------------
    def here(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def in_chrome(self) -> bool:
        return bool(self.stack) and self.stack[-1].chrome

    def flush(self) -> None:
        if self.run is None:
            return
        start, end = self.run
        self.run = None
        inside = self.stack[-1] if self.stack else _PAGE
        kind, level = inside.kind, inside.level
        prose = "".join(self.masker.chars[start:end])
        lead = len(prose) - len(prose.lstrip())
        stripped = prose.strip()
        if stripped:
            self.blocks.append(Block(kind, start + lead, start + lead + len(stripped), level,
                                     chrome=self.in_chrome()))

    def visible(self, start: int, text: str) -> None:
        if self.hidden:
            return
        if self.run is None:
            self.run = [start, start + len(text)]
        else:
            self.run[1] = start + len(text)
        if self.open_link is not None:
            self.open_link[2].append(text)

    # -- events -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list) -> None:
        start = self.here()
        end = start + len(self.get_starttag_text() or "")
        a = {k: (v or "") for k, v in attrs}
        if tag in _BLOCK_TAGS:
            self.flush()
        if tag in _PAGE_TAGS:
            self.tags.append(Tag(tag, tuple((k, v or "") for k, v in attrs), Span(start, end)))
        if tag == "meta":
            self.meta_tag(a, Span(start, end))
        elif tag == "img":
            self.images.append(Image(a.get("alt") if "alt" in a else None, a.get("src", ""),
                                     Span(start, end), self.in_chrome()))
        elif tag == "time" and "datetime" in a and "date" not in self.meta and not self.in_chrome():
            self.meta["date"], self.meta["date_origin"] = a["datetime"], "<time datetime>"
        elif tag == "a":
            self.open_link = (start, a.get("href") if "href" in a else None, [])
        elif tag == "input" and self.asks_email(a) and not self.in_chrome():
            self.email_boxes.append([e.start for e in reversed(self.stack) if e.tag in _BOX_TAGS])
        if tag in _VOID_TAGS:
            return
        self.push(tag, start)

    def push(self, tag: str, start: int) -> None:
        parent = self.stack[-1] if self.stack else _PAGE
        kind, level = parent.kind, parent.level
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            kind, level = HEADING, int(tag[1])
        elif tag in _KIND_BY_TAG:
            kind, level = _KIND_BY_TAG[tag], 0
        chrome = parent.chrome or tag in _CHROME_ALWAYS or (tag in _CHROME_OUTSIDE_ARTICLE and not parent.in_root)
        opened = _Open(tag, start, tag in _HIDDEN_TAGS, chrome, parent.in_root or tag in _CONTENT_ROOTS, kind, level)
        self.stack.append(opened)
        self.open_tags[tag] += 1
        self.hidden += opened.hides

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS and self.stack and self.stack[-1].tag == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        start = self.here()
        gt = self.source.find(">", start)
        end = gt + 1 if gt != -1 else len(self.source)
        if tag == "a" and self.open_link is not None:
            link_start, href, parts = self.open_link
            self.links.append(Link(" ".join("".join(parts).split()), href,
                                   Span(link_start, end), self.in_chrome()))
            self.open_link = None
        if not self.open_tags[tag]:
            return
        if tag in _BLOCK_TAGS:
            self.flush()
        while self.stack:
            closed = self.stack.pop()
            self.open_tags[closed.tag] -= 1
            self.hidden -= closed.hides
            if closed.tag in _BOX_TAGS:
                self.box_ends[closed.start] = end
            if closed.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        start = self.here()
        if self.hidden:
            return
        self.masker.unmask(start, start + len(data))
        self.visible(start, data)

    def handle_entityref(self, name: str) -> None:
        self.entity()

    def handle_charref(self, name: str) -> None:
        self.entity()

    def entity(self) -> None:
        start = self.here()
        m = _ENTITY_RE.match(self.source, start)
        if not m or self.hidden:
            return
        char = html.unescape(m.group(0))
        if char == m.group(0):
            char = "&"
        char = char[: len(m.group(0))]
        # Right-aligned in the entity's span: an opening mark stays next to its word.
        self.masker.put(m.end() - len(char), char)
        self.visible(m.end() - len(char), char)

    def handle_decl(self, decl: str) -> None:
        if decl[:7].lower() == "doctype":
            start = self.here()
            self.tags.append(Tag("!doctype", (), Span(start, start + len(decl) + 3)))

    def handle_comment(self, data: str) -> None:
        start = self.here()
        end = self.source.find("-->", start)
        end = end + 3 if end != -1 else len(self.source)
        self.comments.append(Comment(data.strip(), Span(start, end)))

    @staticmethod
    def asks_email(a: dict) -> bool:
        """An input for an email address: ``type="email"``, or named, labelled or
        prompted as one."""
        if a.get("type", "").lower() == "email":
            return True
        return a.get("type", "text").lower() == "text" and any(
            _EMAIL_RE.search(a.get(k, "")) for k in ("name", "id", "placeholder", "aria-label"))

    def email_fields(self) -> list[tuple[Span, ...]]:
        return [tuple(Span(s, self.box_ends[s]) for s in starts if s in self.box_ends)
                for starts in self.email_boxes]

    def meta_tag(self, a: dict, span: Span) -> None:
        key = (a.get("name") or a.get("property") or "").lower()
        content = a.get("content", "")
        if key == "description":
            self.meta["description"], self.meta_spans["description"] = content, span
        elif key in ("article:published_time", "date", "dc.date", "pubdate") and content:
            self.meta["date"], self.meta["date_origin"] = content, f'<meta {key}>'
        elif key == "keywords":
            self.meta["keywords"] = content


def parse_html(path: str, source: str) -> Document:
    p = _Parser(source)
    p.feed(source)
    problems: list[tuple[Span, str]] = []
    pending = p.rawdata  # text the tokenizer could not finish: the file ends inside a tag
    if pending.strip():
        at = len(source) - len(pending)
        problems.append((Span(at, len(source)), "HTML ends inside a tag or comment; the file looks truncated"))
    else:
        p.close()
    p.flush()
    unclosed = [(e.tag, e.start) for e in p.stack if e.tag not in _OPTIONAL_END]
    if unclosed and not problems:
        tag, at = unclosed[0]
        problems.append((Span(at, at + len(tag) + 1),
                         f"<{tag}> is never closed; the file may be truncated"))
    title = next((b for b in p.blocks if b.kind == TITLE), None)
    return Document(path=path, source=source, prose=p.masker.prose(), format="html",
                    blocks=p.blocks, meta=p.meta, meta_spans=p.meta_spans, links=p.links,
                    images=p.images, comments=p.comments, tags=p.tags, problems=problems, title=title,
                    email_fields=p.email_fields())
