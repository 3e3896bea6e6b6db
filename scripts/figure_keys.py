#!/usr/bin/env python3
"""Read hand-made figure keys (the dev set's ``NNN/figures.json`` format) against compare-tui.

Usage: python scripts/figure_keys.py [--all] [--mentions] FOLDER [NNN ...]

Prints, for every gold pair and trap of each key, the two figures as compare-tui extracted
them (value, kind, unit, counted, event, source) and what they were paired with, so a miss
can be traced to extraction or to pairing. ``--all`` prints gold pairs that were found too;
``--mentions`` prints keyed mentions whose fields are wrong. A development aid, not a test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from compare_tui.core.compare import compare_paths
from compare_tui.core.models import Comparison, Document, Figure

QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


def locate(doc: Document, context: str, figure: str) -> tuple[int, int] | None:
    at = doc.text.find(context)
    if at < 0:
        at = doc.text.translate(QUOTES).find(context.translate(QUOTES))
        if at < 0:
            return None
    off = context.find(figure)
    return at + off, at + off + len(figure)


def figure_at(figs: tuple[Figure, ...], span: tuple[int, int] | None) -> int | None:
    if span is None:
        return None
    for i, f in enumerate(figs):
        if f.start < span[1] and span[0] < f.end:
            return i
    return None


def show(f: Figure | None) -> str:
    if f is None:
        return "(no figure)"
    return (
        f"{f.text!r} [{f.low},{f.high}{'~' if f.approx else ''}] {f.kind}/{f.unit} "
        f"counted={f.counted!r} event={f.event} src={f.source!r}"
    )


def side_ids(comp: Comparison, side: int, items: list[list[str]]) -> list[int | None]:
    doc, figs = comp.documents[side], comp.figures[side]
    return [figure_at(figs, locate(doc, c, f)) for c, f in items]


def report(key_path: Path, *, show_all: bool, mentions: bool) -> None:
    key: dict[str, Any] = json.loads(key_path.read_text(encoding="utf-8"))
    d = key_path.parent
    comp = compare_paths(d / key["left"], d / key["right"])
    lf, rf = comp.figures
    by_left = {p.left: p for p in comp.figure_pairs}
    by_right = {p.right: p for p in comp.figure_pairs}
    print(f"== {d.name}: {len(lf)} x {len(rf)} figures, {len(comp.figure_pairs)} pairs")
    for kind, items in (("gold", key["gold"]), ("trap", key.get("not_conflict", []))):
        for g in items:
            ls, rs = side_ids(comp, 0, g["left"]), side_ids(comp, 1, g["right"])
            got = {
                str(by_left[i].status)
                for i in ls
                for j in rs
                if i is not None and j is not None and i in by_left and by_left[i].right == j
            }
            want = g.get("status", "not_conflict")
            ok = (
                (want in got or (want == "either" and got))
                if kind == "gold"
                else ("conflict" not in got)
            )
            if ok and not show_all:
                continue
            print(f"  {'ok ' if ok else 'BAD'} {kind} {want}: got {sorted(got) or '-'}")
            for side, ids, figs, other, ofigs in (
                ("L", ls, lf, by_left, rf),
                ("R", rs, rf, by_right, lf),
            ):
                for n in ids:
                    f = figs[n] if n is not None else None
                    mate = ""
                    if n is not None and n in other:
                        p = other[n]
                        o = ofigs[p.right if side == "L" else p.left]
                        mate = f"  -> {p.status} with {o.text!r} ({p.why})"
                    print(f"      {side} {show(f)}{mate}")
    if mentions:
        docs = {key["left"]: 0, key["right"]: 1}
        for m in key.get("mentions", []):
            if m["doc"] not in docs:
                continue
            side = docs[m["doc"]]
            n = figure_at(
                comp.figures[side], locate(comp.documents[side], m["context"], m["figure"])
            )
            f = comp.figures[side][n] if n is not None else None
            bad = []
            if f is None:
                bad.append("missing")
            else:
                for name, got, want in (("low", f.low, m["low"]), ("high", f.high, m["high"])):
                    if (got is None) != (want is None) or (
                        got is not None and abs(got - want) > max(1.0, 0.05 * abs(want))
                    ):
                        bad.append(f"{name} {got} != {want}")
                if m["counted"] and m["counted"].lower() not in (f.counted or "").lower():
                    bad.append(f"counted {f.counted!r} lacks {m['counted']!r}")
                if m.get("source") and m["source"].lower() not in (f.source or "").lower():
                    bad.append(f"source {f.source!r} lacks {m['source']!r}")
            if bad:
                print(f"  mention {m['figure']!r} in {m['context']!r}: {'; '.join(bad)}")


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("--")}
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        print(__doc__)
        return 2
    folder, only = Path(args[0]), set(args[1:])
    for key_path in sorted(folder.glob("*/figures.json")):
        if only and key_path.parent.name not in only:
            continue
        report(key_path, show_all="--all" in flags, mentions="--mentions" in flags)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
