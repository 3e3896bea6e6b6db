"""SVG screenshots of the app's main states, into screenshots/.

Runs the real comparison (the app's own worker on the seed files); usage:
``python scripts/screenshots.py``. seeds/000 vs seeds/004 (two rewrites, figures agree) for
most states; seeds/000 vs seeds/001 ("dozens" vs "several" Malian soldiers killed) for the
conflict and the aligned-rows view; the overview of all five seeds.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Input

from compare_tui.core.corpus import Corpus, load_corpus
from compare_tui.ui.app import CompareApp
from compare_tui.ui.screens.overview import OverviewApp

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LEFT = str(SEEDS / "000_633a6f03b1d6c80d.txt")
AGREE = str(SEEDS / "004_967b0b30f98c59d7.txt")
CONFLICT = str(SEEDS / "001_68a46d4adf0bf395.txt")
OUT = ROOT / "screenshots"
#: (file name, right article, keys pressed, whether the keys open a modal screen)
STATES: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    ("initial", AGREE, (), False),
    ("after-n-n", AGREE, ("n", "n"), False),
    ("figures-focused", AGREE, ("tab", "tab"), False),
    ("first-conflict", CONFLICT, ("right_square_bracket",), False),
    ("aligned-rows", CONFLICT, ("v", "right_square_bracket"), False),
    ("search", AGREE, ("slash", *"wagner", "enter"), False),
    ("note-modal", AGREE, ("n", "n", "a", *"Check the death toll"), True),
    ("help", AGREE, ("question_mark",), True),
)


async def _until(pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 60) -> None:
    """Let the app run until ``condition()`` holds (bounded by wall time, never a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not reach the state to shoot")
        await pilot.pause(0.01)


async def shoot(name: str, right: str, keys: tuple[str, ...], modal: bool, notes: Path) -> Path:
    app = CompareApp(LEFT, right, notes_path=str(notes))
    async with app.run_test(size=(160, 45)) as pilot:
        await _until(pilot, lambda: app.shown)
        if keys:
            await pilot.press(*keys)
        if modal:
            await _until(pilot, lambda: isinstance(app.screen, ModalScreen))
        else:
            await _until(pilot, lambda: app.shown)
        for field in app.screen.query(Input):
            field.cursor_blink = False
        await pilot.wait_for_scheduled_animations()
        path = OUT / f"{name}.svg"
        path.write_text(app.export_screenshot(title=f"compare-tui: {name}"), encoding="utf-8")
    return path


async def shoot_overview(notes: Path) -> Path:
    """The overview of the five seeds: who copies whom, each article's figures."""
    corpus = Corpus.from_texts(load_corpus([str(SEEDS)]).texts)
    app = OverviewApp(corpus, notes_path=notes, title="seeds/")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.overview_screen
        await _until(pilot, lambda: app.screen is screen and screen.shown)
        await pilot.wait_for_scheduled_animations()
        path = OUT / "overview.svg"
        path.write_text(app.export_screenshot(title="compare-tui: overview"), encoding="utf-8")
    return path


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, right, keys, modal in STATES:
            print(await shoot(name, right, keys, modal, Path(tmp) / "notes.md"))
        print(await shoot_overview(Path(tmp) / "notes-seeds.md"))


if __name__ == "__main__":
    asyncio.run(main())
