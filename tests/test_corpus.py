"""Many articles: loading a folder, the screen, lazy cached comparisons, groups of rewrites."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compare_tui.core.corpus import Corpus, CorpusOptions, load_corpus
from compare_tui.core.load import LoadError
from compare_tui.core.models import Document, Figure

from .conftest import SEEDS


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_texts(load_corpus([str(SEEDS)]).texts)


def test_seed_groups_are_the_three_rewrites_and_two_singletons(corpus: Corpus) -> None:
    names = [Path(d.path).name[:3] for d in corpus.documents]
    assert names == ["000", "001", "002", "003", "004"]
    assert corpus.groups() == ((0, 1, 4), (2,), (3,))


def test_screen_separates_rewrites_from_other_stories(corpus: Corpus) -> None:
    assert sorted(corpus.related_pairs()) == [(0, 1), (0, 4), (1, 4)]
    for i, j in [(0, 2), (0, 3), (2, 3), (2, 4)]:
        assert not corpus.is_related(i, j)
    assert all(corpus.screen[i, j] == corpus.screen[j, i] for i in range(5) for j in range(5))
    assert all(corpus.screen[i, i] == 1.0 for i in range(5))


def test_pair_shares_come_from_the_alignment(corpus: Corpus) -> None:
    rewrite, verbatim = corpus.share(0, 4)
    assert rewrite > 0.6 and 0.0 <= verbatim <= rewrite
    assert corpus.share(4, 0) == (rewrite, verbatim)
    assert corpus.share(0, 2)[0] < 0.2
    stats = corpus.pair_stats(4, 0)
    assert (stats.left, stats.right) == (0, 4)
    assert stats.similarity == rewrite


def test_comparisons_are_computed_once_and_evicted_least_recently_used() -> None:
    c = Corpus.from_texts(load_corpus([str(SEEDS)]).texts, options=CorpusOptions(cache_size=2))
    assert c.cached(0, 1) is None
    first = c.comparison(0, 1)
    assert c.comparison(0, 1) is first
    assert first.documents == (c.documents[0], c.documents[1])
    c.comparison(1, 0)
    c.comparison(0, 1)  # refreshes (0, 1): (1, 0) is now the oldest
    c.comparison(0, 4)
    assert c.cached(1, 0) is None
    assert c.cached(0, 1) is first
    # Each article's figures are extracted once and shared by every comparison.
    assert c.comparison(0, 4).figures[0] is first.figures[0]


def test_corpus_comparison_is_compare_documents_with_figures_extracted_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from compare_tui.core import figures as figures_module
    from compare_tui.core.compare import compare_documents

    c = Corpus.from_texts(load_corpus([str(SEEDS)]).texts)
    # Same event (across events a comparison also carries a note: test_event_matrix.py).
    expected = compare_documents(c.documents[0], c.documents[1])
    calls: list[str] = []
    real = figures_module.extract_figures

    def counting(document: Document) -> tuple[Figure, ...]:
        calls.append(document.path)
        return real(document)

    monkeypatch.setattr(figures_module, "extract_figures", counting)
    got = c.comparison(0, 1)
    assert got == expected
    c.comparison(1, 0)
    c.comparison(0, 2)
    assert sorted(calls) == sorted({c.documents[k].path for k in (0, 1, 2)})


def test_folder_skips_what_is_not_an_article(tmp_path: Path) -> None:
    for p in SEEDS.glob("00[012]_*.txt"):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (tmp_path / "data.bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").write_text("secret", encoding="utf-8")
    (tmp_path / "memo.md").write_text("<!-- written by compare-tui -->\n# memo\n", "utf-8")
    loaded = load_corpus([str(tmp_path)])
    assert [Path(t.source.path).name[:3] for t in loaded.texts] == ["000", "001", "002"]
    skipped = {Path(s.path).name: s.reason for s in loaded.skipped}
    assert set(skipped) == {"photo.jpg", "data.bin.txt", "empty.txt", "sub", ".hidden", "memo.md"}
    assert "binary" in skipped["data.bin.txt"]
    assert "empty" in skipped["empty.txt"]
    assert all("\n" not in r for r in skipped.values())


def test_own_output_is_recognised_by_its_opening_only(tmp_path: Path) -> None:
    from compare_tui.core.own_output import is_own_output

    assert is_own_output("<!-- written by compare-tui -->\n# memo\n")
    assert is_own_output("\ufeff<!-- compare-tui notes memo v1 -->\r\n# Notes")
    assert is_own_output('{\n  "schema": 1,\n  "documents": []}')
    assert is_own_output('{"schema": 1}')
    assert not is_own_output("My draft\n<!-- written by compare-tui -->\n")
    assert not is_own_output("<!-- written by compare-tui --> and then my own text\n")
    assert not is_own_output('{"documents": [], "schema": 1}')
    assert not is_own_output("")
    for p in SEEDS.glob("00[01]_*.txt"):
        shutil.copy(p, tmp_path / p.name)
    # An article that quotes our marker below its first line is an article.
    quoting = "How the tool marks files.\n\n<!-- written by compare-tui --> opens every memo.\n"
    (tmp_path / "quoting.txt").write_text(quoting, "utf-8")
    (tmp_path / "notes.md").write_text("<!-- compare-tui notes memo v1 -->\n# Notes\n", "utf-8")
    loaded = load_corpus([str(tmp_path)])
    assert [Path(t.source.path).name for t in loaded.texts][-1] == "quoting.txt"
    assert [Path(s.path).name for s in loaded.skipped] == ["notes.md"]


def test_a_named_file_must_load(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00")
    with pytest.raises(LoadError, match=r"bad\.txt: looks like a binary"):
        load_corpus([str(SEEDS), str(bad)])
    with pytest.raises(LoadError, match="no such file"):
        load_corpus([str(tmp_path / "missing.txt")])


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compare_tui", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_folder_with_non_articles_notes_each_skip_on_one_line(tmp_path: Path) -> None:
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "old").mkdir()
    result = run("--json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert all(line.startswith("compare-tui: skipped ") for line in lines)
    assert "Traceback" not in result.stderr


def test_cli_too_few_articles_is_one_line_exit_2(tmp_path: Path) -> None:
    shutil.copy(next(SEEDS.glob("000_*.txt")), tmp_path / "only.txt")
    (tmp_path / "pic.gif").write_bytes(b"GIF89a\x00")
    result = run("--markdown", str(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    errors = [x for x in result.stderr.splitlines() if "error" in x]
    assert len(errors) == 1 and "fewer than two articles" in errors[0]
    empty = tmp_path / "none"
    empty.mkdir()
    result = run(str(empty))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0


def test_work_in_worker_processes_gives_the_same_overview(tmp_path: Path) -> None:
    import sys

    from compare_tui.core.overview import build_overview

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        from make_corpus import write_corpus
    finally:
        sys.path.pop(0)
    write_corpus(90, tmp_path / "c")
    texts = load_corpus([str(tmp_path / "c")]).texts
    one = build_overview(Corpus.from_texts(texts), max_pairs=20)
    two = build_overview(Corpus.from_texts(texts, workers=2), max_pairs=20, workers=2)
    assert one.events == two.events
    assert one.groups == two.groups
    assert one.rows == two.rows
    assert one.pairs == two.pairs
