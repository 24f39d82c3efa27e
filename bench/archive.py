"""A site-sized run: N generated articles (default 100,000) through ``contentlint check``, with its
wall time, CPU time and peak memory, as one fresh process on every core (no cache).

    python bench/archive.py                  # 100,000 articles, about 700 MB of files
    python bench/archive.py --articles 20000 --folder /tmp/archive

The folder is kept (``--folder``) so that a second run can reuse it; it is generated once.
Not run in CI: it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from installed import child_env, compile_bytecode
from peer import write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/contentlint-archive"))
    args = parser.parse_args()
    corpus = args.folder / f"{args.articles}"
    if not corpus.is_dir():
        write_corpus(corpus, args.articles, seed=3)
    compile_bytecode()
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "contentlint", "check", "--no-cache", "--quiet", "--exit-zero",
                              "--format", "concise", str(corpus)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=child_env())
    findings = sum(1 for _ in child.stdout)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"contentlint failed: {child.stderr.read().decode(errors='replace')[-500:]}")
    cpu = usage.ru_utime + usage.ru_stime  # the children's (the workers'), as os.wait4 reports them
    print(f"{args.articles:,} articles: {wall:.0f} s wall ({args.articles / wall:.0f} articles/s), "
          f"{findings:,} findings; CPU {cpu:.0f} s; peak memory of the largest process {usage.ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
