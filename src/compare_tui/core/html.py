"""HTML pages -> article text and metadata: charset sniffing, then trafilatura extraction.

trafilatura is part of the default install but costs 0.3 s to import, so it is imported here
only when an HTML page is actually read. It is always handed decoded text: given
bytes it mis-detects cp1252 pages (see NOTES.md), so this module decides the encoding itself.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

from compare_tui.core.load import LoadError, decode_bytes_checked

#: What to run when trafilatura (or one of its own dependencies) fails to import.
INSTALL_HINT = "pip install --force-reinstall compare-tui"

#: Extensions taken as HTML without looking inside the file.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

#: Labels browsers decode as windows-1252 (WHATWG Encoding Standard): pages that declare them
#: routinely contain curly quotes and dashes in the 0x80-0x9f range.
_AS_CP1252 = {
    "iso-8859-1",
    "iso8859-1",
    "latin-1",
    "latin1",
    "l1",
    "us-ascii",
    "ascii",
    "ansi_x3.4-1968",
    "iso-ir-100",
    "cp819",
    "ibm819",
    "windows-1252",
    "cp1252",
    "x-cp1252",
    "iso_8859-1",
}

_SNIFF = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
#: How far into the bytes to look for a ``<meta>`` charset. The HTML spec says 1024 bytes;
#: real pages often put a long ``<title>`` or scripts first, so look further.
_PRESCAN_BYTES = 16384

#: Meta properties that carry the publication time, most specific first.
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
)


@dataclass(frozen=True, slots=True)
class Article:
    """The main text of a page (paragraphs separated by a blank line) and what it says of itself."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None


def looks_like_html(data: bytes, *, name: str = "") -> bool:
    """True for ``.html``/``.htm``/``.xhtml`` names or bytes that open like an HTML document."""
    if name.lower().endswith(HTML_SUFFIXES):
        return True
    return _SNIFF.match(data[:4096]) is not None


def charset_from_content_type(value: str | None) -> str | None:
    """The ``charset=`` parameter of a Content-Type value, as a Python codec name."""
    if not value:
        return None
    match = _CHARSET_PARAM.search(value)
    return normalise_charset(match.group(1)) if match else None


def normalise_charset(label: str | None) -> str | None:
    """A declared charset label as a Python codec name; None when Python does not know it
    or it is not a text encoding (``rot13``, ``base64``, ``hex``: detection is used instead).

    Latin-1 and US-ASCII declarations become cp1252, as in browsers.
    """
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        # rot13, base64, hex, zlib...: codecs Python knows that do not decode bytes to text.
        return None
    name = info.name
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        # A meta tag can only be read if the bytes are ASCII-compatible, so it cannot be true.
        return "utf-8"
    return name


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or ``<meta http-equiv>``, if any."""
    head = data[:_PRESCAN_BYTES].decode("latin-1")
    for attrs in _meta_tags(head):
        if "charset" in attrs:
            found = normalise_charset(attrs["charset"])
        elif attrs.get("http-equiv", "").lower() == "content-type":
            found = charset_from_content_type(attrs.get("content"))
        else:
            continue
        if found:
            return found
    return None


def decode_html(data: bytes, *, name: str, header_charset: str | None = None) -> tuple[str, str]:
    """Decode a page; returns (text, encoding) or raises LoadError naming ``name``."""
    text, encoding, _warning = decode_html_checked(data, name=name, header_charset=header_charset)
    return text, encoding


def decode_html_checked(
    data: bytes, *, name: str, header_charset: str | None = None
) -> tuple[str, str, str | None]:
    """Decode a page; returns (text, encoding, warning or None) or raises LoadError.

    Order: a byte-order mark (unambiguous, and browsers let it win), then the HTTP charset,
    then the page's own meta declaration, then the plain-text rules of
    ``load.decode_bytes_checked`` (whose warning says when a few bytes were bad). A declaration
    the bytes do not fit is ignored rather than decoded with replacement marks.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return decode_bytes_checked(data, name=name)
    for declared in (normalise_charset(header_charset), meta_charset(data)):
        if declared is None:
            continue
        try:
            return data.decode(declared), declared, None
        except (UnicodeDecodeError, LookupError):
            continue
    return decode_bytes_checked(data, name=name)


def extract_article(html: str, *, name: str, url: str | None = None) -> Article:
    """The article's main text and metadata, without navigation, ads, comments or links lists.

    Raises LoadError when trafilatura is not installed or finds no article in the page.
    """
    try:
        import trafilatura
    except ImportError as exc:
        # Say what failed: trafilatura may be installed while one of its imports is not.
        what = " ".join(str(exc).split())[:200] or "ImportError"
        raise LoadError(
            f"{name}: cannot read HTML pages: importing trafilatura failed ({what}); "
            f"reinstall with: {INSTALL_HINT}"
        ) from None
    doc: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
    )
    body = _body_text(doc.body) if doc is not None and doc.body is not None else ""
    if not body.strip() and doc is not None and doc.text:
        body = "\n\n".join(line.strip() for line in str(doc.text).splitlines() if line.strip())
    if not body.strip():
        raise LoadError(f"{name}: no article text found in this HTML page")
    title = _clean(doc.title)
    if title and not _opens_with_headline(body, title):
        body = f"{title}\n\n{body}"
    return Article(
        text=body,
        title=title,
        outlet=_clean(doc.sitename),
        author=_clean(doc.author),
        published=_published(html) or _clean(doc.date),
    )


def _opens_with_headline(body: str, title: str) -> bool:
    """True if the body already starts with the headline, even one the page's ``<title>``
    padded with the outlet's name ("Headline | Outlet") or the body put after a kicker."""
    wanted = title.casefold()
    for block in body.split("\n\n", 2)[:2]:
        found = " ".join(block.split()).casefold()
        if found == wanted or (len(found) >= 20 and wanted.startswith(found)):
            return True
    return False


def _body_text(body: Any) -> str:
    """trafilatura's body tree as text, one block per paragraph, heading, list item or row."""
    blocks: list[str] = []
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            blocks.extend(_inline_text(item) for item in child.iter("item"))
        elif tag == "table":
            for row in child.iter("row"):
                cells = (_inline_text(cell) for cell in row.iter("cell"))
                blocks.append(" | ".join(c for c in cells if c))
        else:
            blocks.append(_inline_text(child))
    return "\n\n".join(b for b in blocks if b)


def _inline_text(element: Any) -> str:
    """Text of one block; ``<lb/>`` line breaks stay line breaks, other whitespace collapses."""
    parts: list[str] = []
    _collect(element, parts)
    lines = "".join(parts).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def _collect(element: Any, parts: list[str]) -> None:
    parts.append("\n" if element.tag == "lb" else element.text or "")
    for sub in element:
        _collect(sub, parts)
        parts.append(sub.tail or "")


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _published(html: str) -> str | None:
    """The full publication timestamp from a meta tag, when the page gives a valid one.

    trafilatura reports the date only; a fact-checker comparing timelines wants the time too.
    """
    found: dict[str, str] = {}
    for attrs in _meta_tags(html[:200_000]):
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = (attrs.get("content") or attrs.get("datetime") or "").strip()
        if key in _PUBLISHED_KEYS and value and key not in found:
            found[key] = value
    for key in _PUBLISHED_KEYS:
        stamp = found.get(key)
        if stamp is None:
            continue
        try:
            datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            continue
        return stamp
    return None


class _MetaCollector(HTMLParser):
    """Collects the attributes of ``<meta>`` tags; stops caring once the body starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: list[dict[str, str]] = []
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        elif tag == "meta" and not self.in_body:
            self.metas.append({k.lower(): (v or "") for k, v in attrs})

    handle_startendtag = handle_starttag


def _meta_tags(text: str) -> list[dict[str, str]]:
    parser = _MetaCollector()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - HTMLParser is lenient
        pass
    return parser.metas
