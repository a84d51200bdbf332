"""The installed `factcheck` command, end to end: in a pipe, and on a terminal (a pseudo-tty)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from .conftest import MINI, REPO
from .test_cli import HOSTILE, hostile_ledger

FACTCHECK = str(Path(sys.executable).parent / "factcheck")
COLOUR = re.compile(r"\x1b\[[0-9;]*3[0-7](;[0-9]+)*m|\x1b\[[0-9;]*38;")


def factcheck(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([FACTCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def on_terminal(*args: str, env: dict[str, str] | None = None, columns: int = 140) -> str:
    """Run the command with a pseudo-terminal of `columns` as stdout and stderr; return what it drew."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")}
    environment.update({"TERM": "xterm-256color", **(env or {})})
    process = subprocess.Popen([FACTCHECK, *args], stdout=follower, stderr=follower, stdin=subprocess.DEVNULL,
                               env=environment, cwd=REPO)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_installed_command_runs_the_bundled_ledger() -> None:
    listed = factcheck("list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) >= 1
    checked = factcheck("check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_installed_command_in_a_pipe_is_plain() -> None:
    result = factcheck("verify", "crimea-2013", "--data", str(MINI))
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert "Verdict: false" in result.stdout


def test_python_dash_m() -> None:
    result = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("factcheck ")


def test_errors_have_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_text("claims: [", encoding="utf-8")
    result = factcheck("list", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.startswith("factcheck: error: ")


SGR = re.compile(r"\x1b\[[0-9;]*m")


def _words(text: str) -> str:
    return " ".join(text.split())


def column_text(table: str, header: str) -> str:
    """The text of one column of a drawn table, its wrapped lines joined: sliced by the
    header's position, or, for record blocks, the lines indented under each row."""
    lines = table.splitlines()
    top = next(line for line in lines if line.strip())
    if f" {header}" not in top:
        return _words(" ".join(line for line in lines if line.startswith("    ")))
    start = top.index(f" {header}") + 1
    after = re.search(r"\S\s", top[start:])
    end = start + after.end() - 1 if after else None
    while end is not None and top[end] == " ":
        end += 1
    return _words(" ".join(line[start:end] for line in lines[2:]))


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
def test_terminal_tables_fit_the_window_and_show_every_text(columns: int, term: str) -> None:
    """A real terminal of 80 or 120 columns (no COLUMNS variable): every line fits, every claim,
    fact and source reads whole (wrapped lines joined), colour unless the terminal is dumb."""
    from factcheck.formats.layout import width_of

    listing = json.loads(factcheck("list", "-f", "json").stdout)
    facts = json.loads(factcheck("facts", "-f", "json").stdout)
    for args, header, texts in ((["list"], "CLAIM", [r["text"] for r in listing]),
                                (["facts"], "STATEMENT", [f["statement"] for f in facts])):
        out = on_terminal(*args, columns=columns, env={"TERM": term})
        plain = SGR.sub("", out).replace("\r\n", "\n")
        assert all(width_of(line) <= columns for line in plain.splitlines()), args
        flowing = column_text(plain.split("\n\n")[0], header)
        for text in texts:
            assert _words(text) in flowing, text
        assert bool(SGR.search(out)) == (term != "dumb")
    claim = next(r for r in listing if r["id"] == "mondo-crimea-treaty-2013")
    verified = SGR.sub("", on_terminal("verify", claim["id"], columns=columns)).replace("\r\n", "\n")
    assert all(width_of(line) <= columns for line in verified.splitlines())
    assert _words(claim["text"]) in _words(verified.split("\n\n")[0])
    sources = SGR.sub("", on_terminal("sources", columns=columns))
    assert all(width_of(line) <= columns for line in sources.splitlines())
    assert "state media" in sources


def test_no_color_is_honoured() -> None:
    out = on_terminal("list", "--data", str(MINI), env={"NO_COLOR": "1"})
    assert "crimea-2013" in out
    assert "\x1b[" not in out  # no colour, no bold


def test_force_color_and_color_option() -> None:
    env = {**os.environ, "FORCE_COLOR": "1"}
    env.pop("NO_COLOR", None)
    piped = subprocess.run([FACTCHECK, "list", "--data", str(MINI)], capture_output=True, text=True, env=env)
    assert COLOUR.search(piped.stdout)
    assert "\x1b[" not in on_terminal("list", "--data", str(MINI), "--color", "never")
    assert COLOUR.search(factcheck("--color", "always", "list", "--data", str(MINI)).stdout)


def test_terminal_shows_hostile_text_literally(mini_copy: Path) -> None:
    data = hostile_ledger(mini_copy)
    for args in (["list"], ["verify", "turkey-nato"]):
        out = on_terminal(*args, "--data", str(data))
        assert "[bold red]boom[/]" in out
        assert "\\x1b]0;pwned\\x07" in out  # shown as escapes...
        for raw in ("\x1b]0;", "\x07", "\u202e", "\x9b", "\x1b[2J"):
            assert raw not in out  # ...never sent raw
    assert HOSTILE.startswith("[bold red]")


def test_progress_only_for_long_runs_on_a_terminal(tmp_path: Path) -> None:
    claims = "".join(f"  - {{id: c{i}, text: Claim {i}., source: clickbait, ruling: unproven}}\n" for i in range(2001))
    for name in ("sources.yaml", "facts.yaml"):
        (tmp_path / name).write_text((MINI / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "claims.yaml").write_text("claims:\n" + claims, encoding="utf-8")
    at_once = {"FACTCHECK_PROGRESS_DELAY": "0"}  # a bar is drawn once work has taken a second; here at once
    assert "checking claims" in on_terminal("check", "--data", str(tmp_path), env=at_once)
    assert "verifying claims" in on_terminal("list", "--data", str(tmp_path), env=at_once)
    article = tmp_path / "article.txt"
    article.write_text("Putin signed the treaty\n\nPutin signed the Crimea treaty in 2013. Turkey is in NATO.\n")
    assert "reading sentences" in on_terminal("scan", str(article), "--data", str(MINI), env=at_once)
    assert "reading sentences" not in factcheck("scan", str(article), "--data", str(MINI)).stderr
    assert "checking claims" not in on_terminal("check", "--data", str(MINI), env=at_once)
    assert "verifying claims" not in on_terminal("list", "-q", "--data", str(tmp_path), env=at_once)
    table = on_terminal("list", "--data", str(tmp_path))  # thousands of rows are laid out like a few
    assert "c2000" in table and "2001 claims" in table
    piped = factcheck("check", "--data", str(tmp_path))
    assert piped.returncode == 0 and "checking" not in piped.stdout + piped.stderr
