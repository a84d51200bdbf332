"""A ledger read in parts, for the commands that go through its claims a file at a time (`check`,
`list`, `verify <id>`): a warm run reads small summaries, not every record.

Each claims file is summarised: the problems found reading it, each claim's id and position,
what its claims name that the sources and facts lack, the article bodies it adds to and the
articles its headlines belong to. The other files (sources, facts, the desk's settings, imported
reviews) are summarised together: their problems and their records' ids. Summaries are cached
under a digest of the bytes they were made from (a claims file's, and the sources' and facts'
files it was checked against), so each is reused until one of those files changes. Records are
read (from the record cache, see cache.py) only when asked for: a claims file's claims, or the
sources and facts (`world`), which every verdict depends on.

The problems found and the claims kept are those `load` finds and keeps; `verdicts_key` digests
everything the verdicts of one file's claims depend on, for caching what is computed from them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..cache import FileCache
from ..diagnostics import FactcheckError, Location, Problem
from ..model import Assertion, Claim, Ledger, pack_position
from . import (
    PARALLEL_BYTES,
    Builder,
    FileBytes,
    FileRecords,
    LoadResult,
    PackedRecords,
    References,
    cached_records,
    collector_paused,
    display_path,
    file_records,
    ledger_files,
    read_file,
    records_of,
)

if TYPE_CHECKING:
    from ..verdict import Engine

CLAIMS = "claims"


class ClaimsSummary(NamedTuple):
    """What one claims file brings to the whole ledger, without its claims."""

    problems: list[Problem]
    """Found reading and validating the file on its own."""
    references: list[Problem]
    """Ids its claims name that the sources and facts do not hold."""
    claims: list[tuple[str, int]]
    """Each claim's id and position (`pack_position`), in order."""
    dropped: frozenset[int]
    """The claims (by their place in `claims`) left out for naming what does not exist."""
    bodies: list[tuple[int, str, bytes]]
    """The claims of an article's body: place, article, and a digest of their assertions."""
    headlines: tuple[str, ...]
    """The articles its headlines belong to, sorted: their bodies bear on its verdicts."""
    headline_places: list[tuple[int, str]]
    """Each of its headlines (left out ones aside): place and article."""


class WorldSummary(NamedTuple):
    """What the files other than claims bring to the whole ledger, without their records."""

    problems: list[Problem]
    """Found reading them, and ids used twice among them."""
    references: list[Problem]
    """Ids their records name that do not exist, and loops of `republishes`."""
    ids: frozenset[str]
    """The ids of their records, which no claim may take."""


@dataclass(eq=False)
class ClaimsFile:
    """One claims file of the ledger: its summary, and its records once read."""

    path: Path
    shown: str
    file: FileBytes | FileRecords
    """As it was read (its bytes let go once digested: read again to summarise it), or why it could not be."""
    key: bytes | None
    """What the summary is cached under (None when nothing is cached)."""
    summary: ClaimsSummary
    records: FileRecords | None = None
    """Its records, kept when there is no other copy to read them back from."""
    pickled: bytes | None = None
    """Its records pickled, kept instead of them when there is no cache (a third of the memory)."""
    kept: list[int] = field(default_factory=list)
    """The claims the ledger keeps (by place): no duplicate id, naming nothing missing."""

    def location(self, index: int) -> Location:
        """Where the claim at `index` is written."""
        position = self.summary.claims[index][1]
        return Location(self.shown, position >> 32, position & 0xFFFFFFFF)


class LedgerParts:
    """A ledger's summaries, with its records read on demand."""

    def __init__(self, cache: FileCache | None) -> None:
        self.cache = cache
        self.problems: list[Problem] = []
        """Every problem `load` finds."""
        self.file_names: list[str] = []
        """Every file read, as shown."""
        self.claims_files: list[ClaimsFile] = []
        self.other_files: list[FileBytes | FileRecords] = []
        self.read_as: list[tuple[str, str, bytes]] = []
        """Each of `other_files` as it was read (before it was parsed into records): its kind,
        name as shown and digest (b"" when it could not be read or nothing is cached)."""
        self._bodies: dict[str, list[bytes]] = {}
        self._read: dict[ClaimsFile, list[Claim]] = {}
        """Claims read back since `forget`."""
        self._read_in_part: dict[ClaimsFile, tuple[PackedRecords, dict[int, list[tuple[str, Any]]]]] = {}
        """Records read back a chunk at a time since `forget`: each file's, and the chunks unpickled."""

    @property
    def fatal(self) -> bool:
        return any(p.fatal for p in self.problems)

    @property
    def count(self) -> int:
        """How many claims the ledger keeps."""
        return sum(len(file.kept) for file in self.claims_files)

    @property
    def world(self) -> Ledger:
        """The ledger without its claims: sources, entities, relations, facts, desk (and reviews)."""
        return self._world.result.ledger

    @cached_property
    def _world(self) -> Builder:
        """The files other than claims read into a builder, references checked (their problems
        put apart: `load` reports them only when nothing is unusable)."""
        builder = Builder(LoadResult(Ledger()), {})
        with collector_paused():
            for records in records_of([_bytes_again(file, self.cache) for file in self.other_files], self.cache):
                builder.keep(records)
        problems = builder.result.problems
        read = len(problems)
        builder.cross_check()
        self._world_references = problems[read:]
        del problems[read:]
        return builder

    @cached_property
    def engine(self) -> Engine:
        """The verdict engine over the sources and facts (no claims: see `Engine.with_claims`). Its
        indexes are built once a run, before the claims files' turn forks its workers, which
        inherit them: at a million claims a build takes 0.8 s, where each process built its own
        and the verdicts after them a third."""
        from ..verdict import Engine

        return Engine(self.world)

    @cached_property
    def _references(self) -> References:
        """For checking what claims name against the sources and facts."""
        return References(self.world, self._world.invalid, [])

    def claim_ids(self) -> list[str]:
        return [file.summary.claims[index][0] for file in self.claims_files for index in file.kept]

    def find(self, claim_id: str) -> tuple[ClaimsFile, int] | None:
        """The claims file holding the claim the ledger keeps under `claim_id`, and its place there."""
        for file in self.claims_files:
            for index in file.kept:
                if file.summary.claims[index][0] == claim_id:
                    return file, index
        return None

    def checked(self, file: ClaimsFile) -> list[tuple[int, Claim]]:
        """The claims of `file` that name nothing missing, by place (duplicates included: which
        of two is kept depends on the other files, what one of them says on its own does not)."""
        dropped = file.summary.dropped
        return [(index, claim) for index, claim in enumerate(self.records(file)) if index not in dropped]

    def records(self, file: ClaimsFile) -> list[Claim]:
        """Every claim built from `file`, in order: from memory, the record cache, or the file
        (kept until `forget`)."""
        if file.records is not None:
            return [claim for _, claim in file.records.records]
        claims = self._read.get(file)
        if claims is None:
            if file.pickled is not None:
                records = pickle.loads(file.pickled).unpacked()
            else:
                [records] = records_of([_bytes_again(file.file, self.cache)], self.cache)
            claims = self._read[file] = [claim for _, claim in records.records]
        return claims

    def claims_at(self, file: ClaimsFile, places: list[int]) -> dict[int, Claim]:
        """The claims of `file` at these places, unpickling only the chunks of its records that
        hold them when its records are not at hand (see `PackedRecords`)."""
        if file.records is None and file not in self._read and file not in self._read_in_part:
            packed: PackedRecords | None = None
            if file.pickled is not None:
                packed = pickle.loads(file.pickled)
            elif self.cache and isinstance(file.file, FileBytes):
                packed = cached_records(file.file, self.cache)
            if packed is not None:
                self._read_in_part[file] = packed, {}
        if file in self._read_in_part:
            packed, chunks = self._read_in_part[file]
            return packed.records_at(places, chunks)
        records = self.records(file)
        return {place: records[place] for place in places}

    def headlines_again(self, file: ClaimsFile) -> tuple[list[tuple[int, Claim]], dict[str, Claim]]:
        """The headlines of `file` whose verdicts differ from those it gives alone (those of the
        articles of `bodies_elsewhere`), by place, and the claims of those articles' bodies as the
        ledger keeps them, in ledger order: all verifying them needs, read without the rest of the
        files they are in (at a million claims, one article in a file of ten thousand claims)."""
        articles = self.bodies_elsewhere(file)
        headlines = self.claims_at(file, [place for place, article in file.summary.headline_places
                                          if article in articles])
        holding = {other for article in articles for other in self._body_files.get(article, ())}
        bodies: dict[str, Claim] = {}
        for other in (other for other in self.claims_files if other in holding):
            kept = set(other.kept)
            places = [place for place, article, _ in other.summary.bodies if article in articles and place in kept]
            if places:
                bodies.update((claim.id, claim) for claim in self.claims_at(other, places).values())
        return sorted(headlines.items()), bodies

    def forget(self) -> None:
        """Let go of the claims read back so far: a ledger's claims need not fit in memory at once."""
        self._read.clear()
        self._read_in_part.clear()

    def ledger_for(self, files: Iterable[ClaimsFile]) -> Ledger:
        """The ledger with the claims of `files` and of the article bodies their headlines belong
        to, enough to verify any claim of `files` as the whole ledger would."""
        return dataclasses.replace(self.world, claims=self.claims_for(files))

    def claims_for(self, files: Iterable[ClaimsFile]) -> dict[str, Claim]:
        """The claims the ledger keeps of `files` and of the article bodies their headlines belong to."""
        needed = set(files)
        for article in {article for file in needed for article in file.summary.headlines}:
            needed.update(self._body_files.get(article, ()))
        claims: dict[str, Claim] = {}
        for file in self.claims_files:
            if file in needed:
                records = self.records(file)
                claims.update((records[index].id, records[index]) for index in file.kept)
        return claims

    @cached_property
    def _body_files(self) -> dict[str, list[ClaimsFile]]:
        """The claims files holding part of each article's body."""
        found: dict[str, list[ClaimsFile]] = {}
        for file in self.claims_files:
            for article in dict.fromkeys(article for _, article, _ in file.summary.bodies):
                found.setdefault(article, []).append(file)
        return found

    def verdicts_key(self, file: ClaimsFile) -> bytes | None:
        """A digest of everything the verdicts of the file's claims depend on: its bytes, the
        sources' and facts' files, and the bodies of the articles its headlines belong to."""
        return None if file.key is None else _verdicts_key(file.key, file.summary.headlines, self._bodies)

    def bodies_elsewhere(self, file: ClaimsFile) -> set[str]:
        """The articles of the file's headlines whose body, as the ledger keeps it, is not the one
        the file gives them alone (its own body claims, all kept): only these headlines' verdicts
        differ from those `verdicts_key_alone` keys (at a file's edge, one article in a thousand)."""
        own: dict[str, list[bytes]] = {}
        for _, article, body in file.summary.bodies:
            own.setdefault(article, []).append(body)
        return {article for article in file.summary.headlines if self._bodies.get(article, []) != own.get(article, [])}

    @staticmethod
    def verdicts_key_alone(file: ClaimsFile) -> bytes | None:
        """The key `verdicts_key` gives the file if no other file bears on its verdicts (the
        bodies of its headlines' articles are all its own, and all kept), known as soon as it is
        summarised; None when its claims reuse an id (which of two is kept depends on the others)."""
        ids = [ident for ident, _ in file.summary.claims]
        if file.key is None or len(set(ids)) != len(ids):
            return None
        bodies: dict[str, list[bytes]] = {}
        for _, article, body in file.summary.bodies:
            bodies.setdefault(article, []).append(body)
        return _verdicts_key(file.key, file.summary.headlines, bodies)


def _verdicts_key(key: bytes, headlines: tuple[str, ...], bodies: dict[str, list[bytes]]) -> bytes:
    hasher = hashlib.blake2b(key, digest_size=32)
    for article in headlines:
        hasher.update(article.encode("utf-8", "surrogatepass") + b"\0")
        for body in bodies.get(article, ()):
            hasher.update(body)
        hasher.update(b"\1")
    return hasher.digest()


FirstRead = Callable[["LedgerParts", ClaimsFile, list[Claim]], None]
"""Called with each claims file summarised from its records (not from the cache) and its claims,
in the process that read it: what is worth computing while they are at hand."""


def load_parts(root: Path, reviews: bool = False, first_read: FirstRead | None = None) -> LedgerParts:
    """The ledger in `root`, in parts (see the module's docstring); its problems are those
    `load(root, reviews)` finds."""
    parts = LedgerParts(FileCache.open())
    files = ledger_files(root, reviews, parts.problems)
    if files:
        with collector_paused():
            _read(parts, files, root / f"{reviews}", first_read)
    return parts


def _read(parts: LedgerParts, files: list[tuple[Path, str]], name: Path, first_read: FirstRead | None) -> None:
    parts.file_names = [display_path(path) for path, _ in files]
    parts.other_files = [read_file(path, kind, display_path(path), parts.cache)
                         for path, kind in files if kind != CLAIMS]
    parts.read_as = [(file.kind, file.shown, file.digest) if isinstance(file, FileBytes) else ("", "", b"")
                     for file in parts.other_files]
    world = _summaries(parts, [path for path, kind in files if kind == CLAIMS], name, first_read)
    parts.problems += world.problems
    for file in parts.claims_files:
        parts.problems += file.summary.problems
    _take_ids(parts, world.ids)
    if parts.fatal:  # as `load`: references into a file that could not be read would all look broken
        return
    parts.problems += world.references
    for file in parts.claims_files:
        parts.problems += file.summary.references
        file.kept = [index for index in file.kept if index not in file.summary.dropped]
        kept = set(file.kept)
        for index, article, body in file.summary.bodies:
            if index in kept:
                parts._bodies.setdefault(article, []).append(body)


def _summaries(parts: LedgerParts, paths: list[Path], name: Path, first_read: FirstRead | None) -> WorldSummary:
    """Summarise the claims files (into `parts.claims_files`) and the other files (returned),
    each from the cache when the bytes it was made from are those read now (`name` tells one
    ledger's other files, read with or without reviews, from another's). When a claims file is
    to be summarised, the other files are read first, since claims are checked against them."""
    cache, others = parts.cache, parts.other_files
    world_name = _entry_name("world-summary-", name)
    world_key = _digest(others) if cache else None
    world = cache.get_derived(world_name, world_key) if cache and world_key else None
    checked_against = _digest(others, ("sources", "facts")) if cache else None
    pending: list[ClaimsFile] = []
    for path in paths:
        shown = display_path(path)
        read = read_file(path, CLAIMS, shown, cache)
        if isinstance(read, FileRecords):  # could not be read: nothing to parse
            unusable = ClaimsSummary(read.problems, [], [], frozenset(), [], (), [])
            pending.append(ClaimsFile(path, shown, read, None, unusable, read))
            continue
        key = (hashlib.blake2b(checked_against + os.fsencode(shown) + b"\0" + read.digest).digest()
               if checked_against else None)
        stored = cache.get_derived(_entry_name("claims-summary-", path), key) if cache and key else None
        # Its bytes are let go (read again to summarise it): a million claims are 500 MB of YAML,
        # which the forked workers would otherwise inherit too.
        pending.append(ClaimsFile(path, shown, read._replace(data=b""), key,
                                  stored if isinstance(stored, ClaimsSummary) else _UNREAD))
    unread = [claims_file for claims_file in pending if claims_file.summary is _UNREAD]
    if not isinstance(world, WorldSummary) or unread:
        parts.other_files = list(records_of(others, cache, _parse_ahead(unread, cache)))
    else:
        parts.other_files = [file._replace(data=b"") if isinstance(file, FileBytes) else file for file in others]
    if not isinstance(world, WorldSummary):
        builder = parts._world
        world = WorldSummary(list(builder.result.problems), parts._world_references, frozenset(builder.ids))
        if cache and world_key:
            cache.put_derived(world_name, world_key, world)
    for claims_file, (summary, records, pickled) in zip(unread, _summarised(parts, unread, first_read), strict=True):
        claims_file.summary, claims_file.records, claims_file.pickled = summary, records, pickled
    parts.claims_files = pending
    return world


def _parse_ahead(unread: list[ClaimsFile], cache: FileCache | None) -> list[Callable[[], object]]:
    """The claims files to summarise, each to parse into the cache while this process waits for
    a worker to parse facts.yaml (it stops when the facts are read). A file changed since it
    was first read is cached under its new bytes, which its summary will not find."""
    if cache is None:
        return []
    return [functools.partial(file_records, file.path, CLAIMS, cache)
            for file in unread if isinstance(file.file, FileBytes)]


_UNREAD = ClaimsSummary([], [], [], frozenset(), [], (), [])
"""Stands for the summary of a claims file not summarised yet."""

_Summarised = tuple[ClaimsSummary, FileRecords | None, bytes | None]
"""A claims file's summary, with its records or their pickle when nothing else could give them back."""


def _summarised(parts: LedgerParts, files: list[ClaimsFile], first_read: FirstRead | None) -> Iterator[_Summarised]:
    """Each file's summary, in order, from its records (read from the cache, or parsed): shared
    with worker processes when there are several large files (a split ledger)."""
    from ..parallel import shared, worth_forking

    size = sum(file.file.info.st_size for file in files if isinstance(file.file, FileBytes))
    processes = worth_forking(len(files)) if size >= PARALLEL_BYTES else 1
    if first_read is not None and processes > 1:
        _ = parts.engine  # built once here, for the workers to inherit (see `LedgerParts.engine`)
    return shared(lambda number: _summarise(parts, files[number], first_read, pickled=processes > 1),
                  len(files), processes)


def _summarise(parts: LedgerParts, file: ClaimsFile, first_read: FirstRead | None, pickled: bool) -> _Summarised:
    """Summarise one claims file from its records, caching both; what is returned keeps the
    records (or, when `pickled`, their pickle: a third of the memory) only when the cache is off."""
    cache = parts.cache
    read = file.file
    assert isinstance(read, FileBytes), "an unreadable file has its summary"
    [records] = records_of([_bytes_again(read, cache)], cache)
    summary = _summary(records, parts._references)
    if cache and file.key:
        cache.put_derived(_entry_name("claims-summary-", file.path), file.key, summary)
    if first_read:
        file.summary = summary
        first_read(parts, file, [claim for _, claim in records.records])
    if cache:
        return summary, None, None
    if pickled:
        return summary, None, PackedRecords.pickled(records, CLAIMS)
    return summary, records, None


def _take_ids(parts: LedgerParts, world_ids: frozenset[str]) -> None:
    """Register the claims' ids in file order, as `load` does: a claim whose id is taken is
    reported and left out. A file whose ids are all new is taken in a few set operations; the
    ids are registered with their locations only from the first file that reuses one."""
    taken = set(world_ids)
    files = parts.claims_files
    registered = 0  # files[:registered] have their claims' locations registered
    for number, file in enumerate(files):
        ids = [ident for ident, _ in file.summary.claims]
        if taken.isdisjoint(ids) and len(set(ids)) == len(ids):
            file.kept = list(range(len(ids)))
            taken.update(ids)
            continue
        builder = parts._world  # where the first of two is a source or a fact, its location is there
        for earlier in files[registered:number]:
            for index in earlier.kept:
                builder.register(earlier.summary.claims[index][0], earlier.location(index))
        registered = number + 1
        reported = len(builder.result.problems)
        file.kept = [index for index, ident in enumerate(ids) if builder.register(ident, file.location(index))]
        parts.problems += builder.result.problems[reported:]
        taken.update(ids)


def _bytes_again(file: FileBytes | FileRecords, cache: FileCache | None) -> FileBytes | FileRecords:
    """A file read earlier in the run, for its records: as it was, or read again when its bytes
    were let go and its records are not in the cache (refused if it has changed since)."""
    if isinstance(file, FileRecords) or file.data:
        return file
    cached = cached_records(file, cache) if cache else None
    if cached is not None:
        return cached.unpacked()
    again = read_file(file.path, file.kind, file.shown, cache)
    if not isinstance(again, FileBytes) or again.digest != file.digest:
        raise FactcheckError("the file changed while it was being read: run the command again", Location(file.shown))
    return again


def _digest(files: list[FileBytes | FileRecords], kinds: tuple[str, ...] | None = None) -> bytes | None:
    """A digest of the files (of these kinds only, if given): their names and bytes; None when
    one could not be read (then nothing derived from them is cached)."""
    hasher = hashlib.blake2b(digest_size=32)
    for file in files:
        if isinstance(file, FileRecords):
            return None
        if kinds is None or file.kind in kinds:
            hasher.update(os.fsencode(file.shown) + b"\0" + file.digest)
    return hasher.digest()


def _entry_name(prefix: str, path: Path) -> str:
    return prefix + hashlib.sha256(os.fsencode(str(path.absolute()))).hexdigest()[:40]


def _summary(records: FileRecords, references: References) -> ClaimsSummary:
    """Summarise one claims file's records, checking the ids they name against `references`."""
    found: list[Problem] = []
    references.problems = found
    claims, dropped, bodies, headlines = [], set(), [], []
    for index, (_, claim) in enumerate(records.records):
        claims.append((claim.id, pack_position(claim.location)))
        if not references.claim_holds(claim):
            dropped.add(index)
        elif claim.article and claim.kind == "headline":
            headlines.append((index, claim.article))
        elif claim.article:
            bodies.append((index, claim.article, _assertions_digest(claim.assertions)))
    return ClaimsSummary(list(records.problems), found, claims, frozenset(dropped), bodies,
                         tuple(sorted({article for _, article in headlines})), headlines)


def _assertions_digest(assertions: tuple[Assertion, ...]) -> bytes:
    """Every field of a body's assertions, in a form that does not depend on the run."""
    fields = [(sorted(a.subject), a.relation, a.object, str(a.date), str(a.after), str(a.before), a.value, a.change,
               a.negated, a.role, a.loose) for a in assertions]
    return hashlib.blake2b(repr(fields).encode(), digest_size=16).digest()
