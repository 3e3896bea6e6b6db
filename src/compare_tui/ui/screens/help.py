"""The key reference of each screen (pair view, overview) and what every mark means."""

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
    ("u", "unlink the current alignment (its sentences become one-sided); u again restores it"),
    ("l", "link by hand: l on a one-sided sentence, go to one of the other article, l again"),
    ("x (figures)", "not the same quantity: split the figure pair; x again restores it"),
    ("m (figures)", "pair two figures by hand (m, go to the other, m) or set a verdict + reason"),
    ("s", "save the notes file (notes and the reader's decisions)"),
    ("ctrl+p", "command palette (every action)"),
    ("?", "this help"),
    ("q / ctrl+q", "quit (unsaved notes are saved first)"),
)

#: Only in a pair view opened from the overview.
BACK_KEY = ("escape", "back to the overview, its cursor where you left it")

#: The overview of many articles.
OVERVIEW_KEYS: tuple[tuple[str, str], ...] = (
    ("enter", "open the pair view on the chosen pair, or on the chosen figure cell"),
    ("tab / shift+tab", "switch between the pairs table and the figures table"),
    ("↑ ↓ ← →", "move the cursor"),
    ("s", "save the notes file (notes from every pair view)"),
    ("ctrl+p", "command palette (every action)"),
    ("?", "this help"),
    ("q / ctrl+q", "quit (unsaved notes are saved first)"),
)

OVERVIEW_LEGEND: tuple[tuple[str, str], ...] = (
    ("bold 78%", "share of both articles' sentences aligned; bold: rewrites of one source"),
    ("…", "related by the cheap screen but not aligned yet (Enter aligns it)"),
    ("·", "shares too little vocabulary to be worth aligning"),
    ("✗ conflict", "the articles give different values for this quantity"),
    ("✓ agree", "the articles that give it agree"),
    ("◦ one article", "only one article gives this figure"),
    ("—", "this article gives no figure for this quantity"),
)

LEGEND: tuple[tuple[str, str], ...] = (
    ("▶", "line or row of the current alignment (also highlighted)"),
    ("bold", "words that differ (current alignment; every row in the rows view)"),
    ("✎", "the reader's decision (a link, an unlink, a figure pair or split), kept in notes"),
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

    def __init__(
        self,
        keys: tuple[tuple[str, str], ...] = KEYS,
        legend: tuple[tuple[str, str], ...] = LEGEND,
    ) -> None:
        super().__init__()
        self._keys = keys
        self._legend = legend

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("Keys\n", style="bold")
        for keys, what in self._keys:
            text.append(f"  {keys:<20}", style="bold")
            text.append(f"{what}\n")
        text.append("\nMarks\n", style="bold")
        for mark, what in self._legend:
            text.append(f"  {mark:<20}", style="bold")
            text.append(f"{what}\n")
        text.append("\nEscape or ? closes this help.")
        with Vertical(id="help-box"):
            yield Static(text, id="help-text")
