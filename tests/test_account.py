"""What a supporting fact's own statement checks of a sentence: the parties it names by any of
their names, after the same preposition (on the made-up transit ledger)."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # the statement names the authority by its full name, inside the office's name, after "of"
    ("Tomas Quill was chief executive of the transit authority from 1 March 2017 until 31 August 2024", "true", []),
    # another party, or the same one after another preposition, is not what the statement says
    ("Tomas Quill was chief executive of Valdora City Council from 1 March 2017 until 31 August 2024", "unproven",
     ["Valdora City Council"]),
    ("Tomas Quill was chief executive for the transit authority from 1 March 2017 until 31 August 2024", "unproven",
     ["the transit authority"]),
])
def test_a_party_the_supporting_statement_names(transit: Engine, sentence: str, verdict: str,
                                                unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a party joined to an office by a copula alone is checked as its holder, one at a time
    ("Ilse Marrow was KVTA chief executive in 2018.", "false"),
    ("Tomas Quill was KVTA chief executive in 2018.", "true"),
    ("Ilse Marrow was not KVTA chief executive in 2018.", "true"),
    # another holder for a while says nothing of a time the sentence does not give
    ("Ilse Marrow was KVTA chief executive.", "unproven"),
    ("Ilse Marrow was never KVTA chief executive.", "unproven"),
    ("Tomas Quill was mayor of Valdora.", "unproven"),
    ("Greyline ran the Northline.", "unproven"),
    # but one that says it holds still is contradicted by another holder whose term has not ended
    ("Greyline runs the Northline.", "false"),
    ("Greyline has run the Northline since 2020.", "false"),
])
def test_an_office_has_one_holder_at_a_time(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a relation noun another verb governs asserts nothing: "applied for membership" is no membership
    ("Ashby applied for membership of the transit authority in 2015.", "unproven"),
    # a relation noun is its possessor's, as subject or object
    ("Brenmoor's membership of the transit authority began in 2009.", "true"),
    ("Brenmoor's membership of the transit authority began in 2011.", "false"),
    ("Valdora City Council's membership of the transit authority began in 2009.", "unproven"),
    # a verb is no noun: "went on strike" is the strike
    ("The rail union went on strike in 2024.", "false"),
])
def test_relation_nouns_belong_to_their_possessor(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_possessor_the_ledger_does_not_know_is_no_other_party() -> None:
    """"Finland's accession" is Finland's, not that of a party named elsewhere in the sentence."""
    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")),
                    "Ruritania's parliament ratified Graustark's membership of the Northern Pact in 1961", TODAY)
    assert v.verdict == "unproven", v.reason


@pytest.mark.parametrize(("sentence", "verdict"), [
    # an aside that opens with an office says the name before it held the office, at its own date
    ("Dana Ferro, Valdora's mayor in 2016, was mayor of Valdora in 2014.", "true"),
    ("Dana Ferro, Valdora's mayor in 2022, was mayor of Valdora in 2014.", "false"),
    ("Ilse Marrow, Valdora's mayor in 2016, was mayor of Valdora in 2021.", "false"),
    # an aside stands outside the copula after it
    ("Dana Ferro, a former teacher, was mayor of Valdora in 2021.", "false"),
    ("Dana Ferro, a former teacher, was mayor of Valdora in 2014.", "unproven"),  # "former" is not checked
])
def test_titles_and_asides(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_gerund_after_a_preposition_takes_no_date_from_before_it(transit: Engine) -> None:
    """"sanctioned Turkey in 2020 for buying the S-400": 2020 is the sanction's, not the purchase's."""
    from factcheck.reading import reader_for
    from factcheck.reading.candidates import clause_of, date_for

    reading = reader_for(transit).reading("Valdora City Council set up the KVTA on 1 July 1996 after approving "
                                          "the Harbour Tunnel", TODAY)
    dates = {}
    for relation in reading.relations:
        when = date_for(reading, relation, *clause_of(reading, relation))
        dates[reading.words[relation.first].word] = when.date.year if when else None
    assert dates == {"set": 1996, "approving": None}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # an attribution the supporting statement makes in the same words is checked with it
    ("The Harbour Tunnel cost 412 million crowns, according to the city's final account of 2022.", "true"),
    # another source is not what the statement says
    ("The Harbour Tunnel cost 412 million crowns, according to Corvane.", "unproven"),
    ("The Harbour Tunnel cost 412 million crowns, Corvane said.", "unproven"),
])
def test_an_attribution_the_statement_makes(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a relation noun that is the subject of a passive the ledger has no word for says nothing of
    # whether it happened: "shelved" and "completed" alike
    ("The Northline has not been extended to Ashby; the extension was shelved in 2022.", "unproven",
     ["extension", "shelved"]),
    ("The Northline extension was completed in 2022.", "unproven", ["completed"]),
    ("The Northline was extended to Ashby in 2022.", "false", []),
    # a number in words is one part, however many words it takes
    ("The transit authority hired thirty-eight drivers on 20/06/2017.", "unproven", ["thirty-eight"]),
    # a difference, a share, a record and a quantifier are not the amount or the party the facts give
    ("A single KVTA ticket cost 3 crowns more in 2024.", "unproven", ["3"]),
    ("The Northline carried 21 million passengers in 2023, up 10%.", "unproven", ["10"]),
    ("The Northline carried 21 million passengers in 2023, a record.", "unproven", ["record"]),
    ("Each Northline tram carried 21 million passengers in 2023.", "unproven", ["Each"]),
    # a number that no date, amount or name takes is not passed over: "2019-02-31" is no date, and
    # only its year was read
    ("The Northline opened on 2019-02-31.", "unproven", ["02", "31"]),
    ("The Northline opened on 2019-18-14.", "unproven", ["18", "14"]),
    # a word English does not know is not passed over; a reflexive pronoun says nothing
    ("Valdora City Council approved the Harbour Tunnel on 9 November 2015 at gunpoint.", "unproven", ["gunpoint"]),
    ("The transit authority has run Valdora's bus network itself since 1 January 2021.", "true", []),
])
def test_what_a_sentence_leaves_unsaid(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a relation word in -ing that only describes the noun after it is no event of its own
    ("Valdora City Council set up the KVTA on 1 July 1996, with Brenmoor as a founding member.", "unproven",
     ["founding"]),
    ("Valdora City Council set up the KVTA on 1 July 1996.", "true", []),
])
def test_a_describing_word_is_no_event(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


def test_a_verb_form_is_no_word_of_a_name_found_in_scattered_words(transit: Engine) -> None:
    """"Quill headed the transit authority" does not name "head of the transit authority"."""
    from factcheck.reading import reader_for

    reading = reader_for(transit).reading("Tomas Quill headed the transit authority from 2017 to 2024", TODAY)
    assert [m.target for m in reading.entities] == ["tomas-quill", "kvta"]


@pytest.mark.parametrize(("amount", "verdict"), [
    # a round figure is the fact rounded to its last non-zero digit, never further off than the
    # fact's tolerance: 38 is "40" but not "30"; "about 42" is within the tolerance, "42" is not
    ("40", "mostly-true"), ("30", "false"), ("forty", "mostly-true"), ("50", "false"), ("42", "false"),
])
def test_a_round_figure_is_the_fact_rounded(transit: Engine, amount: str, verdict: str) -> None:
    v = verify_text(transit, f"The Northline had a fleet of {amount} trams in 2024.", TODAY)
    assert v.verdict == verdict, v.reason


def test_a_verb_that_ends_a_noun_of_its_relation_is_one_statement(transit: Engine) -> None:
    """"quit its membership in 2012": the date is the quitting's, not the membership's."""
    from factcheck.reading import reader_for

    reader = reader_for(transit)
    claim = reader.claim("Brenmoor quit its membership of the transit authority in 2012", TODAY)
    assert [(a.relation, a.change, str(a.date)) for a in claim.assertions] == [("member-of", "end", "2012")]
    assert not claim.unchecked


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("NATO ended its mission in Afghanistan on 30 August 2020.", "false"),  # was true: "mission in" took the date
    ("NATO ended its mission in Afghanistan on 30 August 2021.", "true"),
    # a passive whose verb's phrase ends in a preposition has a place after it, not a thing given
    ("Russian military police were stationed in the Afrin area until January 2018.", "true"),
    ("Russian military police were stationed in the Afrin area until January 2017.", "false"),
])
def test_the_verb_takes_the_date_on_the_bundled_ledger(sentence: str, verdict: str) -> None:
    from .conftest import REPO

    assert verify_text(Engine(load_or_raise(REPO)), sentence, TODAY).verdict == verdict


@pytest.mark.parametrize("sentence", [
    "The transit authority has run Valdora's bus network since 1 January 2021, but not Ashby's.",
    "Whoever runs the buses, the Northline opened upon its completion in September 2019.",
])
def test_grammar_words_the_lexicon_leaves_out_are_no_unknown_words(transit: Engine, sentence: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert not [u.text for u in v.claim.unchecked if u.reason == "a word the reader does not know"]
