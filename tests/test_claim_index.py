"""The free-text claim index is cached like the records: the same matches with and without the
cache, after a claim or the vocabulary changes, and when an entry is damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.ledger import load_or_raise
from factcheck.ledger.cache import NO_CACHE_ENV
from factcheck.reading import index as index_module
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import MINI, TODAY

SENTENCES = ["Putin signed the Crimea Annexation Treaty in 2013", "Turkey is a key NATO member.",
             "Putin will visit Turkey on the 12th of this month.", "Borduria left the Trade League in 1999"]


def answers(root: Path) -> list[tuple]:
    engine = Engine(load_or_raise(root))
    return [(v.claim.id, v.verdict, v.reason, v.match_score)
            for v in (verify_text(engine, sentence, TODAY) for sentence in SENTENCES)]


def uncached(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    with monkeypatch.context() as patch:
        patch.setenv(NO_CACHE_ENV, "1")
        return answers(root)


@pytest.fixture
def ledger_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "ledger"))


def test_cached_index_matches_as_the_fresh_one(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    expected = uncached(ledger_copy, monkeypatch)
    assert any(match for *_, match in expected), "a sentence matches a ledger claim"
    assert answers(ledger_copy) == expected
    assert list(cache_dir.glob("claim-index-*.derived"))
    assert answers(ledger_copy) == expected


def test_an_edited_claim_is_read_again(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    answers(ledger_copy)
    claims = ledger_copy / "claims.yaml"
    claims.write_text(claims.read_text().replace("Turkey is a key NATO member.", "Turkey is a loyal ally."))
    after = answers(ledger_copy)
    assert after == uncached(ledger_copy, monkeypatch)
    assert after[1][0] != "turkey-nato"


def test_a_new_name_in_the_vocabulary_is_read_with(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    answers(ledger_copy)
    facts = ledger_copy / "facts.yaml"
    facts.write_text(facts.read_text().replace("entities:\n", "entities:\n  - {id: key-nato, name: Key NATO}\n", 1))
    assert answers(ledger_copy) == uncached(ledger_copy, monkeypatch)


def test_a_damaged_entry_is_read_again(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    expected = answers(ledger_copy)
    for entry in cache_dir.glob("claim-index-*.derived"):
        blob = entry.read_bytes()
        entry.write_bytes(blob[:-5] + bytes(5))
    assert answers(ledger_copy) == expected


def test_claims_read_in_worker_processes_read_the_same(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    expected = uncached(ledger_copy, monkeypatch)
    monkeypatch.setattr(index_module, "PARALLEL_CLAIMS", 0)
    assert answers(ledger_copy) == expected


def test_a_claim_saying_the_same_is_found_behind_any_number_of_alike_ones(ledger_copy: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Claims are looked up by what they say: ten claims worded alike but dated otherwise are
    not compared with the sentence, and do not hide the one that says the same."""
    from rapidfuzz import fuzz

    claims = ledger_copy / "claims.yaml"
    alike = "".join(f"""  - id: crimea-{year}-again
    text: Putin signed the Crimea Annexation Treaty in {year}
    source: clickbait
    date: 2024-02-08
    assertions:
      - {{subject: putin, relation: signed, object: crimea-treaty, date: {year}}}
""" for year in range(2000, 2010))
    claims.write_text(claims.read_text() + alike + """  - id: crimea-2012-indeed
    text: Indeed Putin signed the Crimea Annexation Treaty in 2012
    source: clickbait
    date: 2024-02-08
    assertions:
      - {subject: putin, relation: signed, object: crimea-treaty, date: 2012}
""")
    compared = []
    original = fuzz.token_sort_ratio

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        compared.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(fuzz, "token_sort_ratio", counted)
    found = verify_text(Engine(load_or_raise(ledger_copy)), "Putin signed the Crimea Annexation Treaty in 2012", TODAY)
    assert (found.claim.id, len(compared)) == ("crimea-2012-indeed", 1)
