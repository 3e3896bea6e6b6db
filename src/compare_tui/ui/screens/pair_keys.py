"""The pair view's keys: bindings (footer, help) and actions (palette, help), as data."""

from __future__ import annotations

from textual.binding import Binding, BindingType

BINDINGS: list[BindingType] = [
    Binding("n", "next_alignment", "Next", id="nav.next_alignment"),
    Binding("p", "prev_alignment", "Prev", id="nav.prev_alignment"),
    Binding(
        "right_square_bracket",
        "next_conflict",
        "Conflict",
        key_display="]",
        id="nav.next_conflict",
    ),
    Binding(
        "left_square_bracket",
        "prev_conflict",
        "Prev conflict",
        key_display="[",
        id="nav.prev_conflict",
    ),
    Binding("v", "toggle_rows", "Rows view", id="view.rows"),
    Binding("tab", "app.focus_next", "Panel", id="focus.next"),
    Binding("shift+tab", "app.focus_previous", "Previous panel", show=False, id="focus.previous"),
    Binding("slash", "search", "Search", key_display="/", id="search.open"),
    Binding(
        "greater_than_sign",
        "next_match",
        "Next match",
        key_display=">",
        show=False,
        id="search.next",
    ),
    Binding(
        "less_than_sign",
        "prev_match",
        "Prev match",
        key_display="<",
        show=False,
        id="search.previous",
    ),
    Binding("a", "note", "Note", id="notes.edit"),
    Binding("u", "unlink", "Unlink", id="override.unlink"),
    Binding("l", "link", "Link", id="override.link"),
    Binding("x", "not_same", "Not same", id="override.not_same"),
    Binding("m", "pair_figures", "Pair figures", show=False, id="override.pair_figures"),
    Binding("s", "save", "Save", id="notes.save"),
    Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
    Binding("escape", "back", "Overview", id="pair.back"),
    Binding("q", "app.quit", "Quit", id="app.quit"),
]

#: (action, palette title, help) for every action a reader can run.
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("next_alignment", "Next alignment", "Highlight the next aligned sentences (n)"),
    ("prev_alignment", "Previous alignment", "Highlight the previous aligned sentences (p)"),
    ("next_conflict", "Next figure conflict", "Jump to the next conflicting figure (])"),
    ("prev_conflict", "Previous figure conflict", "Jump to the previous conflict ([)"),
    (
        "toggle_rows",
        "Toggle aligned rows view",
        "One row per alignment, left and right side by side; again for the two panes (v)",
    ),
    ("search", "Search both articles", "Find text in either article (/)"),
    ("next_match", "Next search match", "Jump to the next match (>)"),
    ("prev_match", "Previous search match", "Jump to the previous match (<)"),
    ("note", "Add or edit a note", "Note on the current alignment or figure row (a)"),
    ("unlink", "Unlink / restore", "Undo the current alignment's link, or restore it (u)"),
    (
        "link",
        "Link sentences by hand",
        "Mark a one-sided sentence, go to one of the other article, again to link (l)",
    ),
    (
        "not_same",
        "Not the same quantity",
        "Figures panel: split the figure pair, or restore it (x)",
    ),
    (
        "pair_figures",
        "Pair figures / verdict",
        "Figures panel: pair two figures by hand, or set a pair's verdict and reason (m)",
    ),
    ("save", "Save notes", "Write the notes memo (s)"),
    ("app.focus_next", "Next panel", "Move between the panes and the figures panel (tab)"),
    ("help", "Help", "Keys and what every mark means (?)"),
    (
        "back",
        "Back to the overview",
        "Close this pair view; the overview as you left it (escape)",
    ),
)

__all__ = ["ACTIONS", "BINDINGS"]
