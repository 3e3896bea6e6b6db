"""The reader's overrides from the keyboard (Pilot), kept in the notes and applied again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from compare_tui.cli import main
from compare_tui.core.overrides import READER
from compare_tui.ui.widgets.figures import FiguresTable

from .test_ui_support import SEED_LEFT, SEED_RIGHT, make_app, settled

SIZE = (160, 45)


def status(view: object) -> str:
    return str(view.query_one("#status").render())  # type: ignore[attr-defined]


async def test_unlink_split_save_reopen_and_report(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Issue 9's scenario: n, u, Tab to the figures panel, x, s, q; the JSON report with
    --notes shows both as the reader's, and reopening the app shows both again."""
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await settled(pilot)
        await pilot.press("n")
        c = view.comparison
        assert c is not None and view.current is not None
        linked = c.alignments[view.current]
        assert linked.left and linked.right
        await pilot.press("u")
        shown = view.comparison
        assert shown is not None and shown is not c
        a = shown.alignments[view.current]
        assert a.by == READER and a.reason == "unlinked by the reader"
        assert "unlinked by the reader" in status(view)
        assert view.panes[0].rendered_text()  # still drawn
        table = view.query_one(FiguresTable)
        while not table.has_focus:
            await pilot.press("tab")
        row = view.index.rows[table.cursor_row]  # type: ignore[union-attr]
        assert row.left is not None and row.right is not None
        await pilot.press("x")
        assert view.comparison is not None
        assert all((p.left, p.right) != (row.left, row.right) for p in view.comparison.figure_pairs)
        assert view.index is not None and view.index.reader_rows
        await pilot.press("s", "q")
    memo = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert "## The reader's decisions" in memo
    assert "sentences unlinked" in memo and "figures are not the same quantity" in memo

    capfd.readouterr()
    assert main(["--json", "--notes", str(tmp_path / "notes.md"), SEED_LEFT, SEED_RIGHT]) == 0
    data = json.loads(capfd.readouterr().out)
    for i in linked.left:
        held = next(x for x in data["alignments"] if i in x["left"])
        assert held["right"] == [] and held["by"] == "reader"
    for j in linked.right:
        held = next(x for x in data["alignments"] if j in x["right"])
        assert held["left"] == [] and held["by"] == "reader"
    pairs = [(p["left"], p["right"]) for p in data["figure_pairs"]]
    assert (row.left, row.right) not in pairs

    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        view = await settled(pilot)
        shown = view.comparison
        assert shown is not None
        for i in linked.left:
            assert not shown.alignments[shown.alignment_of[0][i]].right
        assert all((p.left, p.right) != (row.left, row.right) for p in shown.figure_pairs)
        assert len(view.overrides) == 2
        # u on the unlinked sentence restores the machine's link.
        view.go_to_alignment(shown.alignment_of[0][linked.left[0]])
        await pilot.press("u")
        restored = view.comparison
        assert restored is not None
        assert restored.alignments[restored.alignment_of[0][linked.left[0]]].right == linked.right
        await pilot.press("q")


async def test_link_by_hand_from_the_keyboard(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await settled(pilot)
        c = view.comparison
        assert c is not None and view.index is not None
        lefts = [n for n in view.index.stops if c.alignments[n].left and not c.alignments[n].right]
        rights = [n for n in view.index.stops if c.alignments[n].right and not c.alignments[n].left]
        i, j = c.alignments[lefts[0]].left[0], c.alignments[rights[0]].right[0]
        view.go_to_alignment(lefts[0])
        await pilot.press("l")
        view.go_to_alignment(rights[0])
        await pilot.press("l")
        shown = view.comparison
        assert shown is not None
        a = shown.alignments[shown.alignment_of[0][i]]
        assert a.right == (j,) and a.by == READER
        assert view.current == shown.alignment_of[0][i]
        # The rows view, laid out when shown, shows the reader's link.
        await pilot.press("v")
        assert view.rows.comparison is shown
        await pilot.press("v")
        # u on the reader's link takes it back.
        view.go_to_alignment(shown.alignment_of[0][i])
        await pilot.press("u")
        assert view.comparison is not None
        assert view.comparison.alignments == c.alignments
        await pilot.press("q")


async def test_pair_two_figures_with_a_verdict(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await settled(pilot)
        table = view.query_one(FiguresTable)
        while not table.has_focus:
            await pilot.press("tab")
        assert view.index is not None
        row = view.index.rows[table.cursor_row]
        assert row.left is not None and row.right is not None
        await pilot.press("m")
        prompt = pilot.app.screen.query_one(Input)
        prompt.value = "conflict counted on different days"
        await pilot.press("enter")
        await pilot.pause()
        shown = view.comparison
        assert shown is not None
        (mine,) = [p for p in shown.figure_pairs if (p.left, p.right) == (row.left, row.right)]
        assert mine.by == READER and mine.status == "conflict"
        assert "counted on different days" in mine.why
        assert view.index.conflict_rows  # the reader's conflict is stepped to with ]
        await pilot.press("q")


async def test_a_bad_stored_decision_is_reported_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from compare_tui.core.override_edits import toggle_unlink
    from compare_tui.notes.decisions import StoredOverride
    from compare_tui.notes.model import pair_ids
    from compare_tui.notes.storage import MEMO_MARKER
    from compare_tui.report.decisions_memo import decisions_section

    from .test_ui_support import seed_comparison

    c = seed_comparison()
    n = next(k for k, a in enumerate(c.alignments) if a.left and a.right)
    found = toggle_unlink(c, (), n)
    assert isinstance(found, tuple)
    (o,) = found
    ids, names = pair_ids(c)
    bad = StoredOverride(replace(o, left=(999,)), ids, names)
    text = "\n".join([MEMO_MARKER, *decisions_section([bad])])
    (tmp_path / "notes.md").write_text(text, encoding="utf-8")
    app = make_app(tmp_path)
    said: list[str] = []
    notify = app.notify

    def recording(message: str, **options: object) -> None:
        said.append(message)
        notify(message, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", recording)
    async with app.run_test(size=SIZE) as pilot:
        view = await settled(pilot)
        assert view.comparison is not None
        assert view.comparison.alignments == c.alignments  # nothing applied
        assert any("refused: left sentence 999 does not exist" in m for m in said)
        await pilot.press("u", "s", "q")  # a new decision saved beside the bad one
    memo = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert '"left":[999]' in memo and "refused: left sentence 999" in memo
    assert memo.count("compare-tui-override") == 2
