"""The notes of one memo while the app runs: per pair of articles, attached to its comparison.

Every change goes through ``PairNotes.set``, which tells ``NoteSet.on_change`` (the journal)
before anything else happens, so that a note is on disk as soon as it is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from compare_tui.core.models import Comparison, Document
from compare_tui.notes.decisions import StoredOverride
from compare_tui.notes.model import Key, Note, Target, attach, doc_id, file_name, pair_ids
from compare_tui.notes.parse import Unreadable

#: Told of every change: ("set", the new note) or ("del", the note removed).
OnChange = Callable[[str, Note], None]


def _ignore(op: str, note: Note) -> None:
    return None


@dataclass(slots=True)
class PairNotes:
    """The notes on one pair of a set, while its pair view is open: the view edits them."""

    left: int
    right: int
    comparison: Comparison
    attached: dict[Key, Note] = field(default_factory=dict)
    detached: list[Note] = field(default_factory=list)
    on_change: OnChange = _ignore

    @property
    def count(self) -> int:
        return len(self.attached) + len(self.detached)

    def note(self, target: Target, text: str) -> Note:
        """A new note on ``target`` of this pair, recording which articles it is about."""
        ids, names = pair_ids(self.comparison)
        return Note(target, text, pair=ids, names=names)

    def set(self, target: Target, text: str) -> bool:
        """Make ``text`` the note on ``target`` (empty text deletes it); False if nothing
        changed. The change is reported to ``on_change`` (the journal) first."""
        old = self.attached.get(target.key)
        if not text:
            if old is None:
                return False
            self.on_change("del", old)
            del self.attached[target.key]
            return True
        if old is not None and old.text == text:
            return False
        note = self.note(target, text)
        self.on_change("set", note)
        self.attached[target.key] = note
        return True


class NoteSet:
    """The notes on every pair of a set of articles, kept in one memo.

    Stored notes wait, grouped by the pair of articles they name, until that pair is opened
    (``open``) and they are attached to its comparison. Notes naming an article that is not in
    the set, or a pair never opened and not computable, are kept as they were.
    """

    def __init__(
        self,
        documents: Sequence[Document],
        stored: Iterable[Note] = (),
        *,
        title: str = "",
        unreadable: Iterable[Unreadable] = (),
        on_change: OnChange = _ignore,
        overrides: Iterable[StoredOverride] = (),
    ) -> None:
        self.documents = tuple(documents)
        self.title = title or f"{len(self.documents)} articles"
        self._ids = [doc_id(d) for d in self.documents]
        self._names = [file_name(d) for d in self.documents]
        #: Note comments of the memo that did not parse: written back as they were.
        self.unreadable = list(unreadable)
        self.on_change = on_change
        self.pairs: dict[tuple[int, int], PairNotes] = {}
        self.waiting: dict[tuple[int, int], list[Note]] = {}
        #: Notes on articles that are not in this set.
        self.orphans: list[Note] = []
        self.read = 0
        for note in stored:
            self.read += 1
            where = self._place(note)
            if where is None:
                self.orphans.append(note)
            else:
                self.waiting.setdefault(where, []).append(note)
        #: The reader's overrides of every pair (``notes/decisions``), kept whole.
        self.overrides = list(overrides)
        #: Notes changed since the memo was last read or written.
        self.dirty = False

    def _index(self, ident: str, name: str | None) -> int | None:
        found = [k for k, i in enumerate(self._ids) if i == ident]
        if len(found) > 1 and name is not None:
            found = [k for k in found if self._names[k] == name] or found
        if not found and name is not None and self._names.count(name) == 1:
            found = [self._names.index(name)]
        return found[0] if found else None

    def _place(self, note: Note) -> tuple[int, int] | None:
        if note.pair is None:  # a memo from before notes named their pair
            return (0, 1) if len(self.documents) == 2 else None
        names = note.names or (None, None)
        i = self._index(note.pair[0], names[0])
        j = self._index(note.pair[1], names[1])
        if i is None or j is None or i == j:
            return None
        return i, j

    def open(self, left: int, right: int, comparison: Comparison) -> PairNotes:
        """The notes of pair ``(left, right)``: stored ones attached to ``comparison`` on first
        use, the same object (with the reader's edits) afterwards."""
        key = (left, right)
        found = self.pairs.get(key)
        if found is not None:
            return found
        ids, names = pair_ids(comparison)
        attached, detached = attach(comparison, self.waiting.pop(key, []))
        found = PairNotes(
            left,
            right,
            comparison,
            {k: replace(n, pair=ids, names=names) for k, n in attached.items()},
            [replace(n, pair=n.pair or ids, names=n.names or names) for n in detached],
            on_change=self.on_change,
        )
        self.pairs[key] = found
        return found

    def names(self, key: tuple[int, int]) -> tuple[str, str]:
        """The file names of pair ``key``'s two articles."""
        return self._names[key[0]], self._names[key[1]]

    def open_waiting(self, comparisons: Callable[[int, int], Comparison] | None) -> list[Note]:
        """Attach the notes of pairs not opened this time (``comparisons(i, j)`` makes their
        comparison); returns the notes that stay unattached, kept as they were."""
        if comparisons is not None:
            for i, j in list(self.waiting):
                self.open(i, j, comparisons(i, j))
        return [n for notes in self.waiting.values() for n in notes] + self.orphans

    @property
    def count(self) -> int:
        """Every note the memo will hold."""
        return (
            sum(p.count for p in self.pairs.values())
            + sum(len(v) for v in self.waiting.values())
            + len(self.orphans)
            + len(self.unreadable)
        )
