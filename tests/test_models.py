"""How views name and title an article (file, URL, standard input; with page metadata)."""

from __future__ import annotations

import pytest

from compare_tui.core.models import Document, Source


def _doc(source: Source, title: str | None = None) -> Document:
    return Document(source=source, text="x", paragraphs=(), sentences=(), title=title)


@pytest.mark.parametrize(
    ("source", "name"),
    [
        (Source(path="seeds/000_633a6f03b1d6c80d.txt"), "000_633a6f03b1d6c80d.txt"),
        (Source(path="<stdin>"), "<stdin>"),
        (Source(path="C:\\news\\a.txt"), "a.txt"),
        (
            Source(path="https://ex.org/a", url="https://www.ex.org/world/africa/mali-clash.html"),
            "www.ex.org/…/mali-clash.html",
        ),
        (Source(path="https://ex.org/story", url="https://ex.org/story"), "ex.org/story"),
        (Source(path="http://ex.org/", url="http://ex.org/"), "ex.org/"),
    ],
)
def test_short_name(source: Source, name: str) -> None:
    assert _doc(source).short_name == name


def test_heading_carries_headline_outlet_and_date() -> None:
    source = Source(
        path="page.html", outlet="Daily Example", published="2025-06-14T09:30:00+00:00"
    )
    doc = _doc(source, title="Many killed as separatists clash")
    assert doc.heading == "page.html — Many killed as separatists clash — Daily Example, 2025-06-14"
    assert _doc(Source(path="a.txt")).heading == "a.txt"
