"""The files of a ledger folder, found without reading them: which `load` reads, in what order,
and what in the folder it leaves out (and why). Kept apart from loading so that a warm `list`
or `check` can tell whether what it kept is still the ledger's without importing the loader."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .diagnostics import Location, Problem

LEDGER_FILES = ("sources", "facts", "claims")
"""The kinds every ledger has (ledger/schema.py's FILES), loaded in this order."""
DESK_FILE = "factcheck"
REVIEWS_FILE = "reviews"


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def ledger_documents(root: Path, kind: str, problems: list[Problem] | None = None) -> Iterator[Path]:
    """The YAML files holding one kind of record: `<kind>.yaml`, or every file of `<kind>/`.

    Anything else in `<kind>/` (subfolders, other files, FIFOs) is reported as a `stray-file`
    warning; a symlink leading outside the ledger is reported and not followed.
    """
    problems = [] if problems is None else problems
    inside = _resolved(root)
    for suffix in (".yaml", ".yml"):
        single = root / f"{kind}{suffix}"
        if (single.is_symlink() or single.exists()) and _usable(single, inside, problems):
            if single.is_file():
                yield single
            else:
                problems.append(Problem(Location(display_path(single)), "stray-file",
                                        "not read: not a regular file (a folder, a FIFO, a device or a socket)"))
    folder = root / kind
    if not _is_dir(folder) or not _usable(folder, inside, problems):
        return
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        problems.append(Problem(Location(display_path(folder)), "unreadable",
                                f"cannot read the folder: {error.strerror or error}", fatal=True))
        return
    for path in entries:
        if not _usable(path, inside, problems):
            continue
        shown = display_path(path)
        if _is_dir(path):
            problems.append(Problem(Location(shown), "stray-file",
                                    f"not read: subfolders of {kind}/ are not part of the ledger"))
        elif path.suffix not in (".yaml", ".yml"):
            problems.append(Problem(Location(shown), "stray-file",
                                    f"not read: only .yaml and .yml files of {kind}/ are part of the ledger"))
        elif not path.is_file():
            problems.append(Problem(Location(shown), "stray-file",
                                    "not read: not a regular file (a FIFO, a device or a socket)"))
        else:
            yield path


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return path.absolute()


def _usable(path: Path, inside: Path, problems: list[Problem]) -> bool:
    """False (and reported) for a symlink whose target lies outside the ledger folder `inside`,
    or that cannot be resolved; the target's name and content are never shown."""
    if not path.is_symlink():
        return True
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        problems.append(Problem(Location(display_path(path)), "symlink",
                                "a symbolic link that leads nowhere (missing target or a loop): not read"))
        return False
    if target != inside and inside not in target.parents:
        problems.append(Problem(Location(display_path(path)), "symlink",
                                "a symbolic link that leads outside the ledger folder: not read"))
        return False
    return True


def ledger_files(root: Path, reviews: bool, problems: list[Problem]) -> list[tuple[Path, str]]:
    """The files of the ledger in `root` with the kind of each, in the order they are read
    (sources, facts, claims, then the desk's settings and, when asked for, imported reviews);
    none, and the reason among `problems`, when there is no ledger there."""
    try:
        is_folder = root.is_dir()
    except OSError as error:  # a name too long for the system, a folder that cannot be entered
        problems.append(Problem(Location(display_path(root)), "no-ledger",
                                f"cannot open the ledger folder: {error.strerror or error}", fatal=True))
        return []
    if not is_folder:
        problems.append(Problem(Location(display_path(root)), "no-ledger", "no such ledger folder", fatal=True))
        return []
    files: list[tuple[Path, str]] = []
    for kind in LEDGER_FILES:
        paths = list(ledger_documents(root, kind, problems))
        if not paths:
            where = Location(display_path(root / f"{kind}.yaml"))
            problems.append(Problem(where, "missing-file", f"the ledger has no {kind}.yaml", fatal=True))
        files += [(path, kind) for path in paths]
    if not files:
        problems[:] = [Problem(Location(display_path(root)), "no-ledger",
                               "no ledger here: expected sources.yaml, facts.yaml and claims.yaml "
                               "(use --data DIR to point at one)", fatal=True)]
        return []
    for kind in (DESK_FILE, REVIEWS_FILE) if reviews else (DESK_FILE,):
        files += [(path, kind) for path in ledger_documents(root, kind)]
    return files


def ledger_folder(path: Path) -> Path:
    """The ledger a path belongs to: a folder is one; `claims.yaml` is in one; `claims/2024.yaml`
    is one level further down (so a hook given changed files finds each file's ledger)."""
    try:
        if path.is_dir() or not path.exists():
            return path
    except OSError:  # a name too long, a folder that cannot be entered: `load` reports it
        return path
    kinds = (*LEDGER_FILES, REVIEWS_FILE)
    if path.stem in kinds or path.parent.name not in kinds:
        return path.parent
    return path.parent.parent
