"""schema.org ClaimReview: the desk's verdicts as the JSON-LD fact-checkers exchange.

`review()` builds one claim's ClaimReview (the static site embeds the same object in each claim
page); `feed()` wraps many in a `DataFeed`, the shape of the Data Commons fact-check feed.
Importing other publishers' reviews lives in `parse` (reading), `ratings` (their words to
verdicts) and `store` (the ledger's reviews.yaml).

What schema.org has no property for goes under documented `factcheck:` extension keys (see
`EXTENSION`): the Admiralty rating, the computed verdict word and the graded provenance chain.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Desk, Source
from ..verdict import Verification

SCHEMA_ORG = "https://schema.org"
EXTENSION = "https://factcheck.invalid/vocab#"
"""Where the `factcheck:` extension keys are defined (an address that names, never resolves)."""

CONTEXT: list[Any] = [SCHEMA_ORG, {"factcheck": EXTENSION}]

WORST_RATING, BEST_RATING = 1, 5
RATING_SCALE: dict[str, tuple[int, str]] = {
    "false": (1, "False"),
    "misleading": (2, "Misleading"),
    "unproven": (3, "Unproven"),
    "mostly-true": (4, "Mostly true"),
    "true": (5, "True"),
}
"""Each verdict's `ratingValue` on the 1-5 scale and its `alternateName`. `unproven` sits in the
middle: neither shown true nor shown false."""


def review_url(base_url: str, claim_id: str) -> str:
    """The review's page: the base address followed by the claim id (a `/` between them unless the
    base already ends in one, or in `=` or `#`)."""
    joiner = "" if not base_url or base_url.endswith(("/", "=", "#")) else "/"
    return f"{base_url}{joiner}{claim_id}"


def default_base_url(desk: Desk) -> str:
    return desk.review_url or desk.url


def organization(desk: Desk) -> dict[str, Any]:
    """The desk as the schema.org Organization that signs its reviews."""
    author: dict[str, Any] = {"@type": "Organization", "name": desk.name, "url": desk.url}
    if desk.logo:
        author["logo"] = {"@type": "ImageObject", "url": desk.logo}
    return author


def _party(source: Source) -> dict[str, Any]:
    party: dict[str, Any] = {"@type": "Person" if source.kind == "person" else "Organization", "name": source.name}
    if source.url:
        party["url"] = source.url
    return party


def review(verification: Verification, desk: Desk, base_url: str | None = None,
           context: bool = True) -> dict[str, Any]:
    """One claim's ClaimReview as a JSON-ready dict.

    Google's required properties (`claimReviewed`, `reviewRating.alternateName`, `url`) are always
    present; recommended ones appear when the ledger holds them (`datePublished` needs the claim's
    `reviewed` date). `context=False` leaves out `@context`, for reviews inside a feed.
    """
    claim = verification.claim
    value, words = RATING_SCALE[verification.verdict]
    result: dict[str, Any] = {"@context": CONTEXT} if context else {}
    result.update({
        "@type": "ClaimReview",
        "url": review_url(default_base_url(desk) if base_url is None else base_url, claim.id),
        "claimReviewed": claim.text,
        "author": organization(desk),
    })
    if claim.reviewed:
        result["datePublished"] = str(claim.reviewed)
    if desk.language:
        result["inLanguage"] = desk.language
    result["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": value,
        "worstRating": WORST_RATING,
        "bestRating": BEST_RATING,
        "alternateName": words,
        "ratingExplanation": verification.reason,
    }
    body = f"{words}: {verification.reason}."
    if claim.ruling_note and claim.ruling == verification.verdict:  # a note that argues another verdict is not ours
        body += f" {claim.ruling_note}"
    result["reviewBody"] = body
    result["itemReviewed"] = _claim(verification)
    citations = _citations(verification)
    if citations:
        result["citation"] = citations
    based_on = _provenance_citations(verification)
    if based_on:
        result["isBasedOn"] = based_on
    result["factcheck:verdict"] = verification.verdict
    result["factcheck:admiralty"] = verification.rating
    result["factcheck:provenance"] = [
        {"name": link.source.name, "factcheck:role": link.role, "factcheck:reliability": link.source.reliability,
         "factcheck:notes": list(link.notes)}
        for link in verification.chain]
    if verification.flags:
        result["factcheck:flags"] = list(verification.flags)
    return result


def _claim(verification: Verification) -> dict[str, Any]:
    """The Claim reviewed: who said it, when, and where it appeared and passed through."""
    claim = verification.claim
    outlets = [link.source for link in verification.chain if link.role in ("outlet", "via")]
    speakers = [link.source for link in verification.chain if link.role == "attributed"] or outlets[:1]
    item: dict[str, Any] = {"@type": "Claim"}
    if speakers:
        item["author"] = _party(speakers[0]) if len(speakers) == 1 else [_party(s) for s in speakers]
    if claim.date:
        item["datePublished"] = str(claim.date)
    appearances: list[dict[str, Any]] = []
    for index, outlet in enumerate(outlets):
        appearance: dict[str, Any] = {"@type": "CreativeWork"}
        if index == 0 and claim.url:
            appearance["url"] = claim.url
        appearance["publisher"] = _party(outlet)
        appearances.append(appearance)
    if not appearances and claim.url:
        appearances.append({"@type": "CreativeWork", "url": claim.url})
    if appearances:
        item["appearance"] = appearances
    return item


def _citations(verification: Verification) -> list[dict[str, Any]]:
    """The citations of the facts the verdict weighed, each once, in the order they were used."""
    seen: dict[str, dict[str, Any]] = {}
    for result in verification.results:
        for evidence in result.evidence:
            for citation in evidence.fact.citations:
                if citation.url not in seen:
                    work: dict[str, Any] = {"@type": "CreativeWork", "name": citation.title, "url": citation.url,
                                            "datePublished": str(citation.date)}
                    if citation.publisher:
                        work["publisher"] = {"@type": "Organization", "name": citation.publisher}
                    seen[citation.url] = work
    return list(seen.values())


def _provenance_citations(verification: Verification) -> list[dict[str, Any]]:
    """Where the grades of the chain's sources come from."""
    seen: dict[str, dict[str, Any]] = {}
    for link in verification.chain:
        for item in link.source.provenance:
            citation = item.citation
            if citation and citation.url not in seen:
                seen[citation.url] = {"@type": "CreativeWork", "name": citation.title, "url": citation.url,
                                      "datePublished": str(citation.date),
                                      "description": f"{link.source.name}: {item.about}: {item.value}"}
    return list(seen.values())


def feed(reviews: Iterable[dict[str, Any]], desk: Desk) -> dict[str, Any]:
    """Reviews built with `context=False` as one schema.org DataFeed, one DataFeedItem each."""
    return {
        "@context": CONTEXT,
        "@type": "DataFeed",
        "name": f"{desk.name} fact-checks",
        "url": desk.url,
        "author": organization(desk),
        "dataFeedElement": [{"@type": "DataFeedItem", "item": [item]} for item in reviews],
    }
