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
