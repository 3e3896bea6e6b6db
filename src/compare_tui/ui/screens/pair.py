"""The pair view as a screen: two articles side by side, their figures, the reader's notes.

The screen computes nothing about the texts: a thread worker asks the core for a Comparison
(or takes the one it was given, e.g. the overview's cached one) and posts it back; everything
on screen is read off that value by offsets. Article text never passes through markup.

The two-article app shows this screen alone; the overview app pushes it over the overview
(Escape pops back). Notes belong to the app (``NotesApp``), so every pair view of a set
writes into one memo.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, ProgressBar

from compare_tui.core.compare import Progress, compare_texts
from compare_tui.core.figure_table import FigureRow, RowStatus, figure_rows
from compare_tui.core.inputs import load_input
from compare_tui.core.load import LoadedText, LoadError
from compare_tui.core.models import Comparison, Span
from compare_tui.report.notes import (
    Key,
    Note,
    NoteKind,
    PairNotes,
    Target,
    alignment_target,
    figure_target,
)
from compare_tui.ui.base import NotesApp
from compare_tui.ui.marks import PaneModel
from compare_tui.ui.screens.help import BACK_KEY, KEYS, HelpScreen
from compare_tui.ui.screens.prompt import PromptScreen
from compare_tui.ui.widgets.article import ArticlePane, Highlight
from compare_tui.ui.widgets.figures import FiguresTable
from compare_tui.ui.widgets.rows import AlignedRows, RowsHighlight
from compare_tui.ui.widgets.status import StatusLine
from compare_tui.ui.wrap import clip

#: One article as the app accepts it: already loaded, or a path (or URL, or "-") to load.
Article = LoadedText | str | Path
Comparer = Callable[[Article, Article, Progress], Comparison]
View = Literal["panes", "rows"]


def _loaded(article: Article) -> LoadedText:
    return article if isinstance(article, LoadedText) else load_input(str(article))


def compare_articles(left: Article, right: Article, progress: Progress) -> Comparison:
    """Load what is not loaded yet, then segment, align and pair (in the worker thread)."""
    progress(0.0, "reading")
    return compare_texts(_loaded(left), _loaded(right), progress=progress)


def article_path(article: Article) -> str:
    """The path (or URL, or <stdin>) an article is known by."""
    return article.source.path if isinstance(article, LoadedText) else str(article)


class Progressed(Message):
    def __init__(self, fraction: float, stage: str) -> None:
        super().__init__()
        self.fraction = fraction
        self.stage = stage


class ComparisonReady(Message):
    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison


class ComparisonFailed(Message):
    def __init__(self, error: str, status: int) -> None:
        super().__init__()
        self.error = error
        self.status = status


class PairScreen(Screen[None]):
    """Two panes, a figures panel, a status line; every key listed in footer, help, palette."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_alignment", "Next", id="nav.next_alignment"),
        Binding("p", "prev_alignment", "Prev", id="nav.prev_alignment"),
        Binding(
            "right_square_bracket",
            "next_conflict",
            "Conflict",
            key_display="]",
            id="nav.next_conflict",
        ),
        Binding(
            "left_square_bracket",
            "prev_conflict",
            "Prev conflict",
            key_display="[",
            id="nav.prev_conflict",
        ),
        Binding("v", "toggle_rows", "Rows view", id="view.rows"),
        Binding("tab", "app.focus_next", "Panel", id="focus.next"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous panel", show=False, id="focus.previous"
        ),
        Binding("slash", "search", "Search", key_display="/", id="search.open"),
        Binding(
            "greater_than_sign",
            "next_match",
            "Next match",
            key_display=">",
            show=False,
            id="search.next",
        ),
        Binding(
            "less_than_sign",
            "prev_match",
            "Prev match",
            key_display="<",
            show=False,
            id="search.previous",
        ),
        Binding("a", "note", "Note", id="notes.edit"),
        Binding("s", "save", "Save", id="notes.save"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("escape", "back", "Overview", id="pair.back"),
        Binding("q", "app.quit", "Quit", id="app.quit"),
    ]

    #: (action, palette title, help) for every action a reader can run.
    ACTIONS: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("next_alignment", "Next alignment", "Highlight the next aligned sentences (n)"),
        ("prev_alignment", "Previous alignment", "Highlight the previous aligned sentences (p)"),
        ("next_conflict", "Next figure conflict", "Jump to the next conflicting figure (])"),
        ("prev_conflict", "Previous figure conflict", "Jump to the previous conflict ([)"),
        (
            "toggle_rows",
            "Toggle aligned rows view",
            "One row per alignment, left and right side by side; again for the two panes (v)",
        ),
        ("search", "Search both articles", "Find text in either article (/)"),
        ("next_match", "Next search match", "Jump to the next match (>)"),
        ("prev_match", "Previous search match", "Jump to the previous match (<)"),
        ("note", "Add or edit a note", "Note on the current alignment or figure row (a)"),
        ("save", "Save notes", "Write the notes memo (s)"),
        ("app.focus_next", "Next panel", "Move between the panes and the figures panel (tab)"),
        ("help", "Help", "Keys and what every mark means (?)"),
        (
            "back",
            "Back to the overview",
            "Close this pair view; the overview as you left it (escape)",
        ),
    )

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
        self.current: int | None = None
        self.view: View = "panes"
        self._nav: list[int] = []
        self._nav_pos: dict[int, int] = {}
        self._anchor: tuple[list[int], list[int]] = ([], [])
        self._rows: tuple[FigureRow, ...] = ()
        self._conflict_rows: list[int] = []
        self._conflict_pos = -1
        self._figure_row: int | None = None
        self._query = ""
        self._hits: list[tuple[int, Span]] = []
        self._hit: int | None = None
        self.book: PairNotes | None = None
        self._frozen = False

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
    def notes_app(self) -> NotesApp:
        app = self.app
        assert isinstance(app, NotesApp), "a PairScreen runs in a NotesApp"
        return app

    @property
    def notes(self) -> dict[Key, Note]:
        """This pair's notes by target (edited in place: they belong to the app's memo)."""
        return self.book.attached if self.book is not None else {}

    @property
    def detached(self) -> list[Note]:
        return self.book.detached if self.book is not None else []

    @property
    def dirty(self) -> bool:
        return self.notes_app.dirty

    @property
    def notes_path(self) -> Path:
        return self.notes_app.notes_path

    @property
    def figure_row(self) -> FigureRow | None:
        """The figure row marked in both panes (chosen, or opened on), if any."""
        return None if self._figure_row is None else self._rows[self._figure_row]

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
        c = message.comparison
        self.comparison = c
        self.query_one("#loading").display = False
        self.query_one("#main").display = True
        self._index(c)
        for side, pane in enumerate(self.panes):
            pane.border_title = Content(c.documents[side].heading)
            pane.show(PaneModel.from_comparison(c, side))
        self.rows.show(c)
        left, right = (doc.short_name for doc in c.documents)
        caveat = f" · {c.note}" if c.note else ""  # e.g. articles of different events
        self.rows.border_title = Content(f"Aligned rows: {left} │ {right}{caveat}")
        self.query_one(FiguresTable).show(c, self._rows)
        self.book = self.notes_app.pair_notes(self.pair, c)
        self.current = self._start(c)
        self.panes[0].focus()
        self._update(scroll=True)
        if self._want_figure is not None:
            self._open_on_figure(c, *self._want_figure)
        self.set_interval(0.1, self._maybe_freeze, repeat=50, name="freeze")

    def _open_on_figure(self, c: Comparison, left: int | None, right: int | None) -> None:
        """Open on the figure row holding these figures: the row of exactly this pair, else
        a row holding either figure; a figure the table does not list (a lone year) still
        brings the panes to its sentence."""
        rows = self._rows
        k = next((k for k, r in enumerate(rows) if (r.left, r.right) == (left, right)), None)
        if k is None:
            k = next(
                (
                    k
                    for k, r in enumerate(rows)
                    if (left is not None and r.left == left)
                    or (right is not None and r.right == right)
                ),
                None,
            )
        if k is not None:
            table = self.query_one(FiguresTable)
            table.focus()
            table.move_cursor(row=k, animate=False)
            self.go_to_figure_row(k)
            return
        for side, index in ((0, left), (1, right)):
            if index is not None and index < len(c.figures[side]):
                n = c.alignment_of[side].get(c.figures[side][index].sentence)
                if n is not None:
                    self.go_to_alignment(n)
                    return

    def _index(self, c: Comparison) -> None:
        """Navigation targets as data: which alignments to step through, where each sits.

        n/p step through the alignments a reader cares about: never page furniture (an
        alignment none of whose sentences is matchable).
        """
        left, right = (doc.sentences for doc in c.documents)
        self._nav = [
            n
            for n, a in enumerate(c.alignments)
            if any(left[i].matchable for i in a.left) or any(right[j].matchable for j in a.right)
        ] or list(range(len(c.alignments)))
        self._nav_pos = {n: k for k, n in enumerate(self._nav)}
        anchors: tuple[list[int], list[int]] = ([], [])
        last = [0, 0]
        for a in c.alignments:
            for side, idx in enumerate((a.left, a.right)):
                if idx:
                    last[side] = min(idx)
                anchors[side].append(last[side])
        self._anchor = anchors
        self._rows = figure_rows(c)
        self._conflict_rows = [
            k for k, r in enumerate(self._rows) if r.status is RowStatus.CONFLICT
        ]

    def _start(self, c: Comparison) -> int | None:
        """The first alignment with sentences on both sides, else the first one stepped to."""
        for n in self._nav:
            a = c.alignments[n]
            if a.left and a.right:
                return n
        return self._nav[0] if self._nav else None

    # -- drawing the state ----------------------------------------------------------------

    def _figure_spans(self) -> tuple[Span | None, Span | None]:
        if self.comparison is None or self._figure_row is None:
            return None, None
        row = self._rows[self._figure_row]
        out: list[Span | None] = []
        for side, index in ((0, row.left), (1, row.right)):
            fig = None if index is None else self.comparison.figures[side][index]
            out.append(None if fig is None else Span(fig.start, fig.end))
        return out[0], out[1]

    def _update(self, *, scroll: bool) -> None:
        """Push the current alignment, figure and match to both panes; scroll them to it."""
        c = self.comparison
        if c is None or self.current is None:
            self._status()
            return
        a = c.alignments[self.current]
        figs = self._figure_spans()
        match = self._hits[self._hit] if self._hit is not None else None
        for side, pane in enumerate(self.panes):
            pane.set_highlight(
                Highlight(
                    sentences=frozenset(a.left if side == 0 else a.right),
                    changes=a.left_changes if side == 0 else a.right_changes,
                    figure=figs[side],
                    match=match[1] if match and match[0] == side else None,
                )
            )
        self.rows.set_highlight(RowsHighlight(self.current, figs, match))
        if scroll:
            self._scroll_panes()
        self._status()
        self.refresh_bindings()

    def _scroll_panes(self) -> None:
        c = self.comparison
        if c is None or self.current is None:
            return
        if self.view == "rows":
            self.rows.bring_into_view(*self.rows.row_lines(self.current))
            return
        a = c.alignments[self.current]
        figs = self._figure_spans()
        match = self._hits[self._hit] if self._hit is not None else None
        for side, pane in enumerate(self.panes):
            sentences = a.left if side == 0 else a.right
            span = figs[side] or (match[1] if match and match[0] == side else None)
            if span is not None:
                line = pane.line_of(span.start)
                pane.bring_into_view(line, line)
            elif sentences:
                pane.bring_into_view(*pane.sentence_lines(sentences))
            elif c.documents[side].sentences:
                first, _ = pane.sentence_lines((self._anchor[side][self.current],))
                pane.bring_into_view(first, first)

    def _status(self) -> None:
        status = self.query_one(StatusLine)
        notes = f"notes: {self.notes_path.name}"
        count = self.book.count if self.book is not None else 0
        if count:
            notes += f" ({count} note{'s' if count != 1 else ''}"
            notes += ", unsaved)" if self.dirty else ")"
        c = self.comparison
        if c is None or self.current is None:
            status.say("comparing…" if c is None else "no sentences", notes)
            return
        a = c.alignments[self.current]
        if self.current in self._nav_pos:
            where = f"alignment {self._nav_pos[self.current] + 1}/{len(self._nav)}"
        else:  # reached by a figure or a match: not one n/p stops on
            where = f"alignment –/{len(self._nav)}"
        if self.view == "rows":
            where += " · rows view"
        about = f"{a.kind} · score {a.score:.2f} · {a.reason}"
        conflicts = f"{len(self._conflict_rows)} figure conflict"
        conflicts += "" if len(self._conflict_rows) == 1 else "s"
        if self._figure_row is not None and self._figure_row in self._conflict_rows:
            conflicts = f"conflict {self._conflict_rows.index(self._figure_row) + 1}/" + conflicts
        search = ""
        if self._query:
            search = f"“{clip(self._query, 30)}”: "
            search += f"{self._hit + 1}/{len(self._hits)}" if self._hit is not None else "no match"
        mine = "✎ noted" if self._target().key in self.notes else ""
        status.say(where, about, conflicts, search, mine, notes)

    # -- enabling keys --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys that would do nothing now."""
        ready = self.comparison is not None and self.current is not None
        enabled = {
            "next_alignment": ready and self._neighbour(1) is not None,
            "prev_alignment": ready and self._neighbour(-1) is not None,
            "next_conflict": ready and self._conflict_pos < len(self._conflict_rows) - 1,
            "prev_conflict": ready and self._conflict_pos > 0,
            "toggle_rows": ready,
            "search": ready,
            "next_match": bool(self._hits),
            "prev_match": bool(self._hits),
            "note": ready,
            "save": ready and self.notes_app.can_save(),
        }.get(action, True)
        if action == "back":
            return self.can_go_back  # hidden, not greyed, in the two-article app
        return True if enabled else None

    def action_back(self) -> None:
        if self.can_go_back:
            self.dismiss(None)

    def notes_changed(self) -> None:
        """The app saved the memo: redraw the status."""
        if self.is_mounted:
            self._status()

    # -- moving ---------------------------------------------------------------------------

    def go_to_alignment(self, n: int) -> None:
        """Make alignment ``n`` current and bring both panes to it."""
        self.current = n
        self._figure_row = None
        self._update(scroll=True)

    def _neighbour(self, delta: int) -> int | None:
        """Position in ``_nav`` of the next (+1) or previous (-1) stop, None at the ends."""
        if self.current is None:
            return None
        if self.current in self._nav_pos:
            pos = self._nav_pos[self.current] + delta
        elif delta > 0:  # between stops (a figure or a match in page furniture)
            pos = bisect_right(self._nav, self.current)
        else:
            pos = bisect_left(self._nav, self.current) - 1
        return pos if 0 <= pos < len(self._nav) else None

    def _step(self, delta: int) -> None:
        pos = self._neighbour(delta)
        if pos is not None:
            self.go_to_alignment(self._nav[pos])

    def action_next_alignment(self) -> None:
        self._step(1)

    def action_prev_alignment(self) -> None:
        self._step(-1)

    def _conflict(self, pos: int) -> None:
        if 0 <= pos < len(self._conflict_rows):
            self._conflict_pos = pos
            row = self._conflict_rows[pos]
            table = self.query_one(FiguresTable)
            table.move_cursor(row=row, animate=False)
            self.go_to_figure_row(row)

    def action_next_conflict(self) -> None:
        self._conflict(self._conflict_pos + 1)

    def action_prev_conflict(self) -> None:
        self._conflict(self._conflict_pos - 1)

    def go_to_figure_row(self, k: int) -> None:
        """Bring both panes to a figure row: its alignment current, its figures marked."""
        c = self.comparison
        if c is None or not 0 <= k < len(self._rows):
            return
        row = self._rows[k]
        for side, index in ((0, row.left), (1, row.right)):
            if index is not None:
                sentence = c.figures[side][index].sentence
                n = c.alignment_of[side].get(sentence)
                if n is not None:
                    self.current = n
                    break
        self._figure_row = k
        if k in self._conflict_rows:
            self._conflict_pos = self._conflict_rows.index(k)
        self._update(scroll=True)

    @on(DataTable.RowSelected, "#figures")
    @on(DataTable.RowHighlighted, "#figures")
    def _row_chosen(self, event: DataTable.RowSelected | DataTable.RowHighlighted) -> None:
        if self.comparison is None or event.row_key.value is None:
            return
        k = int(event.row_key.value)
        if isinstance(event, DataTable.RowSelected):
            self.go_to_figure_row(k)
        elif self.focused is event.data_table and k != self._figure_row:
            # Only the reader moving the cursor follows; filling the table does not.
            self.go_to_figure_row(k)

    @on(ArticlePane.UserScrolled)
    def _follow(self, event: ArticlePane.UserScrolled) -> None:
        """The reader scrolled one pane: bring the other to the matching sentences."""
        c = self.comparison
        source = event.pane
        if c is None:
            return
        partner = self.panes[1 - source.side]
        if source.scroll_y <= 0 or source.scroll_y >= source.max_scroll_y:
            # Both ends line up: the top with the top, the end with the end.
            partner.scroll_to_line(0 if source.scroll_y <= 0 else int(partner.max_scroll_y))
            return
        sentence = source.top_sentence()
        if sentence is None:
            return
        side = source.side
        n = c.alignment_of[side].get(sentence)
        if n is None:
            return
        other = self._anchor[1 - side][n]
        if not c.documents[1 - side].sentences:
            return
        offset = source.line_of(c.documents[side].sentences[sentence].start) - int(source.scroll_y)
        target = partner.line_of(c.documents[1 - side].sentences[other].start)
        partner.scroll_to_line(target - offset)

    @on(ArticlePane.Rewrapped)
    @on(AlignedRows.Rewrapped)
    def _rewrapped(self, event: ArticlePane.Rewrapped | AlignedRows.Rewrapped) -> None:
        self._scroll_panes()
        self._maybe_freeze()

    def _maybe_freeze(self) -> None:
        """Freeze once the view is on screen (tried on every rewrap and on a short timer)."""
        if not self._frozen and self.shown:
            self._freeze()

    def _freeze(self) -> None:
        """Keep the garbage collector off the comparison and the wrapped lines.

        A 16,000-sentence pair holds millions of long-lived objects; every full collection
        walked them all (~120 ms), and one landed in an n/p step every few dozen steps.
        Once the view is on screen they live as long as the view: ``gc.freeze`` moves them
        out of the collector's reach, and ``on_unmount`` gives them back.
        """
        self._frozen = True
        gc.collect()
        gc.freeze()

    def on_unmount(self) -> None:
        if self._frozen:
            gc.unfreeze()

    # -- the aligned-rows view ------------------------------------------------------------

    def action_toggle_rows(self) -> None:
        """Swap the two panes for one row per alignment, or back; n/p and the rest follow."""
        if self.comparison is None:
            return
        to_rows = self.view == "panes"
        self.view = "rows" if to_rows else "panes"
        self.query_one("#panes").display = not to_rows
        self.rows.display = to_rows
        focus_table = isinstance(self.focused, FiguresTable)
        if not focus_table:
            (self.rows if to_rows else self.panes[0]).focus()
        # The view just shown is laid out on the next refresh; scroll once it is.
        self.call_after_refresh(self._scroll_panes)
        self._update(scroll=True)

    # -- search ---------------------------------------------------------------------------

    def action_search(self) -> None:
        self.app.push_screen(
            PromptScreen(
                "Search both articles",
                ["Case-insensitive; Enter on the same words jumps to the next match."],
                self._query,
                placeholder="words to find",
            ),
            self._searched,
        )

    def _searched(self, query: str | None) -> None:
        if query is None or self.comparison is None:
            return
        if query == self._query and self._hits:
            self.action_next_match()
            return
        self._query = query
        self._hits = self.find(query)
        self._hit = None
        if self._hits:
            self._go_to_hit(0)
        else:
            self.notify(f"No match for “{clip(query, 60)}”", markup=False, severity="warning")
            self._update(scroll=False)

    def find(self, query: str) -> list[tuple[int, Span]]:
        """Matches in both articles as (side, span), in alignment reading order."""
        c = self.comparison
        if c is None or not query.strip():
            return []
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        hits: list[tuple[int, int, int, Span]] = []
        for side, doc in enumerate(c.documents):
            for m in pattern.finditer(doc.text):
                sentence = doc.sentence_at(m.start())
                n = c.alignment_of[side].get(sentence, 0) if sentence is not None else 0
                hits.append((n, side, m.start(), Span(m.start(), m.end())))
        hits.sort(key=lambda h: (h[0], h[1], h[2]))
        return [(side, span) for _, side, _, span in hits]

    def _go_to_hit(self, k: int) -> None:
        c = self.comparison
        if c is None or not self._hits:
            return
        k %= len(self._hits)
        self._hit = k
        side, span = self._hits[k]
        sentence = c.documents[side].sentence_at(span.start)
        if sentence is not None:
            self.current = c.alignment_of[side].get(sentence, self.current)
        self._figure_row = None
        self._update(scroll=True)

    def action_next_match(self) -> None:
        self._go_to_hit(0 if self._hit is None else self._hit + 1)

    def action_prev_match(self) -> None:
        self._go_to_hit(-1 if self._hit is None else self._hit - 1)

    # -- notes ----------------------------------------------------------------------------

    def _target(self) -> Target:
        """The figure row when the figures panel has focus, else the current alignment."""
        c = self.comparison
        assert c is not None and self.current is not None
        table = self.query_one(FiguresTable)
        if self.focused is table and self._rows and 0 <= table.cursor_row < len(self._rows):
            row = self._rows[table.cursor_row]
            return figure_target(c, row.left, row.right)
        return alignment_target(c, self.current)

    def action_note(self) -> None:
        target = self._target()
        note = self.notes.get(target.key)
        what = "figure row" if target.kind is NoteKind.FIGURE else "these sentences"
        context = [
            f"Left:  {clip(target.left_quote, 300) or '(nothing)'}",
            f"Right: {clip(target.right_quote, 300) or '(nothing)'}",
        ]
        self.app.push_screen(
            PromptScreen(
                f"Note on {what}",
                context,
                note.text if note else "",
                placeholder="your note (empty deletes it)",
            ),
            lambda text: self._noted(target, text),
        )

    def _noted(self, target: Target, text: str | None) -> None:
        if text is None or self.book is None:
            return
        # ``set`` journals the change (on disk before it shows) and says if anything changed.
        if not self.book.set(target, text.strip()):
            return
        self.notes_app.touched()
        self._status()
        self.refresh_bindings()

    def action_save(self) -> None:
        self.notes_app.action_save()

    def action_help(self) -> None:
        keys = KEYS + ((BACK_KEY,) if self.can_go_back else ())
        self.app.push_screen(HelpScreen(keys))


__all__ = ["Article", "PairScreen", "article_path", "compare_articles"]
