"""Loading a ledger: files or folders of YAML, validated, cross-referenced, with locations."""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..cache import FileCache, digest
from ..diagnostics import FactcheckError, LedgerError, Location, Problem, brief, closest
from ..folder import DESK_FILE as DESK_FILE
from ..folder import LEDGER_FILES as LEDGER_FILES
from ..folder import REVIEWS_FILE as REVIEWS_FILE
from ..folder import display_path, ledger_files
from ..folder import ledger_documents as ledger_documents
from ..folder import ledger_folder as ledger_folder
from ..inputs import TooLarge, decode, read_ledger_bytes
from ..model import (
    Assertion,
    Citation,
    Claim,
    Desk,
    Entity,
    ExternalReview,
    Fact,
    Ledger,
    PartialDate,
    ProvenanceItem,
    Relation,
    Source,
    pack_position,
)
from .schema import ALL_FILES, REQUIRED_KEYS, SINGLE_RECORD_KEYS, Validator
from .yamlio import REFUSED, YamlList, YamlMap, read_yaml


@dataclass
class LoadResult:
    """The usable part of a ledger and every problem found on the way."""

    ledger: Ledger
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    unread: list[Path] = field(default_factory=list)
    """The claims files, when loaded without their claims."""

    @property
    def fatal(self) -> bool:
        return any(p.fatal for p in self.problems)


def load(root: Path, reviews: bool = False, replaced: Mapping[Path, str] | None = None,
         claims: bool = True) -> LoadResult:
    """Read the ledger in `root`, collecting problems instead of stopping at the first.

    `factcheck.yaml` is read when present; imported reviews only when `reviews` is asked for,
    since only the commands that search or check them need to pay for reading them.
    `replaced` gives new text for some of its files: what the ledger would be once they are
    written (`add` validates a record that way before writing it). Without `claims`, the
    claims files are found but not read (in `unread`): free text reads them through its index.
    """
    result = LoadResult(Ledger())
    files = ledger_files(root, reviews, result.problems)
    if not claims:
        result.unread = [path for path, kind in files if kind == "claims"]
        files = [(path, kind) for path, kind in files if kind != "claims"]
    if files:
        with collector_paused():
            builder = Builder(result, replaced or {})
            builder.read_all(files)
            if not result.fatal:  # references into a file that could not be read would all look broken
                builder.cross_check()
    return result


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Loading builds millions of objects and frees none: the collector's passes over them cost a
    quarter of the time and find nothing, so it waits until the ledger is built, which is then
    moved out of its sight (gc.freeze) for the rest of the run."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


def load_text(shown: str, text: str, kind: str) -> LoadResult:
    """One ledger file's text, validated as `load` would read it (to check a file before it is
    written); references to other files are not checked."""
    result = LoadResult(Ledger(), files=[shown])
    Builder(result, {}).keep(parse_file(shown, text, kind))
    return result


def load_or_raise(root: Path, reviews: bool = False) -> Ledger:
    """The ledger, or a LedgerError when anything about it is wrong (for list, verify...)."""
    result = load(root, reviews)
    raise_errors(result.problems)
    return result.ledger


def raise_errors(problems: list[Problem]) -> None:
    """A LedgerError when any of a ledger's problems is an error: it cannot be used (for list,
    verify...)."""
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise LedgerError(errors)


class FileRecords(NamedTuple):
    """What one ledger file holds: its records (with the name of their kind), in order, and the
    problems found reading it. This is what the cache keeps per file."""

    problems: list[Problem]
    records: list[tuple[str, Any]]
    invalid: tuple[str, ...] = ()
    """Ids of the records others refer to (sources, entities, relations) that failed validation:
    still known to cross-references (see `References`)."""


RECORDS_CHUNK = 1000
"""Claims pickled together. Pickle's memo of a whole 10,000-claim file no longer fits the CPU's
caches (17 µs a claim against 13 µs in chunks), and a few claims can then be read back without
the rest (`PackedRecords.records_at`: a headline's article body in another file)."""


class PackedRecords(NamedTuple):
    """A file's records as they are cached and sent back by worker processes: a claims file's
    pickled `RECORDS_CHUNK` at a time, another file's in one chunk. What records share (a date, a
    subject, an id) stays shared only within a chunk, and the sources and facts are held for the
    whole run: in chunks they took 30 MB more at 100,000 claims."""

    problems: list[Problem]
    invalid: tuple[str, ...]
    chunks: tuple[bytes, ...]
    size: int
    """Records a chunk."""

    @staticmethod
    def pickled(records: FileRecords, kind: str) -> bytes:
        """The records of a file of this kind, packed and pickled."""
        size = RECORDS_CHUNK if kind == "claims" else max(1, len(records.records))
        chunks = tuple(pickle.dumps(records.records[start:start + size], protocol=pickle.HIGHEST_PROTOCOL)
                       for start in range(0, len(records.records), size))
        packed = PackedRecords(records.problems, records.invalid, chunks, size)
        return pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)

    def unpacked(self) -> FileRecords:
        records: list[tuple[str, Any]] = []
        for chunk in self.chunks:
            records += pickle.loads(chunk)
        return FileRecords(self.problems, records, self.invalid)

    def records_at(self, places: Iterable[int], read: dict[int, list[tuple[str, Any]]]) -> dict[int, Any]:
        """The records at these places (by their place in the file), unpickling only the chunks
        that hold them and are not in `read` (chunk number -> records, filled as they are read)."""
        found = {}
        for place in places:
            number = place // self.size
            chunk = read.get(number)
            if chunk is None:
                chunk = read[number] = pickle.loads(self.chunks[number])
            found[place] = chunk[place % self.size][1]
        return found


def cached_records(file: FileBytes, cache: FileCache) -> PackedRecords | None:
    """The records the cache holds for the file's bytes as read, still packed; None when it holds none."""
    packed = cache.get(file.path, file.shown, file.info, file.digest)
    return packed if isinstance(packed, PackedRecords) else None


REFERRED_TO = ("source", "entity", "relation")
"""The kinds of record other records name by id."""


def _unreadable(where: Location, code: str, message: str) -> FileRecords:
    return FileRecords([Problem(where, code, message, fatal=True)], [])


class FileBytes(NamedTuple):
    """A ledger file as it was read, before it is parsed: its bytes, its status and (when the
    cache is on) their digest, which keys everything cached about the file."""

    path: Path
    kind: str
    shown: str
    data: bytes
    info: os.stat_result
    digest: bytes


def read_file(path: Path, kind: str, shown: str, cache: FileCache | None) -> FileBytes | FileRecords:
    """A ledger file's bytes, or (as records holding nothing else) the problem that it cannot be read."""
    try:
        data, info = read_ledger_bytes(path, shown)
    except TooLarge as error:
        return _unreadable(error.location or Location(shown), "too-large", error.message)
    except FactcheckError as error:
        return _unreadable(error.location or Location(shown), "unreadable", f"cannot read: {error.message}")
    except OSError as error:
        return _unreadable(Location(shown), "unreadable", f"cannot read: {error.strerror or error}")
    return FileBytes(path, kind, shown, data, info, digest(data) if cache else b"")


def records_of(files: Sequence[FileBytes | FileRecords], cache: FileCache | None,
               ahead: Sequence[Callable[[], object]] = ()) -> list[FileRecords]:
    """Each file's records, in order: from the cache when its entry matches the bytes read, the
    rest parsed (in worker processes when they are many and large, this one doing `ahead` while
    it waits for them: see `parallel.shared`) and cached."""
    done: list[FileRecords | None] = []
    for file in files:
        packed = cached_records(file, cache) if cache and isinstance(file, FileBytes) else None
        done.append(file if isinstance(file, FileRecords) else packed.unpacked() if packed else None)
    missing = [(index, file) for index, (file, records) in enumerate(zip(files, done, strict=True))
               if records is None and isinstance(file, FileBytes)]
    parsed = _parse_many([(file.shown, file.data, file.kind) for _, file in missing], bool(cache), ahead)
    for (index, file), (records, payload) in zip(missing, parsed, strict=True):
        if cache and payload and not any(p.code == "unreadable" for p in records.problems):
            cache.put(file.path, file.shown, file.info, file.digest, payload)
        done[index] = records
    return [records for records in done if records is not None]  # every file's, as none is left missing


def file_records(path: Path, kind: str, cache: FileCache | None) -> tuple[FileRecords, bytes]:
    """One ledger file's records as `load` reads them, from the cache or parsed (and cached), and
    the digest of the bytes they were read from (b"" without a cache, or when it is unreadable)."""
    read = read_file(path, kind, display_path(path), cache)
    [records] = records_of([read], cache)
    return records, read.digest if isinstance(read, FileBytes) else b""


def parse_file(shown: str, text: str | bytes, kind: str) -> FileRecords:
    """Parse, validate and build the records of one file, on its own (references between files
    are checked once every file is read)."""
    reader = _FileReader(shown)
    if isinstance(text, bytes):
        try:
            text = decode(text, shown)
        except FactcheckError as error:
            return _unreadable(error.location or Location(shown), "unreadable", f"cannot read: {error.message}")
    reader.read(text, kind)
    return FileRecords(reader.problems, reader.records, tuple(reader.invalid))


PARALLEL_BYTES = 4 * 1024 * 1024
"""Below this much YAML to parse, starting worker processes costs more than it saves."""


def _parse_pickled(job: tuple[str, bytes, str]) -> bytes:
    return PackedRecords.pickled(parse_file(*job), job[2])


def _parse_many(jobs: list[tuple[str, bytes, str]], pickled: bool,
                ahead: Sequence[Callable[[], object]] = ()) -> Iterator[tuple[FileRecords, bytes | None]]:
    """Each file's records, in order, with their pickle when `pickled` (for the cache): parsed
    shared with worker processes when there are several large files (a split ledger, or
    facts.yaml beside sources.yaml), else here."""
    from ..parallel import shared, worth_forking

    processes = worth_forking(len(jobs)) if sum(len(data) for _, data, _ in jobs) >= PARALLEL_BYTES else 1
    if processes < 2:
        for job in jobs:
            records = parse_file(*job)
            yield records, PackedRecords.pickled(records, job[2]) if pickled else None
        return
    for payload in shared(lambda number: _parse_pickled(jobs[number]), len(jobs), processes, ahead):
        yield pickle.loads(payload).unpacked(), payload  # one file's pickle held at a time


class _FileReader:
    """Turns one file's YAML into validated model objects, with every problem on the way."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems: list[Problem] = []
        self.records: list[tuple[str, Any]] = []
        self.invalid: list[str] = []
        self.validator = Validator(self.problems)
        # One object for each date and each subject, however often written: a file's records
        # share them, in memory and in the cache (a pickle stores a shared object once).
        self.dates: dict[str, PartialDate] = {}
        self.subjects: dict[Any, frozenset[str]] = {}

    def error(self, where: Location, code: str, message: str) -> None:
        self.problems.append(Problem(where, code, message))

    def read(self, text: str, kind: str) -> None:
        shown = self.shown
        document = read_yaml(shown, text, self.problems)
        if document is REFUSED:
            return
        if document is None:
            if not any(p.fatal and p.location.file == shown for p in self.problems):
                self.error(Location(shown), "empty", f"the file holds no {kind}: it is empty or only comments")
            return
        keys = ALL_FILES[kind]
        if not isinstance(document, YamlMap):
            self.error(Location(shown, 1, 1), "type",
                       f"{kind}.yaml must be a mapping with the keys: {', '.join(keys)}")
            return
        for key in REQUIRED_KEYS.get(kind, ()):
            if key not in document:
                self.error(Location(shown, 1, 1), "missing-field", f"{kind}.yaml has no '{key}'")
        for key in list(document):
            if key not in keys:
                self.error(document.loc(key), "unknown-field",
                           f"unknown key '{brief(key)}' in {kind}.yaml (expected: {', '.join(keys)})")
                continue
            items = document[key]
            if items is None:
                self.error(document.loc(key), "type", f"'{key}' is empty: write `{key}: []` or list its records")
                continue
            if key in SINGLE_RECORD_KEYS:
                if self.validator.record(items, keys[key], document.loc(key)):
                    self.records.append((keys[key], getattr(self, f"_build_{keys[key]}")(items)))
                continue
            if not isinstance(items, YamlList):
                self.error(document.loc(key), "type", f"'{key}' must be a list")
                continue
            record_name = keys[key]
            build = getattr(self, f"_build_{record_name.replace(' ', '_')}")
            for item, where in zip(items, items.item_locations, strict=True):
                if self.validator.record(item, record_name, where):
                    self.records.append((record_name, build(item)))
                elif record_name in REFERRED_TO and isinstance(item, YamlMap) and isinstance(item.get("id"), str):
                    self.invalid.append(item["id"])

    # dates -----------------------------------------------------------------------------------

    def _date(self, record: YamlMap, key: str) -> PartialDate | None:
        if key not in record:
            return None
        text = record[key]
        known = self.dates.get(text)
        if known is not None:
            return known
        try:
            date = self.dates[text] = PartialDate.parse(text)
            return date
        except ValueError:
            self.error(record.loc(key), "value", f"'{key}' is not a real date: {brief(record[key])}")
            return None

    def _subject(self, value: Any) -> frozenset[str]:
        key = value if isinstance(value, str) else tuple(value)
        known = self.subjects.get(key)
        if known is None:
            known = self.subjects[key] = frozenset([value] if isinstance(value, str) else value)
        return known

    def _citation(self, record: YamlMap) -> Citation:
        return Citation(record["title"], record["url"], self._date(record, "date") or PartialDate(1),
                        record.get("publisher", ""))

    # builders: one per record kind -----------------------------------------------------------

    def _build_source(self, r: YamlMap) -> Source:
        provenance = tuple(
            ProvenanceItem(p["about"], p["value"], self._date(p, "date"),
                           self._citation(p["citation"]) if "citation" in p else None)
            for p in r.get("provenance", ())
        )
        return Source(r["id"], r["name"], r["kind"], r["reliability"], r.location,
                      rationale=r.get("rationale", ""), url=r.get("url", ""), country=r.get("country", ""),
                      aliases=tuple(r.get("aliases", ())), republishes=tuple(r.get("republishes", ())),
                      provenance=provenance, field_locations=_positions(r))

    def _build_entity(self, r: YamlMap) -> Entity:
        return Entity(r["id"], r["name"], r.location, kind=r.get("kind", ""), aliases=tuple(r.get("aliases", ())))

    def _build_relation(self, r: YamlMap) -> Relation:
        return Relation(
            r["id"], r["kind"], r.location,
            words=tuple(r.get("words", ())), start_words=tuple(r.get("start_words", ())),
            end_words=tuple(r.get("end_words", ())), reverse_words=tuple(r.get("reverse_words", ())),
            repeatable=r.get("repeatable", False),
            symmetric=r.get("symmetric", False), one_per_subject=r.get("one_per_subject", False),
            one_per_object=r.get("one_per_object", False), implies=tuple(r.get("implies", ())),
        )

    def _range(self, record: YamlMap, start: PartialDate | None, end: PartialDate | None,
               keys: tuple[str, str], empty: Callable[[PartialDate, PartialDate], bool]) -> None:
        """Report a range no date fits in: `from` after `until`, `after` not earlier than `before`."""
        if start and end and empty(start, end):
            self.error(record.loc(keys[0]), "range",
                       f"'{keys[0]}' {start} is later than '{keys[1]}' {end}: no date fits both")

    def _build_fact(self, r: YamlMap) -> Fact:
        start, end = self._date(r, "from"), self._date(r, "until")
        self._range(r, start, end, ("from", "until"), lambda a, b: a.first > b.last)
        return Fact(
            r["id"], r["statement"], self._subject(r["subject"]), r["relation"],
            tuple(self._citation(c) for c in r["citations"]), r.location,
            object=r.get("object"), date=self._date(r, "date"), start=start,
            end=end, value=r.get("value"), unit=r.get("unit", ""),
            tolerance=r.get("tolerance", 0.1), negated=r.get("negated", False),
            as_of=self._date(r, "as_of"), note=r.get("note", ""), field_locations=_positions(r),
        )

    def _build_assertion(self, r: YamlMap) -> Assertion:
        after, before = self._date(r, "after"), self._date(r, "before")
        self._range(r, after, before, ("after", "before"), lambda a, b: a.last >= b.first)
        return Assertion(
            self._subject(r["subject"]), r["relation"], r.location, object=r.get("object"),
            date=self._date(r, "date"), after=after, before=before,
            value=r.get("value"), change=r.get("change"), negated=r.get("negated", False),
            role=r.get("role", "core"), loose=r.get("loose", False), field_locations=_positions(r),
        )

    def _build_claim(self, r: YamlMap) -> Claim:
        return Claim(
            r["id"], r["text"], r["source"], r.location, date=self._date(r, "date"), url=r.get("url", ""),
            article=r.get("article", ""), kind=r.get("kind", "statement"),
            attributed_to=tuple(r.get("attributed_to", ())), via=tuple(r.get("via", ())),
            anonymous=r.get("anonymous", False),
            assertions=tuple(self._build_assertion(a) for a in r.get("assertions", ())),
            ruling=r.get("ruling"), ruling_note=r.get("ruling_note", ""),
            reviewed=self._date(r, "reviewed"), field_locations=_positions(r),
        )

    def _build_desk(self, r: YamlMap) -> Desk:
        return Desk(r["name"], r["url"], r.location, language=r.get("language", ""), logo=r.get("logo", ""),
                    review_url=r.get("review_url", ""))

    def _build_rating_word(self, r: YamlMap) -> tuple[str, str]:
        return r["words"], r["verdict"]

    def _build_review(self, r: YamlMap) -> ExternalReview:
        return ExternalReview(
            r["claim"], r["publisher"], r["url"], r.location, date=self._date(r, "date"),
            rating=r.get("rating", ""), verdict=r.get("verdict"), rating_value=r.get("rating_value"),
            worst_rating=r.get("worst_rating"), best_rating=r.get("best_rating"), title=r.get("title", ""),
            language=r.get("language", ""), claimant=r.get("claimant", ""), claim_date=self._date(r, "claim_date"),
            appearances=tuple(r.get("appearances", ())), field_locations=_positions(r),
        )


class Builder:
    """Turns validated YAML records into model objects and checks references between them."""

    def __init__(self, result: LoadResult, replaced: Mapping[Path, str]) -> None:
        self.result = result
        self.replaced = replaced
        self.problems = result.problems
        self.ids: dict[str, Location] = {}
        self.invalid: set[str] = set()
        """Ids of sources, entities and relations that failed validation (see `References`)."""
        self.review_keys: dict[tuple[str, str], Location] = {}

    def error(self, where: Location, code: str, message: str) -> None:
        self.problems.append(Problem(where, code, message))

    def read_all(self, files: list[tuple[Path, str]]) -> None:
        """Read files in order (see `records_of`) and keep their records."""
        cache = FileCache.open()
        read: list[FileBytes | FileRecords] = []
        for path, kind in files:
            shown = display_path(path)
            self.result.files.append(shown)
            if path in self.replaced:
                read.append(parse_file(shown, self.replaced[path], kind))
            else:
                read.append(read_file(path, kind, shown, cache))
        for records in records_of(read, cache):
            self.keep(records)

    def keep(self, records: FileRecords) -> None:
        """Add one file's records and problems to the ledger."""
        self.problems.extend(records.problems)
        self.invalid.update(records.invalid)
        for record_name, obj in records.records:
            self._add(obj, record_name)

    def _keep(self, obj: Any) -> None:
        """The records without an id: the desk, rating words, imported reviews."""
        ledger = self.result.ledger
        if isinstance(obj, Desk):
            if ledger.desk is not None:
                self.error(obj.location, "duplicate-desk", f"the desk is set twice (first at {ledger.desk.location})")
            else:
                ledger.desk = obj
        elif isinstance(obj, ExternalReview):
            first = self.review_keys.get(obj.key)
            if first is not None:
                self.error(obj.location, "duplicate-review",
                           f"the same review of the same claim twice (first at {first})")
            else:
                self.review_keys[obj.key] = obj.location
                ledger.reviews.append(obj)
        else:
            words, verdict = obj
            ledger.rating_words[words] = verdict

    def _add(self, obj: Any, record_name: str) -> None:
        if obj is None:
            return
        if record_name in ("desk", "rating word", "review"):
            self._keep(obj)
            return
        if not self.register(obj.id, obj.location):
            return
        table = {"source": "sources", "entity": "entities", "relation": "relations",
                 "fact": "facts", "claim": "claims"}[record_name]
        getattr(self.result.ledger, table)[obj.id] = obj

    # references ------------------------------------------------------------------------------

    def register(self, ident: str, location: Location) -> bool:
        """Take an id for the record at `location`; False (and reported) when it is taken."""
        first = self.ids.get(ident)
        if first is not None:
            self.error(location, "duplicate-id", f"duplicate id '{brief(ident)}' (first at {first})")
            return False
        self.ids[ident] = location
        return True

    def cross_check(self) -> None:
        """Every id a record names must exist; `republishes` must not loop. Bad records are dropped."""
        ledger = self.result.ledger
        references = References(ledger, self.invalid, self.problems)
        for source in list(ledger.sources.values()):
            references.missing(source, "republishes", ledger.sources, "source")
        for relation in list(ledger.relations.values()):
            for ident in relation.implies:
                if ident not in ledger.relations:
                    self.error(relation.location, "unknown-reference", f"unknown relation '{ident}'")
        for fact in list(ledger.facts.values()):
            if not references.fact_holds(fact):
                del ledger.facts[fact.id]
        for claim in list(ledger.claims.values()):
            if not references.claim_holds(claim):
                del ledger.claims[claim.id]
        self._check_cycles(ledger, lambda s: ledger.sources[s].republishes if s in ledger.sources else ())

    def _check_cycles(self, ledger: Ledger, edges: Callable[[str], Any]) -> None:
        """Report each loop of `republishes`, walking with an explicit stack: a chain of any
        length cannot exhaust Python's recursion limit."""
        state: dict[str, int] = {}  # 1 on the current path, 2 done
        for root in ledger.sources:
            if root in state:
                continue
            path = [root]
            state[root] = 1
            stack = [iter(edges(root))]
            while stack:
                node = path[-1]
                nxt = next(stack[-1], None)
                if nxt is None:
                    state[node] = 2
                    path.pop()
                    stack.pop()
                elif state.get(nxt) == 1:
                    loop = " -> ".join([*path[path.index(nxt):], nxt])
                    self.error(ledger.sources[node].location, "cycle", f"provenance cycle: {loop}")
                elif nxt not in state:
                    state[nxt] = 1
                    path.append(nxt)
                    stack.append(iter(edges(nxt)))


class References:
    """The ids records name, checked against the sources, entities and relations of a ledger."""

    def __init__(self, ledger: Ledger, invalid: set[str], problems: list[Problem]) -> None:
        self.sources = ledger.sources
        self.relations = ledger.relations
        self.things = ledger.sources.keys() | ledger.entities.keys()
        self.invalid = invalid
        """Ids of sources, entities and relations that failed validation: a reference to one is
        not reported again (one mistake, one error), but what names it is still left out."""
        self.problems = problems

    def missing(self, record: Any, key: str, known: Any, what: str) -> bool:
        """Report each id under `key` of `record` that is not in `known`; True when one is missing."""
        value = getattr(record, key)
        ids = sorted(value) if isinstance(value, frozenset) else [value] if isinstance(value, str) else value or ()
        bad = [i for i in ids if i and i not in known]
        for ident in bad:
            if ident in self.invalid:
                continue
            hint = next(iter(closest(ident, known, cutoff=0.7)), "")
            self.problems.append(Problem(record.loc(key), "unknown-reference", f"unknown {what} '{brief(ident)}'"
                                         + (f" (did you mean '{hint}'?)" if hint else "")))
        return bool(bad)

    def fact_holds(self, fact: Fact) -> bool:
        """Whether every id the fact names exists (each one missing is reported)."""
        things, relations = self.things, self.relations
        if fact.relation in relations and fact.subject <= things and (not fact.object or fact.object in things):
            return True  # the common case, at a fraction of the cost of reporting
        bad = self.missing(fact, "subject", things, "entity or source")
        bad |= self.missing(fact, "object", things, "entity or source")
        bad |= self.missing(fact, "relation", relations, "relation")
        return not bad

    def claim_holds(self, claim: Claim) -> bool:
        """Whether every id the claim and its assertions name exists (each one missing is reported)."""
        sources, things, relations = self.sources, self.things, self.relations
        if ((not claim.source or claim.source in sources) and all(s in sources for s in claim.via)
                and all(s in sources for s in claim.attributed_to)
                and all(a.relation in relations and a.subject <= things and (not a.object or a.object in things)
                        for a in claim.assertions)):
            return True
        bad = self.missing(claim, "source", sources, "source")
        bad |= self.missing(claim, "via", sources, "source")
        bad |= self.missing(claim, "attributed_to", sources, "source")
        for assertion in claim.assertions:
            bad |= self.missing(assertion, "subject", things, "entity or source")
            bad |= self.missing(assertion, "object", things, "entity or source")
            bad |= self.missing(assertion, "relation", relations, "relation")
        return not bad


def _positions(record: YamlMap) -> dict[str, int]:
    return {key: pack_position(where) for key, where in record.key_locations.items()}
