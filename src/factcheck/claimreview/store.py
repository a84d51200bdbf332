"""Imported reviews in the ledger: reviews.yaml (or the last file of reviews/), appended to as text.

The user's file is never re-dumped: new records are written as YAML text after the last one,
so every other record, comment and blank line stays byte for byte. The result is validated as
`check` would read it before it replaces the old file, atomically: a bad record, a crash or a
full disk leaves the ledger as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomically
from ..diagnostics import FactcheckError, LedgerError, Location, Problem
from ..ledger import REVIEWS_FILE, display_path, load_text
from ..ledger.schema import Validator
from ..ledger.yamlio import YamlList, YamlMap, read_yaml
from .index import IndexedFile, existing_keys
from .parse import ImportedReview

ORDER = ("claim", "publisher", "url", "date", "rating", "verdict", "rating_value", "worst_rating", "best_rating",
         "title", "language", "claimant", "claim_date", "appearances")
"""The keys of a review record, in the order they are written."""

_PLAIN = frozenset({"date", "claim_date", "verdict"})  # written bare: dates and verdict words
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")

HEADER = """\
# yaml-language-server: $schema=schemas/reviews.schema.json
# Fact-checks published elsewhere, added by `factcheck import claimreview`: `verify` and `scan`
# list them beside the ledger's own verdicts. They are never mixed into claims.yaml.
"""


@dataclass(frozen=True)
class Plan:
    """What an import would do: the file it writes and the reviews it adds."""

    target: Path
    added: list[ImportedReview]
    already: int  # reviews the ledger (or the input itself) already holds
    indexed: IndexedFile | None = None  # the target, when it is in the form import writes


def plan(root: Path, imported: Iterable[ImportedReview], files: list[IndexedFile]) -> Plan:
    """The new reviews (one per URL and claim: the same review twice is one record)."""
    seen = existing_keys(files)
    added, already = [], 0
    for review in imported:
        if review.key in seen:
            already += 1
            continue
        seen.add(review.key)
        added.append(review)
    target = target_file(root)
    indexed = next((f for f in files if f.path == target and f.indexed), None)
    return Plan(target, added, already, indexed)


def target_file(root: Path) -> Path:
    """reviews.yaml; else the last file of a reviews/ folder; else a new reviews.yaml."""
    for suffix in (".yaml", ".yml"):
        single = root / f"{REVIEWS_FILE}{suffix}"
        if single.is_file():
            return single
    folder = root / REVIEWS_FILE
    if folder.is_dir():
        files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        return files[-1] if files else folder / "imported.yaml"
    return root / f"{REVIEWS_FILE}.yaml"


def write(change: Plan) -> None:
    """Append the plan's reviews to its file, or write nothing and raise.

    Every new record is validated by the declarations `check` uses. In a new file, or after the
    last item of a file in the form import writes, the records are written at its indentation;
    any other file is read back whole, as `check` would read it, before it replaces the old one.
    """
    if not change.added:
        return
    target = change.target
    shown = display_path(target)
    _validate([review.record for review in change.added], [review.origin for review in change.added])
    if change.indexed is not None:
        old = change.indexed.text
        new = (old if old.endswith("\n") else old + "\n") + "".join(
            item_text(review.record, change.indexed.indent) for review in change.added)
    else:
        old = target.read_text(encoding="utf-8-sig") if target.exists() else ""
        new = appended(shown, old, [review.record for review in change.added])
        if old.strip():  # the user's own text: the whole must read back clean, or nothing is written
            result = load_text(shown, new, REVIEWS_FILE)
            if result.problems:
                raise LedgerError(result.problems)
    try:
        write_text_atomically(target, new)
    except OSError as error:
        raise FactcheckError(f"cannot write {shown}: {error.strerror or error}") from None


def _validate(records: list[dict[str, Any]], origins: list[str]) -> None:
    """Each record as a review of reviews.yaml must be (a guard: the reader builds them so)."""
    problems: list[Problem] = []
    validator = Validator(problems)
    for record, origin in zip(records, origins, strict=True):
        where = Location(origin)
        value = YamlMap(where)
        for key, item in record.items():
            if isinstance(item, list):
                items = YamlList(where)
                items.extend(item)
                items.item_locations.extend([where] * len(item))
                item = items
            value[key] = item
        validator.record(value, "review", where)
    if problems:
        raise LedgerError(problems)


def appended(shown: str, old: str, records: list[dict[str, Any]]) -> str:
    """The file's text with the records added after its last review."""
    if not old.strip():
        return (old or HEADER) + "reviews:\n" + "".join(item_text(r, "  ") for r in records)
    problems: list[Any] = []
    document = read_yaml(shown, old, problems)
    if problems:
        raise LedgerError(problems)
    text = old if old.endswith("\n") else old + "\n"
    if document is None:  # only comments
        return text + "reviews:\n" + "".join(item_text(r, "  ") for r in records)
    if not isinstance(document, YamlMap) or document.location.column != 1:
        raise FactcheckError("cannot append: the file is not a block mapping with `reviews:` at its start of line",
                             Location(shown, 1, 1))
    if "reviews" not in document:
        return text + "reviews:\n" + "".join(item_text(r, "  ") for r in records)
    key = document.loc("reviews")
    last = max(document.key_locations.values(), key=lambda where: where.line)
    if last != key:
        raise FactcheckError("cannot append: `reviews:` must be the file's last key", key)
    items = document["reviews"]
    lines = text.split("\n")
    if isinstance(items, YamlList) and items:
        start = items.location
        if lines[start.line - 1][start.column - 1:start.column] != "-":
            raise FactcheckError("cannot append to a list written in brackets: write one `- ` item a line",
                                 start)
        return text + "".join(item_text(r, " " * (start.column - 1)) for r in records)
    line = lines[key.line - 1]
    empty = re.fullmatch(r"(\s*reviews:)\s*(?:\[\s*\])?\s*(#.*)?", line)
    if not empty:
        raise FactcheckError("cannot append: `reviews:` is not followed by a list", key)
    lines[key.line - 1] = empty.group(1) + (f"  {empty.group(2)}" if empty.group(2) else "")
    return "\n".join(lines) + "".join(item_text(r, "  ") for r in records)


def item_text(record: dict[str, Any], indent: str) -> str:
    """One review as a block list item; text double-quoted, so nothing in it is read as YAML."""
    lines: list[str] = []
    for key in ORDER:
        if key not in record:
            continue
        lead = f"{indent}- " if not lines else f"{indent}  "
        value = record[key]
        if key == "appearances":
            lines.append(f"{lead}{key}:")
            lines.extend(f"{indent}    - {_quote(url)}" for url in value)
        else:
            lines.append(f"{lead}{key}: {_scalar(key, value)}")
    return "\n".join(lines) + "\n"


def _scalar(key: str, value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    if key in _PLAIN:
        return str(value)
    return _quote(str(value))


def _quote(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, and escapes for what YAML may not hold raw."""
    encoded = json.dumps(text, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
