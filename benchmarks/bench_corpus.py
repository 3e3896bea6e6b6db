#!/usr/bin/env python3
"""How long the many-article overview takes to be ready, on synthetic corpora of 50 and 500.

Corpora are deterministic for a given ``--seed``: most articles are rewrites of the five seed
articles (sentences shuffled within a window, some dropped, words reworded, an occasional number
changed); the rest are unrelated slices of ``../shared/bench/war-and-peace.txt``. "Ready" is
what the overview screen waits for: segmenting, the screen, groups, the figure matrix and the
pairs aligned so far (``build_overview(max_pairs=0)``, as the screen calls it). The reports
then align up to 300 more related pairs for their pair list; that time is given separately.
Also reports how many pairs were aligned, how the groups match the seed families, and how
often progress was reported.

    .venv/bin/python benchmarks/bench_corpus.py            # 50 and 500 articles
    .venv/bin/python benchmarks/bench_corpus.py --sizes 50

Figures are printed, never asserted: timings belong in reports, not in tests.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter
from pathlib import Path

from compare_tui.core.corpus import Corpus
from compare_tui.core.inputs import load_input
from compare_tui.core.load import LoadedText
from compare_tui.core.models import Source
from compare_tui.core.overview import build_overview
from compare_tui.core.segment import segment

ROOT = Path(__file__).resolve().parent.parent
NOVEL = ROOT.parent / "shared" / "bench" / "war-and-peace.txt"

#: Rewording an agency story: the swaps a desk editor makes.
_SWAPS = {
    "said": "stated",
    "killed": "left dead",
    "clashes": "fighting",
    "army": "military",
    "separatists": "rebels",
    "fighters": "combatants",
    "convoy": "column",
    "statement": "communique",
    "region": "area",
    "group": "movement",
    "Thursday": "Thursday morning",
    "difficult": "hard",
    "According to": "Citing",
}
_NUMBER = re.compile(r"\b\d+\b")


def rewrite(text: str, rng: random.Random) -> str:
    """One outlet's rewrite of an agency story."""
    seg = segment(text)
    sentences = [text[s.start : s.end] for s in seg.sentences if s.kind == "sentence"]
    kept = [s for s in sentences if rng.random() > 0.2] or sentences[:1]
    for k in range(len(kept) - 1):  # local reordering
        if rng.random() < 0.25:
            kept[k], kept[k + 1] = kept[k + 1], kept[k]
    out = []
    for s in kept:
        for a, b in _SWAPS.items():
            if rng.random() < 0.5:
                s = s.replace(a, b)
        if rng.random() < 0.05:
            s = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), s, count=1)
        out.append(s)
    paragraphs = [" ".join(out[k : k + 3]) for k in range(0, len(out), 3)]
    return "\n\n".join(paragraphs) + "\n"


def make_corpus(size: int, seed: int) -> tuple[list[LoadedText], list[str]]:
    """``size`` articles and, for each, its family: a seed prefix or "novel"."""
    rng = random.Random(seed)
    seeds = [load_input(str(p)) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    novel = load_input(str(NOVEL)).text
    texts: list[LoadedText] = []
    families: list[str] = []
    for n in range(size):
        if rng.random() < 0.8:
            k = rng.randrange(len(seeds))
            text = rewrite(seeds[k].text, rng)
            family = Path(seeds[k].source.path).name[:3]
        else:
            start = rng.randrange(0, len(novel) - 6000)
            start = novel.find("\n\n", start) + 2
            text = novel[start : start + 4500]
            family = "novel"
        texts.append(LoadedText(text=text, source=Source(path=f"synthetic/{n:04d}.txt")))
        families.append(family)
    return texts, families


def run(size: int, seed: int) -> None:
    texts, families = make_corpus(size, seed)
    reports: list[float] = []

    def progress(fraction: float, stage: str) -> None:
        reports.append(fraction)

    start = time.perf_counter()
    corpus = Corpus.from_texts(texts, progress=progress)
    screened = time.perf_counter()
    overview = build_overview(corpus, max_pairs=0, progress=progress)
    ready = time.perf_counter()
    build_overview(corpus)
    report = time.perf_counter()
    aligned = len(corpus._shares)
    compared = len(corpus._compared)
    pure = sum(len({families[i] for i in g}) == 1 for g in overview.groups)
    split = Counter(families[g[0]] for g in overview.groups if families[g[0]] != "novel")
    print(
        f"{size:4d} articles: ready in {ready - start:6.2f} s "
        f"(segment+screen {screened - start:.2f} s, groups+figures {ready - screened:.2f} s); "
        f"--json adds {report - ready:.2f} s for up to 300 more pairs"
    )
    print(
        f"      pairs: {size * (size - 1) // 2} possible, {len(corpus.related_pairs())} related by "
        f"the screen, {aligned} aligned, {compared} compared in full"
    )
    print(
        f"      groups: {len(overview.groups)} ({pure} pure); groups per seed family: "
        f"{dict(sorted(split.items()))}; figure rows: {len(overview.rows)}; "
        f"progress reports: {len(reports)}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 500])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    for size in args.sizes:
        run(size, args.seed)


if __name__ == "__main__":
    main()
