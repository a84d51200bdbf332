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
    # "to" before a noun is a preposition, not an aim: "opened to passengers"
    ("The Northline opened to passengers on 14 September 2019.", "true"),
    # a party after "instead of" is left out of the statement, as after "without"
    ("The transit authority ordered Citylink trams instead of Greyline buses in June 2017.", "unproven"),
])
def test_what_is_said_to_have_happened_is_checked(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
