"""Many articles as JSON (schema 1, with pairs, groups and the figure matrix) or a Markdown memo.

Documents and figures use the two-article helpers of ``report.json`` and ``report.markdown``,
so one article reads the same in both kinds of report. Never imports Textual.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from compare_tui.core.events import Event
from compare_tui.core.figure_matrix import MatrixRow, MatrixStatus, row_label
from compare_tui.core.figure_table import value_text
from compare_tui.core.mdtext import escape_inline
from compare_tui.core.overview import MAX_PAIRS, Overview, build_overview
from compare_tui.report.json import document_dict, figure_dict
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


def event_dict(overview: Overview, event: Event) -> dict[str, Any]:
    """One event: its articles, label, dates, duplicates, and its groups of copies."""
    members = set(event.articles)
    return {
        "articles": list(event.articles),
        "label": event.label,
        "words": list(event.words),
        "first": event.first,
        "last": event.last,
        "outlets": event.outlets,
        "duplicates": [list(d) for d in event.duplicates],
        "copies": [list(g) for g in overview.groups if len(g) > 1 and g[0] in members],
    }


#: The many-article JSON's schema. 2: ``figure_matrix`` cells became sparse ``[document,
#: figure]`` pairs (schema 1 had one cell per article, null when absent); ``events`` added.
OVERVIEW_SCHEMA = 2


def overview_dict(overview: Overview, *, text: bool = True) -> dict[str, Any]:
    """The overview; ``text=False`` leaves out article texts (``--no-text``)."""
    corpus = overview.corpus
    return {
        "schema": OVERVIEW_SCHEMA,
        "documents": [document_dict(d, text=text) for d in corpus.documents],
        "events": [event_dict(overview, e) for e in overview.events],
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
                # Sparse: [document, figure index] for each document with a figure in the
                # row (a row holds the articles of one event).
                "cells": [list(item) for item in r.cells.items],
                "kind": str(r.kind),
            }
            for r in overview.rows
        ],
    }


def overview_json(overview: Overview, *, indent: int | None = 2, text: bool = True) -> str:
    """Serialise; the output starts like every compare-tui JSON file (``{"schema"``)."""
    found = overview_dict(overview, text=text)
    return json.dumps(found, ensure_ascii=False, indent=indent) + "\n"


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
    """The matrix one event at a time (figures are compared only within an event): a heading
    per event that has rows, then a table with one column per article of the event when few,
    else a list per row. Column heads carry the outlet and date when the source gives them."""
    of_event = {i: k for k, e in enumerate(overview.events) for i in e.articles}
    by_event: dict[int, list[MatrixRow]] = {}
    for row in overview.rows:
        by_event.setdefault(of_event.get(row.articles[0], -1), []).append(row)
    lines: list[str] = []
    for k, rows in sorted(by_event.items()):
        if 0 <= k < len(overview.events):
            event = overview.events[k]
            articles: tuple[int, ...] = event.articles
            lines += [f"### Event {k + 1}: {escape_inline(event.label)}", ""]
        else:
            articles = tuple(sorted({d for r in rows for d in r.articles}))
        lines += [*_event_table(overview, rows, articles), ""]
    if not lines:
        lines = ["No figure is given by two outlets of one event.", ""]
    return lines[:-1]


def _head(overview: Overview, d: int) -> str:
    src = overview.corpus.documents[d].source
    extra = ", ".join(x for x in (src.outlet, src.published) if x)
    return f"#{d + 1} ({escape_inline(extra)})" if extra else f"#{d + 1}"


def _event_table(overview: Overview, rows: list[MatrixRow], articles: tuple[int, ...]) -> list[str]:
    wide = len(articles) <= WIDE_TABLE
    if wide:
        heads = " | ".join(_head(overview, d) for d in articles)
        lines = [
            f"| What, who says so | Verdict | {heads} |",
            "|---|---|" + "---|" * len(articles),
        ]
    else:
        lines = ["| What, who says so | Verdict | Figures by article |", "|---|---|---|"]
    for row in rows:
        label = escape_inline(row_label(row))
        verdict = _VERDICT[row.status]
        if wide:
            cells = " | ".join(_cell(overview, row, d) for d in articles)
        else:
            cells = "; ".join(
                f"{_head(overview, d)} {_cell(overview, row, d)}" for d in row.articles
            )
        lines.append(f"| {label} | {verdict} | {cells} |")
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
    lines += ["", "## Events", ""]
    for k, e in enumerate(overview.events):
        names = ", ".join(f"#{i + 1}" for i in e.articles)
        copies = [g for g in overview.groups if len(g) > 1 and g[0] in e.articles]
        note = f"{e.outlets} outlet{'s' if e.outlets != 1 else ''}"
        if copies:
            note += ", " + "; ".join(f"{len(g)} of them copies of one story" for g in copies)
        if e.duplicates:
            note += f", {sum(len(d) - 1 for d in e.duplicates)} duplicate text(s)"
        lines.append(f"- Event {k + 1}: {escape_inline(e.label)} — {names} ({note})")
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
            f"| {'not compared' if s.conflicts is None else s.conflicts} |"
        )
    if not overview.pairs:
        lines.append("| — | — | — | — |")
    lines += [
        "",
        "## Figures",
        "",
        "One row per quantity of each event, conflicts first; rows that only one article has "
        "come last. Figures of different events are never compared.",
        "",
        *figure_matrix_lines(overview),
        "",
    ]
    return "\n".join(lines)
