"""How long a state lasted ("was mayor for eight years", "has been a member for 17 years"), on the
made-up transit ledger: checked, to the year, against the one fact of it that gives its start."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.mark.parametrize(("sentence", "verdict"), [
    # Dana Ferro was mayor from May 2012 to May 2020
    ("Dana Ferro was mayor for eight years.", "true"),
    ("Dana Ferro was mayor for twelve years.", "false"),
    # Brenmoor has been a member since 2009 (TODAY is in 2026)
    ("Brenmoor has been a member of the transit authority for 17 years.", "true"),
    ("Brenmoor has been a member of the transit authority for 7 years.", "false"),
    ("Greyline ran Valdora's buses for 16 years.", "true"),
    ("Greyline ran Valdora's buses for 10 years.", "false"),
])
def test_how_long_a_state_lasted(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert not [u for u in v.claim.unchecked if u.text in ("eight", "twelve", "17", "7", "16", "10", "years")]


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the present perfect, past a name before the state's noun: a start that many years ago
    ("Ruritania has been a Pact member for 65 years.", "true"),  # since May 1961
    ("Ruritania has been a Pact member for 50 years.", "false"),
    ("Ruritania has been a member of the Pact for 65 years.", "true"),
])
def test_how_long_a_state_has_held_past_a_name_before_its_noun(sentence: str, verdict: str) -> None:
    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")), sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
