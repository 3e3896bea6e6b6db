"""Fetching a page over HTTP(S) with the standard library, and a local cache of what was fetched.

The cache is a fallback, never a shortcut: a fresh fetch is always tried first (a story may
have been corrected since), and a cached copy is used only when the fetch fails, keeping its
original retrieval time so that a memo never claims the page was seen later than it was. With
``FetchOptions(offline=True)`` the network is not touched at all and only the cache is read
(``core.page_cache``). A body shorter than its Content-Length is an error, never cached; an
address with credentials is refused; cookies the server sets are dropped.
"""

from __future__ import annotations

import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from http.client import HTTPException, HTTPMessage
from pathlib import Path
from typing import IO, Any

from compare_tui.core.load import LoadError, is_url, mask_url, now_iso, size_text
from compare_tui.core.page_cache import (
    CACHE_ENV,
    PRIVATE_HEADERS,
    Fetched,
    cache_key,
    default_cache_dir,
    read_cache,
    write_cache,
)

__all__ = [
    "CACHE_ENV",
    "USER_AGENT",
    "FetchError",
    "FetchOptions",
    "Fetched",
    "cache_key",
    "check_url",
    "default_cache_dir",
    "fetch",
    "is_url",
    "read_cache",
    "write_cache",
]

USER_AGENT = "compare-tui/0.1 (article comparison for fact-checkers; Python urllib)"

#: Content types accepted besides ``text/*``: pages that are text but not labelled so.
_TEXT_TYPES = {"application/xhtml+xml", "application/xml", "application/json"}
_CHUNK = 64 * 1024


class FetchError(LoadError):
    """A URL that could not be fetched (and was not in the cache); one line naming the URL."""


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How to fetch; the defaults suit one person fetching two or three articles."""

    #: Seconds allowed for connecting and for each read (a stalled server).
    timeout: float = 15.0
    #: Seconds allowed for the whole body (a server that trickles bytes to stay under ``timeout``).
    total_timeout: float = 120.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    #: None means ``default_cache_dir()``.
    cache_dir: Path | None = None
    #: Keep fetched pages and fall back to them when a fetch fails.
    use_cache: bool = True
    #: Read only the cache: never touch the network.
    offline: bool = False


def fetch(url: str, *, options: FetchOptions | None = None) -> Fetched:
    """Fetch ``url``, falling back to the cache when the fetch fails; raises FetchError."""
    opts = options or FetchOptions()
    check_url(url)
    cache_dir = opts.cache_dir or default_cache_dir()
    if opts.offline:
        cached = read_cache(url, cache_dir=cache_dir)
        if cached is None:
            raise FetchError(f"{url}: not in the page cache ({cache_dir}) and working offline")
        return cached
    try:
        fetched = _fetch_live(url, opts)
    except FetchError as exc:
        cached = read_cache(url, cache_dir=cache_dir) if opts.use_cache else None
        if cached is None:
            raise
        reason = str(exc).removeprefix(f"{url}: ")
        return Fetched(**{**_fields(cached), "cache_reason": reason})
    if opts.use_cache:
        write_cache(fetched, cache_dir=cache_dir)
    return fetched


def check_url(url: str) -> None:
    """Refuse, in one line, an address that cannot be parsed or that carries a user name or
    password (it would be sent, logged and stored; the password is masked in the message)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        user, password = parts.username, parts.password
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError as exc:
        raise FetchError(f"{mask_url(url)}: not a valid address ({exc})") from None
    if not parts.hostname:
        raise FetchError(f"{mask_url(url)}: not a valid address (no host name)")
    if user is not None or password is not None:
        raise FetchError(
            f"{mask_url(url)}: addresses with a user name or password are refused (they "
            "would be sent in clear and stored); save the page in a browser and give the file"
        )


def _fields(fetched: Fetched) -> dict[str, Any]:
    return {name: getattr(fetched, name) for name in Fetched.__dataclass_fields__}


def _redirect_handler(limit: int) -> urllib.request.HTTPRedirectHandler:
    """A handler that follows at most ``limit`` redirects, and only to http(s)."""

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = limit
        max_repeats = limit

        def redirect_request(
            self,
            req: urllib.request.Request,
            fp: IO[bytes],
            code: int,
            msg: str,
            headers: HTTPMessage,
            newurl: str,
        ) -> urllib.request.Request | None:
            if not is_url(newurl):
                raise urllib.error.HTTPError(
                    newurl, code, "redirect to a non-HTTP address", headers, fp
                )
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return Redirects()


def _fetch_live(url: str, opts: FetchOptions) -> Fetched:
    if not is_url(url):
        raise FetchError(f"{url}: only http:// and https:// addresses can be fetched")
    opener = urllib.request.build_opener(_redirect_handler(opts.max_redirects))
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": opts.user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    try:
        with opener.open(request, timeout=opts.timeout) as response:
            status = int(response.status)
            headers = {
                k.lower(): v
                for k, v in response.headers.items()
                if k.lower() not in PRIVATE_HEADERS
            }
            final_url = str(response.geturl())
            _check_type(url, headers.get("content-type"))
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > opts.max_bytes:
                raise FetchError(
                    f"{url}: page too large ({size_text(int(declared))}, the limit is "
                    f"{size_text(opts.max_bytes)})"
                )
            raw = _read_capped(
                url, response, opts.max_bytes, deadline=time.monotonic() + opts.total_timeout
            )
            if declared.isdigit() and len(raw) < int(declared):
                # The connection closed early: half a story must never be compared or cached.
                raise FetchError(
                    f"{url}: the page arrived incomplete ({len(raw):,} of {int(declared):,} "
                    "bytes); try again"
                )
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400 and (
            "non-HTTP" in str(exc.reason) or "not allowed" in str(exc.reason)
        ):
            target = exc.headers.get("Location") if exc.headers else None
            raise FetchError(
                f"{url}: refused a redirect to {target or 'a non-HTTP address'}"
            ) from None
        if 300 <= exc.code < 400 and "infinite loop" in str(exc.reason):
            raise FetchError(
                f"{url}: too many redirects (more than {opts.max_redirects}) or a redirect loop"
            ) from None
        raise FetchError(f"{url}: the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: cannot fetch ({_reason(exc.reason)})") from None
    except TimeoutError:
        raise FetchError(f"{url}: timed out after {opts.timeout:g} s") from None
    except (OSError, ValueError, HTTPException) as exc:
        raise FetchError(f"{url}: cannot fetch ({_reason(exc)})") from None
    body = _decompress(url, raw, headers.get("content-encoding", ""), opts.max_bytes)
    return Fetched(
        url=url,
        final_url=final_url,
        body=body,
        content_type=headers.get("content-type"),
        retrieved=now_iso(),
        status=status,
        headers=headers,
    )


def _check_type(url: str, content_type: str | None) -> None:
    if not content_type:
        return  # sniffed later
    media = content_type.split(";", 1)[0].strip().lower()
    if media.startswith("text/") or media in _TEXT_TYPES or media.endswith("+xml"):
        return
    raise FetchError(f"{url}: not a text page (Content-Type: {media})")


def _read_capped(url: str, response: Any, limit: int, *, deadline: float) -> bytes:
    """Read at most ``limit`` bytes; stop as soon as the body goes past it or time runs out."""
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: the page took too long to download")
        chunk = response.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise FetchError(f"{url}: page too large (more than {size_text(limit)})")
        chunks.append(chunk)


def _decompress(url: str, raw: bytes, encoding: str, limit: int) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in {"", "identity"}:
        return raw
    if encoding not in {"gzip", "x-gzip", "deflate"}:
        raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        body = inflater.decompress(raw, limit + 1)
    except zlib.error:
        try:  # some servers send raw deflate without the zlib header
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            body = inflater.decompress(raw, limit + 1)
        except zlib.error:
            raise FetchError(f"{url}: the compressed page is corrupt") from None
    if len(body) > limit:
        raise FetchError(f"{url}: page too large (more than {size_text(limit)} uncompressed)")
    return body


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return "host not found; offline?"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {reason.reason or reason}"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return " ".join(str(reason).split()) or type(reason).__name__
