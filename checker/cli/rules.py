"""`checker rules …` and `checker explain`: list, show, validate and test rule packs, print the matcher reference,
and explain an element."""

from __future__ import annotations

from pathlib import Path

import click

from checker.cli.exitcodes import ExitCode
from checker.errors import PackError
from checker.words import SEVERITY_WORDS, STATUS_WORDS

PACK_OPTION = click.option("--pack", "pack_name", default="fazhi-annual", show_default=True, metavar="NAME|PATH",
                           help="规则包名称或目录。")


@click.group()
def rules() -> None:
    """列出、查看、校验和测试规则包。"""


@rules.command("list")
@PACK_OPTION
def rules_list(pack_name: str) -> int:
    """列出规则包中的要素：编号、级别、权重、适用层级和来源文件。"""
    from checker.packs.loader import load_pack

    pack = load_pack(pack_name)
    chain = " ← ".join((pack.id,) + pack.extends)
    click.echo(f"{pack.title}（{chain} {pack.version}）")
    for e in pack.elements:
        state = "（本规则包不评）" if not e.enabled else ""
        levels = ",".join(e.levels) if e.levels else "all"
        years = f" {e.years[0] or ''}–{e.years[1] or ''}年" if e.years else ""
        click.echo(f"  {e.id:32} {e.severity:11} {e.weight:>3g}  {levels}{years}  {e.title}{state}")
        click.echo(f"  {'':32} {_short_origin(e.origin)}")
    return 0


@rules.command("show")
@click.argument("element_id")
@PACK_OPTION
def rules_show(element_id: str, pack_name: str) -> int:
    """显示一个要素（编号或中文名称）：要求、依据、匹配规则（文字说明），以及合格和不合格的示例。"""
    element, pack = _element(element_id, pack_name)
    click.echo(f"{element.id}　{element.title}（{SEVERITY_WORDS[element.severity]}，权重 {element.weight:g}）")
    click.echo(f"规则包：{pack.id} {pack.version}　来源：{_short_origin(element.origin)}")
    click.echo(f"\n要求：{element.requires}")
    click.echo("依据：" + "；".join(element.basis))
    click.echo(f"\n判为具备：{element.match.describe(pack.scope_labels)}")
    if element.weak_if:
        click.echo(f"判为薄弱：{element.weak_if.describe(pack.scope_labels)}")
    click.echo("否则判为缺失。")
    if element.levels or element.years:
        click.echo(f"适用：层级 {', '.join(element.levels or ['全部'])}；年度 {element.years or '全部'}")
    _examples(pack, element.id)
    return 0


@click.command("explain")
@click.argument("element_id")
@PACK_OPTION
def explain(element_id: str, pack_name: str) -> int:
    """向撰稿人解释一个要素：要写什么、为什么、怎么写。"""
    element, pack = _element(element_id, pack_name)
    click.echo(f"【{element.title}】（{SEVERITY_WORDS[element.severity]}要素）")
    click.echo(f"\n要写什么：{element.requires}")
    click.echo("为什么要写：" + "；".join(element.basis))
    click.echo(f"常见问题：{element.message}")
    click.echo(f"怎么写：{element.suggestion}")
    _examples(pack, element.id)
    return 0


@rules.command("validate")
@click.argument("paths", nargs=-1, required=True)
def rules_validate(paths: tuple[str, ...]) -> int:
    """校验规则包（目录或 pack.yaml），逐条列出错误及其文件和行号。"""
    from checker.packs.loader import load_pack

    code = ExitCode.OK
    for path in paths:
        try:
            pack = load_pack(path)
            click.echo(f"{path}: 有效（{pack.id} {pack.version}，{len(pack.elements)} 个要素）")
        except PackError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            code = ExitCode.ERROR
    return int(code)


@rules.command("test")
@click.argument("path")
def rules_test(path: str) -> int:
    """运行规则包自带的规则用例（PATH/cases/*.yaml），列出与预期不符的用例。"""
    from checker.cases import find_cases, run_cases
    from checker.packs.loader import load_pack

    pack = load_pack(path)
    files = find_cases(pack)
    if not files:
        click.echo(f"{path}: 没有找到规则用例（应放在 cases/<要素编号>.yaml）", err=True)
        return int(ExitCode.ERROR)
    outcomes = run_cases(pack, files)
    failed = [o for o in outcomes if not o.ok]
    for o in failed:
        click.echo(f"✘ {o.element}[{o.name}]：预期{STATUS_WORDS[o.expect]}，实际{STATUS_WORDS[o.got]}（{o.why}）"
                   f"　{_short_origin(o.origin)}")
    click.echo(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return int(ExitCode.GATE_FAILED if failed else ExitCode.OK)


@rules.command("schema")
def rules_schema() -> int:
    """打印匹配器和规则包文件的参数说明（由参数定义生成，与 rules/README.md 一致）。"""
    from checker.packs.reference import reference

    click.echo(reference(), nl=False)
    return 0


def _element(element_id: str, pack_name: str):
    from checker.packs.loader import load_pack

    pack = load_pack(pack_name)
    return find_element(pack, element_id), pack


def find_element(pack, name: str):
    """An element by id or Chinese title; a usage error with the nearest id or title otherwise."""
    import difflib

    from checker.errors import UsageError

    element = pack.find_element(name)
    if element is None:
        names = [e.id for e in pack.elements] + [e.title for e in pack.elements]
        close = difflib.get_close_matches(name, names, n=1)
        hint = f"，是否指 {close[0]}？" if close else f"；可用 checker rules list --pack {pack.id} 查看"
        raise UsageError(f"规则包 {pack.id} 中没有要素 {name}{hint}")
    return element


def _examples(pack, element_id: str) -> None:
    from checker.cases import find_cases, load_case_file

    for path in find_cases(pack):
        if path.stem != element_id:
            continue
        cases = load_case_file(path)
        for expect, label in (("pass", "合格示例"), ("fail", "不合格示例")):
            case = next((c for c in cases if c.get("expect") == expect and c.get("text") and c.get("why")), None)
            if case:
                text = " ".join(case["text"].split())
                click.echo(f"\n{label}（{case['why']}）：\n  {text[:160]}{'…' if len(text) > 160 else ''}")


def _short_origin(origin: str) -> str:
    if ":" not in origin:
        return origin
    try:
        return str(Path(origin.rsplit(":", 1)[0]).relative_to(Path.cwd())) + ":" + origin.rsplit(":", 1)[1]
    except ValueError:
        return origin
