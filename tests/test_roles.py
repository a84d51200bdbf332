"""Who holds which role, where the words alone could be read either way: the possessor of a
relation noun, a possessor before an office, and a state said to hold before or after a date."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the facts' statements write "China was Russia's largest trading partner": the possessor
    # is whose partner it is, whichever order the sentence takes
    ("China was Russia's largest trading partner in 2017.", "true"),
    ("In 2017 Russia's biggest trading partner was China.", "true"),
    ("Russia was China's largest trading partner in 2017.", "unproven"),
    ("China's largest trading partner in 2017 was Russia.", "unproven"),
])
def test_the_possessor_of_a_relation_noun_takes_the_role_the_facts_give_it(bundled: Engine, sentence: str,
                                                                           verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Tomas Quill was the KVTA's chief executive in 2018.", "true"),
    # a possessor the office's names do not include is another office
    ("Tomas Quill was Brenmoor's chief executive in 2018.", "unproven"),
])
def test_a_possessor_before_an_office(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Dana Ferro was mayor of Valdora before 2014.", "true"),
    ("Dana Ferro was mayor of Valdora before 2012.", "false"),  # from May 2012
    ("Dana Ferro was mayor of Valdora after 2019.", "true"),
    ("Dana Ferro was mayor of Valdora after 2020.", "false"),  # until May 2020
    ("Dana Ferro was not mayor of Valdora before 2012.", "true"),
])
def test_a_state_before_or_after_a_date(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a title right before a name says who that is: "Russian President" names Putin
    ("Russian President Putin met Turkish President Erdogan in August 2016.", "true"),
    ("Putin met Turkish President Erdogan in St Petersburg in August 2016.", "true"),
    ("Russian President Erdogan met Putin in August 2016.", "unproven"),
    ("Turkish President Putin met Erdogan in August 2016.", "unproven"),
])
def test_a_title_before_a_name(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Ruritanian King Rudolf met Bordurian Marshal Tasch in 2003.", "true"),
    # each title names the other party: which of the two the sentence means is not checked, even
    # where the reading takes the titles for the parties (a meeting goes both ways)
    ("Bordurian Marshal Rudolf met Ruritanian King Tasch in 2003.", "unproven"),
    ("Bordurian Marshal Rudolf met Tasch in 2003.", "unproven"),
])
def test_a_title_of_the_other_party_before_each_name(sentence: str, verdict: str) -> None:
    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")), sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    if verdict == "unproven":
        assert "Bordurian Marshal" in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a name's adjective before a common noun owns it, as a possessive does: the company, the
    # diplomats, the factories are other parties than Ruritania or Syldavia
    ("A Ruritanian company joined the Northern Pact in 1961.", "unproven"),
    ("Ruritanian diplomats ratified the River Accord in 1998.", "unproven"),
    ("King Rudolf toured Syldavian factories in 2005.", "unproven"),
    # an organ that acts for the state is the state
    ("The Ruritanian government ratified the River Accord in 1998.", "true"),
])
def test_a_name_said_as_an_adjective_owns_the_noun_after_it(sentence: str, verdict: str) -> None:
    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")), sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("King Rudolf was crowned in 1990.", "true"),  # "King Rudolf" is one of his names
    # a noun right before a person's name is a title: what the person is, which no fact says
    ("Queen Rudolf was crowned in 1990.", "unproven"),
    ("Emperor Rudolf toured Syldavia in 2005.", "unproven"),
    ("In 2005 Emperor Rudolf toured Syldavia.", "unproven"),
    ("Mr Rudolf toured Syldavia in 2005.", "true"),  # a courtesy title says nothing
    ("Rudolf Meets Tasch In 2003", "true"),  # a verb in a headline is no title
])
def test_a_title_the_person_s_names_do_not_include(sentence: str, verdict: str) -> None:
    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")), sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_rank_is_carried_only_as_the_statement_qualifies_it(bundled: Engine) -> None:
    """The facts say their meeting in August 2016 was the first since the downing of the Su-24,
    not their first ever."""
    v = verify_text(bundled, "The first meeting between Putin and Erdogan took place in August 2016.", TODAY)
    assert v.verdict == "unproven" and "first" in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a denial in the present tense is of today, and says nothing of a term that has ended
    ("Dana Ferro is not mayor of Valdora.", "true"),
    ("Greyline does not run Valdora's buses.", "true"),
    ("Greyline doesn't run Valdora's buses.", "true"),
    ("Ashby is not a member of the transit authority.", "true"),
    ("Greyline did not run Valdora's buses in 2010.", "false"),
    # of a state with no end, as of the last check, as "runs" is affirmed of it
    ("The transit authority does not run the Northline.", "false"),
    ("Ilse Marrow is not mayor of Valdora.", "false"),
    # the one denied in a contrast is denied as the tense of the verb says
    ("Ilse Marrow, not Dana Ferro, is mayor of Valdora.", "true"),
    ("Dana Ferro, not Ilse Marrow, is mayor of Valdora.", "false"),
    ("Brenmoor, but not Ashby, is a member of the transit authority.", "true"),
    ("Ashby, but not Brenmoor, is a member of the transit authority.", "false"),
])
def test_denials_in_the_present_tense_and_in_contrasts(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_us_in_capitals_is_the_country_not_a_pronoun(bundled: Engine) -> None:
    v = verify_text(bundled, "US Waives Sanctions On India Over S-400", TODAY)
    assert not [u for u in v.claim.unchecked if "pronoun" in u.reason], v.claim.unchecked
