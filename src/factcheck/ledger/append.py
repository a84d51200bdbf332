"""Appending a record to a ledger file without disturbing what the user wrote.

The record is written as YAML text and inserted at the end of its list, in the list's own
indentation and line endings: every byte before it stays as it was, comments and order
included. The user's file is never parsed and dumped again. Before anything is written, the
whole ledger is loaded as it would be with the new text (the loader's own validation and
cross-references); the file is then replaced atomically (a temporary file, then `os.replace`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomically
from ..diagnostics import FactcheckError, LedgerError, Location
from .schema import DATE_PATTERN, RECORDS, VERDICTS

KINDS = {"source": ("sources", "sources"), "fact": ("facts", "facts"), "claim": ("claims", "claims")}
"""Each record kind that can be added: the ledger file it goes to, and the list key in it."""

_DATE_FIELDS = {f.name for r in RECORDS.values() for f in r.fields if f.type == "date"}


@dataclass(frozen=True)
class Appended:
    path: Path
    line: int
    """Where the new record starts, 1-based."""


def append_record(root: Path, kind: str, record: dict[str, Any]) -> Appended:
    """Add `record` (plain values, in field order) to the ledger in `root`; raise a
    FactcheckError, writing nothing, when the ledger or the new record is not valid."""
    from . import display_path, ledger_documents, load

    file_kind, key = KINDS[kind]
    before = load(root)
    errors = [p for p in before.problems if p.severity == "error"]
    if errors:  # a record added to a broken ledger could not be validated against it
        raise LedgerError(errors)
    path = list(ledger_documents(root, file_kind))[-1]  # a folder of files: the last in name order
    raw = path.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    text = raw[len(bom):].decode("utf-8")
    start, end, lead, block = _insert(text, key, record, display_path(path))
    new_text = text[:start] + lead + block + text[end:]
    first_line = text.count("\n", 0, start) + 1 + lead.count("\n")
    after = load(root, replaced={path: new_text})
    errors = [p for p in after.problems if p.severity == "error"]
    if errors:
        first = min(errors, key=lambda p: (p.code != "unknown-field", p.sort_key()))  # a typo explains the rest
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        where: Location | None = first.location
        if where and where.file == display_path(path) and first_line <= where.line < first_line + block.count("\n"):
            where = None  # the problem is in the record being added: its lines do not exist yet
        raise FactcheckError(f"new {kind}: {first.message} ({first.code}){more}; nothing was written", where)
    try:
        write_text_atomically(path, ("\ufeff" if bom else "") + new_text)
    except OSError as error:
        raise FactcheckError(f"cannot write: {error.strerror}; nothing was written", Location(str(path))) from None
    return Appended(path, first_line)


def _insert(text: str, key: str, record: dict[str, Any], shown: str) -> tuple[int, int, str, str]:
    """Where the record goes in the file's text: (start, end) of the text it replaces (nothing,
    or an empty `[]`), what leads up to the record (line breaks, a blank line, the list's key),
    and the record as a list item."""
    from .yamlio import YamlList, YamlMap, read_yaml

    newline = "\r\n" if "\r\n" in text else "\n"
    unfinished = newline if text and not text.endswith("\n") else ""
    lines = text.splitlines(keepends=True)
    document = read_yaml(shown, text, [])
    if document is None or (isinstance(document, YamlMap) and key not in document):  # start the list
        return len(text), len(text), unfinished + f"{key}:{newline}", _block(record, "  - ", newline)
    if not isinstance(document, YamlMap):
        raise FactcheckError("the file is not a mapping of lists; nothing was written", Location(shown, 1, 1))
    items, key_at = document[key], document.key_locations[key]
    if isinstance(items, YamlList) and _char_at(lines, items.location) == "[":
        return _fill_empty_flow_list(text, lines, key, items, key_at, record, newline)
    if isinstance(items, YamlList):
        dash = " " * (items.location.column - 1) + "- "
        gap = newline if len(items) > 1 and not lines[items.item_locations[1].line - 2].strip() else ""
    else:
        raise FactcheckError(f"'{key}' must be a list; nothing was written", key_at)
    block = _block(record, dash, newline)
    later = sorted(loc.line for loc in document.key_locations.values() if loc.line > key_at.line)
    if not later:
        if gap and text.endswith(newline + newline):
            gap = ""
        return len(text), len(text), unfinished + gap, block
    # the list ends where the next key, and the comments and blank lines just above it, begin
    end = later[0] - 1
    while end > key_at.line and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    offset = sum(len(line) for line in lines[:end])
    return offset, offset, gap, block


def _fill_empty_flow_list(text: str, lines: list[str], key: str, items: Any, key_at: Location,
                          record: dict[str, Any], newline: str) -> tuple[int, int, str, str]:
    """`claims: []  # none yet` becomes `claims:  # none yet` and the record below it; a flow
    list that holds records is the user's layout, not to be rewritten."""
    import re

    where = items.location
    line = lines[where.line - 1]
    empty = re.match(r"\[[ \t]*\]", line[where.column - 1:])
    if items or not empty:
        raise FactcheckError(f"'{key}' is a flow list ([...]): write it as a block list (one '- ' per record) "
                             "to add to it; nothing was written", where)
    line_start = sum(len(earlier) for earlier in lines[:where.line - 1])
    start = line_start + len(line[:where.column - 1].rstrip())
    rest = line[where.column - 1 + empty.end():]
    lead = rest if rest.endswith("\n") else rest + newline
    return start, line_start + len(line), lead, _block(record, " " * (key_at.column + 1) + "- ", newline)


def _char_at(lines: list[str], where: Location) -> str:
    line = lines[where.line - 1] if 0 < where.line <= len(lines) else ""
    return line[where.column - 1:where.column]


def _block(record: dict[str, Any], dash: str, newline: str) -> str:
    """The record as a block mapping, as a list item starting with `dash` ("  - ")."""
    rows = _mapping(record)
    indent = " " * len(dash)
    return "".join((dash if i == 0 else indent) + row + newline for i, row in enumerate(rows))


def _mapping(record: dict[str, Any]) -> list[str]:
    rows: list[str] = []
    for key, value in record.items():
        if isinstance(value, dict):
            rows.append(f"{key}:")
            rows += ["  " + row for row in _mapping(value)]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            rows.append(f"{key}:")
            for item in value:
                first, *rest = _mapping(item)
                rows += [f"  - {first}", *(f"    {row}" for row in rest)]
        else:
            rows.append(f"{key}: {_scalar(key, value)}")
    return rows


def _scalar(key: str, value: Any) -> str:
    """One value as YAML on one line, read back as the same value."""
    import re

    import yaml

    if key in _DATE_FIELDS and isinstance(value, str) and re.match(DATE_PATTERN, value):
        return value  # dates and verdicts are written bare, as in the rest of the ledger
    if key == "ruling" and value in VERDICTS:
        return str(value)
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 30)
    dumped = dumped.removesuffix("\n").removesuffix("\n...")
    if "\n" in dumped:  # a text with line breaks or unprintable characters: escaped, on one line
        return json.dumps(value, ensure_ascii=True)
    return dumped


NESTED = {"citation": "citations"}
"""A record given field by field (`citation.title`, `citation.url`...) under its parent's key."""


def is_required(kind: str, key: str) -> bool:
    """Whether a field (`text`, or `citation.url` of a nested record) must have a value."""
    record, _, name = key.rpartition(".")
    return RECORDS[record or kind].by_name[name].required


def field_value(kind: str, key: str, raw: Any) -> Any:
    """An option's value as the YAML value it stands for: typed text, stripped list items, and
    each `--assertion` read from its key=value words."""
    record, _, name = key.rpartition(".")
    if key == "assertions":
        return [parse_fields("assertion", words) for words in raw or ()]
    if isinstance(raw, str):
        return typed(record or kind, name, raw)
    if isinstance(raw, list):
        return [item.strip() for item in raw]
    return raw


def assemble(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The record from its fields, nested ones gathered under their parent, in field order."""
    values = {k: v for k, v in fields.items() if "." not in k}
    for record, parent in NESTED.items():
        part = {k.partition(".")[2]: v for k, v in fields.items() if k.startswith(record + ".")}
        if any(not _empty(v) for v in part.values()):
            values[parent] = [ordered(record, part)]
    return ordered(kind, values)


def typed(record_name: str, key: str, text: str) -> Any:
    """A value typed on the command line or at a prompt, as the YAML value it stands for:
    numbers for number fields, true/false for flags, comma-separated lists for list fields."""
    spec = RECORDS[record_name].by_name.get(key)
    text = text.strip()
    if spec is None:
        return text  # an unknown field: the loader reports it, with a hint
    if spec.type == "number":
        try:
            number = float(text)
        except ValueError:
            raise FactcheckError(f"'{key}' must be a number, not {text!r}") from None
        return int(number) if number.is_integer() and "." not in text else number
    if spec.type == "bool":
        if text.lower() not in ("true", "yes", "false", "no"):
            raise FactcheckError(f"'{key}' must be true or false, not {text!r}")
        return text.lower() in ("true", "yes")
    if spec.type in ("ids", "texts", "id-or-ids"):
        parts = [part.strip() for part in text.split(",") if part.strip()]
        return parts[0] if spec.type == "id-or-ids" and len(parts) == 1 else parts
    return text


def parse_fields(record_name: str, words: str) -> dict[str, Any]:
    """`subject=pluto relation=classified-as date=2006`: a nested record written on one line
    (values with spaces in quotes), in the order of the record's fields."""
    import shlex

    try:
        pairs = [word.partition("=") for word in shlex.split(words)]
    except ValueError as error:
        raise FactcheckError(f"cannot read {words!r}: {error}") from None
    for key, equals, _ in pairs:
        if not equals or not key:
            raise FactcheckError(f"write each field of a {record_name} as key=value: {words!r}")
    return ordered(record_name, {key: typed(record_name, key, value) for key, _, value in pairs})


def ordered(record_name: str, values: dict[str, Any]) -> dict[str, Any]:
    """The fields that have a value, in the order the format declares them (unknown ones last)."""
    order = [f.name for f in RECORDS[record_name].fields]
    known = {k: values[k] for k in order if k in values and not _empty(values[k])}
    return {**known, **{k: v for k, v in values.items() if k not in order and not _empty(v)}}


def _empty(value: Any) -> bool:
    return value is None or value is False or value == "" or value == []
