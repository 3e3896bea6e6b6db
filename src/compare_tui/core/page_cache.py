"""The page cache: every page fetched, kept for when a later fetch fails or for --offline.

Files in the cache directory, per URL (key = SHA-256 of the URL as given): ``<key>.body`` (the
bytes as received) and ``<key>.json`` (URL and final URL with secrets masked, status, headers
without cookies, retrieval time, SHA-256 of the body). Both are written atomically, body first,
so a crash never leaves a record that points at a missing or partial body. The cache never
follows a symbolic link (one planted there could point anywhere) and is used only in a folder
no one else can write.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from compare_tui.core.atomic import write_bytes_atomic
from compare_tui.core.load import mask_url

CACHE_ENV = "COMPARE_TUI_CACHE"
#: Response headers never kept: they carry the visitor's session, not the page.
PRIVATE_HEADERS = frozenset({"set-cookie", "set-cookie2", "www-authenticate", "authorization"})


@dataclass(frozen=True, slots=True)
class Fetched:
    """One page as received, or as kept in the cache from an earlier fetch."""

    url: str
    final_url: str
    body: bytes
    content_type: str | None
    #: ISO 8601 (UTC) time the body was received from the server.
    retrieved: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    from_cache: bool = False
    #: Why the cache was used (the failed fetch's message), for a note to the user.
    cache_reason: str | None = None

    @property
    def media_type(self) -> str | None:
        """The Content-Type without its parameters, lower-cased."""
        if not self.content_type:
            return None
        return self.content_type.split(";", 1)[0].strip().lower() or None


def default_cache_dir() -> Path:
    """``$COMPARE_TUI_CACHE``, else ``$XDG_CACHE_HOME/compare-tui/pages``, else ``~/.cache/...``."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "compare-tui" / "pages"


def cache_key(url: str) -> str:
    """The file stem under which ``url`` is cached."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def read_cache(url: str, *, cache_dir: Path) -> Fetched | None:
    """The cached copy of ``url``, or None if absent or damaged (the body must match its hash)."""
    stem = cache_dir / cache_key(url)
    if not _safe_cache_dir(cache_dir):
        return None
    try:
        meta = json.loads(_read_nofollow(stem.with_suffix(".json")).decode("utf-8"))
        body = _read_nofollow(stem.with_suffix(".body"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("url") not in (url, mask_url(url)):
        return None
    if meta.get("sha256") != hashlib.sha256(body).hexdigest():
        return None
    headers = meta.get("headers") or {}
    return Fetched(
        url=url,
        final_url=str(meta.get("final_url") or url),
        body=body,
        content_type=meta.get("content_type"),
        retrieved=str(meta.get("retrieved")),
        status=int(meta.get("status") or 200),
        headers={str(k): str(v) for k, v in headers.items()},
        from_cache=True,
    )


def write_cache(fetched: Fetched, *, cache_dir: Path) -> bool:
    """Keep a fetched page; returns False (silently) when the cache cannot be written."""
    stem = cache_dir / cache_key(fetched.url)
    meta = {
        "url": mask_url(fetched.url),
        "final_url": mask_url(fetched.final_url),
        "status": fetched.status,
        "content_type": fetched.content_type,
        "headers": {k: v for k, v in fetched.headers.items() if k not in PRIVATE_HEADERS},
        "retrieved": fetched.retrieved,
        "sha256": hashlib.sha256(fetched.body).hexdigest(),
    }
    try:
        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)  # pages may be paywalled
        if not _safe_cache_dir(cache_dir):
            return False
        # Private like the folder (0600); a symlink planted in the cache is replaced, never
        # written through (it could point anywhere).
        write_bytes_atomic(
            stem.with_suffix(".body"), fetched.body, new_mode=0o600, follow_symlinks=False
        )
        write_bytes_atomic(
            stem.with_suffix(".json"),
            json.dumps(meta, indent=2, ensure_ascii=False).encode("utf-8"),
            new_mode=0o600,
            follow_symlinks=False,
        )
    except OSError:
        return False
    return True


def _read_nofollow(path: Path) -> bytes:
    """A cache file's bytes; a symlink is refused (``O_NOFOLLOW``), not followed."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def _safe_cache_dir(cache_dir: Path) -> bool:
    """Whether the cache folder can be trusted: a real folder that no one else can write.
    One of ours that others could write is tightened to 0700; anyone else's is refused."""
    try:
        info = os.lstat(cache_dir)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if info.st_mode & 0o022 == 0:
        return True
    if info.st_uid != os.geteuid():
        return False
    try:
        os.chmod(cache_dir, 0o700)
    except OSError:
        return False
    return True
