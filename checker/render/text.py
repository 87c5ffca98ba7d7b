"""The terminal gap report in Chinese: verdict, then each element with its mark and evidence, and for each gap
what is wrong, what to write and why it is required; after a batch, a summary table. Readable at 80 columns,
colour only where the terminal takes it (TextStyle); laid out by checker.render.layout, without rich."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache

from checker.model import ElementResult, Result
from checker.render.layout import (
    Line,
    Painter,
    cells,
    grid,
    line_cells,
    panel,
    shorten_path,
    styled,
    table,
    wrap,
)
from checker.render.names import safe_name
from checker.structure.genre import GENRE_NAMES
from checker.words import FINDING_WORDS, LEVEL_WORDS, SEVERITY_WORDS, STATUS_WORDS

MARKS = {"pass": ("✔", "green"), "partial": ("◐", "yellow"), "fail": ("✘", "red"), "skip": ("–", "dim")}
FINDING_MARKS = {"error": ("✘", "red"), "warning": ("▲", "yellow"), "info": ("·", "dim")}
FINDINGS_SHOWN = 30
REASON_INDENT = "  · "
FILE_MIN = 16


@dataclass(frozen=True)
class TextStyle:
    """How the terminal report is laid out: its width in cells and whether it is coloured. Small and picklable,
    so that workers render documents exactly as the main process would."""

    width: int = 80
    colour: bool = False

    @classmethod
    def for_terminal(cls, no_color: bool = False) -> TextStyle:
        """The width of the terminal ($COLUMNS, else the first of stdin, stdout, stderr that is a terminal, else
        80); colour on a terminal unless --no-color, NO_COLOR or TERM=dumb ($FORCE_COLOR colours any output)."""
        width = None
        columns = os.environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            width = int(columns)
        for fd in (0, 1, 2):
            if width is not None:
                break
            try:
                width = os.get_terminal_size(fd).columns or None
            except (OSError, ValueError):
                continue
        term = os.environ.get("TERM", "").lower()
        dumb = term in ("dumb", "unknown")
        terminal = bool(os.environ.get("FORCE_COLOR")) or _isatty(sys.stdout)
        colour = terminal and not dumb and not no_color and not os.environ.get("NO_COLOR")
        return cls(80 if dumb or not width else width, colour)


def _isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def render_result(result: Result, style: TextStyle, verbose: bool = False) -> str:
    """One document's report, ending with a blank line."""
    width = style.width
    if result.error:
        out = wrap(styled(("✘ ", "bold red"), (safe_name(result.source), "bold"), f"：无法检查（{result.error[1]}）"), width)
    else:
        out = _header(result, width)
        for element in result.elements:
            out += _element(element, verbose, width)
        if result.findings:
            out += _findings(result, verbose, width)
    return Painter(style.colour).lines([*out, []])


def _header(result: Result, width: int) -> list[Line]:
    doc, score = result.document, result.score
    meta = doc.meta
    verdict = ("通过", "bold green") if result.passed else ("未通过", "bold red")
    gaps = {s: sum(1 for e in result.elements if e.status == s) for s in ("fail", "partial")}
    body = [
        styled((meta.title or "（未识别到标题）", "bold")),
        styled(f"机关：{meta.body or '未识别'}　层级：{LEVEL_WORDS.get(meta.level or '', '未识别')}　"
               f"年度：{meta.year or '未识别'}　类型：{GENRE_NAMES.get(meta.genre, meta.genre)}"),
        styled(f"规则包：{result.pack.id} {result.pack.version}"),
    ]
    if result.pack.reason:
        body.append(styled((f"选择依据：{result.pack.reason}", "dim")))
    body.append(styled("得分：", (f"{score.total:g}", "bold"), f"（{score.grade}）　结论：", verdict,
                       f"　缺失 {gaps['fail']} 项，薄弱 {gaps['partial']} 项"))
    for reason in score.reasons:  # a hanging indent: a long reason never leaves its "·" alone on a line
        lines = wrap(styled((reason, "red")), width - 4 - cells(REASON_INDENT))
        body.append([(REASON_INDENT, "red"), *lines[0]])
        body += [[(" " * cells(REASON_INDENT), ""), *line] for line in lines[1:]]
    return panel(safe_name(result.source), body, width, "green" if result.passed else "red")


def _element(e: ElementResult, verbose: bool, width: int) -> list[Line]:
    quotes = ()
    if e.status in ("pass", "partial"):  # a PDF's lines are reflowed paragraphs: it is quoted by page
        quotes = tuple((f"第{ev.page}页" if ev.page else f"第{ev.line}行", ev.text)
                       for ev in e.evidence[: 3 if verbose else 1])
    return [list(line) for line in _element_lines(e.status, e.title, e.severity, e.message, e.suggestion,
                                                   e.basis, quotes, width)]


@lru_cache(maxsize=256)
def _element_lines(status: str, title: str, severity: str, message: str, suggestion: str, basis: tuple[str, ...],
                   quotes: tuple[tuple[str, str], ...], width: int) -> tuple[Line, ...]:
    """One element's lines, from what they show alone: remembered, since a batch shows the same gaps (a failed
    element has no quote) again and again."""
    mark, colour = MARKS[status]
    out = wrap(styled((f"{mark} ", colour), (title, "bold"), f"（{SEVERITY_WORDS[severity]}）",
                      (f"　{STATUS_WORDS[status]}", colour)), width)
    rows: list[tuple[Line, Line, Line]] = [([], styled((where, "cyan")), styled((text, "dim"))) for where, text in quotes]
    if status in ("partial", "fail"):
        rows.append(([], styled(("问题", "bold")), styled(message)))
        rows.append(([], styled(("建议", "bold")), styled(suggestion)))
        rows.append(([], styled(("依据", "bold")), styled(("；".join(basis), "dim"))))
    return tuple(out + grid(rows, width))


def _findings(result: Result, verbose: bool, width: int) -> list[Line]:
    """文字问题: every defect finding in line order, with its message and (for errors and warnings) suggestion."""
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in FINDING_MARKS}
    summary = "，".join(f"{FINDING_WORDS[s]} {n}" for s, n in counts.items() if n)
    out = wrap(styled("\n", ("文字问题", "bold"), f"（{summary}）"), width)
    shown = result.findings if verbose else result.findings[:FINDINGS_SHOWN]
    rows: list[tuple[Line, Line, Line]] = []
    seen_suggestions: set[str] = set()
    for f in shown:
        mark, colour = FINDING_MARKS.get(f.severity, ("·", "dim"))
        rows.append((styled((mark, colour)), styled((f"第{f.line}行", "cyan")), styled((f.text, "dim"), "\n", f.message)))
        if f.severity != "info" and f.suggestion and f.suggestion not in seen_suggestions:
            seen_suggestions.add(f.suggestion)
            rows.append(([], styled(("建议", "bold")), styled(f.suggestion)))
    out += grid(rows, width)
    if len(shown) < len(result.findings):
        out += wrap(styled((f"   另有 {len(result.findings) - len(shown)} 处，用 -v 查看全部", "dim")), width)
    return out


def render_summary(results: list[Result], style: TextStyle) -> str:
    """The batch in a table (long paths shortened from the left), the counts, and the elements most often
    missing or weak."""
    width = style.width
    header = [styled(name) for name in ("文件", "得分", "等级", "结论", "缺失/薄弱")]
    rows = []
    for r in results:
        if r.error:
            rows.append([styled("—"), styled("—"), styled(("错误", "red")), styled(r.error[1][:20])])
            continue
        gaps = sum(1 for e in r.elements if e.status == "fail"), sum(1 for e in r.elements if e.status == "partial")
        verdict = ("通过", "green") if r.passed else ("未通过", "red")
        rows.append([styled(f"{r.score.total:g}"), styled(r.score.grade), styled(verdict),
                     styled(f"{gaps[0]}/{gaps[1]}")])
    others = [max(map(line_cells, column)) for column in zip(header[1:], *rows)]
    room = max(width - 1 - 3 * len(header) - sum(others), FILE_MIN)  # what the borders and the others leave
    files = [styled(shorten_path(safe_name(r.source), room)) for r in results]
    lines = table(styled(("汇总", "italic")), header, [[name, *row] for name, row in zip(files, rows)],
                  ["left", "right", "center", "left", "right"], width)
    passed = sum(1 for r in results if r.passed)
    errors = sum(1 for r in results if r.error)
    lines += wrap(styled(f"共 {len(results)} 份：通过 {passed}，未通过 {len(results) - passed - errors}，错误 {errors}"),
                  width)
    weakest = _weakest(results)
    if weakest:
        lines += wrap(styled("最常缺失或薄弱：" + "；".join(f"{title} {n}份" for title, n in weakest)), width)
    return Painter(style.colour).lines(lines)


def _weakest(results: list[Result], top: int = 5) -> list[tuple[str, int]]:
    """Elements most often failed or weak across the batch: where a 司法局 should train its writers first."""
    counts: dict[str, int] = {}
    for r in results:
        for e in r.elements:
            if e.status in ("fail", "partial") and e.weight > 0:
                counts[e.title] = counts.get(e.title, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])[:top]
