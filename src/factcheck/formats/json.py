"""JSON: the records as they are; stable keys, documented in the README."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from .interface import Renderer, View
from .safe import json_escape, json_text


class JsonRenderer(Renderer):
    def render(self, view: View) -> None:
        self.out.write(self._text(indented(view.records)) + "\n")

    def stream(self, view: View) -> None:
        """The same text as `render` of the whole list, written as the records come, a batch
        at a time (escaping and writing each record alone cost a third of encoding it)."""
        opening, batch = "[", []
        for record in view.records:
            batch.append(f"{opening}\n  " + indented(record, 1))
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


def indented(value: Any, level: int = 0) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)`, its lines indented `level` steps more:
    the same text, built around the C encoder's own (Python's indenting encoder is a fifth
    slower, and leaves a reference cycle for the collector at every call)."""
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, dict) and value:
        if not all(isinstance(key, str) for key in value):  # keys json turns into strings its own way
            return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)
        items = (f"{_ENCODE(key)}: {indented(item, level + 1)}" for key, item in value.items())
        return "{" + inner + ("," + inner).join(items) + inner[:-2] + "}"
    if isinstance(value, (list, tuple)) and value:
        return "[" + inner + ("," + inner).join(indented(item, level + 1) for item in value) + inner[:-2] + "]"
    return _ENCODE(value)


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
"""A value with nothing inside to indent, as `json.dumps` writes it."""

STREAM_BATCH = 200
"""Records escaped and written at once by `stream`: enough to make each call count, few enough
that memory holds next to nothing."""

