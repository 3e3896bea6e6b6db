"""The aligned-rows view: one row per alignment, left and right sentences side by side.

Drawn with the Line API like the article panes: the layout (which screen lines each
alignment takes) is a list of offset ranges computed once per width, and only visible lines
are rendered. Each column is cut from ``Document.text`` by offsets, so article text never
passes through markup. Changed words are marked in every row, not only the current one:
read top to bottom, this view is the word diff of the two articles.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from compare_tui.core.models import AlignKind, Comparison, SegmentKind, Span
from compare_tui.ui.widgets.article import PaneModel, Verdict
from compare_tui.ui.wrap import Line, display, wrap_block

_GUTTER = 2
_SEPARATOR = " │ "


@dataclass(frozen=True, slots=True)
class RowsHighlight:
    """What the app wants marked: the current alignment, a figure per side, a search match."""

    current: int | None = None
    figures: tuple[Span | None, Span | None] = (None, None)
    #: (side, span) of the current search match.
    match: tuple[int, Span] | None = None


@dataclass(frozen=True, slots=True)
class _Row:
    alignment: int
    y: int
    lines: tuple[tuple[Line, ...], tuple[Line, ...]]

    @property
    def height(self) -> int:
        return max(len(self.lines[0]), len(self.lines[1]), 1)


class AlignedRows(ScrollView, can_focus=True):
    """Every alignment as one row: left sentences | right sentences, wrapped to half the width."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--gutter",
        "article--current",
        "article--current-gutter",
        "article--one-sided",
        "article--furniture",
        "article--changed",
        "article--figure-agree",
        "article--figure-conflict",
        "article--figure-single",
        "article--figure-selected",
        "article--match",
        "rows--separator",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, id="rows.down"),
        Binding("k", "scroll_up", "Up", show=False, id="rows.up"),
        Binding("g", "scroll_home", "Top", show=False, id="rows.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="rows.bottom"),
    ]

    class Rewrapped(Message):
        """The width changed and the rows moved; the app re-scrolls to the current one."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.models: tuple[PaneModel, PaneModel] | None = None
        self.highlight = RowsHighlight()
        self.rows: list[_Row] = []
        self._row_ys: list[int] = []
        self._row_of: dict[int, int] = {}
        self._wrap_width = 0
        self._column = 0
        self._cache: LRUCache[int, Strip] = LRUCache(512)

    # -- data ---------------------------------------------------------------------------

    def show(self, comparison: Comparison) -> None:
        """Take a comparison; the rows are laid out once the view has a width."""
        self.comparison = comparison
        self.models = (
            PaneModel.from_comparison(comparison, 0),
            PaneModel.from_comparison(comparison, 1),
        )
        self._wrap_width = 0
        self.rows = []
        self._rewrap()

    def set_highlight(self, highlight: RowsHighlight) -> None:
        if highlight != self.highlight:
            self.highlight = highlight
            self._cache.clear()
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    @property
    def wrapped(self) -> bool:
        """True once the rows are laid out for the view's current width."""
        width = self.scrollable_content_region.width
        return self.comparison is not None and width > 0 and self._wrap_width == width

    def _rewrap(self) -> bool:
        """Lay the rows out for the current width (not while hidden); True if they moved."""
        c = self.comparison
        width = self.scrollable_content_region.width
        if c is None or width <= 0 or width == self._wrap_width:
            return False
        self._wrap_width = width
        text_width = max(width - _GUTTER - len(_SEPARATOR), 20)
        left_width = text_width // 2
        self._column = left_width
        widths = (left_width, text_width - left_width)
        rows: list[_Row] = []
        y = 0
        for n, a in enumerate(c.alignments):
            lines = tuple(
                tuple(
                    line
                    for i in idx
                    for line in wrap_block(
                        doc.text, doc.sentences[i].start, doc.sentences[i].end, widths[side]
                    )
                )
                for side, (doc, idx) in enumerate(zip(c.documents, (a.left, a.right), strict=True))
            )
            row = _Row(n, y, (lines[0], lines[1]))
            rows.append(row)
            y += row.height + 1  # a blank line between rows
        self.rows = rows
        self._row_ys = [r.y for r in rows]
        self._row_of = {r.alignment: k for k, r in enumerate(rows)}
        self._cache.clear()
        self.virtual_size = Size(width, max(y - 1, 0))
        self.refresh()
        return True

    def on_resize(self, event: Resize) -> None:
        if self._rewrap():
            self.post_message(self.Rewrapped())

    # -- geometry -----------------------------------------------------------------------

    def row_lines(self, alignment: int) -> tuple[int, int]:
        """First and last screen line of an alignment's row (0, 0 before layout)."""
        k = self._row_of.get(alignment)
        if k is None:
            return 0, 0
        row = self.rows[k]
        return row.y, row.y + row.height - 1

    def bring_into_view(self, first: int, last: int) -> None:
        """Put lines ``first..last`` a quarter of the way down the view."""
        height = max(self.scrollable_content_region.height, 1)
        margin = height // 4 if last - first + 1 <= height - height // 4 else 0
        self.scroll_to(y=max(first - margin, 0), animate=False, immediate=True)

    # -- rendering ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        base = self.rich_style
        if not self.rows or index >= self.virtual_size.height:
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_row_line(index, base)
            self._cache[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, index)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _locate(self, index: int) -> tuple[_Row, int] | None:
        """The row drawn on screen line ``index`` and the line within it (None: a gap)."""
        k = bisect_right(self._row_ys, index) - 1
        if k < 0:
            return None
        row = self.rows[k]
        offset = index - row.y
        return (row, offset) if offset < row.height else None

    def _render_row_line(self, index: int, base: Style) -> Strip:
        located = self._locate(index)
        if located is None:
            return Strip.blank(self._wrap_width, base)
        row, k = located
        c = self.comparison
        assert c is not None
        a = c.alignments[row.alignment]
        current = row.alignment == self.highlight.current
        row_style = base + self._style("article--current") if current else base
        gutter_style = base + self._style(
            "article--current-gutter" if current else "article--gutter"
        )
        segments = [Segment(("▶" if current else " ") + self._mark(row), gutter_style)]
        widths = (self._column, self._wrap_width - _GUTTER - len(_SEPARATOR) - self._column)
        for side in (0, 1):
            if side:
                segments.append(Segment(_SEPARATOR, row_style + self._style("rows--separator")))
            lines = row.lines[side]
            line = lines[k] if k < len(lines) else None
            drawn = self._column_segments(side, a.left if side == 0 else a.right, line, row_style)
            segments.extend(drawn)
            used = sum(cell_len(s.text) for s in drawn)
            if used < widths[side]:
                segments.append(Segment(" " * (widths[side] - used), row_style))
        return Strip(segments).simplify()

    def _mark(self, row: _Row) -> str:
        """Non-colour cues as in the panes: ! conflict, + one side only, · page furniture."""
        c = self.comparison
        assert c is not None and self.models is not None
        a = c.alignments[row.alignment]
        for side, idx in ((0, a.left), (1, a.right)):
            model = self.models[side]
            for i in idx:
                s = model.document.sentences[i]
                if any(v == "conflict" for _, _, v in _figures_on(model, s.start, s.end)):
                    return "!"
        if a.reason == "page furniture":
            return "·"
        if a.kind in (AlignKind.LEFT_ONLY, AlignKind.RIGHT_ONLY):
            return "+"
        return " "

    def _column_segments(
        self, side: int, sentences: tuple[int, ...], line: Line | None, base: Style
    ) -> list[Segment]:
        if line is None or line.start == line.end:
            return []
        c = self.comparison
        assert c is not None and self.models is not None
        model = self.models[side]
        doc = model.document
        start, end = line.start, line.end
        spans: list[tuple[int, int, Style]] = []

        def add(s: int, e: int, name: str) -> None:
            s, e = max(s, start), min(e, end)
            if s < e:
                spans.append((s, e, self._style(name)))

        i = doc.sentence_at(start)
        if i is not None:
            sentence = doc.sentences[i]
            if sentence.kind is SegmentKind.FURNITURE:
                add(sentence.start, sentence.end, "article--furniture")
            elif i in model.one_sided:
                add(sentence.start, sentence.end, "article--one-sided")
            n = c.alignment_of[side].get(i)
            if n is not None:
                a = c.alignments[n]
                for span in a.left_changes if side == 0 else a.right_changes:
                    add(span.start, span.end, "article--changed")
        for s, e, verdict in _figures_on(model, start, end):
            add(s, e, f"article--figure-{verdict}")
        figure = self.highlight.figures[side]
        if figure is not None:
            add(figure.start, figure.end, "article--figure-selected")
        match = self.highlight.match
        if match is not None and match[0] == side:
            add(match[1].start, match[1].end, "article--match")
        cuts = sorted({start, end, *(p for s, e, _ in spans for p in (s, e))})
        out: list[Segment] = []
        for a_, b in pairwise(cuts):
            style = base
            for s, e, st in spans:
                if s <= a_ and b <= e:
                    style += st
            out.append(Segment(display(doc.text[a_:b]), style))
        return out

    def rendered_text(self) -> list[str]:
        """Every screen line as plain text, as drawn (for tests)."""
        return [
            "".join(seg.text for seg in self._render_row_line(y, Style()))
            for y in range(self.virtual_size.height if self.rows else 0)
        ]


def _figures_on(model: PaneModel, start: int, end: int) -> list[tuple[int, int, Verdict]]:
    figs = model.figure_spans
    i = max(bisect_right(model.figure_starts, start) - 1, 0)
    out: list[tuple[int, int, Verdict]] = []
    while i < len(figs) and figs[i][0] < end:
        if figs[i][1] > start:
            out.append(figs[i])
        i += 1
    return out
