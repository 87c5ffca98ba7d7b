"""`checker outline PATH...`: what the checker understood of each document (title, body, level, year, sign-off,
sections), before any verdict. Registered on the main group by main.py."""

from __future__ import annotations

import os

import click

from checker.cli.exitcodes import ExitCode


@click.command("outline")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="输出格式。")
@click.option("--encoding", default=None, metavar="NAME", help="强制按此编码读取（默认自动识别）。")
@click.option("--depth", type=click.IntRange(1, 6), default=3, show_default=True, help="章节树显示的层数（文本格式）。")
@click.option("--no-color", is_flag=True, help="不使用颜色（也可设置 NO_COLOR）。")
def outline(paths: tuple[str, ...], fmt: str, encoding: str | None, depth: int, no_color: bool) -> int:
    """显示检查器识别出的文档结构：标题、机关、层级、年度、落款和章节。"""
    from checker.errors import InputError
    from checker.read import expand_paths, read_source
    from checker.render.outline import (
        error_dict,
        outline_dict,
        render_outline_json,
        render_outline_tree,
    )
    from checker.structure import build_document

    if encoding:
        from checker.read.encoding import unusable_codec

        if unusable_codec(encoding):
            raise click.BadParameter(unusable_codec(encoding), param_hint="--encoding")
    console = None
    if fmt == "text":
        from rich.console import Console

        plain = no_color or bool(os.environ.get("NO_COLOR"))
        console = Console(no_color=plain, color_system=None if plain else "auto", highlight=False, soft_wrap=False)
    items, failed = [], False
    for path in expand_paths(list(paths)):
        if isinstance(path, InputError):
            item = error_dict(path.source, path.reason)
        else:
            try:
                item = outline_dict(build_document(read_source(path, encoding)))
            except InputError as exc:
                item = error_dict(exc.source, exc.reason)
        if item.get("error"):
            failed = True
            click.echo(f"checker: {item['path']}: {item['error']['message']}", err=True)
        items.append(item)
        if console is not None:
            render_outline_tree(console, item, depth)
    if fmt == "json":
        click.echo(render_outline_json(items), nl=False)
    return int(ExitCode.ERROR if failed else ExitCode.OK)
