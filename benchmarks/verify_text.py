"""How fast free text is verified on the bundled ledger. Prints figures; asserts nothing.

    python benchmarks/verify_text.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date.today()
FACTCHECK = str(Path(sys.executable).parent / "factcheck")
SENTENCES = [
    "Putin signed the treaty on Crimea's accession to Russia in 2013",
    "The treaty absorbing Crimea into Russia dates from 18 March 2014",
    "Turkey is a NATO member",
    "Turkey withdrew from NATO in 2023",
    "Ankara will open a space station in 2030",
    "Erdogan met Putin in St Petersburg in August 2016",
]


def main() -> None:
    from factcheck.ledger import load_or_raise
    from factcheck.reading import Reader
    from factcheck.verdict import Engine

    start = time.perf_counter()
    engine = Engine(load_or_raise(REPO))
    loaded = time.perf_counter()
    reader = Reader(engine)
    reader.verify(SENTENCES[0], TODAY)  # builds the vocabulary and the claim index
    first = time.perf_counter()
    per_call = []
    for _ in range(20):
        for sentence in SENTENCES:
            t0 = time.perf_counter()
            reader.verify(sentence, TODAY)
            per_call.append((time.perf_counter() - t0) * 1000)
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([FACTCHECK, "verify", SENTENCES[0]], cwd=REPO, check=True, capture_output=True)
        runs.append((time.perf_counter() - t0) * 1000)

    print(f"load the bundled ledger                  {(loaded - start) * 1000:8.1f} ms")
    print(f"first sentence (builds indexes)          {(first - loaded) * 1000:8.1f} ms")
    print(f"per sentence, median of {len(per_call)}            {statistics.median(per_call):8.2f} ms")
    print(f"per sentence, slowest                    {max(per_call):8.2f} ms")
    print(f'factcheck verify "<sentence>" end to end {statistics.median(runs):8.1f} ms (median of 5)')


if __name__ == "__main__":
    main()
