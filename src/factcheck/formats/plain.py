"""Plain text tables (tabulate), for pipes, files and CI logs."""

from __future__ import annotations

from .interface import Block, BlockRenderer, Fields, Table
from .safe import cell


class PlainRenderer(BlockRenderer):
    tablefmt = "simple"

    def draw(self, blocks: list[Block]) -> None:
        from tabulate import tabulate  # costs ~50 ms at import: only when a table is drawn

        previous: Block | None = None
        for block in blocks:
            if isinstance(block, Fields):
                width = max(len(key) for key, _ in block.pairs)
                for key, value in block.pairs:
                    self.out.write(f"{key + ':':<{width + 1}} {self.escape(cell(value))}\n")
            elif isinstance(block, Table):
                if not block.rows:
                    continue
                if previous is not None:
                    self.out.write("\n")
                if block.title:
                    self.out.write(self.title(block.title))
                rows = [[self.escape(cell(value)) for value in row] for row in block.rows]
                self.out.write(tabulate(rows, headers=block.headers, tablefmt=self.tablefmt,
                                        disable_numparse=True) + "\n")
            elif block.text:
                gap = "\n" if isinstance(previous, Table) else ""
                self.out.write(f"{gap}{cell(block.text)}\n")
            previous = block

    def title(self, text: str) -> str:
        return f"{text}\n"

    def escape(self, text: str) -> str:
        return text
