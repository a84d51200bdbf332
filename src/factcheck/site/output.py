"""Writing a site into a folder without destroying anything that is not the site's own.

A folder is written only when it is new, empty, or holds a site this command wrote before: the
manifest (`.factcheck-site`) lists the files it wrote, so a rebuild replaces exactly those and
removes the ones no longer needed (a deleted claim's page), and leaves everything else (a
`CNAME`, a hand-written page) alone.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..diagnostics import FactcheckError

MANIFEST = ".factcheck-site"
_HEADER = "# Files written by `factcheck site`; a rebuild replaces or removes exactly these.\n"


class SiteError(FactcheckError):
    """The site cannot be written where asked."""


class SiteFolder:
    """The output folder: checked before anything is written, then written file by file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        try:
            self.previous = self._claim()
        except OSError as error:
            raise SiteError(f"{directory}: cannot read the folder: {error.strerror or error}") from None
        self.written: list[str] = []

    def _claim(self) -> list[str]:
        """The files an earlier build wrote here; raises when the folder is someone else's."""
        where = self.directory
        if where.exists() and not where.is_dir():
            raise SiteError(f"{where} exists and is not a folder")
        if not where.exists() or not any(where.iterdir()):
            return []
        manifest = where / MANIFEST
        if not manifest.is_file():
            raise SiteError(f"{where} is not empty and holds no site written by `factcheck site`"
                            " (its files are left alone): name a new or empty folder")
        lines = manifest.read_text(encoding="utf-8").splitlines()
        return [line for line in lines if line and not line.startswith("#")]

    def write(self, relative: str, content: str) -> None:
        """Write one file atomically: a reader never sees half of it."""
        target = self.directory / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
        except OSError as error:
            raise SiteError(f"{target.parent}: cannot write: {error.strerror or error}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except OSError as error:  # a full disk, a quota
            Path(temporary).unlink(missing_ok=True)
            raise SiteError(f"{target}: cannot write: {error.strerror or error}") from None
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self.written.append(relative)

    def finish(self) -> list[str]:
        """Remove what the previous build wrote and this one did not, then record this build."""
        kept = set(self.written)
        for relative in self.previous:
            stale = self.directory / relative
            if relative not in kept and _inside(stale, self.directory) and stale.is_file():
                stale.unlink()
        self.write(MANIFEST, _HEADER + "".join(f"{name}\n" for name in sorted(kept)))
        return sorted(kept)


def _inside(path: Path, folder: Path) -> bool:
    """A hand-edited manifest must not make a rebuild delete files outside the site."""
    return path.resolve().is_relative_to(folder.resolve())
