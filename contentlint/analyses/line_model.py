"""A learned classifier of the lines of a scraped page: article or boilerplate.

Scraped plain text keeps one block of the page per line: menus, footers, share
bars, related links and comments sit around the article with nothing to mark
them. As boilerpipe did, each line is described by shallow text features (its
length, share of function words, punctuation, capitals, digits, link-like text),
by the same features of the two lines before and after it, and by where it sits
relative to the page's densest run of prose lines. A logistic model trained on
labelled pages (``tools/train_boilerplate_lines.py``) turns those into log-odds.
A second, small logistic stage reads the first stage's log-odds of the lines
around each line, near and far: boilerplate comes in runs, so a short line inside
a menu is a menu item and the same line between two paragraphs is a subheading.

This module is the one definition of the features: the training script imports
:func:`stage1_rows` and :func:`stage2_rows`, so what is learned is what runs here.
Pure Python; rows are assembled from precomputed pieces so that a page of a
thousand words costs well under a millisecond.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import operator
import re
from importlib import resources

from contentlint.language.words import FUNCTION_WORDS, WORD_RE

MODEL_FILE = ("data", "boilerplate_lines.json")  # inside the contentlint package

# -- what a line says about itself ------------------------------------------------------------
_SENTENCE_END = ".!?…"  # the last mark of a sentence (closing quotes and brackets stripped)
_INNER_SENTENCE_RE = re.compile(r"[.!?][\"”’')\]]*[^\S\n]+[\"“‘(]?[A-Z0-9]")
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TIME_RE = re.compile(r"\d:\d\d(?!\d)")  # 5:50, 12:30
_AGO = frozenset(("ago", "am", "pm", "a.m", "p.m"))
_COPYRIGHT = frozenset(("copyright", "reserved"))
_SEPARATOR_RE = re.compile(r"[|•·»›«‹/\\>]")
_LINK_TEXT_RE = re.compile(r"https?://|www\.|@\w|\.(?:com|org|net|io|co)\b")  # run on lower-cased text
_CODE_RE = re.compile(r"[{}();=<>\[\]]|[a-z][A-Z]")  # braces, calls, camelCase
_DIGIT_RE = re.compile(r"\d+")
_SYMBOL_RE = re.compile(r"[^\w\s]+")

# -- prose lines and the dense region they form (as the page-chrome heuristic finds it) -------
_PROSE_MIN_WORDS = 8
_PROSE_STOP_RATIO = 0.2
_PROSE_LONG_WORDS = 20  # a line this long is prose even without an end period
_NON_PROSE_COST = 4  # a non-prose line costs the region this plus half its words
_MARKED_COST = 2  # a line another signal reported: an embedded box must not split the article
_GROW_SHARE = 0.5  # another run of prose joins the region if it scores half the best run
_GROW_MIN_SCORE = 50

_WORD_BINS = (1, 2, 3, 4, 6, 10, 20, 40)  # one-hot bins of a line's word count: 0, 1, 2, 3, 4-5, ...
_NEIGHBOURS = (-2, -1, 1, 2)
_WINDOWS = (3, 10)  # half-widths of the windows whose means describe a line's surroundings
_LONG_LINES = 5  # a line's length is compared with the mean of the page's longest lines
_MIN_SHARE = 1e-9

# -- the second stage: the first stage's verdicts around each line ------------------------------
_STAGE2_SHIFTS = (-3, -2, -1, 1, 2, 3)
_STAGE2_WINDOWS = (2, 5, 15, 40)


class _Line:
    """The shallow features of one line that need no other line."""

    __slots__ = ("words", "log_words", "end", "stop", "title", "prose", "key", "tokens", "own")

    def __init__(self, text: str, found: list[float]) -> None:
        """``found`` holds what :func:`_page_lines` matched in the line, by pattern."""
        words = WORD_RE.findall(text)
        n = len(words)
        chars = len(text) or 1
        lower = WORD_RE.findall(text.lower())
        stops = sum(map(FUNCTION_WORDS.__contains__, lower))
        content = [w for w, lw in zip(words, lower) if w[0].isalpha() and lw not in FUNCTION_WORDS]
        tail = text.rstrip("\"”’')]")
        self.words = n
        self.log_words = math.log1p(n)
        self.end = 1.0 if tail and tail[-1] in _SENTENCE_END else 0.0
        self.stop = stops / n if n else 0.0
        self.title = len([w for w in content if w[0].isupper()]) / len(content) if content else 0.0
        self.prose = 1.0 if (n >= _PROSE_MIN_WORDS and self.stop >= _PROSE_STOP_RATIO
                             and (self.end or n >= _PROSE_LONG_WORDS)) else 0.0
        self.key = " ".join(lower)
        self.tokens = lower
        sentences, digits, symbols, code, year, clock, separator, link = found
        tokens = set(lower)
        self.own = [
            min(12.0, sum(map(len, words)) / n) / 10 if n else 0.0,  # average word length
            self.stop, self.title, self.end,
            1.0 if text.endswith(":") else 0.0,
            math.log1p(sentences),
            min(1.0, text.count(",") / n) if n else 0.0,  # commas per word
            digits / chars,
            1.0 if year or not _MONTHS.isdisjoint(tokens) else 0.0,  # a date
            1.0 if clock or not _AGO.isdisjoint(tokens) else 0.0,  # a time

            1.0 if text[:1].islower() else 0.0,
            min(1.0, separator),
            1.0 if "©" in text or not _COPYRIGHT.isdisjoint(tokens) else 0.0,
            min(1.0, link),
            1.0 if tail.endswith("?") else 0.0,
            1.0 if n and text.isupper() else 0.0,  # all capitals
            symbols / chars,
            min(1.0, 10 * code / chars),
            self.prose,
        ]


# Patterns run once over the whole page (lines joined by newlines, which none of them crosses),
# each counted per line: by matches, or by matched characters for digits and symbols.
_PAGE_PATTERNS = ((_INNER_SENTENCE_RE, False), (_DIGIT_RE, True), (_SYMBOL_RE, True), (_CODE_RE, False),
                  (_YEAR_RE, False), (_TIME_RE, False), (_SEPARATOR_RE, False), (_LINK_TEXT_RE, False))
_LOWER_CASE_PATTERNS = frozenset((_LINK_TEXT_RE,))


def _page_lines(texts: list[str]) -> list[_Line]:
    """The lines' own features. The regular expressions run over the page at once: one scan
    of a page costs far less than a scan of each of its lines."""
    page = "\n".join(texts)
    lower = page.lower()
    if len(lower) != len(page):  # a few letters lower-case to two characters: keep offsets right
        lower = page
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    found = [[0.0] * len(_PAGE_PATTERNS) for _ in texts]
    for k, (pattern, by_chars) in enumerate(_PAGE_PATTERNS):
        for m in pattern.finditer(lower if pattern in _LOWER_CASE_PATTERNS else page):
            a = m.start()
            found[bisect.bisect_right(starts, a) - 1][k] += (m.end() - a) if by_chars else 1
    return [_Line(t, f) for t, f in zip(texts, found)]


def line_tokens(text: str) -> set[str]:
    """The words of a line as the lexicon knows them: lower-cased, each once."""
    return set(WORD_RE.findall(text.lower()))


_OWN_NAMES = ["avg_len", "stop", "title", "end", "colon", "sentences", "commas", "digits", "date", "time",
              "lower_start", "separator", "copyright", "link", "question", "caps", "symbols", "code", "prose"]
_BIN_ROWS = [[1.0 if k == b else 0.0 for k in range(len(_WORD_BINS) + 1)] for b in range(len(_WORD_BINS) + 1)]


def _word_bin(n: int) -> int:
    """0 for no words, 1 for one, ... the last bin for 40 words or more."""
    return bisect.bisect_right(_WORD_BINS, n)


def _best_segment(scores: list[float], lo: int, hi: int) -> tuple[float, tuple[int, int] | None]:
    """Kadane: the maximum-sum run of ``scores[lo:hi + 1]``."""
    best, span = float("-inf"), None
    total, start = 0.0, lo
    for i in range(lo, hi + 1):
        if total <= 0:
            total, start = scores[i], i
        else:
            total += scores[i]
        if total > best:
            best, span = total, (start, i)
    return best, span


def _region(lines: list[_Line], marked: list[bool]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The densest run of prose lines, and that run grown over other substantial runs of
    prose on either side (an article broken up by a table): where the article most likely is."""
    scores = [-_MARKED_COST if m else (ln.words if ln.prose else -(_NON_PROSE_COST + 0.5 * ln.words))
              for ln, m in zip(lines, marked)]
    best, core = _best_segment(scores, 0, len(scores) - 1)
    first, last = core
    need = max(_GROW_MIN_SCORE, _GROW_SHARE * best)
    grew = True
    while grew:
        grew = False
        if first > 0:
            score, span = _best_segment(scores, 0, first - 1)
            if span and score >= need:
                first, grew = span[0], True
        if last < len(scores) - 1:
            score, span = _best_segment(scores, last + 1, len(scores) - 1)
            if span and score >= need:
                last, grew = span[1], True
    return core, (first, last)


def _window_mean(col: list[float], half: int) -> list[float]:
    """Mean of ``col`` over the lines within ``half`` of each line (itself included)."""
    n = len(col)
    prefix = list(itertools.accumulate(col, initial=0.0))
    if n <= 2 * half + 1:
        return [(prefix[min(n, i + half + 1)] - prefix[max(0, i - half)]) / (min(n, i + half + 1) - max(0, i - half))
                for i in range(n)]
    inner = 1.0 / (2 * half + 1)
    head = [prefix[i + half + 1] / (i + half + 1) for i in range(half)]
    body = [(b - a) * inner for a, b in zip(prefix[:n - 2 * half], prefix[2 * half + 1:])]
    tail = [(prefix[n] - prefix[i - half]) / (n - i + half) for i in range(n - half, n)]
    return head + body + tail


def _run_lengths(flags: list[float], value: float, sizes: list[float]) -> list[float]:
    """For each line whose flag is ``value``: log of the summed ``sizes`` of the maximal run of
    such lines it belongs to (a menu is a long run of short lines); 0 for the other lines."""
    n, out, i = len(flags), [0.0] * len(flags), 0
    while i < n:
        j = i
        while j < n and flags[j] == flags[i]:
            j += 1
        if flags[i] == value:
            out[i:j] = [math.log1p(sum(sizes[i:j]))] * (j - i)
        i = j
    return out


def _gap(flags: list[float], forward: bool) -> list[float]:
    """log1p of the number of lines to the nearest flagged line before (or after) each line."""
    n = len(flags)
    out, last = [0.0] * n, None
    for i in (range(n - 1, -1, -1) if forward else range(n)):
        out[i] = math.log1p(abs(i - last)) if last is not None else math.log1p(n)
        if flags[i]:
            last = i
    return out


def _topic_overlap(lines: list[_Line], lo: int, hi: int) -> list[float]:
    """Share of each line's longer words that the region's prose uses elsewhere: a teaser
    for another story shares little of the article's vocabulary."""
    counts: dict[str, int] = {}
    line_words = [[w for w in ln.tokens if len(w) >= 4 and w not in FUNCTION_WORDS] for ln in lines]
    for i in range(lo, hi + 1):
        if lines[i].prose:
            for w in set(line_words[i]):
                counts[w] = counts.get(w, 0) + 1
    out = []
    for i, ws in enumerate(line_words):
        if not ws:
            out.append(0.5)
            continue
        own = 1 if lo <= i <= hi and lines[i].prose else 0
        out.append(len([w for w in ws if counts.get(w, 0) > own]) / len(ws))
    return out


def _lexical(lines: list[_Line], lexicon: dict[str, float]) -> list[list[float]]:
    """What the line's words say: the mean and first-word log-odds of boilerplate learned from
    the training pages ("reply", "subscribe", "login"), and how many of its words are known."""
    out = []
    get = lexicon.get
    for ln in lines:
        toks = set(ln.tokens)
        vals = [v for v in map(get, toks) if v is not None]
        first = get(ln.tokens[0], 0.0) if ln.tokens else 0.0
        out.append([sum(vals) / len(vals) if vals else 0.0, first, len(vals) / len(toks) if toks else 0.0])
    return out


def stage1_rows(texts: list[str], kinds: list[str], marks: list[str | None],
                lexicon: dict[str, float]) -> list[list[float]]:
    """One feature row per line (named by :data:`STAGE1_NAMES`).

    ``texts`` are the lines (blocks) in page order, ``kinds`` the parser's block kinds
    (``heading``, ``list_item``, ``paragraph``), ``marks`` the code of the boilerplate kind
    another signal already gave each line (phrases, link lists, copies) or None, and
    ``lexicon`` the learned word log-odds.
    """
    n = len(texts)
    if not n:
        return []
    lines = _page_lines(texts)
    words = [ln.words for ln in lines]
    prose = [ln.prose for ln in lines]
    log_words = [ln.log_words for ln in lines]
    marked = [1.0 if m else 0.0 for m in marks]

    # Repetition: menus and share bars come twice (header and footer), article lines once.
    seen: dict[str, int] = {}
    for ln in lines:
        seen[ln.key] = seen.get(ln.key, 0) + 1
    earlier: set[str] = set()
    repeats = []
    for ln in lines:
        repeats.append((math.log(seen[ln.key]), 1.0 if ln.key in earlier else 0.0))
        earlier.add(ln.key)

    total = sum(words) or 1
    top = sorted(words, reverse=True)[:_LONG_LINES]
    longest = (sum(top) / len(top)) or 1
    page = [math.log1p(n), math.log1p(total)]
    (c0, c1), (r0, r1) = _region(lines, [m is not None for m in marks])
    prose_total = sum(w for w, p in zip(words, prose) if p) or 1
    topic = _topic_overlap(lines, r0, r1)
    runs = list(zip(_run_lengths(prose, 0.0, [1.0] * n), _run_lengths(prose, 1.0, [float(w) for w in words]),
                    _gap(prose, forward=False), _gap(prose, forward=True)))
    windows = [list(zip(_window_mean(prose, h), _window_mean(log_words, h), _window_mean(marked, h)))
               for h in _WINDOWS]
    lexical = _lexical(lines, lexicon)
    heading = [1.0 if k == "heading" else 0.0 for k in kinds]
    neighbour = [[ln.log_words, ln.end, ln.stop, ln.prose, m, ln.title, h]
                 for ln, m, h in zip(lines, marked, heading)]
    edge = [0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0]  # past either end of the page: like a reported line

    rows = []
    words_before = prose_before = 0
    for i, ln in enumerate(lines):
        w = ln.words
        row = [ln.log_words] + _BIN_ROWS[_word_bin(w)] + ln.own
        row += [heading[i], 1.0 if kinds[i] == "list_item" else 0.0, marked[i],
                1.0 if marks[i] == "CL212" else 0.0, 1.0 if marks[i] == "CL201" else 0.0]
        row += repeats[i]
        pw = w if ln.prose else 0
        row += [i / n, words_before / total, min(2.0, w / longest)] + page
        row += [1.0 if c0 <= i <= c1 else 0.0, 1.0 if r0 <= i <= r1 else 0.0,
                math.log1p(r0 - i) if i < r0 else 0.0, math.log1p(i - r1) if i > r1 else 0.0,
                prose_before / prose_total, 1.0 - (prose_before + pw) / prose_total, topic[i]]
        row += runs[i]
        for win in windows:
            row += win[i]
        row += lexical[i]
        for k in _NEIGHBOURS:
            row += neighbour[i + k] if 0 <= i + k < n else edge
        rows.append(row)
        words_before += w
        prose_before += pw
    return rows


def _stage1_names() -> list[str]:
    names = ["log_words"] + [f"words_bin{k}" for k in range(len(_WORD_BINS) + 1)] + _OWN_NAMES
    names += ["heading", "list_item", "marked", "marked_copy", "marked_list", "repeats", "seen_before",
              "pos_lines", "pos_words", "rel_length", "page_lines", "page_words",
              "in_core", "in_region", "before_region", "after_region", "prose_before", "prose_after", "topic",
              "nonprose_run", "prose_run_words", "gap_before", "gap_after"]
    for half in _WINDOWS:
        names += [f"win{half}_prose", f"win{half}_log_words", f"win{half}_marked"]
    names += ["lex_mean", "lex_first", "lex_known"]
    for k in _NEIGHBOURS:
        names += [f"n{k:+d}_{f}" for f in ("log_words", "end", "stop", "prose", "marked", "title", "heading")]
    return names


STAGE1_NAMES = _stage1_names()


def stage2_rows(z: list[float], texts_rows: list[list[float]]) -> list[list[float]]:
    """One row per line (named by :data:`STAGE2_NAMES`) from the first stage's log-odds ``z``
    and the first stage's rows: the line's own verdict, its neighbours', the means of the
    verdicts in wider windows, and how much article (lines judged content) lies before and after."""
    n = len(z)
    if not n:
        return []
    flags = [1.0 if v > 0 else 0.0 for v in z]
    windows = [list(zip(_window_mean(z, h), _window_mean(flags, h))) for h in _STAGE2_WINDOWS]
    content_total = (n - sum(flags)) or _MIN_SHARE
    i_words, i_prose, i_marked = (STAGE1_NAMES.index(k) for k in ("log_words", "prose", "marked"))
    rows = []
    content_before = 0.0
    for i in range(n):
        row = [z[i]] + [z[i + k] if 0 <= i + k < n else 0.0 for k in _STAGE2_SHIFTS]
        for win in windows:
            row += win[i]
        own = 1.0 - flags[i]
        row += [content_before / content_total, (content_total - content_before - own) / content_total]
        r1 = texts_rows[i]
        row += [r1[i_words], r1[i_prose], r1[i_marked]]
        rows.append(row)
        content_before += own
    return rows


STAGE2_NAMES = (["z"] + [f"z{k:+d}" for k in _STAGE2_SHIFTS]
                + [f"{kind}{h}" for h in _STAGE2_WINDOWS for kind in ("z_mean", "boiler_share")]
                + ["content_before", "content_after", "log_words", "prose", "marked"])


def _dot(weights: list[float], bias: float, rows: list[list[float]]) -> list[float]:
    return [bias + sum(map(operator.mul, weights, row)) for row in rows]


class LineModel:
    """The two logistic stages, their lexicon and the decision threshold (from the JSON file)."""

    def __init__(self, data: dict) -> None:
        if data.get("stage1_names") != STAGE1_NAMES or data.get("stage2_names") != STAGE2_NAMES:
            raise ValueError("boilerplate line model was trained on other features: retrain it")
        self.w1, self.b1 = data["stage1"]["weights"], data["stage1"]["bias"]
        self.w2, self.b2 = data["stage2"]["weights"], data["stage2"]["bias"]
        self.lexicon: dict[str, float] = data["lexicon"]
        self.threshold: float = data["threshold"]

    def stage1(self, texts: list[str], kinds: list[str], marks: list[str | None]) -> tuple[list, list[float]]:
        rows = stage1_rows(texts, kinds, marks, self.lexicon)
        return rows, _dot(self.w1, self.b1, rows)

    def log_odds(self, texts: list[str], kinds: list[str], marks: list[str | None]) -> list[float]:
        """Each line's log-odds of being boilerplate."""
        rows, z = self.stage1(texts, kinds, marks)
        return _dot(self.w2, self.b2, stage2_rows(z, rows))

    def boilerplate(self, texts: list[str], kinds: list[str], marks: list[str | None]) -> list[bool]:
        """Whether each line is boilerplate."""
        return [v > self.threshold for v in self.log_odds(texts, kinds, marks)]


@functools.lru_cache(maxsize=1)
def load_model() -> LineModel | None:
    """The shipped model, loaded once; None when the package was built without it."""
    try:
        text = resources.files("contentlint").joinpath(*MODEL_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return LineModel(json.loads(text))
