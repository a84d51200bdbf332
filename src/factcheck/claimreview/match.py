"""Has anyone checked this before? Imported reviews about a sentence.

A review is about a sentence when the reader would take its claim for the same claim as a
ledger claim: alike words once names are resolved (`MATCH_THRESHOLD`), and the same dates,
numbers and negation (`same_claim`). Reading every review would take seconds on a large
collection, so a cheap pass over their plain words picks the few worth reading first.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ExternalReview
from ..reading import MATCH_THRESHOLD, reader_for, same_claim
from ..reading.extract import Reading
from ..verdict import Engine

CANDIDATES = 50
"""How many reviews, nearest in plain words, are read and compared by the reader's rules."""

CANDIDATE_CUTOFF = 50.0
"""Plain-word likeness (0-100) below which a review is not read at all: far below the match
threshold, so that names written differently ("Ankara", "Turkey") still get through."""


class ReviewMatcher:
    """The imported reviews of one ledger, indexed once for searching."""

    def __init__(self, engine: Engine, reviews: Sequence[ExternalReview]) -> None:
        from rapidfuzz import utils

        self.reader = reader_for(engine)
        self.reviews = list(reviews)
        self._plain = [utils.default_process(review.claim) for review in self.reviews]
        self._read: dict[int, tuple[str, Reading]] = {}

    def about(self, text: str) -> list[tuple[ExternalReview, float]]:
        """The reviews of the same claim as `text`, closest first, with how alike they are (0-100)."""
        if not self.reviews:
            return []
        from rapidfuzz import fuzz, process, utils

        reading = self.reader.reading(text)
        canonical = self.reader.canonical(reading)
        found = []
        for _, _, index in process.extract(utils.default_process(text), self._plain, scorer=fuzz.token_sort_ratio,
                                           processor=None, score_cutoff=CANDIDATE_CUTOFF, limit=CANDIDATES):
            other_canonical, other = self._reading(index)
            score = fuzz.token_sort_ratio(canonical, other_canonical)
            if score >= MATCH_THRESHOLD and same_claim(reading, other):
                found.append((self.reviews[index], float(score)))
        found.sort(key=lambda pair: (-pair[1], pair[0].url))
        return found

    def _reading(self, index: int) -> tuple[str, Reading]:
        if index not in self._read:
            reading = self.reader.reading(self.reviews[index].claim)
            self._read[index] = (self.reader.canonical(reading), reading)
        return self._read[index]
