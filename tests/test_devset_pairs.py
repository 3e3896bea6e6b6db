"""Acceptance on real coverage written independently by each outlet (../shared/dev-set).

Each case of ``data/figures/devset_verdicts.json`` names two figures of one keyed article pair
(a context that occurs once in the text, and the figure inside it) and the verdict the hand
key gives them: the pair must be found with that verdict. Every look-alike trap of the keys
must never be called a conflict, except the one listed as a known failure. The articles are
copyrighted news kept beside the repository for evaluation, so these tests need ../shared.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from compare_tui.core.compare import compare_paths
from compare_tui.core.models import Comparison

DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "dev-set"
# The key reader the development scripts use: one way to find a keyed figure in a text.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from figure_keys import figure_at as figure_in  # noqa: E402
from figure_keys import locate  # noqa: E402

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "figures" / "devset_verdicts.json").read_text("utf-8")
)
#: Traps the pairing still calls a conflict, with the reason (strict xfail: fixing one fails).
KNOWN_TRAPS = {
    ("014", "three", "four"): "'four dead' counts the gunman, 'three people' his victims: "
    "telling them apart needs to read 'including the gunman'",
}

needs_dev_set = pytest.mark.skipif(not DEV_SET.is_dir(), reason="../shared/dev-set not present")


def key(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEV_SET / name / "figures.json").read_text("utf-8"))
    return data


@cache
def comparison(name: str) -> Comparison:
    k = key(name)
    return compare_paths(DEV_SET / name / k["left"], DEV_SET / name / k["right"])


def figure_index(comp: Comparison, side: int, context: str, written: str) -> int:
    found = figure_at(comp, side, context, written)
    assert found is not None, f"no figure at {written!r} in {context!r}"
    return found


def figure_at(comp: Comparison, side: int, context: str, written: str) -> int | None:
    span = locate(comp.documents[side], context, written)
    assert span is not None, context
    return figure_in(comp.figures[side], span)


@needs_dev_set
@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['key']}-{c['left'][1]}-{c['right'][1]}" for c in CASES]
)
def test_keyed_verdict(case: dict[str, Any]) -> None:
    comp = comparison(case["key"])
    # A key lists every mention of one quantity in an article ("Krol, 40" and "just turned 40"):
    # a pair of any two of them is the pair, as the dev set's scorer counts it.
    gold = next(
        g
        for g in key(case["key"])["gold"]
        if case["left"] in g["left"] and case["right"] in g["right"]
    )
    lefts = {figure_index(comp, 0, *m) for m in gold["left"]}
    rights = {figure_index(comp, 1, *m) for m in gold["right"]}
    found = [p for p in comp.figure_pairs if p.left in lefts and p.right in rights]
    assert found, f"{case['left'][1]} and {case['right'][1]} are not paired"
    assert case["status"] in {str(p.status) for p in found}, [p.why for p in found]


TRAPS = [
    (name, n)
    for name in sorted(p.parent.name for p in DEV_SET.glob("*/figures.json"))
    for n in range(len(key(name).get("not_conflict", [])))
]


@needs_dev_set
@pytest.mark.parametrize(("name", "n"), TRAPS)
def test_look_alike_is_never_a_conflict(name: str, n: int) -> None:
    trap = key(name)["not_conflict"][n]
    comp = comparison(name)
    # A look-alike that is not read as a figure at all cannot be called a conflict.
    lefts = {figure_at(comp, 0, c, f) for c, f in trap["left"]}
    rights = {figure_at(comp, 1, c, f) for c, f in trap["right"]}
    conflicts = [
        (comp.figures[0][p.left].text, comp.figures[1][p.right].text)
        for p in comp.conflicts
        if p.left in lefts and p.right in rights
    ]
    for left, right in conflicts:
        reason = KNOWN_TRAPS.get((name, left.lower(), right.lower()))
        if reason is not None:
            pytest.xfail(reason)
    assert conflicts == []
