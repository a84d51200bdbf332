"""The gate on free text: no labelled sentence that is not true comes out true.

Every row of tests/eval/*.tsv goes through the reader as `factcheck verify "<sentence>"` would
(`benchmarks/eval.py` prints the full figures). A single sentence rated `true` or `mostly-true`
when its label says otherwise fails the suite: calling a false statement true is the one mistake
a fact-checker must not make.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import REPO

EVAL = REPO / "tests" / "eval"
TRUE_SIDE = {"true", "mostly-true"}
LABELLED_ON = dt.date(2026, 11, 23)
"""The date the labels were written for: "still", "now" and predictions are judged as of it."""


def _rows(path: Path) -> list[tuple[int, str, str, set[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(line, r[0], r[1], set(r[2].split("|"))) for line, r in enumerate(records[1:], start=2)]


@pytest.mark.parametrize("path", sorted(EVAL.glob("*.tsv")), ids=lambda p: p.name)
def test_no_sentence_that_is_not_true_comes_out_true(path: Path) -> None:
    engine = Engine(load_or_raise(REPO if path.stem == "bundled" else EVAL / path.stem))
    wrong = []
    for line, sentence, group, expected in _rows(path):
        verdict = verify_text(engine, sentence, LABELLED_ON).verdict
        if verdict in TRUE_SIDE and not expected & TRUE_SIDE:
            wrong.append(f"{path.name}:{line} [{group}] {sentence!r}: {verdict}, expected {'|'.join(expected)}")
    assert not wrong, "\n".join(wrong)
