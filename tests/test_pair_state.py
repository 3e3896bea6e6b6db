"""The pair view's state without an App: every transition of ``ui/pair_state``."""

from __future__ import annotations

import subprocess
import sys
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.compare import compare_paths
from compare_tui.core.models import Comparison
from compare_tui.ui.pair_state import PairIndex, PairState, enabled, notes_summary
from tests.conftest import seed


@cache
def comparison(right: str = "004") -> Comparison:
    return compare_paths(seed("000"), seed(right))


@cache
def index(right: str = "004") -> PairIndex:
    return PairIndex.of(comparison(right))


def test_the_state_module_imports_no_textual() -> None:
    code = "import sys, compare_tui.ui.pair_state; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_stops_skip_page_furniture_and_start_on_a_two_sided_alignment() -> None:
    ix, c = index(), comparison()
    docs = c.documents
    for n in ix.stops:
        a = c.alignments[n]
        sentences = [docs[0].sentences[i] for i in a.left] + [docs[1].sentences[j] for j in a.right]
        assert any(s.matchable for s in sentences)
    assert len(ix.stops) < len(c.alignments)  # 000 and 004 carry page furniture
    start = ix.start()
    assert start.current is not None
    a = c.alignments[start.current]
    assert a.left and a.right
    assert all(not (b.left and b.right) for b in c.alignments[: start.current])


def test_step_walks_the_stops_and_stays_at_the_ends() -> None:
    ix = index()
    state = PairState(current=ix.stops[0])
    seen = [state.current]
    for _ in range(len(ix.stops) + 3):
        state = state.step(ix, 1)
        seen.append(state.current)
    assert seen[: len(ix.stops)] == list(ix.stops)
    assert state.current == ix.stops[-1]
    assert state.neighbour(ix, 1) is None
    back = state.step(ix, -1)
    assert back.current == ix.stops[-2]
    first = PairState(current=ix.stops[0])
    assert first.step(ix, -1) is first  # nothing to do: the same state


def test_step_from_between_stops_goes_to_the_nearest_stop_that_way() -> None:
    ix = index()
    between = next(n for n in range(len(comparison().alignments)) if n not in ix.stops)
    state = PairState(current=between)
    assert ix.stop_number(between) is None
    after = state.step(ix, 1).current
    before = state.step(ix, -1).current
    assert after is not None and after > between and after in ix.stops
    if before != between:
        assert before is not None and before < between and before in ix.stops


def test_at_alignment_lets_a_marked_figure_go() -> None:
    ix = index()
    marked = PairState(current=0).at_figure_row(ix, 0)
    assert marked.figure_row == 0
    moved = marked.at_alignment(ix.stops[3])
    assert moved.current == ix.stops[3] and moved.figure_row is None


def test_at_figure_row_makes_its_alignment_current() -> None:
    ix, c = index(), comparison()
    k = next(k for k, r in enumerate(ix.rows) if r.left is not None)
    state = PairState(current=0).at_figure_row(ix, k)
    figure = c.figures[0][ix.rows[k].left]  # type: ignore[index]
    assert state.current == c.alignment_of[0][figure.sentence]
    assert state.figure_row == k
    left, _ = state.figure_spans(ix)
    assert left is not None and (left.start, left.end) == (figure.start, figure.end)
    assert PairState(current=0).at_figure_row(ix, len(ix.rows)).figure_row is None


def test_conflict_steps_through_conflict_rows() -> None:
    ix = index("001")
    assert ix.conflict_rows, "seeds 000/001 have a figure conflict"
    state = PairState(current=0)
    assert state.can(ix)["next_conflict"] and not state.can(ix)["prev_conflict"]
    first = state.conflict(ix, 1)
    assert first.figure_row == ix.conflict_rows[0] and first.conflict_pos == 0
    last = first
    for _ in range(len(ix.conflict_rows) + 2):
        last = last.conflict(ix, 1)
    assert last.conflict_pos == len(ix.conflict_rows) - 1
    assert not last.can(ix)["next_conflict"]
    assert "conflict 1/" in first.status_parts(ix)[2]


def test_search_finds_both_sides_and_wraps() -> None:
    ix, c = index(), comparison()
    state = PairState(current=ix.stops[0]).search(ix, "VIDEOS")
    assert {side for side, _ in state.hits} == {0, 1}
    assert state.hit == 0
    side, span = state.hits[0]
    assert c.documents[side].text[span.start : span.end].lower() == "videos"
    sentence = c.documents[side].sentence_at(span.start)
    assert sentence is not None and state.current == c.alignment_of[side][sentence]
    again = state.search(ix, "VIDEOS")  # the same words again: the next match
    assert again.hit == 1
    assert again.match(ix, -1).hit == 0
    assert state.match(ix, -1).hit == len(state.hits) - 1  # wraps
    none = state.search(ix, "no such words anywhere")
    assert none.hits == () and none.hit is None and none.current == state.current
    assert "no match" in none.status_parts(ix)[3]
    assert PairState(current=0).search(ix, "   ").hits == ()


def test_marks_show_the_current_alignment_figure_and_match() -> None:
    ix, c = index(), comparison()
    n = next(n for n in ix.stops if c.alignments[n].left_changes)
    left, right = PairState(current=n).marks(ix)
    a = c.alignments[n]
    assert left.sentences == frozenset(a.left) and right.sentences == frozenset(a.right)
    assert left.changes == a.left_changes and left.figure is None and left.match is None
    found = PairState(current=n).search(ix, "Malian")
    side, span = found.hits[0]
    assert found.marks(ix)[side].match == span
    assert found.marks(ix)[1 - side].match is None
    assert PairState(current=None).marks(ix)[0].sentences == frozenset()


def test_toggled_view_and_status() -> None:
    ix = index()
    state = ix.start()
    rows = state.toggled_view()
    assert rows.view == "rows" and rows.toggled_view().view == "panes"
    where, about, conflicts, search = rows.status_parts(ix)
    assert state.current is not None
    assert where.startswith(f"alignment {ix.stops.index(state.current) + 1}/{len(ix.stops)}")
    assert "rows view" in where
    assert "score" in about and "figure conflict" in conflicts and search == ""
    assert PairState(current=None).status_parts(ix) == ("no sentences",)


def test_enabled_keys() -> None:
    ix = index()
    assert not any(enabled(None, PairState(current=None)).values())
    can = enabled(ix, ix.start())
    assert can["next_alignment"] and can["toggle_rows"] and can["note"]
    assert not can["next_match"]


def test_figure_rows_and_partners() -> None:
    ix, c = index(), comparison()
    row = ix.rows[0]
    assert ix.figure_row_for(row.left, row.right) == 0
    assert ix.figure_row_for(None, None) is None
    n = ix.start().current
    assert n is not None
    a = c.alignments[n]
    assert ix.partner(0, a.left[0]) == min(a.right)


def test_notes_summary() -> None:
    assert notes_summary("m.md", 0, False) == "notes: m.md"
    assert notes_summary("m.md", 1, True) == "notes: m.md (1 note, unsaved)"
    assert notes_summary("m.md", 2, False) == "notes: m.md (2 notes)"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["n", "p", "]", "[", "f", "/", ">", "<", "v"]), max_size=30))
def test_any_key_sequence_keeps_the_state_valid(keys: list[str]) -> None:
    ix = index()
    state = ix.start()
    for key in keys:
        state = {
            "n": lambda s: s.step(ix, 1),
            "p": lambda s: s.step(ix, -1),
            "]": lambda s: s.conflict(ix, 1),
            "[": lambda s: s.conflict(ix, -1),
            "f": lambda s: s.at_figure_row(ix, 1),
            "/": lambda s: s.search(ix, "army"),
            ">": lambda s: s.match(ix, 1),
            "<": lambda s: s.match(ix, -1),
            "v": lambda s: s.toggled_view(),
        }[key](state)
        assert state.current is not None and 0 <= state.current < len(comparison().alignments)
        assert state.figure_row is None or 0 <= state.figure_row < len(ix.rows)
        assert state.hit is None or 0 <= state.hit < len(state.hits)
        assert -1 <= state.conflict_pos < len(ix.conflict_rows)
