"""`factcheck import claimreview`, reviews.yaml, `factcheck reviews` and "checked before?" in
verify and scan."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.claimreview.ratings import RatingTable, bundled_table, fold
from factcheck.cli import app
from factcheck.ledger import load

from .conftest import PACT_FACT, REPO, write_ledger

runner = CliRunner()
AFP = REPO.parent / "shared" / "external" / "afp-claimreview"
if not AFP.is_dir():  # a worktree sits one level deeper than a clone
    AFP = REPO.parent.parent / "shared" / "external" / "afp-claimreview"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    root = write_ledger(tmp_path / "ledger", facts=PACT_FACT, claims="""
        - id: pact-2013
          text: Ruritania signed the Northern Pact in 2013
          source: state-tv
          assertions: [{subject: ruritania, relation: signed, object: pact, date: 2013}]
    """)
    (root / "factcheck.yaml").write_text("desk: {name: Test Desk, url: 'https://desk.example/'}\n", encoding="utf-8")
    return root


def review(claim: str = "Strelsau signed the Northern Pact in 2013", url: str = "https://checker.example/1",
           words: str | None = "Faux", **more: object) -> dict:
    item = {"@type": "ClaimReview", "claimReviewed": claim, "url": url, "datePublished": "2021-03-04 10:00",
            "author": {"@type": "Organization", "name": "Checker"},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A Minister"},
                             "datePublished": "2021-03-01", "appearance": "https://social.example/post/1"}}
    if words is not None:
        item["reviewRating"] = {"@type": "Rating", "ratingValue": "1", "bestRating": "5", "worstRating": "1",
                                "alternateName": words}
    item.update(more)
    return item


def write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def imported(root: Path) -> list:
    result = load(root, reviews=True)
    assert [str(p) for p in result.problems] == []
    return result.ledger.reviews


# shapes ----------------------------------------------------------------------------------------

SHAPES = {
    "one review": lambda r: r,
    "a list": lambda r: [r],
    "@graph": lambda r: {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, r]},
    "DataFeed": lambda r: {"@context": "https://schema.org", "@type": "DataFeed",
                           "dataFeedElement": [{"@type": "DataFeedItem", "item": [r]}]},
    "typed as a list": lambda r: {**r, "@type": ["ClaimReview", "Review"]},
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_json_ld_shape_imports(ledger: Path, tmp_path: Path, shape: str) -> None:
    source = write_json(tmp_path / "in.json", SHAPES[shape](review()))
    code, out, err = run("import", "claimreview", str(source), "--data", str(ledger))
    assert code == 0, err
    assert out.startswith("1 reviews added to")
    [kept] = imported(ledger)
    assert (kept.claim, kept.publisher, kept.url, str(kept.date), kept.rating, kept.verdict) == (
        "Strelsau signed the Northern Pact in 2013", "Checker", "https://checker.example/1", "2021-03-04", "Faux",
        "false")
    assert (kept.claimant, str(kept.claim_date), kept.appearances) == (
        "A Minister", "2021-03-01", ("https://social.example/post/1",))
    assert (kept.rating_value, kept.worst_rating, kept.best_rating) == (1, 1, 5)


def test_the_fact_check_tools_api_answer_imports(ledger: Path, tmp_path: Path) -> None:
    answer = {"claims": [{"text": "The pact was signed in 2013", "claimant": "A Minister",
                          "claimDate": "2021-03-01T00:00:00Z",
                          "claimReview": [{"publisher": {"name": "Checker", "site": "checker.example"},
                                           "url": "https://checker.example/2", "title": "No, not in 2013",
                                           "reviewDate": "2021-03-05T08:00:00Z", "textualRating": "Pants on Fire!",
                                           "languageCode": "en"}]}],
              "nextPageToken": "x"}
    code, _, err = run("import", "claimreview", str(write_json(tmp_path / "api.json", answer)), "--data", str(ledger))
    assert code == 0, err
    [kept] = imported(ledger)
    assert (kept.claim, kept.publisher, str(kept.date), kept.rating, kept.verdict, kept.title, kept.language) == (
        "The pact was signed in 2013", "Checker", "2021-03-05", "Pants on Fire!", "false", "No, not in 2013", "en")


def test_json_lines_and_html_pages_import(ledger: Path, tmp_path: Path) -> None:
    lines = tmp_path / "reviews.jsonl"
    lines.write_text(json.dumps(review(url="https://checker.example/a")) + "\n\n"
                     + json.dumps(review(url="https://checker.example/b", words="Mostly true")) + "\n",
                     encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html><head><title>x</title>\n<script type="application/ld+json">\n'
                    + json.dumps(review(url="https://checker.example/c", words="Engañoso")) + "\n</script>\n"
                    '<script>var x = {"@type": "ClaimReview"};</script></head><body>text</body></html>',
                    encoding="utf-8")
    code, _, err = run("import", "claimreview", str(lines), str(page), "--data", str(ledger))
    assert code == 0, err
    assert [(r.url, r.verdict) for r in imported(ledger)] == [
        ("https://checker.example/a", "false"), ("https://checker.example/b", "mostly-true"),
        ("https://checker.example/c", "misleading")]


def test_standard_input_and_folders(ledger: Path, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    (folder / "deeper").mkdir(parents=True)
    write_json(folder / "deeper" / "one.jsonld", review(url="https://checker.example/f"))
    (folder / "notes.txt").write_text("not a review", encoding="utf-8")
    code, _, err = run("import", "claimreview", str(folder), "-", "--data", str(ledger),
                       stdin=json.dumps(review(url="https://checker.example/s")))
    assert code == 0, err
    assert [r.url for r in imported(ledger)] == ["https://checker.example/f", "https://checker.example/s"]


@pytest.mark.parametrize(("appearance", "expected"), [
    ("https://a.example/1 ", ("https://a.example/1",)),
    (["https://a.example/1", "https://a.example/2"], ("https://a.example/1", "https://a.example/2")),
    ([{"@type": "ImageObject", "url": "https://a.example/1", "archivedAt": "https://archive.example/x"},
      {"@type": "AudioObject", "contentUrl": "https://a.example/2.mp3"}],
     ("https://a.example/1", "https://a.example/2.mp3")),
    ({"@type": "VideoObject", "url": "https://a.example/v"}, ("https://a.example/v",)),
])
def test_appearance_in_every_form(ledger: Path, tmp_path: Path, appearance: object, expected: tuple) -> None:
    item = review()
    item["itemReviewed"]["appearance"] = appearance
    code, _, err = run("import", "claimreview", str(write_json(tmp_path / "a.json", item)), "--data", str(ledger))
    assert code == 0, err
    assert imported(ledger)[0].appearances == expected


def test_ratings_as_numbers_or_strings(ledger: Path, tmp_path: Path) -> None:
    item = review()
    item["reviewRating"] = {"@type": "Rating", "ratingValue": 2.5, "bestRating": 5, "worstRating": "1",
                            "alternateName": "Mixture"}
    run("import", "claimreview", str(write_json(tmp_path / "a.json", item)), "--data", str(ledger))
    kept = imported(ledger)[0]
    assert (kept.rating_value, kept.worst_rating, kept.best_rating, kept.verdict) == (2.5, 1, 5, "misleading")


# the rating table ------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "verdict"), [
    ("False", "false"), ("Faux", "false"), ("Falso", "false"), ("Engañoso", "misleading"), ("ENGANOSO", "misleading"),
    ("Misleading", "misleading"), ("Trompeur", "misleading"), ("Pants on Fire!", "false"), ("pants-on-fire", "false"),
    ("Mostly true", "mostly-true"), ("True", "true"), ("Vrai", "true"), ("Unproven", "unproven"), ("Yanlış", "false"),
    ("Truncated and misleading video", None), ("Satire", None), ("", None),
])
def test_rating_words_map_by_the_table_and_never_by_guess(words: str, verdict: str | None) -> None:
    assert RatingTable().verdict(words) == verdict


def test_the_desk_overrides_and_extends_the_table() -> None:
    table = RatingTable({"Pas de preuve": "unproven", "Mixture": "unproven"})
    assert (table.verdict("pas de preuve"), table.verdict("Mixture"), table.verdict("Faux")) == (
        "unproven", "unproven", "false")


def test_the_table_is_consistent() -> None:
    table = bundled_table()
    assert set(table.values()) == {"true", "mostly-true", "misleading", "unproven", "false"}
    for _, words in [(1, w) for w in ("False", "Mostly true", "Misleading", "Unproven", "True")]:
        assert fold(words) in table  # what export writes reads back


def test_words_outside_the_table_are_kept_as_written(ledger: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path / "a.json", review(words="Vidéo tronquée et trompeuse"))
    run("import", "claimreview", str(source), "--data", str(ledger))
    [kept] = imported(ledger)
    assert (kept.rating, kept.verdict) == ("Vidéo tronquée et trompeuse", None)
    text = (ledger / "reviews.yaml").read_text(encoding="utf-8")
    assert "verdict:" not in text


def test_factcheck_yaml_rating_words_apply_on_import(ledger: Path, tmp_path: Path) -> None:
    (ledger / "factcheck.yaml").write_text("desk: {name: D, url: 'https://d.example/'}\nrating_words:\n"
                                           "  - {words: Vidéo tronquée et trompeuse, verdict: misleading}\n",
                                           encoding="utf-8")
    source = write_json(tmp_path / "a.json", review(words="Vidéo tronquée et trompeuse"))
    run("import", "claimreview", str(source), "--data", str(ledger))
    assert imported(ledger)[0].verdict == "misleading"


# idempotence, appending, atomicity -------------------------------------------------------------

def test_the_same_review_twice_is_one_record(ledger: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path / "a.json", [review(), review(), review(url="https://checker.example/2")])
    assert run("import", "claimreview", str(source), "--data", str(ledger))[1].startswith(
        "2 reviews added to")
    before = (ledger / "reviews.yaml").read_bytes()
    code, out, _ = run("import", "claimreview", str(source), "--data", str(ledger))
    assert code == 0 and out.startswith("0 reviews added to") and "3 already there" in out
    assert (ledger / "reviews.yaml").read_bytes() == before


def test_appending_keeps_the_users_text_byte_for_byte(ledger: Path, tmp_path: Path) -> None:
    mine = ("# my reviews, by hand\nreviews:\n    # the first one I found\n    - claim: Something   # odd spacing\n"
            "      publisher: Someone\n      url: 'https://someone.example/x'\n      verdict: true\n\n# end\n")
    (ledger / "reviews.yaml").write_text(mine, encoding="utf-8")
    code, _, err = run("import", "claimreview", str(write_json(tmp_path / "a.json", review())), "--data", str(ledger))
    assert code == 0, err
    text = (ledger / "reviews.yaml").read_text(encoding="utf-8")
    assert text.startswith(mine)
    assert [r.claim for r in imported(ledger)] == ["Something", "Strelsau signed the Northern Pact in 2013"]


def test_an_empty_list_is_filled(ledger: Path, tmp_path: Path) -> None:
    (ledger / "reviews.yaml").write_text("reviews: []  # none yet\n", encoding="utf-8")
    run("import", "claimreview", str(write_json(tmp_path / "a.json", review())), "--data", str(ledger))
    assert len(imported(ledger)) == 1
    assert (ledger / "reviews.yaml").read_text(encoding="utf-8").startswith("reviews:  # none yet\n  - claim:")


def test_a_reviews_folder_gets_the_new_reviews_in_its_last_file(ledger: Path, tmp_path: Path) -> None:
    (ledger / "reviews").mkdir()
    (ledger / "reviews" / "2020.yaml").write_text("reviews:\n  - {claim: A, publisher: P, url: 'https://p.example/a'}\n",
                                                  encoding="utf-8")
    (ledger / "reviews" / "2021.yaml").write_text("reviews:\n  - {claim: B, publisher: P, url: 'https://p.example/b'}\n",
                                                  encoding="utf-8")
    source = write_json(tmp_path / "a.json", [review(claim="A", url="https://p.example/a"), review()])
    code, out, _ = run("import", "claimreview", str(source), "--data", str(ledger))
    assert code == 0 and "1 already there" in out
    assert "Strelsau" in (ledger / "reviews" / "2021.yaml").read_text(encoding="utf-8")
    assert "Strelsau" not in (ledger / "reviews" / "2020.yaml").read_text(encoding="utf-8")


def test_text_that_looks_like_yaml_or_markup_stays_text(ledger: Path, tmp_path: Path) -> None:
    hostile = 'x: "y"\n- [z] # not a comment \\ \u2028 \x85 \x1b[31m <script>'
    run("import", "claimreview", str(write_json(tmp_path / "a.json", review(claim=hostile))), "--data", str(ledger))
    assert imported(ledger)[0].claim == hostile.strip()


def test_a_failed_write_leaves_the_file_as_it_was(ledger: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (ledger / "reviews.yaml").write_text("reviews:\n  - {claim: A, publisher: P, url: 'https://p.example/a'}\n",
                                         encoding="utf-8")
    before = (ledger / "reviews.yaml").read_bytes()

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    code, _, err = run("import", "claimreview", str(write_json(tmp_path / "a.json", review())), "--data", str(ledger))
    assert code == 2 and "No space left on device" in err
    assert (ledger / "reviews.yaml").read_bytes() == before
    assert sorted(p.name for p in ledger.iterdir()) == ["claims.yaml", "factcheck.yaml", "facts.yaml", "reviews.yaml",
                                                        "sources.yaml"]


def test_dry_run_shows_and_writes_nothing(ledger: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path / "a.json", review())
    code, out, _ = run("import", "claimreview", str(source), "--data", str(ledger), "--dry-run", "--format", "json")
    assert code == 0
    [shown] = json.loads(out)
    assert (shown["publisher"], shown["rating"], shown["verdict"]) == ("Checker", "Faux", "false")
    assert not (ledger / "reviews.yaml").exists()
    code, out, _ = run("import", "claimreview", str(source), "--data", str(ledger), "-n")
    assert "1 reviews would be added to" in out and "nothing written" in out


def test_an_import_answers_in_the_format_asked(ledger: Path, tmp_path: Path) -> None:
    """--format json on a real import lists the reviews it added, as JSON; again, none; -q: nothing."""
    source = write_json(tmp_path / "a.json", review())
    code, out, _ = run("import", "claimreview", str(source), "--data", str(ledger), "--format", "json")
    assert code == 0
    [added] = json.loads(out)
    assert (added["publisher"], added["url"]) == ("Checker", "https://checker.example/1")
    assert len(imported(ledger)) == 1
    code, out, _ = run("import", "claimreview", str(source), "--data", str(ledger), "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run("import", "claimreview", str(source), "--data", str(ledger), "-q")
    assert (code, out) == (0, "")


# bad input: a located error, exit 2, nothing written -------------------------------------------

def _refused(ledger: Path, *inputs: Path) -> str:
    (ledger / "reviews.yaml").write_text("reviews:\n  - {claim: A, publisher: P, url: 'https://p.example/a'}\n",
                                         encoding="utf-8")
    before = (ledger / "reviews.yaml").read_bytes()
    code, out, err = run("import", "claimreview", *map(str, inputs), "--data", str(ledger))
    assert code == 2 and out == ""
    assert (ledger / "reviews.yaml").read_bytes() == before
    return err


def test_invalid_json_is_located(ledger: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "@type": "ClaimReview",\n  "url": oops\n}\n', encoding="utf-8")
    good = write_json(tmp_path / "good.json", review())
    assert _refused(ledger, good, bad) == f"factcheck: error: {bad}:3:10: invalid JSON: Expecting value\n"


def test_a_document_with_no_claimreview(ledger: Path, tmp_path: Path) -> None:
    fragment = write_json(tmp_path / "rating.json", {"reviewRating": {"alternateName": "False"}})
    assert _refused(ledger, fragment) == f"factcheck: error: {fragment}:1:1: no ClaimReview in this document\n"


def test_a_review_with_no_claim_reviewed_is_located(ledger: Path, tmp_path: Path) -> None:
    item = review()
    del item["claimReviewed"]
    source = write_json(tmp_path / "feed.json", {"@graph": [review(url="https://checker.example/ok"), item]})
    err = _refused(ledger, source)
    line = json.dumps({"@graph": [review(url="https://checker.example/ok"), item]}, indent=2).split("\n")
    where = [i for i, text in enumerate(line, 1) if text == "    {"][1]  # the second item opens here
    assert err == f"factcheck: error: {source}:{where}:5: a ClaimReview with no claimReviewed (the claim it reviews)\n"


def test_an_error_inside_a_page_script_is_located_in_the_page(ledger: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<html>\n<head><script type="application/ld+json">{"@type": "ClaimReview",\n'
                    '  "claimReviewed": }</script></head></html>\n', encoding="utf-8")
    expected = f"factcheck: error: {page}:3:20: invalid JSON in a ld+json script: Expecting value\n"
    assert _refused(ledger, page) == expected


def test_every_bad_file_is_reported(ledger: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_json(folder / "a.json", review())
    write_json(folder / "b.json", {"appearance": "https://x.example"})
    (folder / "c.json").write_text("{", encoding="utf-8")
    err = _refused(ledger, folder)
    assert err.splitlines() == [f"factcheck: error: {folder / 'b.json'}:1:1: no ClaimReview in this document",
                                f"factcheck: error: {folder / 'c.json'}:1:2: invalid JSON: Expecting property name "
                                "enclosed in double quotes"]


def test_a_broken_reviews_file_stops_the_import(ledger: Path, tmp_path: Path) -> None:
    (ledger / "reviews.yaml").write_text("reviews:\n  - {claim: A, publisher: P}\n", encoding="utf-8")
    code, _, err = run("import", "claimreview", str(write_json(tmp_path / "a.json", review())), "--data", str(ledger))
    assert code == 2 and "reviews.yaml:2:5: review has no 'url'" in err
    assert (ledger / "reviews.yaml").read_text(encoding="utf-8") == "reviews:\n  - {claim: A, publisher: P}\n"


# reviews.yaml under check ----------------------------------------------------------------------

def test_check_validates_reviews_yaml(ledger: Path) -> None:
    (ledger / "reviews.yaml").write_text(
        "reviews:\n"
        "  - {claim: A, publisher: P, url: 'https://p.example/a', verdict: maybe}\n"
        "  - {claim: A, publisher: P, url: 'https://p.example/a'}\n"
        "  - {claim: B, publisher: P, url: 'https://p.example/b', date: 2021-13}\n", encoding="utf-8")
    code, out, _ = run("check", "--data", str(ledger))
    assert code == 1
    found = [line.split(str(ledger) + os.sep, 1)[1] for line in out.splitlines() if "reviews.yaml" in line]
    assert found == [
        "reviews.yaml:2:58: error: 'verdict' must be one of: true, mostly-true, misleading, unproven, false "
        "(not 'maybe') (value)",
        "reviews.yaml:3:5: error: the same review of the same claim twice (first at "
        f"{ledger / 'reviews.yaml'}:2:5) (duplicate-review)",
        "reviews.yaml:4:58: error: 'date' must be a date: YYYY, YYYY-MM or YYYY-MM-DD (type)",
    ]


def test_reviews_are_never_claims(ledger: Path, tmp_path: Path) -> None:
    run("import", "claimreview", str(write_json(tmp_path / "a.json", review())), "--data", str(ledger))
    code, out, _ = run("list", "--data", str(ledger), "--format", "json")
    assert code == 0 and [c["id"] for c in json.loads(out)] == ["pact-2013"]
    assert "Strelsau" not in (ledger / "claims.yaml").read_text(encoding="utf-8")


# checked before? ------------------------------------------------------------------------------

def test_verify_lists_a_published_review_of_the_same_claim(ledger: Path, tmp_path: Path) -> None:
    run("import", "claimreview", str(write_json(tmp_path / "a.json", review())), "--data", str(ledger))
    code, out, _ = run("verify", "Strelsau signed the Northern Pact in 2013", "--data", str(ledger), "--format", "json")
    assert code == 0
    record = json.loads(out)
    assert record["verdict"] == "false"
    [found] = record["reviews"]
    assert (found["publisher"], found["date"], found["rating"], found["url"]) == (
        "Checker", "2021-03-04", "Faux", "https://checker.example/1")
    code, out, _ = run("verify", "Ruritania signed the Northern Pact in 2013", "--data", str(ledger))
    assert "Checked elsewhere" in out and "Faux (false)" in out and "https://checker.example/1" in out


@pytest.mark.parametrize("sentence", ["Ruritania signed the Northern Pact in 2015",
                                      "Ruritania never signed the Northern Pact in 2013",
                                      "The Northern Pact signed Ruritania in 2013"])
def test_another_date_negation_or_order_is_another_claim(ledger: Path, tmp_path: Path, sentence: str) -> None:
    run("import", "claimreview", str(write_json(tmp_path / "a.json", review())), "--data", str(ledger))
    code, out, _ = run("verify", sentence, "--data", str(ledger), "--format", "json")
    assert code == 0 and json.loads(out)["reviews"] == []


def test_verify_json_always_has_reviews(ledger: Path) -> None:
    code, out, _ = run("verify", "pact-2013", "--data", str(ledger), "--format", "json")
    assert code == 0 and json.loads(out)["reviews"] == []


def test_scan_lists_reviews_beside_its_statements(ledger: Path, tmp_path: Path) -> None:
    run("import", "claimreview", str(write_json(tmp_path / "a.json", review())), "--data", str(ledger))
    article = tmp_path / "article.txt"
    article.write_text("Ruritania signed the Northern Pact in 2013\n\nOfficials said it again on Monday.\n",
                       encoding="utf-8")
    code, out, _ = run("scan", str(article), "--data", str(ledger), "--format", "json")
    assert code == 0
    [headline] = json.loads(out)
    assert [r["url"] for r in headline["reviews"]] == ["https://checker.example/1"]
    code, out, _ = run("scan", str(article), "--data", str(ledger))
    assert "Checked elsewhere" in out and "Checker" in out
    code, out, _ = run("scan", str(article), "--data", str(ledger), "--format", "csv")
    [header, row] = list(csv.reader(io.StringIO(out)))
    assert row[header.index("reviews")] == "https://checker.example/1"
    code, out, _ = run("verify", "Ruritania signed the Northern Pact in 2013", "--data", str(ledger), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert {row[rows[0].index("reviews")] for row in rows[1:]} == {"https://checker.example/1"}


# factcheck reviews -----------------------------------------------------------------------------

def test_reviews_lists_and_filters(ledger: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path / "a.json", [
        review(),
        review(claim="The Trade League has 12 members", url="https://other.example/9", words="Mostly true",
               author={"@type": "Organization", "name": "Other Désk"}, datePublished="2023-07-01"),
        review(claim="Borduria joined the League", url="https://checker.example/3", words="Satire"),
    ])
    run("import", "claimreview", str(source), "--data", str(ledger))

    def urls(*args: str) -> list[str]:
        code, out, err = run("reviews", "--data", str(ledger), "--format", "json", *args)
        assert code == 0, err
        return [r["url"] for r in json.loads(out)]

    assert len(urls()) == 3
    assert urls("--publisher", "other desk") == ["https://other.example/9"]
    assert urls("--verdict", "false", "--verdict", "mostly-true") == ["https://checker.example/1",
                                                                      "https://other.example/9"]
    assert urls("--verdict", "none") == ["https://checker.example/3"]
    assert urls("--since", "2022") == ["https://other.example/9"]
    assert urls("--until", "2021-03") == ["https://checker.example/1", "https://checker.example/3"]
    assert urls("--text", "northern pact") == ["https://checker.example/1"]
    code, out, _ = run("reviews", "--data", str(ledger))
    assert code == 0 and out.rstrip().endswith("3 of 3 imported reviews")
    code, _, err = run("reviews", "--data", str(ledger), "--since", "last week")
    assert code == 2 and "--since: 'last week' is not a date" in err


# round trip and the real AFP documents ---------------------------------------------------------

def test_export_reimported_gives_back_every_claim(tmp_path: Path) -> None:
    root = tmp_path / "bundled"
    root.mkdir()
    for name in ("sources.yaml", "facts.yaml", "claims.yaml", "factcheck.yaml"):
        shutil.copy(REPO / name, root / name)
    feed = tmp_path / "feed.jsonld"
    assert run("export", "claimreview", "--data", str(root), "--out", str(feed))[0] == 0
    code, out, err = run("import", "claimreview", str(feed), "--data", str(root))
    assert code == 0, err
    code, listed, _ = run("list", "--data", str(root), "--format", "json")
    back = {r.url: r for r in imported(root)}
    claims = json.loads(listed)
    assert len(back) == len(claims) == 41
    for claim in claims:
        again = back[f"https://example.org/factcheck/{claim['id']}"]
        assert (again.claim, again.verdict, again.publisher) == (claim["text"], claim["verdict"],
                                                                 "Factcheck Example Desk")
    assert run("check", "--data", str(root))[0] == 0


needs_afp = pytest.mark.skipif(not AFP.is_dir(), reason="the AFP ClaimReview examples sit beside the repository, "
                                                        "in shared/external/afp-claimreview")

AFP_REVIEWS = {  # file: reviews it holds
    "claimreview-with-mediareview-en-2.json": 1, "claimreview-with-mediareview-en.json": 1,
    "claimreview-with-mediareview.json": 1, "multi-appearance-archive-en.json": 1,
    "multi-appearance-creativework-en.json": 1, "multi-appearance-creativework.json": 1,
    "multi-appearance-url-en-2.json": 1, "multi-appearance-url-en.json": 1, "multi-appearence-url.json": 1,
    "multi-claimreview-en.json": 3, "multi-claimreview.json": 3, "mutli-interactionStatistic.json": 1,
    "simple-en.json": 1, "simple.json": 1, "videoobject-en.json": 1, "videoobject.json": 1,
}
AFP_FRAGMENTS = ("appearance-interactionStatistic.json", "appearance-social-media.json",
                 "appearance-youtube-channel.json", "audio-appearance.json", "image-appearance.json", "rating.json",
                 "video-appearance.json")


@needs_afp
def test_the_afp_folder_is_refused_whole_with_every_bad_file_named(ledger: Path) -> None:
    assert sorted(p.name for p in AFP.glob("*.json")) == sorted([*AFP_REVIEWS, *AFP_FRAGMENTS,
                                                                 "claimreview-structure.json"])
    code, out, err = run("import", "claimreview", str(AFP), "--data", str(ledger))
    assert code == 2 and out == ""
    assert not (ledger / "reviews.yaml").exists()
    lines = err.splitlines()
    assert [Path(line.removeprefix("factcheck: error: ").split(":")[0]).name for line in lines] == sorted(
        [*AFP_FRAGMENTS, "claimreview-structure.json"])
    assert f"{AFP / 'claimreview-structure.json'}:9:6: invalid JSON: Expecting ',' delimiter" in err
    assert f"{AFP / 'rating.json'}:1:1: no ClaimReview in this document" in err


@needs_afp
@pytest.mark.parametrize("name", sorted(AFP_REVIEWS))
def test_every_afp_document_with_a_claimreview_imports(ledger: Path, name: str) -> None:
    code, out, err = run("import", "claimreview", str(AFP / name), "--data", str(ledger))
    assert code == 0, err
    reviews = imported(ledger)
    assert len(reviews) == AFP_REVIEWS[name]
    document = json.loads((AFP / name).read_text(encoding="utf-8"))
    for kept in reviews:
        assert kept.publisher and kept.url.startswith("https://") and kept.date and kept.claim
        assert kept.claim in json.dumps(document, ensure_ascii=False) or kept.claim in str(document)
        if name == "mutli-interactionStatistic.json":  # its publisher gave no rating: none is made up
            assert (kept.publisher, kept.rating, kept.verdict) == ("Fake off - 20 Minutes", "", None)
        else:
            assert kept.rating and kept.rating_value == 1 and (kept.worst_rating, kept.best_rating) == (1, 5)


@needs_afp
def test_the_afp_reviews_together(ledger: Path) -> None:
    files = [str(AFP / name) for name in sorted(AFP_REVIEWS)]
    code, out, _ = run("import", "claimreview", *files, "--data", str(ledger))
    assert code == 0 and out.startswith("13 reviews added") and "7 already there" in out
    words = {(r.rating, r.verdict) for r in imported(ledger)}
    assert words == {("Faux", "false"), ("False", "false"), ("Trompeur", "misleading"), ("Misleading", "misleading"),
                     ("Truncated and misleading video", None), ("Vidéo tronquée et trompeuse", None), ("", None)}
    assert run("check", "--data", str(ledger))[0] == 0
    code, out, _ = run("verify", "Video shows Russian soldiers landing in Ukraine in 2022", "--data", str(ledger),
                       "--format", "json")
    assert [r["url"] for r in json.loads(out)["reviews"]] == ["https://factcheck.afp.com/doc.afp.com.326A3U7"]


# start-up --------------------------------------------------------------------------------------

def test_list_and_check_do_not_import_claimreview_code() -> None:
    script = ("import sys\nfrom factcheck.cli import app\nfrom typer.testing import CliRunner\n"
              "for args in (['list'], ['check']):\n"
              "    CliRunner().invoke(app, args + ['--data', sys.argv[1]])\n"
              "print(sorted(m for m in sys.modules if m.startswith(('factcheck.claimreview', 'rapidfuzz'))))")
    out = subprocess.run([sys.executable, "-c", script, str(REPO)], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# the index of a large reviews.yaml -------------------------------------------------------------

def test_the_index_reads_what_a_full_load_reads(ledger: Path, tmp_path: Path) -> None:
    from factcheck.claimreview.index import index_text

    hostile = 'x: "y"\n- [z] # not a comment \\ \u2028 \x85 <script>'
    items = [review(claim=hostile), review(url="https://checker.example/2", words="Satire"),
             review(claim="Borduria joined the League", url="https://checker.example/3")]
    run("import", "claimreview", str(write_json(tmp_path / "a.json", items[:2])), "--data", str(ledger))
    run("import", "claimreview", str(write_json(tmp_path / "b.json", items[2:])), "--data", str(ledger))
    path = ledger / "reviews.yaml"
    indexed = index_text(path, path.read_text(encoding="utf-8"))
    assert indexed is not None
    full = imported(ledger)
    assert indexed.claims == [r.claim for r in full]
    for number, kept in enumerate(full):
        again = indexed.review(number)
        assert again == kept and again.location == kept.location
        assert dict(again.field_locations) == dict(kept.field_locations)
        assert indexed.url(number) == kept.url


@pytest.mark.parametrize("text", [
    "reviews:\n  - {claim: A, publisher: P, url: 'https://p.example/a'}\n",
    "reviews:\n  - publisher: P\n    claim: \"A\"\n    url: \"https://p.example/a\"\n",
    "reviews:\n  - claim: |\n      A\n    publisher: P\n    url: \"https://p.example/a\"\n",
    "other: 1\nreviews:\n  - claim: \"A\"\n    publisher: P\n    url: \"https://p.example/a\"\n",
    "reviews:\n  - claim: \"A\"\n    publisher: P\n    url: \"https://p.example/a\"\n"
    "  - publisher: Q\n    claim: \"B\"\n    url: \"https://p.example/b\"\n",
])
def test_files_in_another_form_are_read_in_full(ledger: Path, text: str) -> None:
    from factcheck.claimreview.index import index_text

    assert index_text(ledger / "reviews.yaml", text) is None


def test_verify_finds_reviews_in_a_hand_written_file(ledger: Path) -> None:
    (ledger / "reviews.yaml").write_text(
        "reviews:\n  - {claim: Strelsau signed the Northern Pact in 2013, publisher: Checker,\n"
        "     url: 'https://checker.example/1', rating: Faux, verdict: false}\n", encoding="utf-8")
    code, out, _ = run("verify", "Ruritania signed the Northern Pact in 2013", "--data", str(ledger),
                       "--format", "json")
    assert code == 0 and [r["url"] for r in json.loads(out)["reviews"]] == ["https://checker.example/1"]


def test_a_bad_review_found_by_verify_is_reported_where_it_is(ledger: Path, tmp_path: Path) -> None:
    run("import", "claimreview", str(write_json(tmp_path / "a.json", [review(url="https://checker.example/0"),
                                                                      review()])), "--data", str(ledger))
    path = ledger / "reviews.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("date: 2021-03-04", "date: 2021-13-04"), encoding="utf-8")
    code, _, err = run("verify", "Ruritania signed the Northern Pact in 2013", "--data", str(ledger))
    line = text.splitlines().index("    date: 2021-03-04") + 1
    assert code == 2 and f"reviews.yaml:{line}:5: 'date' must be a date" in err


def test_a_review_url_that_does_not_parse_is_located(ledger: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path / "a.json", [review(url="https://checker.example:99999/x")])
    err = _refused(ledger, source)
    assert err == (f"factcheck: error: {source}:2:3: the review's url is not a valid address: "
                   "https://checker.example:99999/x\n")


def test_the_installed_command_exports_imports_and_finds_a_review(tmp_path: Path) -> None:
    """End to end through the installed `factcheck`: export piped into import, then verify."""
    factcheck = str(Path(sys.executable).parent / "factcheck")
    root = tmp_path / "desk"
    root.mkdir()
    for name in ("sources.yaml", "facts.yaml", "claims.yaml", "factcheck.yaml"):
        shutil.copy(REPO / name, root / name)
    exported = subprocess.run([factcheck, "export", "claimreview", "--lines", "--verdict", "false"], cwd=root,
                              capture_output=True, text=True, timeout=60, check=True).stdout
    done = subprocess.run([factcheck, "import", "claimreview", "-"], cwd=root, input=exported,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "8 reviews added to reviews.yaml\n"
    found = subprocess.run([factcheck, "verify", "Putin signed the Crimea Annexation Treaty in 2013", "-f", "json"],
                           cwd=root, capture_output=True, text=True, timeout=60)
    [review] = json.loads(found.stdout)["reviews"]
    assert (review["publisher"], review["rating"], review["url"]) == (
        "Factcheck Example Desk", "False", "https://example.org/factcheck/mondo-crimea-treaty-2013")
    bad = subprocess.run([factcheck, "import", "claimreview", "-"], cwd=root, input="{not json",
                         capture_output=True, text=True, timeout=60)
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == ("factcheck: error: <stdin>:1:2: invalid JSON: Expecting property name enclosed in "
                          "double quotes\n")
