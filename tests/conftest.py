"""Shared fixtures: the seed articles and the shared benchmark material."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_BENCH = ROOT.parent / "shared" / "bench"


def seed(prefix: str) -> Path:
    """The seed article whose name starts with ``prefix`` ("000", "004", ...)."""
    (match,) = SEEDS.glob(f"{prefix}_*.txt")
    return match


@pytest.fixture
def seeds() -> dict[str, Path]:
    return {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}


def assert_pair_shape(pairs: list[tuple[int, int, str]]) -> None:
    """The shape every pairing keeps, as (left, right, status) triples.

    One-to-one, except that a figure may also pair with a second mention of its quantity in
    the other article ("rises to 57" in the headline, "rose to 57" in the body): then each
    mention pairs only with that figure (no chains), and at most one of its pairs conflicts.
    """
    assert len(set(pairs)) == len(pairs), "a pair listed twice"
    lefts = Counter(left for left, _, _ in pairs)
    rights = Counter(right for _, right, _ in pairs)
    for left, right, _ in pairs:
        assert lefts[left] == 1 or rights[right] == 1, f"a chain through ({left}, {right})"
    for side, counts in ((0, lefts), (1, rights)):
        for index, n in counts.items():
            if n > 1:
                statuses = [p[2] for p in pairs if p[side] == index]
                assert statuses.count("conflict") <= 1, statuses
