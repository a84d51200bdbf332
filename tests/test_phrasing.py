"""Common ways of phrasing a relation the reader reads as it reads the plain one (on made-up
ledgers): a denial up to a date ("did not join until 2009"), a holder whose members include a
party, a verb's phrase said with any possessive ("mended its ties")."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.reading.vocabulary import adverb_base_form, verb_forms
from factcheck.verdict import Engine

from .conftest import SOURCES, TODAY, write_ledger


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "did not X until D": X happened at D, and not before
    ("Brenmoor did not join the transit authority until 2009.", "true"),
    ("Brenmoor did not join the transit authority until 2012.", "false"),
    ("Brenmoor did not join the transit authority until 2005.", "false"),
    # of a state, its start
    ("Brenmoor was not a member of the KVTA until 2009.", "true"),
    ("Brenmoor was not a member of the KVTA until 2012.", "false"),
    ("Dana Ferro was not mayor until 2012.", "true"),
    ("Dana Ferro was not mayor until 2015.", "false"),
    ("Greyline did not run the city's buses until 2004.", "true"),
    ("Greyline did not run the city's buses until 2010.", "false"),
    # of its end, the end
    ("Tomas Quill did not step down as chief executive until 2022.", "false"),
    # of an event that happens once
    ("The council did not approve the Harbour Tunnel until November 2015.", "true"),
    ("The council did not approve the Harbour Tunnel until 2016.", "false"),
    ("The council did not approve the Harbour Tunnel until 2014.", "false"),
])
def test_a_denial_until_a_date_says_it_happened_then(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    # an event that repeats: that it did not happen before is more than the facts record
    ("The rail union did not strike until March 2023.", "not"),
    # a part of a date, or the end of a range, is not read this way
    ("Brenmoor did not join the transit authority until early 2009.", "join"),
])
def test_a_denial_until_a_date_the_facts_cannot_bound(transit: Engine, sentence: str, unread: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert unread in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize("sentence", [
    "The Harbour Tunnel was not approved until the storm had passed.",
    "The council did not approve the Harbour Tunnel until after the storm.",
])
def test_a_denial_until_a_clause_is_no_denial(transit: Engine, sentence: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a relation noun said of its holder, then "include": what is included is what the noun says
    ("The KVTA's members include Brenmoor.", "true"),
    ("The members of the transit authority include Brenmoor.", "true"),
    ("The transit authority's members include Ashby.", "false"),
    ("The KVTA, whose members include Brenmoor, ordered 38 Citylink trams in June 2017.", "true"),
    ("The KVTA, whose members include Ashby, ordered 38 Citylink trams in June 2017.", "false"),
    ("The KVTA, whose members include Brenmoor, ordered 38 Citylink trams in June 2018.", "false"),
    # with a date, then; with none in the present tense, still
    ("The KVTA's members included Brenmoor in 2005.", "false"),
    ("The KVTA's members included Brenmoor in 2015.", "true"),
    # the holder the other way round, a denial, or another word between: not read so
    ("Brenmoor's members include the KVTA.", "unproven"),
    ("The KVTA's members do not include Brenmoor.", "unproven"),
    ("The KVTA's members no longer include Brenmoor.", "unproven"),
    ("The KVTA's members once included Ashby.", "unproven"),
])
def test_a_holder_whose_members_include_a_party(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


RECONCILED = """
entities:
  - {id: ruritania, name: Ruritania}
  - {id: borduria, name: Borduria}
relations:
  - {id: reconciled, kind: event, symmetric: true, words: [mend their ties, restore relations]}
"""

RECONCILIATION = """
    - id: reconciled-2011
      statement: Ruritania and Borduria restored relations in May 2011.
      subject: ruritania
      relation: reconciled
      object: borduria
      date: 2011-05
      citations: [{title: Thaw, url: 'https://gazette.example/thaw', date: 2011-05-20}]
"""


@pytest.fixture(scope="module")
def reconciled(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    root: Path = tmp_path_factory.mktemp("reconciled")
    return Engine(load_or_raise(write_ledger(root, RECONCILIATION, "[]", SOURCES, RECONCILED)))


def test_a_possessive_in_a_verbs_phrase_stands_for_any() -> None:
    forms = set(verb_forms("mend their ties"))
    assert {"mend its ties", "mended his ties", "mending their ties"} <= forms
    assert {"restored their relations", "restoring its relations"} <= set(verb_forms("restore relations"))
    assert not any(" its " in form for form in verb_forms("took office"))  # no plural: no possessive


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Ruritania mended its ties with Borduria in May 2011.", "true"),
    ("Ruritania and Borduria mended their ties in 2011.", "true"),
    ("Ruritania restored its relations with Borduria in 2011.", "true"),
    ("Ruritania mended its ties with Borduria in 2013.", "false"),
    ("Ruritania restored its relations with Borduria in April 2011.", "false"),
    ("Ruritania did not restore its relations with Borduria in 2011.", "false"),
])
def test_a_verbs_phrase_with_any_possessive(reconciled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(reconciled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_base_form_that_is_also_an_adverb() -> None:
    assert adverb_base_form("opened") == "open"
    assert adverb_base_form("opened to traffic") == "open to traffic"
    assert adverb_base_form("approve") is None  # its base form is among its forms already


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "open" of "opened", "close" of "closed": the verb after "did", "not", "to" or a modal
    ("The Harbour Tunnel did not open until April 2022.", "true"),
    ("The Harbour Tunnel did not open until 2023.", "false"),
    ("Riverside Depot did not close in 2021.", "false"),
    ("Riverside Depot did not close until June 2021.", "true"),
    # elsewhere it may be the adjective: a state, not the event
    ("The Harbour Tunnel was open in 2023.", "unproven"),
    ("Riverside Depot stood close to the harbour in 2021.", "unproven"),
])
def test_a_verb_that_may_be_an_adverb_after_an_auxiliary(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "headed the transit authority": the office named "head of the transit authority"
    ("Tomas Quill headed the transit authority from 2017 to 2024.", "true"),
    ("Tomas Quill headed the KVTA in 2019.", "true"),
    ("Tomas Quill headed the KVTA from 2015 to 2024.", "false"),
    ("Tomas Quill headed the KVTA from 2017 to 2022.", "false"),
    ("Ilse Marrow headed the transit authority in 2019.", "false"),
    ("Tomas Quill did not head the KVTA in 2019.", "false"),
    ("Tomas Quill has headed the KVTA since 2017.", "false"),
    # another word of the relation names no such office: "led" is no "head of"
    ("Tomas Quill led the KVTA from 2017 to 2024.", "unproven"),
    ("Dana Ferro headed Valdora in 2015.", "unproven"),
])
def test_a_state_towards_the_body_an_office_is_named_after(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a verb that lends its place to an event noun, past the party given to
    ("The council gave the Harbour Tunnel the green light in November 2015.", "true"),
    ("The council gave the Harbour Tunnel its approval in November 2015.", "true"),
    ("In 2015 the council gave the Harbour Tunnel the green light.", "true"),
    ("The council gave the Harbour Tunnel the green light in 2016.", "false"),
    ("The transit authority gave the Harbour Tunnel the green light in November 2015.", "unproven"),
    # the denial is not lost: not checked
    ("The council did not give the Harbour Tunnel the green light in 2015.", "unproven"),
])
def test_a_support_verb_past_the_party_given_to(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "stopped" or "ceased" before a state's verb in -ing: its end
    ("Greyline stopped running Valdora's buses at the end of 2020.", "true"),
    ("Greyline ceased operating the city's buses in December 2020.", "true"),
    ("Greyline stopped running Valdora's buses in 2018.", "false"),
    ("Brenmoor stopped being a member of the KVTA in 2015.", "false"),
    # and a denial up to a date of that end: it ended then, not before
    ("Greyline did not stop running the buses until 2020.", "true"),
    ("Greyline did not stop running the buses until 2019.", "false"),
    ("Dana Ferro did not step down as mayor until 2020.", "true"),
    # of an event that repeats, no end is said: not checked
    ("The rail union stopped striking in 2023.", "unproven"),
])
def test_a_stop_before_a_state_is_its_end(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a date between the parties of a copula is when they stood so
    ("The KVTA's chief executive from 2017 to 2024 was Tomas Quill.", "true"),
    ("The KVTA's chief executive from 2015 to 2024 was Tomas Quill.", "false"),
    ("Valdora's mayor in 2015 was Dana Ferro.", "true"),
    ("Valdora's mayor in 2021 was Dana Ferro.", "false"),
    ("Valdora's mayor in 2021 was not Dana Ferro.", "true"),
    ("Dana Ferro was in 2021 Valdora's mayor.", "false"),
    # "served as one of" says no more than "was one of"
    ("In 2015 Dana Ferro served as one of the mayors of Valdora.", "true"),
    ("In 2022 Dana Ferro served as one of the mayors of Valdora.", "false"),
])
def test_a_copula_with_its_date_between_the_parties(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "it was not until D that X": X happened at D, not before
    ("It was not until September 2019 that the Northline opened to passengers.", "true"),
    ("It was not until October 2019 that the Northline opened to passengers.", "false"),
    ("It was not until 2017 that Tomas Quill became chief executive.", "true"),
    ("It was not until 2018 that Tomas Quill became chief executive.", "false"),
])
def test_a_cleft_denial_until_a_date(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a participle opening the sentence says its statement of the main clause's first party
    ("Approved in November 2015, the Harbour Tunnel opened in April 2022.", "true"),
    ("Approved in 2016, the Harbour Tunnel opened in April 2022.", "false"),
    ("Approved by the council in November 2015, the Harbour Tunnel opened in April 2022.", "true"),
    ("Opened in September 2019, the Northline carried 21 million passengers in 2023.", "true"),
    ("Opened in 2018, the Northline carried 21 million passengers in 2023.", "false"),
    ("Having joined the KVTA in 2012, Ashby ordered trams.", "false"),
    ("Having ordered Citylink trams from Corvane in June 2017, the KVTA has run the Northline since September 2019.",
     "true"),
    ("Having ordered Citylink trams from Corvane in 2016, the KVTA has run the Northline since September 2019.",
     "false"),
    # another doer than the facts', or a main clause that opens with no party: not read so
    ("Approved by the KVTA in November 2015, the Harbour Tunnel opened in April 2022.", "unproven"),
    ("Approved in November 2015, it opened in April 2022.", "unproven"),
])
def test_a_fronted_participle(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # its doers joined by "and", past an article: all of them, as after "was brokered by"
    ("Brokered by Turkey and the UN, the grain deal was signed in Istanbul on 22 July 2022.", "true"),
    ("Brokered by Turkey and the UN, the grain deal was signed in Istanbul on 22 July 2021.", "false"),
    ("Brokered by Russia and the UN, the grain deal was signed in Istanbul on 22 July 2022.", "unproven"),
    ("The grain deal was brokered by Russia and the UN in July 2022.", "unproven"),
])
def test_a_fronted_participle_with_joined_doers(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a start or end word, "as" and a noun of its relation: one statement, with the verb's date
    ("Greyline took over as the operator of the city's buses in April 2004.", "true"),
    ("Greyline took over as operator of the city's buses in 2010.", "false"),
    ("The KVTA took over as operator of the city's buses in 2023.", "false"),
    # or an office: the start or end of holding it
    ("Ilse Marrow took over as mayor in May 2020.", "true"),
    ("Ilse Marrow took over as mayor in 2018.", "false"),
    ("Dana Ferro took over as mayor in 2020.", "false"),
    ("Tomas Quill took over as chief executive of the KVTA in March 2017.", "true"),
    ("Ilse Marrow did not take over as mayor until 2020.", "true"),
])
def test_a_change_of_state_said_with_as(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    # a party that only modifies the noun after it is not the party these readings need
    "Tomas Quill headed the transit authority's finance department in 2019.",
    "Tomas Quill headed the KVTA finance team in 2019.",
    "The KVTA's members include Brenmoor's council.",
    "Ilse Marrow took over as mayor's chief of staff in May 2020.",
])
def test_a_possessor_or_modifier_is_not_the_party(transit: Engine, sentence: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "took on the role of" and a state's noun: its start; "played the role of": it held
    ("Greyline took on the role of operator of the city's buses in April 2004.", "true"),
    ("Greyline took on the role of operator of the city's buses in 2010.", "false"),
    ("Greyline played the role of operator of the city's buses in 2010.", "true"),
    ("Greyline played the role of operator of the city's buses in 2022.", "false"),
    # "has taken on" would say it holds still: not read
    ("Greyline has taken on the role of operator of the city's buses.", "unproven"),
])
def test_a_role_of_a_state_noun(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Turkey took on the role of mediator for the grain deal in 2022.", "true"),
    ("Turkey played the role of mediator in the grain deal in 2022.", "true"),
    ("Turkey took on the role of mediator for the grain deal in 2019.", "false"),
    # denied, an aim, refused or offered: not read
    ("Turkey never took on the role of mediator for the grain deal.", "unproven"),
    ("Turkey hoped to take on the role of mediator for the grain deal in 2022.", "unproven"),
    ("Turkey refused the role of mediator for the grain deal in 2022.", "unproven"),
    ("Turkey was offered the role of mediator for the grain deal in 2022.", "unproven"),
])
def test_a_role_of_a_relation_noun(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a possessor's term as an office, then a word that starts or ends it
    ("Dana Ferro's term as mayor ended in May 2020.", "true"),
    ("Dana Ferro's term as mayor ended in 2018.", "false"),
    ("Dana Ferro's term as mayor began in 2012.", "true"),
    ("Dana Ferro's term as mayor began in 2015.", "false"),
    ("Tomas Quill's tenure as chief executive ended in 2023.", "false"),
    # with no such word it is not read
    ("Dana Ferro's term as mayor was praised in 2021.", "unproven"),
    ("Dana Ferro's term as mayor lasted until 2020.", "unproven"),
])
def test_a_term_as_an_office(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
