"""Loading a ledger: files or folders of YAML, validated, cross-referenced, with locations."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import FactcheckError, LedgerError, Location, Problem, Severity, closest
from ..inputs import TooLarge, read_ledger_file
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
)
from .schema import ALL_FILES, FILES, REQUIRED_KEYS, SINGLE_RECORD_KEYS, Validator
from .yamlio import REFUSED, YamlList, YamlMap, read_yaml

LEDGER_FILES = tuple(FILES)  # sources, facts, claims: loaded in this order
DESK_FILE = "factcheck"
REVIEWS_FILE = "reviews"


@dataclass
class LoadResult:
    """The usable part of a ledger and every problem found on the way."""

    ledger: Ledger
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        return any(p.fatal for p in self.problems)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def ledger_documents(root: Path, kind: str, problems: list[Problem] | None = None) -> Iterator[Path]:
    """The YAML files holding one kind of record: `<kind>.yaml`, or every file of `<kind>/`.

    Anything else in `<kind>/` (subfolders, other files, FIFOs) is reported as a `stray-file`
    warning; a symlink leading outside the ledger is reported and not followed.
    """
    problems = [] if problems is None else problems
    inside = _resolved(root)
    for suffix in (".yaml", ".yml"):
        single = root / f"{kind}{suffix}"
        if (single.is_symlink() or single.exists()) and _usable(single, inside, problems) and single.is_file():
            yield single
    folder = root / kind
    if not _is_dir(folder) or not _usable(folder, inside, problems):
        return
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        problems.append(Problem(Location(display_path(folder)), "unreadable",
                                f"cannot read the folder: {error.strerror or error}", fatal=True))
        return
    for path in entries:
        if not _usable(path, inside, problems):
            continue
        shown = display_path(path)
        if _is_dir(path):
            problems.append(Problem(Location(shown), "stray-file",
                                    f"not read: subfolders of {kind}/ are not part of the ledger",
                                    Severity.WARNING))
        elif path.suffix not in (".yaml", ".yml"):
            problems.append(Problem(Location(shown), "stray-file",
                                    f"not read: only .yaml and .yml files of {kind}/ are part of the ledger",
                                    Severity.WARNING))
        elif not path.is_file():
            problems.append(Problem(Location(shown), "stray-file",
                                    "not read: not a regular file (a FIFO, a device or a socket)", Severity.WARNING))
        else:
            yield path


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return path.absolute()


def _usable(path: Path, inside: Path, problems: list[Problem]) -> bool:
    """False (and reported) for a symlink whose target lies outside the ledger folder `inside`,
    or that cannot be resolved; the target's name and content are never shown."""
    if not path.is_symlink():
        return True
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        problems.append(Problem(Location(display_path(path)), "symlink",
                                "a symbolic link that leads nowhere (missing target or a loop): not read"))
        return False
    if target != inside and inside not in target.parents:
        problems.append(Problem(Location(display_path(path)), "symlink",
                                "a symbolic link that leads outside the ledger folder: not read"))
        return False
    return True


def ledger_folder(path: Path) -> Path:
    """The ledger a path belongs to: a folder is one; `claims.yaml` is in one; `claims/2024.yaml`
    is one level further down (so a hook given changed files finds each file's ledger)."""
    try:
        if path.is_dir() or not path.exists():
            return path
    except OSError:  # a name too long, a folder that cannot be entered: `load` reports it
        return path
    kinds = (*LEDGER_FILES, REVIEWS_FILE)
    if path.stem in kinds or path.parent.name not in kinds:
        return path.parent
    return path.parent.parent


def load(root: Path, reviews: bool = False, replaced: Mapping[Path, str] | None = None) -> LoadResult:
    """Read the ledger in `root`, collecting problems instead of stopping at the first.

    `factcheck.yaml` is read when present; imported reviews only when `reviews` is asked for,
    since only the commands that search or check them need to pay for reading them.
    `replaced` gives new text for some of its files: what the ledger would be once they are
    written (`add` validates a record that way before writing it).
    """
    result = LoadResult(Ledger())
    try:
        is_folder = root.is_dir()
    except OSError as error:  # a name too long for the system, a folder that cannot be entered
        result.problems.append(Problem(Location(display_path(root)), "no-ledger",
                                       f"cannot open the ledger folder: {error.strerror or error}", fatal=True))
        return result
    if not is_folder:
        result.problems.append(Problem(Location(display_path(root)), "no-ledger",
                                       "no such ledger folder", fatal=True))
        return result
    builder = _Builder(result, replaced or {})
    found_any = False
    for kind in LEDGER_FILES:
        paths = list(ledger_documents(root, kind, result.problems))
        if not paths:
            where = Location(display_path(root / f"{kind}.yaml"))
            result.problems.append(Problem(where, "missing-file", f"the ledger has no {kind}.yaml", fatal=True))
        for path in paths:
            found_any = True
            builder.read(path, kind)
    if not found_any:
        result.problems[:] = [Problem(Location(display_path(root)), "no-ledger",
                                      "no ledger here: expected sources.yaml, facts.yaml and claims.yaml "
                                      "(use --data DIR to point at one)", fatal=True)]
        return result
    for kind in (DESK_FILE, REVIEWS_FILE) if reviews else (DESK_FILE,):
        for path in ledger_documents(root, kind):
            builder.read(path, kind)
    if not result.fatal:  # references into a file that could not be read would all look broken
        builder.cross_check()
    return result


def load_text(shown: str, text: str, kind: str) -> LoadResult:
    """One ledger file's text, validated as `load` would read it (to check a file before it is
    written); references to other files are not checked."""
    result = LoadResult(Ledger(), files=[shown])
    _Builder(result, {}).read_text(shown, text, kind)
    return result


def load_or_raise(root: Path, reviews: bool = False) -> Ledger:
    """The ledger, or a LedgerError when anything about it is wrong (for list, verify...)."""
    result = load(root, reviews)
    errors = [p for p in result.problems if p.severity == "error"]
    if errors:
        raise LedgerError(errors)
    return result.ledger


class _Builder:
    """Turns validated YAML records into model objects and checks references between them."""

    def __init__(self, result: LoadResult, replaced: Mapping[Path, str]) -> None:
        self.result = result
        self.replaced = replaced
        self.problems = result.problems
        self.validator = Validator(self.problems)
        self.ids: dict[str, Location] = {}
        self.review_keys: dict[tuple[str, str], Location] = {}

    def error(self, where: Location, code: str, message: str) -> None:
        self.problems.append(Problem(where, code, message))

    def read(self, path: Path, kind: str) -> None:
        shown = display_path(path)
        self.result.files.append(shown)
        try:
            text = self.replaced[path] if path in self.replaced else read_ledger_file(path, shown)
        except TooLarge as error:
            self.problems.append(Problem(Location(shown), "too-large", error.message, fatal=True))
            return
        except FactcheckError as error:
            self.problems.append(Problem(error.location or Location(shown), "unreadable",
                                         f"cannot read: {error.message}", fatal=True))
            return
        except OSError as error:
            self.problems.append(Problem(Location(shown), "unreadable",
                                         f"cannot read: {error.strerror or error}", fatal=True))
            return
        self.read_text(shown, text, kind)

    def read_text(self, shown: str, text: str, kind: str) -> None:
        """Validate one file's text and keep its usable records."""
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
                           f"unknown key '{key}' in {kind}.yaml (expected: {', '.join(keys)})")
                continue
            items = document[key]
            if items is None:
                self.error(document.loc(key), "type", f"'{key}' is empty: write `{key}: []` or list its records")
                continue
            if key in SINGLE_RECORD_KEYS:
                if self.validator.record(items, keys[key], document.loc(key)):
                    self._keep(getattr(self, f"_build_{keys[key]}")(items))
                continue
            if not isinstance(items, YamlList):
                self.error(document.loc(key), "type", f"'{key}' must be a list")
                continue
            record_name = keys[key]
            build = getattr(self, f"_build_{record_name.replace(' ', '_')}")
            for item, where in zip(items, items.item_locations, strict=True):
                if self.validator.record(item, record_name, where):
                    self._add(build(item), record_name)

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
        if record_name in ("rating word", "review"):
            self._keep(obj)
            return
        first = self.ids.get(obj.id)
        if first is not None:
            self.error(obj.location, "duplicate-id", f"duplicate id '{obj.id}' (first at {first})")
            return
        self.ids[obj.id] = obj.location
        table = {"source": "sources", "entity": "entities", "relation": "relations",
                 "fact": "facts", "claim": "claims"}[record_name]
        getattr(self.result.ledger, table)[obj.id] = obj

    # dates -----------------------------------------------------------------------------------

    def _date(self, record: YamlMap, key: str) -> PartialDate | None:
        if key not in record:
            return None
        try:
            return PartialDate.parse(record[key])
        except ValueError:
            self.error(record.loc(key), "value", f"'{key}' is not a real date: {record[key]}")
            return None

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
                      provenance=provenance, field_locations=r.key_locations)

    def _build_entity(self, r: YamlMap) -> Entity:
        return Entity(r["id"], r["name"], r.location, kind=r.get("kind", ""), aliases=tuple(r.get("aliases", ())))

    def _build_relation(self, r: YamlMap) -> Relation:
        return Relation(
            r["id"], r["kind"], r.location,
            words=tuple(r.get("words", ())), start_words=tuple(r.get("start_words", ())),
            end_words=tuple(r.get("end_words", ())), repeatable=r.get("repeatable", False),
            symmetric=r.get("symmetric", False), one_per_subject=r.get("one_per_subject", False),
            one_per_object=r.get("one_per_object", False), implies=tuple(r.get("implies", ())),
        )

    def _build_fact(self, r: YamlMap) -> Fact:
        return Fact(
            r["id"], r["statement"], _subject(r["subject"]), r["relation"],
            tuple(self._citation(c) for c in r["citations"]), r.location,
            object=r.get("object"), date=self._date(r, "date"), start=self._date(r, "from"),
            end=self._date(r, "until"), value=r.get("value"), unit=r.get("unit", ""),
            tolerance=r.get("tolerance", 0.1), negated=r.get("negated", False),
            as_of=self._date(r, "as_of"), note=r.get("note", ""), field_locations=r.key_locations,
        )

    def _build_assertion(self, r: YamlMap) -> Assertion:
        return Assertion(
            _subject(r["subject"]), r["relation"], r.location, object=r.get("object"),
            date=self._date(r, "date"), after=self._date(r, "after"), before=self._date(r, "before"),
            value=r.get("value"), change=r.get("change"), negated=r.get("negated", False),
            role=r.get("role", "core"), loose=r.get("loose", False), field_locations=r.key_locations,
        )

    def _build_claim(self, r: YamlMap) -> Claim:
        return Claim(
            r["id"], r["text"], r["source"], r.location, date=self._date(r, "date"), url=r.get("url", ""),
            article=r.get("article", ""), kind=r.get("kind", "statement"),
            attributed_to=tuple(r.get("attributed_to", ())), via=tuple(r.get("via", ())),
            anonymous=r.get("anonymous", False),
            assertions=tuple(self._build_assertion(a) for a in r.get("assertions", ())),
            ruling=r.get("ruling"), ruling_note=r.get("ruling_note", ""),
            reviewed=self._date(r, "reviewed"), field_locations=r.key_locations,
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
            appearances=tuple(r.get("appearances", ())), field_locations=r.key_locations,
        )

    # references ------------------------------------------------------------------------------

    def cross_check(self) -> None:
        """Every id a record names must exist; `republishes` must not loop. Bad records are dropped."""
        ledger = self.result.ledger
        things = ledger.sources.keys() | ledger.entities.keys()

        def missing(record: Any, key: str, known: Any, what: str) -> bool:
            """Report each id under `key` of `record` that is not in `known`."""
            value = getattr(record, key)
            ids = sorted(value) if isinstance(value, frozenset) else [value] if isinstance(value, str) else value or ()
            bad = [i for i in ids if i and i not in known]
            for ident in bad:
                hint = next(iter(closest(ident, known, cutoff=0.7)), "")
                self.error(record.loc(key), "unknown-reference",
                           f"unknown {what} '{ident}'" + (f" (did you mean '{hint}'?)" if hint else ""))
            return bool(bad)

        for source in list(ledger.sources.values()):
            missing(source, "republishes", ledger.sources, "source")
        for relation in list(ledger.relations.values()):
            for ident in relation.implies:
                if ident not in ledger.relations:
                    self.error(relation.location, "unknown-reference", f"unknown relation '{ident}'")
        for fact in list(ledger.facts.values()):
            bad = missing(fact, "subject", things, "entity or source")
            bad |= missing(fact, "object", things, "entity or source")
            bad |= missing(fact, "relation", ledger.relations, "relation")
            if bad:
                del ledger.facts[fact.id]
        for claim in list(ledger.claims.values()):
            bad = missing(claim, "source", ledger.sources, "source")
            bad |= missing(claim, "via", ledger.sources, "source")
            bad |= missing(claim, "attributed_to", ledger.sources, "source")
            for assertion in claim.assertions:
                bad |= missing(assertion, "subject", things, "entity or source")
                bad |= missing(assertion, "object", things, "entity or source")
                bad |= missing(assertion, "relation", ledger.relations, "relation")
            if bad:
                del ledger.claims[claim.id]
        self._check_cycles(ledger, lambda s: ledger.sources[s].republishes if s in ledger.sources else ())

    def _check_cycles(self, ledger: Ledger, edges: Callable[[str], Any]) -> None:
        state: dict[str, int] = {}  # 1 visiting, 2 done

        def visit(node: str, path: list[str]) -> None:
            state[node] = 1
            for nxt in edges(node):
                if state.get(nxt) == 1:
                    loop = " -> ".join([*path[path.index(nxt):], nxt]) if nxt in path else f"{node} -> {nxt}"
                    self.error(ledger.sources[node].location, "cycle", f"provenance cycle: {loop}")
                elif nxt not in state:
                    visit(nxt, [*path, nxt])
            state[node] = 2

        for source_id in ledger.sources:
            if source_id not in state:
                visit(source_id, [source_id])


def _subject(value: Any) -> frozenset[str]:
    return frozenset([value] if isinstance(value, str) else value)
