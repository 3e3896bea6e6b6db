"""The reader's judgement over the machine's: overrides of alignments and figure pairs.

A fact-checker's corrections are evidence, so each one is a record that quotes what it is
about (the sentences, or "figure | sentence", as they read when it was made) and is applied
to a fresh Comparison on every run:

- ``unlink``: the alignment of exactly these sentences is undone; they become one-sided.
- ``link``: these sentences (one side each) become one alignment; whatever held them before
  keeps its other sentences.
- ``split_figures``: these two figures are not the same quantity; their pair is removed.
- ``pair_figures``: these two figures are the same quantity, with the reader's verdict
  (agree / conflict) and reason; any pair holding either figure gives way.

An override attaches when its quotes still read the same at its indexes, or at one other
place (the numbering moved). Otherwise it does not attach and is kept, with why
(``Resolved.problems``): "no longer attaches" when the text changed, "refused" when an index
does not exist. Every record the reader changed carries ``by="reader"``. Pure: no I/O.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from enum import StrEnum

from compare_tui.core.diff import word_changes
from compare_tui.core.models import (
    AlignKind,
    Alignment,
    Comparison,
    FigurePair,
    PairStatus,
    Span,
)

READER = "reader"

__all__ = [
    "READER",
    "Decision",
    "Override",
    "Resolved",
    "figure_quote",
    "resolve",
    "sentence_quote",
]


class Decision(StrEnum):
    UNLINK = "unlink"
    LINK = "link"
    SPLIT_FIGURES = "split_figures"
    PAIR_FIGURES = "pair_figures"

    @property
    def about_figures(self) -> bool:
        return self in (Decision.SPLIT_FIGURES, Decision.PAIR_FIGURES)


@dataclass(frozen=True, slots=True, kw_only=True)
class Override:
    """One decision of the reader; ``left``/``right`` are sentence indexes, or for figure
    decisions the figure index of each side (one each)."""

    decision: Decision
    left: tuple[int, ...]
    right: tuple[int, ...]
    left_quote: str
    right_quote: str
    #: The reader's verdict, for ``pair_figures``.
    status: PairStatus | None = None
    reason: str = ""

    @property
    def key(self) -> tuple[Decision, tuple[int, ...], tuple[int, ...]]:
        return self.decision, self.left, self.right


@dataclass(frozen=True, slots=True)
class Resolved:
    """A comparison with the overrides that attach applied."""

    comparison: Comparison
    #: The overrides as applied (indexes moved to where their quotes now are), by position
    #: in the list given; absent for those with a problem.
    applied: dict[int, Override]
    #: Why an override did not attach, by position: "no longer attaches: ..." or
    #: "refused: ...".
    problems: dict[int, str]


def sentence_quote(c: Comparison, side: int, indexes: tuple[int, ...]) -> str:
    doc = c.documents[side]
    return " ".join(doc.sentence_text(i) for i in indexes)


def figure_quote(c: Comparison, side: int, index: int) -> str:
    fig = c.figures[side][index]
    return f"{fig.text} | {c.documents[side].sentence_text(fig.sentence)}"


def _count(c: Comparison, side: int, figures: bool) -> int:
    return len(c.figures[side]) if figures else len(c.documents[side].sentences)


def _locate(c: Comparison, o: Override) -> tuple[Override | None, str]:
    """The override at its indexes, or moved to where its quotes are; else why not."""
    figures = o.decision.about_figures
    sides = []
    for side, idx, quote in ((0, o.left, o.left_quote), (1, o.right, o.right_quote)):
        n = _count(c, side, figures)
        what = "figure" if figures else "sentence"
        name = ("left", "right")[side]
        bad = [i for i in idx if not 0 <= i < n]
        if bad or not idx or (figures and len(idx) != 1):
            shown = bad[0] if bad else "(none)"
            return None, f"refused: {name} {what} {shown} does not exist (the article has {n})"
        sides.append((side, idx, quote))
    found: list[tuple[int, ...]] = []
    for side, idx, quote in sides:
        here = _quote(c, side, idx, figures)
        if here == quote:
            found.append(idx)
            continue
        moved = _find(c, side, len(idx), quote, figures)
        if moved is None:
            return None, "no longer attaches: the text it quotes changed"
        found.append(moved)
    return replace(o, left=found[0], right=found[1]), ""


def _quote(c: Comparison, side: int, idx: tuple[int, ...], figures: bool) -> str:
    if figures:
        return figure_quote(c, side, idx[0])
    return sentence_quote(c, side, idx)


def _find(c: Comparison, side: int, size: int, quote: str, figures: bool) -> tuple[int, ...] | None:
    """The one run of ``size`` consecutive indexes that quotes ``quote``."""
    if size == 0:
        return None
    n = _count(c, side, figures)
    hits = [
        tuple(range(k, k + size))
        for k in range(n - size + 1)
        if _quote(c, side, tuple(range(k, k + size)), figures) == quote
    ]
    return hits[0] if len(hits) == 1 else None


def resolve(c: Comparison, overrides: list[Override] | tuple[Override, ...]) -> Resolved:
    """Apply, in order, every override that attaches to ``c``."""
    applied: dict[int, Override] = {}
    problems: dict[int, str] = {}
    alignments = list(c.alignments)
    pairs = list(c.figure_pairs)
    for k, o in enumerate(overrides):
        at, why = _locate(c, o)
        if at is None:
            problems[k] = why
            continue
        applied[k] = at
        if at.decision is Decision.UNLINK:
            alignments = _unlink(alignments, at)
        elif at.decision is Decision.LINK:
            alignments = _link(c, alignments, at)
        elif at.decision is Decision.SPLIT_FIGURES:
            pairs = [p for p in pairs if (p.left, p.right) != (at.left[0], at.right[0])]
        else:
            pairs = [p for p in pairs if p.left != at.left[0] and p.right != at.right[0]]
            status = at.status or PairStatus.AGREE
            why_text = f"the reader: {at.reason}" if at.reason else "paired by the reader"
            pairs.append(FigurePair(at.left[0], at.right[0], status, why_text, by=READER))
    if not applied:
        return Resolved(c, applied, problems)
    pairs.sort(key=lambda p: (p.left, p.right))
    out = replace(c, alignments=_ordered(alignments), figure_pairs=tuple(pairs))
    return Resolved(out, applied, problems)


def _one_sided(side: int, index: int, reason: str, by: str) -> Alignment:
    if side == 0:
        return Alignment((index,), (), 0.0, AlignKind.LEFT_ONLY, reason, by=by)
    return Alignment((), (index,), 0.0, AlignKind.RIGHT_ONLY, reason, by=by)


def _unlink(alignments: list[Alignment], o: Override) -> list[Alignment]:
    out: list[Alignment] = []
    left, right = o.left, o.right
    for a in alignments:
        if a.left == left and a.right == right:
            out += [_one_sided(0, i, "unlinked by the reader", READER) for i in a.left]
            out += [_one_sided(1, j, "unlinked by the reader", READER) for j in a.right]
        else:
            out.append(a)
    return out


def _link(c: Comparison, alignments: list[Alignment], o: Override) -> list[Alignment]:
    """The sentences of ``o`` become one alignment; what held them keeps the rest."""
    taken_l, taken_r = set(o.left), set(o.right)
    out: list[Alignment] = []
    for a in alignments:
        if not (taken_l & set(a.left) or taken_r & set(a.right)):
            out.append(a)
            continue
        left = tuple(i for i in a.left if i not in taken_l)
        right = tuple(j for j in a.right if j not in taken_r)
        if left and right:
            out.append(_paired(c, left, right, a.reason, a.by, a.score))
        else:
            out += [_one_sided(0, i, "no counterpart", a.by) for i in left]
            out += [_one_sided(1, j, "no counterpart", a.by) for j in right]
    out.append(_paired(c, o.left, o.right, "linked by the reader", READER, 1.0))
    return out


def _paired(
    c: Comparison, left: tuple[int, ...], right: tuple[int, ...], reason: str, by: str, score: float
) -> Alignment:
    ld, rd = c.documents
    lspans = [Span(ld.sentences[i].start, ld.sentences[i].end) for i in left]
    rspans = [Span(rd.sentences[j].start, rd.sentences[j].end) for j in right]
    lc, rc = word_changes(ld.text, lspans, rd.text, rspans)
    kind = AlignKind.CHANGED if lc or rc else AlignKind.SAME
    return Alignment(left, right, score, kind, reason, lc, rc, by=by)


def _ordered(alignments: list[Alignment]) -> tuple[Alignment, ...]:
    """Left reading order; a right-only alignment follows the one holding the right sentence
    before it (the order ``align_sentences`` gives)."""
    main = [a for a in alignments if a.left]
    main.sort(key=_least_left)
    rights = [a for a in alignments if not a.left]
    if not rights:
        return tuple(main)
    holder: dict[int, int] = {}
    for n, a in enumerate(main):
        for j in a.right:
            holder[j] = n
    after: dict[int, list[Alignment]] = defaultdict(list)
    chain: dict[int, int] = {}
    rights.sort(key=_rights)
    for a in rights:
        (j,) = a.right[:1]
        key = -1 if j == 0 else chain.get(j - 1, holder.get(j - 1, -1))
        chain[j] = key
        after[key].append(a)
    out = list(after.get(-1, ()))
    for n, a in enumerate(main):
        out.append(a)
        if n in after:
            out.extend(after[n])
    return tuple(out)


def _least_left(a: Alignment) -> int:
    return min(a.left)


def _rights(a: Alignment) -> tuple[int, ...]:
    return a.right
