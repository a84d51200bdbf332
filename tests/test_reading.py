"""Free text: sentences and articles read with a ledger's own vocabulary, on a made-up topic."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.ledger import load_or_raise
from factcheck.model import PartialDate
from factcheck.reading import extract, reader_for, scan_text, verify_text
from factcheck.reading.extract import find_dates
from factcheck.reading.scan import split
from factcheck.verdict import Engine

from .conftest import REPO, TESTS, TODAY

READING = TESTS / "ledgers" / "reading"
runner = CliRunner()


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_or_raise(READING))



@pytest.mark.parametrize(("text", "dates"), [
    ("in 2013", [PartialDate(2013)]),
    ("in March 2014", [PartialDate(2014, 3)]),
    ("on 18 March 2014", [PartialDate(2014, 3, 18)]),
    ("on the 18th of March, 2014", [PartialDate(2014, 3, 18)]),
    ("on March 18, 2014", [PartialDate(2014, 3, 18)]),
    ("on 2014-03-18", [PartialDate(2014, 3, 18)]),
    ("from Sept. 2001 to 2003", [PartialDate(2001, 9), PartialDate(2003)]),
    ("with 70 members", []),
])
def test_dates_at_their_precision(text: str, dates: list[PartialDate]) -> None:
    assert [mention.date for mention in find_dates(text)[0]] == dates


@pytest.mark.parametrize(("sentence", "verdict"), [
    # dates at their precision
    ("Ruritania ratified the River Accord in 1996", "false"),
    ("Ruritania ratified the River Accord in June 1998", "true"),
    ("The river treaty was ratified by Strelsau on 12 June 1998", "true"),      # passive, aliases
    ("The accord on the river dates from 1998", "unproven"),                   # no verb: nothing is read into it
    # states, their start and end
    ("Ruritania is a member of the Northern Pact", "true"),
    ("Ruritania joined the Pact in 1961", "true"),
    ("Ruritania joined the Pact in 1975", "false"),
    ("Ruritania left the Northern Pact in 2019", "false"),
    ("Borduria is a member of the Northern Pact", "false"),
    ("Borduria has never been a member of the Northern Pact", "true"),
    ("Szohôd is not a Pact member", "true"),                                   # accents folded
    # repeatable events, numbers
    ("King Rudolf toured Syldavia in 2005", "true"),
    ("King Rudolf toured Syldavia in 2011", "unproven"),                       # an unrecorded tour is not false
    ("The Trade League had 27 members in 2020", "true"),
    ("The Trade League had 26 members in 2020", "false"),  # a count written exactly: right to the digit
    ("The Trade League had about 26 members in 2020", "mostly-true"),
    ("The Trade League had 40 members in 2020", "false"),
    # several dates: each verb takes the nearest; "after" and "before" bound it
    ("Ruritania joined the Pact in 1961 and ratified the River Accord in 1998", "true"),
    ("Ruritania ratified the River Accord after 1995", "true"),
    ("Ruritania ratified the River Accord before 1995", "false"),
    ("Ruritania, a Pact member since 1961, ratified the River Accord in 1998", "true"),
    ("Ruritania, a Pact member since 1970, ratified the River Accord in 1998", "false"),
    # what the facts do not cover, predictions, questions
    ("Ruritania will build a space station in 2090", "unproven"),
    ("Borduria exports cheese to Syldavia", "unproven"),
    ("Ruritania will join the Trade League", "unproven"),
    ("Did Ruritania leave the Northern Pact?", "unproven"),
    ("Is Strelsau Drifting Toward Borduria?", "unproven"),
    # a headline's "to" after its parties says what is to happen, as "will" does
    ("Ruritania To Join Northern Pact", "unproven"),
    ("King Rudolf To Tour Syldavia", "unproven"),
    ("Ruritania To Join Northern Pact In 1961", "true"),  # a date passed: judged as a statement
])
def test_free_text_verdicts(engine: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == verdict, (sentence, v.reason)
    assert v.claim.id == "" and v.rating[0] == "F"  # no ledger claim, no source to grade


def test_a_paraphrase_of_a_ledger_claim_reports_that_claim(engine: Engine) -> None:
    v = verify_text(engine, "The River Accord was ratified by Strelsau in 1997", TODAY)
    assert (v.claim.id, v.verdict) == ("gazette-accord-1997", "false")
    assert v.match_score is not None and v.match_score >= 85


@pytest.mark.parametrize("sentence", [
    "The Harbour Tunnel opened in April 2022?",
    "The Northline finally opened in September 2019?",
    "Mayor Dana Ferro?",
])
def test_a_question_is_not_made_true_by_the_claim_it_matches(transit: Engine, sentence: str) -> None:
    """The ledger's claim states it as a fact; asked, it asserts nothing."""
    assert verify_text(transit, sentence.rstrip("?"), TODAY).verdict == "true"
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.id)


def test_another_date_is_another_claim(engine: Engine) -> None:
    v = verify_text(engine, "Strelsau ratified the River Accord in 1998", TODAY)
    assert v.claim.id == "" and v.verdict == "true"


@pytest.mark.parametrize(("sentence", "unread"), [
    ("King Rudolf toured Syldavia in 2005, some years after Ruritania ratified the River Accord.", "after"),
    ("King Rudolf secretly toured Syldavia in 2005.", "secretly"),
])
def test_a_link_between_statements_or_a_manner_is_not_checked(engine: Engine, sentence: str, unread: str) -> None:
    assert verify_text(engine, "King Rudolf toured Syldavia in 2005.", TODAY).verdict == "true"
    verification = verify_text(engine, sentence, TODAY)
    assert verification.verdict == "unproven"
    assert unread in [part.text for part in verification.claim.unchecked]


def test_names_are_not_enough(engine: Engine) -> None:
    v = verify_text(engine, "Ruritania and the Northern Pact held a festival in 1961", TODAY)
    assert v.verdict == "unproven"


def test_lowercase_us_is_not_an_acronym() -> None:
    engine = Engine(load_or_raise(REPO))
    reading = reader_for(engine).reading("Connect with us")
    assert reading.entities == []


ARTICLE = """Menu

Strelsau Quits Northern Pact To Join Borduria - Report

Strelsau Quits Northern Pact To Join Borduria - Report

Ruritania ratified the River Accord in 1997, officials said. King Rudolf toured Syldavia in 2005.
The Trade League had 27 members in 2020. Ruritania remains a member of the Northern Pact.
Nothing else happened.
"""


def test_scan_splits_headline_and_sentences(engine: Engine) -> None:
    headline, body = split(reader_for(engine), ARTICLE)
    assert headline == "Strelsau Quits Northern Pact To Join Borduria - Report"
    assert body[1:4] == ["Ruritania ratified the River Accord in 1997, officials said.",
                         "King Rudolf toured Syldavia in 2005.", "The Trade League had 27 members in 2020."]


def test_scan_flags_false_statements_and_an_unsupported_headline(engine: Engine) -> None:
    items = scan_text(engine, ARTICLE, TODAY)
    verdicts = {item.text: item.verification.verdict for item in items}
    assert items[0].kind == "headline"
    assert items[0].verification.verdict in ("false", "misleading")
    assert verdicts["Ruritania ratified the River Accord in 1997, officials said."] == "false"
    assert verdicts["King Rudolf toured Syldavia in 2005."] == "true"
    assert verdicts["Ruritania remains a member of the Northern Pact."] == "true"
    assert "Nothing else happened." not in verdicts  # not check-worthy


def test_a_headline_its_body_supports_is_judged_on_the_facts(engine: Engine) -> None:
    article = "Ruritania To Tour Syldavia Again\n\nKing Rudolf of Ruritania toured Syldavia in 2005.\n"
    [headline, *_] = scan_text(engine, article, TODAY)
    assert headline.verification.verdict != "misleading"


def test_a_sentence_of_prose_repeating_its_headline_supports_it(engine: Engine) -> None:
    for body in ("King Rudolf toured Syldavia in 2005.", "Crowds gathered. King Rudolf toured Syldavia in 2005."):
        headline, *items = scan_text(engine, f"King Rudolf toured Syldavia in 2005\n\n{body}\n", TODAY)
        assert headline.verification.verdict == "true", body
        assert [item.text for item in items] == ["King Rudolf toured Syldavia in 2005."]


def test_subheadings_and_links_do_not_support_a_headline(engine: Engine) -> None:
    article = ("Ruritania Will Crown Borduria's King\n\nAlso Read: Ruritania To Crown Borduria's King\n\n"
               "Ruritania ratified the River Accord in June 1998.\n")
    [headline, *_] = scan_text(engine, article, TODAY)
    assert headline.verification.verdict == "misleading"


def test_a_wall_of_text_as_headline_is_verified_in_pieces_not_held_against_the_body(engine: Engine) -> None:
    """A first line of more than one piece (60 words) is no headline to read whole: reading it
    whole for its gist cost more than all its pieces (a 1 MB one-line article)."""
    wall = ", ".join(["King Rudolf toured Syldavia in 2005"] * 12)
    [headline, *_] = scan_text(engine, f"{wall}\n\nNothing else happened.\n", TODAY)
    assert headline.kind == "headline"
    assert headline.verification.verdict != "misleading"  # not "no sentence of the body says it"


FILLER = " ".join(["crowds gathered in the square and waited"] * 12)


def test_a_long_sentence_is_kept_when_any_of_its_pieces_is_worth_checking(engine: Engine) -> None:
    """A sentence longer than one piece is verified as it is read: its worth is any piece's."""
    late = f"{FILLER}, and Ruritania ratified the River Accord in 1997"
    plain = f"{FILLER}, and then they went home"
    items = scan_text(engine, f"Nothing Happened Today\n\n{late}.\n\n{plain}.\n", TODAY)
    assert [(item.kind, item.verification.verdict) for item in items] == [("headline", "unproven"),
                                                                         ("sentence", "false")]
    assert items[1].text.startswith("crowds gathered")


def test_a_piece_of_a_long_sentence_can_say_what_the_headline_says(engine: Engine) -> None:
    article = f"King Rudolf Toured Syldavia\n\n{FILLER}, and King Rudolf toured Syldavia in 2005.\n"
    [headline, sentence] = scan_text(engine, article, TODAY)
    assert headline.verification.verdict != "misleading" and sentence.kind == "sentence"
    unsupported = scan_text(engine, f"King Rudolf Toured Syldavia\n\n{FILLER}, and Ruritania ratified the "
                                    "River Accord in 1998.\n", TODAY)
    assert unsupported[0].verification.verdict == "misleading"


def test_verify_shows_each_piece_it_reads() -> None:
    reader = reader_for(Engine(load_or_raise(READING)))
    seen: list[str] = []
    reader.verify("King Rudolf toured Syldavia in 2005", TODAY, observe=lambda r: seen.append(r.text))
    assert seen == ["King Rudolf toured Syldavia in 2005"]
    seen.clear()
    reader.verify(f"{FILLER}, and King Rudolf toured Syldavia in 2005", TODAY, observe=lambda r: seen.append(r.text))
    assert len(seen) > 1 and seen[-1].endswith("King Rudolf toured Syldavia in 2005")


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_cli_verify_free_text_every_format() -> None:
    sentence = "Ruritania joined the Pact in 1975"
    code, out, _ = run("verify", sentence, "-d", str(READING))
    assert code == 0 and "(free text: no ledger claim matched)" in out and "Verdict: false" in out
    record = json.loads(run("verify", sentence, "-d", str(READING), "-f", "json")[1])
    assert record["id"] is None and record["verdict"] == "false"
    assert record["evidence"][0]["fact"] == "ruritania-in-pact"
    assert "- **Verdict:** false" in run("verify", sentence, "-d", str(READING), "-f", "markdown")[1]
    rows = list(csv.DictReader(io.StringIO(run("verify", sentence, "-d", str(READING), "-f", "csv")[1])))
    assert rows[0]["fact"] == "ruritania-in-pact"


def test_cli_verify_matched_claim_json() -> None:
    record = json.loads(run("verify", "The River Accord was ratified by Strelsau in 1997", "-d", str(READING),
                            "-f", "json")[1])
    assert record["id"] == "gazette-accord-1997" and record["match_score"] >= 85


def test_cli_scan_every_format(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run("scan", str(article), "-d", str(READING))
    assert code == 0 and "Ruritania ratified the River Accord in 1997" in out and "flagged" in out
    records = json.loads(run("scan", str(article), "-d", str(READING), "-f", "json", "--all")[1])
    assert {"text", "kind", "verdict", "evidence"} <= records[0].keys()
    assert [r["kind"] for r in records][:2] == ["headline", "sentence"]
    assert "| headline " in run("scan", str(article), "-d", str(READING), "-f", "markdown")[1]
    rows = list(csv.DictReader(io.StringIO(run("scan", "-", "-d", str(READING), "-f", "csv", stdin=ARTICLE)[1])))
    assert {r["verdict"] for r in rows} <= {"false", "misleading"} and rows


def test_cli_scan_unreadable_file(tmp_path: Path) -> None:
    code, out, err = run("scan", str(tmp_path / "missing.txt"), "-d", str(READING))
    assert code == 2 and out == "" and "cannot read" in err
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00")
    assert run("scan", str(binary), "-d", str(READING))[0] == 2


BUNDLED = [
    ("Putin signed the treaty on Crimea's accession to Russia in 2013", "false"),
    ("The treaty absorbing Crimea into Russia dates from 18 March 2014", "unproven"),  # no verb is read into it
    ("Turkey is a NATO member", "true"),
    ("Sergey Shoigu, Russia's defence minister in 2016", "true"),          # an apposition
    ("Sergey Shoigu, Russia's defence minister in 2010", "false"),
    ("Sherin was first deputy chair of the Duma defence committee in 2023", "false"),  # "chair" is in the name
    ("Turkey withdrew from NATO in 2023", "false"),
    ("Tur\u200bkey withdrew from NATO in 2023", "false"),
    ("Erdog\u0306an met Putin in St Petersburg on 9 August 2016", "true"),
    ("Ankara will open a space station in 2030", "unproven"),
    # paraphrases nobody wrote into the ledger
    ("Türkiye joined NATO in 1952", "true"),
    ("Kiev became a member of NATO in 2008", "false"),
    ("Russia signed the Crimea treaty in March 2014", "true"),
    ("The Crimea annexation treaty was signed in 2015", "false"),
    ("A Russian Su-24 was downed by Turkish F-16s on 24 November 2015", "true"),
    ("The coup attempt took place in 2017", "false"),
    ("Operation Olive Branch began in 2017", "false"),
    ("Shoigu has been defence minister since 2010", "false"),
    ("Turkey was Russia's most important economic partner in 2017", "false"),
    ("NATO was not present in Afghanistan in 2017", "false"),
    ("The anti-ISIS coalition had 60 members in February 2018", "false"),
    ("Iran, Russia and Turkey became guarantors of the Astana talks in 2017", "true"),
    ("Putin visited Ankara in 2019", "unproven"),
    ("Putin likes Turkish coffee", "unproven"),
    # clauses keep their own parties and dates
    ("Russia's campaign in Syria began in 2015", "true"),
    ("Russia's campaign in Syria began in 2014", "false"),
    # ... and a clause the facts do not speak to leaves the sentence unproven, never true
    ("Russia's campaign in Syria, which began in 2015, put the two on opposite sides until the Astana talks "
     "started in January 2017", "unproven"),
    ("In 2017 Ankara agreed to buy the S-400, and the first parts arrived in July 2019", "unproven"),
    # one party is not a claim about the other the facts happen to know
    ("It will be very difficult for Turkey to change the existing allied structure", "unproven"),
    ("Turkey is allied", "unproven"),
    ("Russia is Turkey's neighbour", "unproven"),
]


@pytest.mark.parametrize(("sentence", "verdict"), BUNDLED)
def test_bundled_ledger_sentences(bundled: Engine, sentence: str, verdict: str) -> None:
    assert verify_text(bundled, sentence, TODAY).verdict == verdict


ISSUE_EXAMPLES = [  # each once came out true with part of the sentence unread
    ("Russia and Turkey attacked NATO together in 2016", "unproven", ["attacked"]),
    ("Turkey, a NATO member since 1952, plans to invade Greece in 2027", "unproven", ["invade", "Greece"]),
    ("The Erdogan–Putin meeting in St. Petersburg took place in 2017.", "unproven", ["took place", "2017"]),
    ("Putin visited NATO member Turkey in February 2024", "false", []),
    ("China was not Russia's largest trading partner in 2017", "false", []),
    ("Turkey agreed in 2020 to pay for Russian gas partly in roubles", "false", ["pay"]),
]


@pytest.mark.parametrize(("sentence", "verdict", "unread"), ISSUE_EXAMPLES)
def test_nothing_unread_is_judged_true(bundled: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(bundled, sentence, TODAY)
    assert v.verdict == verdict, v.reason
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize("sentence", ["Ruritania has not been a member of the Northern Pact since 2000",
                                      "Ruritania hasn't been in the Northern Pact since 2000"])
def test_not_held_since_is_no_denied_start(engine: Engine, sentence: str) -> None:
    """Not "it did not start in 2000" (true of a member since 1961): not held from 2000 to now."""
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == "unproven", v.reason
    assert [r.assertion.date for r in v.results] == [PartialDate.from_date(TODAY)]
    assert "2000" in {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize("sentence", ["The River Accord ratified Ruritania in 1998",
                                      "The Northern Pact joined Ruritania in 1961",
                                      "Syldavia toured King Rudolf in 2005"])
def test_a_verb_between_two_names_keeps_their_order(engine: Engine, sentence: str) -> None:
    """Only a noun between two names is an epithet ("Pact member Ruritania"); a verb's parties
    are never swapped to fit a fact."""
    assert verify_text(engine, sentence, TODAY).verdict == "unproven"


def test_a_date_phrase_lends_no_word_to_a_relation(engine: Engine) -> None:
    v = verify_text(engine, "Ruritania was a member of the Northern Pact at the end of 2020", TODAY)
    assert (v.verdict, v.claim.unchecked) == ("true", ())


@pytest.mark.parametrize(("sentence", "unread"), [
    ("Ruritania joined the Pact in 1961 and invaded Syldavia", "invaded"),            # an unknown verb
    ("Ruritania joined the Pact in 1961, months after the war", "after the war"),     # a temporal clause
    ("Ruritania joined the Pact in 1961, months after Klow did", "Klow"),             # a party in no reading
    ("Ruritania joined the Pact in 1961 at a ceremony in Zenda", "Zenda"),            # an unknown place
    ("It joined the Pact in 1961", "joined"),                                          # a pronoun subject
    ("Ruritania joined the Pact in 1961 with 40 votes", "40"),                         # a number not carried
    ("Ruritania was the largest member of the Northern Pact", "largest"),             # a rank
    ("Ruritania joined the Pact in 1961 by a narrow vote", "vote"),                   # a circumstance
    ("Ruritania ratified the River Accord on 12 June 1998, killing the old treaty", "killing"),  # a participle
    ("Strelsau ratified the River Accord on 12 June 1998 in Zenda", "Zenda"),        # a place no fact names
    ("Ruritania joined the Pact in 1961 and was hostile to Syldavia", "hostile"),     # an adjective as predicate
    ("Ruritania was absent from the Pact at the end of 2020", "absent"),            # "end" there is no end word
    ("Ruritania is a former member of the Northern Pact", "former"),                # a state moved in time
    ("Ex-Pact member Ruritania ratified the River Accord on 12 June 1998", "Ex"),
    ("Ruritania ratified the River Accord twice", "twice"),                          # how often
    ("Ruritania joined the Pact in the 1960s", "1960s"),                             # a time no date reads
    ("Ruritania joined the Pact this year", "year"),
    ("Ruritania ratified the River Accord on 12 June 1998 at 3pm", "3pm"),
    ("Ruritania almost ratified the River Accord on 12 June 1998", "almost"),        # a hedge
    ("Ruritania ratified the River Accord and the K-9 treaty on 12 June 1998", "K-9"),  # an unknown designation
    ("Ruritania ratified the River Accord again on 12 June 1998", "again"),
])
def test_an_unread_part_makes_a_true_reading_unproven(engine: Engine, sentence: str, unread: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == "unproven", v.reason
    assert unread in {u.text for u in v.claim.unchecked}, v.claim.unchecked


@pytest.mark.parametrize(("sentence", "verdict"), [
    # asides between commas keep their own dates and parties
    ("Ruritania, a Pact member since 1961, ratified the River Accord in 1999", "false"),
    ("Syldavia, which ratified nothing, toured Ruritania in 2005", "unproven"),
    ("King Rudolf, crowned in 1990, toured Syldavia in 2005", "true"),
    ("King Rudolf, crowned in 1991, toured Syldavia in 2005", "false"),
    # a relation word between two names is no verb of the sentence
    ("King Rudolf toured Pact member Ruritania in 2005", "unproven"),
    # a negation past a possessive
    ("Borduria was not the Pact's member in 2000", "true"),
    # dates written the European way, and ranges
    ("Ruritania ratified the River Accord on 12/06/1998", "unproven"),  # 12 June or 6 December?
    ("Ruritania ratified the River Accord on 12/06/1997", "false"),     # either way not 1998
    ("Ruritania ratified the River Accord on 12.06.1999", "false"),
    ("Ruritania ratified the River Accord on June 12th, 1998", "true"),
    ("Ruritania was a member of the Northern Pact from 1961 to 2020", "false"),   # it still is
    ("Ruritania has been a member of the Pact since 1961", "true"),

    ("Ruritania became a member of the Pact in 1961", "true"),
    ("Ruritania became a member of the Pact in 1962", "false"),
    # in the present tense "still" and "now" say what the tense says: it has not ended (as of the
    # fact's last check, as "is a member" is read); in the past tense with no date, today's date
    ("Ruritania is still a member of the Pact", "true"),
    ("Ruritania is now a member of the Pact", "true"),
    ("Ruritania is still not a member of the Pact", "false"),
    ("Ruritania was still a member of the Pact", "unproven"),  # the fact was last checked before today
    ("Borduria is still a member of the Pact", "false"),
    # light verbs lend their place to an event noun
    ("King Rudolf paid a visit to Syldavia in 2005", "true"),
    ("King Rudolf made a tour of Syldavia in 2005", "true"),
])
def test_attachment_and_time(engine: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_contradicted_part_is_false_whatever_else_is_unread(engine: Engine) -> None:
    v = verify_text(engine, "Ruritania joined the Pact in 1975 at a ceremony in Zenda", TODAY)
    assert v.verdict == "false" and [u.text for u in v.claim.unchecked] == ["ceremony", "Zenda"]


def test_cli_reports_what_was_not_checked() -> None:
    sentence = "Ruritania joined the Pact in 1961 and invaded Syldavia"
    code, out, _ = run("verify", sentence, "-d", str(READING))
    assert code == 0 and re.search(r"Verdict: +unproven", out)
    assert "Not checked:" in out and "'invaded'" in out
    record = json.loads(run("verify", sentence, "-d", str(READING), "-f", "json")[1])
    assert record["checked"][0]["text"] == "Ruritania joined the Pact in 1961"
    unread = record["unchecked"][0]
    assert [u["text"] for u in record["unchecked"]] == ["invaded", "Syldavia"]
    assert unread["text"] == "invaded" and sentence[unread["start"]:unread["end"]] == "invaded"
    assert unread["reason"]


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("Bor\u200bduria is a member of the Northern Pact", "false"),          # a zero-width space
    ("Bor\u00adduria is a member of the Northern Pact", "false"),          # a soft hyphen
    ("Szoho\u0302d is a member of the Northern Pact", "false"),            # a decomposed accent
    ("ＢＯＲＤＵＲＩＡ is a member of the Northern Pact", "false"),          # full-width letters
    ("Бордурия is a member of the Northern Pact", "false"),                 # Cyrillic
    ("King Rudolf toured Συλδαβία in 2005", "true"),                        # Greek
    ("King Rudolf toured シルダビア in 2005", "true"),                        # Japanese
    ("King Rudolf toured LODZAVIA in 2005", "true"),                        # ł and ź fold to l and z
    ("GROSSBORDURIA is a member of the Northern Pact", "false"),            # ß folds to ss
])
def test_text_is_normalised_before_matching(engine: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(engine, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_look_alike_letters_are_reported_not_silently_unmatched(engine: Engine) -> None:
    v = verify_text(engine, "B\u043erduria is a member of the Northern Pact", TODAY)  # a Cyrillic o
    assert v.verdict == "unproven"
    assert [u.reason for u in v.claim.unchecked if u.text == "B\u043erduria"] == [
        "a word mixing Latin letters with Cyrillic or Greek look-alikes"]


def test_folding_keeps_every_script() -> None:
    from factcheck.reading.text import fold

    assert fold("Straße") == "strasse" and fold("Łódź") == "lodz" and fold("Ørsted") == "orsted"
    assert fold("Москва") == "москва" and fold("Αθήνα") == "αθηνα" and fold("東京") == "東京"


# sentences written to be false, each once read as true -------------------------------------------

@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a passive's parties: never the other way round
    ("Valdora City Council was set up by the transit authority on 1 July 1996", "unproven", []),
    ("The transit authority was set up by Valdora City Council on 1 July 1996", "true", []),
    # a phrasal verb between two names is no epithet ("NATO member Turkey")
    ("The Kestrel Valley Transit Authority set up Valdora City Council in 1996", "unproven", []),
    # an aside is no part of a name written out of order ("Riverside bus depot")
    ("Riverside Depot, the city's newest bus garage, closed on 30 June 2021", "unproven", ["city's newest bus"]),
    # the unit of a number, unless the fact's own statement says it
    ("The Harbour Tunnel cost 412 million dollars", "unproven", ["dollars"]),
    ("The Harbour Tunnel cost 412 million crowns", "true", []),
    # "has ... since" says it still holds; "had ... since" does not
    ("Greyline Buses has run Valdora's bus network since 2004", "false", []),
    ("Dana Ferro has been Mayor of Valdora since 2012", "false", []),
    ("Dana Ferro had been Mayor of Valdora since 2012", "true", []),
    ("Ilse Marrow has been Mayor of Valdora since 2020", "true", []),
    ("Brenmoor has been a member of the transit authority since 2009", "true", []),
])
def test_false_sentences_stay_off_true(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


# each step of the candidate search (reading/candidates.py), one case a step ----------------------

@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a date whose day and month cannot be told apart lends only its year (2 April 2022 is right)
    ("The Harbour Tunnel opened on 04/02/2022", "unproven", ["04/02/2022"]),
    ("The Harbour Tunnel opened on 05/04/2021", "false", []),
    # an epithet after a possessive: "the authority's member Brenmoor"
    ("The authority's member Brenmoor joined in 2009", "true", []),
    # a copula before a possessive: the possessor modifies the office, the office is the object
    ("Tomas Quill was the transit authority's chief executive in 2018", "true", []),
    ("Dana Ferro was the transit authority's chief executive in 2018", "false", []),  # an office: one holder
    # a second name that only modifies a noun of its own is no copula's object ("the Northline's owner")
    ("The transit authority is the Northline's owner", "unproven", ["the Northline"]),
    ("Greyline Buses was the bus network's owner in 2010", "unproven", ["2010"]),
    # "until" ends a state
    ("Greyline Buses ran Valdora's bus network until 2015", "false", []),
    ("Dana Ferro was Valdora's mayor until 2018", "false", []),
    ("Dana Ferro was Valdora's mayor until 2020", "true", []),
    # an aside is a clause of its own: its verb takes no party from the main clause
    ("Greyline Buses, an operator since 2004, lost Valdora's bus network in 2020", "unproven", ["lost"]),
    ("Ashby, a member since 2009, criticised the transit authority", "unproven", ["the transit authority"]),
    # a clause word ends the verb's clause: no party after it is the verb's
    ("Brenmoor joined in 1999 because Ashby criticised the transit authority", "unproven", ["Ashby"]),
    ("Bellwright Construction was hired in 2016 because the transit authority trusted it", "unproven",
     ["the transit authority"]),
])
def test_each_step_of_the_candidate_search(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("amount", "verdict"), [
    ("38", "true"), ("37", "false"), ("thirty-six", "false"),  # written exactly: right to the digit
    ("40", "mostly-true"), ("about 40", "mostly-true"),  # round or hedged: within the tolerance
    ("some 42", "unproven"), ("nearly 45", "unproven"), ("some 50", "false"),  # hedged: beyond twice it, false
    ("nearly 40", "mostly-true"), ("almost 36", "false"), ("just over 36", "mostly-true"),  # and its side
    ("more than 35", "true"), ("more than 38", "false"), ("at least 38", "true"), ("38 or more", "true"),
    ("fewer than 40", "true"), ("fewer than 38", "false"), ("up to 40", "true"), ("no more than 30", "false"),
    ("no more than 40", "true"),  # "no" of the bound denies nothing
])
def test_how_a_number_is_given_decides_how_close_it_must_be(transit: Engine, amount: str, verdict: str) -> None:
    v = verify_text(transit, f"The Northline had a fleet of {amount} trams in 2024.", TODAY)
    assert v.verdict == verdict, v.reason
    assert not v.claim.unchecked


@pytest.mark.parametrize(("amount", "verdict"), [("21.4 million", "mostly-true"), ("21.6 million", "false"),
                                                 ("20.6 million", "mostly-true"), ("22 million", "false")])
def test_an_exact_figure_agrees_to_the_digits_either_side_gives(transit: Engine, amount: str, verdict: str) -> None:
    assert verify_text(transit, f"The Northline carried {amount} passengers in 2023.", TODAY).verdict == verdict


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a state in the present tense with no date says it holds still: one that ended is false
    ("Dana Ferro is mayor of Valdora", "false"),
    ("Dana Ferro is Valdora's mayor", "false"),
    ("Tomas Quill is chief executive of the transit authority", "false"),
    ("Greyline Buses runs Valdora's bus network", "false"),
    ("Ilse Marrow is mayor of Valdora", "true"),
    ("Dana Ferro is still mayor of Valdora", "false"),
    ("Ilse Marrow is still mayor of Valdora", "true"),
    ("Ilse Marrow is not mayor of Valdora now", "false"),
    ("Brenmoor is a member of the transit authority", "true"),
    ("The transit authority runs Valdora's bus network", "true"),
    # the past tense says it held at some time
    ("Dana Ferro was mayor of Valdora", "true"),
    ("Greyline Buses ran Valdora's bus network", "true"),
    # a name with an article before a noun only modifies it: "a Northline passenger" is no operator
    ("The transit authority is a Northline passenger", "unproven"),
    ("The transit authority is a Northline operator", "true"),
])
def test_the_present_tense_says_a_state_holds_still(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_matched_claim_hides_no_contradiction(transit: Engine) -> None:
    """"Mayor Dana Ferro" was true when the ledger's claim was made; said now, it is false."""
    assert verify_text(transit, "Mayor Dana Ferro", TODAY).verdict == "true"
    v = verify_text(transit, "Dana Ferro is mayor of Valdora", TODAY)
    assert v.verdict == "false" and v.match_score is None and "it has ended: it ended 2020-05-11" in v.reason


@pytest.mark.parametrize("sentence", [
    "The tunnel approved the council in 2015",  # the claim's words, its parties swapped
    "The council was approved by the tunnel in 2015",
    "Corvane, Ashby among its members, ordered trams from the transit authority in 2017",  # another doer
])
def test_a_match_keeps_the_claims_roles(transit: Engine, sentence: str) -> None:
    """Words alike are not enough: a sentence that puts the claim's parties in other roles is
    another claim, read on its own."""
    v = verify_text(transit, sentence, TODAY)
    assert v.match_score is None and v.verdict not in ("true", "mostly-true"), v.reason
    assert verify_text(transit, "The council approved the tunnel in 2015", TODAY).match_score == 100


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a number or date the supporting fact's own statement gives in the same words is checked with it
    ("Valdora City Council approved the Harbour Tunnel on 9 November 2015 by 31 votes to 14", "true", []),
    ("The transit authority ordered 38 Citylink trams from Corvane on 20 June 2017", "true", []),
    # a number the fact carries is compared with it: another one is false, a round one right to its rounding
    ("Valdora City Council approved the Harbour Tunnel on 9 November 2015 by 41 votes to 14", "false", []),
    ("Valdora City Council approved the Harbour Tunnel on 9 November 2015 by 29 votes to 14", "false", []),
    ("Valdora City Council approved the Harbour Tunnel on 9 November 2015 by 30 votes to 14", "mostly-true", []),
    # also when the passive names no one: the one approval of the tunnel is the council's
    ("The Harbour Tunnel was approved on 9 November 2015 by 41 votes to 14", "false", []),
    # the number with other words is not read
    ("The transit authority ordered Citylink trams worth 38 million crowns from Corvane on 20 June 2017",
     "unproven", ["38 million"]),
    ("The transit authority ordered 38 buses from Corvane on 20 June 2017", "unproven", ["38", "buses"]),
])
def test_numbers_a_supporting_statement_gives(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a detail of a prepositional phrase the supporting statement gives in the same words
    ("Greyline Buses ran Valdora's bus network under contract in 2010.", "true", []),
    ("Greyline Buses ran Valdora's bus network under licence in 2010.", "unproven", ["licence"]),
    ("Greyline Buses ran Valdora's bus network at a loss in 2010.", "unproven", ["loss"]),
    # a word that may be a verb, after a preposition, as the statement gives it
    ("The Harbour Tunnel opened to traffic on 2 April 2022.", "true", []),
    ("The Harbour Tunnel opened to shipping on 2 April 2022.", "unproven", ["shipping"]),
])
def test_details_a_supporting_statement_gives(transit: Engine, sentence: str, verdict: str,
                                              unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a value word that is the verb of a value noun ("the ticket cost") says the noun's value
    ("A single KVTA ticket cost five crowns in 2024", "false"),
    ("A single KVTA ticket cost three crowns in 2024", "true"),
    # a value of no named party is the value of the one holder the facts know
    ("A single ticket cost 4 crowns in 2024", "false"),
    ("Single fares hit four crowns in 2024", "false"),
    ("A single ticket cost 3 crowns in 2024", "true"),
    # but not of a pronoun: "it" names nothing
    ("It cost 412 million crowns", "unproven"),
    ("Its single ticket cost 3 crowns in 2024", "unproven"),
])
def test_a_value_of_its_noun_and_of_its_one_holder(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a passive with the thing given after it: the party before it is the one given to
    ("Bellwright was awarded the Northline contract in 2014", "false"),
    ("Bellwright was awarded the Northline contract in 2016", "true"),
    ("Bellwright Construction was awarded the Northline contract by the transit authority in 2016", "true"),
    ("Bellwright Construction was awarded the Harbour Tunnel contract by the transit authority in 2016",
     "unproven"),
    ("Bellwright was awarded the Northline contract by the council in 2016", "unproven"),
    ("Greyline was awarded the Northline contract in 2016", "unproven"),
])
def test_a_passive_with_a_thing_given(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a relation word that names its object first (`reverse_words`) takes its parties the other way round
    ("Bellwright Construction won the Northline construction contract from the transit authority on 3 March 2016",
     "true"),
    ("Bellwright Construction won the Northline construction contract from the transit authority in 2018", "false"),
    ("The transit authority won the Northline construction contract from Bellwright Construction in 2016",
     "unproven"),
])
def test_reverse_words_name_the_object_first(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a word English does not know after a number is its unit, checked like any other
    ("The Harbour Tunnel cost 412 million euros", "unproven"),
    ("The Harbour Tunnel cost 412 million crowns", "true"),
])
def test_an_unknown_word_after_a_number_is_its_unit(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize("sentence", [
    "The Northline should have opened in 2019", "The Northline could have opened in 2019",
    "The Northline may have opened in 2019", "The Northline ought to have opened in 2019",
    "The Harbour Tunnel should have opened in April 2022",
    # nor that it happened at another time: "should have opened in 2018" is not contradicted by 2019
    "The Northline should have opened in 2018", "The Northline could not have opened in 2019",
])
def test_a_modal_perfect_says_not_that_it_happened(transit: Engine, sentence: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)
    assert any(u.reason.startswith("a modal perfect") for u in v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict", "unread"), [
    # a rank before a name is carried only by a statement that ranks that name
    ("Riverside Depot, the oldest Valdora garage, closed on 30 June 2021", "unproven", ["oldest"]),
    ("Riverside Depot, the oldest bus garage, closed on 30 June 2021", "true", []),
    # the statement's "oldest bus garage": a word between the rank and its noun must be said too
    ("Riverside Depot, the oldest garage, closed on 30 June 2021", "unproven", ["oldest"]),
    ("Riverside Depot, the oldest garage for buses, closed on 30 June 2021", "unproven", ["buses"]),
])
def test_a_rank_before_a_name_is_said_with_it(transit: Engine, sentence: str, verdict: str, unread: list[str]) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)
    assert set(unread) <= {u.text for u in v.claim.unchecked}


def test_a_rank_of_another_party_is_not_carried(bundled: Engine) -> None:
    """The S-400 fact says "the first components", not that Turkey was the first member to buy it."""
    v = verify_text(bundled, "Turkey received the S-400 in 2019, the first NATO member to do so.", TODAY)
    assert v.verdict == "unproven" and "first" in {u.text for u in v.claim.unchecked}
    v = verify_text(bundled, "Turkey took delivery of the first S-400 components in July 2019.", TODAY)
    assert v.verdict == "true"
    v = verify_text(bundled, "The first components of the S-400 arrived in Turkey on 12 July 2019.", TODAY)
    assert v.verdict == "true", (v.reason, v.claim.unchecked)  # "first S-400 components", in other words
    v = verify_text(bundled, "The first components arrived in Turkey on 12 July 2019.", TODAY)
    assert v.verdict == "unproven"


def test_an_object_before_the_verb_is_not_taken_across_and(transit: Engine) -> None:
    """"... and as deputy head from 2020" names another office: not the mayoralty started again."""
    v = verify_text(transit, "Dana Ferro served as mayor of Valdora from 2012 to 2020 and as deputy head from 2020",
                    TODAY)
    assert v.verdict == "unproven", (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the scale of a number is the one the fact's unit gives: 412 crowns is not 412 million crowns
    ("The Harbour Tunnel cost 412 crowns", "unproven"),
    ("The Harbour Tunnel cost 412 billion crowns", "false"),  # another scale, given: compared (test_amounts.py)
    ("The Northline carried 21 passengers in 2023", "unproven"),
    ("The Harbour Tunnel cost 412 million crowns", "true"),
    ("The Northline carried twenty-one million passengers in 2023", "true"),
    # "per" makes a rate the facts do not give
    ("The Harbour Tunnel cost 412 million crowns per kilometre", "unproven"),
])
def test_a_number_is_read_at_its_scale(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # the party of a gapped clause with its own date is no object of the verb: it says the verb again
    ("The Harbour Tunnel opened in 2022 and the Northline in 2018", "false"),
    ("The Harbour Tunnel opened in 2022 and the Northline in 2019", "true"),
])
def test_a_gapped_party_is_no_object_of_the_verb(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a date in a phrase before a comma with a verb of its own is that verb's, not the main verb's
    ("Founded in 1996, the transit authority runs the Northline", "true"),
    ("Founded in 1998, the transit authority runs the Northline", "false"),
    ("Built in 1996, the transit authority runs the Northline", "unproven"),
    # a date phrase alone before the comma is the main verb's
    ("In 1996, the council set up the transit authority", "true"),
    ("In 1998, the council set up the transit authority", "false"),
])
def test_a_fronted_phrase_keeps_its_own_date(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


@pytest.mark.parametrize(("sentence", "verdict"), [
    # a value in the present tense is today's: a figure of another year does not speak to it
    ("A single KVTA ticket costs 3 crowns", "unproven"),
    ("The Northline carries 21 million passengers", "unproven"),
    ("A single KVTA ticket cost 3 crowns in 2024", "true"),
    ("The Northline carried 21 million passengers in 2023", "true"),
])
def test_a_value_in_the_present_tense_is_todays(transit: Engine, sentence: str, verdict: str) -> None:
    v = verify_text(transit, sentence, TODAY)
    assert v.verdict == verdict, (v.reason, v.claim.unchecked)


def test_a_count_in_the_present_tense_is_todays(engine: Engine) -> None:
    assert verify_text(engine, "The Trade League has 27 members", TODAY).verdict == "unproven"
    assert verify_text(engine, "The Trade League had 27 members in 2020", TODAY).verdict == "true"


DATE_TEXTS = ["may.2014-03-18 2015", "On 18-Mar-2014, in March 2014 and by the end of 2020", "Sept. 3, 2019",
              "the 12th of May, 2019 and 2014-03-18", "marsalmar 2014, dec 2015 dec. 2016", "at the start of  2015",
              "03/04/2014 or 3.4.2014", "İstanbul, June 2016", "the course of 1999 ended", "no year at all",
              "in May  2014", "may-2014", "during the 1990s, in 1999-2000"]


def test_a_date_pattern_is_skipped_only_when_it_could_not_match() -> None:
    """Each pattern runs only where a quicker search finds what it needs: the dates found are
    those of every pattern run on every text."""
    eval_sentences = [line.split("\t")[0] for path in sorted((TESTS / "eval").glob("*.tsv"))
                      for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    claims = [claim.text for claim in load_or_raise(REPO).claims.values()]
    texts = DATE_TEXTS + eval_sentences + claims
    quick = [find_dates(text) for text in texts]
    every = [(pattern, order, None) for pattern, order, _ in extract._DATE_PATTERNS]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "_DATE_PATTERNS", every)
        patch.setattr(extract, "_ANY_YEAR", re.compile(""))
        assert [find_dates(text) for text in texts] == quick
    assert sum(bool(dates) for dates, _ in quick) > 200
