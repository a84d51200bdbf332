"""What a change to the ledger does to the verdicts: the claims whose verdict or rating differ
between two versions of a ledger, each with the changes to its facts, sources or own record
that explain it. Both versions are judged by the same engine, so every difference comes from
the data."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from .model import Ledger, PartialDate
from .verdict import Engine, Verification

_YAML_NAMES = {"start": "from", "end": "until"}
_NOT_CONTENT = ("location", "field_locations")


@dataclass(frozen=True)
class ClaimChange:
    """One claim whose verdict or rating differs; `before` or `after` is None for a claim that
    was added or removed."""

    before: Verification | None
    after: Verification | None
    causes: tuple[str, ...]

    @property
    def claim_id(self) -> str:
        return (self.after or self.before).claim.id  # type: ignore[union-attr]

    @property
    def text(self) -> str:
        return (self.after or self.before).claim.text  # type: ignore[union-attr]


def verdict_changes(old: Ledger, new: Ledger) -> list[ClaimChange]:
    """Every claim whose verdict or rating is not the same in `new` as in `old`, in the new
    ledger's order, then the removed claims."""
    before = {v.claim.id: v for v in Engine(old).verify_all()}
    after = {v.claim.id: v for v in Engine(new).verify_all()}
    changes = []
    for ident in [*after, *(i for i in before if i not in after)]:
        b, a = before.get(ident), after.get(ident)
        if b is not None and a is not None and (b.verdict, b.rating) == (a.verdict, a.rating):
            continue
        changes.append(ClaimChange(b, a, tuple(_causes(b, a, old, new))))
    return changes


def _causes(b: Verification | None, a: Verification | None, old: Ledger, new: Ledger) -> list[str]:
    if b is None:
        return ["new claim"]
    if a is None:
        return ["claim removed"]
    causes = []
    edited = _field_changes(b.claim, a.claim)
    if edited:
        causes.append(f"the claim changed: {', '.join(edited)}")
    deciding = (b.deciding_fact, a.deciding_fact)
    if deciding[0] is not None and deciding[1] is not None and deciding[0].id != deciding[1].id:
        causes.append(f"deciding fact {deciding[0].id} -> {deciding[1].id}")
    facts = dict.fromkeys(e.fact.id for v in (b, a) for r in v.results for e in r.evidence)
    for ident in facts:
        causes += _record_change("fact", ident, old.facts.get(ident), new.facts.get(ident))
    sources = dict.fromkeys(link.source.id for v in (b, a) for link in v.chain)
    for ident in sources:
        causes += _record_change("source", ident, old.sources.get(ident), new.sources.get(ident))
    relations = dict.fromkeys(x.relation for v in (b, a) for x in v.claim.assertions)
    for ident in relations:
        causes += _record_change("relation", ident, old.relations.get(ident), new.relations.get(ident))
    if not causes and a.claim.article:
        article = a.claim.article
        if _content([c for c in old.claims.values() if c.article == article]) != _content(
                [c for c in new.claims.values() if c.article == article]):
            causes.append(f"another claim of article {article} changed")
    return causes or ["no change found in the claim, its facts, sources or relations"]


def _record_change(what: str, ident: str, old: Any, new: Any) -> list[str]:
    if old is None and new is None:
        return []
    if old is None:
        return [f"{what} {ident} added"]
    if new is None:
        return [f"{what} {ident} removed"]
    changed = _field_changes(old, new)
    return [f"{what} {ident}: {', '.join(changed)}"] if changed else []


def _field_changes(old: Any, new: Any) -> list[str]:
    """Each field that differs, as `name old -> new` when both are short, else `name changed`."""
    found = []
    for spec in fields(old):
        if spec.name in _NOT_CONTENT:
            continue
        a, b = getattr(old, spec.name), getattr(new, spec.name)
        if _content(a) == _content(b):
            continue
        name = _YAML_NAMES.get(spec.name, spec.name)
        shown = (_short(a), _short(b))
        found.append(f"{name} {shown[0]} -> {shown[1]}" if None not in shown else f"{name} changed")
    return found


def _short(value: Any) -> str | None:
    """A value worth showing in a line: a date, a number, a grade, an id; None for long ones."""
    if value is None or value == "" or value == ():
        return "none"
    if isinstance(value, (PartialDate, bool, int, float)):
        return str(value).lower() if isinstance(value, bool) else str(value)
    if isinstance(value, frozenset):
        value = "+".join(sorted(value))
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        value = ", ".join(value)
    return value if isinstance(value, str) and len(value) <= 40 and "\n" not in value else None


def _content(value: Any) -> Any:
    """A record's content without where it was written, to compare versions of it."""
    if is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, _content(getattr(value, f.name))) for f in fields(value) if f.name not in _NOT_CONTENT)
    if isinstance(value, (tuple, list)):
        return tuple(_content(v) for v in value)
    if isinstance(value, frozenset):
        return tuple(sorted(value))
    return value
