"""Reading an article from disk into clean text, or refusing it with a one-line reason.

Decoding order (see NOTES.md): byte-order mark, then strict UTF-8, then a detector that prefers
cp1252 on a tie, because charset-normalizer alone reads cp1252 news as cp1250.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import select
import stat
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from compare_tui.core.models import Source, safe_name

__all__ = [
    "InputLimits",
    "LoadError",
    "LoadedText",
    "clean_text",
    "decode_bytes",
    "decode_bytes_checked",
    "is_url",
    "load_bytes",
    "load_path",
    "make_source",
    "mask_url",
    "now_iso",
    "one_line",
    "read_fd",
    "read_path_bytes",
    "safe_name",
    "size_text",
]

#: Control characters other than tab and newline, including ESC, DEL and the C1 range.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Unicode format characters that can reorder or hide text on a terminal (bidi overrides).
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts like UTF-16's.
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class LoadError(Exception):
    """A file that cannot be compared; the message is one line and names the file."""


#: The one size cap of every input (files, standard input, FIFOs, URLs): 10 MB.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class InputLimits:
    """How much to read and how long to wait: no input can hang the app or fill the memory."""

    #: The most bytes read from any input; more is refused (``--max-size``).
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Seconds to wait for the next bytes from a pipe, a FIFO or a device (a terminal waits
    #: for the person typing: no limit); ``--read-timeout``.
    wait: float = 30.0


#: The limits when none are given.
DEFAULT_LIMITS = InputLimits()


def size_text(n: int) -> str:
    """A byte count as people say it: "10 MB", "500 bytes"."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.3g} MB"
    return f"{n:,} bytes"


def read_fd(fd: int, *, name: str, limits: InputLimits, wait: float | None) -> bytes:
    """Read ``fd`` to its end, at most ``limits.max_bytes``, waiting at most ``wait`` seconds
    for each next chunk (None: no limit); every refusal is a one-line LoadError."""
    chunks: list[bytes] = []
    total = 0
    while True:
        if wait is not None:
            try:
                ready, _, _ = select.select([fd], [], [], wait)
            except (OSError, ValueError):
                ready = [fd]
            if not ready:
                raise LoadError(
                    f"{name}: nothing to read after waiting {wait:g} s (a pipe or FIFO no one "
                    "writes to?); raise the wait with --read-timeout"
                )
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            continue
        except OSError as exc:
            raise LoadError(f"{name}: cannot be read ({exc.strerror or exc})") from None
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limits.max_bytes:
            raise LoadError(
                f"{name}: larger than the {size_text(limits.max_bytes)} limit; "
                "raise it with --max-size"
            )
        chunks.append(chunk)


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
    text, encoding, _warning = decode_bytes_checked(data, name=name)
    return text, encoding


def decode_bytes_checked(data: bytes, *, name: str) -> tuple[str, str, str | None]:
    """Decode article bytes: byte-order mark, strict UTF-8, then UTF-8 with replacement when
    only a few bytes are bad (a warning says how many), then a single-byte detector that
    prefers cp1252. Returns (text, encoding, warning or None); LoadError when nothing fits.

    One bad byte must not turn a whole UTF-8 article into cp852 mojibake ("’" as "ÔÇÖ").
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig"), None
            except UnicodeDecodeError as exc:
                raise LoadError(f"{name}: not valid {encoding} text ({exc.reason})") from None
    if b"\x00" in data:
        raise LoadError(f"{name}: looks like a binary file (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        warning = (
            f"{name}: {bad} byte{'s' if bad != 1 else ''} not valid UTF-8, shown as \ufffd; "
            "the rest is read as UTF-8"
        )
        return text, "utf-8", warning
    legacy = _detect_legacy(data)
    if legacy is None:
        raise LoadError(f"{name}: looks like a binary file (no text encoding fits it)")
    return data.decode(legacy), legacy, None


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bad bytes) when ``data`` is UTF-8 with a few bad bytes: more well-formed
    multi-byte characters than bad sequences, and bad ones under 1% of the bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if bad <= 0 or wide <= bad or bad * 100 > len(data):
        return None
    return text, bad


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


#: Query parameters whose values are secrets (tokens, keys, signatures, sessions).
_SECRET_PARAM = re.compile(
    r"(?i)token|key|secret|pass|pwd|auth|sig|session|sid|code|credential|jwt|bearer|ticket"
)


def mask_url(url: str) -> str:
    """``url`` as it may be shown or stored: a password replaced by ``***``, and so are the
    values of query parameters that look like secrets (``?token=``, ``api_key=``, ``sig=``)."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url
    netloc = parts.netloc
    if password is not None:
        netloc = netloc.replace(f":{password}@", ":***@", 1)
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(_SECRET_PARAM.search(k) for k, _ in pairs):
            masked = [(k, "***" if _SECRET_PARAM.search(k) else v) for k, v in pairs]
            query = urlencode(masked, safe="*/:")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


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
    warning = None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
    if text is None:
        text, encoding, warning = decode_bytes_checked(data, name=name)
    text = clean_text(text)
    if not text.strip():
        raise LoadError(f"{name}: the file is empty (no text to compare)")
    source = make_source(
        data, name=name, path=path, url=url, encoding=encoding, retrieved=retrieved
    )
    return LoadedText(text=text, source=source, note=warning)


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
    path = path if path is not None else name
    return Source(
        # Never a password or a token in a report, a memo or the JSON.
        path=mask_url(path) if is_url(path) else path,
        url=mask_url(url) if url is not None else None,
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


def load_path(path: str | Path, *, limits: InputLimits = DEFAULT_LIMITS) -> LoadedText:
    """Read an article file; every refusal is a LoadError with a one-line message."""
    name = str(path)
    return load_bytes(read_path_bytes(path, limits=limits), name=name, path=name)


def read_path_bytes(path: str | Path, *, limits: InputLimits = DEFAULT_LIMITS) -> bytes:
    """The bytes of an article file, at most ``limits.max_bytes``; a FIFO or a device
    (``/dev/zero``) is read with the size cap and the wait of ``limits``, and opening never
    blocks (a FIFO with no writer). Every refusal is a LoadError with a one-line message."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{name}: is a directory, not an article file") from None
    except PermissionError:
        raise LoadError(f"{name}: cannot be read (permission denied)") from None
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            raise LoadError(f"{name}: no such file (a part of the path is not a folder)") from None
        raise LoadError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(f"{name}: is a directory, not an article file")
        if stat.S_ISREG(info.st_mode):
            if info.st_size > limits.max_bytes:
                raise LoadError(
                    f"{name}: larger than the {size_text(limits.max_bytes)} limit "
                    f"({size_text(info.st_size)}); raise it with --max-size"
                )
            os.set_blocking(fd, True)
            return read_fd(fd, name=name, limits=limits, wait=None)
        return read_fd(fd, name=name, limits=limits, wait=limits.wait)
    finally:
        os.close(fd)
