"""Reading untrusted input with a size limit: articles (files or standard input) and ledger files.

Nothing is read without a bound: a runaway pipe (`yes | factcheck scan -`) or a device
(`/dev/zero`) stops at the limit with a "too large" error instead of filling the memory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO

from .diagnostics import FactcheckError, Location, brief

MB = 1024 * 1024
ARTICLE_LIMIT_ENV = "FACTCHECK_MAX_ARTICLE_MB"
LEDGER_FILE_LIMIT_ENV = "FACTCHECK_MAX_LEDGER_FILE_MB"
LEDGER_LINE_LIMIT_ENV = "FACTCHECK_MAX_LEDGER_LINE_MB"
DEFAULT_ARTICLE_MB = 0.5
DEFAULT_LEDGER_FILE_MB = 64
DEFAULT_LEDGER_LINE_MB = 1


class TooLarge(FactcheckError):
    """The input is larger than its limit."""


def limit_bytes(variable: str, default_mb: float) -> int:
    """A limit in bytes, from an environment variable in megabytes (decimals allowed)."""
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return int(default_mb * MB)
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < 1e6:
        raise FactcheckError(f"{variable} must be a number of megabytes between 0 and 1000000, not {brief(raw)!r}")
    return max(1, round(value * MB))


def read_limited(stream: BinaryIO, limit: int, what: str) -> bytes:
    """At most `limit` bytes of `stream`; `TooLarge` when there are more."""
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(min(1 * MB, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise TooLarge(f"{what} is too large: more than {_size(limit)}")
    return b"".join(chunks)


def _size(limit: int) -> str:
    return f"{limit / MB:g} MB" if limit * 100 % MB == 0 else f"{limit:,} bytes"


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text (a byte-order mark dropped), or a `FactcheckError` at the first byte that is
    not UTF-8: its line, column and byte offset."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data.count(b"\n", 0, start) + 1
        column = len(data[data.rfind(b"\n", 0, start) + 1:start].decode("utf-8", "replace")) + 1
        raise FactcheckError(f"not UTF-8 text: byte 0x{data[start]:02x} at offset {start}",
                             Location(shown, line, column)) from None


def read_article(name: str) -> str:
    """An article from a file, or from standard input for `-`, up to the article limit."""
    limit = limit_bytes(ARTICLE_LIMIT_ENV, DEFAULT_ARTICLE_MB)
    if name == "-":
        stdin = sys.stdin
        if stdin is None or getattr(stdin, "buffer", None) is None:
            raise FactcheckError("cannot read standard input: it is closed")
        try:
            data = read_limited(stdin.buffer, limit, "standard input")
        except OSError as error:
            raise FactcheckError(f"cannot read standard input: {error.strerror or error}") from None
        return decode(data, "<stdin>")
    shown = name
    try:
        with open(name, "rb") as file:
            data = read_limited(file, limit, shown)
    except OSError as error:
        raise FactcheckError(f"cannot read {shown}: {error.strerror or error}") from None
    return decode(data, shown)


def read_ledger_bytes(path: Path, shown: str) -> tuple[bytes, os.stat_result]:
    """A ledger file's bytes, up to the ledger file limit (`TooLarge` past it), and its status as
    it was opened (size and modification time key the cache)."""
    limit = limit_bytes(LEDGER_FILE_LIMIT_ENV, DEFAULT_LEDGER_FILE_MB)
    with open(path, "rb") as file:
        info = os.fstat(file.fileno())
        data = read_limited(file, limit, "the file")
    line_limit = limit_bytes(LEDGER_LINE_LIMIT_ENV, DEFAULT_LEDGER_LINE_MB)
    long_line = _long_line(data, line_limit)
    if long_line is not None:
        line = data.count(b"\n", 0, long_line) + 1
        raise TooLarge(f"line {line} is too long: more than {_size(line_limit)} (write the YAML in block style, "
                       "one key a line)", Location(shown, line, 1))
    return data, info


def _long_line(data: bytes, limit: int) -> int | None:
    """Where the first line longer than `limit` bytes starts, if one does. A whole flow-style
    ledger on one line costs the parser many times a block-style one of the same size; refused
    at once instead. Steps a window of `limit` bytes at a time (about one step per megabyte)."""
    start = 0
    while len(data) - start > limit:
        newline = data.rfind(b"\n", start, start + limit + 1)
        if newline < 0:
            return start
        start = newline + 1
    return None
