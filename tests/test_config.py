"""Configuration: discovery, selectors, per-file ignores, severities, options, and errors (exit 2)."""

from __future__ import annotations

import pytest

BAD = "Pool reopens\nBy Staff · Word count: 1,400 · A 9-minute read\nThe the pool reopened on Saturday.\n"


def codes(run):
    """The codes found, leaving out SEO and readability notes that any tiny article gets."""
    return sorted({d["code"] for d in run.json() if not d["code"].startswith(("CL3", "CL6"))})


@pytest.mark.parametrize(("selector", "expected"), [
    ("CL101", ["CL101"]),
    ("CL1", ["CL101", "CL102"]),
    ("reading-time-mismatch", ["CL102"]),
    ("word-count", ["CL101", "CL102"]),
    ("typography", ["CL801"]),
    ("ALL", ["CL101", "CL102", "CL801"]),
])
def test_selectors(cli, write, selector, expected):
    assert codes(cli("check", "--format", "json", "--select", selector, write("a.txt", BAD))) == expected


def test_select_extend_ignore_from_pyproject(cli, write):
    write("pyproject.toml", '[tool.contentlint]\nselect = ["CL101"]\nextend-select = ["CL801"]\n')
    path = write("a.txt", BAD)
    assert codes(cli("check", "--format", "json", path)) == ["CL101", "CL801"]
    assert codes(cli("check", "--format", "json", "--ignore", "CL801", path)) == ["CL101"]


def test_nearest_config_wins_and_dot_file_beats_pyproject(cli, write, tmp_path, monkeypatch):
    write("pyproject.toml", '[tool.contentlint]\nignore = ["CL101"]\n')
    write("sub/.contentlint.toml", 'ignore = ["CL102"]\nextend-select = ["typography"]\n')
    write("sub/pyproject.toml", '[tool.contentlint]\nignore = ["CL801"]\n')
    path = write("sub/a.txt", BAD)
    monkeypatch.chdir(tmp_path / "sub")
    assert codes(cli("check", "--format", "json", path)) == ["CL101", "CL801"]


def test_pyproject_without_table_is_skipped(cli, write, tmp_path, monkeypatch):
    write(".contentlint.toml", 'ignore = ["CL101"]\n')
    write("sub/pyproject.toml", '[project]\nname = "x"\n')
    monkeypatch.chdir(tmp_path / "sub")
    assert "CL101" not in codes(cli("check", "--format", "json", write("a.txt", BAD)))


def test_per_file_ignores(cli, write):
    write(".contentlint.toml", 'extend-select = ["typography"]\n[per-file-ignores]\n"archive/*" = ["word-count"]\n')
    old, new = write("archive/a.txt", BAD), write("new/a.txt", BAD)
    run = cli("check", "--format", "json", old, new)
    by_file = {(d["path"].split("/")[-2], d["code"]) for d in run.json()}
    assert ("archive", "CL101") not in by_file and ("new", "CL101") in by_file
    assert ("archive", "CL801") in by_file


def test_severity_overrides_exact_beats_category(cli, write):
    write(".contentlint.toml", '[severity]\nword-count = "info"\nCL102 = "warning"\n')
    run = cli("check", "--format", "json", write("a.txt", BAD))
    levels = {d["code"]: d["severity"] for d in run.json()}
    assert levels["CL101"] == "info" and levels["CL102"] == "warning"
    assert run.code == 0  # nothing reaches the default fail-on (error)


def test_fail_on_from_config(cli, write):
    write(".contentlint.toml", 'fail-on = "warning"\nselect = ["CL801"]\n')
    assert cli("check", write("a.txt", BAD)).code == 1


def test_rule_options_by_code_and_name(cli, write):
    text = "Pool\nBy Staff · A 2-minute read\nThe pool reopened on Saturday after repairs.\n"
    path = write("a.txt", text)
    assert codes(cli("check", "--format", "json", path)) == ["CL102"]
    write(".contentlint.toml", "[rules.reading-time-mismatch]\nwords-per-minute = 5\n")
    assert codes(cli("check", "--format", "json", path)) == []
    write(".contentlint.toml", "[rules.CL102]\ntolerance-minutes = 5\n")
    assert codes(cli("check", "--format", "json", path)) == []


def test_explicit_config(cli, write):
    cfg = write("conf/custom.toml", 'select = ["CL801"]\n')
    assert codes(cli("check", "--format", "json", "--config", cfg, write("a.txt", BAD))) == ["CL801"]
    run = cli("check", "--config", "missing.toml", write("b.txt", BAD))
    assert run.code == 2 and "not found" in run.err


@pytest.mark.parametrize(("config", "message"), [
    ('selct = ["CL101"]\n', "unknown key 'selct'"),
    ('select = ["CL123"]\n', "unknown rule or selector 'CL123'"),
    ('ignore = "CL101"\n', "'ignore' must be a list"),
    ('fail-on = "sometimes"\n', "fail-on"),
    ('[severity]\nCL101 = "fatal"\n', "unknown severity 'fatal'"),
    ('[severity]\nCL777 = "info"\n', "unknown rule or selector 'CL777'"),
    ("[rules.CL101]\ntolerence = 0.2\n", "unknown option 'tolerence' for CL101"),
    ('[rules.CL101]\ntolerance = "ten"\n', "option 'tolerance' of CL101 must be float"),
    ("[rules.CL498]\nx = 1\n", "rules.CL498: unknown rule"),
    ('[per-file-ignores]\n"a/*" = ["nonsense"]\n', "unknown rule or selector 'nonsense'"),
    ("select = [\n", "invalid TOML"),
])
def test_config_errors_are_one_line_exit_2(cli, write, config, message):
    write(".contentlint.toml", config)
    run = cli("check", write("a.txt", BAD))
    assert run.code == 2, run.out
    assert message in run.err and run.err.count("\n") == 1, run.err
    assert "Traceback" not in run.err


def test_unknown_selector_on_command_line(cli, write):
    run = cli("check", "--select", "CL1,bogus-rule", write("a.txt", BAD))
    assert run.code == 2 and "'bogus-rule'" in run.err


QUOTES = ('Council\nThe council voted 5-2.\n"This is the worst budget we have passed in a decade."\n'
          'The deal is done, a person familiar with the talks said.\n')


def test_profiles_set_severities_and_config_still_wins(cli, write):
    path = write("q.txt", QUOTES)
    levels = {d["code"]: d["severity"] for d in cli("check", "--format", "json", path).json()}
    quotes = lambda run: {d["code"]: d["severity"] for d in run.json() if d["code"].startswith("CL4")}
    assert {c: v for c, v in levels.items() if c.startswith("CL4")} == {"CL401": "warning", "CL406": "info"}
    news = cli("check", "--format", "json", "--profile", "news", path)
    assert quotes(news) == {"CL401": "error", "CL406": "warning"}
    assert news.code == 1
    write(".contentlint.toml", 'profile = "blog"\n[severity]\nCL406 = "error"\n')
    assert quotes(cli("check", "--format", "json", path)) == {"CL401": "info", "CL406": "error"}


def test_unknown_profile(cli, write):
    write(".contentlint.toml", 'profile = "tabloid"\n')
    run = cli("check", write("a.txt", BAD))
    assert run.code == 2 and "'profile' must be one of general, news" in run.err
