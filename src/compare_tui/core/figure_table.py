"""The figure table every view shows: pairs (conflicts first), then figures found on one side.

Kept in the core so the Markdown memo, the notes file and the app list the same rows in the
same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from compare_tui.core import lexicon as lx
from compare_tui.core.models import Comparison, Figure, FigureKind, PairStatus


class RowStatus(StrEnum):
    CONFLICT = "conflict"
    AGREE = "agree"
    LEFT_ONLY = "left only"
    RIGHT_ONLY = "right only"


#: Kinds worth listing when they have no counterpart; a lone year or ordinal is noise. Shared
#: by the pair table (one-sided rows) and the figure matrix (rows of one article).
LONE_KINDS = frozenset({FigureKind.COUNT, FigureKind.MEASURE, FigureKind.MONEY, FigureKind.PERCENT})


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One row: indexes into ``comparison.figures[0]``/``[1]`` (None on the missing side)."""

    left: int | None
    right: int | None
    status: RowStatus
    why: str
    #: Index into ``comparison.figure_pairs``, for rows that are pairs.
    pair: int | None = None


def figure_rows(comparison: Comparison, *, all_lone: bool = False) -> tuple[FigureRow, ...]:
    """Conflicts, then agreements (each in left reading order), then one-sided figures.

    One-sided figures are limited to counts, measures, money and percentages unless
    ``all_lone``: years and ordinals without a counterpart rarely matter to a fact-check.
    """
    left_figs, right_figs = comparison.figures
    pairs = sorted(
        enumerate(comparison.figure_pairs),
        key=lambda np: (np[1].status is not PairStatus.CONFLICT, left_figs[np[1].left].start),
    )
    rows = [FigureRow(p.left, p.right, RowStatus(str(p.status)), p.why, pair=n) for n, p in pairs]
    paired_left, paired_right = comparison.paired_figures
    rows += [
        FigureRow(i, None, RowStatus.LEFT_ONLY, "not in the right article")
        for i, f in enumerate(left_figs)
        if i not in paired_left and (all_lone or _worth_listing(f))
    ]
    rows += [
        FigureRow(None, j, RowStatus.RIGHT_ONLY, "not in the left article")
        for j, f in enumerate(right_figs)
        if j not in paired_right and (all_lone or _worth_listing(f))
    ]
    return tuple(rows)


def _worth_listing(figure: Figure) -> bool:
    return figure.kind in LONE_KINDS


#: Kinds whose own wording is clearer than any value we could print for them.
_AS_WRITTEN = frozenset({FigureKind.YEAR, FigureKind.DATE, FigureKind.TIME, FigureKind.ORDINAL})
_CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def value_text(figure: Figure) -> str:
    """A figure's value as a reader checks it: "10", "about 2,000", "24 or more", "3-9 days".

    The one formatter of values: the figure table, the memos and the pair explanations
    (``explain.describe``) all print values with it, so a row's cells and its "why" agree.
    """
    low, high = figure.low, figure.high
    if figure.kind in _AS_WRITTEN or (low is None and high is None):
        return figure.text
    symbol = _CURRENCY.get(figure.unit or "", "") if figure.kind is FigureKind.MONEY else ""

    def num(x: float | None) -> str:
        return f"{symbol}{_num(x)}"

    if low is None:
        value = f"up to {num(high)}"
    elif high is None:
        value = f"{num(low)} or more"
    elif low == high:
        value = f"{'about ' if figure.approx else ''}{num(low)}"
    else:
        value = f"{num(low)}-{num(high)}"
    return value + _unit_suffix(figure, symbol=symbol, plural=(low, high) != (1, 1))


#: Units that are abbreviations, never pluralised ("40 km", "60 mph").
_ABBREVIATED = frozenset({"mph", "kg", "km", "cm", "mm"})
_WORDED_UNIT_KINDS = frozenset({FigureKind.DURATION, FigureKind.MEASURE, FigureKind.MONEY})


def _unit_suffix(figure: Figure, *, symbol: str, plural: bool) -> str:
    unit = figure.unit
    if not unit or symbol:
        return ""
    if figure.kind is FigureKind.PERCENT or unit == "%":
        if unit == "pp":
            return " percentage points" if plural else " percentage point"
        return "%"
    # Units written as words pluralise ("3 metres", "20 million francs"); codes do not ("CHF").
    worded = unit.isalpha() and unit.islower() and unit not in _ABBREVIATED
    if plural and worded and figure.kind in _WORDED_UNIT_KINDS:
        unit = unit_plural(unit)
    return f" {unit}"


def unit_plural(unit: str) -> str:
    """ "foot" -> "feet", "year" -> "years", "century" -> "centuries"."""
    return unit if unit.endswith("s") else lx.plural(unit)


def _num(value: float | None) -> str:
    """ "2,000", "3.5", "12 million", "3.5 billion" (round millions read as words)."""
    if value is None:
        return "?"
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale and value % (scale / 10) == 0:
            return f"{value / scale:g} {word}"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def what_text(figure: Figure) -> str:
    """What is counted and what happened to it: "separatist fighters killed"."""
    parts = [p for p in (figure.counted, figure.event) if p]
    return " ".join(parts) if parts else str(figure.kind)


def who_text(left: Figure | None, right: Figure | None) -> str:
    """Who says so, once per speaker: "the Malian army", "the army / the rebels", or "—".

    Sources that differ only by case ("The separatists" / "the separatists") are one speaker;
    the left side's spelling is kept.
    """
    seen: dict[str, str] = {}
    for figure in (left, right):
        source = figure.source.strip() if figure is not None and figure.source else ""
        if source:
            seen.setdefault(source.casefold(), source)
    return " / ".join(seen.values()) if seen else "—"
