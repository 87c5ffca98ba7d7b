"""One way to run the CLI in tests: click's runner with stdout and stderr kept apart."""

from __future__ import annotations

from dataclasses import dataclass

from click.testing import CliRunner

from checker.cli.main import cli


@dataclass
class Run:
    code: int
    out: str
    err: str


def invoke(*args: str, input: str | bytes | None = None, env: dict | None = None) -> Run:
    runner = CliRunner()
    result = runner.invoke(cli, list(args), input=input, env=env, standalone_mode=False, catch_exceptions=False)
    code = result.return_value if isinstance(result.return_value, int) else result.exit_code
    return Run(code, result.stdout, result.stderr)
