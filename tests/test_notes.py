"""The notes memo: render, parse back, re-attach, keep what no longer attaches, write safely."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from compare_tui.core.models import AlignKind, Comparison, Document
from compare_tui.notes.model import Note, NoteKind, alignment_target, attach, figure_target
from compare_tui.notes.noteset import NoteSet
from compare_tui.notes.parse import parse_memo
from compare_tui.notes.storage import (
    MEMO_MARKER,
    MemoError,
    MemoFile,
    default_notes_name,
    default_set_notes_name,
    read_memo,
    save_memo,
)
from compare_tui.report.notes_memo import render_memo, render_note_set

from .test_ui_support import seed_comparison, text_comparison

LEFT = "Ten people died.\n\nThe bridge fell at [bold red]noon[/].\n\nRescuers came."
RIGHT = "Twelve people died.\n\nThe bridge fell at [bold red]noon[/].\n\nRescuers came."


def test_round_trip_keeps_text_and_anchor() -> None:
    c = seed_comparison()
    target = alignment_target(c, 3)
    note = Note(target, 'Check this <b>--> "quote"</b> & [link=x]x[/link]')
    memo = render_memo(c, [note], date="2025-06-14")
    assert memo.startswith(MEMO_MARKER)
    (back,) = parse_memo(memo)
    assert back == note


def test_memo_reads_well() -> None:
    c = seed_comparison()
    row = next(n for n, a in enumerate(c.alignments) if a.kind is AlignKind.CHANGED)
    memo = render_memo(c, [Note(alignment_target(c, row), "Numbers differ")], date="2025-06-14")
    assert "Date: 2025-06-14" in memo
    assert "## Sources" in memo and "## Figures" in memo and "| Verdict |" in memo
    assert "000_633a6f03b1d6c80d.txt" in memo and "004_967b0b30f98c59d7.txt" in memo
    assert "> **Left**" in memo and "> **Right**" in memo
    assert "Numbers differ" in memo


def test_article_text_is_escaped_in_quotes() -> None:
    c = text_comparison(LEFT, RIGHT)
    n = next(k for k, a in enumerate(c.alignments) if "bridge" in alignment_target(c, k).left_quote)
    memo = render_memo(c, [Note(alignment_target(c, n), "ok")], date="2025-06-14")
    quote_lines = [line for line in memo.splitlines() if line.startswith("> **Left**")]
    assert quote_lines and "\\[bold red\\]" in quote_lines[0]


def test_attach_by_index_and_by_digest_after_renumbering() -> None:
    c = seed_comparison()
    note = Note(alignment_target(c, 5), "here")
    attached, detached = attach(c, [note])
    assert list(attached) == [note.key] and not detached
    moved_target = replace(note.target, left=tuple(i + 1 for i in note.target.left))
    moved = Note(moved_target, "moved", note.digest)
    attached, detached = attach(c, [moved])
    assert not detached
    assert next(iter(attached.values())).target == note.target


def test_note_that_no_longer_attaches_is_kept_on_save(tmp_path: Path) -> None:
    c = seed_comparison()
    stale = Note(replace(alignment_target(c, 2), left_quote="A sentence since deleted."), "old")
    attached, detached = attach(c, [stale])
    assert not attached and detached == [stale]
    path = tmp_path / "notes.md"
    save_memo(path, render_memo(c, attached.values(), detached, date="2025-06-14"))
    text = path.read_text()
    assert "no longer attach" in text
    assert read_memo(path) == [stale]


def test_figure_note_round_trip() -> None:
    c = seed_comparison()
    pair = c.figure_pairs[0]
    note = Note(figure_target(c, pair.left, pair.right), "conflict to check")
    assert note.target.kind is NoteKind.FIGURE
    attached, detached = attach(c, parse_memo(render_memo(c, [note], date="2025-06-14")))
    assert attached == {note.key: note} and not detached


def test_save_refuses_a_file_that_is_not_a_memo(tmp_path: Path) -> None:
    path = tmp_path / "mine.md"
    path.write_text("my own thesis\n")
    with pytest.raises(MemoError):
        save_memo(path, MEMO_MARKER + "\n")
    assert path.read_text() == "my own thesis\n"


def test_save_replaces_own_memo_atomically(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    session = MemoFile(path)
    session.save(MEMO_MARKER + "\none\n")
    session.save(MEMO_MARKER + "\ntwo\n")
    assert path.read_text().startswith(MEMO_MARKER + "\ntwo\n<!-- compare-tui sha256:")
    assert [p.name for p in tmp_path.iterdir()] == ["n.md"]


def test_read_missing_memo_is_empty(tmp_path: Path) -> None:
    assert read_memo(tmp_path / "none.md") == []


def test_default_name_from_both_articles() -> None:
    name = default_notes_name("seeds/000_633a6f03b1d6c80d.txt", "x/004_967b0b30f98c59d7.txt")
    assert name.startswith("notes-000_633a6f03b1d6c80d--004_967b0b30f98c59d7-")
    assert "/" not in default_notes_name("a b/c d.txt", "../e?f.txt")


# -- one memo for a set of articles --------------------------------------------------------


def _set_documents() -> tuple[Document, Document, Document, Comparison, Comparison]:
    """Seeds 000, 001, 004 as a set; comparisons of the pairs (0, 2) and (1, 2)."""
    from .test_ui_support import SEED_LEFT, SEED_RIGHT, SEED_SEVERAL

    a = seed_comparison(SEED_LEFT, SEED_RIGHT)
    b = seed_comparison(SEED_SEVERAL, SEED_RIGHT)
    return a.documents[0], b.documents[0], a.documents[1], a, b


def test_set_memo_gathers_pairs_and_reads_them_back() -> None:
    d0, d1, d2, a, b = _set_documents()
    memo = NoteSet([d0, d1, d2], title="seeds/")
    pa = memo.open(0, 2, a)
    pb = memo.open(1, 2, b)
    t = alignment_target(a, 3)
    pa.attached[t.key] = pa.note(t, "first pair")
    u = figure_target(b, 0, 0)
    pb.attached[u.key] = pb.note(u, "second pair")
    text = render_note_set(memo, date="2025-06-14")
    assert text.startswith(MEMO_MARKER)
    assert text.count("### Figures") == 2 and "## Sources" in text
    assert "| 3 | `" in text  # every article listed, with its path
    back = NoteSet([d0, d1, d2], parse_memo(text))
    assert set(back.waiting) == {(0, 2), (1, 2)}
    assert [n.text for n in back.open(0, 2, a).attached.values()] == ["first pair"]
    # A pair never opened again is kept when saving, attached through ``comparisons``.
    again = render_note_set(back, date="2025-06-15", comparisons=lambda i, j: b)
    assert sorted(n.text for n in parse_memo(again)) == ["first pair", "second pair"]


def test_set_memo_keeps_notes_on_articles_not_in_the_set() -> None:
    d0, d1, d2, a, b = _set_documents()
    memo = NoteSet([d0, d1, d2])
    p = memo.open(1, 2, b)
    t = alignment_target(b, 2)
    p.attached[t.key] = p.note(t, "about 001")
    text = render_note_set(memo, date="2025-06-14")
    smaller = NoteSet([d0, d2], parse_memo(text))
    assert [n.text for n in smaller.orphans] == ["about 001"]
    kept = render_note_set(smaller, date="2025-06-14", comparisons=lambda i, j: a)
    assert [n.text for n in parse_memo(kept)] == ["about 001"]
    assert "no longer attach" in kept


def test_default_set_name(tmp_path: Path) -> None:
    folder = tmp_path / "mali coverage"
    folder.mkdir()
    assert default_set_notes_name([str(folder) + "/"]).startswith("notes-mali_coverage-")
    names = ["x/a.txt", "b.txt", "c d.txt", "e.txt", "f.txt"]
    assert default_set_notes_name(names).startswith("notes-a--b--c_d--and-2-more-")


def _has_control(text: str) -> bool:
    return any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in text)


def test_memo_of_files_with_escape_sequences_in_their_names_holds_none() -> None:
    from compare_tui.core.compare import compare_texts
    from compare_tui.core.load import load_bytes

    left = load_bytes(LEFT.encode(), name="dir/a\x1b]0;pwned\x07.txt")
    right = load_bytes(RIGHT.encode(), name="b\x1b[2J\tc.txt")
    c = compare_texts(left, right)
    note = Note(alignment_target(c, 0), "check \x1b[31m this")
    memo = render_memo(c, [note], date="2025-06-14")
    assert not _has_control(memo), memo
    assert "a\\x1b]0;pwned\\x07.txt" in memo
    # The note's own text and anchor still read back exactly.
    assert [n.text for n in parse_memo(memo)] == ["check \x1b[31m this"]
    third = replace(c.documents[0], source=replace(c.documents[0].source, path="t\x1b.txt"))
    s = NoteSet([*c.documents, third], title="a\x1b[2J set")
    p = s.open(0, 1, c)
    p.attached[note.key] = p.note(note.target, "x")
    assert not _has_control(render_note_set(s, date="2025-06-14"))


# -- saving never loses what the file held ---------------------------------------------------


def _saved_memo(
    tmp_path: Path, text: str = "first note"
) -> tuple[Path, Comparison, Note, MemoFile]:
    c = text_comparison(LEFT, RIGHT)
    note = Note(alignment_target(c, 0), text)
    path = tmp_path / "notes.md"
    session = MemoFile(path)
    assert session.save(render_memo(c, [note], date="2025-06-14")) is None
    return path, c, note, session


def test_hand_edit_between_load_and_save_is_kept_in_a_backup(tmp_path: Path) -> None:
    path, c, _note, session = _saved_memo(tmp_path)
    stored = list(session.read().notes)
    edited = path.read_text(encoding="utf-8").replace("first note", "first note, fixed on GitHub")
    edited += "\nA paragraph I added by hand.\n"
    path.write_text(edited, encoding="utf-8")
    message = session.save(render_memo(c, stored, date="2025-06-15"))
    assert message is not None and "notes.md.bak" in message
    assert (tmp_path / "notes.md.bak").read_text(encoding="utf-8") == edited
    # A second edit, a second backup: the first one is never replaced.
    path.write_text(edited + "More by hand.\n", encoding="utf-8")
    message = session.save(render_memo(c, stored, date="2025-06-15"))
    assert message is not None and "notes.md.bak.1" in message
    assert (tmp_path / "notes.md.bak").read_text(encoding="utf-8") == edited
    assert (tmp_path / "notes.md.bak.1").read_text(encoding="utf-8").endswith("More by hand.\n")
    # The file as this session last wrote it: saved over without a backup.
    assert session.save(render_memo(c, [], date="2025-06-16")) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.md",
        "notes.md.bak",
        "notes.md.bak.1",
    ]


def test_edit_made_before_this_session_read_the_memo_is_kept(tmp_path: Path) -> None:
    path, c, _note, _session = _saved_memo(tmp_path)
    edited = path.read_text(encoding="utf-8") + "\nMy conclusion, typed in an editor.\n"
    path.write_text(edited, encoding="utf-8")
    later = MemoFile(path)  # a new session
    stored = list(later.read().notes)
    assert later.save(render_memo(c, stored, date="2025-06-15")) is not None
    assert (tmp_path / "notes.md.bak").read_text(encoding="utf-8") == edited


def test_a_memo_read_and_saved_again_unchanged_makes_no_backup(tmp_path: Path) -> None:
    path, c, _note, _session = _saved_memo(tmp_path)
    later = MemoFile(path)  # a new session: it reads the memo, adds a note, saves
    stored = list(later.read().notes)
    extra = Note(figure_target(c, 0, 0), "second")
    assert later.save(render_memo(c, [*stored, extra], date="2025-06-20")) is None
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


def test_only_the_retrieved_line_changed_makes_no_backup(tmp_path: Path) -> None:
    """Failure 4: every session wrote a .bak (and warned) because the Retrieved time moved."""
    path, c, _note, _session = _saved_memo(tmp_path)
    left, right = (
        replace(d, source=replace(d.source, retrieved="2031-01-01T00:00:00+00:00"))
        for d in c.documents
    )
    later_c = replace(c, documents=(left, right))
    later = MemoFile(path)
    stored = list(later.read().notes)
    assert later.save(render_memo(later_c, stored, date="2031-01-01")) is None
    assert "2031-01-01T00:00:00" in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


def test_unparsable_note_is_reported_and_kept_in_the_memo(tmp_path: Path) -> None:
    """Failure 6: "Read 2 notes" and nothing about the third, which was then dropped."""
    path, c, _note, _session = _saved_memo(tmp_path)
    broken = path.read_text(encoding="utf-8") + (
        '\n### Note 2: sentences left 2, right 2\n<!-- compare-tui-note {"kind": oops} -->\n'
        "\nWhat I wrote about it.\n"
    )
    path.write_text(broken, encoding="utf-8")
    later = MemoFile(path)
    parsed = later.read()
    assert [n.text for n in parsed.notes] == ["first note"]
    (bad,) = parsed.unreadable
    assert bad.line == broken.split("\n").index('<!-- compare-tui-note {"kind": oops} -->') + 1
    assert "Note 2" in bad.message() and "kept" in bad.message()
    memo = NoteSet(c.documents, parsed.notes, unreadable=parsed.unreadable)
    memo.open(0, 1, c)
    later.save(render_note_set(memo, date="2025-06-15"))
    saved = path.read_text(encoding="utf-8")
    assert '{"kind": oops}' in saved and "What I wrote about it." in saved
    assert "could not be read" in saved
    assert [n.text for n in MemoFile(path).read().notes] == ["first note"]


def test_a_note_edited_by_hand_in_the_visible_text_wins(tmp_path: Path) -> None:
    """Failure 6: a note edited in the visible Markdown was ignored."""
    path, _c, _note, _session = _saved_memo(tmp_path, "Check the toll")
    text = path.read_text(encoding="utf-8").replace(
        "\nCheck the toll\n", "\nCheck the toll with the ministry \\*today\\*\n"
    )
    path.write_text(text, encoding="utf-8")
    parsed = MemoFile(path).read()
    assert [n.text for n in parsed.notes] == ["Check the toll with the ministry *today*"]
    assert parsed.edited == 1


def test_another_session_saving_in_between_is_kept(tmp_path: Path) -> None:
    path, c, _note, session = _saved_memo(tmp_path)
    stored = list(session.read().notes)
    other = render_memo(c, [*stored, Note(figure_target(c, 0, 0), "theirs")], date="2025-06-15")
    path.write_text(other, encoding="utf-8")  # the other session's atomic save
    assert session.save(render_memo(c, stored, date="2025-06-15")) is not None
    assert "theirs" in (tmp_path / "notes.md.bak").read_text(encoding="utf-8")


def test_pairs_of_same_named_files_in_different_folders_get_different_memos() -> None:
    """Failure 5: d1/story.txt d2/story.txt and d3/story.txt d4/story.txt shared a memo."""
    first = default_notes_name("d1/story.txt", "d2/story.txt")
    second = default_notes_name("d3/story.txt", "d4/story.txt")
    assert first != second
    assert first.startswith("notes-story--story-") and first.endswith(".md")
    assert default_notes_name("d1/story.txt", "d2/story.txt") == first
    assert default_set_notes_name(["d1/a.txt", "d2/b.txt", "c.txt"]) != default_set_notes_name(
        ["d3/a.txt", "d4/b.txt", "c.txt"]
    )
