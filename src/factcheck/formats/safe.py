"""Making untrusted text safe to print, in every output format.

Ledger and article text is data, never markup or terminal commands. Shown as visible escapes
such as `\\x1b` or `\\u200b`:

- control characters (ESC, CSI, BEL, carriage return, C1 controls such as 0x9b...);
- invisible format characters: zero-width spaces and joiners, the soft hyphen, word joiners,
  byte-order marks, bidirectional marks, embeddings, overrides and isolates, tag characters,
  Hangul fillers, variation-free Mongolian separators;
- the line and paragraph separators U+2028 and U+2029;
- bytes that were not UTF-8 (on the command line or in a file name), as `\\x9b`.

CSV cells that a spreadsheet would run as a formula are prefixed with `'` (the OWASP rule).
"""

from __future__ import annotations

import re

_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e007f"
)
_SURROGATES = "\ud800-\udfff"  # a byte that was not UTF-8 reaches Python as U+DC80..U+DCFF
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}{_SURROGATES}]")
_UNSAFE_IN_BLOCK = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}{_SURROGATES}]")  # keeps tab, newline
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_INVISIBLE}]")
_RAW_BYTES_IN_JSON = re.compile(f"[{_SURROGATES}]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may take for the start of a formula (OWASP CSV injection)."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, carried by Python's surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def cell(text: object) -> str:
    """One line of text for a table cell or a single-line message: newlines become spaces."""
    value = "" if text is None else str(text)
    return _UNSAFE.sub(_escape, value.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def block(text: object) -> str:
    """Text that may span lines, with everything else unsafe escaped."""
    return _UNSAFE_IN_BLOCK.sub(_escape, "" if text is None else str(text))


def csv_cell(text: object) -> str:
    """A CSV cell: safe as `cell`, and never the start of a spreadsheet formula (prefixed `'`)."""
    value = "" if text is None else str(text)
    if value.startswith(FORMULA_START):
        value = "'" + value
    return cell(value)


def json_text(encoded: str) -> str:
    """JSON as `json.dumps(ensure_ascii=False)` writes it, with C1 controls, invisible characters
    and line separators escaped as `\\uXXXX` too, and undecodable bytes written as the text
    `\\x9b`: the result is always valid UTF-8.

    Those characters only ever stand inside JSON strings, where escapes are valid.
    """
    encoded = _UNSAFE_IN_JSON.sub(lambda m: json_escape(m.group()), encoded)
    return _RAW_BYTES_IN_JSON.sub(lambda m: "\\" + _escape(m), encoded)


def json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"

