"""Every output format in render/registry.py, each checked by parsing what it wrote: the seeds, a path that does not
exist, and a hostile draft (markup, separators and % in its title and path, placeholders that are error findings).
Each format's stream, fed one result at a time, writes exactly what its pure function returns."""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import sys
import weakref
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.audit import audit_source, audit_text
from checker.errors import UsageError
from checker.model import Result
from checker.render import stream as stream_module
from checker.render.csv_table import HEADER, render_csv
from checker.render.github import render_github
from checker.render.html import render_html
from checker.render.junit import render_junit
from checker.render.markdown import render_markdown
from checker.render.registry import BINARY, FORMATS, STREAMS, check_available, is_binary
from checker.render.sarif import artifact_uri, render_sarif
from tests.conftest import SEEDS

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-schema.json"
HOSTILE_PATH = "=草稿/a,b:c%<x>.txt"
HOSTILE = """××县人民政府关于2024年法治政府建设情况的报告 <script>alert(1)</script>

一、主要举措和成效
县政府主要负责人履行推进法治建设第一责任人职责，召开常务会议 | 研究法治政府建设工作 4 次，% 100,: 处理。
全年办理行政复议案件××件。

二、存在的不足和原因
一是执法能力不足。主要原因是培训不够。

三、2025年工作安排
加强执法监督。

××县人民政府
2025年3月1日
"""


@pytest.fixture(scope="module")
def results(pack) -> list[Result]:
    seeds = [audit_source(str(p), None) for p in sorted(SEEDS.glob("*.txt"))]
    missing = audit_source(str(SEEDS / "no-such-report.txt"), None)
    hostile = audit_text(HOSTILE, pack, source=HOSTILE_PATH)
    return [*seeds, missing, hostile]


# A special report on the 三项制度 that passes fazhi-sanxiang, whose elements on decisions, 复议, 应诉, normative
# documents, legal advisers and 习近平法治思想 are advisory with weight 0: shown for information, never counted.
SPECIAL = """某县人民政府关于2024年推行行政执法三项制度工作情况的报告

2024年，我县深入推行行政执法三项制度，现将有关情况报告如下：

一、工作开展情况
局党组书记、局长履行推进法治建设第一责任人职责，主持召开专题会议3次研究部署三项制度工作。
（一）行政执法公示。全县31个执法主体在县政府网站“行政执法公示”专栏公开执法信息4627条。
（二）执法全过程记录。为一线执法人员配备执法记录仪382台，全年形成音像记录1.2万条。
（三）重大执法决定法制审核。全年法制审核重大执法决定126件，纠正问题18个。
全年组织执法人员培训5期，培训820人次。

二、存在的问题和原因
一是部分乡镇音像记录不完整。主要原因是设备配备不足、培训不到位。

三、下一步工作打算
2025年，将为乡镇补充执法记录仪60台，开展三项制度专项培训2次，加强执法监督，做好矛盾纠纷化解和政务公开。

某县人民政府
2025年1月20日
"""


@pytest.fixture(scope="module")
def special() -> Result:
    from checker.packs.loader import load_pack

    result = audit_text(SPECIAL, load_pack("fazhi-sanxiang"), source="三项制度.txt")
    assert result.passed and any(e.weight == 0 and e.status == "fail" for e in result.elements)
    return result


def _free(e) -> bool:
    """A gap in an element that does not count (weight 0)."""
    return e.weight == 0 and e.status in ("fail", "partial")


def _gaps(result: Result):
    return [e for e in result.elements if e.status in ("fail", "partial")]


def test_fixture_covers_every_case(results) -> None:
    assert any(r.error for r in results)
    statuses = {e.status for r in results for e in r.elements}
    assert statuses == {"pass", "partial", "fail", "skip"}
    assert any(f.severity == "error" for r in results for f in r.findings)
    assert any(f.severity == "warning" for r in results for f in r.findings)
    assert any(e.status == "fail" and not e.evidence for r in results for e in r.elements)


# --- registry -----------------------------------------------------------------------------------------------------


def test_registry_renders_every_format_with_the_declared_type(results) -> None:
    assert {"markdown", "html", "sarif", "junit", "github", "csv", "xlsx", "json"} <= set(FORMATS)
    for name, render in FORMATS.items():
        if name == "xlsx" and not _has_openpyxl():
            continue
        out = render(results)
        assert isinstance(out, bytes if is_binary(name) else str), name
        assert out, name
        assert render(results) == out or name == "xlsx", f"{name} is not deterministic"
    assert BINARY == {"csv", "xlsx"}


def test_every_renderer_accepts_an_empty_batch() -> None:
    for name in FORMATS:
        if name == "xlsx" and not _has_openpyxl():
            continue
        assert FORMATS[name]([]) is not None


# --- streams ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_batch(results) -> list[Result]:
    """The seed reports and one unreadable path."""
    return [r for r in results if r.source.startswith(str(SEEDS)) and not r.error] + [audit_source("missing.txt", None)]


def _xlsx_values(data: bytes) -> dict[str, list[tuple]]:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_stream_fed_one_result_at_a_time_writes_the_pure_output(seed_batch, name, monkeypatch) -> None:
    if name == "xlsx":
        pytest.importorskip("openpyxl")
    monkeypatch.setattr(stream_module, "SPOOL_IN_MEMORY", 512)  # the spool moves to a file on disk half-way
    stream = STREAMS[name]()
    judged = []
    for result in seed_batch:
        copy = replace(result)
        stream.add(copy)
        judged.append(weakref.ref(copy))
        del copy
    gc.collect()
    assert not any(ref() for ref in judged), "the stream holds on to a result"
    chunks = list(stream.chunks())
    assert chunks and all(isinstance(c, bytes if is_binary(name) else str) for c in chunks)
    whole = b"".join(chunks) if is_binary(name) else "".join(chunks)
    expected = FORMATS[name](seed_batch)
    if name == "xlsx":
        sheets = _xlsx_values(whole)
        assert sheets == _xlsx_values(expected)
        assert [row[0] for row in sheets["汇总"][1:]] == [r.source for r in seed_batch]
        return
    assert whole == expected
    text = whole.decode("utf-8-sig") if isinstance(whole, bytes) else whole
    for result in seed_batch[:-1]:
        assert Path(result.source).stem.split("_")[1] in text
    assert "文件不存在" in text


def test_stream_chunks_of_an_empty_batch_are_the_pure_output() -> None:
    for name in FORMATS:
        if name != "xlsx":
            assert (b"" if is_binary(name) else "").join(STREAMS[name]().chunks()) == FORMATS[name]([]), name


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="未知的输出格式"):
        check_available("pdf")
    check_available("sarif")


# --- markdown -----------------------------------------------------------------------------------------------------


def _md_cells(line: str) -> list[str]:
    assert line.startswith("|") and line.endswith("|"), line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line[1:-1])]


def test_markdown_summary_table_and_sections(results) -> None:
    md = render_markdown(results)
    lines = md.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("| # |")))
    header = _md_cells(lines[start])
    assert header == ["#", "文件", "得分", "等级", "结论", "缺失", "薄弱", "文字问题"]
    assert all(re.fullmatch(r":?-+:?", c) for c in _md_cells(lines[start + 1]))
    body = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        body.append(_md_cells(line))
    assert len(body) == len(results)
    for i, (row, result) in enumerate(zip(body, results), 1):
        assert len(row) == len(header), row
        assert row[0] == str(i) and f"](#doc-{i})" in row[1]
        assert f'<a id="doc-{i}"></a>' in md
        if result.error:
            assert "无法检查" in row[4]
        else:
            assert row[2] == f"{result.score.total:g}" and row[3] == result.score.grade
            assert row[5] == str(sum(e.status == "fail" for e in result.elements))
            assert row[7] == str(len(result.findings))
    # each gap's message and suggestion, each finding in its document's table
    for result in results:
        for e in _gaps(result):
            assert f"{e.title}" in md
    hostile = results[-1]
    table = [_md_cells(line) for line in lines if line.startswith("| ") and "占位" in line]
    assert len(table) == sum(f.check == "placeholder" for f in hostile.findings)
    assert all(len(row) == 6 for row in table)
    assert "<script>" not in md and "&lt;script&gt;" in md
    # the sections follow the table, each after a blank line; the report ends with a single line end
    assert md.index('<a id="doc-1"></a>') > md.index(f"| {len(results)} |")
    assert all(f'\n\n<a id="doc-{i}"></a>' in md for i in range(1, len(results) + 1))
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_markdown_renders_as_gfm_tables_and_sections(results) -> None:
    from markdown_it import MarkdownIt  # a dependency of rich

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(render_markdown(results))
    tables = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    # the summary plus one findings table per document that has findings
    assert len(tables) == 1 + sum(1 for r in results if r.findings)

    def rows(start: int) -> list[list[str]]:
        out, row = [], None
        for t in tokens[start:]:
            if t.type == "table_close":
                return out
            if t.type == "tr_open":
                row = []
            elif t.type == "inline" and row is not None:
                row.append(t.content)
            elif t.type == "tr_close":
                out.append(row)
        return out

    summary = rows(tables[0])
    assert len(summary) == 1 + len(results) and all(len(r) == 8 for r in summary)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert len(headings) == len(results)
    html = md.render(render_markdown(results))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<h4>") == sum(len(_gaps(r)) for r in results)


# --- html ---------------------------------------------------------------------------------------------------------

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr"}


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.rows: list[list[dict]] = []
        self.in_summary = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if key in a:
                self.links.append(a[key])
        if tag == "table" and a.get("id") == "summary":
            self.in_summary = True
        if self.in_summary and tag == "tr" and "tbody" in self.stack:
            self.rows.append([])
        if self.in_summary and tag == "td" and self.rows:
            self.rows[-1].append(a)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()
        if tag == "table":
            self.in_summary = False

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_one_self_contained_well_formed_page(results) -> None:
    html = render_html(results)
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == []
    # self-contained: no external stylesheet, script, font or image; every link is an in-page anchor
    assert not any(tag == "link" for tag, _ in tree.tags)
    assert all(link.startswith("#") for link in tree.links), tree.links
    assert "http://" not in html and "https://" not in html and "@import" not in html and "url(" not in html
    scripts = [a for tag, a in tree.tags if tag == "script"]
    assert len(scripts) == 1 and "src" not in scripts[0]
    # escaping: the draft's <script> is text, not a tag
    assert "<script>alert(1)</script>" in "".join(tree.text)
    # summary matrix: one row per document, one colour-coded cell per element, linking to an existing section
    assert len(tree.rows) == len(results)
    for i, (row, result) in enumerate(zip(tree.rows, results), 1):
        assert f"#doc-{i}" in tree.links and f"doc-{i}" in tree.ids
        statuses = [c["data-status"] for c in row if "data-status" in c]
        assert statuses == [e.status for e in result.elements]
        cells = [c for c in row if "data-status" in c]
        for cell, e in zip(cells, result.elements):
            free = e.weight == 0 and e.status in ("fail", "partial")  # shown for information, never red
            assert ("st-free" if free else f"st-{e.status}") in cell["class"].split()
    # sortable score column with numeric sort keys
    heads = [a for tag, a in tree.tags if tag == "th" and "sortable" in a.get("class", "")]
    assert any(a.get("data-type") == "num" for a in heads)
    # each document section lists its gaps with their message and quoted evidence
    gaps = [a for tag, a in tree.tags
            if tag == "div" and a.get("class") == "gap" and a["data-status"] in ("fail", "partial")]
    assert len(gaps) == sum(len(_gaps(r)) for r in results)
    text = "".join(tree.text)
    for result in results:
        for e in _gaps(result):
            assert e.message in text and e.suggestion in text
            for ev in e.evidence[:3]:
                assert ev.text in text
        for f in result.findings:
            assert f.message in text
    assert "文件不存在" in text


def test_html_matrix_columns_are_the_union_over_the_batch(results) -> None:
    """The matrix is written before the sections but its columns are known only at the end: a county report first,
    then a city report with the extra element 立法工作 and a township report where 行政复议 is only recommended."""
    from checker.packs.loader import load_pack

    seed = str(SEEDS / "000_7c10309f05703634.txt")
    batch = [results[0], audit_source(seed, load_pack("fazhi-city")), audit_source(seed, load_pack("fazhi-township"))]
    tree = _Tree()
    tree.feed(render_html(batch))
    columns = [a["data-element"] for tag, a in tree.tags if tag == "th" and "el" in a.get("class", "").split()]
    assert columns == [e.id for e in batch[0].elements] + ["legislation"]
    county, city, township = ([c for c in row if "st" in c.get("class", "").split()] for row in tree.rows)
    assert county[-1] == {"class": "st st-none", "data-v": ""} and "data-status" in city[-1]
    review = columns.index("administrative-reconsideration")
    assert "必备" in county[review]["title"] and "应有" in township[review]["title"]


class _Quotes(HTMLParser):
    """Each quote of the gap reports: its summary (第N行 and the quote) and, when it opens, its context with the
    marked quote; and for each gap box the class of its title bar and the heading or summary it sits under."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.quotes: list[dict] = []
        self.gaps: list[dict] = []
        self.under = ""
        self._details: list[str] = []
        self._into: tuple[dict, str] | None = None  # (record, key) that text goes to

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class", "")
        if tag == "details":
            self._details.append(cls)
            if cls == "ev":
                self.quotes.append({"summary": "", "before": "", "mark": "", "after": ""})
        elif tag == "summary" and self._details and self._details[-1] == "more" or tag == "h3":
            self.under = ""
            self._into = (self.__dict__, "under")
        elif tag == "summary" and self._details[-1:] == ["ev"]:
            self._into = (self.quotes[-1], "summary")
        elif tag == "div" and cls == "ctx":
            self._into = (self.quotes[-1], "before")
        elif tag == "mark":
            self._into = (self.quotes[-1], "mark")
        elif tag == "div" and cls == "gap":
            self.gaps.append({"element": a["data-element"], "under": self.under})
        elif tag == "div" and self.gaps and "t" in cls.split() and "class" not in self.gaps[-1]:
            self.gaps[-1]["class"] = cls

    def handle_endtag(self, tag):
        if tag == "details":
            self._details.pop()
        if tag in ("summary", "h3") or (tag == "div" and self._into and self._into[1] in ("before", "after")):
            self._into = None
        elif tag == "mark":
            self._into = (self.quotes[-1], "after")

    def handle_data(self, data):
        if self._into:
            record, key = self._into
            record[key] += data


def test_html_quotes_open_on_the_lines_around_them(results, special) -> None:
    """第N行 is a <details>: a click shows the paragraph around the quote, with the quote marked; no script."""
    batch = [special, results[-1]]
    parser = _Quotes()
    parser.feed(render_html(batch))
    shown = [(q["summary"], q["before"], q["mark"], q["after"]) for q in parser.quotes]
    wanted = [(f"第{ev.line}行{ev.text}", ev.before, ev.text.strip("…"), ev.after)
              for r in batch for e in r.elements for ev in e.evidence[:3]]
    assert wanted and sorted(shown) == sorted(wanted)
    assert any("<script>alert(1)</script>" in q["mark"] for q in parser.quotes)  # escaped, then read back as text


def test_html_gaps_that_do_not_count_are_blue_and_apart(special) -> None:
    """The passing special report: its weight-0 gaps are neither red in the matrix nor listed as gaps to fill."""
    html = render_html([special])
    tree, parser = _Tree(), _Quotes()
    tree.feed(html)
    parser.feed(html)
    cells = [c for c in tree.rows[0] if "data-status" in c]
    for cell, e in zip(cells, special.elements):
        assert ("st-free" if _free(e) else f"st-{e.status}") in cell["class"].split(), e.id
        assert ("不计分" in cell["title"]) == (e.weight == 0)
    gaps = {g["element"]: g for g in parser.gaps}
    counted = [e for e in _gaps(special) if not _free(e)]
    for e in _gaps(special):
        gap = gaps[e.id]
        if _free(e):
            assert "st-free" in gap["class"] and gap["under"].startswith("仅供参考、不计分的要素")
        else:
            assert f"st-{e.status}" in gap["class"] and gap["under"].startswith("需要补写的要素")
    heading = next(g["under"] for g in parser.gaps if g["under"].startswith("需要补写"))
    assert heading == (f"需要补写的要素（缺失 {sum(e.status == 'fail' for e in counted)} 项，"
                       f"薄弱 {sum(e.status == 'partial' for e in counted)} 项）")


def test_html_matrix_sorts_by_every_column(results) -> None:
    tree = _Tree()
    tree.feed(render_html(results))
    heads = [a for tag, a in tree.tags if tag == "th" and "el" in a.get("class", "").split()]
    assert heads and all("sortable" in a["class"] and a.get("data-type") == "num" for a in heads)
    for row in tree.rows:  # every cell has a sort key; a status sorts gaps first (fail 3, partial 2, pass 1, skip 0)
        assert all("data-v" in cell for cell in row)
        for cell in row:
            if "data-status" in cell:
                assert cell["data-v"] == {"fail": "3", "partial": "2", "pass": "1", "skip": "0"}[cell["data-status"]]


def test_html_prints_on_a4_with_its_colours(results) -> None:
    style = render_html(results).split("<style>", 1)[1].split("</style>", 1)[0]
    page = re.search(r"@page\{([^}]*)\}", style)
    assert page and "size:A4" in page.group(1)
    printed = style[style.index("@media print{"):]
    assert "print-color-adjust:exact" in printed and "-webkit-print-color-adjust:exact" in printed
    assert "thead{display:table-header-group}" in printed  # the matrix header repeats on each page


# --- sarif --------------------------------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_2_1_0_schema(results) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(render_sarif(results))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)


def test_sarif_rules_results_and_locations(results) -> None:
    log = json.loads(render_sarif(results))
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    element_ids = {e.id for r in results for e in r.elements}
    check_ids = {f.check for r in results for f in r.findings}
    assert set(ids) == {f"element/{i}" for i in element_ids} | {f"check/{c}" for c in check_ids}
    expected = sum(len(_gaps(r)) + len(r.findings) for r in results)
    assert len(run["results"]) == expected
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    # a required element that is missing is an error; with no evidence it points at line 1
    weak = next(r for r in results if r.source.endswith("000_7c10309f05703634.txt"))
    uri = artifact_uri(weak.source)
    causes = next(res for res in run["results"] if res["ruleId"] == "element/problem-causes"
                  and res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri)
    assert causes["level"] == "error"
    assert causes["locations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 1}
    finding = weak.findings[0]
    located = [res for res in run["results"] if res["ruleId"] == f"check/{finding.check}"
               and res["locations"][0]["physicalLocation"]["region"]["startLine"] == finding.line]
    assert located and located[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == finding.column
    # the unreadable document is a failed invocation, not a result
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["level"] for n in invocation["toolExecutionNotifications"]] == ["error"]


def test_sarif_is_laid_out_as_one_indented_dump(results) -> None:
    """The streamed log reads exactly as json.dumps(log, indent=2) of the whole log would."""
    for batch in (results, results[:1], []):
        text = render_sarif(batch)
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_sarif_uris_are_uri_references() -> None:
    assert artifact_uri("seeds/a b.txt") == "seeds/a%20b.txt"
    assert artifact_uri("/abs/报告.txt") == "file:///abs/%E6%8A%A5%E5%91%8A.txt"
    assert artifact_uri("C:\\docs\\x.txt") == "file:///C:/docs/x.txt"
    assert artifact_uri("<stdin>") == "stdin"


# --- junit --------------------------------------------------------------------------------------------------------


def test_junit_one_suite_per_document_one_case_per_element(results) -> None:
    root = ET.fromstring(render_junit(results))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [r.source for r in results]
    for suite, result in zip(suites, results):
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped"))
        if result.error:
            assert len(cases) == 1 and cases[0].find("error") is not None
            continue
        errors = [f for f in result.findings if f.severity == "error"]
        assert len(cases) == 1 + len(result.elements) + len(errors)
        gate = cases[0]
        assert (gate.find("failure") is None) == result.passed
        assert {case.get("file") for case in cases} == {result.source}
        for case, e in zip(cases[1:], result.elements):
            assert case.get("name").startswith(e.id + " ")
            counted = e.severity != "advisory" and e.weight > 0
            failed = counted and (e.status == "fail" or (e.status == "partial" and e.severity == "required"))
            assert (case.find("failure") is not None) == failed, e
            assert (case.find("skipped") is not None) == (e.status == "skip")
        for case, f in zip(cases[1 + len(result.elements):], errors):
            assert case.find("failure").get("message") == f.message and case.get("line") == str(f.line)
    assert int(root.get("tests")) == len(root.findall(".//testcase"))
    assert int(root.get("errors")) == sum(1 for r in results if r.error)


def test_junit_advisory_and_weight_0_gaps_never_fail(special) -> None:
    """The passing special report fails no case for its advisory elements; their gap is in the case's output."""
    suite = ET.fromstring(render_junit([special])).find("testsuite")
    cases = {case.get("name").split(" ")[0]: case for case in suite.findall("testcase")}
    advisory = [e for e in special.elements if e.severity == "advisory" or e.weight == 0]
    assert any(e.status == "fail" for e in advisory)
    for e in advisory:
        case = cases[e.id]
        assert case.find("failure") is None and case.get("file") == "三项制度.txt"
        if e.status in ("fail", "partial"):
            assert e.message in case.find("system-out").text
    assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
    assert cases["总体结论（闸门）"].find("failure") is None


def test_junit_is_laid_out_as_one_indented_tree(results) -> None:
    """The streamed suites read exactly as ElementTree's indent() lays out the whole <testsuites> tree."""
    for batch in (results, results[:1], []):
        text = render_junit(batch)
        root = ET.fromstring(text)
        ET.indent(root)
        assert text == '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- github -------------------------------------------------------------------------------------------------------

ANNOTATION = re.compile(r"^::(error|warning|notice) file=([^,:\r\n]+)(?:,line=(\d+),col=(\d+))?,title=([^,:\r\n]+)"
                        r"::([^\r\n]+)$")


def _unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_github_annotations_parse_and_escape(results) -> None:
    out = render_github(results)
    lines = out.splitlines()
    matches = [ANNOTATION.match(line) for line in lines]
    assert all(matches), [line for line, m in zip(lines, matches) if not m][:3]
    expected = sum(len(_gaps(r)) + len(r.findings) + (not r.passed) for r in results)
    assert len(lines) == expected
    hostile = results[-1]
    mine = [m for m in matches if _unescape(m.group(2)) == HOSTILE_PATH]
    assert len(mine) == len(_gaps(hostile)) + len(hostile.findings) + 1
    placeholder = [m for m in mine if "placeholder" in m.group(5)]
    assert [(int(m.group(3)), int(m.group(4))) for m in placeholder] == [
        (f.line, f.column) for f in hostile.findings if f.check == "placeholder"]
    assert all(m.group(1) == "error" for m in placeholder)
    gap = next(m for m in mine if _unescape(m.group(5)).startswith("行政执法三项制度"))
    assert "\n建议：" in _unescape(gap.group(6))
    assert any(m.group(1) == "error" and m.group(3) is None and "无法检查" in m.group(6) for m in matches)


# --- csv / xlsx ---------------------------------------------------------------------------------------------------


def test_csv_has_bom_and_one_row_per_document_element(results) -> None:
    data = render_csv(results)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    # the columns of earlier versions first, in their order; additions after them
    assert header == ["文件", "发文机关", "层级", "年度", "得分", "等级", "是否通过", "要素编号", "要素", "状态", "级别", "问题",
                      "建议", "原文行号", "类别", "列", "原文"]
    assert all(len(row) == len(header) for row in body)
    kinds = [row[14] for row in body]
    assert kinds.count("要素") == sum(len(r.elements) for r in results)
    assert kinds.count("错误") == sum(1 for r in results if r.error)
    body = [row for row in body if row[14] in ("要素", "错误")]
    by_key = {(row[0], row[7]): row for row in body}
    weak = next(r for r in results if r.source.endswith("000_7c10309f05703634.txt"))
    row = by_key[(weak.source, "problem-causes")]
    assert row[1] == "镇平县人民政府" and row[3] == "2024" and float(row[4]) == weak.score.total
    assert row[6] == "未通过" and row[9] == "缺失" and row[10] == "必备" and row[11].startswith("未见对存在不足的原因分析")
    missing = next(row for row in body if row[0].endswith("no-such-report.txt"))
    assert missing[9] == "错误" and missing[11] == "文件不存在"
    # a cell that Excel would run as a formula is defused
    assert any(row[0] == "'" + HOSTILE_PATH for row in body)


def test_csv_has_rows_for_the_gate_reasons_and_findings(pack) -> None:
    """The hostile draft fails the gate for its placeholders: the reasons come first, then the elements, then one
    row per finding; columns 状态 and 要素 stay the elements' own."""
    result = audit_text(HOSTILE, pack, source="草稿.txt")
    assert result.score.reasons and result.findings
    rows = list(csv.reader(io.StringIO(render_csv([result]).decode("utf-8-sig"), newline="")))[1:]
    kinds = [row[14] for row in rows]
    n_reasons, n_elements = len(result.score.reasons), len(result.elements)
    assert kinds == ["结论"] * n_reasons + ["要素"] * n_elements + ["文字问题"] * len(result.findings)
    assert [row[11] for row in rows[:n_reasons]] == list(result.score.reasons)
    words = {"error": "错误", "warning": "警告", "info": "提示"}
    for row, f in zip(rows[n_reasons + n_elements:], result.findings):
        assert row[:7] == rows[0][:7] and row[6] == "未通过"
        assert (row[7], row[10], row[11], row[12]) == (f.check, words[f.severity], f.message, f.suggestion)
        assert (row[13], row[15], row[16]) == (str(f.line), str(f.column), f.text)
    for row in rows:
        assert (row[9] != "") == (row[14] == "要素")  # 状态 only on element rows: counting 缺失 still counts elements
    element = next(row for row, e in zip(rows[n_reasons:], result.elements) if e.evidence)
    e = next(e for e in result.elements if e.evidence)
    assert (element[13], element[15], element[16]) == (str(e.evidence[0].line), str(e.evidence[0].column),
                                                       e.evidence[0].text)


def _has_openpyxl() -> bool:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return False
    return True


def test_xlsx_workbook_sheets(results) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(FORMATS["xlsx"](results)))
    assert book.sheetnames == ["汇总", "要素", "文字问题"]
    summary = list(book["汇总"].iter_rows(values_only=True))
    assert len(summary) == 1 + len(results)
    assert summary[1][4] == results[0].score.total
    elements = list(book["要素"].iter_rows(values_only=True))
    assert len(elements) == 1 + sum(len(r.elements) or 1 for r in results)
    assert list(elements[0]) == list(HEADER)  # the CSV's columns; its 要素 rows
    findings = list(book["文字问题"].iter_rows(values_only=True))
    assert len(findings) == 1 + sum(len(r.findings) for r in results)
    # the look: a bold, frozen, filtered header row, set widths, status colours, long text wrapped
    for ws in book:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref == ws.dimensions
        assert all(cell.font.b for cell in ws[1])
    assert book["汇总"].column_dimensions["A"].width == 36 and book["要素"].column_dimensions["L"].width == 50
    fills = {cell.value: cell.fill.fgColor.rgb for cell in book["要素"]["J"][1:]}
    assert fills["缺失"].endswith("FFEBE9") and fills["具备"].endswith("DAFBE1")
    messages = [cell for cell in book["要素"]["L"][1:] if cell.value]
    assert messages and all(cell.alignment.wrap_text for cell in messages if len(cell.value) > 30)


def test_xlsx_without_openpyxl_says_how_to_install(results, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(UsageError, match=r"请安装.*pip install 'fazhi-checker\[xlsx\]'"):
        check_available("xlsx")
    with pytest.raises(UsageError, match=r"fazhi-checker\[xlsx\]"):
        FORMATS["xlsx"](results)
