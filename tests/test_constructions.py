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
