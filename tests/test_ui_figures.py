"""The figures panel tells why: the highlighted row's reason stands on its lower border."""

from __future__ import annotations

from pathlib import Path

from compare_tui.ui.widgets.figures import FiguresTable

from .test_ui_support import SEED_LEFT, SEED_SEVERAL, make_app, settled

SIZE = (160, 45)


async def test_the_highlighted_row_s_reason_is_on_the_panel_border(tmp_path: Path) -> None:
    # 000 vs 001: "dozens" vs "several" Malian soldiers killed is the first row, a conflict.
    async with make_app(tmp_path, SEED_LEFT, SEED_SEVERAL).run_test(size=SIZE) as pilot:
        view = await settled(pilot)
        table = view.query_one(FiguresTable)
        assert table.cursor_row == 0
        first = table.rows_shown[0]
        assert str(first.status) == "conflict"
        assert str(table.border_subtitle) == first.why
        assert "dozens (24 or more) vs several (3-9)" in first.why
        table.focus()
        await pilot.press("down")
        await pilot.pause()
        assert table.cursor_row == 1, pilot.app.focused
        assert str(table.border_subtitle) == table.rows_shown[1].why
