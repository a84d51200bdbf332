"""A pronoun that can stand for one party only is read as that party (on the made-up transit
ledger): "it" in a clause after the main clause, whose one party it is."""

from __future__ import annotations

import pytest

from factcheck.reading import reader_for, verify_text
from factcheck.verdict import Engine

from .conftest import TODAY


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "it" is the tunnel, the one party of the main clause; the council approved it in 2015
    ("The Harbour Tunnel opened in April 2022, after the council approved it in 2015.", "true"),
    ("The Harbour Tunnel opened in April 2022, after the council approved it in 2018.", "false"),
    ("The Harbour Tunnel opened before the council approved it.", "false"),
    # the subject of its own clause is no candidate: "it" is the authority Brenmoor joined, not Brenmoor
    ("The transit authority was set up in 1996, before Brenmoor joined it.", "true"),
    ("The transit authority was set up in 1996, before Ashby joined it.", "false"),
])
def test_it_stands_for_the_one_party_of_the_main_clause(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    # two parties before it: which one is not told
    "The council set up the transit authority in 1996, before Brenmoor joined it.",
    # a noun between may be what it stands for
    "The Harbour Tunnel opened after engineers redesigned the plan and the council approved it.",
    # a pronoun before its party, and pronouns other than "it"
    "After the council approved it, the Harbour Tunnel opened.",
    "The Harbour Tunnel opened after the council approved them.",
    # no clause of time or cause: "it" may stand for something said before the sentence
    "The council approved it in 2015.",
])
def test_it_is_not_read_where_it_may_stand_for_another(transit: Engine, sentence: str) -> None:
    reading = reader_for(transit).reading(sentence, TODAY)
    assert not any(reading.words[m.first].word in ("it", "them") for m in reading.entities)
    assert verify_text(transit, sentence, TODAY).verdict == "unproven"


def test_a_pronoun_in_no_checked_statement_is_reported_as_a_pronoun(transit: Engine) -> None:
    v = verify_text(transit, "Riverside Depot closed in 2021 because it was too old.", TODAY)
    assert v.verdict == "unproven"
    assert ("it", "a pronoun for a party in no checked statement") in {(u.text, u.reason) for u in v.claim.unchecked}
