"""A large ledger's files are read and verified shared with forked workers (parallel.py): the
output must be what one process gives, with the cache on or off, cold or warm."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import ledger, parallel, results, verdict
from factcheck.cache import FileCache
from factcheck.cli import app
from factcheck.ledger import parts
from factcheck.model import Ledger

from .test_warm import COMMANDS, outputs, split  # noqa: F401 - the fixture is used by name


def test_shared_gives_every_result_in_order() -> None:
    assert list(parallel.shared(lambda number: number * number, 7, 3)) == [n * n for n in range(7)]
    assert list(parallel.shared(lambda number: [number], 1, 3)) == [[0]]


@pytest.mark.skipif(parallel.worth_forking(2) < 2, reason="needs two cores and fork")
def test_this_process_works_ahead_while_it_waits_for_a_worker() -> None:
    def work(number: int) -> int:
        if number == 1:  # the worker's
            time.sleep(0.5)
        return number

    done: list[tuple[int, int]] = []
    ahead = [functools.partial(lambda n: done.append((n, os.getpid())), n) for n in range(3)]
    assert list(parallel.shared(work, 2, 2, ahead)) == [0, 1]
    assert done == [(0, os.getpid()), (1, os.getpid()), (2, os.getpid())]
    slow = [functools.partial(time.sleep, 0.1)] * 50
    started = time.monotonic()
    assert list(parallel.shared(work, 2, 2, slow)) == [0, 1]
    assert time.monotonic() - started < 4  # no more is started once the worker's result is ready


@pytest.mark.skipif(parallel.worth_forking(2) < 2, reason="needs two cores and fork")
def test_a_worker_done_with_its_items_works_ahead_until_every_result_is_in(tmp_path: Path) -> None:
    def work(number: int) -> int:
        if number == 0:  # this process's, while the worker, done with item 1, works ahead
            time.sleep(1)
        return number

    marks = tmp_path / "ahead"

    def note(number: int) -> None:
        with open(marks, "a", encoding="utf-8") as noted:
            noted.write(f"{number} {os.getpid()}\n")
        time.sleep(0.1)

    assert list(parallel.shared(work, 2, 2, [functools.partial(note, n) for n in range(100)])) == [0, 1]
    done = [line.split() for line in marks.read_text(encoding="utf-8").splitlines()]
    assert [int(number) for number, _ in done] == list(range(len(done)))  # each taken once, in order
    assert {pid for _, pid in done} - {str(os.getpid())}  # by the worker
    assert 2 <= len(done) < 50  # none started once both results were in


@pytest.mark.skipif(parallel.worth_forking(2) < 2, reason="needs two cores and fork")
def test_claims_files_are_parsed_ahead_while_a_worker_parses_the_facts(
        split: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # noqa: F811
    expected = outputs(split, cached=False)
    monkeypatch.setattr(ledger, "PARALLEL_BYTES", 0)
    parse = ledger.parse_file

    def slow_facts(shown: str, text: str | bytes, kind: str) -> ledger.FileRecords:
        if kind == "facts":  # in the worker
            time.sleep(1)
        return parse(shown, text, kind)

    monkeypatch.setattr(ledger, "parse_file", slow_facts)
    parsed_in = tmp_path / "parsed-ahead"
    read_ahead = parts.file_records

    def file_records(path: Path, kind: str, cache: FileCache | None) -> tuple[ledger.FileRecords, bytes]:
        with open(parsed_in, "a", encoding="utf-8") as marks:
            marks.write(f"{path.name} {os.getpid()}\n")
        return read_ahead(path, kind, cache)

    monkeypatch.setattr(parts, "file_records", file_records)
    assert outputs(split, cached=True) == expected  # cold, then warm
    assert parsed_in.read_text(encoding="utf-8").split("\n") == [f"a.yaml {os.getpid()}", f"b.yaml {os.getpid()}", ""]


@pytest.mark.skipif(parallel.worth_forking(2) < 2, reason="needs two cores and fork")
def test_forked_reading_and_verifying_change_nothing(split: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    expected = outputs(split, cached=False)
    monkeypatch.setattr(parts, "PARALLEL_BYTES", 0)  # every ledger counts as large
    monkeypatch.setattr(results, "PARALLEL_CLAIMS", 0)
    monkeypatch.setattr(results, "BATCH_CLAIMS", 1)  # a batch per file
    assert outputs(split, cached=False) == expected
    assert outputs(split, cached=True) == expected  # cold: verified alone, headlines again
    assert outputs(split, cached=True) == expected  # warm


@pytest.mark.skipif(parallel.worth_forking(2) < 2, reason="needs two cores and fork")
def test_the_facts_are_indexed_once_a_run_and_the_workers_inherit_them(
        split: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # noqa: F811
    expected = outputs(split, cached=False)
    monkeypatch.setattr(parts, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(results, "PARALLEL_CLAIMS", 0)
    monkeypatch.setattr(results, "BATCH_CLAIMS", 1)
    built = tmp_path / "engines"
    build = verdict.Engine.__init__

    def counted(engine: verdict.Engine, world: Ledger) -> None:
        with open(built, "a", encoding="utf-8") as marks:
            marks.write(f"{os.getpid()}\n")
        build(engine, world)

    monkeypatch.setattr(verdict.Engine, "__init__", counted)
    result = CliRunner().invoke(app, ["check", "--data", str(split)])  # cold: each file verified alone
    assert result.exit_code == expected[COMMANDS.index(["check"])][0]
    # one engine, built before the workers were forked; the headline whose body is in the other
    # file was verified again with it (before, each process and then the re-verification built one)
    assert built.read_text(encoding="utf-8").split() == [str(os.getpid())]
    assert outputs(split, cached=True) == expected


@pytest.mark.skipif(parallel.worth_forking(2) < 2 or not sys.platform.startswith("linux"),
                    reason="needs two cores, fork and Linux's prctl")
def test_a_worker_ends_when_the_process_that_forked_it_is_killed(tmp_path: Path) -> None:
    pids = tmp_path / "worker"
    program = (
        "import os, time\n"
        "from factcheck import parallel\n"
        "def work(number):\n"
        "    if number % 2:\n"
        f"        open({str(pids)!r}, 'w').write(str(os.getpid()))\n"
        "        time.sleep(60)\n"
        "    return number\n"
        "list(parallel.shared(work, 2, 2))\n")
    parent = subprocess.Popen([sys.executable, "-c", program])
    try:
        deadline = time.monotonic() + 30
        while not pids.exists() or not pids.read_text():
            assert time.monotonic() < deadline, "the worker never started"
            time.sleep(0.05)
        worker = int(pids.read_text())
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while _alive(worker):
            assert time.monotonic() < deadline, "the worker outlived its parent"
            time.sleep(0.05)
    finally:
        parent.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except OSError:
        return False
