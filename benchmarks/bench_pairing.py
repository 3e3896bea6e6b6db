#!/usr/bin/env python3
"""Speed of figure pairing as the number of figures grows, and the CLI on two seeds.

Builds two long synthetic articles from real-looking news sentences (each with one to three
figures: counts of people, money, percentages, years, durations), N figures a side, and times
``pair_figures`` at N = 1,250, 2,500, 5,000 and 10,000. Growth per doubling near 2 is
n log n; 4 would be quadratic. Then times ``compare-tui --json`` on seeds 000/004 (whole
process, medians of 5).

    .venv/bin/python benchmarks/bench_pairing.py

Figures are printed, never asserted: timings belong in reports, not in tests.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

from compare_tui.core.compare import build_document
from compare_tui.core.figures import extract_figures
from compare_tui.core.figures.pairing import pair_figures
from compare_tui.core.models import Document, Source

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = [
    "{a} people were killed in {place} on {day}, {src} said.",
    "Officials in {place} said {a} residents had been evacuated and {b} homes destroyed.",
    "The {place} council approved a ${a} million budget for {year}.",
    "Unemployment in {place} rose to {p} percent in {year}, the statistics office said.",
    "Rescue teams searched for {a} missing villagers near {place} for {b} days.",
    "At least {a} protesters were arrested in {place}, police said.",
]
PLACES = [f"{w}{n}" for w in ("Kidal", "Gao", "Mopti", "Timbuktu", "Sikasso") for n in "abcdefgh"]
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
SOURCES = ("police", "the army", "the ministry", "witnesses", "the mayor")


def article(figures: int, seed: int) -> Document:
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    while count < figures:
        template = rng.choice(TEMPLATES)
        parts.append(
            template.format(
                a=rng.randint(2, 900), b=rng.randint(2, 90), p=round(rng.uniform(1, 20), 1),
                year=rng.randint(1990, 2024), place=rng.choice(PLACES), day=rng.choice(DAYS),
                src=rng.choice(SOURCES),
            )
        )  # fmt: skip
        count += template.count("{a}") + template.count("{b}") + template.count("{p}")
        count += template.count("{year}") + template.count("{day}") * 0
    text = "\n\n".join(" ".join(parts[i : i + 4]) for i in range(0, len(parts), 4))
    return build_document(text, Source(path=f"synthetic-{seed}.txt"))


def median_time(run: object, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    print("| figures a side | pairs | median pairing time | growth per doubling |")
    print("|---|---|---|---|")
    previous = None
    for n in (1_250, 2_500, 5_000, 10_000):
        left, right = article(n, 1), article(n, 2)
        figs = extract_figures(left), extract_figures(right)
        pairs = pair_figures(left, right, figs, ())
        runs = 3 if n < 10_000 else 1
        seconds = median_time(partial(pair_figures, left, right, figs, ()), runs)
        growth = f"x{seconds / previous:.2f}" if previous else "-"
        sides = f"{len(figs[0]):,} / {len(figs[1]):,}"
        print(f"| {sides} | {len(pairs):,} | {seconds:.2f} s | {growth} |")
        previous = seconds
    seeds = sorted((ROOT / "seeds").glob("00[04]_*.txt"))
    cli = [sys.executable, "-m", "compare_tui", "--json", *map(str, seeds)]
    seconds = median_time(lambda: subprocess.run(cli, capture_output=True, check=True), 5)
    print(f"\ncompare-tui --json seeds 000/004, whole process: median {seconds:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
