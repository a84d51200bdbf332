"""The one error path: every failure of every command is one line on stderr and exit 2, never a
traceback; a closed pipe is quiet; output survives any encoding; input is read up to a limit."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import MINI, REPO

runner = CliRunner()
FACTCHECK = str(Path(sys.executable).parent / "factcheck")


def run(*args: str, stdin: bytes | str | None = None, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def one_error_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("factcheck: error: "), err
    assert "Traceback" not in err and "╭" not in err
    return err


def shell(command: str, env: dict[str, str] | None = None, stdin: bytes | None = None,
          cwd: Path = REPO) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(["sh", "-c", command], input=stdin, capture_output=True, env=environment, cwd=cwd,
                          timeout=60)


# usage errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["list", "--fromat", "json"], ["list", "-f", "yaml"], ["verify"], ["nonsense"], ["check", "--max-age", "x"],
])
def test_usage_errors_are_one_line(args: list[str]) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    one_error_line(err)
    assert "--help" in err


@pytest.mark.parametrize("args", [
    ["list", "--data", ""], ["--data", "", "list"], ["site", ""], ["init", ""], ["check", ""],
    ["export", "claimreview", "--out", ""],
])
def test_an_empty_path_is_refused_not_read_as_the_current_folder(args: list[str], tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*args, "--data", str(MINI)) if args[0] in ("site", "check") else run(*args)
    assert (code, out) == (2, "")
    assert "empty: name a file or folder" in one_error_line(err)
    assert list(tmp_path.iterdir()) == []


def test_text_starting_with_a_dash() -> None:
    code, _, err = run("verify", "-Turkey left NATO in 2023", "-d", str(MINI))
    assert code == 2 and "put -- before it" in one_error_line(err)
    code, out, _ = run("verify", "-d", str(MINI), "-f", "json", "--", "-Turkey left NATO in 2023")
    assert code == 0 and json.loads(out)["text"] == "-Turkey left NATO in 2023"


def test_no_arguments_prints_help() -> None:
    code, out, _ = run()
    assert code == 2 and "Usage" in out


# input that cannot be used -----------------------------------------------------------------------

def test_a_long_data_path() -> None:
    code, out, err = run("list", "--data", "x" * 5000)
    assert (code, out) == (2, "")
    assert "cannot open the ledger folder: File name too long (no-ledger)" in one_error_line(err)
    code, _, err = run("check", "x" * 5000)
    assert code == 2 and "(no-ledger)" in one_error_line(err)


def test_scan_stdin_that_is_not_utf8() -> None:
    code, out, err = run("scan", "-", "-d", str(MINI), stdin=b"Turkey left\nNATO \x9b in 2023\n")
    assert (code, out) == (2, "")
    assert err == "factcheck: error: <stdin>:2:6: not UTF-8 text: byte 0x9b at offset 17\n"


def test_scan_file_that_is_not_utf8(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes("Türkiye\n\xe9".encode("latin-1", "replace").replace(b"?", b"u"))
    code, _, err = run("scan", str(article), "-d", str(MINI))
    assert code == 2 and f"{article}:1:2: not UTF-8 text: byte 0xfc at offset 1" in one_error_line(err)


def test_input_larger_than_the_limit(tmp_path: Path) -> None:
    article = tmp_path / "big.txt"
    article.write_text("Turkey joined NATO in 1952. " * 100_000, encoding="utf-8")  # 2.8 MB
    env = {"FACTCHECK_MAX_ARTICLE_MB": "1"}
    code, _, err = run("scan", str(article), "-d", str(MINI), env=env)
    assert code == 2 and "is too large: more than 1 MB" in one_error_line(err)
    code, _, err = run("scan", "-", "-d", str(MINI), stdin=article.read_bytes(), env=env)
    assert code == 2 and "standard input is too large: more than 1 MB" in one_error_line(err)
    code, _, err = run("scan", "-", "-d", str(MINI), stdin="x", env={"FACTCHECK_MAX_ARTICLE_MB": "lots"})
    assert code == 2 and "FACTCHECK_MAX_ARTICLE_MB must be a number" in one_error_line(err)


def test_endless_input_stops_at_the_limit() -> None:
    for command in ("factcheck scan /dev/zero", "yes | factcheck scan -"):
        done = shell(f"PATH={Path(FACTCHECK).parent}:$PATH; {command}", env={"FACTCHECK_MAX_ARTICLE_MB": "2"})
        assert done.returncode == 2, command
        assert done.stderr.decode().endswith("is too large: more than 2 MB\n"), done.stderr


# closed and full streams -------------------------------------------------------------------------

def test_closed_stdin_and_stdout() -> None:
    # A preloaded library (faketime's, when the suite runs under it) opens a file as the process
    # starts, which takes the lowest free descriptor and so reopens the very stream closed here.
    unpreloaded = {"LD_PRELOAD": ""}
    done = shell(f"{FACTCHECK} scan - -d {MINI} <&-", env=unpreloaded)
    assert (done.returncode, done.stderr) == (2, b"factcheck: error: cannot read standard input: it is closed\n")
    done = shell(f"{FACTCHECK} list -d {MINI} >&-", env=unpreloaded)
    assert (done.returncode, done.stderr) == (2, b"factcheck: error: standard output is closed\n")
    done = shell(f"{FACTCHECK} add claim --interactive -d {MINI} <&-", env=unpreloaded)  # the input has ended
    assert done.returncode == 2 and done.stderr.count(b"\n") == 1 and b"Traceback" not in done.stderr
    done = shell(f"{FACTCHECK} list -d {MINI} 2>&-", env=unpreloaded)
    assert done.returncode == 0 and b"8 claims" in done.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_full_output_is_an_error(fmt: str) -> None:
    done = shell(f"{FACTCHECK} list -d {MINI} -f {fmt} > /dev/full")
    assert done.returncode == 2
    assert done.stderr == b"factcheck: error: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("args, status", [
    (["list"], 0), (["list", "-f", "json"], 0), (["list", "-f", "csv"], 0), (["list", "-f", "markdown"], 0),
    (["facts", "-f", "json"], 0), (["check", "-f", "json", "--max-age", "1", "--strict"], 1),
    (["check", "--max-age", "1", "--strict"], 1), (["check", "-f", "github", "--max-age", "1", "--strict"], 1),
])
def test_a_closed_pipe_is_quiet_and_keeps_the_status(args: list[str], status: int, mini_copy: Path) -> None:
    """`factcheck ... | head`: the reader left before the output was written."""
    process = subprocess.Popen([FACTCHECK, *args, "-d", str(mini_copy)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    assert (process.wait(timeout=60), err) == (status, b"")


# encodings ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("env", [
    {"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"},
    {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_output_in_any_encoding(env: dict[str, str], fmt: str) -> None:
    sentence = "Erdoğan said Türkiye left NATO in 2023 – “really”"
    done = subprocess.run([FACTCHECK, "verify", sentence, "-f", fmt], capture_output=True, env={**os.environ, **env},
                          cwd=REPO, timeout=60)
    assert done.returncode == 0 and done.stderr == b"", done.stderr
    if fmt == "json":
        record = json.loads(done.stdout)
        assert record["text"] == sentence and record["verdict"] == "false"
    else:
        assert b"Erdo" in done.stdout and b"Traceback" not in done.stdout
    done = subprocess.run([FACTCHECK, "verify", "no-such-claim"], capture_output=True, env={**os.environ, **env},
                          cwd=REPO, timeout=60)  # errors too
    assert done.returncode == 2 and one_error_line(done.stderr.decode("ascii"))


def test_argv_that_is_not_utf8() -> None:
    done = subprocess.run([FACTCHECK.encode(), b"verify", b"Turkey \x9b left NATO in 2023", b"-f", b"json"],
                          capture_output=True, cwd=REPO, timeout=60)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout.decode("utf-8"))  # valid UTF-8, valid JSON
    assert record["text"] == "Turkey \\x9b left NATO in 2023"
    done = subprocess.run([FACTCHECK.encode(), b"verify", b"Turkey \x9b left NATO in 2023"],
                          capture_output=True, cwd=REPO, timeout=60)
    assert b"\x9b" not in done.stdout and b"Turkey \\x9b left" in done.stdout
    done = subprocess.run([FACTCHECK.encode(), b"list", b"-d", b"no-such-\x9b"], capture_output=True, cwd=REPO,
                          timeout=60)
    assert done.returncode == 2
    assert done.stderr == b"factcheck: error: no-such-\\x9b: no such ledger folder (no-ledger)\n"


def test_a_file_name_that_is_not_utf8(mini_copy: Path) -> None:
    claims = mini_copy / "claims"
    claims.mkdir()
    (mini_copy / "claims.yaml").rename(os.fsdecode(bytes(claims) + b"/\xff-claims.yaml"))
    for fmt in ("text", "json", "github"):
        done = subprocess.run([FACTCHECK, "check", "-d", str(mini_copy), "-f", fmt], capture_output=True, timeout=60)
        assert done.returncode in (0, 1) and b"\xff" not in done.stdout, done.stdout
        done.stdout.decode("utf-8")
    done = subprocess.run([FACTCHECK, "check", "-d", str(mini_copy), "-f", "json"], capture_output=True, timeout=60)
    assert done.returncode == 0 and json.loads(done.stdout) == []
    (claims / os.fsdecode(b"\xfe-broken.yaml")).write_text("claims: [", encoding="utf-8")
    done = subprocess.run([FACTCHECK, "list", "-d", str(mini_copy)], capture_output=True, timeout=60)
    assert done.returncode == 2 and b"claims/\\xfe-broken.yaml:2:1: YAML syntax error" in done.stderr


# output safety -----------------------------------------------------------------------------------

INVISIBLE = "Tur\u200bkey\u00ad \u2028left\u2029 \u202eNATO\ufeff \u2066x\u2069 \U000e0041"


def invisible_ledger(mini_copy: Path) -> Path:
    path = mini_copy / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = json.dumps(INVISIBLE).replace("\\udb40\\udc41", "\\U000e0041")  # YAML's escapes are JSON's
    path.write_text(text.replace("text: Turkey is a key NATO member.", f"text: {quoted}"), encoding="utf-8")
    return mini_copy


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_invisible_characters_are_shown_as_escapes(mini_copy: Path, fmt: str) -> None:
    data = invisible_ledger(mini_copy)
    for command in (["list"], ["verify", "turkey-nato"]):
        code, out, _ = run(*command, "-d", str(data), "-f", fmt)
        assert code == 0
        assert not any(char in out for char in "\u200b\u00ad\u2028\u2029\u202e\ufeff\u2066\u2069\U000e0041")
        if fmt == "json":
            record = json.loads(out)
            if command == ["list"]:
                record = next(r for r in record if r["id"] == "turkey-nato")
            assert record["text"] == INVISIBLE  # escaped in the output, exact as data
        else:  # markdown escapes the backslash itself
            assert "Tur\\u200bkey\\xad \\u2028left" in out.replace("\\\\", "\\")


def test_every_invisible_character_is_escaped() -> None:
    import unicodedata

    from factcheck.formats.safe import cell

    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs") and char not in "\t\n":
            assert cell(char).startswith("\\"), hex(code)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_formulas_are_neutralised(mini_copy: Path, start: str) -> None:
    path = mini_copy / "claims.yaml"
    formula = f"{start}HYPERLINK(\"http://evil.example\",\"x\")"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "text: Turkey is a key NATO member.", f"text: {json.dumps(formula)}"), encoding="utf-8")
    _, out, _ = run("list", "-d", str(mini_copy), "-f", "csv")
    cells = [row["text"] for row in csv.DictReader(io.StringIO(out))]
    shown = "'" + formula.replace("\t", " ").replace("\r", "\\x0d")
    assert shown in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for row in csv.reader(io.StringIO(out)) for c in row)


def test_columns_zero_still_draws_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """`COLUMNS=0` on a terminal: ignored, not a table drawn zero wide (which shows nothing)."""
    import factcheck.cli as cli
    from factcheck.formats import View, renderer

    shown: list[str] = []

    def show_on_terminal(view: View, fmt: str, *_: object, **__: object) -> None:
        import shutil

        out = io.StringIO()
        renderer(fmt, out, shutil.get_terminal_size().columns).render(view)  # as on a terminal
        shown.append(out.getvalue())

    monkeypatch.setenv("COLUMNS", "0")
    monkeypatch.setattr(cli, "_show", show_on_terminal)
    code, _, _ = run("list", "-d", str(MINI))
    assert code == 0 and "crimea-2013" in shown[0] and "8 claims" in shown[0]


@pytest.mark.parametrize("target", ["/proc/no-such-folder", "/dev/null/below-a-file"])
def test_a_site_that_cannot_be_written(target: str) -> None:
    code, out, err = run("site", target)
    assert (code, out) == (2, "") and "cannot" in one_error_line(err)


def test_import_of_deeply_nested_json(tmp_path: Path) -> None:
    for name, text in (("arrays.json", "[" * 100_000 + "]" * 100_000),
                       ("objects.jsonl", '{"a":' * 50_000 + "1" + "}" * 50_000)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        code, out, err = run("import", "claimreview", str(path), "--dry-run")
        assert code == 2 and f"{path}:1:1: nested too deeply to read" in one_error_line(err)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["--version", "init {tmp}/new", "-d {tmp}/new site {tmp}/site",
                                     "-d {tmp}/new check"])
def test_a_short_answer_to_a_full_output_is_an_error_too(command: str, tmp_path: Path) -> None:
    """One line written with typer.echo: click first probes the stream with an empty write, which
    /dev/full refuses, and swallows the error; the line itself must still fail, exit 2."""
    if "init" not in command:
        assert shell(f"{FACTCHECK} init {tmp_path}/new").returncode == 0
    done = shell(f"{FACTCHECK} {command.format(tmp=tmp_path)} > /dev/full")
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines()[-1] == b"factcheck: error: cannot write to standard output: No space left on device"


def test_the_command_ends_at_once_with_its_output_whole_and_its_status_kept(tmp_path: Path) -> None:
    """The console script ends without freeing its objects (see edge._exit_now): what it wrote
    still arrives in full, through a pipe and into a file, and its exit status is the command's."""
    listed = subprocess.run([FACTCHECK, "list", "-d", str(REPO), "-f", "json"], capture_output=True, timeout=60)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) > 40
    into_file = shell(f"'{FACTCHECK}' list -d '{REPO}' -f csv > '{tmp_path / 'out.csv'}'")
    assert into_file.returncode == 0
    assert (tmp_path / "out.csv").read_bytes().replace(b"\r\n", b"\n") == \
        subprocess.run([FACTCHECK, "list", "-d", str(REPO), "-f", "csv"], capture_output=True).stdout.replace(
            b"\r\n", b"\n")
    flagged = subprocess.run([FACTCHECK, "scan", "-", "-d", str(MINI), "--fail-on", "false"], capture_output=True,
                             input=b"Turkey news\n\nTurkey left NATO in 2023.\n", timeout=60)
    assert (flagged.returncode, flagged.stdout.count(b"false") > 0) == (1, True)
    refused = subprocess.run([FACTCHECK, "list", "-d", str(tmp_path / "missing")], capture_output=True, timeout=60)
    assert refused.returncode == 2 and refused.stderr.startswith(b"factcheck: error: ")
