"""The hostile inputs of issue 11, each timed end to end: wall time, peak memory, exit status and
the first line of stderr. Prints figures; asserts nothing. The bound to compare with: 5 s, 500 MB.

    python benchmarks/hostile.py [--only WORD]

Every case runs the installed `factcheck` as a user would (`--no-cache`, so nothing is warm) in a
temporary folder, one at a time, with a 60 s timeout. Peak memory is the command's own (its
resident set, from `wait4`), not this script's.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))
TIMEOUT = 60.0
WORDS = ["Russia", "annexed", "Crimea", "in", "2014", "and", "Turkey", "joined", "NATO", "in", "1952", "while",
         "officials", "said"]


def words(size: int, seed: int = 1) -> str:
    """The ledger's names and verbs, no full stop, `size` characters."""
    pick = random.Random(seed).choice
    return " ".join(pick(WORDS) for _ in range(size // 4))[:size]


def flow_ledger(folder: Path, size: int) -> None:
    """The bundled ledger with claims.yaml as one line of flow-style YAML of about `size` bytes."""
    import json

    import yaml

    for name in ("sources.yaml", "facts.yaml"):
        shutil.copy(REPO / name, folder / name)
    document = yaml.safe_load((REPO / "claims.yaml").read_text(encoding="utf-8"))
    claims = document["claims"]
    each = len(json.dumps(claims, default=str).encode()) / len(claims)
    document["claims"] = [{**claims[i % len(claims)], "id": f"{claims[i % len(claims)]['id']}-{i}"}
                          for i in range(int(size / each))]
    (folder / "claims.yaml").write_text(json.dumps(document, default=str), encoding="utf-8")  # JSON is flow YAML


def shared_name_ledger(folder: Path, count: int) -> None:
    """The bundled ledger with `count` more entities all named "Turkey"."""
    for name in ("sources.yaml", "claims.yaml"):
        shutil.copy(REPO / name, folder / name)
    facts = (REPO / "facts.yaml").read_text(encoding="utf-8")
    extra = "".join(f"  - {{id: namesake-{i}, name: Turkey, kind: country}}\n" for i in range(count))
    (folder / "facts.yaml").write_text(facts.replace("entities:\n", "entities:\n" + extra, 1), encoding="utf-8")


def run(args: list[str], cwd: Path, stdin: int | None = None) -> tuple[float, int, int | str, str]:
    """Seconds, peak resident kilobytes, exit status (or "timeout") and stderr's first line."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen([FACTCHECK, "--no-cache", *args], cwd=cwd, stdin=stdin,
                                   stdout=subprocess.DEVNULL, stderr=err)
        timer = threading.Timer(TIMEOUT, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)  # the child's own peak memory
        seconds = time.perf_counter() - started
        timed_out = not timer.is_alive()
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        first = (err.read().decode("utf-8", "replace").splitlines() or [""])[0]
    return seconds, usage.ru_maxrss, "timeout" if timed_out else process.returncode, first


ARTICLES = {
    "scan, a 200 KB single-line sentence": lambda: HEAD + words(200_000) + "\n",
    "scan, 1 MB of years": lambda: HEAD + ("1999 " * 210_000)[:1_040_000] + "\n",
    "scan, a 1 MB one-line headline": lambda: words(1_040_000) + "\n",
    "scan, a 1 MB one-line body": lambda: HEAD + words(1_040_000) + "\n",
    "scan, a 500 KB one-line headline (at the limit)": lambda: words(520_000) + "\n",
    "scan, a 500 KB one-line body (at the limit)": lambda: HEAD + words(520_000) + "\n",
    "scan, 200,000 repetitions of 'St.'": lambda: HEAD + "St. " * 200_000 + "\n",
    "scan, a 2 MB headline (over the limit)": lambda: words(2_000_000) + "\n",
    "scan, 10 MB of sentences (over the limit)": lambda: ". ".join(words(10_000_000).split(" and ")) + "\n",
}
HEAD = "Headline about Russia and NATO\n\n"
SENTENCES = (16_000, 100_000)


def make(tmp: Path) -> None:
    """Write every input into `tmp` (in its own process: the measuring one stays small, since a
    child's peak memory counts what it inherits at fork)."""
    for number, text in enumerate(ARTICLES.values()):
        (tmp / f"article{number}.txt").write_text(text(), encoding="utf-8")
    for size in SENTENCES:
        (tmp / f"sentence{size}.txt").write_text(" ".join(words(size).split()[:-1]), encoding="utf-8")
    (tmp / "flow").mkdir()
    flow_ledger(tmp / "flow", 57_000_000)
    (tmp / "namesakes").mkdir()
    shared_name_ledger(tmp / "namesakes", 2_000)


def cases(tmp: Path) -> dict[str, Callable[[], tuple[float, int, int | str, str]]]:
    data = ["--data", str(REPO)]
    found: dict[str, Callable[[], tuple[float, int, int | str, str]]] = {}
    for number, label in enumerate(ARTICLES):
        path = tmp / f"article{number}.txt"
        found[label] = lambda path=path: run(["scan", str(path), *data], tmp)
    found["scan /dev/zero"] = lambda: run(["scan", "/dev/zero", *data], tmp)

    def yes_pipe() -> tuple[float, int, int | str, str]:
        with subprocess.Popen(["yes"], stdout=subprocess.PIPE) as producer:
            result = run(["scan", "-", *data], tmp, stdin=producer.stdout.fileno())  # type: ignore[union-attr]
            producer.kill()
        return result

    found["yes | scan -"] = yes_pipe
    for size in SENTENCES:
        path = tmp / f"sentence{size}.txt"
        found[f"verify, one sentence of {size // 1000} KB"] = lambda path=path: run(
            ["verify", *data, "--", path.read_text(encoding="utf-8")], tmp)
    found["list, a 57 MB one-line flow-style claims.yaml"] = lambda: run(["list", "-f", "json"], tmp / "flow")
    found["verify, 6 words, 2,000 entities named alike"] = lambda: run(
        ["verify", "Turkey joined NATO in February 1952"], tmp / "namesakes")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the cases whose label contains this")
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)  # write the inputs there, and stop
    args = parser.parse_args()
    if args.make:
        make(args.make)
        return
    with tempfile.TemporaryDirectory(prefix="factcheck-hostile-") as folder:
        tmp = Path(folder)
        subprocess.run([sys.executable, __file__, "--make", str(tmp)], check=True)
        print(f"load average {os.getloadavg()[0]:.2f}; bound 5 s and 500 MB")
        print(f"{'case':48} {'seconds':>8} {'peak MB':>8} {'exit':>7}  stderr")
        for label, case in cases(tmp).items():
            if args.only and args.only not in label:
                continue
            seconds, peak, status, err = case()
            print(f"{label:48} {seconds:>8.2f} {peak / 1024:>8.0f} {status!s:>7}  {err[:90]}", flush=True)
        print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
