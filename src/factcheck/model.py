"""The ledger's records as immutable values, and dates that keep their precision."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .diagnostics import Location
from .verdicts import VERDICTS as VERDICTS
from .verdicts import Verdict as Verdict


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day: `2013` is the whole of 2013."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        parts = [int(p) for p in str(text).split("-")]
        date = cls(*parts)
        dt.date(date.year, date.month or 1, date.day or 1)  # raises ValueError for 2014-02-30
        return date

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        if self.day:
            return self.first
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def contains(self, other: PartialDate) -> bool:
        """Every day `other` may stand for lies within this date."""
        return self.first <= other.first and other.last <= self.last

    def overlaps(self, other: PartialDate) -> bool:
        return self.first <= other.last and other.first <= self.last

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


class _Located:
    """Records remember where each of their fields was written, for precise diagnostics.

    `field_locations` maps a key to `pack_position(location)` in the record's own file: one
    small integer instead of a location tuple per key keeps a large ledger's memory and cache a
    third smaller (benchmarks/README.md)."""

    location: Location
    field_locations: Mapping[str, int]

    def loc(self, key: str) -> Location:
        packed = self.field_locations.get(key)
        if packed is None:
            return self.location
        return Location(self.location.file, packed >> 32, packed & 0xFFFFFFFF)


def pack_position(where: Location) -> int:
    """A location's line and column as one integer (its file is the record's)."""
    return (where.line << 32) | min(where.column, 0xFFFFFFFF)


@dataclass(frozen=True)
class Citation:
    title: str
    url: str
    date: PartialDate
    publisher: str = ""


@dataclass(frozen=True)
class ProvenanceItem:
    about: str
    value: str
    date: PartialDate | None = None
    citation: Citation | None = None


@dataclass(frozen=True)
class Source(_Located):
    id: str
    name: str
    kind: str
    reliability: str
    location: Location
    rationale: str = ""
    url: str = ""
    country: str = ""
    aliases: tuple[str, ...] = ()
    republishes: tuple[str, ...] = ()
    provenance: tuple[ProvenanceItem, ...] = ()
    field_locations: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_state_media(self) -> bool:
        return self.kind == "state-media" or any(p.about == "state-affiliation" for p in self.provenance)


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    location: Location
    kind: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    id: str
    kind: str  # state | event | value
    location: Location
    words: tuple[str, ...] = ()
    start_words: tuple[str, ...] = ()
    end_words: tuple[str, ...] = ()
    reverse_words: tuple[str, ...] = ()
    repeatable: bool = False
    symmetric: bool = False
    one_per_subject: bool = False
    one_per_object: bool = False
    implies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact(_Located):
    id: str
    statement: str
    subject: frozenset[str]
    relation: str
    citations: tuple[Citation, ...]
    location: Location
    object: str | None = None
    date: PartialDate | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    value: float | None = None
    unit: str = ""
    tolerance: float = 0.1
    negated: bool = False
    as_of: PartialDate | None = None
    note: str = ""
    field_locations: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Amount:
    """How a free-text sentence gave its number (see reading/amounts.py): `exact` (right only to
    `margin`, half a unit of its last digit that counts, "70" to 65-75), `about` (within the
    fact's tolerance), `almost` / `just-over` (within it, on that side), a bound: `over`,
    `at-least`, `under`, `at-most`, or a `range` from `low` to the value ("between 70 and 80")."""

    sense: str
    margin: float = 0.5
    low: float | None = None


@dataclass(frozen=True)
class Assertion(_Located):
    subject: frozenset[str]
    relation: str
    location: Location
    object: str | None = None
    date: PartialDate | None = None
    after: PartialDate | None = None
    before: PartialDate | None = None
    value: float | None = None
    change: str | None = None  # start | end
    negated: bool = False
    role: str = "core"
    loose: bool = False
    amount: Amount | None = None
    """For free text: how the number was given. None (a ledger claim): the fact's tolerance."""
    surely: tuple[dt.date, dt.date] | None = None
    """For free text: the days that vague words of time surely mean ("by 2018": before 2018
    began, as "by" may or may not take in the year itself); a fact dated outside them, though
    within `date`, `after` and `before`, is not checked."""
    text: str = field(default="", compare=False)
    """For free text: the words of the sentence this assertion was read from."""
    field_locations: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Unchecked:
    """A part of a free-text sentence that no judged assertion covers: its words, where they
    stand (characters, in the normalised sentence) and why it was not checked."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class TimeLink:
    """For free text: a word that sets two of the claim's assertions in order in time ("A after
    B", "A before B", "A when B"), by their places in `assertions`, and where the word stands.
    `order` is "after", "before", "when" (at the time of) or "same" (in the same year, month or
    day as, which `interval` gives as (0, unit)); `cause` where the words also say
    the linked statement caused the main one ("because", "in the wake of")."""

    order: str
    main: int
    linked: int
    text: str
    start: int
    end: int
    cause: bool = False
    interval: tuple[int, str] | None = None
    """How long after (or before) the linked statement the main one came, as said: (2, "year")
    of "two years after"."""


@dataclass(frozen=True)
class Claim(_Located):
    id: str
    text: str
    source: str
    location: Location
    date: PartialDate | None = None
    url: str = ""
    article: str = ""
    kind: str = "statement"
    attributed_to: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    anonymous: bool = False
    assertions: tuple[Assertion, ...] = ()
    ruling: str | None = None
    ruling_note: str = ""
    reviewed: PartialDate | None = None
    unchecked: tuple[Unchecked, ...] = ()
    """For free text: the parts of the sentence no assertion covers (section "Free text")."""
    links: tuple[TimeLink, ...] = ()
    """For free text: the links in time between its assertions, judged from the facts' dates."""
    field_locations: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def judged(self) -> bool:
        """Opinions, predictions and questions cannot be true or false."""
        return self.kind not in ("opinion", "prediction", "question")


@dataclass(frozen=True)
class Desk:
    """Who publishes the ledger's verdicts, set once in `factcheck.yaml`."""

    name: str
    url: str
    location: Location
    language: str = ""
    logo: str = ""
    review_url: str = ""


@dataclass(frozen=True)
class ExternalReview(_Located):
    """A fact-check another publisher published, kept beside the desk's claims, never among them."""

    claim: str
    publisher: str
    url: str
    location: Location
    date: PartialDate | None = None
    rating: str = ""
    verdict: str | None = None
    rating_value: float | None = None
    worst_rating: float | None = None
    best_rating: float | None = None
    title: str = ""
    language: str = ""
    claimant: str = ""
    claim_date: PartialDate | None = None
    appearances: tuple[str, ...] = ()
    field_locations: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str]:
        """One review per page and claim: importing it again changes nothing."""
        return review_key(self.url, self.claim)


def review_key(url: str, claim: str) -> tuple[str, str]:
    return url.strip(), " ".join(claim.split())


@dataclass
class Ledger:
    """Everything loaded, by id, in file order."""

    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    desk: Desk | None = None
    rating_words: dict[str, str] = field(default_factory=dict)
    """The desk's own additions to the import rating table: folded words -> verdict."""
    reviews: list[ExternalReview] = field(default_factory=list)
    """Imported fact-checks (loaded only by the commands that use them)."""

    def name_of(self, ident: str) -> str:
        """The display name of an entity or source id (the id itself when unknown)."""
        thing = self.entities.get(ident) or self.sources.get(ident)
        return thing.name if thing else ident
