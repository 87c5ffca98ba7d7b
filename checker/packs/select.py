"""--level: which built-in pack judges a document, read from rules/variants.yaml, with the reason in Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.errors import PackError, UsageError
from checker.model import LEVELS, Document
from checker.packs.loader import _read_yaml, builtin_packs, packs_root
from checker.packs.schema import Field, Validator
from checker.words import LEVEL_WORDS

LEVEL_CHOICES = ("auto", *LEVELS)
VARIANT_FIELDS = (
    Field("pack", "str", "内置规则包编号", required=True, example="fazhi-township"),
    Field("when", "any", "{level: 层级} 或 {heading: 正则表达式}", required=True, example="{level: township}"),
    Field("why", "str", "向用户说明的选择理由（中文）", required=True),
)


@dataclass(frozen=True, slots=True)
class Variant:
    pack: str
    level: str | None
    heading: re.Pattern[str] | None
    why: str


@dataclass(frozen=True, slots=True)
class Variants:
    default: str
    variants: tuple[Variant, ...]
    levels: dict[str, str]


@lru_cache(maxsize=1)
def load_variants() -> Variants:
    """rules/variants.yaml, validated; from the pack cache while the file is unchanged."""
    from checker.packs.cache import cached

    path = packs_root() / "variants.yaml"
    return cached(path, lambda: _load_variants(path))


def _load_variants(path) -> Variants:
    node = _read_yaml(path)
    v = Validator(str(path))
    known = set(builtin_packs())
    out = []
    for i, item in enumerate(node.get("variants") or []):
        data = v.mapping(item, VARIANT_FIELDS, f"variant 第{i + 1}项", node["variants"].line_of(i))
        if not data:
            continue
        when = data["when"] if isinstance(data["when"], dict) else {}
        if data["pack"] not in known:
            v.problem(item.line, f'没有内置规则包 "{data["pack"]}"', f"内置规则包：{'、'.join(sorted(known))}")
        if not when or set(when) - {"level", "heading"}:
            v.problem(item.line, '"when" 应为 {level: 层级} 或 {heading: 正则表达式}', "例如 when: {level: township}")
            continue
        heading = re.compile(when["heading"]) if "heading" in when else None
        out.append(Variant(data["pack"], when.get("level"), heading, data["why"]))
    levels = dict(node.get("levels") or {})
    for level, pack in levels.items():
        if pack not in known:
            v.problem(node.line_of("levels"), f'层级 {level} 对应的规则包 "{pack}" 不存在', "写内置规则包编号")
    if v.problems:
        raise PackError(v.problems)
    return Variants(node.get("default", "fazhi-annual"), tuple(out), levels)


def choose(doc: Document, level: str = "auto") -> tuple[str, str]:
    """(pack id, reason) for a document; `level` is --level (auto or a level name). The reason also names the
    planning period of the year reported on, which decides era-bound elements (习近平法治思想 from 2020)."""
    pack, why = _choose(doc, level)
    return pack, f"{why}；{era_of(doc.meta.year)}"


def _choose(doc: Document, level: str) -> tuple[str, str]:
    variants = load_variants()
    if level != "auto":
        if level not in variants.levels:
            raise UsageError(f"未知层级 {level}（可选：{', '.join(LEVEL_CHOICES)}）")
        return variants.levels[level], f"按 --level {level} 选择"
    for variant in variants.variants:
        if variant.level and doc.meta.level == variant.level:
            return variant.pack, f"自动选择：{variant.why}（{doc.meta.body}）"
        if variant.heading and variant.heading.search(_heading_text(doc)):
            return variant.pack, f"自动选择：{variant.why}"
    level_word = LEVEL_WORDS.get(doc.meta.level or "", "")
    return variants.default, f"自动选择：{level_word}政府年度报告" if level_word else "默认规则包"


def era_of(year: int | None) -> str:
    if year is None:
        return "未识别报告年度，按现行要求检查"
    if year <= 2020:
        return f"{year}年度报告，对照《法治政府建设实施纲要（2015－2020年）》时期的要求" + (
            "（不要求习近平法治思想）" if year < 2020 else "")
    if year <= 2025:
        return f"{year}年度报告，对照《法治政府建设实施纲要（2021－2025年）》的要求"
    return f"{year}年度报告：《法治政府建设实施纲要（2021－2025年）》已到期，暂按其要求检查，新纲要出台后请更新规则包"


def _heading_text(doc: Document) -> str:
    """The title, or without one the first top-level heading: what the report says it is about."""
    if doc.meta.title:
        return doc.meta.title
    return doc.sections[0].title if doc.sections else ""
