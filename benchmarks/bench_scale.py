#!/usr/bin/env python3
"""Whole-process cost of ``compare-tui --json --no-text FOLDER`` at several corpus sizes.

Corpora come from ``make_corpus.py`` (12 paragraphs of real coverage per article, so many
pairs share text). Each size is run ``--runs`` times as a real subprocess; the median wall
time and the largest peak resident memory of the process tree (the main process or one of
its forked workers, ``RUSAGE_CHILDREN``) are printed, with the growth against the smallest
size. ``--src`` runs another checkout's code with this venv (e.g. ``git archive main`` unpacked
somewhere) to compare before and after.

    .venv/bin/python benchmarks/bench_scale.py                       # 500 / 2,000 / 5,000
    .venv/bin/python benchmarks/bench_scale.py --sizes 500 --runs 3
    .venv/bin/python benchmarks/bench_scale.py --src /tmp/base --sizes 500 2000 --runs 1

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_corpus import write_corpus


def run_once(folder: Path, src: Path | None) -> tuple[float, float]:
    """(seconds, peak MiB) of one report run in a fresh child process."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src / "src")
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "dt = time.perf_counter() - t\n"
        "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(r.returncode, dt, kb)\n"
    )
    cmd = [sys.executable, "-c", probe, sys.executable, "-m", "compare_tui", "--json"]
    if src is None:
        cmd.append("--no-text")  # older code has no --no-text
    cmd.append(str(folder))
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout.split()
    if out[0] != "0":
        raise SystemExit(f"compare-tui failed on {folder} (status {out[0]})")
    return float(out[1]), int(out[2]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--src", type=Path, help="a checkout whose src/ to run instead")
    ap.add_argument("--keep", type=Path, help="folder for the corpora (reused when present)")
    args = ap.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    first: float | None = None
    print(f"code: {args.src or 'this checkout'}; cores: {os.cpu_count()}; runs: {args.runs}")
    for size in args.sizes:
        folder = base / f"corpus-{size}"
        if not folder.is_dir() or len(list(folder.iterdir())) != size:
            started = time.perf_counter()
            write_corpus(size, folder)
            print(f"  wrote {size} articles in {time.perf_counter() - started:.1f} s")
        results = [run_once(folder, args.src) for _ in range(args.runs)]
        median = statistics.median(t for t, _ in results)
        peak = max(m for _, m in results)
        first = first or median
        runs = ", ".join(f"{t:.1f}" for t, _ in results)
        print(
            f"{size:6d} articles: median {median:7.1f} s (runs {runs}), peak {peak:6.0f} MiB, "
            f"x{median / first:.1f} the time of {args.sizes[0]}"
        )


if __name__ == "__main__":
    main()
