"""YAML rule packs: the four kinds, validation, and packs added through config."""

from __future__ import annotations

import pytest

from contentlint.errors import ConfigError
from contentlint.packs import load_rule_file

ARTICLE = ("Harbor news\n"
           "The harbor reopened on Monday. Utilize the new ramp, officials said. The harbor is busy.\n"
           "Visitors can utilize the harbor walk, which runs along the entire waterfront of the old town.\n")


def pack_rule(tmp_path, text: str):
    path = tmp_path / "rule.yml"
    path.write_text(text, encoding="utf-8")
    return load_rule_file(path, "house")


def run(rule, text=ARTICLE, path="a.txt"):
    from contentlint.analyses import Context
    from contentlint.parsers import parse

    return list(rule().check(Context(parse(path, text))))


HEADER = "code: CL899\nname: house-rule\ncategory: typography\ndescription: A house rule.\n"


def test_existence(tmp_path):
    rule = pack_rule(tmp_path, HEADER + "extends: existence\nmessage: \"avoid '%s'\"\nignorecase: true\n"
                                        "tokens: [utilize]\n")
    findings = run(rule)
    assert [f.message for f in findings] == ["avoid 'Utilize'", "avoid 'utilize'"]


def test_substitution_offers_a_fix(tmp_path):
    rule = pack_rule(tmp_path, HEADER + "extends: substitution\nmessage: \"use '%s' instead of '%s'\"\n"
                                        "ignorecase: true\nswap:\n  utilize: use\n")
    findings = run(rule)
    assert findings[0].message == "use 'Use' instead of 'Utilize'" and findings[0].fix.replacement == "Use"


def test_occurrence_per_scope(tmp_path):
    rule = pack_rule(tmp_path, HEADER + "extends: occurrence\nmessage: \"'harbor' %s times\"\nscope: sentence\n"
                                        "ignorecase: true\ntokens: [harbor]\nmax: 0\n")
    assert len(run(rule)) == 3  # three sentences name the harbor; the title is not a sentence
    rule = pack_rule(tmp_path, HEADER + "extends: occurrence\nmessage: \"'harbor' %s times\"\n"
                                        "ignorecase: true\ntokens: [harbor]\nmax: 2\n")
    assert [f.message for f in run(rule)] == ["'harbor' 3 times"]


def test_metric(tmp_path):
    rule = pack_rule(tmp_path, HEADER + "extends: metric\nmessage: 'sentence of %s words'\nscope: sentence\n"
                                        "formula: words\ncondition: '> 12'\n")
    assert [f.message for f in run(rule)] == ["sentence of 16 words"]
    rule = pack_rule(tmp_path, HEADER + "extends: metric\nmessage: 'average %s'\n"
                                        "formula: words / sentences\ncondition: '>= 7'\n")
    assert [f.message for f in run(rule)] == ["average 7.8"]


@pytest.mark.parametrize(("body", "message"), [
    ("extends: existence\nmessage: x\ntokens: [a]\nlimit: 3\n", "unknown key 'limit'"),
    ("extends: existance\nmessage: x\ntokens: [a]\n", "'extends' must be one of"),
    ("extends: existence\nmessage: x\n", "missing key 'tokens'"),
    ("extends: existence\nmessage: x\ntokens: ['(']\n", "bad regular expression"),
    ("extends: metric\nmessage: x\nformula: __import__('os')\ncondition: '> 1'\n", "formula"),
    ("extends: metric\nmessage: x\nformula: words\ncondition: 'big'\n", "condition"),
    ("extends: occurrence\nmessage: x\ntokens: [a]\n", "needs 'max' or 'min'"),
    ("extends: existence\nmessage: x\ntokens: [a]\nscope: chapter\n", "scope must be"),
    ("extends: existence\nmessage: x\ntokens: [a]\nlevel: fatal\n", "unknown severity"),
    ("extends: existence\nmessage: x\ntokens: [a]\nexceptions: 5\n", "'exceptions' must be a list"),
    ("extends: boilerplate\nlabel: x\nphrases: ['(?P<k0>subscribe)']\n", "named group"),
])
def test_invalid_rule_files(tmp_path, body, message):
    with pytest.raises(ConfigError, match=message):
        pack_rule(tmp_path, HEADER + body)


def test_pack_from_config_runs_and_bad_pack_is_exit_2(cli, write):
    write("styles/house/utilize.yml", HEADER + "extends: existence\nmessage: \"avoid '%s'\"\ntokens: [utilize]\n")
    write(".contentlint.toml", 'packs = ["styles/house"]\n')
    run = cli("check", "--format", "json", write("a.txt", ARTICLE))
    assert [d["code"] for d in run.json() if d["code"].startswith("CL8")] == ["CL899"]
    assert "pack house" in cli("rules").out
    write("styles/house/bad.yml", "extends: existence\ncode: CL898\n")
    run = cli("check", write("b.txt", ARTICLE))
    assert run.code == 2 and "bad.yml" in run.err


def test_pack_code_must_match_its_category(cli, write):
    write("p/r.yml", HEADER.replace("CL899", "CL199") + "extends: existence\nmessage: x\ntokens: [a]\n")
    write(".contentlint.toml", 'packs = ["p"]\n')
    run = cli("check", write("a.txt", ARTICLE))
    assert run.code == 2 and "CL8xx codes are for 'typography'" in run.err


def test_a_pack_extends_a_word_list(cli, write):
    text = "Budget\n“The council will not raise taxes this year, whatever happens,” the grapevine says.\n"
    path = write("a.txt", text)
    assert cli("check", "--format", "json", "--select", "CL402", path).json() == []
    write("desk/vague.yml", "extends: lexicon\nlist: vague-sources\ndescription: ours\n"
                            "entries: ['the grapevine']\n")
    write(".contentlint.toml", 'packs = ["desk"]\n')
    found = cli("check", "--format", "json", "--select", "CL402", path).json()
    assert [d["code"] for d in found] == ["CL402"] and "the grapevine" in found[0]["message"]


def test_bad_word_list(cli, write):
    write("desk/vague.yml", "extends: lexicon\nlist: vague-speakers\nentries: [x]\n")
    write(".contentlint.toml", 'packs = ["desk"]\n')
    run = cli("check", write("a.txt", ARTICLE))
    assert run.code == 2 and "'list' must be one of" in run.err


def test_formulas_cannot_hang_or_crash(tmp_path):
    """Integer powers of powers would compute for hours, and a zero divisor would crash the rule on
    every file: both evaluate to a float no condition holds for."""
    rule = pack_rule(tmp_path, HEADER + "extends: metric\nmessage: 'odd %s'\n"
                                        "formula: 9 ** 9 ** 9 + words / (paragraphs - paragraphs)\ncondition: '> 1'\n")
    assert run(rule) == []


def test_a_word_list_entry_may_not_name_a_group(tmp_path):
    path = tmp_path / "list.yml"
    path.write_text("extends: lexicon\nlist: speech-verbs\ndescription: x\nentries: ['(?P<verb>blurted)']\n")
    with pytest.raises(ConfigError, match="named group"):
        load_rule_file(path, "house")


@pytest.mark.parametrize("body", [
    "extends: existence\nmessage: '%s'\nnonword: true\ntokens: ['(a|a)*$']\n",
    "extends: substitution\nmessage: '%s %s'\nswap:\n  '(x+x+)+y': z\n",
    "extends: boilerplate\nlabel: box\nphrases: ['( +)+$']\n",
])
def test_a_users_pattern_that_backtracks_catastrophically_is_refused(tmp_path, body):
    """It used to hang every run, `contentlint rules` included."""
    with pytest.raises(ConfigError, match="backtracks catastrophically"):
        pack_rule(tmp_path, HEADER + body)


def test_a_users_word_list_entry_that_backtracks_is_refused(tmp_path):
    path = tmp_path / "list.yml"
    path.write_text("extends: lexicon\nlist: speech-verbs\ndescription: x\nentries: ['(a+)+$']\n")
    with pytest.raises(ConfigError, match="backtracks catastrophically"):
        load_rule_file(path, "house")


def test_a_users_pattern_stops_at_its_time_budget_and_says_so(tmp_path):
    """A pattern the probes miss (it backtracks only on "q", written as an escape) still cannot hang
    the run."""
    rule = pack_rule(tmp_path, HEADER + "extends: existence\nmessage: '%s'\nnonword: true\ntokens: ['(\\x71|\\x71)*$']\n")
    findings = run(rule, "Title\n\n" + "q" * 40 + "!\n")
    assert len(findings) == 1 and "stopped after" in findings[0].message


def test_the_shipped_packs_pass_the_probes_users_packs_get():
    from contentlint.packs import builtin_pack_root, load_pack

    for folder in sorted(p for p in builtin_pack_root().iterdir() if p.is_dir()):
        assert load_pack(folder, trusted=False)
