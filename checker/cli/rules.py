"""`checker rules …` and `checker explain`: list, show, validate and test rule packs, print the matcher reference,
and explain an element or a text check to a writer."""

from __future__ import annotations

from pathlib import Path

import click

from checker.cli.exitcodes import ExitCode
from checker.errors import PackError, UsageError
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
@click.argument("name", metavar="要素或检查")
@PACK_OPTION
def explain(name: str, pack_name: str) -> int:
    """向撰稿人解释一个要素（要写什么、为什么、怎么写）或一项文字检查（查什么、级别、示例、怎么改）。

    可写编号（problem-causes、placeholder）、中文名称（原因分析、占位符未替换）或不会混淆的简称（原因、占位符）。
    """
    from checker.packs.loader import load_pack
    from checker.packs.model import CheckSpec

    pack = load_pack(pack_name)
    element = _find(pack, name)
    if isinstance(element, CheckSpec):
        _explain_check(pack, element)
        return 0
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
    """An element by id, Chinese title or a part of one title only; a usage error otherwise."""
    return _find(pack, name, with_checks=False)


def _find(pack, name: str, with_checks: bool = True):
    """The element (or text check) a writer means: its id in any case, its Chinese title, or a part of one title
    only; an ambiguous part lists the candidates, an unknown name suggests the nearest."""
    wanted = name.strip()
    items = [*pack.elements, *(c for c in pack.checks if c.enabled and with_checks)]
    for same in (lambda item: item.id.lower() == wanted.lower(), lambda item: item.title == wanted):
        exact = [item for item in items if same(item)]
        if exact:
            return exact[0]
    partial = [item for item in items if wanted and wanted in item.title]
    if len(partial) == 1:
        return partial[0]
    if partial:
        listed = "、".join(f"{item.title}（{item.id}）" for item in partial)
        raise UsageError(f"“{wanted}”可指：{listed}；请写全称或编号")
    import difflib

    names = {**{item.id: item for item in items}, **{item.title: item for item in items}}
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.5)
    hint = (f"，是否指 {names[close[0]].title}（{names[close[0]].id}）？" if close
            else f"；可用 checker rules list --pack {pack.id} 查看要素")
    kind = "要素或文字检查" if with_checks else "要素"
    raise UsageError(f"规则包 {pack.id} 中没有{kind}“{wanted}”{hint}")


CHECK_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def _explain_check(pack, check) -> None:
    from checker.score import FAILING

    gate = ("会使报告判为未通过" if check.severity in FAILING.get(pack.fail_on, ("error",))
            else "提醒核对，不影响是否通过")
    click.echo(f"【{check.title}】（文字检查 {check.id}）")
    click.echo(f"\n查什么：{check.message}")
    click.echo(f"级别：{CHECK_SEVERITY.get(check.severity, check.severity)}，{gate}")
    if check.basis:
        click.echo("为什么：" + "；".join(check.basis))
    click.echo(f"怎么改：{check.suggestion}")
    _check_examples(pack, check.id)


def _parent_folders(parents: tuple[str, ...]) -> list[Path]:
    """The folders of the packs a pack extends that can be found by id (a user's parent in its own folder may not
    be: its cases are then not shown, and nothing fails)."""
    from checker.packs.loader import resolve

    folders = []
    for parent in parents:
        try:
            folders.append(Path(resolve(parent)).parent)
        except UsageError:
            continue
    return folders


def _check_examples(pack, check_id: str) -> None:
    """A draft the check reports, with what it reports (run on it now), and a case it leaves alone: from the check's
    cases, which ship with the pack that configures the check (<pack>/check-cases/<check>.yaml)."""
    import yaml

    from checker.audit import audit_text
    from checker.model import RawText
    from checker.structure import build_document

    folders = [Path(pack.origin).parent, *_parent_folders(pack.extends)]
    path = next((f / "check-cases" / f"{check_id}.yaml" for f in folders
                 if (f / "check-cases" / f"{check_id}.yaml").is_file()), None)
    if path is None:
        return
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    cases = data.get("cases") or []
    reported = next((c for c in cases if c.get("kind") == "fail"), None)
    if reported:
        last = data.get("baseline")
        baseline = build_document(RawText("上年报告", last, "utf-8", "text")) if last else None
        result = audit_text(reported["text"], pack, source="示例", baseline=baseline)
        found = [f for f in result.findings if f.check == check_id][:3]
        lines = reported["text"].splitlines()
        click.echo(f"\n示例（{reported['why']}）：")
        for number in sorted({f.line for f in found}):
            text = lines[number - 1].strip() if number <= len(lines) else ""
            click.echo(f"  第{number}行　{text[:80]}{'…' if len(text) > 80 else ''}")
            for f in found:
                if f.line == number:
                    click.echo(f"    → {f.message}")
    quiet = next((c for c in cases if c.get("kind") == "near_miss"), None)
    if quiet:
        click.echo(f"不会报出的情形：{quiet['why']}")


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
