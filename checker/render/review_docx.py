"""The review copy (审阅稿): the writer's own draft with checker's findings as Word comments (批注), so that a reviewer
can hand it back and the writer sees each gap where it is.

One comment at each piece of evidence (the element, its status and, for a gap, the problem, what to add and the legal
basis) and at each text finding; one on the title with the score, grade, verdict and the missing required elements.
An element with nothing to point at is anchored where it belongs: by the part of the report its rules read (the
problems section for 原因分析, a 决策 section for 重大行政决策), next-year-plan at the end of the body, others at a
heading that names what they look for, and the rest on the title.

A .docx draft is copied (python-docx ≥ 1.2 writes the comments part) and each comment is anchored by mapping the
evidence's line and column back to the paragraph and run it came from, splitting a run where a comment starts or
ends inside it; the mapping mirrors checker/read/docx.py (one paragraph a line, a table row a line, Word's numbering
in front) and is checked line by line against the text that was audited. Any other input becomes a new .docx of the
text as read, headings as Word headings by the structure checker found.
"""

from __future__ import annotations

import io
import re
from copy import deepcopy
from dataclasses import dataclass

from checker.model import Document, ElementResult, Finding, Result, Span
from checker.read.docx import DocxLines, paragraph_runs, paragraph_text, run_text
from checker.words import FINDING_WORDS, SEVERITY_WORDS, STATUS_WORDS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MARKS = {"pass": "✔", "partial": "◐", "fail": "✘", "skip": "–"}
SENTENCE_END = re.compile(r"[。！？；!?;]")
# The end of the body for an element about next year: what is missing there is the plan that closes the report.
AT_BODY_END = {"future", "plan"}
BROAD_SCOPES = {"document", "achievements"}


@dataclass(frozen=True)
class Note:
    """One comment: where (1-based line and column in the audited text, and how many characters), and its lines."""

    line: int
    column: int
    length: int
    lines: tuple[str, ...]


def build_review(result: Result, pack, original: bytes | None, author: str = "checker") -> tuple[bytes, int]:
    """The review copy as .docx bytes and the number of comments in it. `original` is the draft's .docx bytes, or
    None to write a new document from the text."""
    import docx

    doc = result.document
    if original is not None:
        document = docx.Document(io.BytesIO(original))
        lines = _ReviewLines(document).lines()
    else:
        document, lines = _new_document(doc)
    anchors = _Anchors(document, lines, doc.raw.split("\n"))
    notes = plan_notes(result, pack)
    for note in notes:
        runs = anchors.runs(note)
        comment = document.add_comment(runs, text=note.lines[0], author=author, initials=author[:2])
        comment.paragraphs[0].runs[-1].bold = True
        for line in note.lines[1:]:
            comment.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), len(notes)


# ---------------------------------------------------------------- what to say, and where

def plan_notes(result: Result, pack) -> list[Note]:
    """The comments of a review copy, in document order after the verdict on the title."""
    doc = result.document
    title_line = doc.position(doc.meta.title_span.start)[0] if doc.meta.title_span else _first_line(doc)
    notes: list[Note] = []
    homeless: list[ElementResult] = []
    for element in result.elements:
        if element.status == "skip":
            continue
        if element.evidence:
            for ev in element.evidence:
                notes.append(Note(ev.line, *_quoted(doc, ev.line, ev.column, ev.text), _element_lines(element)))
        elif element.status != "pass":
            place = _home(doc, pack, element)
            if place is None:
                homeless.append(element)
            else:
                line = doc.position(place)[0]
                notes.append(Note(line, 1, 0, _element_lines(element, "——原文未见相关内容，建议在此处之后补写")))
    for finding in result.findings:
        notes.append(Note(finding.line, *_quoted(doc, finding.line, finding.column, finding.text),
                          _finding_lines(finding)))
    notes.sort(key=lambda n: (n.line, n.column))
    return [Note(title_line, 1, 0, _verdict_lines(result, homeless)), *notes]


def _first_line(doc: Document) -> int:
    for number, line in enumerate(doc.raw.split("\n"), start=1):
        if line.strip():
            return number
    return 1


def _element_lines(e: ElementResult, where: str = "") -> tuple[str, ...]:
    head = f"{MARKS[e.status]} {e.title}（{SEVERITY_WORDS[e.severity]}）：{STATUS_WORDS[e.status]}{where}"
    lines = [head]
    if e.status != "pass":
        lines += [f"问题：{e.message}", f"建议：{e.suggestion}"]
    if e.basis:
        lines.append("依据：" + "；".join(e.basis))
    return tuple(lines)


def _finding_lines(f: Finding) -> tuple[str, ...]:
    lines = [f"【{FINDING_WORDS.get(f.severity, f.severity)}】{f.message}"]
    if f.suggestion:
        lines.append(f"建议：{f.suggestion}")
    return tuple(lines)


def _verdict_lines(result: Result, homeless: list[ElementResult]) -> tuple[str, ...]:
    score, doc = result.score, result.document
    verdict = "通过" if result.passed else "未通过"
    gaps = {s: sum(1 for e in result.elements if e.status == s) for s in ("fail", "partial")}
    lines = [f"checker 审阅意见：得分 {score.total:g}（{score.grade}），结论：{verdict}",
             f"规则包：{result.pack.title or result.pack.id} {result.pack.version}；缺失 {gaps['fail']} 项，"
             f"薄弱 {gaps['partial']} 项"]
    missing = [e.title for e in result.elements if e.status == "fail" and e.severity == "required"]
    if missing:
        lines.append("缺少必备要素：" + "、".join(missing))
    lines += [f"未通过原因：{reason}" for reason in score.reasons if not reason.startswith("缺少必备要素")]
    for e in homeless:
        lines += [f"{MARKS[e.status]} {e.title}（{SEVERITY_WORDS[e.severity]}）：{STATUS_WORDS[e.status]}。"
                  f"{e.message}", f"建议：{e.suggestion}"]
        if e.basis:
            lines.append("依据：" + "；".join(e.basis))
    if doc.meta.title_span is None:
        lines.append("（未识别到标题，本条批注在首行）")
    return tuple(lines)


def _quoted(doc: Document, line: int, column: int, text: str) -> tuple[int, int]:
    """(column, length) of the quoted text in the raw line: the quote found around `column` (it may begin a little
    before the hit it was cut around); where it cannot be found, from `column` to the end of the sentence."""
    raw_lines = doc.raw.split("\n")
    if not 1 <= line <= len(raw_lines):
        return column, 0
    raw = raw_lines[line - 1]
    start = column - 1
    core = text.strip().strip("…").strip()
    if core:
        pattern = re.compile(r"\s*".join(re.escape(ch) for ch in core if not ch.isspace()))
        for m in pattern.finditer(raw, max(0, start - len(core) - 2)):
            if m.start() <= start < m.end() or m.start() == start:
                return m.start() + 1, m.end() - m.start()
            if m.start() > start:
                break
    return column, _sentence_rest(raw, start)


def _sentence_rest(raw: str, start: int) -> int:
    end = SENTENCE_END.search(raw, start)
    stop = end.end() if end else len(raw.rstrip())
    return max(min(stop, start + 60) - start, 0)


def _home(doc: Document, pack, element: ElementResult) -> int | None:
    """A normalised offset to anchor an element with no evidence: by the scope its rules read, the end of the body for
    next year's plan, a heading naming its words; None for the title."""
    from checker.evaluate.context import DocContext

    spec = next((e for e in pack.elements if e.id == element.id), None)
    if spec is None:
        return None
    scopes, parts, words = _rule_parts(spec.match, spec.weak_if)
    ctx = DocContext(doc, pack)
    for name in scopes:
        if name in AT_BODY_END:
            return _last_line(doc, ctx.document[-1]) if ctx.document else None
        if name in BROAD_SCOPES or name not in pack.scopes:
            continue
        spans = ctx.scope(name)
        if spans:
            return _last_line(doc, spans[-1])
    for name in parts:
        for section in doc.headings():
            if name in pack.scopes and any(p.search(section.title) for p in pack.scopes[name].headings):
                return _last_line(doc, section.span)
    best = max(doc.headings(), key=lambda s: sum(1 for w in words if w in s.title), default=None)
    if best is not None and any(w in best.title for w in words):
        return _last_line(doc, best.span)
    return None


def _rule_parts(*rules) -> tuple[list[str], list[str], set[str]]:
    """The scope names, section parts and words an element's rules use, in the order they appear."""
    scopes: list[str] = []
    parts: list[str] = []
    words: set[str] = set()
    stack = [r for r in rules if r is not None]
    while stack:
        rule = stack.pop(0)
        stack[:0] = list(getattr(rule, "children", ()))
        params = getattr(rule, "params", {}) or {}
        if isinstance(params.get("scope"), str) and params["scope"] not in scopes:
            scopes.append(params["scope"])
        if isinstance(params.get("part"), str) and params["part"] not in parts:
            parts.append(params["part"])
        words |= {w for w in rule.words() if len(w) >= 2}
    return scopes, parts, words


def _last_line(doc: Document, span: Span) -> int:
    """The start of the last non-blank line inside a span (normalised offsets)."""
    text = doc.text[span.start:span.end].rstrip()
    return span.start + text.rfind("\n") + 1


# ---------------------------------------------------------------- the document and its lines

@dataclass(frozen=True)
class Piece:
    """A stretch of one audited line that comes from one paragraph: columns [start, end) of the line are paragraph
    characters [offset, offset + end - start); offset None for Word's generated numbering (no run holds it)."""

    start: int
    end: int
    paragraph: object
    offset: int | None


@dataclass
class Line:
    text: str
    pieces: list[Piece]

    def strip(self) -> Line:
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self.slice(left, right)

    def slice(self, a: int, b: int) -> Line:
        pieces = []
        for p in self.pieces:
            lo, hi = max(p.start, a), min(p.end, b)
            if lo < hi:
                offset = None if p.offset is None else p.offset + lo - p.start
                pieces.append(Piece(lo - a, hi - a, p.paragraph, offset))
        return Line(self.text[a:b], pieces)

    def __add__(self, other: Line) -> Line:
        shift = len(self.text)
        return Line(self.text + other.text,
                    self.pieces + [Piece(p.start + shift, p.end + shift, p.paragraph, p.offset)
                                   for p in other.pieces])


class _ReviewLines(DocxLines):
    """The lines checker/read/docx.py makes of a document (the reader's own walk and numbering), each a Line that
    knows its paragraphs."""

    def _paragraph(self, p) -> list[Line]:
        prefix = self.numbering.prefix(p)
        text = paragraph_text(p)
        whole = Line(prefix + text, ([Piece(0, len(prefix), p, None)] if prefix else [])
                     + ([Piece(len(prefix), len(prefix) + len(text), p, 0)] if text else []))
        lines, at = [], 0
        for part in (prefix + text).split("\n"):
            lines.append(whole.slice(at, at + len(part)))
            at += len(part) + 1
        return lines

    @staticmethod
    def _text(line: Line) -> str:
        return line.text

    @staticmethod
    def _cell(parts: list[Line]) -> Line:
        cell = Line("", [])
        for i, part in enumerate(p.strip() for p in parts if p.text.strip()):
            cell = cell + (Line(" ", []) + part if i else part)
        return cell

    @staticmethod
    def _row(cells: list[Line]) -> Line:
        row = cells[0]
        for cell in cells[1:]:
            row = row + Line("\t", []) + cell
        return row


def text_runs(p) -> list:
    """The runs whose text is the paragraph's text, as the reader takes them (read/docx.py paragraph_runs)."""
    return list(paragraph_runs(p))


def _new_document(doc: Document):
    """A new .docx of the audited text: the title as Title, whole-line headings as Word headings, an inline heading
    (a heading and its text in one paragraph) in bold; one paragraph a line, blank lines left out."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    for name in ("Normal", "Title", *(f"Heading {n}" for n in range(1, 10))):
        fonts = document.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), "宋体" if name == "Normal" else "黑体")
    headings = {}
    for section in doc.headings():
        line, column = doc.position(section.heading.start)
        end_line, end_column = doc.position(max(section.heading.end - 1, section.heading.start))
        headings[line] = (section.rank, column - 1, end_column)
    title = doc.position(doc.meta.title_span.start)[0] if doc.meta.title_span else None
    lines: list[Line] = []
    for number, text in enumerate(doc.raw.split("\n"), start=1):
        shown = text.strip()
        if not shown:
            lines.append(Line(text, []))
            continue
        lead = len(text) - len(text.lstrip())
        if number == title:
            paragraph = document.add_paragraph(shown, style="Title")
        elif number in headings and headings[number][2] >= len(text.rstrip()):
            paragraph = document.add_heading(shown, level=min(max(headings[number][0], 1), 9))
        elif number in headings:
            _, start, end = headings[number]
            paragraph = document.add_paragraph()
            paragraph.add_run(text[lead:end]).bold = True
            paragraph.add_run(text[end:].rstrip())
        else:
            paragraph = document.add_paragraph(shown)
        lines.append(Line(text, [Piece(lead, lead + len(shown), paragraph._p, 0)]))
    return document, lines


# ---------------------------------------------------------------- anchoring

class _Anchors:
    """Turns a Note's line and columns into the first and last run of its range, splitting runs as needed."""

    def __init__(self, document, lines: list[Line], raw_lines: list[str]) -> None:
        from docx.text.run import Run

        self.Run = Run
        self.document = document
        self.lines = lines
        # the audited text's lines and the document's agree line for line, or anchoring falls back to searching
        self.aligned = [i < len(lines) and lines[i].text == raw for i, raw in enumerate(raw_lines)]

    def runs(self, note: Note) -> list:
        paragraph, start, end = self._locate(note)
        if end <= start:
            start, end = 0, len(paragraph_text(paragraph))
        if end <= start:
            run = paragraph.makeelement(W + "r", {})
            paragraph.append(run)
            return [self.Run(run, None)]
        _split_at(paragraph, start)
        _split_at(paragraph, end)
        inside, at = [], 0
        for r in text_runs(paragraph):
            length = len(run_text(r))
            if start <= at and at + length <= end and (length or start < at < end):
                inside.append(r)
            at += length
        inside = inside or text_runs(paragraph)[:1]
        return [self.Run(inside[0], None), self.Run(inside[-1], None)]

    def _locate(self, note: Note) -> tuple[object, int, int]:
        """(paragraph element, start, end) in the paragraph's own text. A range over several paragraphs (the cells
        of a table row) is kept to the one holding most of it: a comment never spans cells."""
        index = note.line - 1
        if not (0 <= index < len(self.lines) and self.aligned[index] and self.lines[index].pieces):
            return self._nearest(index), 0, 0
        line = self.lines[index]
        column = min(max(note.column - 1, 0), len(line.text))
        stop = column + note.length
        if note.length:
            piece = max(line.pieces, key=lambda p: (min(p.end, stop) - max(p.start, column), -p.start))
        else:
            piece = next((p for p in line.pieces if p.start <= column < p.end), line.pieces[0])
        if piece.offset is None:  # Word's numbering: the range begins with the paragraph's own text
            body = next((p for p in line.pieces if p.paragraph is piece.paragraph and p.offset is not None), None)
            if body is None or not note.length:
                return piece.paragraph, 0, 0
            piece, column = body, max(column, body.start)
        lo, hi = max(column, piece.start), min(stop, piece.end) if note.length else max(column, piece.start)
        return piece.paragraph, piece.offset + lo - piece.start, piece.offset + hi - piece.start

    def _nearest(self, index: int):
        """A paragraph for a line that could not be mapped: the closest mapped line's, else the first paragraph."""
        for distance in range(len(self.lines) + 1):
            for i in (index - distance, index + distance):
                if 0 <= i < len(self.lines) and self.lines[i].pieces:
                    return self.lines[i].pieces[0].paragraph
        body = self.document.element.body
        return body.find(W + "p") if body.find(W + "p") is not None else self.document.add_paragraph()._p


def _split_at(paragraph, offset: int) -> None:
    """Make a run boundary at `offset` in the paragraph's text, splitting the run that spans it."""
    at = 0
    for r in text_runs(paragraph):
        length = len(run_text(r))
        if at < offset < at + length:
            _split_run(r, offset - at)
            return
        at += length


def _split_run(r, k: int) -> None:
    """Split one run at character k: the copy after it takes the content from k on, with the same formatting."""
    after = deepcopy(r)
    pos = 0
    for mine, theirs in zip(list(r), list(after)):
        if mine.tag == W + "rPr":
            continue
        length = len(str(mine)) if mine.tag in (W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen",
                                                W + "ptab") else 0
        if pos + length <= k and not (length == 0 and pos >= k):
            after.remove(theirs)
        elif pos >= k:
            r.remove(mine)
        else:
            cut = k - pos
            theirs.text = mine.text[cut:]
            mine.text = mine.text[:cut]
            for t in (mine, theirs):
                t.set(XML_SPACE, "preserve")
        pos += length
    r.addnext(after)
