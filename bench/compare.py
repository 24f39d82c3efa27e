"""Side-by-side cost of two checkouts on real text: this one and a peer (an older commit).

    git worktree add /tmp/base <commit>
    python bench/compare.py /tmp/base                      # defaults: 3 rounds
    python bench/compare.py /tmp/base --rounds 5 --corpus ../shared/eval

Each round runs both checkouts, one after the other, in fresh processes over the same articles
(200 of news-quotes, 60 of web-dev, all of dev and dev2), and times the boilerplate analysis
alone and then ``check`` with each category's rules selected (CL1 word counts, CL2 boilerplate,
CL4 quotes, CL5 contradictions, CL everything), as milliseconds per 1,000 words (best of three
passes). It prints each figure for both and their ratio, the median over rounds: on a shared,
noisy machine the ratio is the figure to read.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

SELECTIONS = ("CL1", "CL2", "CL4", "CL5", "CL")

# Run inside each checkout: prints {"boilerplate": ms, "CL1": ms, ...} per 1,000 words.
_PROBE = r"""
import glob, json, sys, time
root, corpus = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
from contentlint.analyses import Context
from contentlint.config import Settings
from contentlint.parsers import parse
from contentlint.registry import load_registry
from contentlint.runner import Linter
files = (sorted(glob.glob(f"{corpus}/news-quotes/articles/*.txt"))[:200] + sorted(glob.glob(f"{corpus}/web-dev/*.txt"))[:60]
         + [f for f in sorted(glob.glob(f"{corpus}/dev*/*.*")) if f.endswith((".txt", ".md", ".html"))])
texts = [(f, open(f, encoding="utf-8").read()) for f in files]
words = sum(len(t.split()) for _, t in texts) / 1000
registry = load_registry(plugins=False)
docs = [parse(f, t) for f, t in texts]
out = {}
best = float("inf")
for _ in range(3):
    contexts = [Context(d, registry.lexicon()) for d in docs]
    start = time.perf_counter()
    for c in contexts:
        c.boilerplate
    best = min(best, time.perf_counter() - start)
out["boilerplate"] = best * 1000 / words
for selection in json.loads(sys.argv[3]):
    linter = Linter(registry, Settings(select=[selection]))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for f, t in texts:
            linter.check_source(f, t)
        best = min(best, time.perf_counter() - start)
    out[selection] = best * 1000 / words
print(json.dumps(out))
"""


def probe(root: Path, corpus: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _PROBE, str(root), str(corpus), json.dumps(SELECTIONS)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("peer", type=Path, help="the other checkout (e.g. a git worktree of an older commit)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    runs: dict[str, list[dict[str, float]]] = {"this": [], "peer": []}
    for _ in range(args.rounds):
        runs["this"].append(probe(here, args.corpus))
        runs["peer"].append(probe(args.peer.resolve(), args.corpus))
    print(f"ms per 1,000 words, median of {args.rounds} rounds (this checkout / {args.peer}):")
    for key in runs["this"][0]:
        this = statistics.median(r[key] for r in runs["this"])
        peer = statistics.median(r[key] for r in runs["peer"])
        ratios = [a[key] / b[key] for a, b in zip(runs["this"], runs["peer"])]
        print(f"  {key:12} {this:7.3f} / {peer:7.3f}   ratio {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
