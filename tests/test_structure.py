"""How the parts of a sentence attach: modifiers, contrasts, appositions, dates of event nouns.

Every rule is shown on the made-up transit ledger of tests/eval/transit (and the one in
tests/ledgers/reading): nothing in the reader knows a topic.
"""

from __future__ import annotations

import importlib

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import reader_for, verify_text
from factcheck.reading.modifiers import adjacent, modifier_pairs
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


def _unchecked(engine: Engine, sentence: str) -> list[str]:
    return [part.text for part in verify_text(engine, sentence, TODAY).claim.unchecked]


# modifiers -----------------------------------------------------------------------------------

def _pairs(engine: Engine, sentence: str) -> list[tuple[str, str]]:
    reading = reader_for(engine).reading(sentence)
    return [(m.target, h.target) for m, h in
            modifier_pairs(reading.text, reading.words, reading.entities, reading.relations)]


@pytest.mark.parametrize(("sentence", "pairs"), [
    ("The KVTA's Northline opened in 2019.", [("kvta", "northline")]),
    ("Greyline's city buses ran late.", [("greyline", "bus-network")]),
    ("The Harbour Tunnel in Brenmoor opened in 2022.", [("brenmoor", "harbour-tunnel")]),
    ("The council approved the Harbour Tunnel in Brenmoor.", []),  # after the verb: where it happened
    ("Brenmoor, Ashby joined.", []),                                  # a comma parts them
])
def test_which_names_modify_which(transit: Engine, sentence: str, pairs: list[tuple[str, str]]) -> None:
    assert _pairs(transit, sentence) == pairs


def test_a_statement_writes_a_modifier_as_such(transit: Engine) -> None:
    reader = reader_for(transit)
    reading = reader.reading("The KVTA's Northline opened.")
    assert adjacent(reading.words, reading.entities, "kvta", "northline")
    assert not adjacent(reading.words, reading.entities, "northline", "kvta")
    reading = reader.reading("The Northline of the KVTA opened.")
    assert adjacent(reading.words, reading.entities, "kvta", "northline")


def test_a_possessive_a_fact_connects_is_a_checked_detail(transit: Engine) -> None:
    verification = verify_text(transit, "The KVTA's Northline opened on 14 September 2019.", TODAY)
    assert verification.verdict == "true"
    details = [r.assertion for r in verification.results if r.assertion.role == "detail"]
    assert [(d.subject, d.object) for d in details] == [(frozenset({"kvta"}), "northline")]
    assert "KVTA" in details[0].text


@pytest.mark.parametrize(("sentence", "unread"), [
    ("Greyline's Northline opened on 14 September 2019.", "Greyline"),         # no fact connects them
    ("The Harbour Tunnel in Brenmoor opened on 2 April 2022.", "Brenmoor"),
    ("The KVTA approved the Harbour Tunnel in Brenmoor on 9 November 2015.", "Brenmoor"),
])
def test_a_modifier_nothing_connects_stays_unchecked(transit: Engine, sentence: str, unread: str) -> None:
    assert verify_text(transit, sentence, TODAY).verdict == "unproven"
    assert unread in _unchecked(transit, sentence)


def test_a_place_phrase_a_fact_connects_is_checked(transit: Engine) -> None:
    verification = verify_text(transit, "The Northline of the KVTA opened on 14 September 2019.", TODAY)
    assert verification.verdict == "true", verification.reason


# numbers -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Northline carried 21 million passengers in 2023.", "true"),
    ("The Northline carried 21 million passengers in 2022.", "unproven"),   # no fact at that date
    ("The Northline carried 25 million passengers in 2023.", "false"),
    ("In 2024 the Northline had 38 trams and carried 30 million passengers.", "unproven"),
    ("In 2024 the Northline had 60 trams and carried 30 million passengers.", "false"),
    ("The Northline had a fleet of 38 trams in 2024.", "true"),
])
def test_each_number_goes_with_its_own_word_and_date(transit: Engine, sentence: str, verdict: str) -> None:
    assert verify_text(transit, sentence, TODAY).verdict == verdict, verify_text(transit, sentence, TODAY).reason


def test_a_number_is_never_judged_by_another_facts_number(transit: Engine) -> None:
    verification = verify_text(transit, "In 2024 the Northline had 38 trams and carried 30 million passengers.", TODAY)
    assert [(r.assertion.relation, r.assertion.value) for r in verification.results] == [("fleet-size", 38)]
    assert "30 million" in [part.text for part in verification.claim.unchecked]  # no fact gives 2024's passengers
    assert "passengers" not in _unchecked(transit, "The Northline carried 21 million passengers in 2023.")


# contrasts, "neither ... nor", gapped clauses ---------------------------------------------------

@pytest.fixture(scope="module")
def pact() -> Engine:
    return Engine(load_or_raise(TESTS / "ledgers" / "reading"))


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Ruritania, not Borduria, is a member of the Northern Pact.", "true"),
    ("Borduria, not Ruritania, is a member of the Northern Pact.", "false"),
    ("Neither Borduria nor Ruritania is a member of the Northern Pact.", "false"),
    ("Neither Borduria nor Syldavia is a member of the Northern Pact.", "unproven"),  # nothing on Syldavia
    ("Ruritania joined the Pact in 1961 and ratified the River Accord in 1998.", "true"),
    ("Ruritania joined the Pact in 1961 and the Trade League in 1975.", "unproven"),
])
def test_contrasts_and_denials_on_the_pact(pact: Engine, sentence: str, verdict: str) -> None:
    assert verify_text(pact, sentence, TODAY).verdict == verdict, verify_text(pact, sentence, TODAY).reason


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The KVTA, not Greyline, ran the Northline in 2021.", "true"),    # one operator at a time
    ("The KVTA, not Greyline, runs the Northline.", "unproven"),       # undated: Greyline may have, before
    ("Greyline, not the KVTA, runs the Northline.", "false"),
    ("In 2018 Dana Ferro, not Ilse Marrow, was mayor of Valdora.", "true"),
    ("Neither Ashby nor Brenmoor is a member of the KVTA.", "false"),
    ("Brenmoor joined the KVTA in 2009 and Ashby in 2012.", "false"),   # the town, not the authority
    ("The rail union struck in March 2023 and again in May 2024.", "false"),
    ("The rail union struck in March 2023 and again in 2025.", "unproven"),
])
def test_contrasts_and_gapped_clauses_on_transit(transit: Engine, sentence: str, verdict: str) -> None:
    assert verify_text(transit, sentence, TODAY).verdict == verdict, verify_text(transit, sentence, TODAY).reason


def test_a_gapped_clause_is_read_from_its_words(transit: Engine) -> None:
    from factcheck.reading.coordination import contrasts, gapped, neither_nor

    reader = reader_for(transit)
    [remnant] = gapped(reader.reading("Brenmoor joined the KVTA in 2009 and Ashby in 2012."))
    assert remnant.party is not None and remnant.party.target == "ashby" and remnant.date is not None
    assert gapped(reader.reading("The council approved the tunnel between 2014 and 2015.")) == []
    assert gapped(reader.reading("Brenmoor joined the KVTA and Ashby left it.")) == []  # a verb of its own
    [contrast] = contrasts(reader.reading("The KVTA, not Greyline, runs the Northline."))
    assert contrast.party is not None and contrast.party.target == "greyline" and contrast.negated
    assert len(neither_nor(reader.reading("Neither Ashby nor Brenmoor joined."))) == 1


# event nouns: the verb after the noun's phrase says its start or end -------------------------

@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Brenmoor's membership of the KVTA began in 2009.", "true"),
    ("Brenmoor's membership of the KVTA began in 2012.", "false"),
    ("Ruritania's membership of the Northern Pact began on 3 May 1961.", "true"),
    ("Ruritania's membership of the Northern Pact ended in 2019.", "false"),   # it still holds
])
def test_a_start_or_end_after_the_nouns_phrase(transit: Engine, pact: Engine, sentence: str, verdict: str) -> None:
    engine = pact if "Ruritania" in sentence else transit
    assert verify_text(engine, sentence, TODAY).verdict == verdict, verify_text(engine, sentence, TODAY).reason


def test_a_date_after_the_nouns_phrase_is_no_start_or_end(pact: Engine) -> None:
    from factcheck.reading.candidates import change_after

    reading = reader_for(pact).reading("Ruritania was a member of the Northern Pact at the end of 2020")
    assert change_after(reading, reading.relations[0]) is None
    reading = reader_for(pact).reading("Ruritania's membership of the Pact ended in 2019")
    assert change_after(reading, reading.relations[0]) == (6, "end")


# who is subject and who object: each step of party_options ------------------------------------

@pytest.mark.parametrize(("sentence", "word", "step", "expected"), [
    ("Pact member Ruritania ratified the River Accord.", "member", "epithet_option", ({"ruritania"}, "northern-pact")),
    ("Ruritania is a Pact member.", "member", "modifier_option", ({"ruritania"}, "northern-pact")),
    ("The River Accord was ratified by Ruritania.", "ratified", "passive_option", ({"ruritania"}, "river-accord")),
    ("Ruritania and Syldavia ratified the River Accord.", "ratified", "in_order",
     ({"ruritania", "syldavia"}, "river-accord")),
    ("Membership talks: Ruritania and the Northern Pact.", "membership", "subject_after",
     ({"ruritania"}, "northern-pact")),
    ("The Northern Pact, which Ruritania joined in 1961, grew.", "joined", "object_before",
     ({"ruritania"}, "northern-pact")),
    ("Ruritania ratified the Pact's River Accord.", "ratified", "farther_objects", ({"ruritania"}, "river-accord")),
])
def test_each_step_of_party_options(pact: Engine, sentence: str, word: str, step: str,
                                    expected: tuple[set[str], str]) -> None:
    candidates = importlib.import_module("factcheck.reading.candidates")  # the module, not its function
    reading = reader_for(pact).reading(sentence)
    [relation] = [m for m in reading.relations if reading.words[m.first].word == word]
    opening, closing = candidates.clause_of(reading, relation)
    before, after = candidates.parties_around(reading, relation, opening, closing)
    made = {"epithet_option": lambda: candidates.epithet_option(reading, relation, before, after),
            "modifier_option": lambda: candidates.modifier_option(reading, relation, before),
            "passive_option": lambda: candidates.passive_option(reading, relation, before, after),
            "in_order": lambda: candidates.in_order(reading, before, after),
            "subject_after": lambda: candidates.subject_after(before, after),
            "object_before": lambda: candidates.object_before(reading, relation, before, after),
            "farther_objects": lambda: candidates.farther_objects(reading, before, after)}[step]()
    readings = [({m.target for m in subject}, obj.target if obj else None) for subject, obj in made]
    assert readings[0] == expected
    everything = candidates.party_options(reading, relation, before, after)
    assert made[0] in everything


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Pact member Ruritania ratified the River Accord in 1998.", "true"),
    ("Pact member Borduria ratified the River Accord in 1998.", "false"),
    ("Ruritania is a Pact member.", "true"),
    ("Borduria is a Pact member.", "false"),
])
def test_a_noun_said_of_a_name(pact: Engine, sentence: str, verdict: str) -> None:
    assert verify_text(pact, sentence, TODAY).verdict == verdict, verify_text(pact, sentence, TODAY).reason
