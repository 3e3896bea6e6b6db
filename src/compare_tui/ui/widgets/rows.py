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
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from compare_tui.core.models import AlignKind, Comparison, Span
from compare_tui.ui.marks import MarkedView, PaneModel, scroll_bindings
from compare_tui.ui.wrap import Line, wrap_block

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


class AlignedRows(MarkedView):
    """Every alignment as one row: left sentences | right sentences, wrapped to half the width."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rows--separator"}

    BINDINGS: ClassVar[list[BindingType]] = scroll_bindings("rows")

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
            self._redraw()

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

    # -- rendering ----------------------------------------------------------------------

    def _line_count(self) -> int:
        return self.virtual_size.height if self.rows else 0

    def _locate(self, index: int) -> tuple[_Row, int] | None:
        """The row drawn on screen line ``index`` and the line within it (None: a gap)."""
        k = bisect_right(self._row_ys, index) - 1
        if k < 0:
            return None
        row = self.rows[k]
        offset = index - row.y
        return (row, offset) if offset < row.height else None

    def _draw(self, index: int, base: Style) -> Strip:
        located = self._locate(index)
        if located is None:
            return Strip.blank(self._wrap_width, base)
        row, k = located
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
            drawn = self._column_segments(side, line, row_style)
            segments.extend(drawn)
            used = sum(cell_len(s.text) for s in drawn)
            if used < widths[side]:
                segments.append(Segment(" " * (widths[side] - used), row_style))
        return Strip(segments).simplify()

    def _mark(self, row: _Row) -> str:
        """Non-colour cues as in the panes: ! conflict, ✎ the reader's, + one side only,
        · page furniture."""
        c = self.comparison
        assert c is not None and self.models is not None
        a = c.alignments[row.alignment]
        sides = ((self.models[0], a.left), (self.models[1], a.right))
        sentences = [(m, m.document.sentences[i]) for m, idx in sides for i in idx]
        if any(m.has_conflict(s.start, s.end) for m, s in sentences):
            return "!"
        if a.by != "machine":
            return "✎"
        if sentences and not any(s.matchable for _, s in sentences):
            return "·"
        if a.kind in (AlignKind.LEFT_ONLY, AlignKind.RIGHT_ONLY):
            return "+"
        return " "

    def _column_segments(self, side: int, line: Line | None, base: Style) -> list[Segment]:
        """One column of a row's screen line; every row's changed words are marked."""
        if line is None or line.start == line.end:
            return []
        c = self.comparison
        assert c is not None and self.models is not None
        model = self.models[side]
        start, end = line.start, line.end
        i = model.document.sentence_at(start)
        changes: tuple[Span, ...] = ()
        n = c.alignment_of[side].get(i) if i is not None else None
        if n is not None:
            a = c.alignments[n]
            changes = a.left_changes if side == 0 else a.right_changes
        match = self.highlight.match
        marks = model.marks(
            start,
            end,
            () if i is None else (i,),
            changes=changes,
            figure=self.highlight.figures[side],
            match=match[1] if match is not None and match[0] == side else None,
        )
        return self.segments(model.document.text, start, end, marks, base)

    def rendered_text(self) -> list[str]:
        """Every screen line as plain text, as drawn (for tests)."""
        return [
            "".join(seg.text for seg in self._draw(y, Style()))
            for y in range(self.virtual_size.height if self.rows else 0)
        ]
