"""The command line's edge: whatever goes wrong becomes one line on stderr and an exit code.

Every command runs inside `FactcheckGroup.main`, so a command (new ones included) only raises
a `FactcheckError`; usage errors, a closed or full output and text the terminal's encoding
cannot show are all handled here, once:

- usage errors are one line, `factcheck: error: ...`, exit 2 (not click's boxed message);
- a reader that leaves early (`factcheck list | head`) ends the output quietly, and the
  command still exits with the status it would have had, whatever the format;
- an output that cannot be written (`> /dev/full`, a closed stdout) is an error, exit 2;
- characters the output's encoding cannot represent are written as backslash escapes;
- a `COLUMNS` below 20 or not a number is ignored (tables drawn 0 wide would show nothing).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn, TextIO

from typer.core import TyperGroup

from .diagnostics import FactcheckError

USAGE = 2
"""Exit status for unusable input or usage."""


class OutputError(FactcheckError):
    """Standard output cannot be written (a full disk, a closed descriptor)."""


def error_line(error: object) -> str:
    """The one line every failure is reported as."""
    from .formats.safe import cell

    return f"factcheck: error: {cell(error)}"


def report(error: object) -> None:
    """Write `error` as one line on stderr, if there is a stderr to write to."""
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        stream.write(error_line(error) + "\n")
        stream.flush()


def fail(error: object) -> NoReturn:
    """Report `error` and exit 2."""
    report(error)
    raise SystemExit(USAGE)


class GuardedOutput:
    """Standard output that swallows a closed pipe and turns other write failures into
    `OutputError`. Everything else (isatty, encoding, fileno...) is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.reader_left = False
        self.failure: OutputError | None = None

    def write(self, text: str) -> int:
        if not self.reader_left:
            self._guard(lambda: self._stream.write(text))
        return len(text)

    def flush(self) -> None:
        if not self.reader_left:
            self._guard(self._stream.flush)

    def _guard(self, action: Any) -> None:
        if self.failure is not None:  # failed once, failed for good: a caller that swallowed the
            raise self.failure        # error (click probes a stream with empty writes) must not hide it
        try:
            action()
        except BrokenPipeError:
            self.reader_left = True
            self._silence()
        except OSError as error:
            self._silence()
            self.failure = OutputError(f"cannot write to standard output: {error.strerror or error}")
            raise self.failure from None

    def _silence(self) -> None:
        """Point the descriptor at /dev/null so the interpreter's last flush finds nothing to fail on."""
        try:
            target = self._stream.fileno()
        except (OSError, ValueError, AttributeError):
            return
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, target)
        finally:
            os.close(null)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def guarded_streams() -> Iterator[GuardedOutput]:
    """Standard streams that cannot raise a traceback; stdout is restored afterwards."""
    if sys.stderr is None:  # `2>&-`: nowhere to report, but nothing may fail for lack of it
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdin is None:  # `<&-`: an input that ends at once (prompts see the end, `scan -` says closed)
        sys.stdin = io.StringIO("")
    if sys.stdout is None:  # `>&-`
        raise OutputError("standard output is closed")
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    original = sys.stdout
    guarded = GuardedOutput(original)
    sys.stdout = guarded
    try:
        yield guarded
        guarded.flush()
    finally:
        sys.stdout = original


class FactcheckGroup(TyperGroup):
    """The command group with factcheck's error path instead of click's standalone handling."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        from typer._click.exceptions import ClickException, NoArgsIsHelpError
        from typer.exceptions import Abort

        code = 0
        _ignore_unusable_columns()
        try:
            with guarded_streams():
                result = super().main(args, prog_name or "factcheck", complete_var,
                                      standalone_mode=False, **extra)
                code = result if isinstance(result, int) else 0
        except NoArgsIsHelpError as error:
            sys.stdout.write(error.format_message() + "\n")
            code = USAGE
        except ClickException as error:
            report(_usage_message(error, sys.argv[1:] if args is None else list(args)))
            code = USAGE
        except FactcheckError as error:
            report(error)
            code = USAGE
        except Abort as error:  # a prompt interrupted: by the end of the input, or by Ctrl-C
            if isinstance(error.__context__, EOFError):
                report("the input ended before the answer")
                code = USAGE
            else:
                code = 130
        if not standalone_mode:
            return code
        sys.exit(code)


def text_argument(value: str) -> str:
    """Text from the command line as it was typed. Under a locale that is not UTF-8
    (`LC_ALL=C PYTHONUTF8=0`) Python keeps the bytes it could not decode as surrogates: they are
    read again as UTF-8; bytes that are not UTF-8 either stay as they are, and print as `\\x9b`.
    (Paths are left alone: the operating system wants their bytes back unchanged.)"""
    if not any("\udc80" <= char <= "\udcff" for char in value):
        return value
    try:
        return os.fsencode(value).decode("utf-8")
    except (UnicodeError, ValueError):
        return value


MIN_COLUMNS = 20


def _ignore_unusable_columns() -> None:
    """`COLUMNS=0` (or not a number, or too narrow to draw a table in) would make tables vanish:
    such a value is ignored, and the terminal's own width used."""
    raw = os.environ.get("COLUMNS")
    if raw is not None and not (raw.strip().isdigit() and int(raw) >= MIN_COLUMNS):
        del os.environ["COLUMNS"]


def _usage_message(error: Any, args: list[str]) -> str:
    """Click's message, with where to find help, and what to do about text that looks like an option."""
    from typer._click.exceptions import NoSuchOption, UsageError

    message = error.format_message()
    if isinstance(error, NoSuchOption) and any(
            a.startswith(error.option_name) and any(c.isspace() for c in a) for a in args):
        message += "; to check text that starts with '-', put -- before it: factcheck verify -- \"-text\""
    if isinstance(error, UsageError) and error.ctx is not None:
        message += f" (see '{error.ctx.command_path} --help')"
    return message


def run(app: Any) -> NoReturn:
    """The console script. The last resort for what no guard foresaw: still one line, exit 2."""
    try:
        app()
    except SystemExit as done:
        _exit_now(done)
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except BaseException as error:  # noqa: BLE001 - the edge: nothing may end in a traceback
        fail(f"internal error: {type(error).__name__}: {error} (please report it)")
    _exit_now(SystemExit(0))


def _exit_now(done: SystemExit) -> NoReturn:
    """End the process once its output is flushed, without freeing its objects one by one: for a
    100,000-claim ledger that takes 0.4 s, more than half a warm free-text answer. A status that
    is not a number, or output that cannot be flushed, goes through Python's own exit."""
    if done.code is None or isinstance(done.code, int):
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:  # `>&-`, `2>&-`
                    stream.flush()
        except (OSError, ValueError):
            raise done from None
        os._exit(done.code or 0)
    raise done
