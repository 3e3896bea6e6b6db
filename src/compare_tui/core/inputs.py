"""What the user names on the command line -> LoadedText: a file, ``-`` (stdin) or a URL.

HTML (by extension, by its opening bytes, or by an HTTP Content-Type) goes through
``core.html`` for the article's main text and metadata; anything else is read as plain text.
Every Source records where the text came from, when, and the SHA-256 of the raw bytes read.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING, BinaryIO

from compare_tui.core.html import charset_from_content_type, looks_like_html
from compare_tui.core.load import (
    DEFAULT_LIMITS,
    InputLimits,
    LoadedText,
    LoadError,
    clean_text,
    is_url,
    load_bytes,
    make_source,
    read_fd,
    read_path_bytes,
    size_text,
)

if TYPE_CHECKING:
    from compare_tui.core.fetch import FetchOptions

#: The command-line name for standard input, and the path recorded for it.
STDIN_SPEC = "-"
STDIN_PATH = "<stdin>"

_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def load_input(
    spec: str,
    *,
    stdin: BinaryIO | None = None,
    fetch_options: FetchOptions | None = None,
    limits: InputLimits = DEFAULT_LIMITS,
) -> LoadedText:
    """Load one article named on the command line; raises LoadError naming it.

    ``spec`` is a path, ``-`` for ``stdin`` (default ``sys.stdin.buffer``), or an http(s) URL
    fetched with ``fetch_options`` (default ``FetchOptions()``). ``core.fetch`` (urllib, ssl)
    is imported only for a URL, so callers should build ``FetchOptions`` only when ``is_url``.
    A URL that cannot be fetched but was fetched before comes from the page cache:
    ``from_cache`` is then True and ``note`` says why, for the user. ``limits`` caps the size
    of files and standard input and how long a pipe or FIFO may keep us waiting (URLs have
    ``fetch_options.max_bytes``, which the command line sets to the same cap).
    """
    if spec == STDIN_SPEC:
        return _load_stdin(stdin, limits)
    if is_url(spec):
        return _load_url(spec, fetch_options)
    return load_data(read_path_bytes(spec, limits=limits), name=spec)


def load_data(
    data: bytes,
    *,
    name: str,
    path: str | None = None,
    url: str | None = None,
    html: bool | None = None,
    header_charset: str | None = None,
    retrieved: str | None = None,
) -> LoadedText:
    """Bytes from anywhere -> LoadedText; ``html=None`` decides by ``name`` and the bytes."""
    if html is None:
        html = looks_like_html(data, name=name)
    if not html:
        return load_bytes(
            data, name=name, path=path, url=url, encoding=header_charset, retrieved=retrieved
        )
    from compare_tui.core.html import decode_html_checked, extract_article

    decoded, encoding, warning = decode_html_checked(data, name=name, header_charset=header_charset)
    article = extract_article(decoded, name=name, url=url)
    text = clean_text(article.text)
    if not text.strip():
        raise LoadError(f"{name}: no article text found in this HTML page")
    source = make_source(
        data,
        name=name,
        path=path,
        url=url,
        encoding=encoding,
        retrieved=retrieved,
        outlet=article.outlet,
        author=article.author,
        published=article.published,
        title=article.title,
    )
    return LoadedText(text=text, source=source, note=warning)


def _load_stdin(stdin: BinaryIO | None, limits: InputLimits) -> LoadedText:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise LoadError(f"{STDIN_PATH}: no standard input to read")
    try:
        fd = stream.fileno()
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        fd = None
    if fd is not None:
        # A person typing at a terminal may pause: only pipes and devices have a wait limit.
        wait = None if os.isatty(fd) else limits.wait
        return load_data(read_fd(fd, name=STDIN_PATH, limits=limits, wait=wait), name=STDIN_PATH)
    try:
        data = stream.read(limits.max_bytes + 1)
    except OSError as exc:
        raise LoadError(f"{STDIN_PATH}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limits.max_bytes:
        raise LoadError(
            f"{STDIN_PATH}: larger than the {size_text(limits.max_bytes)} limit; "
            "raise it with --max-size"
        )
    return load_data(data, name=STDIN_PATH)


def _load_url(url: str, options: FetchOptions | None) -> LoadedText:
    from compare_tui.core.fetch import fetch  # urllib and ssl: only when a URL is named

    page = fetch(url, options=options)
    media = page.media_type
    html = True if media in _HTML_TYPES else False if media == "text/plain" else None
    loaded = load_data(
        page.body,
        name=url,
        path=url,
        url=page.final_url,
        html=html,
        header_charset=charset_from_content_type(page.content_type),
        retrieved=page.retrieved,
    )
    if not page.from_cache:
        return loaded
    if page.cache_reason:
        note = (
            f"{url}: {page.cache_reason}; using the copy retrieved {page.retrieved} "
            "from the page cache"
        )
    else:
        note = f"{url}: read from the page cache (retrieved {page.retrieved})"
    return LoadedText(text=loaded.text, source=loaded.source, from_cache=True, note=note)
