"""Benchmark of the boilerplate line model against the heuristic it replaces, on real pages.

    python bench/line_model.py ../shared/eval/web-dev            # defaults: median of 5 runs
    python bench/line_model.py ../shared/eval/web-dev --runs 9 --profile

On every page of the folder where the model runs (plain text in which the page-chrome
heuristic finds chrome), it times, in one process and side by side:

- the line model alone: features and both logistic stages (``LineModel.log_odds``);
- its peer, the position heuristic it replaces (``page_chrome``: densest run of prose,
  menus inside it, chrome outside), on the same blocks with the same marks;
- the whole boilerplate analysis (``detect``) with the model and without it.

Times are milliseconds per 1,000 words of the pages (``len(text.split())``), the median of
``--runs`` passes, and the ratio of each to the heuristic: on a shared, noisy machine the ratio
stays meaningful where absolute times do not. It also reports the model's load time (read
and parse the JSON file, build the model; median of 21) and the file's size. ``--profile``
prints the model's cProfile top 25 by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contentlint.analyses import boilerplate, line_model  # noqa: E402
from contentlint.parsers.text import parse_text  # noqa: E402
from contentlint.registry import load_registry  # noqa: E402


def pages_of(corpus: Path, kinds) -> list[tuple]:
    """(document, words, model inputs) for each page of ``corpus`` the model runs on."""
    names = sorted(json.loads((corpus / "labels.json").read_text(encoding="utf-8"))["articles"])
    out = []
    for name in names:
        text = (corpus / name).read_text(encoding="utf-8")
        doc = parse_text(name, text)
        found = boilerplate.line_model_inputs(doc, kinds)
        if found and _heuristic_finds_chrome(doc, kinds):
            out.append((doc, len(text.split()), found[1]))
    return out


def _heuristic_finds_chrome(doc, kinds) -> bool:
    det = _ready_detector(doc, kinds)
    before = len(det.found)
    det.page_chrome(det.article_span())
    return len(det.found) > before


def _ready_detector(doc, kinds):
    """A detector that has run every signal before the position one, as ``detect`` does."""
    det = boilerplate._Detector(doc, kinds)
    det.before_position()
    return det


def median_time(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(pages: list[tuple], kinds, runs: int) -> dict[str, float]:
    """Seconds per word of each path, over all pages."""
    model = line_model.load_model()
    words = sum(w for _, w, _ in pages)

    def model_alone():
        for _, _, inputs in pages:
            model.log_odds(*inputs)

    def heuristic():
        detectors = [_ready_detector(doc, kinds) for doc, _, _ in pages]
        start = time.perf_counter()
        for det in detectors:
            det.page_chrome(det.article_span())
        return time.perf_counter() - start

    def detect_with():
        for doc, _, _ in pages:
            boilerplate.detect(doc, kinds)

    def detect_without():
        saved = line_model.load_model
        line_model.load_model = lambda: None
        try:
            detect_with()
        finally:
            line_model.load_model = saved

    out = {"model": median_time(model_alone, runs),
           "heuristic": statistics.median(heuristic() for _ in range(runs)),
           "detect, with the model": median_time(detect_with, runs),
           "detect, heuristic only": median_time(detect_without, runs)}
    return {k: v / words for k, v in out.items()}


def load_time(repeats: int = 21) -> float:
    """Median seconds to read, parse and build the shipped model (the cache cleared each time)."""
    times = []
    for _ in range(repeats):
        line_model.load_model.cache_clear()
        start = time.perf_counter()
        line_model.load_model()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def profile(pages: list[tuple]) -> None:
    model = line_model.load_model()
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(3):
        for _, _, inputs in pages:
            model.log_odds(*inputs)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    kinds = load_registry().lexicon().boilerplate
    if line_model.load_model() is None:
        sys.exit("no line model installed (contentlint/data/boilerplate_lines.json)")
    pages = pages_of(args.corpus, kinds)
    words = sum(w for _, w, _ in pages)
    lines = sum(len(inputs[0]) for _, _, inputs in pages)
    print(f"{len(pages)} pages where the model runs, {words:,} words, {lines:,} blocks")
    costs = bench(pages, kinds, args.runs)
    base = costs["heuristic"]
    for name, cost in costs.items():
        print(f"{name}: {cost * 1e6:.3f} ms per 1,000 words ({cost / base:.1f}x the heuristic)")
    path = Path(line_model.__file__).parent.parent.joinpath(*line_model.MODEL_FILE)
    print(f"model load: {load_time() * 1000:.2f} ms (median of 21); file {path.stat().st_size / 1024:.0f} KiB")
    if args.profile:
        profile(pages)


if __name__ == "__main__":
    main()
