"""Nothing the journalist wrote is lost: signals, kill -9, failed saves, ``-o`` over a memo.

Signals are sent to a real ``compare-tui`` process running in a pseudo-terminal, with keys
typed into it as a person would.
"""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import re
import resource
import signal
import struct
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from compare_tui.notes import storage
from compare_tui.notes.journal import STATE_ENV, Journal
from compare_tui.notes.model import Note
from compare_tui.notes.storage import read_memo
from compare_tui.ui.app import CompareApp

from .test_ui_app import SIZE, ready
from .test_ui_support import SEED_LEFT, SEED_RIGHT, make_app


class Running:
    """``compare-tui LEFT RIGHT --notes NOTES`` in a pseudo-terminal, its output drained."""

    def __init__(
        self, notes: Path, *, env: dict[str, str] | None = None, max_file: int | None = None
    ) -> None:
        self.output = bytearray()
        pid, fd = pty.fork()
        if pid == 0:  # the child: the app
            if max_file is not None:  # a disk that is full past ``max_file`` bytes a file
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (max_file, max_file))
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
            os.environ.update({"TERM": "xterm-256color", "COLUMNS": "160", "LINES": "40"})
            os.environ.update(env or {})
            args = [sys.executable, "-m", "compare_tui", SEED_LEFT, SEED_RIGHT, "--notes"]
            os.execv(sys.executable, [*args, str(notes)])
        self.pid, self.fd = pid, fd
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def shows(self, text: str) -> bool:
        """Whether the screen output so far holds ``text`` (escape sequences removed)."""
        plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]", b"", bytes(self.output))
        return text.encode() in plain

    def wait_for(self, condition: object, what: str, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if callable(condition) and condition():
                return
            time.sleep(0.05)
        self.kill()
        tail = bytes(self.output[-600:]).decode(errors="replace")
        raise AssertionError(f"timed out waiting for {what}; the output ended with {tail!r}")

    def type(self, keys: str) -> None:
        for key in keys:
            os.write(self.fd, key.encode())
            time.sleep(0.02)

    def exit_status(self, timeout: float = 20.0) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        self.kill()
        raise AssertionError("the app did not exit")

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _note_typed(
    tmp_path: Path, text: str, *, max_file: int | None = None
) -> tuple[Running, Path, Path]:
    """The app running with ``text`` typed as a note (Enter pressed), not saved."""
    notes = tmp_path / "notes.md"
    journal = Journal(notes).beside
    app = Running(notes, env={STATE_ENV: str(tmp_path / "state")}, max_file=max_file)
    app.wait_for(lambda: app.shows("Quit"), "the app on screen")
    app.wait_for(lambda: app.shows("notes.md"), "the comparison and its status line")
    time.sleep(0.5)
    app.type("a")
    app.wait_for(lambda: app.shows("Note on"), "the note prompt")
    time.sleep(0.3)
    app.type(text + "\r")
    app.wait_for(journal.exists, "the note journalled")
    return app, notes, journal


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_saves_unsaved_notes_before_exit(tmp_path: Path, sig: signal.Signals) -> None:
    """Failure 2: notes typed but not saved were lost on SIGTERM, SIGHUP and SIGINT."""
    app, notes, journal = _note_typed(tmp_path, "signal proof")
    os.kill(app.pid, sig)
    status = app.exit_status()
    assert status == 128 + sig  # never 0: the app did not end because the reader quit
    assert [n.text for n in read_memo(notes)] == ["signal proof"]
    assert not journal.exists()


async def test_kill_9_after_enter_then_a_restart_has_the_note(tmp_path: Path) -> None:
    """Must hold: kill -9 at any moment after a note's Enter, then a restart: it is there."""
    app, notes, journal = _note_typed(tmp_path, "survives kill")
    os.kill(app.pid, signal.SIGKILL)
    assert app.exit_status() == -signal.SIGKILL
    assert journal.exists() and not notes.exists()
    again = CompareApp(SEED_LEFT, SEED_RIGHT, notes_path=notes, today="2025-06-14")
    async with again.run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert [n.text for n in view.notes.values()] == ["survives kill"]
        assert any("Recovered 1 unsaved change" in n.message for n in again._notifications)
        await pilot.press("q")
    assert [n.text for n in read_memo(notes)] == ["survives kill"]
    assert not journal.exists()


def test_a_disk_full_at_save_keeps_the_notes_and_quit_asks_again(tmp_path: Path) -> None:
    """Failure 3 on a real process: the memo cannot be written (every file is capped at 2 KB,
    as on a disk that is full), the journal line can; q reports it, q again quits with 1."""
    app, notes, journal = _note_typed(tmp_path, "kept on a full disk", max_file=2048)
    app.type("q")
    app.wait_for(lambda: app.shows("press q again"), "the second chance")
    assert not notes.exists() or "kept on a full disk" not in notes.read_text(errors="replace")
    app.type("q")
    assert app.exit_status() == 1
    assert app.shows(str(journal))
    assert [c.note.text for c in Journal(notes).changes()] == ["kept on a full disk"]


def test_every_journalled_note_is_read_back(tmp_path: Path) -> None:
    """Each note recorded is a change the journal gives back, in order (its speed is measured
    in benchmarks/bench_journal.py)."""
    from compare_tui.notes.model import Note, alignment_target

    from .test_ui_support import seed_comparison

    c = seed_comparison()
    journal = Journal(tmp_path / "notes.md")
    notes = [Note(alignment_target(c, n % len(c.alignments)), f"note {n}") for n in range(50)]
    for note in notes:
        assert journal.record("set", note)
    assert [ch.note.text for ch in journal.changes()] == [f"note {n}" for n in range(50)]


# -- a save that fails: quitting asks again and says where the notes are kept ----------------


async def _quit_after_failed_save(tmp_path: Path, app: CompareApp) -> list[str]:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a", *"do not lose me", "enter")
        await pilot.press("q")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert app.is_running, "the first q after a failed save must not quit"
        await pilot.press("q")
    return said


def _foreign_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.write_text("my thesis, not a memo\n")
    return path


def _dangling_symlink(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.symlink_to(tmp_path / "gone" / "target.md")
    return path


@pytest.mark.parametrize("make", [_foreign_file, _dangling_symlink])
async def test_after_a_failed_save_the_notes_are_kept_and_the_reader_told(
    tmp_path: Path, make: object
) -> None:
    """Failure 3: after a failed save, q q exited 0 and the notes were gone."""
    assert callable(make)
    path = make(tmp_path)
    app = make_app(tmp_path)
    said = await _quit_after_failed_save(tmp_path, app)
    journal = Journal(path)
    assert app.return_code == 1
    assert any("press q again" in m and str(journal.beside) in m for m in said)
    assert any(str(journal.beside) in m for m in app.exit_messages)
    assert [c.note.text for c in journal.changes()] == ["do not lose me"]


async def test_full_disk_save_failure_keeps_the_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: object, text: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "write_text_atomic", full)
    app = make_app(tmp_path)
    said = await _quit_after_failed_save(tmp_path, app)
    assert app.return_code == 1
    assert any("No space left on device" in m for m in said)
    monkeypatch.undo()
    # The next start replays the journal; a save then writes the memo.
    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert [n.text for n in view.notes.values()] == ["do not lose me"]
        await pilot.press("s")
    assert [n.text for n in read_memo(tmp_path / "notes.md")] == ["do not lose me"]


async def test_a_memo_folder_that_cannot_be_written_journals_to_the_state_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(STATE_ENV, str(tmp_path / "state"))
    path = blocker / "notes.md"  # its folder is a file: nothing can be written there
    app = CompareApp(SEED_LEFT, SEED_RIGHT, notes_path=path, today="2025-06-14")
    said = await _quit_after_failed_save(tmp_path, app)
    journal = Journal(path)
    assert journal.fallback.parent == tmp_path / "state"
    assert any(str(journal.fallback) in m for m in said)
    assert [c.note.text for c in journal.changes()] == ["do not lose me"]


def test_a_journal_in_a_folder_of_articles_is_not_taken_for_an_article(tmp_path: Path) -> None:
    import shutil

    from compare_tui.core.corpus import load_corpus
    from compare_tui.notes.model import alignment_target

    from .test_ui_support import seed_comparison

    folder = tmp_path / "stories"
    folder.mkdir()
    for name in (SEED_LEFT, SEED_RIGHT):
        shutil.copy(name, folder)
    c = seed_comparison()
    journal = Journal(folder / "notes-stories.md")
    assert journal.record("set", Note(alignment_target(c, 0), "a note"))
    loaded = load_corpus([str(folder)])
    assert len(loaded.texts) == 2
    assert [Path(s.path).name for s in loaded.skipped] == ["notes-stories.md.journal"]


async def test_the_app_reports_each_unreadable_note_and_keeps_it(tmp_path: Path) -> None:
    """Failure 6 in the app: "Read 2 notes" and no word about the third, then dropped."""
    first = make_app(tmp_path)
    async with first.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a", *"good one", "enter", "s")
    path = tmp_path / "notes.md"
    broken = path.read_text(encoding="utf-8") + (
        '\n### Note 2: x\n<!-- compare-tui-note {"kind": oops} -->\n\nsecond\n'
        '\n### Note 3: y\n<!-- compare-tui-note {"kind":"alignment"} -->\n\nthird\n'
    )
    path.write_text(broken, encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert [n.text for n in view.notes.values()] == ["good one"]
        await pilot.press("n", "a", *"new one", "enter")
        await pilot.press("q")
    lines = broken.split("\n")
    for number, why in ((2, "broken JSON"), (3, "missing")):
        line = lines.index(next(x for x in lines if x.startswith(f"### Note {number}:"))) + 2
        assert any(f"line {line}" in m and why in m for m in said), said
    assert any("Read 1 note" in m and "2 could not be read" in m for m in said), said
    saved = path.read_text(encoding="utf-8")
    assert '{"kind": oops}' in saved and '{"kind":"alignment"}' in saved
    assert sorted(n.text for n in read_memo(path)) == ["good one", "new one"]


def test_same_named_files_in_other_folders_never_share_the_notes_file(tmp_path: Path) -> None:
    """Failure 5: d1/story.txt d2/story.txt, later d3/story.txt d4/story.txt, shared
    notes-story--story.md, and the first pair's notes showed in the second pair's file."""
    from compare_tui.core.inputs import load_input

    for folder, source in (("d1", SEED_LEFT), ("d2", SEED_RIGHT), ("d3", SEED_RIGHT)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_bytes(Path(source).read_bytes())
    (tmp_path / "d4").mkdir()
    (tmp_path / "d4" / "story.txt").write_bytes(Path(SEED_LEFT).read_bytes()[:2000])
    first = CompareApp(*(load_input(str(tmp_path / d / "story.txt")) for d in ("d1", "d2")))
    second = CompareApp(*(load_input(str(tmp_path / d / "story.txt")) for d in ("d3", "d4")))
    assert first.notes_path != second.notes_path
    assert first.notes_path.name.startswith("notes-story--story-")


async def test_notes_under_the_old_file_name_are_found_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Notes taken before names carried a tag stay in use, for these very articles only."""
    from compare_tui.core.inputs import load_input

    monkeypatch.chdir(tmp_path)
    left, right = load_input(SEED_LEFT), load_input(SEED_RIGHT)
    app = CompareApp(left, right, notes_path="notes-000_633a6f03b1d6c80d--004_967b0b30f98c59d7.md")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a", *"from before", "enter", "s")
    again = CompareApp(left, right)
    assert again.notes_path.name == "notes-000_633a6f03b1d6c80d--004_967b0b30f98c59d7.md"
    # Other articles under the same file names: the old file holds none of their notes.
    for folder in ("d", "e"):
        (tmp_path / folder).mkdir()
    (tmp_path / "d" / Path(SEED_LEFT).name).write_bytes(Path(SEED_LEFT).read_bytes()[:3000])
    (tmp_path / "e" / Path(SEED_RIGHT).name).write_bytes(Path(SEED_RIGHT).read_bytes()[:2500])
    other = CompareApp(
        load_input(str(tmp_path / "d" / Path(SEED_LEFT).name)),
        load_input(str(tmp_path / "e" / Path(SEED_RIGHT).name)),
    )
    assert other.notes_path.name != again.notes_path.name


def test_replay_applies_sets_and_deletes_in_order_and_is_idempotent() -> None:
    from dataclasses import replace

    from compare_tui.notes.journal import Change, replay
    from compare_tui.notes.model import alignment_target, pair_ids

    from .test_ui_support import seed_comparison

    c = seed_comparison()
    ids, names = pair_ids(c)
    a = Note(alignment_target(c, 1), "a", pair=ids, names=names)
    b = Note(alignment_target(c, 2), "b", pair=ids, names=names)
    old_b = replace(b, text="b from an old memo", pair=None, names=None)
    changes = [Change("set", a), Change("del", b), Change("set", replace(a, text="a2"))]
    assert [n.text for n in replay([old_b], changes)] == ["a2"]
    assert [n.text for n in replay(replay([old_b], changes), changes)] == ["a2"]
