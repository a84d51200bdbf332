"""New ledgers for `factcheck init`: the commented starter, or a copy of the bundled example.

Either is written with the JSON Schemas its editor lines (`# yaml-language-server: $schema=...`)
point at, so an editor validates the new files at once, and never over a file that exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import FactcheckError, Location

STARTER = Path(__file__).parent / "starter"
PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"


def bundled_ledger() -> Path:
    """The example ledger: installed as package data (see setup.py), or at the root of a checkout."""
    from .ledger import LEDGER_FILES

    installed = Path(__file__).parent / "example"
    checkout = Path(__file__).resolve().parents[2]
    for folder in (installed, checkout):
        if all((folder / f"{kind}.yaml").is_file() for kind in LEDGER_FILES):
            return folder
    raise FactcheckError("the bundled example ledger is not installed with this copy of factcheck")


def ledger_texts(example: bool) -> dict[str, str]:
    """The files of a new ledger, by path relative to its folder: ledger files, then schemas."""
    from .ledger.schema import ALL_FILES, schema_text

    origin = bundled_ledger() if example else STARTER
    files = {f"{kind}.yaml": (origin / f"{kind}.yaml").read_text(encoding="utf-8")
             for kind in ALL_FILES if (origin / f"{kind}.yaml").is_file()}  # the desk and reviews if it has them
    files.update({f"schemas/{kind}.schema.json": schema_text(kind) for kind in ALL_FILES})
    return files


@dataclass
class Created:
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Files left as they were: an existing pre-commit configuration is the user's."""


def create_ledger(target: Path, example: bool = False) -> Created:
    """Write a new ledger into `target` (created if missing), refusing before writing anything
    when a ledger or a schema is already there."""
    from .ledger import display_path, ledger_documents
    from .ledger.schema import ALL_FILES

    files = ledger_texts(example)
    for kind in ALL_FILES:
        existing = next(ledger_documents(target, kind), None) if target.is_dir() else None
        if existing is not None:
            raise FactcheckError("a ledger is already here; nothing was written",
                                 Location(display_path(existing)))
    for name in files:
        if (target / name).exists():
            raise FactcheckError("already exists; nothing was written", Location(display_path(target / name)))
    files[PRE_COMMIT_CONFIG] = (STARTER / "pre-commit-config.yaml").read_text(encoding="utf-8")
    created = Created()
    try:
        (target / "schemas").mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = target / name
            if name == PRE_COMMIT_CONFIG and path.exists():
                created.kept.append(display_path(path))
                continue
            with path.open("x", encoding="utf-8", newline="\n") as out:
                out.write(text)
            created.written.append(display_path(path))
    except OSError as error:
        where = Location(display_path(Path(error.filename or target)))
        raise FactcheckError(f"cannot write: {error.strerror}", where) from None
    return created
