"""Every core: a run's per-file work in worker processes, its outcomes in the files' order.

Workers are forked from the process that built the linter, so each starts with its registry,
compiled patterns, cache and what its rules prepared (Harper's dictionary) already in place
(nothing is rebuilt or pickled but the paths and the outcomes). Where the platform cannot fork, the files are checked in this process.
The order of the outcomes, and so the report and the exit code, is the serial run's.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.errors import ContentlintError, InputError

if TYPE_CHECKING:
    from contentlint.runner import FileOutcome, Linter

# Files sent to a worker at a time: enough to keep the exchange small next to the work
# (an article takes some 10 ms), few enough that two workers finish together.
_CHUNK = 8
_MIN_FILES_PER_WORKER = 2  # below this, starting workers costs more than it saves

_linter: Linter | None = None  # the linter a forked worker inherited


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _check(item: Path | InputError) -> FileOutcome:
    return _linter.check_file(item)


def outcomes(linter: Linter, items: list[Path | InputError], jobs: int) -> Iterator[FileOutcome]:
    """Each item checked, in order, on up to ``jobs`` processes."""
    jobs = min(jobs, len(items) // _MIN_FILES_PER_WORKER)
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(linter.check_file, items)
        return
    linter.prepare()  # once here, not once per worker
    global _linter
    _linter = linter
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_check, items, chunksize=_CHUNK)
    except BrokenProcessPool:  # a worker killed (out of memory?): its files' results are lost
        raise ContentlintError("a worker process died while checking files (out of memory?); "
                               "run again with --jobs 1 to find the file") from None
    finally:
        _linter = None
