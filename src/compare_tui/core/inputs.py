"""What the user names on the command line (a file path, for now) -> LoadedText."""

from __future__ import annotations

from compare_tui.core.load import LoadedText, load_path


def load_input(spec: str) -> LoadedText:
    """Load one article named on the command line; raises LoadError naming it."""
    return load_path(spec)
