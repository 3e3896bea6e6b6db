"""The pair view's state as values: what is current, what is marked, where n/p stop.

Pure: no Textual, no widgets, so every transition is tested without an App. The screen holds
one :class:`PairIndex` (computed once per Comparison) and one frozen :class:`PairState`, and
replaces the state with the result of a transition on every key; it then draws the state
(``marks``, ``status_parts``). Transitions never fail: a move that cannot happen returns the
state unchanged, and ``can`` says which moves would do something (keys greyed out otherwise).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from compare_tui.core.figure_table import FigureRow, RowStatus, figure_rows
from compare_tui.core.models import Comparison, Span
from compare_tui.core.overrides import READER, Decision, Override
from compare_tui.ui.wrap import clip

View = Literal["panes", "rows"]
#: A search match: (side, span of the document text).
Hit = tuple[int, Span]

__all__ = [
    "Hit",
    "PairIndex",
    "PairState",
    "PaneMarks",
    "View",
]


@dataclass(frozen=True, slots=True)
class PairIndex:
    """Navigation targets of one Comparison as data, computed once."""

    comparison: Comparison
    #: Alignments n/p stop on, in order: never page furniture (an alignment none of whose
    #: sentences is matchable), unless there is nothing else.
    stops: tuple[int, ...]
    #: Per side, per alignment: the sentence that places it (its first, or the last before).
    anchors: tuple[tuple[int, ...], tuple[int, ...]]
    #: The figures panel's rows, and which of them are conflicts.
    rows: tuple[FigureRow, ...]
    conflict_rows: tuple[int, ...]
    #: Figure rows the reader decided (paired by hand, or split): marked as the reader's.
    reader_rows: frozenset[int] = frozenset()

    @classmethod
    def of(cls, c: Comparison, overrides: Sequence[Override] = ()) -> PairIndex:
        # Page furniture is rare: an alignment is skipped when all it holds is furniture.
        furniture = [doc.unmatchable for doc in c.documents]
        everything = list(range(len(c.alignments)))
        stops = (
            [
                n
                for n, a in enumerate(c.alignments)
                if not furniture[0].issuperset(a.left) or not furniture[1].issuperset(a.right)
            ]
            if furniture[0] or furniture[1]
            else everything
        ) or everything
        anchors: tuple[list[int], list[int]] = ([], [])
        last_l = last_r = 0
        add_l, add_r = anchors[0].append, anchors[1].append
        for a in c.alignments:  # indexes within an alignment ascend: the first is the least
            if a.left:
                last_l = a.left[0]
            if a.right:
                last_r = a.right[0]
            add_l(last_l)
            add_r(last_r)
        split = [(o.left, o.right) for o in overrides if o.decision is Decision.SPLIT_FIGURES]
        split_l = {i for left, _ in split for i in left}
        split_r = {j for _, right in split for j in right}
        rows = figure_rows(c)
        # A split figure stays listed (whatever its kind), so that x can restore it.
        why = "not the same quantity (the reader)"
        listed_l, listed_r = {r.left for r in rows}, {r.right for r in rows}
        paired_l, paired_r = c.paired_figures
        rows += tuple(
            FigureRow(i, None, RowStatus.LEFT_ONLY, why)
            for i in sorted(split_l - listed_l - set(paired_l))
        )
        rows += tuple(
            FigureRow(None, j, RowStatus.RIGHT_ONLY, why)
            for j in sorted(split_r - listed_r - set(paired_r))
        )
        conflicts = tuple(k for k, r in enumerate(rows) if r.status is RowStatus.CONFLICT)
        reader = frozenset(
            k
            for k, r in enumerate(rows)
            if (r.pair is not None and c.figure_pairs[r.pair].by == READER)
            or (r.pair is None and (r.left in split_l or r.right in split_r))
        )
        anchored = (tuple(anchors[0]), tuple(anchors[1]))
        return cls(c, tuple(stops), anchored, rows, conflicts, reader)

    def stop_number(self, n: int) -> int | None:
        """Position of alignment ``n`` among the stops, None when n/p never stop there."""
        k = bisect_left(self.stops, n)
        return k if k < len(self.stops) and self.stops[k] == n else None

    def start(self) -> PairState:
        """On the first alignment with sentences on both sides, else the first stop."""
        a = self.comparison.alignments
        first = next((n for n in self.stops if a[n].left and a[n].right), None)
        if first is None and self.stops:
            first = self.stops[0]
        return PairState(current=first)

    def find(self, query: str) -> tuple[Hit, ...]:
        """Matches in both articles, case-insensitive, in alignment reading order."""
        c = self.comparison
        if not query.strip():
            return ()
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        hits: list[tuple[int, int, int, Span]] = []
        for side, doc in enumerate(c.documents):
            for m in pattern.finditer(doc.text):
                sentence = doc.sentence_at(m.start())
                n = c.alignment_of[side].get(sentence, 0) if sentence is not None else 0
                hits.append((n, side, m.start(), Span(m.start(), m.end())))
        hits.sort(key=lambda h: (h[0], h[1], h[2]))
        return tuple((side, span) for _, side, _, span in hits)

    def partner(self, side: int, sentence: int) -> int | None:
        """The other side's sentence to line up with ``sentence`` when the reader scrolls."""
        n = self.comparison.alignment_of[side].get(sentence)
        if n is None or not self.comparison.documents[1 - side].sentences:
            return None
        return self.anchors[1 - side][n]

    def figure_row_for(self, left: int | None, right: int | None) -> int | None:
        """The row of exactly these figures (left, right indexes), else a row holding either."""
        rows = self.rows
        exact = [k for k, r in enumerate(rows) if (r.left, r.right) == (left, right)]
        either = [
            k
            for k, r in enumerate(rows)
            if (left is not None and r.left == left) or (right is not None and r.right == right)
        ]
        found = exact or either
        return found[0] if found else None

    def alignment_of_figures(self, left: int | None, right: int | None) -> int | None:
        """The alignment holding the sentence of the left figure, else of the right one (a
        figure the table does not list, such as a lone year, still has a place)."""
        c = self.comparison
        for side, k in ((0, left), (1, right)):
            if k is not None and k < len(c.figures[side]):
                n = c.alignment_of[side].get(c.figures[side][k].sentence)
                if n is not None:
                    return n
        return None

    def alignment_of_figure_row(self, k: int) -> int | None:
        row = self.rows[k]
        c = self.comparison
        for side, index in ((0, row.left), (1, row.right)):
            if index is not None:
                n = c.alignment_of[side].get(c.figures[side][index].sentence)
                if n is not None:
                    return n
        return None


@dataclass(frozen=True, slots=True)
class PaneMarks:
    """What one pane marks: the current sentences, their changed words, a figure, a match."""

    sentences: frozenset[int] = frozenset()
    changes: tuple[Span, ...] = ()
    figure: Span | None = None
    match: Span | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PairState:
    """Where the reader is. Replaced, never changed, by the transitions below."""

    current: int | None
    figure_row: int | None = None
    #: Position among ``PairIndex.conflict_rows`` of the last conflict visited, -1 for none.
    conflict_pos: int = -1
    query: str = ""
    hits: tuple[Hit, ...] = ()
    hit: int | None = None
    view: View = "panes"

    # -- transitions ----------------------------------------------------------------------

    def at_alignment(self, n: int) -> PairState:
        """Alignment ``n`` current; a figure marked before is let go."""
        return replace(self, current=n, figure_row=None)

    def neighbour(self, index: PairIndex, delta: int) -> int | None:
        """The next (+1) or previous (-1) stop, None at the ends; from between stops (a
        figure or a match in page furniture) the nearest stop that way."""
        if self.current is None:
            return None
        stops = index.stops
        pos = index.stop_number(self.current)
        if pos is not None:
            pos += delta
        elif delta > 0:
            pos = bisect_right(stops, self.current)
        else:
            pos = bisect_left(stops, self.current) - 1
        return stops[pos] if 0 <= pos < len(stops) else None

    def step(self, index: PairIndex, delta: int) -> PairState:
        n = self.neighbour(index, delta)
        return self if n is None else self.at_alignment(n)

    def at_figure_row(self, index: PairIndex, k: int) -> PairState:
        """Figure row ``k`` marked, its alignment current, the conflict cursor on it."""
        if not 0 <= k < len(index.rows):
            return self
        n = index.alignment_of_figure_row(k)
        pos = index.conflict_rows.index(k) if k in index.conflict_rows else self.conflict_pos
        current = self.current if n is None else n
        return replace(self, current=current, figure_row=k, conflict_pos=pos)

    def conflict(self, index: PairIndex, delta: int) -> PairState:
        """The next (+1) or previous (-1) conflicting figure row."""
        pos = self.conflict_pos + delta
        if not 0 <= pos < len(index.conflict_rows):
            return self
        return replace(self, conflict_pos=pos).at_figure_row(index, index.conflict_rows[pos])

    def search(self, index: PairIndex, query: str) -> PairState:
        """Matches of ``query``, on the first one; the same query again moves to the next."""
        if query == self.query and self.hits:
            return self.match(index, 1)
        found = replace(self, query=query, hits=index.find(query), hit=None)
        return found.match(index, 1) if found.hits else found

    def match(self, index: PairIndex, delta: int) -> PairState:
        """The next (+1) or previous (-1) match, wrapping; its alignment current."""
        if not self.hits:
            return self
        if self.hit is None:
            k = 0 if delta > 0 else len(self.hits) - 1
        else:
            k = (self.hit + delta) % len(self.hits)
        side, span = self.hits[k]
        c = index.comparison
        sentence = c.documents[side].sentence_at(span.start)
        current = self.current
        if sentence is not None:
            current = c.alignment_of[side].get(sentence, current)
        return replace(self, hit=k, current=current, figure_row=None)

    def kept_on(self, before: Comparison, index: PairIndex) -> PairState:
        """The same place in a re-made comparison (after an override): the alignment that now
        holds the first sentence the current one held; figure row and search let go."""
        if self.current is None:
            return self
        a = before.alignments[self.current]
        side, sentence = (0, a.left[0]) if a.left else (1, a.right[0])
        current = index.comparison.alignment_of[side].get(sentence, self.current)
        return replace(self, current=current, figure_row=None, hits=(), hit=None, query="")

    def toggled_view(self) -> PairState:
        return replace(self, view="rows" if self.view == "panes" else "panes")

    # -- what the state means on screen ---------------------------------------------------

    def can(self, index: PairIndex) -> dict[str, bool]:
        """Which actions would do something now, by action name."""
        ready = self.current is not None
        return {
            "toggle_rows": ready,
            "search": ready,
            "note": ready,
            "unlink": ready,
            "link": ready,
            "not_same": ready and bool(index.rows),
            "pair_figures": ready and bool(index.rows),
            "next_alignment": ready and self.neighbour(index, 1) is not None,
            "prev_alignment": ready and self.neighbour(index, -1) is not None,
            "next_conflict": ready and self.conflict_pos < len(index.conflict_rows) - 1,
            "prev_conflict": ready and self.conflict_pos > 0,
            "next_match": bool(self.hits),
            "prev_match": bool(self.hits),
        }

    @property
    def match_span(self) -> Hit | None:
        return self.hits[self.hit] if self.hit is not None else None

    def figure_spans(self, index: PairIndex) -> tuple[Span | None, Span | None]:
        if self.figure_row is None:
            return None, None
        row = index.rows[self.figure_row]
        out: list[Span | None] = []
        for side, k in ((0, row.left), (1, row.right)):
            fig = None if k is None else index.comparison.figures[side][k]
            out.append(None if fig is None else Span(fig.start, fig.end))
        return out[0], out[1]

    def marks(self, index: PairIndex) -> tuple[PaneMarks, PaneMarks]:
        """Per pane: the current alignment's sentences and changes, figure, match."""
        if self.current is None:
            return PaneMarks(), PaneMarks()
        a = index.comparison.alignments[self.current]
        figs = self.figure_spans(index)
        match = self.match_span
        return (
            PaneMarks(
                frozenset(a.left),
                a.left_changes,
                figs[0],
                match[1] if match and match[0] == 0 else None,
            ),
            PaneMarks(
                frozenset(a.right),
                a.right_changes,
                figs[1],
                match[1] if match and match[0] == 1 else None,
            ),
        )

    def status_parts(self, index: PairIndex) -> tuple[str, ...]:
        """Where (alignment k/N, view), what (kind, score, reason), conflicts, search."""
        if self.current is None:
            return ("no sentences",)
        a = index.comparison.alignments[self.current]
        pos = index.stop_number(self.current)
        total = len(index.stops)
        # Reached by a figure or a match: not one n/p stops on.
        where = f"alignment {pos + 1}/{total}" if pos is not None else f"alignment –/{total}"
        if self.view == "rows":
            where += " · rows view"
        about = f"{a.kind} · score {a.score:.2f} · {a.reason}"
        n = len(index.conflict_rows)
        conflicts = f"{n} figure conflict" + ("" if n == 1 else "s")
        if self.figure_row is not None and self.figure_row in index.conflict_rows:
            conflicts = f"conflict {index.conflict_rows.index(self.figure_row) + 1}/" + conflicts
        search = ""
        if self.query:
            search = f"“{clip(self.query, 30)}”: "
            search += f"{self.hit + 1}/{len(self.hits)}" if self.hit is not None else "no match"
        return where, about, conflicts, search


#: The actions ``PairState.can`` decides; all off until the comparison is ready.
STATE_ACTIONS = (
    "next_alignment",
    "prev_alignment",
    "next_conflict",
    "prev_conflict",
    "next_match",
    "prev_match",
    "toggle_rows",
    "search",
    "note",
    "unlink",
    "link",
    "not_same",
    "pair_figures",
)


def enabled(index: PairIndex | None, state: PairState) -> dict[str, bool]:
    """``state.can(index)``, or every state action off while there is no comparison."""
    return state.can(index) if index is not None else dict.fromkeys(STATE_ACTIONS, False)


def notes_summary(name: str, count: int, dirty: bool) -> str:
    """The status line's notes part: "notes: memo.md (2 notes, unsaved)"."""
    if not count:
        return f"notes: {name}"
    unsaved = ", unsaved" if dirty else ""
    return f"notes: {name} ({count} note{'s' if count != 1 else ''}{unsaved})"
