"""How alike two claim frames are: the evidence that two figures count the same thing.

Each candidate pair (two figures of one dimension, one per article) gets a short vector of
named features; a logistic model turns it into the probability that the two count the same
thing. The weights are fitted on hand-made keys by ``scripts/fit_pair_weights.py`` and shipped
as ``pair_weights.json`` beside this file, so what the model believes can be read and refitted
rather than hidden in hand-set thresholds. Features are symmetric: swapping the articles gives
the same vector, so a verdict never depends on argument order.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from compare_tui.core.figures.frames import (
    Frame,
    heads_clash,
    rounding_unit,
    same_head,
    story_key,
)

#: Dimensions given a bias of their own: the model learns how telling a same value is for
#: each ("2015" and "2015" usually are one year; "two" and "two" often are not one count).
KIND_FEATURES = ("count", "year", "date", "time", "ordinal", "age", "duration", "percent")

FEATURES: tuple[str, ...] = (
    "same_value",
    "same_value_rare",
    "same_value_size",
    "compatible",
    "closeness",
    "head_same",
    "head_differs",
    "head_missing",
    "side_overlap",
    "side_differs",
    "event_same",
    "event_differs",
    "subject_same",
    "subject_differs",
    "sentence_similarity",
    "near_similarity",
    "aligned",
    "source_overlap",
    "sources_differ",
    "rival_sources",
    "times_same",
    "times_differ",
    "position_gap",
    "mutual_best",
    "lead_same",
    "only_same",
    *(f"kind_{k}" for k in KIND_FEATURES),
)
#: Where ``mutual_best`` stands in a vector: filled in once every candidate is known.
MUTUAL = FEATURES.index("mutual_best")


#: Features that say the two values are alike. The conflict model leaves them out: two figures
#: whose values differ must be shown to count one thing by everything else.
VALUE_FEATURES = frozenset({"same_value", "same_value_rare", "same_value_size", "compatible"})


#: From this many candidates on, the models score them with numpy.
_MATRIX_FROM = 2000


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model over ``FEATURES``: bias plus one weight per feature (0 for a feature
    the model leaves out)."""

    bias: float
    weights: tuple[float, ...]

    def probability(self, vector: list[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, vector, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, vectors: list[list[float]]) -> list[float]:
        """``probability`` of many vectors at once: one matrix product when pairing scores
        thousands of candidates; plain Python for a few (importing numpy costs 0.1 s, a third
        of a two-article comparison)."""
        if len(vectors) < _MATRIX_FROM:
            return [self.probability(v) for v in vectors]
        import numpy as np

        z = np.asarray(vectors, dtype=float) @ np.asarray(self.weights) + self.bias
        out: list[float] = (1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))).tolist()
        return out

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> Model:
        weights = data["weights"]
        if not isinstance(weights, Mapping):
            raise ValueError("pair weights: 'weights' must map feature names to numbers")
        bias = data.get("bias", 0.0)
        return cls(
            float(bias if isinstance(bias, int | float) else 0.0),
            tuple(float(weights.get(name, 0.0)) for name in FEATURES),
        )


@dataclass(frozen=True, slots=True)
class Models:
    """``same``: are two figures one quantity, on all the evidence; ``conflict``: the same
    question without the value features, asked of figures whose values differ."""

    same: Model
    conflict: Model


@cache
def default_models() -> Models:
    """The weights shipped with the package (``pair_weights.json``)."""
    text = resources.files(__package__).joinpath("pair_weights.json").read_text("utf-8")
    data = json.loads(text)
    return Models(Model.from_mapping(data["same"]), Model.from_mapping(data["conflict"]))


class Rarity(dict[str, float]):
    """Word -> idf over the sentences of two articles, remembering the weight of each word set
    it has summed: a frame's words meet many candidates, and are summed once."""

    def __init__(self, idf: Mapping[str, float]) -> None:
        super().__init__(idf)
        self._norms: dict[frozenset[str], float] = {}

    def norm(self, words: frozenset[str]) -> float:
        found = self._norms.get(words)
        if found is None:
            found = self._norms[words] = sum(self.get(w, 1.0) ** 2 for w in words)
        return found


def similarity(a: frozenset[str], b: frozenset[str], idf: Mapping[str, float]) -> float:
    """Cosine of two word sets, each word weighted by its rarity in the two articles."""
    if not a or not b:
        return 0.0
    shared = sum(idf.get(w, 1.0) ** 2 for w in a & b)
    if not shared:
        return 0.0
    if isinstance(idf, Rarity):
        return shared / math.sqrt(idf.norm(a) * idf.norm(b))
    na = sum(idf.get(w, 1.0) ** 2 for w in a)
    nb = sum(idf.get(w, 1.0) ** 2 for w in b)
    return shared / math.sqrt(na * nb)


def _prefix_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """ "russia" ~ "russian", "mali" ~ "malian": shared words up to a suffix."""
    for x in a:
        for y in b:
            if x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))):
                return True
    return False


def compatible(p: Frame, q: Frame) -> bool:
    """Whether two frames' values can be one true value, as news copy means them.

    Intervals widened by precision must overlap; two different lower bounds of a running
    count differ when one is exact ("at least 370" and "at least 377"), not when both are
    round floors ("at least 100" and "more than 125"); a strict bound excludes its own value
    ("more than 100,000" against "up to 100,000").
    """
    slack = max(p.precision, q.precision) if p.unit != q.unit else 0.0
    low, high = max(p.wide_low, q.wide_low), min(p.wide_high, q.wide_high)
    if low > high + slack + 1e-9 * max(1.0, abs(low)):  # 1e-9: unit conversions round
        return False
    if p.lower_bound and q.lower_bound and p.low != q.low and (_exact(p) or _exact(q)):
        return False  # "at least 377" is a confirmed count; "more than 125" a rounded floor
    for a, b in ((p, q), (q, p)):
        # a is a strict lower bound at exactly b's upper bound (or the reverse).
        if a.strict and a.high is None and b.low is None and a.low == b.high:
            return False
        if a.strict and a.low is None and b.high is None and a.high == b.low:
            return False
    return True


def _exact(f: Frame) -> bool:
    """A value written to the unit ("377", not "370" or "125"): a count, not a round floor."""
    return f.low is not None and f.low == int(f.low) and rounding_unit(f.low) < 5


def closeness(p: Frame, q: Frame) -> float:
    """1 for one value, falling to 0 at a factor of two apart (midpoints of finite ends)."""
    a = _middle(p)
    b = _middle(q)
    if a is None or b is None or a <= 0 or b <= 0:
        return 0.0
    return max(0.0, 1.0 - abs(math.log(a / b)) / math.log(2))


def ratio(p: Frame, q: Frame) -> float:
    """How many times the larger value is the smaller (midpoints); 1 when either is unknown."""
    a, b = _middle(p), _middle(q)
    if a is None or b is None or a <= 0 or b <= 0:
        return 1.0
    return max(a, b) / min(a, b)


def _middle(f: Frame) -> float | None:
    if f.low is not None and f.high is not None:
        return (f.low + f.high) / 2
    return f.low if f.low is not None else f.high


def vector(
    p: Frame,
    q: Frame,
    *,
    aligned: bool,
    idf: Mapping[str, float],
    rare: bool,
) -> list[float]:
    """The features of one candidate pair, in ``FEATURES`` order."""
    same = p.low == q.low and p.high == q.high
    size = _middle(p) or 0.0
    both_heads = p.head is not None and q.head is not None
    both_events = p.event is not None and q.event is not None
    both_sides = bool(p.side and q.side)
    sides_meet = both_sides and _prefix_overlap(p.side, q.side)
    both_subjects = p.subject is not None and q.subject is not None
    both_sources = bool(p.source and q.source)
    both_times = bool(p.times and q.times)
    one_story = (
        story_key(p) is not None and (same_head(p, q) or p.head == q.head) and p.event == q.event
    )
    out = [
        float(same),
        float(same and rare),
        float(same) * min(1.0, math.log10(max(1.0, abs(size))) / 4),
        float(compatible(p, q)),
        closeness(p, q),
        float(same_head(p, q)),
        float(heads_clash(p, q)),
        float(not both_heads or (not same_head(p, q) and not heads_clash(p, q))),
        float(sides_meet),
        float(both_sides and not sides_meet),
        float(both_events and p.event == q.event),
        float(both_events and p.event != q.event),
        float(both_subjects and p.subject == q.subject),
        float(both_subjects and p.subject != q.subject),
        similarity(p.sentence_words, q.sentence_words, idf),
        similarity(p.near_words, q.near_words, idf),
        float(aligned),
        (len(p.source & q.source) * 2 / (len(p.source) + len(q.source))) if both_sources else 0.0,
        float(both_sources and not p.source & q.source),
        float(bool(p.roles and q.roles and not p.roles & q.roles)),
        float(both_times and bool(p.times & q.times)),
        float(both_times and not p.times & q.times),
        abs(p.position - q.position),
        0.0,
        float(p.lead and q.lead and one_story),
        float(p.only and q.only and one_story),
    ]
    out.extend(float(p.dimension == k) for k in KIND_FEATURES)
    return out
