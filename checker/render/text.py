"""The terminal gap report in Chinese: verdict, then each element with its mark and evidence, and for each gap
what is wrong, what to write and why it is required. Readable at 80 columns; colour only where rich allows."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from checker.model import ElementResult, Result
from checker.render.names import safe_name
from checker.structure.genre import GENRE_NAMES
from checker.words import FINDING_WORDS, LEVEL_WORDS, SEVERITY_WORDS, STATUS_WORDS

MARKS = {"pass": ("✔", "green"), "partial": ("◐", "yellow"), "fail": ("✘", "red"), "skip": ("–", "dim")}


def render_result(console: Console, result: Result, verbose: bool = False) -> None:
    if result.error:
        console.print(Text.assemble(("✘ ", "bold red"), (safe_name(result.source), "bold"), f"：无法检查（{result.error[1]}）"))
        console.print()
        return
    console.print(_header(result))
    for element in result.elements:
        console.print(_element(element, verbose))
    if result.findings:
        console.print(_findings(result, verbose))
    console.print()


def _header(result: Result) -> Panel:
    doc, score = result.document, result.score
    meta = doc.meta
    verdict = Text("通过", style="bold green") if result.passed else Text("未通过", style="bold red")
    facts = Text()
    facts.append(f"{meta.title or '（未识别到标题）'}\n", style="bold")
    facts.append(f"机关：{meta.body or '未识别'}　层级：{LEVEL_WORDS.get(meta.level or '', '未识别')}　"
                 f"年度：{meta.year or '未识别'}　类型：{GENRE_NAMES.get(meta.genre, meta.genre)}\n")
    facts.append(f"规则包：{result.pack.id} {result.pack.version}\n")
    if result.pack.reason:
        facts.append(f"选择依据：{result.pack.reason}\n", style="dim")
    facts.append("得分：")
    facts.append(f"{score.total:g}", style="bold")
    facts.append(f"（{score.grade}）　结论：")
    facts.append_text(verdict)
    gaps = {s: sum(1 for e in result.elements if e.status == s) for s in ("fail", "partial")}
    facts.append(f"　缺失 {gaps['fail']} 项，薄弱 {gaps['partial']} 项")
    for reason in score.reasons:
        facts.append(f"\n  · {reason}", style="red")
    return Panel(facts, title=Text(safe_name(result.source)), title_align="left",
                 border_style="green" if result.passed else "red")


def _element(e: ElementResult, verbose: bool) -> Group:
    mark, colour = MARKS[e.status]
    line = Text.assemble((f"{mark} ", colour), (e.title, "bold"), f"（{SEVERITY_WORDS[e.severity]}）",
                         (f"　{STATUS_WORDS[e.status]}", colour))
    details = Table.grid(padding=(0, 1))
    details.add_column(width=2)
    details.add_column(no_wrap=True)
    details.add_column(overflow="fold")
    if e.status in ("pass", "partial"):
        for ev in e.evidence[: 3 if verbose else 1]:
            where = f"第{ev.page}页" if ev.page else f"第{ev.line}行"  # a PDF's lines are reflowed paragraphs
            details.add_row("", Text(where, style="cyan"), Text(ev.text, style="dim"))
    if e.status in ("partial", "fail"):
        details.add_row("", Text("问题", style="bold"), e.message)
        details.add_row("", Text("建议", style="bold"), e.suggestion)
        details.add_row("", Text("依据", style="bold"), Text("；".join(e.basis), style="dim"))
    return Group(line, details) if details.row_count else Group(line)


FINDING_MARKS = {"error": ("✘", "red"), "warning": ("▲", "yellow"), "info": ("·", "dim")}
FINDINGS_SHOWN = 30


def _findings(result: Result, verbose: bool) -> Group:
    """文字问题: every defect finding in line order, with its message and (for errors and warnings) suggestion."""
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in FINDING_MARKS}
    summary = "，".join(f"{FINDING_WORDS[s]} {n}" for s, n in counts.items() if n)
    parts: list = [Text.assemble("\n", ("文字问题", "bold"), f"（{summary}）")]
    table = Table.grid(padding=(0, 1))
    table.add_column(width=2)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    shown = result.findings if verbose else result.findings[:FINDINGS_SHOWN]
    seen_suggestions: set[str] = set()
    for f in shown:
        mark, colour = FINDING_MARKS.get(f.severity, ("·", "dim"))
        table.add_row(Text(mark, style=colour), Text(f"第{f.line}行", style="cyan"),
                      Text.assemble((f.text, "dim"), "\n", f.message))
        if f.severity != "info" and f.suggestion and f.suggestion not in seen_suggestions:
            seen_suggestions.add(f.suggestion)
            table.add_row("", Text("建议", style="bold"), f.suggestion)
    parts.append(table)
    if len(shown) < len(result.findings):
        parts.append(Text(f"   另有 {len(result.findings) - len(shown)} 处，用 -v 查看全部", style="dim"))
    return Group(*parts)


def render_summary(console: Console, results: list[Result]) -> None:
    table = Table(title="汇总", show_lines=False, expand=False)
    table.add_column("文件", overflow="fold")
    table.add_column("得分", justify="right")
    table.add_column("等级", justify="center")
    table.add_column("结论")
    table.add_column("缺失/薄弱", justify="right")
    for r in results:
        if r.error:
            table.add_row(Text(safe_name(r.source)), "—", "—", Text("错误", style="red"), r.error[1][:20])
            continue
        gaps = sum(1 for e in r.elements if e.status == "fail"), sum(1 for e in r.elements if e.status == "partial")
        verdict = Text("通过", style="green") if r.passed else Text("未通过", style="red")
        table.add_row(Text(safe_name(r.source)), f"{r.score.total:g}", r.score.grade, verdict, f"{gaps[0]}/{gaps[1]}")
    console.print(table)
    passed = sum(1 for r in results if r.passed)
    errors = sum(1 for r in results if r.error)
    console.print(f"共 {len(results)} 份：通过 {passed}，未通过 {len(results) - passed - errors}，错误 {errors}")
    weakest = _weakest(results)
    if weakest:
        console.print("最常缺失或薄弱：" + "；".join(f"{title} {n} 份" for title, n in weakest))


def _weakest(results: list[Result], top: int = 5) -> list[tuple[str, int]]:
    """Elements most often failed or weak across the batch: where a 司法局 should train its writers first."""
    counts: dict[str, int] = {}
    for r in results:
        for e in r.elements:
            if e.status in ("fail", "partial") and e.weight > 0:
                counts[e.title] = counts.get(e.title, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])[:top]
