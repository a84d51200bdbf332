"""Free text against the ledger: verify a sentence, scan an article.

A sentence is first matched against the ledger's claims (has the desk checked this already?);
otherwise its assertions are read with the ledger's own vocabulary and judged by the same engine
and rules as a ledger claim. Nothing here knows a topic: names and verbs come from the ledger.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import weakref
from dataclasses import dataclass

from ..diagnostics import Location
from ..model import Assertion, Claim
from ..verdict import Engine, Verification, is_about
from .extract import Reading, candidate_assertions, linked_pairs, read
from .vocabulary import Vocabulary

__all__ = ["ScanItem", "scan_text", "verify_text"]

MATCH_THRESHOLD = 85.0
"""How alike (0-100, rapidfuzz token-sort ratio over canonical words) a sentence and a ledger
claim must be to count as the same claim."""


class Reader:
    """The vocabulary and claim index of one engine's ledger, built once."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.vocabulary = Vocabulary(engine.ledger)
        self._claims: list[tuple[Claim, str, Reading]] | None = None

    def reading(self, text: str) -> Reading:
        return read(text, self.vocabulary)

    def canonical(self, reading: Reading) -> str:
        """The sentence as words, with every name replaced by its entity id."""
        named = {i: m.target for m in reading.entities for i in range(m.first, m.last + 1)}
        out, last = [], None
        for index, word in enumerate(reading.words):
            if index in named:
                if named[index] != last:
                    out.append("@" + named[index])
                last = named[index]
            else:
                out.append(word.stem)
                last = None
        return " ".join(out)

    def match(self, reading: Reading) -> tuple[Claim, float] | None:
        """The ledger claim that says the same thing, if one does."""
        from rapidfuzz import fuzz, process

        if self._claims is None:
            self._claims = []
            for claim in self.engine.ledger.claims.values():
                claim_reading = self.reading(claim.text)
                self._claims.append((claim, self.canonical(claim_reading), claim_reading))
        query = self.canonical(reading)
        padded = f" {query} "
        for claim, canonical, claim_reading in self._claims:  # a ledger claim quoted inside the sentence
            if canonical.count(" ") >= 3 and f" {canonical} " in padded and _within(claim_reading, reading):
                return claim, 100.0
        choices = [canonical for _, canonical, _ in self._claims]
        for _, score, index in process.extract(query, choices, scorer=fuzz.token_sort_ratio,
                                               score_cutoff=MATCH_THRESHOLD, limit=5):
            claim, _, claim_reading = self._claims[index]
            if _compatible(reading, claim_reading):
                return claim, float(score)
        return None

    def assertions(self, reading: Reading) -> tuple[Assertion, ...]:
        """The assertions the facts can speak to; else the likeliest reading, to show what was read."""
        candidates = [self._fit(a) for a in candidate_assertions(reading)]
        candidates += self._agentless(candidates)
        direct: list[Assertion] = []
        indirect: list[Assertion] = []
        for assertion in candidates:
            evidence = self.engine.check_assertion(assertion).evidence
            relation = self.engine.ledger.relations[assertion.relation]
            if any(is_about(e.fact, assertion, relation) for e in evidence):
                direct.append(assertion)
            elif evidence and assertion.object is not None:  # ruled out by a one-holder relation
                indirect.append(assertion)
        grounded: list[Assertion] = []
        for assertion in direct or indirect:
            if not any(_same_claim(assertion, kept) for kept in grounded):
                grounded.append(assertion)
        if grounded:
            return tuple(grounded)
        if not reading.relations:
            implied = self._implied(reading)
            if implied:
                return implied
        return tuple(candidates[:1])

    def _agentless(self, candidates: list[Assertion]) -> list[Assertion]:
        """"The treaty was signed in 2015", "Olive Branch began in 2017": a lone party may be what
        an event acted on. For each such reading, the facts of that event with that party as their
        object supply the one who acted (never a fact that it did not happen: that would invent
        the claim it refutes)."""
        found = []
        relations = self.engine.ledger.relations
        for assertion in candidates:
            if assertion.object is not None or len(assertion.subject) != 1:
                continue
            if relations[assertion.relation].kind != "event":  # "Turkey is allied" names no ally
                continue
            [party] = assertion.subject
            for fact in self.engine.facts_with(assertion.relation):
                if fact.object == party and not fact.negated:
                    found.append(dataclasses.replace(assertion, subject=fact.subject, object=party))
        return list(dict.fromkeys(found))

    def _fit(self, assertion: Assertion) -> Assertion:
        """Drop what the relation cannot carry: an amount unless it is a value ("resolution
        68/262" is no amount), a start or end unless it is a state ("since 2016" of an event)."""
        kind = self.engine.ledger.relations[assertion.relation].kind
        if kind != "value" and assertion.value is not None:
            assertion = dataclasses.replace(assertion, value=None)
        if kind != "state" and assertion.change is not None:
            assertion = dataclasses.replace(assertion, change=None)
        return assertion

    def _implied(self, reading: Reading) -> tuple[Assertion, ...]:
        """With no verb the ledger knows, two readings remain, both tied to facts that exist:
        parties joined by a copula ("Shoigu was Russia's defence minister in 2020") stand in
        whatever relation the facts know between them; and a date beside a one-off event named
        first ("the treaty dates from 18 March 2014") says when that event happened."""
        ledger, where = self.engine.ledger, Location("<text>")
        found = []
        for subject, obj in linked_pairs(reading):
            for fact in ledger.facts.values():
                if fact.subject == {subject} and fact.object == obj and not fact.negated:
                    found.append(Assertion(fact.subject, fact.relation, where, object=obj, date=reading.date,
                                           negated=reading.negation_between(subject, obj)))
        if found:
            return tuple(dict.fromkeys(found))
        if reading.date is None or not reading.entities:
            return ()
        first = reading.entities[0].target
        for fact in ledger.facts.values():
            relation = ledger.relations[fact.relation]
            if (fact.date and not fact.negated and relation.kind == "event" and not relation.repeatable
                    and fact.object == first):
                return (Assertion(fact.subject, fact.relation, where, object=first, date=reading.date),)
        return ()

    def verify(self, text: str, today: dt.date) -> Verification:
        """`today` decides whether a dated prediction ("will ... in 2025") has come due."""
        reading = self.reading(text)
        found = self.match(reading)
        if found:
            claim, score = found
            return dataclasses.replace(self.engine.verify(claim), match_score=score)
        dated_past = reading.date is not None and reading.date.last < today
        if text.rstrip().endswith("?"):
            kind = "question"
        else:
            kind = "prediction" if reading.future and not dated_past else "statement"
        claim = Claim("", text.strip(), "", Location("<text>"), kind=kind, assertions=self.assertions(reading))
        return self.engine.verify(claim)


def _same_claim(a: Assertion, b: Assertion) -> bool:
    """Two readings of one verb phrase: the first, most likely, is kept."""
    return a.relation == b.relation and (a.object == b.object or a.subject == b.subject)


def _within(quoted: Reading, sentence: Reading) -> bool:
    """A quotation keeps its dates and numbers: a sentence quoting a claim has at least them."""
    return set(quoted.dates) <= set(sentence.dates) and set(quoted.numbers) <= set(sentence.numbers)


def _compatible(a: Reading, b: Reading) -> bool:
    """Alike words, but not another date, number or a negation: "in 2013" is not "in 2014"."""
    if a.dates and b.dates and set(a.dates) != set(b.dates):
        return False
    if a.numbers and b.numbers and set(a.numbers) != set(b.numbers):
        return False
    return a.any_negation == b.any_negation


_READERS: weakref.WeakKeyDictionary[Engine, Reader] = weakref.WeakKeyDictionary()


def reader_for(engine: Engine) -> Reader:
    """One reader per engine: the vocabulary and claim index are built on first use."""
    if engine not in _READERS:
        _READERS[engine] = Reader(engine)
    return _READERS[engine]


def verify_text(engine: Engine, text: str, today: dt.date) -> Verification:
    """Verify a sentence: the matching ledger claim's verdict, or a verdict on what it asserts.
    `today` is the reader's "now" (the caller's clock, so results do not depend on the date)."""
    return reader_for(engine).verify(text, today)


@dataclass(frozen=True)
class ScanItem:
    text: str
    kind: str  # headline | sentence
    verification: Verification

    @property
    def flagged(self) -> bool:
        return self.verification.verdict in ("false", "misleading")


def scan_text(engine: Engine, text: str, today: dt.date) -> list[ScanItem]:
    """Check every check-worthy statement of an article, and its headline against its body."""
    from .scan import scan

    return scan(reader_for(engine), text, today)

