"""What a note is about and how it finds its place again.

Each note is anchored to an alignment (its sentence indexes on both sides) or to a figure pair
(figure indexes), plus a short hash of the sentences it quotes, so it re-attaches when the same
pair is opened again even if sentence numbering moved. Each note also records which two
articles it is about (SHA-256, else path), so one memo can hold the notes of a whole set.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from compare_tui.core.figure_table import figure_rows
from compare_tui.core.models import Comparison, Document


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
    #: The two articles it is about (``doc_id`` of left and right), None in old memos.
    pair: tuple[str, str] | None = None
    #: Their file names, to find them again when an article's bytes changed.
    names: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if not self.digest:
            object.__setattr__(self, "digest", self.target.digest)

    @property
    def key(self) -> Key:
        return self.target.key


def doc_id(document: Document) -> str:
    """What identifies an article across runs: the SHA-256 of its bytes, else its path."""
    return document.source.sha256 or document.path


def file_name(document: Document) -> str:
    return Path(document.path).name


def pair_ids(comparison: Comparison) -> tuple[tuple[str, str], tuple[str, str]]:
    """(ids, file names) of a comparison's two articles, as notes record them."""
    left, right = comparison.documents
    return (doc_id(left), doc_id(right)), (file_name(left), file_name(right))


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


def note_data(note: Note) -> dict[str, Any]:
    """A note as JSON-ready data: what a memo's anchor comment and the journal store."""
    data: dict[str, Any] = {
        "kind": str(note.target.kind),
        "left": list(note.target.left),
        "right": list(note.target.right),
        "digest": note.digest,
        "text": note.text,
        "left_quote": note.target.left_quote,
        "right_quote": note.target.right_quote,
    }
    if note.pair is not None:
        data["pair"] = list(note.pair)
    if note.names is not None:
        data["names"] = list(note.names)
    return data


def note_from_data(data: Any) -> Note:
    """The note ``note_data`` stored; ValueError, KeyError, TypeError or IndexError if broken."""
    target = Target(
        NoteKind(data["kind"]),
        tuple(int(i) for i in data["left"]),
        tuple(int(i) for i in data["right"]),
        str(data["left_quote"]),
        str(data["right_quote"]),
    )
    pair = data.get("pair")
    names = data.get("names")
    return Note(
        target,
        str(data["text"]),
        str(data["digest"]),
        pair=(str(pair[0]), str(pair[1])) if pair else None,
        names=(str(names[0]), str(names[1])) if names else None,
    )
