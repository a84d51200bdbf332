"""What `list` shows and `check` finds of each claim, computed a claims file at a time and cached.

A claim's verdict depends on its own file, on the sources and facts, and, for a headline, on
the claims of its article's body wherever they are written: `LedgerParts.verdicts_key` digests
all of it for one claims file. Each file's rows (for `list`) and findings (for `check`) are kept
in the cache under that digest, so a warm run verifies only the claims of the files whose digest
changed and reads the rest back; without the cache every claim is verified.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterator
from typing import Any, NamedTuple

from .checks import ClaimFindings, claim_findings
from .formats.records import claim_row
from .formats.records import verification_record as claim_record
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


def rows(parts: LedgerParts) -> Iterator[dict[str, Any]]:
    """The row `list` shows of every claim the ledger keeps, in ledger order."""
    for file, outcome in _outcomes(parts):
        read = pickle.loads(outcome.rows)
        for index in file.kept:
            yield read[index]


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
    found: list[ClaimFindings | None] = [None] * len(file.summary.claims)
    shown: list[dict[str, Any] | None] = [None] * len(file.summary.claims)
    for index, claim in parts.checked(file):
        verification = engine.verify(claim)
        found[index] = claim_findings(verification)
        shown[index] = claim_row(verification)
    return FileOutcome(found, pickle.dumps(shown, protocol=pickle.HIGHEST_PROTOCOL))


def _entry_name(prefix: str, file: ClaimsFile) -> str:
    return prefix + hashlib.sha256(os.fsencode(str(file.path.absolute()))).hexdigest()[:40]
