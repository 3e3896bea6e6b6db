"""Progress of a long report on standard error: a bar on a terminal, plain lines otherwise.

``--json`` on a folder of thousands of articles runs for a minute; a silent minute looks like a
hang. Nothing is written during the first ``QUIET`` seconds (a five-article report stays
silent). On a terminal one line is redrawn (at most ten times a second); in a log or a pipe a
plain counter line is written when the stage changes, every ``STEP`` of the way, and at least
every ``HEARTBEAT`` seconds, so a CI log stays short and never looks stuck.
"""

from __future__ import annotations

import re
import time
from typing import TextIO

__all__ = ["StderrProgress"]

_DIGITS = re.compile(r"\d+")

#: Share of the work between two plain lines when stderr is not a terminal.
STEP = 0.1
#: Seconds after which a plain line is written even within one stage (a heartbeat).
HEARTBEAT = 5.0
#: Seconds of silence before the first report.
QUIET = 1.0
#: Seconds between two redraws of the bar on a terminal.
REDRAW = 0.1


class StderrProgress:
    """A ``Progress`` callback (fraction 0..1, stage text) that writes to ``stream``."""

    def __init__(self, stream: TextIO, *, width: int = 24, quiet: float = QUIET) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.quiet = quiet
        try:
            self.tty = stream.isatty()
        except (AttributeError, ValueError):
            self.tty = False
        self.width = width
        self.last_stage = ""
        self.last_fraction = -1.0
        self.last_draw = 0.0
        self.drawn = False

    def __call__(self, fraction: float, stage: str) -> None:
        kind = _DIGITS.sub("", stage)  # "figures: pair 3/40" and "figures: pair 4/40" alike
        now = time.monotonic()
        if now - self.start < self.quiet:
            return
        try:
            if self.tty:
                if now - self.last_draw < REDRAW and kind == self.last_stage:
                    return
                self.last_draw = now
                filled = int(self.width * max(0.0, min(1.0, fraction)))
                bar = "#" * filled + "-" * (self.width - filled)
                self.stream.write(f"\r\x1b[2Kcompare-tui: [{bar}] {fraction:4.0%} {stage[:60]}")
                self.drawn = True
            elif (
                kind != self.last_stage
                or abs(fraction - self.last_fraction) >= STEP
                or now - self.last_draw >= HEARTBEAT
            ):
                self.stream.write(f"compare-tui: {fraction:.0%} {stage}\n")
                self.last_fraction = fraction
                self.last_draw = now
            self.last_stage = kind
            self.stream.flush()
        except (OSError, ValueError):
            pass  # a closed stderr must not stop the report

    def done(self) -> None:
        """End the bar's line on a terminal."""
        if self.tty and self.drawn:
            try:
                self.stream.write("\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass
