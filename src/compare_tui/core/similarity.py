"""Sparse TF-IDF vectors and their nearest neighbours through an inverted index.

A dense documents-by-words matrix grows with the square of a newsroom folder (5,000 articles
by 40,000 shared words is 800 MB before the product), and every pair's cosine is quadratic
work. Here each article keeps only its own terms, and its neighbours are found by walking the
postings of its terms (a term in more than ``max_df`` of the articles is boilerplate or topic
vocabulary: it is weighed in the norm but not walked). Each article keeps its ``k`` best
neighbours, so the pairs that later stages look at grow linearly with the articles.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["Neighbours", "SparseVectors", "neighbours", "tfidf"]


@dataclass(frozen=True, slots=True)
class SparseVectors:
    """Unit-length TF-IDF vectors: ``terms[d]`` and ``weights[d]`` are parallel arrays."""

    terms: tuple[NDArray[np.int32], ...]
    weights: tuple[NDArray[np.float32], ...]
    #: Documents holding each term (by term id).
    df: NDArray[np.int32]
    vocabulary: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.terms)

    def cosine(self, i: int, j: int) -> float:
        """Exact cosine of two documents (all terms)."""
        common, ii, jj = np.intersect1d(self.terms[i], self.terms[j], return_indices=True)
        if not len(common):
            return 0.0
        return float(np.dot(self.weights[i][ii], self.weights[j][jj]))


def tfidf(
    bags: Sequence[Counter[str]],
    *,
    boost: Callable[[str], float] = lambda term: 1.0,
    idf_floor_docs: int = 0,
    shared_only: bool = False,
    smooth_idf: bool = False,
) -> SparseVectors:
    """Weight each bag ``boost(term) * (1 + log tf) * idf`` and normalise.

    ``idf = log((n + idf_floor_docs) / df)``: a term every article holds weighs nothing, and
    ``idf_floor_docs`` imagines that many extra articles without the term, so that two or
    three articles on one event still score by the words they share. ``shared_only`` leaves
    out terms of one document (they cannot match, and in a long article they would drown the
    few names it shares with another report of its event). ``smooth_idf`` uses
    ``log((1 + n) / (1 + df) + 1)`` instead.
    """
    n = len(bags)
    ids: dict[str, int] = {}
    df_counter: Counter[int] = Counter()
    for bag in bags:
        for term in bag:
            df_counter[ids.setdefault(term, len(ids))] += 1
    df = np.zeros(len(ids), dtype=np.int32)
    for k, c in df_counter.items():
        df[k] = c
    vocabulary = [""] * len(ids)
    for term, k in ids.items():
        vocabulary[k] = term
    boosts = np.array([boost(t) for t in vocabulary], dtype=np.float64)
    if smooth_idf:  # the corpus screen's historical weighting: never 0, even for every article
        idf = np.log((1 + n) / (1 + df) + 1.0)
    else:
        idf = np.log((n + idf_floor_docs) / np.maximum(df, 1))
    all_terms: list[NDArray[np.int32]] = []
    all_weights: list[NDArray[np.float32]] = []
    for bag in bags:
        term_ids = np.fromiter((ids[t] for t in bag), dtype=np.int32, count=len(bag))
        counts = np.fromiter(bag.values(), dtype=np.float64, count=len(bag))
        w = boosts[term_ids] * (1.0 + np.log(np.maximum(counts, 1e-9))) * idf[term_ids]
        w = np.maximum(w, 0.0)
        if shared_only:
            w = np.where(df[term_ids] >= 2, w, 0.0)
        norm = math.sqrt(float(np.dot(w, w)))
        order = np.argsort(term_ids)
        all_terms.append(term_ids[order])
        all_weights.append((w[order] / norm if norm > 0 else w[order]).astype(np.float32))
    return SparseVectors(tuple(all_terms), tuple(all_weights), df, tuple(vocabulary))


@dataclass(frozen=True, slots=True)
class Neighbours:
    """Scores of candidate pairs, ``(i, j)`` with ``i < j``; a pair not held scores 0."""

    scores: dict[tuple[int, int], float]

    def __getitem__(self, pair: tuple[int, int]) -> float:
        i, j = pair
        if i == j:
            return 1.0
        return self.scores.get((min(i, j), max(i, j)), 0.0)

    def pairs(self, minimum: float) -> Iterator[tuple[int, int]]:
        return (p for p, s in self.scores.items() if s >= minimum)


def neighbours(
    vectors: SparseVectors, *, k: int, minimum: float, max_df: float = 0.05, min_df_cap: int = 50
) -> Neighbours:
    """Each document's ``k`` best neighbours scoring at least ``minimum``, by cosine over the
    terms held by at most ``max(min_df_cap, max_df * n)`` documents (the union over both
    directions, so a pair is kept when either side ranks the other)."""
    n = len(vectors)
    cap = max(min_df_cap, int(max_df * n))
    postings_docs: list[list[int]] = [[] for _ in range(len(vectors.df))]
    postings_weights: list[list[float]] = [[] for _ in range(len(vectors.df))]
    walked = vectors.df <= cap
    walked &= vectors.df >= 2
    for d, (terms, weights) in enumerate(zip(vectors.terms, vectors.weights, strict=True)):
        for t, w in zip(terms.tolist(), weights.tolist(), strict=True):
            if walked[t]:
                postings_docs[t].append(d)
                postings_weights[t].append(w)
    docs_arr = [np.array(p, dtype=np.int32) for p in postings_docs]
    weights_arr = [np.array(p, dtype=np.float32) for p in postings_weights]
    scores: dict[tuple[int, int], float] = {}
    for d, (terms, weights) in enumerate(zip(vectors.terms, vectors.weights, strict=True)):
        keep = walked[terms]
        if not keep.any():
            continue
        ts = terms[keep].tolist()
        ws = weights[keep]
        idx = np.concatenate([docs_arr[t] for t in ts])
        val = np.concatenate([weights_arr[t] * w for t, w in zip(ts, ws.tolist(), strict=True)])
        acc = np.bincount(idx, weights=val, minlength=n)
        acc[d] = 0.0
        top = np.argpartition(-acc, k)[:k] if k < n else np.arange(n)
        for j in top.tolist():
            s = float(acc[j])
            if s >= minimum and j != d:
                scores[(min(d, j), max(d, j))] = min(1.0, s)
    return Neighbours(scores)
