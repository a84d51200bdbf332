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
from factcheck.reading import _gist, read, reader_for, scan_text, text_engine, verify_text
from factcheck.reading import index as index_module
from factcheck.reading.index import filed_under
from factcheck.verdict import Engine

from .conftest import MINI, REPO, TESTS, TODAY

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
    assert list(cache_dir.glob("claim-outline-*.derived")) and list(cache_dir.glob("claim-records-*.derived"))
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


@pytest.mark.parametrize("kind", ["claim-outline", "claim-records", "vocabulary"])
def test_a_damaged_entry_is_read_again(ledger_copy: Path, cache_dir: Path, kind: str) -> None:
    expected = answers(ledger_copy)
    entries = list(cache_dir.glob(f"{kind}-*.derived"))
    assert entries
    for entry in entries:
        blob = entry.read_bytes()
        entry.write_bytes(blob[:-5] + bytes(5))
    assert answers(ledger_copy) == expected


def test_claims_read_in_worker_processes_read_the_same(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    """Without the cache they send their claims; with it they leave them there."""
    expected = uncached(ledger_copy, monkeypatch)
    assert any(match for *_, match in expected), "a sentence matches a ledger claim"
    monkeypatch.setattr(index_module, "PARALLEL_CLAIMS", 0)
    assert uncached(ledger_copy, monkeypatch) == expected
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


ODD_TEXTS = ["Russia didn't sign it on 03/04/2014.", "İstanbul hosted nobody at the end of 2020, nor in Sept. 2021",
             "The 18-03-2014 vote: twenty-one members, not 1,000", "Neither 1999 nor 2001 saw İzmir's 3rd treaty",
             "", "   ", "2014-03-18 2014/3/18 18.03.2014 the 12th of May, 2019"]


@pytest.mark.parametrize("root", [MINI, REPO, TESTS / "ledgers" / "reading"], ids=["mini", "bundled", "reading"])
def test_a_claim_is_filed_where_its_reading_looks_for_it(root: Path) -> None:
    """Filed without the vocabulary, under the digest of the dates and negation its reading has,
    with a signature holding every stem a sentence saying the same requires (its own gist's)."""
    engine = Engine(load_or_raise(root))
    reader = reader_for(engine)
    eval_sentences = [line.split("\t")[0] for path in sorted((TESTS / "eval").glob("*.tsv"))
                      for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    texts = [claim.text for claim in engine.ledger.claims.values()] + eval_sentences + ODD_TEXTS
    assert len(texts) > 400
    for text in texts:
        gist = _gist(read(text, reader.vocabulary))
        key, signature = filed_under(text)
        required = reader._required(gist)
        assert (key, signature & required) == (gist.filing, required), text


def test_a_party_named_otherwise_finds_the_claim_naming_it(cache_dir: Path) -> None:
    """The stems a sentence requires of a party are those all its names share: "Türkiye" finds
    the claim that says "Turkey"."""
    for sentence in ["Türkiye is a key NATO member.", "Ankara is a key NATO member"]:
        assert verify_text(text_engine(MINI), sentence, TODAY).claim.id == "turkey-nato"


def test_a_sentence_reads_only_the_claims_filed_under_its_dates_negation_and_stems(
        ledger_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import reading

    said = "Putin signed the Crimea Annexation Treaty in Yalta in 2012"
    others = [f"Putin signed the Crimea Annexation Treaty in Yalta in {year}" for year in range(2000, 2010)]
    others += ["Putin did not sign the Crimea Annexation Treaty in Yalta in 2012",
               "Putin signed the Crimea Annexation Treaty in 2012"]
    same = "Putin signed the Crimea Annexation Treaty in Yalta in 2012, the desk found"
    claims = ledger_copy / "claims.yaml"
    claims.write_text(claims.read_text() + "".join(f"""  - id: other-{number}
    text: {text}
    source: clickbait
""" for number, text in enumerate([*others, same])))
    engine = text_engine(ledger_copy)
    read_texts: list[str] = []
    original = reading.read

    def recorded(text, *args, **kwargs):  # type: ignore[no-untyped-def]
        read_texts.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(reading, "read", recorded)
    found = verify_text(engine, said, TODAY)
    assert found.claim.id == f"other-{len(others)}"
    assert same in read_texts and not set(others) & set(read_texts)


def test_an_edit_of_the_facts_reads_no_claims_file_again(ledger_copy: Path, cache_dir: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Claims are filed without the vocabulary and their references checked at each run, so the
    index of a claims file depends on its bytes alone."""
    answers(ledger_copy)
    facts = ledger_copy / "facts.yaml"
    facts.write_text(facts.read_text().replace("entities:\n", "entities:\n  - {id: key-nato, name: Key NATO}\n", 1))
    indexed: list[Path] = []
    original = index_module._index_file

    def recorded(code: bytes, path: Path) -> index_module.Filing:
        indexed.append(path)
        return original(code, path)

    monkeypatch.setattr(index_module, "_index_file", recorded)
    assert answers(ledger_copy) == uncached(ledger_copy, monkeypatch)
    assert indexed == [ledger_copy / "claims.yaml"], "only without the cache"


def test_a_record_a_cached_claim_names_that_goes_is_reported(ledger_copy: Path, cache_dir: Path) -> None:
    answers(ledger_copy)  # the index of the sound file is cached
    sources = ledger_copy / "sources.yaml"
    sources.write_text(sources.read_text().replace("id: clickbait", "id: clickbait-daily"))
    with pytest.raises(LedgerError) as whole:
        load_or_raise(ledger_copy)
    with pytest.raises(LedgerError) as found:
        text_engine(ledger_copy)
    assert str(found.value) == str(whole.value)
