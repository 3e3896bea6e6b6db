"""The reader's overrides: applied to a Comparison, kept in the memo, applied by the CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from compare_tui.cli import main
from compare_tui.core.compare import compare_paths
from compare_tui.core.models import AlignKind, Comparison, PairStatus
from compare_tui.core.override_edits import link, pair_figures, toggle_split, toggle_unlink
from compare_tui.core.overrides import READER, Decision, Override, resolve
from compare_tui.notes.decisions import (
    StoredOverride,
    of_pair,
    parse_overrides,
    with_pair,
)
from compare_tui.notes.model import pair_ids
from compare_tui.report.decisions_memo import decisions_section
from tests.conftest import seed


@cache
def machine() -> Comparison:
    return compare_paths(seed("000"), seed("004"))


def holding(c: Comparison, side: int, start: str) -> int:
    doc = c.documents[side]
    (i,) = [k for k in range(len(doc.sentences)) if doc.sentence_text(k).startswith(start)]
    return c.alignment_of[side][i]


def edited(result: tuple[Override, ...] | str) -> tuple[Override, ...]:
    assert isinstance(result, tuple), result
    return result


def videos(c: Comparison) -> int:
    return holding(c, 0, "The videos also showed several bodies")


def test_unlink_makes_both_sentences_one_sided_by_the_reader() -> None:
    c = machine()
    n = videos(c)
    a = c.alignments[n]
    assert a.left and a.right and a.by == "machine"
    overrides = toggle_unlink(c, (), n)
    assert isinstance(overrides, tuple) and overrides[0].decision is Decision.UNLINK
    shown = resolve(c, overrides).comparison
    left = shown.alignments[shown.alignment_of[0][a.left[0]]]
    right = shown.alignments[shown.alignment_of[1][a.right[0]]]
    assert left.kind is AlignKind.LEFT_ONLY and left.by == READER
    assert right.kind is AlignKind.RIGHT_ONLY and right.by == READER
    every = sorted(i for x in shown.alignments for i in x.left)
    assert every == list(range(len(c.documents[0].sentences)))
    # u again, on what the unlink left: the machine's link is back.
    restored = toggle_unlink(shown, overrides, shown.alignment_of[0][a.left[0]])
    assert restored == ()
    assert resolve(c, restored).comparison.alignments == c.alignments


def test_link_two_one_sided_sentences_and_undo() -> None:
    c = machine()
    left = holding(c, 0, "This incident marked an escalation")
    right = holding(c, 1, "There have been reports of casualties")
    assert not c.alignments[left].right and not c.alignments[right].left
    overrides = link(c, (), left, right)
    assert isinstance(overrides, tuple)
    shown = resolve(c, overrides).comparison
    i, j = c.alignments[left].left[0], c.alignments[right].right[0]
    a = shown.alignments[shown.alignment_of[0][i]]
    assert a.right == (j,) and a.by == READER and a.reason == "linked by the reader"
    # Reading order still holds.
    firsts = [min(x.left) for x in shown.alignments if x.left]
    assert firsts == sorted(firsts)
    assert toggle_unlink(shown, overrides, shown.alignment_of[0][i]) == ()
    assert isinstance(link(c, (), right, left), str)  # wrong sides: refused with a message


def test_split_and_pair_figures() -> None:
    c = machine()
    p = c.figure_pairs[0]
    overrides = toggle_split(c, (), p.left, p.right)
    assert isinstance(overrides, tuple)
    shown = resolve(c, overrides).comparison
    assert all((q.left, q.right) != (p.left, p.right) for q in shown.figure_pairs)
    # x on the figure left alone takes the split back.
    assert toggle_split(shown, overrides, p.left, None) == ()
    paired = pair_figures(c, (), p.left, p.right, PairStatus.CONFLICT, "different days")
    shown = resolve(c, paired).comparison
    (mine,) = [q for q in shown.figure_pairs if q.left == p.left]
    assert mine.status is PairStatus.CONFLICT and mine.by == READER
    assert "different days" in mine.why
    assert toggle_split(shown, paired, p.left, p.right) == ()


def test_changed_text_is_kept_and_reported_and_a_bad_index_refused() -> None:
    c = machine()
    n = videos(c)
    (good,) = edited(toggle_unlink(c, (), n))
    stale = replace(good, left_quote="A sentence the article no longer has.")
    missing = replace(good, left=(999,))
    resolved = resolve(c, [stale, missing, good])
    assert resolved.problems[0].startswith("no longer attaches")
    assert resolved.problems[1] == "refused: left sentence 999 does not exist (the article has 25)"
    assert set(resolved.applied) == {2}


def test_an_override_follows_its_sentences_when_numbering_moves() -> None:
    c = machine()
    a = c.alignments[videos(c)]
    (o,) = edited(toggle_unlink(c, (), videos(c)))
    moved = replace(o, left=(a.left[0] - 1,))  # as if a sentence had been removed before it
    resolved = resolve(c, [moved])
    assert resolved.applied[0].left == a.left and not resolved.problems


def test_memo_round_trip_keeps_every_decision() -> None:
    c = machine()
    ids, names = pair_ids(c)
    overrides = [
        *edited(toggle_unlink(c, (), videos(c))),
        Override(
            decision=Decision.PAIR_FIGURES,
            left=(0,),
            right=(0,),
            left_quote="x",
            right_quote="y",
            status=PairStatus.CONFLICT,
            reason='a "quoted" --> reason',
        ),
    ]
    stored = with_pair([], ids, names, overrides, {1: "no longer attaches: changed"})
    text = "\n".join(decisions_section(stored))
    assert "## The reader's decisions" in text and "no longer attaches" in text
    back, bad = parse_overrides(text)
    assert bad == 0
    assert [s.override for s in back] == overrides
    assert of_pair(back, ids, names) == overrides
    assert of_pair(back, ("other", "pair"), ("a.txt", "b.txt")) == []
    _, bad = parse_overrides('<!-- compare-tui-override {"decision": "oops"} -->')
    assert bad == 1


def write_memo(path: Path, overrides: list[Override]) -> None:
    ids, names = pair_ids(machine())
    stored = [StoredOverride(o, ids, names) for o in overrides]
    path.write_text("\n".join(decisions_section(stored)), encoding="utf-8")


def test_cli_json_and_markdown_apply_the_notes(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    c = machine()
    n = videos(c)
    p = c.figure_pairs[0]
    overrides = [*edited(toggle_unlink(c, (), n)), *edited(toggle_split(c, (), p.left, p.right))]
    memo = tmp_path / "notes.md"
    write_memo(memo, overrides)
    a, b = str(seed("000")), str(seed("004"))
    assert main(["--json", "--notes", str(memo), a, b]) == 0
    data = json.loads(capfd.readouterr().out)
    i = c.alignments[n].left[0]
    left = next(x for x in data["alignments"] if i in x["left"])
    assert left["right"] == [] and left["by"] == "reader"
    assert all(x["by"] in ("machine", "reader") for x in data["alignments"])
    assert [p.left, p.right] not in [[q["left"], q["right"]] for q in data["figure_pairs"]]
    # The split leaves no pair behind: the reader's decision is the record of it.
    split = [d for d in data["reader_decisions"] if d["decision"] == "split_figures"]
    assert split == [
        {
            "decision": "split_figures",
            "left": [p.left],
            "right": [p.right],
            "status": None,
            "reason": "",
            "by": "reader",
            "applied": True,
            "problem": None,
        }
    ]
    assert {d["decision"] for d in data["reader_decisions"]} == {"unlink", "split_figures"}
    assert main(["--json", a, b]) == 0
    assert "reader_decisions" not in json.loads(capfd.readouterr().out)
    assert main(["--markdown", "--notes", str(memo), a, b]) == 0
    out = capfd.readouterr().out
    assert "## The reader's decisions" in out and "sentences unlinked" in out


def test_cli_reports_overrides_that_do_not_apply(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    c = machine()
    (o,) = edited(toggle_unlink(c, (), videos(c)))
    memo = tmp_path / "notes.md"
    write_memo(memo, [replace(o, right=(77,)), replace(o, left_quote="gone")])
    assert main(["--json", "--notes", str(memo), str(seed("000")), str(seed("004"))]) == 0
    err = capfd.readouterr().err
    assert "refused: right sentence 77 does not exist" in err
    assert "no longer attaches" in err


def test_a_set_memo_keeps_the_overrides_of_pairs_not_opened() -> None:
    from compare_tui.notes.noteset import NoteSet
    from compare_tui.report.notes_memo import render_note_set

    c = machine()
    ids, names = pair_ids(c)
    (o,) = edited(toggle_unlink(c, (), videos(c)))
    stored = [StoredOverride(o, ids, names), StoredOverride(o, ("gone", "away"), ("x", "y"))]
    memo = NoteSet(c.documents, [], overrides=stored)
    text = render_note_set(memo, date="2025-06-14")  # no pair opened, nothing to compare with
    back, bad = parse_overrides(text)
    assert bad == 0 and [s.pair for s in back] == [ids, ("gone", "away")]
