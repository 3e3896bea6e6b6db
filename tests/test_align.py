"""Sentence alignment: unit cases, the seed articles, a long generated pair, invariants."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.align import AlignOptions, align_sentences
from compare_tui.core.compare import build_document
from compare_tui.core.models import (
    AlignKind,
    Alignment,
    Document,
    SegmentKind,
    Sentence,
    Source,
    Span,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BENCH = ROOT.parent / "shared" / "bench"

A = "Malian security forces clashed with separatists in the Kidal region on Thursday."
B = "The army said ten separatist fighters were killed in the fighting."
C = "A logistics convoy was ambushed the following day but the attack was repelled."
D = "Videos shared on social media showed burning military trucks in the desert."
E = "Some 2,000 Russian mercenaries remain in the country, according to U.S. officials."


def doc(sentences: Sequence[str | tuple[str, SegmentKind]], path: str = "x.txt") -> Document:
    """A document with one sentence per paragraph, independent of the segmenter."""
    text, spans, sents = "", [], []
    for n, item in enumerate(sentences):
        body, kind = (item, SegmentKind.SENTENCE) if isinstance(item, str) else item
        start = len(text)
        text += body + "\n\n"
        spans.append(Span(start, start + len(body)))
        sents.append(Sentence(start, start + len(body), n, kind))
    return Document(Source(path=path), text, tuple(spans), tuple(sents))


def seed(name: str) -> Document:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return build_document(path.read_text(encoding="utf-8"), Source(path=str(path)))


def pairs(alignments: Sequence[Alignment]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(a.left, a.right) for a in alignments if a.left and a.right}


def holder(alignments: Sequence[Alignment], side: str, index: int) -> Alignment:
    return next(a for a in alignments if index in (a.left if side == "left" else a.right))


def check_invariants(left: Document, right: Document, alignments: Sequence[Alignment]) -> None:
    seen_l = sorted(i for a in alignments for i in a.left)
    seen_r = sorted(j for a in alignments for j in a.right)
    assert seen_l == list(range(len(left.sentences)))
    assert seen_r == list(range(len(right.sentences)))
    for a in alignments:
        assert 0.0 <= a.score <= 1.0
        assert a.left or a.right
        if a.left and a.right:
            assert a.kind in (AlignKind.SAME, AlignKind.CHANGED)
            assert all(left.sentences[i].matchable for i in a.left)
            assert all(right.sentences[j].matchable for j in a.right)
            assert len(a.left) == 1 or len(a.right) == 1
            assert max(len(a.left), len(a.right)) <= 3
            for part in (a.left, a.right):
                assert list(part) == list(range(part[0], part[0] + len(part)))
        else:
            assert a.kind is (AlignKind.LEFT_ONLY if a.left else AlignKind.RIGHT_ONLY)
            assert not a.left_changes and not a.right_changes
        for doc_, idx, changes in (
            (left, a.left, a.left_changes),
            (right, a.right, a.right_changes),
        ):
            for c in changes:
                assert any(
                    doc_.sentences[i].start <= c.start < c.end <= doc_.sentences[i].end for i in idx
                )
    # Left reading order; a right-only alignment follows the holder of the sentence before it.
    firsts = [min(a.left) for a in alignments if a.left]
    assert firsts == sorted(firsts)
    for n, a in enumerate(alignments):
        if not a.left:
            (j,) = a.right
            if j == 0 or n == 0:
                assert all(not b.left for b in alignments[:n])
            else:
                assert j - 1 in alignments[n - 1].right


# Unit cases ----------------------------------------------------------------------------------


def test_identical_documents_align_exactly() -> None:
    left, right = doc([A, B, C]), doc([A, B, C])
    result = align_sentences(left, right)
    assert [(a.left, a.right, a.kind, a.reason, a.score) for a in result] == [
        ((i,), (i,), AlignKind.SAME, "exact", 1.0) for i in range(3)
    ]
    assert all(not a.left_changes and not a.right_changes for a in result)


def test_quote_and_whitespace_differences_are_still_same() -> None:
    left = doc(["They killed “dozens” of soldiers,  the army’s statement said."])
    right = doc(['They killed "dozens" of soldiers, the army\'s statement said.'])
    (a,) = align_sentences(left, right)
    assert a.kind is AlignKind.SAME


def test_repeated_sentences_pair_by_position() -> None:
    left = doc(["It was so.", A, "It was so.", B])
    right = doc(["It was so.", A, "It was so.", C, B])
    result = align_sentences(left, right)
    assert pairs(result) == {((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (4,))}
    assert all(a.kind is AlignKind.SAME for a in result if a.left and a.right)


def test_reordered_sentences_are_found() -> None:
    left, right = doc([A, B, C, D]), doc([D, C, A, B])
    result = align_sentences(left, right)
    assert pairs(result) == {((0,), (2,)), ((1,), (3,)), ((2,), (1,)), ((3,), (0,))}
    assert [a.left for a in result] == [(0,), (1,), (2,), (3,)]
    check_invariants(left, right, result)


def test_reworded_sentence_is_changed_with_word_spans() -> None:
    left = doc([A, "The army said ten separatist fighters were killed in two days of fighting."])
    right = doc([A, "The army said 12 separatist fighters died in two days of fighting."])
    a = holder(align_sentences(left, right), "left", 1)
    assert a.right == (1,)
    assert a.kind is AlignKind.CHANGED
    assert a.reason.startswith("fuzzy ")
    assert 0.42 <= a.score < 1.0
    assert [left.text[s.start : s.end] for s in a.left_changes] == ["ten", "were killed"]
    assert [right.text[s.start : s.end] for s in a.right_changes] == ["12", "died"]


def test_split_one_sentence_into_two() -> None:
    joined = (
        "Malian security forces clashed with separatists in the Kidal region on Thursday,"
        " and a logistics convoy was ambushed the following day."
    )
    left = doc([B, joined, D])
    right = doc(
        [
            B,
            "Malian security forces clashed with separatists in the Kidal region on Thursday.",
            "A logistics convoy was ambushed the following day.",
            D,
        ]
    )
    result = align_sentences(left, right)
    a = holder(result, "left", 1)
    assert (a.left, a.right) == ((1,), (1, 2))
    assert a.reason.startswith("split ")
    check_invariants(left, right, result)


def test_merge_two_sentences_into_one() -> None:
    left = doc(
        [
            C,
            "The separatists said they seized 12 trucks loaded with food.",
            "They also took an armored vehicle from the convoy of 30 vehicles.",
            E,
        ]
    )
    right = doc(
        [
            C,
            "The separatists said they seized 12 trucks loaded with food and an armored vehicle"
            " from the convoy of 30 vehicles.",
            E,
        ]
    )
    result = align_sentences(left, right)
    a = holder(result, "right", 1)
    assert (a.left, a.right) == ((1, 2), (1,))
    assert a.reason.startswith("merge ")
    check_invariants(left, right, result)


def test_sentences_without_counterpart_are_one_sided_and_placed() -> None:
    extra = "Aid groups warned of a looming food crisis in the camps near Timbuktu."
    left, right = doc([A, B, D]), doc([A, extra, B, C])
    result = align_sentences(left, right)
    assert [(a.left, a.right, a.kind) for a in result] == [
        ((0,), (0,), AlignKind.SAME),
        ((), (1,), AlignKind.RIGHT_ONLY),
        ((1,), (2,), AlignKind.SAME),
        ((), (3,), AlignKind.RIGHT_ONLY),
        ((2,), (), AlignKind.LEFT_ONLY),
    ]
    assert all(
        a.reason == "no counterpart" and a.score == 0.0 for a in result if not a.right or not a.left
    )


def test_right_only_at_the_top_comes_first() -> None:
    result = align_sentences(doc([A]), doc([D, A]))
    assert [(a.left, a.right) for a in result] == [((), (0,)), ((0,), (1,))]


def test_furniture_is_never_matched() -> None:
    views = ("Total Views : 21", SegmentKind.FURNITURE)
    left, right = doc([views, A]), doc([views, A])
    result = align_sentences(left, right)
    furniture = [a for a in result if a.reason == "page furniture"]
    assert sorted((a.left, a.right) for a in furniture) == [((), (0,)), ((0,), ())]
    assert pairs(result) == {((1,), (1,))}
    check_invariants(left, right, result)


def test_no_forced_weak_match() -> None:
    left = doc(["The army said the attack on the convoy in Kidal was repelled on Friday."])
    right = doc(["Aid groups in Kidal said on Friday that food prices had doubled since May."])
    result = align_sentences(left, right)
    assert [a.kind for a in result] == [AlignKind.RIGHT_ONLY, AlignKind.LEFT_ONLY]


def test_thresholds_are_options() -> None:
    left = doc(["The army said the attack on the convoy was repelled."])
    right = doc(["The army reported that the assault on its convoy had been repelled."])
    loose = align_sentences(left, right, options=AlignOptions(fuzzy_threshold=0.1))
    strict = align_sentences(left, right, options=AlignOptions(fuzzy_threshold=0.99))
    assert pairs(loose) == {((0,), (0,))}
    assert pairs(strict) == set()


def test_empty_documents() -> None:
    assert align_sentences(doc([]), doc([])) == ()
    assert [a.kind for a in align_sentences(doc([A]), doc([]))] == [AlignKind.LEFT_ONLY]


# The seed articles ---------------------------------------------------------------------------


def find(document: Document, start: str) -> int:
    hits = [
        i for i in range(len(document.sentences)) if document.sentence_text(i).startswith(start)
    ]
    assert len(hits) == 1, start
    return hits[0]


def test_seed_rewrite_pairs_the_lead_sentences() -> None:
    left, right = seed("000"), seed("004")
    result = align_sentences(left, right)
    check_invariants(left, right, result)
    i = find(left, "Malian security forces engaged in clashes")
    j = find(right, "Malian security forces clashed with members")
    a = holder(result, "left", i)
    assert a.right == (j,)
    assert a.kind is AlignKind.CHANGED
    assert a.left_changes and a.right_changes
    i = find(left, "The videos also showed several bodies")
    assert holder(result, "left", i).right == (find(right, "The videos also showed bodies"),)
    # A paraphrase split across two sentences on one side and joined on the other.
    i = find(left, "According to the army’s statement, a logistics convoy")
    a = holder(result, "left", i)
    assert a.right == (find(right, "On Friday, the Malian military's logistics convoy"),)
    assert a.left == (i, i + 1)


def test_seed_reordering_is_found() -> None:
    left, right = seed("000"), seed("001")
    result = align_sentences(left, right)
    check_invariants(left, right, result)
    i = find(left, "Malian security forces engaged in clashes")
    j = find(right, "Ten separatist fighters were killed")
    assert holder(result, "right", j).left == (i,)
    assert j < i  # the pairing crosses: the first sentence of 001 is the fifth-ish of 000
    i = find(left, "The separatists stated that they had killed")
    assert holder(result, "left", i).right == (find(right, "The separatists reported killing"),)


def test_different_battle_is_mostly_unaligned() -> None:
    left, right = seed("000"), seed("002")
    result = align_sentences(left, right)
    check_invariants(left, right, result)
    matched = sum(len(a.left) for a in result if a.left and a.right)
    assert matched <= 0.1 * len(left.sentences)


# A long generated pair -----------------------------------------------------------------------


@pytest.mark.skipif(not (BENCH / "make_long_pair.py").exists(), reason="no bench generator")
def test_long_generated_pair_recall(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "make_long_pair.py"),
            str(BENCH / "war-and-peace.txt"),
            "--sentences",
            "1000",
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    left, right = (
        build_document((tmp_path / n).read_text(encoding="utf-8"), Source(path=n))
        for n in ("left.txt", "right.txt")
    )
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    result = align_sentences(left, right)
    check_invariants(left, right, result)

    def at(document: Document, snippet: str) -> int | None:
        return document.sentence_at(document.text.index(snippet))

    found = total = 0
    for link in truth["links"]:
        i, j = at(left, link["left"]), at(right, link["right"])
        if i is None or j is None:
            continue
        total += 1
        found += j in holder(result, "left", i).right
    assert total > 500
    assert found / total >= 0.95
    alone = [
        holder(result, "left", i).kind is AlignKind.LEFT_ONLY
        for s in truth["dropped"]
        if (i := at(left, s)) is not None
    ]
    alone += [
        holder(result, "right", j).kind is AlignKind.RIGHT_ONLY
        for s in truth["inserted"]
        if (j := at(right, s)) is not None
    ]
    assert sum(alone) >= 0.9 * len(alone)


# Invariants ----------------------------------------------------------------------------------

POOL = [
    A,
    B,
    C,
    D,
    E,
    "The army said ten fighters were killed.",
    "Ten fighters were killed, the army said.",
    "Yes.",
    "Yes.",
    "—",
    "Total Views : 21",
]
words = st.sampled_from(["the", "army", "ten", "killed", "Mali", "convoy", "“dozens”", "2,000"])
free = st.lists(words, min_size=1, max_size=10).map(lambda ws: " ".join(ws).capitalize() + ".")
item = st.one_of(
    st.sampled_from(POOL),
    free,
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=30,
    ).filter(lambda s: s.strip() != ""),
    st.sampled_from(POOL).map(lambda s: (s, SegmentKind.FURNITURE)),
)


def strip(x: str | tuple[str, SegmentKind]) -> str | tuple[str, SegmentKind]:
    return x.strip() if isinstance(x, str) else (x[0].strip(), x[1])


@settings(max_examples=150, deadline=None)
@given(st.lists(item, max_size=12), st.lists(item, max_size=12))
def test_every_sentence_in_exactly_one_alignment(
    left_items: list[str | tuple[str, SegmentKind]],
    right_items: list[str | tuple[str, SegmentKind]],
) -> None:
    left = doc([strip(x) for x in left_items])
    right = doc([strip(x) for x in right_items])
    check_invariants(left, right, align_sentences(left, right))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(POOL), free), max_size=10), st.randoms())
def test_segmented_texts_hold_invariants(sentences: list[str], rng: object) -> None:
    left_text = " ".join(sentences)
    shuffled = list(sentences)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    right_text = "\n\n".join(shuffled[: max(0, len(shuffled) - 1)])
    left = build_document(left_text, Source(path="l"))
    right = build_document(right_text, Source(path="r"))
    check_invariants(left, right, align_sentences(left, right))
