"""SVG screenshots of the app's main states on seeds/000 vs seeds/004, into screenshots/.

Runs the real comparison (``compare_paths``); usage: ``python scripts/screenshots.py``.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from textual.widgets import Input

from compare_tui.ui.app import CompareApp

ROOT = Path(__file__).resolve().parent.parent
LEFT = str(ROOT / "seeds" / "000_633a6f03b1d6c80d.txt")
RIGHT = str(ROOT / "seeds" / "004_967b0b30f98c59d7.txt")
OUT = ROOT / "screenshots"
STATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("initial", ()),
    ("after-n-n", ("n", "n")),
    ("figures-focused", ("tab", "tab")),
    ("first-conflict", ("right_square_bracket",)),
    ("search", ("slash", *"wagner", "enter")),
    ("note-modal", ("n", "n", "a", *"Check the death toll")),
    ("help", ("question_mark",)),
)


async def shoot(name: str, keys: tuple[str, ...], notes: Path) -> Path:
    app = CompareApp(LEFT, RIGHT, notes_path=str(notes))
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        for field in app.screen.query(Input):
            field.cursor_blink = False
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        path = OUT / f"{name}.svg"
        path.write_text(app.export_screenshot(title=f"compare-tui: {name}"), encoding="utf-8")
    return path


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, keys in STATES:
            print(await shoot(name, keys, Path(tmp) / "notes.md"))


if __name__ == "__main__":
    asyncio.run(main())
