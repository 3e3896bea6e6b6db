"""When an article was published, and what a gap between two reports means for their figures.

A page's metadata usually says when it was published (``html.py`` reads it). A saved text
often carries a date line instead, near the top: "June 14, 2025", "Published: 14 June 2025
10:30 BST", "Updated 2024-07-28". A conflict between two reports days apart may be a figure
that was updated in between (a death toll rising), so the conflict's explanation says which
report is later. The date is only read from a line that holds nothing else, within the first
few blocks: a date inside a sentence ("the 2015 peace deal", "on June 14") is what the article
reports, not when it was written.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from compare_tui.core.lexicon import MONTHS
from compare_tui.core.models import Document, SegmentKind

#: How many blocks from the top a date line may stand (headline, standfirst, byline, photo
#: caption come first on saved pages).
DATE_LINE_WINDOW = 12

_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_PREFIX = r"(?:(?:First\s+)?(?:Published|Updated|Posted|Last\s+updated|Dated?)\s*(?:on\s*)?:?\s*)?"
_TIME = r"(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
#: A line that is only a date: "June 14, 2025", "14 June 2025", "2025-06-14", with an
#: optional "Published"/"Updated" and weekday before it and a time after it. Case-insensitive;
#: the segmenter makes such a line page furniture (``segment.FURNITURE_RULES``).
DATE_LINE_RE = (
    rf"{_PREFIX}{_WEEKDAY}(?:"
    rf"(?P<dm1>{_MONTH_NAMES})\.?\s+(?P<dd1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<dy1>(?:19|20)\d\d)"
    rf"|(?P<dd2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm2>{_MONTH_NAMES})\.?,?\s+(?P<dy2>(?:19|20)\d\d)"
    r"|(?P<dy3>(?:19|20)\d\d)-(?P<dm3>\d\d)-(?P<dd3>\d\d)"
    rf"){_TIME}\.?"
)
DATE_LINE = re.compile(DATE_LINE_RE, re.IGNORECASE)


def date_line(document: Document) -> str | None:
    """The ISO date (YYYY-MM-DD) of a line near the top that holds only a date, if any."""
    for sentence in document.sentences[:DATE_LINE_WINDOW]:
        if sentence.kind is not SegmentKind.FURNITURE:
            continue  # the segmenter's "date_line" rule made every date line furniture
        text = document.text[sentence.start : sentence.end].strip()
        if len(text) > 60:
            continue
        m = DATE_LINE.fullmatch(text)
        if m is None:
            continue
        found = _date_of(m)
        if found is not None:
            return found.isoformat()
    return None


def _date_of(m: re.Match[str]) -> date | None:
    g = m.group
    try:
        if g("dy1"):
            return date(int(g("dy1")), MONTHS[g("dm1").lower()], int(g("dd1")))
        if g("dy2"):
            return date(int(g("dy2")), MONTHS[g("dm2").lower()], int(g("dd2")))
        return date(int(g("dy3")), int(g("dm3")), int(g("dd3")))
    except (KeyError, ValueError):
        return None  # "February 30, 2025": not a date


def parse_published(value: str | None) -> datetime | None:
    """A publication time as written in metadata or found on a date line: ISO 8601 with or
    without a time and zone ("2024-07-28T12:00:00+00:00", "2024-07-28"). Times in other
    zones are compared as written (a day is the unit that matters for an update)."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", text)
    if m is None:
        return None
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def later_report(left: str | None, right: str | None) -> str | None:
    """ "the right article is 4 days later: possibly an updated figure", or None when either
    date is unknown or they fall on one day."""
    a, b = parse_published(left), parse_published(right)
    if a is None or b is None:
        return None
    days = (b.date() - a.date()).days
    if days == 0:
        return None
    side = "right" if days > 0 else "left"
    n = abs(days)
    return f"the {side} article is {n} day{'s' if n != 1 else ''} later: possibly an updated figure"
