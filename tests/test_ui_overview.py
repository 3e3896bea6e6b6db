"""The overview app: keys, choosing pairs and figure cells, the round trip to the pair view."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.widgets import DataTable

from compare_tui.core.corpus import Corpus, load_corpus
from compare_tui.ui.screens.overview import Choice, OverviewApp, OverviewScreen, run_overview

from .conftest import SEEDS


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_texts(load_corpus([str(SEEDS)]).texts)


async def _ready(app: OverviewApp, pilot: Any) -> OverviewScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, OverviewScreen)
    while screen.overview is None or not screen.query_one("#overview-pairs").display:
        await app.workers.wait_for_complete()
        await pilot.pause()
    return screen


async def test_enter_on_a_matrix_cell_chooses_that_pair(corpus: Corpus) -> None:
    app = OverviewApp(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _ready(app, pilot)
        assert screen.overview is not None
        assert screen.overview.groups == ((0, 1, 4), (2,), (3,))
        table = screen.query_one("#overview-pairs", DataTable)
        assert table.has_focus
        table.move_cursor(row=0, column=5)  # article #1 against article #5
        await pilot.press("enter")
    assert app.return_value == Choice(0, 4)


async def test_enter_on_the_diagonal_chooses_nothing(corpus: Corpus) -> None:
    app = OverviewApp(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _ready(app, pilot)
        screen.query_one("#overview-pairs", DataTable).move_cursor(row=2, column=3)
        await pilot.press("enter")
        assert app.is_running
        await pilot.press("q")
    assert app.return_value is None


async def test_figure_cell_opens_the_pair_that_links_it(corpus: Corpus) -> None:
    app = OverviewApp(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _ready(app, pilot)
        assert screen.overview is not None
        rows = screen.overview.rows
        k = next(
            k
            for k, r in enumerate(rows)
            if r.cells[2] is not None and corpus.figures(2)[r.cells[2]].text == "seven"
        )
        await pilot.press("tab")
        figures = screen.query_one("#overview-figures", DataTable)
        assert figures.has_focus
        figures.move_cursor(row=k, column=2 + 2)  # the cell of article #3 (seed 002)
        await pilot.press("enter")
    choice = app.return_value
    assert isinstance(choice, Choice) and 2 in (choice.left, choice.right)
    texts = {
        corpus.figures(choice.left)[choice.left_figure or 0].text,
        corpus.figures(choice.right)[choice.right_figure or 0].text,
    }
    assert "seven" in texts and "three" in texts


def test_round_trip_overview_pair_overview(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """Choose a pair, come back from the pair view with Escape, then quit: the loop in
    ``run_overview`` with scripted apps standing in for a terminal."""
    seen: list[Choice] = []
    script = iter([Choice(0, 1), None])

    def fake_run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        if isinstance(self, OverviewApp):
            return next(script)
        return 0

    class Pair(App[int]):
        pass

    def pair_app(c: Corpus, choice: Choice, notes: str | None) -> App[int]:
        seen.append(choice)
        return Pair()

    monkeypatch.setattr(App, "run", fake_run)
    assert run_overview(corpus, notes=None, pair_app=pair_app) == 0
    assert seen == [Choice(0, 1)]


async def test_pair_view_from_overview_goes_back_on_escape(corpus: Corpus) -> None:
    from compare_tui.ui.screens.overview import _pair_app

    app = _pair_app(corpus, Choice(0, 2, 0, 0), None)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert getattr(app, "comparison", None) is corpus.comparison(0, 2)
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0


def test_overview_snapshot(corpus: Corpus, snap_compare: Any) -> None:
    async def ready(pilot: Any) -> None:
        await _ready(pilot.app, pilot)

    assert snap_compare(OverviewApp(corpus), terminal_size=(150, 40), run_before=ready)
