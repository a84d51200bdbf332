"""The verdict engine: assertions against facts, provenance chains, verdicts and ratings.

The rules are written for people in the README ("How verdicts are computed"); this module is their one
implementation. Nothing here knows about a particular claim or topic.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple
from urllib.parse import urlsplit

from .model import Assertion, Claim, Fact, Ledger, PartialDate, Relation, Source, TimeLink, Verdict


class Outcome(str, enum.Enum):
    SUPPORTED = "supported"
    APPROXIMATE = "approximate"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"
    NOT_JUDGED = "not judged"


_PREFERENCE = (Outcome.SUPPORTED, Outcome.APPROXIMATE, Outcome.CONTRADICTED)
"""When several facts are about one assertion, the first outcome in this order wins: one
occasion that happened as said supports a statement, whatever other occasions there were."""
_NEGATED_PREFERENCE = (Outcome.CONTRADICTED, Outcome.SUPPORTED, Outcome.APPROXIMATE)
"""A statement that something did not happen is refuted by one occasion that did, within its
time ("Putin never visited Ankara"), whatever other facts agree with it for other times."""


@dataclass(frozen=True)
class Evidence:
    """One fact's bearing on one assertion, and what differs."""

    fact: Fact
    outcome: Outcome
    detail: str


@dataclass(frozen=True)
class AssertionResult:
    assertion: Assertion
    outcome: Outcome
    reason: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def deciding(self) -> Evidence | None:
        """The fact that decided the outcome, if one did."""
        return next((e for e in self.evidence if e.outcome == self.outcome), None)


@dataclass(frozen=True)
class LinkResult:
    """A link in time between two assertions of free text, judged from the facts' dates."""

    link: TimeLink
    outcome: Outcome
    reason: str


@dataclass(frozen=True)
class Link:
    """One source in a claim's provenance chain."""

    source: Source
    role: str  # outlet | via | attributed
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verification:
    """Everything `verify` shows about one claim."""

    claim: Claim
    verdict: Verdict
    reason: str
    letter: str
    digit: int
    results: tuple[AssertionResult, ...]
    chain: tuple[Link, ...]
    flags: tuple[str, ...] = field(default=())
    match_score: float | None = None
    """For free text matched to a ledger claim: how closely they agree, 0-100."""
    links: tuple[LinkResult, ...] = ()

    @property
    def rating(self) -> str:
        return f"{self.letter}{self.digit}"

    @property
    def drift(self) -> bool:
        return self.claim.ruling is not None and self.claim.ruling != self.verdict

    @property
    def deciding_fact(self) -> Fact | None:
        """The fact behind the verdict: the first contradicting, else the first supporting one."""
        for wanted in (Outcome.CONTRADICTED, Outcome.APPROXIMATE, Outcome.SUPPORTED):
            for result in self.results:
                if result.outcome == wanted and result.deciding:
                    return result.deciding.fact
        return None


class Engine:
    """Verifies claims against one ledger; indexes the facts once."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        # Indexes, so one assertion costs the same in a ledger of any size: facts by relation, by
        # (relation, object), by (relation, subject) and by (relation, any party), each in ledger order.
        self._by_relation: dict[str, list[Fact]] = {}
        self._by_object: dict[tuple[str, str | None], list[Fact]] = {}
        self._by_subject: dict[tuple[str, frozenset[str]], list[Fact]] = {}
        self._by_party: dict[tuple[str, str], list[Fact]] = {}
        self._order: dict[str, int] = {}
        for index, fact in enumerate(ledger.facts.values()):
            relation = fact.relation
            self._order[fact.id] = index
            self._by_relation.setdefault(relation, []).append(fact)
            self._by_object.setdefault((relation, fact.object), []).append(fact)
            self._by_subject.setdefault((relation, fact.subject), []).append(fact)
            for party in fact.subject | {fact.object} if fact.object else fact.subject:
                self._by_party.setdefault((relation, party), []).append(fact)
        self._state_media_by_id: dict[str, bool] = {}
        self._implied_by: dict[str, list[str]] = {}
        for declared in ledger.relations.values():
            for weaker in declared.implies:
                self._implied_by.setdefault(weaker, []).append(declared.id)
        self._bodies: dict[str, list[Assertion]] = {}  # article -> what its body claims assert
        self._read_bodies(ledger.claims.values())

    def _read_bodies(self, claims: Iterable[Claim]) -> None:
        for claim in claims:
            if claim.article and claim.kind != "headline":
                self._bodies.setdefault(claim.article, []).extend(claim.assertions)

    def with_claims(self, claims: dict[str, Claim]) -> Engine:
        """An engine for this one's ledger with these claims instead: the facts' indexes are
        shared, not built again (a ledger's claims can then be verified a part at a time)."""
        engine = copy.copy(self)
        engine.ledger = replace(self.ledger, claims=claims)
        engine._bodies = {}
        engine._read_bodies(claims.values())
        return engine

    def add_claims(self, claims: Iterable[Claim]) -> None:
        """Claims read after the engine was built (free text reads only the ledger claims it
        matches, and a headline's article body with it); those it has are left as they are."""
        for claim in claims:
            if claim.id not in self.ledger.claims:
                self.ledger.claims[claim.id] = claim
                self._read_bodies((claim,))

    # assertions ------------------------------------------------------------------------------

    def check_assertion(self, assertion: Assertion, claim_date: PartialDate | None = None,
                        judged: bool = True) -> AssertionResult:
        """Compare one assertion with every fact about it (rules, section 1)."""
        if not judged and assertion.role == "core":
            return AssertionResult(assertion, Outcome.NOT_JUDGED, "an opinion, prediction or question: not judged")
        relation = self.ledger.relations[assertion.relation]
        evidence: list[Evidence] = []
        for fact, implied in self._facts_about(assertion, relation):
            outcome, detail = _compare(assertion, fact, self.ledger.relations[fact.relation], claim_date)
            if outcome is None:
                continue
            if outcome in (Outcome.SUPPORTED, Outcome.APPROXIMATE) and (implied or assertion.loose):
                outcome = Outcome.APPROXIMATE
                detail += "; the fact is stronger than the claim's words" if implied else "; loosely worded"
            evidence.append(Evidence(fact, outcome, detail))
        evidence.extend(self._exclusive_conflicts(assertion, relation, claim_date))
        for wanted in _NEGATED_PREFERENCE if assertion.negated else _PREFERENCE:
            for item in evidence:
                if item.outcome == wanted:
                    return AssertionResult(assertion, wanted, item.detail, tuple(evidence))
        reason = "no reference fact is about this" if not evidence else evidence[0].detail
        return AssertionResult(assertion, Outcome.UNVERIFIED, reason, tuple(evidence))

    def _occasions(self, assertion: Assertion, dated: list[Period]) -> list[Period]:
        """Every time the statement can have happened: the facts' dates; for a relation that
        repeats, which the facts may not record every time of, the time the sentence gives it,
        and none when it gives none."""
        if not self.ledger.relations[assertion.relation].repeatable:
            return dated
        return [Period(assertion.date.first, assertion.date.last)] if assertion.date else []

    def facts_with(self, relation_id: str) -> list[Fact]:
        """Every fact of one relation."""
        return self._by_relation.get(relation_id, [])

    def _facts_about(self, assertion: Assertion, relation: Relation) -> Iterable[tuple[Fact, bool]]:
        for relation_id, implied in ((relation.id, False), *((r, True) for r in self._implied_by.get(relation.id, ()))):
            if relation.symmetric and assertion.object:  # the object may stand on either side
                candidates = self._by_party.get((relation_id, assertion.object), ())
            else:
                candidates = self._by_object.get((relation_id, assertion.object), ())
            for fact in candidates:
                if is_about(fact, assertion, relation):
                    yield fact, implied

    def _exclusive_conflicts(self, assertion: Assertion, relation: Relation,
                             claim_date: PartialDate | None) -> list[Evidence]:
        """Facts that rule an assertion out because the relation admits one party at a time; of a
        denial ("Borduria was not its largest partner"), they bear it out."""
        if not (relation.one_per_subject or relation.one_per_object):
            return []
        still = assertion.change == "end" and assertion.negated and assertion.date is None and assertion.before is None
        if assertion.change and not still:  # (not ended before a date says nothing of today)
            return []
        when = assertion.date or claim_date
        found = []
        candidates = [*(self._by_subject.get((relation.id, assertion.subject), ()) if relation.one_per_subject else ()),
                      *(self._by_object.get((relation.id, assertion.object), ()) if relation.one_per_object else ())]
        if relation.one_per_subject and relation.one_per_object:
            candidates = sorted({f.id: f for f in candidates}.values(), key=lambda f: self._order[f.id])
        for fact in candidates:
            if fact.negated:
                continue
            same_subject = fact.subject == assertion.subject and fact.object != assertion.object
            same_object = fact.object == assertion.object and fact.subject != assertion.subject
            if not ((relation.one_per_subject and same_subject) or (relation.one_per_object and same_object)):
                continue
            if still:  # "X still holds it" against another holder whose term has not ended
                if fact.date is not None or fact.end is not None:
                    continue
            elif (when is None and _span(fact) is not None) or (when is not None and not _overlaps(fact, when)):
                continue  # another holder for a while says nothing of a time not given ("X was mayor")
            other = fact.object if same_subject else " and ".join(sorted(fact.subject))
            denied = assertion.negated and not still
            found.append(Evidence(fact, Outcome.SUPPORTED if denied else Outcome.CONTRADICTED,
                                  f"{self.ledger.name_of(other or '')} holds that place" + _when_text(fact)))
        return found

    # claims ----------------------------------------------------------------------------------

    def verify(self, claim: Claim, unsupported_by_body: str | None = None) -> Verification:
        """The claim's verdict and rating (rules, sections 2 and 3). `unsupported_by_body`, for
        a headline scanned with its article: what its body does not say (the headline rule)."""
        results = tuple(self.check_assertion(a, claim.date, claim.judged) for a in claim.assertions)
        links = tuple(self.check_link(link, results) for link in claim.links) if claim.judged else ()
        headline_gap = self._headline_gap(claim)
        if headline_gap is None and unsupported_by_body and claim.kind != "question":
            headline_gap = f"its own article does not support: {unsupported_by_body}"
        verdict, reason = _verdict(claim, results, headline_gap, links)
        chain, flags = self.provenance(claim)
        return Verification(claim, verdict, reason, _chain_letter(chain), _digit(verdict, results),
                            results, chain, flags, links=links)

    def check_link(self, link: TimeLink, results: tuple[AssertionResult, ...]) -> LinkResult:
        """The order in time that `link` states between two assertions, from the dates of the facts
        that support each (README, "Free text"). "A after B" holds when some fact of A is dated
        wholly after some fact of B; it is contradicted when every time A can have happened is
        wholly before every time B can have happened (for a relation that repeats, the time the
        sentence gives it: another occasion, which no fact records, could stand in the stated
        order). A cause ("because", "in the wake of") is contradicted the same way, and is at
        best unverified: the dates show which came first, not that one caused the other. "A when
        B" holds when A's date lies within the period of a state B (or B's within A's) or both
        are the same day; two other dates that overlap are only approximately at one time; every
        time A can have happened wholly outside the periods of a state B is contradicted.
        Anything else is unverified: the order is then not checked."""
        main, linked = results[link.main], results[link.linked]
        if link.order == "before":
            main, linked = linked, main
        supported = (Outcome.SUPPORTED, Outcome.APPROXIMATE)
        if main.outcome not in supported or linked.outcome not in supported or \
                main.assertion.negated or linked.assertion.negated:
            return LinkResult(link, Outcome.UNVERIFIED, f"'{link.text}': the order in time of statements "
                                                        "the facts do not both bear out is not checked")
        spans = [[_period(r.assertion, e.fact, link.order == "when", self.ledger.relations[e.fact.relation])
                  for e in r.evidence if e.outcome in supported] for r in (main, linked)]
        firsts, seconds = ([s for s in side if s is not None] for side in spans)
        if not firsts or not seconds:
            return LinkResult(link, Outcome.UNVERIFIED, f"'{link.text}': the facts give no date to set the "
                                                        "statements in order")
        bounds = [self._occasions(r.assertion, side) for r, side in ((main, firsts), (linked, seconds))]
        if link.order == "when":
            return _at_one_time(link, firsts, seconds, bounds)
        if link.order == "same" and link.interval is not None:
            return _same_unit(link, link.interval[1], firsts, seconds, bounds)
        if all(bounds) and all(a.last < b.first for a in bounds[0] for b in bounds[1]):
            return LinkResult(link, Outcome.CONTRADICTED, f"'{link.text}': the facts date them the other way "
                                                          "round")
        if link.interval is not None:
            return _apart_by(link, link.interval, firsts, seconds, bounds)
        if any(a.first > b.last or link.cause and a.first >= b.first for a in firsts for b in seconds):
            if link.cause:
                return LinkResult(link, Outcome.UNVERIFIED, f"'{link.text}': the facts date the cause first, "
                                                            "but a cause is not checked")
            return LinkResult(link, Outcome.SUPPORTED, f"'{link.text}': the facts date them in that order")
        return LinkResult(link, Outcome.UNVERIFIED, f"'{link.text}': the facts' dates do not tell their order")

    def verify_all(self) -> list[Verification]:
        return [self.verify(claim) for claim in self.ledger.claims.values()]

    def _headline_gap(self, claim: Claim) -> str | None:
        """For a headline: the first core assertion its article body does not make."""
        if claim.kind != "headline" or claim.article not in self._bodies:
            return None
        made = self._bodies[claim.article]
        for assertion in claim.assertions:
            if assertion.role != "core":
                continue
            relation = self.ledger.relations[assertion.relation]
            if not any(_says_same(assertion, other, relation) for other in made):
                return (f"its article body never says that {self.describe(assertion)}")
        return None

    def provenance(self, claim: Claim) -> tuple[tuple[Link, ...], tuple[str, ...]]:
        """The chain outlet -> intermediaries -> speakers, and what is notable about it."""
        sources = self.ledger.sources
        roles = [*(((claim.source, "outlet"),) if claim.source else ()), *((s, "via") for s in claim.via),
                 *((s, "attributed") for s in claim.attributed_to)]
        ids = [s for s, _ in roles]
        links, flags = [], []
        for source_id, role in roles:
            source = sources[source_id]
            notes = []
            if self._state_media(source):
                notes.append("state media")
            reposted = [sources[r].name for r in source.republishes if r in ids]
            if reposted:
                notes.append("republishes " + ", ".join(reposted))
            links.append(Link(source, role, tuple(notes)))
        if any(link.notes and link.notes[0] == "state media" for link in links):
            flags.append("state media")
        if any(n.startswith("republishes") for link in links for n in link.notes):
            flags.append("republished")
        if claim.anonymous:
            flags.append("anonymous report")
        return tuple(links), tuple(flags)

    def _state_media(self, source: Source) -> bool:
        """Whether a source is state media, worked out once per source rather than per claim."""
        known = self._state_media_by_id.get(source.id)
        if known is None:
            known = self._state_media_by_id[source.id] = source.is_state_media
        return known

    def describe(self, assertion: Assertion) -> str:
        """An assertion in words, for explanations."""
        name = self.ledger.name_of
        parts = [" and ".join(name(s) for s in sorted(assertion.subject))]
        if assertion.negated:
            parts.append("not")
        parts.append(assertion.relation + (f" ({assertion.change})" if assertion.change else ""))
        if assertion.object:
            parts.append(name(assertion.object))
        if assertion.value is not None:
            parts.append(f"= {_number(assertion.value)}")
        if assertion.date:
            parts.append(f"{'on' if assertion.date.day else 'in'} {assertion.date}")
        if assertion.after:
            parts.append(f"after {assertion.after}")
        if assertion.before:
            parts.append(f"before {assertion.before}")
        return " ".join(parts)


# comparing one assertion with one fact -------------------------------------------------------

def is_about(fact: Fact, assertion: Assertion, relation: Relation) -> bool:
    """The fact speaks of the assertion's parties: the same object, and the assertion's subject
    is the fact's or part of its joint subject ("Russia signed" of "Russia and Turkey signed")."""
    if fact.object == assertion.object and assertion.subject <= fact.subject:
        return True
    if relation.symmetric and fact.object and assertion.object:
        return assertion.subject | {assertion.object} <= fact.subject | {fact.object}
    return False


def _same_parties(a: Assertion | Fact, b: Assertion | Fact, relation: Relation) -> bool:
    """Same subject and object; either way round for a symmetric relation."""
    if a.subject == b.subject and a.object == b.object:
        return True
    if relation.symmetric and a.object and b.object:
        return a.subject | {a.object} == b.subject | {b.object}
    return False


def _says_same(a: Assertion, b: Assertion, relation: Relation) -> bool:
    return (a.relation == b.relation and a.negated == b.negated and a.change == b.change
            and _same_parties(a, b, relation))


def _compare(assertion: Assertion, fact: Fact, relation: Relation,
             claim_date: PartialDate | None) -> tuple[Outcome | None, str]:
    """How one fact bears on one assertion; (None, "") when it is silent."""
    if fact.negated:
        return _compare_negated_fact(assertion, fact, claim_date)
    if relation.kind == "state" and not assertion.change:
        outcome, detail = _compare_state(assertion, fact, claim_date)
    else:
        outcome, detail = _compare_event(assertion, fact, relation)
    if outcome in (Outcome.SUPPORTED, Outcome.APPROXIMATE) and assertion.value is not None:
        outcome, detail = _compare_value(assertion, fact, outcome, detail)
    if assertion.negated and outcome is not None:
        if outcome in (Outcome.SUPPORTED, Outcome.APPROXIMATE):
            if assertion.change == "end":  # "still holds", "has run it since": it ended
                return Outcome.CONTRADICTED, f"it has ended: it ended {fact.end}"
            return Outcome.CONTRADICTED, "it did happen: " + detail
        if outcome == Outcome.CONTRADICTED and not relation.repeatable:
            return Outcome.SUPPORTED, detail
        if outcome == Outcome.UNVERIFIED:  # "is still Russia's largest partner" of a snapshot: not known
            return outcome, detail
        return None, ""
    return outcome, detail


def _compare_negated_fact(assertion: Assertion, fact: Fact,
                          claim_date: PartialDate | None) -> tuple[Outcome | None, str]:
    """A fact that something did not happen or hold, within its period (or ever, without one)."""
    when = assertion.date or (None if assertion.change else claim_date)
    span = _span(fact)
    if when is not None and span is not None and not _span_overlaps(span, when):
        return None, ""
    if span is not None and (assertion.after or assertion.before) and not _covers_bounds(span, assertion):
        return None, ""  # "visited before 2017", "after 2023": a year it did not happen in, 2024, is not all of it
    period = f" ({_span_text(span)})" if span else ""
    if assertion.negated:
        return Outcome.SUPPORTED, f"the facts agree it did not happen{period}"
    return Outcome.CONTRADICTED, f"it did not happen{period}"


_CHANGED = {"start": "began", "end": "ended"}


def _compare_event(assertion: Assertion, fact: Fact, relation: Relation) -> tuple[Outcome | None, str]:
    """An event, a value, or a state's start or end, against its date."""
    if assertion.change is not None and relation.kind == "state" and fact.date is not None and \
            fact.start is None and fact.end is None:  # a snapshot: when it began or ended is not said
        return Outcome.UNVERIFIED, f"the facts know this only at {fact.date}, not when it {_CHANGED[assertion.change]}"
    if assertion.change == "start":
        happened = fact.start
    elif assertion.change == "end":
        happened = fact.end
        if happened is None:
            as_of = f" as of {fact.as_of}" if fact.as_of else ""
            if assertion.date and fact.as_of and assertion.date.first > fact.as_of.last:
                return Outcome.UNVERIFIED, f"no end known; the fact was last checked {fact.as_of}"
            return Outcome.CONTRADICTED, f"it has not ended: it still held{as_of} (since {fact.start or '?'})"
    else:
        happened = fact.date
        if relation.kind == "value" and happened is not None and _over_a_period(assertion, happened):
            return None, ""  # "carried 21 million passengers between 2019 and 2023": a total, not 2023's
    outcome, detail = _compare_moment(assertion, happened, relation)
    surely = assertion.surely
    if outcome in (Outcome.SUPPORTED, Outcome.APPROXIMATE) and surely is not None and happened is not None and \
            not (surely[0] <= happened.first and happened.last <= surely[1]):
        return Outcome.UNVERIFIED, f"it happened {happened}, which the words may or may not take in"
    return outcome, detail


def _over_a_period(assertion: Assertion, happened: PartialDate) -> bool:
    """A value asserted between two bounds that take in more than the fact's date: a figure over
    the whole period, which the figure of one date does not speak to."""
    if assertion.date is not None or assertion.after is None or assertion.before is None:
        return False
    return assertion.after.last < _day_before(happened.first) or _day_after(happened.last) < assertion.before.first


def _day_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1)


def _day_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=1)


def _compare_moment(assertion: Assertion, happened: PartialDate | None,
                    relation: Relation) -> tuple[Outcome | None, str]:
    """When an event (or a state's start or end) happened, against the assertion's date and bounds."""
    for bound, ok, word in ((assertion.after, lambda d, b: d.first > b.last, "after"),
                            (assertion.before, lambda d, b: d.last < b.first, "before")):
        if bound is None:
            continue
        if happened is None:
            return Outcome.APPROXIMATE, f"the fact gives no date to confirm '{word} {bound}'"
        if not ok(happened, bound):
            if relation.repeatable and assertion.change is None:
                return None, ""  # another occasion may be meant: the fact is silent on it
            return Outcome.CONTRADICTED, f"it happened {happened}, not {word} {bound}"
    if assertion.date is None:
        return Outcome.SUPPORTED, f"it happened{' ' + str(happened) if happened else ''}"
    if happened is None:
        return Outcome.APPROXIMATE, "the fact gives no date to confirm " + str(assertion.date)
    if assertion.date.contains(happened):
        return Outcome.SUPPORTED, f"it happened {happened}, within {assertion.date}"
    if happened.contains(assertion.date):
        return Outcome.APPROXIMATE, f"the facts know the date only as {happened}, not to the {assertion.date.precision}"
    if (relation.repeatable or relation.kind == "value") and assertion.change is None:
        return None, ""  # another occasion, or a number at another time: the fact is silent on it
    return Outcome.CONTRADICTED, f"date differs: {happened}, not {assertion.date}"


def _compare_state(assertion: Assertion, fact: Fact,
                   claim_date: PartialDate | None) -> tuple[Outcome | None, str]:
    """A state said to hold at the asserted date (default: when the claim appeared), or at some
    time before or after a date ("was minister before 2012")."""
    period = _span_text(_span(fact))
    start, end = fact.start or fact.date, fact.end or fact.date
    if assertion.before is not None or assertion.after is not None:
        return _compare_state_bounds(assertion, fact, start, end, period)
    when = assertion.date or claim_date
    if when is None:
        return Outcome.SUPPORTED, f"it held {period}"
    if fact.date and not when.overlaps(fact.date):  # a snapshot says nothing about other times
        return Outcome.UNVERIFIED, f"the facts know this only {period}"
    if start and when.last < start.first:
        return Outcome.CONTRADICTED, f"not yet at {when}: it held only {period}"
    if end and when.first > end.last:
        return Outcome.CONTRADICTED, f"no longer at {when}: it held {period}"
    if end is None and fact.as_of and when.first > fact.as_of.last:
        return Outcome.UNVERIFIED, f"the fact was last checked {fact.as_of}, before {when}"
    if (start and when.first < start.first) or (end and when.last > end.last):
        return Outcome.SUPPORTED, f"it held during {when} (from part of it): {period}"
    return Outcome.SUPPORTED, f"it held at {when}: {period}"


def _compare_state_bounds(assertion: Assertion, fact: Fact, start: PartialDate | None, end: PartialDate | None,
                          period: str) -> tuple[Outcome | None, str]:
    """A state said to hold at some time before a date (it began before it) or after one (it
    had not ended by then)."""
    if assertion.before is not None:
        bound = assertion.before
        if start is None:
            return Outcome.APPROXIMATE, f"the fact gives no start to confirm 'before {bound}'"
        if start.first >= bound.first:
            return Outcome.CONTRADICTED, f"not before {bound}: it held only {period}"
    if assertion.after is not None:
        bound = assertion.after
        if end is not None and end.last <= bound.last:
            return Outcome.CONTRADICTED, f"not after {bound}: it held {period}"
        if end is None and fact.as_of and fact.as_of.last <= bound.last:
            return Outcome.UNVERIFIED, f"the fact was last checked {fact.as_of}, not after {bound}"
    return Outcome.SUPPORTED, f"it held {period}"


def _compare_value(assertion: Assertion, fact: Fact, outcome: Outcome, detail: str) -> tuple[Outcome, str]:
    claimed = assertion.value
    if fact.value is None or claimed is None:
        return Outcome.APPROXIMATE, detail + "; the fact gives no number to compare"
    unit = f" {fact.unit}" if fact.unit else ""
    actual, sense = fact.value, assertion.amount.sense if assertion.amount else "about"
    low = assertion.amount.low if assertion.amount else None
    if sense == "range" and low is not None:
        if low <= actual <= claimed:
            return outcome, f"{_number(actual)}{unit}: between {_number(low)} and {_number(claimed)}"
        return Outcome.CONTRADICTED, f"number differs: {_number(actual)}{unit}, not between {_number(low)} and " \
            f"{_number(claimed)}"
    if sense in _BOUNDS:
        words, holds = _BOUNDS[sense]
        if holds(actual, claimed):
            return outcome, f"{_number(actual)}{unit}: {words} {_number(claimed)}"
        return Outcome.CONTRADICTED, f"number differs: {_number(actual)}{unit}, not {words} {_number(claimed)}"
    if claimed == actual:
        return outcome, f"{_number(actual)}{unit}, as claimed"
    if sense == "exact":  # "68 members": right only to the digits either figure is written to
        # rounded to its last digit, but never further off than the fact's tolerance ("1,000" of 1,400)
        margin = min(assertion.amount.margin if assertion.amount else 0.0, abs(actual) * fact.tolerance)
        if abs(claimed - actual) <= margin or round(claimed, _decimals(actual)) == actual:
            return Outcome.APPROXIMATE, f"{_number(actual)}{unit}, written {_number(claimed)}"
        return Outcome.CONTRADICTED, f"number differs: {_number(actual)}{unit}, not {_number(claimed)}"
    side_ok = {"almost": actual <= claimed, "just-over": actual >= claimed}.get(sense, True)
    allowed = abs(actual) * fact.tolerance
    if side_ok and abs(claimed - actual) <= allowed:
        return Outcome.APPROXIMATE, f"{_number(actual)}{unit}, not {_number(claimed)}: close"
    if side_ok and assertion.amount is not None and abs(claimed - actual) <= HEDGED_ZONE * allowed:
        return Outcome.UNVERIFIED, (f"{_number(actual)}{unit}, not {_number(claimed)}: how far off a hedged figure "
                                    "may be is not said, and this is neither close nor far")
    return Outcome.CONTRADICTED, f"number differs: {_number(actual)}{unit}, not {_number(claimed)}"


HEDGED_ZONE = 2.0
"""A figure of free text given loosely ("about 45", "nearly 45") is approximately right within the
fact's tolerance, wrong beyond this many times it, and neither in between (unverified): "about 45
trams" of 38 is 18% off, "about 50" 32%."""


def _decimals(value: float) -> int:
    """Digits after the point a figure is given to: 21 (million) none, 74.3 one."""
    written = f"{value:.10g}"
    return len(written.split(".")[1]) if "." in written and "e" not in written else 0


_BOUNDS = {
    "over": ("more than", lambda actual, claimed: actual > claimed),
    "at-least": ("at least", lambda actual, claimed: actual >= claimed),
    "under": ("less than", lambda actual, claimed: actual < claimed),
    "at-most": ("at most", lambda actual, claimed: actual <= claimed),
}
"""A number given as a bound ("more than 70") holds when the fact's value is within it."""


# periods -------------------------------------------------------------------------------------

class Period(NamedTuple):
    """The first and last day a fact can put a statement at; for a state's whole period, `state`,
    and `open` while it had not ended when last checked (its last day is then its `as_of`)."""

    first: dt.date
    last: dt.date
    state: bool = False
    open: bool = False


def _period(assertion: Assertion, fact: Fact, spans: bool, relation: Relation) -> Period | None:
    """When a supporting fact puts the assertion: the day range of its date, or of the start or
    end the assertion states; the whole period of a state only where `spans` ("when")."""
    if fact.date is not None:
        return Period(fact.date.first, fact.date.last)
    moment = fact.start if assertion.change == "start" else fact.end if assertion.change == "end" else None
    if moment is not None:
        return Period(moment.first, moment.last)
    if not spans or assertion.change or relation.kind != "state" or fact.start is None:
        return None
    end = fact.end or fact.as_of
    return Period(fact.start.first, end.last if end else dt.date.max, True, fact.end is None)


def _same_unit(link: TimeLink, unit: str, firsts: list[Period], seconds: list[Period],
               bounds: list[list[Period]]) -> LinkResult:
    """"A the same year as B" (see Engine.check_link): it holds when the facts date both wholly
    within one year (month, day), and is false when every time each can have happened is in
    another; otherwise the dates do not tell."""
    def key(day: dt.date) -> tuple[int, ...]:
        return (day.year, day.month, day.day)[: {"year": 1, "month": 2, "day": 3}[unit]]

    if any(key(a.first) == key(a.last) == key(b.first) == key(b.last) for a in firsts for b in seconds):
        return LinkResult(link, Outcome.SUPPORTED, f"'{link.text}': the facts date both in one {unit}")
    if all(bounds) and all(key(a.last) < key(b.first) or key(b.last) < key(a.first)
                           for a in bounds[0] for b in bounds[1]):
        return LinkResult(link, Outcome.CONTRADICTED, f"'{link.text}': the facts date them in different {unit}s")
    return LinkResult(link, Outcome.UNVERIFIED, f"'{link.text}': the facts' dates do not tell if it was one {unit}")


_UNIT_DAYS = {"year": 365.2425, "month": 30.436875, "week": 7.0, "day": 1.0}


def _apart_by(link: TimeLink, interval: tuple[int, str], laters: list[Period], earliers: list[Period],
              bounds: list[list[Period]]) -> LinkResult:
    """"A two years after B" (see Engine.check_link): how long apart the facts date them, against
    the interval said. It holds when every time between them the dates allow is within a quarter
    of a unit of it, or a twentieth of it if more (21 to 27 months for "two years", 5 to 9 days for
    "a week"), and is false when every time is under six tenths of it or over half as long again
    ("a year after" of six months or of two years); otherwise the dates do not tell."""
    count, unit = interval
    days = _UNIT_DAYS[unit]
    near = max(0.25, count / 20)

    def apart(a: Period, b: Period) -> tuple[float, float]:
        return (a.first - b.last).days / days, (a.last - b.first).days / days

    if any(count - near <= low and high <= count + near
           for low, high in (apart(a, b) for a in laters for b in earliers)):
        return LinkResult(link, Outcome.SUPPORTED, f"'{link.text}': the facts date them so far apart")
    if all(bounds) and all(high < count * 0.6 or low > count * 1.5
                           for low, high in (apart(a, b) for a in bounds[0] for b in bounds[1])):
        return LinkResult(link, Outcome.CONTRADICTED, f"'{link.text}': the facts date them further or closer apart")
    return LinkResult(link, Outcome.UNVERIFIED, f"'{link.text}': the facts' dates do not tell how far apart they are")


def _at_one_time(link: TimeLink, firsts: list[Period], seconds: list[Period], bounds: list[list[Period]]) -> LinkResult:
    """"A when B" (see Engine.check_link); `bounds` are every time each can have happened."""
    def within(a: Period, b: Period) -> bool:
        return b.state and b.first <= a.first and a.last <= b.last

    def apart(a: Period, b: Period) -> bool:
        """Wholly apart, where one is a state's period (known to have ended, or `a` before it)."""
        if not (a.state or b.state):
            return False
        return a.last < b.first and not a.open or b.last < a.first and not b.open

    if any(within(a, b) or within(b, a) or a.first == a.last == b.first == b.last for a in firsts for b in seconds):
        return LinkResult(link, Outcome.SUPPORTED, f"'{link.text}': the facts date them at one time")
    if any(a.first <= b.last and b.first <= a.last for a in firsts for b in seconds):
        return LinkResult(link, Outcome.APPROXIMATE, f"'{link.text}': the facts' dates overlap, though they "
                                                     "do not show the statements at one time")
    if all(bounds) and all(apart(a, b) for a in bounds[0] for b in bounds[1]):
        return LinkResult(link, Outcome.CONTRADICTED, f"'{link.text}': the facts do not date them at one time")
    return LinkResult(link, Outcome.UNVERIFIED, f"'{link.text}': dates apart may still be one occasion; "
                                                "the link is not checked")


def _span(fact: Fact) -> tuple[PartialDate | None, PartialDate | None] | None:
    """The period a fact covers: its date, or from..until (until as_of while it still holds)."""
    if fact.date:
        return fact.date, fact.date
    if fact.start or fact.end:
        return fact.start, fact.end or fact.as_of
    return None


def _covers_bounds(span: tuple[PartialDate | None, PartialDate | None], assertion: Assertion) -> bool:
    """Whether a fact's period takes in all the time between an assertion's "after" and "before"
    (a denial of 2024 takes in "early 2024", never "before 2017")."""
    start, end = span
    day = dt.timedelta(days=1)
    return assertion.after is not None and assertion.before is not None and \
        (start is None or start.first <= assertion.after.last + day) and \
        (end is None or end.last >= assertion.before.first - day)


def _span_overlaps(span: tuple[PartialDate | None, PartialDate | None], when: PartialDate) -> bool:
    start, end = span
    return (start is None or when.last >= start.first) and (end is None or when.first <= end.last)


def _overlaps(fact: Fact, when: PartialDate) -> bool:
    span = _span(fact)
    return span is None or _span_overlaps(span, when)


def _span_text(span: tuple[PartialDate | None, PartialDate | None] | None) -> str:
    if span is None:
        return "at no stated time"
    start, end = span
    if start == end and start is not None:
        return f"in {start}"
    if end is None:
        return f"from {start}"
    return f"from {start or '?'} to {end}"


def _when_text(fact: Fact) -> str:
    span = _span(fact)
    return f" ({_span_text(span)})" if span else ""


def _number(value: float) -> str:
    return f"{value:g}"


# verdicts and ratings ------------------------------------------------------------------------

def _verdict(claim: Claim, results: tuple[AssertionResult, ...],
             headline_gap: str | None, links: tuple[LinkResult, ...] = ()) -> tuple[Verdict, str]:
    """The first rule of section 2 that applies, with the reason in words; a link in time between
    two statements of free text is a core part of it."""
    core = [r for r in results if r.assertion.role == "core"]
    side = [r for r in results if r.assertion.role != "core"]
    for r in core:
        if r.outcome == Outcome.CONTRADICTED:
            return Verdict.FALSE, f"contradicted: {r.reason}"
    for link in links:
        if link.outcome == Outcome.CONTRADICTED:
            return Verdict.FALSE, f"contradicted: {link.reason}"
    for r in side:
        if r.outcome == Outcome.CONTRADICTED:
            return Verdict.MISLEADING, f"its {r.assertion.role} is wrong: {r.reason}"
    if headline_gap:
        return Verdict.MISLEADING, f"a headline that {headline_gap}"
    if not claim.judged:
        return Verdict.UNPROVEN, f"a {claim.kind}: it cannot be true or false"
    if claim.unchecked:
        parts = "; ".join(f"'{u.text}' ({u.reason})" for u in claim.unchecked[:3])
        more = f" and {len(claim.unchecked) - 3} more" if len(claim.unchecked) > 3 else ""
        return Verdict.UNPROVEN, f"not all of it was checked: {parts}{more}"
    if not results:
        return Verdict.UNPROVEN, "it asserts nothing the ledger can check"
    for r in core:
        if r.outcome == Outcome.UNVERIFIED:
            return Verdict.UNPROVEN, r.reason
    if not core:
        return Verdict.UNPROVEN, "it has no core assertion"
    for link in links:
        if link.outcome == Outcome.UNVERIFIED:
            return Verdict.UNPROVEN, link.reason
    approximate = [r.reason for r in results if r.outcome == Outcome.APPROXIMATE] + [
        link.reason for link in links if link.outcome == Outcome.APPROXIMATE]
    if approximate:
        return Verdict.MOSTLY_TRUE, f"approximately right: {approximate[0]}"
    for r in side:
        if r.outcome == Outcome.UNVERIFIED:
            return Verdict.MOSTLY_TRUE, f"its {r.assertion.role} is unconfirmed: {r.reason}"
    return Verdict.TRUE, "every assertion is supported by the facts"


_DIGITS = {Verdict.MOSTLY_TRUE: 3, Verdict.MISLEADING: 4, Verdict.FALSE: 5, Verdict.UNPROVEN: 6}


def _digit(verdict: Verdict, results: tuple[AssertionResult, ...]) -> int:
    """Admiralty information credibility, from the verdict and how well it is confirmed."""
    if verdict != Verdict.TRUE:
        return _DIGITS[verdict]
    sites = {_site(c.url) for r in results for e in r.evidence if e.outcome == Outcome.SUPPORTED
             for c in e.fact.citations}
    return 1 if len(sites) >= 2 else 2


@functools.lru_cache(maxsize=1 << 16)
def _site(url: str) -> str:
    """The site a citation is on (many claims rest on the same citations: parsed once each)."""
    return urlsplit(url).netloc.lower().removeprefix("www.")


_KNOWN = "ABCD"


def _chain_letter(chain: tuple[Link, ...]) -> str:
    """A chain is as reliable as its weakest link (rules, section 3)."""
    grades = {link.source.reliability for link in chain}
    if not grades:  # free text: nobody to grade
        return "F"
    if "E" in grades:
        return "E"
    if "F" in grades:
        return "F"
    return max(grades, key=_KNOWN.index)
