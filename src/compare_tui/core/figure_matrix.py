"""What each outlet says for each figure: one row per quantity, one column per article.

Rows are built from the figure pairs that ``pairing.pair_figures`` finds in pair comparisons,
so a row links exactly the figures the pair view would pair (same similarity, same verdict).
Figures linked by a chain of pairs share a row, but a row never holds two figures of one
article: a link that would do so is dropped. Agreements are linked before conflicts, so a
figure that conflicts with two different rows cannot chain them into one.

Only the comparisons the matrix needs are run: within a group of rewrites every pair when the
group is small, else each member against the group's most central article; across groups,
the central articles of groups whose screen score reaches ``FIGURE_RELATED``, through
``Corpus.figure_pairs`` (pairing without alignment: different stories align next to nothing).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from compare_tui.core.corpus import Corpus
from compare_tui.core.figure_table import LONE_KINDS
from compare_tui.core.figures.frames import head_and_side
from compare_tui.core.lexicon import HEAD_CLASSES
from compare_tui.core.models import Figure, FigureKind, PairStatus

__all__ = [
    "FigureLink",
    "MatrixRow",
    "MatrixStatus",
    "figure_matrix",
    "matrix_pairs",
    "pair_for_cell",
]

Progress = Callable[[float, str], None]

#: Groups up to this size are compared pair by pair; larger ones as a star around the centre.
ALL_PAIRS_GROUP = 6
#: Screen score from which the centres of two groups are compared for figures. Lower than
#: ``CorpusOptions.related``: two different stories of one conflict (seeds 000 and 002, 0.21)
#: must still have their casualty figures set side by side.
FIGURE_RELATED = 0.1


class MatrixStatus(StrEnum):
    CONFLICT = "conflict"
    AGREE = "agree"
    SINGLE = "single"


@dataclass(frozen=True, slots=True)
class FigureLink:
    """One figure pair behind a row: figure ``left_figure`` of article ``left`` and so on."""

    left: int
    left_figure: int
    right: int
    right_figure: int
    status: PairStatus
    why: str


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One quantity: what is counted, what happened, who says so, and each article's figure.

    ``cells[d]`` indexes ``corpus.figures(d)``, or is None when article ``d`` has no figure in
    this row. The three descriptors are the ones most articles in the row use.
    """

    counted: str | None
    event: str | None
    source: str | None
    status: MatrixStatus
    cells: tuple[int | None, ...]
    links: tuple[FigureLink, ...]
    #: The kind of the row's first figure: what the label falls back to ("year").
    kind: FigureKind = FigureKind.COUNT

    @property
    def articles(self) -> tuple[int, ...]:
        return tuple(d for d, f in enumerate(self.cells) if f is not None)


def _centre(corpus: Corpus, group: tuple[int, ...]) -> int:
    """The member with the highest total screen score to the others (ties: lowest index)."""
    return max(group, key=lambda i: (sum(float(corpus.screen[i, j]) for j in group), -i))


def matrix_pairs(corpus: Corpus) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, whose comparisons the figure matrix is built from."""
    groups = corpus.groups()
    pairs: set[tuple[int, int]] = set()
    centres = []
    for g in groups:
        centre = _centre(corpus, g)
        centres.append(centre)
        if len(g) <= ALL_PAIRS_GROUP:
            pairs.update((a, b) for a in g for b in g if a < b)
        else:
            pairs.update((min(centre, m), max(centre, m)) for m in g if m != centre)
    for a in centres:
        for b in centres:
            if a < b and float(corpus.screen[a, b]) >= FIGURE_RELATED:
                pairs.add((a, b))
    return sorted(pairs)


class _Rows:
    """Union-find over (article, figure) that refuses to put two figures of one article
    together, or two known different things ("Malian soldiers", "Wagner militants") joined
    through a figure that names neither ("dozens killed")."""

    def __init__(self, head_of: Callable[[tuple[int, int]], str | None]) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}
        self.docs: dict[tuple[int, int], set[int]] = {}
        self.heads: dict[tuple[int, int], set[str]] = {}
        self.links: dict[tuple[int, int], list[FigureLink]] = {}
        self.head_of = head_of

    def find(self, x: tuple[int, int]) -> tuple[int, int]:
        if x not in self.parent:
            self.parent[x] = x
            self.docs[x] = {x[0]}
            head = self.head_of(x)
            self.heads[x] = {head} if head is not None else set()
            self.links[x] = []
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def link(self, link: FigureLink) -> None:
        a = self.find((link.left, link.left_figure))
        b = self.find((link.right, link.right_figure))
        if a == b:
            self.links[a].append(link)
            return
        if self.docs[a] & self.docs[b]:
            return
        if self.heads[a] and self.heads[b] and self.heads[a] != self.heads[b]:
            return
        root, child = min(a, b), max(a, b)
        self.parent[child] = root
        self.docs[root] |= self.docs.pop(child)
        self.heads[root] |= self.heads.pop(child)
        self.links[root] += self.links.pop(child)
        self.links[root].append(link)


def _known_head(figure: Figure) -> str | None:
    """The lexicon class of what a count counts ("soldier"), if the lexicon knows it."""
    if figure.kind is not FigureKind.COUNT:
        return None
    head, _ = head_and_side(figure.counted)
    return head if head in HEAD_CLASSES else None


def _most_common(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(v.casefold() for v in present)
    best = max(counts.values())
    return next(v for v in present if counts[v.casefold()] == best)


def figure_matrix(
    corpus: Corpus, *, all_single: bool = False, progress: Progress | None = None
) -> tuple[MatrixRow, ...]:
    """Conflicting rows first, then agreeing rows (most articles first), then figures only
    one article gives (counts, measures, money and percentages unless ``all_single``)."""
    n = len(corpus)
    rows = _Rows(lambda x: _known_head(corpus.figures(x[0])[x[1]]))
    pairs = matrix_pairs(corpus)
    found: list[FigureLink] = []
    for k, (i, j) in enumerate(pairs):
        if progress is not None:
            progress(k / max(1, len(pairs)), f"figures: pair {k + 1}/{len(pairs)}")
        if corpus.group_of(i) == corpus.group_of(j):
            pairs_ij = corpus.comparison(i, j).figure_pairs
        else:
            pairs_ij = corpus.figure_pairs(i, j)
        found += [FigureLink(i, p.left, j, p.right, p.status, p.why) for p in pairs_ij]
    # Agreements first: they say "same quantity, same value" and make the rows; a conflict then
    # joins two rows only if no article is in both, so one figure cannot chain two rows together.
    for link in sorted(found, key=lambda lk: lk.status is PairStatus.CONFLICT):
        rows.link(link)
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for d in range(n):
        for f in range(len(corpus.figures(d))):
            members.setdefault(rows.find((d, f)), []).append((d, f))
    out: list[tuple[tuple[int, int, int, int], MatrixRow]] = []
    for root, figs in members.items():
        figures: list[Figure] = [corpus.figures(d)[f] for d, f in figs]
        links = tuple(rows.links[root])
        if len(figs) == 1:
            if not (all_single or figures[0].kind in LONE_KINDS):
                continue
            status = MatrixStatus.SINGLE
        elif any(link.status is PairStatus.CONFLICT for link in links):
            status = MatrixStatus.CONFLICT
        else:
            status = MatrixStatus.AGREE
        cells: list[int | None] = [None] * n
        for d, f in figs:
            cells[d] = f
        first_doc, first_fig = figs[0]
        order = (
            list(MatrixStatus).index(status),
            -len(figs),
            first_doc,
            corpus.figures(first_doc)[first_fig].start,
        )
        row = MatrixRow(
            counted=_most_common([f.counted for f in figures]),
            event=_most_common([f.event for f in figures]),
            source=_most_common([f.source for f in figures]),
            status=status,
            cells=tuple(cells),
            links=links,
            kind=figures[0].kind,
        )
        out.append((order, row))
    out.sort(key=lambda item: item[0])
    if progress is not None:
        progress(1.0, "figures done")
    return tuple(row for _, row in out)


def pair_for_cell(row: MatrixRow, article: int) -> tuple[int, int] | None:
    """The pair of articles ``(left, right)`` to open for a cell: the article and the one whose
    figure it was linked to (a conflicting link first), or None for a row of one article."""
    if row.cells[article] is None:
        return None
    touching = [lk for lk in row.links if article in (lk.left, lk.right)]
    touching.sort(key=lambda lk: lk.status is not PairStatus.CONFLICT)
    if touching:
        lk = touching[0]
        return lk.left, lk.right
    others = [d for d in row.articles if d != article]
    if not others:
        return None
    return min(article, others[0]), max(article, others[0])


def row_label(row: MatrixRow) -> str:
    """ "separatist fighters killed, says the army": what a reader checks in one line."""
    what = " ".join(p for p in (row.counted, row.event) if p) or str(row.kind)
    return f"{what}, says {row.source}" if row.source else what
