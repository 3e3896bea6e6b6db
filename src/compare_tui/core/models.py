"""The immutable records that the core produces and every view renders.

Offsets are Python ``str`` indexes into ``Document.text`` (the text as analysed, after
decoding and cleaning). Nothing here knows about terminals, markup or files on disk.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

#: What must never reach a terminal or a one-line message from a name (file name, URL, page
#: metadata): C0 and C1 controls (ESC, BEL, DEL...), newlines and tabs, line and paragraph
#: separators, and the bidi controls that can reorder or hide text.
_UNSAFE_IN_NAMES = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_name(text: str) -> str:
    """``text`` as one printable line: every control character (those ``load.clean_text``
    removes, plus newlines and tabs) and bidi control is shown as ``\\x1b``-style text, so a
    file named ``a<ESC>[2Jb.txt`` reads ``a\\x1b[2Jb.txt`` and can still be found.

    The one display-safe helper for names: pane titles, reports, memos and stderr use it.
    """
    return _UNSAFE_IN_NAMES.sub(_visible, text)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into one document's text."""

    start: int
    end: int


class SegmentKind(StrEnum):
    """What a segment is, which decides whether it takes part in matching."""

    SENTENCE = "sentence"
    #: A one-line block: headline, standfirst, dateline, caption, crosshead.
    HEADLINE = "headline"
    #: Page chrome copied with the article: view counters, share bars, bylines, copyright.
    FURNITURE = "furniture"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One segment of a document; ``paragraph`` indexes ``Document.paragraphs``."""

    start: int
    end: int
    paragraph: int
    kind: SegmentKind = SegmentKind.SENTENCE

    @property
    def matchable(self) -> bool:
        """Furniture is shown but never aligned or mined for figures."""
        return self.kind is not SegmentKind.FURNITURE


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from, so that a memo can be checked later."""

    path: str
    url: str | None = None
    #: ISO 8601 time the bytes were read or fetched.
    retrieved: str | None = None
    #: SHA-256 (hex) of the bytes compared.
    sha256: str | None = None
    encoding: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    #: Where ``published`` was read: "page metadata", or "date line" (a line of the text that
    #: holds only a date, ``dates.date_line``); None when there is no date.
    published_from: str | None = None
    #: Headline given by the source itself (HTML metadata); the segmenter's guess otherwise.
    title: str | None = None


@dataclass(frozen=True)
class Document:
    """An article as analysed: cleaned text plus its paragraph and sentence offsets."""

    source: Source
    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    title: str | None = None

    @property
    def path(self) -> str:
        return self.source.path

    @cached_property
    def unmatchable(self) -> frozenset[int]:
        """Indexes of the sentences never aligned (page furniture): found once per document,
        as views rebuild their navigation after every override."""
        return frozenset(i for i, s in enumerate(self.sentences) if not s.matchable)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offset of each sentence, for bisecting an offset to its sentence."""
        return [s.start for s in self.sentences]

    @property
    def short_name(self) -> str:
        """A name that fits a pane title: the file name, or host and last path part of a URL;
        display-safe (``safe_name``)."""
        return safe_name(self._short_name())

    def _short_name(self) -> str:
        where = self.source.url or self.source.path
        if "://" in where:
            host, _, rest = where.split("://", 1)[1].partition("/")
            tail = rest.rstrip("/").rsplit("/", 1)[-1]
            return f"{host}/…/{tail}" if tail and "/" in rest.rstrip("/") else where.split("://")[1]
        return where.replace("\\", "/").rsplit("/", 1)[-1] or where

    @property
    def heading(self) -> str:
        """Name, headline, outlet and date as one display-safe line: how views title an
        article."""
        parts = [self.short_name]
        if self.title:
            parts.append(self.title)
        meta = [m for m in (self.source.outlet, (self.source.published or "")[:10]) if m]
        if meta:
            parts.append(", ".join(meta))
        return safe_name(" — ".join(parts))

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``, or None between sentences."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None


class AlignKind(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    LEFT_ONLY = "left_only"
    RIGHT_ONLY = "right_only"


@dataclass(frozen=True, slots=True)
class Alignment:
    """Sentences of the left and right documents that say the same thing.

    1:1, 1:n, n:1, or one-sided (one of ``left``/``right`` empty). ``reason`` is a short
    human explanation ("exact", "fuzzy 0.83", "split", "page furniture", "no counterpart").
    ``left_changes``/``right_changes`` are the word spans that differ, as offsets into each
    document's text.
    """

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    kind: AlignKind
    reason: str
    left_changes: tuple[Span, ...] = ()
    right_changes: tuple[Span, ...] = ()
    #: Who made it: "machine", or "reader" when a reader's override did (core/overrides).
    by: str = "machine"


class FigureKind(StrEnum):
    COUNT = "count"
    MEASURE = "measure"
    MONEY = "money"
    PERCENT = "percent"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    ORDINAL = "ordinal"
    #: A person's age in years ("Jeremy Lewis, 26", "a 17-year-old", "aged 40"): a quantity of
    #: that person, never a count or a duration.
    AGE = "age"


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity a fact-checker would check, with what it counts and who says so.

    ``low``/``high`` bound the value; an open bound is None ("at least 15" is 15..None).
    """

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    approx: bool
    kind: FigureKind
    counted: str | None
    event: str | None
    source: str | None
    sentence: int
    unit: str | None = None
    #: Whom the figure is about when it is an attribute of someone: the person an age
    #: belongs to ("Jeremy Lewis" for "Jeremy Lewis, 26").
    subject: str | None = None


class PairStatus(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class FigurePair:
    """Two figures, one per document, that count the same thing; indexes into ``figures``."""

    left: int
    right: int
    status: PairStatus
    why: str
    #: Who made it: "machine", or "reader" when a reader's override did (core/overrides).
    by: str = "machine"


@dataclass(frozen=True)
class Comparison:
    """Everything known about two documents; the one value every view renders."""

    documents: tuple[Document, Document]
    alignments: tuple[Alignment, ...]
    figures: tuple[tuple[Figure, ...], tuple[Figure, ...]]
    figure_pairs: tuple[FigurePair, ...]
    #: A caveat on the whole comparison, shown with its title ("the articles may report
    #: different events: 14 June 2025 vs 2024"); None when there is none.
    note: str | None = None
    #: Seconds spent per stage, for benchmarks and the status line.
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @cached_property
    def alignment_of(self) -> tuple[dict[int, int], dict[int, int]]:
        """Per side, sentence index -> index of the alignment that holds it."""
        left: dict[int, int] = {}
        right: dict[int, int] = {}
        for n, a in enumerate(self.alignments):
            for i in a.left:
                left[i] = n
            for j in a.right:
                right[j] = n
        return left, right

    @cached_property
    def paired_figures(self) -> tuple[dict[int, int], dict[int, int]]:
        """Per side, figure index -> index of the figure pair that holds it.

        A figure may stand in two pairs (an article gives one quantity twice, and the other
        article's figure pairs with both mentions): its conflict is the one shown, else its
        first pair."""
        left: dict[int, int] = {}
        right: dict[int, int] = {}
        for n, p in enumerate(self.figure_pairs):
            for side, index in ((left, p.left), (right, p.right)):
                held = side.get(index)
                if held is None or (
                    p.status is PairStatus.CONFLICT
                    and self.figure_pairs[held].status is not PairStatus.CONFLICT
                ):
                    side[index] = n
        return left, right

    @property
    def conflicts(self) -> tuple[FigurePair, ...]:
        return tuple(p for p in self.figure_pairs if p.status is PairStatus.CONFLICT)
