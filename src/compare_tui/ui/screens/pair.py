"""The pair view as a screen: two articles side by side, their figures, the reader's notes.

A thread worker asks the core for a Comparison (or takes the one given, e.g. the overview's)
and posts it back; everything on screen is read off it by offsets, never through markup.
Where the reader is lives in a frozen ``PairState`` with pure transitions (``ui/pair_state``):
the screen replaces it on each key and draws it. Keys: ``pair_keys``; loading: ``pair_load``;
notes: ``pair_notes``. Notes belong to the app (``NotesApp``): one memo per set of articles.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Label, ProgressBar

from compare_tui.core.load import LoadError
from compare_tui.core.models import Comparison
from compare_tui.notes.noteset import PairNotes
from compare_tui.ui.marks import PaneModel
from compare_tui.ui.pair_state import PairIndex, PairState, enabled, notes_summary
from compare_tui.ui.screens import pair_keys
from compare_tui.ui.screens.pair_load import (
    Article,
    Comparer,
    ComparisonFailed,
    ComparisonReady,
    Progressed,
    article_path,
    compare_articles,
)
from compare_tui.ui.screens.pair_overrides import PairOverrides
from compare_tui.ui.screens.pair_scroll import Heap, bring_to_state, follow
from compare_tui.ui.widgets.article import ArticlePane, Highlight
from compare_tui.ui.widgets.figures import FiguresTable
from compare_tui.ui.widgets.rows import AlignedRows, RowsHighlight
from compare_tui.ui.widgets.status import StatusLine


class PairScreen(PairOverrides):
    """Two panes, a figures panel, a status line; every key listed in footer, help, palette."""

    BINDINGS: ClassVar[list[BindingType]] = pair_keys.BINDINGS
    #: (action, palette title, help) for every action a reader can run.
    ACTIONS: ClassVar[tuple[tuple[str, str, str], ...]] = pair_keys.ACTIONS

    def __init__(
        self,
        left: Article,
        right: Article,
        *,
        comparer: Comparer = compare_articles,
        comparison: Comparison | None = None,
        pair: tuple[int, int] = (0, 1),
        figure: tuple[int | None, int | None] | None = None,
        back: bool = False,
    ) -> None:
        """``left``/``right``: loaded texts or paths; ``comparison``: skip comparing them.

        ``pair``: the articles' indexes in the app's set (whose notes these are);
        ``figure``: (left, right) figure indexes to open on; ``back``: Escape pops this
        screen (the overview is under it).
        """
        super().__init__()
        self.left = left
        self.right = right
        self.left_path = article_path(left)
        self.right_path = article_path(right)
        self.pair = pair
        self._comparer = comparer
        self._given = comparison
        self._want_figure = figure
        self.can_go_back = back
        self.comparison: Comparison | None = None
        #: Navigation targets of the comparison (None until it is ready).
        self.index: PairIndex | None = None
        #: Where the reader is; replaced by a transition on every move.
        self.state = PairState(current=None)
        self.book: PairNotes | None = None
        self._heap = Heap()

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="loading"):
            yield Label(Content("Reading the articles…"), id="stage")
            yield ProgressBar(total=100, show_eta=False, id="progress")
        with Vertical(id="main"):
            with Horizontal(id="panes"):
                yield ArticlePane(0, id="left")
                yield ArticlePane(1, id="right")
            yield AlignedRows(id="rows")
            yield FiguresTable(id="figures")
        yield StatusLine(Content(""), id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#main").display = False
        self.query_one("#rows").display = False
        self.query_one("#figures", FiguresTable).border_title = Content("Figures")
        self._status()
        self._run_comparison()

    @property
    def panes(self) -> tuple[ArticlePane, ArticlePane]:
        return self.query_one("#left", ArticlePane), self.query_one("#right", ArticlePane)

    @property
    def rows(self) -> AlignedRows:
        return self.query_one("#rows", AlignedRows)

    @property
    def shown(self) -> bool:
        """The comparison is on screen: the visible view is laid out for its current size.

        Tests and scripts wait for this (it turns True after ComparisonReady and the layout
        that follows it), never for a fixed time.
        """
        if self.comparison is None or not self.query_one("#main").display:
            return False
        if self.view == "rows":
            return self.rows.wrapped
        return all(pane.wrapped for pane in self.panes)

    # -- the comparison, off the UI thread ------------------------------------------------

    @work(thread=True, exclusive=True, name="compare", exit_on_error=False)
    def _run_comparison(self) -> None:
        def progress(fraction: float, stage: str) -> None:
            self.post_message(Progressed(fraction, stage))

        try:
            if self._given is not None:
                comparison = self._given
            else:
                comparison = self._comparer(self.left, self.right, progress)
        except LoadError as exc:
            self.post_message(ComparisonFailed(str(exc), 2))
            return
        except Exception as exc:  # the worker must report, never die silently
            self.post_message(ComparisonFailed(f"comparison failed: {exc!r}", 1))
            return
        self.post_message(ComparisonReady(comparison))

    def on_progressed(self, message: Progressed) -> None:
        self.query_one("#stage", Label).update(Content(f"Comparing: {message.stage}…"))
        self.query_one("#progress", ProgressBar).update(progress=message.fraction * 100)

    def on_comparison_failed(self, message: ComparisonFailed) -> None:
        self.query_one("#stage", Label).update(Content(message.error))
        self.notes_app.exit_messages.append(message.error)
        self.app.exit(message.status, return_code=message.status)

    def on_comparison_ready(self, message: ComparisonReady) -> None:
        machine = message.comparison
        self.query_one("#loading").display = False
        self.query_one("#main").display = True
        for side, pane in enumerate(self.panes):
            pane.border_title = Content(machine.documents[side].heading)
        left, right = (doc.short_name for doc in machine.documents)
        caveat = f" · {machine.note}" if machine.note else ""  # e.g. different events
        self.rows.border_title = Content(f"Aligned rows: {left} │ {right}{caveat}")
        self.book = self.notes_app.pair_notes(self.pair, machine)
        self._show(self.load_overrides(machine))
        self.state = self.index.start() if self.index is not None else self.state
        self.panes[0].focus()
        self._update(scroll=True)
        if self._want_figure is not None:
            self._open_on_figure(*self._want_figure)
        self.set_interval(0.1, self._maybe_freeze, repeat=50, name="freeze")
        self.set_interval(1.0, self._heap.idle, name="idle-gc")

    def _show(self, c: Comparison) -> None:
        """Draw ``c`` (the machine's, overrides applied), the reader kept on their sentence."""
        old, where = self.comparison, self.state.current
        self.comparison = c
        self.index = index = PairIndex.of(c, self.overrides)
        for side, pane in enumerate(self.panes):
            pane.show(PaneModel.from_comparison(c, side))
        if self.view == "rows" or old is None:  # else laid out when shown (slow on long pairs)
            self.rows.show(c)
        self.query_one(FiguresTable).show(c, index.rows, reader=index.reader_rows)
        if old is not None and where is not None:
            self.state = self.state.kept_on(old, index)
            self._update(scroll=False)

    def _open_on_figure(self, left: int | None, right: int | None) -> None:
        """Open on the figure row of exactly these figures, else of either; a figure the
        table does not list (a lone year) still brings the panes to its sentence."""
        assert self.index is not None
        k = self.index.figure_row_for(left, right)
        if k is not None:
            table = self.query_one(FiguresTable)
            table.focus()
            table.move_cursor(row=k, animate=False)
            self.go_to_figure_row(k)
            return
        n = self.index.alignment_of_figures(left, right)
        if n is not None:
            self.go_to_alignment(n)

    # -- drawing the state ----------------------------------------------------------------

    def _apply(self, transition: Callable[[PairState, PairIndex, int], PairState], n: int) -> None:
        if self.index is not None:
            self._move(transition(self.state, self.index, n))

    def _move(self, state: PairState, *, scroll: bool = True) -> None:
        """Take ``state`` as the reader's position and draw it."""
        self.state = state
        self._update(scroll=scroll)

    def _update(self, *, scroll: bool) -> None:
        """Push the current alignment, figure and match to both panes; scroll them to it."""
        self._heap.moved()
        index, state = self.index, self.state
        if index is None or state.current is None:
            self._status()
            return
        for pane, marks in zip(self.panes, state.marks(index), strict=True):
            pane.set_highlight(Highlight(marks.sentences, marks.changes, marks.figure, marks.match))
        figs = state.figure_spans(index)
        self.rows.set_highlight(RowsHighlight(state.current, figs, state.match_span))
        if scroll:
            self._scroll_panes()
        self._status()
        self.refresh_bindings()

    def _scroll_panes(self) -> None:
        if self.index is not None:
            bring_to_state(self.panes, self.rows, self.index, self.state)

    def _status(self) -> None:
        book, index, state = self.book, self.index, self.state
        notes = notes_summary(self.notes_path.name, book.count if book else 0, self.dirty)
        noted = index is not None and state.current is not None
        mine = "✎ noted" if noted and self.note_target().key in self.notes else ""
        parts = ("comparing…",) if index is None else state.status_parts(index)
        self.query_one(StatusLine).say(*parts, *((mine,) if noted else ()), notes)

    # -- enabling keys --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys that would do nothing now; Escape is hidden without an overview."""
        if action == "back":
            return self.can_go_back
        can = enabled(self.index, self.state)
        if action == "save":
            return True if can["note"] and self.notes_app.can_save() else None
        return True if can.get(action, True) else None

    def action_back(self) -> None:
        if self.can_go_back:
            self.dismiss(None)

    # -- moving ---------------------------------------------------------------------------

    def go_to_alignment(self, n: int) -> None:
        """Make alignment ``n`` current and bring both panes to it."""
        self._move(self.state.at_alignment(n))

    def action_next_alignment(self) -> None:
        self._apply(PairState.step, 1)

    def action_prev_alignment(self) -> None:
        self._apply(PairState.step, -1)

    def _conflict(self, delta: int) -> None:
        if self.index is None:
            return
        state = self.state.conflict(self.index, delta)
        if state is not self.state and state.figure_row is not None:
            self.query_one(FiguresTable).move_cursor(row=state.figure_row, animate=False)
            self._move(state)

    def action_next_conflict(self) -> None:
        self._conflict(1)

    def action_prev_conflict(self) -> None:
        self._conflict(-1)

    def go_to_figure_row(self, k: int) -> None:
        """Bring both panes to a figure row: its alignment current, its figures marked."""
        if self.index is not None and 0 <= k < len(self.index.rows):
            self._move(self.state.at_figure_row(self.index, k))

    @on(DataTable.RowSelected, "#figures")
    @on(DataTable.RowHighlighted, "#figures")
    def _row_chosen(self, event: DataTable.RowSelected | DataTable.RowHighlighted) -> None:
        if self.comparison is None or event.row_key.value is None:
            return
        k = int(event.row_key.value)
        if isinstance(event, DataTable.RowSelected):
            self.go_to_figure_row(k)
        elif self.focused is event.data_table and k != self.state.figure_row:
            # Only the reader moving the cursor follows; filling the table does not.
            self.go_to_figure_row(k)

    @on(ArticlePane.UserScrolled)
    def _follow(self, event: ArticlePane.UserScrolled) -> None:
        """The reader scrolled one pane: bring the other to the matching sentences."""
        if self.index is not None:
            follow(event.pane, self.panes[1 - event.pane.side], self.index)

    @on(ArticlePane.Rewrapped)
    @on(AlignedRows.Rewrapped)
    def _rewrapped(self, event: ArticlePane.Rewrapped | AlignedRows.Rewrapped) -> None:
        self._scroll_panes()
        self._maybe_freeze()

    def _maybe_freeze(self) -> None:
        """Settle the heap once the view is on screen (on every rewrap and a short timer)."""
        if not self._heap.settled and self.shown:
            self._heap.settle()

    def on_unmount(self) -> None:
        self._heap.release()

    # -- the aligned-rows view ------------------------------------------------------------

    def action_toggle_rows(self) -> None:
        """Swap the two panes for one row per alignment, or back; n/p and the rest follow."""
        if self.comparison is None:
            return
        self.state = self.state.toggled_view()
        to_rows = self.view == "rows"
        if to_rows and self.rows.comparison is not self.comparison:
            self.rows.show(self.comparison)
        self.query_one("#panes").display = not to_rows
        self.rows.display = to_rows
        if not isinstance(self.focused, FiguresTable):
            (self.rows if to_rows else self.panes[0]).focus()
        # The view just shown is laid out on the next refresh; scroll once it is.
        self.call_after_refresh(self._scroll_panes)
        self._update(scroll=True)

    def action_next_match(self) -> None:
        self._apply(PairState.match, 1)

    def action_prev_match(self) -> None:
        self._apply(PairState.match, -1)


__all__ = ["PairScreen"]
