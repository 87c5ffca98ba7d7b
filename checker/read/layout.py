"""Pages of positioned lines → the text of a document, as a reader sees it: running headers, footers and page
numbers removed, and lines a page wrapped at the right margin joined back into their paragraph, so that a heading or
a sentence is one line as in the Word original. Shared by the readers of laid-out formats: PDF, OFD and OCR'd scans.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from checker.sentences import LINE_ENDS_SENTENCE

PAGE_NUMBER = re.compile(
    r"^[-—–_·\s]*(?:第\s*)?[0-9一二三四五六七八九十]{1,4}\s*(?:页)?(?:\s*(?:/|共)\s*[0-9]{1,4}\s*页?)?[-—–_·\s]*$"
    r"|^[-—–\s]*[0-9]{1,4}\s*/\s*[0-9]{1,4}[-—–\s]*$|^(?:page|Page|PAGE)\s*\d+(?:\s*of\s*\d+)?$"
)
SPACE = " \t\u3000\u00a0"
STANDALONE = re.compile(  # a line that is never the tail of a wrapped sentence: a date alone (the 落款's date)
    r"^\(?(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日|\d{4}-\d{1,2}-\d{1,2})\)?$")
HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+(?:部分|章)|[一二三四五六七八九十]{1,3}、"
                     r"|[(（][一二三四五六七八九十]{1,3}[)）]"
                     r"|\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）]|[\u2460-\u2473])")
NARROW = re.compile("[\u0000-\u1fff]")  # the characters a line of Chinese text sets at half a character's width
EDGE = 2  # lines at the top and at the bottom of a page that may be running header/footer
PAGE = "\0page"  # in `used`: the edge has lost its page number; a second bare figure is text (a wrapped line's "0")


class Line(NamedTuple):
    """One extracted line and, when known, the x of its first glyph's left and last glyph's right edge (points)."""

    text: str
    left: float | None = None
    right: float | None = None


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def strip_running(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers at a page's edges, and lines that recur at the edges of most pages (running header/footer).

    Only edge lines are candidates, and a page loses at most one line of each recurring shape and one page number at
    each edge, so the title under a running header that repeats it stays, and so does the last line of a paragraph
    that wrapped to a bare figure just above the page number.
    """
    pages = [[line if isinstance(line, Line) else Line(line) for line in lines] for lines in pages]

    def edges(lines: list[Line]) -> tuple[list[int], list[int]]:
        filled = [i for i, line in enumerate(lines) if line.text.strip(SPACE)]
        return filled[:EDGE], filled[-EDGE:]

    counts: Counter[str] = Counter()
    for lines in pages:
        top, bottom = edges(lines)
        counts.update({_key(lines[i].text) for i in set(top) | set(bottom)})
    need = max(2, (len(pages) + 1) // 2)
    running = {key for key, n in counts.items() if n >= need and len(pages) >= 2}
    out = []
    for lines in pages:
        top, bottom = edges(lines)
        drop: set[int] = set()
        for group in (top, reversed(bottom)):
            used: set[str] = set()
            for i in group:
                line = lines[i].text.strip(SPACE)
                key = _key(line)
                number = PAGE_NUMBER.match(line) is not None and PAGE not in used  # one page number an edge
                if number or (key in running and key not in used):
                    drop.add(i)
                    used.add(PAGE if number else key)
                else:
                    break
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def text_width(line: str) -> float:
    """A line's width in Han characters (Latin letters, digits and ASCII marks count half)."""
    return len(line) - 0.5 * NARROW.subn("", line)[1]


def _margins(pages: list[list[Line]]) -> tuple[float, float, float] | None:
    """(left margin, right margin, one character's width) of the body text, from the lines' extents."""
    lefts = sorted(line.left for lines in pages for line in lines if line.left is not None)
    rights = sorted(line.right for lines in pages for line in lines if line.right is not None)
    if len(lefts) < 3:
        return None
    left = lefts[len(lefts) // 10]  # most lines start at the margin; a few stray glyphs further left do not count
    right = rights[int(len(rights) * 0.9)]
    spans = sorted((line.right - line.left) / max(text_width(line.text.strip(SPACE)), 0.5)
                   for lines in pages for line in lines if line.left is not None and len(line.text.strip()) >= 8)
    em = spans[len(spans) // 2] if spans else 12.0
    return left, right, em


def continues(previous: str, line: str) -> bool:
    """Whether a line that starts at the margin goes on the paragraph of a wrapped line before it: not a date
    standing alone (the 落款's), nor a numbered heading after a finished sentence."""
    return not STANDALONE.match(line) and not (HEADING.match(line) and LINE_ENDS_SENTENCE.search(previous))


def reflow(pages: list[list[Line]]) -> tuple[str, list[int]]:
    """Join lines wrapped at the right margin into their paragraph. A paragraph ends at a line that stops short of
    the right margin, before a blank line, an indented line (首行缩进, a centred title, a right-aligned 落款), a date
    standing alone, or a numbered heading after a finished sentence. Without glyph positions, widths are estimated
    by counting characters."""
    pages = [[line if isinstance(line, Line) else Line(line) for line in lines] for lines in pages]
    margins = _margins(pages)
    widths = sorted(text_width(line.text.strip(SPACE)) for lines in pages for line in lines if line.text.strip(SPACE))
    full = widths[int(len(widths) * 0.9)] if widths else 0
    out: list[str] = []
    starts: list[int] = []
    length = 0
    open_para = False  # the last line written may go on
    for lines in pages:
        page_first = True
        for line in lines:
            text = line.text.rstrip(SPACE)
            bare = text.lstrip(SPACE)
            if not bare:
                open_para = False
                continue
            if margins and line.left is not None:
                indented = line.left > margins[0] + 1.2 * margins[2]
                reaches = line.right >= margins[1] - 1.5 * margins[2]
            else:
                indented = len(bare) < len(text)
                reaches = full > 8 and text_width(bare) >= full - 2.5 - (2 if indented else 0)
            if open_para and not indented and continues(out[-1], bare):
                glue = " " if out[-1][-1:].isascii() and out[-1][-1:].isalnum() and bare[0].isascii() else ""
                if page_first:
                    starts.append(length + len(glue))
                    page_first = False
                out.append(glue + bare)
                length += len(glue) + len(bare)
            else:
                if out:
                    out.append("\n")
                    length += 1
                if page_first:
                    starts.append(length)
                    page_first = False
                out.append(bare)
                length += len(bare)
            open_para = reaches
        if page_first:
            starts.append(length)
    text = "".join(out)
    return (text + "\n" if text and not text.endswith("\n") else text), starts
