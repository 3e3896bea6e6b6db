"""One article in its own reading order, drawn with the Line API.

Only visible lines are rendered (``render_line`` + a Strip cache), so a 16,000-sentence
article costs the same per frame as a short one. Article text is never parsed as markup:
each line is cut from ``Document.text`` by offsets and styled with Rich ``Style`` objects
taken from component classes, so every theme applies and ``[bold]`` shows literally.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from compare_tui.core.models import AlignKind, Comparison, Document, PairStatus, SegmentKind, Span
from compare_tui.ui.wrap import Line, display, line_of_offset, wrap_document

Verdict = Literal["agree", "conflict", "single"]
_GUTTER = 2


@dataclass(frozen=True, slots=True)
class Highlight:
    """What the app wants marked in this pane now; all offsets into the document text."""

    sentences: frozenset[int] = frozenset()
    changes: tuple[Span, ...] = ()
    figure: Span | None = None
    match: Span | None = None


@dataclass(slots=True)
class PaneModel:
    """The per-side facts a pane draws, read off the Comparison once."""

    document: Document
    one_sided: frozenset[int]
    sentence_starts: list[int] = field(default_factory=list)
    figure_starts: list[int] = field(default_factory=list)
    figure_spans: list[tuple[int, int, Verdict]] = field(default_factory=list)

    @classmethod
    def from_comparison(cls, comparison: Comparison, side: int) -> PaneModel:
        document = comparison.documents[side]
        lone = AlignKind.LEFT_ONLY if side == 0 else AlignKind.RIGHT_ONLY
        one_sided = frozenset(
            i
            for a in comparison.alignments
            if a.kind is lone
            for i in (a.left if side == 0 else a.right)
            if document.sentences[i].matchable
        )
        pairs = comparison.figure_pairs
        paired = comparison.paired_figures[side]
        spans: list[tuple[int, int, Verdict]] = []
        for n, fig in enumerate(comparison.figures[side]):
            verdict: Verdict = "single"
            if n in paired:
                status = pairs[paired[n]].status
                verdict = "conflict" if status is PairStatus.CONFLICT else "agree"
            spans.append((fig.start, fig.end, verdict))
        spans.sort()
        starts = [s.start for s in document.sentences]
        return cls(document, one_sided, starts, [s[0] for s in spans], spans)


class ArticlePane(ScrollView, can_focus=True):
    """A scrolling, word-wrapped article whose highlights are offset spans."""

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
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, id="pane.down"),
        Binding("k", "scroll_up", "Up", show=False, id="pane.up"),
        Binding("g", "scroll_home", "Top", show=False, id="pane.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="pane.bottom"),
    ]

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
        self._cache: LRUCache[int, Strip] = LRUCache(512)
        self._programmatic = False

    # -- data ---------------------------------------------------------------------------

    def show(self, model: PaneModel) -> None:
        """Take a new article and wrap it to the current width."""
        self.model = model
        self._wrap_width = 0
        self._rewrap()

    def set_highlight(self, highlight: Highlight) -> None:
        """Change what is marked; only the visible lines are redrawn."""
        if highlight != self.highlight:
            self.highlight = highlight
            self._cache.clear()
            self.refresh()

    def notify_style_update(self) -> None:
        """A theme change alters every style: drop the rendered lines."""
        super().notify_style_update()
        self._cache.clear()

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
            self.scroll_to(y=max(y, 0), animate=False, immediate=True)
        finally:
            self._programmatic = False

    def bring_into_view(self, first: int, last: int) -> None:
        """Put lines ``first..last`` a quarter of the way down the pane."""
        height = max(self.scrollable_content_region.height, 1)
        span = last - first + 1
        margin = height // 4 if span <= height - height // 4 else 0
        self.scroll_to_line(first - margin)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._programmatic and old_value != new_value:
            self.post_message(self.UserScrolled(self))

    # -- rendering ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        base = self.rich_style
        if index >= len(self.lines) or self.model is None:
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_wrapped(index, base)
            self._cache[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, index)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _render_wrapped(self, index: int, base: Style) -> Strip:
        assert self.model is not None
        line = self.lines[index]
        doc = self.model.document
        text = doc.text
        spans = self._spans(line)
        current = any(
            s in self.highlight.sentences for s in self._sentences_on(line.start, line.end)
        )
        gutter = self._gutter(line, spans, current)
        gutter_style = base + self._style(
            "article--current-gutter" if current else "article--gutter"
        )
        segments = [Segment(gutter, gutter_style)]
        cuts = sorted({line.start, line.end, *(p for s, e, _ in spans for p in (s, e))})
        for a, b in pairwise(cuts):
            style = base
            for s, e, st in spans:
                if s <= a and b <= e:
                    style += st
            segments.append(Segment(display(text[a:b]), style))
        return Strip(segments).simplify()

    def _sentences_on(self, start: int, end: int) -> range:
        assert self.model is not None
        starts = self.model.sentence_starts
        first = max(bisect_right(starts, start) - 1, 0)
        last = bisect_left(starts, end)
        return range(first, max(last, first))

    def _gutter(self, line: Line, spans: list[tuple[int, int, Style]], current: bool) -> str:
        """Non-colour cues: ▶ current alignment; ! conflicting figure, + one-sided, · furniture."""
        assert self.model is not None
        mark = " "
        sentences = self._sentences_on(line.start, line.end)
        doc = self.model.document
        if any(v == "conflict" for _, _, v in self._figures_on(line.start, line.end)):
            mark = "!"
        elif any(s in self.model.one_sided for s in sentences):
            mark = "+"
        elif line.start < line.end and all(
            doc.sentences[s].kind is SegmentKind.FURNITURE for s in sentences
        ):
            mark = "·"
        return ("▶" if current else " ") + mark

    def _figures_on(self, start: int, end: int) -> list[tuple[int, int, Verdict]]:
        assert self.model is not None
        figs = self.model.figure_spans
        i = max(bisect_right(self.model.figure_starts, start) - 1, 0)
        out: list[tuple[int, int, Verdict]] = []
        while i < len(figs) and figs[i][0] < end:
            if figs[i][1] > start:
                out.append(figs[i])
            i += 1
        return out

    def _spans(self, line: Line) -> list[tuple[int, int, Style]]:
        """Styled offset spans clipped to one line, in the order they stack."""
        assert self.model is not None
        start, end = line.start, line.end
        if start == end:
            return []
        doc = self.model.document
        hl = self.highlight
        out: list[tuple[int, int, Style]] = []

        def add(s: int, e: int, name: str) -> None:
            s, e = max(s, start), min(e, end)
            if s < e:
                out.append((s, e, self._style(name)))

        for i in self._sentences_on(start, end):
            sentence = doc.sentences[i]
            if sentence.kind is SegmentKind.FURNITURE:
                add(sentence.start, sentence.end, "article--furniture")
            elif i in self.model.one_sided:
                add(sentence.start, sentence.end, "article--one-sided")
            if i in hl.sentences:
                add(sentence.start, sentence.end, "article--current")
        for span in hl.changes:
            add(span.start, span.end, "article--changed")
        for s, e, verdict in self._figures_on(start, end):
            add(s, e, f"article--figure-{verdict}")
        if hl.figure is not None:
            add(hl.figure.start, hl.figure.end, "article--figure-selected")
        if hl.match is not None:
            add(hl.match.start, hl.match.end, "article--match")
        return out

    def rendered_text(self) -> list[str]:
        """Every wrapped line as plain text, as drawn (for tests and copying)."""
        if self.model is None:
            return []
        text = self.model.document.text
        return [display(text[line.start : line.end]) for line in self.lines]

