"""``--json``/``--markdown`` with ``--notes``: the reader's overrides applied to a report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compare_tui.core.models import Comparison
from compare_tui.core.overrides import READER, resolve
from compare_tui.notes.decisions import of_pair, read_overrides, with_pair
from compare_tui.notes.model import pair_ids
from compare_tui.report.decisions_memo import decisions_section


@dataclass(frozen=True, slots=True)
class Applied:
    """What ``--notes`` did to a report."""

    comparison: Comparison
    #: The memo's "reader's decisions" section, for a Markdown report.
    section: list[str]
    #: One line per override that does not apply, and why (for stderr).
    said: list[str]
    #: Every decision of this pair, for JSON's ``reader_decisions``: a split pair leaves no
    #: figure pair behind, so the decision itself is the record.
    records: list[dict[str, Any]]


def apply_notes(c: Comparison, path: str | Path) -> Applied:
    """This pair's overrides from the notes file at ``path``, applied to ``c``.

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
    records = []
    for k, o in enumerate(mine):
        at = resolved.applied.get(k, o)
        records.append(
            {
                "decision": str(o.decision),
                "left": list(at.left),
                "right": list(at.right),
                "status": str(o.status) if o.status is not None else None,
                "reason": o.reason,
                "by": READER,
                "applied": k in resolved.applied,
                "problem": resolved.problems.get(k),
            }
        )
    return Applied(resolved.comparison, decisions_section(kept), said, records)
