#!/usr/bin/env python3
"""Speed, memory and accuracy of sentence alignment on long machine-edited pairs.

Generates pairs with ../shared/bench/make_long_pair.py (known links, dropped and inserted
sentences), times ``align_sentences`` against an all-pairs ``rapidfuzz.process.cdist`` over the
same sentences, scores recall of the known links, and times the CLI on two seed articles.

    .venv/bin/python benchmarks/bench_align.py            # 16,000 sentences
    .venv/bin/python benchmarks/bench_align.py --quick    # 4,000 sentences, fewer runs

Figures are printed, never asserted: timings belong in reports, not in tests.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from compare_tui.core.align import align_sentences
from compare_tui.core.compare import build_document, compare_texts
from compare_tui.core.load import load_bytes
from compare_tui.core.models import AlignKind, Alignment, Document, Source

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SEEDS = ("seeds/000_633a6f03b1d6c80d.txt", "seeds/004_967b0b30f98c59d7.txt")


def make_pair(sentences: int, out: Path) -> tuple[Document, Document, dict[str, list[object]]]:
    """Generate (once per size) and segment a long pair with its truth file."""
    out.mkdir(parents=True, exist_ok=True)
    if not (out / "truth.json").exists():
        subprocess.run(
            [
                sys.executable,
                str(BENCH / "make_long_pair.py"),
                str(BENCH / "war-and-peace.txt"),
                "--sentences",
                str(sentences),
                "--out",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
    docs = tuple(
        build_document((out / name).read_text(encoding="utf-8"), Source(path=str(out / name)))
        for name in ("left.txt", "right.txt")
    )
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    return docs[0], docs[1], truth


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def accuracy(
    left: Document,
    right: Document,
    truth: dict[str, list[object]],
    alignments: tuple[Alignment, ...],
) -> tuple[float, float, int, int]:
    """(recall of known links, share of dropped+inserted left unmatched, links, extras)."""
    held_l: dict[int, Alignment] = {}
    held_r: dict[int, Alignment] = {}
    for a in alignments:
        for i in a.left:
            held_l[i] = a
        for j in a.right:
            held_r[j] = a

    def index(doc: Document, snippet: object) -> int | None:
        pos = doc.text.find(str(snippet))
        return None if pos < 0 else doc.sentence_at(pos)

    found = total = 0
    for link in truth["links"]:
        assert isinstance(link, dict)
        i, j = index(left, link["left"]), index(right, link["right"])
        if i is None or j is None:
            continue
        total += 1
        found += j in held_l[i].right
    alone = extras = 0
    for snippet in truth["dropped"]:
        i = index(left, snippet)
        if i is not None:
            extras += 1
            alone += held_l[i].kind is AlignKind.LEFT_ONLY
    for snippet in truth["inserted"]:
        j = index(right, snippet)
        if j is not None:
            extras += 1
            alone += held_r[j].kind is AlignKind.RIGHT_ONLY
    return found / max(1, total), alone / max(1, extras), total, extras


def cdist_time(left: Document, right: Document, runs: int) -> float:
    """All-pairs fuzz.ratio over the same sentences (uint8 output keeps it at 256 MB)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    ls = [left.sentence_text(i).lower() for i in range(len(left.sentences))]
    rs = [right.sentence_text(j).lower() for j in range(len(right.sentences))]

    def run() -> None:
        process.cdist(ls, rs, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)

    return median_time(run, runs)


def cli_time(runs: int) -> float | None:
    exe = Path(sys.executable).with_name("compare-tui")
    if shutil.which(str(exe)) is None:
        return None
    args = [str(exe), "--json", *(str(ROOT / s) for s in SEEDS)]
    if subprocess.run(args, capture_output=True).returncode != 0:
        return None
    return median_time(lambda: subprocess.run(args, capture_output=True, check=True), runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="4,000 sentences and fewer runs")
    ap.add_argument("--runs", type=int, default=None, help="timed runs per measurement")
    ap.add_argument("--keep", type=Path, default=None, help="reuse generated pairs from here")
    args = ap.parse_args()
    big = 4000 if args.quick else 16000
    runs = args.runs or (3 if args.quick else 5)
    sizes = (big // 4, big // 2, big)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_align_"))

    print(f"sizes {sizes}, {runs} runs each, pairs in {work}")
    per_size: dict[int, float] = {}
    for n in sizes:
        left, right, truth = make_pair(n, work / str(n))
        per_size[n] = median_time(lambda a=left, b=right: align_sentences(a, b), runs)
        print(
            f"  {n:>6} sentences ({len(left.sentences)}/{len(right.sentences)}):"
            f" align {per_size[n]:.3f} s median"
        )
    small = sizes[0]
    for n in sizes[1:]:
        growth = per_size[n] / per_size[small]
        print(f"  time x{growth:.2f} for sentences x{n / small:.0f}")

    # The whole engine from raw text: segmenting, aligning, word diffs, figures, pairing.
    whole: dict[int, float] = {}
    for n in sizes:
        texts = [
            load_bytes((work / str(n) / name).read_bytes(), name=name)
            for name in ("left.txt", "right.txt")
        ]
        whole[n] = median_time(lambda t=texts: compare_texts(t[0], t[1]), max(1, runs // 2))
        print(f"  {n:>6} sentences: whole comparison {whole[n]:.3f} s median")
    print(f"  whole comparison x{whole[big] / whole[small]:.2f} for sentences x{big // small}")

    left, right, truth = make_pair(big, work / str(big))
    alignments = align_sentences(left, right)
    recall, alone, links, extras = accuracy(left, right, truth, alignments)
    print(f"recall of {links} known links: {recall:.2%} (need >= 97%)")
    print(f"dropped/inserted left unmatched: {alone:.2%} of {extras} (need >= 90%)")

    tracemalloc.start()
    align_sentences(left, right)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"align peak traced memory: {peak / 2**20:.1f} MiB (need < 1024 MiB)")

    brute = cdist_time(left, right, max(1, runs // 2))
    print(f"cdist all-pairs fuzz.ratio: {brute:.3f} s median")
    print(f"align is x{brute / per_size[big]:.1f} faster than cdist (need >= 5, aim 10)")
    print(f"whole comparison is x{brute / whole[big]:.1f} faster than cdist")
    texts = [
        load_bytes((work / str(big) / n).read_bytes(), name=n) for n in ("left.txt", "right.txt")
    ]
    tracemalloc.start()
    compare_texts(texts[0], texts[1])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"whole comparison peak traced memory: {peak / 2**20:.1f} MiB (need < 1024 MiB)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS so far (includes cdist's 256 MB matrix): {rss:.0f} MiB")

    seeds = cli_time(runs)
    if seeds is None:
        print("compare-tui --json on two seeds: CLI not available yet")
    else:
        print(f"compare-tui --json on two seeds: {seeds:.3f} s median (target <= 0.3 s)")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
