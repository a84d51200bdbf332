"""The claim index free text is matched against: every ledger claim, found by what it says.

A sentence can only be the same claim as a ledger claim whose reading names the same parties,
verbs, dates and numbers, with the same negation, and has every other word the sentence has (the
gist, see reading/__init__.py). Reading a claim takes about 0.2 ms, a minute of work for a large
ledger; its dates, negation and words take a quarter of that and need no vocabulary. So claims
are filed under the digest of their dates and negation (`filed_under`), each with a signature of
its words' stems (64 bits, each set by the stems that hash to it, `stem_bits`), and a sentence's
candidates are the claims filed under its gist's digest whose signature holds every stem a claim
saying the same must have: the sentence's other words, and for each party and verb the stems all
its names or forms share (`Vocabulary.common_stems`). Only those few are read, when a sentence
asks (`Reader.match`).

Read from a ledger folder (`ClaimIndex.of_files`), it is kept in the cache (see cache.py),
two entries per claims file, keyed by the file's bytes and by the filing code alone (neither
depends on the rest of the ledger, so an edit of the sources or facts files re-reads no claims
file):
- its outline, read for every file: where each digest's claims are, their signatures and texts,
  their ids, their article bodies, whether the file reads without error and which records its
  claims name, so that the ledger's checks of its claims are made without reading them
  (`ClaimIndex.fits`);
- its claims, pickled a chunk of CHUNK at a time, unpickled only for a claim a sentence matches
  (and a headline's article body).
An edit re-reads only the files it touched; many claims files are parsed and filed across the
machine's cores.
"""

from __future__ import annotations

import array
import bisect
import contextlib
import functools
import hashlib
import os
import pickle
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ..model import Claim, Ledger, PartialDate
from .extract import NEGATIONS, dates_at, denial_of, relative_dates
from .text import STOPWORDS, normalise, stem, words_at
from .vocabulary import Vocabulary

PARALLEL_CLAIMS = 2000
"""Fewer claims than this to file are filed here: worker processes would cost more than they save."""

CHUNK = 32
"""Claims pickled together: unpickling the chunk of one claim takes 0.3 ms, and pickling claims
one by one took twice as long as in chunks."""


def filed_under(text: str) -> tuple[int, int]:
    """Where a claim's text is filed, read without the vocabulary: the digest of its dates and
    negation (`filing_key`, exactly as its reading has them) and the signature of its stems."""
    text = normalise(text)
    words, stems, starts = words_at(text)
    dates, blank = dates_at(text, starts, words)
    counted, _ = relative_dates(text, blank, starts, words, dates)  # "the following year"
    return filing_key(frozenset(m.date for m in dates + counted if not m.unsure and denial_of(words, m) is None),
                      not NEGATIONS.isdisjoint(words)), \
        stem_bits(set(stems))


def filing_key(dates: frozenset[PartialDate], negated: bool) -> int:
    """The digest claims are filed under, the same in every run."""
    text = repr((sorted(map(repr, dates)), negated))
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


_UNSIGNED = STOPWORDS | {stem(word) for word in STOPWORDS}
"""Stems left out of signatures: nearly every text has them, so they would tell nothing apart."""


def stem_bits(stems: Iterable[str]) -> int:
    """The signature of a set of stems: the bit of each (but `_UNSIGNED`). A text with every stem
    of another has every bit of its signature, so a claim lacking one of the bits a sentence
    requires lacks a stem it requires."""
    bits = 0
    for one in stems:
        if one not in _UNSIGNED:
            bits |= _bit(one)
    return bits


@functools.lru_cache(maxsize=1 << 16)
def _bit(one: str) -> int:
    return 1 << (zlib.crc32(one.encode()) & 63)


class Outline(NamedTuple):
    """What the index knows of one claims file without unpickling its claims, in a form quick to
    unpickle (it is read for every file on every run)."""

    keys: array.array  # the claims' filing keys, in order
    positions: array.array  # where the claim of each of `keys` stands in the file
    signatures: array.array  # the stem bits of the claim of each of `keys`
    texts: tuple[str, ...]  # the claims' texts, in file order
    bodies: dict[str, tuple[int, ...]]  # article -> positions of its body's claims (not its headline)
    ids: str  # the claims' ids, one a line
    clean: bool  # nothing wrong reading it
    sources: str  # the sources its claims name (as source, via, attributed to), one a line
    parties: str  # the sources or entities its claims' assertions name, one a line
    relations: str  # the relations its claims' assertions name, one a line

    def filed(self, key: int, required: int) -> Iterator[int]:
        """The positions of the claims filed under `key` whose signature has every bit of
        `required`, in file order."""
        first = bisect.bisect_left(self.keys, key)
        for index in range(first, bisect.bisect_right(self.keys, key, first)):
            if self.signatures[index] & required == required:
                yield self.positions[index]

    def fits(self, seen: set[str]) -> bool:
        """Clean, with no id twice or already `seen` (which it adds to)."""
        ids = self.ids.split("\n") if self.ids else []
        before = len(seen)
        seen.update(ids)
        return self.clean and len(seen) == before + len(ids)


def _outline(claims: list[Claim], clean: bool) -> Outline:
    """`clean`: no error reading the file."""
    filings = [filed_under(claim.text) for claim in claims]
    order = sorted(range(len(claims)), key=lambda position: (filings[position][0], position))
    bodies: dict[str, list[int]] = {}
    for position, claim in enumerate(claims):
        if claim.article and claim.kind != "headline":
            bodies.setdefault(claim.article, []).append(position)
    sources = {name for claim in claims for name in (claim.source, *claim.via, *claim.attributed_to) if name}
    assertions = [assertion for claim in claims for assertion in claim.assertions]
    parties = {party for a in assertions for party in (*a.subject, a.object) if party}
    return Outline(array.array("Q", [filings[p][0] for p in order]), array.array("L", order),
                   array.array("Q", [filings[p][1] for p in order]), tuple(claim.text for claim in claims),
                   {k: tuple(v) for k, v in bodies.items()}, "\n".join(c.id for c in claims), clean,
                   *("\n".join(sorted(names)) for names in (sources, parties, {a.relation for a in assertions})))


def _names(outlines: list[Outline], field: str) -> set[str]:
    """The records the outlines' claims name in one field (one a line in each)."""
    return set("\n".join(getattr(outline, field) for outline in outlines).split("\n")) - {""}


Chunks = list[bytes | list[Claim]]  # a file's claims, CHUNK at a time, pickled until one is asked for
Indexed = tuple[Outline, Chunks]
Filing = tuple[Outline, Chunks, bytes]  # a file's outline, its claims, and the key they are cached under


class _File:
    """One claims file's outline, and its claims once a sentence matches one of them."""

    def __init__(self, outline: Outline, chunks: Chunks | Callable[[], Indexed]) -> None:
        self.outline = outline
        self._chunks = chunks

    def claim(self, position: int) -> Claim:
        if callable(self._chunks):
            self.outline, self._chunks = self._chunks()
        chunk = self._chunks[position // CHUNK]
        if isinstance(chunk, bytes):
            chunk = self._chunks[position // CHUNK] = pickle.loads(chunk)
        return chunk[position % CHUNK]


class Filed(NamedTuple):
    """A claim a sentence's key points at: its text, read by the sentence's reader, and its
    record, unpickled only when asked for."""

    text: str
    file: _File
    position: int

    def claim(self) -> Claim:
        return self.file.claim(self.position)


class ClaimIndex:
    """Ledger claims by the digest of their dates and negation, with their stems' signatures."""

    def __init__(self, files: list[_File]) -> None:
        self._files = files

    def candidates(self, key: int, required: int) -> Iterator[Filed]:
        """Every claim filed under `key` whose signature has the bits of `required`, in ledger
        order."""
        for file in self._files:
            outline = file.outline
            for position in outline.filed(key, required):
                yield Filed(outline.texts[position], file, position)

    def body(self, article: str) -> list[Claim]:
        """The claims of an article's body (a headline is judged against them)."""
        return [file.claim(position) for file in self._files for position in file.outline.bodies.get(article, ())]

    def fits(self, ledger: Ledger) -> bool:
        """Whether the claims files hold nothing that loading them with `ledger` would report."""
        seen = {*ledger.sources, *ledger.entities, *ledger.relations, *ledger.facts}
        if not all(file.outline.fits(seen) for file in self._files):
            return False
        outlines = [file.outline for file in self._files]
        sources, parties, relations = (_names(outlines, field) for field in ("sources", "parties", "relations"))
        return (sources.issubset(ledger.sources) and relations.issubset(ledger.relations)
                and all(party in ledger.sources or party in ledger.entities for party in parties))

    @classmethod
    def of_ledger(cls, ledger: Ledger) -> ClaimIndex:
        """The index of a ledger's claims already in memory, filed here and not cached."""
        groups: dict[str, list[Claim]] = {}
        for claim in ledger.claims.values():
            groups.setdefault(claim.location.file, []).append(claim)
        return cls([_File(_outline(claims, True), [claims[i:i + CHUNK] for i in range(0, len(claims), CHUNK)])
                    for claims in groups.values()])

    @classmethod
    def of_files(cls, paths: list[Path]) -> ClaimIndex:
        """The index of a ledger's claims files at `paths`: each file's outline from the cache,
        the files without one parsed and filed (across cores when many)."""
        from ..cache import FileCache, digest

        cache = FileCache.open()
        code = _code_digest()
        files: list[_File | None] = []
        missing: list[tuple[int, Path]] = []
        for path in paths:
            if cache:
                try:
                    key = _file_key(code, path, digest(path.read_bytes()))
                except OSError:  # reported when the file is indexed
                    key = b""
                stored = cache.get_derived(_name("claim-outline", path), key) if key else None
                if isinstance(stored, Outline):
                    files.append(_File(stored, functools.partial(_stored_claims, cache, path, key, stored, code)))
                    continue
            missing.append((len(files), path))
            files.append(None)
        for (index, path), (outline, chunks, key) in zip(missing, _index_all(code, [p for _, p in missing]),
                                                         strict=True):
            files[index] = _File(outline, chunks if chunks or not key else  # (a worker's are left in the cache)
                                 functools.partial(_stored_claims, cache, path, key, outline, code))
        return cls([file for file in files if file is not None])


def _stored_claims(cache: Any, path: Path, key: bytes, outline: Outline, code: bytes) -> Indexed:
    """A file's claims, stored under the key its outline was found under; when they are gone or
    were replaced meanwhile, the file indexed again."""
    stored = cache.get_derived(_name("claim-records", path), key)
    if isinstance(stored, list) and len(stored) == -(-len(outline.texts) // CHUNK):
        return outline, stored
    outline, chunks, _ = _index_file(code, path)
    return outline, chunks


def _file_key(code: bytes, path: Path, source_digest: bytes) -> bytes:
    """The claims (and their locations) of a file of these bytes at this path, as they are shown,
    filed by the code `code` is the digest of."""
    from ..ledger import display_path

    return hashlib.blake2b(code + f"\0{path.absolute()}\0{display_path(path)}\0".encode() + source_digest,
                           digest_size=32).digest()


def _name(kind: str, path: Path) -> str:
    return f"{kind}-" + hashlib.sha256(str(path.absolute()).encode()).hexdigest()[:40]


def _index_file(code: bytes, path: Path) -> Filing:
    """One claims file parsed (or its records taken from the cache) and its claims filed; its
    outline and claims are stored in the cache under the digest of the bytes they come from (the
    key returned; b"" when not stored)."""
    from ..cache import FileCache
    from ..ledger import file_records

    cache = FileCache.open()
    records, source_digest = file_records(path, "claims", cache)
    claims = [obj for kind, obj in records.records if kind == "claim"]
    outline = _outline(claims, not any(p.severity == "error" for p in records.problems))
    chunks: Chunks = [pickle.dumps(claims[i:i + CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
                      for i in range(0, len(claims), CHUNK)]
    key = b""
    if cache and source_digest:
        key = _file_key(code, path, source_digest)
        cache.put_derived(_name("claim-records", path), key, chunks)
        cache.put_derived(_name("claim-outline", path), key, outline)
    return outline, chunks, key


_JOB: tuple[bytes, list[Path]] | None = None  # what forked workers read


def _index_all(code: bytes, paths: list[Path]) -> list[Filing]:
    """Each file indexed, across cores when they are many (a worker sends no claims it stored in
    the cache: the parent would hold every file's, 80 MB at 100k, to unpickle a few)."""
    global _JOB
    import multiprocessing

    workers = min(os.cpu_count() or 1, 8, len(paths))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods() or \
            _size(paths) < PARALLEL_CLAIMS * CLAIM_BYTES:
        return [_index_file(code, path) for path in paths]
    from ..parallel import forked_pool

    _JOB = (code, paths)
    try:
        with forked_pool(workers) as pool:
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


def _index_job(index: int) -> Filing:
    assert _JOB is not None
    code, paths = _JOB
    outline, chunks, key = _index_file(code, paths[index])
    return outline, [] if key else chunks, key


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
