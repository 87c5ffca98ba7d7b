"""Find a pack by name or path, validate it, resolve `extends`, and build its elements.

A pack is a folder: pack.yaml (id, version, scopes, lexicon, gate, the element order) and elements/<id>.yaml,
one file per element. A child pack `extends:` a parent and may `disable`, `override` or add elements.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import yaml

from checker.errors import PackError, PackProblem, UsageError
from checker.matchers import Builder
from checker.model import LEVELS
from checker.packs.model import Element, Gate, Lexicon, Pack, ScopeSpec
from checker.packs.schema import Field, Validator
from checker.packs.yamlmarks import MarkedDict, YAMLLimit, load_marked

DEFAULT_PACK = "fazhi-annual"
SEVERITIES = ("required", "recommended", "advisory")
MAX_YAML_BYTES = 1024 * 1024  # one pack, element, checks or config file; the largest shipped one is 8 KB

PACK_FIELDS = (
    Field("id", "str", "the pack's id", required=True, example="my-province"),
    Field("title", "str", "a Chinese title", required=True, example="某省法治政府建设年度报告"),
    Field("version", "str", "the pack's version", required=True, example='"2025.1"'),
    Field("description", "str", "what the pack is for"),
    Field("extends", "str", "a pack name or a path to inherit from", example="fazhi-annual"),
    Field("elements", "str_list", "element ids in report order; each is elements/<id>.yaml", default=(),
          example="[report-title, first-responsibility]"),
    Field("disable", "str_list", "inherited element ids not judged by this pack", default=(),
          example="[administrative-reconsideration]"),
    Field("override", "any", "inherited element id → fields to change", default=None,
          example="{normative-documents: {severity: advisory}}"),
    Field("scopes", "any", "named parts of a report: name → {headings: [...], exclude: [...]}", default=None),
    Field("lexicon", "any", "guard words: negation_before, negation_after, deficiency, future", default=None),
    Field("gate", "any", "fail_under and required_must_not_fail", default=None),
    Field("grades", "any", "grade letter → lowest total for it", default=None),
    Field("checks", "any", "defect checks: check id → settings (or put them in checks.yaml)", default=None,
          example="{blank-figure: {severity: error}}"),
)
ELEMENT_FIELDS = (
    Field("id", "str", "the element id (stable, ASCII)", required=True, example="problem-causes"),
    Field("title", "str", "the element's Chinese name", required=True, example="原因分析"),
    Field("severity", "choice", "required, recommended or advisory", required=True, choices=SEVERITIES,
          example="required"),
    Field("weight", "number", "weight in the total score", required=True, minimum=0, example="3"),
    Field("requires", "str", "what a report must contain to pass, in Chinese", required=True),
    Field("message", "str", "what is wrong when it fails, in Chinese", required=True),
    Field("suggestion", "str", "what to write, in Chinese", required=True),
    Field("basis", "str_list", "legal basis, by document and content", required=True,
          example="[《法治政府建设与责任落实督察工作规定》：……]"),
    Field("match", "any", "the matcher for pass", required=True, example="{terms: {any: [行政复议]}}"),
    Field("weak_if", "any", "the matcher for partial", default=None),
    Field("applies_to", "any", "levels and years the element applies to", default=None,
          example="{levels: [county, city], years: {from: 2020}}"),
)
OVERRIDABLE = tuple(f for f in ELEMENT_FIELDS if f.name != "id")
LEXICON_FIELDS = (
    Field("negation_before", "regex", "negation before a hit in its clause (未开展)"),
    Field("negation_after", "regex", "negation right after a hit (制度尚未建立)"),
    Field("deficiency", "regex", "a shortfall right after a hit (落实不到位)"),
    Field("future", "regex", "future tense in a sentence (下一步, 将进一步)"),
    Field("future_scopes", "str_list", "scopes whose text is a plan", default=()),
    Field("problem_scopes", "str_list", "scopes whose text is about shortcomings", default=()),
)
GATE_FIELDS = (
    Field("fail_under", "number", "the lowest passing total (0–100)", minimum=0, example="60"),
    Field("required_must_not_fail", "bool", "a failed required element fails the gate", example="true"),
)
SCOPE_FIELDS = (
    Field("headings", "regex_list", "heading patterns", default=(), example="['存在.{0,4}问题']"),
    Field("exclude", "str_list", "scope names to leave out", default=(), example="[problems]"),
)
APPLIES_FIELDS = (
    Field("levels", "str_list", f"levels: {', '.join(LEVELS)}", default=None, example="[county, city]"),
    Field("years", "any", "{from: YEAR, to: YEAR}", default=None, example="{from: 2020}"),
)


def packs_root() -> Path:
    """Built-in packs: inside the installed package, or rules/ beside it in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "rules"
    return installed if installed.is_dir() else here.parent / "rules"


def builtin_packs() -> list[str]:
    root = packs_root()
    return sorted(p.name for p in root.iterdir() if (p / "pack.yaml").is_file()) if root.is_dir() else []


@lru_cache(maxsize=64)
def resolve(name_or_path: str, relative_to: Path | None = None) -> Path:
    """The pack.yaml for a built-in name or a path (a folder or the pack.yaml itself); found once per process,
    as packs are loaded once per process."""
    candidates = []
    if relative_to is not None:
        candidates.append(relative_to / name_or_path)
    candidates += [Path(name_or_path), packs_root() / name_or_path]
    for candidate in candidates:
        if candidate.is_dir() and (candidate / "pack.yaml").is_file():
            return (candidate / "pack.yaml").resolve()
        if candidate.is_file() and candidate.suffix in (".yaml", ".yml") and ("/" in name_or_path or "\\" in name_or_path
                                                                           or candidate.parent != packs_root()):
            return candidate.resolve()
    known = ", ".join(builtin_packs()) or "none"
    raise UsageError(f"找不到规则包 {name_or_path}（内置规则包：{known}；也可给出含 pack.yaml 的目录）")


def load_pack(name_or_path: str = DEFAULT_PACK) -> Pack:
    """Load a pack once per process; raises PackError (every problem, with file:line) or UsageError."""
    return _load_cached(resolve(name_or_path))


@lru_cache(maxsize=32)
def _load_cached(path: Path) -> Pack:
    return _load(path, ())


def _load(path: Path, chain: tuple[Path, ...]) -> Pack:
    if path in chain:
        cycle = " → ".join(str(p) for p in (*chain, path))
        raise PackError([PackProblem(str(path), None, f"extends forms a cycle: {cycle}",
                                     "remove extends from one of these packs")])
    v = Validator(str(path))
    node = _read_yaml(path)
    data = v.mapping(node, PACK_FIELDS, "pack.yaml", 1)
    if data is None or v.problems:
        raise PackError(v.problems)
    parent = None
    if data.get("extends"):
        try:
            parent_path = resolve(data["extends"], path.parent)
        except UsageError as exc:
            v.problem(node.line_of("extends"), str(exc), "name a built-in pack or a folder with pack.yaml")
            raise PackError(v.problems) from None
        parent = _load(parent_path, (*chain, path))
    pack = _build(path, node, data, parent, v)
    if v.problems:
        raise PackError(v.problems)
    return pack


def _build(path: Path, node: MarkedDict, data: dict, parent: Pack | None, v: Validator) -> Pack:
    scopes = dict(parent.scopes) if parent else {}
    scopes.update(_scopes(data.get("scopes"), v, node.line_of("scopes")))
    builder = Builder(v, set(scopes) | {"document"})
    lexicon = _lexicon(data.get("lexicon"), parent, v, node.line_of("lexicon"))
    elements = list(parent.elements) if parent else []
    by_id = {e.id: i for i, e in enumerate(elements)}
    for i, element_id in enumerate(data["disable"]):
        if element_id not in by_id:
            v.problem(_item_line(node, "disable", i), f'cannot disable unknown element "{element_id}"',
                      f"inherited elements: {', '.join(by_id)}")
        else:
            elements[by_id[element_id]] = replace(elements[by_id[element_id]], enabled=False)
    _apply_overrides(data.get("override"), node, elements, by_id, builder, v)
    seen: set[str] = set()
    for i, element_id in enumerate(data["elements"]):
        line = _item_line(node, "elements", i)
        if element_id in seen or element_id in by_id:
            v.problem(line, f'duplicate element id "{element_id}"',
                      "each id appears once; to change an inherited element use override:")
            continue
        seen.add(element_id)
        element = _element(path.parent / "elements" / f"{element_id}.yaml", element_id, builder, line, v)
        if element:
            elements.append(element)
    gate = _gate(data.get("gate"), parent, v, node.line_of("gate"))
    grades = _grades(data.get("grades"), parent, v, node.line_of("grades"))
    checks, fail_on = _checks(path, node, data, parent, v)
    return Pack(id=data["id"], title=data["title"], version=data["version"], elements=tuple(elements),
                scopes=scopes, lexicon=lexicon, gate=gate, grades=grades, origin=str(path),
                extends=((parent.id,) + parent.extends) if parent else (), checks=checks, fail_on=fail_on)


def _checks(path: Path, node: MarkedDict, data: dict, parent: Pack | None, v: Validator):
    """Defect checks: the parent's, then checks.yaml beside pack.yaml, then a `checks:` key in pack.yaml."""
    from checker.checks.config import parse_checks

    checks, fail_on = (parent.checks, parent.fail_on) if parent else ((), "error")
    file = path.parent / "checks.yaml"
    if file.is_file():
        cv = Validator(str(file))
        checks, fail_on = parse_checks(_read_yaml(file), cv, checks, fail_on, 1)
        v.problems.extend(cv.problems)
    if data.get("checks") is not None:
        wrapper = MarkedDict(checks=data["checks"])
        wrapper.line = node.line_of("checks")
        wrapper.key_lines = {"checks": node.line_of("checks")}
        checks, fail_on = parse_checks(wrapper, v, checks, fail_on, node.line_of("checks"))
    return checks, fail_on


def _element(file: Path, element_id: str, builder: Builder, line: int, v: Validator) -> Element | None:
    if not file.is_file():
        v.problem(line, f'element "{element_id}" has no file {file.name}',
                  f"create elements/{element_id}.yaml or remove the id from elements:")
        return None
    ev = Validator(str(file))
    node = _read_yaml(file)
    data = ev.mapping(node, ELEMENT_FIELDS, f"element {element_id}", 1)
    element = None
    if data is not None:
        if data.get("id") and data["id"] != element_id:
            ev.problem(node.line_of("id"), f'id "{data["id"]}" does not match the file name {file.name}',
                       f"write id: {element_id}")
        element = _element_from(data, node, builder.__class__(ev, builder.scope_names), ev, str(file))
    v.problems.extend(ev.problems)
    return element if not ev.problems else None


def _element_from(data: dict, node: MarkedDict, builder: Builder, v: Validator, origin: str) -> Element | None:
    where = f"element {data.get('id')}"
    match = builder.build(data["match"], f"match of {where}", node.line_of("match")) if data.get("match") else None
    weak = builder.build(data["weak_if"], f"weak_if of {where}", node.line_of("weak_if")) \
        if data.get("weak_if") is not None else None
    levels, years = _applies(data.get("applies_to"), v, node.line_of("applies_to") if "applies_to" in node else 0)
    if match is None or any(f.required and f.name not in data for f in ELEMENT_FIELDS):
        return None  # each missing field is already a problem; building would be a KeyError
    return Element(id=data["id"], title=data["title"], severity=data["severity"], weight=data["weight"],
                   requires=data["requires"], message=data["message"], suggestion=data["suggestion"],
                   basis=data["basis"], match=match, weak_if=weak, levels=levels, years=years,
                   origin=f"{origin}:{node.line}")


def _apply_overrides(value, node, elements, by_id, builder: Builder, v: Validator) -> None:
    if value is None:
        return
    line = node.line_of("override")
    if not isinstance(value, dict):
        v.problem(line, '"override" must map element ids to fields', "write override: {problems: {weight: 2}}")
        return
    for element_id, changes in value.items():
        eline = value.line_of(element_id) if isinstance(value, MarkedDict) else line
        if element_id not in by_id:
            v.problem(eline, f'cannot override unknown element "{element_id}"', f"inherited: {', '.join(by_id)}")
            continue
        fields = tuple(Field(f.name, f.kind, f.doc, choices=f.choices, minimum=f.minimum, example=f.example)
                       for f in OVERRIDABLE)
        data = v.mapping(changes, fields, f"override of {element_id}", eline)
        if data is None:
            continue
        old = elements[by_id[element_id]]
        updates = {k: val for k, val in data.items() if k in changes and k not in ("match", "weak_if", "applies_to")}
        where = f"override of {element_id}"
        if "match" in changes:
            updates["match"] = builder.build(changes["match"], f"match of {where}", changes.line_of("match"))
        if "weak_if" in changes:
            updates["weak_if"] = builder.build(changes["weak_if"], f"weak_if of {where}", changes.line_of("weak_if")) \
                if changes["weak_if"] is not None else None
        if "applies_to" in changes:
            updates["levels"], updates["years"] = _applies(changes["applies_to"], v, changes.line_of("applies_to"))
        if updates.get("match", old.match) is not None:
            elements[by_id[element_id]] = replace(old, **updates)


def _scopes(value, v: Validator, line: int) -> dict[str, ScopeSpec]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        v.problem(line, '"scopes" must map names to {headings, exclude}', "write scopes: {plan: {headings: [下一步]}}")
        return {}
    out = {}
    for name, spec in value.items():
        data = v.mapping(spec, SCOPE_FIELDS, f"scope {name}", value.line_of(name))
        if data is not None:
            out[name] = ScopeSpec(data["headings"], data["exclude"])
    for name, spec in out.items():
        for other in spec.exclude:
            if other not in out:
                v.problem(value.line_of(name), f'scope {name} excludes unknown scope "{other}"',
                          f"define {other} under scopes: first")
    return out


def _lexicon(value, parent: Pack | None, v: Validator, line: int) -> Lexicon:
    base = parent.lexicon if parent else None
    data = v.mapping(value if value is not None else MarkedDict(), LEXICON_FIELDS, "lexicon", line) or {}
    picked = {f.name: data.get(f.name) if data.get(f.name) not in (None, ()) else
              (getattr(base, f.name) if base else None) for f in LEXICON_FIELDS}
    for name in ("negation_before", "negation_after", "deficiency", "future"):
        if picked[name] is None:
            if base is None and value is not None:
                v.problem(line, f'lexicon is missing "{name}"', "a pack without extends defines all four patterns")
            picked[name] = re.compile(r"(?!x)x")
    picked["future_scopes"] = picked["future_scopes"] or ()
    picked["problem_scopes"] = picked["problem_scopes"] or ()
    return Lexicon(**picked)


def _gate(value, parent: Pack | None, v: Validator, line: int) -> Gate:
    base = parent.gate if parent else Gate()
    data = v.mapping(value if value is not None else MarkedDict(), GATE_FIELDS, "gate", line) or {}
    fail_under = data.get("fail_under")
    if fail_under is not None and fail_under > 100:
        v.problem(line, "gate fail_under must be between 0 and 100", "write e.g. fail_under: 60")
    return Gate(fail_under if fail_under is not None else base.fail_under,
                data["required_must_not_fail"] if data.get("required_must_not_fail") is not None
                else base.required_must_not_fail)


def _grades(value, parent: Pack | None, v: Validator, line: int) -> tuple[tuple[str, float], ...]:
    if value is None:
        return parent.grades if parent else (("A", 90.0), ("B", 80.0), ("C", 70.0), ("D", 60.0), ("F", 0.0))
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(x, (int, float)) and
                                              not isinstance(x, bool) for k, x in value.items()):
        v.problem(line, '"grades" must map a grade letter to the lowest total for it',
                  "write grades: {A: 90, B: 80, C: 70, D: 60, F: 0}")
        return parent.grades if parent else ()
    return tuple(sorted(((k, float(x)) for k, x in value.items()), key=lambda kv: -kv[1]))


def _applies(value, v: Validator, line: int):
    if value is None:
        return None, None
    data = v.mapping(value, APPLIES_FIELDS, "applies_to", line)
    if data is None:
        return None, None
    levels = data.get("levels")
    for level in levels or ():
        if level not in LEVELS:
            v.problem(line, f'unknown level "{level}" in applies_to', f"use {', '.join(LEVELS)}")
    years = data.get("years")
    if years is not None:
        if not isinstance(years, dict) or set(years) - {"from", "to"} or not all(
                isinstance(x, int) for x in years.values()):
            v.problem(line, '"years" in applies_to must be {from: YEAR, to: YEAR}', "write years: {from: 2020}")
            years = None
        else:
            years = (years.get("from"), years.get("to"))
    return levels, years


def _item_line(node: MarkedDict, key: str, index: int) -> int:
    items = node.get(key)
    return items.line_of(index) if hasattr(items, "line_of") else node.line_of(key)


def _read_yaml(path: Path) -> MarkedDict:
    """One pack or config file, within MAX_YAML_BYTES and the node limits of yamlmarks."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_YAML_BYTES + 1)
        if len(data) > MAX_YAML_BYTES:
            raise PackError([PackProblem(str(path), None, f"文件超过 {MAX_YAML_BYTES // 1024 // 1024} MB 上限，已拒绝读取"
                                                          "（规则包和配置文件只需几 KB）")])
        text = data.decode("utf-8")
    except OSError as exc:
        raise PackError([PackProblem(str(path), None, f"cannot read: {exc.strerror or exc}")]) from None
    except UnicodeDecodeError:
        raise PackError([PackProblem(str(path), None, "not UTF-8 text", "save the file as UTF-8")]) from None
    try:
        node = load_marked(text)
    except YAMLLimit as exc:
        raise PackError([PackProblem(str(path), exc.problem_mark.line + 1, exc.problem)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError([PackProblem(str(path), line, f"YAML syntax error: {what}",
                                     "check indentation, colons and quotes on this line")]) from None
    if not isinstance(node, MarkedDict):
        raise PackError([PackProblem(str(path), 1, "the file must be a YAML mapping", "write key: value lines")])
    return node
