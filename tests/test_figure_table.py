"""The shared figure-table helpers."""

from __future__ import annotations

from compare_tui.core.figure_table import value_text, who_text
from compare_tui.core.models import Figure, FigureKind


def fig(source: str | None) -> Figure:
    return Figure(0, 1, "3", 3, 3, False, FigureKind.COUNT, "soldiers", "killed", source, 0)


def test_who_text_names_each_speaker_once() -> None:
    assert who_text(fig("the Malian army"), fig("the Malian army")) == "the Malian army"
    assert who_text(fig("The separatists"), fig("the separatists")) == "The separatists"
    assert who_text(fig("the army"), fig("the rebels")) == "the army / the rebels"
    assert who_text(fig(None), fig("the rebels")) == "the rebels"
    assert who_text(None, fig("the rebels")) == "the rebels"
    assert who_text(fig(None), None) == "—"
    assert who_text(None, None) == "—"


def value(kind: FigureKind, low: float | None, high: float | None, unit: str | None) -> str:
    return value_text(Figure(0, 1, "x", low, high, False, kind, None, None, None, 0, unit))


def test_value_text_reads_units_and_round_millions() -> None:
    assert value(FigureKind.COUNT, 13, None, None) == "13 or more"
    assert value(FigureKind.COUNT, None, 300, None) == "up to 300"
    assert value(FigureKind.MONEY, 3.5e9, 3.5e9, "USD") == "$3.5 billion"
    assert value(FigureKind.MONEY, 2e7, 2e7, "CHF") == "20 million CHF"
    assert value(FigureKind.MONEY, 2e7, 2e7, "franc") == "20 million francs"
    assert value(FigureKind.MONEY, 1234, 1234, "EUR") == "€1,234"
    assert value(FigureKind.PERCENT, 2, 2, "pp") == "2 percentage points"
    assert value(FigureKind.PERCENT, 12.5, 12.5, "%") == "12.5%"
    assert value(FigureKind.MEASURE, 3, 3, "metre") == "3 metres"
    assert value(FigureKind.MEASURE, 40, 40, "km") == "40 km"
    assert value(FigureKind.MEASURE, 60, 60, "mph") == "60 mph"
    assert value(FigureKind.DURATION, 1, 1, "day") == "1 day"
    assert value(FigureKind.DURATION, 3, 9, "day") == "3-9 days"
