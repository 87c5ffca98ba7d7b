"""A loaded rule pack: elements with their matchers, named scopes, the guard lexicon and the gate."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol


class Rule(Protocol):
    """What an element asks of its `match` and `weak_if`: the matchers (checker/matchers/) are built to this, so
    that the pack's data does not depend on the code that judges it."""

    def evaluate(self, ctx: Any) -> Any: ...

    def words(self) -> frozenset[str]: ...

    def describe(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ScopeSpec:
    """Sections whose heading matches one of `headings` (all content if none), minus the `exclude` scopes."""

    headings: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Words that make a mention not count: negation, deficiency (a problem statement), future tense."""

    negation_before: re.Pattern[str]
    negation_after: re.Pattern[str]
    deficiency: re.Pattern[str]
    future: re.Pattern[str]
    future_scopes: tuple[str, ...] = ()
    problem_scopes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Gate:
    fail_under: float = 60.0
    required_must_not_fail: bool = True


@dataclass(frozen=True)
class Element:
    id: str
    title: str
    severity: str
    weight: float
    requires: str
    message: str
    suggestion: str
    basis: tuple[str, ...]
    match: Rule
    weak_if: Rule | None = None
    levels: tuple[str, ...] | None = None
    years: tuple[int | None, int | None] | None = None
    origin: str = ""
    enabled: bool = True

    def applies(self, level: str | None, year: int | None) -> bool:
        if not self.enabled:
            return False
        if self.levels is not None and level is not None and level not in self.levels:
            return False
        if self.years is not None and year is not None:
            low, high = self.years
            if (low is not None and year < low) or (high is not None and year > high):
                return False
        return True


@dataclass(frozen=True)
class CheckSpec:
    """A defect check as configured by a pack (rules/<pack>/checks.yaml): its wording, severity and options."""

    id: str
    title: str
    severity: str
    message: str
    suggestion: str
    basis: tuple[str, ...] = ()
    enabled: bool = True
    options: dict = field(default_factory=dict)
    origin: str = ""


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    version: str
    elements: tuple[Element, ...]
    scopes: dict[str, ScopeSpec]
    lexicon: Lexicon
    gate: Gate
    grades: tuple[tuple[str, float], ...]
    origin: str = ""
    extends: tuple[str, ...] = field(default=())
    checks: tuple[CheckSpec, ...] = field(default=())
    fail_on: str = "error"

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the pack's matchers look for: taught to the segmenter so it cuts them out whole."""
        words: set[str] = set()
        for e in self.elements:
            words |= e.match.words() | (e.weak_if.words() if e.weak_if else frozenset())
        return frozenset(words)

    def check(self, check_id: str) -> CheckSpec | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)
