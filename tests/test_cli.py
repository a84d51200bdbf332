"""The commands through typer's CliRunner: each command in each format, filters, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import __version__
from factcheck.cli import app

from .conftest import MINI

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert (code, out.strip()) == (0, f"factcheck {__version__}")
    for command in ("list", "verify", "sources", "facts", "check", "scan"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "Usage" in out, command
    code, out, _ = run("verify", "--help")
    assert "factcheck verify" in out  # examples are part of the help


def test_every_format_word_has_a_renderer() -> None:
    import io as _io

    from factcheck.formats import CheckFormat, ReportFormat, renderer

    for word in [*ReportFormat, *CheckFormat]:
        assert renderer(word.value, _io.StringIO()) is not None


# list --------------------------------------------------------------------------------------------

def test_list_table() -> None:
    code, out, _ = run("list", "--data", str(MINI))
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "VERDICT", "RATING", "SOURCE", "CLAIM"]
    row = next(line for line in out.splitlines() if line.startswith("crimea-2013 "))
    assert row.split()[1:4] == ["false", "F5", "clickbait"]
    assert out.rstrip().endswith("8 claims: 3 true, 1 mostly-true, 1 misleading, 1 unproven, 2 false")


def test_list_json_is_stable() -> None:
    code, out, _ = run("list", "-d", str(MINI), "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 8
    first = rows[0]
    assert {"id", "text", "verdict", "rating", "source", "ruling"} <= first.keys()
    assert (first["id"], first["verdict"], first["rating"], first["ruling"]) == ("crimea-2013", "false", "F5", "false")


def test_list_markdown_and_csv() -> None:
    _, md, _ = run("list", "-d", str(MINI), "-f", "markdown")
    assert md.startswith("| ID ") and "| crimea-2013 " in md
    _, out, _ = run("list", "-d", str(MINI), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["id"] == "crimea-2013" and rows[0]["verdict"] == "false"
    assert rows[0]["text"] == "Putin signed the Crimea Annexation Treaty in 2013"


def test_list_filters() -> None:
    _, out, _ = run("list", "-d", str(MINI), "-f", "json", "--verdict", "false", "--verdict", "unproven")
    assert sorted(r["id"] for r in json.loads(out)) == ["crimea-2013", "opinion", "visit-12th"]
    _, out, _ = run("list", "-d", str(MINI), "-f", "json", "--source", "state-tv")
    assert [r["id"] for r in json.loads(out)] == ["turkey-nato"]
    _, out, _ = run("list", "-d", str(MINI), "--verdict", "true")
    assert out.rstrip().endswith("3 claims: 3 true")


@pytest.mark.parametrize(("option", "message"), [
    ("--verdict=maybe", "'maybe' is not one of"),
    ("--source=clickbat", "unknown source 'clickbat' (did you mean 'clickbait'?)"),
])
def test_list_bad_filters(option: str, message: str) -> None:
    code, _, err = run("list", "-d", str(MINI), option)
    assert code == 2 and message in err


# verify ------------------------------------------------------------------------------------------

def test_verify_table_shows_evidence_citation_and_chain() -> None:
    code, out, _ = run("verify", "crimea-2013", "-d", str(MINI))
    assert code == 0
    assert "Verdict: false" in out and "Rating:  F5" in out
    assert "crimea-treaty-signed" in out and "date differs: 2014-03-18, not 2013" in out
    assert "https://undocs.org/A/RES/68/262" in out
    assert "Provenance" in out and "Clickbait Daily (clickbait)" in out


def test_verify_json() -> None:
    _, out, _ = run("verify", "coalition-70", "-d", str(MINI), "-f", "json")
    record = json.loads(out)
    assert {"id", "text", "verdict", "rating", "evidence", "provenance"} <= record.keys()
    assert (record["verdict"], record["rating"]) == ("mostly-true", "E3")
    assert record["evidence"][0]["fact"] == "coalition-size-2018"
    assert record["evidence"][0]["citations"][0]["url"] == "https://example.org/partners"
    assert [(p["id"], p["role"], p["reliability"]) for p in record["provenance"]] == [
        ("reposter", "outlet", "D"), ("state-tv", "via", "E")]
    assert record["flags"] == ["state media", "republished"]


def test_verify_markdown_and_csv() -> None:
    _, md, _ = run("verify", "visit-12th", "-d", str(MINI), "-f", "markdown")
    assert "- **Verdict:** false" in md and "### Evidence" in md
    _, out, _ = run("verify", "visit-12th", "-d", str(MINI), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["fact"] == "no-putin-visit-2024" and rows[0]["outcome"] == "contradicted"


def test_verify_unknown_id_suggests_the_closest() -> None:
    code, out, err = run("verify", "crimea-2014", "-d", str(MINI))
    assert code == 2 and out == ""
    assert "no claim 'crimea-2014' in the ledger; closest: crimea-2013" in err


# sources and facts -------------------------------------------------------------------------------

def test_sources_every_format() -> None:
    _, out, _ = run("sources", "-d", str(MINI), "-f", "json")
    records = json.loads(out)
    assert {"id", "name", "reliability"} <= records[0].keys()
    state = next(r for r in records if r["id"] == "state-tv")
    assert state["state_media"] is True
    _, table, _ = run("sources", "-d", str(MINI))
    assert "republishes state-tv" in table and "5 sources" in table
    _, md, _ = run("sources", "-d", str(MINI), "-f", "markdown")
    assert "| reposter " in md
    _, out, _ = run("sources", "-d", str(MINI), "-f", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["reliability"] == "B"


def test_facts_every_format() -> None:
    _, out, _ = run("facts", "-d", str(MINI), "-f", "json")
    records = json.loads(out)
    assert {"id", "statement", "citations"} <= records[0].keys()
    assert all(r["citations"] for r in records)
    _, table, _ = run("facts", "-d", str(MINI))
    assert "1952-02-18 – now" in table and "8 facts" in table
    _, md, _ = run("facts", "-d", str(MINI), "-f", "markdown")
    assert "| turkey-in-nato " in md
    _, out, _ = run("facts", "-d", str(MINI), "-f", "csv")
    assert "https://undocs.org/A/RES/68/262" in out


# unusable input ----------------------------------------------------------------------------------

def test_no_ledger(tmp_path: Path) -> None:
    code, out, err = run("list", "-d", str(tmp_path))
    assert code == 2 and out == ""
    assert err.startswith("factcheck: error: ") and "no ledger here" in err
    assert len(err.strip().splitlines()) == 1


def test_missing_file(mini_copy: Path) -> None:
    (mini_copy / "facts.yaml").unlink()
    code, _, err = run("list", "-d", str(mini_copy))
    assert code == 2 and "facts.yaml: the ledger has no facts.yaml" in err


@pytest.mark.parametrize(("edit", "where", "message"), [
    (("- id: visit-12th", "- id: visit-12th\n    id: again"),
     "claims.yaml:25:5", "duplicate key 'id' (first at line 24)"),
    (("source: state-tv", "source: state-tvv"),
     "claims.yaml:18:5", "unknown source 'state-tvv' (did you mean 'state-tv'?)"),
    (("  - id: opinion", "  - id: opinion\n  [broken"), "claims.yaml:", "YAML syntax error"),
    (("text: Turkey is a key NATO member.", "text: !!python/object/apply:os.system [echo hi]"),
     "claims.yaml:17:11", "tag '!!python/object/apply:os.system' is not allowed"),
])
def test_bad_input_is_one_line_with_location(mini_copy: Path, edit: tuple[str, str], where: str, message: str) -> None:
    path = mini_copy / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    for command in (["list"], ["verify", "crimea-2013"], ["sources"], ["facts"]):
        code, out, err = run(*command, "-d", str(mini_copy))
        assert code == 2 and out == "", command
        assert len(err.strip().splitlines()) == 1
        assert where in err and message in err, err


def test_usage_errors_exit_2() -> None:
    assert run("list", "--format", "yaml")[0] == 2
    assert run("frobnicate")[0] == 2


# untrusted text ----------------------------------------------------------------------------------

HOSTILE = "[bold red]boom[/] \x1b]0;pwned\x07 \x1b[2J \u202egnp.exe \x9b31m end"


def hostile_ledger(mini_copy: Path) -> Path:
    path = mini_copy / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = json.dumps(HOSTILE)  # a YAML double-quoted string with escapes
    path.write_text(text.replace("text: Turkey is a key NATO member.", f"text: {quoted}"), encoding="utf-8")
    return mini_copy


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_hostile_text_is_printed_literally(mini_copy: Path, fmt: str) -> None:
    data = hostile_ledger(mini_copy)
    for command in (["list"], ["verify", "turkey-nato"]):
        _, out, _ = run(*command, "-d", str(data), "-f", fmt)
        for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
            assert raw not in out, (command, fmt, repr(raw))
        if fmt != "markdown":  # markdown escapes brackets, so the markup shows as \[bold red\]
            assert "[bold red]boom[/]" in out
    if fmt == "json":
        _, out, _ = run("verify", "turkey-nato", "-d", str(data), "-f", "json")
        assert json.loads(out)["text"] == HOSTILE  # escaped on screen, exact as data


def test_scan_of_an_article_with_nothing_to_check_says_so_plainly() -> None:
    result = runner.invoke(app, ["scan", "-", "--data", str(MINI)], input="")
    assert result.exit_code == 0
    assert result.stdout.strip() == "0 statements checked; 0 flagged"
