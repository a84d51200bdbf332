"""Free text against the ledger: verify a sentence, scan an article.

A sentence is first matched against the ledger's claims (has the desk checked this already?);
otherwise its assertions are read with the ledger's own vocabulary and judged by the same engine
and rules as a ledger claim. Nothing here knows a topic: names and verbs come from the ledger.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import itertools
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..diagnostics import Location
from ..model import Assertion, Claim, Fact, PartialDate, TimeLink, Unchecked, Verdict
from ..verdict import Engine, Outcome, Verification, is_about
from . import lexicon, nominal
from .account import Statement, narrowing, unchecked_parts
from .amounts import amount_of
from .candidates import (
    Candidate,
    candidates,
    copula_pairs,
    gap_first,
    gap_last,
    modifier_of_next,
    post_phrase,
    range_end,
    range_start,
    relation_candidates,
    sided,
)
from .coordination import Remnant, contrasts, echoes, gapped, neither_nor
from .extract import (
    NEGATIONS,
    Reading,
    currency_stem,
    governing,
    hedge_words,
    is_difference,
    names_a_currency,
    number_start,
    read,
    scale_of,
)
from .index import ClaimIndex, Filed, filing_key, stem_bits
from .links import named_events, time_links
from .modifiers import adjacent, modifier_pairs
from .succession import succession_roles, successions
from .text import SCALE_FACTORS, SCALES, STOPWORDS, fold, normalise, pieces, stem, tokens
from .vocabulary import Mention, Vocabulary, side_by_side

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from ..progress import Progress

__all__ = ["ScanItem", "scan_text", "text_engine", "verify_text"]

KEPT_ENTRIES = 4096
"""How many ledger claims' readings a reader keeps for the next sentences that point at them."""

MATCH_THRESHOLD = 85.0
"""How alike (0-100, rapidfuzz token-sort ratio over canonical words) a sentence and a ledger
claim must be to count as the same claim."""


class Reader:
    """The vocabulary and claim index of one engine's ledger, built once."""

    def __init__(self, engine: Engine, vocabulary: Vocabulary | None = None) -> None:
        self.engine = engine
        self.vocabulary = vocabulary or Vocabulary(engine.ledger)
        self.index: ClaimIndex | None = None  # of the ledger's claims, built on first use unless given
        self._statements: dict[str, Statement] = {}
        self._states_of_object: dict[str, set[str]] | None = None  # object -> state relations of its facts
        self._recent: dict[tuple[str, dt.date | None], Reading] = {}
        self._connections: dict[tuple[str, str], Fact] | None = None
        self._lone_facts: dict[str, Fact] | None = None  # party -> the one fact it is a party of
        self._entries: dict[str, tuple[str, _Gist]] = {}  # claim text -> index_entry, the last few thousand
        self._possessors: dict[str, str | None] = {}  # relation -> the role its noun's possessor takes
        self._offices: dict[tuple[str, tuple[str, ...], str], set[str]] | None = None  # see _office_of

    def reading(self, text: str, today: dt.date | None = None) -> Reading:
        """The sentence read; the last few readings are kept, as scan and verify ask twice."""
        key = (text, today)
        found = self._recent.pop(key, None)
        if found is None:
            found = read(text, self.vocabulary, today)
        self._recent[key] = found
        if len(self._recent) > 64:
            del self._recent[next(iter(self._recent))]
        return found

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
        """The ledger claim that says the same thing, if one does: nothing the sentence says that
        the claim does not (another date, number, negation, party, verb or word is another
        claim), nor the other way round, and alike words; of several, the most alike (the first
        in the ledger of equals). Claims are found by what they say (dates, negation, and the
        stems of their words, parties and verbs; see index.py), so a sentence reads and compares
        only those few, not every claim.
        The claim found (and a headline's article body) joins the engine's ledger."""
        from rapidfuzz import fuzz

        if self.index is None:
            self.index = ClaimIndex.of_ledger(self.engine.ledger)
        query = self.canonical(reading)
        gist = _gist(reading)
        best: tuple[Filed, float] | None = None
        for filed in self.index.candidates(gist.filing, self._required(gist)):
            canonical, claim_gist = self.index_entry(filed.text)
            if _same_gist(gist, claim_gist):
                score = fuzz.token_sort_ratio(query, canonical, score_cutoff=MATCH_THRESHOLD)
                if score and (best is None or score > best[1]):
                    best = filed, float(score)
        if best is None:
            return None
        claim = best[0].claim()
        self.engine.add_claims([claim, *(self.index.body(claim.article) if claim.kind == "headline"
                                         and claim.article else ())])
        return claim, best[1]

    def index_entry(self, text: str) -> tuple[str, _Gist]:
        """A ledger claim's canonical words and gist, as a sentence is compared with them; the
        last few thousand are kept (a scan's sentences point at many of the same claims)."""
        found = self._entries.pop(text, None)
        if found is None:
            claim_reading = read(text, self.vocabulary)
            found = self.canonical(claim_reading), _gist(claim_reading)
        self._entries[text] = found
        if len(self._entries) > KEPT_ENTRIES:
            del self._entries[next(iter(self._entries))]
        return found

    def _required(self, gist: _Gist) -> int:
        """The signature (see index.py) of the stems any ledger claim saying what `gist` says has:
        the sentence's other words, and those every name of its parties and every form of its
        verbs share."""
        stems = set(gist.words)
        for party in gist.parties:
            stems |= self.vocabulary.entities.common_stems(party)
        for relation in gist.relations:
            stems |= self.vocabulary.relations.common_stems(relation)
        return stem_bits(stems)

    def chosen(self, reading: Reading) -> list[Candidate]:
        """The readings the facts can speak to; else the likeliest reading, to show what was read.
        A relation word whose readings no fact speaks to stays unread, and so unchecked."""
        read = [self._change_as_office(self._office_of(c, reading), reading) for c in self._holders(candidates(reading))
                if _owned_as_said(reading, c) and self._owned_in_role(reading, c) and not self._owner_for(reading, c)]
        read = [self._without_narrowed_value(reading, c) for c in read]
        # "led the KVTA as its chief executive" first: the reading that takes the KVTA with it
        found = [self._fit(c, reading) for c in self._as_office(reading)]
        found += [_with_changed_noun(reading, self._scaled(self._fit(c, reading), reading))
                  for c in read + self._agentless(read)]
        found += [self._fit(c, reading) for c in [*self._copulas(reading), *self._titles(reading)]]
        found = [self._as_last_checked(self._hedged(c, reading), reading) for c in found]
        succession = successions(reading, self._held, self._term)
        said = succession_roles(reading).union(*(c.covers for c in succession))
        if said:  # the verb and the office are the succession's: no other reading of them
            found = [c for c in found if said.isdisjoint(range(c.relation.first, c.relation.last + 1))]
        direct: list[Candidate] = []
        indirect: list[Candidate] = []
        for candidate in found:
            assertion = candidate.assertion
            evidence = self.engine.check_assertion(assertion).evidence
            relation = self.engine.ledger.relations[assertion.relation]
            if any(is_about(e.fact, assertion, relation) for e in evidence):
                direct.append(candidate)
            elif evidence and assertion.object is not None:  # ruled out by a one-holder relation
                indirect.append(candidate)
        # a relation word no direct reading takes keeps the readings a one-holder relation rules
        # out ("Greyline, which ran the buses until 2020, has run the Northline since 2019")
        taken = {i for c in direct for i in c.covers}
        kept_out = [c for c in indirect if not set(range(c.relation.first, c.relation.last + 1)) & taken]
        grounded: list[Candidate] = []
        for candidate in direct + kept_out:
            if any(_same_claim(candidate, kept) for kept in grounded):
                continue
            same = next((i for i, kept in enumerate(grounded) if kept.assertion == candidate.assertion), None)
            if same is not None:  # another word read the same way says nothing new: "founding member";
                # but a date it was read with is the same statement's ("Ferro, who was mayor from 2012
                # to 2020, stepped down as mayor in 2020": both say the term ended in 2020)
                grounded[same] = dataclasses.replace(grounded[same], covers=grounded[same].covers | {
                    i for m in reading.date_mentions if set(range(m.first, m.last + 1)) <= candidate.covers
                    for i in range(m.first, m.last + 1)})
                continue
            grounded.append(candidate)
        return [*grounded, *succession] or found[:1]

    def _owner_for(self, reading: Reading, candidate: Candidate) -> bool:
        """Whether the reading takes a party in the place of a noun it only owns ("Turkey's
        neighbour joined NATO" is no joining of Turkey's; "met Putin's wife" no meeting with
        Putin), unless a fact about the reading writes the two the same way ("addressed the
        Northern Pact's assembly")."""
        for mention in reading.entities:
            if not _words(mention) <= candidate.covers:
                continue
            last = nominal.owned_noun(reading, mention, candidate.relation, self._adjective(reading, mention))
            if last is None:
                continue
            phrase = " " + " ".join(w.stem for w in reading.words[mention.first:last + 1]) + " "
            facts = [e.fact for e in self.engine.check_assertion(candidate.assertion).evidence]
            if not any(phrase in self._statement(fact).stems for fact in facts):
                return True
        return False

    def _adjective(self, reading: Reading, mention: Mention) -> bool:
        """Whether a one-word name is said as the adjective of its party's name ("Turkish",
        "Ruritanian"): not that name itself ("Iran" ends as "Iranian" does), shaped as English
        forms such adjectives."""
        word = reading.words[mention.first].word
        thing = self.engine.ledger.entities.get(mention.target)
        return mention.first == mention.last and thing is not None and word != fold(thing.name) and \
            word.endswith(nominal.DEMONYM_ENDINGS)

    def _without_narrowed_value(self, reading: Reading, candidate: Candidate) -> Candidate:
        """A value its noun narrows with a word no fact about it says is another value: "a return
        ticket cost 5 crowns" is no single fare, and a single fare of 3 crowns does not refute it.
        Its figure is not read (and reported not checked, as the word is: see account.py)."""
        if reading.kinds.get(candidate.relation.target) != "value" or candidate.number is None:
            return candidate
        dated = {i for m in reading.date_mentions for i in range(m.first, m.last + 1)}
        words = narrowing(reading, candidate.relation, candidate.covers | dated)
        statements = [self._statement(e.fact) for e in self.engine.check_assertion(candidate.assertion).evidence]
        if all(any(f" {reading.words[i].stem} " in s.stems for s in statements) for i in words):
            return candidate
        return dataclasses.replace(candidate, number=None, covers=candidate.covers - {candidate.number.index},
                                   assertion=dataclasses.replace(candidate.assertion, value=None))

    def _as_last_checked(self, candidate: Candidate, reading: Reading) -> Candidate:
        """A state denied in the present tense ("TurkStream does not bypass Ukraine") is denied of
        the last time the facts were checked, as "bypasses" is affirmed of it: a fact that held
        then, with no end, refutes it."""
        assertion = candidate.assertion
        relation = self.engine.ledger.relations[assertion.relation]
        today = PartialDate.from_date(reading.today) if reading.today is not None else None
        if not assertion.negated or candidate.date is not None or today is None or assertion.date != today \
                or relation.kind != "state":
            return candidate
        checked = [f.as_of for f in self.engine.facts_with(assertion.relation) if is_about(f, assertion, relation)
                   and f.end is None and f.as_of is not None and not f.negated]
        if not checked:
            return candidate
        return dataclasses.replace(candidate, assertion=dataclasses.replace(assertion, date=max(
            checked, key=lambda d: d.first)))

    def _hedged(self, candidate: Candidate, reading: Reading) -> Candidate:
        """A date given loosely ("circa 1950", "in about 1950", "1950 or so") that the facts put
        elsewhere is not read with the statement, and so stays not checked: how far off a hedge
        allows is not said. One the facts put within it is read as any date is."""
        mention = candidate.date
        if mention is None or candidate.assertion.date is None or not hedge_words(reading, mention):
            return candidate
        if self.engine.check_assertion(candidate.assertion).outcome != Outcome.CONTRADICTED:
            return candidate
        words = set(range(mention.first, mention.last + 1)) | hedge_words(reading, mention)
        return dataclasses.replace(candidate, date=None, covers=candidate.covers - words,
                                   assertion=dataclasses.replace(candidate.assertion, date=None))

    def _holders(self, found: list[Candidate]) -> list[Candidate]:
        """A value said of no named party ("a single ticket cost 3 crowns in 2024") is the value
        of the one holder the facts of that relation know, when they know exactly one (every
        fact of it has the same subject and object); otherwise it is not read."""
        made = []
        for candidate in found:
            assertion = candidate.assertion
            if assertion.subject:
                made.append(candidate)
                continue
            holders = {(f.subject, f.object) for f in self.engine.facts_with(assertion.relation)}
            if len(holders) == 1:
                [(subject, obj)] = holders
                made.append(dataclasses.replace(candidate, assertion=dataclasses.replace(
                    assertion, subject=subject, object=obj)))
        return made

    def _agentless(self, found: list[Candidate]) -> list[Candidate]:
        """"The treaty was signed in 2015", "Olive Branch began in 2017": a lone party may be what
        a one-off event acted on. The one fact of that event with that party as its object
        supplies who acted, so that only what the sentence says (that it happened, and when) is
        judged; never a repeatable event (another occasion may be meant), never when several
        facts would fit, never a fact that it did not happen (that would invent the claim it
        refutes)."""
        made = []
        relations = self.engine.ledger.relations
        for candidate in found:
            assertion = candidate.assertion
            if assertion.object is not None or len(assertion.subject) != 1:
                continue
            relation = relations[assertion.relation]
            if relation.kind != "event" or relation.repeatable:  # "Turkey is allied" names no ally
                continue
            [party] = assertion.subject
            facts = [f for f in self.engine.facts_with(assertion.relation) if f.object == party]
            if len(facts) == 1 and not facts[0].negated:
                made.append(dataclasses.replace(
                    candidate, assertion=dataclasses.replace(assertion, subject=facts[0].subject, object=party)))
        return made

    def _copulas(self, reading: Reading) -> list[Candidate]:
        """"Shoigu has been defence minister since 2012": two parties joined only by a copula
        stand in the one state the facts know between them, and only when they know exactly
        one; the sentence's date, negation and "since" then go with it as with any verb."""
        made = []
        for first, second in copula_pairs(reading):
            if self._foreign_possessor(reading, first, second):
                continue
            relation_id = self._state_between(first.target, second.target)
            reverse = relation_id is None  # "Russia's defence minister was Shoigu"
            if reverse:
                relation_id = self._state_between(second.target, first.target)
            if relation_id is None:  # "Ilse Marrow was the KVTA's chief executive": the office's one state
                relation_id, reverse = self._held(second.target), False
                if relation_id is None:
                    relation_id, reverse = self._held(first.target), True
            if relation_id is None:
                continue
            start = first.last + 1
            while (aside := reading.aside_of(start)) is not None and aside[1] + 1 < second.first:
                start = aside[1] + 1  # "Dana, not Ilse, was mayor": the copula is after the aside
            # a date at either end of the copula is when, not part of it: "Russia's defence minister
            # from 2012 to 2024 was Shoigu"
            link = Mention(relation_id, gap_first(reading, start, second.first - 1),
                           gap_last(reading, start, second.first - 1))
            for candidate in relation_candidates(reading, link):
                assertion = candidate.assertion
                if assertion.subject == {first.target} and assertion.object == second.target:
                    subject, obj = (second.target, first.target) if reverse else (first.target, second.target)
                    made.append(dataclasses.replace(candidate, assertion=dataclasses.replace(
                        assertion, subject=frozenset({subject}), object=obj)))
        return made

    def _as_office(self, reading: Reading) -> list[Candidate]:
        """"Quill ran the transit authority as its chief executive from 2017 to 2024", "led the
        KVTA as chief executive": a verb of holding or leading, the party it is done to and "as"
        an office the facts give one holder at a time, whose names include that party, say the
        subject held the office, at the clause's dates, with its denial. ("served as mayor", with
        no party between, is a copula.) Another party ("sat on the council as mayor") is not
        read so."""
        made = []
        words = reading.words
        for office in reading.entities:
            relation_id = self._held(office.target)
            index = office.first - 1
            while index > 0 and words[index].word in _AS_DETERMINERS:
                index -= 1
            if relation_id is None or index < 1 or words[index].word != "as":
                continue
            done_to = next((m for m in reading.entities if m.last == index - 1), None)
            if done_to is None or not self.vocabulary.part_of_name(done_to.target, office.target):
                continue
            verb = done_to.first - 1
            while verb > 0 and words[verb].word in ("a", "an", "the"):
                verb -= 1
            if verb < 1 or lexicon.verb_lemma(words[verb].word) not in _HOLDING_VERBS:
                continue
            subject = max((m for m in reading.entities if m.last < verb), key=lambda m: m.last, default=None)
            if subject is None:
                continue
            for candidate in relation_candidates(reading, Mention(relation_id, verb, index)):
                assertion = candidate.assertion
                if assertion.subject == {subject.target} and assertion.object == office.target:
                    made.append(dataclasses.replace(candidate, covers=candidate.covers | frozenset(
                        range(done_to.first, done_to.last + 1))))
        return made

    def _owned_in_role(self, reading: Reading, candidate: Candidate) -> bool:
        """A relation noun's possessor takes the role the facts' own statements give it: where they
        write "China was Russia's largest trading partner" for Russia's partner China, "Russia
        was China's largest trading partner" is China's partner Russia, not the other way round."""
        owner = nominal.possessor(reading, candidate.relation)
        if owner is None:
            return True
        role = self._possessor_role(candidate.assertion.relation)
        if role == "subject":
            return owner in candidate.assertion.subject
        return role != "object" or owner == candidate.assertion.object

    def _possessor_role(self, relation_id: str) -> str | None:
        """The role ("subject" or "object") the possessor of the relation's noun takes in the
        statements of its facts, read as a sentence is; None where none writes one or they
        disagree. A few statements with a possessive suffice, so it costs little at any size."""
        if relation_id not in self._possessors:
            roles = set()
            written = (f for f in self.engine.facts_with(relation_id)
                       if "'s " in normalise(f.statement).replace("’", "'"))
            for fact in itertools.islice(written, _POSSESSIVE_SAMPLES):
                statement = read(fact.statement, self.vocabulary)
                for mention in statement.relations:
                    owner = nominal.possessor(statement, mention) if mention.target == relation_id else None
                    if owner is not None and owner in fact.subject:
                        roles.add("subject")
                    elif owner is not None and owner == fact.object:
                        roles.add("object")
            self._possessors[relation_id] = roles.pop() if len(roles) == 1 else None
        return self._possessors[relation_id]

    def _foreign_possessor(self, reading: Reading, first: Mention, second: Mention) -> bool:
        """A possessor between the two parties of a copula that the second's names do not include:
        "Shoigu was Turkey's defence minister" is not "Russian defence minister" (while "Ilse
        Marrow was the KVTA's chief executive" names the office of the KVTA)."""
        return any(first.last < m.first and m.last < second.first and reading.words[m.last + 1].word == "s"
                   and not self.vocabulary.part_of_name(m.target, second.target) for m in reading.entities)

    def _titles(self, reading: Reading) -> list[Candidate]:
        """"Şimşek, Turkey's deputy prime minister from 2015 to 2018, ...": an aside that opens
        with an office (one holder at a time), past an article and a possessor ("the authority's
        chief executive"), says the name before it held the office, at the aside's own dates;
        "since" there gives the start, not that it holds still ("Ferro, mayor since 2012, stepped
        down in 2020"). So does a relative clause that opens with a copula ("Marrow, who has been
        mayor since 2020, ..."), in the copula's tense ("who is mayor", "who has been mayor since
        2020" say it holds still). Never an
        aside with a denial in it ("X, not the mayor, ...", "X, who was never mayor, ...")."""
        made = []
        words = reading.words
        for first, last in reading.asides:
            head = next((m for m in reading.entities if m.last == first - 1), None)
            opening = first
            if words[first].word in ("who", "which"):
                opening += 1
                while opening < last and words[opening].word in _RELATIVE_COPULAS:
                    opening += 1
                if opening == first + 1:
                    continue  # "who ran the buses": a verb of its own, read as any verb
            office = _office_opening(reading, opening, last)
            denied = any(words[i].word in NEGATIONS for i in range(first, last + 1))
            if head is None or office is None or denied:
                continue
            relation_id = self._held(office.target)
            if relation_id is None:
                continue
            said = first + 1 if opening > first else office.first  # with the copula: its tense is said
            for candidate in relation_candidates(reading, Mention(relation_id, said, office.last)):
                assertion = candidate.assertion
                if assertion.negated and assertion.change == "end" and opening == first:
                    continue  # "mayor since 2012, stepped down in 2020": held until the verb's time, not today
                if assertion.subject == {head.target}:
                    made.append(dataclasses.replace(candidate, assertion=dataclasses.replace(
                        candidate.assertion, object=office.target)))
        return made

    def _change_as_office(self, candidate: Candidate, reading: Reading) -> Candidate:
        """"Ilse Marrow took over as mayor in May 2020": a start or end word of any relation, then
        "as" (and an article) and an office (the object of one state of the facts that admits one
        holder at a time), says the start or end of holding it."""
        assertion, verb = candidate.assertion, candidate.relation
        if verb.change is None or assertion.object is None:
            return candidate
        held = self._held(assertion.object)
        office = next((m for m in reading.entities if m.target == assertion.object and m.first > verb.last), None)
        if held is None or held == assertion.relation or office is None:
            return candidate
        between = [w.word for w in reading.words[verb.last + 1:office.first]]
        if between not in (["as"], ["as", "the"], ["as", "a"]) or modifier_of_next(reading, office):
            return candidate  # not "took over as mayor's chief of staff"
        return dataclasses.replace(candidate, assertion=dataclasses.replace(assertion, relation=held))

    def _office_of(self, candidate: Candidate, reading: Reading) -> Candidate:
        """"Quill headed the transit authority": a state towards a party that no fact of it has as
        object, where exactly one thing its facts do have is named with the same word, "of" and
        that party ("head of the transit authority"), is towards that thing: the office. Only the
        same word: "headed Russia" is not "deputy prime minister of Russia"."""
        assertion = candidate.assertion
        if assertion.object is None:
            return candidate
        if self._offices is None:
            self._offices = self._offices_by_holder()
        mention = candidate.relation
        said = tuple(w.stem for w in reading.words[mention.first:mention.last + 1])
        found = self._offices.get((assertion.relation, said, assertion.object), set())
        body = next((m for m in reading.entities if m.target == assertion.object and m.first > mention.last), None)
        if len(found) != 1 or body is None or modifier_of_next(reading, body):
            return candidate  # "headed the authority's finance department" is no head of the authority
        [office] = found
        return dataclasses.replace(candidate, assertion=dataclasses.replace(assertion, object=office))

    def _offices_by_holder(self) -> dict[tuple[str, tuple[str, ...], str], set[str]]:
        """(relation, stems of its word, party) -> the objects of the relation's facts (states, not
        symmetric) named "<that word> of <the party>", for a party no fact of the relation has as
        object; built once."""
        ledger = self.engine.ledger
        objects = {(f.relation, f.object) for f in ledger.facts.values() if f.object is not None and not f.negated
                   and ledger.relations[f.relation].kind == "state" and not ledger.relations[f.relation].symmetric}
        found: dict[tuple[str, tuple[str, ...], str], set[str]] = {}
        for relation_id, obj in objects:
            entity = ledger.entities.get(obj)
            for name in (entity.name, *entity.aliases) if entity is not None else ():
                head, of, owner = normalise(name).partition(" of ")
                said = self._office_word(relation_id, head) if of else None
                if said is None:
                    continue
                for party in self._named_wholly(owner):
                    if (relation_id, party) not in objects:
                        found.setdefault((relation_id, said, party), set()).add(obj)
        return found

    def _office_word(self, relation_id: str, head: str) -> tuple[str, ...] | None:
        """The stems of `head` when it is wholly a word of the relation."""
        words = tokens(head)
        said = self.vocabulary.relations.find(words, set())
        if any(m.target == relation_id and m.first == 0 and m.last == len(words) - 1 for m in said):
            return tuple(w.stem for w in words)
        return None

    def _named_wholly(self, owner: str) -> set[str]:
        """The parties `owner` names wholly, past an article."""
        words = tokens(owner)
        start = 1 if words and words[0].word in ("the", "a", "an") else 0
        return {m.target for m in self.vocabulary.entities.find(words, set())
                if m.first in (0, start) and m.last == len(words) - 1}

    def _held(self, obj: str) -> str | None:
        """The one state the facts know towards `obj` when it has one holder at a time (an
        office): whoever a sentence says held it is checked against who did."""
        if self._states_of_object is None:
            self._states_of_object = {}
            relations = self.engine.ledger.relations
            for fact in self.engine.ledger.facts.values():
                relation = relations[fact.relation]
                if fact.object is not None and not fact.negated and relation.kind == "state":
                    self._states_of_object.setdefault(fact.object, set()).add(relation.id)
        found = self._states_of_object.get(obj, set())
        if len(found) != 1:
            return None
        [relation_id] = found
        return relation_id if self.engine.ledger.relations[relation_id].one_per_object else None

    def _term(self, relation_id: str, subject: str, obj: str) -> tuple[PartialDate | None, PartialDate | None]:
        """When the facts say `subject` began and ceased to hold `relation_id` towards `obj`, if
        they give one period of it."""
        terms = [(f.start, f.end) for f in self.engine.ledger.facts.values()
                 if f.relation == relation_id and f.subject == {subject} and f.object == obj and not f.negated]
        return terms[0] if len(terms) == 1 else (None, None)

    def _state_between(self, subject: str, obj: str) -> str | None:
        """The one state the facts know of `subject` towards `obj`, if exactly one."""
        relations = {f.relation for f in self.engine.ledger.facts.values()
                     if f.subject == {subject} and f.object == obj and not f.negated}
        if len(relations) != 1:
            return None
        [relation_id] = relations
        return relation_id if self.engine.ledger.relations[relation_id].kind == "state" else None

    def _scaled(self, candidate: Candidate, reading: Reading) -> Candidate:
        """A number is compared at the scale of the facts' unit ("million crowns"): one given at
        another scale is converted ("half a billion" is 500 million, "412,000,000" is 412
        million, "84bn" 84 billion), and so is how close it must be. A figure under a thousand
        with no scale is not read against a unit with one ("412 crowns" is no reading of 412
        million); nor is a figure after a currency sign the facts' unit does not name ("$412m"
        of a cost in crowns); nor one where facts of the same parties differ in scale. A number
        not read is left not checked."""
        number = candidate.number
        assertion = candidate.assertion
        if number is None or assertion.value is None:
            return candidate
        scale = scale_of(reading, number)
        facts = [f for f in self.engine.facts_with(assertion.relation)
                 if f.subject == assertion.subject and f.value is not None]
        scales = {_scale_of(fold(f.unit).split()[0]) if f.unit else None for f in facts}
        currency = number.currency
        named = currency is None or all(
            f.unit and set(currency.split()) <= {stem(w) for w in fold(f.unit).split()} for f in facts)
        if not facts or (scales == {scale} and named):
            return candidate
        written = scale is not None or abs(number.value) >= 1000
        if len(scales) != 1 or not named or not written:
            return dataclasses.replace(candidate, number=None, covers=candidate.covers - {number.index},
                                       assertion=dataclasses.replace(assertion, value=None))
        [fact_scale] = scales
        ratio = SCALE_FACTORS.get(scale or "", 1.0) / SCALE_FACTORS.get(fact_scale or "", 1.0)
        amount = assertion.amount
        if amount is not None:
            amount = dataclasses.replace(amount, margin=amount.margin * ratio,
                                         low=None if amount.low is None else amount.low * ratio)
        return dataclasses.replace(candidate, assertion=dataclasses.replace(
            assertion, value=assertion.value * ratio, amount=amount))

    def _fit(self, candidate: Candidate, reading: Reading) -> Candidate:
        """Drop what the relation cannot carry, leaving it unchecked: an amount unless it is a
        value ("resolution 68/262" is no amount), a start or end unless it is a state ("since
        2016" of an event). A value's number is read with the words that say how it is meant
        ("more than 70"; see amounts.py); a "no" among them ("no more than") denies nothing."""
        assertion = candidate.assertion
        kind = self.engine.ledger.relations[assertion.relation].kind
        unit = None if kind == "value" or candidate.number is None else self._counted_unit(candidate, reading)
        difference = candidate.number is not None and is_difference(reading, candidate.number)
        if candidate.number is not None and ((kind != "value" and unit is None) or difference):
            assertion = dataclasses.replace(assertion, value=None)
            candidate = dataclasses.replace(candidate, number=None,
                                            covers=candidate.covers - {candidate.number.index})
        elif candidate.number is not None:
            amount, words = amount_of(reading, candidate.number)
            if unit is not None:
                words = words | {unit}
            denials = {i for i in candidate.covers | words if reading.words[i].word in NEGATIONS}
            negated = assertion.negated and not (denials and denials <= words)
            assertion = dataclasses.replace(assertion, amount=amount, negated=negated)
            candidate = dataclasses.replace(candidate, covers=candidate.covers | words)
        if kind != "state" and assertion.change is not None:
            assertion = dataclasses.replace(assertion, change=None)
        return dataclasses.replace(candidate, assertion=assertion)

    def _counted_unit(self, candidate: Candidate, reading: Reading) -> int | None:
        """Where the unit of an event's or a state's number stands ("ordered 38 Citylink trams",
        "approved by 31 votes to 14"), when the facts give that number: every fact of the relation
        between the same parties carries a value in one unit, and the sentence writes that unit
        after the number, past a scale word and names ("five S-400 systems"). Otherwise the number
        is not read (and so is reported as not checked): a count the facts do not give, or a
        number of something else ("38 trams worth 90 million")."""
        assertion, number = candidate.assertion, candidate.number
        assert number is not None
        facts = [f for f in self.engine.facts_with(assertion.relation)
                 if f.subject == assertion.subject and f.object == assertion.object]
        units = {stem(fold(f.unit).split()[-1]) if f.unit and f.value is not None else None for f in facts}
        if len(units) != 1 or None in units:
            return None
        [unit] = units
        if number.currency is not None and number.currency.split()[-1] == unit and all(
                set(number.currency.split()) <= {stem(w) for w in fold(f.unit or "").split()} for f in facts):
            return number.index  # "$84bn", "US$84bn" of billion US dollars
        words = reading.words
        for index in range(number.index + 1, min(number.index + 5, len(words))):
            if words[index].stem == unit:
                return index
            if words[index].word not in SCALES and index not in reading.named:
                break
        return None

    def claim(self, text: str, today: dt.date, observe: Callable[[Reading], None] | None = None) -> Claim:
        """The sentence as a claim: what it asserts, and what of it was not checked. A sentence
        longer than MAX_WORDS words is read in pieces of at most that many (cut after a
        semicolon or comma where one is near), so that reading stays linear in its length;
        `observe` sees each piece's reading (scan learns from them without reading again)."""
        text = normalise(text).strip()
        assertions: list[Assertion] = []
        unchecked: list[Unchecked] = []
        links: list[TimeLink] = []
        future = dated_past = False
        for offset, piece in pieces(text):
            reading = self.reading(piece, today)
            if observe is not None:
                observe(reading)
            chosen = self._durations(reading, self._with_named_events(
                reading, self._remnants(reading, self.chosen(reading))))
            found = time_links(reading, chosen)
            links.extend(TimeLink(link.order, len(assertions) + link.main, len(assertions) + link.linked,
                                  reading.span_text(link.first, link.last), reading.words[link.first].start + offset,
                                  reading.words[link.last].end + offset, link.cause, link.interval) for link in found)
            assertions.extend(dataclasses.replace(c.assertion, text=_covered_text(reading, c)) for c in chosen)
            parts = unchecked_parts(reading, chosen, self._carried(chosen),
                                    {i for link in found for i in range(link.first, link.last + 1)})
            titles = self._titles_of_others(reading)
            parts = [p for p in parts if not any((p.start, p.end) == (t.start, t.end) for t in titles)] + titles
            parts += [t for t in self._titles_not_named(reading)
                      if not any(p.start <= t.start and t.end <= p.end for p in parts)]
            unchecked.extend(dataclasses.replace(u, start=u.start + offset, end=u.end + offset)
                             for u in sorted(parts, key=lambda u: (u.start, u.end)))
            future = future or reading.future
            dated_past = dated_past or (reading.date is not None and reading.date.last < today)
        kind = "question" if text.endswith("?") else "prediction" if future and not dated_past else "statement"
        return Claim("", text, "", Location("<text>"), kind=kind, assertions=tuple(assertions),
                     unchecked=tuple(unchecked), links=tuple(links))

    def _people(self, *targets: str) -> bool:
        """Whether every one is a person, among the entities or the sources (people quoted)."""
        ledger = self.engine.ledger
        return all((ledger.entities[t].kind if t in ledger.entities else
                    ledger.sources[t].kind if t in ledger.sources else "") == "person" for t in targets)

    def _titles_of_others(self, reading: Reading) -> list[Unchecked]:
        """A person's name or title right before another person's ("Russian President Erdogan"
        where the Russian President is Putin) says who the other is, which no reading checks; so
        does a possessor right before a person's name ("Turkey's President Putin"), or after it
        and "of" ("President Putin of Turkey"), that none of the person's names includes."""
        people = [m for m in reading.entities if self._people(m.target)]
        neighbours = list(zip(reading.entities, reading.entities[1:], strict=False))

        def between(first: Mention, second: Mention) -> list[str]:
            return [w.word for w in reading.words[first.last + 1:second.first]]

        owned = [(first, second) for first, second in neighbours if between(first, second) == ["s"]]
        owned += [(second, first) for first, second in neighbours if between(first, second) in (["of"], ["of", "the"])]
        found = [Unchecked(reading.span_text(owner.first, owner.last), reading.words[owner.first].start,
                           reading.words[owner.last].end, "a possessor of a person that the person's names do not "
                           "include: whose the person is, is not checked")
                 for owner, person in owned
                 if self._people(person.target) and not self._people(owner.target) and owner.target != person.target
                 and not self.vocabulary.part_of_name(owner.target, person.target)]
        for title, name in zip(people, people[1:], strict=False):
            if title.target != name.target and side_by_side(reading.text, reading.words, title, name):
                found.append(Unchecked(reading.span_text(title.first, title.last), reading.words[title.first].start,
                                       reading.words[title.last].end, "a title or name of another person than the one "
                                       "it stands before"))
        return found

    def _titles_not_named(self, reading: Reading) -> list[Unchecked]:
        """A noun right before a person's name is a title ("Emperor Putin", "Queen Rudolf"): what
        the person is, which no fact checks, unless one of the person's own names has it
        ("President Putin")."""
        found = []
        taken = {i for m in reading.relations for i in range(m.first, m.last + 1)} | {
            i for m in reading.date_mentions for i in range(m.first, m.last + 1)} | {
            i for first, last in reading.unanchored for i in range(first, last + 1)}
        for person in reading.entities:
            index = person.first - 1
            if index < 0 or index in reading.named or index in taken or not self._people(person.target):
                continue
            token = reading.words[index]
            classes = lexicon.word_classes(token.word)
            if not token.capital and "V" in classes:
                continue  # "was due to meet Putin": a verb
            apart = reading.text[token.end:reading.words[person.first].start].strip()
            if token.word in STOPWORDS or token.word in _COURTESY or apart or \
                    not ("N" in classes or (token.capital and not classes)) or \
                    token.stem in self._name_stems(person.target):
                continue
            found.append(Unchecked(reading.span_text(index, index), token.start, token.end,
                                   "a title the person's names do not include: what the person is, is not checked"))
        return found

    def _name_stems(self, target: str) -> frozenset[str]:
        """The stems of every name of a person, among the entities or the sources."""
        ledger = self.engine.ledger
        thing = ledger.entities.get(target) or ledger.sources.get(target)
        names = [thing.name, *thing.aliases] if thing is not None else []
        return frozenset(w.stem for name in names for w in tokens(normalise(name)))

    def _durations(self, reading: Reading, chosen: list[Candidate]) -> list[Candidate]:
        """"was mayor for eight years", "has been mayor for six years": how long a state lasted
        is checked, when one fact of it gives its start, as an end that many years after that
        start, or (in the present perfect) a start that many years before today, give or take a
        year (eleven and a half years is "eleven" or "twelve", not "ten")."""
        made = []
        for candidate in chosen:
            lasted = self._lasted_from(reading, candidate)
            if lasted is not None:
                made.append(lasted)
                continue
            duration = _years_for(reading, candidate)
            if duration is None:
                continue
            years, words = duration
            assertion = candidate.assertion
            relation = self.engine.ledger.relations[assertion.relation]
            facts = [f for f in self.engine.facts_with(assertion.relation)
                     if is_about(f, assertion, relation) and not f.negated and f.start is not None]
            if len(facts) != 1:
                continue
            start = facts[0].start
            assert start is not None
            if _perfect(reading, candidate.relation) and reading.today is not None:
                since = reading.today  # it began that many years before today, give or take one
                timing = {"change": "start", "after": _years_from(since, -years - 1),
                          "before": _years_from(since, -years + 1)}
            else:  # it ended that many years after its start, give or take one
                timing = {"change": "end", "after": _years_from(start.first, years - 1),
                          "before": _years_from(start.first, years + 1)}
            made.append(dataclasses.replace(candidate, covers=candidate.covers | words,
                                            assertion=dataclasses.replace(assertion, **timing)))  # type: ignore[arg-type]
        return chosen + made

    def _lasted_from(self, reading: Reading, candidate: Candidate) -> Candidate | None:
        """"was mayor for eight years from 2012", "ran the buses for seven months from March
        2011": a state's start read from "from", and how long it lasted, which says it ended that
        long after the start as written, give or take one of its units. Checked only where the
        one fact of it gives an end; else the duration stays not checked (so is the present
        perfect's, "has run ... for seven years from 2019"). The same from an end read from
        "until" ("ran the buses for sixteen years until 2020"): it began that long before, checked
        where the one fact of it gives a start."""
        found = _span_after(reading, candidate)
        if found is None:
            return None
        count, unit, words = found
        assertion = candidate.assertion
        relation = self.engine.ledger.relations[assertion.relation]
        held = dataclasses.replace(assertion, change=None, date=None)
        facts = [f for f in self.engine.facts_with(assertion.relation) if is_about(f, held, relation) and not f.negated]
        said = assertion.date
        assert said is not None
        if len(facts) != 1:
            return None
        if assertion.change == "end":  # "for sixteen years until 2020": it began that long before
            if facts[0].start is None:
                return None
            other = dataclasses.replace(assertion, change="start", date=None,
                                        after=_shifted(said.first, unit, -count - 1),
                                        before=_shifted(said.last, unit, -count + 1))
        elif facts[0].end is None or _perfect(reading, candidate.relation):
            return None
        else:
            other = dataclasses.replace(assertion, change="end", date=None,
                                        after=_shifted(said.first, unit, count - 1),
                                        before=_shifted(said.last, unit, count + 1))
        return dataclasses.replace(candidate, assertion=other, covers=candidate.covers | words)

    def _remnants(self, reading: Reading, chosen: list[Candidate]) -> list[Candidate]:
        """The readings of parts that repeat a verb with another party, date or a denial (see
        coordination.py): "China, not Borduria, was ...", "neither Ashby nor Brenmoor is ...",
        "joined the Pact in 1961 and the League in 1975". Each is judged like any reading; one
        whose earlier reading or party cannot be told stays unread, so unchecked."""
        chosen = list(chosen)
        for first, second, words in neither_nor(reading):
            both = _words(first) | _words(second)
            index = next((i for i, c in enumerate(chosen) if c.covers & both), None)
            if index is None:
                continue
            base = chosen[index]
            named, other = (first, second) if base.covers & _words(first) else (second, first)
            chosen[index] = denied = dataclasses.replace(
                base, assertion=dataclasses.replace(base.assertion, negated=not base.assertion.negated),
                covers=base.covers | words)
            made = self._repeat(denied, Remnant(min(words), other, named, None, False, words | _words(other)))
            if made is not None:
                chosen.append(made)
        for remnant in contrasts(reading) + gapped(reading) + echoes(reading):
            if any(c.covers & remnant.covers for c in chosen):
                continue
            earlier: Candidate | None
            if remnant.replaces is not None:  # "Marrow, not Ferro, is mayor": Ferro's term has ended
                covering = [c for c in chosen if remnant.replaces.first in c.covers]
                earlier = next((c for c in covering if c.assertion.change == "end" and c.assertion.negated),
                               covering[0] if covering else None)
            else:
                earlier = max((c for c in chosen if c.relation.last < remnant.anchor and c.assertion.role == "core"),
                           key=lambda c: c.relation.first, default=None)
            made = self._repeat(earlier, remnant, reading.today) if earlier is not None else None
            if made is not None:
                chosen.append(made)
        return chosen

    def _repeat(self, base: Candidate, remnant: Remnant, today: dt.date | None = None) -> Candidate | None:
        """`base` said again with the remnant's party, date and denial; None when which party it
        stands for cannot be told (of a verb with two parties, the one of the same kind). A state
        said to hold still, denied of another party, does not hold for it today ("Marrow, not
        Ferro, is mayor")."""
        assertion = base.assertion
        covers = set(base.covers)
        changes: dict[str, object] = {"negated": assertion.negated != remnant.negated}
        if remnant.negated and assertion.change == "end" and assertion.negated and today is not None:
            changes = {"negated": True, "change": None, "date": PartialDate.from_date(today)}
        if remnant.party is not None:
            slot = self._slot(assertion, remnant.party.target, remnant.replaces)
            if slot is None:
                return None
            if slot == "object":
                changes["object"] = remnant.party.target
            else:
                changes["subject"] = frozenset({remnant.party.target})
            if remnant.replaces is not None:
                covers -= _words(remnant.replaces)
        if remnant.date is not None:
            if assertion.after or assertion.before:
                return None
            part = remnant.date.part
            if part is not None:  # "and again a week later": within days, some surely meant
                changes.update(date=None, after=part.after, before=part.before, surely=part.surely)
            else:
                changes["date"] = remnant.date.date
            state = self.engine.ledger.relations[assertion.relation].kind == "state" and assertion.change is None
            mention = remnant.date
            if mention.side is not None and mention.bound is None and mention.anchor is not None:
                changes.update(sided(mention.date, mention.side, mention.anchor, state))  # "and again later that year"
            if base.date is not None:
                covers -= set(range(base.date.first, base.date.last + 1))
        covers |= remnant.covers
        return dataclasses.replace(base, assertion=dataclasses.replace(assertion, **changes),  # type: ignore[arg-type]
                                   covers=frozenset(covers), date=remnant.date or base.date)

    def _slot(self, assertion: Assertion, party: str, replaces: Mention | None) -> str | None:
        """Which party of `assertion` another party stands for: the one it replaces, else the
        only one, else the one of the same kind (the ledger's entity kinds)."""
        if replaces is not None:
            if assertion.object == replaces.target:
                return "object"
            return "subject" if assertion.subject == {replaces.target} else None
        if assertion.object is None:
            return "subject" if len(assertion.subject) == 1 else None
        entities = self.engine.ledger.entities
        kind = entities[party].kind if party in entities else ""
        matches = [slot for slot, target in (("subject", next(iter(assertion.subject))), ("object", assertion.object))
                   if len(assertion.subject) == 1 and target in entities and entities[target].kind == kind]
        return matches[0] if kind and len(matches) == 1 else None

    def _attach_modifiers(self, reading: Reading, chosen: list[Candidate]) -> list[Candidate]:
        """A name that only modifies a checked party ("Ruritania's army", "the strike in
        Valdora") is checked with it when the ledger connects the two: the party's own name
        contains it, or a supporting fact's statement writes it the same way (then it joins the
        words that reading covers); or a fact relates the two (then that fact is a checked
        detail of the sentence). Otherwise it stays a party not checked."""
        chosen = list(chosen)
        for modifier, head in modifier_pairs(reading.text, reading.words, reading.entities, reading.relations):
            words = frozenset(range(modifier.first, modifier.last + 1))
            if any(c.covers & words for c in chosen):
                continue
            owner = next((i for i, c in enumerate(chosen) if head.first in c.covers), None)
            if owner is None or (modifier.target != head.target and self._people(modifier.target, head.target)):
                continue  # "Russian President Erdogan": a title of another person (see _titles_of_others)
            candidate = chosen[owner]
            if self.vocabulary.part_of_name(modifier.target, head.target) or any(
                    self._writes(fact, modifier.target, head.target) for fact in self._supporting(candidate)):
                chosen[owner] = dataclasses.replace(candidate, covers=candidate.covers | words)
                continue
            fact = self._connecting_fact(modifier.target, head.target)
            if fact is not None:
                detail = Assertion(fact.subject, fact.relation, Location("<text>"), object=fact.object, role="detail")
                chosen.append(Candidate(detail, Mention(fact.relation, modifier.first, modifier.last),
                                        words | frozenset(range(head.first, head.last + 1))))
        return chosen

    def _with_named_events(self, reading: Reading, chosen: list[Candidate]) -> list[Candidate]:
        """The readings with the modifiers they connect, and the named events a link in time pairs
        with them (see links.named_events), each with its own modifiers ("in Turkey")."""
        events = named_events(reading, chosen, self._dated_event, self.vocabulary.part_of_name)
        if events:
            with_events = self._attach_modifiers(reading, chosen + events)
            paired = {link.linked for link in time_links(reading, with_events)}
            if all(with_events.index(event) in paired for event in events):
                return with_events
        return self._attach_modifiers(reading, chosen)

    def _dated_event(self, entity: str) -> Fact | None:
        """The one fact that dates a named event: the entity is of `kind: event` and the lone
        party of exactly one fact, a dated one-off event of no object ("the coup attempt" took
        place on 15 July 2016). The index of lone facts is built on first use."""
        if self._lone_facts is None:
            counts: dict[str, list[Fact]] = {}
            for each in self.engine.ledger.facts.values():
                for party in {*each.subject, *((each.object,) if each.object else ())}:
                    counts.setdefault(party, []).append(each)
            self._lone_facts = {party: facts[0] for party, facts in counts.items() if len(facts) == 1}
        fact = self._lone_facts.get(entity)
        ledger = self.engine.ledger
        if fact is None or entity not in ledger.entities or ledger.entities[entity].kind != "event":
            return None
        relation = ledger.relations[fact.relation]
        one_off = relation.kind == "event" and not relation.repeatable
        return fact if one_off and fact.date and fact.object is None and not fact.negated else None

    def _supporting(self, candidate: Candidate) -> list[Fact]:
        return [e.fact for e in self.engine.check_assertion(candidate.assertion).evidence
                if e.outcome in (Outcome.SUPPORTED, Outcome.APPROXIMATE)]

    def _writes(self, fact: Fact, modifier: str, head: str) -> bool:
        """Whether the fact's statement writes `modifier` as a modifier of `head`."""
        text = normalise(fact.statement)
        words = tokens(text)
        entities, _ = self.vocabulary.entity_mentions(words, text=text)
        return adjacent(words, entities, modifier, head)

    def _connecting_fact(self, first: str, second: str) -> Fact | None:
        """A fact (not a negated one) with both entities among its parties; the index of them
        is built on first use."""
        if self._connections is None:
            self._connections = {}
            for fact in self.engine.ledger.facts.values():
                parties = sorted({*fact.subject, *((fact.object,) if fact.object else ())})
                if not fact.negated:
                    for i, a in enumerate(parties):
                        for b in parties[i + 1:]:
                            self._connections.setdefault((a, b), fact)
        return self._connections.get((min(first, second), max(first, second)))

    def _carried(self, chosen: list[Candidate]) -> tuple[Statement, ...]:
        """The statements of the facts that support the chosen readings: a place or detail they
        name in the same words, or a party they name by any of its names, after the same
        preposition, is checked with them ("met Putin in St Petersburg" where the fact says "met
        in St Petersburg")."""
        found: list[Statement] = []
        for candidate in chosen:
            for evidence in self.engine.check_assertion(candidate.assertion).evidence:
                if evidence.outcome in (Outcome.SUPPORTED, Outcome.APPROXIMATE):
                    found.append(self._statement(evidence.fact))
        return tuple(dict.fromkeys(found))

    def _statement(self, fact: Fact) -> Statement:
        """A fact's statement, with the parties it names, also those named inside a longer name
        ("the Kestrel Valley Transit Authority" in "chief executive of the Kestrel Valley ...")."""
        if fact.id not in self._statements:
            words = tokens(normalise(fact.statement))
            named = self.vocabulary.entity_mentions(words)[0]
            currencies = [m for m in named if names_a_currency(words, m)]
            named = [m for m in named if m not in currencies]
            inner = [dataclasses.replace(m, first=m.first + outer.first + 1, last=m.last + outer.first + 1)
                     for outer in named if outer.last > outer.first
                     for m in self.vocabulary.entity_mentions(words[outer.first + 1: outer.last + 1])[0]]
            for currency in currencies:  # "2.5 billion US dollars" says nothing of the US
                for index in range(currency.first, currency.last + 1):
                    words[index] = dataclasses.replace(words[index], stem=currency_stem(words[index].stem))
            self._statements[fact.id] = Statement.of(words, [*named, *inner])
        return self._statements[fact.id]

    def verify(self, text: str, today: dt.date, unsupported_by_body: str | None = None,
               observe: Callable[[Reading], None] | None = None) -> Verification:
        """The matching ledger claim's verdict, else a verdict on what the sentence asserts;
        `unsupported_by_body` for a headline its article does not support (see Engine.verify);
        `observe` sees the reading of each piece the sentence is read in. A match never hides a
        contradiction: a claim the desk found true when it was made may be false said today
        ("Mayor Dana Ferro" in 2015, "Dana Ferro is mayor" now), so where the sentence's own
        reading is false, that is its verdict; a question or a prediction is not made true by a
        claim of another kind; and a sentence whose own reading puts the claim's parties in other
        roles is no match."""
        text = normalise(text).strip()
        if len(pieces(text)) == 1:  # a ledger claim is one sentence of ordinary length
            reading = self.reading(text, today)
            found = self.match(reading)
            if found:
                if observe is not None:
                    observe(reading)
                claim, score = found
                own = self.engine.verify(self.claim(text, today), unsupported_by_body)
                if self._other_roles(own.claim, claim, reading):
                    return own
                matched = dataclasses.replace(self.engine.verify(claim, unsupported_by_body), match_score=score)
                if matched.verdict in (Verdict.TRUE, Verdict.MOSTLY_TRUE) and (
                        own.verdict == Verdict.FALSE or own.claim.kind in _UNASSERTED - {claim.kind}):
                    return own
                return matched
        return self.engine.verify(self.claim(text, today, observe), unsupported_by_body)


    def _other_roles(self, sentence: Claim, claim: Claim, reading: Reading) -> bool:
        """Whether the sentence's own reading puts the claim's parties in other roles: another
        doer of the same deed ("Russia bought the S-400 from Turkey" is not "Turkey bought the
        S-400 from Moscow", though the words are alike), or doer and done-to swapped ("Russia was
        attacked by Turkey"), unless the relation goes both ways. Where the sentence's own
        reading has none of the claim's relations, its parties must stand in the claim's order
        ("NATO is a key Turkey member")."""
        relations = self.engine.ledger.relations
        said_relations = {a.relation for a in sentence.assertions}
        if any(meant.relation not in said_relations for meant in claim.assertions) and \
                _party_order(reading, verbs=False) != _party_order(read(claim.text, self.vocabulary), verbs=False):
            return True
        for said in sentence.assertions:
            for meant in claim.assertions:
                if said.relation != meant.relation:
                    continue
                if said.object is not None and said.object == meant.object and said.subject and \
                        not said.subject & meant.subject:
                    return True
                if not relations[said.relation].symmetric and (
                        (meant.object is not None and meant.object in said.subject)
                        or (said.object is not None and said.object in meant.subject)):
                    return True
        return False


_COURTESY = frozenset({"mr", "mrs", "ms", "mx", "miss"})
"""Courtesy titles before a name, which say nothing a fact could check."""
_UNASSERTED = frozenset({"question", "prediction"})
"""Kinds of sentence that assert nothing now: a claim stated as a fact that they match does not
make them true ("Is Turkey a member of NATO?")."""
_YEAR_WORDS = frozenset({"year", "years"})


def _years_for(reading: Reading, candidate: Candidate) -> tuple[int, frozenset[int]] | None:
    """"for eight years" after a state's words, in its clause, and the words that say it; None
    where the state is dated, bounded, started or ended, or denied."""
    assertion = candidate.assertion
    if assertion.date or assertion.after or assertion.before or assertion.change or assertion.negated \
            or reading.kinds.get(assertion.relation) != "state" or assertion.role != "core":
        return None
    words = reading.words
    for number in reading.number_mentions:
        first = number_start(reading, number)
        if first - 1 > candidate.relation.last and words[first - 1].word == "for" \
                and number.index + 1 < len(words) and words[number.index + 1].word in _YEAR_WORDS \
                and number.value == int(number.value) and first - 1 - candidate.relation.last <= 8:
            return int(number.value), frozenset(range(first - 1, number.index + 2))
    return None


_RELATIVE_COPULAS = frozenset({"is", "was", "are", "were", "has", "have", "had", "been", "remains", "remained"})
"""A copula after "who" or "which" that opens an aside: "who has been mayor since 2020"."""
_AS_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
_HOLDING_VERBS = frozenset({"serve", "sit", "hold", "lead", "run", "head", "chair", "govern", "manage"})
"""Verbs that, done to a party "as" its office, say no more than that the office was held."""
_SPAN_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month"}


def _span_after(reading: Reading, candidate: Candidate) -> tuple[int, str, frozenset[int]] | None:
    """"for eight years" (or months) in the clause of a state whose start "from" gives, with no
    end of its own, or whose end "until" gives, with no start of its own: the count, its unit and
    the words that say it; None otherwise."""
    assertion, when = candidate.assertion, candidate.date
    if assertion.date is None or assertion.negated or when is None \
            or reading.kinds.get(assertion.relation) != "state" or assertion.role != "core":
        return None
    if not (assertion.change == "start" and when.bound == "from" and range_end(reading, when) is None) and \
            not (assertion.change == "end" and when.bound == "until" and range_start(reading, when) is when):
        return None
    words = reading.words
    for number in reading.number_mentions:
        first = number_start(reading, number)
        unit = _SPAN_UNITS.get(words[number.index + 1].word) if number.index + 1 < len(words) else None
        if unit is not None and first - 1 > candidate.relation.last and words[first - 1].word == "for" \
                and number.value == int(number.value) and number.value > 0 \
                and first - 1 - candidate.relation.last <= 8 and abs(when.first - number.index) <= 4:
            return int(number.value), unit, frozenset(range(first - 1, number.index + 2))
    return None


def _shifted(day: dt.date, unit: str, count: int) -> PartialDate:
    """The day `count` years or months from `day` (the month's last day where it has fewer)."""
    if unit == "year":
        return _years_from(day, count)
    months = day.year * 12 + day.month - 1 + count
    year, month = divmod(months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return PartialDate.from_date(dt.date(year, month + 1, min(day.day, last_day)))


def _years_from(day: dt.date, years: int) -> PartialDate:
    """The day that many years from `day` (28 February for a 29th in another year)."""
    try:
        return PartialDate.from_date(day.replace(year=day.year + years))
    except ValueError:
        return PartialDate.from_date(day.replace(year=day.year + years, day=28))


_PERFECT = frozenset({"has", "have"})


def _perfect(reading: Reading, relation: Mention) -> bool:
    """"has been mayor", "have run", "has been a Pact member" (past the name before the noun): the
    present perfect, which says the state holds still."""
    return any(w.word in _PERFECT for w in reading.words[max(0, relation.first - 3):relation.last + 1]) or \
        governing(reading, relation, _PERFECT) is not None


def _office_opening(reading: Reading, first: int, last: int) -> Mention | None:
    """The name an aside opens with, past an article and a possessor ("the authority's chief
    executive": the chief executive), within its first five words."""
    words = reading.words
    index = first
    while index <= min(last, first + 4):
        mention = next((m for m in reading.entities if m.first == index and m.last <= last), None)
        if mention is not None and not (mention.last + 1 <= last and words[mention.last + 1].word == "s"):
            return mention
        if mention is not None:
            index = mention.last + 2
        elif words[index].word in ("the", "a", "an"):
            index += 1
        else:
            return None
    return None


def _owned_as_said(reading: Reading, candidate: Candidate) -> bool:
    """A relation noun is its possessor's, as subject or object ("Finland's accession", "NATO's
    members"), and asserts nothing when another verb governs it ("applied for membership", "the
    extension was shelved"), it only describes a noun ("a founding member") or a verb before it
    starts or ends it ("ended its mission": the verb's statement); see nominal.py."""
    relation = candidate.relation
    if (nominal.governed(reading, relation) and post_phrase(reading, relation) is None) or \
            nominal.subject_of_another_verb(reading, relation) or \
            nominal.object_of_another_verb(reading, relation) or \
            nominal.attributive(reading, relation) or nominal.changed_by(reading, relation) is not None:
        return False
    owner = nominal.possessor(reading, relation)
    return owner is None or owner in candidate.assertion.subject or owner == candidate.assertion.object


def _scale_of(word: str) -> str | None:
    """"million" of "million" and "millions"; None of any other word."""
    return word.rstrip("s") if word in SCALES else None


def _with_changed_noun(reading: Reading, candidate: Candidate) -> Candidate:
    """A verb that starts or ends a noun of its relation ("ended its mission in") covers it."""
    nouns = [m for m in reading.relations if nominal.changed_by(reading, m) == candidate.relation]
    if not nouns:
        return candidate
    return dataclasses.replace(candidate, covers=candidate.covers.union(*(_words(m) for m in nouns)))


def _words(mention: Mention) -> frozenset[int]:
    return frozenset(range(mention.first, mention.last + 1))


def _covered_text(reading: Reading, candidate: Candidate) -> str:
    return reading.span_text(min(candidate.covers), max(candidate.covers))


def _same_claim(a: Candidate, b: Candidate) -> bool:
    """Two readings of one verb phrase: the first, most likely, is kept."""
    x, y = a.assertion, b.assertion
    return (a.relation == b.relation and x.relation == y.relation and x.change == y.change
            and x.negated == y.negated and (x.object == y.object or x.subject == y.subject))


@dataclass(frozen=True)
class _Gist:
    """What a sentence says, for telling whether two say the same."""

    parties: frozenset[str]
    relations: frozenset[str]
    dates: frozenset[PartialDate]
    numbers: frozenset[float]
    negated: bool
    words: frozenset[str]  # every other word's stem, glue aside

    @property
    def key(self) -> tuple:
        """All of it but the words: what two sentences saying the same thing share exactly."""
        return self.parties, self.relations, self.dates, self.numbers, self.negated

    @property
    def filing(self) -> int:
        """The digest of its dates and negation, which the claim index files claims under: a
        claim's is had without reading it (see index.py)."""
        return filing_key(self.dates, self.negated)


def _gist(reading: Reading) -> _Gist:
    named = {i for m in (*reading.entities, *reading.relations) for i in range(m.first, m.last + 1)}
    named |= {i for d in reading.date_mentions for i in range(d.first, d.last + 1)}
    named |= {i for n in reading.number_mentions for i, w in enumerate(reading.words)
              if n.start <= w.start and w.end <= n.end}  # "twenty-one" is one number, as "21" is
    words = frozenset(w.stem for i, w in enumerate(reading.words)
                      if i not in named and w.word not in STOPWORDS and not w.word.isdigit())
    return _Gist(frozenset(m.target for m in reading.entities), frozenset(m.target for m in reading.relations),
                 frozenset(reading.dates), frozenset(reading.numbers), reading.any_negation, words)


def _same_gist(sentence: _Gist, claim: _Gist) -> bool:
    """The same parties, verbs, dates, numbers and negation; no word the claim does not have."""
    return sentence.key == claim.key and sentence.words <= claim.words


_POSSESSIVE_SAMPLES = 5
"""How many of a relation's facts with a possessive in their statement are read to learn its role."""

_READERS: weakref.WeakKeyDictionary[Engine, Reader] = weakref.WeakKeyDictionary()


def reader_for(engine: Engine) -> Reader:
    """One reader per engine: the vocabulary and claim index are built on first use."""
    if engine not in _READERS:
        _READERS[engine] = Reader(engine)
    return _READERS[engine]


def same_claim(sentence: Reading, other: Reading) -> bool:
    """Whether a sentence says the same claim as another text whose words are alike, by the rule
    `Reader.match` applies to ledger claims: another date, number or negation is another claim.
    For claims kept outside the ledger, such as imported reviews, whose roles are not known: the
    parties and verbs must stand in the same order ("the Pact signed Ruritania" is not
    "Ruritania signed the Pact")."""
    return _same_gist(_gist(sentence), _gist(other)) and _party_order(sentence) == _party_order(other)


def _party_order(reading: Reading, verbs: bool = True) -> list[str]:
    """The parties, and relation words unless `verbs` is false, in the order they first stand."""
    marks = sorted([(m.first, "@" + m.target) for m in reading.entities]
                   + [(m.first, "^" + m.target) for m in (reading.relations if verbs else ())])
    return list(dict.fromkeys(mark for _, mark in marks))


def text_engine(root: Path) -> Engine:
    """An engine for free text on the ledger folder `root`: its sources and facts, its claims
    left in their files and found through the claim index (see index.py), so that only those a
    sentence matches are read. When the index shows something that loading the claims would
    report, the whole ledger is loaded (which reports it)."""
    from ..ledger import load, load_or_raise
    from .index import cached_vocabulary, reading_key

    loaded = load(root, claims=False)
    if not any(p.severity == "error" for p in loaded.problems):
        engine = Engine(loaded.ledger)
        common = reading_key(engine.ledger)
        reader = Reader(engine, cached_vocabulary(engine.ledger, common))
        index = ClaimIndex.of_files(loaded.unread)
        if index.fits(engine.ledger):
            reader.index = index
            _READERS[engine] = reader
            return engine
    return Engine(load_or_raise(root))


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


def scan_text(engine: Engine, text: str, today: dt.date, progress: Progress | None = None) -> list[ScanItem]:
    """Check every check-worthy statement of an article, and its headline against its body;
    `progress` (a bar on a terminal) counts the sentences."""
    from .scan import scan

    return scan(reader_for(engine), text, today, progress)

