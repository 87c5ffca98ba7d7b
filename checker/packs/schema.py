"""Declarative field specs for pack files and matcher parameters, and their validation.

Validation never stops at the first problem: it records every one with file:line, what is wrong (in Chinese, with
the English key names the file uses) and what to write instead, so a pack author fixes a file in one pass.

Word lists may name a list of the pack (`lists:` in pack.yaml) as `$name`: the reference stands for the list's
words, written where it is.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from checker.errors import PackProblem
from checker.packs.regexsafety import unsafe_reason
from checker.packs.yamlmarks import MarkedDict, MarkedList

KINDS = ("str", "int", "number", "bool", "choice", "str_list", "words", "terms", "regex", "regex_list", "any")
KIND_WORDS = {"str": "文字", "int": "整数", "number": "数字", "bool": "true 或 false", "choice": "其中之一",
              "str_list": "文字列表", "words": "词语列表", "terms": "词语列表（可嵌套同义词）", "regex": "正则表达式",
              "regex_list": "正则表达式列表", "any": "见说明"}
LIST_REF = "$"
# YAML separates list items with a half-width comma only: [行政复议，复议案件] is one word that never matches.
FULL_WIDTH_SEPARATORS = re.compile("[，、；]")
# The text is normalised before matching (，；：！？ become ,;:!?): a pattern with the full-width mark never matches.
FULL_WIDTH_IN_PATTERN = re.compile("[，；：！？]")


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
    maximum: float | None = None


class Validator:
    """Collects problems for one file; `lists` are the named word lists that `$name` may refer to."""

    def __init__(self, path: str, lists: dict[str, tuple[str, ...]] | None = None) -> None:
        self.path = path
        self.problems: list[PackProblem] = []
        self.lists = lists or {}
        self.used_lists: set[str] = set()

    def problem(self, line: int | None, message: str, hint: str = "") -> None:
        self.problems.append(PackProblem(self.path, line, message, hint))

    def mapping(self, node: object, fields: tuple[Field, ...], where: str, line: int) -> dict[str, Any] | None:
        """Check a mapping against fields; return the values (defaults filled) or None if it is not a mapping."""
        if not isinstance(node, dict):
            keys = "、".join(f.name for f in fields if f.required) or fields[0].name
            self.problem(line, f"{where} 应为键值对（key: value），实际为{describe(node)}", f"应写 {keys} 等键")
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
                hint = f"应加上 {f.name}: {f.example}" if f.example else f"应加上 {f.name}（{f.doc}）"
                self.problem(getattr(node, "line", line), f'{where} 缺少 "{f.name}"', hint)
            else:
                out[f.name] = f.default
        return out

    def unknown_key(self, node: dict, key: object, allowed: list[str], where: str) -> None:
        self.problem(_line(node, key), f'{where} 中没有 "{key}" 这个键', did_you_mean(key, allowed, "可用的键"))

    def value(self, value: object, f: Field, where: str, line: int) -> Any:
        check = getattr(self, f"_{f.kind}")
        return check(value, f, where, line)

    def _bad(self, f: Field, where: str, line: int, expected: str, got: object) -> None:
        hint = f"例如 {f.name}: {f.example}" if f.example else f"{f.name} 是{f.doc}"
        self.problem(line, f'{where} 的 "{f.name}" 应为{expected}，实际为{describe(got)}', hint)

    def _str(self, v: object, f: Field, where: str, line: int) -> Any:
        if isinstance(v, str) and v.strip():
            return v
        self._bad(f, where, line, "非空的文字", v)
        return f.default

    def _int(self, v: object, f: Field, where: str, line: int) -> Any:
        if isinstance(v, int) and not isinstance(v, bool) and _in_range(v, f):
            return v
        self._bad(f, where, line, "整数" + _range_words(f), v)
        return f.default

    def _number(self, v: object, f: Field, where: str, line: int) -> Any:
        number = isinstance(v, (int, float)) and not isinstance(v, bool)
        if number and math.isfinite(v) and _in_range(v, f):
            return float(v)
        finite = "有限的" if number and not math.isfinite(v) else ""  # .nan would switch a gate off, .inf a limit
        self._bad(f, where, line, f"{finite}数字{_range_words(f)}", v)
        return f.default

    def _bool(self, v: object, f: Field, where: str, line: int) -> Any:
        if isinstance(v, bool):
            return v
        self._bad(f, where, line, "true 或 false", v)
        return f.default

    def _choice(self, v: object, f: Field, where: str, line: int) -> Any:
        if v in f.choices:
            return v
        self.problem(line, f'{where} 的 "{f.name}" 应为 {"、".join(f.choices)} 之一，实际为{describe(v)}',
                     did_you_mean(v, f.choices, "可选"))
        return f.default

    def _str_list(self, v: object, f: Field, where: str, line: int) -> Any:
        items = [v] if isinstance(v, str) else v
        if isinstance(items, list) and items and all(isinstance(i, str) and i for i in items):
            return tuple(items)
        self._bad(f, where, line, "文字列表", v)
        return f.default

    def _words(self, v: object, f: Field, where: str, line: int) -> Any:
        """A list of words or ids; `$name` splices a named list; a full-width separator inside an item is refused."""
        items = [v] if isinstance(v, str) else v
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
            self._bad(f, where, line, "词语列表", v)
            return f.default
        out: list[str] = []
        for i, item in enumerate(items):
            out += self._word(item, f, where, _item_line(items, i, line))
        return tuple(out)

    def _word(self, item: str, f: Field, where: str, line: int) -> list[str]:
        """One item of a word list: a word, or `$name` for the words of a named list."""
        if item.startswith(LIST_REF):
            return list(self.list_words(item[len(LIST_REF):], f"{where} 的 \"{f.name}\"", line))
        if FULL_WIDTH_SEPARATORS.search(item):
            parts = [p.strip() for p in FULL_WIDTH_SEPARATORS.split(item) if p.strip()]
            mark = FULL_WIDTH_SEPARATORS.search(item).group()
            self.problem(line, f'{where} 的 "{f.name}" 中“{item}”含全角“{mark}”：YAML 只认半角逗号，这样写成了'
                               "一项，永远匹配不到", f"应写为 [{', '.join(parts)}]（半角逗号加空格）")
            return []
        return [item]

    def list_words(self, name: str, where: str, line: int) -> tuple[str, ...]:
        """The words of a named list; an unknown name is a problem with the nearest known name."""
        if name in self.lists:
            self.used_lists.add(name)
            return self.lists[name]
        known = [LIST_REF + n for n in sorted(self.lists)]
        hint = did_you_mean(LIST_REF + name, known, "已定义的列表") if known else \
            "先在 pack.yaml 的 lists: 中定义它，例如 lists: {leaders: [县长, 区长]}"
        self.problem(line, f"{where} 引用了未定义的列表 {LIST_REF}{name}", hint)
        return ()

    def _terms(self, v: object, f: Field, where: str, line: int) -> Any:
        """Terms: a list whose entries are a word or a list of synonyms; ["调解", ["信访", "来访"]].
        `$name` as an entry stands for the list's words, each an entry; inside a synonym list, more synonyms."""
        items = [v] if isinstance(v, str) else v
        if not isinstance(items, list) or not items:
            self._bad(f, where, line, "词语列表（一项是一个词，或一组同义词）", v)
            return ()
        groups: list[tuple[str, ...]] = []
        for i, item in enumerate(items):
            item_line = _item_line(items, i, line)
            if isinstance(item, str) and item.strip():
                groups += [(w,) for w in self._word(item, f, where, item_line)]
                continue
            if not isinstance(item, list) or not item or not all(isinstance(t, str) and t.strip() for t in item):
                self._bad(f, where, item_line, "一个词或一组同义词", item)
                continue
            synonyms = [w for j, t in enumerate(item) for w in self._word(t, f, where, _item_line(item, j, item_line))]
            if synonyms:
                groups.append(tuple(synonyms))
        return tuple(groups)

    def _regex(self, v: object, f: Field, where: str, line: int) -> Any:
        if not isinstance(v, str) or not v:
            self._bad(f, where, line, "正则表达式（文字）", v)
            return None
        try:
            compiled = re.compile(v)
        except re.error as exc:
            self.problem(line, f'{where} 的 "{f.name}" 不是有效的正则表达式：第{(exc.pos or 0) + 1}个字符处'
                               f"{_regex_error(exc.msg)}",
                         "检查括号和转义；在 YAML 中用单引号括起正则表达式")
            return None
        reason = unsafe_reason(v)
        if reason:
            self.problem(line, f'{where} 的 "{f.name}" 可能发生灾难性回溯：{reason}')  # the reason says how to rewrite
            return None
        mark = FULL_WIDTH_IN_PATTERN.search(v)
        if mark:
            half = mark.group().translate(str.maketrans("，；：！？", ",;:!?"))
            self.problem(line, f'{where} 的 "{f.name}" 含全角“{mark.group()}”：正文检查前全角标点已统一为半角，'
                               "这样写永远匹配不到", f"应写半角“{half}”")
            return None
        return compiled

    def _regex_list(self, v: object, f: Field, where: str, line: int) -> Any:
        items = [v] if isinstance(v, str) else v
        if not isinstance(items, list) or not items:
            self._bad(f, where, line, "正则表达式列表", v)
            return ()
        out = []
        for i, item in enumerate(items):
            compiled = self._regex(item, f, where, _item_line(items, i, line))
            if compiled is not None:
                out.append(compiled)
        return tuple(out)

    def _any(self, v: object, f: Field, where: str, line: int) -> Any:
        return v


REGEX_ERRORS = {"missing )": "缺少右括号", "unbalanced parenthesis": "括号不成对", "nothing to repeat": "重复符号前没有内容",
                "unterminated character set": "方括号没有闭合", "bad escape": "反斜杠转义不对",
                "multiple repeat": "重复符号连用"}


def _regex_error(message: str) -> str:
    return next((words for key, words in REGEX_ERRORS.items() if message.startswith(key)), "有错")


def did_you_mean(value: object, known, what: str = "可选") -> str:
    """“是否指 "x"？” for the nearest known name, else the list of what is known."""
    import difflib  # only when a pack has a mistake: not on the default path

    known = list(known)
    close = difflib.get_close_matches(str(value), known, n=1, cutoff=0.6)
    return f'是否指 "{close[0]}"？' if close else f"{what}：{'、'.join(known)}"


def _in_range(v: float, f: Field) -> bool:
    return (f.minimum is None or v >= f.minimum) and (f.maximum is None or v <= f.maximum)


def _range_words(f: Field) -> str:
    if f.minimum is not None and f.maximum is not None:
        return f"（{f.minimum:g}–{f.maximum:g}）"
    return f"（≥ {f.minimum:g}）" if f.minimum is not None else ""


def _item_line(items: object, index: int, default: int) -> int:
    return items.line_of(index) if isinstance(items, MarkedList) else default


def _line(node: object, key: object) -> int:
    if isinstance(node, MarkedDict):
        return node.line_of(key)
    return getattr(node, "line", 0)


def describe(value: object) -> str:
    """A value as a message quotes it."""
    if value is None:
        return "空"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "键值对"
    if isinstance(value, list):
        return "列表"
    return f'"{value}"' if isinstance(value, str) else str(value)
