"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _read_umask() -> int:
    """The process umask, read once at import: ``os.umask`` can only be read by setting it,
    which would race with threads creating files. Linux shows it in /proc without a change."""
    with (
        contextlib.suppress(OSError, ValueError, IndexError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    current = os.umask(0o022)
    os.umask(current)
    return current


#: mkstemp creates 0600 files; a new file should get the mode the user's umask gives.
_UMASK = _read_umask()


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 (newlines as given) atomically; see ``write_bytes_atomic``."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(
    path: str | Path,
    data: bytes,
    *,
    new_mode: int | None = None,
    follow_symlinks: bool = True,
) -> None:
    """Write ``data`` to a temporary file beside the target, then rename it over.

    The rename is atomic on POSIX, so readers see the old file or the new one, never a mix.
    A symlink is written through (its target is replaced and the link stays a link), unless
    ``follow_symlinks=False`` (a cache): then the link itself is replaced. The old file's
    permission bits are kept; a new file gets ``new_mode`` (default 0666 less the umask).
    """
    target = Path(os.path.realpath(path)) if follow_symlinks else Path(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = target.stat(follow_symlinks=follow_symlinks).st_mode & 0o7777
            if not follow_symlinks and os.path.islink(target):
                raise FileNotFoundError  # a link's mode means nothing: a new file's mode
        except FileNotFoundError:
            mode = (0o666 & ~_UMASK) if new_mode is None else new_mode
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_backup(path: str | Path, existing: str) -> Path:
    """Copy ``existing`` to ``FILE.bak`` (or ``FILE.bak.1``, ``.2``...: an earlier backup is
    never replaced), atomically: written whole to a temporary file, then hard-linked in place
    (the link fails if the name is taken)."""
    p = Path(path)
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
