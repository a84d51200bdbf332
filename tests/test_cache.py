"""The per-file cache: the same results with and without it, after any change, and when an entry
is corrupt, foreign or sits in a folder others can write."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import ledger as ledger_module
from factcheck.cache import NO_CACHE_ENV
from factcheck.cli import app
from factcheck.ledger import load

from .conftest import MINI


def snapshot(root: Path) -> tuple:
    """Everything a load yields, locations included (they are not part of records' equality)."""
    result = load(root)
    ledger = result.ledger
    records = [*ledger.sources.values(), *ledger.entities.values(), *ledger.relations.values(),
               *ledger.facts.values(), *ledger.claims.values()]
    locations = [(str(r.location), sorted((k, str(r.loc(k))) for k in getattr(r, "field_locations", {})))
                 for r in records]
    assertion_locations = [[str(a.loc(k)) for k in ("subject", "relation", "date")]
                           for c in ledger.claims.values() for a in c.assertions]
    return records, locations, assertion_locations, [str(p) for p in result.problems], result.files


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.entry"))


@pytest.fixture
def ledger_copy(tmp_path: Path) -> Path:
    target = tmp_path / "ledger"
    shutil.copytree(MINI, target)
    # one file with a problem, so problems are cached and compared too
    (target / "sources.yaml").write_text((MINI / "sources.yaml").read_text() + "  - {id: nameless, kind: blog}\n")
    return target


def without_cache(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple:
    with monkeypatch.context() as patch:
        patch.setenv(NO_CACHE_ENV, "1")
        return snapshot(root)


def test_warm_results_are_the_cold_results(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    expected = without_cache(ledger_copy, monkeypatch)
    assert not cache_dir.exists() or not entries(cache_dir)
    assert expected[3], "the ledger has a problem to cache"
    assert snapshot(ledger_copy) == expected  # cold: fills the cache
    assert len(entries(cache_dir)) == 3
    assert snapshot(ledger_copy) == expected  # warm: read from it


def test_an_edit_is_seen_even_with_the_same_size_and_time(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    snapshot(ledger_copy)
    claims = ledger_copy / "claims.yaml"
    before = os.stat(claims)
    text = claims.read_text()
    edited = text.replace("ruling: false", "ruling: fAlse", 1)
    assert edited != text and len(edited) == len(text)
    claims.write_text(edited)
    os.utime(claims, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert snapshot(ledger_copy) == without_cache(ledger_copy, monkeypatch)
    assert any("fAlse" in p for p in snapshot(ledger_copy)[3])


def test_files_added_and_removed(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    snapshot(ledger_copy)
    folder = ledger_copy / "claims"
    folder.mkdir()
    (ledger_copy / "claims.yaml").rename(folder / "a.yaml")
    (folder / "b.yaml").write_text("claims:\n  - {id: extra, text: Another claim., source: wire}\n")
    assert snapshot(ledger_copy) == without_cache(ledger_copy, monkeypatch)
    (folder / "b.yaml").unlink()
    assert snapshot(ledger_copy) == without_cache(ledger_copy, monkeypatch)


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign", "empty"])
def test_a_bad_entry_is_ignored_and_rebuilt(ledger_copy: Path, cache_dir: Path, monkeypatch, damage: str) -> None:
    expected = without_cache(ledger_copy, monkeypatch)
    snapshot(ledger_copy)
    for entry in entries(cache_dir):
        blob = entry.read_bytes()
        if damage == "truncate":
            entry.write_bytes(blob[: len(blob) // 2])
        elif damage == "flip":
            entry.write_bytes(blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:])
        elif damage == "empty":
            entry.write_bytes(b"")
    if damage == "foreign":  # entries signed by another key: another user's, another machine's
        (cache_dir / "key").write_bytes(os.urandom(32))
    assert snapshot(ledger_copy) == expected
    rebuilt = {e.name: e.read_bytes() for e in entries(cache_dir)}
    assert snapshot(ledger_copy) == expected
    assert rebuilt == {e.name: e.read_bytes() for e in entries(cache_dir)}  # the rebuilt entries were used


def test_a_cache_folder_others_can_write_is_not_used(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    cache_dir.mkdir(mode=0o777)
    os.chmod(cache_dir, 0o777)
    assert snapshot(ledger_copy) == without_cache(ledger_copy, monkeypatch)
    assert not list(cache_dir.iterdir())


def test_the_cache_folder_and_key_are_private(ledger_copy: Path, cache_dir: Path) -> None:
    snapshot(ledger_copy)
    assert cache_dir.stat().st_mode & 0o077 == 0
    assert (cache_dir / "key").stat().st_mode & 0o077 == 0
    assert all(e.stat().st_mode & 0o077 == 0 for e in entries(cache_dir))


def test_no_cache_option_writes_nothing(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv(NO_CACHE_ENV, "")  # the option sets it for the run: restored after the test
    result = CliRunner().invoke(app, ["--no-cache", "list", "--data", str(ledger_copy)])
    assert result.exit_code == 2, result.output  # the nameless source
    assert not cache_dir.exists() or not entries(cache_dir)
    monkeypatch.setenv(NO_CACHE_ENV, "")
    CliRunner().invoke(app, ["list", "--data", str(ledger_copy)])
    assert entries(cache_dir)


def test_files_parsed_in_worker_processes_read_the_same(tmp_path: Path, cache_dir: Path, monkeypatch) -> None:
    root = tmp_path / "split"
    shutil.copytree(MINI, root)
    claims = (root / "claims.yaml").read_text().split("\n  - id: ")
    (root / "claims.yaml").unlink()
    (root / "claims").mkdir()
    for index, chunk in enumerate(claims[1:]):
        (root / "claims" / f"{index:03d}.yaml").write_text(f"claims:\n  - id: {chunk}\n")
    expected = without_cache(root, monkeypatch)
    monkeypatch.setattr(ledger_module, "PARALLEL_BYTES", 0)
    assert snapshot(root) == expected
    assert len(entries(cache_dir)) == len(claims) + 1


def test_the_reader_lexicon_shares_the_private_cache(cache_dir: Path, monkeypatch) -> None:
    """Free text run first must leave a cache the records can still use, and read its lexicon back."""
    from factcheck.cache import FileCache
    from factcheck.reading import lexicon

    lexicon._tables.cache_clear()
    built = lexicon._tables()
    assert (cache_dir / "lexicon.derived").exists()
    assert os.stat(cache_dir).st_mode & 0o077 == 0
    assert FileCache.open() is not None

    def unexpected_build() -> None:
        raise AssertionError("the lexicon was built again instead of read from the cache")

    lexicon._tables.cache_clear()
    monkeypatch.setattr(lexicon, "_build", unexpected_build)
    try:
        assert lexicon._tables() == built
    finally:
        lexicon._tables.cache_clear()
