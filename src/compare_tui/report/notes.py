"""Old home of the notes domain, kept so that code written against it still imports.

The notes now live in ``compare_tui.notes`` (model, parse, noteset, storage, journal) and their
Markdown in ``compare_tui.report.notes_memo``; import from there.
"""

from __future__ import annotations

from compare_tui.notes.model import (
    Key,
    Note,
    NoteKind,
    Target,
    alignment_target,
    all_targets,
    attach,
    doc_id,
    figure_target,
    pair_ids,
)
from compare_tui.notes.noteset import NoteSet, PairNotes
from compare_tui.notes.parse import parse_memo
from compare_tui.notes.storage import (
    MEMO_MARKER,
    MemoError,
    default_notes_name,
    default_set_notes_name,
    read_memo,
    save_memo,
)
from compare_tui.report.notes_memo import render_memo, render_note_set

__all__ = [
    "MEMO_MARKER",
    "Key",
    "MemoError",
    "Note",
    "NoteKind",
    "NoteSet",
    "PairNotes",
    "Target",
    "alignment_target",
    "all_targets",
    "attach",
    "default_notes_name",
    "default_set_notes_name",
    "doc_id",
    "figure_target",
    "pair_ids",
    "parse_memo",
    "read_memo",
    "render_memo",
    "render_note_set",
    "save_memo",
]
