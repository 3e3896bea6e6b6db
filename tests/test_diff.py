"""Word-level differences inside one aligned pair."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compare_tui.core.diff import word_changes
from compare_tui.core.models import Span


def whole(text: str) -> tuple[Span, ...]:
    return (Span(0, len(text)),)


def cut(text: str, spans: tuple[Span, ...]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_identical_sentences_have_no_changes() -> None:
    text = "The army said ten fighters were killed."
    assert word_changes(text, whole(text), text, whole(text)) == ((), ())


def test_changed_words_are_reported_on_each_side() -> None:
    left = "The army said ten fighters were killed on Thursday."
    right = "The army said 12 fighters were killed on Friday."
    lc, rc = word_changes(left, whole(left), right, whole(right))
    assert cut(left, lc) == ["ten", "Thursday"]
    assert cut(right, rc) == ["12", "Friday"]


def test_adjacent_changed_words_form_one_span() -> None:
    left = "Security forces engaged in clashes with the group."
    right = "Security forces clashed with the group."
    lc, rc = word_changes(left, whole(left), right, whole(right))
    assert cut(left, lc) == ["engaged in clashes"]
    assert cut(right, rc) == ["clashed"]


def test_case_and_quote_style_are_not_changes() -> None:
    left = "They killed “dozens” of soldiers, the army’s statement said."
    right = 'they killed "Dozens" of soldiers, the army\'s statement said.'
    assert word_changes(left, whole(left), right, whole(right)) == ((), ())


def test_insertion_only_marks_the_longer_side() -> None:
    left = "The convoy was ambushed."
    right = "The logistics convoy was ambushed."
    lc, rc = word_changes(left, whole(left), right, whole(right))
    assert lc == ()
    assert cut(right, rc) == ["logistics"]


def test_spans_are_cut_at_sentence_boundaries() -> None:
    left = "Ten were killed. Dozens were hurt."
    right = "Nobody was hurt."
    spans = (Span(0, 16), Span(17, len(left)))
    lc, _ = word_changes(left, spans, right, whole(right))
    for span in lc:
        assert any(s.start <= span.start and span.end <= s.end for s in spans)
    assert "Ten were killed" in cut(left, lc)


def test_only_the_given_spans_are_compared() -> None:
    left = "IGNORED PREFIX. Ten were killed."
    right = "Ten were killed."
    assert word_changes(left, (Span(16, len(left)),), right, whole(right)) == ((), ())


words = st.sampled_from(["the", "army", "said", "ten", "12", "killed", "Mali", "“dozens”", "of"])
sentence = st.lists(words, min_size=1, max_size=12).map(" ".join)
gap = st.sampled_from([" ", "  ", "\n", " \n\n "])


@st.composite
def spans_text(draw: st.DrawFn) -> tuple[str, tuple[Span, ...]]:
    parts = draw(st.lists(sentence, min_size=1, max_size=3))
    text, spans = draw(gap), []
    for part in parts:
        spans.append(Span(len(text), len(text) + len(part)))
        text += part + draw(gap)
    return text, tuple(spans)


@given(spans_text(), spans_text())
def test_changes_lie_inside_one_sentence_and_hold_a_word(
    left: tuple[str, tuple[Span, ...]], right: tuple[str, tuple[Span, ...]]
) -> None:
    changes = word_changes(left[0], left[1], right[0], right[1])
    for (text, spans), found in zip((left, right), changes, strict=True):
        ends = [c.start for c in found]
        assert ends == sorted(ends)
        for c in found:
            assert any(s.start <= c.start < c.end <= s.end for s in spans)
            piece = text[c.start : c.end]
            assert piece.strip() == piece and piece
