"""Tables as text: laid out to the terminal's (or `--width`'s) columns, or whole on one line
per row for pipes and files; coloured by verdict and severity when colour is on."""

from __future__ import annotations

from typing import TextIO

from .interface import Block, BlockRenderer, Fields, Table
from .layout import StyledLine, field_lines, table_lines
from .safe import cell

STYLES = {
    "true": "1;32", "mostly-true": "32", "misleading": "33", "unproven": "36", "false": "1;31",
    "supported": "32", "approximate": "32", "contradicted": "31", "unverified": "36",
    "error": "31", "warning": "33", "header": "1",
}
"""SGR codes (bold, green...) for the words that carry a judgement, and for headers."""


class PlainRenderer(BlockRenderer):
    def __init__(self, out: TextIO, width: int | None = None, color: bool = False) -> None:
        super().__init__(out)
        self.width = width
        self.color = color

    def draw(self, blocks: list[Block]) -> None:
        styles = {word: word for word in STYLES}
        previous: Block | None = None
        for block in blocks:
            if isinstance(block, Fields):
                pairs = Fields([(key, cell(value)) for key, value in block.pairs])
                self._write(field_lines(pairs, self.width, styles))
            elif isinstance(block, Table):
                if not block.rows:
                    continue
                if previous is not None:
                    self.out.write("\n")
                if block.title:
                    self._write([[(block.title, "header")]])
                safe = Table(block.title, block.headers, [[cell(v) for v in row] for row in block.rows],
                             block.wide, block.shrink)
                self._write(table_lines(safe, self.width, styles))
            elif block.text:
                if isinstance(previous, Table):
                    self.out.write("\n")
                self._write([[(cell(block.text), block.style)]])
            previous = block

    def _write(self, lines: list[StyledLine]) -> None:
        for line in lines:
            if self.color:
                self.out.write("".join(f"\x1b[{STYLES[s]}m{t}\x1b[0m" if s in STYLES and t.strip() else t
                                       for t, s in line) + "\n")
            else:
                self.out.write("".join(t for t, _ in line) + "\n")
