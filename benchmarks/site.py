"""How long `factcheck site` takes, and how large the site is, on generated ledgers. Prints
figures; asserts nothing.

    python benchmarks/site.py [--sizes 1000 10000]

Each size: a ledger from `generate.py` in a temporary folder, loaded once; then the build alone
(verdicts, rendering every page, writing every file), timed in this process, with the load
average beside it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Generator  # noqa: E402

from factcheck.ledger import load_or_raise  # noqa: E402
from factcheck.site import build  # noqa: E402
from factcheck.verdict import Engine  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    options = parser.parse_args()
    print("| claims | build | per claim | files | size on disk | index.html | load average |")
    print("|---|---|---|---|---|---|---|")
    for size in options.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            ledger = Path(scratch) / "ledger"
            Generator(size).write(ledger, 1)
            engine = Engine(load_or_raise(ledger))
            out = Path(scratch) / "site"
            start = time.perf_counter()
            site = build(engine, out)
            elapsed = time.perf_counter() - start
            total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
            index = (out / "index.html").stat().st_size
            load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"| {size:,} | {elapsed:.2f} s | {1000 * elapsed / size:.2f} ms | {len(site.files):,} "
                  f"| {total / 1e6:.1f} MB | {index / 1e6:.2f} MB | {load} |")


if __name__ == "__main__":
    main()
