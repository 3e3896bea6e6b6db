#!/usr/bin/env python3
"""Write a folder of synthetic articles for timing the many-article paths.

Each article has 12 paragraphs drawn from real coverage (the seeds and ``../shared/dev-set``):
it picks one event and takes most paragraphs from that event's articles, a few from others, so
many pairs share text (as copies and follow-ups do) and the figure extractor sees real prose.
Deterministic for a given ``--seed``.

    .venv/bin/python benchmarks/make_corpus.py --articles 500 --out /tmp/corpus-500
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "dev-set"

#: Paragraphs per synthetic article, and the share drawn from the article's own event.
PARAGRAPHS = 12
OWN_EVENT = 0.8


def _paragraphs(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return [" ".join(p.split()) for p in text.split("\n\n") if len(p.split()) >= 8]


def events() -> list[list[str]]:
    """Paragraphs of each real event: the seeds (one event each for 000-001-004, 002-003) and
    every dev-set folder."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    found = [
        [p for s in seeds if s.name[:3] in {"000", "001", "004"} for p in _paragraphs(s)],
        [p for s in seeds if s.name[:3] in {"002", "003"} for p in _paragraphs(s)],
    ]
    for folder in sorted(DEV_SET.iterdir()):
        if folder.is_dir():
            found.append([p for f in sorted(folder.glob("*.txt")) for p in _paragraphs(f)])
    return [e for e in found if e]


def write_corpus(size: int, out: Path, *, seed: int = 7) -> list[int]:
    """Write ``size`` articles into ``out``; returns each article's event index."""
    rng = random.Random(seed)
    pools = events()
    out.mkdir(parents=True, exist_ok=True)
    labels = []
    for n in range(size):
        event = rng.randrange(len(pools))
        paragraphs = []
        for _ in range(PARAGRAPHS):
            pool = pools[event] if rng.random() < OWN_EVENT else rng.choice(pools)
            paragraphs.append(rng.choice(pool))
        (out / f"{n:05d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        labels.append(event)
    return labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write_corpus(args.articles, args.out, seed=args.seed)


if __name__ == "__main__":
    main()
