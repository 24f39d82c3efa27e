"""A progress line on stderr for long runs: files done, rate, time left.

Shown only when stderr is a terminal (never in a pipe, a CI log or a hook's captured output),
only once a run has gone on for a while, and redrawn a few times a second at most.
"""

from __future__ import annotations

import time
from typing import TextIO

_SHOW_AFTER_S = 1.0  # a run shorter than this shows nothing
_REDRAW_EVERY_S = 0.2


class Progress:
    def __init__(self, stream: TextIO, clock=time.monotonic) -> None:
        self.stream, self.clock = stream, clock
        self.started = clock()
        self.drawn_at = 0.0
        self.shown = False

    @classmethod
    def on(cls, stream: TextIO) -> Progress | None:
        """A display on ``stream`` if it is a terminal, else None."""
        return cls(stream) if stream.isatty() else None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        elapsed = now - self.started
        if elapsed < _SHOW_AFTER_S or (now - self.drawn_at < _REDRAW_EVERY_S and done < total):
            return
        self.drawn_at, self.shown = now, True
        rate = done / elapsed if elapsed else 0.0
        left = (total - done) / rate if rate else 0.0
        self.stream.write(f"\r\x1b[2Kcontentlint: {done:,}/{total:,} files, {rate:,.0f}/s, "
                          f"{_duration(left)} left")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"
