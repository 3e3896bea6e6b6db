"""Reading notes back from a memo: the anchor comments, what a person edited, what is broken.

A note is stored twice in its memo: as JSON in an HTML comment (its anchor and text) and as the
visible paragraph under its quotes. When the visible paragraph was edited by hand (on GitHub,
in an editor), the edit wins. A comment that does not parse is reported by line and kept
verbatim (``Unreadable.raw``), never dropped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from compare_tui.core.mdtext import escape_inline, unescape_inline
from compare_tui.notes.model import Note, note_data, note_from_data

_NOTE = re.compile(r"<!-- compare-tui-note (\{.*?\}) -->")
#: Every note comment, readable or not.
_NOTE_START = re.compile(r"<!-- compare-tui-note")


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A note comment that did not parse, kept as it was found."""

    line: int
    heading: str
    reason: str
    #: Its lines (heading to the next heading), written back verbatim on save.
    raw: str

    def message(self) -> str:
        where = f"{self.heading} (line {self.line})" if self.heading else f"line {self.line}"
        return f"{where} could not be read ({self.reason}); it is kept in the memo as it was"


@dataclass(frozen=True, slots=True)
class ParsedMemo:
    """What a memo holds: its notes, the note comments that did not parse, and how many notes
    took their text from a hand edit of the visible paragraph."""

    notes: tuple[Note, ...] = ()
    unreadable: tuple[Unreadable, ...] = ()
    edited: int = 0


def anchor_comment(note: Note) -> str:
    """The HTML comment that stores ``note`` in a memo (one line, never holding ``-->``)."""
    raw = json.dumps(note_data(note), ensure_ascii=False, separators=(",", ":"))
    # "<", ">" and "&" only occur inside JSON strings: escaping them keeps "-->" out.
    raw = raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<!-- compare-tui-note {raw} -->"


def _visible_text(lines: list[str]) -> str:
    """The note's paragraph: the lines after its quotes (blockquote lines), joined."""
    body = [
        line.strip()
        for line in lines
        if line.strip() and not line.lstrip().startswith((">", "<!--"))
    ]
    return " ".join(body)


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"broken JSON at column {exc.colno}"
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]!r}"
    return " ".join(str(exc).split())[:80] or type(exc).__name__


def parse_memo_full(text: str) -> ParsedMemo:
    """Every note of a memo, with hand edits applied, and every comment that did not parse."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if _NOTE_START.search(line)]
    notes: list[Note] = []
    unreadable: list[Unreadable] = []
    edited = 0
    for i in starts:
        first = i - 1 if i > 0 and lines[i - 1].startswith("#") else i
        end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("#")), len(lines))
        end = next((j for j in range(i + 1, end) if _NOTE_START.search(lines[j])), end)
        heading = lines[first].lstrip("#").strip() if first < i else ""
        match = _NOTE.search(lines[i])
        try:
            if match is None:
                raise ValueError("the comment is not closed on its line")
            data: Any = json.loads(match.group(1))
            note = note_from_data(data)
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raw = "\n".join(lines[first:end]).rstrip("\n")
            unreadable.append(Unreadable(i + 1, heading, _reason(exc), raw))
            continue
        visible = _visible_text(lines[i + 1 : end])
        if visible and visible != escape_inline(note.text):
            note = replace(note, text=unescape_inline(visible))
            edited += 1
        notes.append(note)
    return ParsedMemo(tuple(notes), tuple(unreadable), edited)


def parse_memo(text: str) -> list[Note]:
    """Every note stored in a memo (hand edits of a note's paragraph applied)."""
    return list(parse_memo_full(text).notes)
