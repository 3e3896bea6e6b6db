"""Figures of both sides -> FigurePairs: which two figures count the same thing, and do they agree.

Pairing works on claim frames (``frames.py``) across the whole articles, not by position:
independently written reports of one event rarely have sentences that align, so alignment is
one signal among several. Candidates are pairs of figures of one dimension (counts with counts,
dollars with dollars, lengths with lengths after conversion); each gets the probability that
the two count the same thing from a logistic model over named features (``features.py``:
shared value, head noun class, event, subject, words around, who says so, time words,
alignment). The assignment is global and one-to-one: best-first over all candidates, each
figure used once, the reason kept.

Two thresholds keep look-alikes apart: a pair whose values agree needs ``agree_threshold``; a
pair whose values conflict needs the stronger ``conflict_threshold`` and strong evidence that
both count the same thing (one head noun class or one named subject, and no rival sources),
because a false "conflict" costs a fact-checker more than a missed agreement. Figures from
rival sources (police and organisers, an army and the rebels it fights) may agree but never
conflict: their difference is the story, not a disagreement between outlets.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from compare_tui.core import lexicon as lx
from compare_tui.core.dates import later_report
from compare_tui.core.figures.assign import Candidate, anchored, assign, leads_of_one_story
from compare_tui.core.figures.explain import explain
from compare_tui.core.figures.features import (
    FEATURES,
    MUTUAL,
    Models,
    Rarity,
    closeness,
    compatible,
    default_models,
    ratio,
    vector,
)
from compare_tui.core.figures.frames import Frame, frames, heads_clash, same_head
from compare_tui.core.models import (
    Alignment,
    Document,
    Figure,
    FigurePair,
    PairStatus,
)
from compare_tui.core.words import content_stems


@dataclass(frozen=True, slots=True)
class PairOptions:
    """Tuning knobs; the defaults are what the tests hold."""

    #: Probability that two figures with compatible values are one quantity, to pair them.
    agree_threshold: float = 0.05
    #: The same for values that conflict; higher, since a false conflict misleads.
    conflict_threshold: float = 0.3
    #: Buckets larger than this (left x right) compare each figure with its likeliest
    #: candidates only (same value, head noun, rare words), at most ``candidates`` of them.
    #: A figure left over by the one-to-one assignment joins the pair of its best candidate
    #: when that candidate is this likely: an article that gives one quantity twice
    #: ("Krol, 40," and "the 40-year-old") has both mentions paired.
    repeat_threshold: float = 0.5
    max_bucket_pairs: int = 40_000
    candidates: int = 48
    #: Weights of the models; None for the fitted ones shipped with the package.
    models: Models | None = None


IDF_FLOOR = 0.5


def sentence_idf(left: Document, right: Document) -> dict[str, float]:
    """Rarity of each word stem across the sentences of both articles."""
    df: Counter[str] = Counter()
    total = 0
    for doc in (left, right):
        for s in doc.sentences:
            total += 1
            df.update({k for _, _, k in content_stems(doc.text, s.start, s.end) if k})
    # At least IDF_FLOOR: in two one-line texts every word is in half the sentences, and
    # "fined the bank" must still count as shared words.
    return {w: max(IDF_FLOOR, math.log((total + 1) / (n + 0.5))) for w, n in df.items()}


def _aligned_sets(
    alignments: tuple[Alignment, ...],
) -> tuple[dict[int, int], dict[int, int]]:
    left: dict[int, int] = {}
    right: dict[int, int] = {}
    for n, a in enumerate(alignments):
        if a.left and a.right:
            for i in a.left:
                left[i] = n
            for j in a.right:
                right[j] = n
    return left, right


def _value_key(f: Frame) -> tuple[str, float | None, float | None]:
    return f.dimension, f.low, f.high


def _candidates(
    lefts: list[int],
    rights: list[int],
    lp: list[Frame],
    rp: list[Frame],
    idf: Mapping[str, float],
    options: PairOptions,
) -> Iterator[tuple[int, int]]:
    """All pairs in a small bucket; in a big one, each left figure's likeliest partners.

    The index keys are the value, the head noun and the three rarest words of the sentence,
    so the work grows with the number of figures, not with its square.
    """
    if len(lefts) * len(rights) <= options.max_bucket_pairs:
        for i in lefts:
            for j in rights:
                yield i, j
        return
    index: dict[object, list[int]] = defaultdict(list)
    for j in rights:
        for key in _index_keys(rp[j], idf):
            index[key].append(j)
    for i in lefts:
        seen: set[int] = set()
        for key in _index_keys(lp[i], idf):
            for j in index.get(key, ())[: options.candidates]:
                if j not in seen and len(seen) < options.candidates:
                    seen.add(j)
                    yield i, j


def _index_keys(f: Frame, idf: Mapping[str, float]) -> list[object]:
    rare = sorted(f.sentence_words, key=lambda w: -idf.get(w, 0.0))[:3]
    head = [("h", f.head)] if f.head is not None else []
    return [("v", *_value_key(f)), *head, *(("w", w) for w in rare)]


def score_candidates(
    left: Document,
    right: Document,
    figures: tuple[tuple[Figure, ...], tuple[Figure, ...]],
    alignments: tuple[Alignment, ...],
    *,
    options: PairOptions | None = None,
) -> list[Candidate]:
    """Every candidate pair with its features and probability (for pairing and for fitting)."""
    lp, rp = frames(left, figures[0]), frames(right, figures[1])
    return _score(left, right, lp, rp, alignments, options or PairOptions())


def _score(
    left: Document,
    right: Document,
    lp: list[Frame],
    rp: list[Frame],
    alignments: tuple[Alignment, ...],
    opts: PairOptions,
) -> list[Candidate]:
    models = opts.models or default_models()
    idf = Rarity(sentence_idf(left, right))
    l_align, r_align = _aligned_sets(alignments)
    l_values = Counter(_value_key(f) for f in lp)
    r_values = Counter(_value_key(f) for f in rp)

    buckets: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, p in enumerate(lp):
        buckets[p.dimension][0].append(i)
    for j, q in enumerate(rp):
        buckets[q.dimension][1].append(j)
    rows: list[tuple[int, int, list[float], bool]] = []
    for lefts, rights in buckets.values():
        if not lefts or not rights:
            continue
        for i, j in _candidates(lefts, rights, lp, rp, idf, opts):
            p, q = lp[i], rp[j]
            if not _may_pair(p, q):
                continue
            n = l_align.get(p.sentence)
            aligned = n is not None and r_align.get(q.sentence) == n
            rare = l_values[_value_key(p)] == 1 and r_values[_value_key(q)] == 1
            rows.append((i, j, vector(p, q, aligned=aligned, idf=idf, rare=rare), compatible(p, q)))
    _mark_mutual_best(rows)
    vectors = [features for _, _, features, _ in rows]
    same = models.same.probabilities(vectors)
    context = models.conflict.probabilities(vectors)
    return [
        Candidate(i, j, p_same, p_context, agree, features)
        for (i, j, features, agree), p_same, p_context in zip(rows, same, context, strict=True)
    ]


_SIMILARITY = (FEATURES.index("sentence_similarity"), FEATURES.index("near_similarity"))


def _mark_mutual_best(rows: list[tuple[int, int, list[float], bool]]) -> None:
    """Set ``mutual_best`` where each figure is the other's closest candidate by words."""
    words = [sum(features[k] for k in _SIMILARITY) for _, _, features, _ in rows]
    best_l: dict[int, float] = {}
    best_r: dict[int, float] = {}
    for (i, j, _, _), w in zip(rows, words, strict=True):
        best_l[i] = max(best_l.get(i, 0.0), w)
        best_r[j] = max(best_r.get(j, 0.0), w)
    for (i, j, features, _), w in zip(rows, words, strict=True):
        features[MUTUAL] = float(w > 0 and w == best_l[i] == best_r[j])


def _may_pair(p: Frame, q: Frame) -> bool:
    """Hard rules no weight can overrule: counts of things of different known classes
    (soldiers, trucks), vague counts of different things ("several tankers", "several
    soldiers"), counts of different events (killed, wounded) or ages of different people are
    never one quantity, whatever their values. Unknown head nouns are left to the model:
    "2,440 people" pulled out alive are "2,500 survivors"."""
    if (p.restates or q.restates) and p.unit != q.unit:
        return False  # a conversion in parentheses pairs only with its own unit
    known = p.head in lx.HEAD_CLASSES and q.head in lx.HEAD_CLASSES
    if heads_clash(p, q) and (known or p.vague or q.vague):
        return False
    if p.event is not None and q.event is not None and p.event != q.event:
        return False
    return not (p.subject is not None and q.subject is not None and p.subject != q.subject)


def _same_group(p: Frame, q: Frame) -> bool:
    """One head class, one event and one named group ("three of their [separatist] fighters
    killed", "seven separatist gunmen were killed"): the frames alone say it is one quantity,
    whatever the sentences around them.

    One speaker's two numbers for one thing ("about 20,000 people", police said; "police put
    the crowd at 25,000 people") are one quantity too.
    """
    if not same_head(p, q) or p.event != q.event:
        return False
    if p.event is not None and p.side and q.side and p.side & q.side:
        return True
    return bool(p.source & q.source) and not (p.vague or q.vague)


#: Two reports do not disagree by more than this factor about one count: 7,200 and 435
#: structures destroyed are two fires. Vague words are exempt: "a handful" against "dozens"
#: is the disagreement a reader must see.
MAX_CONFLICT_RATIO = 5.0


def _may_conflict(p: Frame, q: Frame) -> bool:
    """Strong evidence that two figures whose values differ count the same thing.

    One named subject (an age), or one head noun class with no other event and no rival
    sources; for measures, money and other kinds the model's confidence alone decides.
    """
    if p.roles and q.roles and not p.roles & q.roles:
        return False
    if ratio(p, q) > MAX_CONFLICT_RATIO and not (p.vague or q.vague):
        return False
    if (p.enemy_claim or q.enemy_claim) and not p.roles & q.roles:
        return False
    if p.subject is not None or q.subject is not None:
        return p.subject == q.subject
    if p.dimension != "count":
        return True
    if not same_head(p, q):
        return False
    return (p.event is None) == (q.event is None)


def pair_figures(
    left: Document,
    right: Document,
    figures: tuple[tuple[Figure, ...], tuple[Figure, ...]],
    alignments: tuple[Alignment, ...],
    *,
    options: PairOptions | None = None,
) -> tuple[FigurePair, ...]:
    """Pairs of figures that count the same thing, best first taken, each figure once."""
    opts = options or PairOptions()
    lf, rf = figures
    lp, rp = frames(left, lf), frames(right, rf)
    candidates = _score(left, right, lp, rp, alignments, opts)
    kept: list[tuple[float, Candidate]] = []
    leads: set[tuple[int, int]] = set()
    for c in candidates:
        p, q = lp[c.left], rp[c.right]
        lead = leads_of_one_story(p, q)
        if lead:
            leads.add((c.left, c.right))
        group = _same_group(p, q) or lead
        if c.agree and c.probability >= opts.agree_threshold:
            kept.append((c.probability, c))
        elif (
            not c.agree and (c.context >= opts.conflict_threshold or group) and _may_conflict(p, q)
        ):
            # The frames' own word (one group, one speaker) ranks with a likely pair.
            kept.append((max(c.probability, 0.5) if group else c.probability, c))
    kept.sort(
        key=lambda t: (
            -t[0],
            abs(lp[t[1].left].position - rp[t[1].right].position),
            t[1].left,
            t[1].right,
        )
    )
    chosen = assign(kept, repeat_threshold=opts.repeat_threshold, leads=leads)

    def allowed(c: Candidate) -> bool:
        # An anchored conflict is a near miss (2015 vs 2016, 224 vs 226), never a factor apart.
        p, q = lp[c.left], rp[c.right]
        return c.agree or (closeness(p, q) > 0 and _may_conflict(p, q))

    taken = [c for _, c in chosen] + anchored(chosen, candidates, lp, rp, allowed=allowed)
    later = later_report(left.source.published, right.source.published)
    pairs = [
        FigurePair(
            c.left,
            c.right,
            PairStatus.AGREE if c.agree else PairStatus.CONFLICT,
            explain(lf[c.left], rf[c.right], agree=c.agree, later=later),
        )
        for c in taken
    ]
    pairs.sort(key=lambda p: (p.left, p.right))
    return tuple(pairs)
