"""HTML pages: charset decisions, main-text extraction without boilerplate, page metadata."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

from compare_tui.core.html import (
    charset_from_content_type,
    decode_html,
    extract_article,
    looks_like_html,
    meta_charset,
    normalise_charset,
)
from compare_tui.core.load import LoadError

DATA = Path(__file__).parent / "data" / "html"

BOILERPLATE = (
    "cookie",
    "Subscribe",
    "ADVERTISEMENT",
    "Turbo Blender",
    "Related stories",
    "flood defences budget",
    "TrollFace99",
    "Stay safe",
    "All rights reserved",
    "Privacy",
    "Home",
    "Sport",
)


def _article(name: str) -> Any:
    text, _ = decode_html((DATA / name).read_bytes(), name=name)
    return extract_article(text, name=name)


def test_news_page_main_text_without_boilerplate() -> None:
    article = _article("news.html")
    assert "At least 300 residents of Millbrook" in article.text
    assert "until the weekend." in article.text
    assert "“By ten o’clock the cellar was full.”" in article.text
    for junk in BOILERPLATE:
        assert junk not in article.text, junk


def test_news_page_paragraphs_are_separated_by_blank_lines() -> None:
    blocks = _article("news.html").text.split("\n\n")
    assert blocks[0] == "Flood waters rise in river town as hundreds evacuate"
    assert len(blocks) == 7  # headline + six paragraphs
    assert all("\n" not in b for b in blocks)
    assert blocks[1].startswith("At least 300") and blocks[1].endswith("the county council said.")


def test_news_page_metadata() -> None:
    article = _article("news.html")
    assert article.title == "Flood waters rise in river town as hundreds evacuate"
    assert article.outlet == "The Riverside Courier"
    assert article.author == "Jane Okafor"
    assert article.published == "2024-03-14T08:30:00+00:00"


def test_headline_is_not_repeated_when_body_starts_with_it() -> None:
    text = (
        "<html><head><title>Bridge reopens after repairs</title></head><body><article>"
        "<h1>Bridge reopens after repairs</h1>"
        + "".join(
            f"<p>Paragraph {n} says the bridge reopened on Monday after six weeks of "
            f"repairs costing about 2 million pounds, officials said.</p>"
            for n in range(4)
        )
        + "</article></body></html>"
    )
    article = extract_article(text, name="bridge.html")
    assert article.text.count("Bridge reopens after repairs") == 1
    assert article.text.startswith("Bridge reopens after repairs\n\n")


def test_headline_is_not_repeated_when_the_title_carries_the_outlet_name() -> None:
    body = "".join(
        f"<p>Paragraph {n}: the strike closed 12 schools across the county on "
        f"Tuesday, the union said in a statement.</p>"
        for n in range(4)
    )
    html = (
        "<html><head><title>Teachers strike closes schools | County Echo</title></head><body>"
        f"<article><h1>Teachers strike closes schools</h1>{body}</article></body></html>"
    )
    text = extract_article(html, name="strike.html").text
    assert text.casefold().count("teachers strike closes schools") == 1
    assert text.startswith("Teachers strike closes schools")


def test_cp1252_page_declared_by_meta_charset() -> None:
    data = (DATA / "cp1252.html").read_bytes()
    assert b"Ma\xefga" in data and b"\x93" in data and b"\x97" in data  # really cp1252 bytes
    text, encoding = decode_html(data, name="cp1252.html")
    assert encoding == "cp1252"
    article = extract_article(text, name="cp1252.html")
    assert "Choguel Kokalla Maïga was sworn in" in article.text
    assert "“This is a government of national unity,” Maïga told reporters — adding" in article.text
    assert "“a façade”" in article.text
    assert "What comes next" in article.text.split("\n\n")
    for junk in ("cookies", "Most read", "millet", "Log in", "all rights reserved"):
        assert junk not in article.text
    assert article.title == "Maïga sworn in as prime minister"
    assert article.outlet == "Sahel Daily"
    assert article.author == "Aminata Traoré"
    assert article.published == "2024-07-02T17:05:00Z"


def test_latin1_declaration_is_read_as_cp1252() -> None:
    text, encoding = decode_html((DATA / "latin1-declared.html").read_bytes(), name="p.html")
    assert encoding == "cp1252"
    article = extract_article(text, name="p.html")
    assert "a 6% rise — the employers say “no such promise was made”." in article.text
    assert "Lübeck" in article.text
    assert "Front page" not in article.text
    assert article.text.startswith("Strike closes port for third day\n\n")
    assert article.outlet == "Harbour Gazette"
    assert article.author is None


def test_header_charset_beats_meta_and_bom_beats_both() -> None:
    body = '<html><head><meta charset="utf-8"></head><body>Café — 5 €</body></html>'
    data = body.encode("cp1252")
    assert decode_html(data, name="p", header_charset="windows-1252") == (body, "cp1252")
    utf8 = body.encode("utf-8")
    assert decode_html(b"\xef\xbb\xbf" + utf8, name="p", header_charset="cp1252") == (body, "utf-8")


def test_wrong_declaration_falls_back_to_detection() -> None:
    body = '<html><head><meta charset="utf-8"></head><body>“Maïga” said</body></html>'
    text, encoding = decode_html(body.encode("cp1252"), name="p")
    assert (text, encoding) == (body, "cp1252")


@pytest.mark.parametrize("label", ["rot13", "base64", "hex", "bz2", "uu", "no-such-charset"])
def test_a_declared_codec_that_is_not_a_text_encoding_falls_back_to_detection(
    label: str,
) -> None:
    body = f'<html><head><meta charset="{label}"></head><body>Café said</body></html>'
    data = body.encode("utf-8")
    assert decode_html(data, name="p") == (body, "utf-8")
    equiv = body.replace(
        f'charset="{label}"', f'http-equiv="Content-Type" content="text/html; charset={label}"'
    )
    assert decode_html(equiv.encode("utf-8"), name="p") == (equiv, "utf-8")
    plain = "<html><body>Café said</body></html>"
    header = f"text/html; charset={label}"
    assert decode_html(plain.encode("utf-8"), name="p", header_charset=header) == (plain, "utf-8")
    assert decode_html(plain.encode("utf-8"), name="p", header_charset=label) == (plain, "utf-8")


def test_a_non_text_codec_in_the_http_header_of_a_plain_text_page_is_ignored() -> None:
    from compare_tui.core.inputs import load_data

    for label in ("rot13", "base64", "hex"):
        loaded = load_data(
            "Café said 5 people died.".encode(),
            name="u",
            html=False,
            header_charset=charset_from_content_type(f"text/plain; charset={label}"),
        )
        assert loaded.text == "Café said 5 people died."
        assert loaded.source.encoding == "utf-8"
        assert load_data(b"Plain words.", name="u", html=False, header_charset=label).text


def test_undeclared_page_uses_plain_text_rules() -> None:
    body = "<html><body><p>Ünïcödé text</p></body></html>"
    assert decode_html(body.encode("utf-8"), name="p") == (body, "utf-8")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ISO-8859-1", "cp1252"),
        ("latin1", "cp1252"),
        ("US-ASCII", "cp1252"),
        ("windows-1252", "cp1252"),
        ("UTF-8", "utf-8"),
        ("utf8", "utf-8"),
        ("Shift_JIS", "shift_jis"),
        ("windows-1251", "cp1251"),
        ("utf-16", "utf-8"),
        ("no-such-charset", None),
        ("rot13", None),
        ("base64", None),
        ("hex", None),
        ("zlib", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_charset(label: str | None, expected: str | None) -> None:
    assert normalise_charset(label) == expected


def test_charset_from_content_type() -> None:
    assert charset_from_content_type("text/html; charset=ISO-8859-1") == "cp1252"
    assert charset_from_content_type('text/html; charset="utf-8"') == "utf-8"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None


def test_meta_charset_forms() -> None:
    assert meta_charset(b'<html><head><META CHARSET="Windows-1252">') == "cp1252"
    http_equiv = b'<meta http-equiv="content-type" content="text/html; charset=koi8-r">'
    assert meta_charset(http_equiv) == "koi8-r"
    assert meta_charset(b"<html><head><title>x</title></head>") is None


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"<!DOCTYPE html><html>", "a.txt", True),
        (b"  \n<html lang='en'>", "-", True),
        (b"\xef\xbb\xbf<!doctype HTML>", "", True),
        (b"<?xml version='1.0'?>\n<html>", "", True),
        (b"<!-- saved from url -->\n<html>", "", True),
        (b"plain text", "page.HTM", True),
        (b"plain text about <html> tags", "a.txt", False),
        (b"Hello", "a.xhtml", True),
        (b"<htmlish>", "", False),
    ],
)
def test_looks_like_html(data: bytes, name: str, expected: bool) -> None:
    assert looks_like_html(data, name=name) is expected


def test_page_without_article_is_refused() -> None:
    with pytest.raises(LoadError, match=r"^empty\.html: no article text found"):
        extract_article(
            "<html><body><script>var x = 1;</script><img src='a.png'></body></html>",
            name="empty.html",
        )


def test_missing_trafilatura_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "trafilatura" or name.startswith("trafilatura."):
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(LoadError) as info:
        extract_article("<html><body><p>x</p></body></html>", name="page.html")
    message = str(info.value)
    assert message.startswith("page.html: ")
    assert "importing trafilatura failed (No module named 'trafilatura')" in message
    assert "pip install --force-reinstall compare-tui" in message
    assert "\n" not in message
