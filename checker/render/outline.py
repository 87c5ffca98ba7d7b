"""`checker outline`: what the checker understood of a document before any verdict — title, issuing body, level,
year, sign-off, publication date and the section tree — as a rich tree for a terminal or as JSON
(`checker-outline/1`)."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from checker import __version__
from checker.model import Document, Section
from checker.render.names import safe_name
from checker.structure.genre import GENRE_NAMES
from checker.words import LEVEL_WORDS

SCHEMA = "checker-outline/1"
KIND_WORDS = {"text": "文本", "markdown": "Markdown", "docx": "Word", "doc": "Word 97-2003", "wps": "WPS",
              "pdf": "PDF", "html": "网页"}


def outline_dict(doc: Document) -> dict:
    meta = doc.meta
    signoff = None
    if meta.signoff:
        signoff = {"body": meta.signoff.body, "date": meta.signoff.date, "kind": meta.signoff.kind,
                   **_where(doc, meta.signoff.span.start)}
    return {
        "path": safe_name(doc.source),
        "kind": doc.kind,
        "encoding": doc.encoding,
        "pages": len(doc.page_starts) or None,
        "title": meta.title,
        "title_at": _where(doc, meta.title_span.start) if meta.title_span else None,
        "body": meta.body,
        "level": meta.level,
        "year": meta.year,
        "published": meta.published,
        "properties": dict(doc.properties),
        "genre": meta.genre,
        "signoff": signoff,
        "sections": [_section(doc, s) for s in doc.sections],
        "error": None,
    }


def error_dict(source: str, reason: str) -> dict:
    return {"path": safe_name(source), "error": {"kind": "input", "message": reason}}


def _where(doc: Document, offset: int) -> dict:
    line, _ = doc.position(offset)
    out = {"line": line}
    page = doc.page(offset)
    if page is not None:
        out["page"] = page
    return out


def _section(doc: Document, section: Section) -> dict:
    return {"number": section.number, "title": section.title, "rank": section.rank,
            **_where(doc, section.heading.start), "malformed": section.malformed,
            "children": [_section(doc, c) for c in section.children]}


def render_outline_json(items: list[dict]) -> str:
    data = {"schema": SCHEMA, "tool": {"name": "checker", "version": __version__}, "documents": items}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_outline_tree(console: Console, item: dict, max_depth: int = 3) -> None:
    if item.get("error"):
        tree = Tree(f"[bold]{escape(item['path'])}[/]")
        tree.add(f"[red]✘ {escape(item['error']['message'])}[/]")
        console.print(tree)
        return
    kind = KIND_WORDS.get(item["kind"], item["kind"])
    pages = f"，{item['pages']} 页" if item.get("pages") else ""
    tree = Tree(f"[bold]{escape(item['path'])}[/]  [dim]{kind}{pages}[/]")
    tree.add(f"标题：{_val(item['title'])}{_at(item.get('title_at'))}")
    tree.add(f"机关：{_val(item['body'])}　层级：{_val(LEVEL_WORDS.get(item['level'] or '', None))}　"
             f"年度：{_val(item['year'])}")
    tree.add(f"类型：{escape(GENRE_NAMES.get(item['genre'], item['genre']))}")
    if item.get("published"):
        tree.add(f"发布时间：{escape(item['published'])}")
    if item.get("properties"):
        words = {"title": "标题", "author": "作者", "modified": "修改时间"}
        tree.add("文件属性：" + "　".join(f"{words.get(k, k)} {escape(v)}" for k, v in item["properties"].items()))
    signoff = item.get("signoff")
    if signoff:
        label = {"end": "落款", "notice": "通知落款"}.get(signoff["kind"], "署名")
        parts = " ".join(p for p in (signoff.get("body"), signoff.get("date")) if p)
        tree.add(f"{label}：{escape(parts)}{_at(signoff)}")
    else:
        tree.add("落款：[yellow]未识别[/]")
    count = len(item["sections"])
    sections = tree.add(f"章节（{count} 个一级部分）" if count else "章节：[yellow]未识别[/]")
    for s in item["sections"]:
        _add_section(sections, s, 1, max_depth)
    console.print(tree)


def _add_section(parent: Tree, section: dict, depth: int, max_depth: int) -> None:
    number = section["number"]
    if number[:1].isdigit():
        sep = "."
    elif number.startswith("第"):
        sep = " "
    else:
        sep = "、" if number and number[-1] not in ")）" else ""
    label = f"{escape(number)}{sep if number else ''}{escape(section['title'] or '（无标题）')}"
    if section.get("malformed"):
        label += " [yellow]（编号残缺）[/]"
    node = parent.add(f"{label}{_at(section)}")
    if depth < max_depth:
        for child in section["children"]:
            _add_section(node, child, depth + 1, max_depth)
    elif section["children"]:
        node.add(f"[dim]…{len(section['children'])} 个小节[/]")


def _val(value) -> str:
    return "[yellow]未识别[/]" if value in (None, "") else escape(str(value))


def _at(where: dict | None) -> str:
    if not where:
        return ""
    page = f"第{where['page']}页 " if where.get("page") else ""
    return f"  [dim]{page}第{where['line']}行[/]"
