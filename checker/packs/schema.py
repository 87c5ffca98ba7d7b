"""Declarative field specs for pack files and matcher parameters, and their validation.

Validation never stops at the first problem: it records every one with file:line, what is wrong and what to
write instead, so a pack author fixes a file in one pass.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from checker.errors import PackProblem
from checker.packs.regexsafety import unsafe_reason
from checker.packs.yamlmarks import MarkedDict, MarkedList

KINDS = ("str", "int", "number", "bool", "choice", "str_list", "terms", "regex", "regex_list", "any")


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str
    doc: str
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    example: str = ""


class Validator:
    """Collects problems for one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[PackProblem] = []

    def problem(self, line: int | None, message: str, hint: str = "") -> None:
        self.problems.append(PackProblem(self.path, line, message, hint))

    def mapping(self, node: object, fields: tuple[Field, ...], where: str, line: int) -> dict[str, Any] | None:
        """Check a mapping against fields; return the values (defaults filled) or None if it is not a mapping."""
        if not isinstance(node, dict):
            keys = ", ".join(f.name for f in fields if f.required) or fields[0].name
            self.problem(line, f"{where} must be a mapping, got {_describe(node)}", f"write keys such as {keys}")
            return None
        known = {f.name: f for f in fields}
        for key in node:
            if key not in known:
                self.unknown_key(node, key, list(known), where)
        out: dict[str, Any] = {}
        for f in fields:
            if f.name in node:
                out[f.name] = self.value(node[f.name], f, where, _line(node, f.name))
            elif f.required:
                hint = f"add {f.name}: {f.example}" if f.example else f"add {f.name} ({f.doc})"
                self.problem(getattr(node, "line", line), f'{where} is missing "{f.name}"', hint)
            else:
                out[f.name] = f.default
        return out

    def unknown_key(self, node: dict, key: object, allowed: list[str], where: str) -> None:
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f'did you mean "{close[0]}"?' if close else f"allowed keys: {', '.join(allowed)}"
        self.problem(_line(node, key), f'unknown key "{key}" in {where}', hint)

    def value(self, value: object, f: Field, where: str, line: int) -> Any:
        check = getattr(self, f"_{f.kind}")
        return check(value, f, where, line)

    def _bad(self, f: Field, where: str, line: int, expected: str, got: object) -> None:
        hint = f"write e.g. {f.name}: {f.example}" if f.example else f"{f.name} is {f.doc}"
        self.problem(line, f'"{f.name}" in {where} must be {expected}, got {_describe(got)}', hint)

    def _str(self, v: object, f: Field, where: str, line: int) -> Any:
        if isinstance(v, str) and v.strip():
            return v
        self._bad(f, where, line, "a non-empty string", v)
        return f.default

    def _int(self, v: object, f: Field, where: str, line: int) -> Any:
        if isinstance(v, int) and not isinstance(v, bool) and (f.minimum is None or v >= f.minimum):
            return v
        self._bad(f, where, line, "a whole number" + (f" ≥ {f.minimum:g}" if f.minimum is not None else ""), v)
        return f.default

    def _number(self, v: object, f: Field, where: str, line: int) -> Any:
        if isinstance(v, (int, float)) and not isinstance(v, bool) and (f.minimum is None or v >= f.minimum):
            return float(v)
        self._bad(f, where, line, "a number" + (f" ≥ {f.minimum:g}" if f.minimum is not None else ""), v)
        return f.default

    def _bool(self, v: object, f: Field, where: str, line: int) -> Any:
        if isinstance(v, bool):
            return v
        self._bad(f, where, line, "true or false", v)
        return f.default

    def _choice(self, v: object, f: Field, where: str, line: int) -> Any:
        if v in f.choices:
            return v
        close = difflib.get_close_matches(str(v), f.choices, n=1, cutoff=0.5)
        hint = f'did you mean "{close[0]}"?' if close else f"one of: {', '.join(f.choices)}"
        self.problem(line, f'"{f.name}" in {where} must be one of {", ".join(f.choices)}, got {_describe(v)}', hint)
        return f.default

    def _str_list(self, v: object, f: Field, where: str, line: int) -> Any:
        items = [v] if isinstance(v, str) else v
        if isinstance(items, list) and items and all(isinstance(i, str) and i for i in items):
            return tuple(items)
        self._bad(f, where, line, "a list of strings", v)
        return f.default

    def _terms(self, v: object, f: Field, where: str, line: int) -> Any:
        """Terms: a list whose entries are a word or a list of synonyms; ["调解", ["信访", "来访"]]."""
        items = [v] if isinstance(v, str) else v
        if not isinstance(items, list) or not items:
            self._bad(f, where, line, "a list of terms (a word, or a list of synonyms)", v)
            return ()
        groups: list[tuple[str, ...]] = []
        for i, item in enumerate(items):
            entry = [item] if isinstance(item, str) else item
            item_line = items.line_of(i) if isinstance(items, MarkedList) else line
            if not isinstance(entry, list) or not entry or not all(isinstance(t, str) and t.strip() for t in entry):
                self._bad(f, where, item_line, "a word or a list of synonym words", item)
                continue
            groups.append(tuple(entry))
        return tuple(groups)

    def _regex(self, v: object, f: Field, where: str, line: int) -> Any:
        if not isinstance(v, str) or not v:
            self._bad(f, where, line, "a regular expression string", v)
            return None
        try:
            compiled = re.compile(v)
        except re.error as exc:
            self.problem(line, f'"{f.name}" in {where} is not a valid regular expression: {exc}',
                         "check brackets and escapes; in YAML quote the pattern with single quotes")
            return None
        reason = unsafe_reason(v)
        if reason:
            self.problem(line, f'"{f.name}" in {where} can backtrack catastrophically ({reason})',
                         "remove the nested or overlapping repetition, e.g. write (ab)+ instead of (a+b?)+")
            return None
        return compiled

    def _regex_list(self, v: object, f: Field, where: str, line: int) -> Any:
        items = [v] if isinstance(v, str) else v
        if not isinstance(items, list) or not items:
            self._bad(f, where, line, "a list of regular expressions", v)
            return ()
        out = []
        for i, item in enumerate(items):
            item_line = items.line_of(i) if isinstance(items, MarkedList) else line
            compiled = self._regex(item, f, where, item_line)
            if compiled is not None:
                out.append(compiled)
        return tuple(out)

    def _any(self, v: object, f: Field, where: str, line: int) -> Any:
        return v


def _line(node: object, key: object) -> int:
    if isinstance(node, MarkedDict):
        return node.line_of(key)
    return getattr(node, "line", 0)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f'"{value}"' if isinstance(value, str) else str(value)
