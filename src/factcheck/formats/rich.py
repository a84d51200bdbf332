"""Tables for a terminal, drawn by rich: colour by verdict and severity, wrapped to the width."""

from __future__ import annotations

from typing import TextIO

from .interface import Block, BlockRenderer, Fields, Table
from .safe import block as safe_block
from .safe import cell

STYLES = {
    "true": "bold green", "mostly-true": "green", "misleading": "yellow", "unproven": "cyan",
    "false": "bold red", "error": "red", "warning": "yellow",
}


class RichRenderer(BlockRenderer):
    text_width = 200  # rich wraps: show the whole claim

    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        from rich.console import Console  # only terminals pay for importing rich

        # Markup, emoji codes and highlighting are off: ledger text is shown as typed.
        self.console = Console(file=out, markup=False, emoji=False, highlight=False)

    def draw(self, blocks: list[Block]) -> None:
        from rich.table import Table as RichTable
        from rich.text import Text

        for block in blocks:
            if isinstance(block, Fields):
                grid = RichTable.grid(padding=(0, 1))
                grid.add_column(style="bold", no_wrap=True)
                grid.add_column()
                for key, value in block.pairs:
                    grid.add_row(Text(key), Text(safe_block(value), style=STYLES.get(value, "")))
                self.console.print(grid)
            elif isinstance(block, Table):
                if not block.rows:
                    continue
                if block.title:
                    self.console.print()
                table = RichTable(title=block.title or None, title_justify="left", header_style="bold")
                for index, header in enumerate(block.headers):
                    table.add_column(header, overflow="fold", no_wrap=index not in block.wide,
                                     ratio=2 if index in block.wide else None)
                for row in block.rows:
                    table.add_row(*(Text(cell(value), style=STYLES.get(value, "")) for value in row))
                self.console.print(table)
            elif block.text:
                self.console.print(Text(cell(block.text), style=STYLES.get(block.style, "")))
