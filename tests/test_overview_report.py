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
    assert data["schema"] == 1
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
        assert 0.0 <= p["similarity"] <= 1.0 and isinstance(p["conflicts"], int)
    assert pairs[(0, 4)]["similarity"] > 0.6
    statuses = [r["status"] for r in data["figure_matrix"]]
    rank = {"conflict": 0, "agree": 1, "single": 2}
    assert statuses == sorted(statuses, key=rank.__getitem__)
    for r in data["figure_matrix"]:
        assert len(r["cells"]) == n
        for d, f in enumerate(r["cells"]):
            assert f is None or 0 <= f < len(data["figures"][d])
    texts = [
        [None if f is None else data["figures"][d][f]["text"] for d, f in enumerate(r["cells"])]
        for r in data["figure_matrix"]
    ]
    row = texts.index(["three", "three", "seven", None, "three"])
    assert data["figure_matrix"][row]["status"] == "conflict"


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
    conflict_line = next(line for line in memo.splitlines() if "“seven”" in line)
    assert "conflict" in conflict_line
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
