"""Many articles on one event: load them, screen every pair cheaply, align only what is needed.

A journalist's folder may hold hundreds of articles; aligning every pair would take minutes.
So every pair is first *screened* with a TF-IDF cosine over content words (one numpy matrix
product), and full sentence alignment runs only for pairs above ``related``, only when a view or
report asks for them, through an LRU cache of Comparisons keyed by the pair.

Groups ("rewrites of one source") are single-linkage clusters over pairs whose aligned share of
sentences reaches ``group_share``. Pairs are tried in descending screen order and a pair already
joined by earlier links is never aligned, so grouping aligns few more than one pair per article.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

import numpy as np
from numpy.typing import NDArray

from compare_tui.core.compare import Progress, build_document, compare_documents
from compare_tui.core.load import DEFAULT_LIMITS, InputLimits, LoadedText, LoadError, is_url
from compare_tui.core.models import (
    AlignKind,
    Alignment,
    Comparison,
    Document,
    Figure,
    FigurePair,
)
from compare_tui.core.own_output import is_own_output
from compare_tui.core.words import STOP_WORDS, WORD, stem

if TYPE_CHECKING:
    from compare_tui.core.fetch import FetchOptions

__all__ = [
    "Corpus",
    "CorpusLoad",
    "CorpusOptions",
    "PairStats",
    "Skipped",
    "load_corpus",
]

_T = TypeVar("_T")


#: Extensions that are never articles: skipped without reading the bytes.
_NOT_ARTICLE_SUFFIXES = (
    ".png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic .pdf .doc .docx .odt .xls .xlsx"
    " .ppt .pptx .zip .gz .tgz .bz2 .xz .7z .rar .tar .mp3 .mp4 .m4a .mov .avi .mkv .wav .ogg"
    " .exe .dll .so .dylib .bin .pyc .sqlite .db .json .csv"
)
_NOT_ARTICLES = frozenset(_NOT_ARTICLE_SUFFIXES.split())

#: Beyond the function words: words so common in news that they say nothing about the story.
_STOP = STOP_WORDS | frozenset("after before over about more most some any all one two".split())


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
    #: Figure pairs in conflict.
    conflicts: int
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


def screen_matrix(documents: Sequence[Document]) -> NDArray[np.float32]:
    """TF-IDF cosine of every pair of documents (symmetric, diagonal 1; float32).

    Words found in only one document add to its norm but can match nothing, so they are left
    out of the matrix: that keeps it narrow enough to multiply for hundreds of articles.
    """
    n = len(documents)
    tfs = [_terms(d) for d in documents]
    df: Counter[str] = Counter()
    for tf in tfs:
        df.update(tf.keys())
    shared = {w: k for k, w in enumerate(w for w, c in df.items() if c > 1)}
    matrix = np.zeros((n, len(shared)), dtype=np.float32)
    for row, tf in enumerate(tfs):
        norm = 0.0
        for w, c in tf.items():
            weight = (1.0 + math.log(c)) * math.log((1 + n) / (1 + df[w]) + 1.0)
            norm += weight * weight
            col = shared.get(w)
            if col is not None:
                matrix[row, col] = weight
        if norm > 0:
            matrix[row] /= math.sqrt(norm)
    sims = matrix @ matrix.T
    np.fill_diagonal(sims, 1.0)
    result: NDArray[np.float32] = np.clip(sims, 0.0, 1.0)
    return result


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
        self.screen = screen_matrix(self.documents)
        self._lock = threading.Lock()
        self._aligned: OrderedDict[tuple[int, int], tuple[Alignment, ...]] = OrderedDict()
        self._compared: OrderedDict[tuple[int, int], Comparison] = OrderedDict()
        self._figures: dict[int, tuple[Figure, ...]] = {}
        self._shares: dict[tuple[int, int], tuple[float, float]] = {}
        self._groups: tuple[tuple[int, ...], ...] | None = None

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[LoadedText],
        *,
        options: CorpusOptions = CorpusOptions(),
        progress: Progress | None = None,
    ) -> Corpus:
        """Segment loaded texts and screen them."""
        texts = list(texts)
        docs = []
        for n, t in enumerate(texts):
            if progress is not None and n % 25 == 0:
                progress(0.0, f"reading {n + 1}/{len(texts)}")
            docs.append(build_document(t.text, t.source))
        return cls(docs, options=options, progress=progress)

    def __len__(self) -> int:
        return len(self.documents)

    # -- screening -------------------------------------------------------------------------

    def related_pairs(self) -> list[tuple[int, int]]:
        """Pairs screening at or above ``related``, most similar first (ties in index order)."""
        n = len(self.documents)
        rows, cols = np.nonzero(np.triu(self.screen >= self.options.related, k=1))
        pairs = [(int(i), int(j)) for i, j in zip(rows, cols, strict=True)]
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
            self._put(self._compared, (i, j), found)
        return found

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

    def pair_stats(self, i: int, j: int) -> PairStats:
        """Shares and conflicts of one pair (compared on demand; any order, left < right)."""
        i, j = min(i, j), max(i, j)
        similarity, verbatim = self.share(i, j)
        return PairStats(
            left=i,
            right=j,
            similarity=similarity,
            verbatim=verbatim,
            conflicts=len(self.comparison(i, j).conflicts),
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
