"""`check`: everything wrong with a ledger, in one run.

Loading already reports YAML hazards, schema errors and broken references; this adds what needs
the engine (rulings that drift from the computed verdict) and hygiene (stale facts, grades
without a rationale).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .diagnostics import Problem, Severity
from .ledger import LoadResult
from .model import Fact
from .verdict import Engine

DEFAULT_MAX_AGE_DAYS = 730


@dataclass(frozen=True)
class CheckOptions:
    today: dt.date
    """The day staleness is measured from: the caller's clock, never read here."""
    max_age_days: int = DEFAULT_MAX_AGE_DAYS
    """Facts with an `as_of` older than this many days are stale."""


def run_checks(result: LoadResult, options: CheckOptions,
               advance: Callable[[int], None] | None = None) -> list[Problem]:
    """Every problem of the ledger, sorted by location. `advance(n)` reports progress by claims."""
    problems = list(result.problems)
    if result.fatal:
        return sorted(problems, key=Problem.sort_key)
    ledger = result.ledger
    cutoff = options.today - dt.timedelta(days=options.max_age_days)
    stale = {fact.id: fact for fact in ledger.facts.values() if fact.as_of and fact.as_of.last < cutoff}
    for fact in stale.values():
        problems.append(Problem(fact.loc("as_of"), "stale-fact",
                                f"fact '{fact.id}' was last checked {fact.as_of}, over "
                                f"{options.max_age_days} days ago", Severity.WARNING))
    for fact in ledger.facts.values():
        if _can_go_stale(fact) and fact.as_of is None:
            problems.append(Problem(fact.location, "no-as-of",
                                    f"fact '{fact.id}' holds with no end but has no as_of date", Severity.WARNING))
    for source in ledger.sources.values():
        if not source.rationale:
            problems.append(Problem(source.location, "no-rationale",
                                    f"source '{source.id}' has no rationale for its grade {source.reliability}",
                                    Severity.WARNING))

    engine = Engine(ledger)
    for index, claim in enumerate(ledger.claims.values(), 1):
        verification = engine.verify(claim)
        if verification.drift:
            decided = verification.deciding_fact
            by = f"; deciding fact: {decided.id}" if decided else ""
            problems.append(Problem(
                claim.loc("ruling"), "drift",
                f"claim '{claim.id}': computed verdict is {verification.verdict} but the ruling says "
                f"{claim.ruling} ({verification.reason}{by})"))
        used = {e.fact.id for r in verification.results for e in r.evidence if e.outcome == r.outcome}
        for fact_id in sorted(used & stale.keys()):
            problems.append(Problem(claim.location, "stale-evidence",
                                    f"claim '{claim.id}' rests on stale fact '{fact_id}'", Severity.WARNING))
        if advance and index % 500 == 0:
            advance(500)
    return sorted(problems, key=Problem.sort_key)


def _can_go_stale(fact: Fact) -> bool:
    return fact.start is not None and fact.end is None and not fact.date
