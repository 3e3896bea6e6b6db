"""Comparisons and waiting helpers for the UI tests; no tests live in this module.

Every comparison is made by the real engine (``compare_paths``/``compare_texts``: segmenter,
aligner, figure extractor and pairing), once per pair of inputs. Seeds used:
000 vs 004 (two rewrites, no conflicting figure), 000 vs 001 ("dozens" vs "several" Malian
soldiers killed: one conflict), 000 vs 002 ("three" vs "seven" separatists killed).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from compare_tui.core.compare import Progress, compare_paths, compare_texts
from compare_tui.core.load import load_bytes
from compare_tui.core.models import Comparison
from compare_tui.ui.app import CompareApp
from compare_tui.ui.screens.pair import PairScreen
from compare_tui.ui.screens.pair_load import Article

ROOT = Path(__file__).resolve().parent.parent


def seed_path(prefix: str) -> str:
    (match,) = (ROOT / "seeds").glob(f"{prefix}_*.txt")
    return str(match)


SEED_LEFT = seed_path("000")
SEED_RIGHT = seed_path("004")
SEED_SEVERAL = seed_path("001")
SEED_SEVEN = seed_path("002")


@cache
def seed_comparison(left: str = SEED_LEFT, right: str = SEED_RIGHT) -> Comparison:
    """The real comparison of two seed files (cached: the engine is tested elsewhere)."""
    return compare_paths(left, right)


def make_app(tmp_path: Path, left: str = SEED_LEFT, right: str = SEED_RIGHT) -> CompareApp:
    """The app on two seeds, compared by the real engine (once per pair, cached); notes in
    ``tmp_path``, dated 2025-06-14."""
    return CompareApp(
        left,
        right,
        notes_path=str(tmp_path / "notes.md"),
        comparer=comparer_for(seed_comparison(left, right)),
        today="2025-06-14",
    )


def text_comparison(left: str, right: str) -> Comparison:
    return compare_texts(
        load_bytes(left.encode(), name="left.txt"), load_bytes(right.encode(), name="right.txt")
    )


def comparer_for(comparison: Comparison) -> Callable[[Article, Article, Progress], Comparison]:
    """A comparer for CompareApp that reports progress and returns ``comparison``."""

    def compare(left: Article, right: Article, progress: Progress) -> Comparison:
        progress(0.5, "aligning")
        return comparison

    return compare


async def until(
    pilot: Pilot[Any], condition: Callable[[], bool], *, what: str, timeout: float = 60.0
) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds.

    The bound is wall time, not a number of tries, so a loaded machine only makes it slower.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await pilot.pause(0.01)


async def settled(pilot: Pilot[Any]) -> PairScreen:
    """Wait until the comparison is on screen and every pending message has been handled;
    returns the pair view (``App.query`` searches the active screen: query the screen)."""
    app = pilot.app
    assert isinstance(app, CompareApp)
    await until(pilot, lambda: app.shown, what="the comparison on screen")
    await pilot.wait_for_scheduled_animations()
    return app.pair_screen
