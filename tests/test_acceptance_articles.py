"""Acceptance on four article pairs written for other beats than the Mali seeds.

Each pair in tests/data/articles/<topic>/ is two short original reports of one event, phrased the
way different outlets phrase it: a flood toll updated between editions, an economic plan in
"$3.5 billion" vs "3.5bn dollars", a protest where police and organisers give rival crowd sizes,
and a ferry sinking with vague quantities, ranges, fractions, dates and clock times.

The expectations were checked by eye, figure by figure. They say which figures must agree,
which must conflict, which must never pair, and the values of the figures they rest on.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from compare_tui.core.compare import compare_paths
from compare_tui.core.models import Comparison, Figure, FigureKind, FigurePair, PairStatus

from .conftest import assert_pair_shape

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
TOPICS = ("flood", "economy", "protest", "ferry")

AGREE = PairStatus.AGREE
CONFLICT = PairStatus.CONFLICT


@cache
def comparison(topic: str) -> Comparison:
    return compare_paths(ARTICLES / topic / "left.txt", ARTICLES / topic / "right.txt")


def figures(topic: str, side: int, text: str) -> list[tuple[int, Figure]]:
    return [(n, f) for n, f in enumerate(comparison(topic).figures[side]) if f.text == text]


def figure(topic: str, side: int, text: str) -> Figure:
    """The figure with exactly this text (the first one when a headline repeats it)."""
    found = figures(topic, side, text)
    assert found, [f.text for f in comparison(topic).figures[side]]
    return found[0][1]


def pairs_between(topic: str, left: str, right: str) -> list[FigurePair]:
    lefts = {n for n, _ in figures(topic, 0, left)}
    rights = {n for n, _ in figures(topic, 1, right)}
    assert lefts and rights, (left, right)
    return [p for p in comparison(topic).figure_pairs if p.left in lefts and p.right in rights]


# --- Pairs --------------------------------------------------------------------------------

PAIRED: list[tuple[str, str, str, PairStatus, str]] = [
    # A toll updated between editions: "at least 42" holds 57.
    ("flood", "At least 42", "57", AGREE, "42 or more vs 57"),
    ("flood", "More than 1,000", "Some 1,200", AGREE, "1,000 or more vs about 1,200"),
    ("flood", "hundreds", "hundreds", AGREE, "both hundreds (200 or more)"),
    ("flood", "15", "Twelve", CONFLICT, "15 vs 12 people missing"),
    ("flood", "230", "About 230", AGREE, "230 vs about 230"),
    ("flood", "Some 40 kilometres", "Around 40 km", AGREE, "both about 40 km"),
    ("flood", "3 metres", "three metres", AGREE, "both 3 metres"),
    ("flood", "less than six hours", "under six hours", AGREE, "both up to 6 hours"),
    ("flood", "$12 million", "12 million dollars", AGREE, "both $12 million"),
    ("flood", "three days", "72 hours", AGREE, "3 days vs 72 hours"),
    ("flood", "more than 300", "over 300", AGREE, "both 300 or more"),
    ("economy", "$3.5 billion", "3.5bn dollars", AGREE, "both $3.5 billion"),
    ("economy", "12%", "nearly 13%", AGREE, "12% vs 12.35-13%"),
    ("economy", "7.4 percent", "7.4%", AGREE, "both 7.4%"),
    ("economy", "about 150,000", "some 150,000", AGREE, "both about 150,000"),
    # "One in four dollars, or 25 percent of the money": both say a quarter; it takes the first.
    ("economy", "a quarter", "One in four", AGREE, "both 25%"),
    ("economy", "Half", "Around half", AGREE, "50% vs about 50%"),
    ("economy", "2,400", "2,400", AGREE, "both 2,400"),
    ("economy", "at least $5 billion", "no less than $5bn", AGREE, "both $5 billion or more"),
    ("economy", "4.1%", "4.1 percent", AGREE, "both 4.1%"),
    ("economy", "6.5 percent", "6.25%", CONFLICT, "6.5% vs 6.25%"),
    (
        "economy",
        "2 percentage point",
        "two percentage points",
        AGREE,
        "both 2 percentage points",
    ),
    ("economy", "4%", "about 4%", AGREE, "4% vs about 4%"),
    # Both outlets quote the police, with different crowd sizes: a conflict.
    ("protest", "About 20,000", "25,000", CONFLICT, "about 20,000 vs 25,000 people"),
    # Both quote the organisers.
    ("protest", "100,000", "about 100,000", AGREE, "100,000 vs about 100,000"),
    ("protest", "35", "35", AGREE, "both 35"),
    ("protest", "Twelve", "14", CONFLICT, "12 vs 14 police officers injured"),
    ("protest", "11 a.m.", "11am", AGREE, "11 a.m. = 11am"),
    ("protest", "March 14", "14 March", AGREE, "March 14 = 14 March"),
    ("protest", "€13 billion", "13 billion euros", AGREE, "both €13 billion"),
    ("ferry", "more than 200", "about 210", AGREE, "200 or more vs about 210"),
    ("ferry", "3 p.m.", "around 3pm", AGREE, "3 p.m. = around 3pm"),
    ("ferry", "between 30 and 40", "30 to 40", AGREE, "both 30-40"),
    ("ferry", "A dozen", "Twelve", AGREE, "about 12 vs 12"),
    ("ferry", "Scores", "Hundreds", AGREE, "scores (40 or more) vs hundreds (200 or more)"),
    ("ferry", "Two-thirds", "About 70%", AGREE, "66.67% vs about 70%"),
    ("ferry", "A handful of", "a few", AGREE, "a handful of (2-6) vs a few (2-5)"),
    ("ferry", "9:30 a.m.", "9.30am", AGREE, "9:30 a.m. = 9.30am"),
    ("ferry", "March 3, 2024", "3 March 2024", AGREE, "March 3, 2024 = 3 March 2024"),
    ("ferry", "85", "58", CONFLICT, "85 vs 58 people killed"),
    ("ferry", "three days", "three-day", AGREE, "both 3 days"),
]


@pytest.mark.parametrize(("topic", "left", "right", "status", "why"), PAIRED)
def test_expected_pairs(topic: str, left: str, right: str, status: PairStatus, why: str) -> None:
    pairs = pairs_between(topic, left, right)
    # A figure written twice on each side (headline and body) pairs once per occurrence.
    assert pairs and {(p.status, p.why) for p in pairs} == {(status, why)}


NOT_PAIRED: list[tuple[str, str, str]] = [
    # Police and organisers are rival sources: their figures differ by design.
    ("protest", "About 20,000", "about 100,000"),
    ("protest", "100,000", "25,000"),
    # Survivors are not people killed or missing, whatever the number.
    ("ferry", "146", "30 to 40"),
    ("ferry", "between 30 and 40", "146"),
    # "Dozens feared dead" and "dozens missing" are different tolls.
    ("ferry", "dozens", "Dozens"),
    # Rainfall is not a duration, percentage points are not percent.
    ("flood", "250 mm", "two days"),
    ("economy", "2 percentage point", "25 percent"),
    # Inflation in March is not inflation in February.
    ("economy", "4.1%", "5.3 percent"),
    # The retirement age is not a crowd.
    ("protest", "67", "25,000"),
]


@pytest.mark.parametrize(("topic", "left", "right"), NOT_PAIRED)
def test_figures_that_must_not_pair(topic: str, left: str, right: str) -> None:
    assert pairs_between(topic, left, right) == []


@pytest.mark.parametrize("topic", TOPICS)
def test_conflicts_are_only_the_expected_ones(topic: str) -> None:
    c = comparison(topic)
    lf, rf = c.figures
    found = {(lf[p.left].text, rf[p.right].text) for p in c.conflicts}
    expected = {(a, b) for t, a, b, s, _ in PAIRED if t == topic and s is CONFLICT}
    assert found == expected


@pytest.mark.parametrize("topic", TOPICS)
def test_pairs_keep_their_shape_and_kind(topic: str) -> None:
    c = comparison(topic)
    assert_pair_shape([(p.left, p.right, str(p.status)) for p in c.figure_pairs])
    for p in c.figure_pairs:
        assert c.figures[0][p.left].kind is c.figures[1][p.right].kind


# --- Figures ------------------------------------------------------------------------------

NA = None  # an open bound, or no unit
C, M, P = FigureKind.COUNT, FigureKind.MONEY, FigureKind.PERCENT
FIGURES: list[tuple[str, int, str, float | None, float | None, bool, FigureKind, str | None]] = [
    # topic, side, text, low, high, approx, kind, unit
    ("flood", 0, "At least 42", 42, NA, False, C, NA),
    ("flood", 0, "More than 1,000", 1000, NA, False, C, NA),
    ("flood", 1, "Some 1,200", 1200, 1200, True, C, NA),
    ("flood", 0, "hundreds", 200, NA, True, C, NA),
    ("flood", 0, "250 mm", 250, 250, False, FigureKind.MEASURE, "mm"),
    ("flood", 1, "Nearly 250 millimetres", 237.5, 250, True, FigureKind.MEASURE, "mm"),
    ("flood", 1, "under six hours", NA, 6, False, FigureKind.DURATION, "hour"),
    ("flood", 0, "about half", 50, 50, True, P, "%"),
    ("economy", 0, "$3.5 billion", 3.5e9, 3.5e9, False, M, "USD"),
    ("economy", 1, "3.5bn dollars", 3.5e9, 3.5e9, False, M, "USD"),
    ("economy", 1, "no less than $5bn", 5e9, NA, False, M, "USD"),
    ("economy", 1, "nearly 13%", 12.35, 13, True, P, "%"),
    ("economy", 0, "a quarter", 25, 25, False, P, "%"),
    ("economy", 1, "One in four", 25, 25, False, P, "%"),
    ("economy", 0, "Half", 50, 50, False, P, "%"),
    # "paid €20 to 40% of the staff": €20, then 40%, never a money range €20-40.
    ("economy", 0, "€20", 20, 20, False, M, "EUR"),
    ("economy", 0, "40%", 40, 40, False, P, "%"),
    ("economy", 0, "2 percentage point", 2, 2, False, P, "pp"),
    ("protest", 0, "Tens of thousands", 20_000, NA, True, C, NA),
    ("protest", 0, "About 20,000", 20_000, 20_000, True, C, NA),
    ("protest", 0, "€13 billion", 13e9, 13e9, False, M, "EUR"),
    ("protest", 1, "13 billion euros", 13e9, 13e9, False, M, "EUR"),
    ("protest", 0, "11 a.m.", 11, 11, False, FigureKind.TIME, NA),
    ("protest", 1, "14 March", 314, 314, False, FigureKind.DATE, "day-of-year"),
    ("ferry", 0, "A dozen", 12, 12, True, C, NA),
    ("ferry", 0, "Scores", 40, NA, True, C, NA),
    ("ferry", 0, "A handful of", 2, 6, True, C, NA),
    ("ferry", 0, "between 30 and 40", 30, 40, False, C, NA),
    ("ferry", 1, "30 to 40", 30, 40, False, C, NA),
    ("ferry", 0, "Two-thirds", 200 / 3, 200 / 3, False, P, "%"),
    ("ferry", 0, "3 p.m.", 15, 15, False, FigureKind.TIME, NA),
    ("ferry", 1, "around 3pm", 15, 15, True, FigureKind.TIME, NA),
    ("ferry", 1, "9.30am", 9.5, 9.5, False, FigureKind.TIME, NA),
    ("ferry", 0, "March 3, 2024", 20240303, 20240303, False, FigureKind.DATE, "date"),
    ("ferry", 1, "3 March 2024", 20240303, 20240303, False, FigureKind.DATE, "date"),
    ("ferry", 1, "April 2023", 20230400, 20230400, False, FigureKind.DATE, "month"),
]


@pytest.mark.parametrize(
    ("topic", "side", "text", "low", "high", "approx", "kind", "unit"), FIGURES
)
def test_figure_values(
    topic: str,
    side: int,
    text: str,
    low: float | None,
    high: float | None,
    approx: bool,
    kind: FigureKind,
    unit: str | None,
) -> None:
    f = figure(topic, side, text)
    assert (f.low, f.high, f.approx, f.kind, f.unit) == (
        pytest.approx(low) if low is not None else None,
        pytest.approx(high) if high is not None else None,
        approx,
        kind,
        unit,
    )


MEANING: list[tuple[str, int, str, str | None, str | None, str | None]] = [
    # topic, side, text, counted, event, source
    ("flood", 0, "At least 42", "people", "killed", "the national disaster agency"),
    ("flood", 1, "57", None, "killed", None),  # the headline: "Death toll ... rises to 57"
    ("flood", 0, "hundreds", "people", "injured", "the agency"),
    ("flood", 1, "hundreds", "people", "injured", "the agency"),  # "hundreds more were injured"
    ("flood", 0, "15", "people", "missing", "the agency"),  # "reported missing" says nothing
    ("flood", 1, "Twelve", "people", "missing", "local officials"),
    ("flood", 0, "600", "homes", "damaged", "The agency"),
    ("economy", 0, "about 150,000", "jobs", None, "Finance Minister Clara Osei"),
    ("protest", 0, "About 20,000", "people", None, "police"),
    ("protest", 0, "100,000", "people", None, "organisers"),
    ("protest", 1, "25,000", "people", None, "Police"),
    ("protest", 1, "about 100,000", "people", None, "the unions"),
    ("protest", 1, "14", "police officers", "injured", "The interior ministry"),
    ("ferry", 0, "dozens", None, "killed", None),  # "dozens feared dead"
    ("ferry", 0, "between 30 and 40", "people", "missing", "a coast guard spokesman"),
    ("ferry", 1, "30 to 40", "people", "missing", "a coast guard spokesman"),
    ("ferry", 1, "146", "people", "rescued", "a coast guard spokesman"),
    ("ferry", 0, "85", "people", "killed", None),
]


@pytest.mark.parametrize(("topic", "side", "text", "counted", "event", "source"), MEANING)
def test_figure_meaning(
    topic: str,
    side: int,
    text: str,
    counted: str | None,
    event: str | None,
    source: str | None,
) -> None:
    f = figure(topic, side, text)
    assert (f.counted, f.event, f.source) == (counted, event, source)


def test_the_toll_in_the_body_pairs_not_only_the_headline() -> None:
    """Both "57"s are people killed, one toll given twice: both answer "at least 42"."""
    tolls = figures("flood", 1, "57")
    assert len(tolls) == 2
    assert all(f.event == "killed" for _, f in tolls)
    pairs = pairs_between("flood", "At least 42", "57")
    assert len(pairs) == 2 and all(p.status is PairStatus.AGREE for p in pairs)
