"""CSV: one row per record, for spreadsheets; a cell that could start a formula is prefixed with `'`."""

from __future__ import annotations

import csv
from typing import Any

from .interface import Renderer, View
from .safe import csv_cell

COLUMNS = {
    "claims": ["id", "verdict", "rating", "source", "ruling", "date", "text"],
    "verification": ["id", "verdict", "rating", "assertion", "outcome", "fact", "detail", "citations", "text",
                     "reviews"],
    "sources": ["id", "name", "kind", "reliability", "state_media", "republishes", "rationale"],
    "facts": ["id", "statement", "subject", "relation", "object", "date", "from", "until", "value", "citations"],
    "problems": ["file", "line", "column", "code", "severity", "message"],
    "scan": ["kind", "verdict", "rating", "claim", "text", "reason", "reviews"],
    "changes": ["id", "change", "verdict_before", "rating_before", "verdict_after", "rating_after", "causes", "text"],
    "reviews": ["publisher", "date", "rating", "verdict", "claim", "url", "claimant", "claim_date", "appearances"],
}


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(v["url"] if isinstance(v, dict) else str(v) for v in value)
    return str(value)


class CsvRenderer(Renderer):
    def stream(self, view: View) -> None:
        self.render(view)  # writes each row as it comes

    def render(self, view: View) -> None:
        records = view.records
        if view.kind == "verification":  # one row per piece of evidence, under the claim's columns
            claim = records
            records = [{**claim, **e} for e in claim["evidence"]] or [claim]
        elif view.kind == "changes":  # causes are phrases with spaces: one cell, "; " between them
            records = [{**change, "causes": "; ".join(change["causes"])} for change in records]
        writer = csv.writer(self.out, lineterminator="\n")
        columns = COLUMNS[view.kind]
        writer.writerow(columns)
        for record in records:
            writer.writerow([csv_cell(_value(record.get(column))) for column in columns])
