"""The claim index free text is matched against: every ledger claim read once, found by what it says.

A sentence can only be the same claim as a ledger claim that names the same parties, verbs, dates
and numbers, with the same negation (the key of its gist, see reading/__init__.py): claims are
filed under a digest of that key, and a sentence is compared with the few filed under its own.

Reading a claim takes a fraction of a millisecond, so a large ledger's index is a minute of work.
Read from a ledger folder (`ClaimIndex.of_files`), it is kept in the cache (see cache.py),
two entries per claims file, keyed by the file's bytes, by the vocabulary its claims are read with
(every name, alias and relation word) and by the reading code:
- its outline, read for every file: where each key's claims are, the claims' ids, their article
  bodies, and whether the file loads without error against the ledger it was read with (which
  records its claims may name is part of the vocabulary), so that the ledger's checks of its
  claims are made without reading them (`ClaimIndex.fits`);
- its readings: each claim with its canonical words and gist, one pickle each, read only for a
  file a sentence's key points into, and unpickled only for those claims.
An edit re-reads only the files it touched; many claims are parsed and read across the machine's
cores (forked workers share the vocabulary).
"""

from __future__ import annotations

import array
import bisect
import contextlib
import functools
import hashlib
import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ..model import Claim, Ledger
from .vocabulary import Vocabulary

Entry = tuple[str, Any]  # a claim's canonical words and its gist (whose `digest` files it)
EntryOf = Callable[[str], Entry]

PARALLEL_CLAIMS = 2000
"""Fewer claims than this to read are read here: worker processes would cost more than they save."""

class Outline(NamedTuple):
    """What the index knows of one claims file without unpickling its claims, in a form quick to
    unpickle (it is read for every file on every run)."""

    keys: array.array  # the digests of the claims' gist keys, in order
    positions: array.array  # where the claim of each of `keys` stands in the file
    bodies: dict[str, tuple[int, ...]]  # article -> positions of its body's claims (not its headline)
    ids: str  # the claims' ids, one a line
    sound: bool  # nothing wrong reading it, and every record its claims name is in the ledger read with

    def positions_of(self, key: int) -> array.array:
        """The positions of the claims filed under `key`, in file order."""
        first = bisect.bisect_left(self.keys, key)
        return self.positions[first:bisect.bisect_right(self.keys, key, first)]

    def fits(self, seen: set[str]) -> bool:
        """Sound, with no id twice or already `seen` (which it adds to)."""
        ids = self.ids.split("\n") if self.ids else []
        before = len(seen)
        seen.update(ids)
        return self.sound and len(seen) == before + len(ids)


def _outline(claims: list[Claim], entries: list[Entry], clean: bool, ledger: Ledger | None) -> Outline:
    """`clean`: no error reading the file; `ledger`: the records its claims may name (None:
    claims already checked against them)."""
    filed = sorted((gist.digest, position) for position, (_, gist) in enumerate(entries))
    bodies: dict[str, list[int]] = {}
    for position, claim in enumerate(claims):
        if claim.article and claim.kind != "headline":
            bodies.setdefault(claim.article, []).append(position)
    return Outline(array.array("Q", [key for key, _ in filed]), array.array("L", [p for _, p in filed]),
                   {k: tuple(v) for k, v in bodies.items()}, "\n".join(c.id for c in claims),
                   clean and (ledger is None or all(_named(claim, ledger) for claim in claims)))


def _named(claim: Claim, ledger: Ledger) -> bool:
    """Whether every record a claim names is in the ledger."""
    sources, entities = ledger.sources, ledger.entities
    return ((not claim.source or claim.source in sources) and all(s in sources for s in claim.via)
            and all(s in sources for s in claim.attributed_to)
            and all(a.relation in ledger.relations and all(p in sources or p in entities for p in a.subject)
                    and (not a.object or a.object in sources or a.object in entities) for a in claim.assertions))


Indexed = tuple[Outline, list[bytes]]  # a claims file's outline and its claims' readings, pickled


class _File:
    """One claims file's outline, and its readings once a sentence needs one of them."""

    def __init__(self, outline: Outline, readings: list[bytes] | Callable[[], Indexed]) -> None:
        self.outline = outline
        self._readings = readings

    def reading(self, position: int) -> tuple[Claim, str, Any]:
        if callable(self._readings):
            self.outline, self._readings = self._readings()
        claim, canonical, gist = pickle.loads(self._readings[position])
        return claim, canonical, gist


class ClaimIndex:
    """Ledger claims by the digest of what they say."""

    def __init__(self, files: list[_File]) -> None:
        self._files = files

    def candidates(self, key: int) -> Iterator[tuple[Claim, str, Any]]:
        """(claim, canonical words, gist) of every claim filed under `key`, in ledger order."""
        for file in self._files:
            for position in file.outline.positions_of(key):
                yield file.reading(position)

    def body(self, article: str) -> list[Claim]:
        """The claims of an article's body (a headline is judged against them)."""
        return [file.reading(position)[0] for file in self._files
                for position in file.outline.bodies.get(article, ())]

    def fits(self, ledger: Ledger) -> bool:
        """Whether the claims files hold nothing that loading them with `ledger` would report
        (which records their claims may name is part of the vocabulary the index is keyed by)."""
        seen = {*ledger.sources, *ledger.entities, *ledger.relations, *ledger.facts}
        return all(file.outline.fits(seen) for file in self._files)

    @classmethod
    def of_ledger(cls, ledger: Ledger, entry_of: EntryOf) -> ClaimIndex:
        """The index of a ledger's claims already in memory, read here and not cached."""
        groups: dict[str, list[Claim]] = {}
        for claim in ledger.claims.values():
            groups.setdefault(claim.location.file, []).append(claim)
        files = []
        for claims in groups.values():
            entries = [entry_of(claim.text) for claim in claims]
            files.append(_File(_outline(claims, entries, True, None), _pickled(claims, entries)))
        return cls(files)

    @classmethod
    def of_files(cls, paths: list[Path], ledger: Ledger, common: bytes, entry_of: EntryOf) -> ClaimIndex:
        """The index of the claims files at `paths` of `ledger` (its sources and facts), read by
        `entry_of` with the vocabulary and code `common` is the digest of (`reading_key`): each
        file's outline from the cache, the files without one parsed and read (across cores when
        many)."""
        from ..cache import FileCache, digest

        cache = FileCache.open()
        how = _How(entry_of, common, ledger)
        files: list[_File | None] = []
        missing: list[tuple[int, Path]] = []
        for path in paths:
            if cache:
                try:
                    key = _file_key(common, path, digest(path.read_bytes()))
                except OSError:  # reported when the file is indexed
                    key = b""
                stored = cache.get_derived(_name("claim-outline", path), key) if key else None
                if isinstance(stored, Outline):
                    files.append(_File(stored, functools.partial(_stored_readings, cache, path, key, stored, how)))
                    continue
            missing.append((len(files), path))
            files.append(None)
        for (index, _), indexed in zip(missing, _index_all(how, [p for _, p in missing]), strict=True):
            files[index] = _File(*indexed)
        return cls([file for file in files if file is not None])


class _How(NamedTuple):
    """How claims files are indexed: each claim's text read by `entry_of`, with the vocabulary
    and code `common` is the digest of, its references checked against `ledger`."""

    entry_of: EntryOf
    common: bytes
    ledger: Ledger


def _pickled(claims: list[Claim], entries: list[Entry]) -> list[bytes]:
    return [pickle.dumps((claim, *entry), protocol=pickle.HIGHEST_PROTOCOL)
            for claim, entry in zip(claims, entries, strict=True)]


def _stored_readings(cache: Any, path: Path, key: bytes, outline: Outline, how: _How) -> Indexed:
    """A file's readings, stored under the key its outline was found under; when they are gone
    or were replaced meanwhile, the file indexed again."""
    stored = cache.get_derived(_name("claim-readings", path), key)
    if isinstance(stored, list) and len(stored) == len(outline.keys):
        return outline, stored
    return _index_file(how, path)


def _file_key(common: bytes, path: Path, source_digest: bytes) -> bytes:
    """The claims (and their locations) of a file of these bytes at this path, as they are shown."""
    from ..ledger import display_path

    return hashlib.blake2b(common + f"\0{path.absolute()}\0{display_path(path)}\0".encode() + source_digest,
                           digest_size=32).digest()


def _name(kind: str, path: Path) -> str:
    return f"{kind}-" + hashlib.sha256(str(path.absolute()).encode()).hexdigest()[:40]


def _index_file(how: _How, path: Path) -> Indexed:
    """One claims file parsed (or its records taken from the cache) and its claims read; its
    outline and readings are stored in the cache under the digest of the bytes they come from."""
    from ..cache import FileCache
    from ..ledger import file_records

    cache = FileCache.open()
    records, source_digest = file_records(path, "claims", cache)
    claims = [obj for kind, obj in records.records if kind == "claim"]
    entries = [how.entry_of(claim.text) for claim in claims]
    outline = _outline(claims, entries, not any(p.severity == "error" for p in records.problems), how.ledger)
    readings = _pickled(claims, entries)
    if cache and source_digest:
        key = _file_key(how.common, path, source_digest)
        cache.put_derived(_name("claim-readings", path), key, readings)
        cache.put_derived(_name("claim-outline", path), key, outline)
    return outline, readings


_JOB: tuple[_How, list[Path]] | None = None  # what forked workers read


def _index_all(how: _How, paths: list[Path]) -> list[Indexed]:
    """Each file indexed, across cores (forked workers share the vocabulary) when they are many."""
    global _JOB
    import multiprocessing

    workers = min(os.cpu_count() or 1, 8, len(paths))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods() or \
            _size(paths) < PARALLEL_CLAIMS * CLAIM_BYTES:
        return [_index_file(how, path) for path in paths]
    import concurrent.futures

    _JOB = (how, paths)
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_index_job, range(len(paths))))
    finally:
        _JOB = None


CLAIM_BYTES = 400
"""About how many bytes of YAML a claim takes, to tell from files' sizes how many claims they hold."""


def _size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):  # an unreadable file is reported when it is indexed
            total += path.stat().st_size
    return total


def _index_job(index: int) -> Indexed:
    assert _JOB is not None
    how, paths = _JOB
    return _index_file(how, paths[index])


def reading_key(ledger: Ledger) -> bytes:
    """A digest of everything a reading of a claim depends on but the claim: the ledger's
    vocabulary and the reading code."""
    return _vocabulary_digest(ledger) + _code_digest()


def cached_vocabulary(ledger: Ledger, common: bytes) -> Vocabulary:
    """The ledger's vocabulary (every form of every name and relation word, which takes about
    0.1 ms a name to build), from the cache when it was built for `common` (`reading_key`)."""
    from ..cache import FileCache

    cache = FileCache.open()
    name = "vocabulary-" + hashlib.sha256(common).hexdigest()[:40]
    stored = cache.get_derived(name, common) if cache else None
    if isinstance(stored, Vocabulary):
        return stored
    vocabulary = Vocabulary(ledger)
    if cache:
        cache.put_derived(name, common, vocabulary)
    return vocabulary


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
