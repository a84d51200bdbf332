"""Refuse what is wrong: each hostile or broken ledger gets its own validation, with a location,
and never a traceback; whatever the JSON Schemas reject, `check` rejects too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.ledger import load

from .conftest import MINI, REPO

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def plant(ledger: Path, file: str, old: str, new: str) -> Path:
    path = ledger / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return ledger


def problems(ledger: Path, *options: str) -> tuple[int, list[tuple[str, int, str]]]:
    code, out, _ = run("check", "--data", str(ledger), "--format", "json", *options)
    return code, [(p["code"], p["line"], p["message"]) for p in json.loads(out)]


# numbers, addresses, dates, ranges -----------------------------------------------------------------

@pytest.mark.parametrize("field", ["value", "tolerance"])
def test_numbers_of_309_digits(mini_copy: Path, field: str) -> None:
    huge = "9" * 309
    plant(mini_copy, "facts.yaml", "    value: 74\n", "    value: 74\n    tolerance: 0.1\n")
    plant(mini_copy, "facts.yaml", f"    {field}: ", f"    {field}: {huge}  # ")
    code, found = problems(mini_copy)
    assert code == 1 and found[0][0] == "value" and "is too large" in found[0][2]
    code, out, err = run("list", "-d", str(mini_copy))
    assert (code, out) == (2, "") and "is too large: numbers are at most 1e+300 (value)" in err


def test_a_number_past_python_s_digit_limit(mini_copy: Path) -> None:
    plant(mini_copy, "facts.yaml", "    value: 74", "    value: " + "9" * 5000)
    code, found = problems(mini_copy)
    assert code == 1 and found[0][0] == "type"
    assert found[0][2] == "'999999999999999999999999999999999999999… (5000 characters)' is not a valid !!int"


def test_negative_tolerance(mini_copy: Path) -> None:
    plant(mini_copy, "facts.yaml", "    value: 74\n", "    value: 74\n    tolerance: -0.5\n")
    assert problems(mini_copy) == (1, [("value", 104, "'tolerance' must be at least 0 (not -0.5)")])


@pytest.mark.parametrize("url", ["http://[::1", "https://example.org:99999/a"])
def test_an_address_that_does_not_parse(mini_copy: Path, url: str) -> None:
    plant(mini_copy, "facts.yaml", '"https://example.org/partners"', json.dumps(url))
    code, found = problems(mini_copy)
    assert code == 1 and any(c == "value" and "'url' is not a valid address" in m for c, _, m in found), found
    assert run("list", "-d", str(mini_copy))[0] == 2


def test_sexagesimal_date(mini_copy: Path) -> None:
    plant(mini_copy, "facts.yaml", "    date: 2018-02\n", "    date: 33:33\n")
    code, found = problems(mini_copy)
    assert code == 1
    assert found[0][:2] == ("ambiguous", 104) and "'33:33' is the number 2013 in YAML 1.1" in found[0][2]


def test_explicit_null_for_an_optional_field(mini_copy: Path) -> None:
    plant(mini_copy, "facts.yaml", "    until: 2017-12-31\n", "    until: null\n")
    plant(mini_copy, "claims.yaml", "    ruling: false\n", "    ruling:\n")
    code, found = problems(mini_copy)
    assert code == 1
    assert ("type", 8, "'ruling' is empty (null): give it a value or remove the key") in found
    assert ("type", 96, "'until' is empty (null): give it a value or remove the key") in found


def test_from_after_until(mini_copy: Path) -> None:
    plant(mini_copy, "facts.yaml", "    from: 2017-01-01\n", "    from: 2018-01-01\n")
    assert problems(mini_copy) == (1, [("range", 95, "'from' 2018-01-01 is later than 'until' 2017-12-31: "
                                                     "no date fits both")])


def test_after_not_earlier_than_before(mini_copy: Path) -> None:
    plant(mini_copy, "claims.yaml", "date: 2013}", "after: 2015, before: 2015}")
    code, found = problems(mini_copy)
    assert code == 1 and found[0][:2] == ("range", 7) and "'after' 2015 is later than 'before' 2015" in found[0][2]
    _, found = problems(plant(mini_copy, "claims.yaml", "after: 2015, before: 2015", "after: 2013, before: 2015"))
    assert "range" not in [c for c, _, _ in found]


def test_a_long_republication_chain(mini_copy: Path) -> None:
    """1,000 sources, each republishing the next: no recursion limit; a loop at its end is found once."""
    chain = "".join(f"  - {{id: s{i}, name: S, kind: website, reliability: D, rationale: r, republishes: [s{i + 1}]}}\n"
                    for i in range(1000))
    path = mini_copy / "sources.yaml"
    path.write_text(path.read_text(encoding="utf-8") + chain
                    + "  - {id: s1000, name: S, kind: website, reliability: D, rationale: r}\n", encoding="utf-8")
    assert problems(mini_copy) == (0, [])
    assert run("list", "-d", str(mini_copy), "-f", "json")[0] == 0
    path.write_text(path.read_text(encoding="utf-8").replace("rationale: r}\n", "rationale: r, republishes: [s0]}\n"),
                    encoding="utf-8")
    code, found = problems(mini_copy)
    assert code == 1 and [c for c, _, _ in found] == ["cycle"]
    assert found[0][2].startswith("provenance cycle: s0 -> s1 -> s2") and found[0][2].endswith("s1000 -> s0")


@pytest.mark.parametrize("days", ["1000000", "999999999999", "9" * 400])
def test_max_age_of_any_size(days: str) -> None:
    code, out, err = run("check", "-d", str(MINI), "--max-age", days, "--today", "2030-01-01")
    assert code == 0 and err == "" and "no problems" in out


# files and folders --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "~\n"])
def test_empty_or_comment_only_files(mini_copy: Path, text: str) -> None:
    (mini_copy / "claims.yaml").write_text(text, encoding="utf-8")
    code, found = problems(mini_copy)
    assert code == 1 and found == [("empty", 0, "the file holds no claims: it is empty or only comments")]


def test_an_empty_list_key(mini_copy: Path) -> None:
    (mini_copy / "claims.yaml").write_text("claims:\n", encoding="utf-8")
    assert problems(mini_copy) == (1, [("type", 1, "'claims' is empty: write `claims: []` or list its records")])
    (mini_copy / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    assert problems(mini_copy) == (0, [])


def split_claims(ledger: Path) -> Path:
    folder = ledger / "claims"
    folder.mkdir()
    (ledger / "claims.yaml").rename(folder / "all.yaml")
    return folder


def test_what_else_is_in_a_claims_folder_is_reported(mini_copy: Path) -> None:
    folder = split_claims(mini_copy)
    (folder / "notes.md").write_text("# notes\n", encoding="utf-8")
    (folder / "old").mkdir()
    (folder / "old" / "x.yaml").write_text("claims: []\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.yaml")  # a FIFO would block a reader forever: never opened
    code, out, _ = run("check", "-d", str(mini_copy), "-f", "json")
    found = {(Path(p["file"]).name, p["code"], p["severity"]) for p in json.loads(out)}
    assert code == 0 and found == {("notes.md", "stray-file", "warning"), ("old", "stray-file", "warning"),
                                   ("pipe.yaml", "stray-file", "warning")}
    assert run("check", "-d", str(mini_copy), "--strict")[0] == 1


def test_symlinks_leading_outside_are_not_followed(mini_copy: Path, tmp_path: Path) -> None:
    folder = split_claims(mini_copy)
    secret = tmp_path / "secret.yaml"
    secret.write_text("root:x:0:0:SECRET-CONTENT\n", encoding="utf-8")
    (folder / "leak.yaml").symlink_to(secret)
    (folder / "nowhere.yaml").symlink_to(tmp_path / "missing.yaml")
    (folder / "inside.yaml").symlink_to(mini_copy / "claims" / "all.yaml")  # inside the ledger: fine (duplicates)
    for fmt in ("text", "json", "github"):
        code, out, err = run("check", "-d", str(mini_copy), "-f", fmt)
        assert "SECRET" not in out + err and "secret.yaml" not in out + err
    code, out, _ = run("check", "-d", str(mini_copy), "-f", "json")
    found = {(Path(p["file"]).name, p["code"]) for p in json.loads(out)}
    assert {("leak.yaml", "symlink"), ("nowhere.yaml", "symlink")} <= found
    assert "a symbolic link that leads outside the ledger folder: not read" in out
    code, _, err = run("list", "-d", str(mini_copy))
    assert code == 2 and "SECRET" not in err


def test_an_unreadable_claims_folder(mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = split_claims(mini_copy)
    if os.geteuid() != 0:  # as root, permissions do not stop reading: provoke the error instead
        folder.chmod(0)
    else:
        real = Path.iterdir

        def refuse(self: Path):  # type: ignore[no-untyped-def]
            if self == folder:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "iterdir", refuse)
    try:
        code, out, err = run("check", "-d", str(mini_copy), "-f", "json")
        assert code == 2 and "claims: cannot read the folder: Permission denied (unreadable)" in err
        assert ("unreadable", "error") in {(p["code"], p["severity"]) for p in json.loads(out)}
        code, out, err = run("list", "-d", str(mini_copy))
        assert (code, out) == (2, "") and "cannot read the folder: Permission denied" in err
    finally:
        folder.chmod(0o755)


def test_a_ledger_file_over_the_limit(mini_copy: Path) -> None:
    env = {"FACTCHECK_MAX_LEDGER_FILE_MB": "0.001"}  # about 1 KB
    code, out, err = run("check", "-d", str(mini_copy), "-f", "json", env=env)
    assert code == 2 and err == f"factcheck: error: {mini_copy / 'claims.yaml'}: the file is too large: more than " \
                               "1,049 bytes (too-large)\n"
    assert {p["code"] for p in json.loads(out)} == {"too-large"}


def test_a_ledger_line_over_the_limit_names_its_line(mini_copy: Path) -> None:
    """A ledger in flow style on one line is refused at once, at its line, not parsed."""
    path = mini_copy / "claims.yaml"
    path.write_text("# a ledger on one line\n{claims: [" + ", ".join(["{id: x}"] * 300) + "]}\n", encoding="utf-8")
    env = {"FACTCHECK_MAX_LEDGER_LINE_MB": "0.001"}  # about 1 KB
    code, out, err = run("check", "-d", str(mini_copy), "-f", "json", env=env)
    assert code == 2 and err == f"factcheck: error: {path}:2:1: line 2 is too long: more than 1,049 bytes " \
                               "(write the YAML in block style, one key a line) (too-large)\n"
    assert {p["code"] for p in json.loads(out)} == {"too-large"}
    _, out, _ = run("check", "-d", str(mini_copy), "-f", "json")  # the default, 1 MB, parses it
    assert "too-large" not in {p["code"] for p in json.loads(out)}


def test_a_ledger_file_that_is_not_utf8(mini_copy: Path) -> None:
    path = mini_copy / "claims.yaml"
    path.write_bytes(path.read_bytes().replace(b"Turkey is a key", b"Turkey \x9b a key"))
    code, _, err = run("list", "-d", str(mini_copy))
    assert code == 2 and err.endswith("claims.yaml:17:18: cannot read: not UTF-8 text: byte 0x9b at offset 523 "
                                      "(unreadable)\n")


# whatever the JSON Schemas reject, check rejects ---------------------------------------------------

CORPUS = {  # name: (file, text in the mini ledger, what to put instead)
    "yes-for-true": ("facts.yaml", "    repeatable: true", "    repeatable: yes"),
    "no-for-false": ("facts.yaml", "    negated: true", "    negated: no"),
    "yes-ruling": ("claims.yaml", "    ruling: false", "    ruling: yes"),
    "null-ruling": ("claims.yaml", "    ruling: false", "    ruling: null"),
    "empty-ruling": ("claims.yaml", "    ruling: false", "    ruling:"),
    "null-until": ("facts.yaml", "    until: 2017-12-31", "    until: ~"),
    "sexagesimal-date": ("facts.yaml", "    date: 2018-02", "    date: 33:33"),
    "octal-date": ("facts.yaml", "    date: 2018-02", "    date: 0999"),
    "number-date": ("facts.yaml", "    date: 2018-02", "    date: 20180201"),
    "impossible-date": ("facts.yaml", "    date: 2018-02", "    date: 2018-02-30"),
    "negative-tolerance": ("facts.yaml", "    value: 74", "    value: 74\n    tolerance: -1"),
    "underscore-number": ("facts.yaml", "    value: 74", "    value: 7_4"),
    "text-value": ("facts.yaml", "    value: 74", "    value: seventy"),
    "empty-statement": ("facts.yaml", "    statement: The coalition", "    statement: ''\n    note: The coalition"),
    "no-citations": ("facts.yaml", "    date: 2018-02\n    citations:\n", "    citations: []\n    x:\n"),
    "empty-subject": ("facts.yaml", "    subject: coalition", "    subject: []"),
    "bad-id": ("facts.yaml", "  - id: coalition-size-2018", "  - id: Coalition_Size"),
    "bad-kind": ("facts.yaml", "    kind: event", "    kind: Event"),
    "unknown-field": ("claims.yaml", "    ruling: false", "    rulng: false"),
    "unknown-top-key": ("claims.yaml", "claims:", "claim:"),
    "null-list": ("claims.yaml", "claims:", "claims: ~\nold:"),
    "duplicate-key": ("claims.yaml", "    ruling: false", "    ruling: false\n    ruling: true"),
    "null-in-list": ("claims.yaml", "    via: [daily-wire-test]", "    via: [daily-wire-test, null]"),
    "text-bool": ("claims.yaml", "    anonymous: true", "    anonymous: 'true'"),
    "bad-grade": ("sources.yaml", "    reliability: B", "    reliability: G"),
    "republishes-text": ("sources.yaml", "    republishes: [state-tv]", "    republishes: state-tv"),
    "empty-alias": ("sources.yaml", "    aliases: [Putin, President Putin]", "    aliases: [Putin, '']"),
    "null-url": ("sources.yaml", "    reliability: B", "    reliability: B\n    url: null"),
    "list-document": ("sources.yaml", "sources:\n", "- sources:\n"),
}
EMPTY_CORPUS = {"empty-file": "", "comment-only": "# nothing yet\n"}


def test_the_loader_rejects_whatever_the_schemas_reject(tmp_path: Path) -> None:
    """Both read the same broken files: check-jsonschema (the committed schemas, as editors and
    other tools use them) and `factcheck check`. Every file the schema rejects, check rejects."""
    cases: dict[str, tuple[Path, str]] = {}
    for name, (file, old, new) in CORPUS.items():
        ledger = tmp_path / name
        import shutil

        shutil.copytree(MINI, ledger)
        plant(ledger, file, old, new)
        cases[name] = (ledger, file)
    for name, text in EMPTY_CORPUS.items():
        import shutil

        ledger = tmp_path / name
        shutil.copytree(MINI, ledger)
        (ledger / "claims.yaml").write_text(text, encoding="utf-8")
        cases[name] = (ledger, "claims.yaml")
    cases["unchanged"] = (MINI, "claims.yaml")

    rejected_by_schema = set()
    for kind in ("sources", "facts", "claims"):
        files = {str(ledger / file): name for name, (ledger, file) in cases.items() if file == f"{kind}.yaml"}
        done = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"), "--schemafile",
                               str(REPO / "schemas" / f"{kind}.schema.json"), "-o", "json", *files],
                              capture_output=True, text=True, timeout=120)
        report = json.loads(done.stdout)
        for error in report["errors"] + report["parse_errors"]:
            rejected_by_schema.add(files[error["filename"]])
    assert "unchanged" not in rejected_by_schema
    assert len(rejected_by_schema) >= len(cases) - 6, sorted(set(cases) - rejected_by_schema)

    for name in sorted(rejected_by_schema):
        code, out, err = run("check", "-d", str(cases[name][0]))
        assert code in (1, 2), (name, out)
        assert "Traceback" not in out + err
    assert run("check", "-d", str(MINI))[0] == 0


def test_every_problem_is_a_rule(mini_copy: Path) -> None:
    """The codes reported across this module's broken ledgers are all in the registry."""
    from factcheck.rules import RULES

    for file, old, new in CORPUS.values():
        ledger = mini_copy.parent / f"case-{len(old)}-{len(new)}-{file}"
        if not ledger.exists():
            import shutil

            shutil.copytree(MINI, ledger)
            plant(ledger, file, old, new)
        for problem in load(ledger).problems:
            assert problem.code in RULES, problem
            assert problem.severity == RULES[problem.code].severity, problem


def test_a_ledger_file_that_is_not_a_file(mini_copy: Path) -> None:
    (mini_copy / "claims.yaml").unlink()
    os.mkfifo(mini_copy / "claims.yaml")  # opening it would wait for a writer forever
    code, out, err = run("check", "-d", str(mini_copy), "-f", "json")
    assert code == 2 and "the ledger has no claims.yaml (missing-file)" in err
    assert ("stray-file", "warning") in {(p["code"], p["severity"]) for p in json.loads(out)}
