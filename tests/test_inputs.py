"""load_input: files, saved HTML pages and standard input, with their provenance."""

from __future__ import annotations

import builtins
import hashlib
import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from compare_tui.core.inputs import STDIN_PATH, load_data, load_input
from compare_tui.core.load import LoadError, load_bytes

from .conftest import seed

DATA = Path(__file__).parent / "data" / "html"


def _assert_iso(stamp: str | None) -> None:
    assert stamp is not None
    assert datetime.fromisoformat(stamp).tzinfo is not None


def test_plain_text_file_provenance() -> None:
    path = seed("000")
    loaded = load_input(str(path))
    src = loaded.source
    assert src.path == str(path)
    assert src.url is None
    assert src.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    _assert_iso(src.retrieved)
    assert src.title is None and src.outlet is None
    assert not loaded.from_cache and loaded.note is None


def test_saved_html_page_is_extracted_with_metadata() -> None:
    path = DATA / "news.html"
    loaded = load_input(str(path))
    assert loaded.text.startswith("Flood waters rise in river town as hundreds evacuate\n\n")
    assert "cookie" not in loaded.text and "TrollFace99" not in loaded.text
    src = loaded.source
    assert src.path == str(path) and src.url is None
    assert src.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    _assert_iso(src.retrieved)
    assert src.title == "Flood waters rise in river town as hundreds evacuate"
    assert src.outlet == "The Riverside Courier"
    assert src.author == "Jane Okafor"
    assert src.published == "2024-03-14T08:30:00+00:00"
    assert src.encoding == "utf-8"


def test_cp1252_saved_page_through_load_input() -> None:
    loaded = load_input(str(DATA / "cp1252.html"))
    assert loaded.source.encoding == "cp1252"
    assert "“This is a government of national unity,” Maïga told reporters —" in loaded.text
    assert loaded.source.title == "Maïga sworn in as prime minister"


def test_html_is_sniffed_whatever_the_extension(tmp_path: Path) -> None:
    saved = tmp_path / "article.txt"
    saved.write_bytes((DATA / "news.html").read_bytes())
    loaded = load_input(str(saved))
    assert loaded.source.outlet == "The Riverside Courier"
    assert "<p>" not in loaded.text


def test_text_mentioning_html_stays_text(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("The page used <html> tags and <p> paragraphs.\n", encoding="utf-8")
    assert load_input(str(note)).text == "The page used <html> tags and <p> paragraphs.\n"


def test_stdin_plain_text() -> None:
    data = "Maïga said “10” fighters died — in Kidal.\n".encode("cp1252")
    loaded = load_input("-", stdin=io.BytesIO(data))
    assert loaded.text == "Maïga said “10” fighters died — in Kidal.\n"
    src = loaded.source
    assert src.path == STDIN_PATH and src.url is None
    assert src.sha256 == hashlib.sha256(data).hexdigest()
    assert src.encoding == "cp1252"
    _assert_iso(src.retrieved)


def test_stdin_html_is_extracted() -> None:
    data = (DATA / "latin1-declared.html").read_bytes()
    loaded = load_input("-", stdin=io.BytesIO(data))
    assert loaded.source.path == STDIN_PATH
    assert loaded.source.outlet == "Harbour Gazette"
    assert "Front page" not in loaded.text
    assert "“no such promise was made”" in loaded.text


def test_empty_stdin_is_refused() -> None:
    with pytest.raises(LoadError, match=r"^<stdin>: the file is empty"):
        load_input("-", stdin=io.BytesIO(b"  \n"))


def test_missing_file_and_bad_url_scheme_are_files() -> None:
    with pytest.raises(LoadError, match=r"^no/such/page\.html: no such file$"):
        load_input("no/such/page.html")
    with pytest.raises(LoadError, match=r"^ftp://example\.org/a: no such file$"):
        load_input("ftp://example.org/a")


def test_html_metadata_is_one_line_and_control_free() -> None:
    page = (
        "<html><head><title>Bad\x1b[31m title</title>"
        '<meta property="og:site_name" content="Evil\u202eOutlet">'
        "</head><body><article>"
        + "<p>The mayor said 40 homes were damaged in the storm on Monday night.</p>" * 3
        + "</article></body></html>"
    ).encode("utf-8")
    loaded = load_data(page, name="evil.html")
    assert loaded.source.title is not None and "\x1b" not in loaded.source.title
    assert loaded.source.outlet == "EvilOutlet"
    assert "\x1b" not in loaded.text


def test_missing_trafilatura_is_one_line_with_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(LoadError) as info:
        load_input(str(DATA / "news.html"))
    assert str(info.value) == (
        f"{DATA / 'news.html'}: cannot read HTML pages: importing trafilatura failed "
        "(lxml.html.clean module is now a separate project); "
        "reinstall with: pip install --force-reinstall compare-tui"
    )


def test_plain_text_loading_stays_light() -> None:
    """The --json/--markdown paths on text files must not pay for trafilatura or urllib."""
    code = (
        "import sys; from compare_tui.core.inputs import load_input; "
        f"load_input({str(seed('000'))!r}); "
        "heavy = ('trafilatura', 'lxml', 'urllib.request', 'ssl'); "
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_load_bytes_keeps_its_behaviour_and_takes_a_declared_encoding() -> None:
    data = "Café — “quoted”".encode("cp1252")
    assert load_bytes(data, name="x").source.encoding == "cp1252"
    declared = load_bytes(data, name="x", encoding="cp1252", retrieved="2024-01-01T00:00:00+00:00")
    assert declared.text == "Café — “quoted”"
    assert declared.source.retrieved == "2024-01-01T00:00:00+00:00"
    # A declaration the bytes do not fit is ignored, not obeyed with replacement marks.
    assert load_bytes(data, name="x", encoding="utf-8").source.encoding == "cp1252"


def test_html_headline_becomes_the_document_title() -> None:
    from compare_tui.core.compare import build_document

    loaded = load_input(str(DATA / "cp1252.html"))
    document = build_document(loaded.text, loaded.source)
    assert document.title == "Maïga sworn in as prime minister"
