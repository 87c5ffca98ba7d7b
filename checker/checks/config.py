"""The schema of a pack's checks.yaml (or `checks:` in pack.yaml) and its validation with file:line problems.

```yaml
fail_on: error            # which findings fail the gate: error | warning | never
checks:
  blank-figure:
    title: 空白数字
    severity: warning       # error | warning | info
    message: 数字未填写
    suggestion: 补上数字……
    basis: [……]
    enabled: true
    options: {units: [次, 件]}
```
A pack that extends another inherits its checks and may change any field of one (or `enabled: false`).
"""

from __future__ import annotations

from dataclasses import replace

from checker.packs.model import CheckSpec
from checker.packs.schema import Field, Validator, did_you_mean
from checker.packs.yamlmarks import MarkedDict

FINDING_SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "never")

FILE_FIELDS = (
    Field("fail_on", "choice", "which findings fail the gate", choices=FAIL_ON, example="error"),
    Field("checks", "any", "check id → its settings", default=None, example="{blank-figure: {severity: warning}}"),
)
CHECK_FIELDS = (
    Field("title", "str", "the check's Chinese name", example="空白数字"),
    Field("severity", "choice", "error, warning or info", choices=FINDING_SEVERITIES, example="warning"),
    Field("message", "str", "what is wrong, in Chinese", example="数字未填写"),
    Field("suggestion", "str", "what to write instead, in Chinese", example="补上确切数字"),
    Field("basis", "str_list", "why it matters (document and content)", default=None),
    Field("enabled", "bool", "false turns the check off", default=None, example="false"),
    Field("options", "any", "the check's own settings", default=None),
)
NEEDED = ("title", "severity", "message", "suggestion")


def parse_checks(node: MarkedDict, v: Validator, parent: tuple[CheckSpec, ...], parent_fail_on: str,
                 line: int) -> tuple[tuple[CheckSpec, ...], str]:
    """Checks and fail_on from a checks.yaml mapping (or pack.yaml's `checks:` value), merged over the parent's."""
    from checker.checks import REGISTRY

    data = v.mapping(node, FILE_FIELDS, "checks.yaml", line)
    if data is None:
        return parent, parent_fail_on
    fail_on = data.get("fail_on") or parent_fail_on
    specs = {c.id: c for c in parent}
    order = [c.id for c in parent]
    checks = data.get("checks")
    if checks is None:
        return tuple(specs[i] for i in order), fail_on
    if not isinstance(checks, dict):
        v.problem(node.line_of("checks") if hasattr(node, "line_of") else line,
                  '"checks" 应为“检查编号 → 设置”',
                  f"例如 checks: {{blank-figure: {{severity: warning}}}}；已有的检查：{'、'.join(REGISTRY)}")
        return tuple(specs[i] for i in order), fail_on
    for check_id, settings in checks.items():
        cline = checks.line_of(check_id) if isinstance(checks, MarkedDict) else line
        definition = REGISTRY.get(check_id)
        if definition is None:
            v.problem(cline, f'未知的文字检查 "{check_id}"', did_you_mean(str(check_id), list(REGISTRY), "已有的检查"))
            continue
        where = f"检查 {check_id}"
        fields = _values(v, settings, where, cline)
        if fields is None:
            continue
        options = _options(v, definition, fields.pop("options", None), settings, where, cline)
        old = specs.get(check_id)
        if old is None:
            missing = [name for name in NEEDED if name not in fields]
            for name in missing:
                example = next(f.example for f in CHECK_FIELDS if f.name == name)
                v.problem(cline, f'{where} 缺少 "{name}"', f"写上 {name}: {example}")
            if missing:
                continue
            defaults = dict(definition.defaults or {})
            defaults.update(options or {})
            specs[check_id] = CheckSpec(id=check_id, title=fields["title"], severity=fields["severity"],
                                        message=fields["message"], suggestion=fields["suggestion"],
                                        basis=tuple(fields.get("basis") or ()),
                                        enabled=fields.get("enabled", True) is not False, options=defaults,
                                        origin=f"{v.path}:{cline}")
            order.append(check_id)
        else:
            merged = dict(old.options)
            merged.update(options or {})
            changes = {k: val for k, val in fields.items() if k != "enabled"}
            if "basis" in changes:
                changes["basis"] = tuple(changes["basis"])
            if "enabled" in fields:
                changes["enabled"] = bool(fields["enabled"])
            specs[check_id] = replace(old, options=merged, origin=f"{v.path}:{cline}", **changes)
    return tuple(specs[i] for i in order), fail_on


def _values(v: Validator, settings, where: str, line: int) -> dict | None:
    if settings is None:
        settings = MarkedDict()
    data = v.mapping(settings, CHECK_FIELDS, where, line)
    if data is None:
        return None
    return {k: val for k, val in data.items() if k in settings}


def _options(v: Validator, definition, value, settings, where: str, line: int) -> dict | None:
    if value is None:
        return None
    oline = settings.line_of("options") if isinstance(settings, MarkedDict) else line
    if not definition.options:
        v.problem(oline, f"{where} 没有可设置的选项", "删去 options:")
        return None
    data = v.mapping(value, definition.options, f"{where} 的 options", oline)
    if data is None:
        return None
    given = {k: val for k, val in data.items() if k in value}
    if definition.validate is not None:
        for message, hint in definition.validate(given):
            v.problem(oline, f"{where} 的 options：{message}", hint)
    return given
