"""The matcher registry, and building matchers from validated YAML. A new matcher type is one module here
plus one entry in LEAVES."""

from __future__ import annotations

import difflib

from checker.matchers.base import GUARD_NAMES, Matcher
from checker.matchers.compose import Composite
from checker.matchers.figures import Figures
from checker.matchers.metadata import Signoff, Title
from checker.matchers.near import Near
from checker.matchers.regex import Regex
from checker.matchers.section import Section
from checker.matchers.terms import Terms
from checker.packs.model import ScopeSpec
from checker.packs.schema import Field, Validator
from checker.packs.yamlmarks import MarkedDict

LEAVES: dict[str, type[Matcher]] = {cls.name: cls for cls in (Terms, Near, Regex, Section, Figures, Title, Signoff)}
COMPOSITES = ("all", "any", "at_least")
BUILTIN_SCOPES = {"document", "future"}
MATCHER_NAMES = tuple(LEAVES) + COMPOSITES
SCOPE_FIELDS = (
    Field("headings", "regex_list", "patterns for section headings", default=(), example="['存在.{0,4}问题']"),
    Field("exclude", "str_list", "scope names to leave out", default=(), example="[problems, plan]"),
)


class Builder:
    """Builds matcher trees for one pack file, reporting problems through its validator."""

    def __init__(self, validator: Validator, scope_names: set[str]) -> None:
        self.v = validator
        self.scope_names = scope_names | BUILTIN_SCOPES

    def build(self, node: object, where: str, line: int) -> Matcher | None:
        if not isinstance(node, dict) or len(node) != 1:
            self.v.problem(getattr(node, "line", line), f"{where} must be exactly one matcher",
                           f"write one of: {', '.join(MATCHER_NAMES)}, e.g. terms: {{any: [行政复议]}}")
            return None
        (key, params), = node.items()
        kline = node.line_of(key) if isinstance(node, MarkedDict) else line
        if key in ("all", "any"):
            return self._composite(key, params, where, kline)
        if key == "at_least":
            return self._at_least(params, where, kline)
        if key not in LEAVES:
            close = difflib.get_close_matches(str(key), MATCHER_NAMES, n=1, cutoff=0.5)
            hint = f'did you mean "{close[0]}"?' if close else f"known matchers: {', '.join(MATCHER_NAMES)}"
            self.v.problem(kline, f'unknown matcher "{key}" in {where}', hint)
            return None
        return self._leaf(LEAVES[key], params, where, kline)

    def _leaf(self, cls: type[Matcher], params: object, where: str, line: int) -> Matcher | None:
        if cls is Terms and isinstance(params, list):
            params = _marked({"any": params}, line)
        label = f"{cls.name} in {where}"
        values = self.v.mapping(params, cls.fields, label, line)
        if values is None:
            return None
        before = len(self.v.problems)

        def problem(message: str, hint: str = "") -> None:
            self.v.problem(getattr(params, "line", line), f"{label}: {message}", hint)

        if "scope" in values:
            values["scope"] = self._scope(values["scope"], label, _line_of(params, "scope", line))
        if "guards" in values:
            values["guards"] = self._guards(values["guards"], label, _line_of(params, "guards", line))
        if cls is Section and values.get("part") and values["part"] not in self.scope_names:
            problem(f'unknown part "{values["part"]}"', f"use a scope from pack.yaml: {', '.join(sorted(self.scope_names))}")
        if cls is Near:
            values["groups"] = self._groups(values["groups"], label, _line_of(params, "groups", line))
        check = getattr(cls, "check", None)
        if check:
            check(values, problem)
        return cls(values) if len(self.v.problems) == before else None

    def _composite(self, key: str, params: object, where: str, line: int) -> Matcher | None:
        if not isinstance(params, list) or not params:
            self.v.problem(line, f'"{key}" in {where} must be a list of matchers', f"write {key}: [ {{terms: …}}, … ]")
            return None
        children = [self.build(child, f"{key}[{i + 1}] of {where}", params.line_of(i))
                    for i, child in enumerate(params)]
        if any(c is None for c in children):
            return None
        return Composite(children, len(children) if key == "all" else 1, key)

    def _at_least(self, params: object, where: str, line: int) -> Matcher | None:
        fields = (Field("n", "int", "how many must match", required=True, minimum=1, example="2"),
                  Field("of", "any", "the matchers to count", required=True, example="[ {terms: …}, … ]"))
        values = self.v.mapping(params, fields, f"at_least in {where}", line)
        if values is None or values.get("n") is None:
            return None
        inner = self._composite("of", values["of"], f"at_least in {where}", _line_of(params, "of", line))
        if inner is None:
            return None
        if values["n"] > len(inner.children):
            self.v.problem(line, f"at_least n={values['n']} in {where} is more than its {len(inner.children)} "
                                 "matchers", "lower n or add matchers")
            return None
        return Composite(inner.children, values["n"], "at_least")

    def _scope(self, value: object, where: str, line: int):
        if value is None or value == "document":
            return None
        if isinstance(value, str):
            if value not in self.scope_names:
                close = difflib.get_close_matches(value, sorted(self.scope_names), n=1, cutoff=0.5)
                hint = f'did you mean "{close[0]}"?' if close else \
                    f"define it under scopes: in pack.yaml, or use one of: {', '.join(sorted(self.scope_names))}"
                self.v.problem(line, f'unknown scope "{value}" in {where}', hint)
            return value
        values = self.v.mapping(value, SCOPE_FIELDS, f"scope of {where}", line)
        if values is None:
            return None
        for name in values["exclude"]:
            if name not in self.scope_names:
                self.v.problem(line, f'unknown scope "{name}" in exclude of {where}',
                               f"use one of: {', '.join(sorted(self.scope_names))}")
        return ScopeSpec(values["headings"], values["exclude"])

    def _guards(self, value: object, where: str, line: int) -> frozenset[str]:
        if value == "all":
            return frozenset(GUARD_NAMES)
        if value == "none" or value == []:
            return frozenset()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or any(g not in GUARD_NAMES for g in items):
            self.v.problem(line, f'"guards" in {where} must be all, none or a list of {", ".join(GUARD_NAMES)}, '
                                 f"got {value!r}", "write e.g. guards: [future, title]")
            return frozenset(GUARD_NAMES)
        return frozenset(items)

    def _groups(self, value: object, where: str, line: int):
        field = Field("groups", "terms", "word lists")
        if not isinstance(value, list) or len(value) < 2:
            self.v.problem(line, f'"groups" in {where} must list at least two groups of words',
                           "write groups: [[第一责任人], [主持召开, 专题研究]]")
            return ((), ())
        groups = []
        for i, group in enumerate(value):
            words = self.v.value(group, field, where, value.line_of(i) if hasattr(value, "line_of") else line)
            groups.append(tuple(w for synonyms in words for w in synonyms))
        return tuple(groups)


def _marked(data: dict, line: int) -> MarkedDict:
    out = MarkedDict(data)
    out.line = line
    out.key_lines = {k: line for k in data}
    return out


def _line_of(node: object, key: str, default: int) -> int:
    return node.line_of(key) if isinstance(node, MarkedDict) else default
