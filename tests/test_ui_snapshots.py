"""Snapshots of the main states on seeds/000 vs seeds/004 (regenerate: --snapshot-update)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from compare_tui.ui.app import CompareApp

from .test_ui_support import SEED_LEFT, SEED_RIGHT, comparer_for, seed_comparison

SIZE = (160, 45)
Snap = Callable[..., bool]


def app(tmp_path: Path) -> CompareApp:
    return CompareApp(
        SEED_LEFT, SEED_RIGHT, notes_path=str(tmp_path / "notes.md"),
        comparer=comparer_for(seed_comparison()), today="2025-06-14",
    )


def after(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait for the comparison, press keys, then freeze every blinking cursor."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return run


def test_initial_view(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(app(tmp_path), terminal_size=SIZE, run_before=after())


def test_after_n_n(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(app(tmp_path), terminal_size=SIZE, run_before=after("n", "n"))


def test_figures_panel_focused(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(app(tmp_path), terminal_size=SIZE, run_before=after("tab", "tab"))


def test_first_conflict(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(
        app(tmp_path), terminal_size=SIZE, run_before=after("right_square_bracket")
    )


def test_help_screen(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(app(tmp_path), terminal_size=SIZE, run_before=after("question_mark"))


def test_note_modal(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(
        app(tmp_path), terminal_size=SIZE, run_before=after("n", "a", *"check the toll")
    )
