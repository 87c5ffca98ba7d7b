"""One self-contained HTML file a reviewer opens in a browser or prints on A4: inline CSS, a few lines of inline JS
for sorting, no network. A summary matrix (documents × elements, colour-coded, sortable by any column) links to each
document's gap report; each quote opens (a <details>, no script) on the lines around it, taken from the evidence.
Elements that do not count (weight 0, shown for information) are blue, never red. A pure function of the results;
all text is escaped."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from html import escape
from typing import NamedTuple

from checker import __version__
from checker.model import Result
from checker.render.json import document_dict
from checker.render.stream import SpooledStream, feed
from checker.words import LEVEL_WORDS, SEVERITY_WORDS, STATUS_WORDS

STATUS_MARKS = {"pass": "✔", "partial": "◐", "fail": "✘", "skip": "–"}
FINDING_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
_SEVERITY_ORDER = {"required": 0, "recommended": 1, "advisory": 2}
SORT_RANK = {"fail": 3, "partial": 2, "pass": 1, "skip": 0}  # a first click on an element puts the gaps on top

CSS = """
:root{--pass:#1a7f37;--pass-bg:#dafbe1;--partial:#9a6700;--partial-bg:#fff8c5;--fail:#cf222e;--fail-bg:#ffebe9;
--skip:#6e7781;--skip-bg:#f6f8fa;--free:#0550ae;--free-bg:#ddf4ff;--line:#d0d7de;--muted:#57606a;
--accent:#0969da}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px 64px;font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC",
"Microsoft YaHei",system-ui,sans-serif;color:#1f2328;background:#f6f8fa}
main{max-width:1280px;margin:0 auto}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0}h3{font-size:15px;margin:20px 0 8px}
.sub{color:var(--muted);margin:0 0 16px}
.cards{display:flex;gap:12px;margin:0 0 20px;flex-wrap:wrap}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 18px;min-width:110px}
.card b{display:block;font-size:22px}.card span{color:var(--muted)}
.wrap{overflow-x:auto;background:#fff;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
.matrix th{background:#f6f8fa;font-weight:600;white-space:nowrap;position:sticky;top:0}
.matrix th.el{writing-mode:vertical-rl;text-orientation:upright;letter-spacing:1px;padding:8px 4px;
vertical-align:bottom;text-align:center;font-weight:500;max-height:9em}
.matrix th.sortable{cursor:pointer;user-select:none}.matrix th.sortable:hover{color:var(--accent)}
.matrix th.sortable::after{content:" ⇅";color:#8c959f}.matrix th.el.sortable::after{content:none}
.matrix th[aria-sort=ascending]::after{content:" ▲"}.matrix th[aria-sort=descending]::after{content:" ▼"}
.matrix th.el[aria-sort]{color:var(--accent)}
.matrix td{vertical-align:middle}
.matrix tr>:first-child,.matrix tr>:nth-child(2){position:sticky;left:0;z-index:1;background:#fff}
.matrix th:first-child,.matrix th:nth-child(2){z-index:2;background:#f6f8fa}
.matrix tr>:first-child{width:3.2em;min-width:3.2em}
.matrix tr>:nth-child(2){left:3.2em;box-shadow:1px 0 0 var(--line)}
.matrix td.st{text-align:center;padding:6px 2px;width:26px;font-weight:700}
.matrix td.num{text-align:right;font-variant-numeric:tabular-nums}
.matrix tr:hover td{filter:brightness(.97)}
.matrix td.file{min-width:14em}.matrix td.file a{color:var(--accent);text-decoration:none;overflow-wrap:anywhere}
.st-pass{color:var(--pass);background:var(--pass-bg)}.st-partial{color:var(--partial);background:var(--partial-bg)}
.st-fail{color:var(--fail);background:var(--fail-bg)}.st-skip{color:var(--skip);background:var(--skip-bg)}
.st-none{background:#fff}.st-free{color:var(--free);background:var(--free-bg)}
.badge{display:inline-block;border-radius:12px;padding:0 10px;font-size:12px;font-weight:600;white-space:nowrap}
.ok{color:var(--pass);background:var(--pass-bg)}.bad{color:var(--fail);background:var(--fail-bg)}
.err{color:#fff;background:var(--fail)}
.legend{color:var(--muted);font-size:12px;margin:8px 0 28px}
.legend span{display:inline-block;padding:0 6px;border-radius:4px;margin-right:6px}
section.doc{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin:0 0 20px}
section.doc.failed{border-left:4px solid var(--fail)}section.doc.passed{border-left:4px solid var(--pass)}
.doc header{display:flex;justify-content:space-between;gap:16px;align-items:flex-start}
.doc header>div:first-child{flex:1 1 auto;min-width:0}.verdict{text-align:right;white-space:nowrap}
.path{color:var(--muted);font-size:12px;word-break:break-all}
.score{font-size:28px;font-weight:700;line-height:1}.score small{font-size:14px;color:var(--muted);font-weight:400}
.meta{color:var(--muted);margin:6px 0}.reasons{margin:6px 0;padding-left:20px;color:var(--fail)}
.gap{border:1px solid var(--line);border-radius:6px;margin:10px 0;overflow:hidden}
.gap>div.t{padding:6px 12px;font-weight:600;display:flex;gap:8px;align-items:center}
.gap dl{margin:0;padding:6px 12px 10px;display:grid;grid-template-columns:3em 1fr;gap:4px 8px}
.gap dt{color:var(--muted);font-weight:600}.gap dd{margin:0}
.gap code,.doc code{font-size:12px;color:var(--muted);font-weight:400}
blockquote,.ev>summary{margin:2px 0;padding:2px 10px;border-left:3px solid var(--line);color:#424a53;
background:#f6f8fa}
.ln{color:var(--muted);font-size:12px;margin-right:6px;white-space:nowrap}
.ev>summary{list-style:none;cursor:pointer}.ev>summary::-webkit-details-marker{display:none}
.ev>summary .ln{color:var(--accent)}.ev>summary .ln::after{content:" ▸"}.ev[open]>summary .ln::after{content:" ▾"}
.ev>summary:hover{border-left-color:var(--accent)}
.ctx{white-space:pre-wrap;word-break:break-word;margin:0 0 8px 3px;padding:8px 12px;border-left:3px solid
var(--accent);background:#fff;font-size:13px;color:#424a53;max-height:24em;overflow:auto}
.ctx mark{background:var(--partial-bg);color:#1f2328;padding:0 2px;border-bottom:2px solid #d4a72c}
details.more{margin:12px 0}details.more>summary{cursor:pointer;color:var(--muted)}
.findings td.sev{white-space:nowrap}.findings td.ln{white-space:nowrap;color:var(--accent)}
.sev-error{color:var(--fail);font-weight:600}.sev-warning{color:var(--partial);font-weight:600}
.sev-info{color:var(--skip)}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
a.top{font-size:12px;color:var(--accent);text-decoration:none}
@media screen and (max-width:900px){body{padding:16px 12px 48px}.doc header{display:block}
section.doc{padding:14px 14px}}
@page{size:A4;margin:12mm 10mm}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{background:#fff;padding:0;font-size:10pt}main{max-width:none;padding-right:2px}h1{font-size:18px}
.wrap{overflow:visible;border-radius:0}.matrix{font-size:9pt}.matrix th,.matrix td{position:static}
.matrix th.sortable::after{content:none}.matrix th.el{padding:4px 1px;letter-spacing:0;font-size:8pt;line-height:1.25}
.matrix td.st{font-size:8pt}.matrix .path{font-size:7pt}
.matrix td.st{width:auto;padding:3px 0}.matrix td.file{min-width:9em}.matrix td,.matrix th{padding:3px 4px}
.sub .hint,.legend .hint,.ev>summary .ln::after{display:none}
thead{display:table-header-group}tr,.gap,blockquote,.ev{break-inside:avoid}
section.doc{break-before:page;border-radius:0;padding:0 0 0 10px;border-top:none;border-right:none;
border-bottom:none}
section.doc:first-of-type{break-before:auto}
.card{padding:4px 12px}.matrix .badge{padding:0 4px}.matrix tr:hover td{filter:none}a.top{display:none}.ctx{max-height:none}
}
"""

JS = """
function key(row,col){var c=row.cells[col];return c&&c.dataset.v!==undefined?c.dataset.v:''}
document.querySelectorAll('table.matrix th.sortable').forEach(function(th){
 th.addEventListener('click',function(){
  var table=th.closest('table'),body=table.tBodies[0],col=th.cellIndex,num=th.dataset.type==='num';
  var dir=th.getAttribute('aria-sort')==='descending'?1:-1;
  table.querySelectorAll('th[aria-sort]').forEach(function(h){h.removeAttribute('aria-sort')});
  th.setAttribute('aria-sort',dir===1?'ascending':'descending');
  var rows=Array.prototype.slice.call(body.rows);
  rows.sort(function(a,b){
   var x=key(a,col),y=key(b,col);
   if(num){x=x===''?-1:+x;y=y===''?-1:+y;return (x-y)*dir}
   return x.localeCompare(y,'zh')*dir});
  rows.forEach(function(r){body.appendChild(r)});
 });
});
"""


def render_html(results: list[Result]) -> str:
    return "".join(feed(HtmlStream(), results))


class _Row(NamedTuple):
    """What the summary matrix needs of one document; its section is already spooled."""

    index: int
    path: str
    title: str | None
    score: float | None
    grade: str | None
    passed: bool
    error: str | None
    cells: dict[str, str]  # element id → its status cell, shared by the documents where it reads the same


class HtmlStream(SpooledStream):
    """The documents × elements matrix comes first, and its columns (the union over the batch) are known only at the
    end: a _Row per document stays in memory, its section is spooled."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[_Row] = []
        self._columns: dict[str, str] = {}  # element id → title, in pack order as first seen
        self._cells: dict[tuple[str, str, str], str] = {}

    def part(self, result: Result) -> str:
        i, d = self.documents + 1, with_context(document_dict(result), result)
        cells = {}
        for el in d["elements"]:
            self._columns.setdefault(el["id"], el["title"])
            cells[sys.intern(el["id"])] = self._cell(el)
        self._rows.append(_Row(i, d["path"], d["title"], d["score"], d["grade"], d["passed"],
                               d["error"]["message"] if d["error"] else None, cells))
        return "\n" + _document(i, d)

    def _cell(self, el: dict) -> str:
        free = not counts(el)
        key = (el["status"], el["severity"], el["title"], free)
        if key not in self._cells:
            tip = (f"{el['title']}（{SEVERITY_WORDS.get(el['severity'], '')}{'，不计分' if free else ''}）："
                   f"{STATUS_WORDS[el['status']]}")
            self._cells[key] = (f'<td class="st {_status_class(el)}" title="{e(tip)}" data-status="{el["status"]}"'
                                f' data-v="{SORT_RANK[el["status"]]}">{STATUS_MARKS[el["status"]]}</td>')
        return self._cells[key]

    def head(self) -> Iterator[str]:
        yield "\n".join([
            '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="checker ' + e(__version__) + '">',
            "<title>法治政府建设年度报告检查结果</title>", f"<style>{CSS}</style>", "</head>",
            '<body>\n<main>\n<h1 id="top">法治政府建设年度报告检查结果</h1>',
            f'<p class="sub">共 {self.documents} 份报告<span class="hint">；点击表头按文件名、得分、等级或某一要素'
            "排序，点击文件名查看差距报告</span>。</p>",
            '<div class="cards">', _card(self.documents, "份报告"), _card(self.passed, "通过"),
            _card(self.failed, "未通过"), _card(self.errors, "无法检查"), "</div>", ""])
        yield from _matrix(self._rows, list(self._columns.items()))
        yield "\n" + _legend()

    def tail(self) -> Iterator[str]:
        yield "\n" + "\n".join([f"<footer>由 checker {e(__version__)} 生成</footer>", "</main>",
                                 f"<script>{JS}</script>", "</body>\n</html>\n"])


def e(value) -> str:
    return escape(str(value), quote=True)


def _card(n: int, label: str) -> str:
    return f'<div class="card"><b>{n}</b><span>{e(label)}</span></div>'


def _matrix(rows: list[_Row], columns: list[tuple[str, str]]) -> Iterator[str]:
    head = ['<th class="sortable" data-type="num">#</th>', '<th class="sortable">文件</th>',
            '<th class="sortable" data-type="num">得分</th>', '<th class="sortable">等级</th>',
            '<th class="sortable">结论</th>']
    head += [f'<th class="el sortable" data-type="num" data-element="{e(eid)}" '
             f'title="{e(title)}（{e(eid)}）：点击按此要素排序">{e(title)}</th>' for eid, title in columns]
    yield ('<div class="wrap"><table class="matrix" id="summary"><thead><tr>' + "".join(head)
           + "</tr></thead>\n<tbody>\n")
    for row in rows:
        yield ("\n" if row.index > 1 else "") + _matrix_row(row, columns)
    yield "\n</tbody></table></div>"


def _matrix_row(row: _Row, columns: list[tuple[str, str]]) -> str:
    i = row.index
    cells = [f'<td class="num" data-v="{i}">{i}</td>',
             f'<td class="file" data-v="{e(row.path)}"><a href="#doc-{i}" title="{e(row.path)}">'
             f'{e(row.title or row.path)}</a>' + (f'<div class="path">{e(row.path)}</div>' if row.title else "")
             + "</td>"]
    if row.error is not None:
        cells += ['<td class="num" data-v=""></td>', '<td data-v=""></td>',
                  '<td data-v="无法检查"><span class="badge err">无法检查</span></td>']
        if columns:
            cells.append(f'<td colspan="{len(columns)}" class="st-none" data-v="">{e(row.error)}</td>')
    else:
        verdict = "通过" if row.passed else "未通过"
        badge = "ok" if row.passed else "bad"
        cells += [f'<td class="num" data-v="{row.score}"><b>{row.score:g}</b></td>',
                  f'<td data-v="{e(row.grade)}">{e(row.grade)}</td>',
                  f'<td data-v="{verdict}"><span class="badge {badge}">{verdict}</span></td>']
        cells += [row.cells.get(eid, '<td class="st st-none" data-v=""></td>') for eid, _ in columns]
    return f'<tr id="row-{i}">' + "".join(cells) + "</tr>"


def _legend() -> str:
    items = "".join(f'<span class="st-{s}">{STATUS_MARKS[s]} {STATUS_WORDS[s]}</span>' for s in STATUS_WORDS)
    return (f'<p class="legend">{items}<span class="st-free">✘ ◐ 不计分（仅供参考）</span>'
            '<span class="hint">　鼠标悬停在格子上可看要素名称和级别；点击报告中的“第N行”可看原文上下文。</span></p>')


def counts(el: dict) -> bool:
    """Whether an element counts towards the score: a weight-0 element (advisory in a special report) is shown for
    information only, and its gap is never coloured as a failure."""
    return el["weight"] > 0


def _status_class(el: dict) -> str:
    gap = el["status"] in ("fail", "partial")
    return "st-free" if gap and not counts(el) else f"st-{el['status']}"


def with_context(d: dict, result: Result) -> dict:
    """document_dict() with each quote's surrounding lines, which the JSON contract does not carry."""
    for el, element in zip(d["elements"], result.elements):
        for ev, evidence in zip(el["evidence"], element.evidence):
            ev["before"], ev["after"] = evidence.before, evidence.after
    return d


def _document(i: int, d: dict) -> str:
    if d["error"]:
        return (f'<section class="doc failed" id="doc-{i}"><header><div><h2>{e(d["path"])}</h2></div>'
                f'<span class="badge err">无法检查</span></header><p>{e(d["error"]["message"])}</p>'
                '<a class="top" href="#top">↑ 返回汇总</a></section>')
    verdict = "通过" if d["passed"] else "未通过"
    out = [f'<section class="doc {"passed" if d["passed"] else "failed"}" id="doc-{i}">', "<header><div>",
           f'<h2>{e(d["title"] or "（未识别到标题）")}</h2><div class="path">{e(d["path"])}</div>',
           f'<div class="meta">机关：{e(d["body"] or "未识别")}　层级：{e(LEVEL_WORDS.get(d["level"] or "", "未识别"))}'
           f'　年度：{e(d["year"] or "未识别")}'
           + (f'　规则包：{e(d["pack"]["id"])} {e(d["pack"]["version"])}' if d["pack"] else "") + "</div>"]
    if d["pack"] and d["pack"].get("reason"):
        out.append(f'<div class="meta" style="font-size:12px">选择依据：{e(d["pack"]["reason"])}</div>')
    out.append("</div>")
    out.append(f'<div class="verdict"><div class="score">{d["score"]:g}'
               f'<small> 分 · {e(d["grade"])}</small></div>'
               f'<span class="badge {"ok" if d["passed"] else "bad"}">{verdict}</span></div></header>')
    if d["reasons"]:
        out.append('<ul class="reasons">' + "".join(f"<li>{e(r)}</li>" for r in d["reasons"]) + "</ul>")
    gaps = sorted((el for el in d["elements"] if el["status"] in ("fail", "partial")),
                  key=lambda el: (el["status"] != "fail", _SEVERITY_ORDER.get(el["severity"], 9)))
    counted = [el for el in gaps if counts(el)]
    if counted:
        out.append(f"<h3>需要补写的要素（{_tally(counted)}）</h3>")
        out += [_gap(el) for el in counted]
    free = [el for el in gaps if not counts(el)]
    if free:
        out.append(f'<details class="more"><summary>仅供参考、不计分的要素（{_tally(free)}）</summary>')
        out += [_gap(el) for el in free]
        out.append("</details>")
    ok = [el for el in d["elements"] if el["status"] in ("pass", "skip")]
    if ok:
        out.append(f'<details class="more"><summary>具备或不适用的要素（{len(ok)} 项）及原文</summary>')
        out += [_gap(el) for el in ok]
        out.append("</details>")
    if d["findings"]:
        out.append(f"<h3>文字问题（{len(d['findings'])} 处）</h3>")
        out.append('<div class="wrap"><table class="findings"><thead><tr><th>位置</th><th>级别</th><th>原文</th>'
                   "<th>问题</th><th>建议</th></tr></thead><tbody>")
        for f in d["findings"]:
            out.append(f'<tr><td class="ln">第{f["line"]}行第{f["column"]}列</td>'
                       f'<td class="sev sev-{e(f["severity"])}">'
                       f'{e(FINDING_WORDS.get(f["severity"], f["severity"]))}</td>'
                       f'<td>{e(f["text"])}</td><td>{e(f["message"])}<br><code>{e(f["check"])}</code></td>'
                       f'<td>{e(f["suggestion"])}</td></tr>')
        out.append("</tbody></table></div>")
    out.append('<p><a class="top" href="#top">↑ 返回汇总</a></p></section>')
    return "\n".join(out)


def _tally(gaps: list[dict]) -> str:
    return (f"缺失 {sum(1 for g in gaps if g['status'] == 'fail')} 项，"
            f"薄弱 {sum(1 for g in gaps if g['status'] == 'partial')} 项")


def _gap(el: dict) -> str:
    status = el["status"]
    free = "，不计分" if not counts(el) else ""
    out = [f'<div class="gap" data-element="{e(el["id"])}" data-status="{status}">',
           (f'<div class="t {_status_class(el)}">{STATUS_MARKS[status]} {e(el["title"])}'
            f'<span>（{e(SEVERITY_WORDS.get(el["severity"], ""))}{free}）{STATUS_WORDS[status]}</span>'
            f'<code>{e(el["id"])}</code></div><dl>')]
    if status in ("fail", "partial"):
        out.append(f"<dt>问题</dt><dd>{e(el['message'])}</dd><dt>建议</dt><dd>{e(el['suggestion'])}</dd>")
        if el["basis"]:
            out.append("<dt>依据</dt><dd>" + "<br>".join(e(b) for b in el["basis"]) + "</dd>")
    if el["evidence"]:
        out.append(f"<dt>原文</dt><dd>{''.join(_quote(ev) for ev in el['evidence'][:3])}</dd>")
    out.append("</dl></div>")
    return "".join(out)


def _quote(ev: dict) -> str:
    """The quote; with its surrounding lines, a <details> that opens on them with the quote marked."""
    where = f'<span class="ln">{_where(ev)}</span>{e(ev["text"])}'
    if not (ev.get("before") or ev.get("after")):
        return f"<blockquote>{where}</blockquote>"
    marked = e(ev["text"].removeprefix("…").removesuffix("…"))
    return (f'<details class="ev"><summary title="点击查看上下文">{where}</summary>'
            f'<div class="ctx">{e(ev["before"])}<mark>{marked}</mark>{e(ev["after"])}</div></details>')


def _where(ev: dict) -> str:
    page = f"第{ev['page']}页" if ev.get("page") else ""
    return f"{page}第{ev['line']}行"
