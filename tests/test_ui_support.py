"""Comparisons for the UI tests, built without the UI: real documents, stated figures.

The figure extractor is not needed here: figures are found with a plain regex so the UI tests
depend only on what they render. No tests live in this module.
"""

from __future__ import annotations

import re
from pathlib import Path

from compare_tui.core.align import align_sentences
from compare_tui.core.compare import Progress, build_document
from compare_tui.core.load import load_bytes, load_path
from compare_tui.core.models import (
    Comparison,
    Document,
    Figure,
    FigureKind,
    FigurePair,
    PairStatus,
)

ROOT = Path(__file__).resolve().parent.parent
SEED_LEFT = str(ROOT / "seeds" / "000_633a6f03b1d6c80d.txt")
SEED_RIGHT = str(ROOT / "seeds" / "004_967b0b30f98c59d7.txt")
_NUMBER = re.compile(r"\b\d[\d,]*\b|\bdozens\b|\bthree\b")


def _figures(doc: Document) -> tuple[Figure, ...]:
    out: list[Figure] = []
    for i, s in enumerate(doc.sentences):
        if not s.matchable:
            continue
        for m in _NUMBER.finditer(doc.text, s.start, s.end):
            word = m.group()
            value = float(word.replace(",", "")) if word[0].isdigit() else None
            out.append(
                Figure(
                    m.start(), m.end(), word, value, value, value is None, FigureKind.COUNT,
                    "things", None, None, i,
                )
            )
    return tuple(out)


def build(left: Document, right: Document) -> Comparison:
    """Align two documents and pair same-text figures; the first pair is marked a conflict."""
    alignments = align_sentences(left, right)
    figures = _figures(left), _figures(right)
    pairs: list[FigurePair] = []
    used: set[int] = set()
    for i, f in enumerate(figures[0]):
        for j, g in enumerate(figures[1]):
            if j not in used and f.text == g.text:
                status = PairStatus.CONFLICT if not pairs else PairStatus.AGREE
                pairs.append(FigurePair(i, j, status, "stated for the test"))
                used.add(j)
                break
    return Comparison((left, right), alignments, figures, tuple(pairs))


def seed_comparison() -> Comparison:
    docs = []
    for path in (SEED_LEFT, SEED_RIGHT):
        loaded = load_path(path)
        docs.append(build_document(loaded.text, loaded.source))
    return build(docs[0], docs[1])


def text_comparison(left: str, right: str) -> Comparison:
    docs = []
    for name, text in (("left.txt", left), ("right.txt", right)):
        loaded = load_bytes(text.encode(), name=name)
        docs.append(build_document(loaded.text, loaded.source))
    return build(docs[0], docs[1])


def comparer_for(comparison: Comparison):  # type: ignore[no-untyped-def]
    """A comparer for CompareApp that reports progress and returns ``comparison``."""

    def compare(left: str, right: str, progress: Progress) -> Comparison:
        progress(0.5, "aligning")
        return comparison

    return compare
