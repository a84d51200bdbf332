"""The clock: one date decides staleness and whether a prediction has come due, and the tests
pin it (FACTCHECK_TODAY), so the suite passes on any date."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import REPO, TESTS

runner = CliRunner()
FACTCHECK = Path(sys.executable).parent / "factcheck"


def test_the_bundled_ledger_years_ahead_has_stale_warnings_and_no_errors() -> None:
    result = runner.invoke(app, ["check", "--data", str(REPO), "--today", "2030-01-01", "--format", "json"])
    problems = json.loads(result.stdout)
    assert result.exit_code == 0
    assert problems and {p["code"] for p in problems} <= {"stale-fact", "stale-evidence"}
    assert all(p["severity"] == "warning" for p in problems)


def test_verdicts_do_not_move_with_the_clock() -> None:
    def verdicts(*env: str) -> list[tuple[str, str, str]]:
        out = runner.invoke(app, ["list", "--data", str(REPO), "-f", "json"], env=dict([e.split("=") for e in env]))
        return [(r["id"], r["verdict"], r["rating"]) for r in json.loads(out.stdout)]

    assert verdicts("FACTCHECK_TODAY=2030-01-01") == verdicts("FACTCHECK_TODAY=2026-12-01")
    claim = runner.invoke(app, ["verify", "mondo-crimea-treaty-2013", "-d", str(REPO), "-f", "json",
                                "--today", "2035-06-30"])
    assert json.loads(claim.stdout)["verdict"] == "false"


def test_a_prediction_comes_due_on_the_date_given() -> None:
    sentence = "Ruritania will join the Northern Pact in 1961"
    ledger = str(TESTS / "ledgers" / "reading")

    def verdict(today: str) -> str:
        result = runner.invoke(app, ["verify", sentence, "-d", ledger, "-f", "json", "--today", today])
        return json.loads(result.stdout)["verdict"]

    assert verdict("1960-01-01") == "unproven"  # still a prediction then
    assert verdict("2030-01-01") == "true"  # the date has passed: judged as a statement


def test_a_bad_date_is_a_usage_error() -> None:
    result = runner.invoke(app, ["check", "-d", str(REPO), "--today", "2030-13-01"])
    assert result.exit_code == 2 and "not a date" in result.stderr
    result = runner.invoke(app, ["check", "-d", str(REPO)], env={"FACTCHECK_TODAY": "bogus"})
    assert result.exit_code == 2
    assert "'bogus' is not a date (YYYY-MM-DD), from --today or FACTCHECK_TODAY" in result.stderr


@pytest.mark.skipif(not shutil.which("faketime") or not FACTCHECK.exists(), reason="needs faketime and the command")
def test_the_installed_command_under_a_clock_years_ahead() -> None:
    env = {k: v for k, v in os.environ.items()  # the system clock only, even when the suite runs under faketime
           if k != "FACTCHECK_TODAY" and not k.startswith("FAKETIME") and k != "LD_PRELOAD"}
    run = subprocess.run(["faketime", "2030-01-01", str(FACTCHECK), "check", "--data", str(REPO)],
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "stale-fact" in run.stdout and "0 errors" in run.stdout
