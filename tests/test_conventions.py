"""What users expect of a command-line tool: where the ledger is, colour, quiet, version,
completion, help with examples, usage errors, stable JSON keys, exit statuses for CI, and one
error for one mistake."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import __version__
from factcheck.cli import app

from .conftest import MINI, REPO, TESTS

runner = CliRunner()
READING = TESTS / "ledgers" / "reading"
SGR = re.compile(r"\x1b\[[0-9;]*m")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def ids(out: str) -> list[str]:
    return [r["id"] for r in json.loads(out)]


# where the ledger is -----------------------------------------------------------------------------

def test_data_before_or_after_the_command_and_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = ids(run("list", "--data", str(MINI), "-f", "json")[1])
    assert "crimea-2013" in expected
    assert ids(run("--data", str(MINI), "list", "-f", "json")[1]) == expected
    assert ids(run("-d", str(MINI), "list", "-f", "json")[1]) == expected
    assert ids(run("list", "-f", "json", env={"FACTCHECK_DATA": str(MINI)})[1]) == expected
    # the nearer the command, the stronger: after it, then before it, then the environment
    assert ids(run("--data", str(REPO), "list", "-d", str(MINI), "-f", "json")[1]) == expected
    assert ids(run("--data", str(MINI), "list", "-f", "json", env={"FACTCHECK_DATA": str(REPO)})[1]) == expected
    code, out, _ = run("--data", str(MINI), "check")
    assert code == 0 and "no problems in 3 files" in out
    for command in (["verify", "crimea-2013"], ["verify", "Putin signed the Crimea treaty in 2013"], ["sources"],
                    ["facts"], ["reviews"], ["diff", "HEAD"]):
        code, _, err = run("--data", str(MINI), *command, "-f", "json")
        assert code == 0, (command, err)
    monkeypatch.chdir(MINI.parent)
    code, _, err = run("list")
    assert code == 2 and "no ledger here" in err


# colour, width, quiet ------------------------------------------------------------------------------

def test_colour_follows_the_option_then_no_color_then_force_color() -> None:
    def coloured(*args: str, **env: str) -> bool:
        return bool(SGR.search(run("list", "-d", str(MINI), *args, env=env)[1]))

    assert not coloured()  # a pipe
    assert coloured(FORCE_COLOR="1")
    assert not coloured(FORCE_COLOR="1", NO_COLOR="1")
    assert coloured("--color", "always", NO_COLOR="1")
    assert not coloured("--color", "never", FORCE_COLOR="1")
    assert SGR.search(run("--color", "always", "list", "-d", str(MINI))[1])
    for fmt in ("json", "csv", "markdown"):  # colour is for tables only
        assert not SGR.search(run("list", "-d", str(MINI), "-f", fmt, "--color", "always")[1])


def test_piped_and_markdown_output_keep_whole_text() -> None:
    texts = [r["text"] for r in json.loads(run("list", "-d", str(REPO), "-f", "json")[1])]
    longest = max(texts, key=len)
    assert len(longest) > 100
    for fmt in ("table", "markdown", "csv"):
        out = run("list", "-d", str(REPO), "-f", fmt)[1]
        assert all(text.replace("|", "\\|") in out or text in out for text in texts), fmt
        assert "…" not in out
    facts = run("facts", "-d", str(REPO))[1]
    assert all(f["statement"] in facts for f in json.loads(run("facts", "-d", str(REPO), "-f", "json")[1]))


@pytest.mark.parametrize("width", [80, 100, 120, 200])
def test_width_lays_tables_out_to_fit(width: int) -> None:
    from factcheck.formats.layout import width_of

    for args in (["list"], ["facts"], ["sources"], ["verify", "mondo-crimea-treaty-2013"]):
        out = run(*args, "-d", str(REPO), "--width", str(width))[1]
        assert max(width_of(line) for line in out.splitlines()) <= width, args
    before = run("--width", str(width), "list", "-d", str(REPO))[1]
    assert before == run("list", "-d", str(REPO), "--width", str(width))[1]


def test_quiet_leaves_out_the_summary() -> None:
    out = run("list", "-d", str(MINI), "-q")[1]
    assert "claims:" not in out and "crimea-2013" in out
    assert run("-q", "check", "-d", str(MINI)) == (0, "", "")
    assert run("check", "-d", str(MINI), "--quiet") == (0, "", "")


# version, completion, help --------------------------------------------------------------------------

def test_version_short_and_long() -> None:
    for option in ("-V", "--version"):
        assert run(option)[:2] == (0, f"factcheck {__version__}\n")


def test_shell_completion_is_on() -> None:
    code, out, err = run("--show-completion", "bash")
    assert code == 0 and "_FACTCHECK_COMPLETE" in out, (code, out, err)
    assert "--install-completion" in run("--help")[1]


def test_every_command_has_help_with_an_example() -> None:
    import typer.main

    group = typer.main.get_command(app)
    commands: list[list[str]] = [[]]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        commands += [[name], *([name, sub] for sub in subcommands)] if subcommands else [[name]]
    assert {"list", "verify", "sources", "facts", "check", "scan"} <= {c[0] for c in commands if c}
    for command in commands:
        code, out, _ = run(*command, "--help")
        assert code == 0 and "Example" in out, command
        assert re.search(rf"factcheck {' '.join(command)}", out), command


@pytest.mark.parametrize("command", [["list"], ["export", "claimreview"], ["reviews"]])
def test_verdict_lists_its_choices(command: list[str]) -> None:
    out = re.sub(r"[\s│]+", "", run(*command, "--help", env={"COLUMNS": "200"})[1])
    assert "true|mostly-true|misleading|unproven|false" in out, command
    code, _, err = run(*command, "-d", str(MINI), "--verdict", "maybe")
    assert code == 2 and "'maybe' is not one of" in err


# usage errors -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_verify_of_nothing_is_a_usage_error(text: str) -> None:
    code, out, err = run("verify", text, "-d", str(MINI))
    assert code == 2 and out == "" and "CLAIM" in err


# JSON keys: every key always there, documented in the README ------------------------------------------

CLAIM_KEYS = {"id", "text", "verdict", "rating", "source", "source_name", "ruling", "reason", "flags", "date"}
VERIFY_KEYS = CLAIM_KEYS | {"kind", "url", "deciding_fact", "assertions", "evidence", "provenance", "match_score",
                            "checked", "unchecked", "reviews"}
KEYS = {
    "list": CLAIM_KEYS,
    "verify": VERIFY_KEYS,
    "sources": {"id", "name", "kind", "reliability", "rationale", "url", "country", "state_media", "aliases",
                "republishes", "provenance"},
    "facts": {"id", "statement", "subject", "relation", "object", "date", "from", "until", "value", "unit",
              "negated", "as_of", "note", "citations"},
    "check": {"file", "line", "column", "code", "severity", "message"},
    "scan": {"text", "kind", "verdict", "rating", "reason", "claim", "match_score", "assertions", "evidence",
             "checked", "unchecked", "reviews"},
}


def test_json_keys_are_always_present(tmp_path: Path) -> None:
    def keys(*args: str) -> list[set[str]]:
        out = json.loads(run(*args, "-f", "json")[1])
        return [set(r) for r in (out if isinstance(out, list) else [out])]

    assert keys("list", "-d", str(REPO)) == [KEYS["list"]] * 41
    for claim in ("mondo-crimea-treaty-2013", "Turkey withdrew from NATO in 2023",
                  "Putin signed the Crimea Annexation Treaty in 2013", "Nothing the ledger knows"):
        assert keys("verify", claim, "-d", str(REPO)) == [KEYS["verify"]], claim
    assert set(map(frozenset, keys("sources", "-d", str(REPO)))) == {frozenset(KEYS["sources"])}
    assert set(map(frozenset, keys("facts", "-d", str(REPO)))) == {frozenset(KEYS["facts"])}
    broken = tmp_path / "ledger"
    shutil.copytree(MINI, broken)
    (broken / "sources.yaml").write_text((MINI / "sources.yaml").read_text().replace("rationale:", "rationle:", 1))
    assert set(map(frozenset, keys("check", "-d", str(broken)))) == {frozenset(KEYS["check"])}
    article = tmp_path / "article.txt"
    article.write_text("Ruritania ratified the River Accord in 1997\n\nKing Rudolf toured Syldavia in 2005.\n")
    assert keys("scan", str(article), "--all", "-d", str(READING)) == [KEYS["scan"]] * 2


def test_readme_documents_every_json_key() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### JSON output"):]
    section = section[:section.index("\n## ")]
    documented = set(re.findall(r"`([a-z_]+)`", section))
    for command, keys in KEYS.items():
        assert keys <= documented, (command, keys - documented)


# scan for CI ---------------------------------------------------------------------------------------------

def test_scan_fail_on(tmp_path: Path) -> None:
    false = tmp_path / "false.txt"
    false.write_text("Ruritania ratified the River Accord in 1997\n\nKing Rudolf toured Syldavia in 2005.\n")
    misleading = tmp_path / "misleading.txt"
    misleading.write_text("Ruritania and Borduria Sign A Grand Alliance\n\n"
                          "Ruritania ratified the River Accord in 1998, officials said.\n")
    data = ["-d", str(READING)]
    assert run("scan", str(false), *data)[0] == 0  # reporting only, by default
    assert run("scan", str(false), *data, "--fail-on", "false")[0] == 1
    assert run("scan", str(false), *data, "--fail-on", "misleading")[0] == 1
    assert run("scan", str(misleading), *data, "--fail-on", "false")[0] == 0
    assert run("scan", str(misleading), *data, "--fail-on", "misleading")[0] == 1
    assert run("scan", str(misleading), *data, "--fail-on", "true")[0] == 2


# one mistake, one error --------------------------------------------------------------------------------

def _break(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_invalid_source_gives_one_error_not_one_per_claim(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger"
    for name in ("sources.yaml", "facts.yaml", "claims.yaml"):
        shutil.copy(REPO / name, ledger / name if ledger.exists() else (ledger.mkdir() or ledger / name))
    _break(ledger, "sources.yaml", "reliability: F", "reliability: 5")  # morning-news-usa, source of 10 claims
    code, out, _ = run("check", "-d", str(ledger), "-f", "json")
    problems = json.loads(out)
    assert code == 1
    assert [(p["file"].endswith("sources.yaml"), p["code"]) for p in problems] == [(True, "value")]
    for command in (["list"], ["verify", "mondo-crimea-treaty-2013"]):
        code, out, err = run(*command, "-d", str(ledger))
        assert code == 2 and out == ""
        assert re.search(r"sources\.yaml:\d+:\d+: 'reliability' must be one of", err), err
        assert "factcheck check" in err and err.count("\n") == 1


def test_the_first_real_error_and_how_many_more(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger"
    shutil.copytree(MINI, ledger)
    _break(ledger, "sources.yaml", "reliability: E", "reliability: 5")
    _break(ledger, "claims.yaml", "source: clickbait", "source: clickbat")
    code, _, err = run("list", "-d", str(ledger))
    assert code == 2
    assert "'reliability' must be one of" in err and "(and 1 more problem: run `factcheck check`)" in err


@pytest.mark.parametrize("bad", ["state_tv", "state.tv", "state--tv", "-state", "State-TV"])
def test_ids_are_hyphenated_lower_case_words(tmp_path: Path, bad: str) -> None:
    ledger = tmp_path / "ledger"
    shutil.copytree(MINI, ledger)
    _break(ledger, "sources.yaml", "id: clickbait", f"id: '{bad}'")
    code, out, _ = run("check", "-d", str(ledger), "-f", "json")
    [problem] = [p for p in json.loads(out) if p["file"].endswith("sources.yaml")]
    assert code == 1 and problem["code"] == "type"
    assert "lower-case words and digits joined by single hyphens" in problem["message"]
    assert repr(bad) in problem["message"]


def test_quiet_silences_the_summary_of_site_export_and_import(tmp_path: Path) -> None:
    """-q, before or after the command: results only. What site and export --out write is in
    their files; the line saying so is a summary."""
    ledger = tmp_path / "ledger"
    shutil.copytree(MINI, ledger)
    (ledger / "factcheck.yaml").write_text("desk: {name: Test Desk, url: 'https://desk.example/'}\n",
                                           encoding="utf-8")
    for quiet in (["-q"], []):
        code, out, err = run(*quiet, "site", str(tmp_path / "site"), "-d", str(ledger))
        assert code == 0 and (out == "") == bool(quiet), out
        code, out, err = run("export", "claimreview", "-d", str(ledger), "--out", str(tmp_path / "feed.jsonld"),
                             *quiet)
        assert code == 0 and (err == "") == bool(quiet), err
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "feed.jsonld").is_file()
