"""Module-level patterns are compiled on first use and then behave as compiled patterns do."""

from __future__ import annotations

import re
import subprocess
import sys

from contentlint.language import lazy_re


def test_a_lazy_pattern_matches_as_the_compiled_one_does():
    lazy, real = lazy_re.compile(r"\b(\w+)\s+\1\b", re.I), re.compile(r"\b(\w+)\s+\1\b", re.I)
    text = "The the pool and and the ramp"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.sub(r"\1", text) == real.sub(r"\1", text)
    assert (lazy.pattern, lazy.flags, lazy.groups) == (real.pattern, real.flags, real.groups)
    assert "search" in vars(lazy)  # after the first use, the pattern's own methods: no indirection


def test_starting_a_check_compiles_only_what_it_uses():
    """Loading every rule compiles none of the analyses' module-level patterns."""
    probe = ("import re, sys; from contentlint.registry import load_registry; load_registry(); "
             "from contentlint.language import lazy_re; import gc; "
             "pending = [o for o in gc.get_objects() if isinstance(o, lazy_re.LazyPattern)]; "
             "print(len(pending), sum('search' in vars(o) for o in pending))")
    total, compiled = map(int, subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                              check=True).stdout.split())
    assert total > 200 and compiled < total / 10
