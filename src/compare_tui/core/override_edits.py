"""What a key does to the reader's overrides: pure functions from (comparison shown, overrides)
to new overrides, or to a message saying why nothing changed.

Every edit is undoable by the same key: ``u`` on a link the machine made unlinks it, ``u`` on
what an unlink left (or on a reader's link) takes that override back; ``x`` on a figure pair
splits it, ``x`` on a split figure (or a reader's pair) takes that back.
"""

from __future__ import annotations

from dataclasses import replace

from compare_tui.core.models import Comparison, PairStatus
from compare_tui.core.overrides import (
    READER,
    Decision,
    Override,
    figure_quote,
    sentence_quote,
)

Overrides = tuple[Override, ...]

__all__ = ["Overrides", "link", "pair_figures", "toggle_split", "toggle_unlink"]


def _without(overrides: Overrides, drop: Override) -> Overrides:
    return tuple(o for o in overrides if o is not drop)


def _about_sentences(
    shown: Comparison, decision: Decision, left: tuple[int, ...], right: tuple[int, ...]
) -> Override:
    """A decision on these sentences, quoting them as they read now."""
    return Override(
        decision=decision,
        left=left,
        right=right,
        left_quote=sentence_quote(shown, 0, left),
        right_quote=sentence_quote(shown, 1, right),
    )


def _about_figures(shown: Comparison, decision: Decision, left: int, right: int) -> Override:
    """A decision on one figure of each article, quoting them as they read now."""
    return Override(
        decision=decision,
        left=(left,),
        right=(right,),
        left_quote=figure_quote(shown, 0, left),
        right_quote=figure_quote(shown, 1, right),
    )


def toggle_unlink(shown: Comparison, overrides: Overrides, n: int) -> Overrides | str:
    """``u`` on alignment ``n`` of the comparison as shown (overrides applied)."""
    if not 0 <= n < len(shown.alignments):
        return f"no alignment {n}"
    a = shown.alignments[n]
    if a.left and a.right:
        mine = [o for o in overrides if o.key == (Decision.LINK, a.left, a.right)]
        if a.by == READER and mine:
            return _without(overrides, mine[-1])
        return (*overrides, _about_sentences(shown, Decision.UNLINK, a.left, a.right))
    held = set(a.left), set(a.right)
    for o in reversed(overrides):
        if o.decision is Decision.UNLINK and (held[0] & set(o.left) or held[1] & set(o.right)):
            return _without(overrides, o)
    return "nothing to unlink: these sentences are in one article only"


def link(shown: Comparison, overrides: Overrides, left: int, right: int) -> Overrides | str:
    """Link alignment ``left`` (one-sided, left) with alignment ``right`` (one-sided, right)."""
    a, b = shown.alignments[left], shown.alignments[right]
    if a.right or b.left or not a.left or not b.right:
        return "link one-sided sentences: one of the left article, one of the right"
    return (*overrides, _about_sentences(shown, Decision.LINK, a.left, b.right))


def toggle_split(
    shown: Comparison, overrides: Overrides, left: int | None, right: int | None
) -> Overrides | str:
    """``x`` on a figure row (figure indexes per side, None where missing)."""
    lone = left is None or right is None
    for o in reversed(overrides):
        # Undo: a reader's pair on this row, or the split that left this figure alone.
        undo = o.decision is Decision.PAIR_FIGURES or (lone and o.decision.about_figures)
        if undo and o.decision.about_figures and (o.left == (left,) or o.right == (right,)):
            return _without(overrides, o)
    if left is None or right is None:
        return "nothing to split: this figure is in one article only"
    return (*overrides, _about_figures(shown, Decision.SPLIT_FIGURES, left, right))


def pair_figures(
    shown: Comparison,
    overrides: Overrides,
    left: int,
    right: int,
    status: PairStatus,
    reason: str = "",
) -> Overrides:
    """The reader pairs two figures (or sets the verdict of a pair) with a reason."""
    kept = tuple(
        o
        for o in overrides
        if not (o.decision is Decision.PAIR_FIGURES and (o.left, o.right) == ((left,), (right,)))
    )
    made = replace(
        _about_figures(shown, Decision.PAIR_FIGURES, left, right),
        status=status,
        reason=reason,
    )
    return (*kept, made)
