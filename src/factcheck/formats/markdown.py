"""Markdown: GitHub-flavoured tables, for reports, issues and pull requests. Text is never cut."""

from __future__ import annotations

from .interface import Block, BlockRenderer, Fields, Table
from .safe import cell


class MarkdownRenderer(BlockRenderer):
    def draw(self, blocks: list[Block]) -> None:
        previous: Block | None = None
        for block in blocks:
            if isinstance(block, Fields):
                for key, value in block.pairs:
                    self.out.write(f"- **{key}:** {escape(cell(value))}\n")
                self.out.write("\n")
            elif isinstance(block, Table):
                if not block.rows:
                    continue
                if previous is not None and not isinstance(previous, Fields):
                    self.out.write("\n")
                if block.title:
                    self.out.write(f"### {block.title}\n\n")
                self.out.write("| " + " | ".join(block.headers) + " |\n")
                self.out.write("|" + "|".join("---" for _ in block.headers) + "|\n")
                for row in block.rows:
                    self.out.write("| " + " | ".join(escape(cell(value)) for value in row) + " |\n")
            elif block.text:
                if isinstance(previous, Table):
                    self.out.write("\n")
                self.out.write(f"{cell(block.text)}\n")
            previous = block


def escape(text: str) -> str:
    """Keep ledger text from turning into markup: pipes, emphasis, links, HTML."""
    for char in "\\|*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return text
