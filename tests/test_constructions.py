"""General English constructions the reader reads as the plain statement they make (on the
made-up transport ledger): a verb of starting before a state's verb in -ing."""

from __future__ import annotations

import pytest

from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TODAY


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "started" or "commenced" right before a state's verb in -ing: its start, as "began" says
    ("The KVTA started running the Northline in September 2019.", "true"),
    ("The KVTA started running the Northline in 2021.", "false"),
    ("Greyline commenced running Valdora's buses in April 2004.", "true"),
    ("Greyline commenced running Valdora's buses in 2006.", "false"),
    # a listed phrase that opens with "began" ("began operating", an opening) is also the state's
    # start where the state is meant: the facts speak to that reading
    ("Greyline began operating the city's buses in 2004.", "true"),
    ("Greyline began operating the city's buses in 2010.", "false"),
    ("The Northline began operating in September 2019.", "true"),
    ("The Northline began operating in 2018.", "false"),
    # of an event, the event itself at that date
    ("The rail union started striking in March 2023.", "true"),
    ("The rail union started striking in March 2024.", "false"),
])
def test_a_start_before_a_state_is_its_start(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # who a place opens to when it simply opens adds no claim (see README, reader rules)
    ("The Harbour Tunnel opened to the public in April 2022.", "true"),
    ("The Harbour Tunnel opened for business in April 2022.", "true"),
    ("The Harbour Tunnel was opened to commuters in April 2022.", "true"),
    ("The Harbour Tunnel opened to the public in 2021.", "false"),
    ("The Harbour Tunnel never opened to traffic.", "false"),
    # anyone else it opens to is a claim of its own, not checked
    ("The Harbour Tunnel opened to cyclists in April 2022.", "unproven"),
    ("The Harbour Tunnel opened to freight in April 2022.", "unproven"),
    # and only after "open": "closed to traffic" says more than "closed"
    ("Riverside Depot closed to traffic in June 2021.", "unproven"),
    # also past the statement's date, and past adjectives
    ("The Harbour Tunnel opened in April 2022 to the public.", "true"),
    ("The Harbour Tunnel opened in April 2022 to great fanfare.", "unproven"),
    ("The Harbour Tunnel opened in April 2022 to poor reviews.", "unproven"),
])
def test_who_a_place_opens_to(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a time as the subject of "saw" says when: "2019 saw X open" is "X opened in 2019"
    ("September 2019 saw the opening of the Northline.", "true"),
    ("2018 saw the opening of the Northline.", "false"),
    ("April 2022 saw the Harbour Tunnel open.", "true"),
    ("2020 saw the Harbour Tunnel open to traffic.", "false"),
    ("The year 2009 saw Brenmoor join the transit authority.", "true"),
    ("2012 saw Brenmoor join the transit authority.", "false"),
    ("2022 did not see the Harbour Tunnel open.", "false"),
    # only a date that opens the sentence: a party that saw something, a decade, "will see", a
    # date after "in" are not read so
    ("Dana Ferro saw the Harbour Tunnel open in April 2022.", "unproven"),
    ("The 2020s saw the Harbour Tunnel open.", "unproven"),
    ("2022 will see the Harbour Tunnel open.", "unproven"),
    ("In 2022 the city saw the Harbour Tunnel open.", "unproven"),
])
def test_a_time_as_subject_says_when(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the successor's start and the predecessor's end of holding the office, at the date
    ("Ilse Marrow replaced Dana Ferro as mayor in May 2020.", "true"),
    ("Ilse Marrow succeeded Dana Ferro as Valdora's mayor in 2020.", "true"),
    ("Dana Ferro was replaced by Ilse Marrow as mayor on 11 May 2020.", "true"),
    ("Dana Ferro was succeeded as mayor by Ilse Marrow in 2020.", "true"),
    ("Ilse Marrow succeeded Dana Ferro as mayor.", "true"),
    ("Ilse Marrow replaced Dana Ferro as mayor in 2019.", "false"),
    ("Dana Ferro was succeeded as mayor by Ilse Marrow in 2021.", "false"),
    # the one who came first and the one who came after, the wrong way round
    ("Dana Ferro replaced Ilse Marrow as mayor.", "false"),
    # a successor the facts give another: who held it the day after the predecessor's last
    ("Tomas Quill replaced Dana Ferro as mayor in May 2020.", "false"),
    ("Dana Ferro was succeeded by Tomas Quill as mayor.", "false"),
    # the predecessor's last day may be the day before the successor's first
    ("The KVTA replaced Greyline as operator of Valdora's buses in January 2021.", "true"),
    ("In 2021 the KVTA succeeded Greyline as operator of the buses.", "true"),
    ("The KVTA replaced Greyline as operator of the city's buses in 2019.", "false"),
    # an office no fact gives the successor, after a predecessor the facts give no successor
    ("Ilse Marrow replaced Tomas Quill as chief executive of the KVTA in August 2024.", "unproven"),
    # a role the ledger does not name: not read, and never read as held by either party then
    ("The KVTA replaced Greyline as the bus operator in 2021.", "unproven"),
    ("Greyline was replaced as operator of the buses in 2021.", "unproven"),
    # denied, with no date: the one who held it the day after the predecessor's last decides
    ("Ilse Marrow did not replace Dana Ferro as mayor.", "false"),
    ("Dana Ferro was not succeeded by Ilse Marrow as mayor.", "false"),
    ("Tomas Quill never succeeded Dana Ferro as mayor.", "true"),
    # a denied succession at a date, of a predecessor still in office, or past "neither", "not X"
    ("Ilse Marrow did not replace Dana Ferro as mayor in 2019.", "unproven"),
    ("Dana Ferro did not replace Ilse Marrow as mayor.", "unproven"),
    ("Neither Tomas Quill nor Ilse Marrow replaced Dana Ferro as mayor.", "unproven"),
    ("Ilse Marrow, not Tomas Quill, replaced Dana Ferro as mayor.", "unproven"),
    # no office, a plan: not read
    ("Ilse Marrow succeeded Dana Ferro in 2020.", "unproven"),
    ("Ilse Marrow will replace Dana Ferro as mayor in 2020.", "unproven"),
])
def test_a_succession_is_a_start_and_an_end(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # an event's passive with "to" a party: given to that party, the giver asked of the facts,
    # where the party before only describes the thing given
    ("The Northline contract was awarded to Bellwright in March 2016.", "true"),
    ("The Northline contract was awarded to Bellwright in 2017.", "false"),
    ("The Northline contract was not awarded to Bellwright.", "false"),
    ("The Harbour Tunnel contract was awarded to Bellwright in March 2016.", "unproven"),
    ("The contract to build the Northline was awarded to Bellwright in 2017.", "false"),
    # "went to" a party after a noun with a "to" clause of its own
    ("The contract to build the Northline went to Bellwright in 2015.", "false"),
    ("The contract to build the Northline did not go to Bellwright.", "unproven"),
    # what the contract was for is checked only in the words of a supporting statement: it says
    # "construction contract", never "to build" (nor "to run"), so the verb stays not checked
    ("The contract to build the Northline went to Bellwright in March 2016.", "unproven"),
    ("The contract to run the Northline was awarded to Bellwright in March 2016.", "unproven"),
    # a party that heads the passive's subject stays its subject
    ("Brenmoor was admitted to the KVTA in 2009.", "true"),
])
def test_a_thing_given_to_a_party(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a word that names its object first ("win" of an award), with only a thing after it: the
    # party before was given it, the giver asked of the facts
    ("Bellwright won the Northline contract in March 2016.", "true"),
    ("Bellwright won the Northline contract in 2014.", "false"),
    ("2014 saw Bellwright win the Northline contract.", "false"),
    ("Bellwright did not win the Northline contract.", "false"),
    ("Bellwright won the Harbour Tunnel contract in March 2016.", "unproven"),
    ("Greyline won the Northline contract in 2016.", "unproven"),
])
def test_a_thing_won(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a second verb of the same state joined by "and", with no party of its own, says its change
    # of the party the first verb took
    ("Brenmoor joined the Kestrel Valley Transit Authority in 2009 and left in 2015.", "false"),
    ("Brenmoor joined the KVTA in 2009 and left it in 2015.", "false"),
    ("Brenmoor joined the KVTA in 2009 and has never left.", "true"),
    ("Tomas Quill became chief executive of the KVTA in March 2017 and stepped down in August 2024.", "true"),
    ("Tomas Quill became chief executive of the KVTA in March 2017 and stepped down in 2022.", "false"),
    # a party of its own after the second verb is its own object, never the first verb's
    ("Brenmoor joined the KVTA in 2009 and later left the council.", "unproven"),
    # two parties after the first verb: which one the second verb speaks of is not said
    ("Brenmoor joined the KVTA with Ashby in 2009 and left in 2015.", "unproven"),
])
def test_a_second_verb_shares_the_first_ones_object(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # an auxiliary after "as", "so", "nor" or "neither" echoes the verb before it with another party
    ("Brenmoor joined the KVTA in 2009, as did Ashby.", "false"),
    ("Brenmoor joined the KVTA in 2009; so did Ashby.", "false"),
    ("Brenmoor joined the KVTA in 2009, and so did Ashby in 2011.", "false"),
    ("Ashby has never been a member of the KVTA, nor has Brenmoor.", "false"),
    ("Brenmoor has been a member of the KVTA since 2009, as has Valdora City Council.", "unproven"),
    # "as" that opens no clause of its own echoes nothing
    ("Brenmoor joined the KVTA in 2009 just as did Ashby.", "unproven"),
])
def test_an_echo_says_the_verb_again_of_another_party(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    "Turkey joined NATO in 1952, as did Ukraine.",
    "Turkey is a NATO member, and so is Ukraine.",
])
def test_an_echo_on_the_bundled_ledger(bundled: Engine, sentence: str) -> None:
    assert verify_text(bundled, sentence, TODAY).verdict == "false"


@pytest.mark.parametrize("sentence", [
    # an echo whose auxiliary cannot stand for the clause before it echoes nothing, and its party,
    # which a supporting statement names only after a preposition, is not carried by it
    "Resolution 68/262 was adopted by the UN General Assembly in March 2014, and so did Ukraine.",
    "Turkey is a NATO member, as did Ukraine.",
])
def test_an_echo_that_does_not_agree_is_not_checked(bundled: Engine, sentence: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven" and "Ukraine" in {u.text for u in v.claim.unchecked}, (v.reason, v.claim.unchecked)


def test_no_party_acts_on_itself(transit: Engine) -> None:
    # the same party as subject and object is no reading of a fact (it had been read as the
    # authority's creation, which the council did)
    v = verify_text(transit, "Kestrel Valley Transit Authority created the Kestrel Valley Transit Authority in 1996.",
                    TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
