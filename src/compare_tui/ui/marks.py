"""What the article panes and the aligned-rows view share: the per-side facts they mark, the
spans of one screen line, cutting a line into styled segments, and the Line-API scroll view.

Every mark is an offset span into ``Document.text`` named by a component class
(``article--changed``, ``article--figure-conflict``, …); a view turns the names into styles of
the current theme and cuts the line's text at the span edges. Article text is never parsed
as markup.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.scroll_view import ScrollView
from textual.strip import Strip

from compare_tui.core.models import AlignKind, Comparison, Document, PairStatus, Span
from compare_tui.ui.wrap import display

Verdict = Literal["agree", "conflict", "single"]
#: A mark: ``[start, end)`` of the document text and the component class that styles it.
Mark = tuple[int, int, str]


@dataclass(slots=True)
class PaneModel:
    """The per-side facts a view marks, read off the Comparison once."""

    document: Document
    one_sided: frozenset[int]
    #: Sentences of this side in an alignment the reader's override made (marked ✎).
    by_reader: frozenset[int] = frozenset()
    sentence_starts: list[int] = field(default_factory=list)
    figure_starts: list[int] = field(default_factory=list)
    figure_spans: list[tuple[int, int, Verdict]] = field(default_factory=list)

    @classmethod
    def from_comparison(cls, comparison: Comparison, side: int) -> PaneModel:
        document = comparison.documents[side]
        lone = AlignKind.LEFT_ONLY if side == 0 else AlignKind.RIGHT_ONLY
        furniture = document.unmatchable
        one_sided = frozenset(
            i
            for a in comparison.alignments
            if a.kind is lone
            for i in (a.left if side == 0 else a.right)
            if i not in furniture
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
        starts = document.sentence_starts
        reader = frozenset(
            i
            for a in comparison.alignments
            if a.by != "machine"
            for i in (a.left if side == 0 else a.right)
        )
        return cls(document, one_sided, reader, starts, [s[0] for s in spans], spans)

    def sentences_on(self, start: int, end: int) -> range:
        """Indexes of the sentences that overlap ``[start, end)`` (of a wrapped line)."""
        starts = self.sentence_starts
        first = max(bisect_right(starts, start) - 1, 0)
        last = bisect_left(starts, end)
        return range(first, max(last, first))

    def figures_on(self, start: int, end: int) -> list[tuple[int, int, Verdict]]:
        """The figures that overlap ``[start, end)``, in text order."""
        figs = self.figure_spans
        i = max(bisect_right(self.figure_starts, start) - 1, 0)
        out: list[tuple[int, int, Verdict]] = []
        while i < len(figs) and figs[i][0] < end:
            if figs[i][1] > start:
                out.append(figs[i])
            i += 1
        return out

    def has_conflict(self, start: int, end: int) -> bool:
        return any(v == "conflict" for _, _, v in self.figures_on(start, end))

    def marks(
        self,
        start: int,
        end: int,
        sentences: Iterable[int],
        *,
        current: frozenset[int] = frozenset(),
        changes: Iterable[Span] = (),
        figure: Span | None = None,
        match: Span | None = None,
    ) -> list[Mark]:
        """The marks of one line ``[start, end)``, clipped to it, in the order they stack:
        sentence kind (furniture, one-sided), current alignment, changed words, figures, the
        chosen figure, the search match."""
        out: list[Mark] = []

        def add(s: int, e: int, name: str) -> None:
            s, e = max(s, start), min(e, end)
            if s < e:
                out.append((s, e, name))

        doc = self.document
        for i in sentences:
            sentence = doc.sentences[i]
            if not sentence.matchable:
                add(sentence.start, sentence.end, "article--furniture")
            elif i in self.one_sided:
                add(sentence.start, sentence.end, "article--one-sided")
            if i in current:
                add(sentence.start, sentence.end, "article--current")
        for span in changes:
            add(span.start, span.end, "article--changed")
        for s, e, verdict in self.figures_on(start, end):
            add(s, e, f"article--figure-{verdict}")
        if figure is not None:
            add(figure.start, figure.end, "article--figure-selected")
        if match is not None:
            add(match.start, match.end, "article--match")
        return out


def scroll_bindings(prefix: str) -> list[BindingType]:
    """j/k/g/G for a scrolling view; binding ids ``{prefix}.down`` and so on."""
    return [
        Binding("j", "scroll_down", "Down", show=False, id=f"{prefix}.down"),
        Binding("k", "scroll_up", "Up", show=False, id=f"{prefix}.up"),
        Binding("g", "scroll_home", "Top", show=False, id=f"{prefix}.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id=f"{prefix}.bottom"),
    ]


class MarkedView(ScrollView, can_focus=True):
    """A Line-API view of marked article text: only visible lines are drawn, each once per
    highlight (a Strip cache that a theme change or a new highlight clears)."""

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cache: LRUCache[int, Strip] = LRUCache(512)

    def _line_count(self) -> int:
        """How many screen lines there are to draw."""
        raise NotImplementedError

    def _draw(self, index: int, base: Style) -> Strip:
        """Screen line ``index`` (of the whole view, not of the window)."""
        raise NotImplementedError

    def _redraw(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """A theme change alters every style: drop the drawn lines."""
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        base = self.rich_style
        if index >= self._line_count():
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._draw(index, base)
            self._cache[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, index)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def segments(
        self, text: str, start: int, end: int, marks: list[Mark], base: Style
    ) -> list[Segment]:
        """``text[start:end]`` cut at every mark edge, each piece styled by the marks over it."""
        styled = [(s, e, self._style(name)) for s, e, name in marks]
        cuts = sorted({start, end, *(p for s, e, _ in marks for p in (s, e))})
        out: list[Segment] = []
        for a, b in pairwise(cuts):
            style = base
            for s, e, st in styled:
                if s <= a and b <= e:
                    style += st
            out.append(Segment(display(text[a:b]), style))
        return out

    def scroll_to_line(self, y: int) -> None:
        """Scroll to line ``y`` at once (no animation)."""
        self.scroll_to(y=max(y, 0), animate=False, immediate=True)

    def bring_into_view(self, first: int, last: int) -> None:
        """Put lines ``first..last`` a quarter of the way down the view (at the top when they
        would not fit below that)."""
        height = max(self.scrollable_content_region.height, 1)
        margin = height // 4 if last - first + 1 <= height - height // 4 else 0
        self.scroll_to_line(first - margin)
