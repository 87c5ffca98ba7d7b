"""Last year's problems and promises (`--baseline`): for each shortcoming listed in last year's report, is there
this year's work on it, or is it listed again; for each task of last year's plan, is it reported as done.

Items come from the pack's scopes in last year's report (checker.checks.items); work is looked for sentence by
sentence in this year's achievements (not in its plan, not a future or a negated sentence: 未能如期启动 is not
done, and 方案已报待批复 is work on a problem but not the promise kept), and repeats among this year's problems.
Items and sentences meet by topic, not by spelling (checker.checks.likeness). All findings stand at the title line
and read as one table: what was not followed up (warnings, in last year's order), then what was, each with this
year's line, then the count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker import segment
from checker.checks.base import Context, Covering
from checker.checks.items import Item, items
from checker.checks.likeness import Candidates, Likeness
from checker.checks.topics import topic_words
from checker.evaluate.context import DocContext
from checker.model import Document, Finding, Span
from checker.sentences import sentences

NOT_DONE = re.compile(r"未能|尚未|暂未|没有|未按|未如期|未启动|未完成|推迟|延期|搁置")
IN_PROGRESS = re.compile(r"正在|待批复|待.{1,6}后|预计|即将|筹备|谋划|已报|报批")
QUOTE_CHARS = 24
TITLE_CHARS = 16
ENUMERATED = re.compile(r"[一二三四五六七八九十]是|\d{1,2}[.、]|\(\d{1,2}\)|[①②③④⑤⑥⑦⑧⑨⑩]")


@dataclass(frozen=True)
class _Match:
    """Where this year's report takes up a point of last year's: its line and sentence."""
    line: int
    text: str


def run(ctx: Context) -> Iterator[Finding]:
    base = ctx.baseline
    if base is None:
        return
    opts = ctx.options
    problems_scope, plan_scope = opts.get("problems_scope", "problems"), opts.get("plan_scope", "plan")
    base_view = DocContext(base, ctx.pack)
    problems = items(base, _scope(base_view, problems_scope))
    promises = items(base, _scope(base_view, plan_scope))
    if not problems and not promises:
        return
    work = _work(ctx, opts.get("work_scope", "achievements"))
    said = [ctx.text[s.start:s.end] for s in work]
    now_problems, now_plan = items(ctx.doc, ctx.scope(problems_scope)), items(ctx.doc, ctx.scope(plan_scope))
    segment.learn(ctx.pack.vocabulary)
    likeness = Likeness([i.text for i in (*problems, *promises, *now_problems, *now_plan)] + said,
                        frozenset(topic_words(ctx.pack)))
    now = _ThisYear(_Items(now_problems, Candidates(likeness, [i.text for i in now_problems])),
                    _Items(now_plan, Candidates(likeness, [i.text for i in now_plan])),
                    work, Candidates(likeness, said),
                    [bool(NOT_DONE.search(t)) for t in said], [bool(IN_PROGRESS.search(t)) for t in said])
    bars = float(opts.get("work_similarity", 0.15)), float(opts.get("again_similarity", 0.15))
    start = ctx.doc.meta.title_span.start if ctx.doc.meta.title_span else (ctx.doc.content or Span(0, 1)).start
    counts = {"work": 0, "again": 0, "none": 0, "done": 0, "open": 0}
    for item in problems:
        detail, severity, again = _problem(ctx, item, now, bars, counts)
        yield ctx.finding(start, start + 1, detail, severity=severity, text=base.raw_slice(item.span),
                          suggestion=_problem_advice(again))
    for item in promises:
        detail, severity = _promise(ctx, item, now, bars, counts)
        yield ctx.finding(start, start + 1, detail, severity=severity, text=base.raw_slice(item.span),
                          suggestion="写明上年安排的这项工作本年做了什么、结果如何；未完成的说明原因和下一步打算。")
    yield ctx.finding(start, start + 1, _summary(len(problems), len(promises), counts), severity="info",
                      text=f"上年报告：{base.meta.title or base.source}")


@dataclass(frozen=True)
class _Items:
    """The items of one part (problems or plan), with their words indexed for matching."""
    items: list[Item]
    candidates: Candidates


@dataclass(frozen=True)
class _ThisYear:
    """What this year's report is searched for: its problems and plan, and the sentences that may report work."""
    problems: _Items
    plan: _Items
    work: list[Span]             # sentences that may report work
    candidates: Candidates       # the same sentences, indexed by their words
    not_done: list[bool]         # 未能如期启动
    in_progress: list[bool]      # 正在装修，预计明年投入使用


def _problem(ctx: Context, item: Item, now: _ThisYear, bars: tuple[float, float],
             counts: dict[str, int]) -> tuple[str, str | None, bool]:
    """The row for one of last year's problems: (detail, severity or None for the check's, listed again)."""
    fixed = _best(ctx, item, now, bars[0], task=False)
    again = _best_item(ctx.doc, item, now.problems, bars[1])
    counts["work" if fixed else "none"] += 1
    counts["again"] += again is not None
    head = f"上年报告提出的问题“{item.title}”（上年第{ctx.baseline.position(item.span.start)[0]}行），"
    if fixed and again:
        return f"{head}本年第{fixed.line}行有整改工作：“{fixed.text}”，第{again.line}行仍列为问题", "info", True
    if fixed:
        return f"{head}本年第{fixed.line}行有整改工作：“{fixed.text}”", "info", False
    if again:
        return f"{head}本年再次列为问题（第{again.line}行），未见整改情况", None, True
    return f"{head}本年报告未见整改情况", None, False


def _promise(ctx: Context, item: Item, now: _ThisYear, bars: tuple[float, float],
             counts: dict[str, int]) -> tuple[str, str | None]:
    """The row for one task of last year's plan: (detail, severity or None for the check's)."""
    done = _best(ctx, item, now, bars[0], task=True)
    counts["done" if done else "open"] += 1
    head = f"上年报告安排的“{item.title}”（上年第{ctx.baseline.position(item.span.start)[0]}行），"
    if done:
        return f"{head}本年第{done.line}行已见落实：“{done.text}”", "info"
    return f"{head}本年报告未见落实情况{_where_else(ctx.doc, item, now, bars[1])}", None


def validate(options: dict) -> list[tuple[str, str]]:
    return [(f"{key} 应在 0 到 1 之间，实际为 {options[key]}", f"例如 {key}: 0.15")
            for key in ("work_similarity", "again_similarity") if key in options and options[key] > 1]


def _scope(view: DocContext, name: str) -> tuple[Span, ...]:
    return view.scope(name) if name in view.pack.scopes else ()


def _work(ctx: Context, scope: str) -> list[Span]:
    """This year's sentences that may report work done: in the achievements, not about the future, not headings.
    A short title inside a paragraph (二是加强行政应诉。) goes with the sentence after it, which says what was done."""
    future = Covering(ctx.scope("future"))
    heads = {s.heading.start for s in ctx.doc.headings()}
    out: list[Span] = []
    for span in ctx.scope(scope):
        title: Span | None = None
        for s in sentences(ctx.text, span.start, span.end):
            if len(s) < 6 or s.start in heads or future.holds(s.start):
                title = None
                continue
            if title is not None and "\n" not in ctx.text[title.end:s.start]:
                s = Span(title.start, s.end)
            title = s if len(s) <= TITLE_CHARS and ENUMERATED.match(ctx.text, s.start) else None
            if title is None:
                out.append(s)
    return out


def _best(ctx: Context, item: Item, now: _ThisYear, bar: float, task: bool) -> _Match | None:
    """The sentence most like the item, at least `bar` alike; for a task (a promise), work in progress is not it,
    nor a sentence that shares only the name of the task's field."""
    likeness = now.candidates.likeness
    for score, i in now.candidates.ranked(item.text):
        if score < bar:
            return None
        if now.not_done[i] or task and now.in_progress[i]:
            continue
        if task and not likeness.similarity(item.text, now.candidates.texts[i], task=True):
            continue
        return _Match(ctx.doc.position(now.work[i].start)[0], _quote(ctx.doc, now.work[i]))
    return None


def _best_item(doc: Document, item: Item, others: _Items, bar: float) -> _Match | None:
    """This year's problem or plan item most like `item`, at least `bar` alike."""
    ranked = others.candidates.ranked(item.text)
    if not ranked or ranked[0][0] < bar:
        return None
    best = others.items[ranked[0][1]]
    return _Match(doc.position(best.span.start)[0], best.title)


def _where_else(doc: Document, item: Item, now: _ThisYear, bar: float) -> str:
    """Where an unkept promise shows up instead: as this year's problem, or again in the plan."""
    as_problem = _best_item(doc, item, now.problems, bar)
    if as_problem:
        return f"，本年第{as_problem.line}行列为问题"
    again = _best_item(doc, item, now.plan, bar)
    return f"，本年第{again.line}行再次列入工作安排" if again else ""


def _quote(doc: Document, span: Span) -> str:
    said = " ".join(doc.raw_slice(span).split())
    return said if len(said) <= QUOTE_CHARS else said[:QUOTE_CHARS - 1] + "…"


def _problem_advice(again: bool) -> str:
    if again:
        return "上年的问题本年仍然存在的，写明本年采取了哪些整改措施、进展如何、为什么还没有解决。"
    return "写明上年报告提出的问题本年如何整改、效果如何；已经解决的可以说明。"


def _summary(problems: int, promises: int, counts: dict[str, int]) -> str:
    parts = []
    if problems:
        parts.append(f"上年报告提出问题{problems}项：本年有整改工作{counts['work']}项，未见整改{counts['none']}项，"
                     f"再次列为问题{counts['again']}项")
    if promises:
        parts.append(f"上年报告安排工作{promises}项：已见落实{counts['done']}项，未见落实{counts['open']}项")
    return "；".join(parts)
