"""Start-up: short commands side by side with `python -c pass`, the interpreter's own start.
Prints figures; asserts nothing.

    python benchmarks/startup.py [--repeat 21] [--data DIR] [--no-bytecode-cache]

Every round runs each command once, in turn, so a change in the machine's load touches all of
them alike; the figures are the median wall time and the median CPU time (user + system, from
the children's rusage) over the rounds, and each as a multiple of `python -c pass`. The ledger
commands run in DIR (default: the repository's root, whose bundled ledger is the default
ledger) with stdout to a pipe; "warm" runs read a cache filled before the first round, "cold"
ones start from an empty cache folder (and fill it, as a first run does). Modules run from their
cached bytecode (kept in a scratch folder, PYTHONPYCACHEPREFIX), as an installed command's do;
`--no-bytecode-cache` keeps the environment's PYTHONDONTWRITEBYTECODE, under which an editable
install compiles factcheck's modules at every start. Issue 12 asks for
`list` within 8x and `--version` within 5x; `import typer` is the floor of any command that
parses options.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FACTCHECK = str(Path(sys.executable).parent / "factcheck")


def measure(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """One child process, its stdout read from a pipe: wall and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=21, help="rounds (default 21)")
    parser.add_argument("--data", type=Path, default=REPO, help="the folder the ledger commands run in")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="run as the environment says (PYTHONDONTWRITEBYTECODE=1 compiles every module of an "
                             "editable install at every start) rather than with bytecode cached, as installed")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="factcheck-startup-") as scratch:
        base = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_NO_CACHE", "FACTCHECK_DATA")}
        if not options.no_bytecode_cache:  # as an installed command runs: every module's bytecode read, not compiled
            base.pop("PYTHONDONTWRITEBYTECODE", None)
            base["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "bytecode")
        warm = {**base, "FACTCHECK_CACHE_DIR": str(Path(scratch) / "warm")}
        commands: list[tuple[str, list[str], bool]] = [  # label, arguments, cold
            ("python -c pass", [PYTHON, "-c", "pass"], False),
            ("python -c 'import typer'", [PYTHON, "-c", "import typer"], False),
            ("factcheck --version", [FACTCHECK, "--version"], False),
            ("factcheck list, warm", [FACTCHECK, "list"], False),
            ("factcheck list, cold", [FACTCHECK, "list"], True),
            ("factcheck check, warm", [FACTCHECK, "check"], False),
            ("factcheck check, cold", [FACTCHECK, "check"], True),
        ]
        for _, args, _ in commands:  # fill the warm cache (and any file system cache)
            measure(args, options.data, warm)
        figures: dict[str, list[tuple[float, float]]] = {label: [] for label, _, _ in commands}
        loads = [os.getloadavg()[0]]
        for turn in range(options.repeat):
            for label, args, cold in commands:
                env = {**base, "FACTCHECK_CACHE_DIR": str(Path(scratch) / f"cold-{turn}-{label}")} if cold else warm
                figures[label].append(measure(args, options.data, env))
            loads.append(os.getloadavg()[0])

    wall = {label: statistics.median(w for w, _ in runs) for label, runs in figures.items()}
    cpu = {label: statistics.median(c for _, c in runs) for label, runs in figures.items()}
    unit_wall, unit_cpu = wall["python -c pass"], cpu["python -c pass"]
    print(f"Start-up, median of {options.repeat} interleaved rounds, in {options.data}; "
          f"load average {min(loads):.2f}-{max(loads):.2f}; Python {sys.version.split()[0]}; "
          f"{'bytecode as the environment has it' if options.no_bytecode_cache else 'bytecode cached'}")
    print(f"{'command':<28} {'wall ms':>8} {'x pass':>7} {'CPU ms':>8} {'x pass':>7}")
    for label in figures:
        print(f"{label:<28} {wall[label] * 1000:8.1f} {wall[label] / unit_wall:7.1f} "
              f"{cpu[label] * 1000:8.1f} {cpu[label] / unit_cpu:7.1f}")


if __name__ == "__main__":
    main()
