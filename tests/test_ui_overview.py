"""The overview app: keys, choosing pairs and figure cells, the pair view pushed over the
overview and popped back, and one notes memo for the whole set. Every comparison is the real
engine's, on the five seed articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import DataTable

from compare_tui.core.corpus import Corpus, load_corpus
from compare_tui.notes.storage import read_memo
from compare_tui.ui.screens.help import HelpScreen
from compare_tui.ui.screens.overview import Choice, OverviewApp, OverviewScreen
from compare_tui.ui.screens.pair import PairScreen

from .conftest import SEEDS
from .test_ui_support import until

SIZE = (160, 45)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_texts(load_corpus([str(SEEDS)]).texts)


def make(corpus: Corpus, tmp_path: Path) -> OverviewApp:
    return OverviewApp(
        corpus, notes_path=tmp_path / "notes-seeds.md", title="seeds/", today="2025-06-14"
    )


async def ready(pilot: Pilot[Any]) -> OverviewScreen:
    app = pilot.app
    assert isinstance(app, OverviewApp)
    screen = app.overview_screen
    await until(pilot, lambda: app.screen is screen and screen.shown, what="the overview")
    await pilot.wait_for_scheduled_animations()
    return screen


async def open_cell(pilot: Pilot[Any], table: DataTable[Any], row: int, column: int) -> PairScreen:
    """Enter on a cell; wait for the pair view pushed over the overview to be on screen."""
    table.focus()
    table.move_cursor(row=row, column=column, animate=False)
    await pilot.press("enter")
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, PairScreen) and pilot.app.screen.shown,
        what="the pair view",
    )
    view = pilot.app.screen
    assert isinstance(view, PairScreen)
    return view


def pairs_table(screen: OverviewScreen) -> DataTable[Any]:
    return screen.query_one("#overview-pairs", DataTable)


async def test_tables_name_every_article_and_show_whole_values(
    corpus: Corpus, tmp_path: Path
) -> None:
    async with make(corpus, tmp_path).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.overview is not None
        assert screen.overview.groups == ((0, 1, 4), (2,), (3,))
        table = pairs_table(screen)
        assert table.has_focus
        first = [str(c) for c in table.get_row_at(0)]
        assert first[:2] == ["#1", "000_633a6f03b1d6c80d.txt"]
        assert first[2].startswith("Northern Mali Sees Deadly Fighting")
        # Column widths follow the content: nothing of a legend cell is cut off.
        widths = [c.content_width for c in table.ordered_columns]
        assert widths[1] >= len("000_633a6f03b1d6c80d.txt")
        figures = screen.query_one("#overview-figures", DataTable)
        cells = {str(c) for k in range(figures.row_count) for c in figures.get_row_at(k)}
        assert {"24 or more", "3-9", "about 2,000", "✗ conflict", "✓ agree"} <= cells
        labels = [str(figures.get_row_at(k)[0]) for k in range(figures.row_count)]
        assert any(lb.endswith(", says Azawad separatists’ spokesperson") for lb in labels)
        # Conflicts first.
        verdicts = [str(figures.get_row_at(k)[1]) for k in range(figures.row_count)]
        assert verdicts[0] == "✗ conflict"
        assert verdicts.index("✓ agree") > max(
            k for k, v in enumerate(verdicts) if v == "✗ conflict"
        )


async def test_overview_keys_tab_help_save_palette_quit(corpus: Corpus, tmp_path: Path) -> None:
    app = make(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab")
        assert screen.query_one("#overview-figures", DataTable).has_focus
        await pilot.press("shift+tab")
        assert pairs_table(screen).has_focus
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.check_action("save", ()) is True
        await pilot.press("s")
        assert (tmp_path / "notes-seeds.md").exists()
        assert screen.check_action("save", ()) is None
        titles = {cmd.title for cmd in app.get_system_commands(screen)}
        assert {"Open the pair view", "Switch table", "Help", "Quit"} <= titles
        footer = {b.binding.key for b in screen.active_bindings.values() if b.binding.show}
        assert {"enter", "tab", "s", "question_mark", "q"} <= footer
        # The diagonal is not a pair: nothing opens.
        pairs_table(screen).move_cursor(row=2, column=screen.legend_columns + 2)
        await pilot.press("enter")
        assert app.screen is screen
        await pilot.press("q")
    assert app.return_code == 0


async def test_pair_view_over_the_overview_and_back_with_the_cursor_kept(
    corpus: Corpus, tmp_path: Path
) -> None:
    app = make(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        column = screen.legend_columns + 4  # article #1 against article #5
        view = await open_cell(pilot, pairs_table(screen), 0, column)
        assert view.pair == (0, 4)
        assert view.comparison is corpus.comparison(0, 4)  # the corpus's cached comparison
        assert view.can_go_back and view.check_action("back", ()) is True
        await pilot.press("n")  # the pair view's keys work as in the two-article app
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, what="back to the overview")
        table = pairs_table(screen)
        assert table.has_focus
        assert table.cursor_coordinate == Coordinate(0, column)
        assert app.is_running


async def test_figure_cell_opens_the_pair_view_on_that_figure(
    corpus: Corpus, tmp_path: Path
) -> None:
    app = make(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.overview is not None
        rows = screen.overview.rows
        k = next(
            k
            for k, r in enumerate(rows)
            if r.cells[1] is not None and corpus.figures(1)[r.cells[1]].text == "Ten"
        )
        figures = screen.query_one("#overview-figures", DataTable)
        view = await open_cell(pilot, figures, k, 1 + 2)  # the cell of article #2 (seed 001)
        assert 1 in view.pair
        side = view.pair.index(1)
        row = view.figure_row
        assert row is not None, "the pair view opened on a figure row"
        assert (row.left, row.right)[side] == rows[k].cells[1]
        c = view.comparison
        assert c is not None
        texts = {c.figures[0][row.left].text, c.figures[1][row.right].text}  # type: ignore[index]
        assert texts == {"Ten", "10"}
        assert view.panes[side].highlight.figure is not None


async def test_notes_from_two_pair_views_gather_in_one_file_and_come_back(
    corpus: Corpus, tmp_path: Path
) -> None:
    path = tmp_path / "notes-seeds.md"
    app = make(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        legend = screen.legend_columns
        await open_cell(pilot, pairs_table(screen), 0, legend + 4)
        await pilot.press("a", *"toll differs", "enter", "escape")
        await until(pilot, lambda: app.screen is screen, what="the overview")
        await open_cell(pilot, pairs_table(screen), 1, legend + 4)
        await pilot.press("a", *"same quote", "enter")
        await pilot.press("q")  # quitting saves, and says so
    assert app.exit_messages == [f"Saved 2 notes to {path}"]
    notes = read_memo(path)
    assert sorted(n.text for n in notes) == ["same quote", "toll differs"]
    text = path.read_text(encoding="utf-8")
    assert "## Sources" in text and text.count("`74b38d3816c0b1") == 1
    for name in ("000_633a6f03b1d6c80d.txt", "004_967b0b30f98c59d7.txt", "003_fc820146"):
        assert name in text
    assert "#1 000\\_633a6f03b1d6c80d.txt vs #5 004\\_967b0b30f98c59d7.txt" in text
    assert "#2 001\\_68a46d4adf0bf395.txt vs #5 004\\_967b0b30f98c59d7.txt" in text
    assert text.count("### Figures") == 2

    again = make(corpus, tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        legend = screen.legend_columns
        view = await open_cell(pilot, pairs_table(screen), 1, legend + 4)
        assert [n.text for n in view.notes.values()] == ["same quote"]
        await pilot.press("escape")
        await until(pilot, lambda: again.screen is screen, what="the overview")
        view = await open_cell(pilot, pairs_table(screen), 0, legend + 4)
        assert [n.text for n in view.notes.values()] == ["toll differs"]
        await pilot.press("n", "a", *"checked with AFP", "enter", "s")
    assert sorted(n.text for n in read_memo(path)) == [
        "checked with AFP",
        "same quote",
        "toll differs",
    ]


def test_choice_of_a_matrix_cell(corpus: Corpus) -> None:
    assert Choice(0, 4) == Choice(0, 4, None, None)


def test_overview_snapshot(corpus: Corpus, snap_compare: Any, tmp_path: Path) -> None:
    async def run(pilot: Any) -> None:
        await ready(pilot)

    assert snap_compare(make(corpus, tmp_path), terminal_size=SIZE, run_before=run)


async def test_events_are_the_first_level(corpus: Corpus, tmp_path: Path) -> None:
    app = make(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#overview-events", DataTable)
        assert table.display and table.row_count == 2
        first = [str(c) for c in table.get_row_at(0)]
        assert first[1:4] == ["3", "#1 #2 #5", "3 of one story"]
        assert "14 June 2025" in first[4]
        second = [str(c) for c in table.get_row_at(1)]
        assert second[1:4] == ["2", "#3 #4", "—"]


async def test_many_articles_show_the_figures_of_the_event_under_the_cursor(
    tmp_path: Path,
) -> None:
    import sys

    from compare_tui.core.corpus import load_corpus

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        from make_corpus import write_corpus
    finally:
        sys.path.pop(0)
    write_corpus(30, tmp_path / "c")
    corpus = Corpus.from_texts(load_corpus([str(tmp_path / "c")]).texts)
    app = make(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.overview is not None
        events = screen.overview.events
        figures = screen.query_one("#overview-figures", DataTable)
        assert len(figures.columns) == 2 + len(events[0].articles)
        assert str(figures.border_title).startswith("Figures of event 1")
        table = screen.query_one("#overview-events", DataTable)
        table.focus()
        await pilot.press("down")
        await until(
            pilot,
            lambda: str(figures.border_title).startswith("Figures of event 2"),
            what="the second event's figures",
        )
        assert len(figures.columns) == 2 + len(events[1].articles)
