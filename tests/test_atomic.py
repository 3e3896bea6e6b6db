"""Atomic writes: never half a file, symlinks written through, modes kept, umask read once."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from compare_tui.core import atomic
from compare_tui.core.atomic import write_bytes_atomic, write_text_atomic


def test_text_and_bytes_land_whole_and_leave_no_temporary_file(tmp_path: Path) -> None:
    write_text_atomic(tmp_path / "a.md", "Café\nline\r\n")
    assert (tmp_path / "a.md").read_bytes() == "Café\nline\r\n".encode()
    write_bytes_atomic(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.bin"]


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "store" / "memo.md"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "memo.md"
    link.symlink_to(real)
    write_text_atomic(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new\n"
    assert [p.name for p in real.parent.iterdir()] == ["memo.md"]
    dangling = tmp_path / "later.md"
    dangling.symlink_to(tmp_path / "store" / "later-target.md")
    write_bytes_atomic(dangling, b"x")
    assert dangling.is_symlink() and (tmp_path / "store" / "later-target.md").read_bytes() == b"x"


def test_modes_kept_or_from_the_umask_read_once(tmp_path: Path) -> None:
    current = os.umask(0o022)
    os.umask(current)
    assert current == atomic._UMASK
    new = tmp_path / "new.md"
    write_text_atomic(new, "x")
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~current
    private = tmp_path / "private"
    write_bytes_atomic(private, b"x", new_mode=0o600)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    new.chmod(0o640)
    write_text_atomic(new, "y")
    assert stat.S_IMODE(new.stat().st_mode) == 0o640


def test_the_process_umask_is_never_changed_by_a_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(mask: int) -> int:
        raise AssertionError("os.umask called while writing")

    monkeypatch.setattr(os, "umask", refuse)
    write_text_atomic(tmp_path / "n.md", "x")


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "keep.md"
    path.write_text("precious\n")

    def boom(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_text_atomic(path, "new\n")
    assert path.read_text() == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.md"]
