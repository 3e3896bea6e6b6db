"""What both apps share: one notes memo for everything the reader notes, saving, quitting,
and a command palette built from the active screen's own actions.

The two-article app and the overview app differ only in the screens they show; every pair
view (``PairScreen``) asks the app for its pair's notes, so notes taken in any pair view of a
set gather into one memo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from compare_tui.core.models import Comparison, Document
from compare_tui.report.decisions import read_overrides
from compare_tui.report.notes import MemoError, NoteSet, PairNotes, read_memo, save_memo


def notes_count(count: int) -> str:
    return f"{count} note{'' if count == 1 else 's'}"


class NotesApp(App[int]):
    """An app with one notes memo (``notes_path``) shared by all its pair views."""

    # Absolute: a relative CSS_PATH would be read beside each subclass's module.
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    TITLE = "compare-tui"

    def __init__(self, *, notes_path: str | Path, today: str | None = None) -> None:
        super().__init__()
        self.notes_path = Path(notes_path)
        self.memo: NoteSet | None = None
        #: Lines printed on standard error after the app ends (what was saved, errors).
        self.exit_messages: list[str] = []
        self._today = today
        self._quit_anyway = False

    # -- the memo -------------------------------------------------------------------------

    def open_memo(self, documents: Sequence[Document], *, title: str = "") -> NoteSet:
        """Read the notes file for these articles (an unreadable file is reported, and then
        never overwritten: ``save_memo`` refuses it too)."""
        try:
            stored = read_memo(self.notes_path)
            overrides, unreadable = read_overrides(self.notes_path)
        except (MemoError, OSError, UnicodeDecodeError) as exc:
            self.notify(str(exc), markup=False, severity="error", timeout=10)
            stored, overrides, unreadable = [], [], 0
        if unreadable:
            said = f"{unreadable} reader decision(s) in {self.notes_path.name} could not be read"
            self.notify(said + " (kept in a backup on save)", markup=False, severity="warning")
        self.memo = NoteSet(documents, stored, title=title, overrides=overrides)
        return self.memo

    def pair_notes(self, pair: tuple[int, int], comparison: Comparison) -> PairNotes:
        """The notes of one pair; for two articles the memo is opened on first use."""
        if self.memo is None:
            memo = self.open_memo(comparison.documents)
            notes = memo.open(*pair, comparison)
            if memo.read:
                kept = memo.read - len(notes.attached)
                lost = f"; {kept} no longer attach" if kept else ""
                self.notify(
                    f"Read {notes_count(memo.read)} from {self.notes_path.name}{lost}",
                    markup=False,
                )
            return notes
        return self.memo.open(*pair, comparison)

    def comparisons(self) -> Callable[[int, int], Comparison] | None:
        """How to compare pairs whose stored notes were not opened this time (a set)."""
        return None

    @property
    def dirty(self) -> bool:
        return self.memo is not None and self.memo.dirty

    def touched(self) -> None:
        """A note was added, changed or deleted."""
        if self.memo is not None:
            self.memo.dirty = True
        self.screen.refresh_bindings()

    def can_save(self) -> bool:
        return self.memo is not None and (self.memo.dirty or not self.notes_path.exists())

    def save_notes(self) -> bool:
        """Write the memo atomically; False (and a visible error) if it could not be written."""
        memo = self.memo
        if memo is None:
            return False
        text = memo.render(
            date=self._today or date.today().isoformat(), comparisons=self.comparisons()
        )
        try:
            kept = save_memo(self.notes_path, text)
        except MemoError as exc:
            self.notify(str(exc), markup=False, severity="error", timeout=10)
            return False
        if kept is not None:
            # Said twice: on screen now, and on the terminal after quitting.
            self.notify(kept, markup=False, severity="warning", timeout=10)
            self.exit_messages.append(kept)
        memo.dirty = False
        self.notes_saved()
        return True

    def notes_saved(self) -> None:
        """Hook: the screens redraw their status."""
        for screen in self.screen_stack:
            refresh = getattr(screen, "notes_changed", None)
            if callable(refresh):
                refresh()
        self.screen.refresh_bindings()

    def action_save(self) -> None:
        if self.save_notes():
            count = self.memo.count if self.memo is not None else 0
            self.notify(f"Saved {notes_count(count)} to {self.notes_path}", markup=False)

    async def action_quit(self) -> None:
        """Quit; unsaved notes are saved first, and the reader is told where."""
        if self.dirty and not self._quit_anyway:
            if not self.save_notes():
                self._quit_anyway = True
                self.notify(
                    "Notes NOT saved: press q again to quit anyway",
                    markup=False,
                    severity="error",
                    timeout=10,
                )
                return
            count = self.memo.count if self.memo is not None else 0
            self.exit_messages.append(f"Saved {notes_count(count)} to {self.notes_path}")
        self.exit(0, return_code=0)

    # -- the command palette --------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands, then every action of the screen that can run now."""
        yield from super().get_system_commands(screen)
        actions: tuple[tuple[str, str, str], ...] = getattr(screen, "ACTIONS", ())
        for action, title, help_text in actions:
            if screen.check_action(action, ()):
                yield SystemCommand(title, help_text, _runner(screen, action))


def _runner(screen: Screen[Any], action: str) -> Callable[[], object]:
    return lambda: screen.run_action(action)
