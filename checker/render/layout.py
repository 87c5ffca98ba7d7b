"""Laying out styled text for a terminal: cell widths (East-Asian wide characters take two cells), word wrap with
long runs of Chinese folded, a panel, a three-column grid and a bordered table; and ANSI colour only when asked.

The layout follows rich's (the terminal report used rich's Panel and Table, and looks the same), at a tenth of the
cost and without importing rich: a line is a list of (text, style) pieces, a style a space-separated list of the
names in SGR ("bold red"); nothing here knows about reports.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from unicodedata import category, east_asian_width

Piece = tuple[str, str]
Line = list[Piece]

SGR = {"bold": "1", "dim": "2", "italic": "3", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
WORD = re.compile(r"\s*\S+\s*")
NO_LINE_START = frozenset("，。、；：？！）》」』】〕”’…%,.;:?!)")
TRAILING_SPACE = re.compile(r"\s+$")
ELLIPSIS = "…"

class _Widths(dict):
    """Character → cells, filled on first sight: lookups through __getitem__ stay in C (map, sum)."""

    def __missing__(self, ch: str) -> int:
        code, kind = ord(ch), category(ch)
        if 0 < code < 32 or 0x7F <= code < 0xA0 or kind in ("Mn", "Me", "Mc", "Cf"):
            width = 0
        else:
            width = 2 if kind != "Cn" and east_asian_width(ch) in ("W", "F") else 1
        self[ch] = width
        return width


WIDTHS = _Widths()
# Cells one character takes: 2 for East-Asian wide and full-width ones, 0 for control, combining and format
# characters, else 1 (as terminals and rich count them, but for emoji newer than Python's Unicode tables).
char_cells = WIDTHS.__getitem__


@lru_cache(maxsize=4096)
def cells(text: str) -> int:
    """Cells the text takes; remembered, since a report measures the same evidence when it lays out its column
    and again when it wraps it."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(char_cells, text))


def plain(line: Line) -> str:
    return "".join(text for text, _ in line)


def line_cells(line: Line) -> int:
    return sum(cells(text) for text, _ in line)


class Painter:
    """Turns laid-out lines into characters: with SGR codes around styled pieces on a colour terminal."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def line(self, line: Line) -> str:
        if not self.colour:
            return plain(line)
        out = []
        for text, style in line:
            codes = ";".join(SGR[name] for name in style.split() if name in SGR)
            out.append(f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text)
        return "".join(out)

    def lines(self, lines: list[Line]) -> str:
        return "".join(self.line(line) + "\n" for line in lines)


def styled(*pieces: str | Piece) -> Line:
    """Pieces from strings (unstyled) and (text, style) pairs."""
    return [(p, "") if isinstance(p, str) else p for p in pieces]


def split_lines(line: Line) -> list[Line]:
    """Split styled text at its line breaks (a trailing break gives a last, empty line)."""
    out: list[Line] = [[]]
    for text, style in line:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                out.append([])
            if part:
                out[-1].append((part, style))
    return out


def _break_points(text: str, width: int) -> list[int]:
    """Where to break one line of text to fit width cells: between words where it can, inside a word (a run of
    Chinese has no spaces) where the word is wider than a line; a long word always starts a line."""
    breaks: list[int] = []
    offset = 0
    for m in WORD.finditer(text):
        start, word = m.start(), m.group()
        stripped = word.rstrip()
        length = cells(stripped)
        full = length if len(stripped) == len(word) else length + cells(word[len(stripped):])
        if width - offset >= length:
            offset += full
        elif length > width:
            pieces = _fold(word, width)
            for piece in pieces:
                if start:
                    breaks.append(start)
                start += len(piece)
            offset = cells(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = full
    return breaks


def _fold(text: str, width: int) -> list[str]:
    """text in pieces of at most width cells (a wide character that does not fit starts the next piece)."""
    ends = list(accumulate(map(char_cells, text)))  # cells up to and including each character
    pieces, start, used = [], 0, 0
    while start < len(text):
        stop = bisect_right(ends, used + width, start)
        if stop == start:  # a character wider than the line: alone on it
            stop = start + 1
        if stop == len(text):
            if ends[-1] > used:
                pieces.append(text[start:])
            break
        while stop - 1 > start and text[stop] in NO_LINE_START:  # 禁则: a closing mark never starts a line,
            stop -= 1  # the character before it goes down with it
        pieces.append(text[start:stop])
        start, used = stop, ends[stop - 1]
    return pieces


def _slice(line: Line, start: int, end: int) -> Line:
    """The pieces covering characters start..end of the line's plain text."""
    out, pos = [], 0
    for text, style in line:
        a, b = max(start - pos, 0), min(end - pos, len(text))
        if a < b:
            out.append((text[a:b], style))
        pos += len(text)
    return out


def crop(line: Line, width: int) -> Line:
    """The line cut to width cells; a wide character cut in half becomes a space."""
    out, used = [], 0
    for text, style in line:
        size = cells(text)
        if used + size <= width:
            out.append((text, style))
            used += size
            continue
        kept = []
        for ch in text:
            ch_size = char_cells(ch)
            if used + ch_size > width:
                if used < width:
                    kept.append(" ")
                    used = width
                break
            kept.append(ch)
            used += ch_size
        if kept:
            out.append(("".join(kept), style))
        break
    return out


def fit(line: Line, width: int, pad: bool, length: int | None = None) -> Line:
    """Cut to width, and with pad filled with spaces up to it (length: the line's cells, if known)."""
    length = line_cells(line) if length is None else length
    if length > width:
        line = crop(line, width)
    if pad and length < width:
        line = [*line, (" " * (width - length), "")]
    return line


def wrap(text: Line, width: int, pad: bool = False, no_wrap: bool = False) -> list[Line]:
    """Lines of at most width cells: each line of the text word-wrapped (folded inside long runs); with pad,
    every line is filled with spaces to width (a cell of a table). Remembered: every report of a batch wraps the
    same messages, suggestions and bases; the lines are new lists, the caller's to change."""
    return [list(line) for line in _wrapped(tuple(text), max(width, 1), pad, no_wrap)]


@lru_cache(maxsize=512)  # the wording of a pack's elements takes about a hundred; quotes come and go
def _wrapped(text: tuple[Piece, ...], width: int, pad: bool, no_wrap: bool) -> tuple[tuple[Piece, ...], ...]:
    out: list[Line] = []
    for line in split_lines(text) if any("\n" in t for t, _ in text) else [text]:
        whole = plain(line)
        size = cells(whole)
        if no_wrap or size <= width:  # most lines: nothing to break
            out.append(fit(line, width, pad, size))
            continue
        bounds = [0, *_break_points(whole, width), len(whole)]
        out.extend(fit(_rstrip_end(_slice(line, a, b), width), width, pad) for a, b in zip(bounds, bounds[1:]))
    return tuple(map(tuple, out))


def _rstrip_end(line: Line, width: int) -> Line:
    """Drop trailing whitespace that takes the line (in characters) past width."""
    whole = plain(line)
    excess = len(whole) - width
    m = TRAILING_SPACE.search(whole) if excess > 0 else None
    if m is None:
        return line
    return _slice(line, 0, len(whole) - min(len(m.group()), excess))


def measure(text: Line) -> tuple[int, int]:
    """(widest word, widest line) in cells: the least and the most width the text can use."""
    return _measured(tuple(text))


@lru_cache(maxsize=512)
def _measured(text: tuple[Piece, ...]) -> tuple[int, int]:
    whole = plain(text)
    lines = whole.splitlines()
    widest = max(map(cells, lines), default=0)
    words = whole.split()
    return (max(map(cells, words)) if words else widest), widest


def grid(rows: list[tuple[Line, Line, Line]], width: int) -> list[Line]:
    """Rows of three columns (a two-cell mark, a label that never wraps, text that folds), one space apart:
    the label column as wide as its widest label, the text column as wide as its widest text or what is left."""
    if not rows:
        return []
    label_width = max(measure(label)[1] for _, label, _ in rows)
    text_width = max(max(measure(text)[1], 1) for _, _, text in rows)
    text_width = max(min(text_width, width - 3 - (label_width + 1)), 1)
    out: list[Line] = []
    for mark, label, text in rows:
        columns = (wrap(mark, 2, pad=True), wrap(label, label_width, pad=True, no_wrap=True),
                   wrap(text, text_width))  # the last column is not padded: no trailing spaces in a saved report
        for i in range(max(map(len, columns))):
            out.append([*_cell(columns[0], i, 2), (" ", ""), *_cell(columns[1], i, label_width), (" ", ""),
                        *_cell(columns[2], i, 0)])
    return out


def _cell(lines: list[Line], i: int, width: int) -> Line:
    return lines[i] if i < len(lines) else [(" " * width, "")]


def panel(title: str, body: list[Line], width: int, border: str) -> list[Line]:
    """A box the width of the terminal, the title in its top edge (cut if too long), the body wrapped inside."""
    inner = width - 4
    top = fit([(f" {title.replace(chr(10), ' ')} ", border)], inner, pad=False)
    rule = "─" * (inner - line_cells(top))
    out = [[("╭─", border), *top, (rule + "─╮", border)]]
    for line in body:
        for part in wrap(line, inner, pad=True):
            out.append([("│", border), (" ", ""), *part, (" ", ""), ("│", border)])
    out.append([("╰" + "─" * (width - 2) + "╯", border)])
    return out


def table(title: Line, header: list[Line], rows: list[list[Line]], justify: list[str], width: int) -> list[Line]:
    """A bordered table with a heavy header, its title centred above: columns as wide as their content, the
    widest narrowed (their cells wrap) while the table is wider than width."""
    widths = [max(max(measure(cell)[1] for cell in column), 1) for column in zip(header, *rows)]
    limit = width - (len(widths) + 1) - 2 * len(widths)  # the borders and a space each side of every cell
    while sum(widths) > limit and max(widths) > 1:
        widths[widths.index(max(widths))] -= 1
    total = sum(widths) + 3 * len(widths) + 1
    out = [_justify(line, total, "center") for line in wrap(title, total)] if title else []
    out.append([("┏" + "┳".join("━" * (w + 2) for w in widths) + "┓", "")])
    out.extend(_row(header, widths, justify, "┃", "bold"))
    out.append([("┡" + "╇".join("━" * (w + 2) for w in widths) + "┩", "")])
    for row in rows:
        out.extend(_row(row, widths, justify, "│", ""))
    out.append([("└" + "┴".join("─" * (w + 2) for w in widths) + "┘", "")])
    return out


def _row(cells_: list[Line], widths: list[int], justify: list[str], edge: str, style: str) -> list[Line]:
    columns = [[_justify(line, w, how) for line in wrap([(t, s or style) for t, s in cell], w)]
               for cell, w, how in zip(cells_, widths, justify)]
    out = []
    for i in range(max(map(len, columns))):
        line: Line = [(edge, "")]
        for column, w in zip(columns, widths):
            line += [(" ", ""), *_cell(column, i, w), (" ", ""), (edge, "")]
        out.append(line)
    return out


def _justify(line: Line, width: int, how: str) -> Line:
    line = fit(line, width, pad=False)
    space = width - line_cells(line)
    if how == "right":
        return [(" " * space, ""), *line]
    if how == "center":
        return [(" " * (space // 2), ""), *line, (" " * (space - space // 2), "")]
    return [*line, (" " * space, "")]


def shorten_path(path: str, width: int) -> str:
    """A path cut from the left to width cells, at a folder boundary where possible: …/乡镇/某镇2024年报告.txt."""
    if cells(path) <= width:
        return path
    parts = path.replace("\\", "/").split("/")
    for i in range(1, len(parts)):
        tail = ELLIPSIS + "/" + "/".join(parts[i:])
        if cells(tail) <= width:
            return tail
    name, kept = parts[-1], []
    for ch in reversed(name):
        if cells(ELLIPSIS) + cells("".join(kept)) + char_cells(ch) > width:
            break
        kept.insert(0, ch)
    return ELLIPSIS + "".join(kept)
