"""A fresh install reads web pages: every import trafilatura needs is a declared dependency."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_html_support_is_in_the_default_install() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {
        dep.split(">")[0].split("<")[0].split("=")[0].strip().lower().replace("_", "-")
        for dep in project["dependencies"]
    }
    # lxml_html_clean: pip 23.2 (what Python 3.11 ships) ignores justext's lxml[html_clean].
    assert {"trafilatura", "lxml-html-clean"} <= names


def test_saved_page_compares_out_of_the_box() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "compare_tui",
            "--json",
            str(ROOT / "tests/data/html/news.html"),
            str(next((ROOT / "seeds").glob("004_*.txt"))),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith('{"schema"') or '"schema"' in done.stdout[:40]


def test_ci_runs_the_readme_install_without_upgrading_pip() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--upgrade pip" not in script
    assert "pip install -e .\n" in script
    for gate in (
        "pytest -q",
        "ruff check",
        "ruff format --check",
        "mypy src tests",
        "lint-imports",
    ):
        assert gate in script
