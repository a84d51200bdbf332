"""Work on a large ledger's files shared with forked worker processes, the caller taking its share.

The workers are forked, so they start with everything the caller has read (the sources and facts,
the summaries) without pickling any of it; only each item's result comes back, pickled. The
calling process works on every `workers`-th item itself while the others work ahead: one process
fewer holds its own copy of the pages it touches, and its items are not pickled at all. Work
worth doing before it is asked for is shared out the same way, to whichever process is idle.
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
    `ahead` is work worth doing before it is asked for (a claims file parsed into the cache while
    a worker parses facts.yaml), its results dropped: this process does it, in order, while it
    waits for a worker's result, and a worker done with its items does it too, so that it does
    not sit idle while this process reads the last result back. None is started once every
    worker's result is in."""
    if processes < 2 or count < 2:
        for number in range(count):
            yield work(number)
        return
    import multiprocessing

    global _WORK, _AHEAD
    _WORK, _AHEAD = work, (multiprocessing.get_context("fork").Value("i", 0), ahead)
    try:
        with forked_pool(processes - 1) as pool:
            try:
                pending = {number: pool.submit(_in_worker, number) for number in range(count) if number % processes}
                working_ahead = [pool.submit(_ahead_in_worker) for _ in range(processes - 1)] if ahead else []
                for number in range(count):
                    if number % processes:
                        result = pending.pop(number)
                        while not result.done() and (task := _next_ahead()) is not None:
                            task()
                        if not pending:
                            _stop_ahead()
                        yield pickle.loads(result.result())
                    else:
                        yield work(number)
                for done in working_ahead:
                    done.result()
            finally:  # (also when the results are not all asked for: the pool then waits for no more)
                _stop_ahead()
    finally:
        _WORK = _AHEAD = None


_AHEAD: tuple[Any, Sequence[Callable[[], object]]] | None = None
"""The work worth doing ahead and a counter shared with the workers (a `multiprocessing.Value`):
the next to take. Set before the workers are forked."""


def _next_ahead() -> Callable[[], object] | None:
    """The next piece of work ahead not taken by any process, taken; None when none is left."""
    assert _AHEAD is not None, "set before the workers were forked"
    counter, ahead = _AHEAD
    with counter.get_lock():
        number = counter.value
        if number >= len(ahead):
            return None
        counter.value = number + 1
    return ahead[number]


def _stop_ahead() -> None:
    assert _AHEAD is not None, "set before the workers were forked"
    counter, ahead = _AHEAD
    with counter.get_lock():
        counter.value = len(ahead)


def _ahead_in_worker() -> None:
    while (task := _next_ahead()) is not None:
        task()


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
