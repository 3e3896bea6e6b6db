"""Run independent per-article or per-pair work on every core, for the command-line reports.

Extraction and figure pairing are pure Python and hold the GIL, so threads would not help;
forked worker processes inherit the corpus (copy-on-write: no pickling of the articles) and
send back only small results (figures, figure pairs). Forking is used only where the process
has no other threads: the reports pass ``workers > 1``, the app (whose UI runs in threads)
never does. Where ``fork`` is unavailable, or for little work, everything runs in-process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

__all__ = ["default_workers", "run_chunks"]

_T = TypeVar("_T")
_R = TypeVar("_R")

#: Work items below which forking costs more than it saves.
MIN_ITEMS = 64

#: The function forked workers run; set just before the pool forks (inherited, not pickled).
_JOB: Callable[[Any], Any] | None = None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _quiet_gc() -> None:
    """In a worker: no cyclic collection (it would write to every inherited object's header,
    copying the parent's whole heap page by page); the worker is short-lived."""
    gc.disable()


def _run(chunk: Sequence[Any]) -> list[Any]:
    assert _JOB is not None
    return [_JOB(item) for item in chunk]


def run_chunks(
    job: Callable[[_T], _R],
    items: Sequence[_T],
    *,
    workers: int,
    chunk: int = 16,
) -> Iterator[tuple[_T, _R]]:
    """``(item, job(item))`` for every item, in order of completion by chunks; in ``workers``
    forked processes when that is worth it, else in this process."""
    global _JOB
    if (
        workers <= 1
        or len(items) < MIN_ITEMS
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        for item in items:
            yield item, job(item)
        return
    chunks = [list(items[k : k + chunk]) for k in range(0, len(items), chunk)]
    _JOB = job
    # Objects alive now are moved out of the collector's reach, so neither the parent nor the
    # workers touch them again for collection: copy-on-write pages stay shared.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_quiet_gc) as pool:
            for part, results in zip(chunks, pool.imap(_run, chunks), strict=True):
                yield from zip(part, results, strict=True)
    finally:
        _JOB = None
        gc.unfreeze()
