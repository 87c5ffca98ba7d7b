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

from checker.errors import PackError
from checker.model import LEVELS
from checker.packs.loader import _read_yaml
from checker.packs.model import Pack
from checker.packs.schema import Field, Validator
from checker.render.registry import FORMATS as OUTPUT_FORMATS

CONFIG_NAME = ".checker.yaml"
SEVERITIES = ("required", "recommended", "advisory", "error", "warning", "info")
SETTINGS = (
    Field("pack", "str", "a pack name or path", example="fazhi-annual"),
    Field("level", "choice", "auto or a level", choices=("auto", *LEVELS), example="county"),
    Field("fail_under", "number", "the lowest passing total", minimum=0, example="70"),
)
FIELDS = SETTINGS + (
    Field("format", "choice", "the default output format", choices=("text", *OUTPUT_FORMATS), example="json"),
    Field("max_size", "number", "the largest input file in MB (default 50)", minimum=0.001, example="100"),
    Field("reviewer", "str", "the author of the review copy's comments (checker annotate)", example="县司法局"),
    Field("disable", "str_list", "element or check ids not judged", default=(), example="[repetition]"),
    Field("severity", "any", "element or check id → severity", default=None, example="{signoff: required}"),
    Field("paths", "any", "per-path settings: [{match: GLOB, level|pack|fail_under: …}]", default=None),
)
PATH_FIELDS = (Field("match", "str", "a glob relative to the config file", required=True,
                     example='"departments/**"'),) + SETTINGS


@dataclass(frozen=True)
class Settings:
    pack: str | None = None
    level: str = "auto"
    fail_under: float | None = None


@dataclass(frozen=True)
class Config:
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
    """Read and validate a config file; raises PackError (file:line problems) when it is wrong."""
    node = _read_yaml(path)
    v = Validator(str(path))
    data = v.mapping(node, FIELDS, CONFIG_NAME, 1) or {}
    severity = data.get("severity") or {}
    if not isinstance(severity, dict) or any(s not in SEVERITIES for s in severity.values()):
        v.problem(node.line_of("severity"), '"severity" must map ids to a severity',
                  f"one of {', '.join(SEVERITIES)}, e.g. severity: {{signoff: required}}")
        severity = {}
    per_path = []
    paths = data.get("paths") or []
    if not isinstance(paths, list):
        v.problem(node.line_of("paths"), '"paths" must be a list', 'write paths: [{match: "departments/**", level: '
                                                                    'department}]')
        paths = []
    for i, item in enumerate(paths):
        entry = v.mapping(item, PATH_FIELDS, f"paths[{i + 1}]", paths.line_of(i))
        if entry and entry.get("match"):
            per_path.append((entry["match"], Settings(_pack_path(entry.get("pack"), path), entry.get("level"),
                                                      entry.get("fail_under"))))
    if v.problems:
        raise PackError(v.problems)
    defaults = Settings(_pack_path(data.get("pack"), path), data.get("level") or "auto", data.get("fail_under"))
    return Config(path, defaults, data.get("format"), data.get("max_size"), tuple(data.get("disable") or ()),
                  dict(severity), tuple(per_path), data.get("reviewer"))


def _pack_path(pack: str | None, config: Path) -> str | None:
    """A pack given as a path in the config is relative to the config file, not to the current directory."""
    if pack and ("/" in pack or pack.startswith(".")):
        return str((config.parent / pack).resolve())
    return pack
