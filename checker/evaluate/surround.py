"""The lines around a quote, for a report that shows evidence in context after the document's text is gone.

Bounded on each side so that a batch of thousands stays small in memory: whole lines when they fit, otherwise the
nearest part of the paragraph with "…" where it was cut.
"""

from __future__ import annotations

import re

from checker.evaluate.firstchars import with_first_chars
from checker.model import Document, Span

CONTEXT_CHARS = 200  # at most this many characters of the user's text on each side of a quote
_BLANK_LINES = with_first_chars(re.compile(r"[ \t\u3000]*\r?\n(?:[ \t\u3000]*\r?\n)+"))
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\r?\n")  # in every match of _BLANK_LINES: found fast (it starts with \n)


def surrounding(doc: Document, quote: Span, limit: int = CONTEXT_CHARS) -> tuple[str, str]:
    """(before, after) the quote, as the user wrote them. A window is cut back to a line break when that keeps at
    least half of it; blank lines between paragraphs become one line break."""
    lo, hi = max(0, quote.start - limit), min(len(doc.text), quote.end + limit)
    before, after = doc.raw_slice(Span(lo, quote.start)), doc.raw_slice(Span(quote.end, hi))
    quoted = doc.raw_slice(quote)  # a quote is shown stripped: its outer white space (a line end) belongs around it
    core = quoted.strip()
    if core:
        at = quoted.index(core)
        before, after = before + quoted[:at], quoted[at + len(core):] + after
    if lo > 0:
        cut = before.find("\n")
        before = before[cut + 1:] if 0 <= cut <= len(before) // 2 else "…" + before
    if hi < len(doc.text):
        cut = after.rfind("\n")
        after = after[:cut] if cut >= len(after) // 2 else after + "…"
    return _tidy(before).lstrip(), _tidy(after).rstrip()


def _tidy(text: str) -> str:
    if _BLANK_LINE.search(text):  # most quotes have no blank line, and _BLANK_LINES tries every position
        text = _BLANK_LINES.sub("\n", text)
    return text.replace("\r", "")
