"""`check`: everything wrong with a ledger, in one run.

Loading already reports YAML hazards, schema errors and broken references; the checks here add
what needs the engine (rulings that drift from the computed verdict) and hygiene (stale facts,
grades without a rationale). Each is registered under its codes; codes, severities and docs
are in `rules.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from .diagnostics import Location, Problem
from .ledger import collector_paused
from .ledger.parts import LedgerParts
from .rules import RULES
from .verdict import Verification

DEFAULT_MAX_AGE_DAYS = 730


@dataclass(frozen=True)
class CheckOptions:
    today: dt.date
    """The day staleness is measured from: the caller's clock, never read here."""
    max_age_days: int = DEFAULT_MAX_AGE_DAYS
    """Facts with an `as_of` older than this many days are stale."""


class ClaimFindings(NamedTuple):
    """What the checks need to know of one claim's verification: small and independent of the
    day, so it is cached with the claim's verdict (see results.py)."""

    claim_id: str
    location: Location
    drift: Problem | None
    """The computed verdict differs from the ruling."""
    rests_on: tuple[str, ...]
    """The facts that decided its assertions, by id, sorted."""


def claim_findings(verification: Verification) -> ClaimFindings:
    claim, drift = verification.claim, None
    if verification.drift:
        decided = verification.deciding_fact
        by = f"; deciding fact: {decided.id}" if decided else ""
        drift = Problem(claim.loc("ruling"), "drift",
                        f"claim '{claim.id}': computed verdict is {verification.verdict} but the ruling says "
                        f"{claim.ruling} ({verification.reason}{by})")
    used = {e.fact.id for r in verification.results for e in r.evidence if e.outcome == r.outcome}
    return ClaimFindings(claim.id, claim.location, drift, tuple(sorted(used)))


class ClaimProblems(NamedTuple):
    """What the claims' findings show, each list in ledger order."""

    drift: list[Problem]
    stale_evidence: list[Problem]


class Context:
    """What the checks share: the ledger, the options, and the work done once for all of them
    (the stale facts, the problems every claim's findings show)."""

    def __init__(self, parts: LedgerParts, options: CheckOptions, advance: Callable[[int], None] | None) -> None:
        self.parts = parts
        self.ledger = parts.world
        """The sources and facts (claims are read a file at a time: see `claim_problems`)."""
        self.options = options
        self.advance = advance
        # --max-age beyond the calendar's start: nothing is that old (and no date arithmetic overflows)
        days = min(options.max_age_days, options.today.toordinal() - 1)
        cutoff = options.today - dt.timedelta(days=days)
        self.stale = {fact.id: fact for fact in self.ledger.facts.values() if fact.as_of and fact.as_of.last < cutoff}

    @cached_property
    def claim_problems(self) -> ClaimProblems:
        """One pass over every claim's findings, keeping only the problems: the findings come a
        claims file at a time and are let go (a million claims' findings took 550 MB)."""
        from .results import findings

        found = ClaimProblems([], [])
        stale = self.stale
        with collector_paused():  # the problems are kept to the end: nothing to collect
            for index, claim in enumerate(findings(self.parts), 1):
                if claim.drift:
                    found.drift.append(claim.drift)
                for fact_id in claim.rests_on if stale else ():
                    if fact_id in stale:
                        message = f"claim '{claim.claim_id}' rests on stale fact '{fact_id}'"
                        found.stale_evidence.append(Problem(claim.location, "stale-evidence", message))
                if self.advance and index % 500 == 0:
                    self.advance(500)
        return found


Check = Callable[[Context], Iterable[Problem]]
CHECKS: list[Check] = []
"""The checks run on a loaded ledger, in order: each reports the codes it is registered under."""


def check(*codes: str) -> Callable[[Check], Check]:
    """Register a check under the codes (rules.py) it reports."""
    for code in codes:
        if code not in RULES:
            raise KeyError(f"no rule {code!r} in rules.py")

    def register(function: Check) -> Check:
        function.codes = codes  # type: ignore[attr-defined]
        CHECKS.append(function)
        return function

    return register


def run_checks(parts: LedgerParts, options: CheckOptions,
               advance: Callable[[int], None] | None = None) -> list[Problem]:
    """Every problem of the ledger, sorted by location. `advance(n)` reports progress by claims."""
    problems = list(parts.problems)
    if not parts.fatal:
        context = Context(parts, options, advance)
        for run in CHECKS:
            problems.extend(run(context))
    return sorted(problems, key=Problem.sort_key)


@check("stale-fact")
def _stale_facts(context: Context) -> Iterator[Problem]:
    for fact in context.stale.values():
        yield Problem(fact.loc("as_of"), "stale-fact", f"fact '{fact.id}' was last checked {fact.as_of}, over "
                                                       f"{context.options.max_age_days} days ago")


@check("no-as-of")
def _facts_without_as_of(context: Context) -> Iterator[Problem]:
    for fact in context.ledger.facts.values():
        if fact.start is not None and fact.end is None and not fact.date and fact.as_of is None:
            yield Problem(fact.location, "no-as-of", f"fact '{fact.id}' holds with no end but has no as_of date")


@check("no-rationale")
def _grades_without_rationale(context: Context) -> Iterator[Problem]:
    for source in context.ledger.sources.values():
        if not source.rationale:
            yield Problem(source.location, "no-rationale",
                          f"source '{source.id}' has no rationale for its grade {source.reliability}")


@check("drift")
def _drift(context: Context) -> Iterator[Problem]:
    yield from context.claim_problems.drift


@check("stale-evidence")
def _stale_evidence(context: Context) -> Iterator[Problem]:
    yield from context.claim_problems.stale_evidence
