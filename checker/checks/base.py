"""What every check shares: the document seen through the pack, a way to turn a span into a Finding.

A check is a function `run(ctx) -> Iterable[Finding]`; it reads `ctx.doc` (normalised text, sections,
metadata), `ctx.spec` (severity, wording, options from the pack) and, for recycled text, `ctx.baseline`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING

from checker.model import Document, Finding, Span
from checker.packs.model import BUILTIN_SCOPES, CheckSpec, Pack
from checker.packs.schema import Field

if TYPE_CHECKING:
    from checker.evaluate.context import DocContext

TEXT_LIMIT = 60


@dataclass(frozen=True)
class CheckDef:
    """A check the code knows: its id, the function that runs it and the options a pack may set."""

    id: str
    run: Callable[[Context], Iterable[Finding]]
    options: tuple[Field, ...] = ()
    defaults: dict | None = None
    needs_baseline: bool = False
    validate: Callable[[dict], list[tuple[str, str]]] | None = None  # options → [(what is wrong, what to write)]


class Context:
    def __init__(self, doc: Document, pack: Pack, spec: CheckSpec, baseline: Document | None = None,
                 evaluation: DocContext | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.pack = pack
        self.spec = spec
        self.baseline = baseline
        self._evaluation = evaluation  # shared by the checks of a document (run_checks): its scopes are found once

    @property
    def options(self) -> dict:
        return self.spec.options

    @property
    def evaluation(self) -> DocContext:
        """The evaluation context the checks ask for scopes and sentences; made on first use when none is shared."""
        if self._evaluation is None:
            from checker.evaluate.context import DocContext

            self._evaluation = DocContext(self.doc, self.pack)
        return self._evaluation

    @cached_property
    def content(self) -> tuple[Span, ...]:
        return self.evaluation.document

    @cached_property
    def _content_covering(self) -> Covering:
        return Covering(self.content)

    def sentences(self, span: Span) -> Iterator[Span]:
        """checker.sentences.sentences of the span, found once for all the checks of a document."""
        return self.evaluation.stripped_sentences(span)

    def in_content(self, offset: int) -> bool:
        """Whether offset is in the content: asked once per match by some checks, so a bisection (the content is
        one span minus the web-page chrome, which may be many lines)."""
        return self._content_covering.holds(offset)

    def scope(self, name: str) -> tuple[Span, ...]:
        if name in self.pack.scopes or name in BUILTIN_SCOPES:
            return self.evaluation.scope(name)
        return ()

    def finding(self, start: int, end: int, detail: str = "", severity: str | None = None,
                text: str | None = None, suggestion: str | None = None, shown: Span | None = None) -> Finding:
        """A finding at `start`; its text is `text`, else the user's own spelling of `shown` (or of start–end,
        cut at the end of the line)."""
        line, column = self.doc.position(start)
        if text is None and shown is not None:
            text = self.doc.raw_slice(shown)
        if text is None:
            stop = self.text.find("\n", start, end)
            text = self.doc.raw_slice(Span(start, max(stop if stop != -1 else end, start + 1)))
        shown = _clip(text)
        message = f"{self.spec.message}：{detail}" if detail else self.spec.message
        return Finding(check=self.spec.id, severity=severity or self.spec.severity, line=line, column=column,
                       text=shown, message=message, suggestion=suggestion or self.spec.suggestion)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LIMIT else text[:TEXT_LIMIT - 1] + "…"


class Covering:
    """Spans asked, once per sentence, whether one of them holds an offset or a span: a bisection over their starts
    with the furthest end reached so far, so that a check stays linear in the document (spans may overlap)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        self._reach = list(accumulate((s.end for s in ordered), max))

    def holds(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and self._reach[i] > offset

    def contains(self, span: Span) -> bool:
        i = bisect_right(self._starts, span.start) - 1
        return i >= 0 and self._reach[i] >= span.end

    def overlaps(self, span: Span) -> bool:
        """One of the spans shares a character with span (a.start < span.end and span.start < a.end)."""
        i = bisect_left(self._starts, span.end) - 1
        return i >= 0 and self._reach[i] > span.start
