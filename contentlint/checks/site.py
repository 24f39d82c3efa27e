"""Site-wide SEO: duplicate titles and meta descriptions, near-duplicate articles.

Run over every article checked together. Near-duplicates are found with a bottom-k
MinHash sketch of each article's 5-word shingles (the k smallest shingle hashes) and an
inverted index from hash to articles, so the work grows with the number of articles,
not with the number of pairs; only articles that share sketch hashes are compared.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.analyses import Context
from contentlint.language import lazy_re
from contentlint.rule import Related, Severity, SiteFinding, SiteRule

SHINGLE = 5  # words per shingle
SKETCH = 64  # hashes kept per article
NEAR_DUPLICATE = 0.8  # estimated Jaccard similarity of shingles
_MAX_POSTINGS = 200  # a hash shared by more articles is template text, not a signal
_MIN_WORDS = 50
# A scraped page's first line is often a navigation label, not a title.
_NAVIGATION_RE = lazy_re.compile(r"^(?:skip to|jump to|sign in|log in|subscribe|search|menu|home|close|news|about|"
                                 r"blog|articles|resources|products?)\b", re.I)


@dataclass(frozen=True)
class Page:
    """What the site-wide checks need of one article, with positions already placed."""

    path: str
    title: str
    title_at: tuple[int, int]
    description: str
    description_at: tuple[int, int]
    sketch: array  # of 32-bit hashes ("L": at least 4 bytes each): 600 bytes an article, where a frozenset took 4 KB
    words: int


def page(ctx: Context) -> Page:
    doc = ctx.doc
    title = (doc.title_text or "").strip()
    title_span = doc.title.span if doc.title is not None else doc.meta_spans.get("title")
    desc = doc.meta.get("description")
    desc = desc.strip() if isinstance(desc, str) else ""
    desc_span = doc.meta_spans.get("description")
    words = [w.lower() for w in ctx.words]
    shingles = {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode("utf-8"))
                for i in range(len(words) - SHINGLE + 1)}
    return Page(doc.path, title, doc.line_col(title_span.start) if title_span else (1, 1), desc,
                doc.line_col(desc_span.start) if desc_span else (1, 1),
                array("L", sorted(heapq.nsmallest(SKETCH, shingles))), len(words))


def similarity(a: array, b: array) -> float:
    """Bottom-k estimate of the Jaccard similarity of two articles' shingle sets."""
    a, b = set(a), set(b)
    union = heapq.nsmallest(SKETCH, a | b)
    return sum(h in a and h in b for h in union) / len(union) if union else 0.0


def _same_field(pages: list[Page], field: str, at: str, what: str) -> Iterator[SiteFinding]:
    """Articles whose ``field`` (title, description) repeats an earlier article's."""
    first: dict[str, Page] = {}
    for p in pages:
        value = getattr(p, field).lower()
        if not value or _NAVIGATION_RE.match(value):
            continue
        if value in first:
            other = first[value]
            oline, ocol = getattr(other, at)
            yield SiteFinding(p.path, *getattr(p, at), f"{what} '{getattr(p, field)[:60]}' is also the {what} "
                              f"of {other.path}", (Related("the other article", path=other.path, line=oline,
                                                           column=ocol),))
        else:
            first[value] = p


_MAX_BUCKETS = 1 << 26  # a byte each: at most 64 MB, whatever the number of articles


def _spread(pages: list[Page]) -> Counter:
    """How many of ``pages`` hold each sketch hash that more than one of them may hold. Most
    hashes are in one article only, and an exact count of every hash took 400 MB at 100,000
    articles; so hashes are first tallied into a table of small counters (about eight buckets
    a hash), and only those not alone in their bucket are counted exactly."""
    size = min(_MAX_BUCKETS, 1 << max(10, (8 * SKETCH * len(pages)).bit_length()))
    mask, buckets = size - 1, bytearray(size)
    for p in pages:
        for h in p.sketch:
            if buckets[h & mask] < 2:
                buckets[h & mask] += 1
    return Counter(h for p in pages for h in p.sketch if buckets[h & mask] > 1)


def _near_duplicates(pages: list[Page]) -> Iterator[SiteFinding]:
    """Later articles that share most of their sketch with an earlier one. Each article is compared
    with the earlier ones it shares hashes with, found through an index of the earlier articles'
    sketches, so memory holds the index and one article's candidates, not every pair."""
    spread = _spread([p for p in pages if p.words >= _MIN_WORDS])  # a hash in too many articles is template text
    index: dict[int, list[int]] = defaultdict(list)
    for j, p in enumerate(pages):
        if p.words < _MIN_WORDS:
            continue
        signal = [h for h in p.sketch if 1 < spread[h] <= _MAX_POSTINGS]
        shared = Counter(i for h in signal for i in index[h])
        for i in sorted(i for i, count in shared.items() if count >= SKETCH * NEAR_DUPLICATE / 2):
            score = similarity(pages[i].sketch, p.sketch)
            if score >= NEAR_DUPLICATE:
                yield SiteFinding(p.path, 1, 1, f"near-duplicate of {pages[i].path}: about {score:.0%} of "
                                  f"their 5-word phrases are shared",
                                  (Related("the other article", path=pages[i].path, line=1, column=1),))
                break
        for h in signal:
            index[h].append(j)


class _PageRule(SiteRule):
    """The site-wide SEO rules share one :class:`Page` of each article."""

    gather_key = "page"

    def gather(self, ctx: Context) -> Page:
        return page(ctx)

    def encode(self, gathered: Page) -> dict:
        return {**dataclasses.asdict(gathered), "sketch": gathered.sketch.tolist()}

    def decode(self, data: dict) -> Page:
        return Page(data["path"], data["title"], tuple(data["title_at"]), data["description"],
                    tuple(data["description_at"]), array("L", data["sketch"]), data["words"])


class DuplicateTitle(_PageRule):
    """Two articles checked together have the same title.

    ## Why it matters
    Search engines show one of two pages with the same title and drop the other;
    readers cannot tell them apart in results.

    ## Fails
    ```
    a.md: # Council passes budget        b.md: # Council passes budget
    ```

    ## Passes
    ```
    a.md: # Council passes budget        b.md: # Mayor signs the budget
    ```
    """

    code = "CL612"
    name = "duplicate-title"
    category = "seo"
    severity = Severity.WARNING

    def check_site(self, gathered: list[Page]) -> Iterator[SiteFinding]:
        return _same_field(gathered, "title", "title_at", "title")


class DuplicateMetaDescription(_PageRule):
    """Two articles checked together have the same meta description.

    ## Why it matters
    A copied description tells search engines the pages are interchangeable.

    ## Fails
    ```
    a.html and b.html: <meta name="description" content="The latest news from the council.">
    ```

    ## Passes
    ```
    each page describes itself
    ```
    """

    code = "CL613"
    name = "duplicate-meta-description"
    category = "seo"
    severity = Severity.WARNING

    def check_site(self, gathered: list[Page]) -> Iterator[SiteFinding]:
        return _same_field(gathered, "description", "description_at", "meta description")


class NearDuplicate(_PageRule):
    """Two articles checked together are near-duplicates (most of their 5-word phrases shared).

    Estimated with bottom-k MinHash sketches of 5-word shingles; reported at 80 %
    estimated similarity or more, on the later article.

    ## Why it matters
    Duplicate content splits ranking between the copies and is a sign of a
    republished or spun article.

    ## Fails
    ```
    b.txt repeats a.txt with a new headline and two sentences changed
    ```

    ## Passes
    ```
    two articles on the same subject, written separately
    ```
    """

    code = "CL614"
    name = "near-duplicate"
    category = "seo"
    severity = Severity.WARNING

    def check_site(self, gathered: list[Page]) -> Iterator[SiteFinding]:
        return _near_duplicates(gathered)
