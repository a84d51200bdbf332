"""What a relative clause or an apposition says of a name, and what a name is to the statement
before it when only a later clause reads it: an aside that describes a name with a noun ("X, a
small kingdom, ...") says what the name is, and a party after a preposition that only the
relative clause after it takes ("toured Syldavia with Ruritania, which joined the Pact") is not
checked as the earlier statement's."""

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
    # each had been true
    ("Ruritania, a small kingdom, joined the Northern Pact in 1961.", "kingdom"),
    ("King Rudolf, the realm's monarch, toured Syldavia in 2005.", "monarch"),
    ("King Rudolf toured Syldavia in 2005 with Ruritania, which joined the Northern Pact in 1961.", "with"),
    ("King Rudolf addressed the Northern Pact's assembly on 4 May 2001 for Ruritania, which joined the Pact in "
     "1961.", "for"),
])
def test_what_a_clause_says_of_a_name_is_not_passed_over(reading: Engine, sentence: str, unread: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Greyline, a private firm, ran Valdora's buses from 2004 until 2020.", "unproven"),
    ("Riverside Depot, the city's oldest bus garage, closed on 30 June 2021.", "true"),  # as the statement says
    ("The KVTA ordered 38 Citylink trams from Corvane in June 2017 for the Northline, which opened in 2019.",
     "unproven"),
    ("The KVTA ordered 38 Citylink trams from Corvane in June 2017 for the Northline, which opened in 2018.",
     "false"),
])
def test_on_another_ledger(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Turkey bought the S-400 in 2017 from Russia, which annexed Crimea in 2014.", "true"),  # as the statement says
    ("Turkey bought the S-400 in 2017 for NATO, which it joined in 1952.", "unproven"),
    ("Turkey, a NATO member since 1952, bought the S-400 in 2017.", "true"),  # a relation word, read
])
def test_on_the_bundled_ledger(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    # "to get" after a whole clause is an aim; what it names was read by the clause after it
    "Ruritania joined the Northern Pact in 1961 to get the River Accord, which it ratified in 1998.",
])
def test_an_aim_with_a_grammar_verb_is_not_checked(reading: Engine, sentence: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == "unproven" and "get" in {u.text for u in v.claim.unchecked}, (v.reason, v.claim.unchecked)


def test_an_aim_on_another_ledger(transit: Engine) -> None:
    v = verify_text(transit, "Brenmoor joined the KVTA in 2009 to get the Northline, which opened in 2019.", TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)  # had been true


@pytest.mark.parametrize(("engine", "sentence"), [
    ("reading", "King Rudolf toured Syldavia in 2005 and kept Syldavia."),  # had been true
    ("bundled", "Sanctioned by the US in December 2020, Turkey kept the S-400."),  # had been true
])
def test_a_grammar_verb_with_an_object_is_a_statement(engine: str, sentence: str,
                                                      request: pytest.FixtureRequest) -> None:
    v = verify_text(request.getfixturevalue(engine), sentence, TODAY)
    assert v.verdict == "unproven" and "kept" in {u.text for u in v.claim.unchecked}, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "which" is the object of a clause with a subject of its own: Turkey criticised the
    # annexation, not Russia Turkey (had been mostly true, through Russia's sanctions on Turkey)
    ("Russia annexed Crimea in 2014, which Turkey criticised.", "unproven"),
    ("Russia annexed Crimea in 2014.", "true"),
])
def test_an_object_relative_clause_has_its_own_subject(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Harbour Tunnel, which the council approved in November 2015, opened in April 2022.", "true"),
    ("The Harbour Tunnel, which the council approved in 2016, opened in April 2022.", "false"),
])
def test_an_object_relative_aside_takes_the_name_it_describes(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the main verb after a relative clause set off by commas is no aside of the name before it
    ("Ruritania, which ratified the River Accord in 1998, joined the Northern Pact in 1971, a decade after "
     "Syldavia.", "false"),  # had been unproven: the joining was read as an aside of the Accord
])
def test_the_verb_after_a_relative_clause_is_the_main_one(reading: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_the_verb_after_a_relative_clause_on_another_ledger(transit: Engine) -> None:
    # had been false: "became mayor in May 2020" read as an aside of Dana Ferro
    v = verify_text(transit, "Ilse Marrow, who succeeded Dana Ferro, became mayor in May 2020, the city's first "
                    "female mayor.", TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)


def test_an_object_relative_clause_with_a_pronoun_subject(transit: Engine) -> None:
    # "which it took over": the buses were taken over, not the Northline (had been false, 2021 read
    # as the start of the KVTA's running of the Northline)
    v = verify_text(transit, "The KVTA runs the Northline, which opened in 2019, and the buses, which it took over "
                    "in 2021.", TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
