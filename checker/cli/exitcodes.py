"""The exit-code contract: 0 every document passed, 1 one failed the gate, 2 an error (2 wins over 1)."""

from __future__ import annotations

from enum import IntEnum

from checker.model import Result


class ExitCode(IntEnum):
    OK = 0
    GATE_FAILED = 1
    ERROR = 2


class ReaderGone(Exception):
    """The reader of standard output went away (checker audit … | head -1, or -o /dev/stdout into it): exit 141,
    quietly. Not an OSError, so that click does not turn it into exit 1, which would read as a failed gate."""


def exit_code_for(results: list[Result], exit_zero: bool = False) -> ExitCode:
    if any(r.error for r in results):
        return ExitCode.ERROR
    if not exit_zero and any(not r.passed for r in results):
        return ExitCode.GATE_FAILED
    return ExitCode.OK
