"""`factcheck init`: a starter ledger that loads, checks clean, validates against the schemas its
editor lines name, and never replaces a file that is already there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.ledger import load

from .conftest import REPO, load_clean
from .test_check import check_jsonschema

runner = CliRunner()
LEDGER = ("sources.yaml", "facts.yaml", "claims.yaml")
EXAMPLE = [name for name in (*LEDGER, "factcheck.yaml", "reviews.yaml") if (REPO / name).is_file()]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_init_writes_a_starter_that_checks_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("init")
    assert (code, err) == (0, "")
    assert "created claims.yaml" in out and "next: factcheck list && factcheck check" in out
    ledger = load_clean(tmp_path)
    assert len(ledger.sources) >= 2 and len(ledger.facts) >= 2 and len(ledger.claims) >= 3
    code, out, _ = run("list")
    assert code == 0 and "daily-pluto-dwarf-since-2006" in out
    code, out, _ = run("check")
    assert code == 0, out
    assert "error" not in out


def test_starter_is_commented_and_covers_several_verdicts(tmp_path: Path) -> None:
    run("init", str(tmp_path))
    for name in LEDGER:
        text = (tmp_path / name).read_text(encoding="utf-8")
        comments = [line for line in text.splitlines() if line.lstrip().startswith("#") or " # " in line]
        assert len(comments) >= 3, name
    code, out, _ = run("list", "--data", str(tmp_path), "--format", "json")
    import json

    verdicts = {row["verdict"] for row in json.loads(out)}
    assert {"true", "false", "unproven"} <= verdicts


@pytest.mark.parametrize("example", [False, True], ids=["starter", "example"])
def test_editor_lines_point_at_schemas_written_beside_the_ledger(tmp_path: Path, example: bool) -> None:
    code, _, _ = run("init", str(tmp_path), *(["--example"] if example else []))
    assert code == 0
    for name in EXAMPLE if example else LEDGER:
        first = (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, first
        schema = tmp_path / match.group(1)  # the language server resolves it from the file's folder
        result = check_jsonschema(schema, tmp_path / name)
        assert result.returncode == 0, result.stdout + result.stderr


def test_init_example_copies_the_bundled_ledger(tmp_path: Path) -> None:
    code, _, _ = run("init", str(tmp_path / "new"), "--example")
    assert code == 0
    for name in EXAMPLE:
        assert (tmp_path / "new" / name).read_bytes() == (REPO / name).read_bytes()
    assert load(tmp_path / "new").problems == []


def test_init_writes_a_pre_commit_configuration(tmp_path: Path) -> None:
    run("init", str(tmp_path))
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    assert (hook["id"], hook["entry"]) == ("factcheck-check", "factcheck check")
    pattern = re.compile(hook["files"])
    for path in ("claims.yaml", "ledger/facts.yml", "desk/claims/2024.yaml"):
        assert pattern.search(path), path
    for path in ("README.md", "claims.yaml.bak", "notes/sources.txt", "claims/old/a.yaml"):
        assert not pattern.search(path), path


def test_init_keeps_an_existing_pre_commit_configuration(tmp_path: Path) -> None:
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    code, out, _ = run("init", str(tmp_path))
    assert code == 0 and "kept" in out
    assert (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8") == "repos: []\n"
    load_clean(tmp_path)


@pytest.mark.parametrize("existing", ["claims.yaml", "facts.yml", "sources/a.yaml", "schemas/claims.schema.json"])
def test_init_refuses_to_overwrite(tmp_path: Path, existing: str) -> None:
    path = tmp_path / existing
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("mine\n", encoding="utf-8")
    code, out, err = run("init", str(tmp_path))
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("factcheck: error: ")
    assert existing.split("/")[0].split(".")[0] in err and "nothing was written" in err
    assert path.read_text(encoding="utf-8") == "mine\n"
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == [existing]


def test_init_into_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    code, _, err = run("init", str(tmp_path / "taken"))
    assert code == 2 and err.startswith("factcheck: error: ") and len(err.splitlines()) == 1
