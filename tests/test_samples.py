"""Golden output for samples/: every rule shows up, clean.md stays clean.

Regenerate after an intended change: ``CONTENTLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_samples.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from contentlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "samples.json"


def test_samples_match_golden_output(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(["check", "--format", "json", "samples"])
    out = capsys.readouterr().out
    if os.environ.get("CONTENTLINT_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(out, encoding="utf-8")
    assert code == 1
    assert json.loads(out) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_samples_show_every_rule_that_a_file_can_trigger():
    from contentlint.registry import load_registry
    from contentlint.rule import RunnerRule, SiteRule

    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    shown = {d["code"] for d in golden}
    expected = {c for c, r in load_registry(plugins=False).rules.items()
                if r.enabled_by_default and (not issubclass(r, (RunnerRule, SiteRule)) or c == "CL900")
                and c != "CL701"}  # grammar needs a backend turned on
    assert expected <= shown, sorted(expected - shown)
    assert not [d for d in golden if d["path"].endswith("clean.md")]
