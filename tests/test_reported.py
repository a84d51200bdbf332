"""Reported speech: the date and the denial of a verb of saying are the saying's, not the
reported clause's ("said in 1999 that ...", "nobody disputes that ...", "never said that ...");
a clause a denied or denying verb of saying governs is only spoken of. A cleft ("it was in 1998
that ...") and "it is not true that ..." still date and deny the clause."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.fixture(scope="module")
def reading() -> Engine:
    return Engine(load_or_raise(TESTS / "ledgers" / "reading"))


@pytest.mark.parametrize(("sentence", "verdict"), [
    # each had been false: the saying's date or denial was read as the clause's
    ("Officials said in 1999 that Ruritania had ratified the River Accord.", "unproven"),
    ("In 1999 officials said that Ruritania had ratified the River Accord.", "unproven"),
    ("Nobody disputes that Ruritania joined the Northern Pact in 1961.", "unproven"),
    ("The king did not deny that Ruritania joined the Northern Pact in 1961.", "unproven"),
    ("The king never said that Ruritania joined the Northern Pact in 1970.", "unproven"),
    # what is reported is still checked, and the saying's date is not taken for its own
    ("Officials said in 1999 that Ruritania had ratified the River Accord in 1997.", "false"),
    ("It was in June 1998 that Ruritania ratified the River Accord.", "true"),
    ("It was in 1999 that Ruritania ratified the River Accord.", "false"),
    ("It is not true that Ruritania joined the Northern Pact in 1961.", "false"),
])
def test_the_saying_keeps_its_date_and_denial(reading: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(reading, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Dana Ferro said in 2016 that the council had approved the Harbour Tunnel.", "unproven"),
    ("Nobody denies that the council approved the Harbour Tunnel in November 2015.", "unproven"),
    ("Dana Ferro never claimed that the council approved the Harbour Tunnel in 2016.", "unproven"),
    ("It was in November 2015 that the council approved the Harbour Tunnel.", "true"),
])
def test_reported_speech_on_another_ledger(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
