"""Figures in free text as a reporter writes them, on the made-up transit ledger (the Harbour
Tunnel cost 412 million crowns, the Northline carried 21 million passengers in 2023, the
authority ordered 38 trams in June 2017, a single ticket cost 3 crowns in 2024 with tolerance
0): figures in words ("half a billion", "a dozen"), at another scale ("412,000,000", "0.4
billion"), with a scale written on ("412m", "84bn") or a currency sign ("$412m"); counts said
without a figure ("several", "dozens of") are not checked."""

from __future__ import annotations

import pytest

from factcheck.diagnostics import Location
from factcheck.model import Amount, Assertion, PartialDate
from factcheck.reading import verify_text
from factcheck.reading.extract import read
from factcheck.reading.text import spelled_numbers, tokens
from factcheck.reading.vocabulary import Vocabulary
from factcheck.verdict import Engine, Outcome

from .conftest import TODAY


@pytest.mark.parametrize(("text", "found"), [
    ("half a billion crowns", [(0, 1, 0.5)]),
    ("a million passengers", [(0, 0, 1)]),
    ("a dozen trams", [(0, 1, 12)]),
    ("half a dozen trams", [(0, 2, 6)]),
    ("two dozen trams", [(0, 1, 24)]),
    ("a hundred votes", [(0, 1, 100)]),
    ("a tram and a bus", []),  # "a" alone is no figure
    ("half the trams", []),
    ("the two leaders", []),
])
def test_figures_in_words(text: str, found: list[tuple[int, int, float]]) -> None:
    assert spelled_numbers(tokens(text)) == found


@pytest.mark.parametrize(("sentence", "value", "scale", "currency"), [
    ("The tunnel cost 412m crowns.", 412, "million", None),
    ("The tunnel cost $412m.", 412, "million", "dollar"),
    ("Trade came to 84bn dollars.", 84, "billion", None),
    ("Trade came to €3.5bn.", 3.5, "billion", "euro"),
    ("The line carried 21m passengers.", 21, "million", None),
    ("Trade came to US$84bn.", 84, "billion", "us dollar"),
])
def test_a_scale_written_onto_a_figure(transit: Engine, sentence: str, value: float, scale: str,
                                       currency: str | None) -> None:
    [number] = read(sentence, Vocabulary(transit.ledger)).number_mentions
    assert (number.value, number.scale, number.currency) == (value, scale, currency)


def test_metres_are_no_million(transit: Engine) -> None:
    """"m" with no currency sign and no plural noun after it may be metres: not read as a figure,
    and reported."""
    assert read("A 300m tunnel opened.", Vocabulary(transit.ledger)).number_mentions == []
    v = verify_text(transit, "The 300m Harbour Tunnel cost 412 million crowns.", TODAY)
    assert v.verdict == "unproven"
    assert [u.text for u in v.claim.unchecked] == ["300m"]


@pytest.mark.parametrize(("sentence", "verdict"), [
    # at another scale, converted to the facts' (412 million crowns)
    ("The Harbour Tunnel cost half a billion crowns.", "false"),
    ("The Harbour Tunnel cost roughly half a billion crowns.", "false"),
    ("The Harbour Tunnel cost nearly half a billion crowns.", "false"),
    ("The Harbour Tunnel cost 0.4 billion crowns.", "mostly-true"),  # rounded to 0.1 billion
    ("The Harbour Tunnel cost 0.41 billion crowns.", "mostly-true"),
    ("The Harbour Tunnel cost 0.3 billion crowns.", "false"),
    ("The Harbour Tunnel cost 412,000,000 crowns.", "true"),
    ("The Harbour Tunnel cost 412,000 crowns.", "false"),
    ("The Harbour Tunnel cost a billion crowns.", "false"),
    # a scale written onto the figure
    ("The Harbour Tunnel cost 412m crowns.", "true"),
    ("The Harbour Tunnel cost 600m crowns.", "false"),
    ("The Northline carried 21m passengers in 2023.", "true"),
    ("The Northline carried 12m passengers in 2023.", "false"),
    # under a thousand with no scale: no reading of 412 million
    ("The Harbour Tunnel cost 412 crowns.", "unproven"),
    # a currency sign the facts' unit does not name: not checked
    ("The Harbour Tunnel cost $412m.", "unproven"),
    ("The Harbour Tunnel cost €600m.", "unproven"),
])
def test_a_figure_at_another_scale_is_compared_at_the_facts(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The transit authority ordered three dozen Citylink trams from Corvane in June 2017.", "mostly-true"),
    ("The transit authority ordered a dozen Citylink trams from Corvane in June 2017.", "false"),
    ("The transit authority ordered half a dozen Citylink trams from Corvane in June 2017.", "false"),
    ("The transit authority ordered several Citylink trams from Corvane in June 2017.", "unproven"),
    ("The transit authority ordered dozens of Citylink trams from Corvane in June 2017.", "unproven"),
    ("The transit authority ordered a few Citylink trams from Corvane in June 2017.", "unproven"),
    ("The transit authority ordered a handful of Citylink trams from Corvane in June 2017.", "unproven"),
])
def test_counts_in_words(transit: Engine, sentence: str, verdict: str) -> None:
    """38 trams: "three dozen" is 36, within the fact's tolerance as a round figure; a count
    said without a figure is reported, never passed over (it had been found true)."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    if verdict == "unproven":
        assert any("vaguely" in u.reason for u in v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("In 2024 the Northline ran around 40 trams.", "mostly-true"),
    ("The Northline ran a fleet of roughly 35 trams in 2024.", "mostly-true"),
    ("The Northline operated a fleet of 30 trams in 2024.", "false"),
    ("The Northline ran some 30 trams in 2024.", "false"),
    ("The Northline ran more than 40 trams in 2024.", "false"),
    # in the present tense, today's fleet, which the 2024 figure does not speak to
    ("The Northline operates 38 trams.", "unproven"),
    ("The Northline runs about 40 trams.", "unproven"),
    # not a verb of having: ordering trams is no fleet
    ("The Northline ordered 38 trams in 2024.", "unproven"),
])
def test_a_verb_of_having_before_a_counted_value_noun(transit: Engine, sentence: str, verdict: str) -> None:
    """"ran 40 trams", "operates a fleet of 38 trams" say what "had" says: the fleet's size (38
    trams in 2024); "ran" is not read as the operating of a line."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Ridership on the Northline reached 21 million in 2023.", "true"),
    ("Ridership on the Northline was 21 million in 2023.", "true"),
    ("Ridership on the Northline reached 31 million in 2023.", "false"),
    ("Ridership on the Northline stood at about 22 million in 2023.", "mostly-true"),
    ("The budget for the Harbour Tunnel hit 500 million crowns.", "false"),
    ("A single ticket on KVTA services cost three crowns in 2024.", "true"),  # a noun after the holder
    ("A single ticket on KVTA services cost four crowns in 2024.", "false"),
    ("The Northline's ridership reached 21 million in 2023.", "true"),
    # "reach" is also a word of the extension: without a figure after it, it is read as one
    ("The Northline reached Ashby in 2023.", "false"),
])
def test_a_value_noun_with_its_holder_after_it(transit: Engine, sentence: str, verdict: str) -> None:
    """"ridership on the Northline", "the budget for the tunnel": the party after "of", "on" or
    "for" holds the value; a count verb before the figure ("reached", "hit") is its verb."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Harbour Tunnel cost an extra 412 million crowns.", "unproven"),
    ("The Harbour Tunnel cost a further 412 million crowns.", "unproven"),
    ("The Harbour Tunnel cost another 412 million crowns.", "unproven"),
    ("The transit authority ordered an additional 38 Citylink trams from Corvane in June 2017.", "unproven"),
])
def test_an_amount_added_to_another_is_a_difference(transit: Engine, sentence: str, verdict: str) -> None:
    """"an extra 412 million" is what was added, not the cost the facts give (it had been found
    true)."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert any("difference" in u.reason for u in v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict", "unchecked"), [
    # the figure is another value's than the facts', so it is not checked either
    ("A return ticket cost three crowns in 2024.", "unproven", ["return", "three"]),
    ("The Harbour Tunnel's maintenance cost 412 million crowns.", "unproven", ["maintenance"]),
    ("A child ticket cost two crowns in 2024.", "unproven", ["child", "two"]),  # not the single fare
    # words that restate the whole, and words the statement says, narrow nothing
    ("The total cost of the Harbour Tunnel was 412 million crowns.", "true", []),
    ("A single ticket cost three crowns in 2024.", "true", []),
])
def test_a_word_that_narrows_a_value_noun(transit: Engine, sentence: str, verdict: str,
                                          unchecked: list[str]) -> None:
    """A noun or adjective right before a value word narrows what it measures: a return ticket's
    price is not the single fare the facts give (it had been found true), nor refuted by it (a
    child ticket at two crowns had been found false)."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    if unchecked:
        assert [u.text for u in v.claim.unchecked] == unchecked


@pytest.mark.parametrize(("value", "amount", "outcome"), [
    (40, Amount("about", 5), Outcome.APPROXIMATE),    # 5% off: within the tolerance
    (45, Amount("about", 5), Outcome.UNVERIFIED),     # 18%: neither close nor far
    (50, Amount("about", 5), Outcome.CONTRADICTED),   # 32%: beyond twice the tolerance
    (45, Amount("almost", 5), Outcome.UNVERIFIED),
    (35, Amount("almost", 5), Outcome.CONTRADICTED),  # "nearly 35" of 38: the wrong side
    (45, None, Outcome.CONTRADICTED),                 # a ledger claim's value: the tolerance alone
])
def test_a_hedged_figure_has_a_zone_between_close_and_wrong(transit: Engine, value: float, amount: Amount | None,
                                                            outcome: Outcome) -> None:
    """The fleet was 38 trams in 2024 (tolerance 10%)."""
    assertion = Assertion(frozenset({"northline"}), "fleet-size", Location("<text>"), date=PartialDate(2024),
                          value=value, amount=amount)
    assert transit.check_assertion(assertion).outcome == outcome


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Half a billion crowns: that is what the Harbour Tunnel cost.", "false"),
    ("412 million crowns: that is what the Harbour Tunnel cost.", "true"),
    ("412 million crowns is what the Harbour Tunnel costs.", "unproven"),  # today's cost: not given
])
def test_a_figure_fronted_before_what_it_measures(transit: Engine, sentence: str, verdict: str) -> None:
    """"that is what the tunnel cost": the copula before "what" gives the verb no tense; its
    own does ("cost" of the final account, 2022)."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The transit authority ordered 38 Citylink trams from Corvane in June 2017.", "true"),
    ("In June 2017 the transit authority placed an order for 38 Citylink trams.", "true"),
    ("In June 2017 the transit authority placed an order for 38 Citylink buses.", "unproven"),
])
def test_a_figure_before_a_name_counts_what_follows_the_name(transit: Engine, sentence: str, verdict: str) -> None:
    """A figure the statement gives before the same name is checked with it only when what it
    counts, after the name, is what the statement counts ("five S-400 missiles" had been found
    true of "five S-400 systems")."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Ticket prices rose by three crowns in 2024.", "unproven"),
    ("Fares went up three crowns in 2024.", "unproven"),
    ("The single fare rose by about three crowns in 2024.", "unproven"),
    ("Councillors approved the Harbour Tunnel by 31 votes to 14 in November 2015.", "true"),  # no change
])
def test_a_change_by_a_figure_is_a_difference(transit: Engine, sentence: str, verdict: str) -> None:
    """"rose by three crowns", "went up three crowns" say by how much, not what the fare was (each
    had been found true of a fare of 3 crowns)."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Northline carried 21 million passengers between 2019 and 2023.", "unproven"),
    ("The Northline carried 21 million passengers from 2022 to 2023.", "unproven"),
    ("The Northline had 38 trams between January and December 2024.", "true"),  # the fact's own year
])
def test_a_value_over_a_period_is_not_the_value_of_one_date(transit: Engine, sentence: str, verdict: str) -> None:
    """21 million passengers in 2023: a figure said of several years is their total, which the
    figure of one year does not speak to (it had been found true)."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("21 million passengers were carried by the Northline in 2023.", "true"),
    ("31 million passengers were carried by the Northline in 2023.", "false"),
    ("In 2024 the Northline had 38 trams and carried 30 million passengers.", "unproven"),  # 30: the passengers'
])
def test_a_value_verb_in_the_passive(transit: Engine, sentence: str, verdict: str) -> None:
    """"N passengers were carried by the Northline": the party after "by" holds the value, and
    the figure before the counted noun is the verb's (a word of the same value between does
    not stand in its way, one of another value does)."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Harbour Tunnel cost between 400 and 450 million crowns.", "true"),
    ("The Harbour Tunnel cost between 300 and 400 million crowns.", "false"),
    ("The Northline carried 20 to 22 million passengers in 2023.", "true"),
    ("The Northline carried from 22 to 25 million passengers in 2023.", "false"),
    ("In 2024 the Northline had between 30 and 40 trams.", "true"),
    # a tally after "by" is no range: 14 for is not what the council gave
    ("The council approved the Harbour Tunnel by 14 to 31 votes in November 2015.", "unproven"),
])
def test_a_range_of_figures(transit: Engine, sentence: str, verdict: str) -> None:
    """"between 400 and 450 million": true when the fact's value lies within, false when not (the
    upper figure alone had been compared: "between 70 and 80 members" of 74 was false)."""
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("China was Russia's largest trading partner in 2017, with trade of US$84bn.", "true"),
    ("China was Russia's largest trading partner in 2017, with trade of US$50bn.", "false"),
    ("China was Russia's largest trading partner in 2017, with trade of HK$84bn.", "unproven"),
    ("China was Russia's largest trading partner in 2017, with trade of €84bn.", "unproven"),
])
def test_letters_on_a_currency_sign_are_part_of_the_currency(bundled: Engine, sentence: str, verdict: str) -> None:
    """"US$84bn": "US" is the dollar's, no party (it had been read as the United States, and the
    sentence found false); the facts' unit must name it too ("billion US dollars": not HK$)."""
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
