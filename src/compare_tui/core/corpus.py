"""Many articles on one event: load them, screen every pair cheaply, align only what is needed.

A journalist's folder may hold hundreds of articles; aligning every pair would take minutes.
So every pair is first *screened* with a TF-IDF cosine over content words (sparse vectors and
an inverted index: each article keeps its ``screen_neighbours`` best neighbours, so the pairs
screened grow linearly with the articles, ``core/similarity.py``), and full sentence alignment
runs only for pairs above ``related``, only when a view or
report asks for them, through an LRU cache of Comparisons keyed by the pair.

Groups ("rewrites of one source") are single-linkage clusters over pairs whose aligned share of
sentences reaches ``group_share``. Pairs are tried in descending screen order and a pair already
joined by earlier links is never aligned, so grouping aligns few more than one pair per article.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from compare_tui.core.compare import Progress, build_document, compare_documents
from compare_tui.core.folder import CorpusLoad, Skipped, load_corpus
from compare_tui.core.load import LoadedText
from compare_tui.core.models import (
    AlignKind,
    Alignment,
    Comparison,
    Document,
    Figure,
    FigurePair,
    PairStatus,
)
from compare_tui.core.similarity import Neighbours, tfidf
from compare_tui.core.similarity import neighbours as _neighbours
from compare_tui.core.words import STOP_WORDS, WORD, stem

if TYPE_CHECKING:
    from compare_tui.core.events import Event

__all__ = [
    "Corpus",
    "CorpusLoad",
    "CorpusOptions",
    "PairStats",
    "Skipped",
    "load_corpus",
]

_T = TypeVar("_T")


#: Beyond the function words: words so common in news that they say nothing about the story.
_STOP = STOP_WORDS | frozenset("after before over about more most some any all one two".split())


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpusOptions:
    """Thresholds for screening and grouping; scores are 0..1.

    Measured on the seeds: rewrites of one agency story screen at 0.43-0.55 and align 72-82 %
    of their sentences; articles on the same conflict but another story screen at 0.16-0.21 and
    align under 12 %.
    """

    #: Pairs screening below this share too little to be worth aligning.
    related: float = 0.3
    #: Aligned share of sentences above which two articles are rewrites of one source.
    group_share: float = 0.4
    #: Alignment score from which an aligned pair of sentences counts as near-verbatim.
    verbatim_score: float = 0.85
    #: Failed alignments between two groups before grouping stops trying that pair of groups.
    group_tries: int = 3
    #: Neighbours kept per article by the screen: bounds the pairs ever aligned.
    screen_neighbours: int = 30
    #: Alignments and comparisons kept in memory (each holds indexes, not text: about 10 kB
    #: for seed-sized articles).
    cache_size: int = 2048


@dataclass(frozen=True, slots=True)
class PairStats:
    """How much two articles share, measured on their alignment (``left < right``)."""

    left: int
    right: int
    #: Share of both articles' sentences that align with the other article.
    similarity: float
    #: Share of both articles' sentences aligned near-verbatim.
    verbatim: float
    #: Figure pairs in conflict; None when the pair was not compared (beyond the pairs a
    #: report compares: ``overview.MAX_PAIRS``).
    conflicts: int | None
    #: The cheap screen score (TF-IDF cosine) that decided whether to align.
    screen: float


def _terms(doc: Document) -> Counter[str]:
    words: Counter[str] = Counter()
    for s in doc.sentences:
        if not s.matchable:
            continue
        for m in WORD.finditer(doc.text, s.start, s.end):
            w = m.group().lower()
            if w in _STOP or len(w) < 2:
                continue
            words[stem(w)] += 1
    return words


def screen_pairs(documents: Sequence[Document], *, neighbours: int = 30) -> Neighbours:
    """TF-IDF cosine of each document's ``neighbours`` best candidates (an inverted index over
    content words; a pair not held scores 0): near-linear, where the dense matrix product it
    replaced was quadratic in time and memory."""
    vectors = tfidf([_terms(d) for d in documents], smooth_idf=True)
    return _neighbours(vectors, k=neighbours, minimum=0.05)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _build(text: LoadedText) -> Document:
    return build_document(text.text, text.source)


class Corpus:
    """Documents plus their screen, with pair comparisons computed lazily and cached.

    Safe to share between threads: the cache is guarded by a lock; two threads asking for the
    same uncached pair may both compute it, and the results are equal.
    """

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        options: CorpusOptions = CorpusOptions(),
        progress: Progress | None = None,
    ) -> None:
        if len(documents) < 2:
            raise ValueError("a corpus needs at least two documents")
        self.documents: tuple[Document, ...] = tuple(documents)
        self.options = options
        if progress is not None:
            progress(0.0, "screening pairs")
        self.screen = screen_pairs(self.documents, neighbours=options.screen_neighbours)
        self._lock = threading.Lock()
        self._aligned: OrderedDict[tuple[int, int], tuple[Alignment, ...]] = OrderedDict()
        self._compared: OrderedDict[tuple[int, int], Comparison] = OrderedDict()
        self._figures: dict[int, tuple[Figure, ...]] = {}
        self._shares: dict[tuple[int, int], tuple[float, float]] = {}
        #: Figure pairs and conflict counts computed ahead in worker processes (``prefetch``).
        self._pair_figures: dict[tuple[int, int], tuple[FigurePair, ...]] = {}
        self._conflicts: dict[tuple[int, int], int] = {}
        self._groups: tuple[tuple[int, ...], ...] | None = None
        self._events: tuple[Event, ...] | None = None

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[LoadedText],
        *,
        options: CorpusOptions = CorpusOptions(),
        progress: Progress | None = None,
        workers: int = 1,
    ) -> Corpus:
        """Segment loaded texts (in ``workers`` processes: ``core/parallel.py``) and screen
        them."""
        from compare_tui.core.parallel import run_chunks

        texts = list(texts)
        docs = []
        for n, (_, doc) in enumerate(run_chunks(_build, texts, workers=workers)):
            if progress is not None and n % 25 == 0:
                progress(0.0, f"reading {n + 1}/{len(texts)}")
            docs.append(doc)
        return cls(docs, options=options, progress=progress)

    def __len__(self) -> int:
        return len(self.documents)

    # -- screening -------------------------------------------------------------------------

    def related_pairs(self) -> list[tuple[int, int]]:
        """Pairs screening at or above ``related``, most similar first (ties in index order)."""
        n = len(self.documents)
        pairs = list(self.screen.pairs(self.options.related))
        pairs.sort(key=lambda p: (-float(self.screen[p]), p))
        assert all(0 <= i < j < n for i, j in pairs)
        return pairs

    def is_related(self, i: int, j: int) -> bool:
        return i != j and float(self.screen[i, j]) >= self.options.related

    # -- comparisons -----------------------------------------------------------------------

    def figures(self, index: int) -> tuple[Figure, ...]:
        """The figures of one document, extracted once."""
        from compare_tui.core.figures import extract_figures

        with self._lock:
            found = self._figures.get(index)
        if found is None:
            found = extract_figures(self.documents[index])
            with self._lock:
                self._figures[index] = found
        return found

    def alignments(self, i: int, j: int) -> tuple[Alignment, ...]:
        """Sentence alignment with ``documents[i]`` on the left (LRU-cached)."""
        if i == j:
            raise ValueError("a document is not aligned with itself")
        found = self._get(self._aligned, (i, j))
        if found is None:
            from compare_tui.core.align import align_sentences

            found = align_sentences(self.documents[i], self.documents[j])
            self._put(self._aligned, (i, j), found)
        return found

    def _event_note(self, comparison: Comparison, i: int, j: int) -> Comparison:
        """Articles of different events: the comparison says so, and so does every conflict's
        why (a figure pairing hook kept out of ``core/figures``: pairing is unchanged)."""
        from compare_tui.core.events import event_mismatch

        note = event_mismatch(self.events(), i, j)
        if note is None:
            return comparison
        pairs = tuple(
            replace(p, why=f"{p.why}; {note}") if p.status is PairStatus.CONFLICT else p
            for p in comparison.figure_pairs
        )
        return replace(comparison, figure_pairs=pairs, note=note)

    def cached(self, i: int, j: int) -> Comparison | None:
        """The comparison of ``(i, j)`` if it is already in memory."""
        return self._get(self._compared, (i, j))

    def comparison(self, i: int, j: int) -> Comparison:
        """The full comparison with ``documents[i]`` on the left (LRU-cached); ``(j, i)`` is
        another entry because sides matter to every view."""
        found = self._get(self._compared, (i, j))
        if found is None:
            # Figures are extracted once per article and alignments cached per pair: both are
            # handed to compare_documents rather than computed again for every pair.
            found = compare_documents(
                self.documents[i],
                self.documents[j],
                alignments=self.alignments(i, j),
                figures=(self.figures(i), self.figures(j)),
            )
            found = self._event_note(found, i, j)
            self._put(self._compared, (i, j), found)
        return found

    # -- work ahead on every core (reports only: see core/parallel.py) -----------------------

    def prefetch_figures(self, *, workers: int, progress: Progress | None = None) -> None:
        """Extract every article's figures in ``workers`` processes."""
        from compare_tui.core.figures import extract_figures
        from compare_tui.core.parallel import run_chunks

        docs = self.documents
        todo = [i for i in range(len(docs)) if i not in self._figures]
        job = lambda i: extract_figures(docs[i])  # noqa: E731 (inherited by forked workers)
        for k, (i, found) in enumerate(run_chunks(job, todo, workers=workers)):
            if progress is not None and k % 50 == 0:
                progress(k / max(1, len(todo)), f"figures: article {k + 1}/{len(todo)}")
            with self._lock:
                self._figures[i] = found

    def prefetch_pairs(
        self,
        pairs: Sequence[tuple[int, int]],
        *,
        aligned: Callable[[int, int], bool],
        workers: int,
        progress: Progress | None = None,
    ) -> None:
        """Figure pairs and conflict counts of ``pairs`` in ``workers`` processes, as
        ``matrix_figure_pairs`` and ``pair_stats`` would compute them: a full comparison
        where ``aligned(i, j)``, else pairing alone. Only small results come back."""
        from compare_tui.core.parallel import run_chunks

        def job(pair: tuple[int, int]) -> tuple[tuple[FigurePair, ...], tuple[Alignment, ...]]:
            i, j = pair
            if aligned(i, j):
                c = self.comparison(i, j)
                return c.figure_pairs, c.alignments
            return self.figure_pairs(i, j), ()

        todo = [p for p in pairs if p not in self._pair_figures]
        for k, ((i, j), (found, alignments)) in enumerate(run_chunks(job, todo, workers=workers)):
            if progress is not None and k % 10 == 0:
                progress(k / max(1, len(todo)), f"figures: pair {k + 1}/{len(todo)}")
            with self._lock:
                self._pair_figures[(i, j)] = found
                if alignments:
                    self._conflicts[(i, j)] = sum(p.status is PairStatus.CONFLICT for p in found)
            if alignments:
                self._put(self._aligned, (i, j), alignments)

    def matrix_figure_pairs(self, i: int, j: int, *, aligned: bool) -> tuple[FigurePair, ...]:
        """Figure pairs for the matrix: prefetched, else the full comparison's when
        ``aligned`` (rewrites of one source), else pairing alone (``figure_pairs``)."""
        with self._lock:
            found = self._pair_figures.get((i, j))
        if found is not None:
            return found
        return self.comparison(i, j).figure_pairs if aligned else self.figure_pairs(i, j)

    def figure_pairs(self, i: int, j: int) -> tuple[FigurePair, ...]:
        """Figure pairs of ``(i, j)``: the full comparison's when it is in memory, else pairing
        alone, without sentence alignment. Pairing still pairs figures in unaligned sentences
        (aligned ones only get a bonus), so the figure matrix can link articles of different
        groups without paying for an alignment that would find next to nothing."""
        found = self.cached(i, j)
        if found is not None:
            return found.figure_pairs
        from compare_tui.core.figures.pairing import pair_figures

        figures = (self.figures(i), self.figures(j))
        return pair_figures(self.documents[i], self.documents[j], figures, ())

    def _get(self, cache: OrderedDict[tuple[int, int], _T], key: tuple[int, int]) -> _T | None:
        with self._lock:
            found = cache.get(key)
            if found is not None:
                cache.move_to_end(key)
            return found

    def _put(
        self, cache: OrderedDict[tuple[int, int], _T], key: tuple[int, int], value: _T
    ) -> None:
        with self._lock:
            cache[key] = value
            while len(cache) > self.options.cache_size:
                cache.popitem(last=False)

    def share(self, i: int, j: int) -> tuple[float, float]:
        """(share of sentences aligned, share aligned near-verbatim) of a pair, any order."""
        key = (min(i, j), max(i, j))
        with self._lock:
            found = self._shares.get(key)
        if found is None:
            found = _shares(
                self.documents[key[0]],
                self.documents[key[1]],
                self.alignments(*key),
                self.options.verbatim_score,
            )
            with self._lock:
                self._shares[key] = found
        return found

    def aligned_pairs(self) -> list[tuple[int, int]]:
        """Pairs ``(i, j)``, ``i < j``, whose shares are known (aligned for any reason)."""
        with self._lock:
            return sorted(self._shares)

    def known_share(self, i: int, j: int) -> tuple[float, float] | None:
        """The shares of a pair if it was already aligned, without aligning it."""
        key = (min(i, j), max(i, j))
        with self._lock:
            found = self._shares.get(key)
            aligned = found is None and key in self._aligned
        return self.share(*key) if aligned else found

    def pair_stats(self, i: int, j: int, *, compare: bool = True) -> PairStats:
        """Shares and conflicts of one pair (any order, left < right); ``compare=False`` gives
        the conflicts only if the comparison is already in memory (else None)."""
        i, j = min(i, j), max(i, j)
        similarity, verbatim = self.share(i, j)
        with self._lock:
            conflicts = self._conflicts.get((i, j))
        if conflicts is None:
            found = self.comparison(i, j) if compare else self.cached(i, j)
            conflicts = None if found is None else len(found.conflicts)
        return PairStats(
            left=i,
            right=j,
            similarity=similarity,
            verbatim=verbatim,
            conflicts=conflicts,
            screen=float(self.screen[i, j]),
        )

    # -- groups ----------------------------------------------------------------------------

    def groups(self, *, progress: Progress | None = None) -> tuple[tuple[int, ...], ...]:
        """Articles that are rewrites of one source, largest group first; singletons last.

        Single linkage over aligned pairs with ``similarity >= group_share``. Related pairs are
        tried most similar first; a pair whose articles are already grouped is not aligned, and
        two groups stop being tried after ``group_tries`` failed pairs between them.
        """
        if self._groups is not None:
            return self._groups
        n = len(self.documents)
        uf = _UnionFind(n)
        failures: Counter[tuple[int, int]] = Counter()
        pairs = self.related_pairs()
        for k, (i, j) in enumerate(pairs):
            if progress is not None and k % 10 == 0:
                progress(k / max(1, len(pairs)), f"grouping: pair {k + 1}/{len(pairs)}")
            a, b = uf.find(i), uf.find(j)
            if a == b or failures[(min(a, b), max(a, b))] >= self.options.group_tries:
                continue
            if self.share(i, j)[0] >= self.options.group_share:
                uf.union(i, j)
            else:
                failures[(min(a, b), max(a, b))] += 1
        members: dict[int, list[int]] = {}
        for i in range(n):
            members.setdefault(uf.find(i), []).append(i)
        groups = sorted((tuple(m) for m in members.values()), key=lambda g: (-len(g), g))
        self._groups = tuple(groups)
        if progress is not None:
            progress(1.0, "grouped")
        return self._groups

    def events(self) -> tuple[Event, ...]:
        """Articles by the event they report (``core/events.py``), computed once."""
        if self._events is None:
            from compare_tui.core.events import find_events

            self._events = find_events(self.documents)
        return self._events

    def event_of(self, index: int) -> int:
        """The index in ``events()`` of the event holding an article."""
        for k, e in enumerate(self.events()):
            if index in e.articles:
                return k
        raise IndexError(index)

    def group_of(self, index: int) -> tuple[int, ...]:
        for g in self.groups():
            if index in g:
                return g
        raise IndexError(index)


def _shares(
    left: Document, right: Document, alignments: Iterable[Alignment], verbatim_score: float
) -> tuple[float, float]:
    total = sum(s.matchable for s in left.sentences) + sum(s.matchable for s in right.sentences)
    aligned = verbatim = 0
    for a in alignments:
        if a.kind not in (AlignKind.SAME, AlignKind.CHANGED):
            continue
        size = len(a.left) + len(a.right)
        aligned += size
        if a.kind is AlignKind.SAME or a.score >= verbatim_score:
            verbatim += size
    if not total:
        return 0.0, 0.0
    return aligned / total, verbatim / total
