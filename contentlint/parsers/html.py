"""HTML articles (``.html``, ``.htm``).

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
from html.parser import HTMLParser

from contentlint.document import (
    BLOCKQUOTE, CAPTION, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, TITLE, Block, Comment,
    Document, Image, Link, Span,
)
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
_EMAIL_RE = re.compile(r"e-?mail", re.I)
# Elements whose end tag is optional: left open at end of file is no sign of truncation.
_OPTIONAL_END = frozenset("html head body p li dt dd tr td th thead tbody tfoot option colgroup caption".split())
_KIND_BY_TAG = {"li": LIST_ITEM, "dd": LIST_ITEM, "dt": LIST_ITEM, "blockquote": BLOCKQUOTE,
                "td": TABLE_CELL, "th": TABLE_CELL, "figcaption": CAPTION, "caption": CAPTION,
                "title": TITLE}
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


class _Parser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.masker = Masker(source, masked=True)
        self.stack: list[tuple[str, int, bool]] = []  # (tag, start-tag offset, hides its text)
        self.run: list[int] | None = None  # [start, end] of the current text run
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.comments: list[Comment] = []
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

    def tags(self) -> list[str]:
        return [t for t, _, _ in self.stack]

    def in_chrome(self) -> bool:
        tags = self.tags()
        if any(t in _CHROME_ALWAYS for t in tags):
            return True
        for i, t in enumerate(tags):
            if t in _CHROME_OUTSIDE_ARTICLE and not any(r in _CONTENT_ROOTS for r in tags[:i]):
                return True
        return False

    def flush(self) -> None:
        if self.run is None:
            return
        start, end = self.run
        self.run = None
        kind, level = PARAGRAPH, 0
        for tag in reversed(self.tags()):
            if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
                kind, level = HEADING, int(tag[1])
                break
            if tag in _KIND_BY_TAG:
                kind = _KIND_BY_TAG[tag]
                break
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
            self.email_boxes.append([s for t, s, _ in reversed(self.stack) if t in _BOX_TAGS])
        if tag in _VOID_TAGS:
            return
        hides = tag in _HIDDEN_TAGS
        self.stack.append((tag, start, hides))
        self.hidden += hides

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS and self.stack and self.stack[-1][0] == tag:
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
        if tag not in self.tags():
            return
        if tag in _BLOCK_TAGS:
            self.flush()
        while self.stack:
            open_tag, open_at, hides = self.stack.pop()
            self.hidden -= hides
            if open_tag in _BOX_TAGS:
                self.box_ends[open_at] = end
            if open_tag == tag:
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
    unclosed = [(t, s) for t, s, _ in p.stack if t not in _OPTIONAL_END]
    if unclosed and not problems:
        tag, at = unclosed[0]
        problems.append((Span(at, at + len(tag) + 1),
                         f"<{tag}> is never closed; the file may be truncated"))
    title = next((b for b in p.blocks if b.kind == TITLE), None)
    return Document(path=path, source=source, prose=p.masker.prose(), format="html",
                    blocks=p.blocks, meta=p.meta, meta_spans=p.meta_spans, links=p.links,
                    images=p.images, comments=p.comments, problems=problems, title=title,
                    email_fields=p.email_fields())
