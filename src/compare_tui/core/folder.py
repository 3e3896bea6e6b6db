"""Which files of a folder are articles: load them, and say in one line why others were skipped.

Split out of ``corpus.py`` (which re-exports these names): reading a folder is input handling,
the corpus is analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from compare_tui.core.load import DEFAULT_LIMITS, InputLimits, LoadedText, LoadError, is_url
from compare_tui.core.own_output import is_own_output

if TYPE_CHECKING:
    from compare_tui.core.fetch import FetchOptions

__all__ = ["CorpusLoad", "Skipped", "load_corpus"]

#: Extensions that are never articles: skipped without reading the bytes.
_NOT_ARTICLE_SUFFIXES = (
    ".png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic .pdf .doc .docx .odt .xls .xlsx"
    " .ppt .pptx .zip .gz .tgz .bz2 .xz .7z .rar .tar .mp3 .mp4 .m4a .mov .avi .mkv .wav .ogg"
    " .exe .dll .so .dylib .bin .pyc .sqlite .db .json .csv"
)
_NOT_ARTICLES = frozenset(_NOT_ARTICLE_SUFFIXES.split())


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in a folder that is not an article, and why (one line for the user)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class CorpusLoad:
    """What a set of command-line names yielded: the articles, and what was skipped."""

    texts: tuple[LoadedText, ...]
    skipped: tuple[Skipped, ...]


def load_corpus(
    specs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    fetch_options: FetchOptions | None = None,
    limits: InputLimits = DEFAULT_LIMITS,
) -> CorpusLoad:
    """Load named files and every article file in named folders, in name order.

    A file named on the command line must load (LoadError otherwise, as for two articles);
    inside a folder, subfolders, hidden files, non-article files (images, binaries, empty
    files, our own memos) are skipped and reported instead. ``stdin`` and ``fetch_options``
    go to ``load_input`` for ``-`` and URLs (``--offline`` among them).
    """
    from compare_tui.core.inputs import STDIN_SPEC, load_input  # html machinery when used

    texts: list[LoadedText] = []
    skipped: list[Skipped] = []
    for spec in specs:
        folder = Path(spec)
        if spec == STDIN_SPEC or is_url(spec) or not _is_dir(folder):
            texts.append(load_input(spec, stdin=stdin, fetch_options=fetch_options, limits=limits))
            continue
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            raise LoadError(f"{spec}: cannot list the folder ({exc.strerror or exc})") from None
        for entry in entries:
            name = str(entry)
            reason = _not_an_article(entry)
            if reason is None:
                try:
                    loaded = load_input(name, limits=limits)
                except LoadError as exc:
                    reason = str(exc).removeprefix(f"{name}: ")
                else:
                    if is_own_output(loaded.text[:4096]):
                        reason = "written by compare-tui (a memo or report), not an article"
                    else:
                        texts.append(loaded)
                        continue
            skipped.append(Skipped(name, reason))
    return CorpusLoad(tuple(texts), tuple(skipped))


def _is_dir(path: Path) -> bool:
    """``is_dir`` that says False where it cannot look (no search permission on a parent)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _not_an_article(entry: Path) -> str | None:
    if entry.name.startswith("."):
        return "hidden file"
    if entry.is_dir():
        return "is a folder (folders are not searched)"
    if not entry.is_file():
        return "not a regular file"
    if entry.suffix.lower() in _NOT_ARTICLES:
        return f"not an article ({entry.suffix.lower()} file)"
    return None
