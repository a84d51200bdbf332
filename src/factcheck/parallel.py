"""Work on a large ledger's files shared with forked worker processes, the caller taking its share.

The workers are forked, so they start with everything the caller has read (the sources and facts,
the summaries) without pickling any of it; only each item's result comes back, pickled. The
calling process works on every `workers`-th item itself while the others work ahead: one process
fewer holds its own copy of the pages it touches, and its items are not pickled at all.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import concurrent.futures

MAX_WORKERS = 8

_WORK: Callable[[int], Any] | None = None
"""What the forked workers do with an item's number: set before they are forked."""


def worth_forking(items: int) -> int:
    """How many processes (the caller's included) to share `items` items among; 1 where there is
    one core or forking is not available (the workers must inherit the caller's memory)."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(items, os.cpu_count() or 1, MAX_WORKERS))


def shared(work: Callable[[int], Any], count: int, processes: int,
           ahead: Sequence[Callable[[], object]] = ()) -> Iterator[Any]:
    """`work(n)` for n in range(count), in order, computed by `processes` processes: this one and
    forked workers. Results are yielded one at a time, so they need not all fit in memory.
    `ahead` is work this process does, in order, while it waits for a worker's result, its
    results dropped: what is worth doing before it is asked for (a claims file parsed into the
    cache while a worker parses facts.yaml), which it stops starting once that result is ready."""
    if processes < 2 or count < 2:
        for number in range(count):
            yield work(number)
        return
    global _WORK
    _WORK = work
    waiting = iter(ahead)
    try:
        with forked_pool(processes - 1) as pool:
            pending = {number: pool.submit(_in_worker, number) for number in range(count) if number % processes}
            for number in range(count):
                if number % processes:
                    result = pending.pop(number)
                    while not result.done() and (task := next(waiting, None)) is not None:
                        task()
                    yield pickle.loads(result.result())
                else:
                    yield work(number)
    finally:
        _WORK = None


def forked_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    """A pool of `workers` forked processes that end with the process that forked them: killed
    (a timeout's SIGKILL), it leaves no worker holding the ledger in memory."""
    import concurrent.futures
    import multiprocessing

    return concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                                  initializer=_die_with, initargs=(os.getpid(),))


def _die_with(parent: int) -> None:
    """Ask the kernel to kill this worker when its parent dies (Linux), and end it now if it
    already has."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1
"""prctl(2)'s option for the signal a process gets when its parent dies."""


def _in_worker(number: int) -> bytes:
    assert _WORK is not None, "set before the workers were forked"
    return pickle.dumps(_WORK(number), protocol=pickle.HIGHEST_PROTOCOL)
