"""The Comparison as a GitHub-flavoured Markdown memo.

Article text is untrusted: every piece of it goes through ``escape_inline`` so that it can
neither break a table nor inject links, HTML, emphasis or maths.
"""

from __future__ import annotations

from datetime import UTC, datetime

from compare_tui.core.figure_table import (
    RowStatus,
    figure_rows,
    value_text,
    what_text,
    who_text,
)
from compare_tui.core.mdtext import code_inline, escape_inline, escape_keeping_edges
from compare_tui.core.models import (
    AlignKind,
    Alignment,
    Comparison,
    Document,
    Figure,
    PairStatus,
    Source,
    Span,
)
from compare_tui.core.own_output import REPORT_MARKER

#: First line of every memo we write; lets us recognise our own files before replacing them
#: (``core.own_output.is_own_output``).
MARKER = REPORT_MARKER

_VERDICT = {
    RowStatus.CONFLICT: "❌ conflict",
    RowStatus.AGREE: "✅ agree",
    RowStatus.LEFT_ONLY: "◀ left only",
    RowStatus.RIGHT_ONLY: "▶ right only",
}


def _published(source: Source) -> str | None:
    """ "2025-06-14 (from a date line in the text)": a date read off the text is a reading,
    so the memo says where it came from."""
    if source.published and source.published_from == "date line":
        return f"{source.published} (from a date line in the text)"
    return source.published


def sources_section(comparison: Comparison) -> list[str]:
    """Both sources with their provenance, as a two-column table."""
    left, right = comparison.documents
    rows: list[tuple[str, str | None, str | None]] = [
        ("File or URL", left.source.url or left.path, right.source.url or right.path),
        ("Headline", left.title, right.title),
        ("Outlet", left.source.outlet, right.source.outlet),
        ("Author", left.source.author, right.source.author),
        ("Published", _published(left.source), _published(right.source)),
        ("Retrieved", left.source.retrieved, right.source.retrieved),
        ("SHA-256", left.source.sha256, right.source.sha256),
    ]
    lines = ["| | Left | Right |", "|---|---|---|"]
    for label, a, b in rows:
        if a is None and b is None:
            continue
        if label in ("File or URL", "SHA-256"):
            cells = [code_inline(v) if v else "" for v in (a, b)]
        else:
            cells = [escape_inline(v) if v else "" for v in (a, b)]
        lines.append(f"| {label} | {cells[0]} | {cells[1]} |")
    return lines


def _figure_cell(figure: Figure | None) -> str:
    if figure is None:
        return "—"
    value = value_text(figure)
    shown = f"“{escape_inline(figure.text)}”"
    if value != figure.text:
        shown += f" ({escape_inline(value)})"
    return shown


def figure_table(comparison: Comparison) -> list[str]:
    """The figure table: conflicts first, then agreements, then figures on one side only."""
    left_figs, right_figs = comparison.figures
    lines = [
        "| Left figure | Right figure | What | Who says so | Verdict |",
        "|---|---|---|---|---|",
    ]
    for row in figure_rows(comparison):
        lf = left_figs[row.left] if row.left is not None else None
        rf = right_figs[row.right] if row.right is not None else None
        what = what_text(lf or rf)  # type: ignore[arg-type]
        verdict = _VERDICT[row.status]
        if row.status in (RowStatus.CONFLICT, RowStatus.AGREE):
            verdict += f": {escape_inline(row.why)}"
        lines.append(
            f"| {_figure_cell(lf)} | {_figure_cell(rf)} | {escape_inline(what)} "
            f"| {escape_inline(who_text(lf, rf))} | {verdict} |"
        )
    if len(lines) == 2:
        lines.append("| — | — | no figures found | — | — |")
    return lines


def marked_text(doc: Document, indexes: tuple[int, ...], changes: tuple[Span, ...]) -> str:
    """The sentences, escaped, with the changed words in bold."""
    pieces: list[str] = []
    for i in indexes:
        s = doc.sentences[i]
        pos = s.start
        out: list[str] = []
        for span in changes:
            if span.end <= s.start or span.start >= s.end:
                continue
            start, end = max(span.start, s.start), min(span.end, s.end)
            out.append(escape_keeping_edges(doc.text[pos:start]))
            word = escape_inline(doc.text[start:end])
            if word:
                out.append(f"**{word}**")
            pos = max(pos, end)
        out.append(escape_keeping_edges(doc.text[pos : s.end]))
        pieces.append("".join(out).strip())
    return " ".join(pieces)


def _sentence_numbers(indexes: tuple[int, ...]) -> str:
    return ", ".join(str(i + 1) for i in indexes)


def _alignment_block(comparison: Comparison, number: int, a: Alignment) -> list[str]:
    left, right = comparison.documents
    head = f"**{number}.** {'same' if a.kind is AlignKind.SAME else 'changed'} · "
    head += f"{escape_inline(a.reason)} · score {a.score:.2f}"
    return [
        head,
        "",
        f"> **L{_sentence_numbers(a.left)}** {marked_text(left, a.left, a.left_changes)}",
        ">",
        f"> **R{_sentence_numbers(a.right)}** {marked_text(right, a.right, a.right_changes)}",
        "",
    ]


def _one_sided(comparison: Comparison, side: int) -> list[str]:
    doc = comparison.documents[side]
    kind = AlignKind.LEFT_ONLY if side == 0 else AlignKind.RIGHT_ONLY
    lines: list[str] = []
    for a in comparison.alignments:
        if a.kind is not kind:
            continue
        for i in a.left if side == 0 else a.right:
            if not doc.sentences[i].matchable:
                continue
            lines.append(f"- **{i + 1}.** {escape_inline(doc.sentence_text(i))}")
    return lines or ["_None._"]


def summary_lines(comparison: Comparison) -> list[str]:
    kinds = [a.kind for a in comparison.alignments]
    conflicts = sum(p.status is PairStatus.CONFLICT for p in comparison.figure_pairs)
    agree = len(comparison.figure_pairs) - conflicts
    lf, rf = comparison.figures
    return [
        f"- Aligned sentences: {kinds.count(AlignKind.SAME)} same, "
        f"{kinds.count(AlignKind.CHANGED)} changed",
        f"- Only in the left article: {kinds.count(AlignKind.LEFT_ONLY)}; "
        f"only in the right article: {kinds.count(AlignKind.RIGHT_ONLY)}",
        f"- Figures: {len(lf)} left, {len(rf)} right; paired: {len(comparison.figure_pairs)} "
        f"(**{conflicts} conflict{'s' if conflicts != 1 else ''}**, {agree} agree)",
    ]


def render_markdown(comparison: Comparison, *, now: datetime | None = None) -> str:
    """The whole memo."""
    left, right = comparison.documents
    when = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    lines = [
        MARKER,
        f"# {escape_inline(left.title or left.path)} vs {escape_inline(right.title or right.path)}",
        "",
        f"Compared by compare-tui on {when}.",
        "",
        "## Sources",
        "",
        *sources_section(comparison),
        "",
        "## Summary",
        "",
        *summary_lines(comparison),
        "",
        "## Figures",
        "",
        *figure_table(comparison),
        "",
        "## Aligned sentences",
        "",
        "Changed words are in **bold**; L and R give sentence numbers in each article.",
        "",
    ]
    number = 0
    for a in comparison.alignments:
        if a.kind in (AlignKind.SAME, AlignKind.CHANGED):
            number += 1
            lines += _alignment_block(comparison, number, a)
    if number == 0:
        lines += ["_No sentences align._", ""]
    lines += [
        f"## Only in the left article ({escape_inline(left.path)})",
        "",
        *_one_sided(comparison, 0),
        "",
        f"## Only in the right article ({escape_inline(right.path)})",
        "",
        *_one_sided(comparison, 1),
        "",
    ]
    return "\n".join(lines)
