"""The one-line status: where you are, how many conflicts, which notes file."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    """Shows plain text only: the parts can contain article-derived words (reasons, queries)."""

    def say(self, *parts: str) -> None:
        self.update(Content("  │  ".join(p for p in parts if p)))
