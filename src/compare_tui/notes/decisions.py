"""The reader's overrides as the notes file keeps them: evidence a fact-checker can show.

Each override is one HTML comment (``<!-- compare-tui-override {json} -->``: the decision, its
indexes, the quotes they had, the verdict and reason, and which two articles it is about, as
notes record them); ``report/decisions_memo`` puts them in a readable "The reader's decisions"
section. Overrides that no longer attach, or were refused, are kept; none is ever dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from compare_tui.core.models import PairStatus
from compare_tui.core.overrides import Decision, Override

_COMMENT = re.compile(r"<!-- compare-tui-override (\{.*?\}) -->")

__all__ = [
    "StoredOverride",
    "comment",
    "of_pair",
    "parse_overrides",
    "read_overrides",
    "with_pair",
]


@dataclass(frozen=True, slots=True)
class StoredOverride:
    """An override as the memo keeps it: with the pair of articles it is about."""

    override: Override
    #: ``notes.doc_id`` of the two articles, and their file names.
    pair: tuple[str, str]
    names: tuple[str, str]
    #: Why it does not apply (set when its pair was compared; not stored).
    problem: str = ""


def comment(s: StoredOverride) -> str:
    """The HTML comment that stores one override in the memo."""
    o = s.override
    data: dict[str, object] = {
        "decision": str(o.decision),
        "left": list(o.left),
        "right": list(o.right),
        "left_quote": o.left_quote,
        "right_quote": o.right_quote,
        "pair": list(s.pair),
        "names": list(s.names),
    }
    if o.status is not None:
        data["status"] = str(o.status)
    if o.reason:
        data["reason"] = o.reason
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "<", ">" and "&" only occur inside JSON strings: escaping them keeps "-->" out.
    raw = raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<!-- compare-tui-override {raw} -->"


def parse_overrides(text: str) -> tuple[list[StoredOverride], int]:
    """The overrides a memo holds, and how many comments could not be read (kept in the
    file's backup by ``save_memo``, reported by the caller)."""
    out: list[StoredOverride] = []
    bad = 0
    for match in _COMMENT.finditer(text):
        try:
            data = json.loads(match.group(1))
            status = data.get("status")
            o = Override(
                decision=Decision(data["decision"]),
                left=tuple(int(i) for i in data["left"]),
                right=tuple(int(j) for j in data["right"]),
                left_quote=str(data["left_quote"]),
                right_quote=str(data["right_quote"]),
                status=PairStatus(status) if status else None,
                reason=str(data.get("reason", "")),
            )
            pair, names = data["pair"], data["names"]
            ids, names = (str(pair[0]), str(pair[1])), (str(names[0]), str(names[1]))
            out.append(StoredOverride(o, ids, names))
        except (ValueError, KeyError, TypeError, IndexError):
            bad += 1
    return out, bad


def read_overrides(path: str | Path) -> tuple[list[StoredOverride], int]:
    """``parse_overrides`` of a memo file; nothing when it does not exist. OSError and
    UnicodeDecodeError propagate (the caller reports them as it reports notes)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], 0
    return parse_overrides(text)


def _mine(s: StoredOverride, ids: tuple[str, str], names: tuple[str, str]) -> bool:
    return s.pair == ids or (s.pair[0] not in ids and s.pair[1] not in ids and s.names == names)


def of_pair(
    stored: Iterable[StoredOverride], ids: tuple[str, str], names: tuple[str, str]
) -> list[Override]:
    """The overrides about this pair of articles (by id; by file names when the bytes
    changed), in the order they were made."""
    return [s.override for s in stored if _mine(s, ids, names)]


def with_pair(
    stored: Sequence[StoredOverride],
    ids: tuple[str, str],
    names: tuple[str, str],
    overrides: Sequence[Override],
    problems: dict[int, str],
) -> list[StoredOverride]:
    """``stored`` with this pair's overrides replaced (``problems`` by position)."""
    others = [s for s in stored if not _mine(s, ids, names)]
    mine = [StoredOverride(o, ids, names, problems.get(k, "")) for k, o in enumerate(overrides)]
    return others + mine
