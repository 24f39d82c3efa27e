"""Benchmarks: cold start for one article, and throughput over many.

    python bench/bench.py                    # defaults: 2,000-word .txt, 500 articles
    python bench/bench.py --articles 1000 --runs 20

Cold start runs ``contentlint check`` as a fresh process (what a pre-commit hook pays)
and reports the median wall time. Throughput lints N generated articles (a mix of
.txt, .md and .html, 600-1,600 words each) in one process and reports words per second.
The articles are made from a fixed seed, so runs are comparable. Last, each shared
analysis (boilerplate, quotations, facts, readability) is timed on its own, facts and conflicts also over
figure-rich articles. ``--site 10000`` also
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

from installed import child_env, compile_bytecode

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
    compile_bytecode()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*exe.split(), "check", str(path)], capture_output=True, env=child_env())
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


def peer(folder: Path) -> float:
    """Seconds a peer takes over the same corpus: textstat's Flesch reading ease and word count,
    one pass per article (what a minimal readability check costs). The ratio to it stays
    meaningful on a shared, noisy machine where absolute times do not."""
    import textstat

    start = time.perf_counter()
    for path in sorted((folder / "corpus").iterdir()):
        text = path.read_text(encoding="utf-8")
        textstat.flesch_reading_ease(text)
        textstat.lexicon_count(text)
    return time.perf_counter() - start


def figures_article(rng: random.Random, words: int) -> str:
    """An article thick with what the contradiction rules read: people with titles, dates,
    counts, amounts, shares, tallies and ranks (so the facts analysis has work to do)."""
    names = ["Ana Ruiz", "Tom Kerr", "Lena Ortiz", "Omar Haddad", "Jun Park", "Ruth Abel"]
    templates = [
        "Mayor {n} said on Tuesday that the city would spend ${m} million on {k} new buses by 2027.",
        "The council voted {a}-{b} in March to approve the plan, which {n} has backed since 2019.",
        "About {p} percent of residents surveyed said they ride transit at least once a week.",
        "Councilwoman {n}, 54, said the {k} routes would carry {c:,} riders a day, up from {d:,} in 2023.",
        "The county finished {o} among the state's 40 counties, {n} said in an interview Friday.",
        "Ridership rose {p} percent last year, the agency's {k}th straight annual gain.",
    ]
    ordinals = ["second", "third", "fourth", "fifth", "sixth"]
    paras, count = [], 0
    while count < words:
        text = " ".join(rng.choice(templates).format(
            n=rng.choice(names), m=rng.randint(2, 90), k=rng.randint(3, 30), a=rng.randint(4, 7), b=rng.randint(0, 3),
            p=rng.randint(5, 70), c=rng.randint(1000, 90000), d=rng.randint(1000, 90000), o=rng.choice(ordinals))
            for _ in range(rng.randint(2, 4)))
        paras.append(text)
        count += len(text.split())
    return "Transit plan advances\nBy Staff · May 5, 2025\n" + "\n".join(paras) + "\n"


def analysis_costs(folder: Path) -> dict[str, float]:
    """Milliseconds per 1,000 words that each shared analysis takes on its own: over the
    generated corpus, and the facts analysis also over figure-rich articles."""
    from contentlint.analyses import Context
    from contentlint.config import Settings
    from contentlint.parsers import parse
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    lexicon = Linter(load_registry(), Settings(root=folder)).lexicon
    paths = sorted((folder / "corpus").iterdir())
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in paths]
    rng = random.Random(11)
    figures = [(f"f{i}.txt", figures_article(rng, rng.randint(600, 1200))) for i in range(100)]
    costs = {}
    for name, corpus in (("boilerplate", texts), ("quotations", texts), ("facts", texts),
                         ("facts (figure-rich articles)", figures), ("conflicts (figure-rich articles)", figures),
                         ("readability", texts)):
        contexts = []
        for path, text in corpus:
            ctx = Context(parse(path, text), lexicon)
            if name != "boilerplate":
                ctx.sentences, ctx.date  # shared parts (which need the boilerplate), built before the clock starts
            if name.startswith("conflicts"):
                ctx.facts
            contexts.append(ctx)
        words = sum(len(t.split()) for _, t in corpus)
        attribute = name.split(" ")[0]
        start = time.perf_counter()
        for ctx in contexts:
            getattr(ctx, attribute)
        costs[name] = (time.perf_counter() - start) / words * 1e6
    return costs


def duplicates(n: int) -> tuple[float, int]:
    """Seconds of the site-wide near-duplicate pass over ``n`` articles' sketches (index and compare;
    the sketches are made per file, with the rest of its check), one article in fifty a lightly
    edited copy of another."""
    from contentlint.analyses import Context
    from contentlint.checks.site import NearDuplicate
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
    rule = NearDuplicate()
    pages = [rule.gather(Context(parse(f"a{i}.txt", text), lexicon)) for i, text in enumerate(texts)]
    start = time.perf_counter()  # the site-wide pass itself: what grew with the square of the articles
    found = sum(1 for _ in rule.check_site(pages))
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
        reference = peer(folder)
        print(f"peer, textstat reading ease + word count over the same files: {reference:.2f} s; "
              f"contentlint's whole check costs {elapsed / reference:.1f}x that")
        for name, cost in analysis_costs(folder).items():
            print(f"{name} analysis alone: {cost:.2f} ms per 1,000 words")
    if args.site:
        seconds, found = duplicates(args.site)
        print(f"duplicate detection: {args.site:,} articles in {seconds:.1f} s ({found} near-duplicates found)")


if __name__ == "__main__":
    main()
