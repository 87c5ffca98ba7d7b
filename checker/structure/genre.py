"""What kind of document this is. Only `annual_report` is the 法治政府建设 annual report; look-alikes that share
its vocabulary are named so that the gate can say what the document seems to be."""

from __future__ import annotations

import re

GENRES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("info_disclosure_report", re.compile(r"(?:政府)?信息公开(?:工作)?年度报告|政务公开工作(?:年度)?报告")),
    ("shufa_report", re.compile(r"述法")),
    ("work_plan", re.compile(r"工作要点|工作计划|实施方案|工作安排|行动方案|行动计划|规划")),
    ("enforcement_stats", re.compile(r"(?:行政)?执法.*(?:统计|数据|年报)")),
    ("pufa_summary", re.compile(r"(?:普法|法治宣传教育).*(?:总结|报告)|普法依法治理")),
    ("interpretation", re.compile(r"解读|图解|一图读懂|答记者问")),
    ("government_work_report", re.compile(r"^(?:(?!法治).)*政府工作报告")),
    ("annual_report", re.compile(r"法治政府建设|依法行政|法治建设")),
)
GENRE_NAMES = {
    "annual_report": "法治政府建设年度报告",
    "partial_report": "专项工作报告",
    "info_disclosure_report": "政府信息公开工作年度报告",
    "shufa_report": "述法报告",
    "work_plan": "工作要点、工作计划或实施方案",
    "enforcement_stats": "行政执法统计年报",
    "pufa_summary": "普法工作总结",
    "interpretation": "政策解读",
    "government_work_report": "政府工作报告",
    "news": "新闻报道",
    "academic_paper": "学术论文",
    "unknown": "其他文件",
}
NEWS = re.compile(r"(?:记者|通讯员)\s*\S{0,6}\s*(?:报道|摄)|\d{1,2}月\d{1,2}日讯|^\s*本报讯|新华社|作者[:：]?\s*记者",
                  re.M)
ACADEMIC = re.compile(r"[\[【]?摘\s*要[\]】:：]")
KEYWORDS = re.compile(r"[\[【]?关键词[\]】:：]")
REPORT_OPENING = re.compile(r"(?:现将|特将).{0,40}(?:报告|总结)如下")
SHUFA_OPENING = re.compile(r"述法如下|本人.{0,30}(?:第一责任人|述法)")


def classify(title: str | None, text: str, body: str | None = None) -> str:
    """Genre id from the title first (without the issuing body's name: 自然资源和规划局 is no 规划), then from
    the opening of the text."""
    head = text[:1500]
    if ACADEMIC.search(head) and KEYWORDS.search(head):
        return "academic_paper"
    if NEWS.search(head):
        return "news"
    if SHUFA_OPENING.search(head):
        return "shufa_report"
    first = title.replace(body, "", 1) if title and body else title or _first_line(head)
    for genre, pattern in GENRES:
        if pattern.search(first):
            return genre
    if REPORT_OPENING.search(head) or (title is None and text.count("法治政府建设") >= 2):
        return "annual_report"
    return "unknown"


def _first_line(text: str) -> str:
    """Without a recognised title, the first short line stands in for it (a page heading such as
    "…2022年度行政执法数据公开")."""
    for line in text.splitlines():
        if line.strip() and len(line) <= 60 and not re.search(r"[。;]", line):
            return line
        if line.strip():
            return ""
    return ""
