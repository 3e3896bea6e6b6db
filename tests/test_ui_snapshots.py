"""Snapshots of the main states (regenerate: pytest tests/test_ui_snapshots.py --snapshot-update).

seeds/000 vs seeds/004 (no conflict) for most states; seeds/000 vs seeds/001 ("dozens" vs
"several" Malian soldiers killed) for the conflict and the aligned-rows view. Every comparison
is the real engine's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from compare_tui.ui.app import CompareApp
from compare_tui.ui.screens.help import HelpScreen
from compare_tui.ui.screens.prompt import PromptScreen

from .test_ui_support import SEED_LEFT, SEED_RIGHT, SEED_SEVERAL, make_app, settled, until

SIZE = (160, 45)
Snap = Callable[..., bool]


def app(tmp_path: Path, right: str = SEED_RIGHT) -> CompareApp:
    return make_app(tmp_path, SEED_LEFT, right)


def after(
    *keys: str, screen: type[Screen[Any]] | None = None
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait for the comparison, press keys, wait for the state they lead to, freeze cursors.

    ``screen``: the modal the keys open; the snapshot waits until it is the active screen.
    """

    async def run(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        app = pilot.app
        if keys:
            await pilot.press(*keys)
        if screen is not None:
            await until(pilot, lambda: isinstance(app.screen, screen), what=screen.__name__)
        else:
            await until(pilot, lambda: getattr(app, "shown", False), what="the view laid out")
        await pilot.wait_for_scheduled_animations()
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
        app(tmp_path, SEED_SEVERAL),
        terminal_size=SIZE,
        run_before=after("right_square_bracket"),
    )


def test_help_screen(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(
        app(tmp_path), terminal_size=SIZE, run_before=after("question_mark", screen=HelpScreen)
    )


def test_note_modal(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(
        app(tmp_path),
        terminal_size=SIZE,
        run_before=after("n", "a", *"check the toll", screen=PromptScreen),
    )


def test_aligned_rows_view(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(
        app(tmp_path, SEED_SEVERAL), terminal_size=SIZE, run_before=after("v", "n", "n")
    )
