"""The reader's overrides in the pair view: ``u`` unlink / restore, ``l`` link two one-sided
sentences (mark one, step to the other, ``l`` again), ``x`` in the figures panel: not the same
quantity / restore, ``m`` in the figures panel: pair two figures by hand (mark one, go to the
other, ``m`` again) or set a pair's verdict, with a reason.

Overrides live in the app's memo (``NoteSet.overrides``) with the pair they are about; each
edit is a pure function of ``core/override_edits``, and the comparison shown is the machine's
with the overrides applied (``core/overrides.resolve``).
"""

from __future__ import annotations

from compare_tui.core.models import Comparison, PairStatus
from compare_tui.core.override_edits import (
    Overrides,
    link,
    pair_figures,
    toggle_split,
    toggle_unlink,
)
from compare_tui.core.overrides import resolve
from compare_tui.notes.decisions import of_pair, with_pair
from compare_tui.notes.model import pair_ids
from compare_tui.ui.screens.pair_prompts import PairPrompts
from compare_tui.ui.screens.prompt import PromptScreen
from compare_tui.ui.widgets.figures import FiguresTable


class PairOverrides(PairPrompts):
    """Override keys for ``PairScreen``; it supplies ``_show`` (draw a new comparison)."""

    machine: Comparison | None = None
    overrides: Overrides = ()
    #: A one-sided alignment (``l``) or a figure row (``m``) waiting for its partner.
    marked: tuple[str, int] | None = None

    def _show(self, comparison: Comparison) -> None:
        raise NotImplementedError

    def load_overrides(self, machine: Comparison) -> Comparison:
        """The comparison to show: ``machine`` with this pair's stored overrides applied."""
        self.machine = machine
        memo = self.notes_app.memo
        ids, names = pair_ids(machine)
        self.overrides = tuple(of_pair(memo.overrides, ids, names)) if memo else ()
        return self._resolve(self.overrides, changed=False)

    def _resolve(self, overrides: Overrides, *, changed: bool = True) -> Comparison:
        assert self.machine is not None
        resolved = resolve(self.machine, overrides)
        self.overrides = overrides
        memo = self.notes_app.memo
        if memo is not None:
            ids, names = pair_ids(self.machine)
            memo.overrides = with_pair(memo.overrides, ids, names, overrides, resolved.problems)
        if resolved.problems and not changed:  # said once, when the pair opens
            k, why = min(resolved.problems.items())
            more = len(resolved.problems) - 1
            said = f"Reader decision {k + 1} ({overrides[k].decision}): {why}"
            said += f" (and {more} more)" if more else ""
            self.notify(said + "; kept in the notes", markup=False, severity="warning")
        if self.book is not None:
            self.book.comparison = resolved.comparison
        if changed:
            self.notes_app.touched()
        return resolved.comparison

    def _edited(self, result: Overrides | str) -> None:
        if isinstance(result, str):
            self.notify(result, markup=False, severity="warning")
            return
        self.marked = None
        self._show(self._resolve(result))

    def _figure_row(self) -> tuple[int, int | None, int | None] | None:
        table = self.query_one(FiguresTable)
        rows = self.index.rows if self.index is not None else ()
        if self.focused is not table or not 0 <= table.cursor_row < len(rows):
            return None
        row = rows[table.cursor_row]
        return table.cursor_row, row.left, row.right

    def action_unlink(self) -> None:
        """``u``: undo the current link, or restore what an unlink (or a link) undid."""
        if self.comparison is not None and self.current is not None:
            self._edited(toggle_unlink(self.comparison, self.overrides, self.current))

    def action_link(self) -> None:
        """``l``: mark a one-sided sentence; ``l`` on one of the other article links them."""
        c, n = self.comparison, self.current
        if c is None or n is None:
            return
        a = c.alignments[n]
        if a.left and a.right:
            self.notify("already linked: l links sentences in one article only", markup=False)
        elif self.marked is None or self.marked[0] != "link" or self.marked[1] == n:
            self.marked = None if self.marked == ("link", n) else ("link", n)
            said = "go to the other article's sentence and press l" if self.marked else ""
            self.notify(said or "link cancelled", markup=False)
        else:
            first = self.marked[1]
            left, right = (first, n) if c.alignments[first].left else (n, first)
            self._edited(link(c, self.overrides, left, right))
        self._status()

    def action_not_same(self) -> None:
        """``x`` (figures panel): these two figures are not the same quantity, or restore."""
        at = self._figure_row()
        if self.comparison is None or at is None:
            self.notify("x works on a row of the figures panel (tab to it)", markup=False)
            return
        self._edited(toggle_split(self.comparison, self.overrides, at[1], at[2]))

    def action_pair_figures(self) -> None:
        """``m`` (figures panel): mark a figure, ``m`` on one of the other article pairs them;
        ``m`` on a pair sets its verdict. Asks "agree" or "conflict", and a reason."""
        at, c = self._figure_row(), self.comparison
        if c is None or at is None:
            self.notify("m works on a row of the figures panel (tab to it)", markup=False)
            return
        k, left, right = at
        if left is None or right is None:
            if self.marked is None or self.marked[0] != "figure" or self.marked[1] == k:
                self.marked = None if self.marked == ("figure", k) else ("figure", k)
                self.notify("pair: go to the other article's figure and press m", markup=False)
                return
            assert self.index is not None
            other = self.index.rows[self.marked[1]]
            left, right = left if left is not None else other.left, right or other.right
            if left is None or right is None:
                self.notify("pair a figure of each article", markup=False, severity="warning")
                return
        self._ask_verdict(c, left, right)

    def _ask_verdict(self, c: Comparison, left: int, right: int) -> None:
        def answered(text: str | None) -> None:
            if text is None:
                return
            word, _, reason = text.strip().partition(" ")
            if word not in ("agree", "conflict"):
                self.notify("start with agree or conflict", markup=False, severity="warning")
                return
            status = PairStatus(word)
            self._edited(pair_figures(c, self.overrides, left, right, status, reason.strip()))

        quotes = [f"Left:  {c.figures[0][left].text}", f"Right: {c.figures[1][right].text}"]
        prompt = PromptScreen(
            "Same quantity: your verdict",
            [*quotes, "agree or conflict, then an optional reason"],
            "conflict ",
            placeholder="conflict reported a day apart",
        )
        self.app.push_screen(prompt, answered)
