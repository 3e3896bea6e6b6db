"""The pair view's prompts: notes (on the current alignment, or on the figure row under the
cursor when the figures panel has focus), search, help; and the memo's state.

The base of ``PairScreen``: notes belong to the app's memo (``NotesApp``), so this part only
finds the target and hands the text over; a search is a ``PairState`` transition.
"""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from compare_tui.core.figure_table import FigureRow
from compare_tui.core.models import Comparison
from compare_tui.notes.model import Key, Note, NoteKind, Target, alignment_target, figure_target
from compare_tui.notes.noteset import PairNotes
from compare_tui.ui.base import NotesApp
from compare_tui.ui.pair_state import PairIndex, PairState
from compare_tui.ui.screens.help import BACK_KEY, KEYS, HelpScreen
from compare_tui.ui.screens.prompt import PromptScreen
from compare_tui.ui.widgets.figures import FiguresTable
from compare_tui.ui.wrap import clip


class PairPrompts(Screen[None]):
    """Where the reader is, notes, search and help, for ``PairScreen`` (the one subclass)."""

    comparison: Comparison | None
    index: PairIndex | None
    state: PairState
    book: PairNotes | None
    can_go_back: bool

    @property
    def current(self) -> int | None:
        """Index of the current alignment."""
        return self.state.current

    @property
    def view(self) -> str:
        """ "panes" or "rows"."""
        return self.state.view

    @property
    def figure_row(self) -> FigureRow | None:
        """The figure row marked in both panes (chosen, or opened on), if any."""
        k = self.state.figure_row
        return None if k is None or self.index is None else self.index.rows[k]

    def _status(self) -> None:
        raise NotImplementedError

    def _move(self, state: PairState, *, scroll: bool = True) -> None:
        raise NotImplementedError

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

    def notes_changed(self) -> None:
        """The app saved the memo: redraw the status."""
        if self.is_mounted:
            self._status()

    def note_target(self) -> Target:
        """The figure row when the figures panel has focus, else the current alignment."""
        c = self.comparison
        assert c is not None and self.current is not None
        table = self.query_one(FiguresTable)
        rows = self.index.rows if self.index is not None else ()
        if self.focused is table and 0 <= table.cursor_row < len(rows):
            row = rows[table.cursor_row]
            return figure_target(c, row.left, row.right)
        return alignment_target(c, self.current)

    def action_note(self) -> None:
        target = self.note_target()
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

    # -- search ---------------------------------------------------------------------------

    def action_search(self) -> None:
        self.app.push_screen(
            PromptScreen(
                "Search both articles",
                ["Case-insensitive; Enter on the same words jumps to the next match."],
                self.state.query,
                placeholder="words to find",
            ),
            self._searched,
        )

    def _searched(self, query: str | None) -> None:
        if query is None or self.index is None:
            return
        state = self.state.search(self.index, query)
        if not state.hits:
            self.notify(f"No match for “{clip(query, 60)}”", markup=False, severity="warning")
            self._move(state, scroll=False)
            return
        self._move(state)

    def action_help(self) -> None:
        keys = KEYS + ((BACK_KEY,) if self.can_go_back else ())
        self.app.push_screen(HelpScreen(keys))
