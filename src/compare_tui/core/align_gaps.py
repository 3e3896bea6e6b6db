"""Gap filling: paraphrases with few shared words, found between sentences already aligned.

The fuzzy pass needs words in common; a rewrite such as "The hostilities began on Thursday..."
/ "The violence erupted on Thursday when the army..." shares only a weekday and a noun. What it
has is place: it sits between two pairs that did align, on both sides. So after the main
passes:

1. The order chain: the longest run of alignments that keeps reading order on both sides.
   A weak link off that chain (a moved sentence scoring under ``reorder_floor``) is set aside:
   if the gaps give its sentences partners in order, those win; otherwise it is restored.
2. Each unaligned sentence gets the stretch of the other side between the chain pairs around
   it (``reach`` chain pairs either way), and only pairs inside each other's stretch are
   compared. Stretches longer than ``wide_gap`` use the rare-word candidates only, so long
   unrelated runs never become all-pairs work.
3. Looser evidence: a rarity-weighted overlap of content stems and numbers (order-insensitive),
   at a threshold that rises with the number of sentences competing in the gap, and at least
   one shared rare word or number. The reason names the evidence:
   "between aligned neighbours; shared: thursday, army".
4. Splits and merges: a gap pair grows by an adjacent unaligned sentence of the gap, up to
   three sentences a side, when that sentence's content is largely in the other side.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from compare_tui.core.align_features import Match, Scorer
from compare_tui.core.words import stem

__all__ = ["GapOptions", "fill_gaps"]


@dataclass(frozen=True, slots=True, kw_only=True)
class GapOptions:
    """Thresholds of gap filling; scores are 0..1. Tuned on the hand keys of
    ``tests/data/align/keys.json`` (seeds and dev set), measured with scripts/align_keys.py."""

    #: Chain pairs either side of a sentence that bound its stretch: 1 is the strict gap;
    #: 2 also reaches over one aligned neighbour, for a sentence moved by one place.
    reach: int = 2
    #: Lowest overlap for a lone sentence facing a lone sentence between aligned neighbours
    #: (the seeds' paraphrases score 0.2-0.35; unrelated sentences of one story rarely 0.15).
    threshold: float = 0.2
    #: Lowest overlap when the two are the only unaligned sentences between their neighbours
    #: on both sides: place is strong evidence then ("began on Thursday" / "erupted on
    #: Thursday" score 0.17-0.2).
    lone_threshold: float = 0.15
    #: Added to ``threshold`` per doubling of the sentences competing in the stretch.
    crowd_penalty: float = 0.05
    #: A shared word counts as rare evidence when its idf is at least this share of the
    #: largest idf (a word used by one sentence of each side).
    rare_share: float = 0.6
    #: Moved links scoring below this are set aside while the gaps are filled.
    reorder_floor: float = 0.5
    #: Stretches longer than this (sentences) use the rare-word candidates only.
    wide_gap: int = 12
    #: Sentences a side at most in one alignment (1:3 and 3:1).
    max_join: int = 3
    #: A sentence joins an alignment when this share of its content is in the other side.
    join_floor: float = 0.3


def chain(matches: list[Match]) -> list[Match]:
    """The longest subsequence of ``matches`` increasing on both sides (patience sorting)."""
    ordered = sorted(matches, key=lambda m: (min(m.left), min(m.right)))
    tails: list[int] = []  # smallest right end of a chain of each length
    tail_at: list[int] = []  # index into ordered of that chain's last match
    back: list[int] = [-1] * len(ordered)
    for n, m in enumerate(ordered):
        k = bisect_left(tails, min(m.right))
        back[n] = tail_at[k - 1] if k else -1
        if k == len(tails):
            tails.append(max(m.right))
            tail_at.append(n)
        elif max(m.right) < tails[k]:
            tails[k] = max(m.right)
            tail_at[k] = n
    out: list[Match] = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        out.append(ordered[n])
        n = back[n]
    return out[::-1]


def _stretches(
    spine: list[Match], side: str, free: Iterable[int], other_size: int, reach: int
) -> dict[int, tuple[int, int]]:
    """For each free index of ``side``, the open interval of the other side between the chain
    pairs ``reach`` steps before and after it (the spine keeps order on both sides)."""
    mine = [min(m.left if side == "l" else m.right) for m in spine]
    theirs = [m.right if side == "l" else m.left for m in spine]
    out: dict[int, tuple[int, int]] = {}
    for i in free:
        p = bisect_left(mine, i)  # chain pairs [0, p) lie before i
        lo = max(theirs[p - reach]) if p - reach >= 0 else -1
        hi = min(theirs[p + reach - 1]) if p + reach - 1 < len(spine) else other_size
        out[i] = (lo, hi)
    return out


def fill_gaps(
    matches: list[Match],
    free_l: set[int],
    free_r: set[int],
    candidates: dict[tuple[int, int], float],
    scorer: Scorer,
    *,
    options: GapOptions = GapOptions(),
) -> list[Match]:
    """Pair what is left between aligned neighbours; returns the new matches and updates
    ``matches`` (weak moved links dropped for better in-order partners), ``free_l`` and
    ``free_r`` in place."""
    spine = chain(matches)
    if not spine:
        return []
    on_chain = {id(m) for m in spine}
    parked = [
        m
        for m in matches
        if id(m) not in on_chain and m.reason != "exact" and m.score < options.reorder_floor
    ]
    for m in parked:
        matches.remove(m)
        free_l.update(m.left)
        free_r.update(m.right)

    n_l, n_r = len(scorer.left.words), len(scorer.right.words)
    l_span = _stretches(spine, "l", free_l, n_r, options.reach)
    r_span = _stretches(spine, "r", free_r, n_l, options.reach)
    l_gap = _stretches(spine, "l", free_l, n_r, 1)
    r_gap = _stretches(spine, "r", free_r, n_l, 1)

    sorted_l, sorted_r = sorted(free_l), sorted(free_r)

    def among(free: list[int], span: tuple[int, int]) -> int:
        return bisect_left(free, span[1]) - bisect_left(free, span[0] + 1)

    by_left: dict[int, list[int]] = {}
    for i, j in candidates:
        by_left.setdefault(i, []).append(j)
    trials: list[tuple[float, int, int, str]] = []
    top = max(scorer.idf.values(), default=1.0)
    for i in sorted_l:
        lo, hi = l_span[i]
        if hi - lo - 1 <= options.wide_gap:
            js: Iterable[int] = range(lo + 1, hi)
        else:
            js = by_left.get(i, ())
        for j in js:
            if j not in free_r:
                continue
            rlo, rhi = r_span[j]
            if not rlo < i < rhi:
                continue
            (glo, ghi), (grlo, grhi) = l_gap[i], r_gap[j]
            between = glo < j < ghi and grlo < i < grhi
            # Competition: the unaligned sentences each could pair with instead; counted in the
            # strict gaps when the two sit between the same neighbours.
            spans = (l_gap[i], r_gap[j]) if between else ((lo, hi), (rlo, rhi))
            crowd = among(sorted_r, spans[0]) + among(sorted_l, spans[1])
            found = _evidence(scorer, i, j, top, options)
            if found is None:
                continue
            score, shared = found
            if crowd <= 2:
                need = options.lone_threshold
            else:
                need = options.threshold + options.crowd_penalty * math.log2(crowd - 1)
            if score >= need:
                where = "between aligned neighbours" if between else "near aligned neighbours"
                trials.append((score, i, j, f"{where}; shared: {shared}"))
    trials.sort(key=lambda t: (-t[0], t[1], t[2]))
    out: list[Match] = []
    for score, i, j, reason in trials:
        if i in free_l and j in free_r:
            free_l.discard(i)
            free_r.discard(j)
            out.append(Match((i,), (j,), score, reason))
    for m in (*matches, *out):
        if m.reason != "exact":
            _grow(m, free_l, free_r, scorer, options)
    for m in parked:  # restore a set-aside link whose sentences found nothing better
        if all(i in free_l for i in m.left) and all(j in free_r for j in m.right):
            free_l.difference_update(m.left)
            free_r.difference_update(m.right)
            matches.append(m)
    return out


def _evidence(
    scorer: Scorer, i: int, j: int, top: float, options: GapOptions
) -> tuple[float, str] | None:
    """Rarity-weighted overlap of stems and numbers, and the shared words that make it;
    None without one shared rare word or number."""
    ls, rs = scorer.left, scorer.right
    a = ls.stems[i] | ls.numbers[i]
    b = rs.stems[j] | rs.numbers[j]
    shared = a & b
    if not shared:
        return None
    idf = scorer.idf

    def weight(t: str) -> float:
        return idf.get(t, top)

    numbers = ls.numbers[i] & rs.numbers[j]
    if not numbers and max(map(weight, shared)) < options.rare_share * top:
        return None
    total = sum(map(weight, a)) + sum(map(weight, b))
    score = 2.0 * sum(map(weight, shared)) / total if total > 0 else 0.0
    named = sorted(shared, key=lambda t: (-weight(t), t))[:4]
    return score, ", ".join(_surface(ls.words[i], named))


def _surface(words: str, stems: list[str]) -> list[str]:
    """The words of a sentence behind its stems ("thursday" for "thursda"), for reasons."""
    seen: dict[str, str] = {}
    for token in words.split():
        seen.setdefault(stem(token) if not token[0].isdigit() else token, token)
    return [seen.get(t, t) for t in stems]


def _grow(m: Match, free_l: set[int], free_r: set[int], scorer: Scorer, opt: GapOptions) -> None:
    """Add adjacent free sentences to one side while each is mostly said by the other."""
    size = (len(m.left), len(m.right))
    while _grow_once(m, free_l, free_r, scorer, opt):
        pass
    if (len(m.left), len(m.right)) != size:
        kind = "split" if len(m.right) > 1 else "merge"
        base = m.reason.split("; split ")[0].split("; merge ")[0]
        m.reason = f"{base}; {kind} {len(m.left)}:{len(m.right)}"


def _grow_once(
    m: Match, free_l: set[int], free_r: set[int], scorer: Scorer, opt: GapOptions
) -> bool:
    """One adjacent sentence added (never to both sides: no 2:2), or False."""
    for side in ("r", "l"):
        mine, theirs = (m.right, m.left) if side == "r" else (m.left, m.right)
        if len(mine) >= opt.max_join or len(theirs) > 1:
            continue
        free = free_r if side == "r" else free_l
        feats = scorer.right if side == "r" else scorer.left
        other = scorer.left if side == "r" else scorer.right
        whole = frozenset().union(*(other.stems[k] for k in theirs))
        for k in (min(mine) - 1, max(mine) + 1):
            if k not in free or feats.heading[k] or any(feats.heading[x] for x in mine):
                continue
            if scorer.contained(feats.stems[k], whole) >= opt.join_floor:
                free.discard(k)
                joined = tuple(sorted((*mine, k)))
                if side == "r":
                    m.right = joined
                else:
                    m.left = joined
                return True
    return False
