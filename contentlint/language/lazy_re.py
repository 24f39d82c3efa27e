"""Module-level patterns compiled when first used, not when their module is imported.

contentlint has some 400 module-level patterns; compiling them all took about 60 ms of every
start, and a check of one article uses about a fifth of them. ``compile`` returns a stand-in
that compiles on its first use and then keeps the real pattern's methods as its own attributes,
so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re

_DELEGATED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
              "pattern", "flags", "groups", "groupindex", "scanner")


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        real = re.compile(*self._source)
        for attr in _DELEGATED:
            setattr(self, attr, getattr(real, attr))
        return getattr(real, name)

    def __repr__(self) -> str:
        return f"lazy_re.compile({self._source[0]!r}, {self._source[1]!r})"


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 (re.compile's name, on purpose)
    return LazyPattern(pattern, flags)
