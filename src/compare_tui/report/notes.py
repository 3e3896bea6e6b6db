"""A fact-checker's notes on a comparison, kept in a Markdown memo that reads well on GitHub.

One memo holds the notes on one pair (``render_memo``) or on every pair of a set of articles
(``NoteSet.render``): a sources section listing every article, then per pair its figure table
and its notes. Each note also records which two articles it is about (SHA-256, else path), so
a set's memo is read back into the right pair view.

Each note is anchored to an alignment (its sentence indexes on both sides) or to a figure pair
(figure indexes), plus a short hash of the sentences it quotes. The anchor is stored as JSON in
an HTML comment, so a memo can be read back and its notes re-attached when the same pair is
opened again, even if sentence numbering moved. Notes that no longer attach are kept.
Pure: no terminal, no markup; the tables are the Markdown report's own; the only I/O is
``read_memo``/``save_memo``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from compare_tui.core.atomic import write_text_atomic
from compare_tui.core.figure_table import figure_rows
from compare_tui.core.models import Comparison, Document
from compare_tui.core.own_output import NOTES_MARKER, is_own_output
from compare_tui.report.decisions import StoredOverride, decisions_section
from compare_tui.report.markdown import (
    code_inline,
    escape_inline,
    figure_table,
    sources_section,
)

#: First line of every memo this module writes; a file without it is never overwritten.
MEMO_MARKER = NOTES_MARKER
_NOTE = re.compile(r"<!-- compare-tui-note (\{.*?\}) -->")
#: Every note comment, readable or not: more of these than parsed notes means some were lost.
_NOTE_START = re.compile(r"<!-- compare-tui-note")
_NOTE_NUMBER = re.compile(r"^(#+ Note )\d+(?=:)")


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


def _name(document: Document) -> str:
    return Path(document.path).name


def pair_ids(comparison: Comparison) -> tuple[tuple[str, str], tuple[str, str]]:
    """(ids, file names) of a comparison's two articles, as notes record them."""
    left, right = comparison.documents
    return (doc_id(left), doc_id(right)), (_name(left), _name(right))


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
    if note.pair is not None:
        data["pair"] = list(note.pair)
    if note.names is not None:
        data["names"] = list(note.names)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "<", ">" and "&" only occur inside JSON strings: escaping them keeps "-->" out.
    raw = raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<!-- compare-tui-note {raw} -->"


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
    lines = [heading, _anchor_comment(note), ""]
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
    names = (_name(left), _name(right))
    for n, note in enumerate(notes, 1):
        lines += _note_block(names, note, n, True)
    if kept:
        lines += ["## Notes that no longer attach", ""]
        for n, note in enumerate(kept, len(notes) + 1):
            lines += _note_block(note.names or names, note, n, False)
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
            pair = data.get("pair")
            names = data.get("names")
            notes.append(
                Note(
                    target,
                    str(data["text"]),
                    str(data["digest"]),
                    pair=(str(pair[0]), str(pair[1])) if pair else None,
                    names=(str(names[0]), str(names[1])) if names else None,
                )
            )
        except (ValueError, KeyError, TypeError, IndexError):
            continue
    return notes


# -- notes on a set of articles -------------------------------------------------------------


@dataclass(slots=True)
class PairNotes:
    """The notes on one pair of a set, while its pair view is open: the view edits them."""

    left: int
    right: int
    comparison: Comparison
    attached: dict[Key, Note] = field(default_factory=dict)
    detached: list[Note] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.attached) + len(self.detached)

    def note(self, target: Target, text: str) -> Note:
        """A new note on ``target`` of this pair, recording which articles it is about."""
        ids, names = pair_ids(self.comparison)
        return Note(target, text, pair=ids, names=names)


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
        overrides: Iterable[StoredOverride] = (),
    ) -> None:
        self.documents = tuple(documents)
        self.title = title or f"{len(self.documents)} articles"
        self._ids = [doc_id(d) for d in self.documents]
        self._names = [_name(d) for d in self.documents]
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
        #: The reader's overrides of every pair (``report/decisions``), kept whole.
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
        )
        self.pairs[key] = found
        return found

    @property
    def count(self) -> int:
        """Every note the memo will hold."""
        return (
            sum(p.count for p in self.pairs.values())
            + sum(len(v) for v in self.waiting.values())
            + len(self.orphans)
        )

    def render(
        self, *, date: str, comparisons: Callable[[int, int], Comparison] | None = None
    ) -> str:
        """The memo: for two articles the pair memo (``render_memo``); for a set, the sources
        of every article, then per pair with notes its figure table and notes, then the notes
        that attach to no pair. ``comparisons(i, j)`` lets notes of pairs not opened this
        time attach (and get their figure table); without it they are kept as they were."""
        if comparisons is not None:
            for i, j in list(self.waiting):
                self.open(i, j, comparisons(i, j))
        kept = [n for notes in self.waiting.values() for n in notes] + self.orphans
        if len(self.documents) == 2 and set(self.pairs) <= {(0, 1)}:
            pair = self.pairs.get((0, 1))
            if pair is not None:
                return render_memo(
                    pair.comparison,
                    pair.attached.values(),
                    pair.detached + kept,
                    date=date,
                    overrides=self.overrides,
                )
        lines = [
            *_memo_head(self.title, date),
            *self._sources(),
            "",
        ]
        lines += decisions_section(self.overrides)
        number = 0
        noted = [key for key in sorted(self.pairs) if self.pairs[key].count]
        if not noted and not kept:
            lines += ["*(no notes yet)*", ""]
        for key in noted:
            pair = self.pairs[key]
            names = (self._names[key[0]], self._names[key[1]])
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
        return "\n".join(lines).rstrip("\n") + "\n"

    def _sources(self) -> list[str]:
        lines = [
            "| # | File or URL | Headline | Outlet | Published | SHA-256 |",
            "|---|---|---|---|---|---|",
        ]
        for k, doc in enumerate(self.documents, 1):
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


class MemoError(Exception):
    """The notes file cannot be read or written; the message is one line."""


@dataclass(slots=True)
class _Known:
    """What this process knows of one memo file's content (SHA-256 of the text)."""

    #: As last read, when every note in it parsed (None: not read, or some did not parse).
    read: str | None = None
    #: As last written by this process.
    written: str | None = None


#: Per memo file (resolved path): what this process last read or wrote there. A save over
#: anything else (edited by hand or by another session since) first keeps a backup.
_KNOWN: dict[str, _Known] = {}
_KNOWN_LOCK = threading.Lock()


def _key(path: Path) -> str:
    return os.path.realpath(path)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_memo(path: str | Path) -> list[Note]:
    """Notes held by a memo file; none if it does not exist.

    Remembers what was read, so that ``save_memo`` can tell whether the file changed since.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise MemoError(f"{p}: cannot read the notes file ({exc})") from None
    notes = parse_memo(text)
    complete = len(notes) == len(_NOTE_START.findall(text))
    with _KNOWN_LOCK:
        _KNOWN.setdefault(_key(p), _Known()).read = _digest(text) if complete else None
    return notes


def _loses_lines(old: str, new: str) -> bool:
    """Whether some line of ``old`` (other than blanks and the memo's date) is not in ``new``:
    a paragraph added by hand, a note's text edited on GitHub, a note comment that did not
    parse."""

    def lines(text: str) -> Counter[str]:
        # Notes are renumbered when one is added before them: the number is not content.
        return Counter(
            _NOTE_NUMBER.sub(r"\1", line.rstrip())
            for line in text.splitlines()
            if line.strip() and not line.startswith("Date: ")
        )

    return bool(lines(old) - lines(new))


def _needs_backup(p: Path, existing: str, text: str) -> bool:
    """True unless the file holds what this process last wrote, or what it last read (every
    note parsed) with nothing of it missing from ``text``."""
    if existing == text:
        return False
    digest = _digest(existing)
    with _KNOWN_LOCK:
        known = _KNOWN.get(_key(p), _Known())
    if digest == known.written:
        return False
    return not (digest == known.read and not _loses_lines(existing, text))


def _backup(p: Path, existing: str) -> Path:
    """Copy ``existing`` to ``FILE.bak`` (or ``FILE.bak.1``, ``.2``...: an earlier backup is
    never replaced), atomically: written whole to a temporary file, then hard-linked in place
    (the link fails if the name is taken)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(existing.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        for n in range(10_000):
            candidate = p.with_name(f"{p.name}.bak" + (f".{n}" if n else ""))
            try:
                os.link(tmp, candidate)
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links: create it exclusively
                try:
                    with open(candidate, "xb") as handle:
                        handle.write(existing.encode("utf-8"))
                except FileExistsError:
                    continue
            return candidate
        raise OSError(f"too many backups of {p.name}")
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def save_memo(path: str | Path, text: str) -> str | None:
    """Write a memo atomically; refuse to replace a file that is not a compare-tui memo.

    A memo whose content is not what this process last read or wrote (edited by hand, saved
    by another session since, or holding notes that did not parse) is first copied to
    ``FILE.bak`` (``FILE.bak.1``, ... if taken). Returns a one-line message saying so, for the
    caller to show; None when nothing needed keeping.
    """
    p = Path(path)
    try:
        existing = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        existing = None
    except (OSError, UnicodeDecodeError) as exc:
        raise MemoError(f"{p}: cannot read the notes file before saving ({exc})") from None
    if existing is not None and existing.strip() and not is_own_output(existing):
        raise MemoError(f"{p}: exists and is not a compare-tui notes file; not overwriting it")
    message = None
    if existing is not None and existing.strip() and _needs_backup(p, existing, text):
        try:
            kept = _backup(p, existing)
        except OSError as exc:
            raise MemoError(
                f"{p}: changed outside this session and no backup could be written "
                f"({exc.strerror or exc}); not overwriting it"
            ) from None
        message = (
            f"{p.name} had changed outside this session (or held notes it could not read): "
            f"its previous content is kept in {kept.name}"
        )
    try:
        write_text_atomic(p, text)
    except OSError as exc:
        raise MemoError(f"{p}: cannot write the notes file ({exc.strerror or exc})") from None
    with _KNOWN_LOCK:
        _KNOWN.setdefault(_key(p), _Known()).written = _digest(text)
    return message


def default_notes_name(left: str | Path, right: str | Path) -> str:
    """``notes-<left stem>--<right stem>.md``: the same pair always finds the same file."""

    def stem(p: str | Path) -> str:
        name = Path(p).stem or "article"
        return re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:60]

    return f"notes-{stem(left)}--{stem(right)}.md"


def default_set_notes_name(specs: Sequence[str]) -> str:
    """``notes-<folder>.md`` for one folder, else ``notes-<first stems>.md``: the same set of
    articles always finds the same file."""

    def clean(name: str) -> str:
        return re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:40] or "articles"

    if len(specs) == 1 and Path(specs[0]).is_dir():
        folder = Path(specs[0])
        return f"notes-{clean(folder.name or folder.resolve().name)}.md"
    stems = [clean(Path(s).stem) for s in specs[:3]]
    more = f"--and-{len(specs) - 3}-more" if len(specs) > 3 else ""
    return f"notes-{'--'.join(stems)}{more}.md"
