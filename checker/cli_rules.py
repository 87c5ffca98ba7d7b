"""`checker rules …`: list and validate rule packs."""

from __future__ import annotations

import click

from checker.errors import PackError
from checker.exitcodes import ExitCode


@click.group()
def rules() -> None:
    """列出或校验规则包。"""


@rules.command("list")
@click.option("--pack", "pack_name", default="fazhi-annual", show_default=True, metavar="NAME|PATH")
def rules_list(pack_name: str) -> int:
    """列出规则包中的要素：编号、名称、级别、权重。"""
    from checker.packs.loader import load_pack

    pack = load_pack(pack_name)
    click.echo(f"{pack.id} {pack.version}　{pack.title}")
    for e in pack.elements:
        state = "" if e.enabled else "（已停用）"
        click.echo(f"  {e.id:32} {e.severity:12} {e.weight:>4g}  {e.title}{state}")
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
