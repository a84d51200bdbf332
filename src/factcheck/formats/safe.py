"""Making untrusted ledger text safe to print.

Ledger text is data, never markup or terminal commands: control characters (ESC, CSI, BEL,
carriage return...) and bidirectional overrides are shown as visible escapes like `\\x1b`.
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_UNSAFE_IN_BLOCK = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")  # keeps tab and newline


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def cell(text: object) -> str:
    """One line of text for a table cell or a single-line message: newlines become spaces."""
    value = "" if text is None else str(text)
    return _UNSAFE.sub(_escape, value.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def block(text: object) -> str:
    """Text that may span lines, with everything else unsafe escaped."""
    return _UNSAFE_IN_BLOCK.sub(_escape, "" if text is None else str(text))


def json_text(encoded: str) -> str:
    """JSON as `json.dumps(ensure_ascii=False)` writes it, with C1 controls and bidi escaped too.

    Those characters only ever stand inside JSON strings, where `\\uXXXX` is a valid escape.
    """
    return re.sub(f"[\x7f-\x9f{_BIDI}]", lambda m: f"\\u{ord(m.group()):04x}", encoded)


def shorten(text: str, width: int) -> str:
    """Cut to `width` characters, marking the cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
