"""The document model: exact positions, masking, blocks, words, sentences, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from contentlint.analyses import Context
from contentlint.document import BLOCKQUOTE, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, TITLE
from contentlint.parsers import parse
from contentlint.language.sentences import iter_sentences
from contentlint.language.words import count_words


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in iter_sentences(text, 0, len(text))]


def test_prose_keeps_source_offsets_in_every_format():
    for path, source in [
        ("a.md", "---\ntitle: X\n---\n# Head\n\nSome **bold** [link](http://x.org) `code`.\n"),
        ("a.html", "<html><head><style>p{}</style></head><body><p>Hi &amp; bye</p></body></html>"),
        ("a.txt", "Title\n<!-- note -->\nBody text here.\n"),
    ]:
        doc = parse(path, source)
        assert len(doc.prose) == len(doc.source)
        assert doc.prose.count("\n") == source.count("\n")


def test_html_positions_are_html_lines():
    source = ("<html>\n<head><title>T</title></head>\n<body>\n<nav><a href='/'>Home</a></nav>\n"
              "<article>\n<h1>Head</h1>\n<p>First para.</p>\n<p>Second\npara here.</p>\n</article></body></html>\n")
    doc = parse("page.html", source)
    second = [b for b in doc.blocks if doc.text(b).startswith("Second")][0]
    assert doc.line_col(second.start) == (8, 4)
    assert doc.text(second) == "Second para here."
    assert doc.title_text == "T"
    home = [b for b in doc.blocks if doc.text(b) == "Home"][0]
    assert home.chrome and home not in doc.body_blocks
    assert [doc.text(b) for b in doc.headings] == ["Head"]


def test_html_masks_scripts_styles_and_tags_and_decodes_entities():
    doc = parse("a.html", "<body><script>var words = 'many many';</script><p>Tom &amp; Jerry</p></body>")
    assert "var" not in doc.prose and "<p>" not in doc.prose
    assert doc.text(doc.body_blocks[0]) == "Tom & Jerry"
    assert Context(doc).word_count == 2


def test_html_article_header_is_not_chrome_but_page_header_is():
    doc = parse("a.html", "<body><header><p>Site</p></header><article><header><h1>Story</h1></header>"
                          "<p>Text.</p></article><footer><p>(c) Site</p></footer></body>")
    assert [doc.text(b) for b in doc.body_blocks] == ["Story", "Text."]


def test_html_meta_links_images_and_date():
    doc = parse("a.html", '<head><meta name="description" content="About it">'
                          '<meta property="article:published_time" content="2024-05-14T08:00:00Z"></head>'
                          '<body><p><a href="/x">read more</a> <img src="a.jpg"></p></body>')
    assert doc.meta["description"] == "About it"
    assert Context(doc).date.earliest == dt.date(2024, 5, 14)
    assert doc.links[0].text == "read more" and doc.links[0].target == "/x"
    assert doc.images[0].alt is None


def test_markdown_blocks_and_inline_masking():
    source = ("---\ntitle: Front title\ndate: 2024-05-14\n---\n# Heading one\n\n"
              "A para with **bold**, a [link](https://x.org \"t\") and `code`.\n\n"
              "- item one\n- item two\n\n> quoted words\n\n| a | b |\n|---|---|\n| c | d |\n\n```\ncode block\n```\n")
    doc = parse("a.md", source)
    kinds = [(b.kind, doc.text(b)) for b in doc.blocks]
    assert (HEADING, "Heading one") in kinds
    assert (PARAGRAPH, "A para with bold , a link and .") in kinds
    assert (LIST_ITEM, "item one") in kinds and (BLOCKQUOTE, "quoted words") in kinds
    assert (TABLE_CELL, "c") in kinds
    assert "code block" not in doc.prose and "https" not in doc.prose
    link = doc.links[0]
    assert link.text == "link" and link.target == "https://x.org"
    assert doc.source[link.span.start:link.span.end].startswith("[link](")
    assert doc.title_text == "Front title" and Context(doc).date.origin == "front matter"


def test_markdown_first_h1_is_the_title_without_front_matter():
    doc = parse("a.md", "# The title\n\nBody.\n\n# Second h1\n")
    assert doc.title_text == "The title"
    assert [b.level for b in doc.headings] == [1, 1]


def test_text_title_headings_and_one_paragraph_per_line():
    doc = parse("a.txt", "The title of it\nBy Staff · May 5, 2025\nFirst paragraph sentence one. Two.\n"
                         "A heading line\nSecond paragraph here.\n- a list item\n")
    kinds = [(b.kind, doc.text(b)) for b in doc.blocks]
    assert kinds[0] == (TITLE, "The title of it")
    assert (HEADING, "A heading line") in kinds
    assert (LIST_ITEM, "a list item") in kinds
    # The heading is not glued onto the next sentence.
    assert "A heading line Second" not in [doc.text(s) for s in Context(doc).sentences]
    assert Context(doc).date.earliest == dt.date(2025, 5, 5)


def test_text_first_line_that_is_a_sentence_is_not_a_title():
    doc = parse("a.txt", "Lentils are the workhorse of the kitchen, and they cook fast.\nMore text.\n")
    assert doc.title is None


def test_text_hard_wrapped_paragraph_is_one_block():
    doc = parse("a.txt", "Title\n\nThis paragraph was wrapped at seventy characters by an editor who\n"
                         "likes short lines, and it continues here.\n")
    assert [doc.text(b) for b in doc.body_blocks] == [
        "This paragraph was wrapped at seventy characters by an editor who likes short lines, and it continues here."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Dr. Smith arrived at 7 a.m. The meeting ran long.", ["Dr. Smith arrived at 7 a.m.", "The meeting ran long."]),
    ("He left the U.S. for good. Then he wrote.", ["He left the U.S. for good.", "Then he wrote."]),
    ("J. R. Smith paid $2.5 million. It was No. 5 on the list!",
     ["J. R. Smith paid $2.5 million.", "It was No. 5 on the list!"]),
    ('He said, "Stop." Then he left.', ['He said, "Stop."', "Then he left."]),
    ('"Why?" she asked. Nobody knew.', ['"Why?" she asked.', "Nobody knew."]),
    ("The U.S. Army and Mr. Jones met in Jan. 2020.", ["The U.S. Army and Mr. Jones met in Jan. 2020."]),
])
def test_sentence_segmenter(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "count"), [
    ("don't well-being U.S. 3,200 2.5", 5),
    ("cost — $40", 2),
    ("one,two three", 2),
    ("", 0),
])
def test_word_definition(text, count):
    assert count_words(text) == count


@pytest.mark.parametrize(("source", "expected"), [
    ("Title\nPublished: April 3, 2025 | Climate\nBody.", dt.date(2025, 4, 3)),
    ("Title\nBy Staff · 14 May 2024\nBody.", dt.date(2024, 5, 14)),
    ("Title\n*Posted March 2025 in Running*\nBody.", dt.date(2025, 3, 1)),
    ("Title\nWASHINGTON, May 14, 2024 — The summit, the first since 2016, opened on Tuesday with "
     "leaders from 20 countries and a long list of disputes that officials said would take days to work "
     "through, with trade, fisheries and border crossings at the top of the agenda for all of them.",
     dt.date(2024, 5, 14)),
])
def test_byline_dates(source, expected):
    assert Context(parse("a.txt", source)).date.earliest == expected


def test_unknown_date_stays_unknown():
    assert Context(parse("a.txt", "Title\nNo date anywhere here.\n")).date is None


def test_background_date_in_a_relative_clause_is_not_the_article_date():
    text = ("Title\nThe council said on Tuesday that the library, which opened on May 14, 2019, would close for "
            "repairs for most of the summer while crews replace the roof, the boiler and the old windows that "
            "have leaked for years, and that readers could use the branch on Elm Street in the meantime.\n")
    assert Context(parse("a.txt", text)).date is None


def test_a_dated_event_in_the_lede_dates_an_undated_article():
    text = ("Title\nThe county council voted on March 3, 2025, to close the old library on Elm Street after a "
            "long debate about the cost of repairs.\nThe library opened in 1962.\n")
    date = Context(parse("a.txt", text)).date
    assert (date.earliest, date.origin, date.line) == (dt.date(2025, 3, 3), "inferred", 2)
    assert date.latest <= dt.date(2025, 4, 3)
    assert date.describe() == "of about March 2025, inferred from line 2"


def test_newsroom_prose_keeps_quote_rules_quiet():
    """Twenty properly attributed quotations in newsroom style: surname, role and pronoun
    speakers, quotes split around "she said", statements introduced by a colon."""
    from pathlib import Path

    from contentlint import check_text

    text = (Path(__file__).parent / "fixtures" / "newsroom.txt").read_text(encoding="utf-8")
    assert [d.message for d in check_text(text, "newsroom.txt", select=["quote"])] == []
