#!/usr/bin/env python3
"""Score sentence alignment against the hand keys of ``tests/data/align/keys.json``.

Usage: python scripts/align_keys.py [--misses]

Prints precision, recall and F1 per keyed pair (sentence pairs: an n:m alignment counts n*m),
and with ``--misses`` every missed and every wrong link with the alignment's reason, so a miss
can be traced. The acceptance test (tests/test_align_keys.py) reads keys through this module.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compare_tui.core.align import align_sentences
from compare_tui.core.compare import build_document
from compare_tui.core.inputs import load_input
from compare_tui.core.models import Alignment, Document

ROOT = Path(__file__).resolve().parents[1]
KEYS = ROOT / "tests" / "data" / "align" / "keys.json"
ROOTS = {"seeds": ROOT / "seeds", "dev-set": ROOT.parent / "shared" / "dev-set"}

Link = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Score:
    """How one alignment compares with one key."""

    name: str
    hits: frozenset[Link]
    missed: frozenset[Link]
    wrong: frozenset[Link]

    @property
    def precision(self) -> float:
        found = len(self.hits) + len(self.wrong)
        return len(self.hits) / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = len(self.hits) + len(self.missed)
        return len(self.hits) / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_keys() -> list[dict[str, Any]]:
    pairs: list[dict[str, Any]] = json.loads(KEYS.read_text("utf-8"))["pairs"]
    return pairs


def available(key: dict[str, Any]) -> bool:
    return (ROOTS[key["root"]] / key["left"]).is_file()


def documents(key: dict[str, Any]) -> tuple[Document, Document]:
    out = []
    for side in ("left", "right"):
        loaded = load_input(str(ROOTS[key["root"]] / key[side]))
        out.append(build_document(loaded.text, loaded.source))
    return out[0], out[1]


def sentence(doc: Document, start: str) -> int:
    """The one sentence of ``doc`` that starts with ``start``; a key error otherwise."""
    hits = [i for i in range(len(doc.sentences)) if doc.sentence_text(i).startswith(start)]
    if len(hits) != 1:
        raise ValueError(f"key start {start!r} matches {len(hits)} sentences")
    return hits[0]


def links(key: dict[str, Any], field: str, left: Document, right: Document) -> set[Link]:
    return {(sentence(left, a), sentence(right, b)) for a, b in key[field]}


def linked(alignments: tuple[Alignment, ...]) -> set[Link]:
    return {(i, j) for a in alignments for i in a.left for j in a.right}


def score(key: dict[str, Any], left: Document, right: Document, found: set[Link]) -> Score:
    gold = links(key, "links", left, right)
    optional = links(key, "optional", left, right)
    return Score(
        name=key["name"],
        hits=frozenset(found & gold),
        missed=frozenset(gold - found),
        wrong=frozenset(found - gold - optional),
    )


def main(argv: list[str]) -> int:
    show = "--misses" in argv
    for key in load_keys():
        if not available(key):
            print(f"{key['name']}: not present")
            continue
        left, right = documents(key)
        result = align_sentences(left, right)
        s = score(key, left, right, linked(result))
        print(f"{s.name}: P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f}")
        if not show:
            continue
        reason = {(i, j): a.reason for a in result for i in a.left for j in a.right}
        for tag, group in (("missed", s.missed), ("wrong", s.wrong)):
            for i, j in sorted(group):
                print(f"  {tag} L{i} R{j} {reason.get((i, j), '')}")
                print(f"    {left.sentence_text(i)[:100]}")
                print(f"    {right.sentence_text(j)[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
