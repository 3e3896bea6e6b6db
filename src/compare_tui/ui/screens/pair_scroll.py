"""Scrolling the pair view: bringing the panes (or the rows) to the reader's position, and
keeping the two panes level when the reader scrolls one of them; and keeping steps smooth
on long pairs (``Heap``)."""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from typing import ClassVar

from compare_tui.ui.pair_state import PairIndex, PairState
from compare_tui.ui.widgets.article import ArticlePane
from compare_tui.ui.widgets.rows import AlignedRows


def bring_to_state(
    panes: tuple[ArticlePane, ArticlePane], rows: AlignedRows, index: PairIndex, state: PairState
) -> None:
    """Scroll the visible view to the marked figure or match, else the current sentences,
    else (a one-sided alignment) where the missing side would be."""
    if state.current is None:
        return
    if state.view == "rows":
        rows.bring_into_view(*rows.row_lines(state.current))
        return
    docs = index.comparison.documents
    for side, (pane, marks) in enumerate(zip(panes, state.marks(index), strict=True)):
        span = marks.figure or marks.match
        if span is not None:
            line = pane.line_of(span.start)
            pane.bring_into_view(line, line)
        elif marks.sentences:
            pane.bring_into_view(*pane.sentence_lines(tuple(sorted(marks.sentences))))
        elif docs[side].sentences:
            first, _ = pane.sentence_lines((index.anchors[side][state.current],))
            pane.bring_into_view(first, first)


def follow(source: ArticlePane, partner: ArticlePane, index: PairIndex) -> None:
    """The reader scrolled ``source``: bring ``partner`` to the matching sentences."""
    if source.scroll_y <= 0 or source.scroll_y >= source.max_scroll_y:
        # Both ends line up: the top with the top, the end with the end.
        partner.scroll_to_line(0 if source.scroll_y <= 0 else int(partner.max_scroll_y))
        return
    side, sentence = source.side, source.top_sentence()
    other = None if sentence is None else index.partner(side, sentence)
    if sentence is None or other is None:
        return
    docs = index.comparison.documents
    offset = source.line_of(docs[side].sentences[sentence].start) - int(source.scroll_y)
    partner.scroll_to_line(partner.line_of(docs[1 - side].sentences[other].start) - offset)


@dataclass(slots=True)
class Heap:
    """Keep garbage collection out of the reader's keystrokes.

    A 16,000-sentence pair holds millions of long-lived objects; every full collection
    walked them all (~120 ms), and one landed in an n/p step every few dozen steps. Once
    the view is on screen (``settle``) they live as long as the view: ``gc.freeze`` moves
    them out of the collector's reach. Steps still leave cyclic garbage and cached lines
    (~1,500 objects a step), so full collections came back within 100 steps at 150-400 ms
    each: automatic collection is off while the view is shown, and ``idle`` collects (and
    freezes what survives) when no key came for ``IDLE`` seconds and enough was allocated.
    ``release`` gives everything back when the view goes.
    """

    #: Seconds without a move before collecting; allocations that make it worth it.
    IDLE: ClassVar[float] = 0.5
    ALLOCATIONS: ClassVar[int] = 20_000
    settled: bool = False
    last_move: float = 0.0

    def settle(self) -> None:
        self.settled = True
        gc.collect()
        gc.freeze()
        gc.disable()

    def moved(self) -> None:
        self.last_move = time.monotonic()

    def idle(self) -> None:
        quiet = time.monotonic() - self.last_move >= self.IDLE
        if self.settled and quiet and gc.get_count()[0] >= self.ALLOCATIONS:
            gc.collect()
            gc.freeze()

    def release(self) -> None:
        if self.settled:
            self.settled = False
            gc.unfreeze()
            gc.enable()


__all__ = ["Heap", "bring_to_state", "follow"]
