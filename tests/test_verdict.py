"""The verdict rules of the README ("How verdicts are computed"), one by one, on small made-up ledgers."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.verdict import Engine, Outcome, Verification

from .conftest import cite, load_clean, write_ledger

SIGNED = f"""
- id: accord-signed
  statement: Ruritania signed the Border Accord on 18 March 2014.
  subject: ruritania
  relation: signed
  object: accord
  date: 2014-03-18
  citations: {cite()}
"""

MEMBER = f"""
- id: ruritania-in-pact
  statement: Ruritania has been a member of the Northern Pact since 1952-02-18.
  subject: ruritania
  relation: member-of
  object: pact
  from: 1952-02-18
  as_of: 2026-11-01
  citations: {cite()}
"""


def verify(tmp_path: Path, facts: str, assertions: str, **claim: str) -> Verification:
    """The verification of one claim `c` with the given assertions (YAML flow mappings, one per line)."""
    fields = {"source": "wire", "date": "2020-05-01", **claim}
    lines = "".join(f"  {key}: {value}\n" for key, value in fields.items())
    body = "".join(f"    - {a.strip()}\n" for a in assertions.strip().splitlines())
    ledger = load_clean(write_ledger(tmp_path / "l", facts, f"- id: c\n  text: A claim.\n{lines}  assertions:\n{body}"))
    return Engine(ledger).verify(ledger.claims["c"])


# section 1: assertions against facts -----------------------------------------------------------

@pytest.mark.parametrize(("date", "verdict"), [
    ("2013", "false"),          # another year
    ("2014", "true"),           # the year contains the day
    ("2014-03", "true"),        # so does the month
    ("2014-03-18", "true"),
    ("2014-03-17", "false"),    # another day
    ("2014-04", "false"),
])
def test_one_off_event_date_at_its_precision(tmp_path: Path, date: str, verdict: str) -> None:
    v = verify(tmp_path, SIGNED, f"{{subject: ruritania, relation: signed, object: accord, date: {date}}}")
    assert v.verdict == verdict


def test_date_finer_than_the_fact_is_approximate(tmp_path: Path) -> None:
    facts = SIGNED.replace("date: 2014-03-18", "date: 2014-03")
    v = verify(tmp_path, facts, "{subject: ruritania, relation: signed, object: accord, date: 2014-03-18}")
    assert (v.verdict, v.results[0].outcome) == ("mostly-true", Outcome.APPROXIMATE)


def test_contradiction_names_what_differs_and_the_deciding_fact(tmp_path: Path) -> None:
    v = verify(tmp_path, SIGNED, "{subject: ruritania, relation: signed, object: accord, date: 2013}")
    assert "2014-03-18, not 2013" in v.reason
    assert v.deciding_fact is not None and v.deciding_fact.id == "accord-signed"


def test_event_without_date_is_supported(tmp_path: Path) -> None:
    v = verify(tmp_path, SIGNED, "{subject: ruritania, relation: signed, object: accord}")
    assert v.verdict == "true"


def test_other_parties_are_not_evidence(tmp_path: Path) -> None:
    v = verify(tmp_path, SIGNED, "{subject: borduria, relation: signed, object: accord, date: 2013}")
    assert (v.verdict, v.results[0].outcome) == ("unproven", Outcome.UNVERIFIED)


def test_after_and_before(tmp_path: Path) -> None:
    after = verify(tmp_path / "a", SIGNED, "{subject: ruritania, relation: signed, object: accord, after: 2015}")
    before = verify(tmp_path / "b", SIGNED, "{subject: ruritania, relation: signed, object: accord, before: 2015}")
    assert (after.verdict, before.verdict) == ("false", "true")


VISITS = f"""
- id: visit-2017
  statement: Ruritania's leader visited Borduria in December 2017.
  subject: ruritania
  relation: visited
  object: borduria
  date: 2017-12-11
  citations: {cite()}
- id: no-visit-2024
  statement: No visit took place in 2024.
  subject: ruritania
  relation: visited
  object: borduria
  negated: true
  from: 2024-01-01
  until: 2024-12-31
  citations: {cite()}
"""


@pytest.mark.parametrize(("date", "verdict"), [
    ("2017-12", "true"),        # one recorded visit is enough
    ("2013", "unproven"),       # a repeatable event at a date no fact records
    ("2024-02-12", "false"),    # a negated fact covers the date
])
def test_repeatable_events_and_negated_facts(tmp_path: Path, date: str, verdict: str) -> None:
    v = verify(tmp_path, VISITS, f"{{subject: ruritania, relation: visited, object: borduria, date: {date}}}")
    assert v.verdict == verdict


def test_negated_assertion_agrees_with_negated_fact(tmp_path: Path) -> None:
    v = verify(tmp_path, VISITS,
               "{subject: ruritania, relation: visited, object: borduria, date: 2024, negated: true}")
    assert v.verdict == "true"


@pytest.mark.parametrize(("date", "verdict"), [
    ("", "false"),              # "never visited": one recorded visit refutes it, whatever 2024 says
    ("date: 2017, ", "false"),  # the visit falls in the asserted year
    ("date: 2013, ", "unproven"),
])
def test_one_occasion_refutes_a_negated_repeatable_event(tmp_path: Path, date: str, verdict: str) -> None:
    v = verify(tmp_path, VISITS, f"{{subject: ruritania, relation: visited, object: borduria, {date}negated: true}}",
               date="2024-03-01")  # said in 2024, when a fact agrees no visit took place
    assert v.verdict == verdict


def test_negated_assertion_against_an_event_that_happened(tmp_path: Path) -> None:
    v = verify(tmp_path, SIGNED, "{subject: ruritania, relation: signed, object: accord, negated: true}")
    assert v.verdict == "false"


@pytest.mark.parametrize(("date", "verdict"), [
    ("2016-07", "true"),        # within the period
    ("1950", "false"),          # before it began
    ("1952", "true"),           # "a member in 1952": at some time that year
    ("2027", "unproven"),       # after the fact was last checked
])
def test_state_at_the_asserted_date(tmp_path: Path, date: str, verdict: str) -> None:
    v = verify(tmp_path, MEMBER, f"{{subject: ruritania, relation: member-of, object: pact, date: {date}}}")
    assert v.verdict == verdict


def test_state_defaults_to_the_claims_date(tmp_path: Path) -> None:
    v = verify(tmp_path, MEMBER, "{subject: ruritania, relation: member-of, object: pact}", date="1940")
    assert v.verdict == "false"


def test_state_that_ended(tmp_path: Path) -> None:
    facts = MEMBER.replace("  as_of: 2026-11-01\n", "  until: 2001-05-01\n")
    v = verify(tmp_path, facts, "{subject: ruritania, relation: member-of, object: pact, date: 2010}")
    assert v.verdict == "false"
    assert "no longer" in v.reason


@pytest.mark.parametrize(("change", "date", "verdict"), [
    ("end", "2023", "false"),          # "left in 2023": it never ended
    ("end", "", "false"),
    ("start", "1952", "true"),         # "joined in 1952"
    ("start", "1960", "false"),
])
def test_start_and_end_of_a_state(tmp_path: Path, change: str, date: str, verdict: str) -> None:
    when = f", date: {date}" if date else ""
    v = verify(tmp_path, MEMBER, f"{{subject: ruritania, relation: member-of, object: pact, change: {change}{when}}}")
    assert v.verdict == verdict


def test_negated_end_agrees_with_an_ongoing_state(tmp_path: Path) -> None:
    v = verify(tmp_path, MEMBER, "{subject: ruritania, relation: member-of, object: pact, change: end, negated: true}")
    assert v.verdict == "true"


COUNT = f"""
- id: league-size
  statement: The Trade League had 74 members in February 2018.
  subject: league
  relation: member-count
  value: 74
  date: 2018-02
  citations: {cite()}
"""


@pytest.mark.parametrize(("value", "verdict"), [(74, "true"), (70, "mostly-true"), (50, "false")])
def test_numbers_within_tolerance(tmp_path: Path, value: int, verdict: str) -> None:
    v = verify(tmp_path, COUNT, f"{{subject: league, relation: member-count, value: {value}, date: 2018}}")
    assert v.verdict == verdict


def test_tolerance_is_per_fact(tmp_path: Path) -> None:
    facts = COUNT + "  tolerance: 0.01\n"
    v = verify(tmp_path, facts, "{subject: league, relation: member-count, value: 70}")
    assert v.verdict == "false"


def top_partner(when: str) -> str:
    """Borduria as Ruritania's top trade partner in 2017, the period written as `when`."""
    return f"""
    - id: top-partner-2017
      statement: Borduria was Ruritania's top trade partner in 2017.
      subject: ruritania
      relation: top-partner
      object: borduria
      {when}
      citations: {cite()}
    """


def test_one_per_subject(tmp_path: Path) -> None:
    facts = top_partner("from: 2017-01-01\n      until: 2017-12-31")
    claim = "{subject: ruritania, relation: top-partner, object: league, date: %s}"
    wrong = verify(tmp_path / "a", facts, claim % 2017)
    other_year = verify(tmp_path / "b", facts, claim % 2020)
    assert (wrong.verdict, other_year.verdict) == ("false", "unproven")
    assert "Borduria holds that place" in wrong.reason


def test_one_per_object(tmp_path: Path) -> None:
    facts = f"""
    - id: pm-term
      statement: The minister was Prime Minister of Ruritania from 2012 to 2024.
      subject: minister
      relation: holds-office
      object: office-pm
      from: 2012-11-06
      until: 2024-05-12
      citations: {cite()}
    """
    v = verify(tmp_path, facts, "{subject: borduria, relation: holds-office, object: office-pm, date: 2016}")
    assert v.verdict == "false"


def test_symmetric_relation_either_way_round(tmp_path: Path) -> None:
    facts = f"""
    - id: no-alliance
      statement: Ruritania and Borduria have never been allied.
      subject: ruritania
      relation: allied-with
      object: borduria
      negated: true
      as_of: 2026-11-01
      citations: {cite()}
    """
    v = verify(tmp_path, facts, "{subject: borduria, relation: allied-with, object: ruritania}")
    assert v.verdict == "false"


def test_implied_relation_is_an_understatement(tmp_path: Path) -> None:
    facts = f"""
    - id: sanctions
      statement: Borduria sanctioned Ruritania in 2020.
      subject: borduria
      relation: sanctioned
      object: ruritania
      date: 2020-12-14
      citations: {cite()}
    """
    v = verify(tmp_path, facts, "{subject: borduria, relation: criticised, object: ruritania}")
    assert (v.verdict, v.results[0].outcome) == ("mostly-true", Outcome.APPROXIMATE)


def test_loose_wording_is_at_best_approximate(tmp_path: Path) -> None:
    v = verify(tmp_path, SIGNED, "{subject: ruritania, relation: signed, object: accord, loose: true}")
    assert v.verdict == "mostly-true"


# section 2: the claim's verdict ----------------------------------------------------------------

def test_detail_contradicted_is_misleading(tmp_path: Path) -> None:
    v = verify(tmp_path, SIGNED + MEMBER, """
        {subject: ruritania, relation: member-of, object: pact}
        {subject: ruritania, relation: signed, object: accord, date: 2013, role: detail}
    """)
    assert v.verdict == "misleading"


def test_core_contradiction_beats_everything(tmp_path: Path) -> None:
    v = verify(tmp_path, SIGNED + MEMBER, """
        {subject: ruritania, relation: member-of, object: pact}
        {subject: ruritania, relation: signed, object: accord, date: 2013}
    """)
    assert v.verdict == "false"


def test_unverified_detail_is_mostly_true_and_unverified_core_unproven(tmp_path: Path) -> None:
    detail = verify(tmp_path / "a", MEMBER, """
        {subject: ruritania, relation: member-of, object: pact}
        {subject: borduria, relation: member-of, object: league, role: attribution}
    """)
    core = verify(tmp_path / "b", MEMBER, """
        {subject: ruritania, relation: member-of, object: pact}
        {subject: borduria, relation: member-of, object: league}
    """)
    assert (detail.verdict, core.verdict) == ("mostly-true", "unproven")


def test_opinions_are_unproven_but_their_attributions_are_checked(tmp_path: Path) -> None:
    plain = verify(tmp_path / "a", SIGNED, "{subject: ruritania, relation: signed, object: accord}", kind="opinion")
    wrong_title = verify(tmp_path / "b", SIGNED, """
        {subject: ruritania, relation: signed, object: accord}
        {subject: ruritania, relation: signed, object: accord, date: 2013, role: attribution}
    """, kind="prediction")
    assert (plain.verdict, plain.results[0].outcome) == ("unproven", Outcome.NOT_JUDGED)
    assert wrong_title.verdict == "misleading"


def test_no_assertions_is_unproven(tmp_path: Path) -> None:
    ledger = load_clean(write_ledger(tmp_path, SIGNED, "- {id: c, text: Something., source: wire}\n"))
    assert Engine(ledger).verify(ledger.claims["c"]).verdict == "unproven"


def headline_ledger(tmp_path: Path, body_assertion: str) -> Engine:
    claims = f"""
    - id: headline
      text: Ruritania signs the Accord
      kind: headline
      article: art
      source: blog
      assertions:
        - {{subject: ruritania, relation: signed, object: accord}}
    - id: body
      text: Ruritania is in the Pact.
      article: art
      source: blog
      date: 2020-01-01
      assertions:
        - {body_assertion}
    """
    return Engine(load_clean(write_ledger(tmp_path, SIGNED + MEMBER, claims)))


def test_headline_its_body_does_not_support_is_misleading(tmp_path: Path) -> None:
    engine = headline_ledger(tmp_path, "{subject: ruritania, relation: member-of, object: pact}")
    v = engine.verify(engine.ledger.claims["headline"])
    assert v.verdict == "misleading"
    assert "article body never says" in v.reason


def test_headline_its_body_supports_is_judged_on_the_facts(tmp_path: Path) -> None:
    engine = headline_ledger(tmp_path, "{subject: ruritania, relation: signed, object: accord}")
    assert engine.verify(engine.ledger.claims["headline"]).verdict == "true"


# section 3: the rating -------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "via", "letter"), [
    ("paper", "[]", "A"),
    ("paper", "[wire]", "B"),          # the weakest known grade
    ("paper", "[blog]", "F"),          # a link that cannot be judged
    ("blog", "[state-tv]", "E"),       # a link known to be unreliable beats one that cannot be judged
])
def test_letter_is_the_weakest_link(tmp_path: Path, source: str, via: str, letter: str) -> None:
    v = verify(tmp_path, SIGNED, "{subject: ruritania, relation: signed, object: accord}", source=source, via=via)
    assert v.letter == letter


def test_digit_follows_the_evidence(tmp_path: Path) -> None:
    two_sites = SIGNED.replace(cite(), cite() + "\n  - {title: U, url: 'https://other.example/b', date: 2020-01-01}")
    two_sites = two_sites.replace(f"citations: {cite()}\n  - ", "citations:\n  - " + cite()[1:-1] + "\n  - ")
    one = verify(tmp_path / "a", SIGNED, "{subject: ruritania, relation: signed, object: accord}")
    two = verify(tmp_path / "b", two_sites, "{subject: ruritania, relation: signed, object: accord}")
    false = verify(tmp_path / "c", SIGNED, "{subject: ruritania, relation: signed, object: accord, date: 2013}")
    unproven = verify(tmp_path / "d", SIGNED, "{subject: borduria, relation: signed, object: accord}")
    assert (one.rating, two.rating, false.digit, unproven.digit) == ("B2", "B1", 5, 6)


def test_chain_flags(tmp_path: Path) -> None:
    v = verify(tmp_path, SIGNED, "{subject: ruritania, relation: signed, object: accord}",
               source="mirror", via="[state-tv]", attributed_to="[minister]", anonymous="true")
    assert [link.role for link in v.chain] == ["outlet", "via", "attributed"]
    assert v.flags == ("state media", "republished", "anonymous report")
    assert v.letter == "E"


def test_state_known_at_one_date(tmp_path: Path) -> None:
    facts = top_partner("date: 2017")
    same = verify(tmp_path / "a", facts, "{subject: ruritania, relation: top-partner, object: borduria, date: 2017}")
    later = verify(tmp_path / "b", facts, "{subject: ruritania, relation: top-partner, object: borduria, date: 2019}")
    assert (same.verdict, later.verdict) == ("true", "unproven")
