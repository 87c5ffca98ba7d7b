"""`checker trace ELEMENT FILE`: why one element of a document got its status, for the author of a rule.

Like `sqlfluff parse`: every matcher branch with its verdict, every candidate mention with its line and scope,
and each guard that accepted or refused it and why; then the final status. ELEMENT is an id or its Chinese title.
"""

from __future__ import annotations

import json

import click

from checker.words import STATUS_WORDS

SCHEMA = "checker-trace/1"
DESCRIPTION_CHARS = 150


@click.command("trace")
@click.argument("element_name", metavar="ELEMENT")
@click.argument("path", metavar="FILE")
@click.option("--pack", "pack_name", default=None, metavar="NAME|PATH",
              help="规则包名称或目录（默认与 audit 相同，按 --level 自动选择）。")
@click.option("--level", type=click.Choice(("auto", "province", "city", "county", "township", "department")),
              default="auto", help="报告层级（默认 auto）。")
@click.option("--encoding", default=None, metavar="NAME", help="强制按此编码读取（默认自动识别）。")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", help="输出格式。")
def trace(element_name: str, path: str, pack_name: str | None, level: str, encoding: str | None, fmt: str) -> int:
    """显示一个要素在一份报告上的判断过程：每处候选提及、所在部分、每项防误判的结论和理由、每个匹配分支的结论。"""
    from checker.cli.rules import find_element
    from checker.errors import InputError
    from checker.evaluate.trace import branch_dict, trace_element
    from checker.packs.loader import load_pack
    from checker.packs.select import choose
    from checker.read import read_source
    from checker.structure import build_document

    try:
        doc = build_document(read_source(path, encoding))
    except InputError as exc:
        raise click.UsageError(f"{exc.source}: {exc.reason}") from None
    reason = f"--pack {pack_name}" if pack_name else None
    if pack_name is None:
        pack_name, reason = choose(doc, level)
    pack = load_pack(pack_name)
    element = find_element(pack, element_name)
    result = trace_element(doc, pack, element)
    if fmt == "json":
        data = {"schema": SCHEMA, "file": path, "pack": {"id": pack.id, "version": pack.version, "reason": reason},
                "element": {"id": element.id, "title": element.title}, "status": result.status,
                "applies": result.applies, "match": branch_dict(doc, result.match),
                "weak_if": branch_dict(doc, result.weak_if) if result.weak_if else None}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    click.echo(f"要素：{element.id}　{element.title}　规则包：{pack.id} {pack.version}（{reason}）")
    click.echo(f"文件：{path}")
    if not result.applies:
        click.echo("本要素不适用于这份报告（层级或年度不在 applies_to 内），以下仅供参考。")
    _branch(doc, result.match, "判为具备（match）", 0)
    if result.weak_if is not None:
        _branch(doc, result.weak_if, "判为薄弱（weak_if）", 0)
    click.echo(f"\n结果：{STATUS_WORDS[result.status]}（{result.status}）")
    return 0


def _branch(doc, branch, title: str, depth: int) -> None:
    pad = "  " * depth
    verdict = "满足" if branch.ok else "不满足"
    click.echo(f"\n{pad}{title}　{branch.matcher}：{verdict}" + (f"　{branch.note}" if branch.note else ""))
    if not branch.children:
        description = branch.description
        if len(description) > DESCRIPTION_CHARS:
            description = description[:DESCRIPTION_CHARS] + "…"
        click.echo(f"{pad}  规则：{description}")
    if branch.whole_document:
        click.echo(f"{pad}  （按全文判断，不看单处提及；文件类型见 checker outline）")
    elif branch.matcher not in ("all", "any", "at_least") and not branch.mentions:
        click.echo(f"{pad}  （全文没有候选提及）")
    for mention in branch.mentions:
        line, column = doc.position(mention.span.start)
        text = doc.text[mention.span.start:mention.span.end]
        head = f"{pad}  第{line}行第{column}列 “{text if len(text) <= 30 else text[:30] + '…'}”"
        click.echo(f"{head}　{'计入' if mention.counted else '不计'}")
        click.echo(f"{pad}      " + "　".join(_check(c) for c in mention.checks))
    for i, child in enumerate(branch.children):
        _branch(doc, child, f"（{i + 1}）", depth + 1)


def _check(check) -> str:
    mark = "✔" if check.ok else "✘"
    return f"{mark}{check.name}" + (f"：{check.why}" if check.why else "")
