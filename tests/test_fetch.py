"""Fetching over HTTP against a real server on 127.0.0.1: limits, refusals and the page cache."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from compare_tui.core.fetch import (
    USER_AGENT,
    FetchError,
    FetchOptions,
    cache_key,
    default_cache_dir,
    fetch,
    is_url,
    read_cache,
)
from compare_tui.core.inputs import load_input
from compare_tui.core.load import LoadError

DATA = Path(__file__).parent / "data" / "html"
NEWS = (DATA / "news.html").read_bytes()
CP1252_PAGE = (
    '<html><head><meta charset="utf-8"><title>Café owner speaks</title></head><body><article>'
    "<p>“We reopened on Monday,” said Aïcha Maïga — the café’s owner, who lost 3 weeks of "
    "trade to the flood, according to her accountant.</p>"
    "<p>She said the council had promised compensation of about €2,000 per business.</p>"
    "</article></body></html>"
).encode("cp1252")

#: Requests the server has seen: (path, User-Agent).
SEEN: list[tuple[str, str]] = []
RELEASE = threading.Event()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        SEEN.append((self.path, self.headers.get("User-Agent", "")))
        path = self.path
        if path == "/article.html":
            self._send(200, NEWS, "text/html; charset=utf-8")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/article.html" if left == 0 else f"/hop/{left - 1}"
            self._send(302, b"", None, Location=target)
        elif path == "/to-file":
            self._send(302, b"", None, Location="file:///etc/passwd")
        elif path == "/missing":
            self._send(404, b"<html><body>Not found</body></html>", "text/html")
        elif path == "/broken":
            self._send(503, b"down", "text/plain")
        elif path == "/slow":
            RELEASE.wait(10)
            self._send(200, NEWS, "text/html")
        elif path == "/big-declared":
            self._send(200, b"x" * 5000, "text/plain")
        elif path == "/big-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()  # no Content-Length: the client must count
            for _ in range(20):
                self.wfile.write(b"word " * 100)
            self.close_connection = True
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(10):
                if RELEASE.wait(0.2):
                    break
                self.wfile.write(b"word ")
                self.wfile.flush()
            self.close_connection = True
        elif path == "/header-charset":
            self._send(200, CP1252_PAGE, "text/html; charset=windows-1252")
        elif path == "/no-type":
            self._send(200, NEWS, None)
        elif path == "/plain":
            self._send(
                200,
                "Prices rose 5% — “sharply”, said Maïga.\n".encode("cp1252"),
                "text/plain; charset=ISO-8859-1",
            )
        elif path == "/gzip":
            self._send(
                200, gzip.compress(NEWS), "text/html; charset=utf-8", Content_Encoding="gzip"
            )
        elif path == "/short":
            # Declares 100,000 bytes, sends 500, then closes: a cut connection.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"word " * 100)
            self.wfile.flush()
            self.close_connection = True
        elif path.startswith("/cookie"):
            self._send(
                200,
                NEWS,
                "text/html; charset=utf-8",
                Set_Cookie="session=SECRETSESSION; HttpOnly",
            )
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        else:
            self._send(404, b"no such page", "text/plain")


def _start() -> tuple[http.server.ThreadingHTTPServer, threading.Thread]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def _stop(server: http.server.ThreadingHTTPServer, thread: threading.Thread) -> None:
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    RELEASE.clear()
    server, thread = _start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    RELEASE.set()
    _stop(server, thread)


@pytest.fixture(autouse=True)
def _local_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No proxy between us and 127.0.0.1, and a page cache that is the test's own."""
    for name in (
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("COMPARE_TUI_CACHE", str(tmp_path / "cache"))


def _opts(tmp_path: Path, **kwargs: object) -> FetchOptions:
    return FetchOptions(cache_dir=tmp_path / "cache", **kwargs)  # type: ignore[arg-type]


def test_fetch_page_records_provenance_and_user_agent(base: str, tmp_path: Path) -> None:
    page = fetch(f"{base}/article.html", options=_opts(tmp_path))
    assert page.body == NEWS
    assert page.status == 200
    assert page.media_type == "text/html"
    assert not page.from_cache
    assert datetime.fromisoformat(page.retrieved).tzinfo is not None
    assert ("/article.html", USER_AGENT) in SEEN


def test_url_input_is_extracted_with_provenance(base: str) -> None:
    url = f"{base}/article.html"
    loaded = load_input(url)
    assert loaded.text.startswith("Flood waters rise in river town as hundreds evacuate\n\n")
    assert "Related stories" not in loaded.text
    src = loaded.source
    assert (src.path, src.url) == (url, url)
    assert src.sha256 == hashlib.sha256(NEWS).hexdigest()
    assert src.outlet == "The Riverside Courier"
    assert src.author == "Jane Okafor"
    assert src.published == "2024-03-14T08:30:00+00:00"
    assert src.encoding == "utf-8"
    assert src.retrieved is not None and datetime.fromisoformat(src.retrieved)
    assert not loaded.from_cache and loaded.note is None


def test_redirects_within_the_limit_are_followed(base: str, tmp_path: Path) -> None:
    page = fetch(f"{base}/hop/4", options=_opts(tmp_path))  # 5 redirects
    assert page.body == NEWS
    assert page.final_url == f"{base}/article.html"
    loaded = load_input(f"{base}/hop/2")
    assert loaded.source.path == f"{base}/hop/2"
    assert loaded.source.url == f"{base}/article.html"


def test_too_many_redirects_are_refused(base: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:\d+/hop/5: too many redirects"):
        fetch(f"{base}/hop/5", options=_opts(tmp_path))
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(f"{base}/hop/2", options=_opts(tmp_path, max_redirects=1))


def test_redirect_to_a_file_url_is_refused(base: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"/to-file: refused a redirect to file:///etc/passwd"):
        fetch(f"{base}/to-file", options=_opts(tmp_path))


@pytest.mark.parametrize(("path", "expected"), [("/missing", "HTTP 404"), ("/broken", "HTTP 503")])
def test_http_errors_name_the_url(base: str, tmp_path: Path, path: str, expected: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(f"{base}{path}", options=_opts(tmp_path))
    message = str(info.value)
    assert message.startswith(f"{base}{path}: ")
    assert expected in message
    assert "\n" not in message


def test_slow_server_times_out(base: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"/slow: timed out"):
        fetch(f"{base}/slow", options=_opts(tmp_path, timeout=0.3))


def test_trickling_server_hits_the_total_time_limit(base: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"/trickle: the page took too long to download$"):
        fetch(f"{base}/trickle", options=_opts(tmp_path, timeout=5, total_timeout=0.1))


def test_declared_oversize_body_is_refused(base: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"/big-declared: page too large \(5,000 bytes"):
        fetch(f"{base}/big-declared", options=_opts(tmp_path, max_bytes=1000))


def test_streamed_oversize_body_stops_at_the_cap(base: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"/big-streamed: page too large \(more than 1,000"):
        fetch(f"{base}/big-streamed", options=_opts(tmp_path, max_bytes=1000))
    page = fetch(f"{base}/big-streamed", options=_opts(tmp_path))
    assert len(page.body) == 20 * 500


def test_non_text_content_type_is_refused(base: str) -> None:
    expected = r"/image\.png: not a text page \(Content-Type: image/png\)$"
    with pytest.raises(LoadError, match=expected):
        load_input(f"{base}/image.png")


def test_header_charset_beats_meta_tag(base: str) -> None:
    loaded = load_input(f"{base}/header-charset")
    assert loaded.source.encoding == "cp1252"
    assert "“We reopened on Monday,” said Aïcha Maïga — the café’s owner" in loaded.text
    assert "€2,000" in loaded.text
    assert loaded.source.sha256 == hashlib.sha256(CP1252_PAGE).hexdigest()


def test_plain_text_url_uses_header_charset_as_cp1252(base: str) -> None:
    loaded = load_input(f"{base}/plain")
    assert loaded.text == "Prices rose 5% — “sharply”, said Maïga.\n"
    assert loaded.source.encoding == "cp1252"
    assert loaded.source.title is None


def test_missing_content_type_is_sniffed(base: str) -> None:
    loaded = load_input(f"{base}/no-type")
    assert loaded.source.outlet == "The Riverside Courier"
    assert "<p>" not in loaded.text


def test_gzip_body_is_decompressed_and_hashed_as_compared(base: str, tmp_path: Path) -> None:
    page = fetch(f"{base}/gzip", options=_opts(tmp_path))
    assert page.body == NEWS


def test_cache_is_a_fallback_when_the_server_is_gone(tmp_path: Path) -> None:
    server, thread = _start()
    url = f"http://127.0.0.1:{server.server_address[1]}/article.html"
    first = load_input(url)
    _stop(server, thread)
    again = load_input(url)
    assert again.from_cache
    assert again.text == first.text
    assert again.source.retrieved == first.source.retrieved  # the original retrieval time
    assert again.source.sha256 == first.source.sha256
    assert again.source.outlet == "The Riverside Courier"
    assert again.note is not None and "\n" not in again.note
    assert again.note.startswith(f"{url}: cannot fetch (connection refused); using the copy")
    assert first.source.retrieved is not None and first.source.retrieved in again.note


def test_cache_files_are_keyed_by_url_and_hold_headers(base: str, tmp_path: Path) -> None:
    url = f"{base}/article.html"
    fetch(url, options=_opts(tmp_path))
    stem = tmp_path / "cache" / hashlib.sha256(url.encode()).hexdigest()
    assert cache_key(url) == stem.name
    assert stem.with_suffix(".body").read_bytes() == NEWS
    meta = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["url"] == url
    assert meta["sha256"] == hashlib.sha256(NEWS).hexdigest()
    assert meta["headers"]["content-type"] == "text/html; charset=utf-8"
    assert datetime.fromisoformat(meta["retrieved"])
    assert not [p for p in stem.parent.iterdir() if p.name.endswith(".tmp")]
    # Pages may be paywalled: the cache files stay private (written by core.atomic).
    for suffix in (".body", ".json"):
        assert stem.with_suffix(suffix).stat().st_mode & 0o777 == 0o600


def test_a_fresh_fetch_is_preferred_to_the_cache(base: str, tmp_path: Path) -> None:
    url = f"{base}/article.html"
    fetch(url, options=_opts(tmp_path))
    stem = tmp_path / "cache" / cache_key(url)
    meta = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    meta["retrieved"] = "2000-01-01T00:00:00+00:00"
    stem.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    page = fetch(url, options=_opts(tmp_path))
    assert not page.from_cache and page.retrieved != "2000-01-01T00:00:00+00:00"


def test_damaged_cache_entry_is_ignored(base: str, tmp_path: Path) -> None:
    url = f"{base}/article.html"
    fetch(url, options=_opts(tmp_path))
    (tmp_path / "cache" / f"{cache_key(url)}.body").write_bytes(b"tampered")
    assert read_cache(url, cache_dir=tmp_path / "cache") is None


def test_offline_reads_only_the_cache(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/never-fetched"
    with pytest.raises(FetchError, match="not in the page cache"):
        fetch(url, options=_opts(tmp_path, offline=True))


def test_offline_uses_cached_copy(base: str, tmp_path: Path) -> None:
    url = f"{base}/article.html"
    first = fetch(url, options=_opts(tmp_path))
    before = len(SEEN)
    page = fetch(url, options=_opts(tmp_path, offline=True))
    assert page.from_cache and page.cache_reason is None
    assert page.retrieved == first.retrieved and page.body == NEWS
    assert len(SEEN) == before  # no request was made


def test_failed_fetch_without_cache_names_the_url(tmp_path: Path) -> None:
    server, thread = _start()
    url = f"http://127.0.0.1:{server.server_address[1]}/article.html"
    _stop(server, thread)
    with pytest.raises(LoadError, match=rf"^{url}: cannot fetch \(connection refused\)$"):
        load_input(url)


def test_no_cache_option_neither_writes_nor_reads(base: str, tmp_path: Path) -> None:
    fetch(f"{base}/article.html", options=_opts(tmp_path, use_cache=False))
    assert not (tmp_path / "cache").exists()


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COMPARE_TUI_CACHE", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"
    monkeypatch.delenv("COMPARE_TUI_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "compare-tui" / "pages"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "compare-tui" / "pages"


def test_only_http_urls_are_urls() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://example.org")
    assert not is_url("ftp://example.org/a") and not is_url("article.html")
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch("ftp://example.org/a", options=FetchOptions(use_cache=False))


# -- issue 10: truncated bodies, secrets, a hostile cache ------------------------------------


def test_a_body_shorter_than_its_content_length_is_an_error_and_never_cached(
    base: str, tmp_path: Path
) -> None:
    """Failure 9: 500 of a declared 100,000 bytes was accepted, compared and cached."""
    with pytest.raises(FetchError, match=r"incomplete|cannot fetch"):
        fetch(f"{base}/short", options=_opts(tmp_path))
    assert read_cache(f"{base}/short", cache_dir=tmp_path / "cache") is None


def test_set_cookie_and_secret_query_values_never_reach_the_cache(
    base: str, tmp_path: Path
) -> None:
    """Failure 12: Set-Cookie values and ?token= were written into the cache."""
    url = f"{base}/cookie?token=TOPSECRETTOKEN&page=2"
    page = fetch(url, options=_opts(tmp_path))
    assert "set-cookie" not in page.headers
    stored = "".join(p.read_text(errors="replace") for p in (tmp_path / "cache").glob("*.json"))
    assert "SECRETSESSION" not in stored and "TOPSECRETTOKEN" not in stored
    assert "token=***" in stored
    # The masked record still serves the page offline.
    again = fetch(url, options=_opts(tmp_path, offline=True))
    assert again.from_cache and again.body == NEWS
    loaded = load_input(url, fetch_options=_opts(tmp_path))
    assert "TOPSECRETTOKEN" not in (loaded.source.url or "") + loaded.source.path


def test_a_symlink_planted_in_the_cache_is_never_written_through(base: str, tmp_path: Path) -> None:
    """Failure 13: the cache overwrote a file outside it through a planted symlink."""
    url = f"{base}/article.html"
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (cache / f"{cache_key(url)}.body").symlink_to(victim)
    (cache / f"{cache_key(url)}.json").symlink_to(victim)
    fetch(url, options=_opts(tmp_path))
    assert victim.read_text() == "precious"
    assert not (cache / f"{cache_key(url)}.body").is_symlink()
    # And reading never follows one either.
    (cache / f"{cache_key(url)}.body").unlink()
    (cache / f"{cache_key(url)}.body").symlink_to(victim)
    assert read_cache(url, cache_dir=cache) is None


def test_a_cache_folder_others_can_write_is_tightened(base: str, tmp_path: Path) -> None:
    """Failure 13: an existing cache folder with mode 0777 was used as is."""
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o777)
    fetch(f"{base}/article.html", options=_opts(tmp_path))
    assert cache.stat().st_mode & 0o777 == 0o700
