"""Beyond one machine: a run's per-file work as a Dask bag, the site-wide pass on the client.

Each task checks one article on a worker with a linter built there from the run's
:class:`~contentlint.runner.LinterSpec` (once per worker process); its outcome (findings,
what the site rules gather and, for the HTML report, its figures) comes back in the bag's order, and the client folds them into
one result with the site-wide rules run once over everything gathered, as a local run does.
Paths are read on the workers, so they must see the same files (a shared or copied tree);
a bag of ``(name, text)`` pairs needs no shared files. Needs ``contentlint[dask]``.

    contentlint check --dask tcp://scheduler:8786 archive/

    import dask.bag as db
    from contentlint.dask_backend import check_bag
    result = check_bag(db.from_sequence(paths, npartitions=64), spec)
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Union

from contentlint.errors import InputError, UsageError
from contentlint.files import discover

if TYPE_CHECKING:
    from contentlint.config import LinterSpec
    from contentlint.runner import FileOutcome, Linter, Result

Item = Union[str, Path, InputError, tuple[str, str]]  # a path, an error found instead, or (name, text)
_PER_PARTITION = 64  # articles per task group: a few seconds of work each
CONNECT_TIMEOUT_S = 10  # how long to wait for the scheduler before saying it cannot be reached

_built: dict[bytes, Linter] = {}  # per worker process: the linter of each spec it has run


def _linter(spec: LinterSpec) -> Linter:
    key = pickle.dumps(spec)
    if key not in _built:
        _built.clear()
        _built[key] = spec.build()
    return _built[key]


def check_item(item: Item, spec: LinterSpec) -> FileOutcome:
    """One bag element checked (on a worker)."""
    linter = _linter(spec)
    if isinstance(item, tuple):
        return linter.check_text(*item)
    return linter.check_file(item if isinstance(item, InputError) else Path(item))


def check_bag(bag, spec: LinterSpec, linter: Linter | None = None) -> Result:
    """A bag of paths or ``(name, text)`` pairs checked on the cluster it computes on."""
    outcomes = bag.map(check_item, spec).compute()
    return (linter or spec.build()).collect(outcomes)


def check_paths(spec: LinterSpec, paths: list[str], scheduler: str, linter: Linter) -> Result:
    """``contentlint check --dask SCHEDULER PATHS``: the files found here, checked on the cluster."""
    try:
        import dask.bag as db
        from dask.distributed import Client
    except ImportError:
        raise UsageError("--dask needs Dask: pip install 'contentlint[dask]'") from None
    items = list(discover(paths, spec.settings))
    try:
        client = Client(scheduler, timeout=f"{CONNECT_TIMEOUT_S}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--dask {scheduler}: cannot reach the scheduler ({exc})") from None
    with client:
        bag = db.from_sequence([i if isinstance(i, InputError) else str(i) for i in items],
                               partition_size=_PER_PARTITION) if items else db.from_sequence([], npartitions=1)
        return check_bag(bag, spec, linter)
