"""The key reference, built from the app's own bindings so it cannot drift from them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

#: (keys, what they do), in the order a new reader needs them.
KEYS: tuple[tuple[str, str], ...] = (
    ("n / p", "next / previous alignment (both panes follow; page furniture is skipped)"),
    ("] / [", "next / previous figure conflict"),
    ("v", "aligned rows: one row per alignment, side by side (v again: panes)"),
    ("tab / shift+tab", "move between left pane, right pane and figures panel"),
    ("↑ ↓ j k, PgUp PgDn", "scroll the focused pane or move in the figures panel"),
    ("g / G", "top / bottom"),
    ("enter (figures)", "bring both panes to the chosen figure row"),
    ("/", "search both articles; enter again jumps to the next match"),
    ("> / <", "next / previous search match"),
    ("a", "add or edit a note on the current alignment or selected figure row"),
    ("s", "save the notes file"),
    ("ctrl+p", "command palette (every action)"),
    ("?", "this help"),
    ("q / ctrl+q", "quit (unsaved notes are saved first)"),
)

LEGEND: tuple[tuple[str, str], ...] = (
    ("▶", "line or row of the current alignment (also highlighted)"),
    ("bold", "words that differ (current alignment; every row in the rows view)"),
    ("+ italic", "sentence with no counterpart in the other article"),
    ("· dim", "page furniture (bylines, share bars), never compared"),
    ("underline", "figure that agrees with the other article"),
    ("! reverse bold", "figure that conflicts with the other article"),
    ("italic underline", "figure found only in this article"),
)


class HelpScreen(ModalScreen[None]):
    """Keys and the meaning of every mark, in words as well as styles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("Keys\n", style="bold")
        for keys, what in KEYS:
            text.append(f"  {keys:<20}", style="bold")
            text.append(f"{what}\n")
        text.append("\nMarks\n", style="bold")
        for mark, what in LEGEND:
            text.append(f"  {mark:<20}", style="bold")
            text.append(f"{what}\n")
        text.append("\nEscape or ? closes this help.")
        with Vertical(id="help-box"):
            yield Static(text, id="help-text")
