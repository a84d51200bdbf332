"""Sentences of several clauses, each read on its own: a date or a value of one clause is not
another's ("Dana Ferro was mayor in 2015 and Ilse Marrow is mayor now"); a number that counts a
part ("20 of them") is no value of the verb; a value noun narrowed by a word no fact says ("a
return ticket") is another value, which the facts' figure does not refute; a name given a rank
of its own ("and Turkey its second") is no party of the verb before."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.fixture(scope="module")
def reading() -> Engine:
    return Engine(load_or_raise(TESTS / "ledgers" / "reading"))


@pytest.mark.parametrize(("sentence", "verdict"), [
    # each had been false: the count of a part read as the League's members
    ("The Trade League had 27 members in 2020, 20 of them member states.", "unproven"),
    ("The Trade League had 27 members in 2020, 20 of them Pact members.", "unproven"),
    ("The Trade League had 27 members in 2020.", "true"),
])
def test_a_part_count_is_no_value(reading: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # each had been false
    ("A return ticket cost 5 crowns in 2024.", "unproven"),  # no single fare
    ("A single KVTA ticket cost 3 crowns in 2024 and a return ticket 5 crowns.", "unproven"),
    ("Dana Ferro was mayor in 2015 and Ilse Marrow is mayor now.", "true"),  # 2015 is Ferro's
    ("Dana Ferro was mayor of Valdora from 2012 to 2020, and Ilse Marrow has been mayor ever since.", "unproven"),
    ("A single ticket cost 4 crowns in 2024.", "false"),
])
def test_each_clause_keeps_its_own_value_and_date(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    "China was Russia's largest trading partner in 2017 and Turkey its second.",  # had been false
    "The Global Coalition against Daesh had 74 members in February 2018, 29 of them NATO members.",
])
def test_on_the_bundled_ledger(bundled: Engine, sentence: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    # each had been false: the total read as each party's, the dates in turn as the first's
    "The Trade League and the Northern Pact had 40 members between them in 2020.",
    "The Trade League and the Northern Pact had a combined 40 members in 2020.",
    "Syldavia and Ruritania ratified the River Accord in 1999 and 1998 respectively.",
])
def test_a_total_or_figures_in_turn_are_not_each_partys(reading: Engine, sentence: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Turkey bought the S-400 for €2.5 billion in 2017.", "unproven"),  # had been true: US dollars
    ("Turkey bought the S-400 for $2.5 billion in 2017.", "true"),
    ("Turkey and India bought nine S-400 systems between them.", "unproven"),  # had been false
    ("Turkey and India bought the S-400 in 2017 and 2018 respectively.", "unproven"),  # had been false
])
def test_currencies_totals_and_figures_in_turn_on_the_bundled_ledger(bundled: Engine, sentence: str,
                                                                      verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "late" or "early" after a span of time says when against a plan: the statement's "eleven
    # months behind schedule" carried "a month" and left "early" unread ("a month early" had been true)
    ("The Northline opened in September 2019, a month early.", "unproven"),
    ("The Northline opened in September 2019, eleven months late.", "unproven"),
    ("The Northline opened in September 2019, eleven months behind schedule.", "true"),
])
def test_a_time_against_a_plan_is_not_passed_over(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "crowns" after a figure is a unit, no crowning (had been false, read as crowned in 2005)
    ("King Rudolf toured Syldavia in 2005 at a cost of 5 million crowns.", "unproven"),
    # a fraction of the members is not weighed (had been true)
    ("In 2020 the Trade League counted 27 members, a quarter of them kingdoms.", "unproven"),
    ("In 2020 the Trade League counted 27 members.", "true"),
])
def test_a_word_a_figure_counts_and_a_fraction(reading: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
