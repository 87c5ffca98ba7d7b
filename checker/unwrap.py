"""Step 2, for text no reader has laid out: lines a viewer or a converter wrapped at a fixed width (text copied out of
a PDF into a .txt, into Word or onto a page, saved by pdftotext or a mail client) joined back into their paragraphs,
as the PDF reader joins them (checker/read/layout.py), so that a title, a heading or a sentence is one line again.

Only text that bears the mark of wrapping is touched: many of its lines share one full width and stop there in the
middle of a sentence. A text with a paragraph on each line has few lines at its longest width, and those end their
sentence. The offsets still point at the user's characters, so evidence keeps the file's own lines and columns.
"""

from __future__ import annotations

import re
from array import array

from checker.normalise import index_array
from checker.read.layout import HEADING, STANDALONE, text_width
from checker.sentences import LINE_ENDS_SENTENCE, SENTENCE_MARKS

MIN_LINES = 8  # a short text gives no common width to go by
MIN_FULL = 16  # lines narrower than this are a list or a table, not wrapped prose
WRAPPED_SHARE = 0.35  # of the lines with text, at least this many reach the full width ...
OPEN_SHARE = 0.7  # ... and at least this share of those stop in the middle of a sentence
SLACK = 2.5  # a wrapped line may stop this much short of the full width (a wide character that did not fit)
INDENT = " \t\u3000\u00a0"
PARAGRAPH_END = re.compile(f"[{SENTENCE_MARKS}:：)）”」』\"']$")


def unwrap(text: str, offsets: array, raw: str) -> tuple[str, array]:
    """The text with its wrapped lines joined, and the offsets to match; the text itself when it is not wrapped."""
    lines = text.split("\n")
    widths, pos = [], 0  # each line's width as the user's text shows it (a full-width comma is one character wide)
    for line in lines:
        widths.append(_width(raw[offsets[pos]:offsets[pos + len(line)]].strip(INDENT), line) if line else 0.0)
        pos += len(line) + 1
    full = _full_width(lines, widths)
    if full is None:
        return text, offsets
    parts: list[str] = []
    kept = index_array(offsets[-1])
    pos = 0  # where the current line starts in text
    # the last line with text: a page's text cut mid-sentence ends on the rest of a wrapped line
    last = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    going_on = False  # the line before was joined to this one
    for i, line in enumerate(lines[:-1]):
        end = pos + len(line)  # the "\n" after the line
        following = lines[i + 1]
        parts.append(line)
        kept.extend(offsets[pos:end])
        if line and following and widths[i] >= full - SLACK and not LINE_ENDS_SENTENCE.search(line) \
                and (_goes_on(following, widths[i + 1], full) or _broken_token(line, following) or i + 1 == last
                     or _short_rest(line, following, going_on)) \
                and not _indented(raw, offsets[end + 1]) \
                and not STANDALONE.match(following):  # a date standing alone is the 落款's
            if _latin_words(line[-1], following[0]):
                parts.append(" ")  # words of a Latin script wrapped at a space keep one
                kept.append(offsets[end])
            going_on = True
        else:
            parts.append("\n")
            kept.append(offsets[end])
            going_on = False
        pos = end + 1
    parts.append(lines[-1])
    kept.extend(offsets[pos:])
    return "".join(parts), kept


def _width(shown: str, line: str) -> float:
    """The line's width as the user's text shows it, without the spaces of a letter-spaced export (unspace took
    them out: a third of the line and more): the wrap was made before the export spaced the letters."""
    if shown.count(" ") - line.count(" ") >= len(line) // 3 >= 2:
        shown = shown.replace(" ", "")
    return text_width(shown)


def _full_width(lines: list[str], widths: list[float]) -> float | None:
    """The width the text was wrapped at, or None when it was not wrapped."""
    filled = sorted(width for line, width in zip(lines, widths) if line)
    if len(filled) < MIN_LINES:
        return None
    full = filled[int(len(filled) * 0.9)]
    if full < MIN_FULL:
        return None
    reaching = [line for line, width in zip(lines, widths) if line and width >= full - SLACK]
    stopping = sum(1 for line in reaching if not LINE_ENDS_SENTENCE.search(line))
    if len(reaching) < WRAPPED_SHARE * len(filled) or stopping < OPEN_SHARE * len(reaching):
        return None
    return full


def _goes_on(line: str, width: float, full: float) -> bool:
    """A line that can be the rest of a wrapped paragraph: wrapped itself, or ending the paragraph (its sentence, or
    the bracket or quote after it). A short line that ends nothing is a line of its own (a title, a heading, the
    落款's name or date)."""
    return width >= full - SLACK or bool(PARAGRAPH_END.search(line))


def _short_rest(line: str, following: str, going_on: bool) -> bool:
    """The short last line of a heading or a paragraph that ends without a mark ((一)……以习近平法治思想指导做 /
    好卫生健康法治工作): a full line that opens a heading, or goes on from the line before, stops in mid-phrase, and
    what follows it is its rest unless it opens a heading itself. A full line standing alone (a page's path, a
    title over its document number) is left alone: the line after it may be a line of its own."""
    return (going_on or bool(HEADING.match(line))) and not HEADING.match(following)


def _latin_words(before: str, after: str) -> bool:
    """Letters of a Latin script on both sides of the break (words wrapped at a space); digits alone are a number
    broken by the wrap (2022-20 / 25年), which has no space."""
    return before.isascii() and after.isascii() and before.isalnum() and after.isalnum() \
        and (before.isalpha() or after.isalpha())


def _broken_token(line: str, following: str) -> bool:
    """A number or an address broken at its hyphen or slash (滇ICP备05001234号- / 1, 0571- / 88886666): the short rest
    is no line of its own."""
    return line[-1] in "-/" and following[0].isascii() and following[0].isalnum()


def _indented(raw: str, at: int) -> bool:
    """The raw line whose first character with text is raw[at] starts with a space (首行缩进: a new paragraph)."""
    return at > 0 and raw[at - 1] in INDENT
