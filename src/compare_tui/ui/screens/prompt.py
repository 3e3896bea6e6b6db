"""A one-line modal prompt: Enter keeps the text, Escape cancels (returns None)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class PromptScreen(ModalScreen[str | None]):
    """Used for notes and for search; the context lines are shown as plain text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    def __init__(self, title: str, context: list[str], value: str, *, placeholder: str) -> None:
        super().__init__()
        self._title = title
        self._lines = context
        self._value = value
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box") as box:
            box.border_title = Content(self._title)
            for line in self._lines:
                yield Static(Text(line), classes="prompt-context")
            yield Input(value=self._value, placeholder=self._placeholder, id="prompt-input")
            yield Static(Text("Enter keeps · Escape cancels"), classes="prompt-hint")

    @on(Input.Submitted)
    def keep(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
