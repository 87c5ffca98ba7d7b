"""Project configuration: a `.checker.yaml` found by walking up from the current directory (the first one
wins), or the file named by --config; --isolated ignores both. Command-line options win over the file.

    pack: fazhi-annual          # or leave out to choose per document (--level auto)
    level: auto
    fail_under: 70
    format: text
    reviewer: 县司法局          # the author of the comments in `checker annotate`'s review copy
    disable: [xi-rule-of-law-thought, repetition]     # element or check ids not judged
    severity: {signoff: required, deadline: error}    # element or check severities
    paths:                                            # per-path settings, first match wins
      - match: "departments/**"
        level: department
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker.errors import PackError, UsageError
from checker.model import LEVELS
from checker.packs.loader import _read_yaml, builtin_packs, load_pack
from checker.packs.model import Pack
from checker.packs.schema import Field, Validator, did_you_mean
from checker.packs.yamlmarks import MarkedDict, MarkedList
from checker.render.registry import FORMATS as OUTPUT_FORMATS

CONFIG_NAME = ".checker.yaml"
ELEMENT_SEVERITIES = ("required", "recommended", "advisory")
CHECK_SEVERITIES = ("error", "warning", "info")
SEVERITIES = ELEMENT_SEVERITIES + CHECK_SEVERITIES
SETTINGS = (
    Field("pack", "str", "规则包名称或路径（相对于配置文件）", example="fazhi-annual"),
    Field("level", "choice", "auto 或一个层级", choices=("auto", *LEVELS), example="county"),
    Field("fail_under", "number", "及格线（0–100）", minimum=0, maximum=100, example="70"),
)
FIELDS = SETTINGS + (
    Field("format", "choice", "默认输出格式", choices=("text", *OUTPUT_FORMATS), example="json"),
    Field("max_size", "number", "单个输入文件的大小上限，MB（默认 50）", minimum=0.001, example="100"),
    Field("reviewer", "str", "审阅稿（checker annotate）中批注的作者", example="县司法局"),
    Field("disable", "words", "不评的要素或文字检查编号", default=(), example="[repetition]"),
    Field("severity", "any", "要素或文字检查编号 → 级别", default=None, example="{signoff: required}"),
    Field("paths", "any", "按路径的设置：[{match: GLOB, level|pack|fail_under: …}]", default=None),
)
PATH_FIELDS = (Field("match", "str", "相对于配置文件的路径模式", required=True,
                     example='"departments/**"'),) + SETTINGS


@dataclass(frozen=True)
class Settings:
    """What a configuration may set for the documents of a path: pack, level and gate."""
    pack: str | None = None
    level: str = "auto"
    fail_under: float | None = None


@dataclass(frozen=True)
class Config:
    """A project's configuration file, read and checked once: defaults, per-path settings and check overrides."""
    path: Path | None = None
    defaults: Settings = field(default_factory=Settings)
    format: str | None = None
    max_size: float | None = None
    disable: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    per_path: tuple[tuple[str, Settings], ...] = ()
    reviewer: str | None = None

    def settings_for(self, source: str) -> Settings:
        """The settings for one document: the first matching `paths` entry over the defaults."""
        if self.path is not None and source != "-":
            try:
                rel = os.path.relpath(os.path.abspath(source), self.path.parent).replace(os.sep, "/")
            except ValueError:
                rel = source
            for pattern, settings in self.per_path:
                if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern.rstrip("/*") + "/*"):
                    return Settings(settings.pack or self.defaults.pack, settings.level or self.defaults.level,
                                    settings.fail_under if settings.fail_under is not None
                                    else self.defaults.fail_under)
        return self.defaults

    def apply(self, pack: Pack) -> Pack:
        """The pack with this project's disabled ids and severity overrides."""
        if not self.disable and not self.severity:
            return pack
        def adjust(item):
            return replace(item, enabled=item.enabled and item.id not in self.disable,
                           severity=self.severity.get(item.id, item.severity))

        return replace(pack, elements=tuple(adjust(e) for e in pack.elements),
                       checks=tuple(adjust(c) for c in pack.checks))


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> Config:
    """Read and validate a config file; raises PackError (file:line problems) when it is wrong. An empty file
    is a config without settings. Every pack it names is loaded here, so that a missing or broken one is an error
    naming this file and line, before any document is judged."""
    node = _read_yaml(path, empty_ok=True)
    v = Validator(str(path))
    data = v.mapping(node, FIELDS, CONFIG_NAME, 1) or {}
    named = [(data.get("pack"), node.line_of("pack"))] if data.get("pack") else []
    per_path = []
    paths = data.get("paths") or []
    if not isinstance(paths, list):
        v.problem(node.line_of("paths"), '"paths" 应为列表', '应写 paths: [{match: "departments/**", level: department}]')
        paths = []
    for i, item in enumerate(paths):
        entry = v.mapping(item, PATH_FIELDS, f"paths 第{i + 1}项", paths.line_of(i))
        if entry and entry.get("match"):
            if entry.get("pack"):
                named.append((entry["pack"], _line_in(item, "pack", paths.line_of(i))))
            per_path.append((entry["match"], Settings(_pack_path(entry.get("pack"), path), entry.get("level"),
                                                      entry.get("fail_under"))))
    packs = _named_packs(named, path, v)
    elements, checks = _known_ids(packs)
    disable = tuple(data.get("disable") or ())
    for i, item_id in enumerate(disable):
        if item_id not in elements and item_id not in checks:
            v.problem(_line_in(node.get("disable"), i, node.line_of("disable")),
                      f'disable 中的 "{item_id}" 不是要素或文字检查的编号', _unknown_hint(item_id, elements, checks))
    severity = _severity(data.get("severity"), node, elements, checks, v)
    if v.problems:
        raise PackError(v.problems)
    defaults = Settings(_pack_path(data.get("pack"), path), data.get("level") or "auto", data.get("fail_under"))
    return Config(path, defaults, data.get("format"), data.get("max_size"), disable, severity, tuple(per_path),
                  data.get("reviewer"))


def _named_packs(named: list[tuple[str, int]], config: Path, v: Validator) -> list[Pack]:
    """The packs the config names, loaded; a missing one is a problem at its line with the nearest built-in name."""
    out = []
    for name, line in named:
        try:
            out.append(load_pack(_pack_path(name, config)))
        except UsageError:
            v.problem(line, f"找不到规则包 {name}", did_you_mean(name, builtin_packs(), "内置规则包") +
                      "；也可写含 pack.yaml 的目录（相对于配置文件）")
        except PackError as exc:
            v.problem(line, f"规则包 {name} 有错误，见下", "")
            v.problems.extend(exc.problems)
    return out


def _known_ids(packs: list[Pack]) -> tuple[dict[str, str], set[str]]:
    """Element id → its title over the built-in packs and the named ones, and every check id."""
    from checker.checks import REGISTRY

    elements: dict[str, str] = {}
    for pack in [*(load_pack(name) for name in builtin_packs()), *packs]:
        elements.update((e.id, e.title) for e in pack.elements)
    return elements, set(REGISTRY)


def _severity(value, node, elements: dict[str, str], checks: set[str], v: Validator) -> dict[str, str]:
    """id → severity; an element takes required/recommended/advisory, a check error/warning/info."""
    if value is None:
        return {}
    line = node.line_of("severity")
    if not isinstance(value, dict):
        v.problem(line, '"severity" 应为“编号 → 级别”', "例如 severity: {signoff: required, deadline: error}")
        return {}
    out = {}
    for item_id, level in value.items():
        iline = _line_in(value, item_id, line)
        if item_id in elements:
            allowed, what = ELEMENT_SEVERITIES, f"要素 {item_id}（{elements[item_id]}）"
        elif item_id in checks:
            allowed, what = CHECK_SEVERITIES, f"文字检查 {item_id}"
        else:
            v.problem(iline, f'severity 中的 "{item_id}" 不是要素或文字检查的编号', _unknown_hint(item_id, elements, checks))
            continue
        if level not in allowed:
            v.problem(iline, f"severity 中{what}的级别应为 {'、'.join(allowed)} 之一，实际为 {level}",
                      did_you_mean(level, allowed, "可选"))
            continue
        out[item_id] = level
    return out


def _unknown_hint(item_id: str, elements: dict[str, str], checks: set[str]) -> str:
    close = did_you_mean(item_id, [*elements, *sorted(checks)], "")
    if close.startswith("是否指"):
        return close
    return "用 checker rules list 查看要素编号；自己规则包中的要素，须在配置中用 pack: 写明该规则包"


def _line_in(node: object, key: object, default: int) -> int:
    if isinstance(node, MarkedDict):
        return node.line_of(key)
    if isinstance(node, MarkedList) and isinstance(key, int):
        return node.line_of(key)
    return default


def _pack_path(pack: str | None, config: Path) -> str | None:
    """A pack given as a path in the config is relative to the config file, not to the current directory."""
    if pack and ("/" in pack or pack.startswith(".")):
        return str((config.parent / pack).resolve())
    return pack
