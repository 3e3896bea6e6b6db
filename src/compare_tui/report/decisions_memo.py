"""The memo's "The reader's decisions" section: each override with what it quotes, and why it
no longer applies when it does not (``notes/decisions`` stores them)."""

from __future__ import annotations

from collections.abc import Sequence

from compare_tui.core.mdtext import code_inline, escape_inline
from compare_tui.core.overrides import Decision, Override
from compare_tui.notes.decisions import StoredOverride, comment

#: How a decision reads in the memo.
_TITLES = {
    Decision.UNLINK: "sentences unlinked",
    Decision.LINK: "sentences linked",
    Decision.SPLIT_FIGURES: "figures are not the same quantity",
    Decision.PAIR_FIGURES: "figures paired",
}

__all__ = ["decisions_section"]


def _where(o: Override) -> str:
    what = "figure" if o.decision.about_figures else "sentence"
    return ", ".join(
        f"{side} {what} {'+'.join(str(i + 1) for i in idx)}"
        for side, idx in (("left", o.left), ("right", o.right))
        if idx
    )


def decisions_section(stored: Sequence[StoredOverride], *, level: str = "##") -> list[str]:
    """The memo's "The reader's decisions" section (nothing when there are none)."""
    if not stored:
        return []
    lines = [f"{level} The reader's decisions", ""]
    for n, s in enumerate(stored, 1):
        o = s.override
        title = _TITLES[o.decision]
        if o.status is not None:
            title += f": {o.status}"
        state = f" ({escape_inline(s.problem)})" if s.problem else ""
        lines += [f"{level}# Decision {n}: {title}, {_where(o)}{state}", comment(s), ""]
        for label, name, quote in (
            ("Left", s.names[0], o.left_quote),
            ("Right", s.names[1], o.right_quote),
        ):
            lines += [f"> **{label}** ({code_inline(name)}): {escape_inline(quote)}", ">"]
        lines.pop()
        lines.append("")
        if o.reason:
            lines += [f"Reason: {escape_inline(o.reason)}", ""]
    return lines
