"""Links in time between two statements of a sentence ("A after B", "After B, A", "A when B"),
judged from the dates of the facts that support each (on the made-up transit ledger)."""

from __future__ import annotations

import pytest

from factcheck.reading import verify_text
from factcheck.verdict import Engine, Outcome

from .conftest import TODAY


@pytest.mark.parametrize(("sentence", "verdict"), [
    # ordered in 2017, opened in 2019: the facts' dates bear the order out, or not
    ("The Northline opened after the KVTA ordered the Corvane trams.", "true"),
    ("The KVTA ordered the Corvane trams after the Northline opened.", "false"),
    ("The KVTA ordered the Corvane trams before the Northline opened.", "true"),
    ("The Northline opened before the KVTA ordered the Corvane trams.", "false"),
    # a fronted clause, "following", and a start of a state (the KVTA took over the buses in January 2021)
    ("After the KVTA took over the city's buses, Riverside Depot closed.", "true"),
    ("Before the KVTA took over the city's buses, Riverside Depot closed.", "false"),
    ("Riverside Depot closed following the KVTA's takeover of the city's buses.", "unproven"),
    ("Following the council's approval of the Harbour Tunnel, the KVTA awarded Bellwright the Northline contract.",
     "true"),
    ("The council approved the Harbour Tunnel in 2015, following Riverside Depot's closure.", "false"),
    # a date just before the link word is the main statement's, with or without a comma, and no interval
    ("The Northline opened in September 2019 after the KVTA had ordered trams from Corvane.", "true"),
    ("The Northline opened in September 2019 before the KVTA ordered trams from Corvane.", "false"),
    # a wrong date inside the linked clause is a wrong date, whatever the order
    ("The Northline opened in September 2019, after the transit authority ordered trams from Corvane in 2018.",
     "false"),
])
def test_the_order_in_time_is_checked_from_the_facts_dates(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # strikes repeat: one no fact records may have come before the depot closed, unless the sentence dates it
    ("Riverside Depot closed after the rail union struck.", "unproven"),
    ("Riverside Depot closed in June 2021, after the rail union struck in March 2023.", "false"),
    ("The rail union struck after the Harbour Tunnel opened.", "true"),
])
def test_a_repeated_event_is_out_of_order_only_at_the_date_the_sentence_gives(
        transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a term of office holds the event, or it does not (Ferro was mayor from 2012 to 2020)
    ("The Northline opened when Dana Ferro was mayor.", "true"),
    ("The Northline opened in September 2019, when Dana Ferro was mayor.", "true"),
    ("The Harbour Tunnel opened when Dana Ferro was mayor.", "false"),
    ("The rail union struck in March 2023, when Dana Ferro was mayor.", "false"),
    # a strike with no date may have come at any time; two events days apart may still be one occasion
    ("The rail union struck when Dana Ferro was mayor.", "unproven"),
    ("The Northline opened when the KVTA ordered the Corvane trams.", "unproven"),
    # a state that began only later did not hold then (the KVTA has run the buses since 2021)
    ("The Northline opened when the KVTA ran the buses.", "false"),
    ("Riverside Depot closed when the KVTA ran the buses.", "true"),
    # and a term the facts know only up to their last check is not over after it
    ("The rail union struck in March 2023, when Ilse Marrow was mayor.", "true"),
])
def test_when_puts_an_event_within_a_term(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    # a side the reader does not check leaves the link unchecked (a pronoun, a verb the ledger lacks)
    ("The KVTA ordered the Corvane trams after it awarded Bellwright the Northline contract.", "after"),
    ("Riverside Depot closed after the KVTA bought new buses.", "after"),
    # how long after, when said vaguely, is not checked, so neither is the link it measures
    ("The Northline opened about two years after the KVTA ordered the Corvane trams.", "after"),
    ("The Northline opened some years after the KVTA ordered the Corvane trams.", "after"),
    # a third statement: which two the link joins is not told
    ("The Northline opened after the KVTA ordered the Corvane trams and Riverside Depot closed.", "after"),
    # two verbs before the second "after": which of them it follows is not told
    ("The Northline opened after the council approved the Harbour Tunnel and after Riverside Depot closed.", "after"),
])
def test_a_link_the_reader_cannot_pair_stays_unchecked(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text.split()[0] for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a cause comes first: dates that put it after its effect refute it ...
    ("The council approved the Harbour Tunnel because Riverside Depot closed.", "false"),
    ("In the wake of Storm Ilda, the council approved the Harbour Tunnel.", "false"),
    ("The council approved the Harbour Tunnel in response to Storm Ilda.", "false"),
    # ... but dates in the right order do not show that one caused the other
    ("Riverside Depot closed because the KVTA took over the city's buses.", "unproven"),
    ("In the wake of Storm Ilda, the Northline opened.", "unproven"),
    ("As a result of Storm Ilda, the Northline opened.", "unproven"),
])
def test_a_cause_is_refuted_by_the_dates_never_shown(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert [link.link.cause for link in v.links] == [True]
    assert v.links[0].outcome == (Outcome.CONTRADICTED if verdict == "false" else Outcome.UNVERIFIED)


def test_a_denied_statement_leaves_the_order_unchecked(transit: Engine) -> None:
    v = verify_text(transit, "The Northline did not open after the KVTA ordered the Corvane trams.", TODAY)
    assert v.verdict != "true"
    assert all(link.outcome == Outcome.UNVERIFIED for link in v.links)


def test_a_date_bound_is_no_link(transit: Engine) -> None:
    v = verify_text(transit, "Riverside Depot closed after 2020.", TODAY)
    assert v.verdict == "true" and not v.links


def test_the_link_is_listed_with_what_was_checked(transit: Engine) -> None:
    from factcheck.formats.records import verification_record

    v = verify_text(transit, "Riverside Depot closed before the transit authority took over the city's buses.", TODAY)
    record = verification_record(v, transit)
    link = record["checked"][-1]
    assert link["text"] == "before" and link["outcome"] == "contradicted"
    assert link["assertion"].startswith("Riverside Depot closed before ")
    assert not record["unchecked"]


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a named event (kind: event, the lone party of one dated one-off fact) is dated by that fact
    ("The Northline opened after Storm Ilda.", "true"),
    ("The council approved the Harbour Tunnel after Storm Ilda.", "false"),
    ("Following the storm, the Northline opened to passengers.", "true"),
    ("The council approved the Harbour Tunnel in 2015, before Storm Ilda.", "true"),
    # with the date the sentence gives it, which must be right
    ("Following the storm of October 2018, the Northline opened.", "true"),
    ("Following the storm of October 2019, the Northline opened.", "false"),
    # a date in a phrase of another time before the comma is the event's, not the main verb's
    ("Before the storm of October 2018, the council approved the Harbour Tunnel.", "true"),
    ("After the storm of October 2018, the council approved the Harbour Tunnel.", "false"),
    ("Since 2021, the KVTA has run Valdora's buses.", "true"),
    ("Since 2019, the KVTA has run Valdora's buses.", "false"),
    # a place after it is checked where the event's own name has it, else reported
    ("The Northline opened after the storm in Ashby.", "unproven"),
    # a name of no event is no time: "after Riverside Depot" does not say when it closed
    ("The Harbour Tunnel opened after Riverside Depot.", "unproven"),
])
def test_a_named_event_is_dated_by_its_one_fact(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_name_with_digits_does_not_measure_a_link(transit: Engine) -> None:
    """"Line 1 opened after ...": the digit ends a name, it says not how long after."""
    v = verify_text(transit, "Line 1 opened after Storm Ilda.", TODAY)
    assert v.verdict == "true" and [link.outcome for link in v.links] == [Outcome.SUPPORTED]
