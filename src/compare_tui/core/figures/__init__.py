"""Document -> Figures: every quantity a fact-checker would check, with what it counts.

The grammar is rule-based and readable on purpose, so a surprising figure can be explained:

1. One scanner regex finds the *core* of each figure in a sentence, trying in order: dates,
   clock times, decades, ordinals, then quantities. A quantity is an optional qualifier
   ("at least", "an estimated", numbers.QUALIFIERS) followed by a range ("between 30 and 40",
   "30-40", "two or three"), a currency amount ("$3.5 million"), an abbreviated amount ("3.5bn"),
   a fraction ("two-thirds of", "a quarter of a million") or ratio ("one in four"), a vague
   quantity ("dozens", numbers.VAGUE) or a number in digits or words ("2,000", "twenty-five").
   A range never joins a number that carries another unit ("€20 to 40%" is €20, then 40%), and a
   multiplier written once belongs to both ends ("€20 to €40 million").
2. A suffix window right after the core decides the kind: percent, currency word, duration
   unit ("two days", "two-day"), unit of measure ("48,000 feet"); otherwise a count, or a year
   for a bare 1500-2099 that is not followed by a plural noun ("1500 protesters" counts; "in
   2015", "since 2012", "the 2015 peace deal", "the 2019 elections" are years).
3. Small windows then attach meaning: ``counted`` is the noun phrase after the figure
   ("dozens of Malian soldiers" -> "Malian soldiers"); ``event`` is an event word right before
   ("the deaths of 10") or after it ("seven gunmen were killed"); ``source`` is the attribution of
   the figure's clause ("police said X, while organisers said Y"), else of its sentence
   (`Sources`), carried from the previous sentence of the paragraph when missing.

Choices worth knowing: "over"/"more than" n is stored as low = n (the exclusive bound is not
representable and does not matter at news precision); "over two days" is a duration of two days
unless written "for over two days"; "one" counts only when it introduces a noun phrase ("one
military pickup", not "at one point"); "first" is skipped in "at first", "first of all" and
"First, ..." (an adverb, not a rank); weekdays and month names alone are not figures.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from compare_tui.core.figure_table import unit_plural
from compare_tui.core.figures.attribution import Sources
from compare_tui.core.figures.meaning import (
    ELLIPSIS_GAP,
    LIST_BLOCK,
    LIST_GAP,
    age_of,
    counted_phrase,
    event_of,
    keep,
    looks_like_year,
    owner_is_source,
)
from compare_tui.core.figures.phrases import (
    compound_noun,
    gives_population,
    measured_phrase,
    partitives,
    share_of,
    subject_of_change,
)
from compare_tui.core.figures.scan import core_of, scan, triggered_sentences
from compare_tui.core.figures.units import currency_unit
from compare_tui.core.lexicon import EVENTS
from compare_tui.core.models import Document, Figure, FigureKind, SegmentKind

__all__ = ["EVENTS", "currency_unit", "extract_figures", "owner_is_source"]


def extract_figures(document: Document) -> tuple[Figure, ...]:
    """Every figure in the non-furniture sentences of ``document``, ordered by start."""
    text = document.text
    sources = Sources(document)
    out: list[Figure] = []
    for index, triggers in triggered_sentences(document).items():
        sentence = document.sentences[index]
        if sentence.kind is SegmentKind.FURNITURE:
            continue
        matches = scan(text, sentence.start, sentence.end, triggers)
        out.extend(
            _sentence_figures(text, index, sentence.start, sentence.end, matches, sources.at)
        )
    out.sort(key=lambda f: (f.start, f.end))
    return tuple(out)


def _sentence_figures(
    text: str,
    index: int,
    start: int,
    end: int,
    matches: list[re.Match[str]],
    source_of: Callable[[int, int], str | None],
) -> list[Figure]:
    figures: list[Figure] = []
    # (figure, counted-phrase end) of the previous count in this sentence, for lists/ellipsis.
    prev: tuple[Figure, int] | None = None
    for m in matches:
        try:
            core = core_of(text, m, end)
        except (ValueError, OverflowError, ZeroDivisionError):
            core = None
        if core is None:
            continue
        counted, np_end = (None, core.end)
        compound = compound_noun(text, m, core, end)
        if compound is not None:
            counted, np_end = compound  # "the eight-story building": eight stories
        elif core.end < end and (text[core.end].isalnum() or text[core.end] == "-"):
            continue  # "3G", "F-16s", "one-sided": glued to a word, not a figure
        elif core.wants_noun:
            counted, np_end = counted_phrase(text, core.end, end)
        if not keep(text, m, core, counted, start):
            continue
        kind = core.kind
        if kind is FigureKind.COUNT and looks_like_year(text, m, counted):
            kind = FigureKind.YEAR
            counted, np_end = None, core.end
        is_age, subject = age_of(text, kind, m.start(), core.end, (start, end))
        if is_age:
            kind, counted, np_end = FigureKind.AGE, "age", core.end
        elif kind in (FigureKind.MEASURE, FigureKind.DURATION):
            # "a 16-inch stray piece of metal" measures the metal; "48,000 feet" only feet.
            counted, np_end = measured_phrase(text, m.start(), core.end, end, sent_start=start)
            counted = counted or _unit_words(kind, text[m.start() : core.end], core.unit)
        elif kind is FigureKind.PERCENT:
            counted = share_of(text, start, m.start(), core.end, end)
        event = None
        if kind in (FigureKind.COUNT, FigureKind.MONEY, FigureKind.MEASURE):
            event = event_of(text, start, m.start(), np_end, end)
        if kind is FigureKind.COUNT and event is None and gives_population(text, start, m.start()):
            event = "population"  # "a community of 22,500", "home to about 24,000 people"
        if kind is FigureKind.COUNT and counted is None:
            counted = subject_of_change(text, start, m.start())  # "payrolls rising 164,000"
        if kind is FigureKind.COUNT and prev is not None and (event is None or counted is None):
            before, prev_np_end = prev
            gap = text[prev_np_end : m.start()]
            if counted is None and event is not None and len(gap) < ELLIPSIS_GAP:
                counted = before.counted  # "seven gunmen were killed and 12 were wounded"
            elif event is None and LIST_GAP.fullmatch(gap) and not LIST_BLOCK.search(gap):
                event = before.event  # "seized 12 trucks, several tankers and ..."
        fig = Figure(
            start=m.start(),
            end=core.end,
            text=text[m.start() : core.end],
            low=core.low,
            high=core.high,
            approx=core.approx,
            kind=kind,
            counted=counted,
            event=event,
            source=source_of(index, m.start()),
            sentence=index,
            unit=(core.unit or "year") if kind is FigureKind.AGE else core.unit,
            subject=subject,
        )
        figures.append(fig)
        if kind is FigureKind.COUNT:
            prev = (fig, np_end)
    return partitives(text, spoken_amounts(text, figures))


#: A currency and the subunit written after it in one spoken amount.
_SUBUNITS = {"USD": "cent", "EUR": "cent", "CAD": "cent", "AUD": "cent", "GBP": "pence"}
_AMOUNT_GAP = re.compile(r"\s+(?:and\s+)?")


def spoken_amounts(text: str, figures: list[Figure]) -> list[Figure]:
    """ "thirteen dollars and forty-five cents", "3 dollars 50 cents": one amount, 13.45."""
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind is FigureKind.MONEY
            and f.kind is FigureKind.MONEY
            and _SUBUNITS.get(prev.unit or "") == f.unit
            and prev.low is not None
            and prev.low == prev.high
            and f.low is not None
            and f.low == f.high
            and f.low == int(f.low)
            and 0 < f.low < 100
            and _AMOUNT_GAP.fullmatch(text, prev.end, f.start) is not None
        ):
            value = prev.low + f.low / 100
            out[-1] = dataclasses.replace(
                prev, end=f.end, text=text[prev.start : f.end], low=value, high=value
            )
            continue
        out.append(f)
    return out


_UNIT_WORD = re.compile(r"[A-Za-z][A-Za-z/²³]*$")


def _unit_words(kind: FigureKind, written: str, unit: str | None) -> str | None:
    """What a measure or a duration counts, as a reader says it: "feet" for "48,000 feet",
    "years" for "an eight-year" (a duration's unit in the plural), "km" for "4km"."""
    if unit is None:
        return None
    if kind is FigureKind.DURATION:
        return unit_plural(unit)
    word = _UNIT_WORD.search(written)
    return word.group().lower() if word else unit
