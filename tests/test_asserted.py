"""What a sentence does not say happened (on the made-up transit ledger): a condition, what
nearly happened, an alternative not taken, an aim or a plan. Such a statement is reported as not
checked, never judged as if it were said to have happened, in either direction."""

from __future__ import annotations

import pytest

from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TODAY


@pytest.mark.parametrize(("sentence", "unread"), [
    # the union did not strike in 2024: none of these says it did
    ("The rail union threatened to strike in 2024.", "strike"),
    ("The rail union nearly struck in 2024.", "struck"),
    ("If the rail union strikes in 2024, the Northline will stop.", "strikes"),
    ("The council approved the Harbour Tunnel in 2015 instead of extending the Northline to Ashby.", "extending"),
    ("The council approved the Harbour Tunnel in 2015 without extending the Northline to Ashby.", "extending"),
    ("The council refused to approve the Harbour Tunnel in November 2015.", "approve"),
    # what could, may or should happen is not said to have happened ("will" predicts, below)
    ("The rail union could strike in 2024.", "strike"),
    ("The rail union may strike in 2024.", "strike"),
    ("The Northline could carry 21 million passengers in 2023.", "carry"),
])
def test_what_is_not_said_to_have_happened_is_not_checked(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    [part] = [u for u in v.claim.unchecked if u.text == unread]
    assert "that it happened is not said" in part.reason


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The rail union struck in 2024.", "false"),
    # verbs whose "to" clause says it happened, and a plan whose date has passed, are read
    ("The transit authority went on to order 38 Citylink trams in June 2017.", "true"),
    ("The transit authority managed to order 38 Citylink trams in June 2017.", "true"),
    ("The transit authority went on to order 38 Citylink trams in June 2016.", "false"),
    ("The union was due to strike in 2024.", "false"),
    ("The rail union will strike in 2024.", "false"),
    ("The Northline carried 21 million passengers in 2023.", "true"),
    ("Ilse Marrow became mayor on 11 May 2020.", "true"),  # the month is no modal
    # "to" before a noun is a preposition, not an aim: "opened to passengers"
    ("The Northline opened to passengers on 14 September 2019.", "true"),
    # a party after "instead of" is left out of the statement, as after "without"
    ("The transit authority ordered Citylink trams instead of Greyline buses in June 2017.", "unproven"),
])
def test_what_is_said_to_have_happened_is_checked(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    # an event noun that another verb takes as its object, or the subject of another verb's
    # passive, is not said to have happened: the union did not strike in 2024, and none of these
    # may be found false by that (nor true by a strike that did happen)
    "The mayor called off the rail union's strike in 2024.",
    "Valdora's mayor postponed the union strike of 2024.",
    "The rail union's strike in 2024 was called off.",
    "The rail union's strike on the Northline was called off in 2024.",
    "The mayor called off the rail union's strike in March 2023.",
    # the verb in its bare form, after "did not", "to" or a modal
    "The mayor did not stop the rail union's strike in March 2023.",
    "The union struck in March 2023; the mayor refused to support the strike.",
    "The mayor will never accept the rail union's strike in 2024.",
])
def test_an_event_noun_another_verb_governs_is_not_judged(transit: Engine, sentence: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert "strike" in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a verb that lends its place to the noun, or a verb chain, still says it happened
    ("The rail union held a strike in 2024.", "false"),
    ("The rail union went on strike in 2024.", "false"),
    ("The rail union did not go on strike in 2023.", "false"),
    ("Greyline stopped running Valdora's buses in 2018.", "false"),
    # a passive of a verb of saying: what was confirmed is checked (that it was, is not)
    ("The rail union's strike in 2024 was confirmed.", "false"),
])
def test_an_event_noun_a_light_verb_governs_is_judged(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    # not "Russia did not annex Crimea": what Turkey did not do is no fact's
    "Russia annexed Crimea in 2014; Turkey did not recognise the annexation.",
    "Russia annexed Crimea in 2014, but Turkey refused to recognise the annexation.",
])
def test_a_denied_verb_before_an_event_noun_does_not_deny_the_event(bundled: Engine, sentence: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert {"recognise", "annexation"} <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a condition by inversion says nothing happened ("Had Brenmoor not joined" presupposes it did)
    ("Had Brenmoor not joined the KVTA in 2009, the Northline would not run there.", "unproven"),
    ("Had Ashby joined the transit authority in 2009, it would have trams.", "unproven"),
    ("Were Ashby to join the KVTA, fares would fall.", "unproven"),
    # "had" after its subject is a tense
    ("Brenmoor had joined the KVTA in 2009.", "true"),
    ("Brenmoor had joined the KVTA in 2012.", "false"),
])
def test_a_condition_by_inversion_is_not_judged(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a "that" clause a noun of saying governs, or "it is ... that" judges, is spoken of, not said
    ("The claim that Brenmoor joined the KVTA in 2009 is a myth.", "unproven"),
    ("The claim that Brenmoor joined the KVTA in 2012 is a myth.", "unproven"),
    ("Reports that Ashby joined the transit authority were false.", "unproven"),
    ("It is a myth that Brenmoor joined the KVTA in 2009.", "unproven"),
    ("It is unlikely that Ashby joined the KVTA.", "unproven"),
    # unless what judges it says it holds
    ("It is a fact that Brenmoor joined the KVTA in 2009.", "true"),
    ("It is true that Brenmoor joined the KVTA in 2012.", "false"),
    ("The fact that Brenmoor joined the KVTA in 2012 is well known.", "false"),
])
def test_a_statement_only_spoken_of_is_not_judged(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
