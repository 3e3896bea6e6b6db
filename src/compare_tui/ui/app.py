"""The two-article app: the pair view (``PairScreen``) on its own.

The app computes nothing about the texts: the screen's thread worker asks the core for a
Comparison. The two articles can be given already loaded (``LoadedText``, what the command
line does, so standard input and URLs are read once), as paths (tests, scripts), or with the
comparison itself already made (``comparison=``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from compare_tui.core.load import LoadedText
from compare_tui.core.models import Comparison
from compare_tui.notes.storage import (
    article_identity,
    carry_over,
    default_notes_name,
    legacy_notes_name,
)
from compare_tui.ui.base import NotesApp
from compare_tui.ui.screens.pair import PairScreen
from compare_tui.ui.screens.pair_load import Article, Comparer, article_path, compare_articles


class CompareApp(NotesApp):
    """Two articles side by side: one ``PairScreen``; notes in ``notes_path``."""

    def __init__(
        self,
        left: Article,
        right: Article,
        *,
        notes_path: str | Path | None = None,
        comparer: Comparer = compare_articles,
        comparison: Comparison | None = None,
        today: str | None = None,
    ) -> None:
        """``left``/``right``: loaded texts or paths; ``comparison``: skip comparing them."""
        super().__init__(notes_path=notes_path or _default_notes(left, right), today=today)
        self.pair_screen = PairScreen(left, right, comparer=comparer, comparison=comparison)

    def on_mount(self) -> None:
        self.push_screen(self.pair_screen)

    @property
    def shown(self) -> bool:
        """The comparison is on screen, laid out for its size (what tests wait for)."""
        return self.pair_screen.is_mounted and self.pair_screen.shown


def _default_notes(left: Article, right: Article) -> str:
    """The pair's notes file, keyed by both articles' full paths; a file of the old naming
    that holds notes on these very articles is kept in use."""
    names = article_path(left), article_path(right)
    tagged = default_notes_name(*names, ids=(_identity(left), _identity(right)))
    if isinstance(left, LoadedText) and isinstance(right, LoadedText):
        shas = (left.source.sha256, right.source.sha256)
        return carry_over(tagged, legacy_notes_name(*names), shas)
    return tagged


def _identity(article: Article) -> str:
    sha = article.source.sha256 if isinstance(article, LoadedText) else None
    return article_identity(article_path(article), sha)


def _keyboard_from_terminal() -> str | None:
    """Give the app the keyboard when standard input was a pipe (``cat a.txt | compare-tui -``).

    Textual's Linux driver reads keys from file descriptor 0. The piped article has been read
    by then, so the controlling terminal is put on descriptor 0 in its place. Returns an
    error message when there is no terminal to read keys from.
    """
    stdin = sys.__stdin__
    if stdin is None or os.name != "posix":
        return None
    try:
        if os.isatty(stdin.fileno()):
            return None
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return "the app needs a terminal to read keys from; use --json or --markdown instead"
    try:
        os.dup2(fd, stdin.fileno())
    finally:
        os.close(fd)
    return None


def run_app(left: LoadedText, right: LoadedText, *, notes: str | None) -> int:
    """Run the interactive view on two loaded texts; returns the exit status.

    The comparison itself (segmentation, alignment, figures) runs in the app's worker, with
    progress on screen.
    """
    problem = _keyboard_from_terminal()
    if problem is not None:
        print(f"compare-tui: error: {problem}", file=sys.stderr)
        return 2
    app = CompareApp(left, right, notes_path=notes)
    app.run()
    app.say_exit_messages()
    return app.return_code or 0


__all__ = ["Article", "CompareApp", "PairScreen", "article_path", "run_app"]
