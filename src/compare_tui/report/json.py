"""The Comparison as JSON (schema 1): the contract scripts and our own checks rely on.

The required fields are documented in the README; everything else here is an addition that
may grow but never changes meaning.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from compare_tui.core.models import Alignment, Comparison, Document, Figure, FigurePair, Span

SCHEMA = 1


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def document_dict(doc: Document, *, text: bool = True) -> dict[str, Any]:
    """One article; ``text=False`` leaves out its text (``--no-text``: offsets still point
    into the file named by ``path`` and checked by ``sha256``)."""
    src = doc.source
    found = {
        "path": src.path,
        "title": doc.title,
        "url": src.url,
        "retrieved": src.retrieved,
        "sha256": src.sha256,
        "encoding": src.encoding,
        "outlet": src.outlet,
        "author": src.author,
        "published": src.published,
        "published_from": src.published_from,
        "text": doc.text,
        "paragraphs": _spans(doc.paragraphs),
        "sentences": [
            {"start": s.start, "end": s.end, "paragraph": s.paragraph, "kind": str(s.kind)}
            for s in doc.sentences
        ],
    }
    if not text:
        del found["text"]
    return found


def alignment_dict(a: Alignment) -> dict[str, Any]:
    return {
        "left": list(a.left),
        "right": list(a.right),
        "score": round(a.score, 4),
        "kind": str(a.kind),
        "reason": a.reason,
        "left_changes": _spans(a.left_changes),
        "right_changes": _spans(a.right_changes),
        # Added in schema 1: "reader" when the reader's override made it (--notes).
        "by": a.by,
    }


def figure_dict(f: Figure) -> dict[str, Any]:
    return {
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "low": f.low,
        "high": f.high,
        "approx": f.approx,
        "kind": str(f.kind),
        "unit": f.unit,
        "counted": f.counted,
        "event": f.event,
        "source": f.source,
        "sentence": f.sentence,
        # Added in schema 1 (an addition, not a change): whom an age is about.
        "subject": f.subject,
    }


def pair_dict(p: FigurePair) -> dict[str, Any]:
    return {"left": p.left, "right": p.right, "status": str(p.status), "why": p.why, "by": p.by}


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "documents": [document_dict(d) for d in comparison.documents],
        "alignments": [alignment_dict(a) for a in comparison.alignments],
        "figures": [[figure_dict(f) for f in side] for side in comparison.figures],
        "figure_pairs": [pair_dict(p) for p in comparison.figure_pairs],
    }


def to_json(
    comparison: Comparison,
    *,
    indent: int | None = 2,
    reader_decisions: Sequence[Mapping[str, object]] | None = None,
) -> str:
    """Serialise; non-ASCII text stays readable (the output is UTF-8). With ``--notes``, the
    reader's decisions are listed too (added in schema 1): a figure pair the reader split is
    gone from ``figure_pairs``, and its decision is the record that says so."""
    data = comparison_dict(comparison)
    if reader_decisions is not None:
        data["reader_decisions"] = [dict(r) for r in reader_decisions]
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
