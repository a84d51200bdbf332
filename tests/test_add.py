"""`factcheck add`: a record appended from options or prompts, validated by the loader before it
is written, with every byte of the file before it kept as it was."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import MINI, load_clean

runner = CliRunner()

PLUTO_CLAIM = ["--id", "daily-pluto-2006", "--text", "Pluto became a dwarf planet in 2006.",
               "--source", "example-daily", "--date", "2024-05-02", "--ruling", "true", "--assertion",
               "subject=pluto relation=classified-as object=dwarf-planet change=start date=2006"]


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    assert run("init", str(tmp_path))[0] == 0
    return tmp_path


def test_add_claim_then_check_passes_with_the_file_intact(starter: Path) -> None:
    before = (starter / "claims.yaml").read_bytes()
    code, out, err = run("add", "claim", *PLUTO_CLAIM, "--data", str(starter))
    assert (code, err) == (0, ""), out
    after = (starter / "claims.yaml").read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert b"# yaml-language-server: $schema=schemas/claims.schema.json" in after.splitlines()[0]
    assert "added claim 'daily-pluto-2006'" in out
    assert "computed verdict: true (C2), as its ruling says" in out
    ledger = load_clean(starter)
    claim = ledger.claims["daily-pluto-2006"]
    assert list(ledger.claims)[-1] == "daily-pluto-2006"
    assert (claim.text, claim.ruling, str(claim.date)) == ("Pluto became a dwarf planet in 2006.", "true", "2024-05-02")
    assert [(a.relation, a.change, str(a.date)) for a in claim.assertions] == [("classified-as", "start", "2006")]
    line = int(out.split("claims.yaml:")[1].split()[0])
    assert after.decode().splitlines()[line - 1].strip() == "- id: daily-pluto-2006"
    code, out, _ = run("check", "--data", str(starter))
    assert code == 0 and "no problems" in out


def test_add_source_and_fact_then_a_claim_using_them(starter: Path) -> None:
    data = ["--data", str(starter)]
    code, out, err = run("add", "source", "--id", "example-wire", "--name", "Example Wire", "--kind", "news-agency",
                         "--reliability", "B", "--rationale", "An example: a wire service.", "--alias", "EW", *data)
    assert code == 0, err
    code, out, err = run("add", "fact", "--id", "pluto-ten-planets", "--statement", "Ten planets: a test fact.",
                         "--subject", "solar-system", "--relation", "planet-count", "--value", "10",
                         "--date", "1990", "--citation-title", "A test: 10 planets", "--citation-url",
                         "https://example.org/ten", "--citation-date", "1990-01-01", *data)
    assert code == 0, err
    code, out, err = run("add", "claim", "--id", "wire-ten-planets", "--text", "In 1990 there were 10 planets.",
                         "--source", "example-wire", "--date", "1990-02", "--assertion",
                         "subject=solar-system relation=planet-count value=10 date=1990", *data)
    assert code == 0, err
    assert "computed verdict: true (B2), record a --ruling" in out
    ledger = load_clean(starter)
    assert ledger.sources["example-wire"].aliases == ("EW",)
    fact = ledger.facts["pluto-ten-planets"]
    citation = fact.citations[0]
    assert (fact.value, citation.title, str(citation.date)) == (10, "A test: 10 planets", "1990-01-01")


def test_interactive_add_asks_for_each_field(starter: Path) -> None:
    answers = "\n".join([
        "daily-pluto-2006", "Pluto became a dwarf planet in 2006.", "example-daily", "2024-05-02", "",
        "subject=pluto relation=classified-as object=dwarf-planet change=start date=2006", "", "true", ""])
    code, out, err = run("add", "claim", "--interactive", "--data", str(starter), stdin=answers)
    assert code == 0, out + err
    assert "computed verdict: true (C2), as its ruling says" in out
    claim = load_clean(starter).claims["daily-pluto-2006"]
    assert claim.url == "" and len(claim.assertions) == 1


def test_interactive_add_asks_again_after_a_bad_answer(starter: Path) -> None:
    answers = "\n".join(["wire", "Wire", "news-agency", "B", "", "", ""])
    code, out, err = run("add", "source", "-i", "--data", str(starter), stdin=answers)
    assert code == 0, out + err
    answers = "\n".join(["f", "S.", "pluto", "classified-as", "", "", "", "", "many", "3", ""])
    code, out, err = run("add", "fact", "-i", "--data", str(starter), stdin=answers)
    assert code == 2 and "'value' must be a number, not 'many'" in out + err
    assert "the input ended before the record was complete" in err


@pytest.mark.parametrize(("args", "message"), [
    (["--id", "daily-pluto-dwarf-since-2006", "--text", "x", "--source", "example-daily"],
     "new claim: duplicate id 'daily-pluto-dwarf-since-2006' (first at "),
    (["--id", "new", "--text", "x", "--source", "example-dayly"],
     "new claim: unknown source 'example-dayly' (did you mean 'example-daily'?)"),
    (["--id", "new", "--text", "x", "--source", "example-daily", "--date", "2024-02-30"],
     "new claim: 'date' is not a real date: 2024-02-30"),
    (["--id", "New_One", "--text", "x", "--source", "example-daily"], "new claim: 'id' must be an id"),
    (["--id", "new", "--text", "x", "--source", "example-daily", "--assertion", "subject=pluto relaton=x"],
     "unknown field 'relaton' in assertion (did you mean 'relation'?)"),
    (["--id", "new", "--text", "x", "--source", "example-daily", "--assertion", "subject pluto"],
     "write each field of a assertion as key=value"),
    (["--id", "new", "--source", "example-daily"], "missing --text (or use --interactive to be asked)"),
])
def test_add_refuses_an_invalid_record_and_writes_nothing(starter: Path, args: list[str], message: str) -> None:
    files = {p: p.read_bytes() for p in starter.rglob("*") if p.is_file()}
    code, out, err = run("add", "claim", "--no-interactive", *args, "--data", str(starter))
    assert code == 2 and out == ""
    assert err.startswith("factcheck: error: ") and len(err.splitlines()) == 1
    assert message in err, err
    assert {p: p.read_bytes() for p in starter.rglob("*") if p.is_file()} == files


def test_add_refuses_to_write_into_a_broken_ledger(starter: Path) -> None:
    path = starter / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    reliability: C\n", "    reliability: C\n    grade: C\n"), encoding="utf-8")
    before = (starter / "claims.yaml").read_bytes()
    code, _, err = run("add", "claim", *PLUTO_CLAIM, "--data", str(starter))
    assert code == 2 and "sources.yaml:11:5: unknown field 'grade' in source" in err
    assert (starter / "claims.yaml").read_bytes() == before


def test_add_follows_the_files_own_layout(tmp_path: Path) -> None:
    """Column-0 dashes, CRLF line breaks, no final newline, a later key: all kept as they are."""
    shutil.copytree(MINI, tmp_path, dirs_exist_ok=True)
    claims = tmp_path / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    lines = text.replace("\n  ", "\n").rstrip("\n").split("\n")  # the same claims, written with `- ` at column 0
    claims.write_bytes("\r\n".join(lines).encode())
    before = claims.read_bytes()
    facts = tmp_path / "facts.yaml"
    facts_text = facts.read_text(encoding="utf-8")
    entities = facts_text.index("entities:")
    facts_after = facts_text.index("facts:")
    reordered = facts_text[facts_after:] + "\n# the vocabulary\n" + facts_text[entities:facts_after]
    facts.write_text(reordered, encoding="utf-8")  # facts first, then the vocabulary
    load_clean(tmp_path)

    code, _, err = run("add", "claim", "--id", "new-claim", "--text", "Turkey joined NATO in 1952.", "--source",
                       "clickbait", "--assertion", "subject=turkey relation=member-of object=nato change=start "
                       "date=1952", "--data", str(tmp_path))
    assert code == 0, err
    after = claims.read_bytes()
    assert after.startswith(before)
    added = after[len(before):].decode()
    assert added.startswith("\r\n- id: new-claim\r\n  text: Turkey joined NATO in 1952.\r\n")
    assert "\n" not in added.replace("\r\n", "")

    code, _, err = run("add", "fact", "--id", "new-fact", "--statement", "A test fact.", "--subject", "us",
                       "--relation", "member-of", "--object", "nato", "--from", "1949", "--as-of", "2020",
                       "--citation-title", "T", "--citation-url", "https://example.org/t", "--citation-date", "2020",
                       "--data", str(tmp_path))
    assert code == 0, err
    new_facts = facts.read_text(encoding="utf-8")
    at = new_facts.index("  - id: new-fact\n")
    assert new_facts[:at] + new_facts[new_facts.index("\n# the vocabulary"):] == reordered
    assert at < new_facts.index("entities:")
    ledger = load_clean(tmp_path)
    assert "new-fact" in ledger.facts and "new-claim" in ledger.claims


def test_add_to_a_split_ledger_goes_to_the_last_file(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path, dirs_exist_ok=True)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims.yaml").rename(tmp_path / "claims" / "2023.yaml")
    (tmp_path / "claims" / "2024.yaml").write_text("# claims of 2024\nclaims: []\n", encoding="utf-8")
    code, out, err = run("add", "claim", "--id", "new-claim", "--text", "x", "--source", "clickbait",
                         "--data", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "claims" / "2024.yaml").read_text(encoding="utf-8") == (
        "# claims of 2024\nclaims:\n  - id: new-claim\n    text: x\n    source: clickbait\n")
    assert "2024.yaml:3" in out
    load_clean(tmp_path)


def test_add_fills_an_empty_flow_list_and_refuses_a_full_one(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path, dirs_exist_ok=True)
    (tmp_path / "claims.yaml").write_text("# mine\nclaims: []  # none yet\n", encoding="utf-8")
    code, _, err = run("add", "claim", "--id", "c", "--text", "x", "--source", "clickbait", "--data", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "claims.yaml").read_text(encoding="utf-8") == (
        "# mine\nclaims:  # none yet\n  - id: c\n    text: x\n    source: clickbait\n")
    (tmp_path / "claims.yaml").write_text("claims: [{id: a, text: x, source: clickbait}]\n", encoding="utf-8")
    code, _, err = run("add", "claim", "--id", "c", "--text", "x", "--source", "clickbait", "--data", str(tmp_path))
    assert code == 2 and "claims.yaml:1:9: 'claims' is a flow list" in err


def test_add_quotes_what_yaml_would_misread(starter: Path) -> None:
    tricky = "Yes: 'no' #1 \u2014 \"quoted\"\nsecond line\ttab"
    before = (starter / "claims.yaml").read_text(encoding="utf-8")
    code, _, err = run("add", "claim", "--id", "tricky", "--text", tricky, "--source", "example-daily",
                       "--date", "2024", "--data", str(starter))
    assert code == 0, err
    assert load_clean(starter).claims["tricky"].text == tricky
    added = (starter / "claims.yaml").read_text(encoding="utf-8")[len(before):]
    assert added.count("\n") == 5 and "\\n" in added  # a blank line, then one line per field
    code, _, err = run("add", "claim", "--id", "two-lines", "--text", "first line\nsecond line", "--source",
                       "example-daily", "--data", str(starter))
    assert code == 0, err
    assert '    text: "first line\\nsecond line"\n' in (starter / "claims.yaml").read_text(encoding="utf-8")
    assert load_clean(starter).claims["two-lines"].text == "first line\nsecond line"


def test_add_replaces_the_file_atomically(starter: Path) -> None:
    path = starter / "claims.yaml"
    os.chmod(path, 0o640)
    inode = path.stat().st_ino
    assert run("add", "claim", *PLUTO_CLAIM, "--data", str(starter))[0] == 0
    assert path.stat().st_mode & 0o777 == 0o640
    assert path.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert sorted(p.name for p in starter.iterdir()) == sorted(
        [".pre-commit-config.yaml", "claims.yaml", "facts.yaml", "schemas", "sources.yaml"])


def test_on_a_terminal_a_missing_field_is_asked_for(starter: Path) -> None:
    """The installed command with a terminal for standard input asks for the fields not given."""
    leader, follower = pty.openpty()
    command = [str(Path(sys.executable).parent / "factcheck"), "add", "source", "--id", "example-wire",
               "--data", str(starter)]
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    os.write(leader, b"Example Wire\nnews-agency\nB\nAn example.\n\n")  # typed ahead: name, kind, grade...
    seen = b""
    while select.select([leader], [], [], 30)[0]:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=30) == 0, seen
    os.close(leader)
    assert b"name:" in seen and b"rationale (Enter to skip):" in seen
    source = load_clean(starter).sources["example-wire"]
    assert (source.name, source.kind, source.reliability, source.rationale) == (
        "Example Wire", "news-agency", "B", "An example.")
