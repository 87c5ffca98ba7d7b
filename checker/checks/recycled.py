"""Text recycled from last year's report (`--baseline`): sentence by sentence, numbers and years ignored.

A sentence counts as copied when its spelling without figures equals a baseline sentence, or when nearly all of
its character 5-grams occur in one baseline sentence (an inverted index, so a 30 k-character pair takes
milliseconds, never pairwise edit distance). Reported: the share of copied text, each copied passage with both
line numbers, and the problems and plan sections when they are copied nearly unchanged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from checker.checks.base import Context, Covering
from checker.model import Document, Finding, Span
from checker.sentences import sentences

FIGURES = re.compile(r"\d+(?:\.\d+)?|[零一二三四五六七八九十百千万亿]+(?=[年月日次件个项人家场起份条名%])")
NOISE = re.compile(r"[\s,，。.;；:：、!！?？“”\"'‘’()（）《》【】\-—#%]")
N = 5


def key(text: str) -> str:
    return NOISE.sub("", FIGURES.sub("", text))


def shingles(k: str) -> set[str]:
    return {k[i:i + N] for i in range(max(1, len(k) - N + 1))}


@dataclass(frozen=True)
class Piece:
    """A sentence of a report (headings left out) and its normalised key: the unit compared across two years."""
    span: Span
    key: str


def pieces(doc: Document, min_chars: int) -> list[Piece]:
    content = doc.content or Span(0, len(doc.text))
    heads = Covering(s.heading for s in doc.headings())
    out = []
    for s in sentences(doc.text, content.start, content.end):
        k = key(doc.text[s.start:s.end])
        if len(k) >= min_chars and not heads.contains(s):
            out.append(Piece(s, k))
    return out


def match(current: list[Piece], baseline: list[Piece], threshold: float) -> list[Piece | None]:
    """For each current piece, the baseline piece it was copied from (or None)."""
    exact = {}
    for p in baseline:
        exact.setdefault(p.key, p)
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(baseline):
        for g in shingles(p.key):
            index[g].append(i)
    common = max(20, len(baseline) // 10)
    out: list[Piece | None] = []
    for p in current:
        if p.key in exact:
            out.append(exact[p.key])
            continue
        grams = shingles(p.key)
        votes: Counter[int] = Counter()
        for g in grams:
            hits = index.get(g)
            if hits and len(hits) <= common:
                votes.update(set(hits))
        best = None
        if votes:
            i, shared = votes.most_common(1)[0]
            other = shingles(baseline[i].key)
            overlap = len(grams & other)
            if overlap / len(grams) >= threshold and overlap / len(other) >= threshold * 0.75:
                best = baseline[i]
        out.append(best)
    return out


def validate(options: dict) -> list[tuple[str, str]]:
    return [(f"{key} 应在 0 到 1 之间，实际为 {options[key]}", f"例如 {key}: 0.8")
            for key in ("similarity", "warn_share", "section_share") if key in options and options[key] > 1]


def run(ctx: Context) -> Iterator[Finding]:
    base = ctx.baseline
    if base is None:
        return
    opts = ctx.options
    min_chars = int(opts.get("min_sentence_chars", 10))
    current = pieces(ctx.doc, min_chars)
    if not current:
        return
    pairs = match(current, pieces(base, min_chars), float(opts.get("similarity", 0.8)))
    total = sum(len(p.key) for p in current)
    copied = sum(len(p.key) for p, b in zip(current, pairs) if b is not None)
    share = copied / total if total else 0.0
    warn_share = float(opts.get("warn_share", 0.3))
    start = ctx.doc.meta.title_span.start if ctx.doc.meta.title_span else current[0].span.start
    count = sum(1 for b in pairs if b is not None)
    yield ctx.finding(start, start + 1, f"与上年报告相同或只改了数字的文字占{share:.0%}（{count}/{len(current)}句）",
                      severity=ctx.spec.severity if share >= warn_share else "info",
                      text=_source_name(base))
    yield from _passages(ctx, base, current, pairs, int(opts.get("min_passage_chars", 40)))
    section_share = float(opts.get("section_share", 0.6))
    names = {"problems": "存在的问题", "plan": "下一年度工作安排"}
    for scope in opts.get("sections", ("problems", "plan")):
        spans = Covering(ctx.scope(scope))
        inner = [(p, b) for p, b in zip(current, pairs) if spans.holds(p.span.start)]
        size = sum(len(p.key) for p, _ in inner)
        if size < min_chars * 3:
            continue
        same = sum(len(p.key) for p, b in inner if b is not None)
        if same / size >= section_share:
            first = inner[0][0].span
            base_line = next((base.position(b.span.start)[0] for _, b in inner if b is not None), None)
            yield ctx.finding(first.start, first.end,
                              f"“{names.get(scope, scope)}”部分{same / size:.0%}照搬上年报告（上年第{base_line}行起），"
                              "未结合本年度情况重写")


def _passages(ctx: Context, base: Document, current: list[Piece], pairs: list, min_passage: int):
    run_: list[tuple[Piece, Piece]] = []

    def flush():
        if run_ and sum(len(p.key) for p, _ in run_) >= min_passage:
            first, last = run_[0], run_[-1]
            line = ctx.doc.position(first[0].span.start)[0]
            end_line = ctx.doc.position(last[0].span.end - 1)[0]
            base_line = base.position(first[1].span.start)[0]
            base_end = base.position(last[1].span.end - 1)[0]
            here = f"第{line}行" if line == end_line else f"第{line}–{end_line}行"
            there = f"第{base_line}行" if base_line == base_end else f"第{base_line}–{base_end}行"
            yield ctx.finding(first[0].span.start, last[0].span.end,
                              f"{here}与上年报告{there}相同（{len(run_)}句，数字除外）", severity="info")
        run_.clear()

    heads = sorted(s.heading.start for s in ctx.doc.headings())
    previous_end = -1
    for p, b in zip(current, pairs):
        at = bisect_left(heads, previous_end)  # a passage stays within one section
        crosses = at < len(heads) and heads[at] < p.span.start
        if b is None or crosses:
            yield from flush()
        if b is not None:
            run_.append((p, b))
        previous_end = p.span.end
    yield from flush()


def _source_name(base: Document) -> str:
    return f"上年报告：{base.meta.title or base.source}"
