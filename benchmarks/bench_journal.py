#!/usr/bin/env python3
"""How long journalling one note takes (issue 10: under 5 ms a note), median of runs.

    .venv/bin/python benchmarks/bench_journal.py

Figures are printed, never asserted: timings belong in reports, not in tests.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from compare_tui.core.compare import compare_paths
from compare_tui.notes.journal import Journal
from compare_tui.notes.model import Note, alignment_target

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    seeds = sorted((ROOT / "seeds").glob("00[04]_*.txt"))
    comparison = compare_paths(seeds[0], seeds[1])
    per_note = []
    for run in range(7):
        with tempfile.TemporaryDirectory() as tmp:
            journal = Journal(Path(tmp) / "notes.md")
            notes = [
                Note(alignment_target(comparison, n % len(comparison.alignments)), f"note {n}")
                for n in range(200)
            ]
            start = time.perf_counter()
            for note in notes:
                journal.record("set", note)
            per_note.append((time.perf_counter() - start) / len(notes))
        print(f"run {run + 1}: {per_note[-1] * 1000:.3f} ms a note", file=sys.stderr)
    print(f"journal a note: median {statistics.median(per_note) * 1000:.3f} ms (limit 5 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
