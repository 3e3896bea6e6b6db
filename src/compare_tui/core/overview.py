"""The overview of many articles as data: groups of rewrites, measured pairs, figure matrix.

Computed once and shown by every view (the overview screen, the JSON and Markdown reports);
pure like the rest of the core.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare_tui.core.compare import Progress
from compare_tui.core.corpus import Corpus, PairStats
from compare_tui.core.figure_matrix import MatrixRow, figure_matrix


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the many-article reports and the overview screen show, computed once."""

    corpus: Corpus
    groups: tuple[tuple[int, ...], ...]
    #: Every pair that was aligned, most similar first.
    pairs: tuple[PairStats, ...]
    rows: tuple[MatrixRow, ...]


#: At most this many related pairs (most similar first) are aligned for the pair list, beyond
#: those grouping and the figure matrix aligned anyway: 500 rewrites make 100,000 pairs.
MAX_PAIRS = 300


def build_overview(
    corpus: Corpus, *, max_pairs: int = MAX_PAIRS, progress: Progress | None = None
) -> Overview:
    """Group, build the figure matrix, and measure every pair aligned so far plus the
    ``max_pairs`` most similar related pairs (the overview screen passes 0 and measures the
    rest in the background)."""

    def part(lo: float, hi: float) -> Progress | None:
        if progress is None:
            return None
        outer = progress
        return lambda fraction, stage: outer(lo + (hi - lo) * fraction, stage)

    groups = corpus.groups(progress=part(0.0, 0.3))
    rows = figure_matrix(corpus, progress=part(0.3, 0.9))
    wanted = sorted(set(corpus.related_pairs()[:max_pairs]) | set(corpus.aligned_pairs()))
    stats = []
    for k, (i, j) in enumerate(wanted):
        if progress is not None and k % 10 == 0:
            progress(0.9 + 0.1 * k / max(1, len(wanted)), f"pairs {k + 1}/{len(wanted)}")
        stats.append(corpus.pair_stats(i, j))
    stats.sort(key=lambda s: (-s.similarity, s.left, s.right))
    if progress is not None:
        progress(1.0, "done")
    return Overview(corpus=corpus, groups=groups, pairs=tuple(stats), rows=rows)
