"""Spans of time, durations from a start, clauses about a party, "as" an office, and adverbs of
timing or form, as a journalist writes them (on the made-up transit ledger)."""

from __future__ import annotations

import pytest

from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TODAY


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Northline finally opened to passengers on 14 September 2019.", "true"),
    ("Brenmoor eventually joined the transit authority in 2009.", "true"),
    ("The council formally approved the Harbour Tunnel in November 2015.", "true"),
    ("The Harbour Tunnel was officially opened on 2 April 2022.", "true"),
    ("The KVTA ultimately took over Valdora's bus network in January 2021.", "true"),
    ("At last, the Harbour Tunnel opened in April 2022.", "true"),
    ("The Harbour Tunnel opened at long last in April 2022.", "true"),
    # they hide no wrong date, party or denial
    ("The council formally approved the Harbour Tunnel in November 2016.", "false"),
    ("Ashby finally joined the transit authority in 2015.", "false"),
    ("Brenmoor never formally joined the transit authority.", "false"),
])
def test_adverbs_of_timing_or_form_are_passed_over(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    # adverbs that say it ended, changed, or came at a time against another are not passed over
    ("Brenmoor briefly joined the transit authority in 2009.", "briefly"),
    ("Brenmoor temporarily joined the transit authority in 2009.", "temporarily"),
    ("Brenmoor initially joined the transit authority in 2009.", "initially"),
    ("Brenmoor belatedly joined the transit authority in 2009.", "belatedly"),
    # "last" that ranks a noun is no "at last"
    ("Brenmoor joined the transit authority at last count in 2009.", "last"),
])
def test_other_adverbs_stay_not_checked(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", v.reason
    assert unread in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a range said first or after the verb, with "to", "until", "through" or "between ... and"
    ("From 2004 through 2020, Greyline Buses ran Valdora's bus network.", "true"),
    ("Greyline ran Valdora's buses from April 2004 through December 2020.", "true"),
    ("Greyline ran Valdora's buses from April 2004 through December 2019.", "false"),
    ("Between 2012 and 2020, Dana Ferro was mayor of Valdora.", "true"),
    ("Between 2013 and 2020, Dana Ferro was mayor of Valdora.", "false"),
    ("From 2016 to 2020, Ilse Marrow was mayor of Valdora.", "false"),
    # "through" with no start before it says the state held to the end of that year: not read
    ("Dana Ferro was mayor of Valdora through 2020.", "unproven"),
    # a start said first, an end after the verb, in one clause of a state
    ("From 2012, Dana Ferro was Valdora's mayor until 2020.", "true"),
    ("From 2012, Dana Ferro was Valdora's mayor until 2022.", "false"),
    ("From 2014, Dana Ferro was Valdora's mayor until 2020.", "false"),
    # not across another verb, of an event, or with a denial: the opening date stays not checked
    ("From 2004, Greyline ran Valdora's buses and Tomas Quill led the KVTA as chief executive until 2024.", "true"),
    ("From 2023, the rail union struck until 2024.", "unproven"),
    ("From 2012, Dana Ferro did not step down as mayor until 2020.", "unproven"),
])
def test_a_span_of_time_is_a_start_and_an_end(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the start from "from", the end that long after it, give or take one unit
    ("Dana Ferro was mayor of Valdora for eight years from 2012.", "true"),
    ("Dana Ferro was mayor of Valdora for four years from 2012.", "false"),
    ("Dana Ferro was mayor of Valdora for eight years from 2014.", "false"),
    ("Tomas Quill was the KVTA's chief executive for 90 months from March 2017.", "true"),
    ("Tomas Quill was the KVTA's chief executive for 60 months from March 2017.", "false"),
    # the same up to an end: it began that long before, where the fact gives a start
    ("Greyline ran Valdora's buses for sixteen years until 2020.", "true"),
    ("Greyline ran Valdora's buses for ten years until 2020.", "false"),
    ("Dana Ferro was mayor of Valdora for eight years until 2022.", "false"),
])
def test_a_duration_from_a_start_is_checked_against_the_end(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    # a fact with no end: the start checked, the duration reported, never dropped
    "Ilse Marrow was mayor of Valdora for three years from 2020.",
    # an event's duration, which no fact gives
    "The Valley Rail Workers' Union struck for a week from 6 March 2023.",
])
def test_a_duration_with_no_end_to_check_is_not_checked(transit: Engine, sentence: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", v.reason
    unread = {u.text for u in v.claim.unchecked}
    assert unread & {"three", "a week", "week", "years"}, unread


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a copula with "in office as" is the copula
    ("Ilse Marrow has been in office as mayor of Valdora since May 2020.", "true"),
    ("Ilse Marrow has been in office as mayor since 2018.", "false"),
    ("Dana Ferro was in office as mayor from 2012 to 2020.", "true"),
    ("Dana Ferro is in office as mayor.", "false"),
    # a verb of holding or leading done to a party "as" an office whose names include it
    ("Tomas Quill ran the transit authority as its chief executive from 2017 until 2024.", "true"),
    ("Tomas Quill led the KVTA as chief executive from 2017 to 2024.", "true"),
    ("Tomas Quill led the KVTA as chief executive from 2015 to 2024.", "false"),
    ("Ilse Marrow led the KVTA as its chief executive in 2019.", "false"),
    ("Tomas Quill never led the KVTA as its chief executive.", "false"),
    # another verb, or a party the office's names do not include, is not read so
    ("Tomas Quill sued the KVTA as chief executive in 2019.", "unproven"),
    ("Dana Ferro sat on the city council as mayor from 2012 to 2020.", "unproven"),
])
def test_as_an_office_is_holding_it(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a role after "as" that the supporting statement names is carried by it
    ("Alexei Pushkov has sat in the Federation Council as a senator since September 2016.", "true"),
    ("Alexei Pushkov has sat in the Federation Council as a senator since 2012.", "false"),
    # one it does not name stays not checked
    ("Alexei Pushkov has sat in the Federation Council as its speaker since 2016.", "unproven"),
])
def test_a_role_after_as_that_the_statement_names(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # each clause keeps its own date and denial: neither takes the other's
    ("The KVTA, which was set up in 1996, took over Valdora's buses in 2021.", "true"),
    ("The KVTA, which was set up in 1996, took over Valdora's buses in 2022.", "false"),
    ("The KVTA, which was set up in 1998, took over Valdora's buses in 2021.", "false"),
    ("The KVTA, which was set up in 1996, took over Valdora's buses.", "true"),
    ("The KVTA, which took over Valdora's buses, was set up by the council in 1996.", "true"),
    ("The KVTA, which was set up in 1996, did not take over the buses until 2021.", "true"),
    ("The KVTA, which has never run the Northline, took over Valdora's buses in 2021.", "false"),
    # a copula after "who" is the clause's statement, in its own tense
    ("Ilse Marrow, who is mayor of Valdora, was not the KVTA's chief executive in 2018.", "true"),
    ("Dana Ferro, who is mayor of Valdora, was not the KVTA's chief executive in 2018.", "false"),
    ("Dana Ferro, who has been mayor since 2012, is a member of the KVTA.", "false"),
    ("Dana Ferro, who was mayor from 2012 to 2022, stepped down as mayor in 2020.", "false"),
    ("Tomas Quill, who was the KVTA's chief executive from 2017 to 2024, was not mayor of Valdora in 2018.", "true"),
    # a denial in it is not read
    ("Tomas Quill, who was never mayor, was the KVTA's chief executive in 2018.", "unproven"),
    # the main clause keeps a reading that another holder rules out
    ("Greyline, which ran Valdora's buses until 2020, has run the Northline since 2019.", "false"),
    # two clauses that say the same end: its date is checked in both
    ("Dana Ferro, who was mayor from 2012 to 2020, stepped down as mayor in 2020.", "true"),
    ("Dana Ferro, who was mayor from 2012 to 2020, stepped down as mayor in 2021.", "false"),
])
def test_a_relative_clause_and_its_main_clause_are_each_judged(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
