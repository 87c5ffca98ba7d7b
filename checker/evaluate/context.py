"""Everything a matcher asks of a document, computed once per (document, pack): scopes, sentences, term
hits with word boundaries, figures, and the guards that refuse false credit (each guard says why, for traces)."""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property, lru_cache
from operator import attrgetter

from checker.evaluate.figures import find_figures
from checker.evaluate.firstchars import with_first_chars
from checker.model import Document, Span
from checker.normalise import index_array
from checker.packs.model import Lexicon, Pack, ScopeSpec
from checker.segment import aligned, learn, runs
from checker.sentences import CLAUSE_END, CLAUSE_END_NOT_LIST, sentences

TITLE_BOOK = re.compile(r"《[^《》\n]{1,60}》")
QUOTED_LIST = re.compile(r"“[^“”\n]{2,200}”")
LIST_ITEM_END = re.compile(r"、|等|和|及")
LIST_SLACK = 4
NON_SPACE = re.compile(r"\S")
PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")  # a line with text
OPENING_PARAGRAPHS = 3  # a preamble longer than this before the first heading is the report, not a preamble
GUARD_ORDER = ("title", "list", "future", "problem", "negation")  # blocked() asks them in this order


class DocContext:
    """One document as seen by one pack. Matchers call its methods; it never prints or reads files."""

    def __init__(self, doc: Document, pack: Pack) -> None:
        self.doc = doc
        self.text = doc.text
        self.pack = pack
        self.lexicon: Lexicon = pack.lexicon
        # the lexicon's future marker, asked of every sentence (and by the checks): with its first characters in front
        self.future_marker = with_first_chars(self.lexicon.future)
        self._scopes: dict[object, tuple[Span, ...]] = {}
        self._vocabulary_taught = False
        # Per-document memos: many matchers ask the same questions about the same hits and sentences.
        self._blocked: dict[tuple[int, int, frozenset[str]], str | None] = {}
        self._future_memo: dict[int, str | None] = {}
        self._scope_union: dict[tuple[str, ...], tuple[Span, ...]] = {}
        self._titles: dict[int, list[tuple[int, int]]] = {}
        self._quoted_lists: dict[int, list[tuple[int, int]]] = {}
        self._has_figure: dict[tuple[int, int], bool] = {}
        self._sentence_at: dict[int, Span] = {}
        self._clause_at: dict[int, Span] = {}
        self._words: dict[tuple[int, int], bool] = {}
        self._stripped_sentences: dict[Span, tuple[array, array]] = {}

    # -- scopes ---------------------------------------------------------------------------------------------
    @cached_property
    def document(self) -> tuple[Span, ...]:
        """The content between title and sign-off, minus web-page chrome."""
        content = self.doc.content or Span(0, len(self.text))
        return subtract((content,), self.doc.chrome)

    def scope(self, spec: str | ScopeSpec | None) -> tuple[Span, ...]:
        if spec is None or spec == "document":
            return self.document
        if spec == "future":
            return self.future_sentences
        if spec == "opening":
            return self.opening
        key = spec if isinstance(spec, str) else id(spec)
        if key not in self._scopes:
            resolved = self.pack.scopes[spec] if isinstance(spec, str) else spec
            self._scopes[key] = self._resolve(resolved)
        return self._scopes[key]

    @cached_property
    def text_start(self) -> int | None:
        """Where the content's text begins: past the page's chrome (字号, 发布时间, a 索引号 table) and blank lines;
        None when the content has no text."""
        return next((m.start() for span in self.document if (m := NON_SPACE.search(self.text, span.start, span.end))),
                    None)

    @cached_property
    def opening(self) -> tuple[Span, ...]:
        """The preamble before the first heading (a salutation, 20××年，坚持……, 现将……报告如下): up to three
        paragraphs, else the first one. Without headings there is no telling a preamble from the report."""
        headings = self.doc.headings()
        end = headings[0].heading.start if headings else 0
        start = self.text_start
        if start is None or start >= end:
            return ()
        if sum(1 for _ in itertools.islice(self._paragraphs(start, end), OPENING_PARAGRAPHS + 1)) > OPENING_PARAGRAPHS:
            end = self.text.find("\n", start, end)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return intersect((Span(start, end),), self.document) if end > start else ()

    def _paragraphs(self, start: int, end: int) -> Iterator[int]:
        """Where each line with text between start and end begins, lazily. Blank lines (a Word export's) and the
        page's chrome (a 来源 or 发布时间 field between the title and the preamble) are no paragraphs."""
        last = -1
        for piece in intersect((Span(start, end),), self.document):
            for m in PARAGRAPH.finditer(self.text, piece.start, piece.end):
                line = self.text.rfind("\n", 0, m.start()) + 1
                if line != last:
                    last = line
                    yield line

    @cached_property
    def future_sentences(self) -> tuple[Span, ...]:
        """Sentences about the future: in a plan section, with a future marker, or naming next year; one that opens
        its paragraph takes the rest of the line with it. One pass over the sentences in text order, so the plan
        scope is walked alongside them instead of searched for each (a long report has tens of thousands)."""
        ends, text, memo = self.doc.sentence_ends, self.text, self._future_memo
        plan = self.scope_spans(self.lexicon.future_scopes)
        j = 0
        out = []
        for span in self.document:
            pos = span.start
            while pos < span.end:
                start, end = _sentence_around(ends, len(text), pos)
                while j + 1 < len(plan) and plan[j + 1].start <= start:
                    j += 1
                if start in memo:
                    reason = memo[start]
                else:
                    in_plan = bool(plan) and plan[j].start <= start and end <= plan[j].end
                    reason = memo[start] = self._future_reason(start, end, in_plan)
                if reason:
                    stop = end
                    if self._opens_paragraph(start):
                        newline = text.find("\n", start)
                        stop = newline if newline != -1 else len(text)
                    out.append(Span(max(start, span.start), min(stop, span.end)))
                    end = max(stop, end)
                pos = max(end, pos + 1)
        return merge(out)

    def _opens_paragraph(self, start: int) -> bool:
        return start == 0 or self.text[start - 1] == "\n" or \
            not self.text[self.text.rfind("\n", 0, start) + 1:start].strip()

    def _resolve(self, spec: ScopeSpec) -> tuple[Span, ...]:
        spans: tuple[Span, ...] = self.document
        if spec.headings:
            spans = intersect(merge(self._sections_matching(spec.headings)), spans)
        if spec.union:
            parts = [s for name in spec.union for s in self.scope(name)]
            spans = merge([*(spans if spec.headings else ()), *parts])
        for name in spec.exclude:
            spans = subtract(spans, self.scope(name))
        return spans

    def _sections_matching(self, patterns) -> list[Span]:
        """The outermost sections whose title matches. Headings come in document order, a section's descendants
        right after it, so a section inside a matched one is inside the last one matched."""
        out: list[Span] = []
        for section in self.doc.headings():
            if out and out[-1].contains(section.span):
                continue
            if any(p.search(section.title) for p in patterns):
                out.append(section.span)
        return out

    def sections_matching(self, patterns, within: tuple[Span, ...]):
        """Sections whose title matches and whose heading lies in within (sorted and disjoint, as scopes are)."""
        return [s for s in self.doc.headings()
                if any(p.search(s.title) for p in patterns) and _inside_sorted(s.heading, within)]

    # -- sentences ------------------------------------------------------------------------------------------
    def sentence_of(self, offset: int) -> Span:
        """The sentence around offset: sentence i ends at doc.sentence_ends[i], the last one at the end of the
        text (a sentence is never longer than checker.limits.MAX_SENTENCE_CHARS)."""
        span = self._sentence_at.get(offset)
        if span is None:  # found once per offset: the guards ask about the same hits again and again
            span = self._sentence_at[offset] = Span(*_sentence_around(self.doc.sentence_ends, len(self.text), offset))
        return span

    def sentences(self, spans: tuple[Span, ...]) -> Iterator[Span]:
        """Each sentence that starts in the spans, once, clipped to its span (sentence_of's sentences, found by
        walking the sentence ends instead of looking each one up)."""
        ends, length = self.doc.sentence_ends, len(self.text)
        for span in spans:
            pos = span.start
            while pos < span.end:
                start, end = _sentence_around(ends, length, pos)
                yield Span(max(start, span.start), min(end, span.end))
                pos = max(end, pos + 1)

    def stripped_sentences(self, span: Span) -> Iterator[Span]:
        """checker.sentences.sentences of the span (stripped of spaces, long ones in pieces), as the checks read
        them: found once for the checks that share this context, and kept as two arrays of offsets (8 bytes a
        sentence, where a list of spans would take 64)."""
        found = self._stripped_sentences.get(span)
        if found is None:
            starts, ends = index_array(len(self.text)), index_array(len(self.text))
            for sentence in sentences(self.text, span.start, span.end):
                starts.append(sentence.start)
                ends.append(sentence.end)
            found = self._stripped_sentences[span] = (starts, ends)
        return map(Span, *found)

    @cached_property
    def _clause_breaks(self) -> array:
        return _starts(CLAUSE_END, self.text)

    @cached_property
    def _clause_breaks_no_list(self) -> array:
        return _starts(CLAUSE_END_NOT_LIST, self.text)

    def clause_of(self, offset: int) -> Span:
        """From just after the last clause break before offset to the next break at or after it, in its sentence."""
        span = self._clause_at.get(offset)
        if span is None:
            sentence = self.sentence_of(offset)
            span = self._clause_at[offset] = Span(_after_break(self._clause_breaks, sentence.start, offset),
                                                  _next_break(self._clause_breaks, offset, sentence.end))
        return span

    # -- term hits ------------------------------------------------------------------------------------------
    def find(self, pattern: re.Pattern[str], spans: tuple[Span, ...], word: bool,
             exceptions: tuple[str, ...] = ()) -> Iterator[Span]:
        """Hits of a compiled alternation in the spans, in order, with word boundaries and substring exceptions
        applied; lazily, so that a sentence is segmented only if a matcher still needs its hits."""
        text = self.text
        for span in spans:
            for m in pattern.finditer(text, span.start, span.end):
                start, end = m.span()
                if exceptions and self.exception_at(start, end, exceptions):
                    continue
                if word and not self._word(start, end):
                    continue
                yield Span(start, end)

    @cached_property
    def _runs(self) -> tuple[array, array]:
        """Where the runs segmented for word boundaries start and end (segment.runs), each list made in C: a report
        has thousands of runs, and a loop in Python over them cost about a fifth of a millisecond."""
        starts, ends = index_array(len(self.text)), index_array(len(self.text))
        starts.extend(map(re.Match.start, runs(self.text)))
        ends.extend(map(re.Match.end, runs(self.text)))
        return starts, ends

    def _word(self, start: int, end: int) -> bool:
        """Word boundaries from the segmentation of the run (of Chinese, letters and digits) around the hit, within
        the hit's sentence: a run is never longer than a sentence of real text, and so a hostile one costs no more.
        Memoised: matchers that share a term ask about its hits again."""
        key = (start, end)
        found = self._words.get(key)
        if found is None:
            if not self._vocabulary_taught:
                learn(self.pack.vocabulary)
                self._vocabulary_taught = True
            starts, ends = self._runs
            i = bisect_right(starts, start) - 1
            if i < 0 or ends[i] <= start:
                found = True
            else:
                sentence = self.sentence_of(start)
                run_start, run_end = max(starts[i], sentence.start), min(ends[i], sentence.end)
                found = aligned(self.text[run_start:run_end], start - run_start, end - run_start)
            self._words[key] = found
        return found

    def is_word(self, hit: Span) -> bool:
        return self._word(hit.start, hit.end)

    def around(self, hit: Span, chars: int = 4) -> str:
        """The hit with a few characters either side in its line, as a trace quotes it."""
        start = max(self.text.rfind("\n", 0, hit.start) + 1, hit.start - chars)
        end = self.text.find("\n", hit.end)
        return self.text[start:min(hit.end + chars, end if end != -1 else len(self.text))]

    def exception_at(self, start: int, end: int, exceptions: tuple[str, ...]) -> str | None:
        """The first `except` phrase the hit from start to end lies inside, or None. A phrase can hold the hit only
        where the hit's word is part of it, so only those places are compared (most phrases hold none)."""
        text = self.text
        for phrase, at in _places_in(text[start:end], exceptions):
            if at <= start and text.startswith(phrase, start - at):
                return phrase
        return None

    # -- figures --------------------------------------------------------------------------------------------
    def figures(self, spans: tuple[Span, ...], strict: bool) -> list[Span]:
        units = self.pack.figure_units
        return [Span(a, b) for span in spans for a, b in find_figures(self.text, span.start, span.end, strict, units)]

    def has_figure(self, span: Span) -> bool:
        """Memoised: the hits of one sentence ask about the same window (linear cost in a hostile long one)."""
        key = (span.start, span.end)
        found = self._has_figure.get(key)
        if found is None:
            found = bool(find_figures(self.text, span.start, span.end, False, self.pack.figure_units))
            self._has_figure[key] = found
        return found

    # -- guards ---------------------------------------------------------------------------------------------
    def blocked(self, hit: Span, guards: frozenset[str]) -> str | None:
        """The first guard that refuses credit for this hit, or None if the hit is a real statement of work."""
        key = (hit.start, hit.end, guards)
        if key not in self._blocked:
            self._blocked[key] = self._first_guard(hit, guards)
        return self._blocked[key]

    def _first_guard(self, hit: Span, guards: frozenset[str]) -> str | None:
        if "title" in guards and self._in_title(hit):
            return "title"
        if "list" in guards and self._in_list(hit):
            return "list"
        if "future" in guards and self._future(hit):
            return "future"
        if "problem" in guards and self._problem(hit):
            return "problem"
        if "negation" in guards and self._negated(hit):
            return "negation"
        return None

    def guard_reasons(self, hit: Span, guards: frozenset[str]) -> list[tuple[str, str | None]]:
        """Every guard of the set on this hit, in the order blocked() asks them: (name, why it refuses or None)."""
        ask = {"title": self._in_title, "list": self._in_list, "future": self._future, "problem": self._problem,
               "negation": self._negated}
        return [(name, ask[name](hit)) for name in GUARD_ORDER if name in guards]

    def scopes_at(self, hit: Span, labels: dict[str, str]) -> str:
        """The pack's named scopes the hit lies in, as a trace names them."""
        names = [labels.get(name, name) for name in self.pack.scopes
                 if _inside_sorted(hit, merge(list(self.scope(name))))]
        if _inside_sorted(hit, self.future_sentences):
            names.append("计划性表述")
        if not _inside_sorted(hit, self.document):
            return "标题、落款或网页框架（不在正文中）"
        return "、".join(names) or "正文（不属于任何命名部分）"

    def _in_title(self, hit: Span) -> str | None:
        """Inside a document or law title: 《行政复议法》 studied is not 行政复议 work."""
        for a, b in self._per_sentence(TITLE_BOOK, self._titles, hit):
            if a <= hit.start and hit.end <= b:
                return f"在{self.text[a:b]}中"
        return None

    def _in_list(self, hit: Span) -> str | None:
        """One item of an enumeration (调解、诉讼、仲裁、行政复议等) or of a quoted list of project names."""
        for a, b in self._per_sentence(QUOTED_LIST, self._quoted_lists, hit):
            if a <= hit.start and hit.end <= b and (self.text.count("、", a, b) >= 2 or b - a > 30):
                return f"是引号中名单{_quote(self.text[a + 1:b - 1])}的一项"
        clause_start = self.clause_start(hit.start)
        clause_end = self.clause_end(hit.end)
        if self.text.count("、", clause_start, clause_end) < 2:
            return None
        item_start = max(self.text.rfind("、", clause_start, hit.start) + 1, clause_start)
        m = LIST_ITEM_END.search(self.text, hit.end, clause_end)
        item_end = m.start() if m else clause_end
        touches = self.text[item_start - 1:item_start] == "、" or (m is not None and m.group() == "、")
        if touches and (hit.start - item_start) + (item_end - hit.end) <= LIST_SLACK:
            return f"是列举{_quote(self.text[clause_start:clause_end])}中的一项"
        return None

    def _per_sentence(self, pattern: re.Pattern[str], memo: dict[int, list[tuple[int, int]]],
                      hit: Span) -> list[tuple[int, int]]:
        """The matches of pattern inside the hit's sentence, found once per sentence."""
        sentence = self.sentence_of(hit.start)
        found = memo.get(sentence.start)
        if found is None:
            found = [m.span() for m in pattern.finditer(self.text, sentence.start, sentence.end)]
            memo[sentence.start] = found
        return found

    def clause_start(self, offset: int) -> int:
        """Like clause_of, but 、 does not break (an enumeration stays one clause)."""
        return _after_break(self._clause_breaks_no_list, self.sentence_of(offset).start, offset)

    def clause_end(self, offset: int) -> int:
        return _next_break(self._clause_breaks_no_list, offset, self.sentence_of(offset).end)

    def _future(self, hit: Span) -> str | None:
        sentence = self.sentence_of(hit.start)
        if _inside_sorted(hit, self.future_sentences):
            return self._future_marked(sentence) or "所在段落以计划性表述开头"
        return self._future_marked(sentence)

    def _future_marked(self, sentence: Span) -> str | None:
        """In a plan section, or a sentence with a future marker or naming next year; a work plan throughout."""
        if sentence.start not in self._future_memo:
            self._future_memo[sentence.start] = self._future_marked_now(sentence)
        return self._future_memo[sentence.start]

    def _future_marked_now(self, sentence: Span) -> str | None:
        in_plan = _inside_sorted(sentence, self.scope_spans(self.lexicon.future_scopes))
        return self._future_reason(sentence.start, sentence.end, in_plan)

    def _future_reason(self, start: int, end: int, in_plan: bool) -> str | None:
        if self.doc.meta.genre == "work_plan":
            return "全文是工作计划"
        if in_plan:
            return f"在{self._labels(self.lexicon.future_scopes)}部分（lexicon 的 future_scopes）"
        text = self.text[start:end]
        m = self.future_marker.search(text)
        if m:
            return f"句中有“{m.group()}”"
        m = self._next_year.search(text) if self._next_year else None
        return f"句中提到下一年度“{m.group()}”" if m else None

    @cached_property
    def _next_year(self) -> re.Pattern[str] | None:
        """Next year, but not the end of a period (《规划（2021—2025年）》, 2023-2025年) nor a date that has passed."""
        year = self.doc.meta.year
        if not year:
            return None
        return with_first_chars(re.compile(rf"(?<![\d—–\-~至到]){year + 1}年(?!\d{{1,2}}月\d{{1,2}}日)"))

    def _labels(self, names: tuple[str, ...]) -> str:
        labels = self.pack.scope_labels
        return "、".join(labels.get(name, name) for name in names)

    def _problem(self, hit: Span) -> str | None:
        if _inside_sorted(hit, self.scope_spans(self.lexicon.problem_scopes)):
            return f"在{self._labels(self.lexicon.problem_scopes)}部分（lexicon 的 problem_scopes）"
        clause = self.clause_of(hit.start)
        after = self.text[hit.end:self.sentence_of(hit.start).end]
        m = self.lexicon.deficiency.match(after)
        return f"后接“{m.group()}”（lexicon 的 deficiency）" if m and clause.end >= hit.end else None

    def _negated(self, hit: Span) -> str | None:
        clause = self.clause_of(hit.start)
        before = self.text[clause.start:hit.start]
        after = self.text[hit.end:clause.end]
        m = self.lexicon.negation_before.search(before)
        if m:
            return f"前有“{m.group()}”（lexicon 的 negation_before）"
        m = self.lexicon.negation_after.match(after)
        return f"后接“{m.group()}”（lexicon 的 negation_after）" if m else None

    def scope_spans(self, names: tuple[str, ...]) -> tuple[Span, ...]:
        """The union of named scopes, merged: sorted and disjoint."""
        if names not in self._scope_union:
            self._scope_union[names] = merge([span for name in names for span in self.scope(name)])
        return self._scope_union[names]


@lru_cache(maxsize=4096)
def _places_in(word: str, phrases: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """(phrase, offset) for every place where word lies in one of the phrases, in the phrases' order."""
    out = []
    for phrase in phrases:
        at = phrase.find(word)
        while at != -1:
            out.append((phrase, at))
            at = phrase.find(word, at + 1)
    return tuple(out)


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def _sentence_around(ends, length: int, offset: int) -> tuple[int, int]:
    """Start and end of the sentence around offset: sentence i ends at ends[i], the last one at length."""
    i = bisect_right(ends, offset)
    return ends[i - 1] if i else 0, ends[i] if i < len(ends) else length


def _inside_sorted(hit: Span, spans: tuple[Span, ...]) -> bool:
    """hit lies within one of spans, which are sorted and disjoint (as merge returns them)."""
    i = bisect_right(spans, hit.start, key=_start) - 1
    return i >= 0 and spans[i].contains(hit)


_start = attrgetter("start")  # bisect's key, called at every step: a C getter, not a Python function


def _starts(pattern: re.Pattern[str], text: str) -> array:
    out = index_array(len(text))
    out.extend(map(re.Match.start, pattern.finditer(text)))
    return out


def _after_break(breaks: array, floor: int, offset: int) -> int:
    """Just after the last break character before offset, or floor if there is none at or after floor."""
    i = bisect_left(breaks, offset) - 1
    return max(breaks[i] + 1, floor) if i >= 0 else floor


def _next_break(breaks: array, offset: int, ceiling: int) -> int:
    """The first break character at or after offset, or ceiling if there is none before it."""
    i = bisect_left(breaks, offset)
    return min(breaks[i], ceiling) if i < len(breaks) else ceiling


def merge(spans: list[Span]) -> tuple[Span, ...]:
    """The spans sorted, with overlapping and touching ones joined: sorted and disjoint."""
    out: list[Span] = []
    for span in sorted(spans, key=_start):
        if out and span.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return tuple(out)


def intersect(a: tuple[Span, ...], b: tuple[Span, ...]) -> tuple[Span, ...]:
    """Where a and b overlap, merged; one pass over both once each is merged (sorted and disjoint)."""
    a, b = merge(list(a)), merge(list(b))
    out: list[Span] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i].start, b[j].start), min(a[i].end, b[j].end)
        if lo < hi:
            out.append(Span(lo, hi))
        if a[i].end < b[j].end:
            i += 1
        else:
            j += 1
    return merge(out)


def subtract(a: tuple[Span, ...], b: tuple[Span, ...]) -> tuple[Span, ...]:
    """a (sorted by start) without what b covers, in one pass: b is merged first; an empty cut removes nothing."""
    cuts = merge([cut for cut in b if cut.start < cut.end])
    out: list[Span] = []
    j = 0
    for span in a:
        while j < len(cuts) and cuts[j].end <= span.start:
            j += 1
        pos, k = span.start, j
        while k < len(cuts) and cuts[k].start < span.end:
            if pos < cuts[k].start:
                out.append(Span(pos, cuts[k].start))
            pos = max(pos, cuts[k].end)
            k += 1
        if pos < span.end:
            out.append(Span(pos, span.end))
    return tuple(out)
