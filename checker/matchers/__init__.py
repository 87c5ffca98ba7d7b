"""The matcher registry, and building matchers from validated YAML. A new matcher type is one module here
plus one entry in LEAVES; its Field schema is its documentation (checker/matchers/reference.py)."""

from __future__ import annotations

from checker.matchers.base import GUARD_NAMES, REACH_WORDS, Matcher, Unless
from checker.matchers.compose import Composite
from checker.matchers.figures import Figures
from checker.matchers.genre import Genre
from checker.matchers.metadata import Signoff, Title
from checker.matchers.near import Near
from checker.matchers.regex import Regex
from checker.matchers.section import Section
from checker.matchers.substance import Substance
from checker.matchers.terms import Terms
from checker.packs.model import BUILTIN_SCOPES, ScopeSpec
from checker.packs.schema import Field, Validator, did_you_mean
from checker.packs.yamlmarks import MarkedDict

LEAVES: dict[str, type[Matcher]] = {cls.name: cls for cls in (Terms, Near, Regex, Section, Figures, Title, Signoff,
                                                               Substance, Genre)}
COMPOSITES = ("all", "any", "at_least")
MATCHER_NAMES = tuple(LEAVES) + COMPOSITES
SCOPE_FIELDS = (
    Field("headings", "regex_list", "标题的正则表达式：标题符合其一的部分", default=(), example="['存在.{0,4}问题']"),
    Field("union", "words", "并入这些 scope 的部分", default=(), example="[problems, causes]"),
    Field("exclude", "words", "去掉这些 scope 的部分", default=(), example="[problems, plan]"),
)


class Builder:
    """Builds matcher trees for one pack file, reporting problems through its validator."""

    def __init__(self, validator: Validator, scope_names: set[str]) -> None:
        self.v = validator
        self.scope_names = scope_names | set(BUILTIN_SCOPES)

    def build(self, node: object, where: str, line: int) -> Matcher | None:
        if not isinstance(node, dict) or len(node) != 1:
            self.v.problem(getattr(node, "line", line), f"{where} 应恰好是一个匹配器",
                           f"写 {'、'.join(MATCHER_NAMES)} 之一，例如 terms: {{any: [行政复议]}}")
            return None
        (key, params), = node.items()
        kline = node.line_of(key) if isinstance(node, MarkedDict) else line
        if key in ("all", "any"):
            return self._composite(key, params, where, kline)
        if key == "at_least":
            return self._at_least(params, where, kline)
        if key not in LEAVES:
            import difflib  # only when a pack has a mistake

            close = difflib.get_close_matches(str(key), MATCHER_NAMES, n=1, cutoff=0.5)
            hint = f'是否指 "{close[0]}"？' if close else f"可用的匹配器：{'、'.join(MATCHER_NAMES)}"
            self.v.problem(kline, f'{where} 中没有 "{key}" 这种匹配器', hint)
            return None
        return self._leaf(LEAVES[key], params, where, kline)

    def _leaf(self, cls: type[Matcher], params: object, where: str, line: int) -> Matcher | None:
        if cls is Terms and isinstance(params, list):
            params = _marked({"any": params}, line)
        label = f"{where} 中的 {cls.name}"
        before = len(self.v.problems)
        values = self.v.mapping(params, cls.fields, label, line)
        if values is None:
            return None

        def problem(message: str, hint: str = "") -> None:
            self.v.problem(getattr(params, "line", line), f"{label}: {message}", hint)

        if "scope" in values:
            values["scope"] = self._scope(values["scope"], label, _line_of(params, "scope", line))
        if "guards" in values:
            values["guards"] = self._guards(values["guards"], label, _line_of(params, "guards", line))
        if "unless" in values:
            values["unless"] = self._unless(values["unless"], cls, label, _line_of(params, "unless", line))
        if cls is Section and values.get("part") and values["part"] not in self.scope_names:
            problem(f'part "{values["part"]}" 不是 pack.yaml 中的 scope',
                    did_you_mean(values["part"], sorted(self.scope_names), "可用的 scope"))
        if cls is Near:
            values["groups"] = self._groups(values["groups"], label, _line_of(params, "groups", line))
        check = getattr(cls, "check", None)
        if check and len(self.v.problems) == before:  # a field already wrong would only be reported again
            check(values, problem)
        return cls(values) if len(self.v.problems) == before else None

    def _composite(self, key: str, params: object, where: str, line: int) -> Matcher | None:
        if not isinstance(params, list) or not params:
            self.v.problem(line, f'{where} 的 "{key}" 应为匹配器列表', f"应写 {key}: [ {{terms: …}}, … ]")
            return None
        children = [self.build(child, f"{where} 的 {key} 第{i + 1}项", params.line_of(i))
                    for i, child in enumerate(params)]
        if any(c is None for c in children):
            return None
        return Composite(children, len(children) if key == "all" else 1, key)

    def _at_least(self, params: object, where: str, line: int) -> Matcher | None:
        values = self.v.mapping(params, AT_LEAST_FIELDS, f"{where} 中的 at_least", line)
        if values is None or values.get("n") is None:
            return None
        inner = self._composite("of", values["of"], f"{where} 中的 at_least", _line_of(params, "of", line))
        if inner is None:
            return None
        if values["n"] > len(inner.children):
            self.v.problem(line, f"{where} 中 at_least 的 n={values['n']} 多于其中的 {len(inner.children)} 个匹配器",
                           "减小 n 或增加匹配器")
            return None
        return Composite(inner.children, values["n"], "at_least")

    def _scope(self, value: object, where: str, line: int):
        if value is None or value == "document":
            return None
        if isinstance(value, str):
            if value not in self.scope_names:
                import difflib

                close = difflib.get_close_matches(value, sorted(self.scope_names), n=1, cutoff=0.5)
                hint = f'是否指 "{close[0]}"？' if close else \
                    f"先在 pack.yaml 的 scopes: 中定义，或用其中之一：{'、'.join(sorted(self.scope_names))}"
                self.v.problem(line, f'{where} 的 scope "{value}" 未定义', hint)
            return value
        values = self.v.mapping(value, SCOPE_FIELDS, f"{where} 的 scope", line)
        if values is None:
            return None
        for key in ("union", "exclude"):
            for name in values[key]:
                if name not in self.scope_names:
                    self.v.problem(line, f'{where} 的 scope 中 {key} 的 "{name}" 未定义',
                                   did_you_mean(name, sorted(self.scope_names), "可用的 scope"))
        return ScopeSpec(values["headings"], values["exclude"], values["union"])

    def _guards(self, value: object, where: str, line: int) -> frozenset[str]:
        if value == "all":
            return frozenset(GUARD_NAMES)
        if value == "none" or value == []:
            return frozenset()
        items = [value] if isinstance(value, str) else value
        wrong = [g for g in items if g not in GUARD_NAMES] if isinstance(items, list) else [value]
        if wrong:
            self.v.problem(line, f'{where} 的 "guards" 应为 all、none 或 {"、".join(GUARD_NAMES)} 的列表，'
                                 f"实际有 {wrong[0]!s}", did_you_mean(wrong[0], GUARD_NAMES, "可选"))
            return frozenset(GUARD_NAMES)
        return frozenset(items)

    def _unless(self, value: object, cls: type[Matcher], where: str, line: int) -> tuple[Unless, ...]:
        """`unless: [词, …]` (the matcher's default reach), `unless: {words: [...], within: REACH}`, or a list of
        such mappings for words with different reaches."""
        if value is None:
            return ()
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            return tuple(u for i, item in enumerate(value)
                         for u in self._unless(item, cls, f"{where} 的 unless 第{i + 1}项", _item_line(value, i, line)))
        reach = cls.unless_reach
        if isinstance(value, dict):
            fields = (Field("words", "words", "取消提及的词", required=True, example="[普法, 群众]"),
                      Field("within", "choice", f"看哪里：{'、'.join(f'{r}（{REACH_WORDS[r]}）' for r in reach)}",
                            default=reach[0], choices=reach, example=reach[-1]))
            values = self.v.mapping(value, fields, f"{where} 的 unless", line)
            if not values or not values.get("words"):
                return ()
            return (Unless(values["words"], values["within"] or reach[0]),)
        words = self.v.value(value, UNLESS_WORDS, where, line)
        return (Unless(words, reach[0]),) if words else ()

    def _groups(self, value: object, where: str, line: int):
        field = Field("groups", "terms", "词语列表")
        if not isinstance(value, list) or len(value) < 2:
            self.v.problem(line, f'{where} 的 "groups" 应列出至少两组词语',
                           "应写 groups: [[第一责任人], [主持召开, 专题研究]]，一组也可以是 $列表名")
            return ((), ())
        groups = []
        for i, group in enumerate(value):
            words = self.v.value(group, field, where, value.line_of(i) if hasattr(value, "line_of") else line)
            groups.append(tuple(w for synonyms in words for w in synonyms))
        return tuple(groups)


AT_LEAST_FIELDS = (Field("n", "int", "至少几个匹配器满足", required=True, minimum=1, example="2"),
                   Field("of", "any", "要数的匹配器", required=True, example="[ {terms: …}, … ]"))
UNLESS_WORDS = Field("unless", "words", "取消提及的词", example="[普法, 群众]")


def _marked(data: dict, line: int) -> MarkedDict:
    out = MarkedDict(data)
    out.line = line
    out.key_lines = {k: line for k in data}
    return out


def _item_line(items: object, index: int, default: int) -> int:
    return items.line_of(index) if hasattr(items, "line_of") else default


def _line_of(node: object, key: str, default: int) -> int:
    return node.line_of(key) if isinstance(node, MarkedDict) else default
