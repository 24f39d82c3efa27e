"""What a page tells crawlers and browsers about itself: indexing, its canonical URL, its language, its viewport.

Read from the tags of an HTML page's head (``doc.tags``) or, in Markdown, from front matter
(``robots``, ``noindex``, ``canonical``) that a site generator turns into those tags. Sources:
Google Search Central on robots meta tags and on ``rel="canonical"`` (one per page, an absolute
URL, not combined with ``noindex``); Lighthouse's ``html-has-lang``, ``html-lang-valid`` and
``viewport`` audits (WCAG 3.1.1; a page without a viewport is laid out at desktop width on a
phone).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from contentlint.analyses import Context
from contentlint.checks.page_head import Declared, canonical_urls, first_line, front_matter_span, meta_tags
from contentlint.checks.seo import url_scheme
from contentlint.document import Document, Tag
from contentlint.language import lazy_re
from contentlint.rule import Finding, Rule, Severity

_ROBOTS_NAMES = ("robots", "googlebot")  # meta names Google reads robots directives from
_TRUE = frozenset({"true", "yes", "1"})
_DIRECTIVE_RE = lazy_re.compile(r"[\s,]+")
# BCP 47's shape: a 2-3 letter language then subtags ("en", "en-GB", "zh-Hant-TW"), or a private
# ("x-klingon") or grandfathered ("i-navajo") tag. The 4-8 letter primary subtags BCP 47 reserves
# are registered for no language, so "english" (the commonest mistake) is no tag.
_LANGUAGE_TAG_RE = lazy_re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*|[xi](?:-[a-z0-9]{1,8})+", re.I)
_VIEWPORT_WIDTH_RE = lazy_re.compile(r"\b(?:width|initial-scale)\s*=", re.I)
# A relative canonical whose first part reads as a host ("example.org/story", "www.example.org"):
# a full URL that lost its https://, and so points inside the page's own folder.
_HOST_LIKE_RE = lazy_re.compile(r"www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?!html?/|php/|aspx?/)[a-z]{2,}/", re.I)
_INSTANT_REDIRECT_RE = lazy_re.compile(r"\s*0+(?:\.0*)?\s*(?:[;,]|$)")  # <meta http-equiv="refresh" content="0; URL=…">


def _is_page(doc: Document) -> bool:
    """A full HTML page (a doctype, ``<html>`` or ``<head>``), not a fragment of one, that is shown:
    a page that redirects at once (``<meta http-equiv="refresh" content="0; URL=…">``) is never read."""
    return doc.format == "html" and any(t.name in ("!doctype", "html", "head") for t in doc.tags) and not any(
        t.name == "meta" and (t.get("http-equiv") or "").lower() == "refresh"
        and _INSTANT_REDIRECT_RE.match(t.get("content") or "") for t in doc.tags)


def _tag(doc: Document, name: str) -> Tag | None:
    return next((t for t in doc.tags if t.name == name), None)


def _robots_directives(doc: Document) -> list[Declared]:
    """Robots directives: ``<meta name="robots">`` (or ``googlebot``), front matter ``robots``,
    or front matter ``noindex: true``."""
    found = [Declared(t.get("content") or "", t.span) for t in meta_tags(doc, *_ROBOTS_NAMES)]
    robots = doc.meta.get("robots")
    values = robots if isinstance(robots, list) else [robots] if isinstance(robots, str) else []
    found += [Declared(v, front_matter_span(doc, "robots")) for v in values if isinstance(v, str)]
    if str(doc.meta.get("noindex", "")).strip().lower() in _TRUE:
        found.append(Declared("noindex", front_matter_span(doc, "noindex")))
    return found


def _is_noindex(directive: str) -> bool:
    """``noindex`` or ``none`` among comma-separated directives (a ``googlebot:`` prefix allowed)."""
    return any(token.rsplit(":", 1)[-1] in ("noindex", "none")
               for token in _DIRECTIVE_RE.split(directive.lower()) if token)


class Noindex(Rule):
    """The page asks search engines not to index it, or asks that and names a canonical URL too.

    ``<meta name="robots" content="noindex">`` (``none``, or ``googlebot``), front matter
    ``robots: noindex`` or ``noindex: true``. Alone it is ``info``: an article kept in the
    content repository is usually meant to be found, but a thank-you page or a draft may
    not be. With a canonical URL as well it is a ``warning``: the canonical says "index
    this address", the robots tag says "index nothing", and Google advises against
    combining them.

    ## Why it matters
    A ``noindex`` left over from staging or a template keeps an article out of search
    for as long as nobody looks at the page's head.

    ## Fails
    ```
    <head><meta name="robots" content="noindex, follow">
    <link rel="canonical" href="https://example.org/news/ferry-schedule"></head>
    ```

    ## Passes
    ```
    <head><meta name="robots" content="index, follow"></head>
    ```
    """

    code = "CL616"
    name = "noindex"
    category = "seo"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        noindex = next((d for d in _robots_directives(doc) if _is_noindex(d.value)), None)
        if noindex is None:
            return
        canonical = next((c for c in canonical_urls(doc) if c.value.strip()), None)
        if canonical is not None:
            yield Finding(noindex.span, f"'noindex' and a canonical URL ({canonical.value.strip()[:60]}) send "
                                        "conflicting signals: keep the one you mean")
        else:
            yield Finding(noindex.span, "this page asks search engines not to index it ('noindex'): remove "
                                        "the directive if the article should be found in search",
                          severity=Severity.INFO)


class CanonicalLink(Rule):
    """More than one canonical URL, or one that is empty, relative or not a web address.

    ``<link rel="canonical">`` in HTML; front matter ``canonical``, ``canonical_url`` or
    ``canonicalURL`` in Markdown. Several that disagree are a warning (Google then
    ignores them all); one repeated is ``info``. An empty URL, a scheme other than
    http(s), or a path relative to the page's folder (``example.org/story`` without
    ``https://`` is one) is a warning; a path from the site's root (``/news/story``) is
    ``info``: it works, but Google recommends absolute URLs, and a copy of the page
    on another host then claims that host's address.

    ## Why it matters
    The canonical URL tells search engines which address to rank among copies of a page;
    a wrong one sends the page's ranking to an address that does not exist.

    ## Fails
    ```
    <link rel="canonical" href="example.org/news/ferry-schedule">
    ```

    ## Passes
    ```
    <link rel="canonical" href="https://example.org/news/ferry-schedule">
    ```
    """

    code = "CL617"
    name = "canonical-link"
    category = "seo"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        found = canonical_urls(ctx.doc)
        for c in found:
            url = c.value.strip()
            scheme = url_scheme(url)
            if not url:
                yield Finding(c.span, "empty canonical URL: give the page's full address")
            elif scheme and scheme not in ("http", "https"):
                yield Finding(c.span, f"canonical URL '{url[:60]}' is not a web address (http or https)")
            elif not scheme and _HOST_LIKE_RE.match(url):
                yield Finding(c.span, f"canonical URL '{url[:60]}' has no https://, so it points inside the "
                                      "page's own folder: write it in full")
            elif not scheme and not url.startswith("//"):
                yield Finding(c.span, f"canonical URL '{url[:60]}' is relative: Google follows it but recommends "
                                      "the full address, with https://", severity=Severity.INFO)
        first = found[0].value.strip() if found else ""
        for c in found[1:]:
            if c.value.strip() == first:
                yield Finding(c.span, "the canonical URL is given twice: keep one", severity=Severity.INFO)
            else:
                yield Finding(c.span, f"{len(found)} canonical URLs that disagree ({first[:40]}, "
                                      f"{c.value.strip()[:40]}): search engines ignore them all; keep one")


class HtmlLang(Rule):
    """A full HTML page whose ``<html>`` element does not say the page's language, or says it wrongly.

    Only full pages (a doctype, ``<html>`` or ``<head>``): a fragment is not a page.
    ``lang`` (or ``xml:lang``) must be a language tag (BCP 47: ``en``, ``en-GB``), so
    ``en_US`` and ``english`` are reported; a well-formed tag is not checked against the
    registry. At ``info``: the ``<html>`` element comes from the site's template, so an
    omission there is the same on every page, and a warning on each article of an export
    would bury what is wrong with the articles themselves; fix it once in the template
    (``severity = {CL618 = "warning"}`` where the pages are written by hand).

    ## Why it matters
    Screen readers pick their voice and pronunciation from it, browsers their hyphenation
    and translation offers, search engines a signal of the page's language (Lighthouse's
    ``html-has-lang`` and ``html-lang-valid``; WCAG 3.1.1).

    ## Fails
    ```
    <!DOCTYPE html>
    <html><head><title>Ferry schedule</title></head>
    ```

    ## Passes
    ```
    <!DOCTYPE html>
    <html lang="en"><head><title>Ferry schedule</title></head>
    ```
    """

    code = "CL618"
    name = "html-lang"
    category = "seo"
    severity = Severity.INFO

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        if not _is_page(doc):
            return
        html = _tag(doc, "html")
        lang = ((html.get("lang") or html.get("xml:lang") or "") if html else "").strip()
        span = html.span if html else first_line(doc)
        if not lang:
            yield Finding(span, 'the page does not say its language: add lang to <html>, e.g. <html lang="en">')
        elif not _LANGUAGE_TAG_RE.fullmatch(lang):
            yield Finding(span, f"lang '{lang[:30]}' is not a language tag: write it as 'en' or 'en-US'")


class Viewport(Rule):
    """A full HTML page with no ``<meta name="viewport">``, or one that sets neither width nor scale.

    Only full pages (a doctype, ``<html>`` or ``<head>``): a fragment is not a page.
    Lighthouse's ``viewport`` audit: the tag must set ``width`` or ``initial-scale``.
    At ``info``, as CL618: the page's head is the template's, the same omission on every
    page, to be fixed once there.

    ## Why it matters
    Without it a phone lays the page out at desktop width and shrinks it, so the text is
    too small to read; Google indexes the mobile page first.

    ## Fails
    ```
    <!DOCTYPE html>
    <html lang="en"><head><title>Ferry schedule</title></head>
    ```

    ## Passes
    ```
    <!DOCTYPE html>
    <html lang="en"><head><title>Ferry schedule</title>
    <meta name="viewport" content="width=device-width, initial-scale=1"></head>
    ```
    """

    code = "CL619"
    name = "viewport"
    category = "seo"
    severity = Severity.INFO

    def check(self, ctx: Context) -> Iterator[Finding]:
        doc = ctx.doc
        if not _is_page(doc):
            return
        viewport = meta_tags(doc, "viewport")
        if not viewport:
            head = _tag(doc, "head") or _tag(doc, "html")
            yield Finding(head.span if head else first_line(doc), 'no <meta name="viewport" content='
                          '"width=device-width, initial-scale=1">: phones show the page at desktop width')
        elif not _VIEWPORT_WIDTH_RE.search(viewport[0].get("content") or ""):
            yield Finding(viewport[0].span, "the viewport sets neither width nor initial-scale: use "
                                            '"width=device-width, initial-scale=1"')
