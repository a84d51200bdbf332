"""The reader's vocabulary: a ledger lists lemmas, the reader finds every form of them; aliases,
synonyms and numbers written in words, all on made-up topics."""

from __future__ import annotations

import pytest

from factcheck.ledger import load_or_raise
from factcheck.reading import verify_text
from factcheck.reading.vocabulary import verb_forms
from factcheck.verdict import Engine

from .conftest import TESTS, TODAY

READING = TESTS / "ledgers" / "reading"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_or_raise(READING))


@pytest.mark.parametrize(("listed", "forms"), [
    ("withdraw", {"withdraw", "withdraws", "withdrawing", "withdrew", "withdrawn"}),
    ("leave", {"leave", "leaves", "leaving", "left"}),
    ("ratified", {"ratified", "ratify", "ratifies", "ratifying"}),
    ("shot down", {"shot down", "shoot down", "shoots down", "shooting down"}),
    ("took office", {"took office", "take office", "takes office", "taking office", "taken office"}),
    ("ratification", {"ratification"}),          # not a verb
    ("talks with", {"talks with"}),              # a noun first: a talk is not a meeting
    ("part of", {"part of"}),
])
def test_a_listed_word_stands_for_every_form_of_its_verb(listed: str, forms: set[str]) -> None:
    assert set(verb_forms(listed)) == forms


def test_forms_that_read_as_something_else_are_not_added() -> None:
    assert "down" not in verb_forms("downed")      # an adverb, not a form of "to down"
    assert verb_forms("reported") == ["reported"]  # says who said it: read as an attribution
    assert verb_forms("became") == ["became"]      # grammar: a change of state of any relation


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the ledger lists "ratify", "withdraw", "leave", "join", "tour", "visit": every form is read
    ("Ruritania ratifies the River Accord in 1998", "true"),
    ("The River Accord was ratified by Ruritania on 12 June 1998", "true"),   # passive
    ("Ruritania ratified the River Accord in 1996", "false"),
    ("Ruritania withdrew from the Northern Pact in 2019", "false"),
    ("Ruritania has withdrawn from the Northern Pact", "false"),
    ("Ruritania was leaving the Northern Pact in 2019", "false"),
    ("Ruritania joins the Pact in 1961", "true"),
    ("King Rudolf was touring Syldavia in 2005", "true"),
    ("Syldavia was visited by King Rudolf in 2005", "true"),
])
def test_every_form_of_a_listed_verb_is_read(engine: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)


def _relations(engine: Engine, text: str) -> list[str]:
    from factcheck.reading.text import tokens
    from factcheck.reading.vocabulary import Vocabulary

    return [m.target for m in Vocabulary(engine.ledger).relation_mentions(tokens(text), set())]


def test_a_bare_word_its_ending_strips_to_is_not_the_listed_verb(engine: Engine, transit: Engine) -> None:
    assert _relations(transit, "the council backed the tunnel") == ["approved"]
    assert _relations(transit, "the council came back") == []  # "backed" strips to "back", an adverb
    assert sorted(_relations(engine, "Ruritania has ten members")) == ["member-count", "member-of"]
    # member-count lists "members": its singular is read too (read() keeps a value word only beside a number)
    assert sorted(_relations(engine, "Ruritania is a member")) == ["member-count", "member-of"]


@pytest.mark.parametrize(("text", "numbers"), [
    ("seventy-four members", [(0, 1, 74)]),
    ("seventy four members", [(0, 1, 74)]),
    ("twenty-one million riders", [(0, 1, 21)]),        # the scale is the unit, as after "21"
    ("three hundred and five votes", [(0, 3, 305)]),
    ("two thousand and nine votes", [(0, 3, 2009)]),
    ("one million riders", [(0, 0, 1)]),
    ("one of the members", []),                          # a pronoun
    ("the two leaders met", []),                         # points back, counts nothing
    ("nineteen eighty-four", []),                        # a year said aloud
    ("half a billion crowns", [(0, 1, 0.5)]),           # the scale after it, as after "0.5"
    ("the twentieth member", []),
])
def test_numbers_written_in_words(text: str, numbers: list[tuple[int, int, float]]) -> None:
    from factcheck.reading.text import spelled_numbers, tokens

    assert spelled_numbers(tokens(text)) == numbers


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Trade League had twenty-seven members in 2020", "true"),
    ("The Trade League had twenty-six members in 2020", "false"),
    ("The Trade League had some twenty-six members in 2020", "mostly-true"),
    ("The Trade League had forty members in 2020", "false"),
    ("The Trade League had 40% more members in 2020", "unproven"),         # a share, not a count
    ("The Trade League grew by ten per cent in 2020", "unproven"),
])
def test_numbers_in_words_are_checked_like_digits(engine: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The Northline had a fleet of thirty-eight trams in 2024.", "true"),
    ("The Northline had a fleet of forty-five trams in 2024.", "false"),
    ("The Northline carried twenty-one million passengers in 2023.", "true"),   # the ledger's claim
    ("In 2023 the Northline carried twenty-one million riders.", "true"),
    ("The Northline carried thirty million passengers in 2023.", "false"),
])
def test_numbers_in_words_on_the_transit_ledger(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # "give" is a relation word of its own (donated), and a support verb before "a speech"
    ("King Rudolf gave a speech to the Northern Pact on 4 May 2001", "true"),
    ("King Rudolf delivered a speech to the Northern Pact on 4 May 2001", "true"),
    ("King Rudolf gave a speech to the Northern Pact on 4 May 2011", "unproven"),   # repeatable
    # "numbered", "totalled" before a count say no more than "had"
    ("The Trade League's members numbered 27 in 2020", "true"),
    ("The Trade League's members totalled 40 in 2020", "false"),
    ("The Trade League counted 27 members in 2020", "true"),
    # "came" after an event noun says no more than "was"
    ("King Rudolf's coronation came in March 1990", "true"),
    ("King Rudolf's coronation came in 1991", "false"),
])
def test_support_and_light_verbs(engine: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)
    grammar = ("gave", "delivered", "numbered", "totalled", "counted", "came")
    assert not any(u.text in grammar for u in v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "unread"), [
    ("Ruritania, a Pact member, counted the votes", "counted"),      # no number after it
    ("Ruritania, a Pact member, came to Syldavia's aid", "came"),     # no event noun before it
])
def test_count_and_event_verbs_elsewhere_are_predicates(engine: Engine, sentence: str, unread: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == "unproven", v.reason
    assert unread in [u.text for u in v.claim.unchecked]


@pytest.mark.parametrize(("sentence", "verdict"), [
    # synonyms a curator lists in the transit ledger, in any form
    ("Brenmoor pulled out of the KVTA in 2015.", "false"),
    ("The council endorsed the Harbour Tunnel in November 2015.", "true"),
    ("The council endorsed the Harbour Tunnel in 2018.", "false"),
    ("The rail union walked out in March 2023.", "true"),
    # "sign" lends its place to an event noun: signing an order is the order
    ("The KVTA signed an order for Corvane trams on 20 June 2017.", "true"),
    ("The KVTA signed an order for Corvane trams in 2018.", "false"),
    ("The KVTA signed the petition in 2017.", "unproven"),
    ("The council gave the green light to the Harbour Tunnel in November 2015.", "true"),
])
def test_curated_synonyms_on_the_transit_ledger(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)


def test_a_name_written_out_of_order_has_no_verb_between_its_words(transit: Engine) -> None:
    # "Ashby town" is an alias: its words with "is a member" between them are two statements
    v = verify_text(transit, "Ashby is a member town of the KVTA.", TODAY)
    assert v.verdict == "false", v.reason
    from factcheck.reading.text import tokens
    from factcheck.reading.vocabulary import Vocabulary

    mentions, _ = Vocabulary(transit.ledger).entity_mentions(tokens("Ashby is a member town"))
    assert [(m.target, m.first, m.last) for m in mentions] == [("ashby", 0, 0)]



@pytest.mark.parametrize("sentence", [
    "Turkey delivered the S-400 in July 2019.",           # the relation is "received": its subject is the receiver
    "Russia and Turkey patched up relations in 2014.",     # a synonym keeps the date's check
    "Turkey pulled out of NATO in 2019.",
    "Washington slapped sanctions on Ankara in December 2019.",
])
def test_a_synonym_never_makes_a_false_sentence_true(bundled: Engine, sentence: str) -> None:
    assert verify_text(bundled, sentence, TODAY).verdict not in ("true", "mostly-true")


@pytest.mark.parametrize(("text", "date", "words"), [
    ("on 2014/03/18", "2014-03-18", (1, 3)),
    ("on 2014.03.18", "2014-03-18", (1, 3)),
    ("on 18-03-2014", "2014-03-18", (1, 3)),          # was read as the year alone
    ("on 18-Mar-2014", "2014-03-18", (1, 3)),
    ("on March 18th, 2014", "2014-03-18", (1, 3)),
    ("until the end of 2020", "2020-12", (1, 4)),
    ("at the start of 2015", "2015-01", (1, 4)),
    ("in the course of 2016", "2016", (1, 4)),
    ("in late 2017", "2017", (2, 2)),                 # "late" names no one month: left out, not checked
    ("in mid-March 2014", "2014-03", (2, 3)),
])
def test_date_shapes(text: str, date: str, words: tuple[int, int]) -> None:
    from factcheck.reading.extract import find_dates

    [mention] = find_dates(text)[0]
    assert (str(mention.date), (mention.first, mention.last)) == (date, words)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Ruritania ratified the River Accord on 1998/06/12", "true"),
    ("Ruritania ratified the River Accord on 13-07-1998", "false"),
    ("Ruritania ratified the River Accord on 12-06-1998", "unproven"),      # 12 June or 6 December
    ("Ruritania ratified the River Accord at the end of 1998", "false"),   # December, not June
    ("Ruritania ratified the River Accord in late 1996", "false"),         # the year is still checked
    ("Ruritania ratified the River Accord in late 1998", "false"),         # July to December, not June
    ("Ruritania ratified the River Accord in mid-1998", "true"),           # surely May to August
    ("Ruritania ratified the River Accord in early June 1998", "unproven"),  # the 12th may or may not be early
    ("Ruritania ratified the River Accord in Q2 1998", "true"),            # a quarter: April to June
    ("Ruritania ratified the River Accord in Q3 1998", "false"),
    ("Ruritania ratified the River Accord in the third quarter of 1998", "false"),
    ("Ruritania ratified the River Accord in the second quarter of 1998", "true"),
    ("Ruritania ratified the River Accord in H1 1998", "true"),            # a half: January to June
    ("Ruritania ratified the River Accord in H2 1998", "false"),
])
def test_a_part_of_a_year_is_never_read_as_the_whole_year(engine: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("NATO pulled out of Kabul in August 2021.", "true"),        # a capital for its state
    ("NATO pulled out of Kabul in 2019.", "false"),
    ("Relations between Russia and Turkey thawed in June 2016.", "true"),
    ("Russia and Turkey thawed in 2014.", "false"),
])
def test_aliases_and_synonyms_of_the_bundled_ledger(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)


def test_inside_a_phrase_only_the_last_word_takes_another_ending(transit: Engine) -> None:
    # the transit ledger lists "part of" (membership) and "price tag" (cost)
    assert _relations(transit, "Brenmoor is part of the KVTA") == ["member-of"]
    assert _relations(transit, "the first parts of the tunnel") == []      # pieces, not a membership
    assert _relations(transit, "the tunnel's price tags") == ["cost"]      # the last word may be plural


def test_the_claim_index_is_keyed_by_the_lexicon_it_read_verb_forms_from(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.reading import index, lexicon

    before = index._code_digest()
    monkeypatch.setattr(lexicon, "fingerprint", lambda: b"another lemminflect")
    assert index._code_digest() != before


@pytest.mark.parametrize("sentence", [
    "Shoigu replaced Serdyukov as defence minister in 2012.",   # Shoigu's start, not his end
    "Simsek dismissed the concerns in 2017.",                    # rejected them; kept his office
])
def test_a_verb_whose_object_holds_the_office_is_read_in_the_passive_only(bundled: Engine, sentence: str) -> None:
    assert verify_text(bundled, sentence, TODAY).verdict != "false"


def test_the_passive_of_such_a_verb_ends_the_office(bundled: Engine) -> None:
    assert verify_text(bundled, "Shoigu was replaced as defence minister in May 2024.", TODAY).verdict == "true"
    assert verify_text(bundled, "Shoigu was dismissed as defence minister in 2020.", TODAY).verdict == "false"


def test_a_generic_verb_is_listed_in_the_phrase_that_means_the_relation(transit: Engine) -> None:
    # "lose" alone ended an operation: "Greyline lost money in 2019" came out false
    assert verify_text(transit, "Greyline lost money in 2019.", TODAY).verdict == "unproven"


@pytest.mark.parametrize(("british", "american"), [
    ("harbour", "harbor"), ("harbours", "harbors"), ("criticised", "criticized"),
    ("organisation", "organization"), ("defence", "defense"), ("centre", "center"), ("licence", "license"),
])
def test_british_and_american_spellings_read_alike(british: str, american: str) -> None:
    from factcheck.reading.text import stem

    assert stem(british) == stem(american)


@pytest.mark.parametrize(("word", "other"), [("four", "for"), ("hour", "hor"), ("sense", "sence")])
def test_short_words_keep_their_spelling(word: str, other: str) -> None:
    from factcheck.reading.text import stem

    assert stem(word) != stem(other)


def test_a_name_in_the_other_spelling_is_the_same_name(transit: Engine) -> None:
    assert verify_text(transit, "The Harbor Tunnel opened on 2 April 2022.", TODAY).verdict == "true"
    assert verify_text(transit, "The Harbor Tunnel opened on 2 April 2021.", TODAY).verdict == "false"


class _Counted(dict):
    """Stem -> position, counting how often a stem is looked up."""

    lookups = 0

    def __contains__(self, stem: object) -> bool:
        _Counted.lookups += 1
        return super().__contains__(stem)


def _work_to_find_names(shared: int, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[str, int, int]], int]:
    """The names found in one sentence, and the phrases and names looked at to find them, with
    `shared` other names starting "Treaty of" or ending "Pact" in the vocabulary."""
    from factcheck.reading import vocabulary
    from factcheck.reading.text import tokens

    index = vocabulary._PhraseIndex()
    for name, target in [("Treaty of Velmar", "velmar"), ("Ostrin Pact", "ostrin"), ("Harbour Gate Pact", "gate")]:
        index.add(name, target)
    for number in range(shared):
        index.add(f"Treaty of Place{number}", f"t{number}")
        index.add(f"Pact of Place{number}", f"p{number}")
        index.add(f"Place{number} Pact", f"q{number}")
    written = 0
    original = vocabulary._PhraseIndex._written

    def counted(self, *args):  # type: ignore[no-untyped-def]
        nonlocal written
        written += 1
        return original(self, *args)

    monkeypatch.setattr(vocabulary._PhraseIndex, "_written", counted)
    words = tokens("The Treaty of Velmar bound the Ostrin Pact, and the Pact of the Harbour Gate was signed")
    found = index.find(words, set())
    positions = _Counted()
    for at, word in enumerate(words):
        positions.setdefault(word.stem, at)
    _Counted.lookups = 0
    bags = index.bags_within(positions)
    return [(m.target, m.first, m.last) for m in found] + [(t, 0, 0) for _, t in bags], written + _Counted.lookups


def test_finding_names_costs_the_same_however_many_names_share_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    few, few_work = _work_to_find_names(2, monkeypatch)
    many, many_work = _work_to_find_names(2000, monkeypatch)
    # phrases in order, then names whose words all occur (in any order): all three of them
    assert few == many == [("velmar", 1, 3), ("ostrin", 6, 7), ("velmar", 0, 0), ("ostrin", 0, 0), ("gate", 0, 0)]
    assert many_work == few_work


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Ruritania joined the N.P. in 1961.", "true"),           # "NP" with its full stops
    ("Ruritania joined the N.P. in 1971.", "false"),
    ("Borduria has never joined the N.P.", "true"),
    ("Borduria is a member of the N.P.", "false"),
])
def test_an_initialism_with_full_stops_is_one_word(engine: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)


def test_initialisms_fold_as_their_letters() -> None:
    from factcheck.reading.text import tokens

    assert [(t.word, t.raw, t.upper) for t in tokens("the U.S. and U.N.")] == [
        ("the", "the", False), ("us", "U.S.", True), ("and", "and", False), ("un", "U.N.", True)]
    assert [t.word for t in tokens("St. Petersburg, J. Smith")] == ["st", "petersburg", "j", "smith"]


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("The U.S. sanctioned Turkey under CAATSA in December 2020.", "true"),  # its "S." is no possessive "'s"
    ("Turkey was sanctioned by the U.S. in December 2020.", "true"),
    ("The U.N. and Turkey brokered the Black Sea Grain Initiative in July 2022.", "true"),
    ("The U.N. and Turkey brokered the Black Sea Grain Initiative in July 2021.", "false"),
])
def test_initialisms_of_the_bundled_ledger(bundled: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)


@pytest.mark.parametrize("sentence", [
    # a date said as one of two, as a span written short, or compared is not checked, nor read as
    # the year it starts with; a year written onto letters ("FY1998") is no date the reader reads
    "Ruritania ratified the River Accord in either 1997 or 1998",
    "Ruritania ratified the River Accord in 1998 or 1999",
    "Ruritania ratified the River Accord in 1997-98",
    "Ruritania ratified the River Accord in 1997/98",
    "Ruritania ratified the River Accord no later than 1999",
    "Ruritania ratified the River Accord in FY1997",
])
def test_a_date_that_is_no_one_date_is_not_checked(engine: Engine, sentence: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == "unproven", (sentence, v.reason, v.claim.unchecked)
