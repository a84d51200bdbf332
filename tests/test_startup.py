"""Start-up: a command imports only what it uses (the figures are in benchmarks/README.md)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MINI, copy_of_repository


def imported_by(*args: str) -> set[str]:
    code = ("import os, sys; sys.argv = ['factcheck', *sys.argv[1:]]\n"
            "def leave(status):\n    raise SystemExit(status)\n"
            "os._exit = leave  # the command ends at once (edge._exit_now): let it return to say what it imported\n"
            "from factcheck.console import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return set(done.stderr.split())


def test_version_imports_nothing_of_the_command_line() -> None:
    modules = imported_by("--version")
    assert not {"typer", "click", "yaml", "rich", "factcheck.cli", "factcheck.model"} & modules


def test_version_is_printed_by_the_installed_command() -> None:
    from factcheck import __version__

    installed = Path(sys.executable).parent / "factcheck"
    done = subprocess.run([str(installed), "--version"], capture_output=True, text=True)
    assert done.stdout == f"factcheck {__version__}\n"


def test_list_on_a_pipe_imports_no_terminal_or_free_text_modules() -> None:
    modules = imported_by("list", "--data", str(MINI))
    assert not {"rich", "rapidfuzz", "factcheck.reading", "tabulate"} & modules
    assert "factcheck.verdict" in modules


LOADING = {"yaml", "factcheck.ledger", "factcheck.model", "factcheck.verdict", "factcheck.checks"}
"""What `list` needs to compute its rows: the loader (with YAML and the schema), the model, the engine."""


def test_a_warm_list_reads_its_rows_without_the_loader_or_the_engine(mini_copy: Path) -> None:
    """Once a run of `list` has kept a small ledger's rows (results.py), the next, no file changed,
    reads them back without importing what computes them; a changed file needs them again."""
    command = ("list", "--data", str(mini_copy))
    assert imported_by(*command) >= LOADING
    warm = imported_by(*command)
    assert not (LOADING | {"rich", "tabulate", "factcheck.reading", "rapidfuzz"}) & warm
    claims = mini_copy / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert imported_by(*command) >= LOADING
    assert not LOADING & imported_by(*command, "--verdict", "false", "--source", "clickbait")


def test_a_warm_check_reads_its_findings_without_the_loader_or_the_engine(mini_copy: Path) -> None:
    """As `list`'s rows: once `check` has kept what it found in a small ledger, the next run, no
    file changed, reads it back without importing what finds it; a changed file needs them again."""
    command = ("check", "--data", str(mini_copy))
    assert imported_by(*command) >= LOADING | {"factcheck.checks"}
    assert not (LOADING | {"factcheck.checks", "rich", "factcheck.reading"}) & imported_by(*command, "--strict")
    claims = mini_copy / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert imported_by(*command) >= LOADING


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_compiles_the_modules_an_editable_install_would_compile_at_every_start(tmp_path: Path) -> None:
    """Under PYTHONDONTWRITEBYTECODE=1 Python writes no bytecode, and pip compiles only what it
    installs: `make` compiles src/ so that the commands it runs start from bytecode, and an edit
    made since is still what runs (its module compiled afresh, the stale bytecode ignored)."""
    copy = copy_of_repository(tmp_path / "clone")
    (copy / "stamp").touch()  # stands for the installed environment, which is this one
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(copy / "src")}
    env.pop("PYTHONPYCACHEPREFIX", None)

    def modules_read(code: str) -> tuple[str, list[str]]:
        """What `code` prints, and the files factcheck's modules were read from."""
        done = subprocess.run([sys.executable, "-v", "-c", code], cwd=copy, env=env, capture_output=True,
                              text=True, check=True)
        read = [line.removeprefix("# code object from ").strip("'") for line in done.stderr.splitlines()
                if line.startswith("# code object from ") and str(copy / "src") in line]
        return done.stdout, read

    _, before = modules_read("import factcheck.cli")
    assert len(before) > 5 and all(path.endswith(".py") for path in before), before
    subprocess.run(["make", "-s", "bytecode", f"BIN={Path(sys.executable).parent}", "STAMP=stamp"],
                   cwd=copy, env=env, check=True, capture_output=True)
    _, after = modules_read("import factcheck.cli")
    assert len(after) == len(before) and all(path.endswith(".pyc") for path in after), after

    module = copy / "src" / "factcheck" / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8") + "EDITED = True\n", encoding="utf-8")
    shown, read = modules_read("import factcheck; print(factcheck.EDITED)")
    assert shown == "True\n" and str(module) in read
