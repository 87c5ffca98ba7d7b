"""`checker audit PATH...`: plan the batch, judge (and render) each document in the workers, write each as it comes
in input order, return an exit code."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Generator, Iterator
from contextlib import closing, nullcontext
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

import click

from checker.cli.exitcodes import exit_code_for
from checker.model import LEVELS, Result
from checker.render.names import safe_name
from checker.render.registry import FORMATS as OUTPUT_FORMATS
from checker.render.stream import LiveStream, Stream, ready
from checker.render.text import TextStyle, render_result

if TYPE_CHECKING:
    from checker.cli.progress import Progress

FORMATS = ("text", *OUTPUT_FORMATS)
LEVEL_CHOICES = ("auto", *LEVELS)
MIN_WIDTH = 40  # columns for the terminal report, whatever COLUMNS says


def _finite(_ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    """FloatRange lets nan through (every comparison with it is false) and --max-size inf: both are mistakes."""
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"必须是有限的数值，不能是 {value}", param=param)
    return value


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--pack", "pack_name", default=None, metavar="NAME|PATH",
              help="规则包名称或目录（默认按 --level 为每份报告自动选择）。")
@click.option("--level", type=click.Choice(LEVEL_CHOICES), default=None,
              help="报告层级：auto（默认）按发文机关和标题自动判断，或指定层级。")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="输出格式（默认 text）。")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="写入文件（原子写入）。")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None, metavar="N", callback=_finite,
              help="总分低于 N 即不通过（默认取规则包的设定，fazhi-annual 为 60）。")
@click.option("--exit-zero", is_flag=True, help="无论是否通过都以 0 退出（错误仍为 2）。")
@click.option("--encoding", default=None, metavar="NAME", help="强制按此编码读取（默认自动识别）。")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, metavar="PATH",
              help="上一年度的报告：检查照搬上年文字的比例和段落，以及上年问题和安排的跟进（只能检查一份报告）。")
@click.option("--baseline-dir", type=click.Path(), default=None, metavar="DIR",
              help="上一年度报告所在目录：按发文机关和年度为每份报告找到上年报告，做上年对照检查（找不到的不做）。")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None, metavar="N",
              help="并行进程数（默认为 CPU 核数）。")
@click.option("--max-size", type=click.FloatRange(min=0.001), default=None, metavar="MB", callback=_finite,
              help="单个输入文件的大小上限（默认 50 MB）。")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="PATH",
              help="配置文件（默认从当前目录向上查找 .checker.yaml）。")
@click.option("--isolated", is_flag=True, help="不读取任何配置文件。")
@click.option("--no-color", is_flag=True, help="不使用颜色（也可设置 NO_COLOR）。")
@click.option("-v", "--verbose", is_flag=True, help="列出每个要素的全部证据。")
@click.option("-q", "--quiet", is_flag=True, help="只输出汇总，不显示进度条。")
def audit(paths: tuple[str, ...], pack_name: str | None, level: str | None, fmt: str | None, output: str | None,
          fail_under: float | None, exit_zero: bool, encoding: str | None, baseline: str | None,
          baseline_dir: str | None, jobs: int | None, max_size: float | None, config_path: str | None, isolated: bool, no_color: bool, verbose: bool,
          quiet: bool) -> int:
    """检查报告（文件、目录或 - 表示标准输入），输出差距报告。"""
    from checker.audit import load_baseline
    from checker.cli import batch
    from checker.packs.loader import load_pack
    from checker.render.registry import check_available

    config = _config(config_path, isolated)
    fmt = fmt or config.format or "text"
    if fmt != "text":
        check_available(fmt)  # e.g. xlsx without openpyxl: say so before auditing anything
    if pack_name:
        load_pack(pack_name)  # a bad --pack is a usage error before any document is read
    if encoding:
        _check_encoding(encoding)
    last_year = None
    if baseline and baseline_dir:
        raise click.UsageError("--baseline 与 --baseline-dir 不能同时使用")
    if baseline_dir and not os.path.isdir(baseline_dir):
        raise click.BadParameter(f"{baseline_dir} 不是目录", param_hint="--baseline-dir")
    if baseline_dir and "-" in paths:
        raise click.UsageError("--baseline-dir 不能用于标准输入；请用 --baseline 指定上年报告")
    if baseline:
        if len(paths) != 1 or os.path.isdir(paths[0]):
            raise click.UsageError("--baseline 只能与一份报告一起使用（上年报告与本年报告一一对应）")
        last_year = load_baseline(baseline, encoding)
    if output:
        from checker.cli.output import refuse_overwriting_inputs
        from checker.read import READERS

        refuse_overwriting_inputs(output, [*paths, *[b for b in (baseline, baseline_dir) if b]], READERS)
    items = batch.plan(list(paths), config, pack_name, level, fail_under, encoding, max_size)
    workers = 1 if last_year is not None or "-" in paths else (jobs or os.cpu_count() or 1)
    if baseline_dir:
        items = _pair(items, baseline_dir, workers)
    style = _text_style(output, no_color)
    stream = _stream(fmt)
    render = _worker_renderer(stream, style, verbose, quiet)
    results: list[Result] = []
    progress = _progress(len(items), quiet or fmt != "text" and not output)
    chunks = _outputs(batch.run(items, config, workers, last_year, progress and progress.advance, render),
                      stream, results, style, quiet, progress)
    try:
        if output:
            from checker.cli.output import write_output

            write_output(output, chunks)  # written as it comes, then put in place in one rename
        else:
            for chunk in chunks:
                with _aside(progress):
                    _write_stdout(chunk)
    finally:
        chunks.close()
        if progress:
            progress.close()
    return int(exit_code_for(results, exit_zero))


def _outputs(judged: Iterator[tuple[Result, str | None]], stream: Stream | None, results: list[Result],
             style: TextStyle, quiet: bool, progress: Progress | None) -> Generator[str | bytes, None, None]:
    """The output in order, each document's part as soon as it is judged (text is rendered in the workers), the
    batch summary or the stream's tail at the end; every verdict is added to results for the exit code."""
    with closing(judged):
        for result, text in judged:
            if isinstance(stream, LiveStream):  # rendered by the worker, written now
                stream.add(result, text)
            elif stream is not None:  # written now; only the verdict is kept for the exit code
                stream.add(result)
                result = replace(result, elements=(), findings=())
            results.append(result)
            if result.error:
                with _aside(progress):
                    click.echo(f"checker: {safe_name(result.source)}: {result.error[1]}", err=True)
            if stream is not None:
                yield from ready(stream)
            elif text:
                yield text
    if stream is not None:
        yield from stream.chunks()
    elif len(results) > 1 or quiet:
        from checker.render.text import render_summary

        yield render_summary(results, style)


def _worker_renderer(stream: Stream | None, style: TextStyle, verbose: bool, quiet: bool):
    """What the workers render of each document: the terminal report, or a live stream's part; None where the
    main process renders (a spooled format's frame needs the whole result)."""
    if stream is None:
        return None if quiet else partial(render_result, style=style, verbose=verbose)
    return stream.render if isinstance(stream, LiveStream) else None


def _pair(items: list, directory: str, workers: int) -> list:
    """Last year's report for each report from --baseline-dir; one line on stderr for what could not be paired."""
    from checker.cli import batch

    pairing = batch.pair_baselines(items, directory, workers)
    for problem in pairing.unreadable:
        click.echo(f"checker: {problem.source}: 不能作为上年报告：{problem.reason}", err=True)
    if pairing.unmatched:
        names = "、".join(os.path.basename(s) for s in pairing.unmatched[:5])
        more = f"等{len(pairing.unmatched)}份" if len(pairing.unmatched) > 5 else ""
        click.echo(f"checker: --baseline-dir {directory}：{names} {more}没有找到同一机关上一年度的报告，未做上年对照检查",
                   err=True)
    return pairing.items


def _stream(fmt: str) -> Stream | None:
    """The output format's stream, fed as results arrive; None for the terminal report."""
    if fmt == "text":
        return None
    from checker.render.registry import STREAMS

    return STREAMS[fmt]()


def _config(path: str | None, isolated: bool):
    from pathlib import Path

    from checker.cli.config import Config, find_config, load_config

    if isolated:
        return Config()
    found = Path(path) if path else find_config()
    if path and not found.is_file():
        raise click.BadParameter(f"找不到配置文件 {path}", param_hint="--config")
    return load_config(found) if found else Config()


def _progress(total: int, quiet: bool) -> Progress | None:
    """A progress bar on stderr for batches, only where a person watches (a terminal, not -q)."""
    if quiet or total < 2 or not sys.stderr.isatty():
        return None
    from checker.cli.progress import Progress

    return Progress(total)


def _write_stdout(chunk: str | bytes) -> None:
    """Bytes (csv, xlsx) to the binary stdout as they are; text in stdout's own encoding. Not click.echo: it
    quietly turns an ASCII stdout into UTF-8, and a console that cannot show the report must hear so (exit 2)."""
    binary = getattr(sys.stdout, "buffer", None)
    if isinstance(chunk, bytes) and binary is None:  # a stdout of text alone (an embedding program's)
        click.echo(chunk, nl=False)
    elif isinstance(chunk, bytes):
        sys.stdout.flush()
        binary.write(chunk)
    else:
        sys.stdout.write(chunk)


def _aside(progress: Progress | None):
    """Where something else is written to the terminal: the progress bar steps aside."""
    return progress.aside() if progress else nullcontext()


def _text_style(output: str | None, no_color: bool) -> TextStyle:
    """A file gets 100 columns without colour; the terminal its own width, coloured where it takes colour."""
    if output:
        return TextStyle(100, False)
    style = TextStyle.for_terminal(no_color)  # COLUMNS=5 would leave no room for a single mark and word
    return replace(style, width=max(style.width, MIN_WIDTH))


def _check_encoding(name: str) -> None:
    from checker.read.encoding import unusable_codec

    reason = unusable_codec(name)
    if reason:
        raise click.BadParameter(reason, param_hint="--encoding")
