"""`checker annotate DRAFT -o REVIEWED.docx`: the review copy (审阅稿), the draft with checker's findings as Word
comments, for a reviewer to hand back to the writer. Registered on the main group by main.py.

A command of its own rather than an output format of `audit`: its output is one document per draft, made from the
draft itself (a .docx is copied, not re-typed), while audit's formats report on a batch. The draft is judged exactly
as `checker audit` judges it (same options, same configuration) and is never written to.
"""

from __future__ import annotations

import os

import click

from checker.cli.audit import LEVEL_CHOICES, _check_encoding, _config
from checker.cli.exitcodes import ExitCode, exit_code_for


@click.command("annotate")
@click.argument("draft")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False),
              help="审阅稿（.docx）的写入路径（原子写入；不能是原稿本身）。")
@click.option("--reviewer", default=None, metavar="NAME",
              help="批注的作者（默认取配置文件中的 reviewer，否则为 checker）。")
@click.option("--pack", "pack_name", default=None, metavar="NAME|PATH",
              help="规则包名称或目录（默认按 --level 自动选择）。")
@click.option("--level", type=click.Choice(LEVEL_CHOICES), default=None,
              help="报告层级：auto（默认）按发文机关和标题自动判断，或指定层级。")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None, metavar="N",
              help="总分低于 N 即不通过（默认取规则包的设定）。")
@click.option("--exit-zero", is_flag=True, help="无论是否通过都以 0 退出（错误仍为 2）。")
@click.option("--encoding", default=None, metavar="NAME", help="强制按此编码读取（默认自动识别）。")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, metavar="PATH",
              help="上一年度的报告：同时批注照搬上年文字之处。")
@click.option("--max-size", type=click.FloatRange(min=0.001), default=None, metavar="MB",
              help="输入文件的大小上限（默认 50 MB）。")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="PATH",
              help="配置文件（默认从当前目录向上查找 .checker.yaml）。")
@click.option("--isolated", is_flag=True, help="不读取任何配置文件。")
@click.option("-q", "--quiet", is_flag=True, help="不输出写入结果的说明。")
def annotate(draft: str, output: str, reviewer: str | None, pack_name: str | None, level: str | None,
             fail_under: float | None, exit_zero: bool, encoding: str | None, baseline: str | None,
             max_size: float | None, config_path: str | None, isolated: bool, quiet: bool) -> int:
    """生成审阅稿：在草稿副本中以 Word 批注标出每处证据、缺失要素和文字问题（原稿不变）。"""
    from checker.audit import audit_source, load_baseline
    from checker.cli import batch
    from checker.cli.output import refuse_overwriting_inputs, write_output
    from checker.model import Result
    from checker.packs.loader import load_pack
    from checker.read import READERS

    if os.path.isdir(draft):
        raise click.UsageError("annotate 一次只处理一份草稿，请指定文件而不是目录")
    config = _config(config_path, isolated)
    author = (reviewer or config.reviewer or "checker").strip() or "checker"
    if pack_name:
        load_pack(pack_name)
    if encoding:
        _check_encoding(encoding)
    refuse_overwriting_inputs(output, [draft, *([baseline] if baseline else [])], READERS)
    last_year = load_baseline(baseline, encoding) if baseline else None
    job = batch.plan([draft], config, pack_name, level, fail_under, encoding, max_size)[0]
    if isinstance(job, Result):
        result = job
    else:
        result = audit_source(job.source, load_pack(job.pack) if job.pack else None, job.encoding, job.fail_under,
                              last_year, job.level, config.apply, job.max_bytes)
    if result.error:
        click.echo(f"checker: {result.source}: {result.error[1]}", err=True)
        return int(ExitCode.ERROR)
    pack = config.apply(load_pack(job.pack or result.pack.id))
    content, count = _review(draft, result, pack, author)
    write_output(output, content)
    if not quiet:
        verdict = "通过" if result.passed else "未通过"
        click.echo(f"已写入审阅稿 {output}：批注 {count} 条；得分 {result.score.total:g}（{result.score.grade}），"
                   f"{verdict}")
    return int(exit_code_for([result], exit_zero))


def _review(draft: str, result, pack, author: str) -> tuple[bytes, int]:
    """The commented copy of a .docx draft; for any other input, or a .docx whose copy cannot be annotated, a new
    document of the text as read."""
    from checker.render.review_docx import build_review

    if result.document.kind == "docx" and draft != "-":
        try:
            with open(draft, "rb") as handle:
                return build_review(result, pack, handle.read(), author)
        except Exception as exc:  # noqa: BLE001 - an odd package must still get a review copy
            click.echo(f"checker: {draft}: 无法在原稿副本上添加批注（{type(exc).__name__}），"
                       "已改为按读取到的文字生成审阅稿", err=True)
    return build_review(result, pack, None, author)
