"""The ``compare-tui`` command.

The report paths (--json, --markdown) must stay light: this module imports neither Textual nor
Rich, and the app is imported only when it is about to run.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn

from compare_tui import __version__

if TYPE_CHECKING:
    from compare_tui.core.compare import Progress
    from compare_tui.core.corpus import Corpus, Skipped
    from compare_tui.core.fetch import FetchOptions
    from compare_tui.core.load import InputLimits, LoadedText

EXAMPLES = """\
examples:
  compare-tui seeds/000_633a6f03b1d6c80d.txt seeds/004_967b0b30f98c59d7.txt
      open the two articles side by side in the terminal app
  compare-tui --notes mali-notes.md a.txt b.txt
      keep the notes you take in the app in mali-notes.md
  compare-tui --json --notes mali-notes.md a.txt b.txt
      the report with the reader's overrides from mali-notes.md applied ("by": "reader")
  compare-tui --json a.txt b.txt > comparison.json
      print the whole comparison as JSON (schema in the README)
  compare-tui --markdown a.txt b.txt -o memo.md
      write a Markdown memo: sources, figure table, aligned sentences
  pbpaste | compare-tui --markdown - b.txt
      read one article from standard input
  compare-tui https://example.org/story.html saved-page.html
      fetch a page (kept in a cache for --offline use) and compare it with a saved page
  compare-tui seeds/
      overview of every article in a folder: who copies whom, each outlet's figures
  compare-tui --json a.txt b.txt c.txt > overview.json
      three or more articles: events, pairs, groups of rewrites and the figure matrix as JSON
  compare-tui --json --no-text archive/ > overview.json
      a large folder: progress on stderr, article texts left out of the JSON

exit status: 0 on success, 2 when an input or option is refused (the message names it).
"""


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error message instead of usage plus error."""

    def error(self, message: str) -> NoReturn:
        _say(f"{self.prog}: error: {message} (see {self.prog} --help)")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="compare-tui",
        description=(
            "Compare how two outlets covered one event: align the sentences that say the same "
            "thing, mark the words that changed, and check every figure (who counted what, and "
            "whether the two articles agree)."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="two articles to compare side by side, or three or more (or a folder) for an "
        "overview: plain-text files (UTF-8, UTF-16 or cp1252), saved web pages (.html), "
        "http(s) URLs, or '-' for standard input",
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument(
        "--json",
        action="store_true",
        help="print the comparison as JSON instead of opening the app (e.g. --json a.txt b.txt)",
    )
    out.add_argument(
        "--markdown",
        action="store_true",
        help="write a Markdown memo instead of opening the app (e.g. --markdown a.txt b.txt)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="with --json or --markdown: write to FILE instead of standard output "
        "(e.g. -o memo.md); an existing file not written by compare-tui is never replaced",
    )
    parser.add_argument(
        "--notes",
        metavar="PATH",
        help="the app's notes file (Markdown); default: notes-LEFT--RIGHT-TAG.md for two "
        "articles, notes-FOLDER-TAG.md (or notes-FIRST--NAMES-TAG.md) for a set, in the "
        "current folder, TAG a hash of the full paths (e.g. --notes mali.md); every pair view "
        "of a set writes into this one file; unsaved notes wait in PATH.journal; with --json "
        "or --markdown, the reader's overrides kept there are applied",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="never use the network: URLs are read from the page cache of earlier fetches "
        "(e.g. --offline https://example.org/a.html b.txt)",
    )
    parser.add_argument(
        "--max-size",
        metavar="MB",
        type=_megabytes,
        default=10.0,
        help="the largest article read from a file, standard input, a FIFO or a URL, in MB "
        "(default 10; e.g. --max-size 50)",
    )
    parser.add_argument(
        "--read-timeout",
        metavar="SECONDS",
        type=_seconds,
        default=30.0,
        help="how long to wait for bytes from a pipe or FIFO before giving up (default 30; a "
        "terminal waits for you)",
    )
    parser.add_argument(
        "--no-text",
        action="store_true",
        help="with --json on three or more articles or a folder: leave out the article texts "
        "(offsets still point into each file, checked by its sha256)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _positive(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{what} must be a positive number, got {text!r}")
    return value


def _megabytes(text: str) -> float:
    return _positive(text, "--max-size")


def _seconds(text: str) -> float:
    return _positive(text, "--read-timeout")


def _limits(args: argparse.Namespace) -> InputLimits:
    from compare_tui.core.load import InputLimits

    return InputLimits(max_bytes=int(args.max_size * 1024 * 1024), wait=args.read_timeout)


def _say(line: str) -> None:
    """One line on stderr; file names in it may hold escape sequences: shown as text."""
    from compare_tui.core.models import safe_name

    print(safe_name(line), file=sys.stderr)


def _fail(message: str) -> NoReturn:
    _say(f"compare-tui: error: {message}")
    raise SystemExit(2)


def _write_stdout(data: bytes) -> None:
    """Write all of ``data`` to standard output, checking every write: a full disk, a closed
    standard output or a short write is one error line and status 2, never a truncated file
    and status 0."""
    view = memoryview(data)
    while view:
        try:
            written = os.write(1, view[: 1 << 20])
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): not an error of ours.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            return
        except OSError as exc:
            if exc.errno == errno.EBADF:
                _fail("standard output is closed; give a file with -o")
            _fail(f"standard output: cannot be written ({exc.strerror or exc})")
        if written <= 0:
            _fail("standard output: the write was cut short")
        view = view[written:]


def _write_output(text: str, output: str | None, *, memo: bool = False) -> None:
    """The report to standard output or to ``-o FILE``. A Markdown memo (``memo``) is sealed
    with its SHA-256, so that a later ``-o`` can tell a hand-edited memo from its own."""
    from compare_tui.core.own_output import seal

    if memo:
        text = seal(text)
    if output is None:
        _write_stdout(text.encode("utf-8"))
        return
    from compare_tui.core.atomic import write_backup, write_text_atomic
    from compare_tui.core.own_output import NOTES_MARKER, REPORT_MARKER, is_own_output, unseal

    target = Path(output)
    if target.is_dir():
        _fail(f"{output}: is a directory; give a file name for the output")
    existing = None
    if target.exists():
        try:
            existing = target.read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            _fail(f"{output}: cannot be read ({exc.strerror or exc})")
        if not is_own_output(existing):
            # Only the opening counts: a memo edited below its first line is still ours.
            _fail(f"{output}: exists and was not written by compare-tui; not replacing it")
        if existing.lstrip("\ufeff").startswith(NOTES_MARKER):
            _fail(
                f"{output}: is a notes memo (the notes taken in the app); not replacing it "
                "with a report: give another file name"
            )
    if (
        existing is not None
        and existing != text
        and existing.lstrip("\ufeff").startswith(REPORT_MARKER)
        and unseal(existing)[1] is not True
    ):
        # Edited by hand since compare-tui wrote it (or written before memos were sealed).
        try:
            kept = write_backup(target, existing)
        except OSError as exc:
            _fail(
                f"{output}: was edited since compare-tui wrote it and no backup could be "
                f"written ({exc.strerror or exc}); not replacing it"
            )
        _say(
            f"compare-tui: {output} was edited since compare-tui wrote it; "
            f"its previous content is kept in {kept.name}"
        )
    try:
        write_text_atomic(target, text)
    except OSError as exc:
        _fail(f"{output}: cannot be written ({exc.strerror or exc})")


def _fetch_options(args: argparse.Namespace) -> FetchOptions | None:
    """How to fetch the URLs named, or None when none is: plain files never import
    ``core.fetch`` (urllib and ssl cost ~27 ms)."""
    from compare_tui.core.load import is_url

    if not any(is_url(spec) for spec in args.articles):
        return None
    from compare_tui.core.fetch import FetchOptions

    return FetchOptions(offline=args.offline, max_bytes=_limits(args).max_bytes)


def _stdin() -> BinaryIO | None:
    return getattr(sys.stdin, "buffer", None)


def _stdin_hint(articles: Sequence[str]) -> None:
    if "-" in articles and sys.stdin is not None and sys.stdin.isatty():
        _say("compare-tui: reading an article from standard input; end it with Ctrl-D")


def _load_pair(args: argparse.Namespace) -> tuple[LoadedText, LoadedText]:
    """Load both articles once each (standard input cannot be read twice; URLs are fetched once)."""
    from compare_tui.core.inputs import load_input
    from compare_tui.core.load import LoadError

    options = _fetch_options(args)
    _stdin_hint(args.articles)
    loaded: list[LoadedText] = []
    for spec in args.articles:
        try:
            text = load_input(spec, stdin=_stdin(), fetch_options=options, limits=_limits(args))
        except LoadError as exc:
            _fail(str(exc))
        if text.note:
            _say(f"compare-tui: note: {text.note}")
        loaded.append(text)
    return loaded[0], loaded[1]


def _report(args: argparse.Namespace) -> int:
    from compare_tui.core.compare import compare_texts

    comparison = compare_texts(*_load_pair(args))
    decisions: list[str] = []
    records: list[dict[str, object]] | None = None
    if args.notes:
        from compare_tui.report.apply_notes import apply_notes

        try:
            applied = apply_notes(comparison, args.notes)
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"{args.notes}: cannot read the notes file ({exc})")
        comparison, decisions, records = applied.comparison, applied.section, applied.records
        for line in applied.said:
            _say(f"compare-tui: note: {line}")
    if args.json:
        from compare_tui.report.json import to_json

        _write_output(to_json(comparison, reader_decisions=records), args.output)
    else:
        from compare_tui.report.markdown import render_markdown

        text = render_markdown(comparison)
        text += ("\n" + "\n".join(decisions)) if decisions else ""
        _write_output(text, args.output, memo=True)
    return 0


def _is_many(articles: Sequence[str]) -> bool:
    """Three or more articles, or a folder: the overview rather than the pair view."""
    return len(articles) >= 3 or any(_is_dir(a) for a in articles if a != "-")


def _is_dir(spec: str) -> bool:
    """``is_dir`` that says False where it cannot look (a parent without search permission):
    loading the file then says what is wrong, in one line."""
    try:
        return Path(spec).is_dir()
    except OSError:
        return False


def _load_many(
    args: argparse.Namespace, *, progress: Progress | None = None, workers: int = 1
) -> Corpus:
    from compare_tui.core.corpus import Corpus, load_corpus
    from compare_tui.core.load import LoadError

    articles: Sequence[str] = args.articles
    _stdin_hint(articles)
    try:
        loaded = load_corpus(
            articles, stdin=_stdin(), fetch_options=_fetch_options(args), limits=_limits(args)
        )
    except LoadError as exc:
        _fail(str(exc))
    for text in loaded.texts:
        if text.note:
            _say(f"compare-tui: note: {text.note}")
    _report_skipped(loaded.skipped)
    if len(loaded.texts) < 2:
        where = " ".join(articles)
        _fail(f"{where}: fewer than two articles to compare (found {len(loaded.texts)})")
    return Corpus.from_texts(loaded.texts, progress=progress, workers=workers)


#: Skipped files named one by one on stderr; beyond that, a count by reason.
SKIPS_NAMED = 5


def _report_skipped(skipped: Sequence[Skipped]) -> None:
    """A few skipped files by name, the rest as one count line: a folder of 10,000 images
    must not bury the report under 10,000 lines."""
    from collections import Counter

    for skip in skipped[:SKIPS_NAMED]:
        _say(f"compare-tui: skipped {skip.path}: {skip.reason}")
    rest = skipped[SKIPS_NAMED:]
    if rest:
        reasons = Counter(s.reason.split(" (")[0] for s in rest).most_common(3)
        why = "; ".join(f"{n} {r}" for r, n in reasons)
        _say(f"compare-tui: skipped {len(rest)} more files ({why})")


def _report_many(args: argparse.Namespace) -> int:
    from compare_tui.core.overview import build_overview
    from compare_tui.core.parallel import default_workers
    from compare_tui.core.progress import StderrProgress
    from compare_tui.report.overview import overview_json, render_overview_markdown

    progress = StderrProgress(sys.stderr)
    workers = default_workers()
    # Segmenting runs in this process: 5,000 articles take about a second, less than sending
    # their documents back from workers would.
    corpus = _load_many(args, progress=progress)
    overview = build_overview(corpus, progress=progress, workers=workers)
    progress.done()
    if args.json:
        text = overview_json(overview, text=not args.no_text)
    else:
        text = render_overview_markdown(overview)
    _write_output(text, args.output, memo=not args.json)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The command; ctrl+c outside the app is one line and status 130, not a traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _say("compare-tui: interrupted")
        return 130


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.articles.count("-") > 1:
        # Standard input can be read once, whichever route (pair, set, report) follows.
        _fail("'-' (standard input) can be given only once")
    many = _is_many(args.articles)
    if not many and len(args.articles) != 2:
        _fail(f"expected two or more articles, or a folder, got {len(args.articles)}")
    if args.output and not (args.json or args.markdown):
        _fail("--output goes with --json or --markdown")
    if args.no_text and not (many and args.json):
        _fail("--no-text goes with --json on three or more articles or a folder")
    if many and (args.json or args.markdown):
        return _report_many(args)
    if many:
        corpus = _load_many(args)
        from compare_tui.notes.storage import (
            carry_over,
            default_set_notes_name,
            legacy_set_notes_name,
        )
        from compare_tui.ui.screens.overview import run_overview

        notes = args.notes or carry_over(
            default_set_notes_name(args.articles),
            legacy_set_notes_name(args.articles),
            (d.source.sha256 for d in corpus.documents),
        )
        return run_overview(corpus, notes=notes, title=" ".join(args.articles))
    if args.json or args.markdown:
        return _report(args)
    left, right = _load_pair(args)
    from compare_tui.ui.app import run_app

    return run_app(left, right, notes=args.notes)
