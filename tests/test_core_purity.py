"""The core and the report commands never import Textual or Rich (they must stay light)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import seed


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line.split(".")[0] for line in out.splitlines()}


SRC = Path(__file__).resolve().parent.parent / "src" / "compare_tui"


def _modules_of(package: str) -> list[str]:
    """Every module of ``compare_tui.<package>``, found on disk (new ones are checked too)."""
    root = SRC / package
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_every_core_and_notes_module_imports_neither_textual_nor_rich() -> None:
    modules = _modules_of("core") + _modules_of("notes")
    assert len(modules) > 20
    loaded = _modules_after("import " + ", ".join(modules))
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_report_commands_do_not_import_textual(tmp_path: Path) -> None:
    left, right = str(seed("000")), str(seed("004"))
    out_json, out_md = str(tmp_path / "c.json"), str(tmp_path / "c.md")
    loaded = _modules_after(
        "from compare_tui.cli import main\n"
        f"main(['--json', {left!r}, {right!r}, '-o', {out_json!r}])\n"
        f"main(['--markdown', {left!r}, {right!r}, '-o', {out_md!r}])"
    )
    assert (tmp_path / "c.json").stat().st_size > 0
    assert (tmp_path / "c.md").stat().st_size > 0
    assert "textual" not in loaded
    assert "rich" not in loaded
    # Two articles score a few hundred figure pairs: plain Python, no 0.1 s numpy import.
    assert "numpy" not in loaded


def test_core_never_imports_report_notes_or_ui() -> None:
    for module in (SRC / "core").rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        for upper in ("compare_tui.report", "compare_tui.ui", "compare_tui.notes"):
            assert upper not in source, module.name
