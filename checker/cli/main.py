"""The command line: the `checker` group, its commands, and main(), the only place that calls sys.exit.

No rule logic lives here; each command is a module of this folder (audit, rules and explain, outline).
"""

from __future__ import annotations

import sys

import click

from checker import __version__
from checker.cli.exitcodes import ExitCode
from checker.errors import CheckerError, PackError


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="显示版本和默认规则包版本。")
def cli() -> None:
    """checker：法治政府建设年度报告合规检查工具。"""


def _register() -> None:
    from checker.cli.annotate import annotate
    from checker.cli.audit import audit
    from checker.cli.outline import outline
    from checker.cli.rules import explain, rules
    from checker.cli.trace import trace

    cli.add_command(audit)
    cli.add_command(rules)
    cli.add_command(explain)
    cli.add_command(outline)
    cli.add_command(trace)
    cli.add_command(annotate)


_register()


class Terminated(BaseException):
    """SIGTERM or SIGHUP reached the main process: unwind like Ctrl-C (workers stopped, temporary files removed)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(signum)


def main(argv: list[str] | None = None) -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    try:
        code = cli.main(args=argv, prog_name="checker", standalone_mode=False)
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
            click.echo(f"checker: {problem}", err=True)
        code = ExitCode.ERROR
    except CheckerError as exc:
        click.echo(f"checker: {exc}", err=True)
        code = ExitCode.ERROR
    except OSError as exc:
        click.echo(f"checker: {exc.filename or ''} {exc.strerror or exc}".strip(), err=True)
        code = ExitCode.ERROR
    sys.exit(int(code or 0))
