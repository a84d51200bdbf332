"""A large ledger's files are read and verified shared with forked workers (parallel.py): the
output must be what one process gives, with the cache on or off, cold or warm."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import parallel, results
from factcheck.ledger import parts

from .test_warm import outputs, split  # noqa: F401 - the fixture is used by name


def test_shared_gives_every_result_in_order() -> None:
    assert list(parallel.shared(lambda number: number * number, 7, 3)) == [n * n for n in range(7)]
    assert list(parallel.shared(lambda number: [number], 1, 3)) == [[0]]


@pytest.mark.skipif(parallel.worth_forking(2) < 2, reason="needs two cores and fork")
def test_forked_reading_and_verifying_change_nothing(split: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    expected = outputs(split, cached=False)
    monkeypatch.setattr(parts, "PARALLEL_BYTES", 0)  # every ledger counts as large
    monkeypatch.setattr(results, "PARALLEL_CLAIMS", 0)
    monkeypatch.setattr(results, "BATCH_CLAIMS", 1)  # a batch per file
    assert outputs(split, cached=False) == expected
    assert outputs(split, cached=True) == expected  # cold: verified alone, headlines again
    assert outputs(split, cached=True) == expected  # warm
