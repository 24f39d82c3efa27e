"""Markdown articles (``.md``): CommonMark (+ tables) via markdown-it-py, YAML front matter.

markdown-it gives each block its source lines; inside those lines the inline
markup (emphasis markers, link targets, code spans, HTML tags) is masked so the
text that remains sits at its source offsets.
"""

from __future__ import annotations

import re

from contentlint.document import (
    BLOCKQUOTE, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document, Image, Link, Span,
)
from contentlint.language import lazy_re
from contentlint.language.words import count_words
from contentlint.parsers.masking import Masker, mask_comments

_FRONT_MATTER_RE = lazy_re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_CONTAINER_MARK_RE = lazy_re.compile(r"[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)")
_ATX_RE = lazy_re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE_RE = lazy_re.compile(r"[ \t]+#+[ \t]*$")
# Inline patterns scan no further than the next bracket or angle bracket, and a code span no further
# than _CODE_SPAN_MAX characters: a pattern that scans to the end from every "[" or "<a" of a page
# made of them costs time with the square of its length.
# An inline destination, as CommonMark has it: <in angle brackets> (spaces allowed), or bare with
# parentheses balanced (one level: wiki/Foo_(bar)) or escaped; then an optional "title", 'title'
# or (title). Groups: the angle form's target, the bare one's.
_DESTINATION = r"""\(\s*(?:<([^<>\n]*)>|((?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*))""" \
               r"""(?:\s+(?:"(?:[^"\\\[\]]|\\.)*"|'(?:[^'\\\[\]]|\\.)*'|\((?:[^()\\\[\]]|\\.)*\)))?\s*\)"""
_IMAGE_RE = lazy_re.compile(r"!\[([^\[\]]*)\]" + _DESTINATION)
_LINK_RE = lazy_re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:" + _DESTINATION + r"|\[([^\[\]]*)\])")
_AUTOLINK_RE = lazy_re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_CODE_SPAN_MAX = 2_000
_CODE_SPAN_RE = lazy_re.compile(r"(`+)(?!`).{1,%d}?(?<!`)\1(?!`)" % _CODE_SPAN_MAX, re.S)
_TAG_RE = lazy_re.compile(r"</?[A-Za-z][^<>]*>")
_EMPHASIS_RE = lazy_re.compile(r"(?<![\w*~])[*_~]{1,3}(?=\S)|(?<=\S)[*_~]{1,3}(?![\w*~])")
_ESCAPE_RE = lazy_re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_TABLE_DELIM_RE = lazy_re.compile(r"(?<!\\)\|")

# Markdown that is not an article's markup is read as plain text, with a CL901 finding: markdown-it-py
# spends 7 s a megabyte on a page of "[", and more on containers nested past its limit.
_ABSURD_MIN_CHARS = 10_000  # a smaller file parses fast whatever it holds
# Links open with "[": the most in the labeled sets' and samples' Markdown is one for every 190 words,
# and even a list of links has one for every 4 or so.
_MAX_BRACKETS_PER_WORD = 0.5
_MAX_NESTING = 20  # markdown-it's maxNesting: deeper containers are past what it represents
_TOO_DEEP_RE = lazy_re.compile(r"^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])){%d}" % (_MAX_NESTING + 1), re.M)
_FRONT_MATTER_MAX_BYTES = 64 * 1024  # front matter is a few fields; more is a mistake, or an attack on the parser
_TEXT_KEYS = ("title", "description", "date", "published", "pubDate", "publishDate", "published_at")
_SCALAR_TAGS = ("int", "float", "bool", "timestamp")

_md = None
_loader = None


def _text_loader():
    """PyYAML's safe loader with every scalar kept as its text: dates and numbers are read, leniently
    and bounded, by the analyses that need them ("2024-02-30" or a 5,000-digit number is no crash)."""
    global _loader
    if _loader is None:
        import yaml

        class TextLoader(yaml.SafeLoader):
            pass

        for tag in _SCALAR_TAGS:
            TextLoader.add_constructor(f"tag:yaml.org,2002:{tag}", lambda loader, node: loader.construct_scalar(node))
        TextLoader.add_constructor("tag:yaml.org,2002:null", lambda loader, node: "")
        _loader = TextLoader
    return _loader


def _parser():
    global _md
    if _md is None:
        from markdown_it import MarkdownIt

        # Only the block structure is read; inline markup is masked by `_Builder.inline`, so
        # markdown-it's inline pass (half its time, a tree per paragraph or cell) is not run.
        _md = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
    return _md


def _front_matter(source: str, masker: Masker, doc_meta: dict, meta_spans: dict) -> list[tuple[Span, str]]:
    m = _FRONT_MATTER_RE.match(source)
    if not m:
        return []
    masker.mask(0, m.end())
    import yaml

    if len(m.group(0)) > _FRONT_MATTER_MAX_BYTES:
        return [(Span(0, 3), f"front matter is over {_FRONT_MATTER_MAX_BYTES // 1024} KB; its fields were ignored")]
    try:
        data = yaml.load(m.group(1) or "", Loader=_text_loader()) or {}
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0]
        return [(Span(0, 3), f"front matter is not valid YAML ({first}); its fields were ignored")]
    except RecursionError:
        return [(Span(0, 3), "front matter is nested too deep to read; its fields were ignored")]
    if not isinstance(data, dict):
        return [(Span(0, 3), "front matter is not a YAML mapping; its fields were ignored")]
    problems = []
    for key, value in data.items():
        key = str(key)
        if isinstance(value, (list, dict)) and key in _TEXT_KEYS:
            problems.append((Span(0, 3), f"front matter '{key}' is a {type(value).__name__}, not text; it was ignored"))
            continue
        doc_meta[key] = value if isinstance(value, (list, dict)) else str(value)
        km = re.search(rf"^{re.escape(key)}[ \t]*:", m.group(0), re.M)
        if km:
            line_end = source.find("\n", km.start())
            meta_spans[key] = Span(km.start(), line_end if line_end != -1 else m.end())
    if "date" not in doc_meta:
        for alias in ("published", "pubDate", "publishDate", "published_at"):
            if alias in doc_meta:
                doc_meta["date"] = doc_meta[alias]
                break
    doc_meta["date_origin"] = "front matter"
    return problems


class _Builder:
    def __init__(self, source: str, masker: Masker, line_starts: list[int], references: dict) -> None:
        self.source, self.masker, self.starts, self.refs = source, masker, line_starts, references
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.images: list[Image] = []

    def line_range(self, first: int, last: int) -> tuple[int, int]:
        """Offsets of 0-based lines ``first`` to ``last`` (exclusive), without the final newline."""
        start = self.starts[first]
        end = self.starts[last] - 1 if last < len(self.starts) else len(self.source)
        return start, max(start, end)

    def mask_lines(self, first: int, last: int) -> None:
        self.masker.mask(*self.line_range(first, last))

    def mask_prefix(self, first: int, last: int, pattern: re.Pattern, repeat: bool) -> None:
        for line in range(first, last):
            start, end = self.line_range(line, line + 1)
            pos = start
            while True:
                m = pattern.match(self.source, pos, end)
                if not m or m.end() == pos:
                    break
                self.masker.mask(pos, m.end())
                pos = m.end()
                if not repeat:
                    break

    def inline(self, start: int, end: int) -> None:
        """Mask inline markup in ``source[start:end]``, recording links and images."""
        src, masker = self.source, self.masker
        for m in _CODE_SPAN_RE.finditer(src, start, end):
            masker.mask(m.start(), m.end())
        for m in _IMAGE_RE.finditer(src, start, end):
            masker.mask(m.start(), m.end())
            self.images.append(Image(m.group(1), _target(m), Span(m.start(), m.end())))
        for m in _LINK_RE.finditer(src, start, end):
            if src[m.start() - 1:m.start()] == "!" or masker.chars[m.start()] == " ":
                continue
            target = _target(m)
            if target is None:
                ref = (m.group(4) or m.group(1)).strip().upper()
                ref_entry = self.refs.get(ref) or self.refs.get(" ".join(ref.split()))
                if ref_entry is None:
                    continue  # plain brackets, not a link
                target = ref_entry.get("href", "")
            text_start, text_end = m.start() + 1, m.start() + 1 + len(m.group(1))
            masker.mask(m.start(), text_start)
            masker.mask(text_end, m.end())
            self.links.append(Link(" ".join(m.group(1).split()), target, Span(m.start(), m.end())))
        for m in _AUTOLINK_RE.finditer(src, start, end):
            if masker.chars[m.start()] == " ":
                continue  # a link's <destination>, masked with its link
            masker.mask(m.start(), m.start() + 1)
            masker.mask(m.end() - 1, m.end())
            self.links.append(Link(m.group(1), m.group(1), Span(m.start(), m.end())))
        for regex in (_TAG_RE, _EMPHASIS_RE, _ESCAPE_RE):
            for m in regex.finditer(src, start, end):
                masker.mask(m.start(), m.end())

    def add_block(self, kind: str, start: int, end: int, level: int = 0) -> None:
        prose = "".join(self.masker.chars[start:end])
        stripped = prose.strip()
        if stripped:
            lead = len(prose) - len(prose.lstrip())
            self.blocks.append(Block(kind, start + lead, start + lead + len(stripped), level))


def _target(m: re.Match) -> str | None:
    """An inline link's or image's destination, from its angle or bare form (None: neither)."""
    return m.group(2) if m.group(2) is not None else m.group(3)


def _absurd(source: str) -> str | None:
    """Why ``source`` is not an article's Markdown, or None."""
    if len(source) < _ABSURD_MIN_CHARS:
        return None
    brackets, words = source.count("["), count_words(source)
    if brackets > _MAX_BRACKETS_PER_WORD * words:
        return f"{brackets:,} brackets for {words:,} words"
    if _TOO_DEEP_RE.search(source):
        return f"quotes or lists are nested over {_MAX_NESTING} deep"
    return None


def parse_markdown(path: str, source: str) -> Document:
    reason = _absurd(source)
    if reason:
        from contentlint.parsers.text import parse_text

        doc = parse_text(path, source)
        doc.problems.append((Span(0, 0), f"this is not an article's Markdown ({reason}): it was read as plain text"))
        return doc
    masker = Masker(source)
    comments = mask_comments(source, masker)
    meta: dict = {}
    meta_spans: dict = {}
    problems = _front_matter(source, masker, meta, meta_spans)
    env: dict = {}
    tokens = _parser().parse(masker.prose(), env)
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    b = _Builder(source, masker, starts, env.get("references", {}))

    containers: list[str] = []
    heading_level = 0
    for i, tok in enumerate(tokens):
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open", "list_item_open"):
            if t == "list_item_open":
                containers.append(LIST_ITEM)
        elif t == "list_item_close" or t == "blockquote_close":
            containers.pop()
        elif t == "blockquote_open":
            containers.append(BLOCKQUOTE)
        elif t in ("fence", "code_block", "html_block", "hr") and tok.map:
            b.mask_lines(*tok.map)
        elif t == "heading_open":
            heading_level = int(tok.tag[1])
        elif t == "tr_open" and tok.map:
            first, last = tok.map
            b.mask_prefix(first, last, _CONTAINER_MARK_RE, repeat=True)
            start, end = b.line_range(first, last)
            b.inline(start, end)
            cell_start = start
            for m in list(_TABLE_DELIM_RE.finditer(source, start, end)) + [None]:
                cell_end = m.start() if m else end
                b.add_block(TABLE_CELL, cell_start, cell_end)
                if m:
                    masker.mask(m.start(), m.end())
                    cell_start = m.end()
        elif t == "thead_open" and tok.map:
            b.mask_lines(tok.map[0] + 1, tok.map[0] + 2)  # the |---|---| delimiter row
        elif t == "inline" and tok.map and tokens[i - 1].type in ("paragraph_open", "heading_open"):
            first, last = tok.map
            if containers:
                b.mask_prefix(first, last, _CONTAINER_MARK_RE, repeat=True)
            if heading_level:
                if tokens[i - 1].markup in ("=", "-"):  # setext: mask the underline
                    b.mask_lines(last - 1, last)
                    last -= 1
                else:
                    b.mask_prefix(first, last, _ATX_RE, repeat=False)
                    start, end = b.line_range(first, last)
                    close = _ATX_CLOSE_RE.search(source, start, end)
                    if close:
                        masker.mask(close.start(), close.end())
            start, end = b.line_range(first, last)
            b.inline(start, end)
            if heading_level:
                b.add_block(HEADING, start, end, heading_level)
            else:
                b.add_block(containers[-1] if containers else PARAGRAPH, start, end)
        elif t == "heading_close":
            heading_level = 0

    title = next((blk for blk in b.blocks if blk.kind == HEADING and blk.level == 1), None)
    if "title" in meta:
        title = None  # front matter names the title; the H1 stays a heading
    return Document(path=path, source=source, prose=masker.prose(), format="markdown",
                    blocks=b.blocks, meta=meta, meta_spans=meta_spans, links=b.links,
                    images=b.images, comments=comments, problems=problems, title=title)

