"""A progress bar for work that proves long: counts and rate on a terminal's stderr, nothing in
pipes or CI logs, nothing at all for work done within a second."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

DELAY_ENV = "FACTCHECK_PROGRESS_DELAY"
"""Seconds of work before a bar appears (default 1): short runs print nothing extra."""


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get(DELAY_ENV, "1")))
    except ValueError:
        return 1.0


class Progress:
    """`with Progress("checking claims", total) as bar: ... bar.advance(n)`; `bar.track(items)`
    advances by one per item. Safe to use anywhere: off the terminal it does nothing."""

    def __init__(self, what: str, total: int | None = None, unit: str = "claims") -> None:
        self.what, self.total, self.unit = what, total, unit
        self.done = 0
        self.bar: Any = None
        self.enabled = bool(sys.stderr and sys.stderr.isatty())
        self.started = time.monotonic()
        self.next_update = 0.0
        self.delay = _delay()

    def __enter__(self) -> Progress:
        self.started = time.monotonic()
        return self

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now < self.next_update:  # the bar redraws ten times a second: no need to tell it more often
            return
        self.next_update = now + 0.1
        if self.bar is None:
            if now - self.started < self.delay:
                return
            self._start()
        self.bar.update(self.task, completed=self.done, rate=_rate(self.done, now - self.started, self.unit))

    def track(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            yield item
            self.advance()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                            console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task(self.what, total=self.total, rate="")
        self.bar.start()

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _rate(done: int, seconds: float, unit: str) -> str:
    return f"{done / seconds:,.0f} {unit}/s" if seconds > 0 else ""
