"""Figures of both sides -> FigurePairs: which two figures count the same thing, and do they agree.

Matching is greedy and explainable. Every candidate pair gets a score in [0, 1] from what the
figures count (head noun class, "whose" side, event, source) or, for years, dates, durations,
money and other measures, from the words around them; figures in aligned sentences get a bonus,
but figures in unaligned sentences still pair. The best pairs are taken first, each figure once.

Two thresholds keep look-alikes apart: a pair whose values agree needs ``agree_threshold``; a pair
whose values conflict needs the stronger ``conflict_threshold``, because a false "conflict" costs
a fact-checker more than a missed agreement. Counts with different head nouns ("separatists" vs
"Malian soldiers") or different events (killed vs wounded) never pair; a death toll counts people
killed. Figures from rival sources (police and organisers, an army and the rebels it fights) may
agree but never conflict: their difference is the story, not a disagreement between outlets.
Which nouns are one class and which sources are rivals is domain vocabulary, kept in lexicon.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from compare_tui.core import lexicon as lx
from compare_tui.core import numbers as nb
from compare_tui.core.figure_table import value_text
from compare_tui.core.figures.meaning import owner_is_source
from compare_tui.core.models import (
    Alignment,
    Document,
    Figure,
    FigureKind,
    FigurePair,
    PairStatus,
)


@dataclass(frozen=True, slots=True)
class PairOptions:
    """Tuning knobs; the defaults are what the tests hold."""

    agree_threshold: float = 0.55
    conflict_threshold: float = 0.7
    #: Buckets larger than this (left x right) compare only nearby or aligned figures.
    max_bucket_pairs: int = 20_000
    #: In a large bucket, how many figures either side (by position) a figure is compared with.
    window: int = 40
    #: Relative slack given to an approximate point value ("around 30" holds 27..33).
    approx_slack: float = 0.1


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# The vocabulary (noun classes, source roles, side nouns) lives in lexicon.py.
_HEAD = lx.HEAD
_DEATH_NOUNS = lx.DEATH_NOUNS
_SOURCE_ROLES = lx.SOURCE_ROLES
_SIDE_NOUNS = lx.SIDE_NOUNS
_EVENT_GROUP = lx.EVENT_GROUP
_SYNONYM = {"military": "army", "spokesman": "spokes", "spokeswoman": "spokes"}
_SYNONYM["spokesperson"] = "spokes"
_STOP = _words(
    """a an the and or of in on at to from by with for as that which who this these those their
    its his her our it they he she we were was is are be been had have has said says also
    than more over some about around there into after before during while when"""
)
_ROLES = _words("spokes member official expert analyst worker head leader chief statement")
_WORD = re.compile(r"[A-Za-z][\w\-]*")
#: Seconds per unit, so "two days" and "48 hours" compare.
_DURATION_DAYS = {
    "second": 1 / 86_400, "minute": 1 / 1_440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
    "month": 30.44, "year": 365.25, "decade": 3_652.5, "century": 36_525.0,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Profile:
    """What a figure is about, reduced to comparable keys."""

    bucket: tuple[str, str | None]
    head: str | None
    side: frozenset[str]
    event: str | None
    source: frozenset[str]
    #: Roles of the source (_SOURCE_ROLES), empty when unknown.
    roles: frozenset[str]
    context: frozenset[str]
    low: float | None
    high: float | None
    position: float


def _lemma(word: str) -> str:
    w = word.lower().replace("’s", "").replace("'s", "").rstrip("’'")
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("men") and len(w) > 4:
        w = w[:-3] + "man"
    elif w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return _SYNONYM.get(w, w)


def _stems(text: str | None) -> frozenset[str]:
    if not text:
        return frozenset()
    return frozenset(_lemma(w) for w in _WORD.findall(text) if w.lower() not in _STOP)


def _head_and_side(counted: str | None) -> tuple[str | None, set[str]]:
    if not counted:
        return None, set()
    parts = re.split(r"\s+(?=(?:from|of)\s)", counted, maxsplit=1)
    main, rest = parts[0], (parts[1] if len(parts) > 1 else "")
    words = [_lemma(w) for w in _WORD.findall(main)]
    if not words:
        return None, set()
    head = words[-1]
    side = set(words[:-1]) | set(_stems(rest) - {"from", "of"}) - _STOP
    if head in _SIDE_NOUNS:
        side.add(head)
    return _HEAD.get(head, head), side


def _unit_key(figure: Figure) -> str | None:
    if figure.kind is FigureKind.DURATION:
        return "time"
    return figure.unit


def _scaled(figure: Figure) -> tuple[float | None, float | None]:
    """Bounds in a comparable unit (durations in days)."""
    factor = _DURATION_DAYS.get(figure.unit or "", 1.0) if figure.kind is FigureKind.DURATION else 1
    low = figure.low * factor if figure.low is not None else None
    high = figure.high * factor if figure.high is not None else None
    return low, high


def _tally(figure: Figure, profile: _Profile) -> bool:
    return figure.kind is FigureKind.COUNT and figure.counted is None and profile.head is not None


def _profile(document: Document, figure: Figure, count: int) -> _Profile:
    source = _stems(figure.source)
    roles = frozenset(_SOURCE_ROLES[w] for w in source if w in _SOURCE_ROLES)
    low, high = _scaled(figure)
    position = figure.sentence / max(1, count)
    if figure.kind is FigureKind.COUNT:
        head, side = _head_and_side(figure.counted)
        event = _EVENT_GROUP.get(figure.event or "", figure.event)
        if owner_is_source(document, figure):
            side |= set(source - _ROLES)
        if head in _DEATH_NOUNS or (head is None and event == "killed"):
            head, event = "person", "killed"  # a death toll counts people killed
        return _Profile(
            bucket=("count", head),
            head=head,
            side=frozenset(side),
            event=event,
            source=source,
            roles=roles,
            context=frozenset(),
            low=low,
            high=high,
            position=position,
        )
    sentence = document.sentences[figure.sentence]
    before = document.text[max(sentence.start, figure.start - 70) : figure.start]
    after = document.text[figure.end : min(sentence.end, figure.end + 70)]
    context = _stems(" ".join(before.split()[-8:] + after.split()[:8]))
    return _Profile(
        bucket=(figure.kind.value, _unit_key(figure)),
        head=None,
        side=frozenset(),
        event=figure.event,
        source=source,
        roles=roles,
        context=context,
        low=low,
        high=high,
        position=position,
    )


def _prefix_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """ "russia" ~ "russian", "mali" ~ "malian": shared words up to a suffix."""
    for x in a:
        for y in b:
            if x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))):
                return True
    return False


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def compatible(
    a: tuple[float | None, float | None, bool],
    b: tuple[float | None, float | None, bool],
    *,
    slack: float = 0.1,
) -> bool:
    """Whether two intervals (low, high, approx) can hold the same true value."""

    def widen(low: float | None, high: float | None, approx: bool) -> tuple[float, float]:
        lo = float("-inf") if low is None else low
        hi = float("inf") if high is None else high
        if approx and low is not None and low == high:
            lo, hi = lo - abs(lo) * slack, hi + abs(hi) * slack
        return lo, hi

    alo, ahi = widen(*a)
    blo, bhi = widen(*b)
    return max(alo, blo) <= min(ahi, bhi)


def _score(p: _Profile, q: _Profile, aligned: bool) -> float | None:
    """How sure we are that two figures count the same thing; None when they cannot."""
    bonus = 1.0 if aligned else 0.0
    if p.bucket[0] != "count":
        # Same value and a quarter of the nearby words in common is enough to agree; a
        # conflict needs much more shared context (or an aligned sentence).
        same = p.low == q.low and p.high == q.high
        # The same full calendar date in two reports of one event is the same date.
        full_date = same and p.bucket == q.bucket == ("date", "date")
        return 0.85 * _dice(p.context, q.context) + 0.25 * bonus + 0.3 * same + 0.25 * full_date
    if p.head is None or q.head is None or p.head != q.head:
        # Only an aligned sentence lets a count with no (or another) counted noun pair.
        if not aligned:
            return None
        head = 0.3
    else:
        head = 1.0
    if p.event and q.event:
        if p.event != q.event:
            return None
        event = 1.0
    else:
        event = 0.25 if (p.event or q.event) else 0.4
    side = 0.5
    if p.side and q.side:
        side = 1.0 if _prefix_overlap(p.side, q.side) else -1.0
    source = _dice(p.source, q.source) if p.source and q.source else 0.3
    return 0.45 * head + 0.2 * event + 0.15 * side + 0.1 * source + 0.1 * bonus


def _may_conflict(p: _Profile, q: _Profile) -> bool:
    """Whether two figures that differ may be reported as a conflict at all.

    Rival sources (police and organisers) are expected to differ, and a count that says what
    happened (killed, missing) is not contradicted by one that does not say.
    """
    if p.roles and q.roles and not p.roles & q.roles:
        return False
    return not (p.bucket[0] == "count" and (p.event is None) != (q.event is None))


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


def _candidates(
    lefts: list[int],
    rights: list[int],
    lp: list[_Profile],
    rp: list[_Profile],
    options: PairOptions,
) -> Iterator[tuple[int, int]]:
    """All pairs in a small bucket; in a big one, only figures at about the same place."""
    if len(lefts) * len(rights) <= options.max_bucket_pairs:
        for i in lefts:
            for j in rights:
                yield i, j
        return
    ordered = sorted(rights, key=lambda j: rp[j].position)
    positions = [rp[j].position for j in ordered]
    for i in lefts:
        k = bisect_left(positions, lp[i].position)
        for j in ordered[max(0, k - options.window) : k + options.window]:
            yield i, j


def _headless_candidates(
    headless: tuple[list[int], list[int]],
    lf: tuple[Figure, ...],
    rf: tuple[Figure, ...],
    lp: list[_Profile],
    rp: list[_Profile],
    l_align: dict[int, int],
    r_align: dict[int, int],
) -> list[tuple[int, int]]:
    """Counts with no counted noun pair only with counts in an aligned sentence."""
    lefts: dict[int, list[int]] = defaultdict(list)
    rights: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(lp):
        if p.bucket[0] == "count" and lf[i].sentence in l_align:
            lefts[l_align[lf[i].sentence]].append(i)
    for j, q in enumerate(rp):
        if q.bucket[0] == "count" and rf[j].sentence in r_align:
            rights[r_align[rf[j].sentence]].append(j)
    out = [(i, j) for i in headless[0] for j in rights.get(l_align.get(lf[i].sentence, -1), [])]
    for j in headless[1]:
        for i in lefts.get(r_align.get(rf[j].sentence, -1), []):
            if lp[i].head is not None:  # headless x headless is already above
                out.append((i, j))
    return out


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
    lp = [_profile(left, f, len(left.sentences)) for f in lf]
    rp = [_profile(right, f, len(right.sentences)) for f in rf]
    l_align, r_align = _aligned_sets(alignments)

    buckets: dict[tuple[str, str | None], tuple[list[int], list[int]]] = defaultdict(
        lambda: ([], [])
    )
    for i, p in enumerate(lp):
        buckets[p.bucket][0].append(i)
    for j, q in enumerate(rp):
        buckets[q.bucket][1].append(j)
    # Counts with no counted noun may pair only inside aligned sentences, with any count.
    headless = buckets.pop(("count", None), ([], []))
    # Death tolls with no noun ("the toll rose to 57") are in the people bucket and may also
    # pair, like other counts with no noun, inside aligned sentences.
    headless[0].extend(i for i, f in enumerate(lf) if _tally(f, lp[i]))
    headless[1].extend(j for j, f in enumerate(rf) if _tally(f, rp[j]))
    extra = _headless_candidates(headless, lf, rf, lp, rp, l_align, r_align)

    scored: list[tuple[float, int, int, bool]] = []

    def consider(i: int, j: int) -> None:
        p, q = lp[i], rp[j]
        n = l_align.get(lf[i].sentence)
        aligned = n is not None and r_align.get(rf[j].sentence) == n
        score = _score(p, q, aligned)
        if score is None:
            return
        agree = compatible(
            (p.low, p.high, lf[i].approx), (q.low, q.high, rf[j].approx), slack=opts.approx_slack
        )
        if lf[i].kind in (FigureKind.YEAR, FigureKind.DATE, FigureKind.TIME):
            agree = p.low == q.low and p.high == q.high
        if not agree and not _may_conflict(p, q):
            return
        score += 0.02 if agree else 0.0
        if score >= (opts.agree_threshold if agree else opts.conflict_threshold):
            scored.append((score, i, j, agree))

    for lefts, rights in buckets.values():
        if lefts and rights:
            for i, j in _candidates(lefts, rights, lp, rp, opts):
                consider(i, j)
    for i, j in extra:
        consider(i, j)

    scored.sort(key=lambda t: (-t[0], abs(lp[t[1]].position - rp[t[2]].position), t[1], t[2]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs: list[FigurePair] = []
    for _, i, j, agree in scored:
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        status = PairStatus.AGREE if agree else PairStatus.CONFLICT
        pairs.append(FigurePair(i, j, status, explain(lf[i], rf[j], agree=agree)))
    pairs.sort(key=lambda p: (p.left, p.right))
    return tuple(pairs)


# --- Explanations -------------------------------------------------------------------------


#: Kinds compared by exact value but shown as written ("March 14", "14 March").
_AS_WRITTEN = frozenset({FigureKind.YEAR, FigureKind.DATE, FigureKind.TIME, FigureKind.ORDINAL})


def describe(figure: Figure) -> str:
    """A figure's value as the figure table prints it (``figure_table.value_text``), with the
    words of a vague quantity first: "10", "about 2,000", "dozens (13 or more)"."""
    value = value_text(figure)
    word = " ".join(figure.text.lower().split())
    vague = next((w for w in nb.VAGUE if word.endswith(w)), None)
    if vague is not None and figure.kind is FigureKind.COUNT:
        return f"{vague} ({value.removeprefix('about ')})"
    return value


def explain(left: Figure, right: Figure, *, agree: bool) -> str:
    """Short human reason: "both 10", "2,000 vs about 2,000", "3 vs 7 separatist gunmen killed".

    Dates, times and years agree only on the same value, so two wordings of one date read
    "March 14 = 14 March".
    """
    a, b = describe(left), describe(right)
    if a == b:
        text = f"both {a}"
    elif agree and left.kind in _AS_WRITTEN:
        text = f"{a} = {b}"
    else:
        text = f"{a} vs {b}"
    if agree:
        return text
    what = max((left.counted or "", right.counted or ""), key=len)
    event = left.event or right.event or ""
    return " ".join(part for part in (text, what, event) if part)
