"""Worst-case shapes: CPU time and peak memory of ``contentlint check`` on 1 MB of each.

    python bench/worst_cases.py                 # every shape, 1 MB each
    python bench/worst_cases.py --size 250000 --only digits,short-lines
    python bench/worst_cases.py --runs 3        # the least CPU time of three checks per shape

Each shape is written to a temporary file and checked with every rule (``--select ALL``) in a
fresh process, so the figures are that process's own: user+system CPU seconds and peak resident
memory, with contentlint's bytecode compiled as an install has it (``installed.py``). The peer, on the same machine in the same run, is 1 MB of ordinary prose (the samples
repeated): a shape that costs much more than prose per byte is a cost that grows badly. The
targets are issue 12's: at most 2 s of CPU and 200 MB for each shape.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from installed import ROOT, child_env, compile_bytecode

CPU_TARGET_S = 2.0
MEMORY_TARGET_MB = 200


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _table(size: int) -> str:
    row = "| " + " | ".join(f"cell {i}" for i in range(8)) + " |\n"
    return "| " + " | ".join(f"h{i}" for i in range(8)) + " |\n|" + "---|" * 8 + "\n" + _repeat(row, size)


def _prose(size: int) -> str:
    samples = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")))
    return _repeat(samples + "\n\n", size)


# name -> (suffix, builder of `size` characters)
SHAPES = {
    "digits": (".txt", lambda n: _repeat("9", n)),
    "title-and-name": (".txt", lambda n: _repeat("Superintendent Dana Okafor ", n)),
    "one-count": (".txt", lambda n: _repeat("the 12 schools ", n)),
    "counts-in-sentences": (".txt", lambda n: _repeat("The 12 schools closed. Then 14 schools opened. ", n)),
    "names-in-sentences": (".txt", lambda n: _repeat("Superintendent Dana Okafor spoke. Mayor Dana Okafor left. ", n)),
    "unclosed-comments": (".txt", lambda n: _repeat("<!-- ", n)),
    "unclosed-comments-html": (".html", lambda n: _repeat("<!-- ", n)),
    "md-open-tags": (".md", lambda n: _repeat("<a", n)),
    "md-brackets": (".md", lambda n: _repeat("[", n)),
    "md-table": (".md", _table),
    "short-lines": (".txt", lambda n: _repeat("a b c d\n", n)),
    "no-sentence-end": (".txt", lambda n: _repeat("the council met again and ", n)),
    "one-long-line": (".txt", lambda n: _repeat("The council met again. ", n)),
    "quotation-marks": (".txt", lambda n: _repeat('"a" ', n)),
    "numbers": (".txt", lambda n: _repeat("12 ", n)),
    "html-nesting": (".html", lambda n: "<div>" * 10_000 + _repeat("text ", n - 50_000) + "</div>" * 10_000),
    "md-quote-nesting": (".md", lambda n: ">" * 10_000 + " text\n" + _repeat("> text\n", n - 10_006)),
    "md-list-nesting": (".md", lambda n: "".join("  " * i + "- item\n" for i in range(400)) + _repeat("- item\n", n)),
    "prose (peer)": (".txt", _prose),
}


def measure(path: Path) -> tuple[float, float, int]:
    """CPU seconds, peak memory in MB and exit code of one check, in a fresh process of its own
    with a cache of its own (a first run: the cache written, nothing read from it)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as cache:
        child = subprocess.Popen([sys.executable, "-m", "contentlint", "check", "--select", "ALL", "--format",
                                  "concise", "--cache-dir", cache, str(path)], cwd=ROOT, stdout=subprocess.DEVNULL,
                                 stderr=err, env=child_env())
        _, status, usage = os.wait4(child.pid, 0)  # this child's own usage, peak memory included
        child.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            print(f"  {path.name}: exit {code}: {err.read().decode(errors='replace').strip()[-300:]}", file=sys.stderr)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per shape")
    parser.add_argument("--only", help="comma-separated shape names")
    parser.add_argument("--runs", type=int, default=1,
                        help="checks per shape: the least CPU time is reported, the least disturbed by a shared machine")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(SHAPES)
    print(f"{'shape':24} {'CPU s':>7} {'peak MB':>8} {'x prose':>8}  exit")
    rows = []
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            suffix, build = SHAPES[name]
            path = Path(tmp) / (name.split()[0] + suffix)
            path.write_text(build(args.size), encoding="utf-8")
            runs = [measure(path) for _ in range(args.runs)]
            rows.append((name, min(cpu for cpu, _, _ in runs), max(peak for _, peak, _ in runs), runs[-1][2]))
            os.remove(path)
    peer = next((cpu for name, cpu, _, _ in rows if name == "prose (peer)"), None)
    for name, cpu, peak, code in rows:
        ratio = f"{cpu / peer:8.2f}" if peer else f"{'':8}"
        flag = "" if cpu <= CPU_TARGET_S and peak <= MEMORY_TARGET_MB or name == "prose (peer)" else "  OVER"
        print(f"{name:24} {cpu:7.2f} {peak:8.0f} {ratio}  {code}{flag}")


if __name__ == "__main__":
    main()
