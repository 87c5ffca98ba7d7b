"""A one-line progress bar on stderr for batches, where a person watches (stderr a terminal, not -q).

Reports stream to stdout on the same terminal, so every other write goes through `Progress.aside()`, which erases
the bar first and draws it again after; and the bar is never wider than the terminal less one cell, so that it
never wraps (a wrapped bar can no longer be erased and leaves pieces between the reports).
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from typing import TextIO

from checker.render.layout import cells

ERASE = "\r\x1b[2K"
LABEL = "检查中"
REDRAW_EVERY = 0.1  # seconds: drawing on every document of a fast batch costs more than it shows


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, width: int | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.width = width or _terminal_width(self.stream)
        self._start = time.monotonic()
        self._drawn_at = 0.0
        self._shown = False

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self._drawn_at >= REDRAW_EVERY or self.done == self.total:
            self._draw(now)

    @contextmanager
    def aside(self):
        """Erase the bar while something else is written to the terminal, then draw it again."""
        shown = self._shown
        self.close()
        try:
            yield
        finally:
            if shown:
                self._draw(time.monotonic())

    def close(self) -> None:
        """Leave no trace: the bar is erased (once the batch is done, or while something else is written)."""
        if self._shown:
            self.stream.write(ERASE)
            self.stream.flush()
            self._shown = False

    def line(self, now: float) -> str:
        """The bar as text: label, bar, done/total and the time left, at most width - 1 cells."""
        count = f"{self.done}/{self.total}"
        left = ""
        if 0 < self.done < self.total:
            remaining = (now - self._start) / self.done * (self.total - self.done)
            left = f" 剩余 {int(remaining // 60)}:{int(remaining % 60):02d}"
        room = self.width - 1 - cells(LABEL) - 2 - len(count) - cells(left)
        bar = ""
        if room >= 10:
            size = min(room, 40)
            filled = size * self.done // max(self.total, 1)
            bar = "━" * filled + "─" * (size - filled)
        return f"{LABEL} {bar + ' ' if bar else ''}{count}{left}"

    def _draw(self, now: float) -> None:
        self.stream.write(ERASE + self.line(now))
        self.stream.flush()
        self._drawn_at = now
        self._shown = True


def _terminal_width(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):
        return 80
