"""Reading an article from disk into clean text, or refusing it with a one-line reason.

Decoding order (see NOTES.md): byte-order mark, then strict UTF-8, then a detector that prefers
cp1252 on a tie, because charset-normalizer alone reads cp1252 news as cp1250.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from compare_tui.core.models import Source, safe_name

__all__ = [
    "LoadError",
    "LoadedText",
    "clean_text",
    "decode_bytes",
    "is_url",
    "load_bytes",
    "load_path",
    "make_source",
    "now_iso",
    "one_line",
    "read_path_bytes",
    "safe_name",
]

#: Control characters other than tab and newline, including ESC, DEL and the C1 range.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Unicode format characters that can reorder or hide text on a terminal (bidi overrides).
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class LoadError(Exception):
    """A file that cannot be compared; the message is one line and names the file."""


@dataclass(frozen=True, slots=True)
class LoadedText:
    """Clean text ready for segmenting, with where it came from."""

    text: str
    source: Source
    #: True when a URL could not be fetched and the copy kept in the page cache was used.
    from_cache: bool = False
    #: One line for the user about how the text was obtained (e.g. why the cache was used).
    note: str | None = None


def clean_text(text: str) -> str:
    """Normalise newlines and drop control characters so none can reach a terminal."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x0c", "\n").replace("\x0b", "\n")
    text = _CONTROL.sub("", text)
    return _BIDI.sub("", text)


def decode_bytes(data: bytes, *, name: str) -> tuple[str, str]:
    """Decode article bytes; returns (text, encoding) or raises LoadError naming ``name``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise LoadError(f"{name}: not valid {encoding} text ({exc.reason})") from None
    if b"\x00" in data:
        raise LoadError(f"{name}: looks like a binary file (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    legacy = _detect_legacy(data)
    if legacy is None:
        raise LoadError(f"{name}: looks like a binary file (no text encoding fits it)")
    return data.decode(legacy), legacy


def _detect_legacy(data: bytes) -> str | None:
    """Pick a single-byte encoding, preferring cp1252 unless the text is in another script.

    The detector cannot tell Western European code pages apart on short news text (it says
    cp1250 or cp1257 for cp1252 files), but it does tell Cyrillic, Greek or Arabic from Latin.
    So: if its guess reads as Latin-script text and cp1252 decodes the bytes, take cp1252.
    """
    from charset_normalizer import from_bytes

    try:
        as_cp1252: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = None
    best = from_bytes(data).best()
    if best is not None and not best.encoding.startswith("utf"):
        if as_cp1252 is not None and _latin_script(str(best)):
            return "cp1252"
        if best.chaos < 0.2:
            return best.encoding
    if as_cp1252 is not None and _mostly_text(data):
        return "cp1252"
    return None


def _latin_script(text: str) -> bool:
    """Whether most non-ASCII letters of ``text`` are Latin letters."""
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin * 2 >= len(letters)


def _mostly_text(data: bytes) -> bool:
    controls = sum(1 for b in data if b < 0x20 and b not in (9, 10, 13))
    return controls <= len(data) // 100


def is_url(spec: str) -> bool:
    """True for ``http://`` and ``https://`` addresses; everything else is a file name."""
    return spec[:8].lower().startswith(("http://", "https://"))


def now_iso() -> str:
    """The current UTC time as ISO 8601, to the second: the ``retrieved`` stamp of a Source."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def load_bytes(
    data: bytes,
    *,
    name: str,
    path: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    retrieved: str | None = None,
) -> LoadedText:
    """Decode and clean bytes that came from anywhere (file, URL, standard input).

    ``encoding`` is a declared charset (an HTTP header) tried before detection; bytes that do
    not fit it are decoded as if nothing had been declared.
    """
    text: str | None = None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
    if text is None:
        text, encoding = decode_bytes(data, name=name)
    text = clean_text(text)
    if not text.strip():
        raise LoadError(f"{name}: the file is empty (no text to compare)")
    source = make_source(
        data, name=name, path=path, url=url, encoding=encoding, retrieved=retrieved
    )
    return LoadedText(text=text, source=source)


def make_source(
    data: bytes,
    *,
    name: str,
    path: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    retrieved: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> Source:
    """The provenance of bytes read or fetched: path (default ``name``), URL, retrieval time
    (default now), SHA-256 of the bytes, encoding, and what a page says of itself (each made
    one clean line: metadata reaches terminals and reports)."""
    return Source(
        path=path if path is not None else name,
        url=url,
        retrieved=retrieved or now_iso(),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        outlet=one_line(outlet),
        author=one_line(author),
        published=one_line(published),
        published_from="page metadata" if one_line(published) else None,
        title=one_line(title),
    )


def one_line(value: str | None) -> str | None:
    """Metadata as one line: no control characters, no line breaks; None when empty."""
    if value is None:
        return None
    return " ".join(clean_text(value).split()) or None


def load_path(path: str | Path) -> LoadedText:
    """Read an article file; every refusal is a LoadError with a one-line message."""
    name = str(path)
    return load_bytes(read_path_bytes(path), name=name, path=name)


def read_path_bytes(path: str | Path) -> bytes:
    """The bytes of an article file; every refusal is a LoadError with a one-line message."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise LoadError(f"{name}: is a directory, not an article file")
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{name}: is a directory, not an article file") from None
    except PermissionError:
        raise LoadError(f"{name}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise LoadError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    return data
