"""Every core, the cache, Dask: the same findings, in the same order, however a run is made."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORY = ("The Harwick council approved a new ferry schedule on Tuesday after a long debate about costs, "
         "service to the islands and the needs of commuters who cross the harbor every morning. ") * 6


@pytest.fixture
def site(tmp_path):
    """The samples, and a near-duplicate pair and a shared title, so the site rules have work."""
    folder = tmp_path / "site"
    shutil.copytree(ROOT / "samples", folder)
    (folder / "ferry.txt").write_text("Ferry schedule approved\n" + STORY, encoding="utf-8")
    (folder / "ferry-copy.txt").write_text("Ferry schedule approved\n" + STORY + "Riders welcomed it.\n",
                                           encoding="utf-8")
    return folder


def _json(cli, *args):
    run = cli("check", "--format", "json", "--exit-zero", *args)
    assert run.code == 0, run.err
    return run.out


def test_two_jobs_find_what_one_finds_in_the_same_order(cli, site):
    serial = _json(cli, "--no-cache", "--jobs", "1", str(site))
    assert '"CL612"' in serial and '"CL614"' in serial  # the site rules saw files from both workers
    assert _json(cli, "--no-cache", "--jobs", "2", str(site)) == serial


def test_a_warm_cache_gives_the_cold_runs_findings(cli, site, tmp_path):
    cache = tmp_path / "cache"
    cold = _json(cli, "--cache-dir", str(cache), str(site))
    assert list(cache.rglob("*.json"))
    assert _json(cli, "--cache-dir", str(cache), str(site)) == cold
    assert _json(cli, "--cache-dir", str(cache), "--jobs", "2", str(site)) == cold
    assert _json(cli, "--no-cache", str(site)) == cold


def test_the_cache_never_serves_results_of_other_settings_or_text(cli, site, tmp_path):
    cache, article = tmp_path / "cache", site / "word-count-claims.txt"
    _json(cli, "--cache-dir", str(cache), str(article))
    assert '"CL101"' not in _json(cli, "--cache-dir", str(cache), "--ignore", "CL101", str(article))
    (tmp_path / ".contentlint.toml").write_text('[severity]\nCL101 = "info"\n', encoding="utf-8")
    assert '"severity": "info"' in _json(cli, "--cache-dir", str(cache), "--select", "CL101", str(article))
    article.write_text("Short note\nThis 9,000-word guide is short.\n", encoding="utf-8")
    assert _json(cli, "--cache-dir", str(cache), str(article)) == _json(cli, "--no-cache", str(article))


def test_a_damaged_cache_entry_is_checked_afresh(cli, site, tmp_path):
    cache = tmp_path / "cache"
    cold = _json(cli, "--cache-dir", str(cache), str(site))
    for entry in cache.rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert _json(cli, "--cache-dir", str(cache), str(site)) == cold


def test_runs_sharing_a_cache_at_once_agree(site, tmp_path):
    cmd = [sys.executable, "-m", "contentlint", "check", "--format", "json", "--exit-zero", "--cache-dir",
           str(tmp_path / "cache"), str(site)]
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path) for _ in range(3)]
    outputs = {run.communicate(timeout=120)[0] for run in runs}
    assert len(outputs) == 1 and b'"CL614"' in outputs.pop()


@pytest.mark.parametrize("value", ["0", "two"])
def test_a_bad_jobs_value_is_a_usage_error(cli, value):
    with pytest.raises(SystemExit) as exit_:
        cli("check", "--jobs", value, ".")
    assert exit_.value.code == 2


# The Dask tests run in a child process of their own: a cluster's client leaves threads behind,
# and this process forks workers in other tests.
_ON_A_CLUSTER = """
import io, json, sys, contextlib
from pathlib import Path
import dask.bag as db
from dask.distributed import Client, LocalCluster
from contentlint.cli import main
from contentlint.config import Settings, LinterSpec
from contentlint.dask_backend import check_bag

def report(*args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--format", "json", "--exit-zero", *args])
    return out.getvalue()

if __name__ == "__main__":
    site = sys.argv[1]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        print(report("--dask", cluster.scheduler_address, site) == report("--no-cache", "--jobs", "1", site))
        spec = LinterSpec(Settings(root=Path(site)))
        files = sorted(str(p) for p in Path(site).iterdir())
        local = spec.build().check_paths(files)
        with Client(cluster.scheduler_address):
            texts = db.from_sequence([(f, Path(f).read_text(encoding="utf-8")) for f in files], npartitions=3)
            remote = check_bag(texts, spec)
        print([d.to_dict() for d in remote.diagnostics] == [d.to_dict() for d in local.diagnostics]
              and remote.files == local.files and len(local.diagnostics) > 0)
"""


def test_a_dask_cluster_finds_what_a_local_run_finds(site, tmp_path):
    """`check --dask` on a two-worker LocalCluster, and check_bag() on a bag of texts, find what a
    local run finds, in the same order."""
    pytest.importorskip("dask.distributed", reason="contentlint[dask] is not installed")
    script = tmp_path / "on_a_cluster.py"
    script.write_text(_ON_A_CLUSTER, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(site)], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert done.stdout.split() == ["True", "True"], done.stderr[-2000:]


def test_an_unreachable_scheduler_is_one_line_and_exit_2(site, tmp_path):
    pytest.importorskip("dask.distributed", reason="contentlint[dask] is not installed")
    done = subprocess.run([sys.executable, "-c", "import sys; import contentlint.dask_backend as d; "
                           "d.CONNECT_TIMEOUT_S = 1; from contentlint.cli import main; sys.exit(main(sys.argv[1:]))",
                           "check", "--dask", "tcp://127.0.0.1:9", str(site)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "cannot reach the scheduler" in done.stderr


def test_an_unchanged_tree_is_answered_without_loading_a_rule(site, tmp_path):
    """The second run over the same files and settings reads them and the run's cache entry
    only: no check module is imported, and the report is the first run's."""
    script = ("import sys; from contentlint.cli import main; code = main(sys.argv[1:]); "
              "print('RULES LOADED' if 'contentlint.checks' in sys.modules else 'NO RULES', code)")
    cmd = [sys.executable, "-c", script, "check", "--format", "json", "--cache-dir", str(tmp_path / "cache"), str(site)]
    first = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    second = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert first.stdout.rsplit("\n", 2)[-2] == "RULES LOADED 1"
    assert second.stdout.rsplit("\n", 2)[-2] == "NO RULES 1"
    assert second.stdout.rsplit("\n", 2)[0] == first.stdout.rsplit("\n", 2)[0]
    (site / "ferry.txt").write_text("Ferry schedule approved\nThe council met.\n", encoding="utf-8")
    third = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert third.stdout.rsplit("\n", 2)[-2] == "RULES LOADED 1"


def test_a_killed_worker_is_one_line_and_exit_2_not_a_hang(cli, site, monkeypatch):
    import os
    import signal

    from contentlint.runner import Linter

    parent, check_text = os.getpid(), Linter.check_text

    def killed_in_a_worker(self, path, source):
        if os.getpid() != parent and path.endswith("ferry.txt"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
        return check_text(self, path, source)

    monkeypatch.setattr(Linter, "check_text", killed_in_a_worker)
    run = cli("check", "--no-cache", "--jobs", "2", str(site))
    assert run.code == 2 and run.err.count("\n") == 1 and "worker process died" in run.err


def test_progress_shows_on_a_terminal_after_a_second_and_cleans_up():
    import io

    from contentlint.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert Progress.on(io.StringIO()) is None  # a pipe or a file: nothing
    now = [0.0]
    screen = Terminal()
    progress = Progress(screen, clock=lambda: now[0])
    progress(10, 1000)
    assert screen.getvalue() == ""  # a short run shows nothing
    now[0] = 2.0
    progress(400, 1000)
    assert "400/1,000 files, 200/s, 3s left" in screen.getvalue()
    progress.close()
    assert screen.getvalue().endswith("\r\x1b[2K")


def test_cross_article_facts_are_cached_too(cli, tmp_path):
    """--cross-doc's facts have a JSON form: a second run is served from the cache, and says the same."""
    folder = tmp_path / "people"
    folder.mkdir()
    (folder / "a.txt").write_text("Marina news\nHarbormaster Tove Lindahl, who took over the marina in 2019, "
                                  "said the docks reopen in May.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Marina update\nHarbormaster Tove Lindahl, who has run the marina since late "
                                  "2020, said repairs are done.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cold = _json(cli, "--cross-doc", "--date", "2025-06-01", "--cache-dir", str(cache), str(folder))
    assert '"CL511"' in cold and len(list(cache.rglob("*.json"))) == 3  # two files and the run
    assert _json(cli, "--cross-doc", "--date", "2025-06-01", "--cache-dir", str(cache), str(folder)) == cold
    # a new file: the run is new, the two old files' facts come from their entries and still conflict
    (folder / "c.txt").write_text("Weather\nRain is due on Friday.\n", encoding="utf-8")
    warm = _json(cli, "--cross-doc", "--date", "2025-06-01", "--cache-dir", str(cache), str(folder))
    assert warm == _json(cli, "--cross-doc", "--date", "2025-06-01", "--no-cache", str(folder))
    assert '"CL511"' in warm


def test_the_python_api_runs_on_several_processes_too(site, monkeypatch):
    import contentlint

    monkeypatch.chdir(site)
    serial, parallel = contentlint.check_paths([site]), contentlint.check_paths([site], jobs=2)
    assert [d.to_dict() for d in parallel.diagnostics] == [d.to_dict() for d in serial.diagnostics]
    assert parallel.files == serial.files and serial.diagnostics
