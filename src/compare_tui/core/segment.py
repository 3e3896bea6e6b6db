"""Paragraphs and sentences with exact offsets (first cut: to be replaced by the full splitter)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare_tui.core.models import SegmentKind, Sentence, Span

_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_SENT = re.compile(r"\S.*?(?:[.!?][\"”’]?(?=\s|$)|$)", re.S)


@dataclass(frozen=True, slots=True)
class Segmentation:
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]


def segment(text: str) -> Segmentation:
    paragraphs: list[Span] = []
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        p = len(paragraphs)
        paragraphs.append(Span(line.start(), line.end()))
        for m in _SENT.finditer(text, line.start(), line.end()):
            end = m.end()
            while end > m.start() and text[end - 1].isspace():
                end -= 1
            sentences.append(Sentence(m.start(), end, p, SegmentKind.SENTENCE))
    return Segmentation(tuple(paragraphs), tuple(sentences))
