"""Benchmarks: cold start for one article, and throughput over many.

    python bench/bench.py                    # defaults: 2,000-word .txt, 500 articles
    python bench/bench.py --articles 1000 --runs 20

Cold start runs ``contentlint check`` as a fresh process (what a pre-commit hook pays)
and reports the median wall time. Throughput lints N generated articles (a mix of
.txt, .md and .html, 600-1,600 words each) in one process and reports words per second.
The articles are made from a fixed seed, so runs are comparable. Last, each shared
analysis (boilerplate, quotations, facts, readability) is timed on its own. ``--site 10000`` also
times duplicate detection (titles, near-duplicates) over 10,000 generated articles.
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

WORDS = ("council budget harbor ferry library garden school river transit museum the a of and to in "
         "for on with said would its new year city county residents officials program plan vote "
         "million percent report state local service public water park road housing").split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS)]
    while len(words) < rng.randint(8, 30):
        word = rng.choice(WORDS)
        if word != words[-1]:
            words.append(word)
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def article(rng: random.Random, words: int, fmt: str) -> str:
    paras, count = [], 0
    while count < words:
        p = paragraph(rng)
        paras.append(p)
        count += len(p.split())
    claim = f"By Staff · May 5, 2025 · about {count} words"
    if fmt == "md":
        body = "\n\n".join(f"## Section {i}\n\n{p}" if i % 4 == 3 else p for i, p in enumerate(paras))
        return f"# Council passes budget\n\n*{claim}*\n\n{body}\n"
    if fmt == "html":
        body = "\n".join(f"<p>{p}</p>" for p in paras)
        return (f"<html><head><title>Council passes budget</title></head><body><nav><a href='/'>Home</a></nav>"
                f"<article><h1>Council passes budget</h1><p>{claim}</p>\n{body}</article></body></html>\n")
    return "Council passes budget\n" + claim + "\n" + "\n".join(paras) + "\n"


def cold_start(folder: Path, runs: int) -> float:
    rng = random.Random(1)
    path = folder / "one.txt"
    path.write_text(article(rng, 2000, "txt"), encoding="utf-8")
    exe = shutil.which("contentlint") or f"{sys.executable} -m contentlint"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*exe.split(), "check", str(path)], capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def throughput(folder: Path, n: int) -> tuple[float, int, int]:
    from contentlint.config import Settings
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    rng = random.Random(2)
    corpus = folder / "corpus"
    corpus.mkdir()
    words = 0
    for i in range(n):
        fmt = ("txt", "md", "html")[i % 3]
        text = article(rng, rng.randint(600, 1600), fmt)
        words += len(text.split())
        (corpus / f"a{i:04d}.{fmt}").write_text(text, encoding="utf-8")
    linter = Linter(load_registry(), Settings(root=folder))
    start = time.perf_counter()
    result = linter.check_paths([str(corpus)])
    elapsed = time.perf_counter() - start
    assert len(result.files) == n
    return elapsed, words, len(result.diagnostics)


def analysis_costs(folder: Path) -> dict[str, float]:
    """Milliseconds per 1,000 words that each shared analysis takes over the corpus on its own."""
    from contentlint.config import Settings
    from contentlint.parsers import parse
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    lexicon = Linter(load_registry(), Settings(root=folder)).lexicon
    paths = sorted((folder / "corpus").iterdir())
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in paths]
    words = sum(len(t.split()) for _, t in texts)
    costs = {}
    for name in ("boilerplate", "quotations", "facts", "readability"):
        docs = []
        for path, text in texts:
            doc = parse(path, text)
            doc.lexicon = lexicon
            if name != "boilerplate":
                doc.boilerplate  # computed first: measured on its own line
            docs.append(doc)
        start = time.perf_counter()
        for doc in docs:
            getattr(doc, name)
        costs[name] = (time.perf_counter() - start) / words * 1e6
    return costs


def duplicates(n: int) -> tuple[float, int]:
    """Seconds to find duplicate titles and near-duplicates among ``n`` articles (parse, sketch,
    index), with one article in fifty a lightly edited copy of another."""
    from contentlint.checks.site import page, site_findings
    from contentlint.config import Settings
    from contentlint.parsers import parse
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    rng = random.Random(3)
    lexicon = Linter(load_registry(), Settings()).lexicon
    texts = []
    for i in range(n):
        if i % 50 == 49:
            texts.append(texts[i - 7].replace("council", "board", 2))
        else:
            texts.append(article(rng, rng.randint(300, 700), "txt").replace("Council passes budget", f"Story {i}"))
    start = time.perf_counter()
    pages = []
    for i, text in enumerate(texts):
        doc = parse(f"a{i}.txt", text)
        doc.lexicon = lexicon
        pages.append(page(doc))
    found = sum(1 for f in site_findings(pages) if f[0] == "CL614")
    return time.perf_counter() - start, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--site", type=int, default=0, help="also time duplicate detection over this many articles")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = cold_start(folder, args.runs)
        print(f"cold start, one 2,000-word .txt: {cold * 1000:.0f} ms (median of {args.runs})")
        elapsed, words, diags = throughput(folder, args.articles)
        print(f"throughput: {args.articles} articles, {words:,} words in {elapsed:.2f} s "
              f"= {args.articles / elapsed:.0f} articles/s, {words / elapsed / 1000:.0f}k words/s "
              f"({elapsed / words * 1e6:.1f} ms per 1,000 words; {diags} findings)")
        for name, cost in analysis_costs(folder).items():
            print(f"{name} analysis alone: {cost:.2f} ms per 1,000 words")
    if args.site:
        seconds, found = duplicates(args.site)
        print(f"duplicate detection: {args.site:,} articles in {seconds:.1f} s ({found} near-duplicates found)")


if __name__ == "__main__":
    main()
