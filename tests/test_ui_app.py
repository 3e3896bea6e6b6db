"""Pilot tests: every key and action of the app does what the help says."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

from compare_tui.core.inputs import load_input
from compare_tui.core.load import LoadError, load_bytes
from compare_tui.core.models import Comparison, SegmentKind, Span
from compare_tui.notes.storage import read_memo
from compare_tui.ui.app import CompareApp
from compare_tui.ui.pair_state import PairIndex
from compare_tui.ui.screens.help import HelpScreen
from compare_tui.ui.screens.pair import PairScreen
from compare_tui.ui.screens.prompt import PromptScreen
from compare_tui.ui.widgets.article import ArticlePane
from compare_tui.ui.widgets.figures import FiguresTable

from .test_ui_support import (
    SEED_LEFT,
    SEED_RIGHT,
    SEED_SEVERAL,
    comparer_for,
    make_app,
    seed_comparison,
    settled,
    until,
)

SIZE = (160, 45)


async def ready(pilot: Pilot[int]) -> PairScreen:
    """The pair view, once its comparison is on screen."""
    view = await settled(pilot)
    assert view.comparison is not None
    assert pilot.app.screen is view
    return view


def ix(view: PairScreen) -> PairIndex:
    """The pair view's navigation targets, once its comparison is ready."""
    assert view.index is not None
    return view.index


def status(view: PairScreen) -> str:
    return str(view.query_one("#status").render())


async def test_initial_view_shows_both_articles(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        left, right = view.panes
        assert left.rendered_text()[0].startswith("Northern Mali Sees Deadly Fighting")
        assert right.rendered_text()[0].startswith("Many killed as separatists clash")
        assert "000_633a6f03b1d6c80d.txt" in str(left.border_title)
        assert "Northern Mali" in str(left.border_title)
        c = view.comparison
        assert c is not None and view.current is not None
        # The first alignment with sentences on both sides, not a one-sided headline.
        first = view.current
        assert c.alignments[first].left and c.alignments[first].right
        assert all(not (c.alignments[n].left and c.alignments[n].right) for n in range(first))
        stops = ix(view).stops
        assert f"alignment {stops.index(first) + 1}/{len(stops)}" in status(view)
        assert "notes.md" in status(view)
        width = left.scrollable_content_region.width
        assert all(len(line) <= width - 2 for line in left.rendered_text())


async def test_n_and_p_step_alignments_and_grey_out_at_the_ends(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert view.current is not None
        start = ix(view).stop_number(view.current)
        assert start is not None
        assert (view.check_action("prev_alignment", ()) is None) == (start == 0)
        await pilot.press("n", "n")
        assert view.current == ix(view).stops[start + 2]
        assert f"alignment {start + 3}/{len(ix(view).stops)}" in status(view)
        a = view.comparison.alignments[view.current]  # type: ignore[union-attr]
        left, right = view.panes
        assert left.highlight.sentences == frozenset(a.left)
        assert right.highlight.sentences == frozenset(a.right)
        await pilot.press("p")
        assert view.current == ix(view).stops[start + 1]
        for _ in range(len(ix(view).stops)):
            await pilot.press("p")
        assert view.current == ix(view).stops[0]
        assert view.check_action("prev_alignment", ()) is None
        for _ in range(len(ix(view).stops)):
            await pilot.press("n")
        assert view.current == ix(view).stops[-1]
        assert view.check_action("next_alignment", ()) is None


async def test_n_and_p_skip_page_furniture(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        c = view.comparison
        assert c is not None
        left, right = (doc.sentences for doc in c.documents)
        furniture = [
            n
            for n, a in enumerate(c.alignments)
            if all(left[i].kind is SegmentKind.FURNITURE for i in a.left)
            and all(right[j].kind is SegmentKind.FURNITURE for j in a.right)
        ]
        assert furniture, "seeds 000/004 carry page furniture"
        assert not set(furniture) & set(ix(view).stops)
        seen = {view.current}
        for _ in range(len(ix(view).stops)):
            await pilot.press("p")
            seen.add(view.current)
        for _ in range(len(ix(view).stops)):
            await pilot.press("n")
            seen.add(view.current)
        assert seen == set(ix(view).stops)


async def test_both_panes_scroll_to_the_current_alignment(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        c = view.comparison
        assert c is not None
        target = max(n for n in ix(view).stops if c.alignments[n].left and c.alignments[n].right)
        view.go_to_alignment(target)
        await pilot.pause()
        a = c.alignments[target]
        for pane, idx in zip(view.panes, (a.left, a.right), strict=True):
            first, last = pane.sentence_lines(idx)
            top = int(pane.scroll_y)
            assert top <= first and last < top + pane.scrollable_content_region.height


async def test_changed_words_are_styled_in_the_current_alignment(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        c = view.comparison
        assert c is not None
        n = next(k for k in ix(view).stops if c.alignments[k].left_changes)
        view.go_to_alignment(n)
        await pilot.pause()
        pane = view.panes[0]
        span = c.alignments[n].left_changes[0]
        changed = c.documents[0].text[span.start : span.end]
        y = pane.line_of(span.start) - int(pane.scroll_y)
        strip = pane.render_line(y)
        bold = [seg.text for seg in strip if seg.style and seg.style.bold]
        assert any(changed.split()[0] in t for t in bold)


async def test_conflict_keys_jump_to_figures(tmp_path: Path) -> None:
    # 000 vs 001: "dozens" vs "several" Malian soldiers killed.
    async with make_app(tmp_path, SEED_LEFT, SEED_SEVERAL).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert view.check_action("prev_conflict", ()) is None
        await pilot.press("right_square_bracket")
        c = view.comparison
        assert c is not None
        pair = c.conflicts[0]
        fig = c.figures[0][pair.left]
        assert fig.text == "dozens" and c.figures[1][pair.right].text == "several"
        assert view.panes[0].highlight.figure is not None
        assert view.panes[0].highlight.figure.start == fig.start
        assert view.current == c.alignment_of[0][fig.sentence]
        assert view.query_one(FiguresTable).cursor_row == 0
        assert "conflict 1/1" in status(view)
        assert view.check_action("next_conflict", ()) is None


async def test_tab_cycles_panes_and_figures(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert view.focused is view.panes[0]
        await pilot.press("tab")
        assert view.focused is view.panes[1]
        await pilot.press("tab")
        assert isinstance(view.focused, FiguresTable)
        await pilot.press("tab")
        assert view.focused is view.panes[0]


async def test_choosing_a_figure_row_brings_panes_to_it(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        view.query_one(FiguresTable).focus()
        c = view.comparison
        assert c is not None
        k = next(k for k, row in enumerate(ix(view).rows) if k >= 2 and row.right is not None)
        await pilot.press(*["j"] * k, "enter")
        row = ix(view).rows[k]
        assert row.right is not None
        fig = c.figures[1][row.right]
        assert view.panes[1].highlight.figure is not None
        assert view.panes[1].highlight.figure.start == fig.start
        await pilot.press("k")
        assert view.state.figure_row == k - 1


async def test_who_says_so_names_a_shared_source_once(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        table = view.query_one(FiguresTable)
        who = [str(table.get_row_at(k)[3]) for k in range(table.row_count)]
        assert "the Malian army" in who
        assert not any(w.count(" / ") and len(set(w.casefold().split(" / "))) == 1 for w in who)


async def test_movement_keys_scroll_the_focused_pane(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(160, 30)) as pilot:
        view = await ready(pilot)
        pane = view.panes[0]
        pane.focus()
        await pilot.press("g")
        assert pane.scroll_y == 0
        await pilot.press("j", "j", "down")
        assert pane.scroll_y == 3
        await pilot.press("k", "up")
        assert pane.scroll_y == 1
        await pilot.press("pagedown")
        assert pane.scroll_y > 3
        await pilot.press("G")
        assert pane.scroll_y == pane.max_scroll_y


async def test_scrolling_one_pane_brings_the_other_along(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(160, 30)) as pilot:
        view = await ready(pilot)
        left, right = view.panes
        left.focus()
        await pilot.press("g", "G")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert right.scroll_y > 0
        await pilot.press("g")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert left.scroll_y == 0 and right.scroll_y == 0


async def test_search_jumps_to_matches_in_both_articles(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert view.check_action("next_match", ()) is None
        await pilot.press("slash")
        assert isinstance(pilot.app.screen, PromptScreen)
        await pilot.press(*"wagner", "enter")
        sides = {side for side, _ in view.state.hits}
        assert sides == {0, 1}
        side, span = view.state.hits[0]
        c = view.comparison
        assert c is not None
        assert c.documents[side].text[span.start : span.end].lower() == "wagner"
        assert view.panes[side].highlight.match == span
        assert "“wagner”: 1/" in status(view)
        await pilot.press("greater_than_sign")
        assert view.state.hit == 1
        await pilot.press("less_than_sign")
        assert view.state.hit == 0


async def test_search_with_no_match_says_so(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        await pilot.press("slash", *"zzzqx", "enter")
        assert view.state.hits == () and "no match" in status(view)


async def test_note_modal_enter_keeps_escape_cancels(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        await pilot.press("a")
        assert isinstance(pilot.app.screen, PromptScreen)
        await pilot.press(*"check", "escape")
        assert not view.notes and not view.dirty
        await pilot.press("a", *"check [b]this[/b]", "enter")
        assert [n.text for n in view.notes.values()] == ["check [b]this[/b]"]
        assert view.dirty and "unsaved" in status(view) and "✎ noted" in status(view)
        await pilot.press("a")
        assert pilot.app.screen.query_one(Input).value == "check [b]this[/b]"
        await pilot.press("ctrl+a", "ctrl+k", "enter")
        assert not view.notes


async def test_note_on_a_figure_row_when_figures_focused(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        view.query_one(FiguresTable).focus()
        await pilot.press("a", *"recount", "enter")
        (note,) = view.notes.values()
        assert note.target.kind == "figure"


async def test_save_and_reopen_round_trip_keeps_all_notes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert view.check_action("save", ()) is True
        await pilot.press("n", "a", *"first", "enter")
        await pilot.press("n", "a", *"second", "enter")
        await pilot.press("s")
        assert not view.dirty
        assert view.check_action("save", ()) is None
    path = tmp_path / "notes.md"
    assert sorted(n.text for n in read_memo(path)) == ["first", "second"]
    text = path.read_text()
    # A note whose sentences are gone: it must survive the next save.
    stale = next(n for n in read_memo(path) if n.text == "first")
    stale_line = next(line for line in text.splitlines() if '"text":"first"' in line)
    path.write_text(text + "\n" + stale_line.replace(stale.digest, "000000000000") + "\n")

    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert sorted(n.text for n in view.notes.values()) == ["first", "second"]
        assert [n.text for n in view.detached] == ["first"]
        await pilot.press("a", *"third", "enter", "s")
    texts = sorted(n.text for n in read_memo(path))
    assert texts == ["first", "first", "second", "third"]


async def test_quit_saves_unsaved_notes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a", *"keep me", "enter")
        await pilot.press("q")
    assert app.return_code == 0
    assert [n.text for n in read_memo(tmp_path / "notes.md")] == ["keep me"]
    assert any(m.startswith("Saved 1 note to ") for m in app.exit_messages)


async def test_ctrl_q_quits_too(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a", *"x", "enter", "ctrl+q")
    assert app.return_code == 0
    assert (tmp_path / "notes.md").exists()


async def test_help_screen_opens_and_closes(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_command_palette_lists_the_actions(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        titles = {cmd.title for cmd in pilot.app.get_system_commands(view)}
        assert {
            "Next alignment",
            "Search both articles",
            "Add or edit a note",
            "Toggle aligned rows view",
        } <= titles
        view.go_to_alignment(ix(view).stops[0])
        titles = {cmd.title for cmd in pilot.app.get_system_commands(view)}
        assert "Previous alignment" not in titles


async def test_load_error_is_shown_and_exits_2(tmp_path: Path) -> None:
    def broken(left: object, right: object, progress: object) -> Comparison:
        raise LoadError("left.txt: looks like a binary file (it contains NUL bytes)")

    app = CompareApp("left.txt", "right.txt", notes_path=str(tmp_path / "n.md"), comparer=broken)
    async with app.run_test(size=SIZE) as pilot:
        with contextlib.suppress(WorkerCancelled):
            await app.pair_screen.workers.wait_for_complete()
        await until(pilot, lambda: app.return_code is not None, what="the app to exit")
    assert app.return_code == 2
    assert app.exit_messages == ["left.txt: looks like a binary file (it contains NUL bytes)"]


async def test_progress_is_visible_while_comparing(tmp_path: Path) -> None:
    import threading

    gate = threading.Event()
    c = seed_comparison()

    def slow(left: object, right: object, progress: object) -> Comparison:
        progress("aligning" and 0.3, "aligning")  # type: ignore[operator]
        gate.wait(10)
        return c

    app = CompareApp(SEED_LEFT, SEED_RIGHT, notes_path=str(tmp_path / "n.md"), comparer=slow)
    view = app.pair_screen
    async with app.run_test(size=SIZE) as pilot:
        await until(
            pilot,
            lambda: "aligning" in str(view.query_one("#stage").render()),
            what="the progress stage",
        )
        assert view.query_one("#loading").display
        assert not view.query_one("#main").display
        assert not view.shown
        gate.set()
        await settled(pilot)
        assert view.query_one("#main").display and not view.query_one("#loading").display


async def test_pane_survives_resize_and_keeps_current(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        await pilot.press("n", "n", "n")
        before = view.current
        await pilot.resize_terminal(100, 40)
        await until(pilot, lambda: view.panes[0].size.width < 80 and view.shown, what="rewrap")
        assert view.current == before
        pane: ArticlePane = view.panes[0]
        width = pane.scrollable_content_region.width
        assert all(len(line) <= width - 2 for line in pane.rendered_text())


async def test_starts_from_paths_with_the_real_engine(tmp_path: Path) -> None:
    app = CompareApp(SEED_LEFT, SEED_SEVERAL, notes_path=str(tmp_path / "n.md"))
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert view.comparison is not None
        expected = seed_comparison(SEED_LEFT, SEED_SEVERAL)
        assert view.comparison.alignments == expected.alignments
        assert view.comparison.figure_pairs == expected.figure_pairs
        assert "1 figure conflict" in status(view)


async def test_starts_from_loaded_texts_without_reading_again(tmp_path: Path) -> None:
    left = load_input(SEED_LEFT)
    right = load_bytes(Path(SEED_RIGHT).read_bytes(), name="<stdin>")
    app = CompareApp(left, right)
    assert app.notes_path.name.startswith("notes-000_633a6f03b1d6c80d--_stdin_-")
    app.notes_path = tmp_path / "n.md"
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert view.comparison is not None
        assert view.comparison.documents[1].path == "<stdin>"
        assert view.comparison.alignments == seed_comparison().alignments
        assert "<stdin>" in str(view.panes[1].border_title)


async def test_starts_from_a_comparison_already_made(tmp_path: Path) -> None:
    c = seed_comparison()

    def never(left: object, right: object, progress: object) -> Comparison:
        raise AssertionError("the comparison was given")

    app = CompareApp(
        SEED_LEFT, SEED_RIGHT, notes_path=str(tmp_path / "n.md"), comparer=never, comparison=c
    )
    async with app.run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert view.comparison is c


async def test_rows_view_shows_each_alignment_side_by_side(tmp_path: Path) -> None:
    async with make_app(tmp_path, SEED_LEFT, SEED_SEVERAL).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        assert view.check_action("toggle_rows", ()) is True
        await pilot.press("v")
        await until(pilot, lambda: view.shown, what="the rows view laid out")
        rows = view.rows
        assert rows.display and not view.query_one("#panes").display
        assert view.focused is rows and "rows view" in status(view)
        c = view.comparison
        assert c is not None and view.current is not None
        assert len(rows.rows) == len(c.alignments)
        first, last = rows.row_lines(view.current)
        lines = rows.rendered_text()
        a = c.alignments[view.current]
        left_words = c.documents[0].sentence_text(a.left[0]).split()
        right_words = c.documents[1].sentence_text(a.right[0]).split()
        assert lines[first].startswith("▶")
        left_col, right_col = lines[first][2:].split(" │ ", 1)
        assert left_col.split()[:2] == left_words[:2]
        assert right_col.split()[:2] == right_words[:2]
        width = rows.scrollable_content_region.width
        assert all(len(line) <= width for line in lines)
        # n/p move the highlighted row and keep it in view.
        await pilot.press("n", "n", "n")
        first, last = rows.row_lines(view.current)
        assert rows.highlight.current == view.current
        top = int(rows.scroll_y)
        assert top <= first and last < top + rows.scrollable_content_region.height
        # Changed words are styled in the row (bold), as in the panes.
        n = next(k for k in ix(view).stops if c.alignments[k].left_changes)
        view.go_to_alignment(n)
        await pilot.wait_for_scheduled_animations()
        span = c.alignments[n].left_changes[0]
        changed = c.documents[0].text[span.start : span.end].split()[0]
        first, last = rows.row_lines(n)
        bold = [
            seg.text
            for y in range(first, last + 1)
            for seg in rows.render_line(y - int(rows.scroll_y))
            if seg.style and seg.style.bold
        ]
        assert any(changed in t for t in bold)
        await pilot.press("v")
        await until(pilot, lambda: view.shown, what="the panes back")
        assert view.query_one("#panes").display and not rows.display
        assert view.focused is view.panes[0]


async def test_rows_view_follows_conflicts_and_resizes(tmp_path: Path) -> None:
    async with make_app(tmp_path, SEED_LEFT, SEED_SEVERAL).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        await pilot.press("v", "right_square_bracket")
        await until(pilot, lambda: view.shown, what="the rows view laid out")
        rows = view.rows
        c = view.comparison
        assert c is not None
        fig = c.figures[0][c.conflicts[0].left]
        assert rows.highlight.figures[0] == Span(fig.start, fig.end)
        first, _ = rows.row_lines(view.current)  # type: ignore[arg-type]
        assert rows.rendered_text()[first].startswith("▶!")
        await pilot.resize_terminal(100, 40)
        await until(pilot, lambda: rows.size.width < 100 and view.shown, what="rewrap")
        assert all(
            len(line) <= rows.scrollable_content_region.width for line in rows.rendered_text()
        )


async def test_pane_titles_name_urls_and_show_metadata_without_markup(tmp_path: Path) -> None:
    from dataclasses import replace

    from textual.content import Content

    from compare_tui.core.compare import compare_texts

    url = "https://news.example.org/world/africa/[b]mali-clashes"
    left = load_bytes(Path(SEED_LEFT).read_bytes(), name=url, url=url)
    left = replace(
        left,
        source=replace(left.source, outlet="[red]Example News", published="2025-06-14T08:00Z"),
    )
    right = load_input(SEED_RIGHT)
    c = compare_texts(left, right)
    app = CompareApp(left, right, notes_path=str(tmp_path / "n.md"), comparer=comparer_for(c))

    def plain(title: str | None) -> str:
        # border_title reads back as markup: brackets from the data come back escaped.
        return Content.from_markup(title or "").plain

    async with app.run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        title = plain(view.panes[0].border_title)
        assert title.startswith("news.example.org/…/[b]mali-clashes — Northern Mali")
        assert title.endswith(" — [red]Example News, 2025-06-14")
        assert plain(view.panes[1].border_title).startswith("004_967b0b30f98c59d7.txt — ")
        assert plain(view.rows.border_title) == (
            "Aligned rows: news.example.org/…/[b]mali-clashes │ 004_967b0b30f98c59d7.txt"
        )


async def test_rows_view_marks_page_furniture_by_sentence_kind(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        view = await ready(pilot)
        await pilot.press("v")
        await until(pilot, lambda: view.shown, what="the rows view laid out")
        c = view.comparison
        assert c is not None
        left, right = (doc.sentences for doc in c.documents)
        lines = view.rows.rendered_text()
        furniture = 0
        for n, a in enumerate(c.alignments):
            first, _ = view.rows.row_lines(n)
            kinds = [left[i].matchable for i in a.left] + [right[j].matchable for j in a.right]
            if not any(kinds):
                furniture += 1
                assert lines[first][1] == "·"
            elif lines[first][1] == "·":
                raise AssertionError(f"row {n} has matchable sentences but the furniture mark")
        assert furniture, "seeds 000/004 carry page furniture"


async def test_saving_over_a_hand_edited_memo_keeps_a_backup_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    said: list[str] = []
    notify = app.notify

    def recording(message: str, **options: Any) -> None:
        said.append(message)
        notify(message, **options)

    monkeypatch.setattr(app, "notify", recording)
    path = tmp_path / "notes.md"
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a", *"first", "enter", "s")
        # Someone edits the memo on disk while the app is open.
        edited = path.read_text(encoding="utf-8") + "\nMy own paragraph, written by hand.\n"
        path.write_text(edited, encoding="utf-8")
        await pilot.press("n", "a", *"second", "enter", "s")
        await pilot.pause()
        await pilot.press("q")
    backup = tmp_path / "notes.md.bak"
    assert backup.read_text(encoding="utf-8") == edited
    assert any("notes.md.bak" in m for m in said)
    assert any("notes.md.bak" in m for m in app.exit_messages)
    assert sorted(n.text for n in read_memo(path)) == ["first", "second"]
