"""A statement compared or likened with what others did ("more than any other kingdom", "as
many other kingdoms did", "like its neighbours"): the facts say what the party did, never how
it compares with others, so the comparison is reported as not checked. A figure or a date after
"than" is a bound, read with the number or the date."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.fixture(scope="module")
def reading() -> Engine:
    return Engine(load_or_raise(TESTS / "ledgers" / "reading"))


@pytest.mark.parametrize(("sentence", "unread"), [
    # each had been true: the comparison was passed over
    ("Ruritania joined the Northern Pact in 1961, more than any other kingdom.", "more"),
    ("Ruritania has been a member of the Northern Pact since 1961, longer than any other state.", "longer"),
    ("The Trade League had 27 members in 2020, more than any other league.", "more"),
    ("Ruritania joined the Northern Pact in 1961, earlier than Syldavia.", "earlier"),
    ("Ruritania joined the Northern Pact in 1961, as many other kingdoms did.", "as"),
    ("Ruritania joined the Northern Pact in 1961, as did its neighbours.", "as"),
    ("Ruritania joined the Northern Pact in 1961, just as others had done.", "as"),
    ("Like many other kingdoms, Ruritania joined the Northern Pact in 1961.", "Like"),
    ("Ruritania joined the Northern Pact in 1961, like many other kingdoms.", "like"),
])
def test_a_comparison_with_others_is_not_checked(reading: Engine, sentence: str, unread: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Trade League had more than 20 members in 2020.", "true"),  # a bound, not a comparison
    ("The Trade League had fewer than 20 members in 2020.", "false"),
    ("Ruritania joined the Northern Pact in 1961.", "true"),
])
def test_a_figure_after_than_is_a_bound(reading: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    "The KVTA ordered 38 Citylink trams from Corvane in June 2017, more than any other city.",
    "Dana Ferro was mayor of Valdora from 2012 to 2020, longer than any predecessor.",
    "Brenmoor joined the KVTA in 2009, as many towns did.",
    # "Brenmoor and other towns" names no "Brenmoor town": two parties, one no fact names
    "Brenmoor and other towns joined the KVTA in 2009.",
    "Brenmoor and three other towns joined the KVTA in 2009.",
])
def test_a_comparison_on_another_ledger(transit: Engine, sentence: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
