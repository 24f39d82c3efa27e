"""Third-party rules through the ``contentlint.rules`` entry point, and crash isolation (CL999)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

PLUGIN = Path(__file__).parent / "fixtures" / "plugin"


def run(tmp_path, *args, plugin_dir=PLUGIN):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(plugin_dir), os.environ.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, "-m", "contentlint", *args], capture_output=True, text=True,
                          cwd=tmp_path, env=env)


def test_plugin_rules_are_discovered_configured_and_isolated(tmp_path):
    (tmp_path / "a.txt").write_text("Memo\nReal synergy and teamwork, with the the usual notes.\n")
    proc = run(tmp_path, "check", "--format", "json", "a.txt")
    found = {d["code"]: d for d in json.loads(proc.stdout) if not d["code"].startswith(("CL3", "CL6"))}
    assert set(found) == {"CL850", "CL999"}, proc.stderr
    assert found["CL999"]["message"] == "rule CL851 (always-crashes) crashed: RuntimeError: boom"
    assert proc.returncode == 1

    (tmp_path / ".contentlint.toml").write_text('ignore = ["CL851"]\n[rules.house-buzzword]\nwords = ["teamwork"]\n')
    found = [d["message"] for d in json.loads(run(tmp_path, "check", "--format", "json", "a.txt").stdout)]
    assert "avoid 'teamwork'" in found and not any("synergy" in m or "crashed" in m for m in found)

    listing = run(tmp_path, "rules").stdout
    assert "house-buzzword" in listing and "plugin house" in listing


def test_broken_plugin_is_a_clear_exit_2(tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(PLUGIN, broken)
    (broken / "cl_testplugin-0.1.dist-info" / "entry_points.txt").write_text(
        "[contentlint.rules]\nhouse = cl_testplugin:MISSING\n")
    (tmp_path / "a.txt").write_text("Memo\nText.\n")
    proc = run(tmp_path, "check", "a.txt", plugin_dir=broken)
    assert proc.returncode == 2
    assert proc.stderr.startswith("contentlint: error: plugin 'house'") and "Traceback" not in proc.stderr
