"""Word wrapping that keeps source offsets, so every highlight stays an offset span.

Each wrapped line is a ``[start, end)`` range of the document text: styling a line means
intersecting spans with that range, never searching rendered text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from compare_tui.core.models import Document

_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: ``text[start:end]``; ``start == end`` is a blank separator line."""

    start: int
    end: int


def display(text: str) -> str:
    """Text as drawn: tabs and stray newlines become single spaces (one cell, same offsets)."""
    return text.replace("\t", " ").replace("\n", " ")


def clip(text: str, limit: int) -> str:
    """Text on one line of at most ``limit`` characters: runs of whitespace become one space,
    and what does not fit ends in "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _split_word(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Break a word wider than the pane into pieces that fit, by cells."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    cells = 0
    for i in range(start, end):
        w = cell_len(text[i])
        if cells + w > width and i > piece_start:
            pieces.append((piece_start, i))
            piece_start, cells = i, 0
        cells += w
    pieces.append((piece_start, end))
    return pieces


def wrap_block(text: str, start: int, end: int, width: int) -> list[Line]:
    """Greedy word wrap of ``text[start:end]`` (one hard line) into lines of ``width`` cells."""
    width = max(width, 1)
    lines: list[Line] = []
    line_start = -1
    line_end = -1
    cells = 0
    for match in _WORD.finditer(text, start, end):
        w_start, w_end = match.span()
        w_cells = cell_len(match.group())
        if line_start >= 0:
            gap = cell_len(display(text[line_end:w_start]))
            if cells + gap + w_cells <= width:
                line_end = w_end
                cells += gap + w_cells
                continue
            lines.append(Line(line_start, line_end))
            line_start = -1
        if w_cells > width:
            pieces = _split_word(text, w_start, w_end, width)
            lines.extend(Line(a, b) for a, b in pieces[:-1])
            w_start = pieces[-1][0]
            w_cells = cell_len(text[w_start:w_end])
        line_start, line_end, cells = w_start, w_end, w_cells
    if line_start >= 0:
        lines.append(Line(line_start, line_end))
    return lines


def wrap_document(document: Document, width: int) -> list[Line]:
    """All lines of a document: paragraphs wrapped, hard line breaks kept, a blank line between."""
    text = document.text
    lines: list[Line] = []
    for n, para in enumerate(document.paragraphs):
        if n:
            lines.append(Line(para.start, para.start))
        pos = para.start
        while pos < para.end:
            newline = text.find("\n", pos, para.end)
            stop = para.end if newline < 0 else newline
            lines.extend(wrap_block(text, pos, stop, width))
            pos = stop + 1
    return lines


def line_of_offset(starts: list[int], offset: int) -> int:
    """Index of the line holding ``offset``, given every line's start offset in order."""
    return max(bisect_right(starts, offset) - 1, 0)
