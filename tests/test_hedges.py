"""A date given loosely ("circa 2018", "in about 2018", "2018 or so"), on the made-up transit
ledger: true where the facts put the event within it, not checked where they put it elsewhere,
since how far off a hedge allows is not said; never false."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Northline opened around 2019.", "true"),
    ("The Northline opened in about 2019.", "true"),
    ("The Northline opened circa 2018.", "unproven"),
    ("The Northline opened in about 2017.", "unproven"),
    ("The Northline opened in 2017 or so.", "unproven"),
    ("The Northline opened in 2017.", "false"),
])
def test_a_date_given_loosely(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    if verdict == "unproven":
        assert any("given loosely" in u.reason for u in v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    # a word that says how likely it is weighs nothing the facts say
    ("The Northline perhaps opened in 2019.", "perhaps"),
    ("The Northline likely opened in 2019.", "likely"),
    ("The Northline maybe opened in 2019.", "maybe"),
])
def test_a_word_of_likelihood_is_a_hedge_not_checked(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "not yet" at a date says it had not happened by then, at some time of that year: not
    # checked (it opened in September 2019); "by" a date is a deadline, checked as ever
    ("The Northline had not yet opened in 2020.", "unproven"),
    ("The Northline had not yet opened in 2018.", "unproven"),
    ("The Northline had not yet opened by 2020.", "false"),
])
def test_not_yet_at_a_date(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the statement says "The palace said ...": an attribution is carried with its speaker
    ("The palace said Ruritania bought the royal airship in 2010.", "true"),
    ("Officials said Ruritania bought the royal airship in 2010.", "unproven"),
    ("Courtiers said Ruritania bought the royal airship in 2010.", "unproven"),
])
def test_an_attribution_is_carried_with_its_speaker(sentence: str, verdict: str) -> None:
    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")), sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    # parties joined by "or" are alternatives: Brenmoor joined in 2009, Ashby never did, and the
    # sentence says of neither that it joined
    "Either Brenmoor or Ashby joined the KVTA in 2009.",
    "Either Ashby or Brenmoor joined the KVTA in 2009.",
    "Ashby or Brenmoor joined the KVTA in 2009.",
])
def test_parties_joined_by_or_are_alternatives_not_checked(transit: Engine, sentence: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
