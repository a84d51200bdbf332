"""Markdown: GitHub-flavoured tables, for reports, issues and pull requests."""

from __future__ import annotations

from .interface import Block, Fields
from .plain import PlainRenderer
from .safe import cell


class MarkdownRenderer(PlainRenderer):
    tablefmt = "github"

    def draw(self, blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, Fields):
                for key, value in block.pairs:
                    self.out.write(f"- **{key}:** {self.escape(cell(value))}\n")
                self.out.write("\n")
        super().draw([b for b in blocks if not isinstance(b, Fields)])

    def title(self, text: str) -> str:
        return f"### {text}\n\n"

    def escape(self, text: str) -> str:
        """Keep ledger text from turning into markup: pipes, emphasis, links, HTML."""
        for char in "\\|*_`[]<>#":
            text = text.replace(char, "\\" + char)
        return text

