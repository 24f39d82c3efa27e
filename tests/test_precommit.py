"""The pre-commit hook, run by real pre-commit against a temporary git repository of articles.

pre-commit builds the hook's own virtualenv from this repository (``try-repo`` snapshots
uncommitted changes too), so this test takes tens of seconds and needs the package index.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = "Pool reopens\nBy Staff · Word count: 1,400\nThe pool reopened on Saturday after repairs.\n"
CLEAN = "Pool reopens\nThe pool reopened on Saturday after two years of repairs.\n"

pytestmark = pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None,
                                reason="needs git and a git checkout of contentlint")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def try_repo(repo: Path, home: Path, *names: str, hook: str = "contentlint") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *names],
        cwd=repo, capture_output=True, text=True, timeout=900,
        env={"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "PRE_COMMIT_HOME": str(home),
             "HOME": str(home), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def test_hook_fails_on_a_bad_article_and_passes_on_a_clean_one(tmp_path):
    repo, home = tmp_path / "articles", tmp_path / "home"
    repo.mkdir()
    home.mkdir()
    git(repo, "init", "-q")
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "clean.md").write_text("# Pool reopens\n\n" + CLEAN.split("\n", 1)[1], encoding="utf-8")
    (repo / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    git(repo, "add", ".")

    bad = try_repo(repo, home, "bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.txt:2:12: CL101 [error] claims 1,400 words" in bad.stdout

    clean = try_repo(repo, home, "clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    skipped = try_repo(repo, home, "notes.csv")  # not markdown, plain-text or html
    assert skipped.returncode == 0 and "no files to check" in skipped.stdout

    # A staged file under `exclude` does not block the commit (the hook runs with --force-exclude).
    (repo / ".contentlint.toml").write_text('select = ["CL101", "CL612"]\nexclude = ["drafts/**"]\n'
                                            'fail-on = "warning"\n', encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "wip.txt").write_text(BAD, encoding="utf-8")
    # Eight articles with clean.md's title. pre-commit splits a hook's files into batches (one per
    # core, and at 128 KiB of arguments whatever require_serial says), each of which would see
    # only its own duplicates; so the per-file hook leaves the site-wide rules out, and
    # contentlint-site runs them once over the whole tree, whichever articles are staged.
    same = [f"same-{i}.md" for i in range(8)]
    for name in same:
        (repo / name).write_text((repo / "clean.md").read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "add", ".")
    draft = try_repo(repo, home, "drafts/wip.txt")
    assert draft.returncode == 0, draft.stdout + draft.stderr
    per_file = try_repo(repo, home, *same)
    assert per_file.returncode == 0 and "CL612" not in per_file.stdout, per_file.stdout + per_file.stderr
    site = try_repo(repo, home, "same-3.md", hook="contentlint-site")
    assert site.returncode == 1, site.stdout + site.stderr
    reported = sorted(line.split(":", 1)[0] for line in site.stdout.splitlines() if ": CL612 [warning]" in line)
    assert reported == ["clean.md", *same]  # bad.txt is the first of the ten; drafts/ is excluded
    assert "CL101" not in site.stdout  # bad.txt's finding is the per-file hook's
    assert try_repo(repo, home, "notes.csv", hook="contentlint-site").returncode == 0  # no article staged
