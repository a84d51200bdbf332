"""Parts that say an earlier verb again with another party or date, the verb left out:
"X, not Y, was ..." (a contrast: Y is denied what X is said to be), "neither X nor Y is ..."
(both denied), a gapped clause: "joined the Pact in 1961 and the League in 1975", "struck in
March and again in May", and a clause that echoes the verb with another party: "..., as did
Borduria", "and so did Borduria", "nor did Borduria". Each is found here from the words alone;
`Reader._remnants` turns it into a reading of its own, checked like any other. Nothing here
knows a topic.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon
from .extract import CLAUSE_WORDS, DateMention, Reading
from .vocabulary import Mention

_GAP_OPENERS = frozenset({"and", "but"})
_GAP_GLUE = frozenset({"the", "a", "an", "again", "also", "then", "too", "later", "in", "on", "at", "by", "of",
                       "with", "to"})
"""Words a gapped clause may have beside its party and its date (no verb, no other statement)."""


@dataclass(frozen=True)
class Remnant:
    """What a part says again of the verb before it: another party (in place of `replaces`, or of
    the party of the same kind when None), another date, or a denial."""

    anchor: int  # the word that opens it: "not", "nor", "and"
    party: Mention | None
    replaces: Mention | None
    date: DateMention | None
    negated: bool
    covers: frozenset[int]


def contrasts(reading: Reading) -> list[Remnant]:
    """"China, not Borduria, was ...", "China, but not Borduria, was ...": an aside of "not" and
    one name, after a name."""
    found = []
    for opening, last in reading.asides:
        first = opening + 1 if reading.words[opening].word in ("but", "and") and opening < last else opening
        if reading.words[first].word != "not":
            continue
        inside = [m for m in reading.entities if first < m.first and m.last <= last]
        before = next((m for m in reading.entities if m.last == opening - 1), None)
        rest = [w.word for w in reading.words[first + 1: inside[0].first]] if len(inside) == 1 else None
        if before is not None and rest in ([], ["the"]) and inside[0].last == last:
            found.append(Remnant(first, inside[0], before, None, True, frozenset(range(opening, last + 1))))
    return found


def neither_nor(reading: Reading) -> list[tuple[Mention, Mention, frozenset[int]]]:
    """"neither Ashby nor Brenmoor": the two names denied, and the words of the phrase."""
    found = []
    words = reading.words
    for index, word in enumerate(words):
        if word.word != "neither":
            continue
        first = _name_after(reading, index)
        if first is None:
            continue
        nor = first.last + 1
        if nor < len(words) and words[nor].word == "nor":
            second = _name_after(reading, nor)
            if second is not None:
                found.append((first, second, frozenset({index, nor})))
    return found


def _name_after(reading: Reading, index: int) -> Mention | None:
    """The name right after a word, a preposition or "the" aside: "neither in Libya"."""
    following = index + 1
    while following < len(reading.words) and reading.words[following].word in ("in", "the", "a", "an", "on", "at"):
        following += 1
    return next((m for m in reading.entities if m.first == following), None)


def _between(reading: Reading, index: int) -> bool:
    """"between Russia and Ukraine", "brokered by Turkey and the UN": the "and" joins the two names
    of one phrase, and opens no clause of its own."""
    before = next((m for m in reading.entities if m.last == index - 1), None)
    if before is None:
        return False
    opening = before.first - 1
    while opening >= 0 and reading.words[opening].word in ("the", "a", "an"):
        opening -= 1
    return opening >= 0 and reading.words[opening].word in ("between", "by")


def gapped(reading: Reading) -> list[Remnant]:
    """"... and the League in 1975", "... and again in May 2024": after "and" or "but", up to the
    end of the clause, at most one name and one date and only glue words; no verb of its own.
    Only after a relation word of the ledger's, whose reading it repeats."""
    if not reading.relations:
        return []
    first_verb = min(m.first for m in reading.relations)
    found = []
    words = reading.words
    starts = {m.first: m for m in reading.entities}
    dates = {m.first: m for m in reading.date_mentions}
    for index, word in enumerate(words):
        if word.word not in _GAP_OPENERS or index < first_verb or _between(reading, index):
            continue
        party: Mention | None = None
        date: DateMention | None = None
        cursor = index + 1
        clean = True
        while cursor < len(words) and words[cursor].word not in CLAUSE_WORDS | _GAP_OPENERS:
            if cursor in starts and party is None:
                party = starts[cursor]
                cursor = party.last + 1
            elif cursor in dates and date is None and dates[cursor].bound is None:
                date = dates[cursor]
                cursor = date.last + 1
            elif words[cursor].word in _GAP_GLUE:
                cursor += 1
            else:
                clean = False
                break
        if clean and (party is not None or date is not None):
            found.append(Remnant(index, party, None, date, False, frozenset(range(index, cursor))))
    return found



_ECHO_OPENERS = frozenset({"as", "so", "nor", "neither"})
_ECHO_AUXILIARIES = frozenset({"did", "does", "do", "has", "have", "had", "is", "was", "are", "were", "will",
                               "would", "can", "could"})


def echoes(reading: Reading) -> list[Remnant]:
    """"..., as did Borduria", "and so did Borduria", "; so has Borduria", "nor did Borduria": an
    auxiliary that echoes the verb before it with another party (and at most a date), up to the
    end of the clause. Only after a relation word of the ledger's, whose reading it repeats."""
    if not reading.relations:
        return []
    first_verb = min(m.first for m in reading.relations)
    words = reading.words
    found = []
    for index, word in enumerate(words):
        if word.word not in _ECHO_OPENERS or index <= first_verb or index + 2 >= len(words) or \
                words[index + 1].word not in _ECHO_AUXILIARIES:
            continue
        if "," not in reading.text[words[index - 1].end:words[index].start] and \
                words[index - 1].word != "and" and index - 1 not in reading.breaks:
            continue  # "as did" opens its own clause ("just as did" or "twice as did" do not)
        if not _agrees(reading, first_verb, index, words[index + 1].word):
            continue
        start = index + 2 + (words[index + 2].word == "the")
        party = next((m for m in reading.entities if m.first == start), None)
        if party is None:
            continue
        cursor = party.last + 1
        date = next((d for d in reading.date_mentions if d.first == cursor + (
            cursor < len(words) and words[cursor].word in ("in", "on"))), None)
        if date is not None:
            cursor = date.last + 1
        if cursor < len(words) and cursor - 1 not in reading.breaks and \
                "," not in reading.text[words[cursor - 1].end:words[cursor].start]:
            continue
        first = index - 1 if words[index - 1].word == "and" else index
        found.append(Remnant(first, party, None, date, False, frozenset(range(first, cursor))))
    return found


_BE = frozenset({"is", "was", "are", "were"})
_DO = frozenset({"did", "does", "do"})


def _agrees(reading: Reading, first_verb: int, echo: int, auxiliary: str) -> bool:
    """Whether the echo's auxiliary can stand for the clause before it: "so is" for a clause of
    "be", "so did" for one of a verb of its own (not "was adopted ..., and so did Ukraine")."""
    before = {w.word for w in reading.words[:echo]}
    if auxiliary in _BE:
        return bool(before & _BE)
    if auxiliary in _DO:
        verb = reading.words[first_verb - 1].word if first_verb else ""
        return verb not in _BE and not (before & _BE and lexicon.verb_lemma(reading.words[first_verb].word) is None)
    return True
