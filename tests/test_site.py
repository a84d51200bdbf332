"""`factcheck site`: the pages it writes, the folder it writes them into, and the pages as a real
browser shows them (headless Chromium, skipped when it is not installed)."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .browser import Browser, chromium_path
from .conftest import REPO, SOURCES, cite, write_ledger

runner = CliRunner()

SCRIPT_TEXT = "</script><script>window.pwned = 1</script>"
ATTRIBUTE_TEXT = '"><img src=x onerror="window.pwned = 2">'
BIDI_TEXT = "\u202egnp.exe"
INVISIBLE_TEXT = "csi\x9b tag\U000e0041 line\u2028end"  # a C1 control, a tag character, a line separator

def quoted(text: str) -> str:
    """A YAML double-quoted string holding exactly `text` (every character past ASCII escaped)."""
    return '"' + "".join(c if " " <= c <= "~" and c not in '"\\' else f"\\U{ord(c):08x}" for c in text) + '"'


HOSTILE_CLAIM = " ".join(("Ruritania is in the pact", SCRIPT_TEXT, ATTRIBUTE_TEXT, BIDI_TEXT, INVISIBLE_TEXT))

HOSTILE_SOURCES = SOURCES + f"""
  - id: evil
    name: {quoted("Evil " + ATTRIBUTE_TEXT)}
    kind: website
    reliability: E
    rationale: {quoted(SCRIPT_TEXT + " " + BIDI_TEXT)}
"""

HOSTILE_FACTS = f"""
- id: ruritania-in-pact
  statement: {quoted("Ruritania joined the pact " + SCRIPT_TEXT)}
  subject: ruritania
  relation: member-of
  object: pact
  from: 1952-02-18
  as_of: 2026-11-01
  citations:
    - {{title: {quoted("<b>bold</b> " + ATTRIBUTE_TEXT)}, url: "javascript:window.pwned=3", date: 2020-01-01}}
- id: accord-signed
  statement: Ruritania signed the Border Accord on 18 March 2014.
  subject: ruritania
  relation: signed
  object: accord
  date: 2014-03-18
  citations: {cite("https://example.org/accord")}
"""

HOSTILE_CLAIMS = f"""
- id: hostile
  text: {quoted(HOSTILE_CLAIM)}
  source: evil
  url: "javascript:window.pwned=4"
  date: 2020-01-01
  assertions:
    - {{subject: ruritania, relation: member-of, object: pact, date: 2020}}
  ruling: true
  ruling_note: {quoted(ATTRIBUTE_TEXT)}
- id: accord-2013
  text: Ruritania signed the Border Accord in 2013.
  source: wire
  url: https://example.org/story
  date: 2020-02-02
  assertions:
    - {{subject: ruritania, relation: signed, object: accord, date: 2013}}
  ruling: false
"""


HOSTILE_DESK = f"""\
desk:
  name: {quoted("Desk " + SCRIPT_TEXT)}
  url: https://desk.example/
  language: en
"""


def hostile_ledger(root: Path, desk: bool = True) -> Path:
    write_ledger(root, HOSTILE_FACTS, HOSTILE_CLAIMS, sources=HOSTILE_SOURCES)
    if desk:
        (root / "factcheck.yaml").write_text(HOSTILE_DESK, encoding="utf-8")
    return root


def build(ledger: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["site", str(out), "--data", str(ledger), *extra])
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundled") / "site"
    code, _, err = build(REPO, out)
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    out = root / "site"
    code, _, err = build(hostile_ledger(root / "ledger"), out)
    assert code == 0, err
    return out


# what is written ---------------------------------------------------------------------------------

def test_site_writes_an_index_and_a_page_per_claim(tmp_path: Path) -> None:
    out = tmp_path / "public"
    code, stdout, _ = build(hostile_ledger(tmp_path / "ledger"), out)
    assert code == 0
    assert stdout.strip() == f"wrote 5 files to {out}: index.html, sources.html and 2 claim pages"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        ".factcheck-site", "claims/accord-2013.html", "claims/hostile.html", "index.html", "sources.html", "style.css"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="claims/accord-2013.html"' in index and 'href="claims/hostile.html"' in index
    page = (out / "claims" / "accord-2013.html").read_text(encoding="utf-8")
    assert 'href="../index.html#claims"' in page and 'href="../style.css"' in page
    assert ">False</span>" in page and "date differs: 2014-03-18, not 2013" in page
    assert 'href="https://example.org/accord"' in page  # the citation
    assert 'href="https://example.org/story" rel="nofollow"' in page  # where the claim appeared
    assert 'href="../sources.html#source-wire"' in page  # the provenance chain leads to the sources
    sources = (out / "sources.html").read_text(encoding="utf-8")
    assert 'id="source-wire"' in sources and "Grade B: usually reliable." in sources


def test_every_link_is_relative_and_leads_to_a_written_file(bundled_site: Path) -> None:
    pages = sorted(bundled_site.rglob("*.html"))
    assert len(pages) == 43
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"]*)"', html):
            if target.startswith(("http://", "https://", "data:")):
                continue
            assert not target.startswith(("/", "file:")), (page, target)
            path, _, anchor = target.partition("#")
            linked = (page.parent / path) if path else page
            assert linked.is_file(), (page, target)
            if anchor:
                assert f'id="{anchor}"' in linked.read_text(encoding="utf-8"), (page, target)


def test_ledger_text_is_escaped_in_the_html(hostile_site: Path) -> None:
    for page in (hostile_site / "index.html", hostile_site / "sources.html", hostile_site / "claims" / "hostile.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>window" not in html and "<img" not in html and "<b>" not in html
        assert "&lt;/script&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
        assert 'href="javascript:' not in html
        assert "\u202e" not in html and "\\u202egnp.exe" in html  # a bidi override shown, not obeyed


def test_the_chart_scales_bars_to_the_outlet_with_most_claims() -> None:
    from factcheck.ledger import load_or_raise
    from factcheck.site.chart import verdicts_per_source
    from factcheck.verdict import Engine

    ledger = load_or_raise(REPO)
    verifications = Engine(ledger).verify_all()
    chart = verdicts_per_source(verifications, ledger)
    assert [(b.name, b.total) for b in chart.bars] == [
        ("Morning News USA", 10), ("Eurasia News", 9), ("Global Research", 8), ("Sodhi Gautam (blog)", 8),
        ("Mondo International", 6)]
    first, last = chart.bars[0], chart.bars[-1]
    assert round(sum(s.width for s in first.segments), 6) == 100.0
    assert round(sum(s.width for s in last.segments), 6) == 60.0
    assert [(s.verdict, s.count) for s in last.segments] == [("true", 2), ("mostly-true", 1), ("false", 3)]
    assert all(a.x + a.width == pytest.approx(b.x) for a, b in itertools.pairwise(first.segments))
    few = verdicts_per_source(verifications, ledger, most_bars=2)
    assert (len(few.bars), len(few.rows)) == (2, 5)


def test_a_rebuild_replaces_its_own_files_and_nothing_else(tmp_path: Path) -> None:
    ledger = hostile_ledger(tmp_path / "ledger")
    out = tmp_path / "site"
    assert build(ledger, out)[0] == 0
    (out / "CNAME").write_text("facts.example.org\n", encoding="utf-8")
    claims = (ledger / "claims.yaml").read_text(encoding="utf-8")
    (ledger / "claims.yaml").write_text(claims[: claims.index("- id: accord-2013")], encoding="utf-8")
    code, stdout, _ = build(ledger, out, "--title", "Desk")
    assert code == 0 and "and 1 claim pages" in stdout
    assert not (out / "claims" / "accord-2013.html").exists()  # the deleted claim's page is gone
    assert (out / "CNAME").read_text(encoding="utf-8") == "facts.example.org\n"
    assert "<title>Desk</title>" in (out / "index.html").read_text(encoding="utf-8")


def test_a_manifest_cannot_make_a_rebuild_delete_files_outside_the_site(tmp_path: Path) -> None:
    ledger = hostile_ledger(tmp_path / "ledger")
    out = tmp_path / "site"
    assert build(ledger, out)[0] == 0
    outside = tmp_path / "precious.txt"
    outside.write_text("keep", encoding="utf-8")
    with (out / ".factcheck-site").open("a", encoding="utf-8") as manifest:
        manifest.write("../precious.txt\n")
    assert build(ledger, out)[0] == 0
    assert outside.read_text(encoding="utf-8") == "keep"


def test_a_folder_of_other_files_is_refused_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / "index.html").write_text("my own page", encoding="utf-8")
    code, stdout, stderr = build(hostile_ledger(tmp_path / "ledger"), out)
    assert code == 2 and stdout == ""
    assert stderr.startswith("factcheck: error: ") and "holds no site written by `factcheck site`" in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "my own page"
    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    code, _, stderr = build(hostile_ledger(tmp_path / "ledger"), file)
    assert code == 2 and "is not a folder" in stderr


def test_an_unusable_ledger_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _, stderr = build(tmp_path / "nowhere", out)
    assert code == 2 and "(no-ledger)" in stderr
    assert not out.exists()


def json_ld(page: Path) -> list[dict]:
    """What a real consumer (extruct, as crawlers use it) reads from a page."""
    import extruct

    html = page.read_text(encoding="utf-8")
    return extruct.extract(html, base_url=page.as_uri(), syntaxes=["json-ld"], uniform=True)["json-ld"]


def test_each_claim_page_carries_the_claims_review(bundled_site: Path) -> None:
    export = runner.invoke(app, ["export", "claimreview", "--lines", "--data", str(REPO)])
    assert export.exit_code == 0
    exported = {r["url"].rsplit("/", 1)[1]: r for r in map(json.loads, export.stdout.splitlines())}
    pages = sorted((bundled_site / "claims").glob("*.html"))
    assert len(pages) == len(exported) == 41
    for page in pages:
        items = json_ld(page)
        assert len(items) == 1, page
        item = items[0]
        assert item["@type"] == "ClaimReview"
        assert item["claimReviewed"] and item["url"] and item["reviewRating"]["alternateName"]  # Google's required
        claim_id = page.stem
        assert {k: v for k, v in item.items() if k != "@context"} == \
            {k: v for k, v in exported[claim_id].items() if k != "@context"}  # the very review export writes
    index = json_ld(bundled_site / "index.html")
    assert index == []


def test_hostile_text_survives_in_the_json_ld_exactly(hostile_site: Path) -> None:
    page = hostile_site / "claims" / "hostile.html"
    html = page.read_text(encoding="utf-8")
    opening = '<script type="application/ld+json">'
    block = html[html.index(opening) + len(opening):]
    block = block[: block.index("</script>")]  # the first closing tag: ledger text cannot end the block
    assert "<" not in block and ">" not in block and "\\u003c/script\\u003e" in block
    [item] = json_ld(page)
    assert item["claimReviewed"] == HOSTILE_CLAIM
    assert item["author"]["name"] == "Desk " + SCRIPT_TEXT


def test_without_a_desk_the_pages_carry_no_review(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, stdout, stderr = build(hostile_ledger(tmp_path / "ledger", desk=False), out)
    assert code == 0 and "2 claim pages" in stdout
    assert stderr.strip() == ("factcheck: warning: no desk in factcheck.yaml to sign the reviews: "
                              "the claim pages carry no ClaimReview JSON-LD")
    assert json_ld(out / "claims" / "hostile.html") == []
    assert "<title>Fact checks</title>" in (out / "index.html").read_text(encoding="utf-8")


def test_other_commands_do_not_import_jinja() -> None:
    code = ("import sys; from typer.testing import CliRunner; from factcheck.cli import app; "
            f"r = CliRunner().invoke(app, ['list', '--data', {str(REPO)!r}]); "
            "assert r.exit_code == 0, r.output; print('jinja2' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


# in a browser ------------------------------------------------------------------------------------

CHROMIUM = chromium_path()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install chromium; `make test` does it when run as root)")


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as running:
        yield running


@needs_chromium
def test_the_index_loads_without_errors_and_filters(browser: Browser, bundled_site: Path) -> None:
    page = browser.open(bundled_site / "index.html")
    assert page.errors == []
    assert page.evaluate("document.title") == "Factcheck Example Desk"
    assert page.evaluate("document.querySelectorAll('#claim-table tbody tr').length") == 41
    counts = page.evaluate("[...document.querySelectorAll('.count')].map(e => e.textContent.trim())")
    assert counts == ["21 True", "7 Mostly true", "3 Misleading", "2 Unproven", "8 False"]
    assert page.evaluate("document.querySelectorAll('.chart svg rect').length") >= 5
    assert page.evaluate("document.getElementById('filters').hidden") is False  # the script ran
    shown = "document.querySelectorAll('#claim-table tbody tr:not([hidden])').length"
    page.evaluate("(() => { const s = document.getElementById('filter-verdict'); s.value = 'false';"
                  " s.dispatchEvent(new Event('input')); })()")
    assert page.evaluate(shown) == 8
    assert page.evaluate("document.getElementById('filter-count').textContent") == "8 of 41 claims shown"
    page.evaluate("(() => { const t = document.getElementById('filter-text'); t.value = 'CRIMEA treaty';"
                  " t.dispatchEvent(new Event('input')); })()")
    assert page.evaluate(shown) == 1
    page.evaluate("(() => { const t = document.getElementById('filter-text'); t.value = 'gr-calmly';"
                  " t.dispatchEvent(new Event('input')); })()")
    assert page.evaluate(shown) == 0  # an unproven claim, and the verdict filter still says false
    page.evaluate("(() => { const s = document.getElementById('filter-verdict'); s.value = '';"
                  " s.dispatchEvent(new Event('input')); })()")
    assert page.evaluate(shown) == 1  # found by its id
    page.evaluate("document.querySelector('.count a[data-verdict=true]').click()")
    assert page.evaluate(shown) == 0 and page.evaluate("document.getElementById('filter-empty').hidden") is False


@needs_chromium
def test_the_index_reads_the_same_without_scripts(browser: Browser, bundled_site: Path) -> None:
    page = browser.open(bundled_site / "index.html", scripts=False)
    assert page.errors == []
    assert page.evaluate("getComputedStyle(document.getElementById('filters')).display") == "none"
    assert page.evaluate("[...document.querySelectorAll('#claim-table tbody tr')]"
                         ".filter(r => r.offsetHeight > 0).length") == 41


@needs_chromium
def test_a_claim_page_loads_without_errors(browser: Browser, bundled_site: Path) -> None:
    page = browser.open(bundled_site / "claims" / "mondo-crimea-treaty-2013.html")
    assert page.errors == []
    assert page.evaluate("document.querySelector('h1').textContent") == \
        "Putin signed the Crimea Annexation Treaty in 2013"
    assert page.evaluate("document.querySelector('.verdict-box .badge').textContent") == "False"
    assert page.evaluate("document.querySelectorAll('.citations a[href^=\"http\"]').length") == 2
    assert page.evaluate("getComputedStyle(document.querySelector('.badge')).backgroundColor") == "rgb(179, 38, 30)"


@needs_chromium
def test_the_site_served_over_http_loads_without_errors(browser: Browser, bundled_site: Path) -> None:
    """As a static host serves it (a server on the loopback address, for this test only)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(bundled_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        root = f"http://127.0.0.1:{server.server_address[1]}/"
        for name in ("index.html", "sources.html", "claims/mondo-crimea-treaty-2013.html"):
            page = browser.open(root + name)
            assert page.errors == [], name
            assert page.evaluate("document.styleSheets[0].cssRules.length") > 10, name  # the stylesheet came
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@needs_chromium
def test_the_sources_page_loads_without_errors(browser: Browser, bundled_site: Path) -> None:
    page = browser.open(bundled_site / "sources.html")
    assert page.errors == []
    assert page.evaluate("document.querySelectorAll('article.source').length") == 19
    assert page.evaluate("document.querySelector('#source-global-research h2').textContent") == "E Global Research"


@needs_chromium
def test_pages_follow_a_dark_colour_scheme(browser: Browser, bundled_site: Path) -> None:
    background = "getComputedStyle(document.body).backgroundColor"
    assert browser.open(bundled_site / "index.html").evaluate(background) == "rgb(255, 255, 255)"
    page = browser.open(bundled_site / "claims" / "gr-calmly-withdraw.html", dark=True)
    assert page.errors == [] and page.evaluate(background) == "rgb(20, 24, 29)"
    assert page.evaluate("getComputedStyle(document.querySelector('.badge')).color") == "rgb(255, 255, 255)"


@needs_chromium
@pytest.mark.parametrize("width", [1200, 360])
def test_pages_fit_a_phone_and_a_desktop(browser: Browser, bundled_site: Path, width: int) -> None:
    for name in ("index.html", "sources.html", "claims/gr-calmly-withdraw.html"):
        page = browser.open(bundled_site / name, width=width)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name


@needs_chromium
@pytest.mark.parametrize("name", ["index.html", "sources.html", "claims/hostile.html"])
def test_hostile_ledger_text_is_shown_literally(browser: Browser, hostile_site: Path, name: str) -> None:
    page = browser.open(hostile_site / name)
    assert page.errors == []
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    assert page.evaluate("[...document.scripts].filter(s => s.type !== 'application/ld+json').length") == \
        (1 if name == "index.html" else 0)  # the index's own filter script only
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\" i]').length") == 0
    text = page.evaluate("document.body.textContent")
    assert SCRIPT_TEXT in text and ATTRIBUTE_TEXT in text
    assert "\u202e" not in text and "\\u202egnp.exe" in text


@needs_chromium
def test_the_harness_reports_errors(browser: Browser, tmp_path: Path) -> None:
    """The error checks above can fail: a console error, an exception, a script the page's
    policy blocks and a missing stylesheet are all reported."""
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">"
                    "<link rel=stylesheet href=missing.css><p>x</p>", encoding="utf-8")
    assert any("missing.css" in e for e in browser.open(page).errors)
    page.write_text("<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">"
                    "<script>console.log(1)</script>", encoding="utf-8")
    assert browser.open(page).errors != []
    page.write_text("<!DOCTYPE html><script>console.error('boom'); undefined_function();</script>", encoding="utf-8")
    errors = browser.open(page).errors
    assert any("boom" in e for e in errors) and any("undefined_function" in e for e in errors)
