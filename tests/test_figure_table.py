"""The shared figure-table helpers."""

from __future__ import annotations

from compare_tui.core.figure_table import who_text
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
