"""The labelled free-text sentences of tests/eval/ are well formed: right columns, known groups,
valid verdicts that fit their group, a deciding fact or claim that exists, no sentence twice.

This checks the yardstick, not the reader: `benchmarks/eval.py` measures the reader with it.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from factcheck.checks import CheckOptions, run_checks
from factcheck.ledger import load_or_raise
from factcheck.ledger.parts import load_parts
from factcheck.model import Ledger

from .conftest import REPO

EVAL = REPO / "tests" / "eval"
COLUMNS = ["sentence", "group", "expected", "fact", "note"]
VERDICTS = {"true", "mostly-true", "misleading", "unproven", "false"}
TRUE_SIDE = {"true", "mostly-true"}
MINIMUM = {"bundled": 300}
"""Rows a file must hold (any other file: at least 100)."""
FILES = sorted(EVAL.glob("*.tsv"))


def ledger_dir(path: Path) -> Path:
    return REPO if path.stem == "bundled" else EVAL / path.stem


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert records[0] == COLUMNS, f"{path.name}: header"
    for line, record in enumerate(records[1:], start=2):
        assert len(record) == len(COLUMNS), f"{path.name}:{line}: {len(record)} columns"
        assert all(field.strip() == field and field for field in record), f"{path.name}:{line}: empty or padded field"
    return [dict(zip(COLUMNS, record, strict=True)) | {"line": str(line)}
            for line, record in enumerate(records[1:], start=2)]


@pytest.fixture(scope="module", params=FILES, ids=[p.name for p in FILES])
def labelled(request: pytest.FixtureRequest) -> tuple[Path, list[dict[str, str]], Ledger]:
    path = request.param
    return path, rows(path), load_or_raise(ledger_dir(path))


def test_there_is_a_bundled_set_and_a_second_topic() -> None:
    names = {p.stem for p in FILES}
    assert "bundled" in names
    assert names - {"bundled"}, "a second-topic set with its ledger in tests/eval/NAME/"


def test_enough_rows_in_every_group(labelled: tuple[Path, list[dict[str, str]], Ledger]) -> None:
    path, found, _ = labelled
    assert len(found) >= MINIMUM.get(path.stem, 100)
    for group in ("paraphrase", "wrong-detail", "true", "no-fact", "added-clause"):
        assert sum(r["group"] == group for r in found) >= len(found) // 8, group


def test_expected_verdicts_fit_the_group(labelled: tuple[Path, list[dict[str, str]], Ledger]) -> None:
    path, found, _ = labelled
    for row in found:
        where = f"{path.name}:{row['line']}"
        expected = set(row["expected"].split("|"))
        assert expected <= VERDICTS, where
        group = row["group"]
        if group == "wrong-detail":
            assert expected == {"false"}, where
        elif group == "true":
            assert expected <= TRUE_SIDE, where
        elif group == "no-fact":
            assert expected == {"unproven"}, where
        elif group == "added-clause":
            assert not expected & TRUE_SIDE, where
        else:
            assert group == "paraphrase", f"{where}: unknown group {group!r}"


def test_the_deciding_fact_or_claim_exists(labelled: tuple[Path, list[dict[str, str]], Ledger]) -> None:
    path, found, ledger = labelled
    for row in found:
        where = f"{path.name}:{row['line']}"
        if row["group"] == "no-fact":
            assert row["fact"] == "-", f"{where}: a no-fact row names no fact"
        elif row["group"] == "paraphrase":
            claim = ledger.claims.get(row["fact"])
            assert claim is not None, f"{where}: no claim {row['fact']!r}"
            assert claim.ruling in row["expected"].split("|"), f"{where}: the claim's ruling is {claim.ruling}"
        else:
            for ident in row["fact"].split(","):
                assert ident in ledger.facts, f"{where}: no fact {ident!r}"


def test_no_sentence_twice() -> None:
    seen: dict[str, str] = {}
    for path in FILES:
        for row in rows(path):
            key = re.sub(r"\W+", " ", row["sentence"].casefold()).strip()
            assert key not in seen, f"{path.name}:{row['line']}: also at {seen.get(key)}"
            seen[key] = f"{path.name}:{row['line']}"


@pytest.mark.parametrize("path", [p for p in FILES if p.stem != "bundled"], ids=lambda p: p.stem)
def test_second_topic_ledger_checks_clean(path: Path) -> None:
    parts = load_parts(ledger_dir(path))
    assert [str(p) for p in run_checks(parts, CheckOptions(today=dt.date(2026, 11, 23)))] == []
