"""Laying tables out to a width: the text columns get the room and wrap, ids and names shrink
with an ellipsis, and a table too wide for the width becomes one record block per row.

Pure text in, lines out: `StyledLine`s of (text, style) pieces, so one layout serves plain
output and colour alike. With no width (a pipe, a file), nothing is cut or wrapped.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .interface import Fields, Table

GAP = 2
"""Spaces between columns."""
INDENT = 4
"""How far a record block's text sits in from its row."""
WIDE_MIN = 30
"""The narrowest a table's one text column may get before rows become record blocks (or a third
of the width, if more)..."""
WIDE_MIN_SHARED = 20
"""...and each of several text columns (or a fifth of the width)."""
SHRINK_MIN = 16
"""The narrowest an id or a name may be cut to."""

RECORDS_IF_SHORTER = 0.8
"""Rows become record blocks when that takes at most four fifths of the table's lines."""

Piece = tuple[str, str]  # (text, style): style is a verdict, an outcome, a severity, "header" or ""
StyledLine = list[Piece]


def width_of(text: str) -> int:
    """Terminal cells: wide East Asian characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def ellipsize(text: str, width: int) -> str:
    """Cut to `width` cells, marking the cut with an ellipsis."""
    if width_of(text) <= width:
        return text
    out = ""
    for char in text:
        if width_of(out + char) > width - 1:
            break
        out += char
    return out.rstrip() + "…"


def wrap(text: str, width: int) -> list[str]:
    """Words to lines of at most `width` cells; a word longer than a line (a URL) is split.

    Linear in the text: each word's width is taken once and the line's is kept as a count."""
    width = max(width, 1)
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word in text.split():
        size = width_of(word)
        if size > width:
            if line:
                lines.append(" ".join(line))
                line, used = [], 0
            pieces = _split_word(word, width)
            lines += pieces[:-1]
            word = pieces[-1]
            size = width_of(word)
        if line and used + 1 + size > width:
            lines.append(" ".join(line))
            line, used = [], 0
        used += size + (1 if line else 0)
        line.append(word)
    if line or not lines:
        lines.append(" ".join(line))
    return lines


def _split_word(word: str, width: int) -> list[str]:
    """A word wider than `width` cells cut into pieces that fit, the last one possibly shorter."""
    pieces: list[str] = []
    start = used = 0
    for end, char in enumerate(word):
        size = width_of(char)
        if used + size > width and end > start:
            pieces.append(word[start:end])
            start, used = end, 0
        used += size
    pieces.append(word[start:])
    return pieces


def _water_fill(naturals: list[int], mins: list[int], total: int) -> list[int]:
    """Widths between each min and natural, summing to at most `total`, the widest cut first."""
    if sum(naturals) <= total:
        return list(naturals)
    cap = max(naturals)
    while cap > 0 and sum(max(m, min(n, cap)) for n, m in zip(naturals, mins, strict=True)) > total:
        cap -= 1
    return [max(m, min(n, cap)) for n, m in zip(naturals, mins, strict=True)]


@dataclass
class _Plan:
    widths: list[int]
    records: bool  # rows as record blocks: the text columns under each row


def _plan(table: Table, width: int | None) -> _Plan:
    naturals = [max([width_of(table.headers[i])] + [width_of(row[i]) for row in table.rows])
                for i in range(len(table.headers))]
    if width is None:
        return _Plan(naturals, False)
    wide = sorted(table.wide)
    shrink = sorted(table.shrink - table.wide)
    fixed = [i for i in range(len(naturals)) if i not in table.wide and i not in table.shrink]
    room = width - GAP * (len(naturals) - 1) - sum(naturals[i] for i in fixed)
    wide_floor = max(WIDE_MIN, width // 3) if len(wide) == 1 else max(WIDE_MIN_SHARED, width // 5)
    wide_mins = [min(naturals[i], wide_floor) for i in wide]
    shrink_mins = [min(naturals[i], max(SHRINK_MIN, width_of(table.headers[i]))) for i in shrink]
    shrink_naturals = [naturals[i] for i in shrink]
    wide_total = min(sum(naturals[i] for i in wide), max(sum(wide_mins), room - sum(shrink_naturals)))
    if sum(naturals) + GAP * (len(naturals) - 1) <= width:
        return _Plan(naturals, False)
    if wide and (room - wide_total < sum(shrink_mins) or wide_total < sum(wide_mins)):
        return _Plan(naturals, True)
    widths = list(naturals)
    for i, w in zip(shrink, _water_fill(shrink_naturals, shrink_mins, room - wide_total), strict=True):
        widths[i] = w
    left = room - sum(widths[i] for i in shrink)
    for i, w in zip(wide, _water_fill([naturals[i] for i in wide], wide_mins, left), strict=True):
        widths[i] = w
    return _Plan(widths, False)


def _row_lines(cells: list[str], widths: list[int], wide: set[int], styles: list[str]) -> list[StyledLine]:
    columns = [wrap(cell, widths[i]) if i in wide else [ellipsize(cell, widths[i])] for i, cell in enumerate(cells)]
    height = max(len(c) for c in columns)
    lines = []
    for n in range(height):
        line: StyledLine = []
        for i, column in enumerate(columns):
            text = column[n] if n < len(column) else ""
            if i:
                line.append((" " * GAP, ""))
            line.append((text, styles[i]))
            if i < len(columns) - 1:
                line.append((" " * (widths[i] - width_of(text)), ""))
        lines.append(_trimmed(line))
    return lines


def _trimmed(line: StyledLine) -> StyledLine:
    """No trailing spaces: they only make diffs and golden files noisy."""
    while line and not line[-1][0].strip():
        line.pop()
    if line:
        line[-1] = (line[-1][0].rstrip(), line[-1][1])
    return line


def table_lines(table: Table, width: int | None, style_of: dict[str, str]) -> list[StyledLine]:
    """The header, a rule and the rows, fitted to `width` (None: every cell whole, on one line)."""
    plan = _plan(table, width)
    if plan.records:
        return _record_lines(table, width or 0, style_of)
    columns = range(len(table.headers))
    lines = _row_lines(table.headers, plan.widths, set(), ["header"] * len(table.headers))
    lines.append([(("  ".join("-" * w for w in plan.widths)), "")])
    for row in table.rows:
        lines += _row_lines(row, plan.widths, table.wide, [style_of.get(row[i], "") for i in columns])
    if width and table.wide and plan.widths != _plan(table, None).widths:
        records = _record_lines(table, width, style_of)
        # text squeezed into a tall thin column, or words (addresses) broken across lines
        if len(records) <= RECORDS_IF_SHORTER * len(lines) or _breaks_words(table, plan.widths):
            return records
    return lines


def _breaks_words(table: Table, widths: list[int]) -> bool:
    return any(width_of(word) > widths[i] for row in table.rows for i in table.wide for word in row[i].split())


def _record_lines(table: Table, width: int, style_of: dict[str, str]) -> list[StyledLine]:
    """Each row's short columns on one line, as a table; its text columns wrapped beneath it."""
    keep = [i for i in range(len(table.headers)) if i not in table.wide]
    summary = Table("", [table.headers[i] for i in keep], [[row[i] for i in keep] for row in table.rows],
                    shrink={keep.index(i) for i in table.shrink if i in keep})
    plan = _plan(summary, width)
    wide = sorted(table.wide)
    label_width = max(width_of(table.headers[i]) for i in wide) + GAP if len(wide) > 1 else 0
    text_width = max(width - INDENT - label_width, WIDE_MIN_SHARED)
    lines = _row_lines(summary.headers, plan.widths, set(), ["header"] * len(keep))
    lines.append([("  ".join("-" * w for w in plan.widths), "")])
    for row in table.rows:
        lines += _row_lines(summary_row := [row[i] for i in keep], plan.widths, set(),
                            [style_of.get(cell, "") for cell in summary_row])
        for i in wide:
            if not row[i]:
                continue
            label = table.headers[i] if label_width else ""
            column = text_width
            if label_width and any(width_of(word) > text_width for word in row[i].split()):
                # a word (an address) that would break beside its label gets the whole line under it
                lines.append(_trimmed([(" " * INDENT, ""), (label, "header")]))
                label, column = "", max(width - INDENT, WIDE_MIN_SHARED)
            for n, text in enumerate(wrap(row[i], column)):
                lead: StyledLine = [(" " * INDENT, ""), (label, "header"),
                                    (" " * (label_width - width_of(label)), "")] if n == 0 and label \
                    else [(" " * (INDENT + (label_width if column == text_width else 0)), "")]
                lines.append(_trimmed([*lead, (text, "")]))
    return lines


def field_lines(fields: Fields, width: int | None, style_of: dict[str, str]) -> list[StyledLine]:
    """`Key:   value` pairs, values wrapped under themselves."""
    key_width = max(width_of(key) for key, _ in fields.pairs) + 2
    lines: list[StyledLine] = []
    for key, value in fields.pairs:
        parts = wrap(value, width - key_width) if width else [value]
        for n, text in enumerate(parts):
            lead: StyledLine = [(key + ":", "header"), (" " * (key_width - width_of(key) - 1), "")] if n == 0 \
                else [(" " * key_width, "")]
            lines.append(_trimmed([*lead, (text, style_of.get(value, ""))]))
    return lines
