"""A per-file cache of parsed and validated records: a warm run re-reads only the files that changed.

Each ledger file's records and problems are kept in one entry, named after the file's absolute
path, that also holds the file's size, modification time and a BLAKE2 digest of its bytes, the
path as it was shown, and a fingerprint of the code that wrote it (factcheck's version and the
source of every one of its modules). An entry is used only when every one of them
matches the file as it is now: an edit that keeps the size and the mtime still changes the digest.

Entries are pickles, because rebuilding a hundred thousand records from plain data would cost
nearly what parsing them costs. Unpickling runs code named in the data, so an entry must never
come from anyone else: the cache lives in the user's own cache folder (`FACTCHECK_CACHE_DIR`, else
`$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`), never in the ledger folder a pull request
could fill, it is created private (0700) and used only while it is owned by the user and closed to
others, and every entry is signed with an HMAC-SHA256 under a random key kept there (0600). An
entry that fails any check (truncated, corrupted, written by other code, copied from elsewhere) is
ignored and rewritten. Entries are written to a temporary file and renamed into place, so
concurrent runs never read half an entry. `FACTCHECK_NO_CACHE=1` or `--no-cache` turns it off.

Entries are named after the paths they are for, so ledgers moved or deleted, branches checked out
in other folders and every edit of the code (a new fingerprint) leave entries no run reads again.
An entry's modification time says when it was last used (a read refreshes it once a day), and at
most once a day (`last-pruned`, whose time is that of the last pruning) a run removes the entries
unused for 30 days, those of other code unused for a day (a second installed version keeps its
own for a while), and temporary files a day old (a run that died while writing): a listing of the
folder and a few bytes of the entries a day old, 3 ms of CPU for 500 entries. Removing an entry is
always safe (a run reading it keeps its open file; a run that wants it rebuilds it), so deleting
the whole folder is the way to clear the cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import marshal
import os
import pickle
import stat
import sys
import time
from pathlib import Path
from typing import Any

CACHE_DIR_ENV = "FACTCHECK_CACHE_DIR"
NO_CACHE_ENV = "FACTCHECK_NO_CACHE"
_MAGIC = b"factcheck-cache-1\n"
_MAC_SIZE = 32
DAY = 86400.0
UNUSED_DAYS = 30
"""Entries not used for this many days are removed."""
_PRUNED_MARK = "last-pruned"


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


@functools.cache
def _code_fingerprint() -> str:
    """Changes whenever any of factcheck's code changes (what reads and models a ledger, and what
    computes verdicts and findings from it), so entries written by another version (or a work in
    progress) are never read back."""
    from . import __version__

    package = os.path.dirname(os.path.realpath(__file__))
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(f"{__version__} {sys.version} {pickle.HIGHEST_PROTOCOL}".encode())
    sources = sorted(os.path.join(folder, name)[len(package) + 1:]  # os.walk, not Path.rglob: every run pays it
                     for folder, _, names in os.walk(package) for name in names if name.endswith(".py"))
    for source in sources:
        hasher.update(source.encode())
        try:
            with open(os.path.join(package, source), "rb") as code:
                hasher.update(code.read())
        except OSError:
            hasher.update(b"unreadable")
    return hasher.hexdigest()


def _default_folder() -> Path:
    configured = os.environ.get(CACHE_DIR_ENV, "").strip()
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "factcheck"


def disabled() -> bool:
    """FACTCHECK_NO_CACHE (which `--no-cache` sets) turns the cache off."""
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() not in ("", "0", "no", "false")


def _private(path: Path) -> bool:
    """Owned by this user and closed to everyone else (where the system has owners)."""
    info = path.lstat()
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH | stat.S_IRWXO)


class FileCache:
    """Entries of one cache folder, signed with its key."""

    def __init__(self, folder: Path, key: bytes, now: float) -> None:
        self.folder = folder
        self.key = key
        self.now = now
        """The run's clock, read once: when entries are used (and what is old enough to remove)."""
        self.fingerprint = _code_fingerprint()

    @classmethod
    def open(cls, now: float | None = None) -> FileCache | None:
        """The user's cache, or None when it is turned off or cannot be trusted or created; pruned
        first when a day has passed since it last was."""
        if disabled():
            return None
        folder = _default_folder()
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if folder.is_symlink() or not folder.is_dir() or not _private(folder):
                return None
            cache = cls(folder, _key(folder), time.time() if now is None else now)
        except OSError:
            return None
        cache.prune_when_due()
        return cache

    def prune_when_due(self) -> None:
        """Prune the folder when its last pruning is a day old (or its mark a day ahead, from a clock
        set back): the mark is moved to now first, so runs started meanwhile do not prune it too. A
        folder without a mark (new, or from a version that did not prune) gets one, and is pruned a
        day later."""
        mark = self.folder / _PRUNED_MARK
        try:
            last: float | None = os.lstat(mark).st_mtime
        except FileNotFoundError:
            last = None
        except OSError:
            return
        if last is not None and abs(self.now - last) < DAY:
            return
        try:
            handle = os.open(mark, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
            try:
                os.utime(handle if os.utime in os.supports_fd else mark, (self.now, self.now))
            finally:
                os.close(handle)
        except OSError:
            return
        if last is not None:
            self.prune()

    def prune(self) -> int:
        """Remove the entries unused for `UNUSED_DAYS`, those another fingerprint wrote (or that are
        damaged) unused for a day, and temporary files a day old; return how many were removed.
        Only regular files named as entries or temporary files are looked at, symbolic links are
        never followed, and the key and the mark are never touched."""
        removed = 0
        try:
            listing = os.scandir(self.folder)
        except OSError:
            return 0
        with listing:
            for item in listing:
                temporary = item.name.startswith(".tmp-")
                if not (temporary or item.name.endswith((".entry", ".derived"))):
                    continue
                try:
                    info = item.stat(follow_symlinks=False)
                except OSError:
                    continue
                unused = self.now - info.st_mtime
                if not stat.S_ISREG(info.st_mode) or unused < DAY:  # in use, or being written
                    continue
                if temporary or unused >= UNUSED_DAYS * DAY or not self._written_here(item.path):
                    with contextlib.suppress(OSError):
                        os.unlink(item.path)
                        removed += 1
        return removed

    def _written_here(self, entry: str) -> bool:
        """Whether an entry's header names this code's fingerprint (read from its first bytes)."""
        start = len(_MAGIC) + _MAC_SIZE
        try:
            with open(entry, "rb") as handle:
                head = handle.read(start + 8 + len(self.fingerprint))
        except OSError:
            return True  # (left alone: what cannot be read cannot be judged)
        return head.startswith(_MAGIC) and self.fingerprint.encode() in head[start:]

    def _entry(self, path: Path) -> Path:
        name = hashlib.sha256(os.fsencode(str(path))).hexdigest()[:40]
        return self.folder / f"{name}.entry"

    def _header(self, path: Path, shown: str, info: os.stat_result, source_digest: bytes) -> bytes:
        return marshal.dumps((self.fingerprint, str(path), shown, info.st_size, info.st_mtime_ns, source_digest))

    def get(self, path: Path, shown: str, info: os.stat_result, source_digest: bytes) -> Any:
        """The records stored for this exact file content, or None."""
        return self._read(self._entry(path), self._header(path, shown, info, source_digest))

    def put(self, path: Path, shown: str, info: os.stat_result, source_digest: bytes, payload: bytes) -> None:
        """Store the pickled records of a file; a failure to write only costs the next run time."""
        body = self._header(path, shown, info, source_digest) + payload
        self._write(self._entry(path), _MAGIC + hmac.new(self.key, body, "sha256").digest() + body)


    def get_derived(self, name: str, key: bytes) -> Any:
        """Something computed from records (not read from one file), stored under `name` for
        exactly `key` (a digest of everything it was computed from); None when absent or stale."""
        return self._read(self.folder / f"{name}.derived", marshal.dumps((self.fingerprint, name, key)))

    def holds(self, name: str, key: bytes) -> bool:
        """Whether something derived is stored under `name` for `key`, by its header alone (its
        signature is checked when it is read): to tell what must be computed before reading any."""
        header = marshal.dumps((self.fingerprint, name, key))
        start = len(_MAGIC) + _MAC_SIZE
        try:
            with open(self.folder / f"{name}.derived", "rb") as entry:
                blob = entry.read(start + len(header))
        except OSError:
            return False
        return blob.startswith(_MAGIC) and blob[start:] == header

    def put_derived(self, name: str, key: bytes, value: Any) -> None:
        body = marshal.dumps((self.fingerprint, name, key)) + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._write(self.folder / f"{name}.derived", _MAGIC + hmac.new(self.key, body, "sha256").digest() + body)

    def stores(self, name: str) -> bool:
        """Whether anything derived is stored under `name`, for any key: to skip working out a key
        that could only miss."""
        return os.path.exists(self.folder / f"{name}.derived")

    def drop_derived(self, name: str) -> None:
        """Remove what is stored under `name`, if anything."""
        with contextlib.suppress(OSError):
            os.unlink(self.folder / f"{name}.derived")

    def _read(self, entry: Path, header: bytes) -> Any:
        """An entry's value when it was written for `header` and its signature holds, else None."""
        try:
            with open(entry, "rb") as handle:
                blob = handle.read()
                used = os.fstat(handle.fileno()).st_mtime
        except OSError:
            return None
        start = len(_MAGIC) + _MAC_SIZE
        if not blob.startswith(_MAGIC) or blob[start:start + len(header)] != header:
            return None
        body = memoryview(blob)[start:]
        if not hmac.compare_digest(blob[len(_MAGIC):start], hmac.new(self.key, body, "sha256").digest()):
            return None
        try:
            value = pickle.loads(body[len(header):])
        except Exception:  # a signed entry that still does not load: treat it as missing
            return None
        if self.now - used >= DAY:  # its time says when it was last used (`prune`), to a day
            with contextlib.suppress(OSError):
                os.utime(entry, (self.now, self.now))
        return value

    def _write(self, entry: Path, blob: bytes) -> None:
        import tempfile  # only runs that write pay for importing it

        try:
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(blob)
                os.replace(temporary, entry)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass


def _key(folder: Path) -> bytes:
    """The folder's signing key, created once; a second run racing to create it reads the first's."""
    key_path = folder / "key"
    for _ in range(2):
        try:
            if not _private(key_path):
                raise OSError("the cache key is readable by others")
            key = key_path.read_bytes()
            if len(key) == 32:
                return key
            raise OSError("the cache key is damaged")
        except FileNotFoundError:
            pass
        import secrets
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")  # created 0600
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(32))
        try:
            os.link(temporary, key_path)  # fails if another run made it first: then theirs is read
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    raise OSError("cannot create the cache key")
