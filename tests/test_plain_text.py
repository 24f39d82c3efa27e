"""The plain text sent to grammar checkers: markup removed, and every offset mapped back to the source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.analyses.plain_text import BLOCK_BREAK, PlainText
from contentlint.parsers import parse

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*.*"))
WORDS = ["council", "budget", "AT", "T", "it", "s", "Tuesday", "3,200", "said", "the", "vote", "well-being"]
PUNCTUATION = [",", ".", ";", ":", "!", "?", "(", ")", "’", "“", "”", "—"]
HTML_INLINE = ["<b>", "</b>", "<em>", "</em>", '<a href="/x" class="a b">', "</a>", "<br>", "<!-- note -->",
               '<span title="x > y">', "</span>", '<img src="v.jpg" alt="the vote">']
SEPARATING = re.compile(r"<(?:br|img)\b")  # the elements above that stand between words as a break
HTML_ENTITIES = ["&amp;", "&rsquo;", "&nbsp;", "&#8220;", "&quot;", "&mdash;", "&lt;"]
MD_INLINE = ["**", "*", "_", "`code`", "[the report](https://example.com/a_(b))", "[link](https://example.com/x)",
             "![alt text](img.png)", "<b>", "</b>"]


def _paragraphs(inline: list[str]):
    piece = st.sampled_from(WORDS) | st.sampled_from(PUNCTUATION) | st.sampled_from(inline) | st.sampled_from([" ", "\n"])
    return st.lists(st.lists(piece, min_size=1, max_size=30).map("".join), min_size=1, max_size=4)


html_docs = _paragraphs(HTML_INLINE + HTML_ENTITIES).map(
    lambda ps: "<html><body><article><h1>Budget</h1>\n" + "\n".join(f"<p>{p}</p>" for p in ps) + "</article></body></html>\n")
markdown_docs = _paragraphs(MD_INLINE).map(lambda ps: "# Budget\n\n" + "\n\n".join(p.replace("\n", " ") for p in ps) + "\n")


def plain_of(path: str, source: str) -> tuple:
    doc = parse(path, source)
    return doc, PlainText(doc, doc.blocks)


def _visible(text: str) -> str:
    return re.sub(r"\s", "", text)


def assert_maps_back(doc, plain: PlainText) -> None:
    text = plain.text
    own = [i for i, c in enumerate(text) if not c.isspace()]
    mapped = [plain.to_source(i) for i in own]
    # every character sent is the prose's own, at the place it maps to, in order
    assert all(doc.prose[s] == text[i] for i, s in zip(own, mapped))
    assert mapped == sorted(set(mapped))
    # nothing visible is lost or added
    assert _visible(text) == "".join(_visible(doc.prose[b.start:b.end]) for b in doc.blocks)
    # markup never reads as a run of spaces, nor as a space before punctuation the source does not
    # have (white space outside tags, or a line break or image)
    assert "  " not in text.replace(BLOCK_BREAK, "\n")
    for m in re.finditer(r" (?=[,.;:!?)])", text):
        gap_start = plain.to_source(m.start())
        gap_end = plain.to_source(m.start() + 1)
        gap = doc.source[gap_start:gap_end]
        decoded = re.search(r"[^\S ]", doc.prose[gap_start:gap_end])  # &nbsp;
        outside_tags = re.sub(r"""<(?:"[^"]*"|[^">])*>""", "", gap)
        assert decoded or re.search(r"\s", outside_tags) or SEPARATING.search(gap), text
    # a span of the text maps to the source span holding the same visible text (in the blocks sent)
    for a, b in zip(own[::7], own[3::7]):
        span = plain.source_span(a, b + 1)
        held = "".join(_visible(doc.prose[max(k.start, span.start):min(k.end, span.end)]) for k in doc.blocks)
        assert held == _visible(text[a:b + 1])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_map_back(path):
    assert_maps_back(*plain_of(path.name, path.read_text(encoding="utf-8")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=html_docs)
def test_html_with_tags_and_entities_maps_back(source):
    assert_maps_back(*plain_of("a.html", source))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=markdown_docs)
def test_markdown_with_links_maps_back(source):
    assert_maps_back(*plain_of("a.md", source))


@pytest.mark.parametrize(("path", "source", "text"), [
    ("a.html", "<p>AT&amp;T said it&rsquo;s <em>pleased</em>.</p>", "AT&T said it’s pleased."),
    ("a.html", '<p>The vote (<a href="/v" class="x y">seven to two</a>) came&nbsp;late, <b>said</b> Ann.</p>',
     "The vote (seven to two) came late, said Ann."),
    ("a.html", "<p>Line one<br>line two.</p>", "Line one line two."),
    ("a.html", '<p>They met on Tuesday.<br>The vote <b>passed</b>.<img src="v.jpg">It was late.</p>',
     "They met on Tuesday. The vote passed. It was late."),
    ("a.html", '<p>It passed<a href="/v" title="7 > 2">.</a> Ann<!-- a <br> note -->, 71, spoke.</p>',
     "It passed. Ann, 71, spoke."),
    ("a.md", "See [the report](https://example.com/a_(b)), **then** vote.\n", "See the report, then vote."),
    ("a.txt", "Budget\nThe council   met.\n\nIt voted.\n", "Budget\n\nThe council met.\n\nIt voted."),
])
def test_markup_is_removed_not_spaced(path, source, text):
    assert plain_of(path, source)[1].text == text


def test_a_span_across_markup_covers_it_in_the_source():
    source = '<p>The council will vote on <a href="/b">the</a> the budget.</p>'
    doc, plain = plain_of("a.html", source)
    start = plain.text.index("the the")
    span = plain.source_span(start, start + len("the the"))
    assert source[span.start:span.end] == "the</a> the"


def test_the_context_builds_the_articles_plain_text_once():
    from contentlint.analyses import Context

    doc = parse("a.html", "<html><body><nav><p>Home</p></nav><article><h1>Budget</h1>\n"
                          "<p>The council <b>voted</b>.</p></article></body></html>\n")
    ctx = Context(doc)
    assert ctx.plain_text.text == "Budget\n\nThe council voted." and ctx.plain_text is ctx.plain_text
