"""The ledger's record types, declared once.

The same declarations validate the YAML (with locations, for `check`) and generate the JSON
Schemas in `schemas/`, so the two cannot drift apart.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Location, Problem, brief, closest
from ..model import VERDICTS
from .yamlio import REFUSED, YamlList, YamlMap

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
GRADES = ("A", "B", "C", "D", "E", "F")
SOURCE_KINDS = (
    "news-outlet", "news-agency", "state-media", "think-tank", "blog", "website",
    "aggregator", "platform", "official-body", "person",
)
PROVENANCE_ABOUT = (
    "owner", "founded", "country", "state-affiliation", "sanction", "ban", "rating", "role", "note",
)
RELATION_KINDS = ("state", "event", "value")
CLAIM_KINDS = ("statement", "headline", "opinion", "prediction", "question")
ROLES = ("core", "detail", "attribution")
CHANGES = ("start", "end")

_ID_RE = re.compile(ID_PATTERN)
_ID_RULE = "lower-case words and digits joined by single hyphens, like 'state-tv'"
_DATE_RE = re.compile(DATE_PATTERN)


@dataclass(frozen=True)
class Field:
    """One key of a record: its type word, whether it is required, and its help text."""

    name: str
    type: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    record: str = ""  # for the types "record" and "records"
    minimum: float | None = None  # for numbers


@dataclass(frozen=True)
class Record:
    name: str
    doc: str
    fields: tuple[Field, ...]
    by_name: dict[str, Field] = field(init=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


_CITATION = Record("citation", "Where a fact or a provenance item was found.", (
    Field("title", "text", "Title of the page or document.", required=True),
    Field("url", "url", "Address of the page or document.", required=True),
    Field("date", "date", "Publication date.", required=True),
    Field("publisher", "text", "Who published it."),
))

_PROVENANCE = Record("provenance item", "One piece of evidence behind a source's grade.", (
    Field("about", "choice", "What the item establishes.", required=True, choices=PROVENANCE_ABOUT),
    Field("value", "text", "What was found.", required=True),
    Field("date", "date", "When it became true (a ban, a founding)."),
    Field("citation", "record", "Where it was found.", record="citation"),
))

_SOURCE = Record("source", "An outlet, platform or person that claims appear in or pass through.", (
    Field("id", "id", "Unique id.", required=True),
    Field("name", "text", "Display name.", required=True),
    Field("kind", "choice", "What sort of source it is.", required=True, choices=SOURCE_KINDS),
    Field("reliability", "choice", "Admiralty source-reliability grade.", required=True, choices=GRADES),
    Field("rationale", "text", "Why it has this grade."),
    Field("url", "url", "Home page."),
    Field("country", "text", "Country of registration or residence."),
    Field("aliases", "texts", "Other names it goes by."),
    Field("republishes", "ids", "Sources whose content it reposts."),
    Field("provenance", "records", "Evidence behind the grade.", record="provenance item"),
))

_ENTITY = Record("entity", "A thing facts talk about: a country, a person, a treaty.", (
    Field("id", "id", "Unique id.", required=True),
    Field("name", "text", "Display name.", required=True),
    Field("kind", "text", "What sort of thing it is."),
    Field("aliases", "texts", "Other names it goes by in prose."),
))

_RELATION = Record("relation", "A verb facts and claims use, with the words that express it.", (
    Field("id", "id", "Unique id.", required=True),
    Field("kind", "choice", "state (holds over a period), event (happens at a date), value (a number).",
          required=True, choices=RELATION_KINDS),
    Field("words", "texts", "Words and phrases that express it in prose; a verb stands for all its forms "
          "(withdraw: withdrew, withdrawn)."),
    Field("start_words", "texts", "Words for the state beginning (join, accede)."),
    Field("end_words", "texts", "Words for the state ending (withdraw, leave)."),
    Field("reverse_words", "texts", "Words that name the object first: 'arrive in' for received "
          "(the S-400 arrived in Turkey: Turkey received it)."),
    Field("repeatable", "bool", "The event can happen many times (visits, meetings)."),
    Field("symmetric", "bool", "A relation B is the same as B relation A."),
    Field("one_per_subject", "bool", "A subject has one object at a time."),
    Field("one_per_object", "bool", "An object has one subject at a time (an office, one holder)."),
    Field("implies", "ids", "Weaker relations a fact of this relation supports, as an understatement."),
))

_FACT = Record("fact", "A reference fact, with its citations.", (
    Field("id", "id", "Unique id.", required=True),
    Field("statement", "text", "The fact in plain words.", required=True),
    Field("subject", "id-or-ids", "Who or what it is about; a list for a joint subject.", required=True),
    Field("relation", "id", "A relation id.", required=True),
    Field("object", "id", "The other party, if any."),
    Field("date", "date", "When the event happened, or when the value was measured."),
    Field("from", "date", "When the state began."),
    Field("until", "date", "When the state ended; absent while it still holds."),
    Field("value", "number", "The number (count, amount, rank)."),
    Field("unit", "text", "The number's unit."),
    Field("tolerance", "number", "Relative difference still approximately right (default 0.1).", minimum=0),
    Field("negated", "bool", "The fact is that this did not happen or did not hold."),
    Field("as_of", "date", "When the fact was last checked."),
    Field("note", "text", "Anything an editor should know."),
    Field("citations", "records", "Where it was found: at least one.", required=True, record="citation"),
))

_ASSERTION = Record("assertion", "What a claim asserts, in the terms of the facts.", (
    Field("subject", "id-or-ids", "Who or what; a list for a joint subject.", required=True),
    Field("relation", "id", "A relation id.", required=True),
    Field("object", "id", "The other party, if any."),
    Field("date", "date", "When it happened, or when it is said to hold (default: the claim's date)."),
    Field("after", "date", "It happened after this date."),
    Field("before", "date", "It happened before this date."),
    Field("value", "number", "The number asserted."),
    Field("change", "choice", "The claim is about the state starting or ending.", choices=CHANGES),
    Field("negated", "bool", "The claim says it did not happen or does not hold."),
    Field("role", "choice", "How much of the claim rests on it (default core).", choices=ROLES),
    Field("loose", "bool", "The wording fits the fact's object only loosely."),
))

_CLAIM = Record("claim", "A claim as it appeared.", (
    Field("id", "id", "Unique id.", required=True),
    Field("text", "text", "The claim as published, quoted.", required=True),
    Field("source", "id", "The outlet it appeared in.", required=True),
    Field("date", "date", "When it appeared."),
    Field("url", "url", "Where it appeared."),
    Field("article", "text", "Groups a headline with the claims of its article body."),
    Field("kind", "choice", "statement (default), headline, opinion, prediction or question.", choices=CLAIM_KINDS),
    Field("attributed_to", "ids", "People or outlets it is attributed to."),
    Field("via", "ids", "Intermediaries between the outlet and the speaker, in order."),
    Field("anonymous", "bool", "Credited to an unnamed report or source."),
    Field("assertions", "records", "What it asserts.", record="assertion"),
    Field("ruling", "verdict", "The editor's verdict."),
    Field("ruling_note", "text", "Why."),
    Field("reviewed", "date", "When the desk published its review of the claim (an exported review's datePublished)."),
))

_DESK = Record("desk", "The desk that publishes this ledger's reviews: who signs them and where they live.", (
    Field("name", "text", "The desk's name, as readers know it.", required=True),
    Field("url", "url", "The desk's home page.", required=True),
    Field("language", "text", "The language its reviews are written in, as a BCP 47 tag (en, fr, pt-BR)."),
    Field("logo", "url", "Address of the desk's logo image."),
    Field("review_url", "url", "Where claim pages are published: a review's url is this followed by the claim id "
                                "(default: the desk's url)."),
))

_RATING_WORD = Record("rating word", "A publisher's rating words and the verdict they mean, for import.", (
    Field("words", "text", "The rating words as publishers write them (case, accents and punctuation are ignored).",
          required=True),
    Field("verdict", "verdict", "The verdict they mean on this ledger's scale.", required=True),
))

_REVIEW = Record("review", "A fact-check published elsewhere, imported from its ClaimReview.", (
    Field("claim", "text", "The claim reviewed, as the publisher worded it.", required=True),
    Field("publisher", "text", "Who published the review.", required=True),
    Field("url", "url", "Address of the review.", required=True),
    Field("date", "date", "When the review was published."),
    Field("rating", "text", "The publisher's rating, in its own words."),
    Field("verdict", "verdict", "The rating on this ledger's scale; absent when its words are not in the table."),
    Field("rating_value", "number", "The rating as a number, on the publisher's scale."),
    Field("worst_rating", "number", "The worst value of the publisher's scale."),
    Field("best_rating", "number", "The best value of the publisher's scale."),
    Field("title", "text", "The review's headline."),
    Field("language", "text", "The review's language."),
    Field("claimant", "text", "Who made the claim."),
    Field("claim_date", "date", "When the claim was made."),
    Field("appearances", "texts", "Where the claim appeared."),
))

RECORDS: dict[str, Record] = {r.name: r for r in (
    _CITATION, _PROVENANCE, _SOURCE, _ENTITY, _RELATION, _FACT, _ASSERTION, _CLAIM, _DESK, _RATING_WORD, _REVIEW,
)}

FILES: dict[str, dict[str, str]] = {
    "sources": {"sources": "source"},
    "facts": {"entities": "entity", "relations": "relation", "facts": "fact"},
    "claims": {"claims": "claim"},
}
"""Each ledger file kind: its top-level keys and the record each key lists."""

OPTIONAL_FILES: dict[str, dict[str, str]] = {
    "factcheck": {"desk": "desk", "rating_words": "rating word"},
    "reviews": {"reviews": "review"},
}
"""Files a ledger may have: the desk's settings, and fact-checks imported from other publishers."""

SINGLE_RECORD_KEYS = frozenset({"desk"})
"""Top-level keys holding one record rather than a list."""

REQUIRED_KEYS: dict[str, tuple[str, ...]] = {"factcheck": ("desk",)}

ALL_FILES: dict[str, dict[str, str]] = {**FILES, **OPTIONAL_FILES}


def normalize_verdict(value: Any) -> Any:
    """YAML reads unquoted `true` and `false` as booleans: they mean the verdicts."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def normalize_date(value: Any) -> Any:
    """A bare year is read as a number: it means the year."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


class Validator:
    """Checks YAML values against the declarations and records what is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    def error(self, where: Location, code: str, message: str) -> None:
        self.problems.append(Problem(where, code, message))

    def record(self, value: Any, record_name: str, where: Location) -> bool:
        """Validate a record in place (normalizing verdicts and dates); False if it is unusable."""
        record = RECORDS[record_name]
        if value is REFUSED:
            return False
        if not isinstance(value, YamlMap):
            self.error(where, "type", f"a {record.name} must be a mapping of fields")
            return False
        invalid = set()
        for key in list(value):
            spec = record.by_name.get(key)
            if value[key] is REFUSED:
                del value[key]
                invalid.add(key)
                continue
            if spec is None:
                hint = next(iter(closest(key, record.by_name)), "")
                self.error(value.loc(key), "unknown-field", f"unknown field '{brief(key)}' in {record.name}"
                           + (f" (did you mean '{hint}'?)" if hint else ""))
                del value[key]
                continue
            if value[key] is None and not spec.required:
                self.error(value.loc(key), "type",
                           f"'{key}' is empty (null): give it a value or remove the key")
                del value[key]
                invalid.add(key)
                continue
            if not self.value(value, key, spec):
                del value[key]
                invalid.add(key)
        usable = True
        for spec in record.fields:
            if spec.required and spec.name not in value:
                if spec.name not in invalid:
                    self.error(value.location, "missing-field", f"{record.name} has no '{spec.name}'")
                usable = False
        return usable

    def value(self, parent: YamlMap, key: str, spec: Field) -> bool:
        raw = parent[key]
        kind = spec.type
        if kind == "verdict":
            raw = parent[key] = normalize_verdict(raw)
        elif kind == "date":
            raw = parent[key] = normalize_date(raw)
        message = _type_error(raw, spec)
        if message:
            code = "value" if message.startswith("must be one of") else "type"
        elif kind in _BOUNDED:
            message, code = _value_error(raw, spec), "value"
        if message:
            self.error(parent.loc(key), code, f"'{key}' {message}")
            return False
        if kind == "record":
            return self.record(raw, spec.record, parent.loc(key))
        if kind == "records":
            where = parent.loc(key)
            good = YamlList(raw.location)
            for item, item_loc in zip(raw, raw.item_locations, strict=True):
                if self.record(item, spec.record, item_loc):
                    good.append(item)
                    good.item_locations.append(item_loc)
            parent[key] = good
            if spec.name == "citations" and not good:
                self.problems.append(Problem(where, "no-citation", "a fact needs at least one citation"))
        return True


MAX_NUMBER = 1e300
"""Numbers beyond this are refused: no count or amount is that large, and arithmetic on them
would overflow."""


_BOUNDED = ("number", "url")
"""The types whose values are checked beyond their type (`_value_error`)."""


def _value_error(raw: Any, spec: Field) -> str:
    """What is wrong with a value of the right type: a number out of bounds, an address that
    does not parse."""
    if spec.type == "number":
        if isinstance(raw, int) and abs(raw) > MAX_NUMBER:  # compared as int: float(raw) could overflow
            return f"is too large: numbers are at most {MAX_NUMBER:g}"
        if not math.isfinite(raw) or abs(raw) > MAX_NUMBER:
            return f"must be a finite number of at most {MAX_NUMBER:g}"
        if spec.minimum is not None and raw < spec.minimum:
            return f"must be at least {spec.minimum:g} (not {brief(raw)})"
    if spec.type == "url":
        from urllib.parse import urlsplit

        try:
            urlsplit(raw).port  # noqa: B018 - parsing is the check: a bad host or port raises
        except ValueError as error:
            return f"is not a valid address ({error})"
    return ""


def _type_error(raw: Any, spec: Field) -> str:
    t = spec.type
    if t in ("text", "url"):
        return "" if isinstance(raw, str) and raw.strip() else "must be non-empty text"
    if t == "id":
        return "" if isinstance(raw, str) and _ID_RE.match(raw) else f"must be an id: {_ID_RULE} (not {raw!r})"
    if t == "ids" or t == "id-or-ids":
        if t == "id-or-ids" and isinstance(raw, str):
            raw = [raw]
        if isinstance(raw, list) and all(isinstance(i, str) and _ID_RE.match(i) for i in raw) and (raw or t == "ids"):
            return ""
        bad = next((i for i in raw if not (isinstance(i, str) and _ID_RE.match(i))), None) \
            if isinstance(raw, list) else raw
        what = "must be a list of ids" if t == "ids" else "must be an id or a list of ids"
        return f"{what}: {_ID_RULE} (not {bad!r})" if bad is not None else what
    if t == "texts":
        ok = isinstance(raw, list) and all(isinstance(i, str) and i.strip() for i in raw)
        return "" if ok else "must be a list of non-empty texts"
    if t == "date":
        return "" if isinstance(raw, str) and _DATE_RE.match(raw) else "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"
    if t == "number":
        return "" if isinstance(raw, (int, float)) and not isinstance(raw, bool) else "must be a number"
    if t == "bool":
        return "" if isinstance(raw, bool) else "must be true or false"
    if t in ("choice", "verdict"):
        choices = spec.choices or VERDICTS
        return "" if raw in choices else f"must be one of: {', '.join(choices)} (not {brief(repr(raw))})"
    if t == "record":
        return "" if isinstance(raw, YamlMap) else "must be a mapping"
    if t == "records":
        return "" if isinstance(raw, YamlList) else "must be a list"
    raise AssertionError(f"unknown field type {t}")


# JSON Schema generation ---------------------------------------------------------------------

_JSON_TYPES: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "minLength": 1},
    "id": {"type": "string", "pattern": ID_PATTERN},
    "ids": {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}},
    "texts": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "url": {"type": "string", "minLength": 1},
    "number": {"type": "number"},
    "bool": {"type": "boolean"},
}


def _json_field(spec: Field) -> dict[str, Any]:
    t = spec.type
    if t in _JSON_TYPES:
        schema = dict(_JSON_TYPES[t])
        if spec.minimum is not None:
            schema["minimum"] = spec.minimum
    elif t == "id-or-ids":
        schema = {"anyOf": [_JSON_TYPES["id"], {**_JSON_TYPES["ids"], "minItems": 1}]}
    elif t == "date":
        # YAML tools read 2014-03-18 as a date and 2014 as a number: both are dates here.
        schema = {"anyOf": [{"type": "string", "pattern": DATE_PATTERN},
                            {"type": "integer", "minimum": 1000, "maximum": 9999}]}
    elif t == "choice":
        schema = {"enum": list(spec.choices)}
    elif t == "verdict":
        schema = {"anyOf": [{"enum": list(VERDICTS)}, {"type": "boolean"}]}
    elif t == "record":
        schema = {"$ref": f"#/$defs/{_def_name(spec.record)}"}
    elif t == "records":
        schema = {"type": "array", "items": {"$ref": f"#/$defs/{_def_name(spec.record)}"}}
        if spec.required:
            schema["minItems"] = 1
    else:  # pragma: no cover - guarded by the test that generates every schema
        raise AssertionError(t)
    return {"description": spec.doc, **schema}


def _def_name(record_name: str) -> str:
    return record_name.replace(" ", "_")


def _json_record(record: Record) -> dict[str, Any]:
    return {
        "type": "object",
        "description": record.doc,
        "additionalProperties": False,
        "required": [f.name for f in record.fields if f.required],
        "properties": {f.name: _json_field(f) for f in record.fields},
    }


def _records_used(names: list[str]) -> list[str]:
    todo, seen = list(names), []
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.append(name)
        todo.extend(f.record for f in RECORDS[name].fields if f.record)
    return seen


def json_schema(file_kind: str) -> dict[str, Any]:
    """The JSON Schema of one ledger file (`sources`, `facts`, `claims`, `factcheck` or `reviews`)."""
    lists = ALL_FILES[file_kind]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://factcheck.invalid/schemas/{file_kind}.schema.json",
        "title": f"factcheck {file_kind}.yaml",
        "type": "object",
        "additionalProperties": False,
        "properties": {key: {"$ref": f"#/$defs/{_def_name(rec)}"} if key in SINGLE_RECORD_KEYS else
                       {"type": "array", "items": {"$ref": f"#/$defs/{_def_name(rec)}"}}
                       for key, rec in lists.items()},
        "$defs": {_def_name(name): _json_record(RECORDS[name]) for name in _records_used(list(lists.values()))},
    }
    if file_kind in REQUIRED_KEYS:
        schema["required"] = list(REQUIRED_KEYS[file_kind])
    return schema


def schema_text(file_kind: str) -> str:
    """The JSON Schema of one ledger file as it is committed in `schemas/`."""
    import json

    return json.dumps(json_schema(file_kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

