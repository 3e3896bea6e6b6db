"""The figure matrix per event on real coverage, and comparisons across events."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare_tui.core.corpus import Corpus, load_corpus
from compare_tui.core.figure_matrix import MatrixRow, MatrixStatus, figure_matrix, matrix_pairs
from compare_tui.core.models import PairStatus

from .conftest import SEEDS
from .test_events import DEV_SET, needs_dev_set


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus.from_texts(load_corpus([str(SEEDS)]).texts)


def test_pairs_of_different_events_say_so_in_the_note_and_every_conflict(seeds: Corpus) -> None:
    c = seeds.comparison(0, 2)
    assert c.note is not None
    assert c.note.startswith("the articles may report different events: 14 June 2025 vs 2024")
    conflicts = [p for p in c.figure_pairs if p.status is PairStatus.CONFLICT]
    assert all(p.why.endswith(c.note) for p in conflicts)
    assert seeds.comparison(0, 4).note is None


def test_figures_are_compared_only_within_an_event(seeds: Corpus) -> None:
    events = [set(e.articles) for e in seeds.events()]
    for i, j in matrix_pairs(seeds):
        assert any({i, j} <= e for e in events)


@pytest.fixture(scope="module")
def rana() -> tuple[Corpus, tuple[MatrixRow, ...]]:
    # The articles only: figures.md (the key) quotes every figure of every article.
    names = [str(p) for d in ("001", "002") for p in sorted((DEV_SET / d).glob("*.txt"))]
    names.append(str(SEEDS))
    corpus = Corpus.from_texts(load_corpus(names).texts)
    return corpus, figure_matrix(corpus)


@needs_dev_set
def test_rana_plaza_370_against_377_is_a_conflict(
    rana: tuple[Corpus, tuple[MatrixRow, ...]],
) -> None:
    corpus, rows = rana
    texts = [
        {corpus.figures(d)[f].text for d, f in enumerate(r.cells) if f is not None} for r in rows
    ]
    (k,) = [k for k, t in enumerate(texts) if {"370", "377"} <= {w.split()[-1] for w in t}]
    assert texts[k] == {"at least 370", "at least 377", "At least 377"}
    assert rows[k].status is MatrixStatus.CONFLICT
    event = set(next(e.articles for e in corpus.events() if rows[k].articles[0] in e.articles))
    assert set(rows[k].articles) <= event
    assert all("dev-set/001/" in corpus.documents[d].path for d in rows[k].articles)


@needs_dev_set
def test_an_event_of_one_article_has_no_matrix_rows() -> None:
    names = [str(SEEDS), str(DEV_SET / "007" / "a.txt")]
    corpus = Corpus.from_texts(load_corpus(names).texts)
    lone = len(corpus) - 1
    assert (lone,) in [e.articles for e in corpus.events()]
    assert corpus.figures(lone), "the article has figures of its own"
    assert all(lone not in r.articles for r in figure_matrix(corpus))


def test_same_text_twice_is_one_outlet_without_a_matrix(tmp_path: Path) -> None:
    text = (SEEDS / "004_967b0b30f98c59d7.txt").read_bytes()  # dated 14 June 2025
    (tmp_path / "a.txt").write_bytes(text)
    (tmp_path / "b.txt").write_bytes(text)
    (tmp_path / "c.txt").write_bytes((SEEDS / "003_fc820146ffcf05a9.txt").read_bytes())  # (c) 2024
    corpus = Corpus.from_texts(load_corpus([str(tmp_path)]).texts)
    (event,) = [e for e in corpus.events() if 0 in e.articles]
    assert event.articles == (0, 1) and event.duplicates == ((0, 1),) and event.outlets == 1
    assert figure_matrix(corpus) == ()
