"""Loading: encodings, cleaning, and every refusal as a one-line LoadError naming the file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare_tui.core.load import LoadError, clean_text, decode_bytes, load_bytes, load_path

from .conftest import SHARED_BENCH, seed

SAMPLE = "Maïga said “10” fighters died — in Kidal.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("utf-16-be"), None),  # no BOM: must not pass as text
        (SAMPLE.encode("cp1252"), "cp1252"),
        ("Maïga était là, à Kidal, où l'armée a été attaquée.\n".encode("latin-1"), "cp1252"),
    ],
)
def test_decodes_the_encodings_journalists_have(data: bytes, encoding: str | None) -> None:
    if encoding is None:
        with pytest.raises(LoadError, match="binary"):
            decode_bytes(data, name="a.txt")
        return
    text, found = decode_bytes(data, name="a.txt")
    assert found == encoding
    assert "Maïga" in text
    assert "\ufeff" not in text


def test_war_and_peace_is_read_as_cp1252() -> None:
    loaded = load_path(SHARED_BENCH / "war-and-peace.txt")
    assert loaded.source.encoding == "cp1252"
    assert "“Well, Prince" in loaded.text
    assert "\r" not in loaded.text


def test_cleaning_normalises_newlines_and_drops_controls() -> None:
    dirty = "a\r\nb\rc\x1b[31mred\x1b[0m\x07\x00\x9b2J\u202eevil\td\x7f"
    assert clean_text(dirty) == "a\nb\nc[31mred[0m2Jevil\td"


@given(st.text())
def test_clean_text_leaves_no_control_characters(text: str) -> None:
    cleaned = clean_text(text)
    assert all(ch in "\n\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
    assert "\r" not in cleaned


def test_provenance_is_recorded() -> None:
    path = seed("000")
    loaded = load_path(path)
    assert loaded.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert loaded.source.retrieved is not None and "T" in loaded.source.retrieved
    assert loaded.source.path == str(path)
    assert loaded.source.url is None


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "directory"),
        (lambda d: _write(d / "bin.txt", b"PK\x03\x04\x00\x00\x14\x00binary"), "binary"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\t\n \r\n"), "empty"),
    ],
)
def test_refusals_name_the_file(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    with pytest.raises(LoadError) as info:
        load_path(path)
    message = str(info.value)
    assert str(path) in message
    assert reason in message
    assert "\n" not in message


def test_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 000 does not stop root (CI runs as root), so make the read itself fail.
    path = _write(tmp_path / "secret.txt", b"text")

    real_open = os.open

    def denied(path: object, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(LoadError, match=r"secret\.txt: cannot be read \(permission denied\)"):
        load_path(path)


def test_device_that_fails_to_read_is_refused() -> None:
    with pytest.raises(LoadError, match="cannot be read"):
        load_path("/proc/self/mem")


def test_load_bytes_refuses_whitespace_only() -> None:
    with pytest.raises(LoadError, match="empty"):
        load_bytes(b"\x1b\x1b  \n", name="paste")


def test_plain_text_and_html_build_their_source_the_same_way() -> None:
    from compare_tui.core.inputs import load_data
    from compare_tui.core.load import make_source

    data = b"Ten people died."
    plain = load_bytes(data, name="a.txt", retrieved="2025-01-01T00:00:00+00:00")
    assert plain.source == make_source(
        data, name="a.txt", encoding="utf-8", retrieved="2025-01-01T00:00:00+00:00"
    )
    assert plain.source.sha256 == hashlib.sha256(data).hexdigest()
    via_inputs = load_data(data, name="a.txt", retrieved="2025-01-01T00:00:00+00:00")
    assert via_inputs.source == plain.source
    src = make_source(b"x", name="u", url="https://ex.org", title=" Head\x1b[2J\n line ")
    assert src.path == "u" and src.url == "https://ex.org" and src.title == "Head[2J line"
    assert src.retrieved and make_source(b"x", name="u", outlet=" \n ").outlet is None


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
