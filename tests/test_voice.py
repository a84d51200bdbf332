"""Who did it, when the sentence does not put the doer first (on the made-up transit ledger): a
passive's agent after "by", also past other phrases and joined with others, and verbs that say no
more than a copula ("served as", "held the post of")."""

from __future__ import annotations

import pytest

from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TODAY


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Harbour Tunnel was approved in November 2015 by the city council.", "true"),
    ("The Harbour Tunnel was approved in November 2016 by the city council.", "false"),
    # another approver is not the council: not checked, never read as the council's approval
    ("The Harbour Tunnel was approved in November 2015 by the transit authority.", "unproven"),
    ("Citylink trams were ordered from Corvane by the transit authority on 20 June 2017.", "true"),
    ("Citylink trams were ordered from Corvane by the transit authority on 20 June 2016.", "false"),
    ("Citylink trams were ordered from Corvane by Greyline on 20 June 2017.", "unproven"),
])
def test_the_agent_of_a_passive_past_other_phrases(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    ("The Kestrel Valley Transit Authority was set up by Valdora City Council on 1 July 1996.", "true", []),
    # every party joined to the agent is said to have acted too: not the council alone
    ("The Kestrel Valley Transit Authority was set up by Valdora City Council and Brenmoor on 1 July 1996.",
     "unproven", []),
])
def test_joined_agents_of_a_passive(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Dana Ferro served as mayor of Valdora in 2015.", "true"),
    ("Dana Ferro served as mayor of Valdora in 2022.", "false"),
    ("Dana Ferro held the post of mayor in 2015.", "true"),
    ("Dana Ferro held the office of mayor in 2010.", "false"),
    ("Dana Ferro acted as mayor in 2016.", "true"),
    # "served" without "as", or a post held of something else, is no copula
    ("Dana Ferro served the mayor in 2015.", "unproven"),
])
def test_verbs_that_say_no_more_than_a_copula(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # "acted as" says no more than "was": what follows "as" is read, or reported, on its own
    ("Valdora City Council acted as the approver of the Harbour Tunnel in November 2015.", "unproven", ["approver"]),
    ("Dana Ferro worked as mayor of Valdora in 2015.", "true", []),
])
def test_a_verb_before_as(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}
    assert not [u for u in v.claim.unchecked if u.text in ("acted", "worked")]
