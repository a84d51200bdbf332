"""Publishers' rating words to this ledger's verdicts, by a table people can read and change.

The table ships as `ratings.yaml` beside this module; a desk's `rating_words` in factcheck.yaml
add to it or override it. Words not in the table have no verdict: they are never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from ..model import VERDICTS

TABLE = Path(__file__).with_name("ratings.yaml")

_NOT_WORD = re.compile(r"[\W_]+")


def fold(words: str) -> str:
    """Words as the table compares them: no case, accents, punctuation or extra spaces."""
    text = unicodedata.normalize("NFKD", words.replace("ı", "i").replace("ł", "l").replace("Ł", "l"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


@lru_cache(maxsize=1)
def bundled_table() -> dict[str, str]:
    """The shipped table: folded words -> verdict."""
    import yaml

    raw = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for verdict, words in raw.items():
        verdict = {True: "true", False: "false"}.get(verdict, verdict)
        if verdict not in VERDICTS:
            raise ValueError(f"{TABLE}: unknown verdict {verdict!r}")
        for word in words:
            key = fold(str(word))
            if key in table and table[key] != verdict:
                raise ValueError(f"{TABLE}: {word!r} is both {table[key]} and {verdict}")
            table[key] = verdict
    return table


class RatingTable:
    """The bundled table with a desk's own words on top."""

    def __init__(self, desk_words: Mapping[str, str] | None = None) -> None:
        self.table = dict(bundled_table())
        self.table.update({fold(words): verdict for words, verdict in (desk_words or {}).items()})

    def verdict(self, words: str) -> str | None:
        """The verdict these rating words mean, or None when the table does not know them."""
        return self.table.get(fold(words)) if words else None
