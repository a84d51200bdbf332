"""Start-up: a command imports only what it uses (the figures are in benchmarks/README.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import MINI


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
