"""Output formats: one renderer per format, chosen by the `--format` word."""

from __future__ import annotations

import enum
from typing import TextIO

from .interface import Renderer, View

__all__ = ["ReportFormat", "CheckFormat", "DiffFormat", "View", "renderer"]


class ReportFormat(str, enum.Enum):
    """Formats of `list`, `verify`, `sources`, `facts` and `scan`."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class DiffFormat(str, enum.Enum):
    """Formats of `diff`: markdown is for a pull request or a GitHub step summary."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class CheckFormat(str, enum.Enum):
    """Formats of `check`."""

    text = "text"
    json = "json"
    github = "github"


def renderer(name: str, out: TextIO, width: int | None = None, color: bool = False) -> Renderer:
    """The renderer for a format word. `width` (a terminal's, or --width) and `color` are for
    `table`/`text` only: every other format is whole and plain wherever it goes."""
    if name in ("table", "text"):
        from .plain import PlainRenderer

        return PlainRenderer(out, width, color)
    if name == "json":
        from .json import JsonRenderer

        return JsonRenderer(out)
    if name == "markdown":
        from .markdown import MarkdownRenderer

        return MarkdownRenderer(out)
    if name == "csv":
        from .csv import CsvRenderer

        return CsvRenderer(out)
    if name in ("claimreview", "claimreview-lines"):
        from .claimreview import ClaimReviewRenderer

        return ClaimReviewRenderer(out, lines=name == "claimreview-lines")
    if name == "github":
        from .github import GithubRenderer

        return GithubRenderer(out)
    raise ValueError(f"unknown format {name!r}")
