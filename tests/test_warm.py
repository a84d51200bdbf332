"""`check`, `list` and `verify <id>` read each claims file's results back from the cache: their
output is byte for byte the output without the cache, after any change to any file, and a
warm run verifies only the claims of the files whose results may have changed."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import results
from factcheck.cache import NO_CACHE_ENV
from factcheck.cli import app
from factcheck.verdict import Engine

from .conftest import MINI

COMMANDS = [["check"], ["check", "--strict", "-f", "github"], ["check", "-f", "json", "--today", "2031-01-01"],
            ["check", "--today", "2031-01-01"], ["list"], ["list", "-f", "json"],
            ["list", "-f", "csv", "--source", "clickbait"], ["list", "--verdict", "false", "-f", "markdown"],
            ["list", "--source", "clickbat"]]


@pytest.fixture
def split(tmp_path: Path) -> Path:
    """The mini ledger with its claims in two files: the headline in b.yaml, its article's body in a.yaml."""
    root = tmp_path / "ledger"
    shutil.copytree(MINI, root)
    claims = (root / "claims.yaml").read_text(encoding="utf-8").split("\n  - id: ")
    (root / "claims.yaml").unlink()
    (root / "claims").mkdir()
    first = [c for c in claims[1:] if not c.startswith("headline-attack")]
    (root / "claims" / "a.yaml").write_text("claims:\n  - id: " + "\n  - id: ".join(first) + "\n", encoding="utf-8")
    headline = next(c for c in claims if c.startswith("headline-attack"))
    (root / "claims" / "b.yaml").write_text(f"claims:\n  - id: {headline}\n", encoding="utf-8")
    return root


def outputs(root: Path, cached: bool) -> list[tuple[int, str, str]]:
    """What every command prints, with or without the cache."""
    runner = CliRunner()
    env = {} if cached else {NO_CACHE_ENV: "1"}
    found = []
    claims = "".join(path.read_text(encoding="utf-8") for path in sorted((root / "claims").glob("*.yaml")))
    ids = re.findall(r"^  - id: (\S+)", claims, re.M)
    for command in [*COMMANDS, *(["verify", ident, "-f", "json"] for ident in ids)]:
        result = runner.invoke(app, [*command, "--data", str(root)], env=env)
        found.append((result.exit_code, result.stdout, result.stderr))
    return found


def same_with_and_without_cache(root: Path) -> list[tuple[int, str, str]]:
    expected = outputs(root, cached=False)
    assert outputs(root, cached=True) == expected  # filling the cache, or reading part of it
    assert outputs(root, cached=True) == expected  # reading it
    return expected


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES: dict[str, Callable[[Path], None]] = {
    "a fact's date": lambda root: edit(root / "facts.yaml", "date: 2014-03-18", "date: 2013-03-18"),
    "a fact's as_of": lambda root: edit(root / "facts.yaml", "as_of: 2026-11-01", "as_of: 2020-11-01"),
    "a source's grade": lambda root: edit(root / "sources.yaml", "reliability: F", "reliability: B"),
    "a source's kind": lambda root: edit(root / "sources.yaml", "kind: website\n    reliability: D",
                                         "kind: state-media\n    reliability: D"),
    "an entity's name": lambda root: edit(root / "facts.yaml", "name: NATO", "name: The Alliance"),
    "a relation": lambda root: edit(root / "facts.yaml", "words: [visited, visit]\n    repeatable: true",
                                    "words: [visited, visit]"),
    "a ruling": lambda root: edit(root / "claims" / "a.yaml", "ruling: mostly-true", "ruling: false"),
    "a claim's text": lambda root: edit(root / "claims" / "a.yaml", "Turkey is a key NATO member.",
                                        "Turkey is a NATO member."),
    "the headline's body, in another file": lambda root: edit(
        root / "claims" / "a.yaml", "article: art-1\n    source: clickbait\n    date: 2016-07-28\n    assertions:\n",
        "article: art-1\n    source: clickbait\n    date: 2016-07-28\n    assertions:\n"
        "      - {subject: [russia, turkey], relation: criticised, object: nato}\n"),
    "a body claim left out for an unknown source": lambda root: edit(
        root / "claims" / "a.yaml", "article: art-1\n    source: clickbait", "article: art-1\n    source: clickbat"),
    "a duplicate id across files": lambda root: edit(root / "claims" / "b.yaml", "id: headline-attack",
                                                     "id: body-nato"),
    "an id taken by a source": lambda root: edit(root / "claims" / "a.yaml", "id: opinion", "id: putin"),
    "a syntax error in a claims file": lambda root: edit(root / "claims" / "b.yaml", "ruling: misleading",
                                                         "ruling: [misleading"),
    "a claims file removed": lambda root: (root / "claims" / "b.yaml").unlink(),
    "a claims file added": lambda root: (root / "claims" / "c.yaml").write_text(
        "claims:\n  - {id: extra, text: Putin signed it., source: putin, ruling: true,\n"
        "     assertions: [{subject: putin, relation: signed, object: crimea-treaty}]}\n", encoding="utf-8"),
    "a desk added": lambda root: (root / "factcheck.yaml").write_text(
        "desk: {name: Desk, url: 'https://desk.example/'}\n", encoding="utf-8"),
    "a sources file that cannot be parsed": lambda root: edit(root / "sources.yaml", "sources:", "sources: ["),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_the_same_output_after_a_change(split: Path, change: str) -> None:
    before = same_with_and_without_cache(split)
    CHANGES[change](split)
    after = same_with_and_without_cache(split)
    assert after != before, "the change shows in some output"


def test_a_headline_follows_its_body_in_another_file(split: Path) -> None:
    def headline() -> str:
        result = CliRunner().invoke(app, ["verify", "headline-attack", "--data", str(split), "-f", "json"])
        return json.loads(result.stdout)["reason"]

    assert "its article body never says" in headline()
    CHANGES["the headline's body, in another file"](split)
    assert "its article body never says" not in headline()


def test_every_change_in_turn(split: Path) -> None:
    """Changes one after another, each on a cache the ones before it filled."""
    same_with_and_without_cache(split)
    for change in CHANGES:
        if change not in ("a syntax error in a claims file", "a sources file that cannot be parsed",
                          "a claims file removed"):
            CHANGES[change](split)
            same_with_and_without_cache(split)


def verified(monkeypatch: pytest.MonkeyPatch, command: list[str]) -> list[str]:
    """The ids of the claims a command verifies."""
    seen: list[str] = []
    verify = Engine.verify

    def counting(engine: Engine, claim, *args):  # type: ignore[no-untyped-def]
        seen.append(claim.id)
        return verify(engine, claim, *args)

    with monkeypatch.context() as patch:
        patch.setattr(Engine, "verify", counting)
        result = CliRunner().invoke(app, command)
    assert result.exit_code in (0, 1), result.output
    return seen


def test_a_warm_run_verifies_only_what_may_have_changed(split: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = ["--data", str(split)]
    cold = verified(monkeypatch, ["check", *data])  # each claims file verified alone as it is read, then
    assert len(set(cold)) == 8 and [c for c in cold if cold.count(c) > 1] == ["headline-attack"] * 2  # its
    assert verified(monkeypatch, ["check", *data]) == []  # headline whose body is in another file once more
    assert verified(monkeypatch, ["list", "-f", "json", *data]) == []
    edit(split / "claims" / "b.yaml", "ruling: misleading", "ruling: false")
    assert verified(monkeypatch, ["check", *data]) == ["headline-attack"] * 2  # alone, then with its body
    CHANGES["the headline's body, in another file"](split)  # the headline's verdict depends on it
    assert sorted(verified(monkeypatch, ["list", *data])) == sorted([*re.findall(
        r"^  - id: (\S+)", (split / "claims" / "a.yaml").read_text(), re.M), "headline-attack"])


OWN_ARTICLE = """\
  - id: headline-own
    text: Turkey Stays In NATO
    kind: headline
    article: art-2
    source: clickbait
    date: 2016-07-29
    assertions:
      - {subject: turkey, relation: member-of, object: nato}
    ruling: true
  - id: body-own
    text: Turkey is a member of NATO
    article: art-2
    source: clickbait
    date: 2016-07-29
    assertions:
      - {subject: turkey, relation: member-of, object: nato}
    ruling: true
"""


def test_only_headlines_whose_body_is_elsewhere_are_verified_again(split: Path, cache_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A cold run verifies each file alone as it reads it; then, of a file another bears on, only
    the headlines whose article's body is (partly) in another file, not every headline."""
    with (split / "claims" / "b.yaml").open("a", encoding="utf-8") as b:
        b.write(OWN_ARTICLE)
    expected = outputs(split, cached=False)
    shutil.rmtree(cache_dir, ignore_errors=True)  # (none is written without the cache)
    cold = verified(monkeypatch, ["check", "--data", str(split)])
    assert [c for c in cold if cold.count(c) > 1] == ["headline-attack"] * 2 and "headline-own" in cold
    assert outputs(split, cached=True) == expected


def test_a_headline_is_verified_again_from_the_chunks_holding_its_article(
        split: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cold run verifies again a headline whose article's body is in another file from the
    chunks of the cached records holding that headline and that body, not from every record of
    both files; the output is the output without the cache, before and after the body changes."""
    from factcheck import ledger
    from factcheck.ledger.parts import LedgerParts

    monkeypatch.setattr(ledger, "RECORDS_CHUNK", 2)  # a.yaml's 7 claims in 4 chunks, body-nato in the third
    read_at: list[list[int]] = []
    records_at = ledger.PackedRecords.records_at
    monkeypatch.setattr(ledger.PackedRecords, "records_at",
                        lambda packed, places, read: read_at.append(list(places)) or records_at(packed, places, read))
    read_whole: list[str] = []
    records = LedgerParts.records
    monkeypatch.setattr(LedgerParts, "records",
                        lambda parts, file: read_whole.append(file.shown) or records(parts, file))
    for change in (None, "the headline's body, in another file"):
        if change:
            CHANGES[change](split)
        expected = outputs(split, cached=False)
        shutil.rmtree(cache_dir, ignore_errors=True)
        read_at.clear()
        read_whole.clear()
        cold = verified(monkeypatch, ["check", "--data", str(split)])
        assert cold.count("headline-attack") == 2  # alone, then with its body
        assert read_at == [[0], [5]] and read_whole == []  # the headline in b.yaml, body-nato in a.yaml
        assert outputs(split, cached=True) == expected


def test_verify_reads_only_its_claims_file(split: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = ["--data", str(split)]
    assert verified(monkeypatch, ["verify", "headline-attack", *data]) == ["headline-attack"]
    assert verified(monkeypatch, ["verify", "headline-attack", *data]) == []
    assert len(verified(monkeypatch, ["verify", "crimea-2013", *data])) == 7  # the claims of a.yaml, at once
    assert verified(monkeypatch, ["verify", "body-nato", *data]) == []


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty"])
def test_damaged_kept_rows_are_ignored_and_rebuilt(split: Path, cache_dir: Path, damage: str) -> None:
    """The rows a small ledger's `list` keeps whole (results.py) are a signed entry like any other:
    damaged, they are not read but computed again, and kept again."""
    expected = outputs(split, cached=False)
    assert outputs(split, cached=True) == expected
    [entry] = cache_dir.glob("listed-*.derived")
    kept = entry.read_bytes()
    entry.write_bytes({"truncate": kept[:len(kept) // 2], "empty": b"",
                       "flip": kept[:-10] + bytes([kept[-10] ^ 0xFF]) + kept[-9:]}[damage])
    assert outputs(split, cached=True) == expected
    assert entry.read_bytes() == kept


def test_a_ledger_grown_past_the_limit_keeps_no_rows_whole(split: Path, cache_dir: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Past LISTED_LIMIT claims, rows are read a claims file at a time, and the rows kept whole
    while the ledger was smaller are removed (or every run would digest its files twice)."""
    assert outputs(split, cached=True) == outputs(split, cached=False)
    assert list(cache_dir.glob("listed-*.derived")) and list(cache_dir.glob("checked-*.derived"))
    monkeypatch.setattr(results, "LISTED_LIMIT", 7)  # the split ledger has 8 claims
    CHANGES["a ruling"](split)
    assert outputs(split, cached=True) == outputs(split, cached=False)
    assert not list(cache_dir.glob("listed-*.derived")) and not list(cache_dir.glob("checked-*.derived"))


def test_check_reads_what_it_found_back_while_nothing_it_depends_on_changed(
        split: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small ledger's findings are kept whole (results.py): read back, without loading the
    ledger, only for the same files, folder, day, --max-age and settings; the same output as
    without the cache either way."""
    from factcheck.ledger import parts as parts_module

    loaded: list[Path] = []
    load_parts = parts_module.load_parts

    def counting(root: Path, *args, **options):  # type: ignore[no-untyped-def]
        loaded.append(root)
        return load_parts(root, *args, **options)

    monkeypatch.setattr(parts_module, "load_parts", counting)

    def check(*args: str, env: dict[str, str] | None = None) -> bool:
        """Whether `check` loaded the ledger; its output is the output without the cache."""
        loaded.clear()
        command = ["check", *args, "--data", str(split)]
        result = CliRunner().invoke(app, command, env=env)
        had_to_load = bool(loaded)
        expected = CliRunner().invoke(app, command, env={**(env or {}), NO_CACHE_ENV: "1"})
        assert (result.exit_code, result.stdout, result.stderr) == \
               (expected.exit_code, expected.stdout, expected.stderr)
        return had_to_load

    assert check()
    assert not check() and not check("-f", "json", "--strict")
    assert check("--today", "2040-01-01") and not check("--today", "2040-01-01")
    assert check("--today", "2040-01-01", "--max-age", "9000")
    assert check("--today", "2040-01-01", "--max-age", "9000", env={"FACTCHECK_MAX_LEDGER_LINE_MB": "0.5"})
    assert not check("--today", "2040-01-01", "--max-age", "9000", env={"FACTCHECK_MAX_LEDGER_LINE_MB": "0.5"})
    (split / "claims" / "notes.txt").write_text("not a ledger file", encoding="utf-8")
    assert check() and not check()  # a warning about the folder: found, then read back
    assert "stray-file" in CliRunner().invoke(app, ["check", "--data", str(split)]).stdout
    (split / "claims" / "notes.txt").unlink()
    assert check()
    loaded.clear()  # a file of the ledger named (as pre-commit does): its ledger's findings
    assert not CliRunner().invoke(app, ["check", str(split / "claims" / "a.yaml")]).exit_code and not loaded
    edit(split / "claims" / "a.yaml", "ruling: mostly-true", "ruling: false")
    assert check() and not check()
    (split / "reviews.yaml").write_text("reviews: []\n", encoding="utf-8")
    assert check() and not check()


def test_claims_files_are_summarised_from_their_bytes_read_again(split: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A claims file's bytes are let go once digested (a million claims are 500 MB of YAML) and
    read again to summarise it: a file changed in between is refused, not summarised from bytes
    other than those its cached entries are keyed by."""
    from factcheck.diagnostics import FactcheckError
    from factcheck.ledger import parts

    summarise = parts._summarised
    held: list[int] = []

    def changing_first(ledger: parts.LedgerParts, files: list[parts.ClaimsFile], first_read: parts.FirstRead | None):
        held.extend(len(file.file.data) for file in files if isinstance(file.file, parts.FileBytes))
        edit(split / "claims" / "b.yaml", "ruling: misleading", "ruling: false")
        return summarise(ledger, files, first_read)

    monkeypatch.setattr(parts, "_summarised", changing_first)
    with pytest.raises(FactcheckError, match="changed while it was being read"):
        list(parts.load_parts(split).claims_files)
    assert held == [0, 0]  # both files were digested, none kept its bytes
    monkeypatch.setattr(parts, "_summarised", summarise)
    assert outputs(split, cached=True) == outputs(split, cached=False)  # the file as it is now
