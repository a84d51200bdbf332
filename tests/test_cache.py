"""The per-file cache: the same results with and without it, after any change, and when an entry
is corrupt, foreign or sits in a folder others can write."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import ledger as ledger_module
from factcheck.cache import NO_CACHE_ENV, UNUSED_DAYS, FileCache
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


def test_records_are_cached_in_chunks_read_whole_or_in_part(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    """A file's records are pickled a chunk at a time: read back whole they are the records
    parsed, and the records at a few places are read from their chunks alone."""
    expected = without_cache(ledger_copy, monkeypatch)
    monkeypatch.setattr(ledger_module, "RECORDS_CHUNK", 3)
    assert snapshot(ledger_copy) == expected  # cold: fills the cache
    assert snapshot(ledger_copy) == expected  # warm: read from it
    cache = FileCache.open()
    assert cache is not None
    path = ledger_copy / "claims.yaml"
    read = ledger_module.read_file(path, "claims", ledger_module.display_path(path), cache)
    assert isinstance(read, ledger_module.FileBytes)
    packed = ledger_module.cached_records(read, cache)
    parsed = ledger_module.parse_file(read.shown, read.data, "claims")
    assert packed is not None and len(packed.chunks) == 3  # the mini ledger's 8 claims
    assert packed.unpacked().records == parsed.records
    loaded: list[bytes] = []
    loads = ledger_module.pickle.loads
    monkeypatch.setattr(ledger_module.pickle, "loads", lambda data: loaded.append(bytes(data)) or loads(data))
    read: dict = {}
    assert packed.records_at([7, 6], read) == {7: parsed.records[7][1], 6: parsed.records[6][1]}
    assert packed.records_at([1, 6], read) == {1: parsed.records[1][1], 6: parsed.records[6][1]}
    assert loaded == [packed.chunks[2], packed.chunks[0]]  # each chunk unpickled once


def test_an_entry_holding_records_not_in_chunks_is_ignored(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    """An entry signed with the key but holding anything other than chunked records (the format
    before them, with no records at all here) is not read: the file is parsed again."""
    expected = without_cache(ledger_copy, monkeypatch)
    cache = FileCache.open()
    assert cache is not None
    path = ledger_copy / "claims.yaml"
    read = ledger_module.read_file(path, "claims", ledger_module.display_path(path), cache)
    assert isinstance(read, ledger_module.FileBytes)
    cache.put(read.path, read.shown, read.info, read.digest, pickle.dumps(ledger_module.FileRecords([], [])))
    assert ledger_module.cached_records(read, cache) is None
    assert snapshot(ledger_copy) == expected
    assert ledger_module.cached_records(read, cache) is not None  # written again


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


NOW = 1_900_000_000.0
"""The clock pruning is tested with (March 2030): never the machine's."""
DAY = 86400.0


def aged(path: Path, days: float) -> Path:
    """Set a file's modification time (its last use, for the cache) `days` before NOW."""
    os.utime(path, (NOW - days * DAY, NOW - days * DAY), follow_symlinks=False)
    return path


def foreign(cache: FileCache) -> FileCache:
    """The same folder and key, as another version of the code would use it."""
    other = FileCache(cache.folder, cache.key, cache.now)
    other.fingerprint = "0" * 32
    return other


def test_pruning_removes_only_what_no_run_will_use(cache_dir: Path, tmp_path: Path) -> None:
    cache = FileCache.open(now=NOW)
    assert cache is not None
    for name in ("fresh", "month-less-a-day", "month"):
        cache.put_derived(name, b"key", [name])
    for name in ("foreign-fresh", "foreign-old"):
        foreign(cache).put_derived(name, b"key", [name])
    (cache_dir / "damaged.derived").write_bytes(b"not an entry")
    (cache_dir / "written.entry").write_bytes(b"")
    (cache_dir / ".tmp-live").write_bytes(b"half")
    (cache_dir / ".tmp-dead").write_bytes(b"half")
    (cache_dir / "notes.txt").write_text("not the cache's")
    (cache_dir / "folder.entry").mkdir()
    outside = tmp_path / "outside.entry"
    outside.write_bytes(b"not in the cache")
    (cache_dir / "link.entry").symlink_to(outside)
    ages = {"fresh.derived": 0.5, "month-less-a-day.derived": 29, "month.derived": 30, "foreign-fresh.derived": 0.9,
            "foreign-old.derived": 1, "damaged.derived": 2, "written.entry": 0, ".tmp-live": 0.9, ".tmp-dead": 1,
            "notes.txt": 400, "folder.entry": 400, "link.entry": 400, "key": 400, "last-pruned": 400}
    for name, days in ages.items():
        aged(cache_dir / name, days)
    aged(outside, 400)

    assert cache.prune() == 4
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted(
        ["fresh.derived", "month-less-a-day.derived", "foreign-fresh.derived", "written.entry", ".tmp-live",
         "notes.txt", "folder.entry", "link.entry", "key", "last-pruned"])
    assert outside.read_bytes() == b"not in the cache"
    assert cache.get_derived("month-less-a-day", b"key") == ["month-less-a-day"]
    assert FileCache.open(now=NOW) is not None and (cache_dir / "key").read_bytes() == cache.key


def test_the_cache_is_pruned_at_most_once_a_day(cache_dir: Path) -> None:
    cache = FileCache.open(now=NOW)  # a new folder: marked, not walked
    assert cache is not None and (cache_dir / "last-pruned").stat().st_mtime == NOW
    old = cache_dir / "old.derived"

    def opened(now: float) -> bool:
        """Whether opening the cache at `now` removed an entry unused for a year."""
        old.write_bytes(b"")
        aged(old, 365)
        assert FileCache.open(now=now) is not None
        return not old.exists()

    assert not opened(NOW)
    assert not opened(NOW + 0.9 * DAY)
    assert opened(NOW + DAY)
    assert (cache_dir / "last-pruned").stat().st_mtime == NOW + DAY
    assert not opened(NOW + 1.5 * DAY)
    assert opened(NOW - 2 * DAY)  # a clock set back: the mark from the future does not stop pruning
    (cache_dir / "last-pruned").unlink()  # a folder from before pruning: marked, pruned a day later
    assert not opened(NOW)
    assert opened(NOW + 2 * DAY)


def test_reading_an_entry_marks_it_used_once_a_day(cache_dir: Path) -> None:
    cache = FileCache.open(now=NOW)
    assert cache is not None
    cache.put_derived("rows", b"key", ["row"])
    entry = aged(cache_dir / "rows.derived", 10)
    assert cache.get_derived("rows", b"key") == ["row"]
    assert entry.stat().st_mtime == NOW
    aged(entry, 0.5)  # used today already: a read writes nothing
    assert cache.get_derived("rows", b"key") == ["row"]
    assert entry.stat().st_mtime == NOW - 0.5 * DAY
    aged(entry, 10)
    assert cache.get_derived("rows", b"other key") is None  # not the entry asked for: not a use of it
    assert entry.stat().st_mtime == NOW - 10 * DAY


def test_results_are_the_same_after_pruning(ledger_copy: Path, cache_dir: Path, monkeypatch) -> None:
    expected = without_cache(ledger_copy, monkeypatch)
    assert snapshot(ledger_copy) == expected
    written = entries(cache_dir)
    aged(cache_dir / "last-pruned", 0)  # pruned today: opening it prunes nothing
    cache = FileCache.open(now=NOW)
    assert cache is not None and written
    for entry in written:
        aged(entry, UNUSED_DAYS)
    assert cache.prune() == len(written) and not entries(cache_dir)
    assert snapshot(ledger_copy) == expected  # cold again, and the entries written again
    assert [e.name for e in entries(cache_dir)] == [e.name for e in written]


def test_the_help_says_where_the_cache_is_and_how_to_clear_it(monkeypatch) -> None:
    from factcheck import cache as cache_module

    for name in ("FACTCHECK_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "/home/someone")
    assert cache_module._default_folder() == Path("/home/someone/.cache/factcheck")
    helped = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    shown = " ".join(helped.stdout.replace("│", " ").split())  # the words, out of their box
    assert "$FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck or ~/.cache/factcheck" in shown
    assert "deleting the folder clears it" in shown
