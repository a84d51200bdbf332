"""`factcheck check`: every planted defect is reported with its location, code and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.ledger.schema import ALL_FILES, FILES, schema_text

from .conftest import MINI, REPO

runner = CliRunner()


def check(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args])
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def plant(ledger: Path, old: str, new: str, file: str = "claims.yaml") -> Path:
    path = ledger / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return ledger


def problems(ledger: Path, *options: str) -> tuple[int, list[dict[str, object]]]:
    code, out, _ = check("--data", str(ledger), "--format", "json", *options)
    return code, json.loads(out)


def test_clean_ledgers_pass() -> None:
    for ledger, files in ((MINI, 3), (REPO, 4)):  # the bundled ledger has a factcheck.yaml too
        code, out, _ = check("--data", str(ledger))
        assert code == 0, out
        assert out.strip().startswith(f"no problems in {files} files")


# (old text, new text, line, column, code): each a defect planted in the mini ledger's claims.yaml.
DEFECTS = [
    ("    date: 2024-02-08\n", "    date: 2024-02-08\n    date: 2024-02-09\n", 6, 5, "duplicate-key"),
    ("  - id: crimea-march-2014", "  - id: crimea-2013", 9, 5, "duplicate-id"),
    ("    source: state-tv\n", "    source: state-tvv\n", 18, 5, "unknown-reference"),
    ("    via: [daily-wire-test]", "    via: [daily-wire-tst]", 19, 5, "unknown-reference"),
    ("    ruling: mostly-true", "    ruling: true", 38, 5, "drift"),
    ("    ruling: false\n  - id: crimea-march-2014", "    rulng: false\n  - id: crimea-march-2014", 8, 5,
     "unknown-field"),
    ("    kind: headline", "    kind: headlines", 41, 5, "value"),
    ("text: Turkey is a key NATO member.", "text: 42", 17, 5, "type"),
    ("  - id: opinion\n", "  - id: opinion\n    text: !!python/object/apply:os.system [touch PWNED]\n", 58, 11, "tag"),
]


@pytest.mark.parametrize(("old", "new", "line", "column", "code"), DEFECTS, ids=[d[4] for d in DEFECTS])
def test_planted_defect(mini_copy: Path, old: str, new: str, line: int, column: int, code: str) -> None:
    exit_code, found = problems(plant(mini_copy, old, new))
    assert exit_code == 1
    mine = [p for p in found if p["code"] == code]
    assert mine, found
    assert (mine[0]["file"], mine[0]["line"], mine[0]["column"]) == (str(mini_copy / "claims.yaml"), line, column)
    assert mine[0]["severity"] == "error"


def test_drift_names_the_claim_both_verdicts_and_the_deciding_fact(mini_copy: Path) -> None:
    _, found = problems(plant(mini_copy, "    ruling: mostly-true", "    ruling: true"))
    [drift] = [p for p in found if p["code"] == "drift"]
    message = str(drift["message"])
    assert "claim 'coalition-70'" in message
    assert "computed verdict is mostly-true but the ruling says true" in message
    assert "deciding fact: coalition-size-2018" in message


def test_tags_are_never_executed(mini_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    tagged = f"  - id: opinion\n    text: !!python/object/apply:os.system [touch {marker}]\n"
    plant(mini_copy, "  - id: opinion\n", tagged)
    code, _ = problems(mini_copy)
    assert code == 1 and not marker.exists()


def test_syntax_error_is_unusable_input(mini_copy: Path) -> None:
    plant(mini_copy, "  - id: opinion\n", "  - id: opinion\n  [oops\n")
    code, found = problems(mini_copy)
    assert code == 2
    assert [p["code"] for p in found] == ["syntax"]
    assert found[0]["file"] == str(mini_copy / "claims.yaml") and found[0]["line"] >= 57


def test_alias_bomb_is_rejected_fast(mini_copy: Path) -> None:
    layers = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    layers += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    (mini_copy / "claims.yaml").write_text("\n".join(layers) + "\nclaims: *a11\n", encoding="utf-8")
    start = time.perf_counter()
    code, found = problems(mini_copy)
    elapsed = time.perf_counter() - start
    assert code == 1
    assert {p["code"] for p in found} >= {"alias"}
    assert elapsed < 30  # 10**12 nodes if expanded: finishing at all proves it was not (no timing claim)


def test_unreadable_and_odd_files_are_clean_errors(mini_copy: Path) -> None:
    (mini_copy / "claims.yaml").write_bytes(b"claims:\n  - id: \xff\xfe\n")
    code, found = problems(mini_copy)
    assert code == 2 and found[0]["code"] == "unreadable"
    (mini_copy / "claims.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    code, found = problems(mini_copy)
    assert code == 1 and found[0]["code"] == "type"
    (mini_copy / "claims.yaml").unlink()
    (mini_copy / "claims.yaml").mkdir()
    code, found = problems(mini_copy)
    assert code == 2 and found[0]["code"] == "missing-file"


def test_warnings_and_strict(mini_copy: Path) -> None:
    plant(mini_copy, "    rationale: Ownership unknown (test data).\n", "", file="sources.yaml")
    code, found = problems(mini_copy)
    assert code == 0
    assert [(p["code"], p["severity"]) for p in found] == [("no-rationale", "warning")]
    assert problems(mini_copy, "--strict")[0] == 1


def test_stale_facts_and_the_claims_resting_on_them(mini_copy: Path) -> None:
    plant(mini_copy, "    as_of: 2026-11-01\n", "    as_of: 2017-01-01\n", file="facts.yaml")
    _, found = problems(mini_copy)
    codes = sorted({str(p["code"]) for p in found})
    assert codes == ["stale-evidence", "stale-fact"]
    assert all(p["severity"] == "warning" for p in found)
    _, fresh = problems(mini_copy, "--max-age", "100000")
    assert fresh == []


def test_provenance_cycle(mini_copy: Path) -> None:
    plant(mini_copy, "    rationale: State-funded broadcaster (test data).\n",
          "    rationale: State-funded broadcaster (test data).\n    republishes: [reposter]\n", file="sources.yaml")
    code, found = problems(mini_copy)
    assert code == 1
    assert any(p["code"] == "cycle" and "state-tv -> reposter -> state-tv" in str(p["message"]) for p in found)


def test_problems_are_sorted_and_summarised(mini_copy: Path) -> None:
    plant(mini_copy, "    ruling: mostly-true", "    ruling: true")
    plant(mini_copy, "    source: state-tv\n", "    source: state-tvv\n")
    code, out, _ = check("--data", str(mini_copy))
    lines = out.strip().splitlines()
    assert code == 1
    assert lines[0].startswith(f"{mini_copy / 'claims.yaml'}:18:5: error: unknown source 'state-tvv'")
    assert ": error: claim 'coalition-70'" in lines[1]
    assert lines[-1] == "2 errors, 0 warnings in 3 files"


def test_github_annotations(mini_copy: Path) -> None:
    plant(mini_copy, "    ruling: mostly-true", "    ruling: true")
    code, out, _ = check("--data", str(mini_copy), "--format", "github")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"::error file={mini_copy / 'claims.yaml'},line=38,col=5,title=drift::claim 'coalition-70'")


def test_paths_may_be_files_of_the_ledger(mini_copy: Path) -> None:
    code, out, _ = check(str(mini_copy / "claims.yaml"), str(mini_copy / "facts.yaml"))
    assert code == 0 and "no problems in 3 files" in out


def test_missing_folder_is_unusable(tmp_path: Path) -> None:
    code, out, err = check(str(tmp_path / "nowhere"))
    assert (code, out) == (2, "")  # an error, not a report: on stderr, one line
    assert err == f"factcheck: error: {tmp_path / 'nowhere'}: no such ledger folder (no-ledger)\n"


# JSON Schemas --------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(ALL_FILES))
def test_schemas_are_generated_from_the_model(kind: str) -> None:
    committed = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), "run: python -m factcheck.ledger schemas"


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run([str(tool), "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("kind", list(FILES))
def test_check_jsonschema_accepts_the_ledgers(kind: str) -> None:
    result = check_jsonschema(REPO / "schemas" / f"{kind}.schema.json", REPO / f"{kind}.yaml", MINI / f"{kind}.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_a_numeric_text(tmp_path: Path) -> None:
    bad = tmp_path / "claims.yaml"
    bad.write_text("claims:\n  - {id: x, text: 42, source: wire}\n", encoding="utf-8")
    result = check_jsonschema(REPO / "schemas" / "claims.schema.json", bad)
    assert result.returncode == 1 and "42 is not of type 'string'" in result.stdout




def test_deep_nesting_is_unusable_input(mini_copy: Path) -> None:
    (mini_copy / "claims.yaml").write_text("claims: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    code, found = problems(mini_copy)
    assert code == 2 and [p["code"] for p in found] == ["nesting"]
