"""A long fuzz run across cores: `python benchmarks/fuzz.py --minutes 60 --jobs 2`.

Each job runs the fuzz tests of tests/test_fuzz.py in rounds (`--per-round` fresh examples per
test, a new random seed each round) until the time is up; the examples each test ran are summed
from the tallies the test module writes at exit. A round that fails keeps its whole output under
`--logs` and counts as a failure; the run goes on. Prints the figures at the end (and exits 1 if
any round failed): examples per test, the total, the rate, failures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0, help="how long to run (default 60)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes at once (default: cores)")
    parser.add_argument("--per-round", type=int, default=200, help="examples per test in one round (default 200)")
    parser.add_argument("--logs", type=Path, default=ROOT / "build" / "fuzz", help="where failed rounds' output goes")
    args = parser.parse_args()

    deadline = time.monotonic() + args.minutes * 60
    totals: Counter[str] = Counter()
    rounds = failures = 0
    lock = threading.Lock()
    args.logs.mkdir(parents=True, exist_ok=True)

    def job(number: int) -> None:
        nonlocal rounds, failures
        while time.monotonic() < deadline:
            with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tally:
                path = Path(tally.name)
            env = {**os.environ, "FACTCHECK_FUZZ_EXAMPLES": str(args.per_round), "FACTCHECK_FUZZ_RANDOM": "1",
                   "FACTCHECK_FUZZ_TALLY": str(path)}
            result = subprocess.run([sys.executable, "-m", "pytest", "-m", "fuzz", "-p", "no:randomly", "-q",
                                     "-p", "no:cacheprovider", "tests/test_fuzz.py"],
                                    cwd=ROOT, env=env, capture_output=True, text=True, check=False)
            counts = json.loads(path.read_text(encoding="utf-8")) if path.stat().st_size else {}
            path.unlink()
            with lock:
                rounds += 1
                totals.update(counts)
                if result.returncode != 0:
                    failures += 1
                    log = args.logs / f"failed-{number}-{rounds}.txt"
                    log.write_text(result.stdout + result.stderr, encoding="utf-8")
                    print(f"round {rounds} failed: {log}", flush=True)

    started = time.monotonic()
    threads = [threading.Thread(target=job, args=(n,)) for n in range(args.jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    total = sum(totals.values())
    print(f"{args.jobs} jobs, {rounds} rounds, {elapsed / 60:.1f} min, load {os.getloadavg()[0]:.1f}")
    for test, count in sorted(totals.items()):
        print(f"  {test:<10} {count:>9,} examples")
    print(f"  {'total':<10} {total:>9,} examples, {total / elapsed * 3600:,.0f} an hour; "
          f"{failures} failed round{'s' if failures != 1 else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
