"""The overview of many articles: who copies whom, and what each outlet says for each figure.

The groups and the figure matrix are computed in a thread worker (with progress on screen);
the pair matrix shows the share of every pair aligned so far ("…": related by the screen but
not aligned yet; "·": screened out). Choosing a pair or a figure cell ends the
overview app with that choice; ``run_overview`` then runs the pair view on the corpus's cached
comparison and comes back to the overview (same cursor) when the reader presses Escape or q.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Mount
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, ProgressBar

from compare_tui.core.corpus import Corpus
from compare_tui.core.figure_matrix import MatrixRow, MatrixStatus, pair_for_cell, row_label
from compare_tui.core.figure_table import figure_rows, value_text
from compare_tui.report.overview import Overview, build_overview

#: Up to this many articles the pairs are shown as a matrix; beyond, as a list of pairs.
MATRIX_LIMIT = 20
_MARK = {
    MatrixStatus.CONFLICT: "✗ conflict",
    MatrixStatus.AGREE: "✓ agree",
    MatrixStatus.SINGLE: "",
}


@dataclass(frozen=True, slots=True)
class Choice:
    """What the reader chose: a pair of articles, and a figure of the left one to show."""

    left: int
    right: int
    #: Index into ``corpus.figures(left)``, or None to open on the first alignment.
    left_figure: int | None = None
    right_figure: int | None = None


class OverviewReady(Message):
    def __init__(self, overview: Overview) -> None:
        super().__init__()
        self.overview = overview


class OverviewProgress(Message):
    def __init__(self, fraction: float, stage: str) -> None:
        super().__init__()
        self.fraction = fraction
        self.stage = stage


def _short(corpus: Corpus, i: int, limit: int = 60) -> str:
    doc = corpus.documents[i]
    name = " ".join((doc.title or Path(doc.path).name).split())
    return name if len(name) <= limit else name[: limit - 1] + "…"


class OverviewScreen(Screen[None]):
    """Groups, the pair matrix and the figure matrix; Enter opens the pair view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open pair", id="overview.open"),
        Binding("tab", "app.focus_next", "Panel", id="overview.focus"),
        Binding("q", "quit", "Quit", id="overview.quit"),
    ]

    def __init__(self, corpus: Corpus, overview: Overview | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.overview = overview
        self._pair_keys: list[tuple[int, int]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="overview-loading"):
            yield Label(Content("Screening the articles…"), id="overview-stage")
            yield ProgressBar(total=100, show_eta=False, id="overview-progress")
        yield Label(Content(""), id="overview-summary")
        yield DataTable(id="overview-pairs", cursor_type="cell", zebra_stripes=True)
        yield DataTable(id="overview-figures", cursor_type="cell", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#overview-pairs", DataTable).border_title = Content("Who copies whom")
        self.query_one("#overview-figures", DataTable).border_title = Content(
            "Figures by article (conflicts first)"
        )
        if self.overview is None:
            for w in ("#overview-summary", "#overview-pairs", "#overview-figures"):
                self.query_one(w).display = False
            self._build()
        else:
            self.query_one("#overview-loading").display = False
            self._show(self.overview)

    @work(thread=True, exclusive=True)
    def _build(self) -> None:
        def progress(fraction: float, stage: str) -> None:
            self.post_message(OverviewProgress(fraction, stage))

        self.post_message(
            OverviewReady(build_overview(self.corpus, max_pairs=0, progress=progress))
        )

    def on_overview_progress(self, message: OverviewProgress) -> None:
        self.query_one("#overview-stage", Label).update(Content(message.stage))
        self.query_one("#overview-progress", ProgressBar).update(progress=100 * message.fraction)

    def on_overview_ready(self, message: OverviewReady) -> None:
        self.overview = message.overview
        self.query_one("#overview-loading").display = False
        for w in ("#overview-summary", "#overview-pairs", "#overview-figures"):
            self.query_one(w).display = True
        self._show(message.overview)

    # -- tables ----------------------------------------------------------------------------

    def _show(self, overview: Overview) -> None:
        corpus = self.corpus
        shared = [g for g in overview.groups if len(g) > 1]
        alone = sum(1 for g in overview.groups if len(g) == 1)
        groups = "; ".join(
            "rewrites of one source: " + " ".join(f"#{i + 1}" for i in g) for g in shared
        )
        conflicts = sum(r.status is MatrixStatus.CONFLICT for r in overview.rows)
        self.query_one("#overview-summary", Label).update(
            Content(
                f"{len(corpus)} articles · {groups or 'no rewrites'} · {alone} standing apart"
                f" · {conflicts} conflicting figure rows"
            )
        )
        self._fill_pairs(overview)
        self._fill_figures(overview)
        self.query_one("#overview-pairs", DataTable).focus()

    def _fill_pairs(self, overview: Overview) -> None:
        corpus = self.corpus
        table = self.query_one("#overview-pairs", DataTable)
        table.clear(columns=True)
        n = len(corpus)
        group_of = {i: k for k, g in enumerate(overview.groups) for i in g}
        if n <= MATRIX_LIMIT:
            table.add_column(Text("article"), key="name")
            for j in range(n):
                table.add_column(Text(f"#{j + 1}"), key=f"c{j}")
            for i in range(n):
                cells: list[Content] = [Content(f"#{i + 1} {_short(corpus, i, 40)}")]
                for j in range(n):
                    cells.append(self._share_cell(i, j, group_of))
                table.add_row(*cells, key=f"r{i}")
            return
        table.add_column(Text("pair"), key="pair")
        for label in ("aligned", "near-verbatim", "conflicts"):
            table.add_column(Text(label), key=label)
        self._pair_keys = [(s.left, s.right) for s in overview.pairs]
        for s in overview.pairs:
            table.add_row(
                Content(
                    f"#{s.left + 1} {_short(corpus, s.left, 30)} – "
                    f"#{s.right + 1} {_short(corpus, s.right, 30)}"
                ),
                Content(f"{s.similarity:.0%}"),
                Content(f"{s.verbatim:.0%}"),
                Content(str(s.conflicts)),
            )

    def _share_cell(self, i: int, j: int, group_of: dict[int, int]) -> Content:
        if i == j:
            return Content("—")
        share = self.corpus.known_share(i, j)
        if share is None:
            return Content("·" if not self.corpus.is_related(i, j) else "…")
        text = Content(f"{share[0]:.0%}")
        if group_of[i] == group_of[j]:
            return text.stylize("bold")
        return text

    def _fill_figures(self, overview: Overview) -> None:
        corpus = self.corpus
        table = self.query_one("#overview-figures", DataTable)
        table.clear(columns=True)
        table.add_column(Text("what, who says so"), key="what")
        table.add_column(Text("verdict"), key="verdict")
        for d in range(len(corpus)):
            table.add_column(Text(f"#{d + 1}"), key=f"d{d}")
        for k, row in enumerate(overview.rows):
            cells = [Content(row_label(row)), Content(_MARK[row.status])]
            for d, f in enumerate(row.cells):
                cells.append(Content("—" if f is None else value_text(corpus.figures(d)[f])))
            table.add_row(*cells, key=f"f{k}")

    # -- choosing --------------------------------------------------------------------------

    def chosen(self) -> Choice | None:
        """The pair under the cursor of the focused table, if any."""
        if self.overview is None:
            return None
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id == "overview-figures":
            coord = focused.cursor_coordinate
            if not 0 <= coord.row < len(self.overview.rows):
                return None
            return self._figure_choice(self.overview.rows[coord.row], coord.column - 2)
        table = self.query_one("#overview-pairs", DataTable)
        coord = table.cursor_coordinate
        if len(self.corpus) <= MATRIX_LIMIT:
            i, j = coord.row, coord.column - 1
            if j < 0 or i == j:
                return None
            return Choice(min(i, j), max(i, j))
        if not 0 <= coord.row < len(self._pair_keys):
            return None
        return Choice(*self._pair_keys[coord.row])

    def _figure_choice(self, row: MatrixRow, article: int) -> Choice | None:
        if article < 0:
            article = row.articles[0]
        pair = pair_for_cell(row, article)
        if pair is None:
            return None
        left, right = pair
        return Choice(left, right, row.cells[left], row.cells[right])

    def action_open(self) -> None:
        choice = self.chosen()
        if choice is None:
            self.notify("Choose a pair of two different articles", markup=False)
            return
        self._leave(choice)

    def action_quit(self) -> None:
        self._leave(None)

    def _leave(self, choice: Choice | None) -> None:
        app = self.app
        if isinstance(app, OverviewApp):
            app.remember()
        app.exit(choice)

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_open()


class OverviewApp(App[Choice | None]):
    """The overview on its own: ends with the reader's choice (None: quit)."""

    DEFAULT_CSS = """
    #overview-loading { height: 1fr; align: center middle; }
    #overview-stage, #overview-progress { width: 60; }
    #overview-summary { height: auto; padding: 0 1; }
    #overview-pairs { height: 1fr; border: round $foreground 30%; }
    #overview-figures { height: 2fr; border: round $foreground 30%; }
    """
    TITLE = "compare-tui: overview"

    def __init__(
        self,
        corpus: Corpus,
        *,
        overview: Overview | None = None,
        focus: tuple[str, int, int] | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self._overview = overview
        self._focus = focus

    def on_mount(self) -> None:
        self.push_screen(OverviewScreen(self.corpus, self._overview))
        if self._focus is not None:
            self.call_after_refresh(self._restore)

    def _restore(self) -> None:
        assert self._focus is not None
        table_id, row, column = self._focus
        table = self.screen.query_one(f"#{table_id}", DataTable)
        table.focus()
        table.move_cursor(row=row, column=column, animate=False)

    def remember(self) -> None:
        """Keep the computed overview and the cursor, to come back to them after a pair view."""
        screen = self.screen
        if isinstance(screen, OverviewScreen):
            self._overview = screen.overview
        focused = screen.focused
        if isinstance(focused, DataTable) and focused.id:
            c = focused.cursor_coordinate
            self._focus = (focused.id, c.row, c.column)

    @property
    def overview(self) -> Overview | None:
        return self._overview

    @property
    def cursor(self) -> tuple[str, int, int] | None:
        return self._focus


def _pair_app(corpus: Corpus, choice: Choice, notes: str | None) -> App[int]:
    """The pair view on the cached comparison; Escape goes back to the overview."""
    from compare_tui.ui import app as pair_module
    from compare_tui.ui.app import CompareApp

    class PairFromOverview(CompareApp):
        # A subclass's CSS_PATH is read relative to the module that defines it.
        CSS_PATH = str(Path(pair_module.__file__).with_name("app.tcss"))
        BINDINGS: ClassVar[list[BindingType]] = [
            Binding("escape", "back", "Overview", id="overview.back"),
        ]

        def __init__(self) -> None:
            comparison = corpus.comparison(choice.left, choice.right)
            left, right = comparison.documents
            super().__init__(left.path, right.path, notes_path=notes, comparison=comparison)

        @on(Mount)
        def _start_focus(self) -> None:
            self.set_interval(0.05, self._focus_figure, repeat=40, name="focus-figure")

        def _focus_figure(self) -> None:
            c = self.comparison
            if c is None or choice.left_figure is None or getattr(self, "_focused_figure", False):
                return
            self._focused_figure = True
            for k, row in enumerate(figure_rows(c, all_lone=True)):
                if row.left == choice.left_figure or row.right == choice.right_figure:
                    self.go_to_figure_row(k)
                    break

        async def action_back(self) -> None:
            await self.action_quit()

    return PairFromOverview()


def run_overview(
    corpus: Corpus,
    *,
    notes: str | None,
    pair_app: Callable[[Corpus, Choice, str | None], App[int]] = _pair_app,
) -> int:
    """Overview, pair view, overview... until the reader quits the overview."""
    overview: Overview | None = None
    focus: tuple[str, int, int] | None = None
    while True:
        app = OverviewApp(corpus, overview=overview, focus=focus)
        choice = app.run()
        overview, focus = app.overview, app.cursor
        if not isinstance(choice, Choice):
            return 0
        pair_notes = None
        if notes is not None:
            stem = Path(notes).with_suffix("")
            pair_notes = f"{stem}-{choice.left + 1}-{choice.right + 1}.md"
        pair = pair_app(corpus, choice, pair_notes)
        pair.run()
        for line in getattr(pair, "exit_messages", []):
            print(line, file=sys.stderr)
