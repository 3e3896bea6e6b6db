"""One call from two texts to one immutable Comparison."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from compare_tui.core.align import align_sentences
from compare_tui.core.dates import date_line
from compare_tui.core.figures import extract_figures
from compare_tui.core.figures.pairing import pair_figures
from compare_tui.core.inputs import load_input
from compare_tui.core.load import LoadedText
from compare_tui.core.models import (
    Alignment,
    Comparison,
    Document,
    Figure,
    SegmentKind,
    Source,
)
from compare_tui.core.segment import segment

#: ``progress(fraction, stage)``: called from whatever thread runs the comparison.
Progress = Callable[[float, str], None]

#: How far into an article a one-line block may stand and still be taken as its headline.
_TITLE_WINDOW = 4


def build_document(text: str, source: Source) -> Document:
    """Segment clean text into a Document and find its headline."""
    seg = segment(text)
    doc = Document(source=source, text=text, paragraphs=seg.paragraphs, sentences=seg.sentences)
    if source.published is None:
        found = date_line(doc)
        if found is not None:
            source = replace(source, published=found, published_from="date line")
    return Document(
        source=source,
        text=text,
        paragraphs=seg.paragraphs,
        sentences=seg.sentences,
        title=source.title or _guess_title(doc),
    )


def _guess_title(doc: Document) -> str | None:
    """The first one-line block near the top, ignoring page furniture."""
    seen = 0
    for i, s in enumerate(doc.sentences):
        if s.kind is SegmentKind.FURNITURE:
            continue
        if s.kind is SegmentKind.HEADLINE:
            return doc.sentence_text(i)
        seen += 1
        if seen >= _TITLE_WINDOW:
            break
    return None


def compare_documents(
    left: Document,
    right: Document,
    *,
    progress: Progress | None = None,
    alignments: tuple[Alignment, ...] | None = None,
    figures: tuple[tuple[Figure, ...], tuple[Figure, ...]] | None = None,
) -> Comparison:
    """Align, diff, extract and pair figures for two segmented documents.

    ``alignments`` and ``figures`` (per side), when already known (a corpus extracts each
    article's figures once and caches alignments), are used instead of being computed again.
    """
    report = progress or (lambda fraction, stage: None)
    timings: dict[str, float] = {}

    @contextmanager
    def stage(name: str, fraction: float) -> Iterator[None]:
        report(fraction, name)
        start = time.perf_counter()
        yield
        timings[name] = time.perf_counter() - start

    if alignments is None:
        with stage("aligning", 0.1):
            alignments = align_sentences(left, right)
    if figures is None:
        with stage("finding figures", 0.8):
            figures = (extract_figures(left), extract_figures(right))
    with stage("pairing figures", 0.9):
        pairs = pair_figures(left, right, figures, alignments)
    report(1.0, "done")
    return Comparison(
        documents=(left, right),
        alignments=alignments,
        figures=figures,
        figure_pairs=pairs,
        timings=timings,
    )


def compare_texts(
    left: LoadedText, right: LoadedText, *, progress: Progress | None = None
) -> Comparison:
    """Compare two loaded texts."""
    if progress is not None:
        progress(0.0, "segmenting")
    docs = build_document(left.text, left.source), build_document(right.text, right.source)
    return compare_documents(*docs, progress=progress)


def compare_paths(
    left: str | Path, right: str | Path, *, progress: Progress | None = None
) -> Comparison:
    """Load two inputs (paths, or whatever ``load_input`` accepts) and compare them.

    Raises LoadError for an input that cannot be read.
    """
    return compare_texts(load_input(str(left)), load_input(str(right)), progress=progress)
