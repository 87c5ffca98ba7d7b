"""The values that flow between the steps: read → normalise → structure → evaluate → score → render.

All are frozen; positions are character offsets into the normalised text and become line/column only when
rendered (through Document.position, which maps back to the text as the user wrote it).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["pass", "partial", "fail", "skip"]
Severity = Literal["required", "recommended", "advisory"]
Level = Literal["province", "city", "county", "township", "department"]
LEVELS: tuple[str, ...] = ("province", "city", "county", "township", "department")

STATUS_POINTS: dict[str, int] = {"pass": 2, "partial": 1, "fail": 0}
NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of offsets in the normalised text."""
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class RawText:
    """What a reader produced: decoded text and how it was decoded."""

    source: str
    text: str
    encoding: str
    kind: str
    page_starts: tuple[int, ...] = ()
    properties: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything under it up to the next heading of the same or a higher rank."""

    number: str
    title: str
    rank: int
    heading: Span
    body: Span
    malformed: bool = False
    children: tuple[Section, ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.heading.start, self.body.end)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Signoff:
    """The 落款: issuing body and date at the end (kind "end"), a byline under the title ("byline"), or the 落款
    of a covering notice above the document it issues or sends ("notice")."""

    body: str | None
    date: str | None
    span: Span
    kind: Literal["end", "byline", "notice"] = "end"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the structure step read off a report: title, body, level, year, sign-off and genre."""
    title: str | None = None
    title_span: Span | None = None
    body: str | None = None
    level: str | None = None
    year: int | None = None
    signoff: Signoff | None = None
    published: str | None = None
    genre: str = "annual_report"


@dataclass(frozen=True, eq=False)
class Document:
    """A normalised document with its structure. `offsets[i]` is the raw index of text[i] (an array: a tuple
    of ints takes nine times the memory); `sentence_ends` are where its sentences end (checker.limits);
    `limits` lists the caps that applied to it, as (kind, offset) (checker.limits.MESSAGES)."""

    source: str
    kind: str
    encoding: str
    raw: str
    text: str
    offsets: Sequence[int]
    sections: tuple[Section, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    content: Span | None = None
    chrome: tuple[Span, ...] = ()
    page_starts: tuple[int, ...] = ()
    properties: tuple[tuple[str, str], ...] = ()
    sentence_ends: Sequence[int] = ()
    limits: tuple[tuple[str, int], ...] = ()

    def page(self, offset: int) -> int | None:
        """1-based page of a normalised offset, for sources that have pages (PDF); else None."""
        if not self.page_starts:
            return None
        raw_at = self.offsets[min(max(offset, 0), len(self.offsets) - 1)]
        return bisect_right(self.page_starts, raw_at) or 1

    def headings(self) -> list[Section]:
        """Every section in document order (a section, then its descendants); built once, not to be changed."""
        cached = self.__dict__.get("_headings")
        if cached is None:
            cached = [s for top in self.sections for s in top.walk()]
            object.__setattr__(self, "_headings", cached)
        return cached

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the raw text for a normalised offset."""
        raw_at = self.offsets[min(max(offset, 0), len(self.offsets) - 1)]
        starts = self._raw_line_starts
        line = bisect_right(starts, raw_at)
        return line, raw_at - starts[line - 1] + 1

    def raw_slice(self, span: Span) -> str:
        """The text of a span as the user wrote it."""
        end = self.offsets[span.end] if span.end < len(self.offsets) else len(self.raw)
        return self.raw[self.offsets[span.start]:end]

    @property
    def _raw_line_starts(self) -> Sequence[int]:
        """Where the raw text's lines start, up to the end of the part that was read (an array of 4-byte ints)."""
        cached = self.__dict__.get("_starts")
        if cached is None:
            end = self.offsets[-1] if len(self.offsets) else len(self.raw)
            cached = array("I" if end < 1 << 32 else "Q", [0])
            cached.extend(m.end() for m in NEWLINE.finditer(self.raw, 0, end))
            object.__setattr__(self, "_starts", cached)
        return cached


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote that decided an element. `before` and `after` are the lines around it as the user wrote them
    (bounded, see evaluate/surround.py), taken while the text is at hand so that a report can show the quote in
    context after the document's text is dropped."""

    line: int
    column: int
    text: str
    page: int | None = None
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class ElementResult:
    """One element judged on one document, with what the gap report says of it."""
    id: str
    title: str
    status: Status
    weight: float
    severity: Severity
    message: str
    suggestion: str
    basis: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()

    @property
    def points(self) -> int:
        return STATUS_POINTS.get(self.status, 0)


FindingSeverity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A defect a reviewer catches by eye (a blank figure, a skipped number, a wrong year), at a line and column."""

    check: str
    severity: FindingSeverity
    line: int
    column: int
    text: str
    message: str
    suggestion: str = ""


@dataclass(frozen=True, slots=True)
class Score:
    """The document's score, grade and gate verdict, with the reasons a gate failed."""
    total: float
    grade: str
    passed: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PackRef:
    """The pack a document was judged by, and why that one (the JSON report's `pack`)."""
    id: str
    version: str
    title: str = ""
    reason: str = ""


@dataclass(frozen=True, eq=False)
class Result:
    """Everything known about one audited source; `error` set means it could not be read."""

    source: str
    pack: PackRef | None = None
    document: Document | None = None
    elements: tuple[ElementResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    score: Score | None = None
    error: tuple[str, str] | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and self.score is not None and self.score.passed
