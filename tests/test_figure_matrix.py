"""The figure matrix on the seeds: one row per quantity, conflicts first, singles last."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare_tui.core.corpus import Corpus, load_corpus
from compare_tui.core.figure_matrix import (
    MatrixRow,
    MatrixStatus,
    figure_matrix,
    matrix_pairs,
    pair_for_cell,
    row_label,
)
from compare_tui.core.figure_table import LONE_KINDS
from compare_tui.core.models import FigureKind

from .conftest import SEEDS


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_texts(load_corpus([str(SEEDS)]).texts)


@pytest.fixture(scope="module")
def rows(corpus: Corpus) -> tuple[MatrixRow, ...]:
    return figure_matrix(corpus)


def values(corpus: Corpus, row: MatrixRow) -> list[str | None]:
    return [None if f is None else corpus.figures(d)[f].text for d, f in enumerate(row.cells)]


def test_figures_of_different_events_never_share_a_row(
    corpus: Corpus, rows: tuple[MatrixRow, ...]
) -> None:
    # Seeds 000/001/004 (Kidal, June 2025) and 002/003 (Tinzaouatene, July 2024) are two
    # battles: the separatists' three dead and seven dead are different quantities.
    events = [set(e.articles) for e in corpus.events()]
    assert sorted(map(sorted, events)) == [[0, 1, 4], [2, 3]]
    for row in rows:
        assert any(set(row.articles) <= e for e in events)
    (three,) = [r for r in rows if values(corpus, r)[:2] == ["three", "three"]]
    assert values(corpus, three) == ["three", "three", None, None, "three"]
    assert three.status is MatrixStatus.AGREE
    assert three.event == "killed"
    assert "killed" in row_label(three)


def test_army_count_of_ten_is_its_own_agreeing_row(
    corpus: Corpus, rows: tuple[MatrixRow, ...]
) -> None:
    (row,) = [r for r in rows if values(corpus, r)[1] == "Ten"]
    assert values(corpus, row) == ["10", "Ten", None, None, "10"]
    assert row.status is MatrixStatus.AGREE


def test_rows_are_sorted_conflict_agree_single_and_one_figure_per_article(
    corpus: Corpus, rows: tuple[MatrixRow, ...]
) -> None:
    order = [list(MatrixStatus).index(r.status) for r in rows]
    assert order == sorted(order)
    assert {r.status for r in rows} == set(MatrixStatus)
    seen: set[tuple[int, int]] = set()
    for r in rows:
        assert len(r.cells) == len(corpus)
        assert (len(r.articles) == 1) == (r.status is MatrixStatus.SINGLE)
        for d, f in enumerate(r.cells):
            if f is not None:
                assert (d, f) not in seen
                seen.add((d, f))


def test_cells_open_the_pair_that_links_them(corpus: Corpus, rows: tuple[MatrixRow, ...]) -> None:
    (row,) = [r for r in rows if values(corpus, r)[1] == "Ten"]
    left, right = pair_for_cell(row, 1) or (-1, -1)
    assert 1 in (left, right) and left < right
    assert pair_for_cell(row, 3) is None
    single = next(r for r in rows if r.status is MatrixStatus.SINGLE)
    assert pair_for_cell(single, single.articles[0]) is None


def test_matrix_compares_groups_fully_and_only_related_centres(corpus: Corpus) -> None:
    pairs = matrix_pairs(corpus)
    assert {(0, 1), (0, 4), (1, 4)} <= set(pairs)
    assert all(i < j for i, j in pairs)
    assert len(pairs) < 10
    names = [Path(d.path).name[:3] for d in corpus.documents]
    assert names[2] == "002"


def test_single_rows_hold_the_kinds_the_pair_table_lists_alone(
    corpus: Corpus, rows: tuple[MatrixRow, ...]
) -> None:
    singles = [r for r in rows if r.status is MatrixStatus.SINGLE]
    assert singles
    assert {r.kind for r in singles} <= LONE_KINDS
    assert FigureKind.YEAR not in LONE_KINDS and FigureKind.COUNT in LONE_KINDS
    every = figure_matrix(corpus, all_single=True)
    assert {r.kind for r in every if r.status is MatrixStatus.SINGLE} - LONE_KINDS
