"""A learned classifier of the lines of a scraped page: article or boilerplate.

Scraped plain text keeps one block of the page per line: menus, footers, share
bars, related links and comments sit around the article with nothing to mark
them. As boilerpipe did, each line is described by shallow text features (its
length, share of function words, title case, figures, the words' learned log-odds),
by a few of those features of the two lines before and after it, and by where it
sits relative to the page's densest run of prose lines. A logistic model trained on
labelled pages (``tools/train_boilerplate_lines.py``) turns those into log-odds.
A second, small logistic stage reads the first stage's log-odds of the lines
around each line, near and far: boilerplate comes in runs, so a short line inside
a menu is a menu item and the same line between two paragraphs is a subheading.

This module is the one definition of the features: the training script imports
:func:`stage1_rows` and :func:`stage2_rows`, so what is learned is what runs here.

Pure Python, and cheap: the model runs on every scraped page and must cost no more
than a millisecond per thousand words (``bench/line_model.py``). So the features are
few: of an earlier 89, those whose removal cost F1 in 5-fold cross-validation on
web-train (ablation one at a time, then in groups), plus the densest run itself
(``in_core``), which paid; the share of a line's words the article's prose uses paid a
little (word-weighted F1 +0.003) but cost a tenth of the budget, and went. They are
computed as columns for the whole page: one regular-expression pass per line for its
words, the rest from string methods, C-level ``map``, set operations and slices; the
rows are the columns transposed by ``zip``.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
from importlib import resources

from contentlint.analyses.prose_run import best_segment, ends_sentence, is_prose, run_scores
from contentlint.language import lazy_re
from contentlint.language.calendar import MONTHS
from contentlint.language.words import FUNCTION_WORDS, WORD_RE

MODEL_FILE = ("data", "boilerplate_lines.json")  # inside the contentlint package

# -- what a line says about itself ------------------------------------------------------------
_DATE_WORDS = frozenset(MONTHS) | frozenset(str(year) for year in range(1900, 2100))
_FIRST = operator.itemgetter(0)
_CAPITAL_RE = lazy_re.compile(r"[A-Z](?<![^\W_][A-Z])")  # a capital opening a word ([A-Z] first: a fast scan)

# -- prose lines and the densest run of them (as the page-chrome heuristic finds it) ----------

_WINDOW = 10  # half-width of the window whose means describe a line's surroundings (3 did not pay)
_LONG_LINES = 5  # a line's length is compared with the mean of the page's longest lines
_MIN_SHARE = 1e-9

# -- the second stage: the first stage's verdicts around each line ------------------------------
# Shifts of 2 and 3 and windows of 2, 5 and 40 lines did not pay in cross-validation.
_STAGE2_SHIFTS = (-1, 1)
_STAGE2_WINDOWS = (15,)


def line_tokens(text: str) -> set[str]:
    """The words of a line as the lexicon knows them: lower-cased, each once."""
    return set(WORD_RE.findall(text.lower()))


def _line_columns(texts: list[str], lexicon: dict[str, float]) -> tuple[tuple[int, ...], dict[str, list[float]]]:
    """Each line's word count and its own features by name (:data:`_LINE_NAMES`). The page
    is lower-cased at once; each line's words are found in one regular-expression pass."""
    lows = map(WORD_RE.findall, "\n".join(texts).lower().split("\n"))
    counts, rows = zip(*map(_line, texts, lows, itertools.repeat(lexicon)))
    return counts, dict(zip(_LINE_NAMES, map(list, zip(*rows))))


def _line(text: str, low: list[str], lexicon: dict[str, float]) -> tuple[int, tuple]:
    """What one line says without the others, from its text and lower-cased words: its word
    count and the features named by :data:`_LINE_NAMES`.
    Counts come from C-level ``map`` and set operations: this runs for every line of a page."""
    n = len(low)
    end = ends_sentence(text)
    if not n:  # punctuation alone: every share is 0
        return 0, (0.0, 0.0, 0.0, end, False, text.endswith(":"), False, 0.0, False, 0.0, 0.0, 0.0)
    unique = set(low)
    stops = sum(map(FUNCTION_WORDS.__contains__, low))
    stop = stops / n
    figures = sum(map(str.isdigit, map(_FIRST, low)))  # "2025", "5,818,066", "18.7"
    known = lexicon.keys() & unique
    return n, (
        math.log1p(n),
        stop,
        _title_share(text, low, n - stops - figures),
        end,
        is_prose(n, stop, end),
        text.endswith(":"),
        text[0].islower(),
        figures / n,
        not _DATE_WORDS.isdisjoint(unique),
        sum(map(lexicon.__getitem__, known)) / len(known) if known else 0.0,  # the words' log-odds
        len(known) / len(unique),  # share of the words the lexicon knows
        lexicon.get(low[0], 0.0),  # "Reply", "Share", "Posted": the first word says most
    )


# Flags stay booleans (True and False weigh as 1 and 0): converting each would cost a step per line.
_LINE_NAMES = ("log_words", "stop", "title", "end", "prose", "colon", "lower_start", "figures", "date",
               "lex_mean", "lex_known", "lex_first")


def _title_share(text: str, low: list[str], content: int) -> float:
    """Capitalised words per content word (not function words, not figures), a function word
    opening the line ("The", "How") aside: menus and headlines are in title case, prose is not."""
    if content <= 0:
        return 0.0
    capitals = len(_CAPITAL_RE.findall(text)) - (text[0].isupper() and low[0] in FUNCTION_WORDS)
    return min(1.0, max(0.0, capitals / content))


def _region(words: tuple[int, ...], prose: list[bool], marked: list[bool]) -> tuple[int, int]:
    """The densest run of prose lines (as the page-chrome heuristic scores it): where the
    article most likely is."""
    scores = run_scores(words, prose, marked)
    return best_segment(scores, 0, len(scores) - 1)[1]


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


def _shifted(col: list[float], k: int, edge: float) -> list[float]:
    """``col`` moved so that each line reads the value of the line ``k`` after it (before it
    when ``k`` is negative); ``edge`` past either end of the page."""
    n = len(col)
    if k < 0:
        return [edge] * min(n, -k) + col[:max(0, n + k)]
    return col[k:] + [edge] * min(n, k)


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
    """log1p of the number of lines to the nearest flagged line before (or after) each line;
    log1p of the page's length when there is none."""
    n = len(flags)
    log1p = [math.log1p(k) for k in range(n + 1)]
    if forward:
        return _gap(flags[::-1], forward=False)[::-1]
    last = list(itertools.accumulate((i if f else -1 for i, f in enumerate(flags)), max, initial=-1))
    return [log1p[i - j] if j >= 0 else log1p[n] for i, j in enumerate(last[:n])]


# The neighbours' features: (shift, feature), shift -1 being the line before; the ones of the
# 28 (7 features at 4 shifts) whose removal cost F1 in cross-validation.
_NEIGHBOURS = ((-2, "title"), (-2, "stop"), (-2, "marked"), (-2, "log_words"),
               (-1, "title"), (-1, "stop"), (-1, "marked"), (-1, "heading"), (-1, "end"),
               (1, "title"), (1, "stop"), (1, "heading"), (2, "title"), (2, "stop"), (2, "end"))
_EDGE = {"marked": 1.0}  # past either end of the page: like a reported line (0 for the rest)


def _columns(texts: list[str], kinds: list[str], marks: list[str | None],
             lexicon: dict[str, float]) -> dict[str, list[float]]:
    """Every stage-1 feature of every line, by name."""
    n = len(texts)
    words, cols = _line_columns(texts, lexicon)
    prose = cols["prose"]
    cols["heading"] = [1.0 if k == "heading" else 0.0 for k in kinds]
    cols["list_item"] = [1.0 if k == "list_item" else 0.0 for k in kinds]
    cols["marked"] = marked = [1.0 if m else 0.0 for m in marks]
    longest = sum(sorted(words, reverse=True)[:_LONG_LINES]) / min(n, _LONG_LINES) or 1
    cols["rel_length"] = [min(2.0, w / longest) for w in words]
    cols["page_lines"] = [math.log1p(n)] * n
    cols["page_words"] = [math.log1p(sum(words))] * n
    core_first, core_last = _region(words, prose, marked)
    # In the densest run of prose. The run grown over other runs (an article broken up by a
    # table) did not pay beside it, nor did the share of a line's words its prose uses.
    cols["in_core"] = [0.0] * core_first + [1.0] * (core_last - core_first + 1) + [0.0] * (n - core_last - 1)
    cols["nonprose_run"] = _run_lengths(prose, 0.0, [1.0] * n)
    cols["prose_run_words"] = _run_lengths(prose, 1.0, words)
    cols["gap_before"] = _gap(prose, forward=False)
    cols["gap_after"] = _gap(prose, forward=True)
    for name in ("prose", "log_words", "marked"):
        cols[f"win_{name}"] = _window_mean(cols[name], _WINDOW)
    for k, name in _NEIGHBOURS:
        cols[f"n{k:+d}_{name}"] = _shifted(cols[name], k, _EDGE.get(name, 0.0))
    return cols


STAGE1_NAMES = [  # "end" serves the neighbours only: on the line itself it did not pay
    "log_words", "stop", "title", "prose", "colon", "lower_start", "figures", "date",
    "lex_mean", "lex_known", "lex_first", "heading", "list_item", "marked", "rel_length", "page_lines",
    "page_words", "in_core", "nonprose_run", "prose_run_words", "gap_before", "gap_after",
    "win_prose", "win_log_words", "win_marked"]
STAGE1_NAMES += [f"n{k:+d}_{name}" for k, name in _NEIGHBOURS]


def stage1_rows(texts: list[str], kinds: list[str], marks: list[str | None],
                lexicon: dict[str, float]) -> list[tuple[float, ...]]:
    """One feature row per line (named by :data:`STAGE1_NAMES`).

    ``texts`` are the lines (blocks) in page order, ``kinds`` the parser's block kinds
    (``heading``, ``list_item``, ``paragraph``), ``marks`` the code of the boilerplate kind
    another signal already gave each line (phrases, link lists, copies) or None, and
    ``lexicon`` the learned word log-odds.
    """
    if not texts:
        return []
    cols = _columns(texts, kinds, marks, lexicon)
    return list(zip(*(cols[name] for name in STAGE1_NAMES)))


def stage2_rows(z: list[float], stage1: list[tuple[float, ...]]) -> list[tuple[float, ...]]:
    """One row per line (named by :data:`STAGE2_NAMES`) from the first stage's log-odds ``z``
    and the first stage's rows: the line's own verdict, its neighbours', the mean verdict and
    share of lines judged boilerplate in a wider window, and how much article (lines judged
    content) lies before and after."""
    n = len(z)
    if not n:
        return []
    flags = [1.0 if v > 0 else 0.0 for v in z]
    content_total = (n - sum(flags)) or _MIN_SHARE
    before = list(itertools.accumulate((1.0 - f for f in flags), initial=0.0))
    cols = [z] + [_shifted(z, k, 0.0) for k in _STAGE2_SHIFTS]
    for h in _STAGE2_WINDOWS:
        cols += [_window_mean(z, h), _window_mean(flags, h)]
    cols.append([b / content_total for b in before[:n]])
    cols.append([(content_total - b) / content_total for b in before[1:]])
    cols += [list(map(operator.itemgetter(STAGE1_NAMES.index(name)), stage1)) for name in _STAGE2_FROM_STAGE1]
    return list(zip(*cols))


_STAGE2_FROM_STAGE1 = ("log_words", "prose", "marked")
STAGE2_NAMES = (["z"] + [f"z{k:+d}" for k in _STAGE2_SHIFTS]
                + [f"{kind}{h}" for h in _STAGE2_WINDOWS for kind in ("z_mean", "boiler_share")]
                + ["content_before", "content_after"] + [f"stage1_{name}" for name in _STAGE2_FROM_STAGE1])


def dot(weights: list[float], bias: float, rows: list) -> list[float]:
    """Each row's linear score (``map`` with ``operator.mul``: the product runs in C)."""
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
        return rows, dot(self.w1, self.b1, rows)

    def log_odds(self, texts: list[str], kinds: list[str], marks: list[str | None]) -> list[float]:
        """Each line's log-odds of being boilerplate."""
        rows, z = self.stage1(texts, kinds, marks)
        return dot(self.w2, self.b2, stage2_rows(z, rows))


@functools.lru_cache(maxsize=1)
def load_model() -> LineModel | None:
    """The shipped model, loaded once; None when the package was built without it."""
    try:
        text = resources.files("contentlint").joinpath(*MODEL_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return LineModel(json.loads(text))
