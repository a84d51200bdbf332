"""Scanning an article: headline and sentences, the check-worthy ones verified one by one, and
the headline held against its own body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .extract import Reading
from .text import ABBREVIATION, STOPWORDS, normalise, pieces

if TYPE_CHECKING:
    from ..progress import Progress
    from . import Reader, ScanItem

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"^[#>*\s•·\-–]+|[*_`]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ATTRIBUTION = frozenset({"said", "says", "told", "according", "quoted", "announced", "stated", "claimed"})
_HEADLINE_FILLER = frozenset({"report", "reports", "how", "why", "what", "will", "new", "says", "amid", "after"})


def split(reader: Reader, text: str) -> tuple[str, list[str]]:
    """The headline and the body's sentences, without markup."""
    lines = [_MARKUP.sub("", _LINK.sub(r"\1", line)).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return "", []
    first = pick_headline(reader, lines)
    headline = lines[first]
    body: list[str] = []
    for line in lines[first + 1:]:
        sentence: list[str] = []
        for part in (part.strip() for part in _SENTENCE_END.split(line)):
            if not part:
                continue
            if sentence and not ABBREVIATION.search(sentence[-1][-16:]):
                body.append(" ".join(sentence))
                sentence = []
            sentence.append(part)  # "St. Petersburg" does not end a sentence
        if sentence:
            body.append(" ".join(sentence))
    return headline, body


MAX_HEADLINE = 300
"""Characters: a longer line is no headline to look for (it is still read if it comes first)."""


def pick_headline(reader: Reader, lines: list[str]) -> int:
    """Pages open with site chrome ("Connect with us"): the headline is the first line of at
    least three words that names something the ledger knows, else the first line."""
    for index, line in enumerate(lines[:8]):
        if len(line) <= MAX_HEADLINE and len(line.split()) >= 3 and reader.reading(line).entities:
            return index
    return 0


def check_worthy(reading: Reading) -> bool:
    """Dates, numbers, named parties doing something, or attributions."""
    if not reading.entities:
        return False
    words = {w.word for w in reading.words}
    return bool(reading.dates or reading.numbers or reading.relations or words & _ATTRIBUTION)


def scan(reader: Reader, text: str, today: dt.date, progress: Progress | None = None) -> list[ScanItem]:
    """Each check-worthy sentence verified, one at a time; the headline verified last, with
    whether any body sentence says what it says. `progress` counts the sentences read."""
    from rapidfuzz import fuzz

    from . import ScanItem

    headline, body = split(reader, text)
    if not headline:
        return []
    headline = normalise(headline).strip()
    # A "headline" longer than one piece is a wall of text: it is verified piece by piece, but
    # not held against the body (reading it whole would cost far more than its pieces).
    said = _HeadlineGist.of(reader.reading(headline, today)) if len(pieces(headline)) == 1 else None
    items = []
    supported = said is None
    if progress is not None:
        progress.total = len(body)
    for sentence in body:
        if progress is not None:
            progress.advance()
        sentence = normalise(sentence).strip()
        if _copy_of(sentence, headline, fuzz.ratio) and not _prose(sentence):  # the page's title again
            continue
        may_say = not supported and said is not None and not _title_like(sentence)
        if len(pieces(sentence)) == 1:
            reading = reader.reading(sentence, today)
            if may_say and said is not None:
                supported = said.said_by(reading)
            if check_worthy(reading):
                items.append(ScanItem(sentence, "sentence", reader.verify(sentence, today)))
            continue
        # A longer sentence is verified as it is read, piece by piece (reading it again to see
        # whether it is worth checking would double the cost): kept if one piece is.
        seen = _PiecesSeen(said if may_say else None)
        verification = reader.verify(sentence, today, observe=seen.add)
        supported = supported or seen.say_headline
        if seen.worthy:
            items.append(ScanItem(sentence, "sentence", verification))
    gap = None if supported or said is None else said.gap(reader)
    return [ScanItem(headline, "headline", reader.verify(headline, today, gap)), *items]


@dataclass(frozen=True)
class _HeadlineGist:
    """What a headline says, for finding it in its body: its parties and its other words."""

    parties: frozenset[str]
    action: frozenset[str]

    @classmethod
    def of(cls, reading: Reading) -> _HeadlineGist | None:
        parties = frozenset(m.target for m in reading.entities)
        action = frozenset(w.stem for i, w in enumerate(reading.words)
                           if i not in reading.named and w.word not in STOPWORDS and w.word not in _HEADLINE_FILLER
                           and len(w.word) > 2 and not w.word.isdigit())
        return cls(parties, action) if parties and action else None

    def said_by(self, sentence: Reading) -> bool:
        """The same parties with one of its words for what they do, or two of its words."""
        stems = {w.stem for w in sentence.words}
        same_parties = self.parties <= {m.target for m in sentence.entities}
        return bool((same_parties and self.action & stems) or len(self.action & stems) >= 2)

    def gap(self, reader: Reader) -> str:
        names = ", ".join(sorted(reader.engine.ledger.name_of(p) for p in self.parties))
        return f"no sentence of the body says what it says of {names}"


class _PiecesSeen:
    """What the pieces of a long sentence showed, as they were read: whether one is worth
    checking, and whether one says what the headline says."""

    def __init__(self, said: _HeadlineGist | None) -> None:
        self.said = said
        self.worthy = self.say_headline = False

    def add(self, reading: Reading) -> None:
        self.worthy = self.worthy or check_worthy(reading)
        if self.said is not None and not self.say_headline:
            self.say_headline = self.said.said_by(reading)


def _copy_of(sentence: str, headline: str, ratio) -> bool:  # type: ignore[no-untyped-def]
    """Nearly the headline's words (90% alike); lengths too far apart are never that alike, and
    are not compared (a long text against a long headline would take their product)."""
    shorter, longer = sorted((len(sentence), len(headline)))
    return 2 * shorter >= 0.9 * (shorter + longer) and ratio(sentence.lower(), headline.lower()) >= 90


def _prose(text: str) -> bool:
    """Ends as a sentence does: a page's title repeated in its body does not."""
    return text.rstrip().endswith((".", "!", "?", "”", '"'))


def _title_like(text: str) -> bool:
    """Capitalised Like A Title and without a full stop: a subheading or a link, not prose."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    if not words or text.rstrip().endswith((".", "”", '"')):
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)
