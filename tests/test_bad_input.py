"""Nothing silently wrong, no hangs, no tracebacks: failures 1, 7, 8, 10, 11, 12 and 14 of
issue 10, each through the real command line (a subprocess) where a user meets it."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest
from markdown_it import MarkdownIt

from compare_tui.core.compare import compare_texts
from compare_tui.core.load import load_bytes, mask_url
from compare_tui.report.markdown import render_markdown

from .conftest import seed
from .test_cli import assert_refused, run

LEFT, RIGHT = str(seed("000")), str(seed("004"))


def _json_text(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["documents"][0]["text"])


# -- 7: decoding ------------------------------------------------------------------------------


def test_a_few_bad_bytes_in_utf8_keep_the_file_utf8_with_a_warning(tmp_path: Path) -> None:
    data = seed("000").read_bytes()
    assert "’".encode() in data
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data[:500] + b"\xff\xfe\xc3\x28 more text. " + data[500:])
    result = run("--json", str(bad), RIGHT)
    text = _json_text(result)
    assert "’" in text and "ÔÇÖ" not in text
    assert "3 bytes not valid UTF-8" in result.stderr
    assert json.loads(result.stdout)["documents"][0]["encoding"] == "utf-8"


def test_utf8_with_a_cp1252_fragment_is_read_as_utf8(tmp_path: Path) -> None:
    data = seed("000").read_bytes()
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(data[:800] + "“café”".encode("cp1252") + data[800:])
    result = run("--json", str(mixed), RIGHT)
    assert "’" in _json_text(result)
    assert json.loads(result.stdout)["documents"][0]["encoding"] == "utf-8"


def test_utf32_with_a_byte_order_mark_is_read_as_utf32(tmp_path: Path) -> None:
    text = seed("000").read_text(encoding="utf-8")
    path = tmp_path / "utf32.txt"
    path.write_bytes(text.encode("utf-32"))  # with its BOM, little-endian here
    result = run("--json", str(path), RIGHT)
    assert _json_text(result).split("\n")[0] == text.split("\n")[0]
    assert json.loads(result.stdout)["documents"][0]["encoding"] == "utf-32"


# -- 8: every output write checked ------------------------------------------------------------


def _run_to(
    stdout: IO[bytes] | None, *args: str, preexec: Callable[[], object] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compare_tui", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=preexec,
    )


def _one_error_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_json_to_dev_full_is_one_error_line() -> None:
    with open("/dev/full", "wb") as full:
        result = _run_to(full, "--json", LEFT, RIGHT)
    _one_error_line(result, "standard output", "No space left on device")


def test_json_to_a_closed_stdout_is_one_error_line() -> None:
    result = _run_to(None, "--json", LEFT, RIGHT, preexec=lambda: os.close(1))
    _one_error_line(result, "standard output is closed")


def _file_size_limit() -> None:
    """The child may write at most 8,192 bytes to any file: a disk that fills up mid-write,
    without root or a tmpfs (writes past the limit are cut short, then fail with EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def test_json_to_a_nearly_full_disk_is_an_error_not_a_truncated_success(tmp_path: Path) -> None:
    out = tmp_path / "comparison.json"
    with out.open("wb") as handle:
        result = _run_to(handle, "--json", LEFT, RIGHT, preexec=_file_size_limit)
    _one_error_line(result, "standard output", "cannot be written")
    assert out.stat().st_size <= 8192


# -- 10: bounded input ------------------------------------------------------------------------


def test_dev_zero_is_refused_at_the_size_cap() -> None:
    assert_refused(run("--json", "/dev/zero", RIGHT, "--max-size", "1"), "/dev/zero", "1 MB")


def test_dev_urandom_is_refused_at_the_default_cap() -> None:
    assert_refused(run("--json", "/dev/urandom", RIGHT), "/dev/urandom", "10 MB")


def test_endless_stdin_is_refused_at_the_size_cap() -> None:
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "compare_tui", "--json", "-", RIGHT, "--max-size", "2"],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert_refused(result, "<stdin>", "2 MB")


def test_a_fifo_with_no_writer_gives_up_after_the_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_refused(run("--json", str(fifo), RIGHT, "--read-timeout", "0.5"), "nothing to read")


def test_a_fifo_that_is_written_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare_tui", "--json", str(fifo), RIGHT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with open(fifo, "wb") as writer:
        writer.write(seed("000").read_bytes())
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert json.loads(out)["documents"][0]["sha256"]


@pytest.mark.parametrize("value", ["0", "-3", "lots", "inf"])
def test_bad_limits_are_refused(value: str) -> None:
    assert_refused(run("--json", LEFT, RIGHT, "--max-size", value), "--max-size")


# -- 11: a path in a folder without search permission -----------------------------------------


def _without_root_powers() -> list[str]:
    """A command prefix that makes permissions count: root ignores them, so it runs the app
    without the two capabilities that bypass them (``setpriv``)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-all"]


def test_a_path_in_a_folder_without_search_permission_is_one_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_bytes(seed("000").read_bytes())
    locked.chmod(0o600)  # a listing, but no search (x): looking inside fails with EACCES
    args = ["-m", "compare_tui", "--json", str(locked / "a.txt"), RIGHT]
    try:
        result = subprocess.run(
            [*_without_root_powers(), sys.executable, *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        locked.chmod(0o700)
    assert_refused(result, "a.txt", "permission denied")


# -- 12: hostile addresses --------------------------------------------------------------------


def test_a_malformed_ipv6_address_is_one_line() -> None:
    assert_refused(run("--json", "http://[::1/x", RIGHT), "not a valid address")


def test_an_address_with_a_password_is_refused_and_the_password_masked() -> None:
    result = run("--json", "http://user:hunter2secret@example.invalid/story", RIGHT)
    assert_refused(result, "user name or password", "user:***@example.invalid")
    assert "hunter2secret" not in result.stderr


def test_secret_query_values_are_masked_in_memos() -> None:
    url = "https://news.example/story?id=7&token=s3cr3tvalue&api_key=k3y"
    assert mask_url(url) == "https://news.example/story?id=7&token=***&api_key=***"
    left = load_bytes(seed("000").read_bytes(), name=url, path=url, url=url)
    right = load_bytes(seed("004").read_bytes(), name=RIGHT)
    memo = render_markdown(compare_texts(left, right))
    assert "s3cr3tvalue" not in memo and "k3y" not in memo
    assert "token=\\*\\*\\*" in memo or "token=***" in memo


# -- 14: bare URLs in article text ------------------------------------------------------------


def test_bare_urls_in_article_text_never_become_links(tmp_path: Path) -> None:
    hostile = (
        "Officials said the toll rose. Details at https://evil.example/phish and "
        "www.evil.example/login or write to press@evil.example today.\n\n"
        + seed("000").read_text(encoding="utf-8")
    )
    left = load_bytes(hostile.encode(), name="hostile.txt")
    right = load_bytes(seed("004").read_bytes(), name=RIGHT)
    memo = render_markdown(compare_texts(left, right))
    html = MarkdownIt("gfm-like").render(memo)
    assert "evil.example" in html
    assert 'href="https://evil.example' not in html
    assert "mailto:" not in html
    assert 'href="http://www.evil' not in html
    for line in memo.splitlines():
        if "evil.example" in line:
            assert "https://evil" not in line and "www.evil" not in line, line


# -- 1: -o never replaces the journalist's notes or edits -------------------------------------


def test_o_over_a_notes_memo_is_refused_and_the_notes_kept(tmp_path: Path) -> None:
    from compare_tui.core.own_output import NOTES_MARKER

    notes = tmp_path / "notes-A--B.md"
    memo = f"{NOTES_MARKER}\n# Notes\n\n### Note 1\nthree notes worth keeping\n"
    notes.write_text(memo, encoding="utf-8")
    result = run("--markdown", LEFT, RIGHT, "-o", str(notes))
    assert_refused(result, "notes memo", "not replacing")
    assert notes.read_text(encoding="utf-8") == memo


def test_o_over_a_hand_edited_report_keeps_a_backup_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "memo.md"
    assert run("--markdown", LEFT, RIGHT, "-o", str(out)).returncode == 0
    # Written again untouched: replaced quietly, no backup.
    again = run("--markdown", LEFT, RIGHT, "-o", str(out))
    assert again.returncode == 0 and again.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.md"]
    edited = out.read_text(encoding="utf-8") + "\n## My analysis\n\nThe toll differs.\n"
    out.write_text(edited, encoding="utf-8")
    result = run("--markdown", LEFT, RIGHT, "-o", str(out))
    assert result.returncode == 0
    assert "memo.md.bak" in result.stderr
    assert (tmp_path / "memo.md.bak").read_text(encoding="utf-8") == edited
    assert "## My analysis" not in out.read_text(encoding="utf-8")


def test_ctrl_c_while_waiting_for_input_is_one_line_and_130() -> None:
    import time

    reader, writer = os.pipe()  # standard input that never ends and never sends
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare_tui", "--json", "-", RIGHT],
        stdin=reader,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(reader)
    time.sleep(2.5)  # started, and waiting on standard input
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    os.close(writer)
    assert proc.returncode == 130
    assert out == "" and "Traceback" not in err
    assert err.strip().splitlines() == ["compare-tui: interrupted"]


def test_a_web_page_with_a_few_bad_bytes_stays_utf8_with_a_warning(tmp_path: Path) -> None:
    from compare_tui.core.inputs import load_input

    page = (Path(__file__).parent / "data" / "html" / "news.html").read_bytes()
    at = page.index(b"<p>") + 3
    bad = tmp_path / "page.html"
    bad.write_bytes(page[:at] + b"\xff\xfe " + page[at:])
    loaded = load_input(str(bad))
    assert loaded.source.encoding == "utf-8"
    assert loaded.note is not None and "2 bytes not valid UTF-8" in loaded.note
