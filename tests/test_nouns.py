"""Parties and events carried by nouns and prepositions (on the made-up transit ledger): a date
before a verb is not its prepositional noun's, a party after a preposition may be no object,
and a cause between two checked statements is itself not checked."""

from __future__ import annotations

import pytest

from factcheck.reading import reader_for, verify_text
from factcheck.verdict import Engine

from .conftest import TODAY


def _dates(engine: Engine, sentence: str) -> dict[str, int | None]:
    """The year each relation word of the sentence takes."""
    from factcheck.reading.candidates import clause_of, date_for

    reading = reader_for(engine).reading(sentence, TODAY)
    found = {}
    for relation in reading.relations:
        when = date_for(reading, relation, *clause_of(reading, relation))
        found[reading.words[relation.first].word] = when.date.year if when else None
    return found


@pytest.mark.parametrize(("sentence", "dates"), [
    # the date after another verb is that verb's, not the noun's after a preposition
    ("The rail union struck in March 2023 over the transit authority's order of Citylink trams",
     {"struck": 2023, "order": None}),
    ("Greyline lost the bus contract in 2021 after the council's approval of the Harbour Tunnel",
     {"approval": None}),
    # with no verb before it, a date before the noun's verb is the noun's
    ("In 2024 the rail union went on strike", {"strike": 2024}),
])
def test_a_noun_after_a_preposition_takes_no_date_from_another_verb(transit: Engine, sentence: str,
                                                                    dates: dict[str, int | None]) -> None:
    assert _dates(transit, sentence).items() >= dates.items()


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The rail union struck in March 2023 after the transit authority's order of Citylink trams.", "unproven"),
    ("In 2024 the rail union went on strike.", "false"),
])
def test_the_verdict_of_a_noun_after_a_preposition(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
