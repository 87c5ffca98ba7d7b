"""Markdown gap report: a review comment (GitHub, GitLab) or a document to attach to an OA workflow.

A batch summary table first, then per document its verdict, score, each missing or weak element with what is wrong,
what to write and why, and the defect findings. A pure function of the results; fields come from document_dict()
(the checker-report/1 contract) so the two outputs never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.model import Result
from checker.render.json import document_dict
from checker.render.stream import SpooledStream, feed
from checker.words import FINDING_WORDS, LEVEL_WORDS, SEVERITY_WORDS, STATUS_WORDS

STATUS_MARKS = {"pass": "✔", "partial": "◐", "fail": "✘", "skip": "–"}


def render_markdown(results: list[Result]) -> str:
    return "".join(feed(MarkdownStream(), results))


class MarkdownStream(SpooledStream):
    """The summary table comes first: one short row per document stays in memory, its section is spooled."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[str] = []
        self._blank = ""  # the blank lines that ended the last section: written only if another section follows

    def part(self, result: Result) -> str:
        i, d = self.documents + 1, document_dict(result)
        self._rows.append(_row(i, d))
        section = "\n".join(["", "", *_document(i, d)])
        body = section.rstrip("\n")
        part, self._blank = self._blank + body, section[len(body):]
        return part

    def head(self) -> Iterator[str]:
        yield "\n".join(["# 法治政府建设年度报告检查结果", "",
                         f"共 {self.documents} 份：通过 {self.passed}，未通过 {self.failed}，无法检查 {self.errors}。", "",
                         "| # | 文件 | 得分 | 等级 | 结论 | 缺失 | 薄弱 | 文字问题 |",
                         "| ---: | --- | ---: | :---: | --- | ---: | ---: | ---: |"])
        for row in self._rows:
            yield "\n" + row

    def tail(self) -> Iterator[str]:
        yield "\n"


def _row(i: int, d: dict) -> str:
    link = f"[{cell(d['path'])}](#doc-{i})"
    if d["error"]:
        return f"| {i} | {link} | — | — | 无法检查：{cell(d['error']['message'])} | — | — | — |"
    return (f"| {i} | {link} | {d['score']:g} | {d['grade']} | {'通过' if d['passed'] else '**未通过**'} "
            f"| {_count(d, 'fail')} | {_count(d, 'partial')} | {len(d['findings'])} |")


def _count(d: dict, status: str) -> int:
    return sum(1 for e in d["elements"] if e["status"] == status)


def _document(i: int, d: dict) -> list[str]:
    out = [f'<a id="doc-{i}"></a>', "", f"## {i}. {text(d['path'])}", ""]
    if d["error"]:
        return out + [f"**无法检查**：{text(d['error']['message'])}"]
    out.append(f"**{text(d['title'] or '（未识别到标题）')}**  ")
    out.append(f"机关：{text(d['body'] or '未识别')}　层级：{LEVEL_WORDS.get(d['level'] or '', '未识别')}　"
               f"年度：{d['year'] or '未识别'}  ")
    if d["pack"]:
        out.append(f"规则包：{text(d['pack']['id'])} {text(d['pack']['version'])}"
                   + (f"（{text(d['pack']['reason'])}）" if d["pack"].get("reason") else ""))
    out += ["", (f"**结论：{'通过' if d['passed'] else '未通过'}**　得分 {d['score']:g}（{d['grade']}）　"
                 f"缺失 {_count(d, 'fail')} 项，薄弱 {_count(d, 'partial')} 项")]
    out += [f"- {text(reason)}" for reason in d["reasons"]]
    gaps = [e for e in d["elements"] if e["status"] in ("fail", "partial")]
    if gaps:
        out += ["", "### 需要补写的要素", ""]
        for e in sorted(gaps, key=lambda e: (e["status"] != "fail", _SEVERITY_ORDER.get(e["severity"], 9))):
            out.append(f"#### {STATUS_MARKS[e['status']]} {text(e['title'])}（{SEVERITY_WORDS.get(e['severity'], '')}）"
                       f"　{STATUS_WORDS[e['status']]}　`{e['id']}`")
            out.append("")
            out.append(f"- **问题**：{text(e['message'])}")
            out.append(f"- **建议**：{text(e['suggestion'])}")
            if e["basis"]:
                out.append(f"- **依据**：{text('；'.join(e['basis']))}")
            for ev in e["evidence"][:2]:
                out.append(f"- **原文** 第{ev['line']}行：「{text(ev['text'])}」")
            out.append("")
    ok = [e for e in d["elements"] if e["status"] == "pass"]
    skipped = [e for e in d["elements"] if e["status"] == "skip"]
    if out[-1]:
        out.append("")
    if ok:
        out += ["具备：" + "、".join(text(e["title"]) for e in ok), ""]
    if skipped:
        out += ["不适用：" + "、".join(text(e["title"]) for e in skipped), ""]
    if d["findings"]:
        out += ["### 文字问题", "", "| 行 | 列 | 级别 | 原文 | 问题 | 建议 |", "| ---: | ---: | --- | --- | --- | --- |"]
        for f in d["findings"]:
            out.append(f"| {f['line']} | {f['column']} | {FINDING_WORDS.get(f['severity'], f['severity'])} "
                       f"| {cell(f['text'])} | {cell(f['message'])} | {cell(f['suggestion'])} |")
    return out


_SEVERITY_ORDER = {"required": 0, "recommended": 1, "advisory": 2}
_ESCAPES = str.maketrans({"\\": "\\\\", "<": "&lt;", ">": "&gt;", "&": "&amp;", "*": "\\*", "_": "\\_", "`": "\\`",
                          "[": "\\[", "]": "\\]", "#": "\\#", "|": "\\|", "\r": " ", "\n": " "})


def text(value) -> str:
    """Inline text with Markdown and HTML meaning removed, on one line (it may sit in a list item or a table)."""
    return str(value).translate(_ESCAPES)


def cell(value) -> str:
    return text(value).strip() or " "
