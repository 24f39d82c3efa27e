"""The environment of a fresh ``contentlint`` process as users have it.

A wheel install compiles contentlint's modules to bytecode, so a user's fresh process loads
them. This machine sets ``PYTHONDONTWRITEBYTECODE=1``, which would make every process the
benches start recompile every module from source (about 60 ms): a cost no installed copy pays.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child_env() -> dict[str, str]:
    """The environment for a measured child process, with bytecode written and read as installed."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_bytecode() -> None:
    """Write the bytecode a wheel install would have (``__pycache__`` is git-ignored)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "contentlint")], check=True,
                   env=child_env())
