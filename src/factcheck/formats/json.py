"""JSON: the records as they are; stable keys, documented in the README."""

from __future__ import annotations

import functools
import json
import re

from .interface import Renderer, View
from .safe import json_escape, json_text


class JsonRenderer(Renderer):
    def render(self, view: View) -> None:
        self.out.write(self._text(json.dumps(view.records, indent=2, ensure_ascii=False)) + "\n")

    def stream(self, view: View) -> None:
        """The same text as `render` of the whole list, written as the records come, a batch
        at a time (escaping and writing each record alone cost a third of encoding it)."""
        opening, batch = "[", []
        for record in view.records:
            batch.append(f"{opening}\n  " + json.dumps(record, indent=2, ensure_ascii=False).replace("\n", "\n  "))
            opening = ","
            if len(batch) == STREAM_BATCH:
                self.out.write(self._text("".join(batch)))
                batch.clear()
        self.out.write(self._text("".join(batch)) + ("[]\n" if opening == "[" else "\n]\n"))

    def _text(self, encoded: str) -> str:
        text = json_text(encoded)
        if not self._unicode:  # `PYTHONIOENCODING=ascii`, `LC_ALL=C`: still valid JSON, all escapes
            text = re.sub(r"[^\x00-\x7f]", lambda m: json_escape(m.group()), text)
        return text

    @functools.cached_property
    def _unicode(self) -> bool:
        encoding = (getattr(self.out, "encoding", None) or "utf-8").lower().replace("_", "-")
        return encoding.startswith(("utf-8", "utf8", "utf-16", "utf-32"))


STREAM_BATCH = 200
"""Records escaped and written at once by `stream`: enough to make each call count, few enough
that memory holds next to nothing."""

