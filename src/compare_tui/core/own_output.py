"""What compare-tui writes itself, recognised by its opening: one definition for every caller.

The Markdown report and the notes memo open with a marker comment on their first line; the
JSON reports open with ``{"schema": ...}``. Only the opening counts: a memo the user edited
below its first line is still ours, one whose first line they replaced is not, and a marker
quoted further down a file (an article about compare-tui, a memo pasted into a draft) is not
ours either. The CLI's ``-o``, the notes memo's save and a folder's article scan use this.
"""

from __future__ import annotations

import re

#: First line of every Markdown report (pair memo, overview memo).
REPORT_MARKER = "<!-- written by compare-tui -->"
#: First line of every notes memo.
NOTES_MARKER = "<!-- compare-tui notes memo v1 -->"

_MARKER_LINE = re.compile(r"<!-- (?:written by compare-tui|compare-tui notes memo v\d+) -->")
#: Our JSON, indented or not: ``{`` then the ``"schema"`` key first.
_JSON_OPENING = re.compile(r'\{\s*"schema"\s*:')


def is_own_output(head: str) -> bool:
    """True if ``head`` (a file's text, or its first few KB) opens like a report, a notes memo
    or a JSON file compare-tui wrote. A byte-order mark and trailing blanks or ``\\r`` on the
    first line are allowed; nothing else before the marker is."""
    head = head.removeprefix("\ufeff")
    first = head.split("\n", 1)[0].rstrip(" \t\r")
    return _MARKER_LINE.fullmatch(first) is not None or _JSON_OPENING.match(head) is not None
