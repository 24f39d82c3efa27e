"""Fuzzing: generated hostile inputs through the whole check, counting crashes and slow inputs.

    python bench/fuzz.py                      # defaults: 2,000 inputs, seed 1, 10 s budget each
    python bench/fuzz.py --inputs 10000 --seed 7

Inputs come in classes (random bytes and unicode; the samples mutated: lines deleted, duplicated
and shuffled, quotation marks, huge numbers, odd dates and percentages, tags and ``<!--``
injected; front matter invalid, huge, deep or full of aliases; Markdown and HTML with extreme
structure; BOMs, UTF-16, CR line ends; malformed directives). Each is decoded and checked with
every rule, in this process, as ``contentlint check`` would. Reported: tracebacks (an exception
out of the check), CL999 findings (a rule crashed), inputs over the CPU budget (stopped by an
alarm), the slowest inputs, and CPU seconds per MB over all of them.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contentlint.config import Settings  # noqa: E402
from contentlint.errors import InputError  # noqa: E402
from contentlint.files import decode  # noqa: E402
from contentlint.registry import load_registry  # noqa: E402
from contentlint.runner import Linter  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.*"))
ODD = ['"', "“", "”", "'", "<!--", "-->", "<a", "[", "](", "**", "<div>", "</p>", "\x00", "\r", "\ufeff",
       "9" * 400, "inf percent", "nan%", "one in 0 runners", "This 0-word article", "2024-02-30", "0000-01-01",
       "25:00", "Feb. 30, 2024", "1,400 words", "12 min read", "<!-- contentlint-disable CL999 -->",
       "<!-- contentlint-disable-next-line NOPE -->", "Superintendent Dana Okafor said", "the 12 schools",
       "\u202e", "\x1b[31m", "&#x110000;", "&amp;&lt;", "| a | b |\n|---|---|", "#" * 7, "> " * 50]


_PROGRESS_EVERY = 500  # inputs between progress lines on stderr


class Slow(BaseException):
    """Raised by the CPU alarm; not an Exception, so that no rule's error handling catches it."""


def _alarm(signum, frame):
    raise Slow()


def mutate(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        i = rng.randrange(len(lines)) if lines else 0
        if op == 0 and lines:
            del lines[i]
        elif op == 1 and lines:
            lines.insert(i, lines[i] * rng.randint(1, 20))
        elif op == 2:
            rng.shuffle(lines)
        elif op == 3 and lines:
            at = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:at] + rng.choice(ODD) * rng.randint(1, 30) + lines[i][at:]
        elif op == 4:
            lines.insert(i, rng.choice(ODD) * rng.randint(1, 2000))
        else:
            lines.append(" ".join(rng.choice(ODD) for _ in range(rng.randint(1, 50))))
    return "\n".join(lines)


def front_matter(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        body = "a: " + "[" * rng.randint(100, 3000) + "]" * rng.randint(0, 3000)
    elif kind == 1:
        body = f"date: {rng.choice(['2024-02-30', '0000-01-01', '9999-99-99', '25:00:00', '[1, 2]'])}\ntitle: {rng.choice(['[a]', '{b: 1}', '9' * 5000, ''])}"
    elif kind == 2:
        body = "a: &a [x, x, x]\n" + "".join(f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]\n" for i in range(20))
    elif kind == 3:
        body = "x: " + "y" * rng.randint(10_000, 100_000)
    else:
        body = ": : :\n\t- ]\n"
    return f"---\n{body}\n---\n"


def generate(rng: random.Random) -> tuple[str, bytes]:
    """One input: a file name (its suffix picks the format) and its bytes."""
    suffix = rng.choice([".txt", ".md", ".html"])
    kind = rng.randrange(8)
    if kind == 0:
        return suffix, bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 4000)))
    if kind == 1:
        return suffix, "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(0, 3000))).encode(
            "utf-8", "surrogatepass")
    sample = rng.choice(SAMPLES)
    text = sample.read_text(encoding="utf-8")
    suffix = sample.suffix
    if kind == 2:
        text = front_matter(rng) + text
        suffix = ".md"
    elif kind == 3:  # extreme structure
        unit = rng.choice(["<div>", "<a ", "[", "> ", "- ", "<!-- ", "| a ", "**", "<p>", "1. "])
        text = unit * rng.randint(1000, 50_000) + text
    text = mutate(rng, text)
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16"]) if kind == 4 else "utf-8"
    if kind == 5:
        text = text.replace("\n", rng.choice(["\r", "\r\n"]))
    return suffix, text.encode(encoding, "surrogatepass")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget", type=int, default=10, help="CPU seconds an input may take")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    linter = Linter(load_registry(plugins=False), Settings(select=["ALL"]))
    signal.signal(signal.SIGPROF, _alarm)  # ITIMER_PROF counts this process's CPU time
    outcomes: Counter[str] = Counter()
    slowest: list[tuple[float, int, str]] = []
    total_cpu = total_bytes = 0.0
    failures: list[str] = []
    for n in range(args.inputs):
        suffix, data = generate(rng)
        name = f"input{n}{suffix}"
        start = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, args.budget)
        try:
            try:
                source = decode(data, name, suffix == ".html")
            except InputError:
                outcomes["input error (exit 2)"] += 1
                continue
            found = linter.check_source(name, source)
            crashed = [d for d in found if d.code == "CL999"]
            outcomes["CL999" if crashed else "checked"] += 1
            if crashed:
                failures.append(f"{name}: {crashed[0].message}")
                print("FAIL", failures[-1], file=sys.stderr, flush=True)
        except Slow:
            outcomes[f"over {args.budget} s"] += 1
            failures.append(f"{name}: over {args.budget} s of CPU ({len(data):,} bytes)")
            print("FAIL", failures[-1], file=sys.stderr, flush=True)
        except Exception as exc:  # what the CLI would show as a traceback
            outcomes["traceback"] += 1
            failures.append(f"{name}: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
            print("FAIL", failures[-1], file=sys.stderr, flush=True)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            cpu = time.process_time() - start
            total_cpu += cpu
            total_bytes += len(data)
            slowest = sorted(slowest + [(cpu, len(data), name)], reverse=True)[:5]
            if (n + 1) % _PROGRESS_EVERY == 0:
                print(f"... {n + 1} inputs: {dict(outcomes)}", file=sys.stderr, flush=True)
    print(f"{args.inputs} inputs (seed {args.seed}), {total_bytes / 1e6:.1f} MB, "
          f"{total_cpu / max(total_bytes / 1e6, 1e-9):.2f} CPU s per MB")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome:24} {count}")
    print("slowest:", ", ".join(f"{name} {cpu:.2f} s ({size:,} B)" for cpu, size, name in slowest))
    for line in failures[:20]:
        print("FAIL", line)


if __name__ == "__main__":
    main()
