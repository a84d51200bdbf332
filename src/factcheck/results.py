"""What `list` shows and `check` finds of each claim, computed a claims file at a time and cached.

A claim's verdict depends on its own file, on the sources and facts, and, for a headline, on
the claims of its article's body wherever they are written: `LedgerParts.verdicts_key` digests
all of it for one claims file. Each file's rows (for `list`) and findings (for `check`) are kept
in the cache under that digest, so a warm run verifies only the claims of the files whose digest
changed and reads the rest back; without the cache every claim is verified.

A small ledger's rows are also kept whole (`Listed`), under a digest of every file of the ledger:
when no file has changed, `list` reads them back without importing the loader, YAML, the model
or the verdict engine, which are most of its start-up. So are the problems `check` finds in it
(`Checked`), under a digest of its files and of the rest they depend on (the day, `--max-age`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

from .cache import FileCache, digest
from .diagnostics import FactcheckError, Problem
from .folder import display_path, ledger_files
from .inputs import read_ledger_bytes
from .parallel import shared, worth_forking

if TYPE_CHECKING:  # imported where they are used: a warm `list` of a small ledger needs none of them
    import datetime as dt

    from .checks import ClaimFindings
    from .ledger.parts import ClaimsFile, LedgerParts
    from .model import Claim
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

    parts = load_parts(root, first_read=OutcomesAlone())
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
    digests = _digests(files)
    kept = cache.get_derived(_listed_name(root), _files_key(root, digests)) if digests is not None else None
    return kept if isinstance(kept, Listed) else None


def _digests(files: list[tuple[Path, str]]) -> list[tuple[str, str, bytes]] | None:
    """Each file's kind, name as shown and digest of its bytes as they are now; None when one
    cannot be read (loading it reports why)."""
    digests = []
    for path, kind in files:
        shown = display_path(path)
        try:
            data, _ = read_ledger_bytes(path, shown)
        except (FactcheckError, OSError):
            return None
        digests.append((kind, shown, digest(data)))
    return digests


def _listed_key(root: Path, parts: LedgerParts) -> bytes | None:
    """The key of a ledger's kept rows: a digest of the bytes of each of its files as this run read
    them (not as they are now: a file changed since would key rows it does not give)."""
    files = _files_read(parts)
    return _files_key(root, files) if files is not None else None


def _files_read(parts: LedgerParts) -> list[tuple[str, str, bytes]] | None:
    """Each file of `parts` as this run read it: its kind, name as shown and digest; None when one
    could not be read or was not digested."""
    from .ledger import FileBytes

    claims = [file.file for file in parts.claims_files]
    files = [*parts.read_as, *((file.kind, file.shown, file.digest) for file in claims if isinstance(file, FileBytes))]
    if len(files) != len(parts.read_as) + len(claims) or not all(file_digest for _, _, file_digest in files):
        return None
    return files


class Checked(NamedTuple):
    """What `check` found in a ledger, as a run kept it: every problem, sorted, and how many
    files it read."""

    problems: list[Problem]
    files: int


FOLDER_CODES = ("stray-file", "symlink")
"""What finding a ledger's files reports without making it unusable (folder.py): part of what
`check` finds, so part of the key its findings are kept under."""


def checked(root: Path, today: dt.date, max_age_days: int) -> Checked | None:
    """What `check` found in the ledger in `root` for this day and `--max-age`, when a run kept it
    and the ledger has the same files (found as `load` finds them, with the same warnings about
    the folder) holding the same bytes; None otherwise, or with no cache. Read without importing
    the loader, YAML, the model or the engine."""
    cache = FileCache.open()
    if cache is None or not cache.stores(_checked_name(root)):
        return None
    found: list[Problem] = []
    files = ledger_files(root, True, found)
    digests = _digests(files) if files and not any(p.fatal for p in found) else None
    if digests is None:
        return None
    kept = cache.get_derived(_checked_name(root), _checked_key(root, digests, found, today, max_age_days))
    return kept if isinstance(kept, Checked) else None


def keep_checked(root: Path, parts: LedgerParts, problems: list[Problem], today: dt.date, max_age_days: int) -> None:
    """Keep what `check` found in the ledger in `root` (loaded with its reviews as `parts`) for
    `checked`, when the ledger is usable and small enough to keep whole; keyed by its files as
    this run read them and the warnings about its folder this run had."""
    if parts.cache is None:
        return
    files = _files_read(parts) if not parts.fatal and parts.count <= LISTED_LIMIT else None
    if files is None:
        parts.cache.drop_derived(_checked_name(root))
        return
    found = [p for p in parts.problems if p.code in FOLDER_CODES]
    parts.cache.put_derived(_checked_name(root), _checked_key(root, files, found, today, max_age_days),
                            Checked(problems, len(parts.file_names)))


def _checked_key(root: Path, files: list[tuple[str, str, bytes]], found: list[Problem], today: dt.date,
                 max_age_days: int) -> bytes:
    """A digest of everything `check`'s findings depend on besides the code: the ledger's files,
    the warnings about its folder, the day, `--max-age` and the settings read from the
    environment (the limits of inputs.py, among others)."""
    settings = sorted((name, value) for name, value in os.environ.items() if name.startswith("FACTCHECK_"))
    hasher = hashlib.blake2b(_files_key(root, files), digest_size=32)
    hasher.update(repr((sorted(str(p) for p in found), today.isoformat(), max_age_days, settings)).encode(
        "utf-8", "surrogateescape"))
    return hasher.digest()


def _files_key(root: Path, files: list[tuple[str, str, bytes]]) -> bytes:
    hasher = hashlib.blake2b(os.fsencode(str(root.absolute())) + b"\0", digest_size=32)
    for kind, shown, file_digest in sorted(files):
        hasher.update(f"{kind}\0{shown}\0".encode("utf-8", "surrogateescape") + file_digest)
    return hasher.digest()


def _listed_name(root: Path) -> str:
    return "listed-" + hashlib.sha256(os.fsencode(str(root.absolute()))).hexdigest()[:40]


def _checked_name(root: Path) -> str:
    return "checked-" + hashlib.sha256(os.fsencode(str(root.absolute()))).hexdigest()[:40]


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


BATCH_CLAIMS = 5000
"""Claims verified together (whole files): their records are let go after each batch, so a
ledger's claims need not fit in memory at once."""
PARALLEL_CLAIMS = 20000
"""Below this many claims to verify, starting worker processes costs more than it saves."""

_Batch: TypeAlias = "list[tuple[ClaimsFile, bytes | None]]"
"""Claims files to verify together, each with the key its outcome is cached under."""


def _outcomes(parts: LedgerParts) -> Iterator[tuple[ClaimsFile, FileOutcome]]:
    """Each claims file's outcome, read from the cache or computed (see `_computed`)."""
    cache = parts.cache
    keys = [parts.verdicts_key(file) for file in parts.claims_files]
    stored = [bool(cache and key and cache.holds(_entry_name("claims-results-", file), key))
              for file, key in zip(parts.claims_files, keys, strict=True)]
    todo = [(file, key) for file, key, held in zip(parts.claims_files, keys, stored, strict=True) if not held]
    computed = _computed(parts, todo)
    for file, key, held in zip(parts.claims_files, keys, stored, strict=True):
        if not held:
            yield file, next(computed)
            continue
        outcome = cache.get_derived(_entry_name("claims-results-", file), key) if cache and key else None
        if not isinstance(outcome, FileOutcome):  # its entry went bad since it was looked at
            [outcome] = _verify_batch(parts, parts.engine, [(file, key)])
        yield file, outcome


def _computed(parts: LedgerParts, todo: _Batch) -> Iterator[FileOutcome]:
    """The outcomes of the files `todo`, in order, verified in batches of whole files with one
    index of the facts, across the machine's cores when there are many claims."""
    if not todo:
        return
    engine = parts.engine
    batches: list[_Batch] = [[]]
    size = 0
    for file, key in todo:
        if size >= BATCH_CLAIMS:
            batches.append([])
            size = 0
        batches[-1].append((file, key))
        size += len(file.summary.claims)
    processes = worth_forking(len(batches)) if sum(len(file.summary.claims) for file, _ in todo) >= PARALLEL_CLAIMS \
        else 1
    for outcomes in shared(lambda number: _verify_batch(parts, engine, batches[number]), len(batches), processes):
        yield from outcomes


def _verify_batch(parts: LedgerParts, engine: Engine, batch: _Batch) -> list[FileOutcome]:
    """The outcomes of a batch of files, each cached; `engine` holds the facts, not the claims."""
    engine_whole: Engine | None = None  # with every claim of the batch, once a file needs it
    outcomes = []
    for file, key in batch:
        base = _outcome_alone(parts, file, key)
        if base is None:
            if engine_whole is None:
                engine_whole = engine.with_claims(parts.claims_for(file for file, _ in batch))
            outcome = _verified(engine_whole, len(file.summary.claims), parts.checked(file))
        else:  # another file bears on the verdicts of the headlines of some articles alone
            headlines, bodies = parts.headlines_again(file)
            outcome = _verified(engine.with_claims(bodies), len(file.summary.claims), headlines, base)
        if parts.cache and key:
            parts.cache.put_derived(_entry_name("claims-results-", file), key, outcome)
        outcomes.append(outcome)
    parts.forget()
    return outcomes


class OutcomesAlone:
    """Verifies each claims file as it is first read (`load_parts(first_read=...)`: in the worker
    process that parsed it, while its claims are at hand) against the sources and facts and its
    own article bodies, and caches the outcome under the key its verdicts have when no other file
    bears on them. `_outcomes` finds it there unless another file does (the key then differs and
    the outcome is computed again): a cold run does not read every claim back to verify it."""

    def __call__(self, parts: LedgerParts, file: ClaimsFile, claims: list[Claim]) -> None:
        key = parts.verdicts_key_alone(file)
        if parts.cache is None or key is None:
            return
        checked = [(index, claim) for index, claim in enumerate(claims) if index not in file.summary.dropped]
        engine = parts.engine.with_claims({claim.id: claim for _, claim in checked})
        parts.cache.put_derived(_entry_name("claims-results-", file), key, _verified(engine, len(claims), checked))


def _outcome_alone(parts: LedgerParts, file: ClaimsFile, key: bytes | None) -> FileOutcome | None:
    """The file's outcome as `OutcomesAlone` cached it, when it differs from the one wanted."""
    alone = parts.verdicts_key_alone(file)
    if parts.cache is None or alone is None or alone == key:
        return None
    outcome = parts.cache.get_derived(_entry_name("claims-results-", file), alone)
    return outcome if isinstance(outcome, FileOutcome) else None


def _verified(engine: Engine, count: int, checked: list[tuple[int, Claim]], base: FileOutcome | None = None
              ) -> FileOutcome:
    """The outcome of a file of `count` claims, of which those `checked` (by place) are verified;
    the others' are as in `base` (none without it)."""
    from .checks import claim_findings
    from .formats.records import claim_row

    found: list[ClaimFindings | None] = list(base.findings) if base else [None] * count
    shown: list[dict[str, Any] | None] = pickle.loads(base.rows) if base else [None] * count
    for index, claim in checked:
        verification = engine.verify(claim)
        found[index] = claim_findings(verification)
        shown[index] = claim_row(verification)
    return FileOutcome(found, pickle.dumps(shown, protocol=pickle.HIGHEST_PROTOCOL))


def _entry_name(prefix: str, file: ClaimsFile) -> str:
    return prefix + hashlib.sha256(os.fsencode(str(file.path.absolute()))).hexdigest()[:40]
