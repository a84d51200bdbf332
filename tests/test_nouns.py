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
    # the order is not dated March 2023 (that would be false); the link in time is checked: ordered in 2017
    ("The rail union struck in March 2023 after the transit authority's order of Citylink trams.", "true"),
    ("The rail union struck in March 2023 before the transit authority's order of Citylink trams.", "false"),
    ("In 2024 the rail union went on strike.", "false"),
])
def test_the_verdict_of_a_noun_after_a_preposition(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a party after a preposition may be no object: the strike has none in the facts
    ("The rail union struck in March 2023 against the transit authority.", "unproven", ["the transit authority"]),
    ("The rail union struck in March 2024 against the transit authority.", "false", []),
    ("The rail union did not strike in 2024 over Riverside Depot.", "unproven", []),
    # a denial is not read without its party: "did not strike against Greyline" denies no strike
    ("The rail union did not strike in March 2023 against Greyline.", "unproven", []),
    ("The rail union never struck against Greyline.", "unproven", []),
    # a cause between two statements the reader checks is itself not checked
    ("The rail union struck in March 2023 over Riverside Depot's closure.", "unproven", ["over"]),
    ("The rail union struck in March 2022 over Riverside Depot's closure.", "unproven", ["over"]),
])
def test_a_party_after_a_preposition_may_be_no_object(transit: Engine, sentence: str, verdict: str,
                                                      unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


def test_a_cause_the_supporting_statement_gives_in_the_same_words(bundled: Engine) -> None:
    """"for buying the S-400" is what the sanction's statement says; "over its purchase" is not."""
    said = verify_text(bundled, "The US sanctioned Turkey in December 2020 for buying the S-400.", TODAY)
    other = verify_text(bundled, "The US sanctioned Turkey in December 2020 over its purchase of the S-400.", TODAY)
    assert said.verdict == "true", said.reason
    assert other.verdict == "unproven" and [u.text for u in other.claim.unchecked] == ["over"], other.reason


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # "between X and Y" is one phrase: "and Brenmoor" says the opening of no second line
    ("In September 2019 the Northline opened between Valdora and Brenmoor.", "true", []),
    ("In September 2018 the Northline opened between Valdora and Brenmoor.", "false", []),
    ("In September 2019 the Northline opened between Valdora and Ashby.", "unproven", ["Ashby"]),
])
def test_between_two_names_is_one_phrase(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a verb that lends its place to an event noun says the event happened, at the date before it
    ("In June 2017 the transit authority placed an order with Corvane for Citylink trams.", "true", []),
    ("In June 2018 the transit authority placed an order with Corvane for Citylink trams.", "false", []),
    ("In June 2017 the transit authority placed an order with Greyline for Citylink trams.", "unproven",
     ["Greyline"]),
    # a verb that is no support verb stands between: the opening is not dated by the approval
    ("In 2015 the council approved the opening of the Harbour Tunnel.", "unproven", ["opening"]),
])
def test_a_support_verb_dates_its_event_noun(transit: Engine, sentence: str, verdict: str,
                                             unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # an event noun that heads its phrase says the event of the party after "of"
    ("The opening of the Northline came on 14 September 2019.", "true", []),
    ("The opening of the Northline took place on 14 September 2018.", "false", []),
    ("The closure of Riverside Depot came in June 2021.", "true", []),
    ("The closure of Riverside Depot came in June 2020.", "false", []),
    # done by the party after "by"
    ("The creation of the transit authority by the city council came on 1 July 1996.", "true", []),
    ("The creation of the transit authority by the city council came on 1 July 1997.", "false", []),
    ("The creation of the transit authority by Greyline came on 1 July 1996.", "unproven", []),
    # a word before the noun that says less than that it happened keeps it unread
    ("The planned opening of the Northline came in September 2019.", "unproven", ["planned"]),
    # "came" says it happened; "came as a surprise" says more
    ("The council's approval of the Harbour Tunnel came in November 2015.", "true", []),
    ("The council's approval of the Harbour Tunnel came as a surprise in November 2015.", "unproven", ["surprise"]),
])
def test_an_event_noun_and_the_party_after_of(transit: Engine, sentence: str, verdict: str,
                                              unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a number that counts what the event noun is for, against the number the fact carries
    ("The transit authority placed an order for 38 Citylink trams with Corvane in June 2017.", "true", []),
    ("The transit authority placed an order for 48 Citylink trams with Corvane in June 2017.", "false", []),
    # a round figure is right to its rounding, as any number is (38 is "40")
    ("The transit authority placed an order for 40 Citylink trams with Corvane in June 2017.", "mostly-true", []),
    ("The transit authority placed an order for 38 Citylink trams with Corvane in June 2016.", "false", []),
])
def test_a_number_that_counts_the_event_nouns_object(transit: Engine, sentence: str, verdict: str,
                                                     unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a reporting verb before a checked event noun is checked where the supporting statement
    # reports it with the same verb ("Shoigu announced that Russia would form ...")
    ("Russia announced the formation of three new divisions on 4 May 2016.", "true", []),
    ("Russia announced the formation of three new divisions on 4 May 2017.", "false", []),
    ("Russia confirmed the formation of three new divisions on 4 May 2016.", "unproven", ["confirmed"]),
    ("Turkey confirmed the purchase of the S-400 in September 2017.", "true", []),
    ("Turkey announced the purchase of the S-400 in September 2017.", "unproven", ["announced"]),
])
def test_a_reporting_verb_the_supporting_statement_uses(bundled: Engine, sentence: str, verdict: str,
                                                        unread: list[str]) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


def test_a_reporting_verb_no_supporting_statement_uses(transit: Engine) -> None:
    v = verify_text(transit, "On 1 July 1996 the council announced the creation of the transit authority.", TODAY)
    assert v.verdict == "unproven" and [u.text for u in v.claim.unchecked] == ["announced"], v.reason


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a relation noun after "of" and another noun says not that it happened: a refusal denies it
    ("Valdora City Council set up the transit authority in July 1996 despite Ashby's refusal of membership.",
     "unproven", ["membership"]),
    ("Valdora City Council set up the transit authority in July 1996.", "true", []),
    # a noun of its own relation is read as before
    ("Brenmoor's membership of the transit authority began in 2009.", "true", []),
])
def test_a_relation_noun_another_noun_governs(transit: Engine, sentence: str, verdict: str,
                                              unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # an aside naming the office past an article and a possessor says the name before it held it
    ("Ilse Marrow, the authority's chief executive in 2018, approved the Harbour Tunnel.", "false"),
    ("Tomas Quill, the authority's chief executive since 2015, was replaced in 2024.", "false"),
    ("Tomas Quill, the authority's chief executive in 2018, approved the Harbour Tunnel.", "unproven"),
    # "since" in such an aside is a start, not a term held still today
    ("Dana Ferro, Valdora's mayor since 2012, stepped down in 2020.", "unproven"),
    ("Dana Ferro, Valdora's mayor since 2010, stepped down in 2020.", "false"),
])
def test_an_office_in_an_aside_past_a_possessor(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a verb in -ing after an article is an event noun too
    ("The closing of Riverside Depot came on 30 June 2021.", "true"),
    ("The closing of Riverside Depot came on 30 June 2020.", "false"),
])
def test_an_ing_noun_and_the_party_after_of(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "between X and Y": X towards Y, either way round for a symmetric relation
    ("The meeting between Erdogan and Putin took place in St Petersburg on 9 August 2016.", "true"),
    ("The meeting between Erdogan and Putin took place in St Petersburg on 9 August 2017.", "unproven"),
    # "by X and Y": both did it
    ("The signing of the TurkStream agreement by Russia and Turkey took place in Istanbul in October 2016.",
     "true"),
    ("The signing of the TurkStream agreement by Russia and Turkey took place in Istanbul in October 2015.",
     "false"),
    ("The signing of the TurkStream agreement by Russia and Iran took place in Istanbul in October 2016.",
     "unproven"),
])
def test_between_and_joint_agents_of_an_event_noun(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "of X to Y": X towards Y ("accession" is a start word of membership there)
    ("The accession of Ruritania to the Northern Pact came in May 1961.", "true"),
    ("The accession of Ruritania to the Northern Pact came in May 1962.", "false"),
    ("The accession of Borduria to the Northern Pact came in May 1961.", "false"),
    # "by X and Y": both did it, which no fact says
    ("The ratification of the River Accord by Ruritania took place on 12 June 1998.", "true"),
    ("The ratification of the River Accord by Ruritania and Syldavia took place on 12 June 1998.", "unproven"),
])
def test_the_parties_of_an_event_noun_on_another_ledger(sentence: str, verdict: str) -> None:
    from factcheck.ledger import load_or_raise

    from .conftest import TESTS

    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")), sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a date in a phrase set off by a comma after the noun, with a verb of its own, is that
    # phrase's: the plan's 2018 is not the opening's
    ("The Northline's opening, planned for 2018, came in September 2019.", "unproven", ["planned", "2018"]),
    ("The opening of the Northline, planned for 2018, came in September 2019.", "unproven", ["planned", "2018"]),
    ("The Harbour Tunnel's opening, delayed from 2021, came on 2 April 2022.", "unproven", ["delayed", "2021"]),
    # with no verb of its own the phrase's date is the noun's
    ("The Northline's opening, in September 2018, was delayed by a strike.", "false", []),
])
def test_a_date_in_a_phrase_with_a_verb_of_its_own_after_the_noun(transit: Engine, sentence: str, verdict: str,
                                                                  unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a party after "without" is no party of the verb: the Pact was not addressed
    ("King Rudolf addressed the assembly on 4 May 2001 without the Northern Pact.", "unproven", ["Northern Pact"]),
    ("King Rudolf addressed the Northern Pact's assembly on 4 May 2001.", "true", []),
])
def test_a_party_after_without(sentence: str, verdict: str, unread: list[str]) -> None:
    from factcheck.ledger import load_or_raise

    from .conftest import TESTS

    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")), sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


def test_without_a_party_the_statement_names_bare(bundled: Engine) -> None:
    """"Turkey and the UN brokered": "without the UN" is not what it says (the preposition is
    found past the article)."""
    v = verify_text(bundled, "Turkey brokered the grain deal between Russia and Ukraine in July 2022 without the UN.",
                    TODAY)
    assert v.verdict == "unproven" and [u.text for u in v.claim.unchecked] == ["UN"], v.reason


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a party in a role of its own ("alongside", "unlike") is checked only where the statement
    # names it after the same preposition: the trams were ordered from Corvane
    ("The transit authority ordered 38 Citylink trams on 20 June 2017 alongside Corvane.", "unproven",
     ["Corvane"]),
    ("The transit authority ordered 38 Citylink trams on 20 June 2017, unlike Corvane.", "unproven", ["Corvane"]),
    ("The transit authority ordered 38 Citylink trams from Corvane on 20 June 2017.", "true", []),
])
def test_a_party_in_a_role_of_its_own(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a party joined by "and" to a checked one is said to do the same, which a statement naming it
    # in another role does not carry: Corvane sold the trams, it did not order them
    ("The Kestrel Valley Transit Authority and Corvane ordered 38 Citylink trams on 20 June 2017.", "unproven",
     ["Corvane"]),
    ("The Kestrel Valley Transit Authority ordered 38 Citylink trams from Corvane on 20 June 2017.", "true", []),
])
def test_a_party_joined_to_a_checked_one(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize("sentence", [
    "Turkey and Russia brokered the grain deal in July 2022.",
    "India and Russia bought the S-400 in October 2018.",
])
def test_a_named_party_joined_to_a_checked_one(bundled: Engine, sentence: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven" and [u.text for u in v.claim.unchecked] == ["Russia"], v.reason
