"""`factcheck diff`: the claims a commit flips, read from git history in a scratch repository."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import MINI
from .test_precommit import _git

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def changes(*args: str) -> dict[str, dict[str, object]]:
    code, out, err = run("diff", *args, "--format", "json")
    assert code == 0, err
    return {row["id"]: row for row in json.loads(out)}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose ledger sits in `desk/ledger/`, committed once."""
    shutil.copytree(MINI, tmp_path / "desk" / "ledger")
    (tmp_path / "README.md").write_text("notes\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    commit(tmp_path, "ledger")
    return tmp_path


def test_moving_a_facts_date_shows_the_claims_it_flips(repo: Path) -> None:
    ledger = repo / "desk" / "ledger"
    edit(ledger / "facts.yaml", "    date: 2014-03-18\n", "    date: 2013-03-18\n")
    commit(repo, "move the treaty's date")
    found = changes("HEAD~1", "--data", str(ledger))
    assert set(found) == {"crimea-2013", "crimea-march-2014"}
    flipped = found["crimea-2013"]
    assert (flipped["verdict_before"], flipped["verdict_after"]) == ("false", "true")
    assert (flipped["rating_before"], flipped["rating_after"]) == ("F5", "F1")
    assert flipped["causes"] == ["fact crimea-treaty-signed: date 2014-03-18 -> 2013-03-18"]
    assert found["crimea-march-2014"]["verdict_after"] == "false" and found["crimea-march-2014"]["change"] == "changed"

    code, out, _ = run("diff", "HEAD~1", "HEAD", "--data", str(ledger))  # two revisions, as a table
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("crimea-2013"))
    assert row.split()[1:5] == ["false", "F5", "true", "F1"]
    assert "fact crimea-treaty-signed: date 2014-03-18 -> 2013-03-18" in row
    assert out.rstrip().endswith("2 claims changed verdict or rating (HEAD~1 -> HEAD)")
    assert changes("HEAD", "--data", str(ledger)) == {}  # the working tree is HEAD


def test_a_source_grade_a_deciding_fact_and_new_claims(repo: Path) -> None:
    ledger = repo / "desk" / "ledger"
    edit(ledger / "sources.yaml", "reliability: F", "reliability: E")  # clickbait
    with (ledger / "claims.yaml").open("a", encoding="utf-8") as claims:
        claims.write("  - {id: brand-new, text: A new claim., source: clickbait}\n")
    found = changes("HEAD", "--data", str(ledger))  # uncommitted changes: against the working tree
    assert found["brand-new"]["change"] == "added" and found["brand-new"]["causes"] == ["new claim"]
    assert found["brand-new"]["verdict_before"] is None
    graded = found["crimea-2013"]
    assert (graded["rating_before"], graded["rating_after"]) == ("F5", "E5")
    assert "source clickbait: reliability F -> E" in graded["causes"]

    commit(repo, "regrade")
    _git(repo, "rm", "-q", "desk/ledger/claims.yaml")
    (ledger / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    found = changes("HEAD", "--data", str(ledger))
    assert found["brand-new"]["change"] == "removed" and found["brand-new"]["verdict_after"] is None


def test_a_split_ledger_at_the_top_of_the_repository(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path, dirs_exist_ok=True)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims.yaml").rename(tmp_path / "claims" / "all.yaml")
    _git(tmp_path, "init", "-q")
    commit(tmp_path, "split")
    edit(tmp_path / "facts.yaml", "    date: 2014-03-18\n", "    date: 2013-03-18\n")
    assert set(changes("HEAD", "--data", str(tmp_path))) == {"crimea-2013", "crimea-march-2014"}


def test_a_ledger_that_did_not_exist_yet_is_empty(repo: Path) -> None:
    (repo / "other").mkdir()
    shutil.copytree(MINI, repo / "other" / "ledger")
    found = changes("HEAD", "--data", str(repo / "other" / "ledger"))
    assert len(found) == 8 and {row["change"] for row in found.values()} == {"added"}


def test_errors_are_one_line(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    ledger = repo / "desk" / "ledger"
    cases = [
        (["nope"], "unknown revision 'nope'"),
        (["--", "--output=x"], "unknown revision '--output=x'"),
        (["HEAD~5"], "unknown revision 'HEAD~5'"),
    ]
    for args, message in cases:
        code, out, err = run("diff", "--data", str(ledger), *args)
        assert (code, out) == (2, ""), args
        assert err == f"factcheck: error: {message}\n"
    elsewhere = tmp_path_factory.mktemp("not-git")
    code, _, err = run("diff", "HEAD", "--data", str(elsewhere))
    assert code == 2 and err == f"factcheck: error: not a git repository: {elsewhere}\n"


def test_a_broken_revision_is_reported_where_it_is(repo: Path) -> None:
    ledger = repo / "desk" / "ledger"
    text = (ledger / "claims.yaml").read_text(encoding="utf-8")
    (ledger / "claims.yaml").write_text(text.replace("claims:\n", "claims:\n  - {id: broken, text: x}\n", 1),
                                        encoding="utf-8")
    commit(repo, "broken")
    code, out, err = run("diff", "HEAD", "--data", str(ledger))
    assert code == 2 and out == ""
    assert err.startswith("factcheck: error: HEAD:desk/ledger/claims.yaml:2:5: claim has no 'source'")


def test_readme_example_is_real_output(tmp_path: Path) -> None:
    from .conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What a change does to the verdicts", 1)[1]
    import re

    shown = next(body for language, body in re.findall(r"```(\w*)\n(.*?)```", section, re.S) if not language)
    assert run("init", str(tmp_path))[0] == 0
    _git(tmp_path, "init", "-q")
    commit(tmp_path, "starter")
    edit(tmp_path / "facts.yaml", "    from: 2006-08-24 ", "    from: 2008-08-24 ")
    code, out, _ = run("diff", "HEAD", "--data", str(tmp_path))
    assert code == 0
    assert out == shown


def test_every_format_shows_the_flips(repo: Path) -> None:
    """diff takes the formats the other reports take: table, json, markdown and csv."""
    import csv
    import io

    ledger = repo / "desk" / "ledger"
    edit(ledger / "facts.yaml", "    date: 2014-03-18\n", "    date: 2013-03-18\n")
    commit(repo, "move the treaty's date")
    for fmt in ("table", "markdown", "csv"):
        code, out, err = run("diff", "HEAD~1", "--data", str(ledger), "--format", fmt)
        assert code == 0, err
        assert "crimea-2013" in out and "2014-03-18 -> 2013-03-18" in out.replace("-\\>", "->"), (fmt, out)
    code, out, _ = run("diff", "HEAD~1", "--data", str(ledger), "--format", "csv")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert set(rows) == {"crimea-2013", "crimea-march-2014"}
    assert (rows["crimea-2013"]["verdict_before"], rows["crimea-2013"]["verdict_after"]) == ("false", "true")
    assert "date 2014-03-18 -> 2013-03-18" in rows["crimea-2013"]["causes"]
