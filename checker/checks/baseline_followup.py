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
from checker.checks.base import Context, inside
from checker.checks.items import Item, items
from checker.checks.likeness import Likeness
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
    line: int
    text: str


def run(ctx: Context) -> Iterator[Finding]:
    base = ctx.baseline
    if base is None:
        return
    opts = ctx.options
    base_view = DocContext(base, ctx.pack)
    problems = items(base, _scope(base_view, opts.get("problems_scope", "problems")))
    promises = items(base, _scope(base_view, opts.get("plan_scope", "plan")))
    if not problems and not promises:
        return
    now_problems = items(ctx.doc, ctx.scope(opts.get("problems_scope", "problems")))
    now_plan = items(ctx.doc, ctx.scope(opts.get("plan_scope", "plan")))
    work = _work(ctx, opts.get("work_scope", "achievements"))
    segment.learn(ctx.pack.vocabulary)
    likeness = Likeness([i.text for i in (*problems, *promises, *now_problems, *now_plan)] +
                        [ctx.text[s.start:s.end] for s in work], frozenset(topic_words(ctx.pack)))
    work_bar = float(opts.get("work_similarity", 0.15))
    again_bar = float(opts.get("again_similarity", 0.15))
    start = ctx.doc.meta.title_span.start if ctx.doc.meta.title_span else (ctx.doc.content or Span(0, 1)).start
    rows: list[Finding] = []
    counts = {"work": 0, "again": 0, "none": 0, "done": 0, "open": 0}
    for item in problems:
        fixed = _best(ctx, likeness, item, work, work_bar, in_progress_counts=True)
        again = _best_item(ctx.doc, likeness, item, now_problems, again_bar)
        head = f"上年报告提出的问题“{item.title}”（上年第{base.position(item.span.start)[0]}行），"
        if fixed and again:
            detail, severity = f"{head}本年第{fixed.line}行有整改工作：“{fixed.text}”，第{again.line}行仍列为问题", "info"
        elif fixed:
            detail, severity = f"{head}本年第{fixed.line}行有整改工作：“{fixed.text}”", "info"
        elif again:
            detail, severity = f"{head}本年再次列为问题（第{again.line}行），未见整改情况", None
        else:
            detail, severity = f"{head}本年报告未见整改情况", None
        counts["work" if fixed else "none"] += 1
        counts["again"] += again is not None
        rows.append(ctx.finding(start, start + 1, detail, severity=severity, text=base.raw_slice(item.span),
                                suggestion=_problem_advice(again is not None)))
    for item in promises:
        done = _best(ctx, likeness, item, work, work_bar, in_progress_counts=False)
        head = f"上年报告安排的“{item.title}”（上年第{base.position(item.span.start)[0]}行），"
        if done:
            detail, severity = f"{head}本年第{done.line}行已见落实：“{done.text}”", "info"
        else:
            detail, severity = f"{head}本年报告未见落实情况{_where_else(ctx.doc, likeness, item, now_problems, now_plan, again_bar)}", None
        counts["done" if done else "open"] += 1
        rows.append(ctx.finding(start, start + 1, detail, severity=severity, text=base.raw_slice(item.span),
                                suggestion="写明上年安排的这项工作本年做了什么、结果如何；未完成的说明原因和下一步打算。"))
    yield from rows
    yield ctx.finding(start, start + 1, _summary(len(problems), len(promises), counts), severity="info",
                      text=f"上年报告：{base.meta.title or base.source}")


def validate(options: dict) -> list[tuple[str, str]]:
    return [(f"{key} must be between 0 and 1, got {options[key]}", f"write {key}: 0.3")
            for key in ("work_similarity", "again_similarity") if key in options and options[key] > 1]


def _scope(view: DocContext, name: str) -> tuple[Span, ...]:
    return view.scope(name) if name in view.pack.scopes else ()


def _work(ctx: Context, scope: str) -> list[Span]:
    """This year's sentences that may report work done: in the achievements, not about the future, not headings.
    A short title inside a paragraph (二是加强行政应诉。) goes with the sentence after it, which says what was done."""
    future = ctx.scope("future")
    heads = [s.heading for s in ctx.doc.headings()]
    out: list[Span] = []
    for span in ctx.scope(scope):
        title: Span | None = None
        for s in sentences(ctx.text, span.start, span.end):
            if inside(s.start, future) or any(h.contains(s) for h in heads) or len(s) < 6:
                title = None
                continue
            if title is not None and "\n" not in ctx.text[title.end:s.start]:
                s = Span(title.start, s.end)
            title = s if len(s) <= TITLE_CHARS and ENUMERATED.match(ctx.text, s.start) else None
            if title is None:
                out.append(s)
    return out


def _best(ctx: Context, likeness: Likeness, item: Item, work: list[Span], bar: float,
          in_progress_counts: bool) -> _Match | None:
    best, score = None, bar
    for s in work:
        said = ctx.text[s.start:s.end]
        if NOT_DONE.search(said) or (not in_progress_counts and IN_PROGRESS.search(said)):
            continue
        alike = likeness.similarity(item.text, said, task=not in_progress_counts)
        if alike >= score:
            best, score = s, alike + 1e-9
    return None if best is None else _Match(ctx.doc.position(best.start)[0], _quote(ctx.doc, best))


def _best_item(doc: Document, likeness: Likeness, item: Item, others: list[Item], bar: float) -> _Match | None:
    scored = [(likeness.similarity(item.text, o.text), o) for o in others]
    score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return _Match(doc.position(best.span.start)[0], best.title) if best is not None and score >= bar else None


def _where_else(doc: Document, likeness: Likeness, item: Item, problems: list[Item], plan: list[Item],
                bar: float) -> str:
    """Where an unkept promise shows up instead: as this year's problem, or again in the plan."""
    as_problem = _best_item(doc, likeness, item, problems, bar)
    if as_problem:
        return f"，本年第{as_problem.line}行列为问题"
    again = _best_item(doc, likeness, item, plan, bar)
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
