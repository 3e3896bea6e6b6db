"""Untrusted text made safe inside GitHub-flavoured Markdown, and read back.

One place for the escaping every memo uses (the report, the overview memo, the notes memo), so
that the notes can recognise their own escaped text when reading a memo back: article text can
neither break a table nor inject links (bare URLs, ``www.`` names and e-mail addresses, which
GFM links by itself, included), HTML, emphasis or maths.
"""

from __future__ import annotations

import re

from compare_tui.core.models import safe_name

#: Characters that mean something to GFM anywhere in a line: emphasis, code, links, images,
#: tables, HTML, strikethrough, GitHub's maths, and ``@`` (e-mail autolinks and mentions).
#: (``!`` and ``(`` only act after ``[``/``]``.)
_SPECIAL = re.compile(r"([\\`*_\[\]|~<>$@])")
#: What GFM turns into a link with no markup: ``scheme://`` and ``www.``; escaping the colon or
#: the dot keeps the text as it reads and stops the link.
_AUTOLINK = re.compile(r"(?<=[A-Za-z0-9])(:)(?=//)|(?i:(?<![A-Za-z0-9])(www)(\.))")
#: What makes a block of a line start: headings, lists, quotes, thematic breaks, numbered lists.
_BLOCK_START = re.compile(r"^(?=[#+\-=>])|^(\d+)(?=[.)])")
#: A backslash escape as ``escape_inline`` writes them, for ``unescape_inline``.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def _autolink(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\:"
    return f"{match.group(2)}\\."


def escape_inline(text: str) -> str:
    """Make text safe inside one Markdown line, a table cell or a blockquote; names
    (file names, URLs) may hold control characters: ``safe_name`` shows them as text."""
    text = safe_name(" ".join(text.split()))
    text = text.replace("&", "&amp;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK.sub(_autolink, text)
    # "1." opens an ordered list: the backslash goes before the punctuation, after the digits.
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\" if m.group(1) else "\\", text, count=1)


def unescape_inline(text: str) -> str:
    """Text a person typed or edited in a memo, as it reads: backslash escapes and ``&amp;``
    undone (the inverse of ``escape_inline`` on what it writes)."""
    text = _ESCAPED.sub(r"\1", " ".join(text.split()))
    return text.replace("&amp;", "&")


def escape_keeping_edges(text: str) -> str:
    """``escape_inline`` that keeps one space at either edge, to glue pieces back together."""
    core = escape_inline(text)
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and core else ""
    return f"{lead}{core}{trail}"


def code_inline(text: str) -> str:
    """Inline code that survives backticks inside ``text`` (paths may hold anything,
    control characters included: ``safe_name`` shows them as text)."""
    text = safe_name(" ".join(text.split()))
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
