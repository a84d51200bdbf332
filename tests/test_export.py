"""The desk's settings (factcheck.yaml) and `factcheck export claimreview`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.claimreview import RATING_SCALE, review, review_url
from factcheck.cli import app
from factcheck.ledger import load
from factcheck.verdict import Engine

from .conftest import PACT_FACT, REPO, TESTS, write_ledger

runner = CliRunner()

DESK = """\
desk:
  name: Test Desk
  url: https://desk.example/
  language: en
"""


def export(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["export", "claimreview", *args])
    return result.exit_code, result.stdout, result.stderr


def desk_ledger(tmp_path: Path, desk: str = DESK) -> Path:
    root = write_ledger(tmp_path / "ledger", facts=PACT_FACT, claims="""
        - id: pact-2013
          text: Ruritania signed the Northern Pact in 2013
          source: state-tv
          via: [mirror]
          attributed_to: [minister]
          url: https://mirror.example/story
          date: 2020-02-03
          reviewed: 2020-02-10
          assertions: [{subject: ruritania, relation: signed, object: pact, date: 2013}]
          ruling: false
          ruling_note: Signed in 2015.
        - id: pact-2015
          text: Ruritania signed the Northern Pact in 2015
          source: paper
          assertions: [{subject: ruritania, relation: signed, object: pact, date: 2015}]
    """)
    (root / "factcheck.yaml").write_text(desk, encoding="utf-8")
    return root


# factcheck.yaml --------------------------------------------------------------------------------

def test_the_desk_is_read_from_factcheck_yaml(tmp_path: Path) -> None:
    result = load(desk_ledger(tmp_path))
    assert result.problems == []
    desk = result.ledger.desk
    assert desk is not None and (desk.name, desk.url, desk.language) == ("Test Desk", "https://desk.example/", "en")


@pytest.mark.parametrize(("text", "where", "message"), [
    ("desk:\n  name: D\n", "factcheck.yaml:2:3", "desk has no 'url'"),
    ("desk:\n  name: D\n  url: https://d.example/\n  colour: red\n", "factcheck.yaml:4:3", "unknown field 'colour'"),
    ("desk:\n  name: D\n  url: https://d.example/\n  name: E\n", "factcheck.yaml:4:3", "duplicate key 'name'"),
    ("rating_words: []\n", "factcheck.yaml:1:1", "factcheck.yaml has no 'desk'"),
    ("desk: {name: D, url: 'https://d.example/'}\nrating_words:\n  - {words: Bof, verdict: maybe}\n",
     "factcheck.yaml:3:18", "'verdict' must be one of"),
])
def test_a_bad_desk_file_is_reported_where_it_is_wrong(tmp_path: Path, text: str, where: str, message: str) -> None:
    root = desk_ledger(tmp_path, text)
    result = runner.invoke(app, ["check", "--data", str(root)])
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if message in line)
    assert line.startswith(str(root / where) + ":")


def test_rating_words_of_the_desk_are_loaded(tmp_path: Path) -> None:
    root = desk_ledger(tmp_path, DESK + "rating_words:\n  - {words: Pas de preuve, verdict: unproven}\n")
    assert load(root).ledger.rating_words == {"Pas de preuve": "unproven"}


def test_the_bundled_ledger_has_a_desk() -> None:
    desk = load(REPO).ledger.desk
    assert desk is not None and desk.name and desk.url.startswith("https://")


# one review ------------------------------------------------------------------------------------

def _reviews(root: Path, *args: str) -> list[dict]:
    code, out, err = export("--data", str(root), "--lines", *args)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def test_a_review_carries_what_google_requires_and_recommends(tmp_path: Path) -> None:
    [item, _] = _reviews(desk_ledger(tmp_path))
    assert item["@type"] == "ClaimReview"
    assert item["claimReviewed"] == "Ruritania signed the Northern Pact in 2013"
    assert item["url"] == "https://desk.example/pact-2013"
    assert item["datePublished"] == "2020-02-10"
    assert item["author"] == {"@type": "Organization", "name": "Test Desk", "url": "https://desk.example/"}
    rating = item["reviewRating"]
    assert (rating["alternateName"], rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (
        "False", 1, 1, 5)
    claim = item["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Person", "name": "A Minister"}
    assert claim["datePublished"] == "2020-02-03"
    assert claim["appearance"] == [
        {"@type": "CreativeWork", "url": "https://mirror.example/story",
         "publisher": {"@type": "Organization", "name": "State TV"}},
        {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": "Mirror"}},
    ]
    assert item["citation"] == [{"@type": "CreativeWork", "name": "Treaty text", "url": "https://treaties.example/pact",
                                 "datePublished": "2015-05-02", "publisher": {"@type": "Organization", "name": "UN"}}]
    assert item["reviewBody"].startswith("False: contradicted: date differs")
    assert item["reviewBody"].endswith("Signed in 2015.")
    assert item["factcheck:verdict"] == "false"
    assert item["factcheck:admiralty"] == "E5"
    assert [p["factcheck:reliability"] for p in item["factcheck:provenance"]] == ["E", "D", "C"]
    assert item["factcheck:flags"] == ["state media", "republished"]


def test_the_verdict_follows_the_facts_not_the_ruling(tmp_path: Path) -> None:
    root = desk_ledger(tmp_path)
    facts = (root / "facts.yaml").read_text(encoding="utf-8").replace("date: 2015-05-01", "date: 2013-05-01")
    (root / "facts.yaml").write_text(facts, encoding="utf-8")
    [item, _] = _reviews(root)
    assert item["reviewRating"]["alternateName"] == "True"
    assert "Signed in 2015." not in item["reviewBody"]  # the note argues a verdict the facts no longer give


def test_the_builder_is_a_plain_function_the_site_can_call(tmp_path: Path) -> None:
    ledger = load(desk_ledger(tmp_path)).ledger
    engine = Engine(ledger)
    item = review(engine.verify(ledger.claims["pact-2015"]), ledger.desk, "https://site.example/claims/")
    assert item["@context"][0] == "https://schema.org"
    assert item["url"] == "https://site.example/claims/pact-2015"
    assert "datePublished" not in item  # the claim has no `reviewed` date: nothing is made up
    assert item["itemReviewed"]["author"]["name"] == "Paper"


@pytest.mark.parametrize(("base", "expected"), [
    ("https://d.example/claims/", "https://d.example/claims/x"),
    ("https://d.example/claims", "https://d.example/claims/x"),
    ("https://d.example/?claim=", "https://d.example/?claim=x"),
])
def test_review_urls(base: str, expected: str) -> None:
    assert review_url(base, "x") == expected


def test_base_url_and_filters(tmp_path: Path) -> None:
    items = _reviews(desk_ledger(tmp_path), "--base-url", "https://other.example/c/", "--verdict", "true")
    assert [i["url"] for i in items] == ["https://other.example/c/pact-2015"]


def test_the_feed_is_a_data_feed(tmp_path: Path) -> None:
    code, out, _ = export("--data", str(desk_ledger(tmp_path)))
    assert code == 0
    document = json.loads(out)
    assert document["@type"] == "DataFeed"
    items = [item for element in document["dataFeedElement"] for item in element["item"]]
    assert [i["claimReviewed"] for i in items] == ["Ruritania signed the Northern Pact in 2013",
                                                  "Ruritania signed the Northern Pact in 2015"]
    assert all("@context" not in i for i in items)


def test_out_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "feed.jsonld"
    code, out, err = export("--data", str(desk_ledger(tmp_path)), "--out", str(target))
    assert code == 0 and out == ""
    assert "2 reviews written" in err
    assert json.loads(target.read_text(encoding="utf-8"))["@type"] == "DataFeed"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_no_desk_is_a_usage_error(tmp_path: Path) -> None:
    root = desk_ledger(tmp_path)
    (root / "factcheck.yaml").unlink()
    code, out, err = export("--data", str(root))
    assert code == 2 and out == ""
    assert "no desk to sign the reviews" in err and "factcheck.yaml" in err


def test_unknown_verdict_filter_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = export("--data", str(desk_ledger(tmp_path)), "--verdict", "maybe")
    assert code == 2 and "'maybe' is not one of" in err


def test_every_verdict_has_a_rating() -> None:
    from factcheck.model import VERDICTS

    assert set(RATING_SCALE) == set(VERDICTS)
    assert sorted(value for value, _ in RATING_SCALE.values()) == [1, 2, 3, 4, 5]


# a real JSON-LD consumer -----------------------------------------------------------------------

SCHEMA_CONTEXT = TESTS / "data" / "schema.org.context.jsonld"
"""A reduced local copy of the schema.org context (its @vocab and the URL-typed terms used
here): there is no network to schema.org."""


def _expand(document: dict) -> list:
    pyld = pytest.importorskip("pyld")
    from pyld import jsonld

    def loader(url: str, options: dict | None = None) -> dict:
        if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
            raise AssertionError(f"no network: {url}")
        return {"contextUrl": None, "documentUrl": url,
                "document": json.loads(SCHEMA_CONTEXT.read_text(encoding="utf-8"))}

    assert pyld
    return jsonld.expand(document, {"documentLoader": loader})


def test_the_bundled_export_expands_as_json_ld() -> None:
    code, out, err = export("--data", str(REPO))
    assert code == 0, err
    document = json.loads(out)
    expanded = _expand(document)
    S = "http://schema.org/"
    [feed] = expanded
    assert feed["@type"] == [S + "DataFeed"]
    items = [item for element in feed[S + "dataFeedElement"] for item in element[S + "item"]]
    claims = load(REPO).ledger.claims
    assert len(items) == len(claims)
    for item in items:
        assert item["@type"] == [S + "ClaimReview"]
        assert item[S + "claimReviewed"][0]["@value"]
        assert item[S + "url"][0]["@id"].startswith("https://")
        [rating] = item[S + "reviewRating"]
        assert rating[S + "alternateName"][0]["@value"] in {w for _, w in RATING_SCALE.values()}
        assert rating[S + "worstRating"][0]["@value"] == 1 and rating[S + "bestRating"][0]["@value"] == 5
        assert item[S + "author"][0][S + "name"][0]["@value"] == "Factcheck Example Desk"
        assert item[S + "itemReviewed"][0]["@type"] == [S + "Claim"]
        assert item["https://factcheck.invalid/vocab#admiralty"][0]["@value"]


def test_the_extension_keys_expand_to_the_documented_vocabulary(tmp_path: Path) -> None:
    [item, _] = _reviews(desk_ledger(tmp_path))
    [expanded] = _expand(item)
    extension = sorted(k for k in expanded if k.startswith("https://factcheck.invalid/vocab#"))
    assert extension == ["https://factcheck.invalid/vocab#" + k for k in ("admiralty", "flags", "provenance",
                                                                           "verdict")]


def test_check_jsonschema_accepts_the_bundled_desk_and_rejects_a_bad_one(tmp_path: Path) -> None:
    from .test_check import check_jsonschema

    schema = REPO / "schemas" / "factcheck.schema.json"
    assert check_jsonschema(schema, REPO / "factcheck.yaml").returncode == 0
    bad = tmp_path / "factcheck.yaml"
    bad.write_text("desk: {name: D}\n", encoding="utf-8")
    result = check_jsonschema(schema, bad)
    assert result.returncode == 1 and "'url' is a required property" in result.stdout
