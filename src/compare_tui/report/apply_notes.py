"""``--json``/``--markdown`` with ``--notes``: the reader's overrides applied to a report."""

from __future__ import annotations

from pathlib import Path

from compare_tui.core.models import Comparison
from compare_tui.core.overrides import resolve
from compare_tui.notes.decisions import of_pair, read_overrides, with_pair
from compare_tui.notes.model import pair_ids
from compare_tui.report.decisions_memo import decisions_section


def apply_notes(c: Comparison, path: str | Path) -> tuple[Comparison, list[str], list[str]]:
    """(the comparison with this pair's overrides applied, the memo's "reader's decisions"
    section for a Markdown report, one line per override that does not apply and why).

    Raises OSError or UnicodeDecodeError for a notes file that cannot be read.
    """
    stored, unreadable = read_overrides(path)
    ids, names = pair_ids(c)
    mine = of_pair(stored, ids, names)
    resolved = resolve(c, mine)
    said = [
        f"{Path(path).name}: reader decision {k + 1} ({mine[k].decision}) {why}"
        for k, why in sorted(resolved.problems.items())
    ]
    if unreadable:
        said.append(f"{Path(path).name}: {unreadable} reader decision(s) could not be read")
    kept = with_pair([], ids, names, mine, resolved.problems)
    return resolved.comparison, decisions_section(kept), said
