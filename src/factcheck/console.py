"""The console script's entry: `factcheck --version` is answered before typer and the rest of
the command line are imported (they are most of a run's start-up); anything else goes to cli."""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        try:
            sys.stdout.write(f"factcheck {__version__}\n")
            sys.stdout.flush()
            return
        except (OSError, ValueError):  # a closed or broken stdout: the full command line reports it
            pass
    from .cli import run as run_command_line

    run_command_line()
