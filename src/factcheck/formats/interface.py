"""What every output format renders, and the layout the human-readable ones share.

A command hands a renderer a `View`: the JSON-ready records and a summary line. JSON prints
the records; the human formats lay them out as `Block`s (key-value fields, tables, lines),
each in its own way.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO


@dataclass
class View:
    """What a command shows: `kind` names the layout (claims, verification, sources...)."""

    kind: str
    records: Any  # a list of records, or one record for `verification`
    summary: str = ""


@dataclass
class Fields:
    pairs: list[tuple[str, str]]


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]]
    wide: set[int] = field(default_factory=set)  # text columns: given the room, wrapped
    shrink: set[int] = field(default_factory=set)  # ids and names: cut with an ellipsis when room is short


@dataclass
class Line:
    text: str
    style: str = ""  # a verdict or a severity, for formats with colour


Block = Fields | Table | Line


class Renderer(abc.ABC):
    """One output format."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    @abc.abstractmethod
    def render(self, view: View) -> None: ...

    def stream(self, view: View) -> None:
        """Render a view whose records are an iterable, writing each as it comes where the
        format allows (JSON, CSV); others need every record first."""
        self.render(View(view.kind, list(view.records), view.summary))


class BlockRenderer(Renderer):
    """A human format: turns views into blocks, then draws the blocks."""

    def render(self, view: View) -> None:
        self.draw(LAYOUTS[view.kind](view))

    @abc.abstractmethod
    def draw(self, blocks: list[Block]) -> None: ...


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _claims(view: View) -> list[Block]:
    rows = [[r["id"] or "", r["verdict"], r["rating"], r["source"] or "", r["text"]] for r in view.records]
    return [Table("", ["ID", "VERDICT", "RATING", "SOURCE", "CLAIM"], rows, wide={4}, shrink={0, 3}),
            Line(view.summary)]


def _verification(view: View) -> list[Block]:
    r = view.records
    pairs = [("Claim", r["id"] or "(free text: no ledger claim matched)"), ("Text", r["text"])]
    if r.get("match_score") is not None:
        pairs.append(("Match", f"{r['match_score']:g}% like ledger claim {r['id']}"))
    pairs += [("Source", ", ".join(x for x in (r["source_name"], r["date"]) if x) or "unknown"),
              ("Verdict", r["verdict"]), ("Rating", r["rating"]), ("Why", r["reason"])]
    if r["unchecked"]:
        pairs.append(("Not checked", "; ".join(f"'{u['text']}' ({u['reason']})" for u in r["unchecked"])))
    if r["ruling"] is not None:
        pairs.append(("Ruling", r["ruling"] + ("" if r["ruling"] == r["verdict"] else "  (differs from the verdict)")))
    if r["flags"]:
        pairs.append(("Flags", ", ".join(r["flags"])))
    blocks: list[Block] = [Fields(pairs)]
    blocks.append(Table("Assertions", ["ASSERTION", "ROLE", "OUTCOME", "WHY"],
                        [[a["assertion"], a["role"], a["outcome"], a["reason"]] for a in r["assertions"]],
                        wide={0, 3}))
    if r["evidence"]:
        blocks.append(Table("Evidence", ["FACT", "OUTCOME", "WHAT DIFFERS", "CITATION"], [
            [e["fact"], e["outcome"], e["detail"],
             "; ".join(f"{c['title']} <{c['url']}> ({c['date']})" for c in e["citations"])]
            for e in r["evidence"]], wide={2, 3}, shrink={0}))
    if r["provenance"]:
        blocks.append(Table("Provenance", ["#", "SOURCE", "ROLE", "KIND", "GRADE", "NOTES"], [
            [str(i), f"{p['name']} ({p['id']})", p["role"], p["kind"], p["reliability"], _text(p["notes"])]
            for i, p in enumerate(r["provenance"], 1)], wide={1, 5}))
    if r.get("reviews"):
        blocks.append(Table("Checked elsewhere", ["PUBLISHER", "DATE", "RATING", "URL"],
                            [_elsewhere(x) for x in r["reviews"]], wide={2, 3}, shrink={0}))
    return blocks


def _elsewhere(review: dict[str, Any]) -> list[str]:
    """A published fact-check: the publisher's rating words, and what they mean here when known."""
    rating = review["rating"] or "(no rating given)"
    if review["verdict"] and review["verdict"] != rating.lower():
        rating += f" ({review['verdict']})"
    return [review["publisher"], review["date"] or "", rating, review["url"]]


def _sources(view: View) -> list[Block]:
    rows = [[s["id"], s["name"], s["kind"], s["reliability"],
             ", ".join(x for x in (("state media" if s["state_media"] else ""),
                                   ("republishes " + ", ".join(s["republishes"]) if s["republishes"] else "")) if x)]
            for s in view.records]
    return [Table("", ["ID", "NAME", "KIND", "GRADE", "NOTES"], rows, wide={4}, shrink={0, 1}), Line(view.summary)]


def _facts(view: View) -> list[Block]:
    rows = [[f["id"], f["statement"], _when(f), str(len(f["citations"]))] for f in view.records]
    return [Table("", ["ID", "STATEMENT", "WHEN", "CITATIONS"], rows, wide={1}, shrink={0}), Line(view.summary)]


def _when(fact: dict[str, Any]) -> str:
    if fact["date"]:
        return str(fact["date"])
    if fact["from"] or fact["until"]:
        return f"{fact['from'] or '?'} – {fact['until'] or 'now'}"
    return ""


def _problems(view: View) -> list[Block]:
    lines: list[Block] = [
        Line(f"{p['file']}:{p['line']}:{p['column']}: {p['severity']}: {p['message']} ({p['code']})", p["severity"])
        for p in view.records]
    return [*lines, Line(view.summary, "error" if any(p["severity"] == "error" for p in view.records) else "")]


def _scan(view: View) -> list[Block]:
    rows = [[r["kind"], r["verdict"], r["rating"], r["text"], r["reason"]] for r in view.records]
    blocks: list[Block] = [Table("", ["KIND", "VERDICT", "RATING", "STATEMENT", "WHY"], rows, wide={3, 4})]
    elsewhere = [[r["text"], *_elsewhere(x)] for r in view.records for x in r.get("reviews", ())]
    if elsewhere:
        blocks.append(Table("Checked elsewhere", ["STATEMENT", "PUBLISHER", "DATE", "RATING", "URL"], elsewhere,
                            wide={0, 3, 4}, shrink={1}))
    return [*blocks, Line(view.summary)]


def _reviews(view: View) -> list[Block]:
    rows = [[r["publisher"], r["date"] or "", r["rating"] or "", r["verdict"] or "", r["claim"], r["url"]]
            for r in view.records]
    return [Table("", ["PUBLISHER", "DATE", "RATING", "VERDICT", "CLAIM", "URL"], rows, wide={2, 4, 5},
                  shrink={0}), Line(view.summary)]


def _changes(view: View) -> list[Block]:
    def state(verdict: str | None, rating: str | None) -> str:
        return f"{verdict} {rating}" if verdict else "-"

    rows = [[r["id"], state(r["verdict_before"], r["rating_before"]), state(r["verdict_after"], r["rating_after"]),
             "; ".join(r["causes"])] for r in view.records]
    return [Table("", ["CLAIM", "BEFORE", "AFTER", "BECAUSE"], rows, wide={3}, shrink={0}), Line(view.summary)]


LAYOUTS: dict[str, Callable[[View], list[Block]]] = {
    "claims": _claims,
    "verification": _verification,
    "sources": _sources,
    "facts": _facts,
    "problems": _problems,
    "scan": _scan,
    "reviews": _reviews,
    "changes": _changes,
}
