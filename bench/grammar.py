"""The embedded grammar backend (Harper, through harper-py): what it costs to load and to check.

    python bench/grammar.py                                           # generated 2,000-word articles
    python bench/grammar.py --articles ../shared/eval/news-quotes/articles --limit 100

Load: ``import harper`` and building its linter (the dictionary), in fresh processes, median
of ``--runs``; and the cold start of ``contentlint check`` on one article with CL701 on Harper
against the same run without it. Check: milliseconds per 2,000 words of CL701 alone (warm: the
linter already built), next to contentlint's default rules over the same articles, as a ratio,
which stays meaningful on a shared, noisy machine where absolute times do not.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import article
from installed import child_env, compile_bytecode

LOAD = "import time; t = time.perf_counter(); import harper; harper.Linter(); print(time.perf_counter() - t)"
HARPER = {"CL701": {"backend": "harper"}}


def load_seconds(runs: int) -> float:
    return statistics.median(float(subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True,
                                                  check=True, env=child_env()).stdout) for _ in range(runs))


def cold_starts(folder: Path, runs: int) -> tuple[float, float]:
    """Median seconds of ``contentlint check`` on one 2,000-word article: default rules, and with CL701 on Harper."""
    path = folder / "one.txt"
    path.write_text(article(random.Random(1), 2000, "txt"), encoding="utf-8")
    (folder / "harper").mkdir()
    (folder / "harper" / ".contentlint.toml").write_text('[rules.grammar]\nbackend = "harper"\n', encoding="utf-8")
    exe = (shutil.which("contentlint") or f"{sys.executable} -m contentlint").split()
    compile_bytecode()
    medians = []
    for cwd in (folder, folder / "harper"):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([*exe, "check", "--no-cache", str(path)], capture_output=True, cwd=cwd, env=child_env())
            times.append(time.perf_counter() - start)
        medians.append(statistics.median(times))
    return medians[0], medians[1]


def check_costs(texts: list[tuple[str, str]]) -> tuple[float, float, int]:
    """Milliseconds per 2,000 words: CL701 on Harper alone, and the default rules; CL701's findings."""
    from contentlint.config import Settings
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    registry = load_registry(plugins=False)
    grammar = Linter(registry, Settings(select=["CL701"], rules=HARPER))
    rest = Linter(registry, Settings())
    grammar.check_source("warm.txt", "Warm up\nThe linter is built once per process.\n")
    words = sum(len(text.split()) for _, text in texts)
    costs, found = [], 0
    for linter in (grammar, rest):
        start = time.perf_counter()
        for path, text in texts:
            n = len(linter.check_source(path, text))
            found += n if linter is grammar else 0
        costs.append((time.perf_counter() - start) / words * 2000 * 1000)
    return costs[0], costs[1], found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, help="a folder of real articles (default: 30 generated ones)")
    ap.add_argument("--limit", type=int, default=100, help="at most this many of them")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    if args.articles:
        paths = sorted(p for p in args.articles.iterdir() if p.suffix in (".txt", ".md", ".html"))[:args.limit]
        texts = [(str(p), p.read_text(encoding="utf-8")) for p in paths]
    else:
        rng = random.Random(2)
        texts = [(f"a{i}.{fmt}", article(rng, 2000, fmt)) for i, fmt in enumerate(("txt", "md", "html") * 10)]
    print(f"load (import harper + Linter()): {load_seconds(args.runs) * 1000:.0f} ms (median of {args.runs})")
    with tempfile.TemporaryDirectory() as tmp:
        plain, harper = cold_starts(Path(tmp), args.runs)
    print(f"cold start, one 2,000-word article: {plain * 1000:.0f} ms; with CL701 on Harper {harper * 1000:.0f} ms")
    grammar, rest, found = check_costs(texts)
    words = sum(len(t.split()) for _, t in texts)
    print(f"{len(texts)} articles, {words:,} words: CL701 on Harper {grammar:.0f} ms per 2,000 words "
          f"({found} findings), default rules {rest:.0f} ms: ratio {grammar / rest:.1f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
