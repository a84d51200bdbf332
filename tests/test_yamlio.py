"""The safe YAML reader: plain values with locations, and every hazard refused where it stands."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.diagnostics import Problem
from factcheck.ledger.yamlio import MAX_DEPTH, REFUSED, YamlList, YamlMap, read_yaml


def read(text: str) -> tuple[Any, list[Problem]]:
    problems: list[Problem] = []
    return read_yaml("f.yaml", text, problems), problems


def codes(problems: list[Problem]) -> list[tuple[str, int, int]]:
    return [(p.code, p.location.line, p.location.column) for p in problems]


def test_values_and_locations() -> None:
    value, problems = read("a: 1\nb:\n  - x\n  - 'y'\nc: {d: 2014-03-18, e: 2014, f: '2014-03', g: false, h: ~}\n")
    assert problems == []
    assert isinstance(value, YamlMap) and isinstance(value["b"], YamlList)
    inner = {"d": "2014-03-18", "e": 2014, "f": "2014-03", "g": False, "h": None}
    assert value == {"a": 1, "b": ["x", "y"], "c": inner}
    assert value.loc("b") == ("f.yaml", 2, 1)
    assert value["b"].item_locations == [("f.yaml", 3, 5), ("f.yaml", 4, 5)]
    assert value["c"].loc("e") == ("f.yaml", 5, 20)


@pytest.mark.parametrize(("text", "reading"), [
    ("v: yes", "the boolean true"), ("v: Off", "the boolean false"), ("v: 1_000", "the number 1000"),
    ("v: 010", "the number 8"), ("v: 33:33", "the number 2013"), ("v: 0b11", "the number 3"), ("v: 1_0.5", "a number"),
])
def test_scalars_that_yaml_1_2_reads_otherwise_are_refused(text: str, reading: str) -> None:
    """Tools that read YAML 1.2 (JSON Schema validators, editors) take these for text or another
    number: the ledger would mean one thing here and another there."""
    value, problems = read(text)
    assert codes(problems) == [("ambiguous", 1, 4)] and value["v"] is REFUSED
    assert f"is {reading} in YAML 1.1 but text in YAML 1.2" in problems[0].message


@pytest.mark.parametrize(("text", "expected"), [
    ("v: true", True), ("v: 'yes'", "yes"), ("v: 0x1F", 31), ("v: 0", 0), ("v: -12", -12),
    ("v: 1.5e+3", 1500.0), ("v: 1.5e3", "1.5e3"), ("v: .inf", float("inf")), ("v: !!str 12", "12"),
    ("v: 2014-03-18T10:00:00Z", "2014-03-18T10:00:00Z"),
])
def test_scalars_read_as_safe_loader_reads_them(text: str, expected: Any) -> None:
    value, problems = read(text)
    assert problems == [] and value["v"] == expected


def test_duplicate_keys_are_reported_at_the_second_and_the_first_is_kept() -> None:
    value, problems = read("outer:\n  k: 1\n  j: 2\n  k: 3\n")
    assert value["outer"] == {"k": 1, "j": 2}
    assert codes(problems) == [("duplicate-key", 4, 3)]
    assert "first at line 2" in problems[0].message


def test_a_tab_before_a_keys_colon_is_refused_as_pyyaml_and_the_schema_tools_refuse_it() -> None:
    """Found by the fuzzer: libyaml reads "entities\t:" as a key, the JSON Schema tools do not."""
    _, problems = read("entities\t:\n  - a\nname: 'a\tb'\nb:\t2\n")
    assert codes(problems) == [("syntax", 1, 9)]


def test_aliases_are_refused_where_they_stand() -> None:
    value, problems = read("a: &x [1, 2]\nb: *x\nc:\n  - *x\n")
    assert value["b"] is REFUSED and value["c"] == [REFUSED]
    assert codes(problems) == [("alias", 2, 4), ("alias", 4, 5)]


def test_alias_bomb_stops_at_the_first_reuse() -> None:
    layers = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    layers += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 30)]
    value, problems = read("\n".join(layers))
    assert {p.code for p in problems} == {"alias"}
    assert len(problems) == 29 * 10  # each alias once: nothing was expanded


def test_merge_keys_and_foreign_tags_are_refused() -> None:
    value, problems = read("base: {a: 1}\nx:\n  <<: {a: 2}\ny: !!python/object/apply:os.system [echo]\n"
                           "z: !!binary aGk=\nw: !custom 3\n")
    assert value["y"] is REFUSED and value["z"] is REFUSED and value["w"] is REFUSED
    assert [c for c, _, _ in codes(problems)] == ["alias", "tag", "tag", "tag"]


def test_keys_must_be_text() -> None:
    _, problems = read("1: a\n[x]: b\n")
    assert [c for c, _, _ in codes(problems)] == ["type", "type"]


@pytest.mark.parametrize("text", [
    "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
    "a: " + "[" * 100_000 + "]" * 100_000,
    "a:\n" + "".join("  " * i + "- \n" for i in range(1, MAX_DEPTH + 5)),
])
def test_deep_nesting_makes_the_file_unusable(text: str) -> None:
    value, problems = read(text)
    assert value is None
    assert [(p.code, p.fatal) for p in problems] == [("nesting", True)]


@pytest.mark.parametrize(("text", "line"), [("a: [1, 2\n", 2), ("a: 1\n---\nb: 2\n", 2), ("a: 'open\n", 2)])
def test_syntax_errors_are_fatal_with_a_location(text: str, line: int) -> None:
    value, problems = read(text)
    assert value is None and problems[0].code == "syntax" and problems[0].fatal
    assert problems[0].location.line == line


def test_control_characters_are_a_reader_error() -> None:
    value, problems = read("a: b\nc: \x07\n")
    assert value is None and problems[0].code == "syntax" and problems[0].location.line == 2


@pytest.mark.parametrize(("text", "column"), [
    ("a: [R\tussian, b]\n", 6), ("a: R\tussian\n", 5), ("a:\n  - R\tussian\n", 6), ("a: b\t\n", 5),
    ("a: b\t", 5), ("a: 'b'\t# c\n", 7), ("- b\t\n", 4), ("a:\t\n  b: c\n", 3), ("a\t: b\n", 2),
])
def test_a_tab_outside_a_quoted_or_block_value_is_refused(text: str, column: int) -> None:
    """libyaml reads it; PyYAML and ruamel.yaml (and so check-jsonschema) refuse it: the ledger
    must not mean one thing to one tool and be unreadable to another."""
    _, problems = read(text)
    assert [(p.code, p.fatal, p.location.column) for p in problems] == [("syntax", True, column)]
    assert "a tab outside a quoted or block value" in problems[0].message


def test_a_tab_inside_a_quoted_or_block_value_or_a_comment_is_text() -> None:
    value, problems = read('a: "R\\tussian"\nb: |\n  x\ty\nc: d # e\tf\n# g\th\n')
    assert problems == [] and value == {"a": "R\tussian", "b": "x\ty\n", "c": "d"}
