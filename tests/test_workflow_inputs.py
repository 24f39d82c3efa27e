"""Which files are checked, and the pre-commit setup: gitignore-style globs, .gitignore, --force-exclude,
the hook's definition, the release the README's snippet names, .xhtml, and Markdown link destinations."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

import contentlint
from contentlint.analyses import Context
from contentlint.parsers import parse

ROOT = Path(__file__).resolve().parent.parent
BAD = "Pool reopens\nBy Staff · Word count: 1,400\nThe pool reopened on Saturday after repairs.\n"
ONLY_CL101 = 'select = ["word-count-mismatch"]\n'


def checked(cli, *args: str) -> list[str]:
    """The files a run reports findings on (each file here has one), relative to the current folder."""
    run = cli("check", "--format", "json", "--no-cache", *args)
    assert run.code in (0, 1), run.err
    return sorted({Path(os.path.relpath(d["path"])).as_posix() for d in run.json()})


# -- gitignore-style globs ------------------------------------------------------------------------

def test_exclude_patterns_have_gitignore_meaning(cli, write):
    write(".contentlint.toml", ONLY_CL101 + 'exclude = ["**/archive/**", "drafts/*.md", "notes/", "*.tmp.txt"]\n')
    for name in ["archive/old.txt", "site/archive/old.txt", "drafts/a.md", "drafts/2024/b.md", "site/notes/n.txt",
                 "notes.txt", "site/x.tmp.txt", "site/keep.txt"]:
        write(name, BAD)
    assert checked(cli, ".") == ["drafts/2024/b.md", "notes.txt", "site/keep.txt"]


def test_per_file_ignores_have_gitignore_meaning(cli, write):
    write(".contentlint.toml", ONLY_CL101 + '[per-file-ignores]\n"**/archive/**" = ["CL101"]\n'
          '"letters/*.txt" = ["CL101"]\n"!news/**" = ["CL101"]\n')
    for name in ["archive/a.txt", "letters/a.txt", "letters/2019/a.txt", "news/a.txt", "blog/a.txt"]:
        write(name, BAD)
    # a "!" key (as Ruff's) applies to every file it does not match: only news/ keeps CL101
    assert checked(cli, ".") == ["news/a.txt"]
    write(".contentlint.toml", ONLY_CL101 + '[per-file-ignores]\n"**/archive/**" = ["CL101"]\n'
          '"letters/*.txt" = ["CL101"]\n')
    assert checked(cli, ".") == ["blog/a.txt", "letters/2019/a.txt", "news/a.txt"]


@pytest.mark.parametrize("config", ['exclude = ["a\\\\"]\n', '[per-file-ignores]\n"docs\\\\" = ["CL101"]\n'])
def test_an_invalid_pattern_is_a_config_error(cli, write, config):
    write(".contentlint.toml", config)
    write("a.txt", BAD)
    run = cli("check", ".")  # reported by a run that uses the pattern (compiled when first needed)
    assert run.code == 2 and run.err.count("\n") == 1 and "Traceback" not in run.err
    assert "invalid" in run.err.lower() and ".contentlint.toml" in run.err


def test_readme_documents_the_pattern_semantics():
    config = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Configuration", 1)[1]
    config = config.split("\n## ", 1)[0]
    for phrase in ("gitignore", "**", "force-exclude", "respect-gitignore"):
        assert phrase in config, phrase


# -- .gitignore -------------------------------------------------------------------------------

def _repo(tmp_path: Path, write) -> None:
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("private/\n", encoding="utf-8")
    (tmp_path / ".git" / "HEAD.md").write_text(BAD, encoding="utf-8")  # .git itself is never searched
    write(".gitignore", "_site/\n*.bak.md\n/build\n")
    write("docs/.gitignore", "generated/\n!keep.bak.md\n")
    for name in ["index.md", "_site/index.md", "docs/_site/page.md", "docs/a.bak.md", "docs/keep.bak.md",
                 "docs/generated/x.md", "build/out.md", "docs/build/notes.md", "private/p.md", "post.md"]:
        write(name, BAD)


WHAT_GIT_KEEPS = ["docs/build/notes.md", "docs/keep.bak.md", "index.md", "post.md"]


def test_gitignored_files_are_not_searched(cli, write, tmp_path):
    write(".contentlint.toml", ONLY_CL101)
    _repo(tmp_path, write)
    assert checked(cli, ".") == WHAT_GIT_KEEPS
    assert checked(cli, "docs") == ["docs/build/notes.md", "docs/keep.bak.md"]  # the root's .gitignore applies


def test_discovery_agrees_with_git(cli, write, tmp_path):
    if shutil.which("git") is None:
        pytest.skip("needs git")
    write(".contentlint.toml", ONLY_CL101)
    _repo(tmp_path, write)
    shutil.rmtree(tmp_path / ".git")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("private/\n", encoding="utf-8")
    listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=tmp_path, check=True,
                            capture_output=True, text=True).stdout.split()
    assert sorted(p for p in listed if p.endswith(".md")) == WHAT_GIT_KEEPS == checked(cli, ".")


def test_gitignore_can_be_turned_off_and_named_paths_are_checked(cli, write, tmp_path):
    write(".contentlint.toml", ONLY_CL101)
    _repo(tmp_path, write)
    everything = ["_site/index.md", "build/out.md", "docs/_site/page.md", "docs/a.bak.md", "docs/build/notes.md",
                  "docs/generated/x.md", "docs/keep.bak.md", "index.md", "post.md", "private/p.md"]
    assert checked(cli, "--no-respect-gitignore", ".") == everything
    write(".contentlint.toml", ONLY_CL101 + "respect-gitignore = false\n")
    assert checked(cli, ".") == everything
    assert checked(cli, "--respect-gitignore", ".") == WHAT_GIT_KEEPS
    write(".contentlint.toml", ONLY_CL101)
    # named on the command line: checked as Ruff does, a file or a folder git ignores
    assert checked(cli, "_site/index.md") == ["_site/index.md"]
    assert checked(cli, "_site") == ["_site/index.md"]


def test_outside_a_git_repository_no_gitignore_applies(cli, write):
    write(".contentlint.toml", ONLY_CL101)
    write(".gitignore", "_site/\n")
    write("_site/index.md", BAD)
    assert checked(cli, ".") == ["_site/index.md"]


# -- --force-exclude ----------------------------------------------------------------------------

def test_force_exclude_applies_exclude_to_files_named(cli, write):
    write(".contentlint.toml", ONLY_CL101 + 'exclude = ["drafts/**", "wip/"]\n')
    draft, wip, post = write("drafts/a.md", BAD), write("site/wip/b.txt", BAD), write("post.txt", BAD)
    assert checked(cli, draft, wip, post) == ["drafts/a.md", "post.txt", "site/wip/b.txt"]  # named: checked
    run = cli("check", "--no-cache", "--force-exclude", draft, wip)
    assert run.code == 0, run.out + run.err  # a staged draft does not block the commit
    assert checked(cli, "--force-exclude", draft, wip, post) == ["post.txt"]
    assert checked(cli, "--force-exclude", "drafts") == []
    write(".contentlint.toml", ONLY_CL101 + 'exclude = ["drafts/**"]\nforce-exclude = true\n')
    assert checked(cli, draft, post) == ["post.txt"]
    assert checked(cli, "--no-force-exclude", draft) == ["drafts/a.md"]


def test_a_folder_named_is_searched_without_the_patterns_that_exclude_it(cli, write):
    write(".contentlint.toml", ONLY_CL101 + 'exclude = ["drafts/", "*.tmp.md"]\n')
    write("drafts/a.md", BAD), write("drafts/b.tmp.md", BAD), write("post.md", BAD)
    assert checked(cli, ".") == ["post.md"]
    assert checked(cli, "drafts") == ["drafts/a.md"]
    assert checked(cli, "--force-exclude", "drafts", "post.md") == ["post.md"]


def test_patterns_match_the_tree_as_shown_through_a_symlink(cli, write, tmp_path, monkeypatch):
    """A folder linked in from outside the configuration's folder is matched where it is shown."""
    site = tmp_path / "site"
    (site / ".git").mkdir(parents=True)
    write("site/.contentlint.toml", ONLY_CL101 + 'exclude = ["drafts/"]\n'
          '[per-file-ignores]\n"content/archive/**" = ["CL101"]\n')
    write("site/.gitignore", "_site/\n")
    for name in ["drafts/a.md", "archive/b.md", "_site/c.md", "post.md"]:
        write(f"shared/{name}", BAD)
    (site / "content").symlink_to("../shared", target_is_directory=True)
    (tmp_path / "alias").symlink_to("site", target_is_directory=True)  # the site, reached another way
    monkeypatch.chdir(site)
    assert checked(cli, "content") == ["content/post.md"]
    assert checked(cli, "--force-exclude", "content/drafts/a.md", "content/post.md") == ["content/post.md"]
    assert checked(cli, "--force-exclude", "../alias/content/drafts/a.md") == []


def test_each_pattern_setting_is_compiled_once_per_run(cli, write, monkeypatch):
    from contentlint import globs

    compiled = []
    real = globs._compile
    monkeypatch.setattr(globs, "_compile", lambda lines: compiled.append(lines) or real(lines))
    write(".contentlint.toml", ONLY_CL101 + 'exclude = ["drafts/"]\n'
          '[per-file-ignores]\n"archive/**" = ["CL101"]\n"letters/*.txt" = ["CL101"]\n')
    for name in ["drafts/a.md", "archive/a.txt", "letters/a.txt", "post.txt"]:
        write(name, BAD)
    assert cli("check", "--format", "json", ".").code == 1  # fills the cache
    write("post.txt", BAD + "More.\n")
    compiled.clear()
    # the cache is asked (and the files found) first, then the files are checked and found again
    assert cli("check", "--format", "json", ".").code == 1
    assert sorted(compiled) == [["archive/**"], ["drafts/"], ["letters/*.txt"]]


def _imports_pathspec(folder: Path, *args: str) -> bool:
    probe = ("import sys; from contentlint.cli import main; main(['check', '--no-cache', *sys.argv[1:]]); "
             "print('pathspec' in sys.modules, file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", probe, *args], cwd=folder, capture_output=True, text=True,
                         timeout=60)
    return run.stderr.strip().splitlines()[-1] == "True"


def test_pathspec_is_imported_only_for_patterns_a_run_uses(write, tmp_path):
    (tmp_path / ".git" / "info").mkdir(parents=True)  # what `git init` writes: comments only
    (tmp_path / ".git" / "info" / "exclude").write_text("# git ls-files --others --exclude-from=.git/info/exclude\n"
                                                       "# Lines that start with '#' are comments.\n", encoding="utf-8")
    write("post.md", BAD)
    assert not _imports_pathspec(tmp_path, ".")
    write(".contentlint.toml", 'exclude = ["drafts/"]\n')
    assert not _imports_pathspec(tmp_path, "post.md")  # a file named: exclude is not asked about
    assert _imports_pathspec(tmp_path, ".")


def test_boolean_settings_must_be_booleans(cli, write):
    write(".contentlint.toml", 'force-exclude = "yes"\n')
    run = cli("check", write("a.txt", BAD))
    assert run.code == 2 and "'force-exclude' must be true or false" in run.err


# -- the hook, and the release its snippet names --------------------------------------------------

def _hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in yaml.safe_load(ROOT.joinpath(".pre-commit-hooks.yaml").read_text("utf-8"))}


def test_the_site_wide_rules_have_their_own_hook_over_the_whole_tree():
    hooks = _hooks()
    # pre-commit splits a long file list into several runs whatever require_serial says: the
    # per-file hook leaves out the rules that compare articles, and contentlint-site runs them once
    per_file, site = hooks["contentlint"], hooks["contentlint-site"]
    assert {"--force-exclude", "--site-wide", "skip"} <= set(per_file["entry"].split())
    assert per_file.get("pass_filenames", True) and per_file["require_serial"] is True
    assert site["entry"].split()[-3:] == ["--site-wide", "only", "."] and site["pass_filenames"] is False
    for hook in (per_file, site):
        assert {"markdown", "plain-text", "html"} <= set(hook["types_or"])


def test_site_wide_skip_and_only_divide_the_rules_between_the_hooks():
    from contentlint.config import Settings
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    registry = load_registry(plugins=False)
    every = Linter(registry, Settings(select=["ALL"])).enabled
    skip = Linter(registry, Settings(select=["ALL"]), site_wide="skip").enabled
    only = Linter(registry, Settings(select=["ALL"]), site_wide="only").enabled
    assert only == {"CL511", "CL612", "CL613", "CL614", "CL902"}  # CL902: the directives naming them
    assert skip == every - {"CL511", "CL612", "CL613", "CL614"}
    assert Linter(registry, Settings(select=["CL101"]), site_wide="only").enabled == set()  # selection holds


def test_site_wide_only_reports_the_directives_it_leaves_unused(cli, write):
    write(".contentlint.toml", 'select = ["CL101", "CL612", "CL902"]\n')
    write("a.md", "# Pool reopens\n\nThe pool reopened.\n")
    write("b.md", "<!-- contentlint-disable-file CL612 -->\n# Pool reopens\n\nThe pool reopened.\n")
    write("c.md", "<!-- contentlint-disable-next-line CL612 -->\n# Budget\n\nBy Staff · Word count: 1,400\n")
    run = cli("check", "--format", "json", "--no-cache", "--site-wide", "only", ".")
    assert sorted((d["path"], d["code"]) for d in run.json()) == [("c.md", "CL902")]
    run = cli("check", "--format", "json", "--no-cache", "--site-wide", "skip", ".")
    assert sorted((d["path"], d["code"]) for d in run.json()) == [("c.md", "CL101")]


def test_readme_snippet_names_both_hooks():
    snippet = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## pre-commit", 1)[1].split("```", 2)[1]
    assert re.findall(r"-\s*id:\s*(\S+)", snippet) == list(_hooks()) == ["contentlint", "contentlint-site"]


def test_readme_snippet_names_this_version_and_the_changelog_has_it():
    version = contentlint.__version__
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    snippet = readme.split("## pre-commit", 1)[1].split("```", 2)[1]
    assert re.findall(r"rev:\s*(\S+)", snippet) == [f"v{version}"]
    project = tomllib.loads(ROOT.joinpath("pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["hatch"]["version"]["path"] == "contentlint/__init__.py"  # one version, this one
    changelog = ROOT.joinpath("CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)
    assert re.search(r"^## \[Unreleased\]$", changelog, re.M)


# -- .xhtml -------------------------------------------------------------------------------------

XHTML = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
<title>Caf\xe9 reopens after repairs</title>
<meta name="description" content="The caf\xe9 by the pool reopened on Saturday."/>
<script type="text/javascript" src="site.js"/>
</head>
<body>
<h1>Caf\xe9 reopens</h1>
<p>The caf\xe9 reopened on Saturday.<br/>Swimmers queued early.</p>
<p><img src="cafe.jpg" alt="The caf\xe9"/></p>
</body>
</html>
"""


def test_xhtml_is_read_as_html(cli, write, tmp_path):
    path = tmp_path / "site" / "cafe.xhtml"
    path.parent.mkdir()
    path.write_bytes(XHTML.encode("iso-8859-1"))  # declared in the XML prolog, not UTF-8
    from contentlint.files import read_article

    doc = parse(str(path), read_article(path))
    assert doc.format == "html"
    assert doc.source[doc.title.start:doc.title.end] == "Café reopens after repairs"
    assert doc.meta["description"] == "The café by the pool reopened on Saturday."
    assert [i.alt for i in doc.images] == ["The café"]
    assert Context(doc).words == ["Café", "reopens", "The", "café", "reopened", "on", "Saturday",
                                  "Swimmers", "queued", "early"]  # the heading and body; no markup
    assert "xml" not in doc.prose and "DOCTYPE" not in doc.prose and "/>" not in doc.prose
    write(".contentlint.toml", 'select = ["CL601"]\n')
    run = cli("check", "--format", "json", "--no-cache", "site")  # found in a folder, and has a title
    assert run.code == 0 and run.json() == [] and "no articles" not in run.err


# -- Markdown link destinations -------------------------------------------------------------------

@pytest.mark.parametrize(("markdown", "target"), [
    ("See the [report](https://en.wikipedia.org/wiki/Foo_(bar)) for details.", "https://en.wikipedia.org/wiki/Foo_(bar)"),
    ('See the [report](https://x.org/a "The (annual) report") for details.', "https://x.org/a"),
    ("See the [report](<files/annual report.pdf>) for details.", "files/annual report.pdf"),
    ("See the [report](<https://x.org/r>) for details.", "https://x.org/r"),
    ("See the [report](/r 'The report') for details.", "/r"),
])
def test_markdown_link_destinations_leave_no_markup_in_the_prose(markdown, target):
    doc = parse("a.md", f"# Title\n\n{markdown}\n")
    assert [(link.text, link.target) for link in doc.links] == [("report", target)]
    body = doc.prose.split("\n")[2]
    assert body.split() == ["See", "the", "report", "for", "details."]
    assert Context(doc).words == ["See", "the", "report", "for", "details"]


def test_markdown_image_destination_with_parentheses():
    doc = parse("a.md", "# Title\n\n![A pool](img/pool_(2024).jpg) The pool reopened.\n")
    assert [(i.alt, i.src) for i in doc.images] == [("A pool", "img/pool_(2024).jpg")]
    assert doc.prose.split("\n")[2].split() == ["The", "pool", "reopened."]
