"""The "why" of a figure pair, in the words the figure table shows: "both 10", "2,000 vs
about 2,000", "3 vs 7 separatist gunmen killed; the right article is 1 day later: possibly an
updated figure"."""

from __future__ import annotations

from compare_tui.core import numbers as nb
from compare_tui.core.figure_table import value_text
from compare_tui.core.models import Figure, FigureKind

#: Kinds compared by exact value but shown as written ("March 14", "14 March").
_AS_WRITTEN = frozenset({FigureKind.YEAR, FigureKind.DATE, FigureKind.TIME, FigureKind.ORDINAL})


def describe(figure: Figure) -> str:
    """A figure's value as the figure table prints it (``figure_table.value_text``), with the
    words of a vague quantity first: "10", "about 2,000", "dozens (24 or more)"."""
    value = value_text(figure)
    word = " ".join(figure.text.lower().split())
    vague = next((w for w in nb.VAGUE if word.endswith(w)), None)
    if vague is not None and figure.kind is FigureKind.COUNT:
        return f"{vague} ({value.removeprefix('about ')})"
    return value


def explain(left: Figure, right: Figure, *, agree: bool, later: str | None = None) -> str:
    """Short human reason: "both 10", "2,000 vs about 2,000", "3 vs 7 separatist gunmen killed".

    Dates, times and years agree only on the same value, so two wordings of one date read
    "March 14 = 14 March". A conflict between reports published on different days says which
    is later (``later``, from ``dates.later_report``).
    """
    a, b = describe(left), describe(right)
    if a == b:
        text = f"both {a}"
    elif agree and left.kind in _AS_WRITTEN:
        text = f"{a} = {b}"
    else:
        text = f"{a} vs {b}"
    if agree:
        return text
    what = max((left.counted or "", right.counted or ""), key=len)
    event = left.event or right.event or ""
    why = " ".join(part for part in (text, what, event) if part)
    return f"{why}; {later}" if later else why
