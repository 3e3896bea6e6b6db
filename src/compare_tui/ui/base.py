"""What both apps share: one notes memo for everything the reader notes, saving, quitting,
and a command palette built from the active screen's own actions.

The two-article app and the overview app differ only in the screens they show; every pair
view (``PairScreen``) asks the app for its pair's notes, so notes taken in any pair view of a
set gather into one memo.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from compare_tui.core.models import Comparison, Document
from compare_tui.notes.decisions import read_overrides
from compare_tui.notes.journal import Journal, replay
from compare_tui.notes.model import Note
from compare_tui.notes.noteset import NoteSet, PairNotes
from compare_tui.notes.parse import ParsedMemo
from compare_tui.notes.storage import MemoError, MemoFile
from compare_tui.report.notes_memo import render_note_set

#: What ends the app from outside: a terminal closed, ``kill``, ctrl+c sent as a signal.
_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


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
        #: Why the last save failed (None: it did not).
        self.save_error: str | None = None
        #: Lines printed on standard error after the app ends (what was saved, errors).
        self.exit_messages: list[str] = []
        self._today = today
        self._quit_anyway = False

    @property
    def notes_path(self) -> Path:
        return self._notes_path

    @notes_path.setter
    def notes_path(self, path: str | Path) -> None:
        self._notes_path = Path(path)
        self.memo_file = MemoFile(self._notes_path)
        self.journal = Journal(self._notes_path)

    def on_mount(self) -> None:
        """Save (or keep in the journal) before a signal ends the app."""
        loop = asyncio.get_running_loop()
        for sig in _SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._on_signal, sig)

    def say_exit_messages(self) -> None:
        """What was saved (or not) on the terminal after the app ends; after a hang-up there
        is no terminal any more, and the notes are already on disk."""
        for line in self.exit_messages:
            try:
                print(line, file=sys.stderr, flush=True)
            except (OSError, ValueError):
                return

    def _on_signal(self, signum: int) -> None:
        name = signal.Signals(signum).name
        if self.dirty:
            if self.save_notes():
                count = self.memo.count if self.memo is not None else 0
                self.exit_messages.append(
                    f"{name}: saved {notes_count(count)} to {self.notes_path}"
                )
            else:
                self.exit_messages.append(f"{name}: {self.unsaved_message()}")
        self.exit(128 + signum, return_code=128 + signum)

    # -- the memo -------------------------------------------------------------------------

    def open_memo(self, documents: Sequence[Document], *, title: str = "") -> NoteSet:
        """Read the notes file for these articles and replay its journal (changes not saved
        last time). An unreadable file is reported, and then never overwritten: saving
        refuses it too. Note comments that do not parse are reported one by one."""
        try:
            parsed = self.memo_file.read()
        except MemoError as exc:
            self.notify(str(exc), markup=False, severity="error", timeout=10)
            parsed = ParsedMemo()
        changes = self.journal.changes()
        stored = replay(parsed.notes, changes)
        try:
            overrides, bad = read_overrides(self.notes_path)
        except (OSError, UnicodeDecodeError):
            overrides, bad = [], 0  # the memo's own read above says why
        if bad:
            said = f"{self.notes_path.name}: {bad} reader decision(s) could not be read"
            self.notify(said + " (kept in a backup on save)", markup=False, severity="warning")
        self.memo = NoteSet(
            documents,
            stored,
            title=title,
            unreadable=parsed.unreadable,
            on_change=self._journal_change,
            overrides=overrides,
        )
        for broken in parsed.unreadable:
            self.notify(
                f"{self.notes_path.name}: {broken.message()}",
                markup=False,
                severity="warning",
                timeout=15,
            )
        if parsed.edited:
            self.notify(
                f"{self.notes_path.name}: {notes_count(parsed.edited)} edited by hand; "
                "the edited text is used",
                markup=False,
            )
        if changes:
            self.memo.dirty = True
            self.notify(
                f"Recovered {len(changes)} unsaved change{'s' if len(changes) != 1 else ''} "
                f"from {self.journal.where()}",
                markup=False,
                severity="warning",
                timeout=10,
            )
        return self.memo

    def _journal_change(self, op: str, note: Note) -> None:
        """A note was made, changed or deleted: on disk before anything else."""
        if not self.journal.record(op, note):
            self.notify(
                f"This note could not be kept on disk yet ({self.journal.error}); save with s",
                markup=False,
                severity="error",
                timeout=10,
            )

    def unsaved_message(self) -> str:
        """Where unsaved notes are, after a save failed."""
        why = f" ({self.save_error})" if self.save_error else ""
        if self.journal.error is None:
            return (
                f"notes NOT saved to {self.notes_path}{why}; they are kept in "
                f"{self.journal.where()} and come back the next time these articles are opened"
            )
        return (
            f"notes NOT saved to {self.notes_path}{why}, and they could not be kept "
            f"anywhere else ({self.journal.error})"
        )

    def pair_notes(self, pair: tuple[int, int], comparison: Comparison) -> PairNotes:
        """The notes of one pair; for two articles the memo is opened on first use."""
        if self.memo is None:
            memo = self.open_memo(comparison.documents)
            notes = memo.open(*pair, comparison)
            if memo.read or memo.unreadable:
                kept = memo.read - len(notes.attached)
                lost = f"; {kept} no longer attach" if kept else ""
                if memo.unreadable:
                    lost += f"; {len(memo.unreadable)} could not be read (kept as they were)"
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
        text = render_note_set(
            memo, date=self._today or date.today().isoformat(), comparisons=self.comparisons()
        )
        try:
            kept = self.memo_file.save(text)
        except MemoError as exc:
            self.save_error = str(exc)
            self.notify(str(exc), markup=False, severity="error", timeout=10)
            return False
        self.save_error = None
        self.journal.clear()
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
        """Quit; unsaved notes are saved first, and the reader is told where. When the save
        fails, quitting asks again and says where the notes are kept (the journal); quitting
        then ends with status 1 and says it again on the terminal."""
        if self.dirty and not self._quit_anyway:
            if not self.save_notes():
                self._quit_anyway = True
                self.notify(
                    f"{self.unsaved_message()}: press q again to quit anyway",
                    markup=False,
                    severity="error",
                    timeout=20,
                )
                return
            count = self.memo.count if self.memo is not None else 0
            self.exit_messages.append(f"Saved {notes_count(count)} to {self.notes_path}")
        if self.dirty:
            self.exit_messages.append(f"compare-tui: {self.unsaved_message()}")
            self.exit(1, return_code=1)
            return
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
