"""Getting a pair view its Comparison: what an article may be, the comparer the worker runs,
and the messages the worker posts back to the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.message import Message

from compare_tui.core.compare import Progress, compare_texts
from compare_tui.core.inputs import load_input
from compare_tui.core.load import LoadedText
from compare_tui.core.models import Comparison

#: One article as the app accepts it: already loaded, or a path (or URL, or "-") to load.
Article = LoadedText | str | Path
Comparer = Callable[[Article, Article, Progress], Comparison]


def _loaded(article: Article) -> LoadedText:
    return article if isinstance(article, LoadedText) else load_input(str(article))


def compare_articles(left: Article, right: Article, progress: Progress) -> Comparison:
    """Load what is not loaded yet, then segment, align and pair (in the worker thread)."""
    progress(0.0, "reading")
    return compare_texts(_loaded(left), _loaded(right), progress=progress)


def article_path(article: Article) -> str:
    """The path (or URL, or <stdin>) an article is known by."""
    return article.source.path if isinstance(article, LoadedText) else str(article)


class Progressed(Message):
    def __init__(self, fraction: float, stage: str) -> None:
        super().__init__()
        self.fraction = fraction
        self.stage = stage


class ComparisonReady(Message):
    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison


class ComparisonFailed(Message):
    def __init__(self, error: str, status: int) -> None:
        super().__init__()
        self.error = error
        self.status = status


__all__ = [
    "Article",
    "Comparer",
    "ComparisonFailed",
    "ComparisonReady",
    "Progressed",
    "article_path",
    "compare_articles",
]
