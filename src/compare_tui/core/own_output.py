"""What compare-tui writes itself, recognised by its opening: one definition for every caller.

The Markdown report and the notes memo open with a marker comment on their first line; the
JSON reports open with ``{"schema": ...}``. Only the opening counts: a memo the user edited
below its first line is still ours, one whose first line they replaced is not, and a marker
quoted further down a file (an article about compare-tui, a memo pasted into a draft) is not
ours either. The CLI's ``-o``, the notes memo's save and a folder's article scan use this.
"""

from __future__ import annotations

import hashlib
import re

#: First line of every Markdown report (pair memo, overview memo).
REPORT_MARKER = "<!-- written by compare-tui -->"
#: First line of every notes memo.
NOTES_MARKER = "<!-- compare-tui notes memo v1 -->"

_MARKER_LINE = re.compile(r"<!-- (?:written by compare-tui|compare-tui notes memo v\d+) -->")
#: Our JSON, indented or not: ``{`` then the ``"schema"`` key first; or a notes journal.
_JSON_OPENING = re.compile(r'\{\s*"(?:schema|compare-tui-journal)"\s*:')
#: First line of every notes journal (JSON lines): a folder scan never takes one for an article.
JOURNAL_HEADER = '{"compare-tui-journal": 1}\n'


def is_own_output(head: str) -> bool:
    """True if ``head`` (a file's text, or its first few KB) opens like a report, a notes memo
    or a JSON file compare-tui wrote. A byte-order mark and trailing blanks or ``\\r`` on the
    first line are allowed; nothing else before the marker is."""
    head = head.removeprefix("\ufeff")
    first = head.split("\n", 1)[0].rstrip(" \t\r")
    return _MARKER_LINE.fullmatch(first) is not None or _JSON_OPENING.match(head) is not None


#: Last line of a Markdown memo compare-tui wrote: the SHA-256 of everything above it. A memo
#: whose seal still matches was not edited by hand since; replacing it loses nothing.
_SEAL = re.compile(r"\n<!-- compare-tui sha256:([0-9a-f]{64}) -->\n?\Z")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal(text: str) -> str:
    """``text`` (ending in a newline) with its seal line appended."""
    body = text if text.endswith("\n") else text + "\n"
    return f"{body}<!-- compare-tui sha256:{_sha(body)} -->\n"


def unseal(text: str) -> tuple[str, bool | None]:
    """(the text without its seal line, whether the seal matches); None: no seal at all."""
    match = _SEAL.search(text)
    if match is None:
        return text, None
    body = text[: match.start() + 1]
    return body, _sha(body) == match.group(1)
