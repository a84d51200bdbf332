"""The README's console examples are the tool's real output.

Every ```console block holding a `$ factcheck ...` line is run: each command in the repository
(the bundled ledger), with the tests' pinned date and output as in a pipe (tables whole, no
colour), and what follows it up to the next `$` line must be what it prints. A line `...`
stands for any number of lines. A block preceded by `<!-- not run: why -->` is skipped (for
examples that need files the repository does not have).

When output changes on purpose, rewrite the examples from real output, then review the diff:

    FACTCHECK_README=update .venv/bin/python -m pytest tests/test_readme.py
    git diff README.md
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import REPO

README = REPO / "README.md"
UPDATE = os.environ.get("FACTCHECK_README") == "update"
FENCE = re.compile(r"(?P<before>[^\n]*)\n```console\n(?P<body>.*?)\n```", re.S)
ELLIPSIS = "..."


@dataclass
class Example:
    command: str
    expected: list[str]
    line: int  # of the `$` line in README.md


def examples(text: str) -> list[Example]:
    found = []
    for block in FENCE.finditer(text):
        if block["before"].startswith("<!-- not run:") or "$ factcheck" not in block["body"]:
            continue
        first = text.count("\n", 0, block.start("body")) + 1
        for offset, chunk in enumerate(re.split(r"\n(?=\$ )", block["body"])):
            lines = chunk.split("\n")
            where = first + block["body"].count("\n", 0, block["body"].index(chunk)) if offset else first
            assert lines[0].startswith("$ factcheck "), f"README.md:{where}: a console example runs factcheck only"
            expected = lines[1:]
            while expected and not expected[-1]:
                expected.pop()
            found.append(Example(lines[0][2:], expected, where))
    return found


def run(command: str) -> list[str]:
    args = shlex.split(command)
    assert not set(args) & {"|", ">", "<", "&&", ";"}, f"{command}: no shell in README examples, only factcheck"
    result = CliRunner().invoke(app, args[1:])
    assert "Traceback" not in result.stdout + result.stderr
    lines = (result.stdout + result.stderr).rstrip("\n").split("\n")
    return lines


def matches(expected: list[str], actual: list[str]) -> bool:
    """`...` matches any lines (none included); every other line must be equal."""
    if not expected:
        return not actual
    if expected[0] == ELLIPSIS:
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def refreshed(expected: list[str], actual: list[str]) -> list[str]:
    """Real output in the example's shape: as many lines before and after its `...` as it had."""
    if ELLIPSIS not in expected:
        return actual
    head = expected.index(ELLIPSIS)
    tail = len(expected) - 1 - max(i for i, line in enumerate(expected) if line == ELLIPSIS)
    return [*actual[:head], ELLIPSIS, *(actual[len(actual) - tail:] if tail else [])]


@pytest.fixture
def in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    for name in ("FACTCHECK_DATA", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def test_readme_console_examples_are_real_output(in_repository: None) -> None:
    text = README.read_text(encoding="utf-8")
    found = examples(text)
    assert len(found) >= 3  # the list, verify and check examples at least
    wrong = []
    for example in found:
        actual = run(example.command)
        if not matches(example.expected, actual):
            wrong.append((example, actual))
    if UPDATE and wrong:
        for example, actual in wrong:
            old = "\n".join([f"$ {example.command}", *example.expected])
            new = "\n".join([f"$ {example.command}", *refreshed(example.expected, actual)])
            assert text.count(old) == 1, f"README.md:{example.line}: the same example twice; edit it by hand"
            text = text.replace(old, new)
        README.write_text(text, encoding="utf-8")
        return
    report = "\n\n".join(f"README.md:{e.line}: $ {e.command}\n--- README\n" + "\n".join(e.expected)
                         + "\n--- real output\n" + "\n".join(actual) for e, actual in wrong)
    assert not wrong, ("README console examples differ from the real output (if the change is intended: "
                       "FACTCHECK_README=update pytest tests/test_readme.py, then review git diff README.md)\n\n"
                       + report)


def test_the_matcher() -> None:
    assert matches(["a", ELLIPSIS, "z"], ["a", "b", "c", "z"])
    assert matches(["a", ELLIPSIS], ["a"])
    assert not matches(["a", ELLIPSIS, "z"], ["a", "b"])
    assert not matches(["a"], ["a", "b"])
    assert refreshed(["a", ELLIPSIS, "y", "z"], list("abcdxyz")) == ["a", ELLIPSIS, "y", "z"]



def test_readme_code_blocks_are_closed() -> None:
    """An unclosed ``` swallows the sections after it into a code block and turns every later
    block inside out. A fence with a language (```sh) always opens a block, so meeting one
    inside a block means the block before it was never closed."""
    opened = 0
    for number, line in enumerate(README.read_text(encoding="utf-8").split("\n"), 1):
        if not line.startswith("```"):
            continue
        unclosed = opened and line.strip("`")
        assert not unclosed, f"README.md:{number}: the code block opened at line {opened} is not closed"
        opened = 0 if opened else number
    assert not opened, f"README.md:{opened}: code block never closed"
