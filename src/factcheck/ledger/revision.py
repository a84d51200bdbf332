"""A ledger as it was at a git revision, read with git itself and loaded by the normal loader.

The ledger's files at the revision (`git ls-tree`, `git cat-file`) are laid out in a temporary
folder as they were, one file or a folder of files per kind, and loaded by the normal loader
(their text given to it from memory, so the throwaway folder leaves nothing in the cache): a
revision is validated exactly as the working tree is. Locations in its problems read
`REV:path/in/repository:line:col`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import subprocess
import tempfile
from pathlib import Path

from ..diagnostics import FactcheckError, LedgerError, Location, Problem
from ..inputs import decode
from ..model import Ledger

_REGULAR_FILES = ("100644", "100755")


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], input=stdin, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise FactcheckError("git is not installed: diff reads the ledger's history with git") from None
    if done.returncode != 0:
        raise _GitError(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout


class _GitError(Exception):
    pass


@dataclasses.dataclass(frozen=True)
class Repository:
    """Where a ledger folder sits in its git repository."""

    top: Path
    prefix: str  # the ledger folder's path from the top, with a trailing "/", or ""

    @classmethod
    def of(cls, folder: Path) -> Repository:
        if not folder.is_dir():
            raise FactcheckError(f"no such ledger folder: {folder}")
        try:
            top = _git(folder, "rev-parse", "--show-toplevel").decode().strip()
            prefix = _git(folder, "rev-parse", "--show-prefix").decode().strip()
        except _GitError:
            raise FactcheckError(f"not a git repository: {folder}") from None
        return cls(Path(top), prefix)

    def commit(self, revision: str) -> str:
        """The commit a revision names, or a FactcheckError for an unknown one."""
        if revision.startswith("-"):
            raise FactcheckError(f"unknown revision '{revision}'")
        try:
            return _git(self.top, "rev-parse", "--verify", "--quiet", "--end-of-options",
                        f"{revision}^{{commit}}").decode().strip()
        except _GitError:
            raise FactcheckError(f"unknown revision '{revision}'") from None

    def load(self, revision: str) -> Ledger:
        """The ledger as it was at `revision` (empty if it did not exist yet); a LedgerError when
        it did not load without errors."""
        from . import load
        from .schema import ALL_FILES

        commit = self.commit(revision)
        listing = _git(self.top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", self.prefix or ".")
        wanted: dict[str, str] = {}  # path inside the ledger -> object id
        for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
            if not entry:
                continue
            meta, _, path = entry.partition("\t")
            mode, kind, obj = meta.split()
            inside = path[len(self.prefix):] if path.startswith(self.prefix) else None
            if inside is None or kind != "blob" or mode not in _REGULAR_FILES:
                continue
            parts = inside.split("/")
            if len(parts) == 1 and Path(inside).stem in ALL_FILES and inside.endswith((".yaml", ".yml")) or (
                    len(parts) == 2 and parts[0] in ALL_FILES and inside.endswith((".yaml", ".yml"))):
                wanted[inside] = obj
        if not wanted:
            return Ledger()
        contents = self._blobs(list(wanted.values()))
        with tempfile.TemporaryDirectory(prefix="factcheck-rev-") as temporary:
            root = Path(temporary)
            texts = {}  # handed to the loader as text, so nothing of a throwaway folder is cached
            for inside, obj in wanted.items():
                (root / inside).parent.mkdir(parents=True, exist_ok=True)
                (root / inside).write_bytes(contents[obj])
                with contextlib.suppress(FactcheckError):  # not UTF-8: the loader reads it and says where
                    texts[root / inside] = decode(contents[obj], inside)
            result = load(root, replaced=texts)
        errors = [p for p in result.problems if p.severity == "error"]
        if errors:
            raise LedgerError([self._relocate(p, root, revision) for p in errors])
        return result.ledger

    def _blobs(self, objects: list[str]) -> dict[str, bytes]:
        """Many files' contents from one `git cat-file --batch`."""
        out = _git(self.top, "cat-file", "--batch", stdin="".join(f"{o}\n" for o in objects).encode())
        found: dict[str, bytes] = {}
        at = 0
        for obj in objects:
            header_end = out.index(b"\n", at)
            _, _, size = out[at:header_end].decode().split()
            start = header_end + 1
            found[obj] = out[start:start + int(size)]
            at = start + int(size) + 1
        return found

    def _relocate(self, problem: Problem, root: Path, revision: str) -> Problem:
        """A problem found in the temporary copy, located in the revision instead."""
        from . import display_path

        file = problem.location.file
        for base in (str(root), display_path(root)):
            if file.startswith(base):
                file = f"{revision}:{self.prefix}{file[len(base):].lstrip('/')}"
                break
        return dataclasses.replace(problem, location=Location(file, problem.location.line, problem.location.column))
