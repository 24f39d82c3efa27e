#!/usr/bin/env python3
"""Train the boilerplate line model (contentlint/data/boilerplate_lines.json) on labelled pages.

Usage, from the project root:
    .venv/bin/python tools/train_boilerplate_lines.py ../shared/eval/web-train
    ... --out contentlint/data/boilerplate_lines.json --folds 5

The corpus is a folder of scraped pages (``<id>.txt``, one text block per line) with a
``labels.json`` whose ``boilerplate`` findings cover the lines that are not the article (the
web-train / web-dev format). Pure Python and the standard library, like contentlint itself.

What it does, and why:

1. Each page is parsed and run through the boilerplate analysis up to the line model, exactly
   as ``contentlint check`` does (``boilerplate.line_model_inputs``), so the model learns from
   the same blocks and the same marks of the other signals that it will see.
2. The lexicon (each word's log-odds of boilerplate) is counted on the other folds for each
   page, so that stage 1 learns how far to trust it on pages it has not seen, and kept as the
   shipped one is (``LEXICON_MIN_ODDS``), so that the share of a line's words it knows means
   the same in training as at run time.
3. Stage 1, a logistic regression on ``line_model.stage1_rows``, is fitted per fold to give
   each page out-of-fold log-odds; stage 2 learns from those, as it will meet them at run time.
4. The threshold maximises the mean of line F1 and word-weighted F1 over the out-of-fold
   stage-2 scores; those cross-validated figures are printed. The final stages are fitted on
   every page.

Each line's training weight is ``1 + WORD_WEIGHT * words``, a compromise between the two
figures: counted by lines, short menu items dominate; counted by words, long comments do.
"""

from __future__ import annotations

import argparse
import json
import math
import operator
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contentlint.analyses import line_model  # noqa: E402
from contentlint.analyses.boilerplate import line_model_inputs  # noqa: E402
from contentlint.parsers.text import parse_text  # noqa: E402
from contentlint.registry import load_registry  # noqa: E402

WORD_WEIGHT = 0.1
L2 = 1e-3  # ridge penalty on standardised features, per mean-weighted line
NEWTON_STEPS = 25
NEWTON_TOLERANCE = 1e-6  # stop when the loss improves by less than this
HESSIAN_EVERY = 4  # the Hessian is estimated on every 4th line (the gradient uses all)
LEXICON_MIN_PAGES = 10  # a word enters the lexicon once it occurs on this many training pages
LEXICON_MIN_ODDS = 0.3  # ... and says something: |log-odds| at least this (keeps the file small)
THRESHOLDS = [t / 20 for t in range(-20, 21)]
DIGITS = 5  # weights are rounded in the JSON file


# -- the corpus ---------------------------------------------------------------------------------
class Page:
    """One labelled page: its lines, their gold labels, and the model's inputs per block."""

    def __init__(self, name: str, source: str, findings: list[dict], kinds) -> None:
        self.name = name
        lines = source.splitlines()
        self.words = [len(line.split()) for line in lines]
        self.gold = [0] * len(lines)
        for f in findings:
            if f.get("category") == "boilerplate" and not f.get("optional"):
                for ln in range(f["line"], (f.get("end_line") or f["line"]) + 1):
                    self.gold[ln - 1] = 1
        doc = parse_text(name, source)
        found = line_model_inputs(doc, kinds)
        self.blocks, (self.texts, self.kinds, self.marks) = found if found else ([], ([], [], []))
        self.spans = [(doc.line_col(b.start)[0] - 1, doc.line_col(b.end)[0] - 1) for b in self.blocks]
        # A block is boilerplate when most of its lines are.
        self.y = [1.0 if 2 * sum(self.gold[a:b + 1]) > b - a + 1 else 0.0 for a, b in self.spans]
        self.weight = [1.0 + WORD_WEIGHT * sum(self.words[a:b + 1]) for a, b in self.spans]
        self.tokens = [line_model.line_tokens(t) for t in self.texts]


def load_pages(corpus: Path) -> list[Page]:
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))["articles"]
    kinds = load_registry().lexicon().boilerplate
    pages = [Page(name, (corpus / name).read_text(encoding="utf-8"), entry.get("findings", []), kinds)
             for name, entry in sorted(labels.items())]
    return [p for p in pages if p.texts]


def folds_of(pages: list[Page], k: int) -> list[list[int]]:
    return [[i for i in range(len(pages)) if i % k == f] for f in range(k)]


# -- the lexicon ----------------------------------------------------------------------------------
def lexicon(pages: list[Page], min_odds: float = 0.0) -> dict[str, float]:
    """Each word's smoothed log-odds of appearing in a boilerplate line rather than an article line."""
    bp: dict[str, int] = {}
    ok: dict[str, int] = {}
    on_pages: dict[str, int] = {}
    n_bp = n_ok = 0
    for page in pages:
        page_words = set()
        for toks, y in zip(page.tokens, page.y):
            counts = bp if y else ok
            n_bp, n_ok = (n_bp + 1, n_ok) if y else (n_bp, n_ok + 1)
            for t in toks:
                counts[t] = counts.get(t, 0) + 1
            page_words |= toks
        for t in page_words:
            on_pages[t] = on_pages.get(t, 0) + 1
    out = {}
    for t, pages_with in on_pages.items():
        if pages_with >= LEXICON_MIN_PAGES:
            odds = math.log((bp.get(t, 0) + 1) / (n_bp + 2)) - math.log((ok.get(t, 0) + 1) / (n_ok + 2))
            if abs(odds) >= min_odds:
                out[t] = round(odds, 3)
    return out


# -- logistic regression, by columns --------------------------------------------------------------
def _columns(rows: list[list[float]]) -> list[list[float]]:
    return [list(c) for c in zip(*rows)]


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and well conditioned)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def _sigmoid(v: float) -> float:
    return 1.0 / (1.0 + math.exp(-v)) if v >= 0 else math.exp(v) / (1.0 + math.exp(v))


def _loss(z, y, s, w, l2) -> float:
    total = 0.0
    for zi, yi, si in zip(z, y, s):
        total += si * (math.log1p(math.exp(-abs(zi))) + max(zi, 0.0) - yi * zi)
    return total / len(z) + 0.5 * l2 * sum(v * v for v in w)


def fit_logistic(rows: list[list[float]], y: list[float], weight: list[float], l2: float = L2
                 ) -> tuple[list[float], float]:
    """Weighted, ridge-penalised logistic regression by Newton's method on standardised
    columns; returns weights and bias for the raw features (standardisation folded in)."""
    cols = _columns(rows)
    n, d = len(y), len(cols)
    mean = [sum(c) / n for c in cols]
    sd = [math.sqrt(max(sum((v - m) ** 2 for v in c) / n, 0.0)) or 1.0 for c, m in zip(cols, mean)]
    cols = [[(v - m) / s for v in c] for c, m, s in zip(cols, mean, sd)]
    scale = n / sum(weight)
    s = [w * scale for w in weight]
    beta = [0.0] * (d + 1)  # bias last
    z = [0.0] * n
    loss = _loss(z, y, s, beta[:d], l2)
    sub = range(0, n, HESSIAN_EVERY)
    sub_cols = [[c[i] for i in sub] + [] for c in cols] + [[1.0] * len(sub)]
    for _ in range(NEWTON_STEPS):
        p = [_sigmoid(v) for v in z]
        r = [si * (pi - yi) for si, pi, yi in zip(s, p, y)]
        grad = [sum(map(operator.mul, r, c)) / n + l2 * b for c, b in zip(cols, beta)] + [sum(r) / n]
        h = [s[i] * p[i] * (1 - p[i]) for i in sub]
        hx = [list(map(operator.mul, h, c)) for c in sub_cols]
        hess = [[0.0] * (d + 1) for _ in range(d + 1)]
        for j in range(d + 1):
            for k in range(j, d + 1):
                hess[j][k] = hess[k][j] = sum(map(operator.mul, hx[j], sub_cols[k])) / len(sub)
            if j < d:
                hess[j][j] += l2
        step = _solve(hess, grad)
        shrink = 1.0
        while True:  # backtrack: the Hessian is estimated, so a full step may overshoot
            trial = [b - shrink * st for b, st in zip(beta, step)]
            tz = _linear(cols, trial)
            new_loss = _loss(tz, y, s, trial[:d], l2)
            if new_loss <= loss or shrink < 1e-3:
                break
            shrink /= 2
        beta, z, improved, loss = trial, tz, loss - new_loss, new_loss
        if improved < NEWTON_TOLERANCE:
            break
    weights = [b / sdv for b, sdv in zip(beta[:d], sd)]
    bias = beta[d] - sum(b * m / sdv for b, m, sdv in zip(beta[:d], mean, sd))
    return weights, bias


def _linear(cols: list[list[float]], beta: list[float]) -> list[float]:
    z = [beta[-1]] * len(cols[0])
    for c, b in zip(cols, beta):
        if b:
            z = [zi + b * v for zi, v in zip(z, c)]
    return z


# -- scoring, as web-dev/score_lines.py does ------------------------------------------------------
def line_figures(pages: list[Page], flags: list[list[bool]]) -> tuple[tuple, tuple]:
    """(P, R, F1) by lines and weighted by words: a line is flagged when its block is flagged by
    the model or claimed by another signal."""
    out = []
    for weighted in (False, True):
        tp = fp = fn = 0
        for page, page_flags in zip(pages, flags):
            pred = [0] * len(page.gold)
            for (a, b), flag, mark in zip(page.spans, page_flags, page.marks):
                if flag or mark:
                    pred[a:b + 1] = [1] * (b - a + 1)
            for g, x, w in zip(page.gold, pred, page.words):
                w = w if weighted else 1
                tp += w * (g and x)
                fp += w * (x and not g)
                fn += w * (g and not x)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out.append((p, r, 2 * p * r / (p + r) if p + r else 0.0))
    return tuple(out)


def fmt(fig) -> str:
    (p, r, f), (wp, wr, wf) = fig
    return f"line F1 {f:.3f} (P {p:.3f} R {r:.3f}), word-weighted F1 {wf:.3f} (P {wp:.3f} R {wr:.3f})"


# -- the two stages -------------------------------------------------------------------------------
def stacked(pages, index, rows_of):
    rows, y, w = [], [], []
    for i in index:
        rows += rows_of[i]
        y += pages[i].y
        w += pages[i].weight
    return rows, y, w


def train(pages: list[Page], n_folds: int, log) -> dict:
    folds = folds_of(pages, n_folds)
    everyone = range(len(pages))
    t0 = time.time()
    rows1: list = [None] * len(pages)
    for fold in folds:
        held = set(fold)
        lex = lexicon([p for i, p in enumerate(pages) if i not in held], LEXICON_MIN_ODDS)
        for i in fold:
            rows1[i] = line_model.stage1_rows(pages[i].texts, pages[i].kinds, pages[i].marks, lex)
    log(f"stage-1 features with out-of-fold lexicons: {time.time() - t0:.0f} s")

    z1: list = [None] * len(pages)
    for k, fold in enumerate(folds):
        held = set(fold)
        w1, b1 = fit_logistic(*stacked(pages, [i for i in everyone if i not in held], rows1))
        for i in fold:
            z1[i] = line_model.dot(w1, b1, rows1[i])
        log(f"stage 1, fold {k + 1}/{n_folds}: {time.time() - t0:.0f} s")
    log("stage 1 alone, cross-validated: " + fmt(line_figures(pages, [[v > 0 for v in z] for z in z1])))

    rows2 = [line_model.stage2_rows(z, r) for z, r in zip(z1, rows1)]
    z2: list = [None] * len(pages)
    for fold in folds:
        held = set(fold)
        w2, b2 = fit_logistic(*stacked(pages, [i for i in everyone if i not in held], rows2))
        for i in fold:
            z2[i] = line_model.dot(w2, b2, rows2[i])
    figures = {t: line_figures(pages, [[v > t for v in z] for z in z2]) for t in THRESHOLDS}
    threshold = max(THRESHOLDS, key=lambda t: figures[t][0][2] + figures[t][1][2])
    log(f"both stages, cross-validated ({n_folds} folds by page), threshold {threshold}: "
        + fmt(figures[threshold]))

    final_lex = lexicon(pages, LEXICON_MIN_ODDS)
    final_rows1 = [line_model.stage1_rows(p.texts, p.kinds, p.marks, final_lex) for p in pages]
    w1, b1 = fit_logistic(*stacked(pages, everyone, final_rows1))
    w2, b2 = fit_logistic(*stacked(pages, everyone, rows2))  # stage 2 learns from out-of-fold scores
    log(f"final fit: {time.time() - t0:.0f} s; lexicon of {len(final_lex)} words")
    (p, r, f), (wp, wr, wf) = figures[threshold]
    return {
        "about": "contentlint boilerplate line model; tools/train_boilerplate_lines.py",
        "trained_on": f"{len(pages)} pages, {sum(len(p.y) for p in pages)} lines",
        "cross_validated": {"folds": n_folds, "line": [round(p, 4), round(r, 4), round(f, 4)],
                            "word_weighted": [round(wp, 4), round(wr, 4), round(wf, 4)]},
        "threshold": threshold,
        "stage1_names": line_model.STAGE1_NAMES,
        "stage2_names": line_model.STAGE2_NAMES,
        "stage1": {"weights": [round(v, DIGITS) for v in w1], "bias": round(b1, DIGITS)},
        "stage2": {"weights": [round(v, DIGITS) for v in w2], "bias": round(b2, DIGITS)},
        "lexicon": dict(sorted(final_lex.items())),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "contentlint" / "data" / "boilerplate_lines.json")
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    pages = load_pages(a.corpus)
    log(f"{len(pages)} pages, {sum(len(p.y) for p in pages)} blocks")
    model = train(pages, a.folds, log)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    log(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
