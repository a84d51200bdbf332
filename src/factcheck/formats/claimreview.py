"""ClaimReview JSON-LD: a schema.org DataFeed document, or one review per line (JSON Lines)."""

from __future__ import annotations

import json
from typing import Any

from .interface import Renderer, View
from .safe import json_text


class ClaimReviewRenderer(Renderer):
    """Renders a `claimreview` view, whose record is a DataFeed built by `factcheck.claimreview.feed`."""

    def __init__(self, out: Any, lines: bool = False) -> None:
        super().__init__(out)
        self.lines = lines

    def render(self, view: View) -> None:
        document = view.records
        if not self.lines:
            self.out.write(json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n")
            return
        for element in document["dataFeedElement"]:
            for item in element["item"]:
                standalone = {"@context": document["@context"], **item}
                self.out.write(json_text(json.dumps(standalone, ensure_ascii=False)) + "\n")
