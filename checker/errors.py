"""Errors that end in exit code 2: bad input, bad rule packs, bad usage.

Each carries a one-line message for stderr; none of them should ever surface as a traceback.
"""

from __future__ import annotations


class CheckerError(Exception):
    """Base of every error that the command line turns into one line and exit 2."""


class InputError(CheckerError):
    """A document cannot be read: missing, empty, binary, undecodable."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class PackProblem:
    """One thing wrong in a rule pack, with where it is and what to write instead."""

    __slots__ = ("path", "line", "message", "hint")

    def __init__(self, path: str, line: int | None, message: str, hint: str = "") -> None:
        self.path, self.line, self.message, self.hint = path, line, message, hint

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}" + (f"；{self.hint}" if self.hint else "")


class PackError(CheckerError):
    """A rule pack failed to load; holds every problem found, not only the first."""

    def __init__(self, problems: list[PackProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UsageError(CheckerError):
    """The command line asks for something that cannot be done (unknown pack, bad option value)."""
