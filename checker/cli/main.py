"""The command line: the `checker` group, its commands, and main(), the only place that calls sys.exit.

No rule logic lives here; each command is a module of this folder (audit, annotate, rules and explain, outline,
trace).
"""

from __future__ import annotations

import io
import os
import sys

from checker import regexcache

regexcache.preload()  # before anything compiles a pattern, click included

import click  # noqa: E402

from checker import __version__  # noqa: E402
from checker.cli.exitcodes import ExitCode, ReaderGone
from checker.errors import CheckerError, PackError
from checker.render.names import safe_name


def _version_message() -> str:
    from checker.packs.loader import DEFAULT_PACK, load_pack

    try:
        pack = load_pack(DEFAULT_PACK)
        return f"checker {__version__}（默认规则包 {pack.id} {pack.version}）"
    except CheckerError:
        return f"checker {__version__}"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version_message())
        ctx.exit(0)


# name → (module, attribute): each command is imported only when it runs (or when --help lists them all), so
# `checker audit` does not pay for the rules and outline commands.
COMMANDS = {
    "annotate": ("checker.cli.annotate", "annotate"),
    "audit": ("checker.cli.audit", "audit"),
    "explain": ("checker.cli.rules", "explain"),
    "outline": ("checker.cli.outline", "outline"),
    "rules": ("checker.cli.rules", "rules"),
    "trace": ("checker.cli.trace", "trace"),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            from importlib import import_module

            module, attribute = COMMANDS[cmd_name]
            self.add_command(getattr(import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="显示版本和默认规则包版本。")
def cli() -> None:
    """checker：法治政府建设年度报告合规检查工具。"""


class Terminated(BaseException):
    """SIGTERM or SIGHUP reached the main process: unwind like Ctrl-C (workers stopped, temporary files removed)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(signum)


class StdoutFailed(CheckerError):
    """Standard output cannot take the report: closed (>&-), full (> /dev/full), not open for writing."""


BROKEN_PIPE = 141  # 128 + SIGPIPE: what a Unix filter reports when its reader stops reading


class _Stdout(io.FileIO):
    """Descriptor 1, with its write errors turned into ReaderGone or StdoutFailed; once silenced (after one was
    reported), what is left is dropped rather than failing again at exit."""

    silenced = False

    def write(self, data) -> int:
        if self.silenced:
            return len(data)
        try:
            return super().write(data)
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            from checker.cli.output import REASONS

            raise StdoutFailed(f"无法写入标准输出：{REASONS.get(exc.errno, exc.strerror or exc)}") from None


class _ClosedStdout(io.RawIOBase):
    """Stands in for a standard output that was closed before checker started: a report is an error, not lost."""

    silenced = False

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.silenced:
            return len(data)
        raise StdoutFailed("无法写入标准输出：标准输出已关闭；请用 -o 指定输出文件")


class _TextStdout(io.TextIOWrapper):
    """The text layer of stdout: a character its encoding cannot write (PYTHONIOENCODING=ascii, a GBK console) is
    StdoutFailed too, not a traceback."""

    def write(self, text: str) -> int:
        try:
            return super().write(text)
        except UnicodeEncodeError as exc:
            raise StdoutFailed(f"无法写入标准输出：它的编码 {self.encoding} 写不出报告中的字符"
                               f"（{exc.object[exc.start:exc.end]!a}）；请设置 PYTHONIOENCODING=utf-8，或用 -o 写入文件"
                               ) from None


def _guard_stdout() -> None:
    """Put sys.stdout on _Stdout (or _ClosedStdout) with the same encoding and buffering. A closed descriptor 1 is
    held by a read-only /dev/null, so that no file opened later takes its number and receives the report."""
    original = sys.stdout
    if original is not None and (original is not sys.__stdout__ or not hasattr(original, "buffer")):
        return  # already redirected (tests, an embedding program): leave it
    try:
        os.fstat(1)
        raw: io.RawIOBase = _Stdout(1, "wb", closefd=False)
    except OSError:
        os.open(os.devnull, os.O_RDONLY)  # the lowest free number: 1
        raw = _ClosedStdout()
    if original is not None:
        original.flush()
    sys.stdout = _TextStdout(io.BufferedWriter(raw), encoding=getattr(original, "encoding", None) or "utf-8",
                             errors=getattr(original, "errors", None) or "strict",
                             line_buffering=getattr(original, "line_buffering", False))


def _silence_stdout() -> None:
    """After a write to stdout failed and was reported: what is still buffered is dropped, not an error at exit."""
    raw = getattr(getattr(sys.stdout, "buffer", None), "raw", None)
    if isinstance(raw, (_Stdout, _ClosedStdout)):
        raw.silenced = True


def main(argv: list[str] | None = None) -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    _guard_stdout()
    try:
        code = cli.main(args=argv, prog_name="checker", standalone_mode=False)
        sys.stdout.flush()  # a report still buffered fails here, inside the handlers below
    except ReaderGone:
        _silence_stdout()
        code = BROKEN_PIPE
    except StdoutFailed as exc:
        click.echo(f"checker: {exc}", err=True)
        _silence_stdout()
        code = ExitCode.ERROR
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = ExitCode.ERROR
    except (click.Abort, KeyboardInterrupt):
        click.echo("checker: 已中断", err=True)
        code = 130
    except Terminated as exc:
        click.echo(f"checker: 收到终止信号（{signal.Signals(exc.signum).name}），已停止", err=True)
        code = 128 + exc.signum
    except PackError as exc:
        for problem in exc.problems:
            click.echo(f"checker: {safe_name(str(problem))}", err=True)
        code = ExitCode.ERROR
    except CheckerError as exc:
        click.echo(f"checker: {safe_name(str(exc))}", err=True)
        code = ExitCode.ERROR
    except OSError as exc:
        where = f"{safe_name(str(exc.filename))}：" if exc.filename else ""
        click.echo(f"checker: {where}系统错误（{exc.strerror or exc}）", err=True)
        code = ExitCode.ERROR
    except MemoryError:
        click.echo("checker: 内存不足，已停止（可用 --max-size 限制输入大小，或减少 -j 并行数）", err=True)
        code = ExitCode.ERROR
    regexcache.save()
    sys.exit(int(code or 0))
