"""The overview of many articles as data: events, groups of rewrites, measured pairs, figures.

Computed once and shown by every view (the overview screen, the JSON and Markdown reports);
pure like the rest of the core.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare_tui.core.compare import Progress
from compare_tui.core.corpus import Corpus, PairStats
from compare_tui.core.events import Event
from compare_tui.core.figure_matrix import MatrixRow, figure_matrix


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the many-article reports and the overview screen show, computed once."""

    corpus: Corpus
    groups: tuple[tuple[int, ...], ...]
    #: Articles by the event they report, largest first (``Corpus.events``).
    events: tuple[Event, ...]
    #: Every pair that was aligned, most similar first.
    pairs: tuple[PairStats, ...]
    rows: tuple[MatrixRow, ...]


#: At most this many related pairs (most similar first) are aligned and compared for the pair
#: list; other pairs grouping aligned are listed with their shares but without a count of
#: conflicts (comparing each would cost more than everything else on 5,000 articles).
MAX_PAIRS = 300


def build_overview(
    corpus: Corpus,
    *,
    max_pairs: int = MAX_PAIRS,
    progress: Progress | None = None,
    workers: int = 1,
) -> Overview:
    """Events, groups, the figure matrix, and every pair aligned so far plus the
    ``max_pairs`` most similar related pairs, those compared in full (the overview screen
    passes 0 and measures the rest in the background). ``workers > 1`` forks that many
    processes for figures and comparisons (reports only: ``core/parallel.py``)."""

    def part(lo: float, hi: float) -> Progress | None:
        if progress is None:
            return None
        outer = progress
        return lambda fraction, stage: outer(lo + (hi - lo) * fraction, stage)

    if progress is not None:
        progress(0.0, "events")
    events = corpus.events()
    groups = corpus.groups(progress=part(0.0, 0.3))
    rows = figure_matrix(corpus, progress=part(0.3, 0.9), workers=workers)
    compared = set(corpus.related_pairs()[:max_pairs])
    if workers > 1:
        corpus.prefetch_pairs(sorted(compared), aligned=lambda i, j: True, workers=workers)
    wanted = sorted(compared | set(corpus.aligned_pairs()))
    stats = []
    for k, (i, j) in enumerate(wanted):
        if progress is not None and k % 10 == 0:
            progress(0.9 + 0.1 * k / max(1, len(wanted)), f"pairs {k + 1}/{len(wanted)}")
        stats.append(corpus.pair_stats(i, j, compare=(i, j) in compared))
    stats.sort(key=lambda s: (-s.similarity, s.left, s.right))
    if progress is not None:
        progress(1.0, "done")
    return Overview(corpus=corpus, groups=groups, events=events, pairs=tuple(stats), rows=rows)
