"""The HTML audit report: well-formed, self-contained, escaped; and, in a real headless Chromium,
what it renders (totals, every article, the sorting script) and how it looks on a phone."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE_TEXT = ("Pool <script>alert(1)</script> reopens \"today\" & 'tomorrow'\n"
                "By Staff · Word count: 1,400 <script>alert(2)</script> \x1b[31mred\x1b[0m \x07bell\n"
                "The pool reopened on Saturday after repairs. <img src=x onerror=alert(3)> \"Quoted\" text.\n")
HOSTILE_PAGE = ("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Ferry</title></head><body>\n"
                "<h1>Ferry \"adds\" a sailing</h1>\n<p>Reading time: 12 min</p>\n"
                "<p>The ferry adds a sailing.</p><script>alert(4)</script>\n</body></html>\n")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@pytest.fixture
def hostile_tree(tmp_path):
    tree = tmp_path / "site"
    tree.mkdir()
    (tree / 'a"<b>.txt').write_text(HOSTILE_TEXT, encoding="utf-8")  # the path is untrusted too
    (tree / "ferry.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    return tree


def _html(cli, *paths: str) -> str:
    run = cli("check", "--format", "html", "--no-cache", "--quiet", *paths)
    assert run.code == 1, run.err  # the samples and the hostile article have errors (fail-on error)
    return run.out


def _json_counts(cli, *paths: str) -> tuple[Counter, Counter, list[str]]:
    items = cli("check", "--format", "json", "--no-cache", "--quiet", *paths).json()
    return (Counter(d["severity"] for d in items), Counter(d["category"] for d in items),
            sorted({d["path"] for d in items}))


class _StrictTree(HTMLParser):
    """Fails on an end tag that closes nothing open, or an element left open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [value for name, value in attrs if name == "id"]
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:] or 'nothing'}"
        self.open.pop()


# -- without a browser ----------------------------------------------------------------------


def test_report_is_well_formed_and_loads_nothing(cli):
    page = _html(cli, str(SAMPLES))
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    tree = _StrictTree()
    tree.feed(page)
    tree.close()
    assert tree.open == []
    assert len(tree.ids) == len(set(tree.ids)), "ids are unique"
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("meta", attrs={"name": "viewport"})
    assert not soup.find("link"), "no stylesheet or other resource is linked"
    for tag in soup.find_all(src=True) + soup.find_all(href=True):
        ref = tag.get("src") or tag.get("href")
        assert ref.startswith("#"), f"only links within the page: {tag}"
    assert "url(" not in soup.style.string and "@import" not in soup.style.string
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and not scripts[0].get("src")
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy


def test_totals_words_and_grades_match_the_json_and_metrics_commands(cli):
    page = _html(cli, str(SAMPLES))
    soup = BeautifulSoup(page, "html.parser")
    severities, categories, _ = _json_counts(cli, str(SAMPLES))
    for severity in ("error", "warning", "info"):
        assert int(soup.find(id=f"total-{severity}").text) == severities[severity]
    assert int(soup.find(id="total-findings").text) == sum(severities.values())
    for category, n in categories.items():
        assert int(soup.find(id=f"category-{category}-total").text) == n
    metrics = _metrics(cli)
    rows = soup.find(id="articles-table").tbody.find_all("tr")
    assert sorted(r.th.text for r in rows) == sorted(metrics)  # every article, clean.md included
    for row in rows:
        words, grade = row.find_all("td")[:2]
        assert int(words["data-value"]) == metrics[row.th.text]["words"]
        assert float(grade["data-value"]) == metrics[row.th.text]["flesch_kincaid_grade"]


def test_hostile_article_text_and_path_are_escaped(cli, hostile_tree):
    page = _html(cli, str(hostile_tree))
    assert page.count("<script") == 1  # the report's own
    assert "<img src=x" not in page and "onerror=alert(3)>" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page  # shown in the source context, as text
    assert "a&quot;&lt;b&gt;.txt" in page and 'a"<b>' not in page
    assert "\x1b" not in page and "\x07" not in page and "\ufffd[31mred" in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page or "alert(4)" not in page


def test_report_command_writes_the_same_page_to_a_file(cli, tmp_path):
    page = _html(cli, str(SAMPLES))
    out = tmp_path / "report.html"
    run = cli("report", str(SAMPLES), "-o", str(out), "--no-cache", "--quiet")
    assert (run.code, run.out) == (1, "") and out.read_text(encoding="utf-8") == page
    assert cli("report", str(SAMPLES), "-o", "-", "--no-cache", "--quiet", "--exit-zero").out == page
    for _ in range(2):  # the second run is answered from the cache, which keeps the figures but no text
        assert cli("report", str(SAMPLES), "-o", str(out), "--quiet").code == 1
        assert out.read_text(encoding="utf-8") == page
    assert cli("report", str(SAMPLES / "clean.md"), "-o", str(out), "--quiet").code == 0
    bad = cli("report", str(SAMPLES), "--format", "json")
    assert bad.code == 2 and "report writes HTML" in bad.err
    unwritable = cli("report", str(SAMPLES / "clean.md"), "-o", str(tmp_path / "no" / "such" / "dir.html"))
    assert unwritable.code == 2 and len(unwritable.err.strip().splitlines()) == 1


def test_report_refuses_the_options_that_would_make_it_write_something_else(cli, tmp_path):
    article = tmp_path / "article.md"
    article.write_text("# Ferry\n\nThe ferry  runs \"hourly\" from Monday.\n", encoding="utf-8")
    for options in (["--format", "text"], ["--format", "json"], ["--fix"], ["--diff"], ["--statistics"]):
        run = cli("report", str(article), "--extend-select", "typography", *options)
        assert (run.code, run.out) == (2, ""), options
        assert len(run.err.strip().splitlines()) == 1 and "report writes HTML" in run.err, options
    assert article.read_text(encoding="utf-8") == "# Ferry\n\nThe ferry  runs \"hourly\" from Monday.\n"
    assert cli("report", str(article), "--format", "html", "--quiet", "--exit-zero").out.startswith("<!DOCTYPE html>")


def test_figures_come_with_the_findings_from_the_workers_and_the_cache(cli, tmp_path, monkeypatch):
    """Words and grades are made where the findings are, from the same parse: in the worker
    processes, and kept in the cache, so a report over an unchanged tree reads no article again."""
    import contentlint.parsers

    page = _html(cli, str(SAMPLES))
    out = tmp_path / "report.html"
    assert cli("check", str(SAMPLES), "--format", "json", "--quiet").code == 1  # a cache without figures
    assert cli("report", str(SAMPLES), "-o", str(out), "--quiet", "--jobs", "2").code == 1
    assert out.read_text(encoding="utf-8") == page

    def parse_again(*args):
        raise AssertionError(f"parsed again: {args[0]}")

    monkeypatch.setattr(contentlint.parsers, "parse", parse_again)
    assert cli("report", str(SAMPLES), "-o", str(out), "--quiet").code == 1
    assert out.read_text(encoding="utf-8") == page


def test_report_of_an_article_on_stdin_has_its_figures(cli, monkeypatch):
    source = (SAMPLES / "reading-time.html").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(source)))
    page = cli("report", "-", "--stdin-filename", "reading-time.html", "--quiet", "--exit-zero").out
    row = BeautifulSoup(page, "html.parser").find(id="articles-table").tbody.tr
    expected = _metrics(cli)[str(SAMPLES / "reading-time.html")]
    words, grade = row.find_all("td")[:2]
    assert (int(words["data-value"]), float(grade["data-value"])) == (expected["words"],
                                                                       expected["flesch_kincaid_grade"])


# -- in a real browser ----------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on PATH (Debian: apt-get install chromium); the HTML report's "
                             "rendering is checked in a real browser")

# Appended to a copy of the report (its Content-Security-Policy removed so this may run): sorts
# by words twice and records the page's width, for --dump-dom to show.
_PROBE = """<script>
var table = document.getElementById("articles-table");
function paths() { return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[0].textContent; }).join("|"); }
var words = table.tHead.rows[0].cells[1].querySelector("button");
words.click(); document.body.setAttribute("data-words-first-press", paths());
words.click(); document.body.setAttribute("data-words-second-press", paths());
document.body.setAttribute("data-overflow", String(document.documentElement.scrollWidth - window.innerWidth));
</script>"""


def _chromium(tmp_path, page: Path, *args: str) -> str:
    run = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@needs_chromium
def test_browser_renders_totals_every_article_and_sorts(cli, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(_html(cli, str(SAMPLES)), encoding="utf-8")
    dom = BeautifulSoup(_chromium(tmp_path, page, "--dump-dom"), "html.parser")
    severities, categories, paths = _json_counts(cli, str(SAMPLES))
    for severity in ("error", "warning", "info"):
        assert int(dom.find(id=f"total-{severity}").text) == severities[severity]
    for category, n in categories.items():
        assert int(dom.find(id=f"category-{category}-total").text) == n
    table = dom.find(id="articles-table")
    rows = [r.th.text for r in table.tbody.find_all("tr")]
    assert sorted(rows) == sorted(_metrics(cli)) and set(paths) <= set(rows)  # every article, clean ones too
    assert "js-sortable" in table["class"], "the sorting script ran"
    assert all(th.find("button") for th in table.thead.find_all("th"))
    # each article's findings are there, with its source lines
    assert len(dom.select("li.finding")) == sum(severities.values())
    assert dom.select("li.finding .source mark")


def _metrics(cli) -> dict[str, dict]:
    """``contentlint metrics`` of the samples, by path."""
    return {m["path"]: m for m in cli("metrics", "--format", "json", str(SAMPLES)).json()}


@needs_chromium
def test_browser_sorting_and_phone_layout(cli, tmp_path):
    report = _html(cli, str(SAMPLES))
    start = report.index("<meta http-equiv=\"Content-Security-Policy\"")
    probe = report[:start] + report[report.index(">", start) + 1:]
    page = tmp_path / "probe.html"
    page.write_text(probe.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    body = BeautifulSoup(_chromium(tmp_path, page, "--window-size=390,844", "--dump-dom"), "html.parser").body
    words = {path: m["words"] for path, m in _metrics(cli).items()}
    first, second = body["data-words-first-press"].split("|"), body["data-words-second-press"].split("|")
    assert [words[p] for p in first] == sorted(words.values(), reverse=True)  # first press: most first
    assert [words[p] for p in second] == sorted(words.values())
    assert int(body["data-overflow"]) <= 0, "no horizontal scrolling of the page on a phone"

    page.write_text(report, encoding="utf-8")
    shot = tmp_path / "phone.png"
    _chromium(tmp_path, page, "--window-size=390,844", "--hide-scrollbars", f"--screenshot={shot}")
    assert _png_size(shot) == (390, 844) and shot.stat().st_size > 10_000  # a page, not a blank


@needs_chromium
def test_browser_shows_a_hostile_article_as_text(cli, tmp_path, hostile_tree):
    page = tmp_path / "hostile.html"
    page.write_text(_html(cli, str(hostile_tree)), encoding="utf-8")
    dom = BeautifulSoup(_chromium(tmp_path, page, "--dump-dom"), "html.parser")
    assert len(dom.find_all("script")) == 1 and not dom.find("img")
    shown = dom.get_text()
    assert "<script>alert(2)</script>" in shown and 'a"<b>.txt' in shown
    assert "\x1b" not in shown and "\ufffd[31mred" in shown
