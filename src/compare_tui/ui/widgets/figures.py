"""The figure pairs as a table: conflicts first, then agreements, then one-sided figures; the
highlighted row's reason (its "why") on the panel's lower border.

Every cell is a Rich ``Text`` built from plain strings (a plain ``str`` cell would be parsed as
markup); verdict colours come from component classes, so they follow the theme, and each
verdict also carries a glyph and a word for readers who cannot tell the colours apart.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable

from compare_tui.core.figure_table import FigureRow, RowStatus, value_text, what_text, who_text
from compare_tui.core.models import Comparison, Figure

_GLYPH = {
    RowStatus.CONFLICT: "✗ conflict",
    RowStatus.AGREE: "✓ agree",
    RowStatus.LEFT_ONLY: "◧ left only",
    RowStatus.RIGHT_ONLY: "◨ right only",
}


#: Fixed widths keep the verdict on screen however long a counted phrase is.
_COLUMNS = (
    ("Left figure", 26),
    ("Right figure", 26),
    ("What is counted", 34),
    ("Who says so", 38),
    ("Verdict", 14),
)


class FiguresTable(DataTable[Text]):
    """One row per figure row of the core's figure table; the row key is its position."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "figures--conflict",
        "figures--agree",
        "figures--single",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="figures.down"),
        Binding("k", "cursor_up", "Up", show=False, id="figures.up"),
        Binding("g", "scroll_top", "Top", show=False, id="figures.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="figures.bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: tuple[FigureRow, ...] = ()
        self._comparison: Comparison | None = None
        self._reader: frozenset[int] = frozenset()

    def on_mount(self) -> None:
        for label, width in _COLUMNS:
            self.add_column(Text(label), key=label, width=width)

    def show(
        self,
        comparison: Comparison,
        rows: tuple[FigureRow, ...],
        *,
        reader: frozenset[int] = frozenset(),
    ) -> None:
        """Fill the table from the core's rows; ``reader``: rows the reader decided (✎).
        Unchanged rows (an override of sentences only) are not filled again."""
        same = self._comparison is not None and self._comparison.figure_pairs == (
            comparison.figure_pairs
        )
        if same and rows == self.rows_shown and reader == self._reader:
            self._comparison = comparison
            return
        self._comparison = comparison
        self.rows_shown = rows
        self._reader = reader
        self._fill()

    def notify_style_update(self) -> None:
        """Verdict styles are baked into cells: rebuild them when the theme changes."""
        super().notify_style_update()
        if self._comparison is not None and self.is_mounted:
            self.call_later(self._fill)

    def _fill(self) -> None:
        comparison = self._comparison
        if comparison is None:
            return
        cursor = self.cursor_row
        self.clear()
        for n, row in enumerate(self.rows_shown):
            left = None if row.left is None else comparison.figures[0][row.left]
            right = None if row.right is None else comparison.figures[1][row.right]
            known = left or right
            assert known is not None
            self.add_row(
                _figure_cell(left),
                _figure_cell(right),
                Text(what_text(known)),
                Text(who_text(left, right)),
                self._verdict_cell(row, n in self._reader),
                key=str(n),
            )
        if self.row_count:
            self.move_cursor(row=min(max(cursor, 0), self.row_count - 1), animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted row's reason on the panel's lower border: "235 vs 305 people killed;
        the right article is 1 day later: possibly an updated figure"."""
        n = event.cursor_row
        why = self.rows_shown[n].why if 0 <= n < len(self.rows_shown) else ""
        self.border_subtitle = Content(why)

    def _verdict_cell(self, row: FigureRow, reader: bool) -> Text:
        name = {
            RowStatus.CONFLICT: "figures--conflict",
            RowStatus.AGREE: "figures--agree",
        }.get(row.status, "figures--single")
        glyph = _GLYPH[row.status] + (" ✎ reader" if reader else "")
        return Text(glyph, style=self.get_component_rich_style(name, partial=True))


def _figure_cell(figure: Figure | None) -> Text:
    if figure is None:
        return Text("—")
    value = value_text(figure)
    return Text(figure.text if value == figure.text else f"{figure.text} ({value})")
