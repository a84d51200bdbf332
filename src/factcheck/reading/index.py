"""The claim index free text is matched against: every ledger claim's reading, built once.

Reading a claim takes about a millisecond, so a large ledger's index is minutes of work: it is
kept in the cache (see ledger/cache.py), one entry per claims file, keyed by that file's claims
(ids and texts), by the vocabulary they are read with (every name, alias and relation word) and
by the reading code itself. An edit re-reads only the claims of the files it touched; an entry
never outlives what it was read with. Files to re-read are read across the machine's cores when
there are many claims.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..model import Claim, Ledger

Reading = Any
Entry = tuple[str, Any]  # a claim's canonical words and its gist

PARALLEL_CLAIMS = 2000
"""Fewer claims than this to read are read here: worker processes would cost more than they save."""

_JOB: tuple[Callable[[str], Entry], list[list[str]]] | None = None  # what forked workers read


def claim_index(ledger: Ledger, entry_of: Callable[[str], Entry]) -> list[tuple[Claim, str, Any]]:
    """(claim, canonical words, gist) for every ledger claim, in ledger order; `entry_of(text)`
    reads one claim's text."""
    from ..ledger.cache import FileCache

    cache = FileCache.open()
    groups: dict[str, list[Claim]] = {}
    for claim in ledger.claims.values():
        groups.setdefault(claim.location.file, []).append(claim)
    common = _vocabulary_digest(ledger) + _code_digest()
    keys, entries = {}, {}
    for file, claims in groups.items():
        hasher = hashlib.blake2b(common, digest_size=32)
        for claim in claims:
            hasher.update(f"{claim.id}\0{claim.text}\0".encode())
        keys[file] = hasher.digest()
        stored = cache.get_derived(_name(file), keys[file]) if cache else None
        if isinstance(stored, list) and len(stored) == len(claims):
            entries[file] = stored
    missing = [file for file in groups if file not in entries]
    for file, read in zip(missing, _read_all(entry_of, [[c.text for c in groups[f]] for f in missing]), strict=True):
        entries[file] = read
        if cache:
            cache.put_derived(_name(file), keys[file], read)
    return [(claim, *entry) for file, claims in groups.items() for claim, entry in zip(claims, entries[file],
                                                                                      strict=True)]


def _name(file: str) -> str:
    return "claim-index-" + hashlib.sha256(str(Path(file).absolute()).encode()).hexdigest()[:40]


def _vocabulary_digest(ledger: Ledger) -> bytes:
    """Everything a reading depends on in the ledger: names, aliases and relation words."""
    hasher = hashlib.blake2b(digest_size=32)
    for entity in ledger.entities.values():
        hasher.update(repr(("entity", entity.id, entity.name, entity.aliases)).encode())
    for source in ledger.sources.values():
        hasher.update(repr(("source", source.id, source.name, source.aliases)).encode())
    for relation in ledger.relations.values():
        hasher.update(repr((relation.id, relation.kind, relation.words, relation.start_words,
                            relation.end_words, relation.reverse_words)).encode())
    return hasher.digest()


def _code_digest() -> bytes:
    """The reading code and the English lexicon it reads verb forms from."""
    from .lexicon import fingerprint

    hasher = hashlib.blake2b(fingerprint(), digest_size=16)
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        hasher.update(source.read_bytes())
    return hasher.digest()


def _read_all(entry_of: Callable[[str], Entry], groups: list[list[str]]) -> list[list[Entry]]:
    """Each group of texts read, in chunks across cores (forked workers share the vocabulary)
    when there are many."""
    global _JOB
    texts = [text for group in groups for text in group]
    workers = min(os.cpu_count() or 1, 8)
    import multiprocessing

    if workers < 2 or len(texts) < PARALLEL_CLAIMS or "fork" not in multiprocessing.get_all_start_methods():
        read = [entry_of(text) for text in texts]
    else:
        import concurrent.futures

        size = 500
        _JOB = (entry_of, [texts[i:i + size] for i in range(0, len(texts), size)])
        try:
            with concurrent.futures.ProcessPoolExecutor(
                    workers, mp_context=multiprocessing.get_context("fork")) as pool:
                read = [entry for chunk in pool.map(_read_chunk, range(len(_JOB[1]))) for entry in chunk]
        finally:
            _JOB = None
    out, start = [], 0
    for group in groups:
        out.append(read[start:start + len(group)])
        start += len(group)
    return out


def _read_chunk(index: int) -> list[Entry]:
    assert _JOB is not None
    entry_of, chunks = _JOB
    return [entry_of(text) for text in chunks[index]]
