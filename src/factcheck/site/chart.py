"""The verdicts-per-source chart: bar geometry for an inline SVG that needs no script.

Widths are percentages of the chart's width, so the SVG stretches with the page while its
text keeps its size; each bar is as long as the source's claim count, relative to the source
with the most claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import VERDICTS, Ledger
from ..verdict import Verification

ROW_HEIGHT = 58  # pixels per source: its name line, then its bar
BAR_HEIGHT = 24
BAR_TOP = 22
_MIN_LABELLED = 5.0  # percent of the chart's width a segment needs to carry its count


@dataclass(frozen=True)
class Segment:
    verdict: str
    count: int
    x: float  # percent of the chart's width
    width: float
    labelled: bool  # wide enough to print its count inside

    @property
    def middle(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Bar:
    source: str
    name: str
    total: int
    top: int  # pixels from the chart's top
    segments: tuple[Segment, ...]
    counts: dict[str, int]

    @property
    def bar_top(self) -> int:
        return self.top + BAR_TOP


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]  # the sources drawn
    rows: tuple[Bar, ...]  # every source, for the table beside the chart

    @property
    def height(self) -> int:
        return len(self.bars) * ROW_HEIGHT


MOST_BARS = 20
"""A chart past this many sources is a wall; the rest are in the table beside it."""


def verdicts_per_source(verifications: Iterable[Verification], ledger: Ledger, most_bars: int = MOST_BARS) -> Chart:
    """One bar per outlet, most claims first, its segments in verdict order (true first); only the
    `most_bars` outlets with the most claims are drawn."""
    per_source: dict[str, Counter[str]] = {}
    for v in verifications:
        per_source.setdefault(v.claim.source, Counter())[v.verdict] += 1
    order = sorted(per_source, key=lambda s: (-sum(per_source[s].values()), ledger.name_of(s).casefold(), s))
    most = max((sum(c.values()) for c in per_source.values()), default=0)
    bars = []
    for row, source in enumerate(order):
        counts = per_source[source]
        segments, x = [], 0.0
        for verdict in VERDICTS:
            if counts[verdict]:
                width = 100.0 * counts[verdict] / most
                segments.append(Segment(verdict, counts[verdict], round(x, 3), round(width, 3),
                                        width >= _MIN_LABELLED))
                x += width
        bars.append(Bar(source, ledger.name_of(source), sum(counts.values()), row * ROW_HEIGHT,
                        tuple(segments), {v: counts[v] for v in VERDICTS}))
    return Chart(tuple(bars[:most_bars]), tuple(bars))
