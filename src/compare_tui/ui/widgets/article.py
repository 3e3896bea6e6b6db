"""One article in its own reading order, drawn with the Line API.

Only visible lines are rendered (``render_line`` + a Strip cache), so a 16,000-sentence
article costs the same per frame as a short one. Article text is never parsed as markup:
each line is cut from ``Document.text`` by offsets and styled with Rich ``Style`` objects
taken from component classes, so every theme applies and ``[bold]`` shows literally.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from compare_tui.core.models import Span
from compare_tui.ui.marks import MarkedView, PaneModel, scroll_bindings
from compare_tui.ui.wrap import Line, display, line_of_offset, wrap_document

_GUTTER = 2


@dataclass(frozen=True, slots=True)
class Highlight:
    """What the app wants marked in this pane now; all offsets into the document text."""

    sentences: frozenset[int] = frozenset()
    changes: tuple[Span, ...] = ()
    figure: Span | None = None
    match: Span | None = None


class ArticlePane(MarkedView):
    """A scrolling, word-wrapped article whose highlights are offset spans."""

    BINDINGS: ClassVar[list[BindingType]] = scroll_bindings("pane")

    class UserScrolled(Message):
        """The reader scrolled this pane themselves; the partner may follow."""

        def __init__(self, pane: ArticlePane) -> None:
            super().__init__()
            self.pane = pane

    class Rewrapped(Message):
        """The pane's width changed and its lines moved; the app re-scrolls to its place."""

        def __init__(self, pane: ArticlePane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, side: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.side = side
        self.model: PaneModel | None = None
        self.highlight = Highlight()
        self.lines: list[Line] = []
        self._starts: list[int] = []
        self._wrap_width = 0
        self._programmatic = False

    # -- data ---------------------------------------------------------------------------

    def show(self, model: PaneModel) -> None:
        """Take a new article and wrap it to the current width; the same article with new
        marks (a reader's override) keeps its wrapped lines and only redraws."""
        same = self.model is not None and self.model.document is model.document
        self.model = model
        if same and self.lines:
            self._redraw()
            return
        self._wrap_width = 0
        self._rewrap()

    def set_highlight(self, highlight: Highlight) -> None:
        """Change what is marked; only the visible lines are redrawn."""
        if highlight != self.highlight:
            self.highlight = highlight
            self._redraw()

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - _GUTTER, 10)

    @property
    def wrapped(self) -> bool:
        """True once the article is wrapped to the pane's current width."""
        return (
            self.model is not None
            and self.scrollable_content_region.width > 0
            and self._wrap_width == self._text_width()
        )

    def _rewrap(self) -> bool:
        """Wrap to the current width; True if the lines changed.

        Nothing happens while the pane has no width (hidden, or not laid out yet): the
        Resize that gives it one wraps it, once.
        """
        if self.model is None or self.scrollable_content_region.width <= 0:
            return False
        width = self._text_width()
        if width == self._wrap_width:
            return False
        self._wrap_width = width
        self.lines = wrap_document(self.model.document, width)
        self._starts = [line.start for line in self.lines]
        self._cache.clear()
        self.virtual_size = Size(width + _GUTTER, len(self.lines))
        self.refresh()
        return True

    def on_resize(self, event: Resize) -> None:
        if self._rewrap():
            self.post_message(self.Rewrapped(self))

    # -- geometry -----------------------------------------------------------------------

    def line_of(self, offset: int) -> int:
        """The wrapped line that holds a text offset."""
        return line_of_offset(self._starts, offset) if self._starts else 0

    def sentence_lines(self, sentences: tuple[int, ...]) -> tuple[int, int]:
        """First and last wrapped line of some sentences of this article."""
        assert self.model is not None
        doc = self.model.document
        first = self.line_of(doc.sentences[min(sentences)].start)
        last = self.line_of(doc.sentences[max(sentences)].end - 1)
        return first, last

    def top_sentence(self) -> int | None:
        """The first sentence that starts at or below the top visible line."""
        if self.model is None or not self.lines:
            return None
        top = min(int(self.scroll_y), len(self.lines) - 1)
        starts = self.model.sentence_starts
        i = bisect_left(starts, self.lines[top].start)
        if i < len(starts):
            return i
        return len(starts) - 1 if starts else None

    def scroll_to_line(self, y: int) -> None:
        """Scroll without animation and without telling the partner pane (no bouncing)."""
        self._programmatic = True
        try:
            super().scroll_to_line(y)
        finally:
            self._programmatic = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._programmatic and old_value != new_value:
            self.post_message(self.UserScrolled(self))

    # -- rendering ----------------------------------------------------------------------

    def _line_count(self) -> int:
        return len(self.lines) if self.model is not None else 0

    def _draw(self, index: int, base: Style) -> Strip:
        assert self.model is not None
        model = self.model
        line = self.lines[index]
        hl = self.highlight
        sentences = model.sentences_on(line.start, line.end)  # none on a blank line
        current = any(s in hl.sentences for s in sentences)
        gutter_style = base + self._style(
            "article--current-gutter" if current else "article--gutter"
        )
        segments = [Segment(self._gutter(line, current), gutter_style)]
        marks = model.marks(
            line.start,
            line.end,
            sentences,
            current=hl.sentences,
            changes=hl.changes,
            figure=hl.figure,
            match=hl.match,
        )
        segments += self.segments(model.document.text, line.start, line.end, marks, base)
        return Strip(segments).simplify()

    def _gutter(self, line: Line, current: bool) -> str:
        """Non-colour cues: ▶ current alignment; ! conflicting figure, ✎ the reader's link or
        unlink, + one-sided, · furniture."""
        assert self.model is not None
        model = self.model
        mark = " "
        sentences = model.sentences_on(line.start, line.end)
        doc = model.document
        if model.has_conflict(line.start, line.end):
            mark = "!"
        elif any(s in model.by_reader for s in sentences):
            mark = "✎"
        elif any(s in model.one_sided for s in sentences):
            mark = "+"
        elif line.start < line.end and not any(doc.sentences[s].matchable for s in sentences):
            mark = "·"
        return ("▶" if current else " ") + mark

    def rendered_text(self) -> list[str]:
        """Every wrapped line as plain text, as drawn (for tests and copying)."""
        if self.model is None:
            return []
        text = self.model.document.text
        return [display(text[line.start : line.end]) for line in self.lines]
