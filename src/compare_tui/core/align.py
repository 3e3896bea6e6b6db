"""Two Documents -> Alignments: which sentences of one outlet say what the other's say.

The recipe, in the order it runs, so that every pairing can be explained to a reader:

1. Anchors: sentences whose lowercased word text is identical and unique on both sides.
2. Candidates for the rest: sentences near where the anchors around them say they should be,
   sentences sharing rare words or numbers (an inverted index), or every pair when the two
   documents are small. Nothing else is ever scored, which keeps long documents fast.
3. Scoring: the mean of ``fuzz.ratio`` over the lowercased word text (order-sensitive, punishes
   length mismatch) and a rarity-weighted Dice overlap of stemmed content words (survives
   rewording). Order-insensitive scorers alone (``token_set_ratio``) paired unrelated sentences
   that share a few words, so they are not used.
4. Greedy pairing: the best remaining candidate pair above a threshold is taken first, so each
   pair is each other's best remaining candidate. Weaker pairs sharing a figure are accepted at
   a lower threshold. Anything else stays unmatched instead of being forced onto a weak match.
5. Splits and merges: a sentence matched (or left over) next to an unmatched neighbour on the
   other side is tested against the two consecutive sentences joined together.

Reordering is normal between outlets, so nothing here assumes a monotonic alignment.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from compare_tui.core.align_features import Match, Scorer, Side, Stems, idf_weights, side_features
from compare_tui.core.align_gaps import GapOptions, fill_gaps
from compare_tui.core.diff import word_changes
from compare_tui.core.models import AlignKind, Alignment, Document, Span

__all__ = ["AlignOptions", "align_sentences"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignOptions:
    """Thresholds for :func:`align_sentences`; scores are 0..1.

    Tuned on rewritten agency copy (heavy paraphrase) and on long machine-edited pairs.
    """

    #: Lowest score for a fuzzy 1:1 pair. Rewrites of one sentence score about 0.42-0.8;
    #: unrelated sentences on the same story rarely pass 0.38.
    fuzzy_threshold: float = 0.42
    #: Lowest score for a pair that shares a number (a figure is strong evidence of one fact).
    figures_threshold: float = 0.36
    #: A join of two sentences must beat the 1:1 pair by this much to become a split/merge...
    split_margin: float = 0.03
    #: ...or cover this much more of the single sentence's (rarity-weighted) content.
    split_gain: float = 0.1
    #: The added sentence must have this share of its content in the single sentence, so an
    #: unrelated neighbour is not swallowed just because it evens the lengths.
    split_part_floor: float = 0.15
    #: Rare-word candidates kept per sentence.
    max_candidates: int = 8
    #: Sentences within this distance of the position implied by neighbouring anchors are
    #: candidates even without a rare word in common.
    position_window: int = 3
    #: A word in more than this share of the unmatched sentences is too common to look up.
    rare_share: float = 0.02
    #: Score every unmatched pair when there are at most this many (short articles).
    all_pairs_limit: int = 20_000
    #: Gap filling between aligned neighbours (looser evidence, splits and merges up to 1:3).
    gaps: GapOptions = GapOptions()  # noqa: RUF009 (frozen, so one shared default is safe)


def _anchors(left: Side, right: Side) -> list[Match]:
    """Pairs whose word text is identical and unique among the matchable sentences."""

    def index(side: Side) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(side.words):
            if key and side.matchable[i]:
                out[key].append(i)
        return out

    li, ri = index(left), index(right)
    out: list[Match] = []
    for key, ls in li.items():
        rs = ri.get(key)
        if rs is not None and len(ls) == 1 and len(rs) == 1:
            out.append(Match((ls[0],), (rs[0],), 1.0, "exact"))
    return out


def _expected(
    n_left: int, left_to_right: dict[int, int]
) -> tuple[list[int | None], list[int | None]]:
    """Where each left sentence should sit on the right, judging by the nearest anchors."""
    before: list[int | None] = [None] * n_left
    after: list[int | None] = [None] * n_left
    last: tuple[int, int] | None = None
    for i in range(n_left):
        if i in left_to_right:
            last = (i, left_to_right[i])
        elif last is not None:
            before[i] = last[1] + (i - last[0])
    last = None
    for i in range(n_left - 1, -1, -1):
        if i in left_to_right:
            last = (i, left_to_right[i])
        elif last is not None:
            after[i] = last[1] - (last[0] - i)
    return before, after


def _candidates(
    left: Side,
    right: Side,
    free_left: list[int],
    free_right: list[int],
    left_to_right: dict[int, int],
    options: AlignOptions,
    scorer: Scorer,
) -> dict[tuple[int, int], float]:
    """Pairs of free sentences worth scoring, with the distance from the expected position."""
    n_right = len(right.words)
    free_r = set(free_right)
    before, after = _expected(len(left.words), left_to_right)
    pairs: dict[tuple[int, int], float] = {}

    def distance(i: int, j: int) -> float:
        ds = [abs(j - e) for e in (before[i], after[i]) if e is not None]
        return float(min(ds)) if ds else math.inf

    if len(free_left) * len(free_right) <= options.all_pairs_limit:
        for i in free_left:
            for j in free_right:
                pairs[(i, j)] = distance(i, j)
        return pairs

    w = options.position_window
    for i in free_left:
        for e in (before[i], after[i]):
            if e is None:
                continue
            for j in range(max(0, e - w), min(n_right, e + w + 1)):
                if j in free_r:
                    pairs[(i, j)] = distance(i, j)

    postings: dict[str, list[int]] = defaultdict(list)
    for j in free_right:
        for t in right.stems[j] | right.numbers[j]:
            postings[t].append(j)
    cap = max(5, int(options.rare_share * len(free_right)))
    idf = scorer.idf
    for i in free_left:
        votes: dict[int, float] = defaultdict(float)
        for t in left.stems[i] | left.numbers[i]:
            hits = postings.get(t)
            if hits is None or len(hits) > cap:
                continue
            weight = idf.get(t, 1.0)
            for j in hits:
                votes[j] += weight
        best = sorted(votes.items(), key=lambda kv: -kv[1])[: options.max_candidates]
        for j, _ in best:
            pairs[(i, j)] = distance(i, j)
    return pairs


def _greedy(
    candidates: dict[tuple[int, int], float], scorer: Scorer, options: AlignOptions
) -> list[Match]:
    """Best remaining pair first; ties go to the pair nearer its expected position."""
    scored: list[tuple[float, float, int, int, str]] = []
    floor = min(options.fuzzy_threshold, options.figures_threshold)
    for (i, j), dist in candidates.items():
        score = scorer.texts((i,), (j,))
        if score < floor:
            continue
        if score >= options.fuzzy_threshold:
            scored.append((score, dist, i, j, f"fuzzy {score:.2f}"))
        elif scorer.shares_figure((i,), (j,)):
            scored.append((score, dist, i, j, "shared figures"))
    scored.sort(key=lambda r: (-r[0], r[1], r[2], r[3]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    out: list[Match] = []
    for score, _, i, j, reason in scored:
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        out.append(Match((i,), (j,), score, reason))
    return out


def _joins(
    matches: list[Match],
    free_left: set[int],
    free_right: set[int],
    candidates: dict[tuple[int, int], float],
    scorer: Scorer,
    options: AlignOptions,
) -> None:
    """Grow 1:1 pairs into 1:2 / 2:1, and pair leftovers with two joined neighbours."""

    def part_ok(part: int, part_side: Side, other: frozenset[str]) -> bool:
        return scorer.contained(part_side.stems[part], other) >= options.split_part_floor

    for m in matches:
        if m.reason == "exact":
            continue
        (i,) = m.left
        (j,) = m.right
        lstem, rstem = scorer.left.stems[i], scorer.right.stems[j]
        best: tuple[float, tuple[int, ...], tuple[int, ...], int, str] | None = None
        trial: tuple[tuple[int, ...], tuple[int, ...]]
        for k, side in ((j - 1, "r"), (j + 1, "r"), (i - 1, "l"), (i + 1, "l")):
            if side == "r":
                if k not in free_right:
                    continue
                trial = ((i,), (min(j, k), max(j, k)))
                extra = scorer.right.stems[k]
                gain = scorer.contained(lstem, rstem | extra) - scorer.contained(lstem, rstem)
                ok = part_ok(k, scorer.right, lstem)
            else:
                if k not in free_left:
                    continue
                trial = ((min(i, k), max(i, k)), (j,))
                extra = scorer.left.stems[k]
                gain = scorer.contained(rstem, lstem | extra) - scorer.contained(rstem, lstem)
                ok = part_ok(k, scorer.left, rstem)
            score = scorer.texts(*trial)
            # Either the join scores clearly better, or it covers clearly more of the single
            # sentence's content without scoring worse (joining dilutes the fuzzy ratio).
            better = score >= m.score + options.split_margin or (
                gain >= options.split_gain and score >= m.score - options.split_margin
            )
            if ok and better and (best is None or score > best[0]):
                best = (score, trial[0], trial[1], k, side)
        if best is not None:
            score, lt, rt, k, side = best
            (free_right if side == "r" else free_left).discard(k)
            m.left, m.right, m.score = lt, rt, score
            m.reason = f"{'split' if len(rt) == 2 else 'merge'} {score:.2f}"

    # Leftovers: one free sentence against two free consecutive sentences of the other side.
    by_left: dict[int, list[int]] = defaultdict(list)
    for i, j in candidates:
        by_left[i].append(j)
    trials: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    for i, js in by_left.items():
        if i not in free_left:
            continue
        for j in js:
            if j not in free_right:
                continue
            for rt in ((j - 1, j), (j, j + 1)):
                if rt[0] in free_right and rt[1] in free_right:
                    s = scorer.texts((i,), rt)
                    if s >= options.fuzzy_threshold:
                        trials.append((s, (i,), rt))
            for lt in ((i - 1, i), (i, i + 1)):
                if lt[0] in free_left and lt[1] in free_left:
                    s = scorer.texts(lt, (j,))
                    if s >= options.fuzzy_threshold:
                        trials.append((s, lt, (j,)))
    trials.sort(key=lambda t: (-t[0], t[1], t[2]))
    ls, rs = scorer.left, scorer.right
    for s, lt, rt in trials:
        if not all(x in free_left for x in lt) or not all(y in free_right for y in rt):
            continue
        lstems = frozenset().union(*(ls.stems[x] for x in lt))
        rstems = frozenset().union(*(rs.stems[y] for y in rt))
        parts_ok = all(part_ok(x, ls, rstems) for x in lt) and all(
            part_ok(y, rs, lstems) for y in rt
        )
        if not parts_ok:
            continue
        free_left.difference_update(lt)
        free_right.difference_update(rt)
        kind = "split" if len(rt) == 2 else "merge"
        matches.append(Match(lt, rt, s, f"{kind} {s:.2f}"))


def align_sentences(
    left: Document, right: Document, *, options: AlignOptions = AlignOptions()
) -> tuple[Alignment, ...]:
    """Align the sentences of two documents; see the module docstring for the recipe.

    Every sentence index of each side is in exactly one alignment. Output is in left reading
    order; a right-only alignment follows the alignment holding the right sentence before it.
    """
    cache = Stems()
    ls, rs = side_features(left, cache), side_features(right, cache)
    scorer = Scorer(ls, rs, idf_weights(ls, rs))

    matches = _anchors(ls, rs)
    left_to_right = {m.left[0]: m.right[0] for m in matches}
    anchored_r = set(left_to_right.values())
    free_left = [i for i in range(len(ls.words)) if ls.matchable[i] and ls.words[i]]
    free_left = [i for i in free_left if i not in left_to_right]
    free_right = [
        j for j in range(len(rs.words)) if rs.matchable[j] and rs.words[j] and j not in anchored_r
    ]
    candidates = _candidates(ls, rs, free_left, free_right, left_to_right, options, scorer)
    fuzzy = _greedy(candidates, scorer, options)
    taken_l = {m.left[0] for m in fuzzy}
    taken_r = {m.right[0] for m in fuzzy}
    free_l = {i for i in free_left if i not in taken_l}
    free_r = {j for j in free_right if j not in taken_r}
    _joins(fuzzy, free_l, free_r, candidates, scorer, options)
    matches.extend(fuzzy)
    matches.extend(fill_gaps(matches, free_l, free_r, candidates, scorer, options=options.gaps))
    return _assemble(left, right, ls, rs, matches)


def _assemble(
    left: Document, right: Document, ls: Side, rs: Side, matches: list[Match]
) -> tuple[Alignment, ...]:
    """Turn matches into Alignments in reading order, one-sided ones included."""
    main: list[Alignment] = []
    holder_l: dict[int, int] = {}
    holder_r: dict[int, int] = {}
    for m in matches:
        for i in m.left:
            holder_l[i] = len(main)
        for j in m.right:
            holder_r[j] = len(main)
        main.append(_matched(left, right, ls, rs, m))
    for i in range(len(ls.words)):
        if i not in holder_l:
            holder_l[i] = len(main)
            reason = "no counterpart" if ls.matchable[i] else "page furniture"
            main.append(Alignment((i,), (), 0.0, AlignKind.LEFT_ONLY, reason))

    # Right-only sentences follow the alignment holding the right sentence just before them.
    after: dict[int, list[Alignment]] = defaultdict(list)  # -1: before everything
    chain_of: dict[int, int] = {}
    for j in range(len(rs.words)):
        if j in holder_r:
            continue
        reason = "no counterpart" if rs.matchable[j] else "page furniture"
        key = -1 if j == 0 else chain_of.get(j - 1, holder_r.get(j - 1, -1))
        chain_of[j] = key
        after[key].append(Alignment((), (j,), 0.0, AlignKind.RIGHT_ONLY, reason))

    order = sorted(range(len(main)), key=lambda n: min(main[n].left))
    out: list[Alignment] = list(after.get(-1, ()))
    for n in order:
        out.append(main[n])
        out.extend(after.get(n, ()))
    return tuple(out)


def _matched(left: Document, right: Document, ls: Side, rs: Side, m: Match) -> Alignment:
    same = " ".join(ls.same[i] for i in m.left) == " ".join(rs.same[j] for j in m.right)
    if same:
        return Alignment(m.left, m.right, 1.0, AlignKind.SAME, "exact")
    lspans = [Span(left.sentences[i].start, left.sentences[i].end) for i in m.left]
    rspans = [Span(right.sentences[j].start, right.sentences[j].end) for j in m.right]
    lc, rc = word_changes(left.text, lspans, right.text, rspans)
    score = min(1.0, max(0.0, m.score))
    if m.reason == "exact":
        # Same words, different punctuation or case: still worth showing as a change.
        score = fuzz.ratio(" ".join(ls.same[i] for i in m.left), rs.same[m.right[0]]) / 100.0
        return Alignment(m.left, m.right, score, AlignKind.CHANGED, f"fuzzy {score:.2f}", lc, rc)
    return Alignment(m.left, m.right, score, AlignKind.CHANGED, m.reason, lc, rc)
