"""Gap filling: paraphrases between aligned neighbours, splits and merges up to 1:3 / 3:1."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from compare_tui.core.align import align_sentences
from compare_tui.core.align_features import Match
from compare_tui.core.align_gaps import chain
from compare_tui.core.models import SegmentKind
from tests.test_align import check_invariants, doc, pairs

FIRST = "Malian security forces clashed with separatists in the Kidal region over two days."
LAST = "Some 2,000 Russian mercenaries remain in the country, according to U.S. officials."
LEFT_MID = "The hostilities began on Thursday, following an offensive initiated by the army."
RIGHT_MID = "The violence erupted on Thursday when the army launched an operation."


def test_paraphrase_between_aligned_neighbours_is_linked_with_its_evidence() -> None:
    left, right = doc([FIRST, LEFT_MID, LAST]), doc([FIRST, RIGHT_MID, LAST])
    result = align_sentences(left, right)
    check_invariants(left, right, result)
    assert ((1,), (1,)) in pairs(result)
    middle = next(a for a in result if a.left == (1,))
    assert middle.reason.startswith("between aligned neighbours; shared: ")
    assert "thursday" in middle.reason and "army" in middle.reason


def test_the_same_paraphrase_without_neighbours_stays_apart() -> None:
    """Place is the evidence: alone, two sentences sharing a weekday are not one fact."""
    result = align_sentences(doc([LEFT_MID]), doc([RIGHT_MID]))
    assert not pairs(result)


def test_gap_sentences_sharing_only_common_words_stay_apart() -> None:
    other = "Officials said the situation was calm and that the army was on alert in the area."
    left, right = doc([FIRST, LEFT_MID, LAST]), doc([FIRST, other, LAST])
    assert ((1,), (1,)) not in pairs(align_sentences(left, right))


def test_one_sentence_split_into_three() -> None:
    long = (
        "Ramadan said the group seized twelve trucks loaded with cereals, several diesel "
        "tankers full of fuel, and an armoured vehicle from a convoy of thirty vehicles."
    )
    parts = [
        "The group seized twelve trucks loaded with cereals.",
        "It also took several diesel tankers full of fuel.",
        "An armoured vehicle from the convoy of thirty vehicles was taken too, Ramadan said.",
    ]
    left, right = doc([FIRST, long, LAST]), doc([FIRST, *parts, LAST])
    result = align_sentences(left, right)
    check_invariants(left, right, result)
    assert ((1,), (1, 2, 3)) in pairs(result)
    joined = next(a for a in result if a.left == (1,))
    assert joined.reason.endswith("split 1:3")
    # And the mirror image is a 3:1 merge.
    result = align_sentences(right, left)
    check_invariants(right, left, result)
    assert ((1, 2, 3), (1,)) in pairs(result)
    assert next(a for a in result if a.right == (1,)).reason.endswith("merge 3:1")


def test_a_headline_is_never_joined_to_a_sentence() -> None:
    head = ("Kidal clashes", SegmentKind.HEADLINE)
    left = doc([FIRST, LEFT_MID, LAST])
    right = doc([FIRST, head, "Clashes in Kidal: the hostilities began on Thursday.", LAST])
    for a in align_sentences(left, right):
        assert 1 not in a.right or a.left == ()


def _brute(matches: list[Match]) -> int:
    best = 0
    for n in range(len(matches), 0, -1):
        for combo in combinations(sorted(matches, key=lambda m: m.left), n):
            rights = [m.right[0] for m in combo]
            if rights == sorted(rights) and len(set(rights)) == n:
                return n
    return best


@given(st.permutations(list(range(7))), st.integers(min_value=0, max_value=7))
def test_chain_is_a_longest_increasing_run(order: list[int], keep: int) -> None:
    matches = [Match((i,), (j,), 1.0, "t") for i, j in enumerate(order[: max(keep, 0)])]
    spine = chain(matches)
    lefts = [m.left[0] for m in spine]
    rights = [m.right[0] for m in spine]
    assert lefts == sorted(lefts) and rights == sorted(rights)
    assert len(spine) == _brute(matches)
