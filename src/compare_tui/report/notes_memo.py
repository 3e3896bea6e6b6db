"""The notes memo as Markdown: a pair's memo (``render_memo``) or a set's (``render_note_set``).

A sources section listing every article, then per pair its figure table and its notes, each
note with its anchor comment (``notes.parse.anchor_comment``), the sentences it quotes and its
text. Notes that no longer attach and note comments that could not be read are kept, so a save
never drops anything the memo held.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from compare_tui.core.mdtext import code_inline, escape_inline
from compare_tui.core.models import Comparison
from compare_tui.notes.decisions import StoredOverride
from compare_tui.notes.model import Note, NoteKind
from compare_tui.notes.noteset import NoteSet
from compare_tui.notes.parse import Unreadable, anchor_comment
from compare_tui.notes.storage import MEMO_MARKER
from compare_tui.report.decisions_memo import decisions_section
from compare_tui.report.markdown import figure_table, sources_section


def _note_block(
    names: tuple[str, str], note: Note, number: int, attached: bool, *, level: str = "###"
) -> list[str]:
    t = note.target
    if t.kind is NoteKind.ALIGNMENT:
        about = "sentences " + ", ".join(
            f"{side} {'+'.join(str(i + 1) for i in idx)}"
            for side, idx in (("left", t.left), ("right", t.right))
            if idx
        )
    else:
        about = "figures"
    state = about if attached else "no longer attached"
    heading = f"{level} Note {number}: {state}"
    lines = [heading, anchor_comment(note), ""]
    sides = (("Left", names[0], t.left_quote), ("Right", names[1], t.right_quote))
    for label, name, quote in sides:
        lines.append(
            f"> **{label}** ({code_inline(name)}): "
            f"{escape_inline(quote) if quote else '*(nothing)*'}"
        )
        lines.append(">")
    lines.pop()
    lines += ["", escape_inline(note.text), ""]
    return lines


def _order(note: Note) -> tuple[int, int, int]:
    t = note.target
    first = (t.left or t.right or (0,))[0]
    return (0 if t.kind is NoteKind.ALIGNMENT else 1, first, t.right[0] if t.right else -1)


def _memo_head(title: str, date: str) -> list[str]:
    """The lines every notes memo opens with, up to its sources table."""
    return [
        MEMO_MARKER,
        f"# Notes: {escape_inline(title)}",
        "",
        f"Date: {date}",
        "",
        "## Sources",
        "",
    ]


def render_memo(
    comparison: Comparison,
    attached: Iterable[Note],
    detached: Iterable[Note] = (),
    *,
    date: str,
    unreadable: Iterable[Unreadable] = (),
    sources: Callable[[Comparison], list[str]] = sources_section,
    figures: Callable[[Comparison], list[str]] = figure_table,
    overrides: Sequence[StoredOverride] = (),
) -> str:
    """The whole memo: sources, date, figure table with verdicts, then every note."""
    left, right = comparison.documents
    lines = [
        *_memo_head(f"{Path(left.path).name} vs {Path(right.path).name}", date),
        *sources(comparison),
        "",
        "## Figures",
        "",
        *figures(comparison),
        "",
        *decisions_section(overrides),
        "## Notes",
        "",
    ]
    notes = sorted(attached, key=_order)
    kept = list(detached)
    if not notes and not kept:
        lines += ["*(no notes yet)*", ""]
    names = (Path(left.path).name, Path(right.path).name)
    for n, note in enumerate(notes, 1):
        lines += _note_block(names, note, n, True)
    if kept:
        lines += ["## Notes that no longer attach", ""]
        for n, note in enumerate(kept, len(notes) + 1):
            lines += _note_block(note.names or names, note, n, False)
    lines += _unreadable_section(unreadable)
    return "\n".join(lines).rstrip("\n") + "\n"


def _unreadable_section(unreadable: Iterable[Unreadable]) -> list[str]:
    """Note comments that did not parse, verbatim: the reader can mend them by hand."""
    blocks = list(unreadable)
    if not blocks:
        return []
    lines = ["## Notes that could not be read", ""]
    for block in blocks:
        lines += [block.raw, ""]
    return lines


def render_note_set(
    memo: NoteSet, *, date: str, comparisons: Callable[[int, int], Comparison] | None = None
) -> str:
    """The memo: for two articles the pair memo (``render_memo``); for a set, the sources
    of every article, then per pair with notes its figure table and notes, then the notes
    that attach to no pair. ``comparisons(i, j)`` lets notes of pairs not opened this
    time attach (and get their figure table); without it they are kept as they were."""
    kept = memo.open_waiting(comparisons)
    if len(memo.documents) == 2 and set(memo.pairs) <= {(0, 1)}:
        pair = memo.pairs.get((0, 1))
        if pair is not None:
            return render_memo(
                pair.comparison,
                pair.attached.values(),
                pair.detached + kept,
                date=date,
                unreadable=memo.unreadable,
                overrides=memo.overrides,
            )
    lines = [
        *_memo_head(memo.title, date),
        *_set_sources(memo),
        "",
    ]
    lines += decisions_section(memo.overrides)
    number = 0
    noted = [key for key in sorted(memo.pairs) if memo.pairs[key].count]
    if not noted and not kept and not memo.unreadable:
        lines += ["*(no notes yet)*", ""]
    for key in noted:
        pair = memo.pairs[key]
        names = memo.names(key)
        lines += [
            f"## #{key[0] + 1} {escape_inline(names[0])} vs #{key[1] + 1} "
            f"{escape_inline(names[1])}",
            "",
            "### Figures",
            "",
            *figure_table(pair.comparison),
            "",
            "### Notes",
            "",
        ]
        for note in sorted(pair.attached.values(), key=_order):
            number += 1
            lines += _note_block(names, note, number, True, level="####")
        for note in pair.detached:
            number += 1
            lines += _note_block(note.names or names, note, number, False, level="####")
    if kept:
        lines += ["## Notes that no longer attach", ""]
        for note in kept:
            number += 1
            lines += _note_block(note.names or ("?", "?"), note, number, False)
    lines += _unreadable_section(memo.unreadable)
    return "\n".join(lines).rstrip("\n") + "\n"


def _set_sources(memo: NoteSet) -> list[str]:
    lines = [
        "| # | File or URL | Headline | Outlet | Published | SHA-256 |",
        "|---|---|---|---|---|---|",
    ]
    for k, doc in enumerate(memo.documents, 1):
        src = doc.source
        cells = [
            code_inline(src.url or doc.path),
            escape_inline(doc.title or src.title or ""),
            escape_inline(src.outlet or ""),
            escape_inline(src.published or ""),
            code_inline(src.sha256) if src.sha256 else "",
        ]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    return lines
