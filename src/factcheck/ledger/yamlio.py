"""Safe YAML reading that remembers where every value came from.

libyaml's C parser produces the event stream; this module builds plain Python values from it
with an explicit stack, so it never constructs an object from a tag, rejects duplicate keys
instead of letting the last one win, refuses aliases where they stand (an alias bomb is caught
at its first reuse, before any expansion), and bounds nesting (no recursion, no stack to blow).
Building from events is also about five times faster than PyYAML's composer on large files.
Mappings and lists carry the 1-based line and column of each entry.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.resolver import Resolver

from ..diagnostics import Location, Problem, brief

try:  # libyaml is several times faster; the pure-Python parser is the fallback where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
"""Deeper nesting than this makes a file unusable: no ledger needs it, and reading on would let
hostile input cost quadratic time in the parser."""


class _TooDeep(Exception):
    def __init__(self, where: Location) -> None:
        super().__init__(where)
        self.where = where

_CORE = "tag:yaml.org,2002:"
_IMPLICIT = Resolver.yaml_implicit_resolvers  # YAML 1.1 plain-scalar types, as SafeLoader reads them
_BOOL = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


class _Refused:
    """Stands where a value was refused (an alias, a foreign tag): already reported, not to be
    reported again as a missing or mistyped field."""

    def __repr__(self) -> str:
        return "<refused>"


REFUSED = _Refused()


class YamlMap(dict[str, Any]):
    """A mapping with the location of itself and of each key."""

    __slots__ = ("location", "key_locations")

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.key_locations: dict[str, Location] = {}

    def loc(self, key: str) -> Location:
        return self.key_locations.get(key, self.location)


class YamlList(list[Any]):
    """A sequence with the location of itself and of each item."""

    __slots__ = ("location", "item_locations")

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.item_locations: list[Location] = []


_QUOTED_OR_BLOCK = ("'", '"', "|", ">")


def read_yaml(path: str, text: str, problems: list[Problem]) -> Any:
    """Parse one YAML document; append what is wrong with it to `problems`.

    Returns None when the text does not parse (a fatal problem is recorded). Duplicate keys,
    aliases and foreign tags are recorded as errors, and a refused value reads as `REFUSED`;
    nesting deeper than `MAX_DEPTH` makes the file unusable.
    """
    builder = _Builder(path, problems, text)
    kept_tabs: list[tuple[int, int]] = []  # quoted and block values, where a tab is text
    parser = _Loader(text)
    try:
        builder.run(parser.get_event, kept_tabs)
    except _TooDeep as error:
        problems.append(Problem(error.where, "nesting", f"nesting deeper than {MAX_DEPTH} levels", fatal=True))
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = _location(path, mark) if mark else Location(path)
        if "maximum nesting depth" in (error.problem or ""):  # libyaml's own bound, met while scanning ahead
            problems.append(Problem(where, "nesting", f"nesting deeper than {MAX_DEPTH} levels", fatal=True))
            return None
        message = " ".join(part for part in (error.context, error.problem) if part)
        problems.append(Problem(where, "syntax", f"YAML syntax error: {message}", fatal=True))
        return None
    except yaml.YAMLError as error:  # reader errors: control characters, bad encoding
        position = getattr(error, "position", 0)
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        reason = getattr(error, "reason", str(error))
        problems.append(Problem(Location(path, line, column), "syntax", f"YAML error: {reason}", fatal=True))
        return None
    finally:
        parser.dispose()
    if "\t" in text:
        _stray_tab(path, text, kept_tabs, problems)
    return builder.root


def _stray_tab(path: str, text: str, kept: list[tuple[int, int]], problems: list[Problem]) -> None:
    """libyaml takes a tab anywhere whitespace may stand ("key\t:", "value\t", inside a plain
    value); PyYAML, ruamel.yaml and so the JSON Schema tools refuse it. A tab is text only inside
    a quoted or block value, or in a comment; the first one elsewhere is an error."""
    index = text.find("\t")
    while index >= 0:
        line_start = text.rfind("\n", 0, index) + 1
        inside = any(start <= index < end for start, end in kept)
        if not inside and not _in_comment(text, line_start, index, kept):
            line = text.count("\n", 0, index) + 1
            problems.append(Problem(Location(path, line, index - line_start + 1), "syntax",
                                    "a tab outside a quoted or block value (other YAML readers refuse it): "
                                    "use spaces, or quote the value", fatal=True))
            return
        index = text.find("\t", index + 1)


def _in_comment(text: str, line_start: int, index: int, kept: list[tuple[int, int]]) -> bool:
    """Whether a "#" that starts a comment (at the line's start or after a space, outside a
    quoted value) stands between the line's start and `index`."""
    position = text.find("#", line_start, index)
    while position >= 0:
        if (position == line_start or text[position - 1] in " \t") and \
                not any(start <= position < end for start, end in kept):
            return True
        position = text.find("#", position + 1, index)
    return False


def _location(path: str, mark: Any) -> Location:
    return _new_location(Location, (path, mark.line + 1, mark.column + 1))


_new_location = tuple.__new__  # the named tuple's own constructor is a Python function, five times slower


class _Builder:
    """Plain values from parser events, with an explicit stack of open collections."""

    def __init__(self, path: str, problems: list[Problem], text: str = "") -> None:
        self.path = path
        self.problems = problems
        self.text = text
        self.root: Any = None
        self.documents = 0
        # Each frame: [container, pending key (mappings), location of the pending key]
        self.stack: list[list[Any]] = []
        self.skipping = 0  # depth inside a refused collection whose events are being dropped

    def error(self, where: Location, code: str, message: str) -> None:
        self.problems.append(Problem(where, code, message))

    def run(self, next_event: Any, kept_tabs: list[tuple[int, int]]) -> None:
        """Build the document from the parser's events (`next_event()`), noting in `kept_tabs`
        where quoted and block values hold a tab."""
        scalar_event, end_events = yaml.ScalarEvent, (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        start_events = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
        while True:
            event = next_event()
            kind = type(event)
            if kind is scalar_event:
                if event.style in _QUOTED_OR_BLOCK and "\t" in event.value:
                    kept_tabs.append((event.start_mark.index, event.end_mark.index))
                if not self.skipping:
                    self.add(self.scalar(event), _location(self.path, event.start_mark))
            elif kind in end_events:
                if self.skipping:
                    self.skipping -= 1
                else:
                    container = self.stack.pop()[0]
                    self.add(container, container.location)
            elif kind in start_events:
                if self.skipping:
                    self.skipping += 1
                else:
                    self.open(event)
            elif self.skipping:
                pass
            elif kind is yaml.AliasEvent:
                where = _location(self.path, event.start_mark)
                self.error(where, "alias", f"YAML aliases are not allowed (*{event.anchor})")
                self.add(REFUSED, where)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise yaml.MarkedYAMLError(problem="expected a single document, found another",
                                               problem_mark=event.start_mark)
            elif event is None or kind is yaml.StreamEndEvent:
                return

    def open(self, event: yaml.CollectionStartEvent) -> None:
        where = _location(self.path, event.start_mark)
        mapping = isinstance(event, yaml.MappingStartEvent)
        allowed = _CORE + ("map" if mapping else "seq")
        if len(self.stack) >= MAX_DEPTH:
            raise _TooDeep(where)
        if event.tag not in (None, "!", allowed):
            self.error(where, "tag", f"tag '{_short(event.tag)}' is not allowed (only plain YAML values)")
            self.skipping = 1
            self.add(REFUSED, where)
            return
        self.stack.append([YamlMap(where) if mapping else YamlList(where), None, None])

    def add(self, value: Any, where: Location) -> None:
        """Put a finished value, read at `where`, into the open collection (or make it the document)."""
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if type(container) is YamlList:
            container.append(value)
            container.item_locations.append(where)
            return
        if frame[2] is None:  # this value is a key
            frame[1], frame[2] = value, where
            return
        key, key_location = frame[1], frame[2]
        frame[1] = frame[2] = None
        if key is REFUSED:
            return
        if not isinstance(key, str):
            self.error(key_location, "type", f"keys must be text, not {_describe(key)}")
        elif key in container:
            first = container.key_locations[key]
            self.error(key_location, "duplicate-key", f"duplicate key '{brief(key)}' (first at line {first.line})")
        else:
            container[key] = value
            container.key_locations[key] = key_location

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        value: str = event.value
        tag = event.tag
        if tag is None or tag == "!":
            if not event.implicit[0] or value[:1] not in _IMPLICIT:  # quoted, or plain text no other type begins with
                return value
            tag = _resolve(value)
            if tag == _CORE + "merge":
                self.error(_location(self.path, event.start_mark), "alias", "YAML merge keys (<<) are not allowed")
                return REFUSED
            reading = _yaml_1_1_only(value, tag)
            if reading:
                self.error(_location(self.path, event.start_mark), "ambiguous",
                           f"'{brief(value)}' is {reading} in YAML 1.1 but text in YAML 1.2 and to JSON Schema "
                           "tools: quote it, or write it as YAML 1.2 does")
                return REFUSED
        try:
            if tag in (_CORE + "str", _CORE + "timestamp"):
                return value  # dates keep their written form, and with it their precision
            if tag == _CORE + "null":
                return None
            if tag == _CORE + "bool":
                return _BOOL[value.lower()]
            if tag == _CORE + "int":
                return _int(value)
            if tag == _CORE + "float":
                return _float(value)
        except (KeyError, ValueError):
            self.error(_location(self.path, event.start_mark), "type", f"'{brief(value)}' is not a valid {_short(tag)}")
            return REFUSED
        self.error(_location(self.path, event.start_mark), "tag",
                   f"tag '{_short(tag)}' is not allowed (only plain YAML values)")
        return REFUSED


_YAML_1_2_INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_YAML_1_2_BOOL = {"true", "True", "TRUE", "false", "False", "FALSE"}


def _yaml_1_1_only(value: str, tag: str) -> str:
    """How YAML 1.1 reads a plain scalar that YAML 1.2 reads differently (as text, or as another
    number): `yes`, `off`, `33:33` (sexagesimal: 2013), `1_000`, `0b11`, `017` (octal: 15).
    Empty when both read it alike. Such a value means one thing here and another to other tools."""
    if tag == _CORE + "bool" and value not in _YAML_1_2_BOOL:
        return f"the boolean {_BOOL[value.lower()]}".lower()
    if tag == _CORE + "int" and (not _YAML_1_2_INT.match(value) or re.match(r"^[-+]?0[0-9]", value)):
        try:
            return f"the number {_int(value)}"
        except ValueError:
            return "a number"
    if tag == _CORE + "float" and ("_" in value or ":" in value):
        return "a number"
    return ""


def _resolve(value: str) -> str:
    """The implicit type of a plain scalar, by YAML 1.1's rules as PyYAML's SafeLoader applies them."""
    for tag, pattern in (*_IMPLICIT.get(value[:1] if value else "", ()), *_IMPLICIT.get(None, ())):
        if pattern.match(value):
            return tag
    return _CORE + "str"


def _short(tag: str | None) -> str:
    return (tag or "").replace(_CORE, "!!")


def _describe(value: Any) -> str:
    if isinstance(value, (YamlMap, YamlList)):
        return "a " + ("mapping" if isinstance(value, YamlMap) else "list")
    return repr(value)


def _int(text: str) -> int:
    text = text.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    if text.startswith("0x"):
        return sign * int(text[2:], 16)
    if text.startswith("0b"):
        return sign * int(text[2:], 2)
    if ":" in text:  # YAML 1.1 sexagesimal, as PyYAML reads it
        total = 0
        for part in text.split(":"):
            total = total * 60 + int(part)
        return sign * total
    if len(text) > 1 and text.startswith("0"):
        return sign * int(text, 8)
    return sign * int(text)


def _float(text: str) -> float:
    lowered = text.lower().replace("_", "")
    if lowered in (".inf", "+.inf"):
        return float("inf")
    if lowered == "-.inf":
        return float("-inf")
    if lowered == ".nan":
        return float("nan")
    if ":" in lowered:  # sexagesimal
        sign = -1.0 if lowered.startswith("-") else 1.0
        total = 0.0
        for part in lowered.lstrip("+-").split(":"):
            total = total * 60 + float(part)
        return sign * total
    return float(lowered)
