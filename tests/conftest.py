"""Shared fixtures: the seed articles and the shared benchmark material."""

from __future__ import annotations

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
