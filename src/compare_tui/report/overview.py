"""Many articles as JSON (schema 1, with pairs, groups and the figure matrix) or a Markdown memo.

Documents and figures use the two-article helpers of ``report.json`` and ``report.markdown``,
so one article reads the same in both kinds of report. Never imports Textual.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from compare_tui.core.figure_matrix import MatrixRow, MatrixStatus, row_label
from compare_tui.core.figure_table import value_text
from compare_tui.core.mdtext import escape_inline
from compare_tui.core.overview import MAX_PAIRS, Overview, build_overview
from compare_tui.report.json import SCHEMA, document_dict, figure_dict
from compare_tui.report.markdown import MARKER

#: Up to this many articles the Markdown figure matrix has one column per article.
WIDE_TABLE = 8

__all__ = [
    "MAX_PAIRS",
    "Overview",
    "build_overview",
    "overview_dict",
    "overview_json",
    "render_overview_markdown",
]

_VERDICT = {
    MatrixStatus.CONFLICT: "❌ conflict",
    MatrixStatus.AGREE: "✅ agree",
    MatrixStatus.SINGLE: "one article",
}


# -- JSON ------------------------------------------------------------------------------------


def overview_dict(overview: Overview) -> dict[str, Any]:
    corpus = overview.corpus
    return {
        "schema": SCHEMA,
        "documents": [document_dict(d) for d in corpus.documents],
        "figures": [[figure_dict(f) for f in corpus.figures(i)] for i in range(len(corpus))],
        "pairs": [
            {
                "left": s.left,
                "right": s.right,
                "similarity": round(s.similarity, 4),
                "verbatim": round(s.verbatim, 4),
                "conflicts": s.conflicts,
                "screen": round(s.screen, 4),
            }
            for s in overview.pairs
        ],
        "groups": [list(g) for g in overview.groups],
        "figure_matrix": [
            {
                "counted": r.counted,
                "event": r.event,
                "source": r.source,
                "status": str(r.status),
                "cells": list(r.cells),
                "kind": str(r.kind),
            }
            for r in overview.rows
        ],
    }


def overview_json(overview: Overview, *, indent: int | None = 2) -> str:
    """Serialise; the output starts like every compare-tui JSON file (``{"schema"``)."""
    return json.dumps(overview_dict(overview), ensure_ascii=False, indent=indent) + "\n"


# -- Markdown --------------------------------------------------------------------------------


def article_name(overview: Overview, index: int) -> str:
    """ "#3" plus the headline or file name, escaped for Markdown."""
    doc = overview.corpus.documents[index]
    return f"#{index + 1} {escape_inline(doc.title or doc.path)}"


def _cell(overview: Overview, row: MatrixRow, article: int) -> str:
    f = row.cells[article]
    if f is None:
        return "—"
    figure = overview.corpus.figures(article)[f]
    value = value_text(figure)
    shown = f"“{escape_inline(figure.text)}”"
    return shown if value == figure.text else f"{shown} ({escape_inline(value)})"


def figure_matrix_lines(overview: Overview) -> list[str]:
    """The matrix as a table: one column per article when few, else a list per row."""
    n = len(overview.corpus)
    wide = n <= WIDE_TABLE
    if wide:
        heads = " | ".join(f"#{i + 1}" for i in range(n))
        lines = [f"| What, who says so | Verdict | {heads} |", "|---|---|" + "---|" * n]
    else:
        lines = ["| What, who says so | Verdict | Figures by article |", "|---|---|---|"]
    for row in overview.rows:
        label = escape_inline(row_label(row))
        verdict = _VERDICT[row.status]
        if wide:
            cells = " | ".join(_cell(overview, row, d) for d in range(n))
        else:
            cells = "; ".join(f"#{d + 1} {_cell(overview, row, d)}" for d in row.articles)
        lines.append(f"| {label} | {verdict} | {cells} |")
    if len(lines) == 2:
        lines.append("| no figures found | — |" + " — |" * (n if wide else 1))
    return lines


def render_overview_markdown(overview: Overview, *, now: datetime | None = None) -> str:
    """The whole memo for a set of articles."""
    corpus = overview.corpus
    n = len(corpus)
    when = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    group_of = {i: g for g in overview.groups for i in g}
    lines = [
        MARKER,
        f"# Coverage of one event: {n} articles",
        "",
        f"Compared by compare-tui on {when}.",
        "",
        "## Articles",
        "",
        "| # | Headline | File or URL | Outlet | Rewrites of one source with |",
        "|---|---|---|---|---|",
    ]
    for i, doc in enumerate(corpus.documents):
        mates = ", ".join(f"#{m + 1}" for m in group_of[i] if m != i) or "—"
        lines.append(
            f"| {i + 1} | {escape_inline(doc.title or '')} "
            f"| {escape_inline(doc.source.url or doc.path)} "
            f"| {escape_inline(doc.source.outlet or '')} | {mates} |"
        )
    lines += ["", "## Who copies whom", ""]
    shared = [g for g in overview.groups if len(g) > 1]
    for g in shared:
        lines.append("- Rewrites of one source: " + ", ".join(article_name(overview, i) for i in g))
    alone = [g[0] for g in overview.groups if len(g) == 1]
    if alone:
        lines.append("- Standing apart: " + ", ".join(article_name(overview, i) for i in alone))
    lines += [
        "",
        "Share of both articles' sentences that align with the other article, and of those "
        "aligned near-verbatim. Pairs not listed share too little vocabulary to be aligned.",
        "",
        "| Pair | Sentences aligned | Near-verbatim | Figure conflicts |",
        "|---|---|---|---|",
    ]
    for s in overview.pairs:
        lines.append(
            f"| #{s.left + 1} – #{s.right + 1} | {s.similarity:.0%} | {s.verbatim:.0%} "
            f"| {s.conflicts} |"
        )
    if not overview.pairs:
        lines.append("| — | — | — | — |")
    lines += [
        "",
        "## Figures",
        "",
        "One row per quantity, conflicts first; rows that only one article has come last.",
        "",
        *figure_matrix_lines(overview),
        "",
    ]
    return "\n".join(lines)
