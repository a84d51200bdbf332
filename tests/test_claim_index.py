"""The free-text claim index: claims left in their files, found by what they say, cached like
the records. The same answers as with the whole ledger loaded, with and without the cache, after a
claim or the vocabulary changes, when an entry is damaged, and the same errors for a broken ledger."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.cache import NO_CACHE_ENV
from factcheck.diagnostics import LedgerError
from factcheck.ledger import load_or_raise
from factcheck.reading import index as index_module
from factcheck.reading import scan_text, text_engine, verify_text
from factcheck.verdict import Engine

from .conftest import MINI, REPO, TODAY

SENTENCES = ["Putin signed the Crimea Annexation Treaty in 2013", "Turkey is a key NATO member.",
             "Putin will visit Turkey on the 12th of this month.", "Borduria left the Trade League in 1999"]


def answers(root: Path, sentences: list[str] = SENTENCES) -> list[tuple]:
    engine = text_engine(root)
    return [(v.claim.id, v.verdict, v.reason, v.match_score)
            for v in (verify_text(engine, sentence, TODAY) for sentence in sentences)]


def uncached(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    with monkeypatch.context() as patch:
        patch.setenv(NO_CACHE_ENV, "1")
        return answers(root)


@pytest.fixture
def ledger_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "ledger"))


@pytest.mark.parametrize("root", [MINI, REPO], ids=["mini", "bundled"])
def test_every_claim_of_a_ledger_is_found_as_with_the_whole_ledger_loaded(root: Path, cache_dir: Path) -> None:
    whole = Engine(load_or_raise(root))
    texts = [claim.text for claim in whole.ledger.claims.values()]
    expected = [(v.claim, v.verdict, v.reason, v.match_score, v.results, v.chain)
                for v in (verify_text(whole, text, TODAY) for text in texts)]
    assert sum(1 for claim, *_ in expected if claim.id) >= len(texts) * 2 // 3, "most claims are found"
    for _ in range(2):  # building the index, then from the cache
        engine = text_engine(root)
        assert [(v.claim, v.verdict, v.reason, v.match_score, v.results, v.chain)
                for v in (verify_text(engine, text, TODAY) for text in texts)] == expected


def test_a_scanned_headline_is_judged_with_its_article_body(cache_dir: Path) -> None:
    whole = Engine(load_or_raise(REPO))
    headline = next(c for c in whole.ledger.claims.values() if c.kind == "headline" and c.article)
    article = headline.text + "\n\n" + "The desk's copy says nothing more."
    expected = [(i.kind, i.verification) for i in scan_text(whole, article, TODAY)]
    engine = text_engine(REPO)
    assert [(i.kind, i.verification) for i in scan_text(engine, article, TODAY)] == expected
    body = {c.id for c in whole.ledger.claims.values() if c.article == headline.article and c.kind != "headline"}
    assert body and set(engine.ledger.claims) == body | {headline.id}, "the headline's body, and no other claim"


def test_only_the_claims_a_sentence_matches_are_read(ledger_copy: Path, cache_dir: Path) -> None:
    engine = text_engine(ledger_copy)
    assert not engine.ledger.claims
    verify_text(engine, "Turkey is a key NATO member.", TODAY)
    assert list(engine.ledger.claims) == ["turkey-nato"]


def test_cached_index_matches_as_the_fresh_one(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    expected = uncached(ledger_copy, monkeypatch)
    assert any(match for *_, match in expected), "a sentence matches a ledger claim"
    assert answers(ledger_copy) == expected
    assert list(cache_dir.glob("claim-outline-*.derived")) and list(cache_dir.glob("claim-readings-*.derived"))
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


@pytest.mark.parametrize("kind", ["claim-outline", "claim-readings", "vocabulary"])
def test_a_damaged_entry_is_read_again(ledger_copy: Path, cache_dir: Path, kind: str) -> None:
    expected = answers(ledger_copy)
    entries = list(cache_dir.glob(f"{kind}-*.derived"))
    assert entries
    for entry in entries:
        blob = entry.read_bytes()
        entry.write_bytes(blob[:-5] + bytes(5))
    assert answers(ledger_copy) == expected


def test_claims_read_in_worker_processes_read_the_same(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    expected = uncached(ledger_copy, monkeypatch)
    monkeypatch.setattr(index_module, "PARALLEL_CLAIMS", 0)
    assert answers(ledger_copy) == expected


BROKEN = [
    ("a duplicate id", "  - id: crimea-2013\n    text: Again\n    source: clickbait\n"),
    ("an unknown source", "  - id: elsewhere\n    text: Said elsewhere\n    source: nowhere\n"),
    ("an unknown party", "  - id: unknown-party\n    text: Said\n    source: clickbait\n"
                         "    assertions:\n      - {subject: atlantis, relation: signed, object: nato}\n"),
    ("an invalid record", "  - id: Bad Id\n    text: Said\n"),
]


@pytest.mark.parametrize(("what", "added"), BROKEN, ids=[what for what, _ in BROKEN])
def test_a_broken_claims_file_is_reported_as_a_whole_load_reports_it(ledger_copy: Path, cache_dir: Path,
                                                                     what: str, added: str) -> None:
    answers(ledger_copy)  # the index of the sound file is cached
    claims = ledger_copy / "claims.yaml"
    claims.write_text(claims.read_text() + added)
    with pytest.raises(LedgerError) as whole:
        load_or_raise(ledger_copy)
    for _ in range(2):  # indexed afresh, then from the cache
        with pytest.raises(LedgerError) as found:
            text_engine(ledger_copy)
        assert str(found.value) == str(whole.value), what


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
    found = verify_text(text_engine(ledger_copy), "Putin signed the Crimea Annexation Treaty in 2012", TODAY)
    assert (found.claim.id, len(compared)) == ("crimea-2012-indeed", 1)
