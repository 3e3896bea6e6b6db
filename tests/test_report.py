"""The Markdown memo: valid GFM, article text escaped, conflicts first."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from compare_tui.core.compare import compare_paths, compare_texts
from compare_tui.core.load import load_bytes
from compare_tui.core.mdtext import escape_inline
from compare_tui.report.json import comparison_dict
from compare_tui.report.markdown import MARKER, render_markdown

from .conftest import seed

PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")
HOSTILE = (
    "Rebels | said [click](http://evil.example) <script>alert(1)</script> **12** fighters "
    "died & $x^2$ `code` ~~gone~~ ![img](x.png) #tag\n\n"
    "- The army said 10 separatists were killed.\n"
)


def _tokens(markdown: str) -> list[str]:
    out: list[str] = []

    def walk(tokens) -> None:  # type: ignore[no-untyped-def]
        for t in tokens:
            out.append(t.type)
            if t.children:
                walk(t.children)

    walk(PARSER.parse(markdown))
    return out


def _memo(left: bytes, right: bytes) -> str:
    comparison = compare_texts(
        load_bytes(left, name="left.txt"), load_bytes(right, name="right.txt")
    )
    return render_markdown(comparison, now=datetime(2026, 1, 1, tzinfo=UTC))


def test_hostile_article_text_cannot_inject_markup() -> None:
    memo = _memo(HOSTILE.encode(), b"The army said ten separatists were killed on Friday.\n")
    kinds = _tokens(memo)
    html = [t.content.strip() for t in PARSER.parse(memo) if t.type == "html_block"]
    assert html == [MARKER]  # our own marker comment, nothing from the article
    assert "html_inline" not in kinds
    assert "link_open" not in kinds and "image" not in kinds
    assert "s_open" not in kinds
    assert "<script>" not in memo


def test_figure_table_rows_have_five_cells_and_conflicts_come_first() -> None:
    memo = render_markdown(compare_paths(seed("000"), seed("002")))
    table = memo.split("## Figures", 1)[1].split("##", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("|")]
    assert rows[0].startswith("| Left figure")
    tokens = PARSER.parse(table)
    cells_per_row: list[int] = []
    for t in tokens:
        if t.type == "tr_open":
            cells_per_row.append(0)
        elif t.type in ("td_open", "th_open"):
            cells_per_row[-1] += 1
    assert cells_per_row and set(cells_per_row) == {5}
    verdicts = [r.rsplit("|", 2)[-2] for r in rows[2:]]
    first_non_conflict = next(
        (i for i, v in enumerate(verdicts) if "conflict" not in v), len(verdicts)
    )
    assert any("conflict" in v for v in verdicts)
    assert all("conflict" not in v for v in verdicts[first_non_conflict:])


def test_memo_names_both_sources_and_marks_changed_words() -> None:
    memo = render_markdown(compare_paths(seed("000"), seed("004")))
    assert "000_633a6f03b1d6c80d.txt" in memo and "004_967b0b30f98c59d7.txt" in memo
    assert "## Aligned sentences" in memo
    assert "**" in memo.split("## Aligned sentences", 1)[1]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaped_text_is_one_plain_paragraph(text: str) -> None:
    escaped = escape_inline(text)
    assert "\n" not in escaped
    kinds = _tokens(f"x {escaped}")
    assert set(kinds) <= {"paragraph_open", "paragraph_close", "inline", "text", "softbreak"}


def test_json_dict_round_trips_offsets() -> None:
    data = comparison_dict(compare_paths(seed("000"), seed("001")))
    for doc in data["documents"]:
        assert doc["sha256"] and doc["retrieved"]
        for s in doc["sentences"]:
            assert doc["text"][s["start"] : s["end"]].strip()
