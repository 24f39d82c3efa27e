"""``--fix``, ``--unsafe-fixes`` and ``--diff``: what is rewritten, how it is written, and what never is."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from contentlint import check_text

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("Bus fares rise in May\n\n"
           "This 2,000-word guide explains the new fares. The council voted on Tuesday to raise bus fares by "
           "ten cents, the first rise since 2019, and riders will pay more from the first of May.\n\n"
           "Hook: Did you know that fares rise again next spring?\n\n"
           "The mayor said the rise was needed to keep the buses running on time.\n")
# the article's true length, as CL101 counts it (the outline label is boilerplate, not counted)
TRUE = re.search(r"has (\d+) words", check_text(ARTICLE, "fares.txt", select=["CL101"])[0].message).group(1)
FIXED = ARTICLE.replace("2,000", TRUE)


def _fix(cli, *args):
    return cli("check", "--no-cache", "--select", "CL101,CL209,CL801,CL802", *args)


def test_fix_rewrites_a_false_word_count_and_a_second_run_finds_nothing_to_fix(cli, write):
    path = write("fares.txt", ARTICLE)
    first = _fix(cli, "--fix", path)
    text = Path(path).read_text(encoding="utf-8")
    assert text == FIXED
    assert "Hook:" in text  # removing a block is unsafe: not without --unsafe-fixes
    assert "fixed 1 finding in 1 file" in first.err
    assert "CL101" not in first.out and "CL209" in first.out  # the report is of what is left
    assert _fix(cli, "--diff", path).code == 0
    assert _fix(cli, "--fix", path).err == "" and Path(path).read_text(encoding="utf-8") == text


def test_unsafe_fixes_remove_a_block_with_the_blank_line_beside_it(cli, write):
    path = write("fares.txt", ARTICLE)
    _fix(cli, "--fix", "--unsafe-fixes", path)
    text = Path(path).read_text(encoding="utf-8")
    assert "Hook:" not in text and "\n\n\n" not in text
    assert text.endswith("running on time.\n")


def test_diff_prints_the_fixes_and_writes_nothing(cli, write):
    path = write("fares.txt", ARTICLE)
    done = _fix(cli, "--diff", "--unsafe-fixes", path)
    assert done.code == 1
    assert "-This 2,000-word guide" in done.out and f"+This {TRUE}-word guide" in done.out and "-Hook:" in done.out
    assert Path(path).read_text(encoding="utf-8") == ARTICLE


def test_overlapping_fixes_are_applied_over_several_passes(cli, write):
    # the curly-quote fix spans the block, the repeated word sits inside it: one pass cannot take both
    path = write("q.txt", 'Fares\n\n"The the fare," she said, "is final."\n')
    cli("check", "--no-cache", "--select", "CL801,CL802", "--fix", path)
    assert Path(path).read_text(encoding="utf-8") == "Fares\n\n“The fare,” she said, “is final.”\n"


def test_encoding_line_ends_and_mode_are_kept(cli, tmp_path):
    path = tmp_path / "fares.txt"
    body = ARTICLE.replace("\n", "\r\n")
    body = body.replace("\r\n\r\nHook", "\n\nHook", 1)  # one file, mixed line ends
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    path.chmod(0o640)
    _fix(cli, "--fix", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == body.replace("2,000", TRUE)  # every other byte as it was
    assert path.stat().st_mode & 0o777 == 0o640


def test_an_html_page_in_its_declared_charset_is_written_back_in_it(cli, tmp_path):
    path = tmp_path / "page.html"
    page = ('<html><head><meta charset="iso-8859-1"><title>Café fares</title></head><body>'
            '<p>A 12-minute read.</p><p>The café council voted on Tuesday to raise fares.</p></body></html>')
    path.write_bytes(page.encode("iso-8859-1"))
    cli("check", "--no-cache", "--select", "CL102", "--fix", str(path))
    assert path.read_bytes() == page.replace("12-minute", "1-minute").encode("iso-8859-1")


def test_a_file_changed_on_disk_while_it_was_fixed_is_left_as_it_is(cli, write, monkeypatch):
    from contentlint import fixes

    path = write("fares.txt", ARTICLE)
    fix_text = fixes.fix_text

    def edited_meanwhile(*args, **kwargs):
        Path(path).write_text("The editor's own version.\n", encoding="utf-8")
        return fix_text(*args, **kwargs)

    monkeypatch.setattr(fixes, "fix_text", edited_meanwhile)
    done = _fix(cli, "--fix", path)
    assert done.code == 2 and "changed on disk while it was being fixed" in done.err
    assert Path(path).read_text(encoding="utf-8") == "The editor's own version.\n"


@pytest.mark.parametrize("killed_in", ["os.fsync", "os.replace"])
def test_a_fix_killed_mid_write_leaves_the_original_intact(tmp_path, killed_in):
    path = tmp_path / "fares.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    script = textwrap.dedent(f"""
        import os, signal, sys
        def killed(*args):
            os.kill(os.getpid(), signal.SIGKILL)
        {killed_in} = killed
        from contentlint.cli import main
        sys.exit(main(["check", "--no-cache", "--select", "CL101", "--fix", {str(path)!r}]))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert path.read_text(encoding="utf-8") == ARTICLE
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "fares.txt"]
    assert all(name.endswith(".contentlint-tmp") for name in leftovers)  # never taken for an article
    again = subprocess.run([sys.executable, "-m", "contentlint", "check", "--no-cache", "--select", "CL101",
                            "--format", "json", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert {d["path"] for d in json.loads(again.stdout)} == {str(path)} and again.stderr == ""


def test_stdin_is_written_to_stdout_fixed(tmp_path):
    done = subprocess.run([sys.executable, "-m", "contentlint", "check", "--select", "CL101", "--fix",
                           "--stdin-filename", "fares.txt", "-"], input=ARTICLE, capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == FIXED


def test_samples_fix_then_nothing_is_left_to_fix(cli, tmp_path):
    samples = tmp_path / "samples"
    shutil.copytree(ROOT / "samples", samples)
    before = {p.name: p.read_bytes() for p in samples.iterdir()}
    cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(samples))
    after = {p.name: p.read_bytes() for p in samples.iterdir()}
    changed = {name for name in before if before[name] != after[name]}
    assert {"word-count-claims.txt", "scraped-page.txt", "machine-written.md"} <= changed
    assert "clean.md" not in changed
    assert b"Share this" not in after["scraped-page.txt"] or b"Share this" not in before["scraped-page.txt"]
    again = cli("check", "--no-cache", "--diff", "--unsafe-fixes", str(samples))
    assert again.code == 0 and again.out == ""


# -- the fixes themselves ---------------------------------------------------------------------

def _fixed(text: str, path: str, code: str) -> str:
    from contentlint import fixes
    from contentlint.config import Settings
    from contentlint.registry import load_registry
    from contentlint.runner import Linter

    return fixes.fix_text(Linter(load_registry(), Settings(select=[code])), path, text, unsafe=True)[0]


@pytest.mark.parametrize("claim, rounded, fixed", [
    ("This 1,500-word guide", True, "This {}-word guide"),  # written to the ten: rounded to the ten
    ("Word count: 1237", False, "Word count: {}"),  # written exactly: the exact count
    ("Our guide runs over 2,000 words.", True, "Our guide runs {} words."),  # "over" no longer holds
])
def test_a_word_count_claim_is_rewritten_to_the_true_figure_as_it_was_written(claim, rounded, fixed):
    text = f"Fares\n\n{claim}\n\n" + " ".join(["Fares rise for riders on the early buses."] * 40) + "\n"
    true = int(re.search(r"has (\d+) words", check_text(text, "a.txt", select=["CL101"])[0].message).group(1))
    out = _fixed(text, "a.txt", "CL101")
    assert fixed.format(round(true, -1) if rounded else true) in out
    assert not check_text(out, "a.txt", select=["CL101"])


def test_a_placeholder_link_is_removed_without_leaving_two_spaces():
    out = _fixed("Fares\n\nSee the survey [link to come] for the figures.\n", "a.txt", "CL611")
    assert "See the survey for the figures." in out


@pytest.mark.parametrize("text, fixed", [
    ("\"Ready,\" she said.", "“Ready,” she said."),
    ("It's the '90s 'revival' (\"again\").", "It’s the ’90s ‘revival’ (“again”)."),
])
def test_straight_quotes_become_curly(text, fixed):
    assert _fixed(f"Fares\n\n{text}\n", "a.txt", "CL802") == f"Fares\n\n{fixed}\n"


def test_markup_is_never_retyped():
    md = 'Fares\n\nThe `a  "b"` code and [a link](https://x.test/?q="y") stay.  Done.\n'
    out = _fixed(md, "a.md", "CL802")
    assert '`a  "b"`' in out and '?q="y"' in out
    assert _fixed(md, "a.md", "CL803") == md.replace("stay.  Done", "stay. Done")
    html = '<p class="a">"Ready," she said.  Done.</p>'
    assert _fixed(html, "a.html", "CL802") == '<p class="a">“Ready,” she said.  Done.</p>'
    assert _fixed(html, "a.html", "CL803") == html  # HTML shows a run of spaces as one


def test_a_user_pack_fix_naming_a_missing_group_is_one_line_and_exit_2(cli, write, tmp_path):
    (tmp_path / "pack").mkdir()
    write("pack/x.yml", "extends: existence\ncode: XX101\nname: x\ncategory: typography\nmessage: '%s'\n"
                        "description: d\ntokens: ['(a)b']\nfix: '\\2'\n")
    write(".contentlint.toml", 'packs = ["pack"]\n')
    done = cli("check", "--no-cache", write("a.txt", "Fares\n\nab\n"))
    assert done.code == 2 and "'fix' names group 2" in done.err and done.err.count("\n") == 1


# -- what a fix must never do ------------------------------------------------------------------

@pytest.mark.parametrize("name, text, code", [
    ("a.html", "<p>The council will vote on the <b>the</b> budget on Tuesday.</p>", "CL801"),
    ("a.md", "# Budget\n\nThe council will vote on the [the budget](https://x.test) on Tuesday.\n", "CL801"),
    ("a.html", "<h1>Budget</h1><p>Our guide runs over <b>2,000</b> words on the vote.</p>", "CL101"),
])
def test_a_fix_is_never_offered_where_its_span_holds_markup(name, text, code):
    found = [d for d in check_text(text, name, select=[code]) if d.code == code]
    assert found and all(d.fix is None for d in found)
    assert _fixed(text, name, code) == text


@pytest.mark.parametrize("name, text, fixed", [
    ("a.html", "<p>The survey is <b>here</b> [INSERT LINK].</p>", "<p>The survey is <b>here</b>.</p>"),
    ("a.md", "# Survey\n\nThe survey is **here** [INSERT LINK].\n", "# Survey\n\nThe survey is **here**.\n"),
])
def test_removing_a_placeholder_keeps_the_markup_beside_it(name, text, fixed):
    assert _fixed(text, name, "CL611") == fixed


def test_a_page_whose_charset_lacks_a_fixed_character_gets_a_character_reference(cli, tmp_path):
    for charset, body in (("iso-8859-1", 'Café, "she said."'), ("us-ascii", '"Ready," she said.')):
        path = tmp_path / f"{charset}.html"
        page = f'<html><head><meta charset="{charset}"><title>Fares</title></head><body><p>{body}</p></body></html>'
        path.write_bytes(page.encode(charset))
        assert cli("check", "--no-cache", "--select", "CL802", "--fix", str(path)).code == 0
        written = path.read_bytes()
        assert b"&#8220;" in written and b"&#8221;" in written
        assert written.decode(charset).replace("&#8220;", '"').replace("&#8221;", '"') == page


def test_a_failed_write_is_one_line_and_exit_2(cli, write, monkeypatch):
    from contentlint import fixes

    def disk_full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixes, "write_atomically", disk_full)
    path = write("fares.txt", ARTICLE)
    done = _fix(cli, "--fix", path)
    assert done.code == 2 and "cannot write the fixes (No space left on device)" in done.err
    assert "Traceback" not in done.err and Path(path).read_text(encoding="utf-8") == ARTICLE


def test_a_symlink_is_followed_and_kept_and_a_hard_linked_file_is_refused(cli, tmp_path):
    real = tmp_path / "real.txt"
    real.write_text(ARTICLE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    _fix(cli, "--fix", str(link))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == FIXED
    other = tmp_path / "hard.txt"
    os.link(real, tmp_path / "second-name.txt")
    other.write_text(ARTICLE, encoding="utf-8")
    os.link(other, tmp_path / "other-name.txt")
    done = _fix(cli, "--fix", str(other))
    assert done.code == 2 and "hard links" in done.err and other.read_text(encoding="utf-8") == ARTICLE


def _stdin(*args, data: bytes):
    return subprocess.run([sys.executable, "-m", "contentlint", "check", "--stdin-filename", "fares.txt", *args, "-"],
                          input=data, capture_output=True, timeout=60)


def test_stdin_keeps_its_line_ends_and_bom_and_exits_by_what_is_left():
    data = b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8")
    done = _stdin("--select", "CL101,CL209", "--fix", data=data)
    assert done.stdout == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")
    assert done.returncode == 0  # CL209 (a warning) is left, below fail-on
    assert _stdin("--select", "CL101,CL209", "--fix", "--fail-on", "warning", data=data).returncode == 1


def test_stdin_that_cannot_be_read_is_echoed_unchanged():
    data = b"Fares\n\nThe caf\xe9 council voted.\n"  # not UTF-8
    done = _stdin("--fix", data=data)
    assert done.returncode == 2 and done.stdout == data and b"not valid UTF-8" in done.stderr


def test_diff_exits_2_when_a_file_cannot_be_fixed_and_writes_to_the_output_file(cli, write, tmp_path, monkeypatch):
    from contentlint import fixes

    good, bad = write("good.txt", ARTICLE), write("bad.txt", ARTICLE)
    fix_file = fixes.fix_file
    monkeypatch.setattr(fixes, "fix_file", lambda linter, path, unsafe: (
        (_ for _ in ()).throw(fixes.InputError(f"{path}: cannot read")) if path == bad else fix_file(linter, path, unsafe)))
    out = tmp_path / "fixes.diff"
    done = _fix(cli, "--diff", "-o", str(out), good, bad)
    assert done.code == 2 and "bad.txt: cannot read" in done.err and done.out == ""
    assert f"+This {TRUE}-word guide" in out.read_text(encoding="utf-8")


def test_a_diff_of_a_file_without_a_last_line_end_applies_with_patch(cli, write, tmp_path):
    text = ARTICLE.split("\n\nHook")[0]  # the claim on the last line, which has no line end
    path = write("fares.txt", text)
    diff = _fix(cli, "--diff", path).out
    assert diff.endswith("\\ No newline at end of file\n") and diff.count("No newline") == 2
    if shutil.which("patch"):
        subprocess.run(["patch", "-s", path], input=diff, text=True, check=True, timeout=30)
        assert Path(path).read_text(encoding="utf-8") == _fixed(text, "fares.txt", "CL101")


def test_quiet_fixes_without_the_summary_line(cli, write):
    path = write("fares.txt", ARTICLE)
    done = _fix(cli, "--fix", "--quiet", path)
    assert Path(path).read_text(encoding="utf-8") == FIXED and "fixed" not in done.err


def test_fixes_that_undo_each_other_stop_with_a_warning(cli, write, tmp_path):
    for code, old, new in (("XX101", "colour", "color"), ("XX102", "color", "colour")):
        write(f"pack/{code}.yml", f"extends: substitution\ncode: {code}\nname: to-{new}\ncategory: typography\n"
                                  f"message: \"use '%s'\"\ndescription: d\nfix-safety: safe\nswap:\n  {old}: {new}\n")
    write(".contentlint.toml", 'packs = ["pack"]\n')
    path = write("a.txt", "Paint\n\nThe colour of the bus is red.\n")
    done = cli("check", "--no-cache", "--select", "XX101,XX102", "--fix", path)
    assert "still changing it after 10 passes" in done.err


def test_a_packs_swap_is_an_unsafe_fix_unless_it_says_safe(cli, write):
    write("pack/XX101.yml", "extends: substitution\ncode: XX101\nname: to-color\ncategory: typography\n"
                            "message: \"use '%s'\"\ndescription: d\nswap:\n  colour: color\n")
    write(".contentlint.toml", 'packs = ["pack"]\n')
    path = write("a.txt", "Paint\n\nThe colour of the bus is red.\n")
    found = cli("check", "--no-cache", "--select", "XX101", "--format", "json", path).json()
    assert [d["fix"]["applicability"] for d in found] == ["unsafe"]
    cli("check", "--no-cache", "--select", "XX101", "--fix", path)
    assert "colour" in Path(path).read_text(encoding="utf-8")
    cli("check", "--no-cache", "--select", "XX101", "--fix", "--unsafe-fixes", path)
    assert "The color of" in Path(path).read_text(encoding="utf-8")
