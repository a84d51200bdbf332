"""JSON: the records as they are; stable keys, documented in the README."""

from __future__ import annotations

import json
import re

from .interface import Renderer, View
from .safe import json_escape, json_text


class JsonRenderer(Renderer):
    def render(self, view: View) -> None:
        self.out.write(self._text(json.dumps(view.records, indent=2, ensure_ascii=False)) + "\n")

    def stream(self, view: View) -> None:
        """The same text as `render` of the whole list, written one record at a time."""
        opening = "["
        for record in view.records:
            item = json.dumps(record, indent=2, ensure_ascii=False).replace("\n", "\n  ")
            self.out.write(f"{opening}\n  {self._text(item)}")
            opening = ","
        self.out.write("[]\n" if opening == "[" else "\n]\n")

    def _text(self, encoded: str) -> str:
        text = json_text(encoded)
        if not _unicode(self.out):  # `PYTHONIOENCODING=ascii`, `LC_ALL=C`: still valid JSON, all escapes
            text = re.sub(r"[^\x00-\x7f]", lambda m: json_escape(m.group()), text)
        return text


def _unicode(out: object) -> bool:
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding.startswith(("utf-8", "utf8", "utf-16", "utf-32"))
