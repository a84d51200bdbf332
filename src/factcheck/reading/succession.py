"""Succession: "Y replaced X as mayor in May 2020", "Y succeeded X as <office>", "X was replaced
(or succeeded) by Y as <office> in <date>".

One person's holding of an office starts when another's ends: the sentence says both, and
each is checked as a state's start or end (the office being the object of a state the facts
give one holder at a time, see `Reader._held`). The end is the predecessor's last day, which
may be the day before the successor's first ("Greyline ran the buses until 31 December 2020;
the authority took over on 1 January 2021"); where the facts give the successor's start, the
predecessor's end is checked against it, so that a holder between the two is not passed over.
Nothing here knows a topic: "replace" and "succeed" are English, the offices are the ledger's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from ..model import Assertion, PartialDate
from . import lexicon
from .candidates import _WHERE, Candidate, clause_of, date_for, unasserted
from .extract import NEGATIONS, DateMention, Reading
from .vocabulary import Mention

SUCCESSION_VERBS = frozenset({"replace", "succeed"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_ARTICLES = frozenset({"the", "a", "an"})
_NOT_SAID = frozenset({"will", "would", "could", "may", "might", "can", "should", "must", "to", "if"})
"""Words before the verb that predict it or make it an aim: the succession is not read."""
_DENYING = frozenset({"not", "never"})
_DO = frozenset({"did", "does", "do"})

Held = Callable[[str], "str | None"]
"""The one-holder state the facts know towards an office, if any (see `Reader._held`)."""
Term = Callable[[str, str, str], "tuple[PartialDate | None, PartialDate | None]"]
"""When the facts say a party began and ceased to hold (relation, party, office), if they give
one period of it; (None, None) otherwise."""


@dataclasses.dataclass(frozen=True)
class _Parties:
    """Who came after whom: the successor (None where no name the ledger knows stands there),
    the predecessor and the office, with the words that say them."""

    successor: Mention | None
    predecessor: Mention
    office: Mention
    relation: str
    words: frozenset[int]


def successions(reading: Reading, held: Held, term: Term) -> list[Candidate]:
    """The readings of every verb of succession in the sentence: the successor's start and the
    predecessor's end of holding the office."""
    found: list[Candidate] = []
    for index, token in enumerate(reading.words):
        if lexicon.verb_lemma(token.word) in SUCCESSION_VERBS and not token.word.startswith("success"):
            found += _succession_at(reading, index, held, term)
    return found


def succession_roles(reading: Reading) -> frozenset[int]:
    """The words of the role after a verb of succession and "as" ("replaced Greyline as the bus
    operator in 2021"), up to a date or a comma: the role is the succession's, held by one party
    until the date and by the other from it, so no reading may take it as held by either at the
    date (where `successions` cannot read the role, it stays not checked)."""
    words, found = reading.words, set()
    for index, token in enumerate(words):
        if lexicon.verb_lemma(token.word) not in SUCCESSION_VERBS or token.word.startswith("success"):
            continue
        role = next((i for i in range(index + 1, min(index + 8, len(words))) if words[i].word == "as"), None)
        if role is None:
            continue
        end = role + 1
        while end < len(words) and not any(d.first == end for d in reading.date_mentions) and \
                "," not in reading.text[words[end - 1].end:words[end].start] and words[end].word != "by":
            found.add(end)
            end += 1
    return frozenset(found)


def _succession_at(reading: Reading, verb: int, held: Held, term: Term) -> list[Candidate]:
    if any(w.word in _NOT_SAID for w in reading.words[max(0, verb - 3):verb]):
        return []
    head, denial = _auxiliaries(reading, verb)
    if any(w.word in NEGATIONS for w in reading.words[:head]):
        return []  # "Neither X nor Y replaced", "X, not Y, replaced": not read
    parties = _passive(reading, verb, head, held) if _after_be(reading, head) else _active(reading, verb, head, held)
    relation = Mention(parties.relation, verb, verb) if parties is not None else None
    if parties is None or relation is None or unasserted(reading, relation):
        return []
    phrase = Mention(parties.relation, verb, max(parties.words | {verb}))  # the office's own words are no verb
    when = date_for(reading, phrase, *clause_of(reading, relation))
    if when is not None and (when.bound is not None or when.ambiguous):
        return []  # "since", "until", "by" a date, 03/04/2014: not read here
    covers = frozenset(parties.words | set(range(head, verb + 1)) |
                       (set(range(when.first, when.last + 1)) if when else set()))
    if denial:
        return _denied(parties, relation, covers, term) if when is None else []
    return _affirmed(parties, relation, covers, when, term)


def _auxiliaries(reading: Reading, verb: int) -> tuple[int, bool]:
    """Where the verb's words begin ("did not replace", "was never replaced", "never replaced")
    and whether they deny it."""
    head = verb
    while head > 0 and reading.words[head - 1].word in _DENYING | _DO:
        head -= 1
    return head, any(w.word in _DENYING for w in reading.words[head:verb])


def _affirmed(parties: _Parties, relation: Mention, covers: frozenset[int], when: DateMention | None,
              term: Term) -> list[Candidate]:
    """The successor's start at the date (and, where the facts do not give it, the successor as
    the holder the day after the predecessor's last), and the predecessor's end then or the day
    before."""
    office, holding = parties.office.target, parties.relation
    date = when.date if when is not None else None
    found = []
    succeeded_on = date
    if parties.successor is not None:
        successor = frozenset({parties.successor.target})
        start = Assertion(successor, holding, _WHERE, object=office, change="start", date=date)
        found.append(Candidate(start, relation, covers, when))
        succeeded_on = term(holding, parties.successor.target, office)[0] or date
        ended = term(holding, parties.predecessor.target, office)[1]
        if succeeded_on is date and ended is not None:  # who held it the day after, if not the successor
            found.append(Candidate(Assertion(successor, holding, _WHERE, object=office, date=_day_after(ended)),
                                   relation, covers, when))
    after, before = _ending(succeeded_on)
    end = Assertion(frozenset({parties.predecessor.target}), holding, _WHERE,
                    object=office, change="end", after=after, before=before)
    found.append(Candidate(end, relation, covers, when))
    return found


def _denied(parties: _Parties, relation: Mention, covers: frozenset[int], term: Term) -> list[Candidate]:
    """"Y did not replace X as mayor": that Y did not hold the office the day after X's last, as
    the facts give it (another holder then bears the denial out, Y refutes it); with no date of
    its own, a named successor and an end of X's the facts know, else not read."""
    office, holding = parties.office.target, parties.relation
    ended = term(holding, parties.predecessor.target, office)[1]
    if parties.successor is None or ended is None:
        return []
    denial = Assertion(frozenset({parties.successor.target}), holding, _WHERE, object=office,
                       date=_day_after(ended), negated=True)
    return [Candidate(denial, relation, covers)]


def _day_after(day: PartialDate) -> PartialDate:
    return PartialDate.from_date(day.last + dt.timedelta(days=1))


def _ending(succeeded_on: PartialDate | None) -> tuple[PartialDate | None, PartialDate | None]:
    """Bounds on the predecessor's last day: within the successor's first day, or the day
    before it."""
    if succeeded_on is None:
        return None, None
    return (PartialDate.from_date(succeeded_on.first - dt.timedelta(days=2)),
            PartialDate.from_date(succeeded_on.last + dt.timedelta(days=1)))


def _after_be(reading: Reading, head: int) -> bool:
    return head > 0 and reading.words[head - 1].word in _BE


def _active(reading: Reading, verb: int, head: int, held: Held) -> _Parties | None:
    """"Y replaced X as <office>": Y right before the verb's words, X right after it, then the
    office."""
    predecessor = _entity_at(reading, verb + 1)
    if predecessor is None:
        return None
    office = _office_after(reading, predecessor.last + 1, held)
    successor = _entity_ending(reading, head - 1)
    if office is None or not (successor is not None or _unknown_name(reading, head - 1)):
        return None
    words = office[1] | _span(predecessor) | (_span(successor) if successor else set())
    return _Parties(successor, predecessor, office[0], office[2], frozenset(words))


def _passive(reading: Reading, verb: int, head: int, held: Held) -> _Parties | None:
    """"X was replaced by Y as <office>" or "X was replaced as <office> by Y": an agent is needed
    (without one, "was replaced" is the ledger's own word for an end, if it lists it)."""
    predecessor = _entity_ending(reading, head - 2)
    office = _office_after(reading, verb + 1, held)
    by = max(office[1]) + 1 if office is not None else verb + 1
    if predecessor is None or by >= len(reading.words) or reading.words[by].word != "by":
        return None
    successor = _entity_at(reading, by + 1)
    if successor is None and not _unknown_name(reading, by + 1):
        return None
    if office is None:
        office = _office_after(reading, (successor.last if successor else _name_end(reading, by + 1)) + 1, held)
    if office is None:
        return None
    words = office[1] | _span(predecessor) | {head - 1, by} | (_span(successor) if successor else set())
    return _Parties(successor, predecessor, office[0], office[2], frozenset(words))


def _office_after(reading: Reading, index: int, held: Held) -> tuple[Mention, set[int], str] | None:
    """"as mayor", "as the mayor", "as Russia's defence minister", "as operator of the buses":
    the office, the words from "as" to its end, and the one-holder state towards it."""
    words = reading.words
    if index >= len(words) or words[index].word != "as":
        return None
    start = index + 1 + (index + 1 < len(words) and words[index + 1].word in _ARTICLES)
    office = _entity_at(reading, start)
    relation = held(office.target) if office is not None else None
    if office is not None and relation is not None:
        return office, set(range(index, office.last + 1)), relation
    word = next((m for m in reading.relations if m.first == start), None)
    party = _entity_at(reading, word.last + 1) if word is not None and words[word.last].word == "of" else None
    if word is None or party is None or held(party.target) != word.target:
        return None
    return party, set(range(index, party.last + 1)), word.target  # "as operator of the buses"


def _entity_at(reading: Reading, index: int) -> Mention | None:
    """The name that starts at `index`, or past an article there ("the buses", "the KVTA")."""
    start = index
    while start < len(reading.words) and reading.words[start].word in _ARTICLES:
        start += 1
    return next((m for m in reading.entities if m.first in (index, start)), None)


def _entity_ending(reading: Reading, index: int) -> Mention | None:
    return next((m for m in reading.entities if m.last == index), None)


def _unknown_name(reading: Reading, index: int) -> bool:
    """A capitalised word the ledger does not name (the account reports it as such): "Belousov"."""
    if index < 0 or index >= len(reading.words) or index in reading.named:
        return False
    token = reading.words[index]
    return token.capital and token.word.isalpha() and not lexicon.known(token.word)


def _name_end(reading: Reading, index: int) -> int:
    """The last word of the run of unknown capitalised words from `index`: "Andrei Belousov"."""
    while _unknown_name(reading, index + 1):
        index += 1
    return index


def _span(mention: Mention) -> set[int]:
    return set(range(mention.first, mention.last + 1))
