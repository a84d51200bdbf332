"""Sentences that claim more than the facts that support part of them: that no one else took
part, that nothing happened over a whole period, that parties listed together all did it, when a
state began where the facts know it at one date only, a rank of another noun than the facts'.
None may come out true; each names what was not checked, or is false where the facts say so."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY


@pytest.mark.parametrize(("sentence", "unread"), [
    # the council approved the tunnel; that no one else did is not said by that fact
    ("The council alone approved the Harbour Tunnel in November 2015.", "alone"),
    ("The council approved the Harbour Tunnel alone in November 2015.", "alone"),
    ("The council solely approved the Harbour Tunnel in November 2015.", "solely"),
])
def test_a_claim_that_no_one_else_took_part_is_not_checked(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the union did not strike in 2024; nothing is known of the years after it
    ("The rail union has not struck since 2024.", "unproven"),
    ("The rail union has not struck since 2023.", "false"),   # it struck in March 2023
    ("The rail union has struck since 2022.", "true"),
    ("The rail union did not strike in 2024.", "true"),
])
def test_an_event_since_a_date_is_any_time_from_it_on(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # Turkey and the UN brokered the grain deal between Russia and Ukraine: a party listed with
    # the brokers is said to have brokered it, even after an article, even where the
    # statement names it in another role
    ("Turkey, Russia and the UN brokered the grain deal in July 2022.", "unproven"),
    ("Russia and the UN brokered the grain deal in July 2022.", "unproven"),
    ("Turkey and the UN brokered the grain deal in July 2022.", "true"),
    # China's lead in Russia's trade is known at 2017 only: not when it began or ended
    ("China has been Russia's largest trading partner since 2017.", "unproven"),
    ("China became Russia's largest trading partner in 2017.", "unproven"),
    ("China was Russia's largest trading partner in 2017.", "true"),
    # the statement's "first S-400 components" is no "first country to receive" them
    ("Turkey was the first country to receive the S-400.", "unproven"),
    ("Turkey took delivery of the first S-400 components on 12 July 2019.", "true"),
])
def test_what_the_bundled_facts_do_not_say_is_not_taken_from_them(bundled: Engine, sentence: str,
                                                                 verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a possessor before a person's name says whose the person is: checked only where the
    # person's own names say it ("Russian President" of Putin)
    ("Turkey's president Putin met Erdogan.", "unproven"),
    ("Russia's Erdogan met Putin in St Petersburg in August 2016.", "unproven"),
    ("Russia's president Putin met Erdogan in St Petersburg in August 2016.", "true"),
    ("Turkey's Erdogan met Putin in St Petersburg in August 2016.", "true"),
])
def test_a_possessor_of_a_person_is_checked_only_by_the_persons_names(bundled: Engine, sentence: str,
                                                                     verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_possessor_of_a_person_on_another_ledger(transit: Engine) -> None:
    v = verify_text(transit, "Ashby's Ilse Marrow became mayor in May 2020.", TODAY)
    assert v.verdict == "unproven" and "Ashby" in {u.text for u in v.claim.unchecked}
    v = verify_text(transit, "Mayor Ilse Marrow of Brenmoor took office in May 2020.", TODAY)  # after "of"
    assert v.verdict == "unproven" and "Brenmoor" in {u.text for u in v.claim.unchecked}


def test_a_possessor_after_a_person_and_of(bundled: Engine) -> None:
    v = verify_text(bundled, "President Putin of Turkey met Erdogan in 2016.", TODAY)
    assert v.verdict == "unproven" and "Turkey" in {u.text for u in v.claim.unchecked}, v.reason
    assert verify_text(bundled, "President Erdogan of Turkey met Putin in August 2016.", TODAY).verdict == "true"


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a date, a party or a negation is not taken across a semicolon or a sentence's end
    ("The Harbour Tunnel opened in April 2022. Brenmoor did not join the KVTA.", "false"),
    ("The Harbour Tunnel opened in April 2022; Brenmoor did not join the KVTA.", "false"),
    ("The Northline opened in 2019; in 2016, Brenmoor joined the KVTA.", "false"),
    ("The Northline opened in 2019. In 2009, Brenmoor joined the KVTA.", "true"),
    ("Ashby has never been a member of the KVTA. Brenmoor joined the KVTA in 2009.", "true"),
    ("The union did not strike in 2024, not 2023. Brenmoor joined the KVTA in 2009.", "unproven"),
    ("Ashby did not join the KVTA. Brenmoor joined the KVTA in 2009.", "true"),
])
def test_clauses_end_at_a_semicolon_and_a_full_stop(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Russia annexed Crimea in 2014. Turkey did not join NATO.", "false"),
    ("Russia annexed Crimea in 2014; Turkey did not join NATO.", "false"),
    ("Turkey joined NATO in 1952; in 2013, Russia annexed Crimea.", "false"),
    ("Turkey did not join the CSTO. Turkey joined NATO in 1952.", "true"),
    ("Putin met Erdogan in St. Petersburg in August 2016.", "true"),  # a full stop that ends no sentence
])
def test_clauses_end_at_a_semicolon_and_a_full_stop_on_the_bundled_ledger(bundled: Engine, sentence: str,
                                                                            verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "not only", "not just" add; "not the only", "not the oldest" deny a rank, not the statement
    ("Not only did Turkey join NATO in 1952, it also bought the S-400 in 2017.", "true"),
    ("Not only did Turkey join NATO in 1962, it also bought the S-400 in 2017.", "false"),
    ("Turkey is not the only NATO member to buy the S-400.", "unproven"),
    ("Turkey was not the first country to buy the S-400.", "unproven"),
])
def test_not_only_adds_and_not_the_first_denies_a_rank(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_denied_rank_on_another_ledger(transit: Engine) -> None:
    v = verify_text(transit, "Riverside Depot was not the oldest bus garage.", TODAY)
    assert v.verdict == "unproven" and "oldest" in {u.text for u in v.claim.unchecked}, v.reason


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a date after one verb is not the date of the next clause's, past "and", a colon or a dash
    ("The Northline opened in 2019 and Brenmoor did not join the KVTA.", "false"),
    ("The Northline opened in 2019: Brenmoor never joined the KVTA.", "false"),
    ("The Northline opened in 2019 – and Ashby did not join the KVTA.", "true"),
    ("The Northline opened in 2019 and Brenmoor joined the KVTA in 2009.", "true"),
    # a date that opens the sentence does not say whether a later denial is of that time or of all time
    ("In 2019, the Northline opened and Brenmoor did not join the KVTA.", "unproven"),
])
def test_a_date_is_not_taken_into_the_next_clause(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Turkey joined NATO in 1952 and Russia did not annex Crimea.", "false"),
    ("Turkey joined NATO in 1952 – and Russia did not annex Crimea.", "false"),
    ("Turkey joined NATO in 1952: Russia never annexed Crimea.", "false"),
    ("In 2014, Russia annexed Crimea and Turkey did not join NATO.", "unproven"),
])
def test_a_date_is_not_taken_into_the_next_clause_on_the_bundled_ledger(bundled: Engine, sentence: str,
                                                                         verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_just_after_has_says_lately_which_is_not_checked(transit: Engine) -> None:
    v = verify_text(transit, "Brenmoor has just joined the KVTA.", TODAY)
    assert v.verdict == "unproven" and "just" in {u.text for u in v.claim.unchecked}, v.reason
    assert verify_text(transit, "Brenmoor has joined the KVTA.", TODAY).verdict == "true"


@pytest.mark.parametrize(("sentence", "unread"), [
    # a name first in a longer proper name the ledger does not know is not that name's party
    ("Turkish Airlines joined NATO in 1952.", "Turkish"),
    ("Russian Railways annexed Crimea in 2014.", "Russian"),
])
def test_a_name_that_begins_another_proper_name_is_not_its_party(bundled: Engine, sentence: str, unread: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven" and unread in {u.text for u in v.claim.unchecked}, (v.reason, v.claim.unchecked)


def test_a_name_that_begins_another_proper_name_on_another_ledger(transit: Engine) -> None:
    v = verify_text(transit, "Brenmoor Rovers joined the KVTA in 2009.", TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert verify_text(transit, "Brenmoor joined the KVTA in 2009.", TODAY).verdict == "true"


@pytest.mark.parametrize("sentence", [
    # the verb's own object, passed over by a reading that took a party after it, is not checked
    "Turkey received a warning about the S-400 in July 2019.",
    "Putin met his match in Erdogan in 2016.",
    "Russia annexed half of Crimea in 2014.",  # a part of the object, said with no determiner
    "Turkey bought parts of the S-400 in 2017.",
    "Russia annexed much of Crimea in 2014.",  # "some of", "much of": a part the facts do not weigh
    "Turkey received some of the S-400 in July 2019.",
])
def test_an_object_a_reading_passed_over_is_not_checked(bundled: Engine, sentence: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)


def test_an_object_passed_over_on_another_ledger(transit: Engine) -> None:
    v = verify_text(transit, "The KVTA ordered a study of Citylink trams in June 2017.", TODAY)
    assert v.verdict == "unproven" and "study" in {u.text for u in v.claim.unchecked}, (v.reason, v.claim.unchecked)
    assert verify_text(transit, "The KVTA ordered Citylink trams in June 2017.", TODAY).verdict == "true"


@pytest.mark.parametrize(("sentence", "unread"), [
    # a common noun joined by "and" to a named party is a party of its own, which no fact names
    ("Russia annexed Crimea and its fleet in 2014.", "fleet"),
    ("Russia annexed Crimea and the port city of Sevastopol in 2014.", "port city"),
    # a relation noun after "and its" is another party, not a statement about the name
    ("Turkey and its allies joined NATO in 1952.", "allies"),
])
def test_a_noun_joined_to_a_party_is_not_checked(bundled: Engine, sentence: str, unread: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven" and unread in {u.text for u in v.claim.unchecked}, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Greyline Buses ran Valdora's bus network and its trams from 2004 until 2020.", "unproven"),
    ("Greyline Buses ran Valdora's bus network and the city's ferries from 2004 until 2020.", "unproven"),
    ("Brenmoor and its members joined the KVTA in 2009.", "unproven"),
    # a verb after "and" is no party ("and remains a member" is its own statement)
    ("Greyline Buses ran Valdora's bus network from 2004 until 2020.", "true"),
    ("Erdogan and Putin inaugurated TurkStream in Istanbul on 8 January 2020.", None),
])
def test_a_noun_joined_to_a_party_on_another_ledger(transit: Engine, bundled: Engine, sentence: str,
                                                    verdict: str | None) -> None:
    engine, expected = (transit, verdict) if verdict else (bundled, "true")
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == expected, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the facts know Borduria as the largest buyer in 2015 only: that it still is, as the present
    # tense says, is not known
    ("Borduria was the largest buyer of cheese in 2015.", "true"),
    ("Borduria is the largest buyer of cheese.", "unproven"),
    ("Borduria is still the largest buyer of cheese.", "unproven"),
    ("Syldavia was the largest buyer of cheese in 2015.", "false"),
])
def test_a_state_in_the_present_tense_that_the_facts_know_at_one_date_only(sentence: str, verdict: str) -> None:
    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")), sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Ruritania bought the royal airship from Syldavia in 2010.", "true"),
    # a party is carried by a statement that writes it, not by a name inside another: "40 million
    # Szohôd crowns" names a currency
    ("Ruritania bought the royal airship from Szohôd in 2010.", "unproven"),
    ("Ruritania bought the royal airship from Borduria in 2010.", "unproven"),
])
def test_a_currency_s_name_in_a_statement_carries_no_party(sentence: str, verdict: str) -> None:
    v = verify_text(Engine(load_or_raise(TESTS / "ledgers" / "reading")), sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    # "all" before what it counts says the whole, which the facts do not weigh
    ("Greyline ran all of Valdora's buses from 2004 until 2020.", "all"),
    ("The KVTA ordered all Citylink trams in June 2017.", "all"),
    # a time of day outside every date the reader reads
    ("The Northline opened overnight on 14 September 2019.", "overnight"),
])
def test_a_whole_or_a_time_of_day_is_not_checked(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


def test_all_after_the_parties_it_sums_up_adds_nothing(bundled: Engine) -> None:
    v = verify_text(bundled, "Russia, Turkey and Iran are all guarantors of the Astana talks.", TODAY)
    assert v.verdict == "true", (v.reason, v.claim.unchecked)


def test_a_name_before_a_currency_word_is_no_party(bundled: Engine) -> None:
    """"84 billion US dollars": the currency, not the United States as Russia's partner."""
    v = verify_text(bundled, "China was Russia's largest trading partner in 2017, with trade of 84 billion US dollars.",
                    TODAY)
    assert v.verdict != "false", (v.reason, v.claim.unchecked)
    assert all(r.assertion.object != "united-states" for r in v.results)


@pytest.mark.parametrize(("sentence", "unread"), [
    # a noun that a copula makes the predicate says what the subject is: no fact says it
    ("The Northline, which opened in September 2019, is a failure.", "failure"),
    ("Brenmoor, which joined the KVTA in 2009, is a village.", "village"),
    ("Dana Ferro, mayor from 2012 to 2020, was a lawyer.", "lawyer"),
    ("The Harbour Tunnel opened in April 2022 and is a toll road.", "road"),
    ("The KVTA, set up in 1996, is a private company.", "company"),
])
def test_a_noun_a_copula_makes_the_predicate_is_not_checked(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize("sentence", [
    "Brenmoor is a KVTA member.",  # the phrase ends in the checked word
    "Brenmoor is a member town of the KVTA.",
    "It is a fact that the Northline opened in September 2019.",  # a noun before a "that" clause
    "The Northline was due to open in September 2019.",  # how sure a plan is
])
def test_a_predicate_the_reading_checks_is_no_noun_left_unread(transit: Engine, sentence: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "true", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    # the subject a name only describes, as an adjective after an article, is another party
    ("A Turkish delegation joined NATO in 1952.", "Turkish delegation"),
    ("The Turkish people joined NATO in 1952.", "Turkish people"),
    # a noun after "a" that a copula makes the predicate says something of the subject
    ("The downing of the Su-24 by Turkey on 24 November 2015 was an accident.", "accident"),
    ("Turkey's accession to NATO in 1952 was a mistake.", "mistake"),
])
def test_a_party_the_name_only_describes_is_not_checked(bundled: Engine, sentence: str, unread: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven" and unread in {u.text for u in v.claim.unchecked}, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Brenmoor council joined the KVTA in 2009.", "unproven"),
    ("The Harbour Tunnel's opening on 2 April 2022 was a disaster.", "unproven"),
    # the state itself ("the Brenmoor government"), and a noun before a relation noun, are no other party
    ("The Brenmoor government joined the KVTA in 2009.", "true"),
    ("Brenmoor is one of the KVTA's newest members.", "unproven"),
    ("Brenmoor has been a member of the KVTA since 2009.", "true"),
])
def test_a_party_the_name_only_describes_on_another_ledger(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a figure a supporting statement writes is carried only at the same scale, however written
    ("Turkey bought four S-400 systems for 2.5 million US dollars.", "unproven"),
    ("Turkey bought four S-400 systems for $2.5m.", "unproven"),
    ("Turkey bought four S-400 systems for $2.5bn.", "true"),
    ("Turkey bought four S-400 systems for 2.5 billion US dollars.", "true"),
    # the currency's name is carried only where the statement names the same currency
    ("Turkey bought four S-400 systems for 2.5 billion Canadian dollars.", "unproven"),
    ("China was Russia's largest trading partner in 2017, with trade of about 84 billion US dollars.", "true"),
])
def test_an_amount_is_carried_only_at_its_scale_and_currency(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_an_amount_on_another_ledger(transit: Engine) -> None:
    v = verify_text(transit, "The Harbour Tunnel cost 412 million crowns, according to the city's final account.",
                    TODAY)
    assert v.verdict == "true", (v.reason, v.claim.unchecked)
    v = verify_text(transit, "The Harbour Tunnel cost 412 million Ruritanian crowns.", TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    # how often, or over all of a period: the facts record occasions, not their frequency
    ("The rail union often struck in 2023.", "often"),
    ("The rail union struck monthly in 2023.", "monthly"),
    ("The rail union struck throughout 2023.", "throughout"),
    ("Brenmoor has always been a member of the KVTA.", "always"),
])
def test_how_often_or_always_is_not_checked(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


def test_a_word_two_names_share_does_not_make_one_part_of_the_other(bundled: Engine, transit: Engine) -> None:
    # "Republic of Turkey" and "Republic of Crimea", "Kestrel Valley Transit Authority" and "Valley
    # Rail Workers' Union" share a word: neither name stands in the other, so the possessor is a
    # party not checked
    v = verify_text(bundled, "Russia annexed Turkey's Crimea in 2014.", TODAY)
    assert v.verdict == "unproven" and "Turkey" in {u.text for u in v.claim.unchecked}, (v.reason, v.claim.unchecked)
    v = verify_text(transit, "The Kestrel Valley Transit Authority's rail workers' union struck for three days from "
                    "6 March 2023.", TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    # a name that stands whole in the other's is checked with it
    assert verify_text(bundled, "A Turkish F-16 shot down a Russian Su-24 bomber on 24 November 2015.",
                       TODAY).verdict == "true"


@pytest.mark.parametrize(("sentence", "unread"), [
    # in a headline every word is capitalised: a name before a capitalised noun stays a name, and
    # the noun, which may make another party of it, is not checked
    ("Russia Annexes Crimea, Turkey Cheers", "Turkey"),
    ("Turkish Airlines Joins NATO", "Turkish Airlines"),
    ("Russian Troops Annex Crimea", "Russian Troops"),
])
def test_a_headline_keeps_its_names_and_reports_their_nouns(bundled: Engine, sentence: str, unread: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == "unproven" and unread in {u.text for u in v.claim.unchecked}, (v.reason, v.claim.unchecked)


def test_a_headline_on_another_ledger(transit: Engine) -> None:
    v = verify_text(transit, "Brenmoor Council Joins KVTA", TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert verify_text(transit, "Brenmoor Joins KVTA", TODAY).verdict == "true"


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a party after "rather than" or "instead of" is left out of the verb's statement, also
    # before the verb: Brenmoor joined in 2009, Ashby never did
    ("Brenmoor rather than Ashby joined the KVTA in 2009.", "unproven"),
    ("Brenmoor instead of Ashby joined the KVTA in 2009.", "unproven"),
    ("Ashby rather than Brenmoor joined the KVTA in 2009.", "false"),
])
def test_a_party_not_taken_before_the_verb(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
