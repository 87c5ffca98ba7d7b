"""Caps that keep the cost of one document linear in its size and bounded, whatever its shape; and the warnings
they leave.

No real report comes near them: the longest sentence of the labelled corpus has 190 characters, a report of five
million characters about 200,000 sentences and line ends, the most headings fewer than 100. A hostile or broken
input does: two million "（一）" lines, a line of millions of characters without a full stop, millions of "。".
Past MAX_SENTENCES sentences (counting every mark and line end) the rest of the text is not read; past MAX_HEADINGS,
numbered lines are read as body text; a sentence longer than MAX_SENTENCE_CHARS is judged in pieces of that length
(guards, figures and word boundaries look at one sentence at a time). Each cap that applies adds a warning finding,
in Chinese, at the place where it starts.
"""

from __future__ import annotations

from array import array
from itertools import chain, islice
from operator import sub

from checker.model import Document, Finding
from checker.normalise import index_array
from checker.sentences import MAX_SENTENCE_CHARS, SENTENCE_END

MAX_SENTENCES = 300_000
MAX_HEADINGS = 5000
CHECK_ID = "limits"
EXCERPT = 30
MESSAGES = {
    "sentences": (f"文本超过 {MAX_SENTENCES:,} 句（按句号等标点和换行计），从这里起的内容未检查",
                  "检查文本是否为一份报告；如确为报告，请拆分后分别检查"),
    "headings": (f"标题超过 {MAX_HEADINGS:,} 个，从这里起的编号行按正文检查",
                 "检查文本是否为一份报告；如确为报告，请拆分后分别检查"),
    "sentence": (f"句子超过 {MAX_SENTENCE_CHARS:,} 字（没有句号等断句标点），从这里起按每 {MAX_SENTENCE_CHARS:,} 字一段检查",
                 "检查文本是否缺少标点，或由其他程序导出时丢失了换行"),
}


def sentence_ends(text: str) -> tuple[array, int | None, int | None]:
    """Where sentences end (just after the mark; the last sentence runs to the end), for at most MAX_SENTENCES
    sentences, with a break every MAX_SENTENCE_CHARS characters inside a longer one. Also where the first such long
    sentence starts, and where the text is cut after MAX_SENTENCES sentences (None where no cap applies)."""
    ends = index_array(len(text))
    ends.extend(m.end() for m in islice(SENTENCE_END.finditer(text), MAX_SENTENCES + 1))
    cut = None
    if len(ends) > MAX_SENTENCES:
        cut = ends[MAX_SENTENCES - 1]
        del ends[MAX_SENTENCES:]
    length = len(text) if cut is None else cut
    first_gap, last_gap = (ends[0], length - ends[-1]) if ends else (length, 0)
    if max(first_gap, last_gap, max(map(sub, ends[1:], ends), default=0)) <= MAX_SENTENCE_CHARS:  # measured in C
        return ends, None, cut
    capped = index_array(len(text))
    first_long = None
    last = 0
    for end in chain(ends, (length,)):
        if end - last > MAX_SENTENCE_CHARS:
            first_long = last if first_long is None else first_long
            capped.extend(range(last + MAX_SENTENCE_CHARS, end, MAX_SENTENCE_CHARS))
        capped.append(end)
        last = end
    capped.pop()  # the end of the text closes the last sentence; it is not listed
    return capped, first_long, cut


def limit_findings(doc: Document) -> tuple[Finding, ...]:
    """A warning for each cap that applied to the document, at the place where it starts, quoting the text there."""
    out = []
    for kind, offset in doc.limits:
        message, suggestion = MESSAGES[kind]
        line, column = doc.position(offset)
        raw_at = doc.offsets[min(offset, len(doc.offsets) - 1)]
        excerpt = doc.raw[raw_at:raw_at + EXCERPT].split("\n", 1)[0].strip()
        out.append(Finding(check=CHECK_ID, severity="warning", line=line, column=column, text=excerpt,
                           message=message, suggestion=suggestion))
    return tuple(out)
