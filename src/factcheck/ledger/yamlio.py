"""Safe YAML reading that remembers where every value came from.

libyaml's C composer builds the node graph; this module turns nodes into plain Python values
itself, so it never constructs an object from a tag, rejects duplicate keys instead of letting
the last one win, and refuses aliases (an alias bomb is caught at its first reuse, before any
expansion). Mappings and lists carry the 1-based line and column of each entry.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..diagnostics import Location, Problem

try:  # libyaml is 4x faster; the pure-Python loader is the fallback where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_BOOL = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


class _Refused:
    """Stands where a value was refused (an alias, a foreign tag): already reported, not to be
    reported again as a missing or mistyped field."""

    def __repr__(self) -> str:
        return "<refused>"


REFUSED = _Refused()


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping with the location of itself and of each key."""

    __slots__ = ("location", "key_locations")

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.key_locations: dict[str, Location] = {}

    def loc(self, key: str) -> Location:
        return self.key_locations.get(key, self.location)


class YamlList(list):  # type: ignore[type-arg]
    """A sequence with the location of itself and of each item."""

    __slots__ = ("location", "item_locations")

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.item_locations: list[Location] = []


def _location(path: str, mark: Any) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


def read_yaml(path: str, text: str, problems: list[Problem]) -> Any:
    """Parse one YAML document; append what is wrong with it to `problems`.

    Returns None when the text does not parse (a fatal problem is recorded). Duplicate keys,
    aliases and foreign tags are recorded as errors; a refused value reads as `REFUSED`.
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = _location(path, mark) if mark else Location(path)
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
    if root is None:
        return None
    return _Converter(path, problems).convert(root, Location(path, 1, 1))


class _Converter:
    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.seen: set[int] = set()

    def error(self, where: Location, code: str, message: str) -> None:
        self.problems.append(Problem(where, code, message))

    def convert(self, node: yaml.Node, used_at: Location) -> Any:
        """Turn one node into a value; None where the node is refused.

        `used_at` is where the parent refers to the node: the place an alias is reported, since
        libyaml gives an aliased node the position of its anchor.
        """
        if id(node) in self.seen:
            anchor = _location(self.path, node.start_mark)
            self.error(used_at, "alias", f"YAML aliases are not allowed (anchor at line {anchor.line})")
            return REFUSED
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            where = _location(self.path, node.start_mark)
            self.error(where, "tag", f"tag '{node.tag.replace(_CORE, '!!')}' is not allowed (only plain YAML values)")
            return REFUSED
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node)
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode) -> YamlMap:
        result = YamlMap(_location(self.path, node.start_mark))
        for key_node, value_node in node.value:
            key_loc = _location(self.path, key_node.start_mark)
            if key_node.tag == _CORE + "merge":
                self.error(key_loc, "alias", "YAML merge keys (<<) are not allowed")
                continue
            key = self.convert(key_node, key_loc)
            if not isinstance(key, str):
                if key is not None:
                    self.error(key_loc, "type", f"keys must be text, not {key!r}")
                continue
            if key in result:
                first = result.key_locations[key]
                self.error(key_loc, "duplicate-key", f"duplicate key '{key}' (first at line {first.line})")
                continue
            result.key_locations[key] = key_loc
            result[key] = self.convert(value_node, key_loc)
        return result

    def _sequence(self, node: yaml.SequenceNode) -> YamlList:
        result = YamlList(_location(self.path, node.start_mark))
        for item in node.value:
            item_loc = _location(self.path, item.start_mark)
            result.append(self.convert(item, item_loc))
            result.item_locations.append(item_loc)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        value: str = node.value
        if tag == _CORE + "str" or tag == _CORE + "timestamp":
            return value  # dates keep their written form, and with it their precision
        if tag == _CORE + "null":
            return None
        if tag == _CORE + "bool":
            return _BOOL[value.lower()]
        if tag == _CORE + "int":
            return _int(value)
        return _float(value)


def _int(text: str) -> int:
    text = text.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    if text.startswith("0x"):
        return sign * int(text[2:], 16)
    if text.startswith("0b"):
        return sign * int(text[2:], 2)
    if text.startswith("0o"):
        return sign * int(text[2:], 8)
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
    return float(lowered)
