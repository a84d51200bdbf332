"""A fuzzer: hostile ledgers and sentences, through the real commands, in process.

Hypothesis mutates the bundled ledger (its bytes, its lines and its structure) and writes
sentences from the ledger's own words mixed with hostile characters; every run must end with
exit status 0, 1 or 2, no exception escaping, output that is valid (UTF-8, JSON that parses,
no raw control or invisible characters, errors as one line) and within a time bound.

`make test` runs a bounded number of examples, the same ones each time (a failure in CI is
reproducible); `make fuzz` runs many more, new ones each time. Environment:
FACTCHECK_FUZZ_EXAMPLES (examples per test, default 40), FACTCHECK_FUZZ_SECONDS (the bound on
one run, default 20), FACTCHECK_FUZZ_RANDOM=1 (fresh examples on every run).
"""

from __future__ import annotations

import atexit
import copy
import json
import os
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.ledger.schema import FILES as LEDGER_FILES
from factcheck.ledger.schema import OPTIONAL_FILES, RECORDS

from .conftest import REPO

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "40"))
SECONDS = float(os.environ.get("FACTCHECK_FUZZ_SECONDS", "20"))
FILES = tuple(name for name in ("sources.yaml", "facts.yaml", "claims.yaml", "factcheck.yaml", "reviews.yaml")
              if (REPO / name).exists())
BUNDLED = {name: (REPO / name).read_bytes() for name in FILES}
RANDOM = os.environ.get("FACTCHECK_FUZZ_RANDOM") == "1"
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not RANDOM,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

runner = CliRunner()
TALLY = os.environ.get("FACTCHECK_FUZZ_TALLY")
"""A file to write, at exit, how many examples each fuzz test ran (benchmarks/fuzz.py sums them)."""
EXAMPLES_RUN: Counter[str] = Counter()
if TALLY:
    atexit.register(lambda: Path(TALLY).write_text(json.dumps(EXAMPLES_RUN), encoding="utf-8"))

# Raw control characters, C1 controls, invisible format characters, separators, lone surrogates.
UNSAFE_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
                           "\ud800-\udfff\U000e0000-\U000e007f]")

HOSTILE_TOKENS = [
    b"\x00", b"\x1b[2J", b"\x9b", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\t", b"\r", b"\r\n", b"\n", b"  ", b"- ",
    b": ", b"{", b"}", b"[", b"]", b",", b"&a ", b"*a", b"<<: ", b"!!python/object:os.system ", b"!tag ", b"? ",
    b"|", b">", b"'", b'"', b"#", b"%YAML 1.1\n", b"---\n", b"...\n", b"~", b"null", b"yes", b"no", b"33:33",
    b"0x1F", b"0o17", b"017", b"1_000", b".inf", b".nan", b"-1", b"1e400", b"9" * 400, b"9" * 5000,
    b"2014-02-30", b"0000",
    b"http://[::1", "\u202e\u200b\u2028\u00ad".encode(), "Erdog\u0306an T\u00fcrkiye".encode(), b"x" * 5000,
]

HOSTILE_VALUES = st.sampled_from([
    None, 10**309, -(10**309), 10**4000, 1e308, -1, -0.5, 0, 2**63, "-1", "0x1F", "1_000", "", "33:33", "2014-02-30",
    "http://[::1", [], {}, "x" * 3000, "\x1b[2J\u202e\u200b", "9999", "0001", "2100-01-01",
]).map(copy.deepcopy)  # a fresh [] or {} each time: mutating a shared one would change later examples
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(["", " ", "2014", "2014-03", "2014-03-18", "2014-02-30", "33:33", "1952-02-18", "true", "false",
                     "misleading", "state-media", "A", "F", "state", "event", "value", "headline", "core",
                     "http://[::1", "https://example.org/a", "turkey", "nato", "putin", "member-of", "signed"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["id", "name", "date", "from", "until", "value", "subject", "x"]), inner, max_size=3),
    max_leaves=6)


def _mutate_bytes(data: bytes, draw: Any) -> bytes:
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "flip", "duplicate"]))
        if action == "insert":
            token = draw(st.sampled_from(HOSTILE_TOKENS) | st.binary(min_size=1, max_size=8))
            data = data[:at] + token + data[at:]
        elif action == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 200)):]
        elif action == "flip" and at < len(data):
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
        elif action == "duplicate":
            size = draw(st.integers(1, 400))
            data = data[:at] + data[at:at + size] * draw(st.integers(2, 3)) + data[at:]
    return data


def _mutate_lines(data: bytes, draw: Any) -> bytes:
    lines = data.split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "blank"]))
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "indent":
            lines[at] = b"  " + lines[at]
        elif action == "dedent":
            lines[at] = lines[at][2:]
        else:
            lines[at] = b""
        if not lines:
            lines = [b""]
    return b"\n".join(lines)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


FILES_SCHEMA = {**LEDGER_FILES, **OPTIONAL_FILES}
FIELD_NAMES = sorted({f.name for r in RECORDS.values() for f in r.fields} | {"rulng", "x"})


def _mutate_structure(data: bytes, draw: Any) -> bytes:
    document = yaml.safe_load(data.decode("utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(document) if p]
        if not paths:
            break
        action = draw(st.sampled_from(["replace", "delete", "set-field", "set-field", "duplicate"]))
        if action == "set-field":  # a field of a record (a mapping), known to the format or not
            records = [p for p in paths if _get(document, p).__class__ is dict]
            if records:
                record = _get(document, draw(st.sampled_from(records)))
                names = st.sampled_from(sorted(record)) if record else st.sampled_from(FIELD_NAMES)
                record[draw(names | st.sampled_from(FIELD_NAMES))] = draw(HOSTILE_VALUES | VALUES)
            continue
        path = draw(st.sampled_from(paths))
        parent = _get(document, path[:-1])
        if action == "replace":
            parent[path[-1]] = draw(VALUES)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(parent[path[-1]])
    return yaml.safe_dump(document, allow_unicode=draw(st.booleans()), sort_keys=False).encode("utf-8")


def _mutate_fields(data: bytes, draw: Any, kind: str) -> bytes:
    """Fields the format knows, in records of the right kind, set to hostile values."""
    document = yaml.safe_load(data.decode("utf-8"))
    lists = FILES_SCHEMA[kind]
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from(sorted(lists)))
        records = document.get(key) or []
        if isinstance(records, dict):  # a single record (the desk)
            records = [records]
        if not records:
            continue
        record = draw(st.sampled_from(records))
        spec = RECORDS[lists[key]]
        record[draw(st.sampled_from([f.name for f in spec.fields]))] = draw(HOSTILE_VALUES | VALUES)
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")


@st.composite
def ledgers(draw: Any) -> dict[str, bytes]:
    """The bundled ledger with one of its files mutated (bytes, lines or structure)."""
    files = dict(BUNDLED)
    name = draw(st.sampled_from(FILES))
    how = draw(st.sampled_from(["bytes", "lines", "structure", "fields"]))
    if how == "fields":
        files[name] = _mutate_fields(files[name], draw, name.removesuffix(".yaml"))
    else:
        files[name] = {"bytes": _mutate_bytes, "lines": _mutate_lines, "structure": _mutate_structure}[how](
            files[name], draw)
    return files


COMMANDS = st.sampled_from([
    ["check", "-f", "json"], ["check", "-f", "github"], ["check"], ["list", "-f", "json"], ["list", "-f", "csv"],
    ["list"], ["list", "-f", "markdown"], ["facts", "-f", "json"], ["sources", "-f", "csv"],
    ["verify", "mondo-crimea-treaty-2013", "-f", "json"], ["verify", "Turkey withdrew from NATO in 2023"],
    ["reviews", "-f", "json"], ["export", "claimreview"],
])


def _words() -> list[str]:
    """The ledger's own vocabulary: names, aliases and relation words, so sentences get read."""
    found: list[str] = []
    facts = yaml.safe_load(BUNDLED["facts.yaml"])
    for entity in facts.get("entities", []):
        found += [entity["name"], *entity.get("aliases", [])]
    for relation in facts.get("relations", []):
        for key in ("words", "start_words", "end_words"):
            found += relation.get(key, [])
    return found


WORDS = _words()
TOKENS = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(["in", "on", "not", "never", "did", "was", "is", "the", "and", "by",
                                             "since", "after", "before", "will", "?", ".", ",", "St.", "-", "%"]),
    st.integers(0, 3000).map(str), st.sampled_from(["18 March 2014", "March 2014", "2014-03-18", "12th"]),
    st.text(max_size=6), st.sampled_from(["\x1b[31m", "\u202e", "\u200b", "\u00ad", "\u2028", "\x00", "\udc9b"]),
)
SENTENCES = st.lists(TOKENS, min_size=0, max_size=40).map(" ".join)


def _write(root: Path, files: dict[str, bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def _run(args: list[str], stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    started = time.monotonic()
    result = runner.invoke(app, args, input=stdin)
    elapsed = time.monotonic() - started
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"factcheck {args!r} raised {result.exception!r}") from result.exception
    assert elapsed < SECONDS, f"factcheck {args!r} took {elapsed:.1f} s"
    assert result.exit_code in (0, 1, 2), (args, result.exit_code)
    return result.exit_code, result.stdout_bytes, result.stderr_bytes


def _assert_valid(args: list[str], code: int, out: bytes, err: bytes) -> None:
    text, errors = out.decode("utf-8"), err.decode("utf-8")  # both valid UTF-8
    assert not UNSAFE_OUTPUT.search(text), (args, UNSAFE_OUTPUT.search(text))
    assert not UNSAFE_OUTPUT.search(errors), (args, errors)
    if code == 2:
        assert errors.startswith("factcheck: error: ") and errors.count("\n") == 1, (args, errors)
        if args[0] != "check":
            assert text == "", (args, text)
    else:
        assert errors == "", (args, errors)
    if ("json" in args or "export" in args) and text:
        json.loads(text)


@pytest.mark.fuzz
@FUZZ
@given(files=ledgers(), args=COMMANDS)
def test_fuzzed_ledgers(tmp_path_factory: pytest.TempPathFactory, files: dict[str, bytes], args: list[str]) -> None:
    EXAMPLES_RUN["ledgers"] += 1
    root = _write(tmp_path_factory.mktemp("ledger"), files)
    code, out, err = _run([*args, "--data", str(root)])
    _assert_valid(args, code, out, err)


@pytest.mark.fuzz
@FUZZ
@given(sentence=SENTENCES, fmt=st.sampled_from(["table", "json", "csv", "markdown"]))
@example(sentence="Russia Russia Turkey member", fmt="table")  # found by the fuzzer: a pair named three times
def test_fuzzed_sentences(sentence: str, fmt: str) -> None:
    EXAMPLES_RUN["sentences"] += 1
    args = ["verify", "--data", str(REPO), "-f", fmt, "--", sentence]
    code, out, err = _run(args)
    _assert_valid(args, code, out, err)
    if sentence.strip() and code != 2:
        assert code == 0


@pytest.mark.fuzz
@FUZZ
@given(lines=st.lists(SENTENCES, max_size=12), raw=st.sampled_from([b"", b"\xff", b"\x00", b"\xef\xbb\xbf"]),
       fmt=st.sampled_from(["table", "json"]))
def test_fuzzed_articles(lines: list[str], raw: bytes, fmt: str) -> None:
    EXAMPLES_RUN["articles"] += 1
    article = "\n".join(lines).encode("utf-8", "surrogateescape") + raw
    args = ["scan", "-", "--data", str(REPO), "-f", fmt, "--all"]
    code, out, err = _run(args, stdin=article)
    _assert_valid(args, code, out, err)


def _schema_verdict(kind: str, data: bytes) -> bool:
    """Whether check-jsonschema, through its own YAML loader, accepts one ledger file."""
    import io

    import jsonschema
    from check_jsonschema.parsers.yaml import construct_yaml_implementation, impl2loader

    load_yaml = impl2loader(construct_yaml_implementation(), construct_yaml_implementation(pure=True))
    try:
        document = load_yaml(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - whatever the schema tool cannot parse, it rejects
        return False
    schema = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema).is_valid(document)


@pytest.mark.fuzz
@FUZZ
@given(files=ledgers())
def test_what_the_schema_rejects_check_rejects(tmp_path_factory: pytest.TempPathFactory,
                                               files: dict[str, bytes]) -> None:
    """The mutated file, judged by the JSON Schema (as check-jsonschema reads YAML) and by the
    loader: a file the schema rejects must carry at least one error."""
    EXAMPLES_RUN["schema"] += 1
    from factcheck.ledger import load

    root = _write(tmp_path_factory.mktemp("ledger"), files)
    changed = [name for name in files if files[name] != BUNDLED[name]]
    for name in changed:
        if not _schema_verdict(name.removesuffix(".yaml"), files[name]):
            errors = [p for p in load(root).problems if p.severity.value == "error"]
            assert any(Path(p.location.file).name == name for p in errors), f"the schema rejects {name}; check does not"
