"""A date given loosely ("circa 2018", "in about 2018", "2018 or so"), on the made-up transit
ledger: true where the facts put the event within it, not checked where they put it elsewhere,
since how far off a hedge allows is not said; never false."""

from __future__ import annotations

import pytest

from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TODAY


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
