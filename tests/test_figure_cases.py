"""Extraction cases kept as data (tests/data/figures/extraction.json), in the style of ftfy's
test cases: each sentence lists the figures it must yield, as written, with value, kind and
unit. A case with "xfail" is a known gap, marked strict so that fixing it is noticed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compare_tui.core.compare import build_document
from compare_tui.core.figures import extract_figures
from compare_tui.core.models import Source

CASES_PATH = Path(__file__).resolve().parent / "data" / "figures" / "extraction.json"
CASES: list[dict[str, Any]] = json.loads(CASES_PATH.read_text(encoding="utf-8"))


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=case["text"][:50], marks=marks)


def test_cases_are_well_formed() -> None:
    keys = {"text", "expect", "comment", "xfail"}
    for case in CASES:
        assert set(case) <= keys and {"text", "expect", "comment"} <= set(case), case
        for exp in case["expect"]:
            assert set(exp) == {"text", "low", "high", "kind", "unit"}, exp
            assert exp["text"] in case["text"], exp


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_extraction_case(case: dict[str, Any]) -> None:
    figures = extract_figures(build_document(case["text"], Source(path="case.txt")))
    got = [(f.text, f.low, f.high, str(f.kind), f.unit) for f in figures]
    if not case["expect"]:
        assert got == [], case["comment"]
        return
    for exp in case["expect"]:
        want = (exp["text"], exp["low"], exp["high"], exp["kind"], exp["unit"])
        same_text = [g for g in got if g[0] == exp["text"]]
        assert same_text, f"{case['comment']}: {exp['text']!r} not in {got}"
        text, low, high, kind, unit = same_text[0]
        assert (text, kind, unit) == (want[0], want[3], want[4]), case["comment"]
        assert low == pytest.approx(want[1]) if want[1] is not None else low is None
        assert high == pytest.approx(want[2]) if want[2] is not None else high is None


MEANING_PATH = Path(__file__).resolve().parent / "data" / "figures" / "meaning.json"
MEANING: list[dict[str, Any]] = json.loads(MEANING_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", MEANING, ids=[c["text"][:50] for c in MEANING])
def test_meaning_case(case: dict[str, Any]) -> None:
    """What a figure counts and the event, read from the words around it (meaning.json)."""
    figures = extract_figures(build_document(case["text"], Source(path="case.txt")))
    if case["figure"] is None:
        assert figures == (), case["comment"]
        return
    found = [f for f in figures if f.text == case["figure"]]
    assert found, f"{case['comment']}: {case['figure']!r} not in {[f.text for f in figures]}"
    f = found[0]
    assert (str(f.kind), f.counted, f.event) == (
        case["kind"],
        case["counted"],
        case["event"],
    ), case["comment"]
