"""Every note change on disk the moment it is made, until the memo itself is saved.

The journal is a side file next to the memo (``notes-x.md.journal``), one JSON line per change,
appended and flushed before the change shows on screen: whatever ends the process afterwards
(kill -9, a closed terminal, a failed save), the next start replays it. It is removed after a
successful save. When the memo's folder cannot be written, the journal goes to the user's state
folder (``$XDG_STATE_HOME/compare-tui/journal``), and the replay looks in both places.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from compare_tui.core.own_output import JOURNAL_HEADER
from compare_tui.notes.model import Note, note_data, note_from_data

#: Overrides the fallback folder (tests, or a machine without a home).
STATE_ENV = "COMPARE_TUI_STATE"


@dataclass(frozen=True, slots=True)
class Change:
    """One journalled change: ``op`` is "set" (the note as it now is) or "del"."""

    op: str
    note: Note


def _state_dir() -> Path:
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "state"
    )
    return Path(base) / "compare-tui" / "journal"


def _same(a: Note, b: Note) -> bool:
    """Two notes on the same thing: same articles (a memo from before notes named their
    articles matches any), same kind, same quoted text."""
    if a.target.kind is not b.target.kind or a.digest != b.digest:
        return False
    return a.pair is None or b.pair is None or a.pair == b.pair


def replay(stored: Iterable[Note], changes: Iterable[Change]) -> list[Note]:
    """The memo's notes with the journalled changes applied in order (idempotent: changes
    already saved in the memo change nothing)."""
    notes = list(stored)
    for change in changes:
        notes = [n for n in notes if not _same(n, change.note)]
        if change.op == "set":
            notes.append(change.note)
    return notes


class Journal:
    """The journal of one memo file."""

    def __init__(self, memo_path: str | Path) -> None:
        memo = Path(memo_path)
        self.beside = memo.with_name(memo.name + ".journal")
        real = os.path.realpath(memo)
        tag = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.fallback = _state_dir() / f"{tag}-{memo.name}.journal"
        #: Where the last change went (None: nothing journalled by this session).
        self.path: Path | None = None
        #: Why the last change could not be journalled anywhere (None: it was).
        self.error: str | None = None

    def record(self, op: str, note: Note) -> bool:
        """Append one change and flush it to the kernel (it survives the process); False, with
        ``error`` set, when neither place can be written."""
        line = json.dumps({"op": op, "note": note_data(note)}, ensure_ascii=False) + "\n"
        data = line.encode("utf-8")
        problems = []
        for place in (self.beside, self.fallback):
            try:
                if place is self.fallback:
                    place.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd = os.open(place, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o600)
                try:
                    # A new journal opens with its header, in the same write as its first line.
                    out = (JOURNAL_HEADER.encode() + data) if os.fstat(fd).st_size == 0 else data
                    written = os.write(fd, out)
                    if written != len(out):
                        raise OSError(f"short write ({written} of {len(out)} bytes)")
                finally:
                    os.close(fd)
            except OSError as exc:
                problems.append(f"{place}: {exc.strerror or exc}")
                continue
            self.path, self.error = place, None
            return True
        self.error = "; ".join(problems)
        return False

    def changes(self) -> list[Change]:
        """Every change journalled and not yet saved, from both places, oldest first per
        place (a line cut short by a crash is skipped)."""
        found: list[Change] = []
        for place in (self.beside, self.fallback):
            try:
                with open(place, encoding="utf-8", errors="replace") as handle:
                    lines = handle.read().splitlines()
            except OSError:
                continue
            for line in lines:
                if not line.startswith('{"op"'):
                    continue  # the header, or a line cut short
                try:
                    data = json.loads(line)
                    found.append(Change(str(data["op"]), note_from_data(data["note"])))
                except (ValueError, KeyError, TypeError, IndexError):
                    continue
        return found

    def where(self) -> Path:
        """Where the unsaved changes are (for messages)."""
        if self.path is not None:
            return self.path
        return next((p for p in (self.beside, self.fallback) if p.exists()), self.beside)

    def clear(self) -> None:
        """The memo was saved: forget the journal."""
        for place in (self.beside, self.fallback):
            with contextlib.suppress(OSError):
                place.unlink()
        self.path = None
