"""A static website for a ledger: an index with the verdict counts, a chart of verdicts per
source and a searchable claim table, a page of the sources and their grades, and one page per
claim with its verdict, rating, evidence, citations, provenance chain and ClaimReview JSON-LD.

Pages are rendered from Jinja2 templates with autoescaping on: ledger text is data, never
markup. Links are relative, so the site works opened from the file system and from any static
host. The search and filters of the index are a small inline script; without it every claim is
listed and every page reads the same.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import __version__
from ..claimreview import review
from ..formats.records import source_record, verification_record
from ..formats.safe import block, json_text
from ..model import VERDICTS, Desk
from ..verdict import Engine, Verification
from .chart import verdicts_per_source
from .output import SiteError, SiteFolder

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = ["Site", "SiteError", "build"]

VERDICT_LABELS = {"true": "True", "mostly-true": "Mostly true", "misleading": "Misleading",
                  "unproven": "Unproven", "false": "False"}
VERDICT_COLOURS = {"true": "#17723a", "mostly-true": "#28698a", "misleading": "#9a4c00",
                   "unproven": "#5c6670", "false": "#b3261e"}
"""Each with white text at a contrast of at least 4.5:1; the verdict is always written out too."""

RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
CREDIBILITY = {1: "confirmed by independent citations", 2: "true on one citation", 3: "mostly true",
               4: "doubtful", 5: "improbable", 6: "truth cannot be judged"}
"""The Admiralty words for the rating's letter and digit, as the README's rules define them."""

ROLES = {"outlet": "published by", "via": "passed on by", "attributed": "attributed to"}
_WEB_URL = re.compile(r"https?://[^\x00-\x20\x7f-\x9f]+", re.IGNORECASE)

OUTCOME_CLASSES = {"supported": "good", "approximate": "fair", "contradicted": "bad",
                   "unverified": "none", "not judged": "none"}


@dataclass(frozen=True)
class Site:
    """What a build wrote: the folder and its files, relative to it."""

    directory: Path
    files: list[str]
    claims: int
    signed: bool
    """Whether the claim pages carry ClaimReview JSON-LD (the ledger names a desk to sign it)."""


def build(engine: Engine, directory: Path, *, title: str | None = None, base_url: str | None = None) -> Site:
    """Write the site of every claim of the engine's ledger into `directory`.

    Each claim page embeds the claim's ClaimReview as `export claimreview` writes it (the same
    builder, the same `base_url` default), signed by the ledger's desk; a ledger without a desk
    gets pages without one. Raises SiteError, before writing anything, when the folder holds
    files this command did not write.
    """
    folder = SiteFolder(directory)
    env = _environment()
    desk = engine.ledger.desk
    verifications = engine.verify_all()
    claims = [_claim_context(v, engine, desk, base_url) for v in verifications]
    common = {"title": title or (desk.name if desk else "Fact checks"), "version": __version__,
              "desk": desk, "language": desk.language if desk and desk.language else "en"}

    folder.write("style.css", env.get_template("style.css").render(colours=VERDICT_COLOURS))
    script = _Script((files(__package__) / "templates" / "filter.js").read_text(encoding="utf-8"))
    counts = {v: sum(1 for c in claims if c["verdict"] == v) for v in VERDICTS}
    outlets = sorted({(c["source"], c["source_name"] or c["source"]) for c in claims if c["source"]},
                     key=lambda pair: pair[1].casefold())
    folder.write("index.html", env.get_template("index.html").render(
        common, root="", claims=claims, counts=counts, outlets=outlets, script=script,
        script_hash=_csp_hash(script), chart=verdicts_per_source(verifications, engine.ledger)))
    names = {ident: source.name for ident, source in engine.ledger.sources.items()}
    folder.write("sources.html", env.get_template("sources.html").render(
        common, root="", sources=_sources(engine, verifications), names=names))
    for claim in claims:
        folder.write(claim["page"], env.get_template("claim.html").render(common, root="../", claim=claim))
    return Site(directory, folder.finish(), len(claims), signed=desk is not None)


def claim_page(claim_id: str) -> str:
    """The path of a claim's page, relative to the site's root (ids are safe file names)."""
    return f"claims/{claim_id}.html"


def _sources(engine: Engine, verifications: list[Verification]) -> list[dict[str, Any]]:
    """Every source, by name, with how many claims passed through it."""
    claims: dict[str, int] = {}
    for v in verifications:
        for ident in {link.source.id for link in v.chain}:
            claims[ident] = claims.get(ident, 0) + 1
    records = [dict(source_record(s), claims=claims.get(s.id, 0)) for s in engine.ledger.sources.values()]
    return sorted(records, key=lambda r: (r["name"].casefold(), r["id"]))


def _claim_context(v: Verification, engine: Engine, desk: Desk | None, base_url: str | None) -> dict[str, Any]:
    record = verification_record(v, engine)
    claim = v.claim
    record.update({
        "review": review(v, desk, base_url) if desk else None,
        "page": claim_page(claim.id),
        "ruling_note": claim.ruling_note or None,
        "reliability_words": RELIABILITY.get(v.letter, ""),
        "credibility_words": CREDIBILITY.get(v.digit, ""),
    })
    return record


def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader(__package__, "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      finalize=_visible, keep_trailing_newline=True)
    env.filters["web_link"] = web_link
    env.filters["json_ld"] = json_ld
    env.globals.update(labels=VERDICT_LABELS, verdicts=VERDICTS, colours=VERDICT_COLOURS, roles=ROLES,
                       reliability=RELIABILITY, outcome_classes=OUTCOME_CLASSES)
    return env


class _Script(Markup):
    """Text for inside a `<script>` element, already made safe there: printed as it is."""


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def json_ld(value: Any) -> _Script:
    """JSON for a `<script type="application/ld+json">`: `<`, `>`, `&` and `'` as JSON escapes, so
    ledger text cannot close the script, and invisible characters escaped as in the JSON output.
    The data is unchanged: every JSON-LD consumer reads the exact text back."""
    text = json_text(json.dumps(value, ensure_ascii=False, indent=2))
    return _Script(re.sub("[<>&']", lambda m: _SCRIPT_ESCAPES[m.group()], text))


def _visible(value: Any) -> Any:
    """Every value a template prints: control characters, bidirectional overrides and invisible
    characters in ledger text are shown as visible escapes (as in the terminal), so they cannot
    hide or reorder text on the page."""
    if isinstance(value, _Script):
        return value
    if isinstance(value, Markup):  # already escaped (a join): the escapes stay valid HTML
        return Markup(block(value))
    if isinstance(value, str):
        return block(value)
    return "" if value is None else value


def web_link(url: str | None) -> str | None:
    """The URL when it is safe to make a link of (http or https), else None: a `javascript:`
    URL in the ledger is shown as text, never made clickable."""
    return url if url and _WEB_URL.fullmatch(url) else None


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
