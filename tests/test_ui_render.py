"""Article text is data: markup and escape sequences show literally; wrapping keeps offsets."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from compare_tui.core.compare import build_document
from compare_tui.core.models import Source
from compare_tui.ui.app import CompareApp
from compare_tui.ui.wrap import display, wrap_block, wrap_document

from .test_ui_support import comparer_for, settled, text_comparison

HOSTILE = (
    "URGENT: [bold red]URGENT[/] officials said.\n\n"
    "See [link=http://x]x[/link] for 12 more.\n\n"
    "Escape \x1b[31mred\x1b[0m text here."
)
PLAIN = "URGENT: officials said.\n\nSee the site for 12 more.\n\nEscape text here."


async def test_markup_and_escapes_render_literally(tmp_path: Path) -> None:
    c = text_comparison(HOSTILE, PLAIN)
    app = CompareApp(
        "left.txt", "right.txt", notes_path=str(tmp_path / "n.md"), comparer=comparer_for(c)
    )
    async with app.run_test(size=(160, 45)) as pilot:
        view = await settled(pilot)
        pane = view.panes[0]
        lines = pane.rendered_text()
        assert "URGENT: [bold red]URGENT[/] officials said." in lines
        assert "See [link=http://x]x[/link] for 12 more." in lines
        drawn = ["".join(seg.text for seg in pane.render_line(y)) for y in range(len(lines))]
        assert any("[bold red]URGENT[/]" in d for d in drawn)
        assert any("[link=http://x]x[/link]" in d for d in drawn)
        assert all("\x1b" not in d for d in drawn)
        for y in range(len(lines)):
            for seg in pane.render_line(y):
                assert seg.style is None or seg.style.link is None
        svg = app.export_screenshot()
        assert "\x1b" not in svg


def test_display_keeps_length() -> None:
    assert display("a\tb\nc") == "a b c"


@given(st.text(alphabet="ab \n漢é", max_size=200), st.integers(min_value=1, max_value=30))
def test_wrap_keeps_every_word_in_order(text: str, width: int) -> None:
    lines = wrap_block(text, 0, len(text), width)
    joined = "".join(text[line.start : line.end] for line in lines)
    assert "".join(joined.split()) == "".join(text.split())
    for line in lines:
        assert 0 <= line.start < line.end <= len(text)
        assert cell_len(display(text[line.start : line.end])) <= max(width, 2)


def test_wrap_document_blank_line_between_paragraphs() -> None:
    text = "One two three four five.\n\nSix seven."
    doc = build_document(text, Source(path="t.txt"))
    lines = wrap_document(doc, 10)
    shown = [text[line.start : line.end] for line in lines]
    assert shown == ["One two", "three four", "five.", "", "Six seven."]
