"""A loaded rule pack: elements with their matchers, named scopes, the guard lexicon and the gate."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from checker.evaluate.figures import FigureUnits

DEFAULT_TITLE_SUBJECT = ("法治政府建设", "依法行政", "法治建设")

class Rule(Protocol):
    """What an element asks of its `match` and `weak_if`: the matchers (checker/matchers/) are built to this, so
    that the pack's data does not depend on the code that judges it."""

    def evaluate(self, ctx: Any) -> Any: ...

    def words(self) -> frozenset[str]: ...

    def describe(self, labels: dict[str, str] | None = None) -> str: ...


# Scopes every pack has, with the words rules show and trace print: the content, sentences about the future, and
# the opening paragraph before the first heading (the preamble: 20××年，坚持……，现将……报告如下).
BUILTIN_SCOPES: dict[str, str] = {"document": "全文", "future": "计划性表述", "opening": "开头段落（第一个标题之前）"}


@dataclass(frozen=True, slots=True)
class ScopeSpec:
    """Sections whose heading matches one of `headings`, with the parts of the `union` scopes (all content if
    neither is given), minus the `exclude` scopes; `label` is its Chinese name in descriptions and traces."""

    headings: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[str, ...] = ()
    union: tuple[str, ...] = ()
    label: str = ""


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
class RuleSource:
    """Where an element's match and weak_if were written, kept so that a child pack that changes a named list
    rebuilds the inherited elements that use it."""

    path: str
    match: Any
    match_line: int
    weak_if: Any = None
    weak_if_line: int = 0
    lists: frozenset[str] = frozenset()


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
    source: RuleSource | None = field(default=None, compare=False, repr=False)

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
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    figure_units: FigureUnits = field(default_factory=FigureUnits)
    title_subject: tuple[str, ...] = DEFAULT_TITLE_SUBJECT

    @cached_property
    def scope_labels(self) -> dict[str, str]:
        """Scope name → its Chinese label, for the scopes that have one."""
        return {name: spec.label for name, spec in self.scopes.items() if spec.label}

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the pack's matchers look for: taught to the segmenter so it cuts them out whole."""
        words: set[str] = set()
        for e in self.elements:
            words |= e.match.words() | (e.weak_if.words() if e.weak_if else frozenset())
        return frozenset(words)

    def heading_patterns(self, scope: str) -> tuple[re.Pattern[str], ...]:
        """The heading patterns of a scope and of the scopes in its union (what `section: {part: …}` looks for)."""
        spec = self.scopes[scope]
        return spec.headings + tuple(p for name in spec.union if name in self.scopes for p in self.heading_patterns(name))

    def check(self, check_id: str) -> CheckSpec | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)

    def find_element(self, name: str) -> Element | None:
        """An element by its id or, as a user may type it, its Chinese title (原因分析)."""
        return self.element(name) or next((e for e in self.elements if e.title == name.strip()), None)
