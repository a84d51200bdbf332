"""The installed `factcheck` command, end to end: in a pipe, and on a terminal (a pseudo-tty)."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

from .conftest import MINI, REPO
from .test_cli import HOSTILE, hostile_ledger

FACTCHECK = str(Path(sys.executable).parent / "factcheck")
COLOUR = re.compile(r"\x1b\[[0-9;]*3[0-7](;[0-9]+)*m|\x1b\[[0-9;]*38;")


def factcheck(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([FACTCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def on_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """Run the command with a pseudo-terminal as stdout and stderr; return what it drew."""
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    environment.update({"TERM": "xterm-256color", "COLUMNS": "140", **(env or {})})
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


def test_terminal_gets_rich_tables_in_colour() -> None:
    out = on_terminal("list", "--data", str(MINI))
    assert "crimea-2013" in out and "┃" in out  # rich's box drawing
    assert COLOUR.search(out)


def test_no_color_is_honoured() -> None:
    out = on_terminal("list", "--data", str(MINI), env={"NO_COLOR": "1"})
    assert "crimea-2013" in out
    assert not COLOUR.search(out)


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
    assert "checking claims" not in on_terminal("check", "--data", str(MINI), env=at_once)
    table = on_terminal("list", "--data", str(tmp_path))
    assert "2001 rows: drawn as a plain table" in table and "c2000" in table
    assert "drawn as a plain table" not in on_terminal("list", "--data", str(MINI))
    piped = factcheck("check", "--data", str(tmp_path))
    assert piped.returncode == 0 and "checking" not in piped.stdout + piped.stderr
