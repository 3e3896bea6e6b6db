"""The command line as a user meets it: reports, help, and every bad input refused cleanly."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import SEEDS, seed


def run(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compare_tui", *args],
        capture_output=True,
        text=True,
        input=stdin.decode("utf-8") if stdin is not None else None,
        cwd=cwd,
        env={**os.environ, **env} if env else None,
        timeout=120,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_json_on_the_seeds_follows_the_schema() -> None:
    result = run("--json", str(seed("000")), str(seed("004")))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    assert len(data["documents"]) == 2
    for doc in data["documents"]:
        text = doc["text"]
        assert isinstance(doc["path"], str)
        assert doc["title"] is None or isinstance(doc["title"], str)
        for s in doc["sentences"]:
            assert 0 <= s["start"] < s["end"] <= len(text)
    for side, figs in enumerate(data["figures"]):
        text = data["documents"][side]["text"]
        for f in figs:
            assert text[f["start"] : f["end"]] == f["text"]
            assert isinstance(f["approx"], bool)
            assert f["low"] is None or isinstance(f["low"], (int, float))
    counts = [len(d["sentences"]) for d in data["documents"]]
    seen: list[list[int]] = [[], []]
    for a in data["alignments"]:
        assert 0.0 <= a["score"] <= 1.0
        assert a["kind"] in {"same", "changed", "left_only", "right_only"}
        seen[0] += a["left"]
        seen[1] += a["right"]
    assert [sorted(s) for s in seen] == [list(range(n)) for n in counts]
    for p in data["figure_pairs"]:
        assert p["status"] in {"agree", "conflict"}
        assert 0 <= p["left"] < len(data["figures"][0])
        assert 0 <= p["right"] < len(data["figures"][1])


def test_markdown_memo_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "memo.md"
    result = run("--markdown", str(seed("000")), str(seed("002")), "-o", str(out))
    assert result.returncode == 0, result.stderr
    memo = out.read_text(encoding="utf-8")
    assert "## Figures" in memo and "conflict" in memo
    # Writing it again replaces our own file...
    assert run("--markdown", str(seed("000")), str(seed("002")), "-o", str(out)).returncode == 0


def test_output_never_replaces_a_file_we_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "my-draft.md"
    out.write_text("my own notes\n", encoding="utf-8")
    result = run("--markdown", str(seed("000")), str(seed("004")), "-o", str(out))
    assert_refused(result, str(out), "not written by compare-tui")
    assert out.read_text(encoding="utf-8") == "my own notes\n"


def test_output_replaces_only_a_file_whose_first_line_is_ours(tmp_path: Path) -> None:
    out = tmp_path / "memo.md"
    args = ("--markdown", str(seed("000")), str(seed("004")), "-o", str(out))
    assert run(*args).returncode == 0
    # Edited below the first line: still ours.
    out.write_text(out.read_text(encoding="utf-8") + "\nMy remark.\n", encoding="utf-8")
    assert run(*args).returncode == 0
    # First line replaced (the marker still further down): not ours any more.
    edited = "My own memo\n" + out.read_text(encoding="utf-8")
    out.write_text(edited, encoding="utf-8")
    assert_refused(run(*args), "not written by compare-tui")
    assert out.read_text(encoding="utf-8") == edited
    draft = tmp_path / "draft.json"
    draft.write_text('{"mine": 1, "schema": 1}\n', encoding="utf-8")
    assert_refused(run("--json", str(seed("000")), str(seed("004")), "-o", str(draft)))
    ours = tmp_path / "ours.json"
    assert run("--json", str(seed("000")), str(seed("004")), "-o", str(ours)).returncode == 0
    assert run("--json", str(seed("000")), str(seed("004")), "-o", str(ours)).returncode == 0


def test_help_explains_every_option_with_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    for option in ("--json", "--markdown", "--output", "--notes", "--version"):
        assert option in result.stdout
    assert "examples:" in result.stdout
    assert "compare-tui --json" in result.stdout


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "fewer than two articles"),  # an empty folder: nothing to compare
        (lambda d: _write(d / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"), "binary"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blank.txt", b"\n \n\t\n"), "empty"),
    ],
)
@pytest.mark.parametrize("mode", ["--json", "--markdown", None])
def test_bad_input_is_one_line_and_status_2(
    tmp_path: Path, make: Callable[[Path], Path], needle: str, mode: str | None
) -> None:
    bad = make(tmp_path)
    args = [mode] if mode else []
    result = run(*args, str(seed("000")), str(bad))
    assert_refused(result, str(bad), needle)


def test_wrong_number_of_articles() -> None:
    assert_refused(run("--json", str(seed("000"))), "two or more articles")


@pytest.mark.parametrize("mode", ["--json", "--markdown", None])
def test_stdin_only_once_whatever_the_number_of_articles(mode: str | None) -> None:
    args = [mode] if mode else []
    for articles in (["-", "-"], ["-", "-", str(seed("001"))], ["-", str(SEEDS), "-"]):
        assert_refused(run(*args, *articles, stdin=b"Text."), "'-'", "only once")


def test_offline_holds_for_three_or_more_articles(tmp_path: Path) -> None:
    from compare_tui.core.fetch import Fetched, write_cache

    cache = tmp_path / "cache"
    env = {"COMPARE_TUI_CACHE": str(cache)}
    url = "http://example.invalid/story"
    three = (url, str(seed("000")), str(seed("004")))
    # Nothing cached: refused without touching the network (no "host not found").
    assert_refused(run("--json", "--offline", *three, env=env), url, "working offline")
    body = seed("002").read_bytes()
    page = Fetched(url, url, body, "text/plain; charset=utf-8", "2025-01-02T03:04:05+00:00")
    assert write_cache(page, cache_dir=cache)
    result = run("--json", "--offline", *three, env=env)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["url"] == url and doc["retrieved"] == "2025-01-02T03:04:05+00:00"
    assert "page cache" in result.stderr


def test_reports_on_plain_files_never_import_the_fetcher() -> None:
    code = (
        "import sys\n"
        "from compare_tui.cli import main\n"
        f"main(['--json', {str(seed('000'))!r}, {str(seed('004'))!r}])\n"
        f"main(['--json', {str(seed('000'))!r}, {str(seed('001'))!r}, {str(seed('004'))!r}])\n"
        "print('compare_tui.core.fetch' in sys.modules, 'ssl' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.split() == ["False", "False"]


def test_unknown_option_is_one_line() -> None:
    assert_refused(run("--frobnicate", str(seed("000")), str(seed("001"))), "--frobnicate")


def test_cp1252_and_utf16_files(tmp_path: Path) -> None:
    original = seed("000").read_text(encoding="utf-8")
    cp = _write(tmp_path / "cp1252.txt", original.replace("—", "-").encode("cp1252"))
    u16 = _write(tmp_path / "utf16.txt", original.encode("utf-16"))
    result = run("--json", str(cp), str(u16))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"][0]["encoding"] == "cp1252"
    assert data["documents"][1]["encoding"] == "utf-16"
    assert "army’s statement" in data["documents"][0]["text"]
    assert data["documents"][1]["text"] == original


def test_escape_sequences_never_reach_the_output(tmp_path: Path) -> None:
    evil = _write(tmp_path / "evil.txt", b"Ten \x1b[2J\x1b]0;pwned\x07fighters were killed.\n")
    result = run("--markdown", str(evil), str(seed("001")))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def _no_control(text: str) -> bool:
    return not any(
        (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or c in "\u202e" for c in text
    )


def test_a_file_name_with_escape_sequences_gives_a_clean_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "a\x1b[2Jb\x07\u202e.txt"
    for args in ([str(bad), str(seed("001"))], ["--json", str(bad), str(seed("001"))]):
        result = run(*args)
        assert_refused(result, "no such file", "a\\x1b[2Jb\\x07\\u202e.txt")
        assert _no_control(result.stderr), repr(result.stderr)
    result = run("--frobnicate\x1b[2J", str(seed("000")), str(seed("001")))
    assert_refused(result, "frobnicate")
    assert _no_control(result.stderr), repr(result.stderr)


def test_reports_on_files_with_escape_sequences_in_their_names_hold_none(tmp_path: Path) -> None:
    names = ["x\x1b]0;pwned\x07.txt", "y\x1b[2J.txt", "z\x9b31m\nline.txt"]
    files = []
    for n, name in zip(("000", "001", "004"), names, strict=True):
        files.append(_write(tmp_path / name, seed(n).read_bytes()))
    (tmp_path / "empty\x1b[2J.txt").write_bytes(b"")
    for args in (
        ["--markdown", str(files[0]), str(files[1])],
        ["--markdown", *map(str, files)],
        ["--markdown", str(tmp_path)],
    ):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert "x\\x1b" in result.stdout or "x\\\\x1b" in result.stdout
        assert _no_control(result.stdout) and _no_control(result.stderr), repr(result.stderr)


def test_python_dash_m_works() -> None:
    assert run("--version").stdout.startswith("compare-tui ")


def test_seeds_are_the_shared_seeds_byte_for_byte() -> None:
    sums = (Path(__file__).parent / "data" / "seeds.sha256").read_text().split("\n")
    expected = {name: digest for digest, name in (line.split("  ") for line in sums if line)}
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
    assert found == expected


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
