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


def test_core_imports_neither_textual_nor_rich() -> None:
    loaded = _modules_after(
        "import compare_tui.core.compare, compare_tui.core.align, compare_tui.core.figures, "
        "compare_tui.core.figures.pairing, compare_tui.core.segment, compare_tui.core.load"
    )
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


def test_core_never_imports_report_or_ui() -> None:
    core = Path(__file__).resolve().parent.parent / "src" / "compare_tui" / "core"
    for module in core.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert "compare_tui.report" not in source, module.name
        assert "compare_tui.ui" not in source, module.name
