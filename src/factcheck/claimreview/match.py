"""Has anyone checked this before? Imported reviews about a sentence.

A review is about a sentence when the reader would take its claim for the same claim as a
ledger claim: alike words once names are resolved (`MATCH_THRESHOLD`), and the same dates,
numbers and negation (`same_claim`). Reading every review would take seconds on a large
collection, so a cheap pass over their plain words picks the few worth reading first, and only
the reviews found are read in full.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..model import ExternalReview
from ..reading import MATCH_THRESHOLD, reader_for, same_claim
from ..reading.extract import Reading
from ..verdict import Engine
from .index import IndexedFile

CANDIDATES = 50
"""How many reviews, nearest in plain words, are read and compared by the reader's rules."""

CANDIDATE_CUTOFF = 50.0
"""Plain-word likeness (0-100) below which a review is not read at all: far below the match
threshold, so that names written differently ("Ankara", "Turkey") still get through."""


class ReviewMatcher:
    """The imported reviews of one ledger, indexed once for searching."""

    def __init__(self, engine: Engine, files: Iterable[IndexedFile]) -> None:
        from rapidfuzz import utils

        self.reader = reader_for(engine)
        self._where = [(file, index) for file in files for index in range(len(file.claims))]
        self._plain = [utils.default_process(file.claims[index]) for file, index in self._where]
        self._read: dict[int, tuple[str, Reading]] = {}

    def about(self, text: str, today: dt.date | None = None) -> list[tuple[ExternalReview, float]]:
        """The reviews of the same claim as `text`, closest first, with how alike they are (0-100);
        `today` is the date "now" means in it, as for `verify`."""
        if not self._where:
            return []
        from rapidfuzz import fuzz, process, utils

        reading = self.reader.reading(text, today)
        canonical = self.reader.canonical(reading)
        found = []
        for _, _, number in process.extract(utils.default_process(text), self._plain, scorer=fuzz.token_sort_ratio,
                                            processor=None, score_cutoff=CANDIDATE_CUTOFF, limit=CANDIDATES):
            other_canonical, other = self._reading(number)
            score = fuzz.token_sort_ratio(canonical, other_canonical)
            if score >= MATCH_THRESHOLD and same_claim(reading, other):
                file, index = self._where[number]
                found.append((file.review(index), float(score)))
        found.sort(key=lambda pair: (-pair[1], pair[0].url))
        return found

    def _reading(self, number: int) -> tuple[str, Reading]:
        if number not in self._read:
            file, index = self._where[number]
            reading = self.reader.reading(file.claims[index])
            self._read[number] = (self.reader.canonical(reading), reading)
        return self._read[number]
