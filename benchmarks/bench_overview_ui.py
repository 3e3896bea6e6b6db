#!/usr/bin/env python3
"""The overview app on a large folder: time to the first screen, and the longest freeze.

From the start of loading (as the command does: read the folder, segment, screen) to the
events table on screen (the first level, target <= 3 s for 1,000 articles) and to the whole
overview; meanwhile a 50 ms timer in the app records when the event loop ran, and the longest
gap between two ticks is the longest the app stood frozen (target <= 1 s).

    .venv/bin/python benchmarks/bench_overview_ui.py --articles 1000

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from make_corpus import write_corpus

from compare_tui.core.corpus import Corpus, load_corpus
from compare_tui.ui.screens.overview import OverviewApp

SIZE = (160, 45)


async def measure(folder: Path, notes: Path) -> dict[str, float]:
    start = time.perf_counter()
    corpus = Corpus.from_texts(load_corpus([str(folder)]).texts)
    loaded = time.perf_counter() - start
    app = OverviewApp(corpus, notes_path=notes, title=str(folder))
    ticks: list[float] = []
    out = {"loaded": loaded}
    async with app.run_test(size=SIZE) as pilot:
        app.set_interval(0.05, lambda: ticks.append(time.perf_counter()))
        screen = app.overview_screen
        events = screen.query_one("#overview-events")
        while not events.display:
            await pilot.pause(0.02)
        out["events on screen"] = time.perf_counter() - start
        while not screen.shown:
            await pilot.pause(0.05)
        out["overview on screen"] = time.perf_counter() - start
    gaps = [b - a for a, b in pairwise(ticks)]
    out["longest freeze"] = max(gaps, default=0.0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(args.articles, folder)
        found = asyncio.run(measure(folder, Path(tmp) / "notes.md"))
    for name, seconds in found.items():
        print(f"{name:>20}: {seconds:6.2f} s")


if __name__ == "__main__":
    main()
