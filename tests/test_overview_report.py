"""JSON and Markdown reports for many articles, through the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import SEEDS, seed


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compare_tui", *args], capture_output=True, text=True, timeout=120
    )


def test_json_for_a_folder_follows_the_many_article_schema() -> None:
    result = run("--json", str(SEEDS))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == 2  # sparse matrix cells since events (README)
    n = len(data["documents"])
    assert n == 5
    assert len(data["figures"]) == n
    for doc, figs in zip(data["documents"], data["figures"], strict=True):
        for f in figs:
            assert doc["text"][f["start"] : f["end"]] == f["text"]
    assert data["groups"] == [[0, 1, 4], [2], [3]]
    pairs = {(p["left"], p["right"]): p for p in data["pairs"]}
    assert {(0, 1), (0, 4), (1, 4)} <= set(pairs)
    for p in data["pairs"]:
        assert 0 <= p["left"] < p["right"] < n
        assert 0.0 <= p["similarity"] <= 1.0
        assert p["conflicts"] is None or isinstance(p["conflicts"], int)
    assert pairs[(0, 4)]["similarity"] > 0.6
    statuses = [r["status"] for r in data["figure_matrix"]]
    rank = {"conflict": 0, "agree": 1, "single": 2}
    assert statuses == sorted(statuses, key=rank.__getitem__)
    for r in data["figure_matrix"]:
        assert [d for d, _ in r["cells"]] == sorted({d for d, _ in r["cells"]})
        for d, f in r["cells"]:
            assert 0 <= d < n and 0 <= f < len(data["figures"][d])
    texts = []
    for r in data["figure_matrix"]:
        cells = dict(r["cells"])
        texts.append(
            [data["figures"][d][cells[d]]["text"] if d in cells else None for d in range(n)]
        )
    # The separatists' own dead: three at Kidal (one event), seven at Tinzaouatene (another).
    assert ["three", "three", None, None, "three"] in texts
    assert not any(t[0] and t[2] for t in texts)
    events = data["events"]
    assert [e["articles"] for e in events] == [[0, 1, 4], [2, 3]]
    assert events[0]["copies"] == [[0, 1, 4]] and events[0]["first"] == "2025-06-14"
    assert events[1]["copies"] == [] and events[1]["outlets"] == 2
    assert "14 June 2025" in events[0]["label"]


def test_three_named_files_give_the_same_overview_as_a_folder_of_them(tmp_path: Path) -> None:
    files = [str(seed(p)) for p in ("000", "002", "004")]
    data = json.loads(run("--json", *files).stdout)
    assert [Path(d["path"]).name[:3] for d in data["documents"]] == ["000", "002", "004"]
    assert data["groups"] == [[0, 2], [1]]


def test_markdown_memo_for_many_articles(tmp_path: Path) -> None:
    out = tmp_path / "overview.md"
    result = run("--markdown", str(SEEDS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    memo = out.read_text(encoding="utf-8")
    assert memo.startswith("<!-- written by compare-tui -->")
    assert "## Who copies whom" in memo and "## Figures" in memo
    assert "Rewrites of one source: #1" in memo
    assert "## Events" in memo
    assert "- Event 1: " in memo and "#1, #2, #5 (3 outlets, 3 of them copies" in memo
    seven = next(line for line in memo.splitlines() if "“seven”" in line)
    assert "conflict" not in seven
    # Rewriting our own memo is allowed; the two-article report is unchanged.
    assert run("--markdown", str(SEEDS), "-o", str(out)).returncode == 0
    two = json.loads(run("--json", str(seed("000")), str(seed("004"))).stdout)
    assert "alignments" in two and "pairs" not in two


def test_many_article_reports_do_not_import_textual(tmp_path: Path) -> None:
    out = str(tmp_path / "o.json")
    code = (
        "import sys\nfrom compare_tui.cli import main\n"
        f"main(['--json', {str(SEEDS)!r}, '-o', {out!r}])\n"
        "print('textual' in sys.modules, 'rich' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
    assert json.loads(Path(out).read_text(encoding="utf-8"))["groups"]


def test_no_text_leaves_out_article_texts_only() -> None:
    full = json.loads(run("--json", str(SEEDS)).stdout)
    result = run("--json", "--no-text", str(SEEDS))
    assert result.returncode == 0, result.stderr
    bare = json.loads(result.stdout)
    assert all("text" not in d for d in bare["documents"])
    for d in full["documents"] + bare["documents"]:
        d.pop("text", None)
        del d["retrieved"]  # the time the file was read
    assert bare == full
    refused = run("--no-text", "--json", str(seed("000")), str(seed("004")))
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "--no-text" in refused.stderr


def _synthetic(folder: Path, count: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        from make_corpus import write_corpus
    finally:
        sys.path.pop(0)
    write_corpus(count, folder)


def test_progress_is_a_plain_counter_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    _synthetic(tmp_path / "c", 120)
    result = subprocess.run(
        [sys.executable, "-m", "compare_tui", "--json", "--no-text", str(tmp_path / "c")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines, "a report of over a second shows progress"
    assert all(line.startswith("compare-tui: ") and "%" in line for line in lines)
    assert "\r" not in result.stderr and "\x1b" not in result.stderr
    assert len(lines) < 60
    assert lines[-1].endswith("done")
    assert len(json.loads(result.stdout)["documents"]) == 120


def test_many_skipped_files_are_counted_not_listed(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("000", "002", "004"):
        (folder / f"{name}.txt").write_bytes(seed(name).read_bytes())
    for k in range(300):
        (folder / f"photo{k:04d}.jpg").write_bytes(b"\xff\xd8")
    result = run("--json", "--no-text", str(folder))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 6
    assert lines[-1] == "compare-tui: skipped 295 more files (295 not an article)"
