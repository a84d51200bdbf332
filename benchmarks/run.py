"""Startup, loading and rendering figures for factcheck. Prints a table; asserts nothing.

    python benchmarks/run.py [--claims N]

Figures are medians of several runs on this machine; compare them between commits, not
between machines.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).parent / "factcheck")


def median_ms(action, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def command(*args: str, cwd: Path = REPO) -> None:
    subprocess.run([FACTCHECK, *args], cwd=cwd, check=True, capture_output=True)


def import_ms(module: str) -> float:
    code = f"import time; s = time.perf_counter(); import {module}; print((time.perf_counter() - s) * 1000)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return statistics.median(runs)


def synthetic_ledger(root: Path, claims: int) -> Path:
    """A ledger of `claims` claims over a handful of facts: loading and verdicts at scale."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sources.yaml").write_text(
        "sources:\n  - {id: wire, name: Wire, kind: news-agency, reliability: B, rationale: test}\n")
    (root / "facts.yaml").write_text(
        "entities:\n  - {id: a, name: Alpha}\n  - {id: b, name: Beta}\n"
        "relations:\n  - {id: signed, kind: event, words: [signed]}\n"
        "facts:\n  - id: f\n    statement: Alpha signed Beta in 2014.\n    subject: a\n    relation: signed\n"
        "    object: b\n    date: 2014-03-18\n    citations: [{title: T, url: 'https://example.org', date: 2014}]\n")
    with (root / "claims.yaml").open("w") as out:
        out.write("claims:\n")
        for i in range(claims):
            year = 2013 + i % 2
            out.write(f"  - id: c{i}\n    text: Alpha signed Beta in {year}, claim number {i}.\n"
                      f"    source: wire\n    date: 2020-01-01\n    assertions:\n"
                      f"      - {{subject: a, relation: signed, object: b, date: {year}}}\n"
                      f"    ruling: {'false' if year == 2013 else 'true'}\n")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=10_000, help="size of the synthetic ledger")
    options = parser.parse_args()

    rows: list[tuple[str, float, str]] = []
    for module in ("yaml", "typer", "factcheck.cli"):
        rows.append((f"import {module}", import_ms(module), "ms"))
    rows.append(("factcheck --version", median_ms(lambda: command("--version")), "ms"))
    rows.append(("factcheck list (bundled ledger, pipe)", median_ms(lambda: command("list")), "ms"))
    rows.append(("factcheck verify <id> (bundled ledger)",
                 median_ms(lambda: command("verify", "mondo-crimea-treaty-2013")), "ms"))
    rows.append(("factcheck check (bundled ledger)", median_ms(lambda: command("check")), "ms"))

    from factcheck.formats import View, renderer
    from factcheck.formats.records import claim_row
    from factcheck.ledger import load
    from factcheck.verdict import Engine

    with tempfile.TemporaryDirectory() as tmp:
        root = synthetic_ledger(Path(tmp) / "big", options.claims)
        n = options.claims
        load_ms = median_ms(lambda: load(root), repeat=3)
        rows.append((f"load {n} claims", load_ms, "ms"))
        rows.append(("load per claim", load_ms * 1000 / n, "µs"))
        ledger = load(root).ledger
        engine = Engine(ledger)
        verify_ms = median_ms(engine.verify_all, repeat=3)
        rows.append(("verdicts per claim", verify_ms * 1000 / n, "µs"))
        records = [claim_row(v) for v in engine.verify_all()]
        sample = records[:2000]
        for name, width, color in (("piped", None, False), ("terminal, 80 columns, colour", 80, True)):
            ms = median_ms(lambda: renderer("table", io.StringIO(), width, color).render(  # noqa: B023
                View("claims", sample, "")), repeat=3)
            rows.append((f"render {name}, per row", ms * 1000 / len(sample), "µs"))
        rows.append((f"factcheck check ({n} claims)", median_ms(lambda: command("check", "-d", str(root)), 1), "ms"))

    width = max(len(name) for name, _, _ in rows)
    print(f"{'what':<{width}}  figure")
    for name, value, unit in rows:
        print(f"{name:<{width}}  {value:10.1f} {unit}")


if __name__ == "__main__":
    main()
