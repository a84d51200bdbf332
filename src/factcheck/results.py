"""What `list` shows and `check` finds of each claim, computed a claims file at a time and cached.

A claim's verdict depends on its own file, on the sources and facts, and, for a headline, on
the claims of its article's body wherever they are written: `LedgerParts.verdicts_key` digests
all of it for one claims file. Each file's rows (for `list`) and findings (for `check`) are kept
in the cache under that digest, so a warm run verifies only the claims of the files whose digest
changed and reads the rest back; without the cache every claim is verified.

A small ledger's rows are also kept whole (`Listed`), under a digest of every file of the ledger:
when no file has changed, `list` reads them back without importing the loader, YAML, the model
or the verdict engine, which are most of its start-up.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .cache import FileCache, digest
from .diagnostics import FactcheckError, Problem
from .folder import display_path, ledger_files
from .inputs import read_ledger_bytes

if TYPE_CHECKING:  # imported where they are used: a warm `list` of a small ledger needs none of them
    from .checks import ClaimFindings
    from .ledger.parts import ClaimsFile, LedgerParts
    from .verdict import Engine


class FileOutcome(NamedTuple):
    """One claims file's results, by the claim's place in the file (None for one left out)."""

    findings: list[ClaimFindings | None]
    rows: bytes
    """The rows of `list`, pickled: only `list` pays for reading them back."""


def findings(parts: LedgerParts) -> Iterator[ClaimFindings]:
    """What the checks need of every claim the ledger keeps, in ledger order."""
    for file, outcome in _outcomes(parts):
        for index in file.kept:
            found = outcome.findings[index]
            assert found is not None, "a kept claim has been verified"
            yield found


LISTED_LIMIT = 10_000
"""The most claims whose rows are also kept whole: a larger ledger's are read a claims file at a
time, so that memory never holds them all."""


class Listing(NamedTuple):
    """What `list` shows of a ledger: how many claims it keeps, their rows in ledger order, and
    the ids of its sources (asked for only to check `--source`)."""

    total: int
    rows: Iterable[dict[str, Any]]
    sources: Callable[[], Collection[str]]


class Listed(NamedTuple):
    """Every row of a ledger and its sources' ids, as a run of `list` kept them."""

    rows: list[dict[str, Any]]
    sources: frozenset[str]


def listing(root: Path) -> Listing:
    """`list` on the ledger in `root`: its rows read back whole when a run kept them and no file
    has changed since, else a claims file at a time (computed, or from the cache); a LedgerError
    when the ledger has errors."""
    kept = _listed(root)
    if kept is not None:
        return Listing(len(kept.rows), kept.rows, lambda: kept.sources)
    from .ledger import raise_errors
    from .ledger.parts import load_parts

    parts = load_parts(root)
    raise_errors(parts.problems)
    return Listing(parts.count, _rows_kept(parts, root), lambda: parts.world.sources)


def rows(parts: LedgerParts) -> Iterator[dict[str, Any]]:
    """The row `list` shows of every claim the ledger keeps, in ledger order."""
    for file, outcome in _outcomes(parts):
        read = pickle.loads(outcome.rows)
        for index in file.kept:
            yield read[index]


def _rows_kept(parts: LedgerParts, root: Path) -> Iterator[dict[str, Any]]:
    """The rows of `rows(parts)`, kept whole once the last is read when the ledger is small."""
    kept: list[dict[str, Any]] | None = [] if parts.cache and parts.count <= LISTED_LIMIT else None
    for row in rows(parts):
        if kept is not None:
            kept.append(row)
        yield row
    key = _listed_key(root, parts) if kept is not None else None
    if parts.cache and key:
        parts.cache.put_derived(_listed_name(root), key, Listed(kept or [], frozenset(parts.world.sources)))
    elif parts.cache:  # (a ledger grown past the limit: its files are not digested twice at every run)
        parts.cache.drop_derived(_listed_name(root))


def _listed(root: Path) -> Listed | None:
    """The rows kept for the ledger in `root`, when it has the same files (found as `load` finds
    them) holding the same bytes as when they were kept; None otherwise, or with no cache."""
    cache = FileCache.open()
    if cache is None or not cache.stores(_listed_name(root)):
        return None
    found: list[Problem] = []
    files = ledger_files(root, False, found)
    if not files or any(p.severity == "error" for p in found):
        return None
    digests = []
    for path, kind in files:
        shown = display_path(path)
        try:
            data, _ = read_ledger_bytes(path, shown)
        except (FactcheckError, OSError):  # reported by loading it
            return None
        digests.append((kind, shown, digest(data)))
    kept = cache.get_derived(_listed_name(root), _files_key(root, digests))
    return kept if isinstance(kept, Listed) else None


def _listed_key(root: Path, parts: LedgerParts) -> bytes | None:
    """The key of a ledger's kept rows: a digest of the bytes of each of its files as this run read
    them (not as they are now: a file changed since would key rows it does not give)."""
    from .ledger import FileBytes

    claims = [file.file for file in parts.claims_files]
    files = [*parts.read_as, *((file.kind, file.shown, file.digest) for file in claims if isinstance(file, FileBytes))]
    if len(files) != len(parts.read_as) + len(claims) or not all(file_digest for _, _, file_digest in files):
        return None
    return _files_key(root, files)


def _files_key(root: Path, files: list[tuple[str, str, bytes]]) -> bytes:
    hasher = hashlib.blake2b(os.fsencode(str(root.absolute())) + b"\0", digest_size=32)
    for kind, shown, file_digest in sorted(files):
        hasher.update(f"{kind}\0{shown}\0".encode("utf-8", "surrogateescape") + file_digest)
    return hasher.digest()


def _listed_name(root: Path) -> str:
    return "listed-" + hashlib.sha256(os.fsencode(str(root.absolute()))).hexdigest()[:40]


def verification_record(parts: LedgerParts, claim_id: str) -> dict[str, Any] | None:
    """What `verify` shows of the claim kept under `claim_id` (formats/records.py); None when the
    ledger has no such claim. The records of the claims of its file are computed together, from
    that file and those its verdicts depend on alone, and cached like the file's outcome."""
    found = parts.find(claim_id)
    if found is None:
        return None
    file, index = found
    key = parts.verdicts_key(file)
    name = _entry_name("claims-records-", file)
    records = parts.cache.get_derived(name, key) if parts.cache and key else None
    if not isinstance(records, list) or len(records) != len(file.summary.claims):
        from .formats.records import verification_record as claim_record
        from .verdict import Engine

        engine = Engine(parts.ledger_for([file]))
        records = [None] * len(file.summary.claims)
        for place, claim in parts.checked(file):
            records[place] = claim_record(engine.verify(claim), engine)
        if parts.cache and key:
            parts.cache.put_derived(name, key, records)
    return records[index]


def _outcomes(parts: LedgerParts) -> Iterator[tuple[ClaimsFile, FileOutcome]]:
    """Each claims file's outcome, read from the cache or computed; the files to compute are
    verified with one engine, built for them alone."""
    from .verdict import Engine

    cache = parts.cache
    keys = [parts.verdicts_key(file) for file in parts.claims_files]
    missing = [file for file, key in zip(parts.claims_files, keys, strict=True)
               if not (cache and key and cache.holds(_entry_name("claims-results-", file), key))]
    engine, covered = None, missing
    for file, key in zip(parts.claims_files, keys, strict=True):
        outcome = cache.get_derived(_entry_name("claims-results-", file), key) if cache and key else None
        if not isinstance(outcome, FileOutcome):
            if engine is None or file not in covered:  # (not covered: its entry went bad since it was looked at)
                covered = missing if file in missing else [file]
                engine = Engine(parts.ledger_for(covered))
            outcome = _verified(engine, parts, file)
            if cache and key:
                cache.put_derived(_entry_name("claims-results-", file), key, outcome)
        yield file, outcome


def _verified(engine: Engine, parts: LedgerParts, file: ClaimsFile) -> FileOutcome:
    from .checks import claim_findings
    from .formats.records import claim_row

    found: list[ClaimFindings | None] = [None] * len(file.summary.claims)
    shown: list[dict[str, Any] | None] = [None] * len(file.summary.claims)
    for index, claim in parts.checked(file):
        verification = engine.verify(claim)
        found[index] = claim_findings(verification)
        shown[index] = claim_row(verification)
    return FileOutcome(found, pickle.dumps(shown, protocol=pickle.HIGHEST_PROTOCOL))


def _entry_name(prefix: str, file: ClaimsFile) -> str:
    return prefix + hashlib.sha256(os.fsencode(str(file.path.absolute()))).hexdigest()[:40]
