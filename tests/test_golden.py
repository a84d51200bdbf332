"""Golden files: every command in every format, at 80 and 120 columns, compared byte for byte
with tests/golden/. A change of layout or wording shows up as a diff to review.

When a change is intended, regenerate and review the diff before committing:

    FACTCHECK_GOLDEN=update .venv/bin/python -m pytest tests/test_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import TESTS

GOLDEN = TESTS / "golden"
LEDGER = TESTS / "ledgers" / "golden"
UPDATE = os.environ.get("FACTCHECK_GOLDEN") == "update"
WIDTHS = (80, 120)

COMMANDS = {
    "list": ["list"],
    "verify-id": ["verify", "regional-broadcaster-long-report-on-the-crimea-treaty-signing-ceremony"],
    "verify-false": ["verify", "crimea-2013"],
    "verify-text": ["verify", "Turkey withdrew from NATO in 2021"],
    "sources": ["sources"],
    "facts": ["facts"],
    "scan": ["scan", "article.md", "--all"],
    "check": ["check"],
    "reviews": ["reviews"],
}
FORMATS = {name: ("text", "json", "github") if name == "check" else ("table", "json", "markdown", "csv")
           for name in COMMANDS}
CASES = [(name, fmt) for name in COMMANDS for fmt in FORMATS[name]]


def output(name: str, fmt: str, width: int) -> str:
    width_option = ["--width", str(width)] if fmt == "table" else []
    result = CliRunner().invoke(app, [*COMMANDS[name], "--data", ".", "--format", fmt, *width_option])
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def compare(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path.name}: run FACTCHECK_GOLDEN=update pytest {__file__}"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{path.name}", "actual"))
        pytest.fail(f"output differs from golden/{path.name} (if intended: FACTCHECK_GOLDEN=update pytest "
                    f"tests/test_golden.py, then review git diff):\n{diff}")


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_golden(name: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(LEDGER)  # paths in messages are relative to the working folder
    if fmt == "table":
        from factcheck.formats.layout import width_of

        for width in WIDTHS:
            actual = output(name, fmt, width)
            assert max(map(width_of, actual.splitlines())) <= width
            compare(GOLDEN / f"{name}.{fmt}.{width}.txt", actual)
    else:  # only tables depend on the width: the other formats (and check's lines) are the same at any width
        first, second = (output(name, fmt, width) for width in WIDTHS)
        assert first == second
        compare(GOLDEN / f"{name}.{fmt}.txt", first)


def test_no_stray_golden_files() -> None:
    """A golden file no case writes is left over from a renamed case: it would never be checked."""
    expected = {f"{name}.{fmt}.{w}.txt" for name, fmt in CASES if fmt == "table" for w in WIDTHS}
    expected |= {f"{name}.{fmt}.txt" for name, fmt in CASES if fmt != "table"}
    assert {p.name for p in GOLDEN.glob("*.txt")} == expected


def test_addresses_stay_whole_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """A record block gives an address too long to sit beside its label the whole line under it:
    broken across lines, it could be neither clicked nor copied."""
    monkeypatch.chdir(LEDGER)
    shown = output("reviews", "table", 80)
    for url in ("https://checker.example/crimea-2013",
                "https://second.example/reviews/2024/a-very-long-address-for-a-review-page"):
        assert any(line.strip().endswith(url) for line in shown.splitlines()), shown
