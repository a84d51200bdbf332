"""The bundled ledger: every computed verdict equals the editor's ruling, and verdicts follow the data.

A change to a fact that flips a verdict fails this suite until an editor looks at the claim.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from factcheck.ledger import load, load_or_raise
from factcheck.model import Ledger
from factcheck.verdict import Engine, Verification

from .conftest import REPO

FILES = ("sources.yaml", "facts.yaml", "claims.yaml")


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load_or_raise(REPO)


@pytest.fixture(scope="module")
def verifications(ledger: Ledger) -> dict[str, Verification]:
    return {v.claim.id: v for v in Engine(ledger).verify_all()}


def claim_saying(ledger: Ledger, words: str) -> str:
    [ident] = [c.id for c in ledger.claims.values() if words.lower() in c.text.lower()]
    return ident


def test_loads_without_any_problem() -> None:
    result = load(REPO)
    assert [str(p) for p in result.problems] == []


def test_every_verdict_matches_its_ruling(verifications: dict[str, Verification]) -> None:
    drift = {i: (v.verdict, v.claim.ruling, v.reason) for i, v in verifications.items() if v.drift}
    assert drift == {}
    assert all(v.claim.ruling for v in verifications.values()), "every bundled claim carries a ruling"


def test_size_and_spread(ledger: Ledger, verifications: dict[str, Verification]) -> None:
    assert len(ledger.claims) >= 40
    assert len(ledger.facts) >= 30 and all(f.citations for f in ledger.facts.values())
    assert len(ledger.sources) >= 12
    per_article = Counter(c.article for c in ledger.claims.values())
    assert len(per_article) >= 5 and min(per_article.values()) >= 3, per_article
    assert len({v.verdict for v in verifications.values()}) >= 4


@pytest.mark.parametrize(("words", "allowed"), [
    ("Crimea Annexation Treaty in 2013", {"false"}),
    ("Attack NATO Together", {"false", "misleading"}),
    ("most important economic partner", {"false", "misleading"}),
    ("on the 12th of this month", {"false", "misleading"}),
    ("St. Petersburg", {"true", "mostly-true"}),
])
def test_headline_cases(ledger: Ledger, verifications: dict[str, Verification], words: str, allowed: set[str]) -> None:
    assert verifications[claim_saying(ledger, words)].verdict in allowed


def edited_copy(tmp_path: Path, file: str, line: int, old: str, new: str) -> Path:
    """A copy of the bundled ledger with `old` replaced by `new` on one line of one file."""
    for name in FILES:
        shutil.copy(REPO / name, tmp_path / name)
    path = tmp_path / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
    return tmp_path


def test_moving_the_crimea_fact_to_2013_changes_the_verdict(
        ledger: Ledger, verifications: dict[str, Verification], tmp_path: Path) -> None:
    claim = claim_saying(ledger, "Crimea Annexation Treaty in 2013")
    fact = verifications[claim].deciding_fact
    assert fact is not None and fact.date is not None and str(fact.date).startswith("2014")
    copy = edited_copy(tmp_path, "facts.yaml", fact.loc("date").line, str(fact.date), "2013-03-18")
    moved = Engine(load_or_raise(copy))
    assert moved.verify(moved.ledger.claims[claim]).verdict != "false"


def test_regrading_the_source_changes_the_rating(ledger: Ledger, verifications: dict[str, Verification],
                                                 tmp_path: Path) -> None:
    claim = claim_saying(ledger, "Crimea Annexation Treaty in 2013")
    before = verifications[claim]
    assert [link.role for link in before.chain] == ["outlet"]  # the article's own statement
    outlet = before.chain[0].source
    new_grade = "B" if outlet.reliability != "B" else "C"
    copy = edited_copy(tmp_path, "sources.yaml", outlet.loc("reliability").line, outlet.reliability, new_grade)
    regraded = Engine(load_or_raise(copy))
    after = regraded.verify(regraded.ledger.claims[claim])
    assert (after.letter, after.digit) == (new_grade, before.digit)
    assert after.verdict == before.verdict  # the grade rates the source, not the facts


CORPUS = REPO.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the source articles sit beside the repository, in shared/corpus")
def test_claims_quote_their_articles_verbatim(ledger: Ledger) -> None:
    """Each claim's text stands in its article (links and typographic quotes aside)."""
    import re

    def plain(text: str) -> str:
        text = text.replace("](#)", "").replace("[", "").replace("’", "'").replace("“", '"').replace("”", '"')
        return re.sub(r"\s+", " ", text)

    articles = {path.name[:3]: plain(path.read_text(encoding="utf-8")) for path in CORPUS.glob("0*.txt")}
    for claim in ledger.claims.values():
        number = claim.article.split("-")[1]
        assert plain(claim.text) in articles[number], claim.id
