"""How the free-text reader's time grows with its input: it must stay linear. Prints figures;
asserts nothing.

    python benchmarks/reader_scaling.py [--max BYTES]

For inputs of 1 KB, 10 KB, 100 KB, 1 MB (and 10 MB with `--max 10000000`), in process on the
bundled ledger: `scan` of an article of ordinary sentences built from the ledger's own names
and relation words, `scan` of one line with no full stop (the same words), `scan` of a line of
years, and `verify` of one sentence of that size. Linear means the last column, microseconds
per kilobyte, stays flat as the size grows tenfold. (The command line refuses inputs over its
size limit before the reader sees them; this measures the reader itself.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 1)


def prose(size: int, names: list[str], verbs: list[str], sentence_end: str) -> str:
    """Sentences "A verb B in 1999" from the ledger's names and words, until `size` bytes."""
    pick = random.Random(8).choice
    parts, total = [], 0
    while total < size:
        part = f"{pick(names)} {pick(verbs)} {pick(names)} in {pick(range(1950, 2025))}{sentence_end}"
        parts.append(part)
        total += len(part.encode())
    return "".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=1_000_000, help="largest input in bytes (default 1 MB)")
    args = parser.parse_args()

    from factcheck.ledger import load_or_raise
    from factcheck.reading import scan_text, verify_text
    from factcheck.verdict import Engine

    engine = Engine(load_or_raise(REPO))
    names = [e.name for e in engine.ledger.entities.values()]
    verbs = [w for r in engine.ledger.relations.values() for w in r.words if " " not in w]
    verify_text(engine, names[0], TODAY)  # builds the indexes and loads the lexicon once
    shapes: dict[str, tuple[Callable[[int], str], Callable[[str], object]]] = {
        "scan, sentences": (lambda n: "Headline " + names[0] + "\n\n" + prose(n, names, verbs, ". "),
                            lambda text: scan_text(engine, text, TODAY)),
        "scan, one line": (lambda n: "Headline " + names[0] + "\n\n" + prose(n, names, verbs, ", "),
                           lambda text: scan_text(engine, text, TODAY)),
        "scan, years": (lambda n: "Headline " + names[0] + "\n\n" + ("1999 " * (n // 5)),
                        lambda text: scan_text(engine, text, TODAY)),
        "verify, one sentence": (lambda n: prose(n, names, verbs, " and "),
                                 lambda text: verify_text(engine, text, TODAY)),
    }
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'input':24} {'bytes':>10} {'seconds':>9} {'µs per KB':>10}")
    for label, (make, run) in shapes.items():
        size = 1000
        while size <= args.max:
            text = make(size)
            start = time.perf_counter()
            run(text)
            seconds = time.perf_counter() - start
            print(f"{label:24} {size:>10} {seconds:>9.3f} {seconds * 1e6 / (size / 1000):>10.0f}")
            size *= 10


if __name__ == "__main__":
    main()
