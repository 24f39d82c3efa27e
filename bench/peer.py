"""contentlint against proselint on the same generated articles, in one run, as ratios.

    pip install proselint            # for the benchmark only: not a dependency
    python bench/peer.py             # 500 articles
    python bench/peer.py --articles 1000 --runs 3

Every figure is a fresh process's wall time over the same folder (the median of ``--runs``),
so the ratios hold on a shared, noisy machine where absolute times do not:

- throughput: proselint's time over contentlint's with the default rules, on every core,
  with a cold cache (a new cache folder) and a warm one (the same folder, run again);
- cold start: one 2,000-word .txt, less ``python -c pass``;
- scaling: contentlint on twice the articles, over the time on the first half.
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


def write_corpus(folder: Path, n: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        fmt = ("txt", "md", "html")[i % 3]
        (folder / f"a{i:05d}.{fmt}").write_text(article(rng, rng.randint(600, 1600), fmt), encoding="utf-8")


def wall(cmd: list[str], runs: int, before=None) -> float:
    """Median wall seconds of ``cmd`` as a fresh process (``before`` runs ahead of each, untimed)."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    proselint = shutil.which("proselint") or str(Path(sys.executable).parent / "proselint")
    if not Path(proselint).exists():
        sys.exit("proselint is not installed: pip install proselint (for the benchmark only)")
    contentlint = [sys.executable, "-m", "contentlint", "check", "--exit-zero", "--quiet"]
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus, double, cache = tmp / "corpus", tmp / "double", tmp / "cache"
        write_corpus(corpus, args.articles)
        write_corpus(double, 2 * args.articles)
        one = tmp / "one.txt"
        one.write_text(article(random.Random(1), 2000, "txt"), encoding="utf-8")

        peer = wall([proselint, "check", str(corpus)], args.runs)
        cold = wall([*contentlint, "--cache-dir", str(cache), str(corpus)], args.runs,
                    before=lambda: shutil.rmtree(cache, ignore_errors=True))
        warm = wall([*contentlint, "--cache-dir", str(cache), str(corpus)], args.runs)
        half = wall([*contentlint, "--no-cache", str(corpus)], args.runs)
        twice = wall([*contentlint, "--no-cache", str(double)], args.runs)
        python = wall([sys.executable, "-c", "pass"], 2 * args.runs + 1)
        start = wall([*contentlint, "--no-cache", str(one)], 2 * args.runs + 1)

    print(f"{args.articles} generated articles of 600-1,600 words (.txt, .md, .html), median of {args.runs} runs")
    print(f"{'':34}{'seconds':>9}{'x proselint':>13}")
    print(f"{'proselint ' + _version(proselint):34}{peer:9.2f}{1:13.1f}")
    print(f"{'contentlint, cold cache':34}{cold:9.2f}{peer / cold:13.1f}")
    print(f"{'contentlint, warm cache':34}{warm:9.2f}{peer / warm:13.1f}")
    print(f"cold start, one 2,000-word .txt: {1000 * (start - python):.0f} ms over python -c pass "
          f"({1000 * python:.0f} ms)")
    print(f"twice the articles: {twice / half:.2f}x the time ({half:.2f} s, {twice:.2f} s; no cache)")


def _version(exe: str) -> str:
    out = subprocess.run([exe, "version"], capture_output=True, text=True).stdout.split()
    return out[-1] if out else ""


if __name__ == "__main__":
    main()
