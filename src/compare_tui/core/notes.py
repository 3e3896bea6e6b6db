"""A fact-checker's notes on a comparison, kept in a Markdown memo that reads well on GitHub.

Each note is anchored to an alignment (its sentence indexes on both sides) or to a figure pair
(figure indexes), plus a short hash of the sentences it quotes. The anchor is stored as JSON in
an HTML comment, so a memo can be read back and its notes re-attached when the same pair is
opened again, even if sentence numbering moved. Notes that no longer attach are kept.
Pure: no terminal, no markup; the tables are the Markdown report's own; the only I/O is
``read_memo``/``save_memo``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from compare_tui.core.atomic import write_text_atomic
from compare_tui.core.figure_table import figure_rows
from compare_tui.core.models import Comparison
from compare_tui.report.markdown import escape_inline, figure_table, sources_section

#: First line of every memo this module writes; a file without it is never overwritten.
MEMO_MARKER = "<!-- compare-tui notes memo v1 -->"
_NOTE = re.compile(r"<!-- compare-tui-note (\{.*?\}) -->")


class NoteKind(StrEnum):
    ALIGNMENT = "alignment"
    FIGURE = "figure"


Key = tuple[NoteKind, tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Target:
    """Something a note can be about: an alignment or a figure pair, with what it quotes."""

    kind: NoteKind
    left: tuple[int, ...]
    right: tuple[int, ...]
    left_quote: str
    right_quote: str

    @property
    def key(self) -> Key:
        return self.kind, self.left, self.right

    @property
    def digest(self) -> str:
        """A short hash of the quoted text: survives renumbering, changes when the text does."""
        data = f"{self.kind}\x00{self.left_quote}\x00{self.right_quote}".encode()
        return hashlib.sha256(data).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Note:
    """A note's text and its anchor (the target as it was when the note was written)."""

    target: Target
    text: str
    digest: str = ""

    def __post_init__(self) -> None:
        if not self.digest:
            object.__setattr__(self, "digest", self.target.digest)

    @property
    def key(self) -> Key:
        return self.target.key


def alignment_target(comparison: Comparison, index: int) -> Target:
    """The note target for ``comparison.alignments[index]``."""
    a = comparison.alignments[index]
    left, right = comparison.documents
    return Target(
        NoteKind.ALIGNMENT,
        a.left,
        a.right,
        " ".join(left.sentence_text(i) for i in a.left),
        " ".join(right.sentence_text(j) for j in a.right),
    )


def figure_target(comparison: Comparison, left: int | None, right: int | None) -> Target:
    """The note target for a figure row: figure indexes per side (None where missing)."""
    quotes = []
    for side, index in ((0, left), (1, right)):
        if index is None:
            quotes.append("")
            continue
        fig = comparison.figures[side][index]
        doc = comparison.documents[side]
        quotes.append(f"{fig.text} | {doc.sentence_text(fig.sentence)}")
    return Target(
        NoteKind.FIGURE,
        () if left is None else (left,),
        () if right is None else (right,),
        quotes[0],
        quotes[1],
    )


def all_targets(comparison: Comparison) -> Iterable[Target]:
    """Every alignment and every figure row, in display order."""
    for n in range(len(comparison.alignments)):
        yield alignment_target(comparison, n)
    for row in figure_rows(comparison, all_lone=True):
        yield figure_target(comparison, row.left, row.right)


def attach(comparison: Comparison, notes: Iterable[Note]) -> tuple[dict[Key, Note], list[Note]]:
    """Re-attach stored notes to this comparison; returns (attached by key, detached).

    A note attaches where its indexes still quote the same text; failing that, to the one
    target whose quoted text hashes the same (the sentences moved). Otherwise it is detached
    and kept as it was.
    """
    notes = list(notes)
    attached: dict[Key, Note] = {}
    detached: list[Note] = []
    if not notes:
        return attached, detached
    by_key: dict[Key, Target] = {}
    by_digest: dict[str, list[Target]] = {}
    for target in all_targets(comparison):
        by_key[target.key] = target
        by_digest.setdefault(target.digest, []).append(target)
    for note in notes:
        here = by_key.get(note.key)
        if here is not None and here.digest == note.digest:
            found: Target | None = here
        else:
            matches = [t for t in by_digest.get(note.digest, []) if t.kind is note.target.kind]
            found = matches[0] if len(matches) == 1 else None
        if found is None or found.key in attached:
            detached.append(note)
        else:
            attached[found.key] = replace(note, target=found, digest=found.digest)
    return attached, detached


# -- the memo ------------------------------------------------------------------------------


def _anchor_comment(note: Note) -> str:
    data = {
        "kind": str(note.target.kind),
        "left": list(note.target.left),
        "right": list(note.target.right),
        "digest": note.digest,
        "text": note.text,
        "left_quote": note.target.left_quote,
        "right_quote": note.target.right_quote,
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "<", ">" and "&" only occur inside JSON strings: escaping them keeps "-->" out.
    raw = raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<!-- compare-tui-note {raw} -->"


def _note_block(comparison: Comparison, note: Note, number: int, attached: bool) -> list[str]:
    left, right = comparison.documents
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
    heading = f"### Note {number}: {state}"
    lines = [heading, _anchor_comment(note), ""]
    for label, doc, quote in (("Left", left, t.left_quote), ("Right", right, t.right_quote)):
        name = Path(doc.path).name
        lines.append(
            f"> **{label}** (`{name}`): {escape_inline(quote) if quote else '*(nothing)*'}"
        )
        lines.append(">")
    lines.pop()
    lines += ["", escape_inline(note.text), ""]
    return lines


def _order(note: Note) -> tuple[int, int, int]:
    t = note.target
    first = (t.left or t.right or (0,))[0]
    return (0 if t.kind is NoteKind.ALIGNMENT else 1, first, t.right[0] if t.right else -1)


def render_memo(
    comparison: Comparison,
    attached: Iterable[Note],
    detached: Iterable[Note] = (),
    *,
    date: str,
    sources: Callable[[Comparison], list[str]] = sources_section,
    figures: Callable[[Comparison], list[str]] = figure_table,
) -> str:
    """The whole memo: sources, date, figure table with verdicts, then every note."""
    left, right = comparison.documents
    lines = [
        MEMO_MARKER,
        f"# Notes: {escape_inline(Path(left.path).name)} vs {escape_inline(Path(right.path).name)}",
        "",
        f"Date: {date}",
        "",
        "## Sources",
        "",
        *sources(comparison),
        "",
        "## Figures",
        "",
        *figures(comparison),
        "",
        "## Notes",
        "",
    ]
    notes = sorted(attached, key=_order)
    kept = list(detached)
    if not notes and not kept:
        lines += ["*(no notes yet)*", ""]
    for n, note in enumerate(notes, 1):
        lines += _note_block(comparison, note, n, True)
    if kept:
        lines += ["## Notes that no longer attach", ""]
        for n, note in enumerate(kept, len(notes) + 1):
            lines += _note_block(comparison, note, n, False)
    return "\n".join(lines).rstrip("\n") + "\n"


def parse_memo(text: str) -> list[Note]:
    """Every note stored in a memo, read from its anchor comments; unreadable ones skipped."""
    notes: list[Note] = []
    for match in _NOTE.finditer(text):
        try:
            data = json.loads(match.group(1))
            target = Target(
                NoteKind(data["kind"]),
                tuple(int(i) for i in data["left"]),
                tuple(int(i) for i in data["right"]),
                str(data["left_quote"]),
                str(data["right_quote"]),
            )
            notes.append(Note(target, str(data["text"]), str(data["digest"])))
        except (ValueError, KeyError, TypeError):
            continue
    return notes


class MemoError(Exception):
    """The notes file cannot be read or written; the message is one line."""


def read_memo(path: str | Path) -> list[Note]:
    """Notes held by a memo file; none if it does not exist."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise MemoError(f"{p}: cannot read the notes file ({exc})") from None
    return parse_memo(text)


def save_memo(path: str | Path, text: str) -> None:
    """Write a memo atomically; refuse to replace a file that is not a compare-tui memo."""
    p = Path(path)
    try:
        existing = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        existing = None
    except (OSError, UnicodeDecodeError) as exc:
        raise MemoError(f"{p}: cannot read the notes file before saving ({exc})") from None
    if existing is not None and existing.strip() and not existing.startswith(MEMO_MARKER):
        raise MemoError(f"{p}: exists and is not a compare-tui notes file; not overwriting it")
    try:
        write_text_atomic(p, text)
    except OSError as exc:
        raise MemoError(f"{p}: cannot write the notes file ({exc.strerror or exc})") from None


def default_notes_name(left: str | Path, right: str | Path) -> str:
    """``notes-<left stem>--<right stem>.md``: the same pair always finds the same file."""

    def stem(p: str | Path) -> str:
        name = Path(p).stem or "article"
        return re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:60]

    return f"notes-{stem(left)}--{stem(right)}.md"
