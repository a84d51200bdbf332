"""The five verdicts, in a module of their own: the command line names them, and rows cached
for `list` hold them, without importing the model of the ledger's records."""

from __future__ import annotations

import enum


class Verdict(str, enum.Enum):
    """The five verdicts, best first. Members are their own strings ("false" == Verdict.FALSE),
    so records, JSON and the YAML `ruling` field use the plain words."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly-true"
    MISLEADING = "misleading"
    UNPROVEN = "unproven"
    FALSE = "false"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return self.value.__format__(spec)

    def __hash__(self) -> int:  # as its string's, so that a dict keyed by either finds both
        return hash(self.value)


VERDICTS = tuple(v.value for v in Verdict)
