"""Core objects as plain, JSON-ready records: the one shape every output format starts from.

The JSON output is these records as they are, so the keys here are the documented JSON keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..verdicts import VERDICTS

if TYPE_CHECKING:  # a warm `list` counts its rows' verdicts without importing the model
    from ..diagnostics import Problem
    from ..model import Citation, ExternalReview, Fact, PartialDate, Source
    from ..verdict import Engine, Verification


def _date(value: PartialDate | None) -> str | None:
    return str(value) if value else None


def citation_record(c: Citation) -> dict[str, Any]:
    return {"title": c.title, "url": c.url, "date": str(c.date), "publisher": c.publisher or None}


def claim_row(v: Verification) -> dict[str, Any]:
    """One line of `list`."""
    claim = v.claim
    outlet = v.chain[0].source if v.chain and v.chain[0].role == "outlet" else None
    return {
        "id": claim.id or None,
        "text": claim.text,
        "verdict": v.verdict,
        "rating": v.rating,
        "source": claim.source or None,
        "source_name": outlet.name if outlet else None,
        "ruling": claim.ruling,
        "reason": v.reason,
        "flags": list(v.flags),
        "date": _date(claim.date),
    }


def verification_record(v: Verification, engine: Engine) -> dict[str, Any]:
    """Everything `verify` knows about one claim."""
    claim = v.claim
    evidence = []
    assertions = []
    for result in v.results:
        described = engine.describe(result.assertion)
        assertions.append({"assertion": described, "role": result.assertion.role,
                           "outcome": result.outcome.value, "reason": result.reason})
        for item in result.evidence:
            evidence.append({
                "assertion": described,
                "fact": item.fact.id,
                "statement": item.fact.statement,
                "outcome": item.outcome.value,
                "detail": item.detail,
                "citations": [citation_record(c) for c in item.fact.citations],
            })
    record = claim_row(v)
    record.update({
        "kind": claim.kind,
        "checked": [{"text": r.assertion.text or None, "assertion": engine.describe(r.assertion),
                     "outcome": r.outcome.value} for r in v.results] + [
            {"text": link.link.text, "assertion": f"{engine.describe(claim.assertions[link.link.main])} "
             f"{link.link.order} {engine.describe(claim.assertions[link.link.linked])}",
             "outcome": link.outcome.value} for link in v.links],
        "unchecked": [{"text": u.text, "start": u.start, "end": u.end, "reason": u.reason} for u in claim.unchecked],
        "url": claim.url or None,
        "deciding_fact": v.deciding_fact.id if v.deciding_fact else None,
        "assertions": assertions,
        "evidence": evidence,
        "provenance": [{
            "id": link.source.id, "name": link.source.name, "role": link.role, "kind": link.source.kind,
            "reliability": link.source.reliability, "notes": list(link.notes),
        } for link in v.chain],
        "match_score": round(v.match_score, 1) if v.match_score is not None else None,
    })
    return record


def source_record(s: Source) -> dict[str, Any]:
    return {
        "id": s.id, "name": s.name, "kind": s.kind, "reliability": s.reliability,
        "rationale": s.rationale or None, "url": s.url or None, "country": s.country or None,
        "state_media": s.is_state_media, "aliases": list(s.aliases), "republishes": list(s.republishes),
        "provenance": [{
            "about": p.about, "value": p.value, "date": _date(p.date),
            "citation": citation_record(p.citation) if p.citation else None,
        } for p in s.provenance],
    }


def fact_record(f: Fact) -> dict[str, Any]:
    return {
        "id": f.id, "statement": f.statement, "subject": sorted(f.subject), "relation": f.relation,
        "object": f.object, "date": _date(f.date), "from": _date(f.start), "until": _date(f.end),
        "value": f.value, "unit": f.unit or None, "negated": f.negated, "as_of": _date(f.as_of),
        "note": f.note or None, "citations": [citation_record(c) for c in f.citations],
    }


def problem_record(p: Problem) -> dict[str, Any]:
    return {"file": p.location.file, "line": p.location.line, "column": p.location.column,
            "code": p.code, "severity": p.severity.value, "message": p.message}


def verdict_counts(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    counts = Counter(str(row["verdict"]) for row in rows)
    return {verdict: counts[verdict] for verdict in VERDICTS if counts[verdict]}


def summary_line(rows: list[dict[str, Any]]) -> str:
    """The last line of `list`: how many claims of each verdict its rows show."""
    counts = verdict_counts(rows)
    parts = ", ".join(f"{n} {verdict}" for verdict, n in counts.items())
    total = len(rows)
    return f"{total} claim{'s' if total != 1 else ''}" + (f": {parts}" if parts else "")


def problem_summary(problems: list[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.severity.value == "error")
    warnings = len(problems) - errors
    if not problems:
        return f"no problems in {files} file{'s' if files != 1 else ''}"
    return (f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
            f" in {files} file{'s' if files != 1 else ''}")


def scan_record(text: str, kind: str, v: Verification, engine: Engine) -> dict[str, Any]:
    """One statement of a scanned article: `kind` is headline or sentence; `claim` the ledger
    claim it matched, if any."""
    record = verification_record(v, engine)
    return {
        "text": text, "kind": kind, "verdict": v.verdict, "rating": v.rating, "reason": v.reason,
        "claim": v.claim.id or None, "match_score": record["match_score"],
        "assertions": record["assertions"], "evidence": record["evidence"],
        "checked": record["checked"], "unchecked": record["unchecked"],
    }


REVIEW_KEYS = ("publisher", "date", "rating", "verdict", "claim", "url", "title", "language", "claimant",
               "claim_date", "appearances", "rating_value", "worst_rating", "best_rating")


def review_record(review: ExternalReview | Mapping[str, Any], score: float | None = None) -> dict[str, Any]:
    """An imported review (or one about to be imported): `rating` is the publisher's own words,
    `verdict` their meaning on this ledger's scale (null when the table does not know them);
    `match_score` says how alike its claim is to the sentence it was found for."""
    from ..model import ExternalReview

    if isinstance(review, ExternalReview):
        fields = {key: getattr(review, key) for key in REVIEW_KEYS}
        fields["date"], fields["claim_date"] = _date(review.date), _date(review.claim_date)
    else:
        fields = {key: review.get(key) for key in REVIEW_KEYS}
    record = {key: (list(value) if key == "appearances" else value if value != "" else None)
              for key, value in fields.items()}
    record["appearances"] = record["appearances"] or []
    if score is not None:
        record["match_score"] = round(score, 1)
    return record


def change_record(change: Any) -> dict[str, Any]:
    """One claim of `diff`: its verdict and rating before and after, and why they changed."""
    b, a = change.before, change.after
    return {
        "id": change.claim_id,
        "text": change.text,
        "change": "added" if b is None else "removed" if a is None else "changed",
        "verdict_before": b.verdict if b else None,
        "rating_before": b.rating if b else None,
        "verdict_after": a.verdict if a else None,
        "rating_after": a.rating if a else None,
        "reason_after": a.reason if a else None,
        "causes": list(change.causes),
    }
