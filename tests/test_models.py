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
    source = Source(path="page.html", outlet="Daily Example", published="2025-06-14T09:30:00+00:00")
    doc = _doc(source, title="Many killed as separatists clash")
    assert doc.heading == "page.html — Many killed as separatists clash — Daily Example, 2025-06-14"
    assert _doc(Source(path="a.txt")).heading == "a.txt"


def test_safe_name_shows_control_characters_as_text() -> None:
    from compare_tui.core.models import safe_name

    assert safe_name("a\x1b[2Jb\x07.txt") == "a\\x1b[2Jb\\x07.txt"
    assert safe_name("two\nlines\tand\r\x7f\x9b") == "two\\x0alines\\x09and\\x0d\\x7f\\x9b"
    assert safe_name("evil\u202etxt.exe\u2028") == "evil\\u202etxt.exe\\u2028"
    assert safe_name("Maïga — café.txt") == "Maïga — café.txt"


def test_names_and_headings_never_carry_control_characters() -> None:
    source = Source(path="dir/a\x1b]0;pwned\x07\nb.txt", outlet="Out\x1blet")
    doc = _doc(source, title="Head\x9bline")
    for shown in (doc.short_name, doc.heading):
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown), shown
    assert doc.short_name == "a\\x1b]0;pwned\\x07\\x0ab.txt"
    url = _doc(Source(path="u", url="https://ex.org/x/\x1b[2J")).short_name
    assert "\x1b" not in url and "\\x1b" in url
