"""The overview of many articles: who copies whom, and what each outlet says for each figure.

The groups and the figure matrix are computed in a thread worker (with progress on screen);
the pair matrix shows the share of every pair aligned so far ("…": related by the screen but
not aligned yet; "·": screened out), each row naming its article (file, headline, outlet).
Choosing a pair or a figure cell pushes the pair view (``PairScreen``) over the overview, on
the corpus's comparison (cached, else computed in the pair view's worker); Escape pops back
to the overview with its cursor where it was. One notes memo gathers every pair view's notes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, ProgressBar

from compare_tui.core.corpus import Corpus
from compare_tui.core.events import Event
from compare_tui.core.figure_matrix import MatrixRow, MatrixStatus, pair_for_cell, row_label
from compare_tui.core.figure_table import value_text
from compare_tui.core.models import Comparison
from compare_tui.core.overview import Overview, build_overview
from compare_tui.ui.base import NotesApp, notes_count
from compare_tui.ui.screens.help import OVERVIEW_KEYS, OVERVIEW_LEGEND, HelpScreen
from compare_tui.ui.screens.pair import PairScreen
from compare_tui.ui.screens.pair_load import Article, Progressed
from compare_tui.ui.wrap import clip

#: Up to this many articles the pairs are shown as a matrix; beyond, as a list of pairs.
MATRIX_LIMIT = 20
#: Beyond MATRIX_LIMIT articles the figures table shows the event under the cursor of the
#: events table, with at most this many article columns (a table of 1,000 columns by 5,000
#: rows froze the app for seconds).
EVENT_COLUMNS = 40
#: Verdicts carry a glyph and a word, not only a colour.
_MARK = {
    MatrixStatus.CONFLICT: "✗ conflict",
    MatrixStatus.AGREE: "✓ agree",
    MatrixStatus.SINGLE: "◦ one article",
}
_STYLE = {
    MatrixStatus.CONFLICT: "matrix--conflict",
    MatrixStatus.AGREE: "matrix--agree",
    MatrixStatus.SINGLE: "matrix--single",
}
#: Widest "what is counted, event, says who" label before it wraps onto a second line.
LABEL_WIDTH = 64


@dataclass(frozen=True, slots=True)
class Choice:
    """What the reader chose: a pair of articles, and a figure of the left one to show."""

    left: int
    right: int
    #: Index into ``corpus.figures(left)``, or None to open on the first alignment.
    left_figure: int | None = None
    right_figure: int | None = None


class EventsReady(Message):
    """The events are known: the first level of the overview can be shown at once."""

    def __init__(self, events: tuple[Event, ...]) -> None:
        super().__init__()
        self.events = events


class OverviewReady(Message):
    def __init__(self, overview: Overview) -> None:
        super().__init__()
        self.overview = overview


def _file(corpus: Corpus, i: int, limit: int = 18) -> str:
    """The file name, or host/…/page of a URL."""
    return clip(corpus.documents[i].short_name, limit)


def _headline(corpus: Corpus, i: int, limit: int = 48) -> str:
    """The headline; failing that, the opening words in quotes (what a reader recognises)."""
    doc = corpus.documents[i]
    title = doc.title or doc.source.title
    if title:
        return clip(title, limit)
    opening = next((doc.sentence_text(k) for k, s in enumerate(doc.sentences) if s.matchable), "")
    return clip(f"“{clip(opening, limit - 2)}”", limit) if opening else ""


def _where(corpus: Corpus, i: int) -> str:
    """Outlet and publication date (the day, as in pane titles), when the source says."""
    src = corpus.documents[i].source
    return clip(" · ".join(p for p in (src.outlet, (src.published or "")[:10]) if p), 32)


def _short(corpus: Corpus, i: int, limit: int = 60) -> str:
    doc = corpus.documents[i]
    return clip(doc.title or doc.short_name, limit)


class MatrixTable(DataTable[Text]):
    """A DataTable whose verdict styles follow the theme (component classes); Enter opens
    the pair view (shown in the footer: the table's own Enter binding would hide it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="overview.open_cell"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"matrix--conflict", "matrix--agree", "matrix--single"}
    DEFAULT_CSS = """
    MatrixTable > .matrix--conflict { color: $error; text-style: bold; }
    MatrixTable > .matrix--agree { color: $success; }
    MatrixTable > .matrix--single { color: $text-muted; text-style: italic; }
    """

    def verdict(self, status: MatrixStatus) -> Text:
        return Text(_MARK[status], style=self.get_component_rich_style(_STYLE[status]))


class OverviewScreen(Screen[None]):
    """Groups, the pair matrix (with each article's name) and the figure matrix; Enter opens
    the pair view over this screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="overview.open"),
        Binding("tab", "app.focus_next", "Switch table", id="overview.focus"),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous table",
            show=False,
            id="overview.focus_previous",
        ),
        Binding("s", "save", "Save notes", id="overview.save"),
        Binding("question_mark", "help", "Help", key_display="?", id="overview.help"),
        Binding("q", "app.quit", "Quit", id="overview.quit"),
    ]

    #: (action, palette title, help) for the command palette.
    ACTIONS: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("open", "Open the pair view", "The chosen pair, or the pair behind a figure cell (enter)"),
        ("app.focus_next", "Switch table", "Between the pairs and the figures (tab)"),
        ("save", "Save notes", "Write the notes of every pair view to the notes file (s)"),
        ("help", "Help", "Keys and what every mark means (?)"),
        ("app.quit", "Quit", "Quit; unsaved notes are saved first (q)"),
    )

    def __init__(self, corpus: Corpus, overview: Overview | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.overview = overview
        self._pair_keys: list[tuple[int, int]] = []
        #: The event whose figures are shown (many articles), the rows shown and the article
        #: behind each article column of the figures table.
        self._event = 0
        self._figure_rows: tuple[MatrixRow, ...] = ()
        self._figure_articles: tuple[int, ...] = ()
        #: Columns before the first article column of the pair matrix.
        self._legend_columns = 0

    @property
    def legend_columns(self) -> int:
        """Columns before the first article column of the pair matrix (article k is column
        ``legend_columns + k``)."""
        return self._legend_columns

    def compose(self) -> ComposeResult:
        yield MatrixTable(id="overview-events", cursor_type="row", zebra_stripes=True)
        with Vertical(id="overview-loading"):
            yield Label(Content("Screening the articles…"), id="overview-stage")
            yield ProgressBar(total=100, show_eta=False, id="overview-progress")
        yield Label(Content(""), id="overview-summary")
        yield MatrixTable(id="overview-articles", cursor_type="row", zebra_stripes=True)
        yield MatrixTable(id="overview-pairs", cursor_type="cell", zebra_stripes=True)
        yield MatrixTable(id="overview-figures", cursor_type="cell", zebra_stripes=True)
        yield Footer()

    _SHOWN = ("#overview-summary", "#overview-pairs", "#overview-figures")

    def on_mount(self) -> None:
        self.query_one("#overview-articles").display = False
        self.query_one("#overview-events").display = False
        self.query_one("#overview-events", DataTable).border_title = Content(
            "Events: articles by the event they report (copies inside)"
        )
        self.query_one("#overview-articles", DataTable).border_title = Content("Articles")
        self.query_one("#overview-pairs", DataTable).border_title = Content(
            "Who copies whom: share of sentences aligned (bold: rewrites of one source)"
        )
        self.query_one("#overview-figures", DataTable).border_title = Content(
            "Figures by article (conflicts first)"
        )
        if self.overview is None:
            for w in self._SHOWN:
                self.query_one(w).display = False
            self._build()
        else:
            self.query_one("#overview-loading").display = False
            self._show(self.overview)

    @work(thread=True, exclusive=True)
    def _build(self) -> None:
        def progress(fraction: float, stage: str) -> None:
            self.post_message(Progressed(fraction, stage))

        progress(0.0, "finding events")
        self.post_message(EventsReady(self.corpus.events()))
        self.post_message(
            OverviewReady(build_overview(self.corpus, max_pairs=0, progress=progress))
        )

    def on_events_ready(self, message: EventsReady) -> None:
        self._fill_events(message.events, ())

    def on_progressed(self, message: Progressed) -> None:
        self.query_one("#overview-stage", Label).update(Content(message.stage))
        self.query_one("#overview-progress", ProgressBar).update(progress=100 * message.fraction)

    def on_overview_ready(self, message: OverviewReady) -> None:
        self.overview = message.overview
        self.query_one("#overview-loading").display = False
        for w in self._SHOWN:
            self.query_one(w).display = True
        self._show(message.overview)

    @property
    def shown(self) -> bool:
        """The overview's tables are filled and on screen (what tests wait for)."""
        return self.overview is not None and bool(self.query_one("#overview-pairs").display)

    # -- tables ----------------------------------------------------------------------------

    def _show(self, overview: Overview) -> None:
        corpus = self.corpus
        shared = [g for g in overview.groups if len(g) > 1]
        alone = sum(1 for g in overview.groups if len(g) == 1)
        groups = "; ".join(
            "rewrites of one source: " + " ".join(f"#{i + 1}" for i in g) for g in shared[:3]
        )
        if len(shared) > 3:
            groups += f"; {len(shared) - 3} more groups of rewrites"
        conflicts = sum(r.status is MatrixStatus.CONFLICT for r in overview.rows)
        self.query_one("#overview-summary", Label).update(
            Content(
                f"{len(corpus)} articles · {groups or 'no rewrites'} · {alone} standing apart"
                f" · {conflicts} conflicting figure rows"
            )
        )
        self._fill_events(overview.events, overview.groups)
        self._fill_pairs(overview)
        self._fill_figures(overview)
        self.query_one("#overview-pairs", DataTable).focus()

    def _fill_events(self, events: tuple[Event, ...], groups: tuple[tuple[int, ...], ...]) -> None:
        """Events first: each with its articles, its outlets and its copies (once grouped)."""
        table = self.query_one("#overview-events", DataTable)
        table.clear(columns=True)
        for label in ("event", "outlets", "articles", "copies", "what defines it · dates"):
            table.add_column(Text(label), key=label)
        for k, e in enumerate(events):
            copies = [g for g in groups if len(g) > 1 and g[0] in e.articles]
            shown = " ".join(f"#{i + 1}" for i in e.articles[:12])
            more = f" +{len(e.articles) - 12}" if len(e.articles) > 12 else ""
            table.add_row(
                Text(str(k + 1), justify="right"),
                Text(str(e.outlets), justify="right"),
                Text(shown + more),
                Text(", ".join(f"{len(g)} of one story" for g in copies) or "—"),
                Text(e.label),
            )
        table.display = True

    def _legend(self) -> list[tuple[str, Callable[[int], str]]]:
        """The columns naming an article: number, file, headline, outlet/date when known."""
        corpus = self.corpus
        n = len(corpus)
        # Few articles leave room for whole file names and long headlines.
        name, head = (28, 64) if n <= 8 else (18, 44)
        columns: list[tuple[str, Callable[[int], str]]] = [
            ("#", lambda i: f"#{i + 1}"),
            ("file", lambda i: _file(corpus, i, name)),
        ]
        if any(_headline(corpus, i, 200) for i in range(n)):
            columns.append(("headline", lambda i: _headline(corpus, i, head)))
        if any(_where(corpus, i) for i in range(n)):
            columns.append(("outlet · published", lambda i: _where(corpus, i)))
        return columns

    def _fill_pairs(self, overview: Overview) -> None:
        corpus = self.corpus
        table = self.query_one("#overview-pairs", DataTable)
        table.clear(columns=True)
        n = len(corpus)
        legend = self._legend()
        if n <= MATRIX_LIMIT:
            self._legend_columns = len(legend)
            for label, _ in legend:
                table.add_column(Text(label), key=label)
            for j in range(n):
                # Fixed width: right-justified shares line up under their number.
                table.add_column(Text(f"{f'#{j + 1}':>4}"), key=f"c{j}", width=4)
            for i in range(n):
                cells = [Text(cell(i)) for _, cell in legend]
                cells += [self._share_cell(i, j) for j in range(n)]
                table.add_row(*cells, key=f"r{i}")
            return
        # Many articles: a legend table of its own, and the pairs as a list.
        articles = self.query_one("#overview-articles", DataTable)
        articles.display = True
        articles.clear(columns=True)
        for label, _ in legend:
            articles.add_column(Text(label), key=label)
        for i in range(n):
            articles.add_row(*(Text(cell(i)) for _, cell in legend), key=f"a{i}")
        table.add_column(Text("pair"), key="pair")
        for label in ("aligned", "near-verbatim", "conflicts"):
            table.add_column(Text(label, justify="right"), key=label)
        self._pair_keys = [(s.left, s.right) for s in overview.pairs]
        for s in overview.pairs:
            table.add_row(
                Text(
                    f"#{s.left + 1} {_short(corpus, s.left, 36)} – "
                    f"#{s.right + 1} {_short(corpus, s.right, 36)}"
                ),
                Text(f"{s.similarity:.0%}", justify="right"),
                Text(f"{s.verbatim:.0%}", justify="right"),
                Text("…" if s.conflicts is None else str(s.conflicts), justify="right"),
            )

    def _share_cell(self, i: int, j: int) -> Text:
        """Padded by hand (4 cells, right-aligned): the percentages line up in every theme."""
        if i == j:
            return Text(f"{'—':>4}")
        share = self.corpus.known_share(i, j)
        if share is None:
            mark = "·" if not self.corpus.is_related(i, j) else "…"
            return Text(f"{mark:>4}")
        assert self.overview is not None
        same = any(i in g and j in g for g in self.overview.groups)
        return Text(f"{share[0]:>4.0%}", style="bold" if same else "")

    def _refresh_shares(self) -> None:
        """Pairs aligned since the matrix was filled (opened in a pair view) show their share."""
        n = len(self.corpus)
        if self.overview is None or n > MATRIX_LIMIT:
            return
        table = self.query_one("#overview-pairs", DataTable)
        for i in range(n):
            for j in range(n):
                cell = self._share_cell(i, j)
                if str(table.get_cell(f"r{i}", f"c{j}")) != str(cell):
                    table.update_cell(f"r{i}", f"c{j}", cell)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        self._refresh_shares()

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        """Many articles: the figures table follows the event under the cursor."""
        if message.data_table.id != "overview-events" or self.overview is None:
            return
        if len(self.corpus) > MATRIX_LIMIT and message.cursor_row != self._event:
            self._event = message.cursor_row
            self._fill_figures(self.overview)

    def _fill_figures(self, overview: Overview) -> None:
        corpus = self.corpus
        table = self.query_one("#overview-figures", MatrixTable)
        table.clear(columns=True)
        if len(corpus) <= MATRIX_LIMIT or not overview.events:
            articles = tuple(range(len(corpus)))
            rows = overview.rows
            table.border_title = Content("Figures by article (conflicts first)")
        else:
            event = overview.events[min(self._event, len(overview.events) - 1)]
            articles = event.articles[:EVENT_COLUMNS]
            shown = set(articles)
            rows = tuple(r for r in overview.rows if shown.intersection(r.articles))
            more = (
                f" (first {EVENT_COLUMNS} articles)" if len(event.articles) > EVENT_COLUMNS else ""
            )
            table.border_title = Content(
                f"Figures of event {self._event + 1}{more}: {event.label} (conflicts first)"
            )
        self._figure_rows, self._figure_articles = rows, articles
        labels = [row_label(row) for row in rows]
        values = []
        for r in rows:
            found = dict(r.cells.items)
            values.append(
                [
                    "—" if d not in found else value_text(corpus.figures(d)[found[d]])
                    for d in articles
                ]
            )
        # The label takes the width the other columns leave (each column pads 2 cells), so
        # the whole table fits when it can; longer labels wrap onto a second line.
        others = [max(len(_MARK[s]) for s in MatrixStatus)] + [
            max([len(f"#{d + 1}")] + [len(v[k]) for v in values]) for k, d in enumerate(articles)
        ]
        room = (table.size.width or self.app.size.width) - 4 - sum(w + 2 for w in others)
        longest = max((len(label) for label in labels), default=0)
        width = max(24, min(longest, LABEL_WIDTH, room))
        table.add_column(Text("what is counted, event, says who"), key="what", width=width)
        table.add_column(Text("verdict"), key="verdict")
        for d in articles:
            table.add_column(Text(f"#{d + 1}"), key=f"d{d}")
        for k, row in enumerate(rows):
            cells = [Text(labels[k]), table.verdict(row.status)]
            cells += [Text(v) for v in values[k]]
            height = 1 if len(labels[k]) <= width else None
            table.add_row(*cells, key=f"f{k}", height=height)

    # -- choosing --------------------------------------------------------------------------

    def chosen(self) -> Choice | None:
        """The pair under the cursor of the focused table, if any."""
        if self.overview is None:
            return None
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id == "overview-figures":
            coord = focused.cursor_coordinate
            if not 0 <= coord.row < len(self._figure_rows):
                return None
            column = coord.column - 2
            article = (
                self._figure_articles[column] if 0 <= column < len(self._figure_articles) else -1
            )
            return self._figure_choice(self._figure_rows[coord.row], article)
        table = self.query_one("#overview-pairs", DataTable)
        coord = table.cursor_coordinate
        if len(self.corpus) <= MATRIX_LIMIT:
            i, j = coord.row, coord.column - self._legend_columns
            if j < 0 or i == j:
                return None
            return Choice(min(i, j), max(i, j))
        if not 0 <= coord.row < len(self._pair_keys):
            return None
        return Choice(*self._pair_keys[coord.row])

    def _figure_choice(self, row: MatrixRow, article: int) -> Choice | None:
        if article < 0:
            article = row.articles[0]
        pair = pair_for_cell(row, article)
        if pair is None:
            return None
        left, right = pair
        return Choice(left, right, row.cells[left], row.cells[right])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            app = self.app
            return True if isinstance(app, NotesApp) and app.can_save() else None
        if action == "open":
            return True if self.overview is not None else None
        return True

    def action_open(self) -> None:
        choice = self.chosen()
        if choice is None:
            self.notify(
                "Choose a cell of two different articles (or a figure given by two)",
                markup=False,
            )
            return
        app = self.app
        if isinstance(app, OverviewApp):
            app.open_pair(choice)

    def action_save(self) -> None:
        app = self.app
        if isinstance(app, NotesApp):
            app.action_save()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(OVERVIEW_KEYS, OVERVIEW_LEGEND))

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_open()


class OverviewApp(NotesApp):
    """The overview, with pair views pushed over it; one notes memo for the whole set."""

    TITLE = "compare-tui: overview"

    def __init__(
        self,
        corpus: Corpus,
        *,
        notes_path: str | Path,
        title: str = "",
        overview: Overview | None = None,
        today: str | None = None,
    ) -> None:
        super().__init__(notes_path=notes_path, today=today)
        self.corpus = corpus
        self.memo_title = title
        self.overview_screen = OverviewScreen(corpus, overview)

    def on_mount(self) -> None:
        memo = self.open_memo(self.corpus.documents, title=self.memo_title)
        if memo.read or memo.unreadable:
            pairs = len(memo.waiting)
            lost = f"; {len(memo.orphans)} on articles not in this set" if memo.orphans else ""
            if memo.unreadable:
                lost += f"; {len(memo.unreadable)} could not be read (kept as they were)"
            self.notify(
                f"Read {notes_count(memo.read)} on {pairs} pair{'s' if pairs != 1 else ''} "
                f"from {self.notes_path.name}{lost}",
                markup=False,
            )
        self.push_screen(self.overview_screen)

    def comparisons(self) -> Callable[[int, int], Comparison]:
        return self.corpus.comparison

    def open_pair(self, choice: Choice) -> PairScreen:
        """Push the pair view of ``choice`` over the overview (Escape comes back)."""
        corpus = self.corpus
        i, j = choice.left, choice.right

        def compare(
            left: Article, right: Article, progress: Callable[[float, str], None]
        ) -> Comparison:
            progress(0.0, "aligning")
            return corpus.comparison(i, j)

        figure = None
        if choice.left_figure is not None or choice.right_figure is not None:
            figure = (choice.left_figure, choice.right_figure)
        screen = PairScreen(
            corpus.documents[i].path,
            corpus.documents[j].path,
            comparer=compare,
            comparison=corpus.cached(i, j),
            pair=(i, j),
            figure=figure,
            back=True,
        )
        self.push_screen(screen)
        return screen


def run_overview(corpus: Corpus, *, notes: str, title: str = "") -> int:
    """Run the overview app (pair views open over it) until the reader quits."""
    from compare_tui.ui.app import _keyboard_from_terminal

    problem = _keyboard_from_terminal()
    if problem is not None:
        print(f"compare-tui: error: {problem}", file=sys.stderr)
        return 2
    app = OverviewApp(corpus, notes_path=notes, title=title)
    app.run()
    app.say_exit_messages()
    return app.return_code or 0
