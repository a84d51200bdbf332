"""Who said a statement is not checked, and a statement carries an attribution, a rank or a
time only in its own words: "officials say" after the statement or between commas is a verb of
saying like "officials said"; "according to" is carried only with the same source; a rank only
with its scope ("the city's oldest") and with what bounds it ("first since 1990")."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.fixture(scope="module")
def reading() -> Engine:
    return Engine(load_or_raise(TESTS / "ledgers" / "reading"))


@pytest.mark.parametrize(("sentence", "unread"), [
    # a verb of saying in the present, after its speaker, had been passed over
    ("Ruritania, officials say, ratified the River Accord in June 1998.", "say"),
    ("Ruritania ratified the River Accord in June 1998, officials say.", "say"),
    ("King Rudolf toured Syldavia in 2005, courtiers say.", "say"),
    ("Officials say Ruritania ratified the River Accord in June 1998.", "say"),
    # the statement's "according to the court gazette" is not another source
    ("King Rudolf toured Syldavia in 2005, according to the court records.", "according"),
    # the statement's "first tour of the kingdom since his coronation": first since then only
    ("King Rudolf toured Syldavia in 2005, his first tour of the kingdom since 1990.", "first"),
    ("King Rudolf toured Syldavia in 2005, his first tour of the kingdom.", "first"),
])
def test_what_the_statement_does_not_say_in_its_words_is_not_checked(reading: Engine, sentence: str,
                                                                      unread: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize("sentence", [
    "King Rudolf toured Syldavia in 2005, according to the court gazette.",  # as the statement says
    "King Rudolf toured Syldavia in 2005.",
])
def test_an_attribution_the_statement_makes_is_carried(reading: Engine, sentence: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == "true", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Riverside Depot, the country's oldest bus garage, closed on 30 June 2021.", "unproven"),  # the city's
    ("Riverside Depot, the city's oldest bus garage, closed on 30 June 2021.", "true"),
    ("The Harbour Tunnel cost 412 million crowns, according to the city's own estimate.", "unproven"),
    ("The Harbour Tunnel cost 412 million crowns, according to the city's final account.", "true"),
    ("The council, officials say, approved the Harbour Tunnel in November 2015.", "unproven"),
])
def test_on_another_ledger(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_on_the_bundled_ledger(bundled: Engine) -> None:
    # a noun of saying after a determiner and a date is no verb of saying
    v = verify_text(bundled, "The European Commission criticised Turkey in its October 2022 report.", TODAY)
    assert v.verdict == "true", (v.reason, v.claim.unchecked)
    v = verify_text(bundled, "Erdogan met Putin in St Petersburg on 9 August 2016, their first meeting since 2010.",
                    TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
