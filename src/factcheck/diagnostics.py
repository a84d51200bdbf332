"""Locations, problems and the errors that carry them.

The core never prints: it reports `Problem`s, and raises `LedgerError` when input is unusable.
The CLI turns both into messages and exit codes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple


class Location(NamedTuple):
    """A 1-based position in a ledger file; `line` 0 means the whole file. A tuple, because a
    large ledger creates one per key and a frozen dataclass costs four times as much to build."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def __reduce__(self) -> tuple[object, ...]:
        """Unpickled by tuple's own constructor: the cache holds millions of locations, and the
        named tuple's Python-level constructor would take a quarter of reading them back."""
        return tuple.__new__, (Location, tuple(self))


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding of `check`: where, which rule, how bad, and what."""

    location: Location
    code: str
    message: str
    severity: Severity = None  # type: ignore[assignment]  # filled in from the rule
    fatal: bool = None  # type: ignore[assignment]
    """The file could not be read or parsed at all: unusable input (exit 2)."""

    def __post_init__(self) -> None:
        """Severity and unusability are the rule's (rules.py), unless given."""
        from .rules import RULES

        rule = RULES.get(self.code)
        if self.severity is None:
            object.__setattr__(self, "severity", rule.severity if rule else Severity.ERROR)
        if self.fatal is None:
            object.__setattr__(self, "fatal", rule.unusable if rule else False)

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message} ({self.code})"


class FactcheckError(Exception):
    """Unusable input or usage: the CLI prints `str(error)` and exits 2."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class LedgerError(FactcheckError):
    """The ledger cannot be used: it carries every problem found; the message names the first
    (a file that cannot be read at all before anything else, a broken reference last: it is
    more often a consequence than a cause) and points at `check` for the rest."""

    def __init__(self, problems: list[Problem]) -> None:
        first = min(problems, key=lambda p: (not p.fatal, p.code == "unknown-reference", p.sort_key()))
        more = len(problems) - 1
        suffix = (f" (and {more} more problem{'s' if more > 1 else ''}: run `factcheck check`)" if more
                  else "" if first.fatal else " (run `factcheck check` to check the whole ledger)")
        super().__init__(f"{first.message} ({first.code}){suffix}", first.location)
        self.problems = problems


def brief(value: object, limit: int = 40) -> str:
    """A value as quoted in a message: cut to `limit` characters, so a hostile 5,000-character
    value does not become a 5,000-character error line."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit - 1]}… ({len(text)} characters)"


def closest(word: str, candidates: Iterable[str], count: int = 1, cutoff: float = 0.6) -> list[str]:
    """The known names nearest to a mistyped one, for "did you mean" hints."""
    import difflib

    return difflib.get_close_matches(word, list(candidates), n=count, cutoff=cutoff)
