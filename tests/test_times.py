"""Expressions of time the reader resolves or bounds: a deadline ("by the end of 2017"), a date
said relative to another of the same sentence ("the following year"), a range ("from 23 March
to 31 October 2011"), and how long one statement came after another ("two years after"). A
wrong one makes the sentence false; one the reader cannot tie down is reported, never dropped
(on the made-up transit ledger)."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the Citylink trams were ordered on 20 June 2017: "by" is a deadline, not a date
    ("The KVTA had ordered its Citylink trams by the end of 2017.", "true"),
    ("The KVTA had ordered its Citylink trams by the end of 2016.", "false"),
    ("By July 2017 the KVTA had ordered its Citylink trams.", "true"),
    ("The KVTA had ordered its Citylink trams by 2018.", "true"),
    ("The KVTA had ordered its Citylink trams by 2016.", "false"),
    # "by June 2017" may or may not take in June itself
    ("By June 2017 the KVTA had ordered its Citylink trams.", "unproven"),
    ("The KVTA had ordered its Citylink trams by 2017.", "unproven"),
    # a state's start, and a state held then (the KVTA took over the buses on 1 January 2021)
    ("By 2010 Brenmoor had joined the KVTA.", "true"),
    ("By the end of 2020, the KVTA ran Valdora's buses.", "false"),
    ("By 2016 Greyline ran Valdora's buses.", "true"),
])
def test_by_a_date_is_a_deadline(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # counted from the one date the sentence gives before them, at their unit's precision
    ("The Northline opened in September 2019, and the following year Dana Ferro stepped down as mayor.", "true"),
    ("The Northline opened in September 2019, and Dana Ferro stepped down as mayor two years later.", "false"),
    ("The council approved the Harbour Tunnel in 2015, and the tunnel opened seven years later.", "true"),
    ("The council approved the Harbour Tunnel in 2015, and the tunnel opened six years later.", "false"),
    ("The Harbour Tunnel opened in April 2022, and Riverside Depot had closed the previous year.", "true"),
    ("The KVTA ordered 38 Citylink trams on 20 June 2017; the council had approved the Harbour Tunnel two years "
     "earlier.", "true"),
    ("Riverside Depot closed in June 2021, the same year the KVTA took over the buses.", "true"),
    ("Riverside Depot closed in June 2020, the same year the KVTA took over the buses.", "false"),
    ("The KVTA ordered 38 Citylink trams in June 2017, the same month the Northline opened.", "false"),
    # "later that month" also says after the date it is counted from (the contract came on 3 March 2016)
    ("The council approved the Harbour Tunnel on 9 November 2015 and Bellwright was awarded the Northline contract "
     "later that month.", "false"),
    ("The council approved the Harbour Tunnel on 9 November 2015 and Bellwright was awarded the Northline contract "
     "the following year.", "unproven"),  # "contract" is no word of the ledger's
])
def test_a_date_counted_from_another_of_the_sentence_is_checked_like_any_date(
        transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    ("Dana Ferro stepped down as mayor the following year.", "the following year"),  # no date to count from
    ("Dana Ferro stepped down as mayor in 2020. The Harbour Tunnel opened two years later.", "two years later"),
    # two dates before it: which one it counts from is not told
    ("The council approved the tunnel in 2015 and Riverside Depot closed in 2021, and the Harbour Tunnel opened "
     "a year later.", "a year later"),
    # a date too coarse for the unit, or a bound
    ("The Harbour Tunnel opened in 2022, and Riverside Depot had closed the previous month.", "the previous month"),
    ("Greyline has run the buses since 2004, and Brenmoor joined the KVTA five years later.", "five years later"),
])
def test_a_relative_date_with_no_one_date_to_count_from_is_reported(
        transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict in ("unproven", "false"), v.reason
    assert any(u.text == unread and "said from another" in u.reason for u in v.claim.unchecked), v.claim.unchecked


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("In 2015 the council approved the Harbour Tunnel; the tunnel did not open the following year.", "true"),
    ("In 2015 the council approved the Harbour Tunnel; the tunnel did not open seven years later.", "false"),
    ("In 2015 the council approved the Harbour Tunnel, and the tunnel opened seven years later.", "true"),
    ("In 2015 the council approved the Harbour Tunnel, which opened seven years later.", "true"),
])
def test_a_verb_with_its_own_date_takes_no_date_counted_from_it(transit: Engine, sentence: str, verdict: str) -> None:
    """"In 2015 the council approved ...": 2015 is the approval's, "the following year" another verb's."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_possessive_is_no_relative_date(transit: Engine) -> None:
    """"the following year's budget" names no time of the approval (of 9 November 2015)."""
    v = verify_text(transit, "In 2015 the council approved the following year's budget for the Harbour Tunnel.", TODAY)
    assert v.verdict == "unproven", v.reason


def test_a_relative_date_said_again_keeps_its_side(bundled: Engine) -> None:
    """Putin visited Ankara on 28 September and 11 December 2017: "again earlier that year" is
    no visit the facts know (a visit repeats, so it is not checked), "later that year" is."""
    assert verify_text(bundled, "Putin visited Ankara in September 2017 and again later that year.",
                       TODAY).verdict == "true"
    assert verify_text(bundled, "Putin visited Ankara in September 2017 and again earlier that year.",
                       TODAY).verdict == "unproven"


def test_a_bound_outside_a_period_denied_is_not_refuted_by_it(bundled: Engine) -> None:
    """No Putin visit to Turkey in 2024 says nothing of one before 2017 or after 2023."""
    for sentence in ("Putin visited Ankara before 2017.", "Putin visited Turkey after 2023."):
        assert verify_text(bundled, sentence, TODAY).verdict == "unproven"
    assert verify_text(bundled, "Putin visited Turkey in 2024.", TODAY).verdict == "false"


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a range that gives its year once, said first or last (NATO ran it from 23 March to 31 October 2011)
    ("From 23 March to 31 October 2011, NATO operated in Libya.", "true"),
    ("From 23 March to 30 November 2011, NATO operated in Libya.", "false"),
    ("NATO operated in Libya between March and October 2011.", "true"),
    ("NATO operated in Libya from March to December 2011.", "false"),
    ("From 2015 to 2018, Mehmet Simsek was Turkey's deputy prime minister.", "true"),
    ("From 2016 to 2018, Mehmet Simsek was Turkey's deputy prime minister.", "false"),
])
def test_a_range_of_a_state_gives_its_start_and_end(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # an event in a range happened within it (the depot closed on 30 June 2021, the Northline opened in September 2019)
    ("Riverside Depot closed between 2020 and 2022.", "true"),
    ("Riverside Depot closed between 2018 and 2020.", "false"),
    ("The Northline opened between March and October 2019.", "true"),
    ("The Northline opened between March and August 2019.", "false"),
    ("The rail union struck from 6 to 8 March 2023.", "true"),
    # a strike repeats: one the facts do not record may have been on other days
    ("The rail union struck from 7 to 9 March 2023.", "unproven"),
])
def test_an_event_in_a_range_happened_within_it(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    "Shoigu, defence minister until 2024, is now Russia's prime minister.",
    "Shoigu, defence minister from 2012 to 2024, is now Russia's prime minister.",
])
def test_an_office_after_a_possessive_and_an_adjective_is_the_possessors(bundled: Engine, sentence: str) -> None:
    """"Russia's prime minister" is no reading of Shoigu as the defence minister named before it,
    whatever dates that aside gives."""
    assert verify_text(bundled, sentence, TODAY).verdict == "unproven"


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the trams were ordered on 20 June 2017 and the Northline opened on 14 September 2019 (27 months)
    ("The Northline opened two years after the KVTA ordered the Corvane trams.", "true"),
    ("The Northline opened 27 months after the KVTA ordered the Corvane trams.", "true"),
    ("The Northline opened a year after the KVTA ordered the Corvane trams.", "false"),
    ("The KVTA ordered 38 Citylink trams in June 2017, two years before the Northline opened.", "true"),
    ("The KVTA ordered 38 Citylink trams in June 2017, four years before the Northline opened.", "false"),
    # near a whole number of another unit, the dates do not tell: 2.2 years is not "three years"
    ("The Northline opened three years after the KVTA ordered the Corvane trams.", "unproven"),
    # the KVTA took over the buses on 1 January 2021, the depot closed on 30 June 2021
    ("Riverside Depot closed six months after the KVTA took over the buses.", "true"),
    ("Riverside Depot closed on 30 June 2021, a year after the KVTA took over the buses.", "false"),
    # a strike repeats: one the facts do not record may be meant
    ("The rail union struck two years after the Northline opened.", "unproven"),
])
def test_how_long_after_is_checked_from_the_facts_dates(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked, v.links)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the coup attempt of 15 July 2016, a named event, on the other side
    ("Turkey bought the S-400 a year after the coup attempt.", "true"),
    ("Erdogan met Putin in St Petersburg on 9 August 2016, three months after the coup attempt.", "false"),
    ("Russia and Turkey reconciled in June 2016, a year before the coup attempt.", "false"),
    # "late June" to mid-July: the dates do not tell a month from five weeks
    ("Russia and Turkey reconciled in June 2016, a month before the coup attempt.", "unproven"),
])
def test_how_long_after_a_named_event(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked, v.links)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the Harbour Tunnel opened on 2 April 2022, the depot closed on 30 June 2021
    ("The Harbour Tunnel opened in the first half of 2022.", "true"),
    ("The Harbour Tunnel opened in the second half of 2022.", "false"),
    ("The Harbour Tunnel opened in late 2022.", "false"),
    ("Riverside Depot closed in mid-2021.", "true"),
    ("Riverside Depot closed in late June 2021.", "true"),
    ("Riverside Depot closed in early June 2021.", "false"),
    # April is early 2022 to some, not to others; the middle of a year starts in April to some
    ("The Harbour Tunnel opened in early 2022.", "unproven"),
    ("The Harbour Tunnel opened in mid-2022.", "unproven"),
    # the night of a day runs into the next
    ("The Harbour Tunnel opened on the night of 2 April 2022.", "true"),
    ("The Harbour Tunnel opened on the night of 1 April 2022.", "unproven"),
    ("The Harbour Tunnel opened on the night of 3 April 2022.", "false"),
    ("The Harbour Tunnel opened in the early hours of 2 April 2022.", "true"),
])
def test_a_part_of_a_year_month_or_day_bounds_an_event(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    # of a state, the part is not weighed: the year alone would be read as the whole of it
    ("Greyline ran the buses in late 2020.", "late"),
    ("Ilse Marrow was mayor in early 2020.", "early"),
    # after a bound, a part stays unread
    ("By mid-2019 the Northline had opened.", "mid"),
])
def test_a_part_of_a_year_is_reported_where_it_is_not_weighed(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", v.reason
    assert unread in [u.text for u in v.claim.unchecked]


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the KVTA took over the buses on 1 January 2021, the depot closed on 30 June 2021, the tunnel opened in 2022
    ("Riverside Depot closed the same year the KVTA took over the buses.", "true"),
    ("Riverside Depot closed the same year as the KVTA took over the buses.", "true"),
    ("Riverside Depot closed the same year the Harbour Tunnel opened.", "false"),
    ("The Northline opened the same month the KVTA ordered the Corvane trams.", "false"),
    # a strike repeats: one the facts do not record may be meant
    ("The rail union struck the same year the Harbour Tunnel opened.", "unproven"),
])
def test_the_same_year_as_another_statement(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked, v.links)


def test_scan_reads_times_sentence_by_sentence(transit: Engine) -> None:
    """A relative date in an article counts only from a date of its own sentence; a wrong one is
    flagged like any wrong date."""
    from factcheck.reading import scan_text

    article = ("Valdora's Tunnel Years\n\nThe council approved the Harbour Tunnel in 2015, and the tunnel opened "
               "six years later. The Northline opened in September 2019. Two years later, Riverside Depot "
               "closed.\n")
    verdicts = {item.text: item.verification for item in scan_text(transit, article, TODAY)}
    assert verdicts["The council approved the Harbour Tunnel in 2015, and the tunnel opened six years later."] \
        .verdict == "false"
    last = verdicts["Two years later, Riverside Depot closed."]
    assert last.verdict == "unproven"
    assert any(u.text == "Two years later" for u in last.claim.unchecked)


def test_an_interval_not_read_is_reported_whole(bundled: Engine) -> None:
    """"two years after the Korean War began": the interval is a time not checked, not a number."""
    v = verify_text(bundled, "Turkey joined NATO in 1952, two years after the Korean War began.", TODAY)
    assert v.verdict == "unproven"
    assert ("two years", "a time the reader does not check") in {(u.text, u.reason) for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # Ferro stepped down and Marrow took office on 11 May 2020; the tunnel was approved in November 2015
    ("Dana Ferro stepped down as mayor on 11 May 2020, and Ilse Marrow became mayor the same week.", "true"),
    ("Dana Ferro stepped down as mayor on 11 May 2020, and Ilse Marrow became mayor later that week.", "false"),
    ("Dana Ferro stepped down as mayor on 11 May 2020, and Ilse Marrow became mayor a week later.", "false"),
    ("Dana Ferro stepped down as mayor on 11 May 2020, and Ilse Marrow was mayor a week later.", "true"),
    ("The KVTA ordered its Citylink trams on 20 June 2017, and the council had approved the Harbour Tunnel a week "
     "earlier.", "false"),
    # a week needs a day to count from
    ("Dana Ferro stepped down as mayor in May 2020, and Ilse Marrow became mayor a week later.", "unproven"),
])
def test_a_week_said_from_a_day(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_week_said_again_is_a_span_of_days(bundled: Engine) -> None:
    """"and again two weeks later" of 28 September 2017 is 7 to 17 October: no visit the facts
    know (visits repeat, so it is not checked), never the first visit's own day."""
    v = verify_text(bundled, "Putin visited Ankara on 28 September 2017 and again two weeks later.", TODAY)
    assert v.verdict == "unproven", v.reason


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the union did not strike in 2024 (a denial of the whole year): it takes in a part of it
    ("The rail union did not strike in early 2024.", "true"),
    ("The rail union struck in early 2024.", "false"),
    # a denial at a time not told is no denial of every time ("never struck")
    ("The rail union did not strike later that year, after striking in March 2023.", "unproven"),
])
def test_a_denial_and_a_part_of_a_year(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    "Turkey shot down a Russian Su-24 in November 2015 and the two countries reconciled that autumn.",
    "Turkey shot down a Russian Su-24 in November 2015 and the two countries reconciled the following summer.",
    "Turkey shot down a Russian Su-24 in November 2015, and the following summer the two countries reconciled.",
])
def test_a_season_said_from_another_date_is_reported_and_takes_no_other_date(bundled: Engine, sentence: str) -> None:
    """Seasons differ between the hemispheres: "the following summer" is not counted, and the
    reconciliation is not dated by the jet's November 2015 either (it was June 2016)."""
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven", v.reason
    assert any("said from another" in u.reason for u in v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a state "later that month" held at some time after the day it is counted from (Ferro: May 2012 to 11 May 2020)
    ("Greyline took over the buses on 1 April 2004, and Dana Ferro was mayor later that month.", "false"),
    ("Ilse Marrow became mayor on 11 May 2020, and Dana Ferro was still mayor later that month.", "false"),
    ("Ilse Marrow became mayor on 11 May 2020, and Dana Ferro had been mayor earlier that month.", "true"),
    ("The Northline opened on 14 September 2019, and Dana Ferro was mayor later that month.", "true"),
])
def test_a_state_later_that_month(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a date that opens the sentence dates every later clause with none of its own
    ("In November 2015 the council approved the Harbour Tunnel and the Northline opened.", "false"),
    ("In November 2015, the council approved the Harbour Tunnel and the Northline opened.", "false"),
    # a date after "and" that a verb of the next clause follows is that clause's
    ("In November 2015, the council approved the Harbour Tunnel, and in September 2019 the Northline opened.",
     "true"),
    ("In November 2015, the council approved the Harbour Tunnel, and in September 2018 the Northline opened.",
     "false"),
    # a time the reader does not read stands between: not checked
    ("In November 2015, the council approved the Harbour Tunnel; years later the Northline opened.", "unproven"),
])
def test_a_date_that_opens_the_sentence(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "still" puts a state at today's date; of an event it dates nothing: "still has not opened"
    # is "has not opened", at no time up to now
    ("The Northline still has not opened.", "false"),
    ("The Harbour Tunnel has still not opened.", "false"),
    ("The council still has not approved the Harbour Tunnel.", "false"),
    ("The Northline has still not been extended to Ashby.", "true"),
    ("Ashby still has not joined the KVTA.", "true"),
    ("Greyline still runs Valdora's buses.", "false"),
])
def test_still_of_an_event_is_no_date(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the Northline opened on 14 September 2019: "early in 2019" is "early 2019"
    ("The Northline opened early in 2019.", "false"),
    ("The Northline opened late in September 2019.", "false"),
    ("The Northline opened late in 2019.", "unproven"),  # July to December, surely October on
    ("The Northline opened early in September 2019.", "unproven"),
])
def test_early_or_late_in_a_date_is_a_part_of_it(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict", "denied"), [
    # a date "not" denies is no date of the verb's: the other one is
    ("The Northline opened not in 2018 but in 2019.", "unproven", "not in 2018"),
    ("The Northline opened not in 2019 but in 2018.", "false", "not in 2019"),
    ("The Northline opened in 2019, not in 2018.", "unproven", "not in 2018"),
    ("The Northline opened not before 2019.", "unproven", "not before 2019"),
    ("It was not until September 2019 that the Northline opened.", "true", None),
])
def test_a_date_that_not_denies_is_no_date_of_the_verb(transit: Engine, sentence: str, verdict: str,
                                                       denied: str | None) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    if denied is not None:
        assert denied in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the start or end of a month is its early or late days, as "early" and "late" say them, and
    # no start or end of a statement ("start of" is a word of launching elsewhere)
    ("The KVTA ordered its Citylink trams at the start of June 2017.", "false"),  # 20 June
    ("The Northline opened at the end of September 2019.", "false"),  # 14 September
    ("The Northline opened at the beginning of September 2019.", "unproven"),  # 1-15, surely 1-10
    ("The union struck at the start of March 2023.", "true"),  # 6 March
])
def test_the_start_or_end_of_a_month(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a state said to remain at a date had begun before it: Marrow became mayor in May 2020
    ("Ilse Marrow remained mayor in 2021.", "true"),
    ("Ilse Marrow remained mayor in 2020.", "false"),
    ("Greyline remained the operator of the buses in 2010.", "true"),
    ("Greyline remained the operator of the buses in 2004.", "false"),
])
def test_a_state_that_remained_had_begun_before(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_state_that_remained_where_the_facts_know_one_date_only() -> None:
    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")),
                    "Borduria remained the largest buyer of cheese in 2015.", TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the statement says "eleven months behind schedule": a time is carried with the word that
    # says which, not by its unit alone
    ("The Northline opened eleven months behind schedule.", "true"),
    ("The Northline opened this month.", "unproven"),
    ("Months later, the Northline opened in September 2019.", "unproven"),
])
def test_a_time_is_carried_with_the_word_that_says_which(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
