"""Taking pairs from scored candidates: which of the likely pairs a reader is shown.

1. Best first, each figure once: the global one-to-one assignment.
2. Second mentions: a figure left over joins its likeliest partner in agreement when that is
   likely enough (the other article gives the quantity twice: a headline and the body).
3. Leads of one story: the first "people killed" figure of each report may conflict even when
   the right article also recalls the earlier figure ("the earlier toll of 235").
4. Sentence anchors: once two sentences are known to report one thing (a likely pair in
   them), the one remaining figure of a dimension on each side is paired too ("bombed a
   Russian plane in 2015, killing 224" and "the 2016 downing of a Russian passenger jet that
   killed 226": the years are the same event's).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from compare_tui.core.figures.features import closeness
from compare_tui.core.figures.frames import Frame, same_head


@dataclass(frozen=True, slots=True)
class Candidate:
    """One scored candidate pair, with the evidence behind it."""

    left: int
    right: int
    #: Probability that the two are one quantity, on all the evidence.
    probability: float
    #: The same without the value features: what a conflict must rest on.
    context: float
    agree: bool
    #: The feature vector, in ``features.FEATURES`` order (read by the fitting script).
    features: Sequence[float]


def leads_of_one_story(p: Frame, q: Frame) -> bool:
    """Both figures open their reports' account of one event ("killing 235 people"; "raised the
    death toll to 305"), within a factor of two: the headline claims of the two reports. (7,200
    and 435 structures destroyed are two fires, not one count.)"""
    return (
        p.lead
        and q.lead
        and p.event is not None
        and p.event == q.event
        and same_head(p, q)
        and closeness(p, q) > 0
    )


def assign(
    kept: list[tuple[float, Candidate]],
    *,
    repeat_threshold: float,
    leads: set[tuple[int, int]],
) -> list[tuple[float, Candidate]]:
    """Best first, each figure once; then each figure still alone joins its best candidate
    if that is likely enough (a second mention of one quantity in one article), or if the two
    are the lead figures of one story: "235 killed" against "raised the toll to 305" is the
    conflict even when the right article also recalls "the earlier toll of 235"."""
    used_l: set[int] = set()
    used_r: set[int] = set()
    chosen: list[tuple[float, Candidate]] = []
    for score, c in kept:
        if c.left not in used_l and c.right not in used_r:
            used_l.add(c.left)
            used_r.add(c.right)
            chosen.append((score, c))
    first_l, first_r = set(used_l), set(used_r)
    for score, c in kept:
        lead = (c.left, c.right) in leads
        if score < repeat_threshold and not lead:
            continue
        if not (c.agree or lead) or (c.left in first_l) == (c.right in first_r):
            # A second mention joins only in agreement, or as the leads' conflict: any other
            # conflict with one mention while the other agrees is the article's own update.
            continue
        if c.left in used_l and c.right in used_r:
            continue  # the lone figure has found its partner
        used_l.add(c.left)
        used_r.add(c.right)
        chosen.append((score, c))
    return chosen


#: A pair this likely ties its two sentences together for ``anchored``.
ANCHOR_SCORE = 0.5


def anchored(
    chosen: list[tuple[float, Candidate]],
    candidates: list[Candidate],
    lp: list[Frame],
    rp: list[Frame],
    *,
    allowed: Callable[[Candidate], bool],
) -> list[Candidate]:
    """Pairs between the last unpaired figures of one dimension in two sentences that a
    likely pair already ties together. ``allowed`` says whether a candidate's verdict may
    stand (a conflict still needs its gates)."""
    used_l = {c.left for _, c in chosen}
    used_r = {c.right for _, c in chosen}
    ties = {(lp[c.left].sentence, rp[c.right].sentence) for s, c in chosen if s >= ANCHOR_SCORE}
    lone_l: dict[tuple[int, str], list[int]] = defaultdict(list)
    lone_r: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, f in enumerate(lp):
        if i not in used_l:
            lone_l[(f.sentence, f.dimension)].append(i)
    for j, f in enumerate(rp):
        if j not in used_r:
            lone_r[(f.sentence, f.dimension)].append(j)
    wanted: set[tuple[int, int]] = set()
    for ls, rs in ties:
        for (sentence, dimension), lefts in lone_l.items():
            rights = lone_r.get((rs, dimension), [])
            if sentence == ls and len(lefts) == 1 and len(rights) == 1:
                wanted.add((lefts[0], rights[0]))
    if not wanted:
        return []
    lefts_wanted = {i for i, _ in wanted}
    found = [
        c
        for c in candidates
        if c.left in lefts_wanted and (c.left, c.right) in wanted and allowed(c)
    ]
    return sorted(found, key=lambda c: (c.left, c.right))
