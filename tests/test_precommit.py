"""The pre-commit hook: `factcheck check` on the ledger holding each changed file, wherever it sits.

The last test runs the real pre-commit, which clones a snapshot of this repository and installs
the hook into its own environment from it, as a ledger repository's pre-commit would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.ledger import ledger_folder

from .conftest import MINI, REPO, copy_of_repository, offline_pip

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_hook_passes_changed_files_to_check() -> None:
    [hook] = HOOKS
    assert (hook["id"], hook["entry"], hook["language"]) == ("factcheck-check", "factcheck check", "python")
    assert hook.get("pass_filenames", True) and hook["require_serial"]
    pattern = re.compile(hook["files"])
    for path in ("claims.yaml", "ledger/facts.yml", "desk/ledger/sources.yaml", "ledger/claims/2024.yaml"):
        assert pattern.search(path), path
    for path in ("README.md", "claims.yaml.orig", "ledger/claims/old/a.yaml", "notes/facts.txt"):
        assert not pattern.search(path), path


@pytest.mark.parametrize(("path", "ledger"), [
    ("ledger/claims.yaml", "ledger"),
    ("ledger/claims/2024.yaml", "ledger"),
    ("claims/claims.yaml", "claims"),  # a ledger folder that happens to be called claims
    ("ledger", "ledger"),
])
def test_ledger_folder_of_a_path(tmp_path: Path, path: str, ledger: str) -> None:
    for name in ("ledger/claims.yaml", "ledger/claims/2024.yaml", "claims/claims.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert ledger_folder(tmp_path / path) == tmp_path / ledger


def test_check_given_files_of_a_split_ledger_checks_that_ledger(tmp_path: Path) -> None:
    root = tmp_path / "desk" / "ledger"
    (root / "claims").mkdir(parents=True)
    for name in ("sources.yaml", "facts.yaml"):
        shutil.copy(MINI / name, root / name)
    shutil.copy(MINI / "claims.yaml", root / "claims" / "2024.yaml")
    result = CliRunner().invoke(app, ["check", str(root / "claims" / "2024.yaml"), str(root / "facts.yaml")])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "in 3 files" in result.stdout  # the whole ledger, once


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.org",
                           "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                          cwd=cwd, capture_output=True, text=True, check=True, timeout=60)
    return done.stdout.strip()


def _snapshot_of_this_repository(target: Path) -> str:
    """A git repository holding this project as it is now (committed or not): what pre-commit
    clones and installs the hook from. Returns its commit."""
    copy_of_repository(target)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "snapshot")
    return _git(target, "rev-parse", "HEAD")


def test_real_pre_commit_checks_a_ledger_in_a_subfolder(tmp_path: Path, wheelhouse: Path) -> None:
    rev = _snapshot_of_this_repository(tmp_path / "factcheck")
    project = tmp_path / "project"
    shutil.copytree(MINI, project / "ledger")
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{
        "repo": str(tmp_path / "factcheck"), "rev": rev, "hooks": [{"id": "factcheck-check"}]}]}), encoding="utf-8")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    env = {**os.environ, **offline_pip(wheelhouse), "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]

    good = subprocess.run(pre_commit, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"factcheck check\.+Passed", good.stdout), good.stdout

    claims = project / "ledger" / "claims.yaml"
    lines = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if "source: clickbait" in line)
    lines[number] = lines[number].replace("source: clickbait", "source: clikbait")
    claims.write_text("".join(lines), encoding="utf-8")
    _git(project, "add", "-A")
    bad = subprocess.run(pre_commit, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"factcheck check\.+Failed", bad.stdout), bad.stdout
    assert f"ledger/claims.yaml:{number + 1}:" in bad.stdout
    assert "unknown source 'clikbait' (did you mean 'clickbait'?)" in bad.stdout


def test_the_configuration_init_writes_runs_under_real_pre_commit(tmp_path: Path) -> None:
    """`factcheck init`'s `.pre-commit-config.yaml` (a local hook: the `factcheck` on the PATH)."""
    assert CliRunner().invoke(app, ["init", str(tmp_path)]).exit_code == 0
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / ".cache"), "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    good = subprocess.run(pre_commit, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert good.returncode == 0 and re.search(r"factcheck check\.+Passed", good.stdout), good.stdout + good.stderr
    facts = tmp_path / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("    from: 2006-08-24 ", "    from: 2008-08-24 "),
                     encoding="utf-8")
    _git(tmp_path, "add", "-A")
    bad = subprocess.run(pre_commit, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1 and re.search(r"factcheck check\.+Failed", bad.stdout), bad.stdout
    assert re.search(r"claims\.yaml:\d+:\d+: error: claim 'daily-pluto-dwarf-since-2006': computed verdict is false "
                     r"but the ruling says true", bad.stdout), bad.stdout
