"""The notes memo on disk: read it, save it without ever losing what it held, name it.

A ``MemoFile`` remembers what it last read and wrote (no process-wide registry). A save
replaces the file silently only when nothing can be lost: the file is what this session wrote,
or what it read and still sealed as compare-tui wrote it (``own_output.seal``: no hand edits;
the ``Date`` and ``Retrieved`` lines compare-tui rewrites itself are not edits). Otherwise the
old content is first copied to ``FILE.bak`` (``.bak.1``...). A file that is not a notes memo is
never replaced.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from compare_tui.core.atomic import write_backup, write_text_atomic
from compare_tui.core.load import is_url
from compare_tui.core.own_output import NOTES_MARKER, is_own_output, seal, unseal
from compare_tui.notes.model import Note
from compare_tui.notes.parse import ParsedMemo, parse_memo_full

#: First line of every notes memo; a file without it is never overwritten.
MEMO_MARKER = NOTES_MARKER
_NOTE_NUMBER = re.compile(r"^(#+ Note )\d+(?=:)")
#: Lines compare-tui rewrites on every save: never a reason for a backup.
_OWN_LINES = ("Date: ", "| Retrieved |", "<!-- compare-tui sha256:")


class MemoError(Exception):
    """The notes file cannot be read or written; the message is one line."""


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _loses_lines(old: str, new: str) -> bool:
    """Whether some line of ``old`` (other than blanks and the lines compare-tui rewrites) is
    not in ``new``: a paragraph added by hand, a note's text edited on GitHub."""

    def lines(text: str) -> Counter[str]:
        # Notes are renumbered when one is added before them: the number is not content.
        return Counter(
            _NOTE_NUMBER.sub(r"\1", line.rstrip())
            for line in text.splitlines()
            if line.strip() and not line.startswith(_OWN_LINES)
        )

    return bool(lines(old) - lines(new))


class MemoFile:
    """One notes memo file, as this session knows it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._read: str | None = None
        self._written: str | None = None

    def read(self) -> ParsedMemo:
        """The notes the file holds (none if it does not exist); remembers what was read."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ParsedMemo()
        except (OSError, UnicodeDecodeError) as exc:
            raise MemoError(f"{self.path}: cannot read the notes file ({exc})") from None
        self._read = _digest(text)
        return parse_memo_full(unseal(text)[0])

    def _needs_backup(self, existing: str, text: str) -> bool:
        body, intact = unseal(existing)
        if body == text:
            return False
        digest = _digest(existing)
        if digest == self._written:
            return False
        if digest != self._read:
            return True  # edited, or saved by another session, since this one read it
        if intact:
            return False
        return _loses_lines(body, text)

    def save(self, text: str) -> str | None:
        """Write ``text`` (sealed) atomically; a one-line message when the old content was
        kept in a backup first, for the caller to show; MemoError when nothing was written."""
        p = self.path
        try:
            existing = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            existing = None
        except (OSError, UnicodeDecodeError) as exc:
            raise MemoError(f"{p}: cannot read the notes file before saving ({exc})") from None
        if existing is not None and existing.strip() and not is_own_output(existing):
            raise MemoError(f"{p}: exists and is not a compare-tui notes file; not overwriting it")
        message = None
        if existing is not None and existing.strip() and self._needs_backup(existing, text):
            try:
                kept = write_backup(p, existing)
            except OSError as exc:
                raise MemoError(
                    f"{p}: changed outside this session and no backup could be written "
                    f"({exc.strerror or exc}); not overwriting it"
                ) from None
            message = (
                f"{p.name} had changed outside this session: "
                f"its previous content is kept in {kept.name}"
            )
        sealed = seal(text)
        try:
            write_text_atomic(p, sealed)
        except OSError as exc:
            raise MemoError(f"{p}: cannot write the notes file ({exc.strerror or exc})") from None
        self._written = _digest(sealed)
        return message


def read_memo(path: str | Path) -> list[Note]:
    """Notes held by a memo file; none if it does not exist (a one-off ``MemoFile.read``)."""
    return list(MemoFile(path).read().notes)


def save_memo(path: str | Path, text: str) -> str | None:
    """A one-off ``MemoFile.save`` (it knows nothing read before: an existing memo that is not
    ``text`` is kept in a backup first)."""
    return MemoFile(path).save(text)


def _identity(spec: str | Path) -> str:
    """What tells two articles of the same file name apart: the full path (or the URL)."""
    text = str(spec)
    if is_url(text) or text in ("-", "<stdin>"):
        return text
    return os.path.realpath(text)


def _tag(specs: Sequence[str | Path], ids: Sequence[str] | None = None) -> str:
    keys = list(ids) if ids is not None else [_identity(s) for s in specs]
    data = "\0".join(keys).encode("utf-8", "surrogateescape")
    return hashlib.sha256(data).hexdigest()[:8]


def _is_dir(spec: str) -> bool:
    try:
        return Path(spec).is_dir()
    except OSError:
        return False


def _clean(name: str, limit: int) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:limit]


def default_notes_name(
    left: str | Path, right: str | Path, *, ids: tuple[str, str] | None = None
) -> str:
    """``notes-<left stem>--<right stem>-<tag>.md``, the tag a hash of both full paths (or
    URLs; ``ids`` instead when given, e.g. the SHA-256 of standard input): the same pair always
    finds the same file, and two pairs of same-named files in different folders never share
    one."""
    stems = [_clean(Path(p).stem or "article", 60) or "article" for p in (left, right)]
    return f"notes-{stems[0]}--{stems[1]}-{_tag([left, right], ids)}.md"


def article_identity(path: str, sha256: str | None) -> str:
    """What keys an article's notes file: its full path or URL; standard input's content."""
    if path in ("-", "<stdin>") and sha256:
        return f"stdin:{sha256}"
    return _identity(path)


def default_set_notes_name(specs: Sequence[str]) -> str:
    """``notes-<folder>-<tag>.md`` for one folder, else ``notes-<first stems>-<tag>.md``, the
    tag a hash of the full paths named: the same set always finds the same file."""
    if len(specs) == 1 and _is_dir(specs[0]):
        folder = Path(specs[0])
        name = _clean(folder.name or folder.resolve().name, 40) or "articles"
        return f"notes-{name}-{_tag(specs)}.md"
    stems = [_clean(Path(s).stem, 40) or "articles" for s in specs[:3]]
    more = f"--and-{len(specs) - 3}-more" if len(specs) > 3 else ""
    return f"notes-{'--'.join(stems)}{more}-{_tag(specs)}.md"


def legacy_notes_name(left: str | Path, right: str | Path) -> str:
    """The name compare-tui gave a pair's notes before names were keyed by full paths."""
    stems = [_clean(Path(p).stem or "article", 60) or "article" for p in (left, right)]
    return f"notes-{stems[0]}--{stems[1]}.md"


def legacy_set_notes_name(specs: Sequence[str]) -> str:
    """The name compare-tui gave a set's notes before names were keyed by full paths."""
    if len(specs) == 1 and _is_dir(specs[0]):
        folder = Path(specs[0])
        return f"notes-{_clean(folder.name or folder.resolve().name, 40) or 'articles'}.md"
    stems = [_clean(Path(s).stem, 40) or "articles" for s in specs[:3]]
    more = f"--and-{len(specs) - 3}-more" if len(specs) > 3 else ""
    return f"notes-{'--'.join(stems)}{more}.md"


def carry_over(tagged: str, legacy: str, shas: Iterable[str | None]) -> str:
    """The notes file to open: ``tagged``, unless only the file of the old naming
    (``legacy``) exists and holds notes on these very articles (by SHA-256): then that one,
    so that notes taken before the naming changed are found again, and never another pair's."""
    if os.path.exists(tagged) or not os.path.exists(legacy):
        return tagged
    try:
        notes = MemoFile(legacy).read().notes
    except MemoError:
        return tagged
    ours = {sha for sha in shas if sha}
    if any(note.pair is not None and set(note.pair) <= ours for note in notes):
        return legacy
    return tagged
