"""Expressions of time the reader resolves or bounds: a deadline ("by the end of 2017"), a date
said relative to another of the same sentence ("the following year"), a range ("from 23 March
to 31 October 2011"), and how long one statement came after another ("two years after"). A
wrong one makes the sentence false; one the reader cannot tie down is reported, never dropped
(on the made-up transit ledger)."""

from __future__ import annotations

import pytest

from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TODAY


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
