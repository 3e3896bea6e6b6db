"""Publication dates read from a date line, and the note a conflict gets when two reports were
published on different days (cases in tests/data/dates/date_lines.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compare_tui.core.compare import build_document, compare_documents
from compare_tui.core.dates import later_report, parse_published
from compare_tui.core.load import make_source
from compare_tui.core.models import PairStatus, Source

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "dates" / "date_lines.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["comment"][:40] for c in CASES])
def test_date_line(case: dict[str, Any]) -> None:
    doc = build_document(case["text"], Source(path="a.txt"))
    assert doc.source.published == case["expect"], case["comment"]
    assert doc.source.published_from == ("date line" if case["expect"] else None)


def test_page_metadata_wins_over_a_date_line() -> None:
    source = make_source(b"x", name="a.html", published="2024-07-27T09:00:00Z")
    doc = build_document("Headline\n\nJune 14, 2025\n\nText.", source)
    assert (doc.source.published, doc.source.published_from) == (
        "2024-07-27T09:00:00Z",
        "page metadata",
    )


@pytest.mark.parametrize(
    ("left", "right", "expect"),
    [
        ("2017-11-24", "2017-11-25", "the right article is 1 day later: possibly an "
         "updated figure"),
        ("2017-11-29T08:00:00+00:00", "2017-11-25", "the left article is 4 days later: "
         "possibly an updated figure"),
        ("2017-11-24T08:00:00Z", "2017-11-24T20:00:00Z", None),
        ("2017-11-24", None, None),
        ("not a date", "2017-11-24", None),
    ],
)  # fmt: skip
def test_later_report(left: str | None, right: str | None, expect: str | None) -> None:
    assert later_report(left, right) == expect


def test_parse_published_reads_metadata_forms() -> None:
    assert parse_published("2024-07-28T12:00:00Z") is not None
    assert parse_published("2024-07-28") is not None
    assert parse_published("2024-07-28 12:00:00 +0200") is not None
    assert parse_published("yesterday") is None


def test_a_conflict_between_reports_days_apart_says_which_is_later() -> None:
    left = build_document(
        "Mosque attack\n\nNovember 24, 2017\n\nMilitants attacked a mosque, killing 235 "
        "people, state media said.",
        Source(path="left.txt"),
    )
    right = build_document(
        "Toll rises\n\nNovember 25, 2017\n\nThe prosecutor raised the death toll from the "
        "mosque attack to 305 people killed.",
        Source(path="right.txt"),
    )
    comparison = compare_documents(left, right)
    (conflict,) = comparison.conflicts
    assert conflict.status is PairStatus.CONFLICT
    assert conflict.why.endswith("; the right article is 1 day later: possibly an updated figure")
    # The same reports undated: no word about time.
    undated = compare_documents(
        build_document(left.text.replace("November 24, 2017", "Friday"), Source(path="l")),
        build_document(right.text.replace("November 25, 2017", "Saturday"), Source(path="r")),
    )
    assert all("later" not in p.why for p in undated.figure_pairs)
