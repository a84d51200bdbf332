"""Loading: files or folders, validation with locations, references."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.diagnostics import LedgerError
from factcheck.folder import LEDGER_FILES
from factcheck.ledger import load, load_or_raise
from factcheck.ledger.schema import FILES
from factcheck.model import PartialDate
from factcheck.verdict import Engine

from .conftest import MINI


def verdicts(root: Path) -> dict[str, str]:
    return {v.claim.id: v.verdict for v in Engine(load_or_raise(root)).verify_all()}


def test_a_folder_of_files_is_the_same_as_one_file(mini_copy: Path) -> None:
    text = (mini_copy / "claims.yaml").read_text(encoding="utf-8")
    head, *claims = text.split("\n  - ")
    (mini_copy / "claims.yaml").unlink()
    folder = mini_copy / "claims"
    folder.mkdir()
    half = len(claims) // 2
    (folder / "a.yaml").write_text(head + "\n  - " + "\n  - ".join(claims[:half]) + "\n", encoding="utf-8")
    (folder / "b.yml").write_text("claims:\n  - " + "\n  - ".join(claims[half:]), encoding="utf-8")
    (folder / "notes.txt").write_text("not yaml", encoding="utf-8")
    assert verdicts(mini_copy) == verdicts(MINI)


def test_the_files_found_are_the_kinds_the_schema_declares() -> None:
    """folder.py names the kinds without importing the schema (a warm `list` reads neither)."""
    assert tuple(FILES) == LEDGER_FILES


def test_duplicate_ids_across_files(mini_copy: Path) -> None:
    folder = mini_copy / "claims"
    folder.mkdir()
    (folder / "more.yaml").write_text(
        "claims:\n  - {id: crimea-2013, text: Again., source: clickbait}\n", encoding="utf-8")
    result = load(mini_copy)
    [problem] = result.problems
    assert (problem.code, problem.location.line) == ("duplicate-id", 2)
    assert problem.location.file.endswith("claims/more.yaml")
    assert "first at" in problem.message and "claims.yaml:2:5" in problem.message


def test_a_reference_to_an_invalid_record_is_reported_only_where_it_could_name_one(mini_copy: Path) -> None:
    """An invalid source is still known to references (one mistake, one error); an invalid claim
    of the same id is not: nothing names a claim, so a source id that happens to be one is unknown."""
    (mini_copy / "claims" / "more.yaml").parent.mkdir()
    (mini_copy / "claims" / "more.yaml").write_text(
        "claims:\n  - {id: ghost, text: No source.}\n  - {id: named, text: Text., source: ghost}\n", encoding="utf-8")
    codes = [(p.code, p.location.line) for p in load(mini_copy).problems if "more.yaml" in p.location.file]
    assert codes == [("missing-field", 2), ("unknown-reference", 3)]
    sources = mini_copy / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + "  - {id: ghost, name: Ghost, kind: blog}\n",
                       encoding="utf-8")
    codes = [(p.code, p.location.line) for p in load(mini_copy).problems if "more.yaml" in p.location.file]
    assert codes == [("missing-field", 2)]


def test_typo_in_a_field_name_is_an_error_with_a_hint(mini_copy: Path) -> None:
    path = mini_copy / "claims.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    ruling: true\n", "    rulng: true\n", 1),
                    encoding="utf-8")
    with pytest.raises(LedgerError) as caught:
        load_or_raise(mini_copy)
    assert "unknown field 'rulng' in claim (did you mean 'ruling'?)" in str(caught.value)
    assert caught.value.location is not None and caught.value.location.line == 15


@pytest.mark.parametrize(("text", "date"), [
    ("2013", PartialDate(2013)),
    ("'2014-03'", PartialDate(2014, 3)),
    ("2014-03-18", PartialDate(2014, 3, 18)),
])
def test_dates_keep_their_precision(mini_copy: Path, text: str, date: PartialDate) -> None:
    path = mini_copy / "claims.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2024-02-08", f"date: {text}", 1),
                    encoding="utf-8")
    assert load_or_raise(mini_copy).claims["crimea-2013"].date == date


def test_impossible_dates_are_errors(mini_copy: Path) -> None:
    path = mini_copy / "claims.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2024-02-08", "date: 2023-02-30", 1),
                    encoding="utf-8")
    with pytest.raises(LedgerError, match="not a real date: 2023-02-30"):
        load_or_raise(mini_copy)


def test_unquoted_true_and_false_are_verdicts() -> None:
    claims = load_or_raise(MINI).claims
    assert (claims["crimea-2013"].ruling, claims["turkey-nato"].ruling) == ("false", "true")


def test_partial_dates() -> None:
    year, month, day = PartialDate(2014), PartialDate(2014, 3), PartialDate(2014, 3, 18)
    assert year.contains(month) and month.contains(day) and not day.contains(month)
    assert str(PartialDate(2014, 2).last) == "2014-02-28"
    assert [d.precision for d in (year, month, day)] == ["year", "month", "day"]
    with pytest.raises(ValueError):
        PartialDate.parse("2014-02-30")
