"""JSON: the records as they are; stable keys, documented in the README."""

from __future__ import annotations

import json

from .interface import Renderer, View
from .safe import json_text


class JsonRenderer(Renderer):
    def render(self, view: View) -> None:
        self.out.write(json_text(json.dumps(view.records, indent=2, ensure_ascii=False)) + "\n")
