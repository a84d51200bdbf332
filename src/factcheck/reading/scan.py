"""Scanning an article: headline and sentences, the check-worthy ones verified one by one, and
the headline held against its own body."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING

from .extract import Reading
from .text import STOPWORDS

if TYPE_CHECKING:
    from . import Reader, ScanItem

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"^[#>*\s•·\-–]+|[*_`]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"\b(?:St|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
                           r"|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|E\.U|vs|etc|approx|[A-Z])\.$")
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
            if sentence and not _ABBREVIATION.search(sentence[-1][-16:]):
                body.append(" ".join(sentence))
                sentence = []
            sentence.append(part)  # "St. Petersburg" does not end a sentence
        if sentence:
            body.append(" ".join(sentence))
    return headline, body


def pick_headline(reader: Reader, lines: list[str]) -> int:
    """Pages open with site chrome ("Connect with us"): the headline is the first line of at
    least three words that names something the ledger knows, else the first line."""
    for index, line in enumerate(lines[:8]):
        if len(line.split()) >= 3 and reader.reading(line).entities:
            return index
    return 0


def check_worthy(reading: Reading) -> bool:
    """Dates, numbers, named parties doing something, or attributions."""
    if not reading.entities:
        return False
    words = {w.word for w in reading.words}
    return bool(reading.dates or reading.numbers or reading.relations or words & _ATTRIBUTION)


def scan(reader: Reader, text: str, today: dt.date) -> list[ScanItem]:
    from rapidfuzz import fuzz

    from . import ScanItem

    headline, body = split(reader, text)
    if not headline:
        return []
    # Pages repeat their headline (title, caption, share line): a copy is not support for it.
    body = [s for s in body if not _copy_of(s, headline, fuzz.ratio)]
    readings = [(sentence, reader.reading(sentence)) for sentence in body]
    items = [ScanItem(headline, "headline", _headline(reader, headline, readings, today))]
    for sentence, reading in readings:
        if check_worthy(reading):
            items.append(ScanItem(sentence, "sentence", reader.verify(sentence, today)))
    return items


def _copy_of(sentence: str, headline: str, ratio) -> bool:  # type: ignore[no-untyped-def]
    """Nearly the headline's words (90% alike); lengths too far apart are never that alike, and
    are not compared (a long text against a long headline would take their product)."""
    shorter, longer = sorted((len(sentence), len(headline)))
    return 2 * shorter >= 0.9 * (shorter + longer) and ratio(sentence.lower(), headline.lower()) >= 90


def _title_like(text: str) -> bool:
    """Capitalised Like A Title and without a full stop: a subheading or a link, not prose."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    if not words or text.rstrip().endswith((".", "”", '"')):
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _headline(reader: Reader, headline: str, body: list[tuple[str, Reading]], today: dt.date):  # type: ignore[no-untyped-def]
    """A headline is judged on the facts, and is misleading when no sentence of its body says
    what it says: the same parties with one of its words for what they do, or two of its words."""
    verification = reader.verify(headline, today)
    if verification.verdict == "false" or verification.claim.kind == "question":
        return verification  # a question asserts nothing for its body to support
    reading = reader.reading(headline)
    parties = {m.target for m in reading.entities}
    named = {i for m in reading.entities for i in range(m.first, m.last + 1)}
    action = {w.stem for i, w in enumerate(reading.words)
              if i not in named and w.word not in STOPWORDS and w.word not in _HEADLINE_FILLER
              and len(w.word) > 2 and not w.word.isdigit()}
    if not parties or not action:
        return verification
    for text, sentence in body:
        if _title_like(text):  # subheadings, captions and "Also read" links are not the article
            continue
        stems = {w.stem for w in sentence.words}
        same_parties = parties <= {m.target for m in sentence.entities}
        if (same_parties and action & stems) or len(action & stems) >= 2:
            return verification
    names = ", ".join(sorted(reader.engine.ledger.name_of(p) for p in parties))
    return dataclasses.replace(
        verification, verdict="misleading", digit=4,
        reason=f"a headline its own article does not support: no sentence of the body says what it says of {names}")
