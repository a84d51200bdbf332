"""JSON: the records as they are; stable keys, documented in the README."""

from __future__ import annotations

import json
import re

from .interface import Renderer, View
from .safe import json_escape, json_text


class JsonRenderer(Renderer):
    def render(self, view: View) -> None:
        text = json_text(json.dumps(view.records, indent=2, ensure_ascii=False))
        if not _unicode(self.out):  # `PYTHONIOENCODING=ascii`, `LC_ALL=C`: still valid JSON, all escapes
            text = re.sub(r"[^\x00-\x7f]", lambda m: json_escape(m.group()), text)
        self.out.write(text + "\n")


def _unicode(out: object) -> bool:
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding.startswith(("utf-8", "utf8", "utf-16", "utf-32"))
