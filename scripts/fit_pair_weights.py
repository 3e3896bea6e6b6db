#!/usr/bin/env python3
"""Fit the figure-pairing model on hand-made keys and write ``pair_weights.json``.

Usage: python scripts/fit_pair_weights.py [--write] [--cv] FOLDER [FOLDER ...]

Each FOLDER holds ``NNN/figures.json`` keys (the dev set's format). Every candidate pair that
``pairing.score_candidates`` proposes is labelled 1 when the key pairs the two figures (agree,
conflict or either) and 0 otherwise; a logistic regression with an L2 penalty is fitted with
Newton steps. ``--cv`` first scores leave-one-key-out: each key is paired with weights fitted
on the others, which is how the model would do on articles it has never seen. ``--write``
saves the weights fitted on every key to ``src/compare_tui/core/figures/pair_weights.json``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from compare_tui.core.compare import compare_paths
from compare_tui.core.figures.features import FEATURES, VALUE_FEATURES, Model, Models
from compare_tui.core.figures.pairing import PairOptions, pair_figures, score_candidates
from compare_tui.core.models import Comparison

sys.path.insert(0, str(Path(__file__).resolve().parent))
from figure_keys import figure_at, locate

WEIGHTS = Path(__file__).resolve().parents[1] / "src/compare_tui/core/figures/pair_weights.json"
#: L2 penalty towards PRIOR: with a few dozen conflicts in the keys, a weight moves from what
#: a reporter would expect only as far as the keys show it should.
PENALTY = 2.0
#: What a reporter would expect of each feature before seeing any key (0 for the rest).
PRIOR = {
    "same_value": 1.0, "same_value_rare": 1.0, "same_value_size": 1.0, "compatible": 1.0,
    "closeness": 1.0, "head_same": 1.5, "head_differs": -1.5, "head_missing": -0.5,
    "side_overlap": 1.0, "side_differs": -1.0, "event_same": 1.0, "event_differs": -1.5,
    "subject_same": 2.0, "subject_differs": -2.0, "sentence_similarity": 2.0,
    "near_similarity": 2.0, "aligned": 2.0, "source_overlap": 0.5, "rival_sources": -1.0,
    "times_same": 0.5, "times_differ": -1.0, "position_gap": -1.0, "mutual_best": 1.0,
}  # fmt: skip


def load(folders: list[Path]) -> list[tuple[str, dict[str, Any], Comparison]]:
    out = []
    for folder in folders:
        for key_path in sorted(folder.glob("*/figures.json")):
            key = json.loads(key_path.read_text(encoding="utf-8"))
            d = key_path.parent
            out.append((d.name, key, compare_paths(d / key["left"], d / key["right"])))
    return out


def figure_set(comp: Comparison, side: int, items: list[list[str]]) -> set[int]:
    """Indexes of the figures a key names as [context, figure] on one side."""
    found = {figure_at(comp.figures[side], locate(comp.documents[side], c, f)) for c, f in items}
    return {n for n in found if n is not None}


def gold_sets(key: dict[str, Any], comp: Comparison) -> list[tuple[set[int], set[int], str]]:
    return [
        (figure_set(comp, 0, g["left"]), figure_set(comp, 1, g["right"]), g["status"])
        for g in key["gold"]
    ]


def rows(
    item: tuple[str, dict[str, Any], Comparison],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    _, key, comp = item
    positives = {(i, j) for ls, rs, _ in gold_sets(key, comp) for i in ls for j in rs}
    cands = score_candidates(*comp.documents, comp.figures, comp.alignments)
    x = np.array([c.features for c in cands], dtype=float).reshape(-1, len(FEATURES))
    y = np.array([(c.left, c.right) in positives for c in cands], dtype=float)
    agree = np.array([c.agree for c in cands], dtype=bool)
    return x, y, agree


def fit_both(data: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> Models:
    """The pair model on every candidate and feature; the conflict model on the candidates
    whose values differ (the ones it judges), without the value features."""
    x = np.vstack([d[0] for d in data])
    y = np.concatenate([d[1] for d in data])
    agree = np.concatenate([d[2] for d in data])
    used = np.array([n not in VALUE_FEATURES for n in FEATURES], dtype=bool)
    return Models(fit(x, y), fit(x[~agree], y[~agree], used))


def fit(x: np.ndarray, y: np.ndarray, used: np.ndarray | None = None) -> Model:
    """Logistic regression by Newton's method, penalised towards PRIOR (the bias is free);
    features not ``used`` stay at 0."""
    used = np.ones(len(FEATURES), dtype=bool) if used is None else used
    xb = np.hstack([np.ones((len(x), 1)), x * used])
    prior = np.array([0.0] + [PRIOR.get(n, 0.0) * u for n, u in zip(FEATURES, used, strict=True)])
    w = prior.copy()
    rate = min(max(float(y.mean()), 1e-3), 1 - 1e-3)
    w[0] = np.log(rate / (1 - rate)) - float((xb[:, 1:] @ prior[1:]).mean())
    penalty = np.full(xb.shape[1], PENALTY)
    penalty[0] = 0.0
    for _ in range(200):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + penalty * (w - prior)
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        step *= min(1.0, 2.0 / max(1e-12, float(np.abs(step).max())))  # damped: no overshoot
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Model(float(w[0]), tuple(float(v) for v in w[1:]))


def score(
    items: list[tuple[str, dict[str, Any], Comparison]],
    models: list[Models],
    options: PairOptions | None = None,
) -> dict[str, int]:
    """The dev-set scorer's counts, run in process with one model per key."""
    base = options or PairOptions()
    t = dict(found=0, total=0, cf=0, ct=0, flagged=0, either=0, traps=0)
    for (_, key, comp), model in zip(items, models, strict=True):
        pairs = pair_figures(*comp.documents, comp.figures, comp.alignments,
                             options=replace(base, models=model))  # fmt: skip
        status = {(p.left, p.right): str(p.status) for p in pairs}
        t["flagged"] += sum(s == "conflict" for s in status.values())
        for ls, rs, want in gold_sets(key, comp):
            got = [status.get((i, j)) for i in ls for j in rs]
            ok = any(got) if want == "either" else want in got
            t["found"] += ok
            t["total"] += 1
            t["either"] += want == "either" and "conflict" in got
            if want == "conflict":
                t["ct"] += 1
                t["cf"] += ok
        for g in key.get("not_conflict", []):
            ls, rs = figure_set(comp, 0, g["left"]), figure_set(comp, 1, g["right"])
            t["traps"] += any(status.get((i, j)) == "conflict" for i in ls for j in rs)
    return t


def line(t: dict[str, int]) -> str:
    return (f"pair recall {t['found'] / max(1, t['total']):.2f} ({t['found']}/{t['total']}); "
            f"conflict recall {t['cf'] / max(1, t['ct']):.2f} ({t['cf']}/{t['ct']}); "
            f"precision {(t['cf'] + t['either']) / max(1, t['flagged']):.2f} of {t['flagged']}; "
            f"traps {t['traps']}")  # fmt: skip


def _weights(model: Model) -> dict[str, Any]:
    return {
        "bias": round(model.bias, 4),
        "weights": {n: round(w, 4) for n, w in zip(FEATURES, model.weights, strict=True)},
    }


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv if not a.startswith("--")]
    if not folders:
        print(__doc__)
        return 2
    items = load(folders)
    data = [rows(item) for item in items]
    if "--cv" in argv:
        models = []
        for k in range(len(items)):
            models.append(fit_both([d for n, d in enumerate(data) if n != k]))
        print("leave-one-key-out:", line(score(items, models)))
    model = fit_both(data)
    print("fitted on all keys:", line(score(items, [model] * len(items))))
    if "--sweep" in argv:
        for agree in (0.05, 0.1, 0.15, 0.2):
            for conflict in (0.2, 0.25, 0.3, 0.35, 0.4):
                opts = PairOptions(agree_threshold=agree, conflict_threshold=conflict)
                cv = score(items, models, opts) if "--cv" in argv else None
                print(f"  agree {agree} conflict {conflict}:",
                      line(score(items, [model] * len(items), opts)),
                      f"| cv: {line(cv)}" if cv else "")  # fmt: skip
    for name, same, conflict in sorted(
        zip(FEATURES, model.same.weights, model.conflict.weights, strict=True),
        key=lambda t: -abs(t[1]),
    ):
        print(f"  {same:+7.3f} {conflict:+7.3f}  {name}")
    if "--write" in argv:
        payload = {
            "same": _weights(model.same),
            "conflict": _weights(model.conflict),
            "fitted_on": f"{sum(len(d[1]) for d in data)} candidate pairs of {len(items)} keys, "
            f"{date.today().isoformat()}, L2 penalty {PENALTY}",
        }
        WEIGHTS.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
