"""Scrolling the pair view: bringing the panes (or the rows) to the reader's position, and
keeping the two panes level when the reader scrolls one of them; and keeping scrolling
smooth on long pairs (``freeze_heap``)."""

from __future__ import annotations

import gc

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


def freeze_heap() -> None:
    """Keep the garbage collector off the comparison and the wrapped lines.

    A 16,000-sentence pair holds millions of long-lived objects; every full collection
    walked them all (~120 ms), and one landed in an n/p step every few dozen steps.
    Once the view is on screen they live as long as the view: ``gc.freeze`` moves them
    out of the collector's reach, and the screen's ``on_unmount`` gives them back
    (``gc.unfreeze``).
    """
    gc.collect()
    gc.freeze()


__all__ = ["bring_to_state", "follow", "freeze_heap"]
