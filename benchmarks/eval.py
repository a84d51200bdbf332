"""How well free text is judged: the labelled sentences of tests/eval/*.tsv through the reader.

    python benchmarks/eval.py [FILE.tsv ...] [--failures]

Each sentence goes through the same code path as `factcheck verify "<sentence>"` (in process),
and its verdict is compared with the verdicts its row accepts. Prints, per file and per group:
the count, the accuracy, the false-true rate (share of sentences that should not come out true
rated `true` or `mostly-true`: the worst mistake a fact-checker can make), the false-false rate
(share of sentences that should come out true rated `false`) and the median time per sentence.
Prints figures; asserts nothing (the test suite owns any gate on them).

`bundled.tsv` is judged against the ledger at the top of the repository; any other `NAME.tsv`
against the ledger in `tests/eval/NAME/` (or `--data DIR` for every file given).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "tests" / "eval"
COLUMNS = ["sentence", "group", "expected", "fact", "note"]
GROUPS = ["paraphrase", "wrong-detail", "true", "no-fact", "added-clause"]
TRUE_SIDE = {"true", "mostly-true"}
LABELLED_ON = dt.date(2026, 11, 23)
"""The date the labels were written for ("still", "now" and predictions are judged as of it)."""


@dataclass(frozen=True)
class Row:
    line: int
    sentence: str
    group: str
    expected: frozenset[str]
    fact: str
    note: str


@dataclass(frozen=True)
class Outcome:
    row: Row
    verdict: str
    reason: str
    seconds: float

    @property
    def hit(self) -> bool:
        return self.verdict in self.row.expected

    @property
    def false_true(self) -> bool:
        """Called true (or mostly true) when it should not be."""
        return not (self.row.expected & TRUE_SIDE) and self.verdict in TRUE_SIDE

    @property
    def false_false(self) -> bool:
        """Called false when it should be true."""
        return self.row.expected <= TRUE_SIDE and self.verdict == "false"


def read_rows(path: Path) -> list[Row]:
    """The rows of one labelled file (tab-separated, a header line, no quoting)."""
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not records or records[0] != COLUMNS:
        raise SystemExit(f"{path}:1: the header must be: {' '.join(COLUMNS)}")
    rows = []
    for line, record in enumerate(records[1:], start=2):
        if len(record) != len(COLUMNS):
            raise SystemExit(f"{path}:{line}: {len(record)} columns, expected {len(COLUMNS)}")
        sentence, group, expected, fact, note = record
        rows.append(Row(line, sentence, group, frozenset(expected.split("|")), fact, note))
    return rows


def ledger_for(path: Path) -> Path:
    """bundled.tsv: the repository's own ledger; NAME.tsv: tests/eval/NAME/."""
    if path.stem == "bundled":
        return REPO
    return EVAL / path.stem


def judge(engine, sentence: str, today: dt.date) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The verdict and reason `factcheck verify "<sentence>"` gives; the one call into the reader."""
    from factcheck.reading import verify_text

    result = verify_text(engine, sentence, today)
    return result.verdict, result.reason


def run(path: Path, data: Path | None, today: dt.date) -> list[Outcome]:
    from factcheck.ledger import load_or_raise
    from factcheck.verdict import Engine

    engine = Engine(load_or_raise(data or ledger_for(path)))
    judge(engine, "warm up", today)  # builds the vocabulary and claim index once, as the first call of a run would
    outcomes = []
    for row in read_rows(path):
        start = time.perf_counter()
        verdict, reason = judge(engine, row.sentence, today)
        outcomes.append(Outcome(row, verdict, reason, time.perf_counter() - start))
    return outcomes


def _rate(hits: int, count: int) -> str:
    return f"{100 * hits / count:5.1f}% ({hits}/{count})" if count else "    -"


def summary(name: str, outcomes: list[Outcome]) -> list[str]:
    lines = [name, f"  {'group':<14} {'n':>4}  {'accuracy':<16} {'false-true':<16} {'false-false':<16} median"]
    groups = [g for g in GROUPS if any(o.row.group == g for o in outcomes)]
    for label, chosen in [(g, [o for o in outcomes if o.row.group == g]) for g in groups] + [("all", outcomes)]:
        not_true = [o for o in chosen if not (o.row.expected & TRUE_SIDE)]
        true_side = [o for o in chosen if o.row.expected <= TRUE_SIDE]
        median_ms = statistics.median(o.seconds for o in chosen) * 1000 if chosen else 0.0
        lines.append(
            f"  {label:<14} {len(chosen):>4}  {_rate(sum(o.hit for o in chosen), len(chosen)):<16} "
            f"{_rate(sum(o.false_true for o in not_true), len(not_true)):<16} "
            f"{_rate(sum(o.false_false for o in true_side), len(true_side)):<16} {median_ms:.2f} ms"
        )
    return lines


def failures(path: Path, outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if not o.hit:
            mark = "  FALSE-TRUE" if o.false_true else ""
            lines.append(f"{path.name}:{o.row.line}: [{o.row.group}] {o.row.sentence}")
            lines.append(f"    expected {'|'.join(sorted(o.row.expected))}, got {o.verdict}{mark}: {o.reason}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="labelled .tsv files (default: tests/eval/*.tsv)")
    parser.add_argument("--failures", action="store_true", help="list every miss with its reason")
    parser.add_argument("--data", type=Path, help="the ledger for every file given (default: by file name)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=LABELLED_ON,
                        help=f"the date to judge by (default {LABELLED_ON}, when the labels were written)")
    args = parser.parse_args(argv)
    files = args.files or sorted(EVAL.glob("*.tsv"))
    if not files:
        print("no labelled files", file=sys.stderr)
        return 2
    everything: list[Outcome] = []
    for path in files:
        outcomes = run(path, args.data, args.today)
        everything += outcomes
        print("\n".join(summary(str(path.relative_to(REPO) if path.is_relative_to(REPO) else path), outcomes)))
        if args.failures:
            print("\n".join(failures(path, outcomes)))
        print()
    if len(files) > 1:
        print("\n".join(summary("all files", everything)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
