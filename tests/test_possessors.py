"""A name with "'s" before a common noun owns that noun: the noun, not the name, is the verb's
party ("Ruritania's king ratified", "toured Syldavia's mines"). The name is no party of the verb
unless a fact writes the two the same way, and the noun is reported as not checked."""

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
    ("Ruritania's king ratified the River Accord in June 1998.", "Ruritania"),  # was true
    ("Ruritania's own parliament ratified the River Accord in June 1998.", "Ruritania"),
    ("King Rudolf toured Syldavia's mines in 2005.", "mines"),  # was true
    ("Ruritania joined the Pact's council in 1961.", "council"),
    # Borduria never joined: its neighbour joining says nothing of it (was false)
    ("Borduria's neighbour joined the Northern Pact in 1961.", "Borduria"),
    # a noun between a possessive and a name in apposition says what the name is to the owner
    ("Borduria's neighbour, Ruritania, joined the Northern Pact in 1961.", "neighbour"),
    ("Borduria's neighbour Ruritania joined the Northern Pact in 1961.", "neighbour"),
])
def test_a_noun_a_name_owns_is_the_party_not_the_name(reading: Engine, sentence: str, unread: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize("sentence", [
    "King Rudolf addressed the Northern Pact's assembly on 4 May 2001.",  # as the fact writes it
    "Ruritania's ratification of the River Accord came in June 1998.",  # the relation noun's own
    "The Pact's members include Ruritania, which joined in 1961.",  # another relation noun
])
def test_a_possessive_the_facts_write_or_of_a_relation_noun_is_read(reading: Engine, sentence: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == "true", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Ashby's neighbour joined the KVTA in 2009.", "unproven"),  # was false: Ashby never joined
    ("The KVTA's board awarded the Northline contract to Bellwright in March 2016.", "unproven"),
    ("The KVTA awarded the Northline contract to Bellwright's rival in March 2016.", "unproven"),
    ("The KVTA awarded the Northline contract to Bellwright in March 2016.", "true"),
])
def test_a_possessor_on_another_ledger(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    "Erdogan met Putin's wife in St Petersburg on 9 August 2016.",
    "The US sanctioned Turkey's banks in December 2020.",
    "Russia's largest trading partner, China, signed the TurkStream agreement in 2016.",  # China did not
    "Turkey's neighbour joined NATO in 1952.",
])
def test_a_possessor_on_the_bundled_ledger(bundled: Engine, sentence: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
