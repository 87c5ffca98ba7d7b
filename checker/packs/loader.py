"""Find a pack by name or path, validate it, resolve `extends`, and build its elements.

A pack is a folder: pack.yaml (id, version, lists, scopes, lexicon, gate, the element order) and
elements/<id>.yaml, one file per element. A child pack `extends:` a parent and may `disable`, `override` or add
elements, and change the parent's named lists: the inherited elements that use a changed list are rebuilt with it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from checker.errors import PackError, PackProblem, UsageError
from checker.evaluate.figures import CHINESE_UNITS, UNITS, FigureUnits
from checker.matchers import SCOPE_FIELDS as MATCHER_SCOPE_FIELDS
from checker.matchers import Builder
from checker.model import LEVELS
from checker.packs import yamlmarks
from checker.packs.model import (
    BUILTIN_SCOPES,
    DEFAULT_TITLE_SUBJECT,
    Element,
    Gate,
    Lexicon,
    Pack,
    RuleSource,
    ScopeSpec,
)
from checker.packs.schema import Field, Validator, did_you_mean
from checker.packs.yamlmarks import MarkedDict, load_marked

DEFAULT_PACK = "fazhi-annual"
SEVERITIES = ("required", "recommended", "advisory")
MAX_YAML_BYTES = 1024 * 1024  # one pack, element, checks or config file; the largest shipped one is 8 KB

PACK_FIELDS = (
    Field("id", "str", "规则包编号", required=True, example="my-province"),
    Field("title", "str", "规则包的中文名称", required=True, example="某省法治政府建设年度报告"),
    Field("version", "str", "规则包版本", required=True, example='"2025.1"'),
    Field("description", "str", "规则包的用途"),
    Field("extends", "str", "继承的规则包：内置名称，或相对本规则包目录的路径（不从当前目录查找）", example="fazhi-annual"),
    Field("elements", "words", "本包新增的要素编号，按报告顺序；每个是 elements/<编号>.yaml", default=(),
          example="[report-title, first-responsibility]"),
    Field("disable", "words", "本包不评的继承要素编号", default=(), example="[administrative-reconsideration]"),
    Field("override", "any", "继承要素编号 → 要改的字段", default=None,
          example="{normative-documents: {severity: advisory}}"),
    Field("lists", "any", "命名的词语列表：名称 → [词, …]；匹配器中写 $名称 引用，子包可覆盖", default=None,
          example="{leaders: [县长, 区长], deputies: [副县长, 副区长]}"),
    Field("scopes", "any", "报告中命名的部分：名称 → {label, headings, union, exclude}", default=None,
          example="{plan: {label: 下一年度安排, headings: [下一步]}}"),
    Field("lexicon", "any", "防误判词表：negation_before、negation_after、deficiency、future 等", default=None),
    Field("figures", "any", "什么算具体数字：units（阿拉伯数字后的单位）和 chinese_units（中文数字后的单位）",
          default=None, example="{units: [件, 次, 人次, '%']}"),
    Field("title_subject", "words", "报告标题须写明的主题词（其一即可）", default=None,
          example="[法治政府建设, 依法行政]"),
    Field("gate", "any", "闸门：fail_under 和 required_must_not_fail", default=None),
    Field("grades", "any", "等级字母 → 该等级的最低总分", default=None, example="{A: 90, B: 80, C: 70, D: 60, F: 0}"),
    Field("checks", "any", "文字问题检查：检查编号 → 设置（也可写在 checks.yaml）", default=None,
          example="{blank-figure: {severity: error}}"),
)
ELEMENT_FIELDS = (
    Field("id", "str", "要素编号（稳定，ASCII）", required=True, example="problem-causes"),
    Field("title", "str", "要素的中文名称", required=True, example="原因分析"),
    Field("severity", "choice", "required、recommended 或 advisory", required=True, choices=SEVERITIES,
          example="required"),
    Field("weight", "number", "在总分中的权重", required=True, minimum=0, example="3"),
    Field("requires", "str", "报告要写什么才算具备（中文）", required=True),
    Field("message", "str", "缺失时告诉撰稿人的话（中文）", required=True),
    Field("suggestion", "str", "应该怎么写（中文）", required=True),
    Field("basis", "str_list", "依据：文件名称和内容", required=True,
          example="[《法治政府建设与责任落实督察工作规定》：……]"),
    Field("match", "any", "判为具备的匹配器", required=True, example="{terms: {any: [行政复议]}}"),
    Field("weak_if", "any", "match 不满足时判为薄弱的匹配器", default=None),
    Field("applies_to", "any", "适用的层级和年度", default=None, example="{levels: [county, city], years: {from: 2020}}"),
)
OVERRIDABLE = tuple(f for f in ELEMENT_FIELDS if f.name != "id")
LEXICON_FIELDS = (
    Field("negation_before", "regex", "提及之前、同一分句中的否定（未开展）"),
    Field("negation_after", "regex", "紧接提及之后的否定（制度尚未建立）"),
    Field("deficiency", "regex", "紧接提及之后的不足（落实不到位）"),
    Field("future", "regex", "句中的将来时（下一步、将进一步）"),
    Field("future_scopes", "words", "内容是计划的 scope", default=()),
    Field("problem_scopes", "words", "内容是问题和不足的 scope", default=()),
)
GATE_FIELDS = (
    Field("fail_under", "number", "及格线（0–100）", minimum=0, maximum=100, example="60"),
    Field("required_must_not_fail", "bool", "必备要素缺失即不通过", example="true"),
)
SCOPE_FIELDS = (Field("label", "str", "中文名称，用在规则说明和追踪中", example="存在问题"),) + MATCHER_SCOPE_FIELDS
FIGURE_FIELDS = (
    Field("units", "words", "阿拉伯数字后的单位（23件、95%）", default=UNITS, example="[件, 次, 人次, '%']"),
    Field("chinese_units", "words", "中文数字后的单位（三十二件）", default=CHINESE_UNITS, example="[件, 次, 人次]"),
)
APPLIES_FIELDS = (
    Field("levels", "words", f"层级：{'、'.join(LEVELS)}", default=None, example="[county, city]"),
    Field("years", "any", "{from: 年度, to: 年度}", default=None, example="{from: 2020}"),
)


def packs_root() -> Path:
    """Built-in packs: inside the installed package, or rules/ beside it in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "rules"
    return installed if installed.is_dir() else here.parent / "rules"


def builtin_packs() -> list[str]:
    root = packs_root()
    return sorted(p.name for p in root.iterdir() if (p / "pack.yaml").is_file()) if root.is_dir() else []


def resolve(name_or_path: str, relative_to: Path | None = None) -> Path:
    """The pack.yaml for a built-in name or a path (a folder or the pack.yaml itself). A pack named on the command
    line is looked for from the current folder, then among the built-in packs; a pack's `extends` from that
    pack's own folder, then among the built-in packs, never from wherever checker happens to run. The places
    looked at in vain are recorded for the pack cache: a pack appearing there later changes what is inherited."""
    from checker.packs.cache import probed

    found, missed = _resolve(name_or_path, relative_to)
    probed(missed)
    return found


@lru_cache(maxsize=64)
def _resolve(name_or_path: str, relative_to: Path | None) -> tuple[Path, tuple[Path, ...]]:
    candidates = [relative_to / name_or_path] if relative_to is not None else [Path(name_or_path).absolute()]
    candidates.append(packs_root() / name_or_path)
    missed = []
    for candidate in candidates:
        if candidate.is_dir() and (candidate / "pack.yaml").is_file():
            return (candidate / "pack.yaml").resolve(), tuple(missed)
        if candidate.is_file() and candidate.suffix in (".yaml", ".yml") and ("/" in name_or_path or "\\" in name_or_path
                                                                           or candidate.parent != packs_root()):
            return candidate.resolve(), tuple(missed)
        missed.append(candidate / "pack.yaml")
    known = ", ".join(builtin_packs()) or "none"
    raise UsageError(f"找不到规则包 {name_or_path}（内置规则包：{known}；也可给出含 pack.yaml 的目录）")


def load_pack(name_or_path: str = DEFAULT_PACK) -> Pack:
    """Load a pack once per process, from the pack cache (checker/packs/cache.py) while its files are unchanged;
    raises PackError (every problem, with file:line) or UsageError."""
    return _load_cached(resolve(name_or_path))


@lru_cache(maxsize=32)
def _load_cached(path: Path) -> Pack:
    from checker.packs.cache import cached

    return cached(path, lambda: _load(path, ()))


def _load(path: Path, chain: tuple[Path, ...]) -> Pack:
    if path in chain:
        cycle = " → ".join(str(p) for p in (*chain, path))
        raise PackError([PackProblem(str(path), None, f"extends 形成循环：{cycle}", "去掉其中一个规则包的 extends")])
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
            v.problem(node.line_of("extends"), f"extends 的规则包不存在：{exc}", "写内置规则包名称或含 pack.yaml 的目录")
            raise PackError(v.problems) from None
        parent = _load(parent_path, (*chain, path))
    pack = _build(path, node, data, parent, v)
    if v.problems:
        raise PackError(v.problems)
    return pack


def _build(path: Path, node: MarkedDict, data: dict, parent: Pack | None, v: Validator) -> Pack:
    lists, changed = _lists(data.get("lists"), parent, v, node.line_of("lists"))
    v.lists = lists
    scopes = dict(parent.scopes) if parent else {}
    scopes.update(_scopes(data.get("scopes"), scopes, v, node.line_of("scopes")))
    builder = Builder(v, set(scopes) | {"document"})
    lexicon = _lexicon(data.get("lexicon"), parent, set(scopes), v, node.line_of("lexicon"))
    elements = [_rebuilt(e, builder, v) if e.source and e.source.lists & changed else e
                for e in (parent.elements if parent else ())]
    by_id = {e.id: i for i, e in enumerate(elements)}
    for i, element_id in enumerate(data["disable"]):
        if element_id not in by_id:
            v.problem(_item_line(node, "disable", i), f'disable 的要素 "{element_id}" 不是继承来的要素',
                      did_you_mean(element_id, by_id, "继承的要素"))
        else:
            elements[by_id[element_id]] = replace(elements[by_id[element_id]], enabled=False)
    _apply_overrides(data.get("override"), node, elements, by_id, builder, v)
    seen: set[str] = set()
    for i, element_id in enumerate(data["elements"]):
        line = _item_line(node, "elements", i)
        if element_id in seen or element_id in by_id:
            v.problem(line, f'要素编号 "{element_id}" 重复', "每个编号只出现一次；要修改继承的要素，用 override:")
            continue
        seen.add(element_id)
        element = _element(path.parent / "elements" / f"{element_id}.yaml", element_id, builder, line, v)
        if element:
            elements.append(element)
    gate = _gate(data.get("gate"), parent, v, node.line_of("gate"))
    grades = _grades(data.get("grades"), parent, v, node.line_of("grades"))
    checks, fail_on = _checks(path, node, data, parent, v)
    figures = _figures(data.get("figures"), parent, v, node.line_of("figures"))
    subject = data.get("title_subject") or (parent.title_subject if parent else DEFAULT_TITLE_SUBJECT)
    return Pack(id=data["id"], title=data["title"], version=data["version"], elements=tuple(elements),
                scopes=scopes, lexicon=lexicon, gate=gate, grades=grades, origin=str(path),
                extends=((parent.id,) + parent.extends) if parent else (), checks=checks, fail_on=fail_on,
                lists=lists, figure_units=figures, title_subject=tuple(subject))


def _lists(value, parent: Pack | None, v: Validator, line: int) -> tuple[dict[str, tuple[str, ...]], set[str]]:
    """The parent's named lists with this pack's over them, and the names whose words this pack changed.
    A list may use the lists defined before it ($name)."""
    lists = dict(parent.lists) if parent else {}
    if value is None:
        return lists, set()
    if not isinstance(value, dict):
        v.problem(line, '"lists" 应为“名称 → 词语列表”', "应写 lists: {leaders: [县长, 区长]}")
        return lists, set()
    changed = set()
    for name, words in value.items():
        nline = value.line_of(name) if isinstance(value, MarkedDict) else line
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z][\w-]*", name):
            v.problem(nline, f"列表名称 {name} 应以英文字母开头，只含字母、数字、-、_", "例如 leaders、deputy-leaders")
            continue
        v.lists = lists
        resolved = v.value(words, Field(name, "words", "词语列表", example="[县长, 区长]"), f"列表 {name}", nline)
        if resolved:
            if lists.get(name) != resolved:
                changed.add(name)
            lists[name] = resolved
    return lists, changed


def _rebuilt(element: Element, builder: Builder, v: Validator) -> Element:
    """An inherited element built again from its YAML with this pack's lists (a child changed one it uses)."""
    source = element.source
    ev = Validator(source.path, v.lists)
    rebuild = builder.__class__(ev, builder.scope_names)
    match = rebuild.build(source.match, f"要素 {element.id} 的 match", source.match_line)
    weak = rebuild.build(source.weak_if, f"要素 {element.id} 的 weak_if", source.weak_if_line) \
        if source.weak_if is not None else None
    v.problems.extend(ev.problems)
    if match is None or ev.problems:
        return element
    return replace(element, match=match, weak_if=weak, source=replace(source, lists=frozenset(ev.used_lists)))


def _checks(path: Path, node: MarkedDict, data: dict, parent: Pack | None, v: Validator):
    """Defect checks: the parent's, then checks.yaml beside pack.yaml, then a `checks:` key in pack.yaml."""
    from checker.checks.config import parse_checks
    from checker.packs.cache import probed

    checks, fail_on = (parent.checks, parent.fail_on) if parent else ((), "error")
    file = path.parent / "checks.yaml"
    probed([file])  # cached packs must notice a checks.yaml added later
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
        v.problem(line, f'要素 "{element_id}" 没有文件 {file.name}',
                  f"新建 elements/{element_id}.yaml，或从 elements: 中删去这个编号")
        return None
    ev = Validator(str(file), v.lists)
    node = _read_yaml(file)
    data = ev.mapping(node, ELEMENT_FIELDS, f"要素 {element_id}", 1)
    element = None
    if data is not None:
        if data.get("id") and data["id"] != element_id:
            ev.problem(node.line_of("id"), f'id "{data["id"]}" 与文件名 {file.name} 不一致', f"应写 id: {element_id}")
        element = _element_from(data, node, builder.__class__(ev, builder.scope_names), ev, str(file))
    v.problems.extend(ev.problems)
    return element if not ev.problems else None


def _element_from(data: dict, node: MarkedDict, builder: Builder, v: Validator, origin: str) -> Element | None:
    where = f"要素 {data.get('id')}"
    match = builder.build(data["match"], f"{where} 的 match", node.line_of("match")) if data.get("match") else None
    weak = builder.build(data["weak_if"], f"{where} 的 weak_if", node.line_of("weak_if")) \
        if data.get("weak_if") is not None else None
    levels, years = _applies(data.get("applies_to"), v, node.line_of("applies_to") if "applies_to" in node else 0)
    if match is None or any(f.required and f.name not in data for f in ELEMENT_FIELDS):
        return None  # each missing field is already a problem; building would be a KeyError
    source = RuleSource(origin, data["match"], node.line_of("match"), data.get("weak_if"),
                        node.line_of("weak_if"), frozenset(v.used_lists))
    return Element(id=data["id"], title=data["title"], severity=data["severity"], weight=data["weight"],
                   requires=data["requires"], message=data["message"], suggestion=data["suggestion"],
                   basis=data["basis"], match=match, weak_if=weak, levels=levels, years=years,
                   origin=f"{origin}:{node.line}", source=source)


def _apply_overrides(value, node, elements, by_id, builder: Builder, v: Validator) -> None:
    if value is None:
        return
    line = node.line_of("override")
    if not isinstance(value, dict):
        v.problem(line, '"override" 应为“继承要素编号 → 要改的字段”', "应写 override: {problems: {weight: 2}}")
        return
    for element_id, changes in value.items():
        eline = value.line_of(element_id) if isinstance(value, MarkedDict) else line
        if element_id not in by_id:
            v.problem(eline, f'override 的要素 "{element_id}" 不是继承来的要素', did_you_mean(element_id, by_id, "继承的要素"))
            continue
        fields = tuple(Field(f.name, f.kind, f.doc, choices=f.choices, minimum=f.minimum, example=f.example)
                       for f in OVERRIDABLE)
        where = f"override 的要素 {element_id}"
        data = v.mapping(changes, fields, where, eline)
        if data is None:
            continue
        old = elements[by_id[element_id]]
        updates = {k: val for k, val in data.items() if k in changes and k not in ("match", "weak_if", "applies_to")}
        source = old.source
        if "match" in changes or "weak_if" in changes:
            v.used_lists = set()
        if "match" in changes:
            updates["match"] = builder.build(changes["match"], f"{where} 的 match", changes.line_of("match"))
            source = source and replace(source, path=v.path, match=changes["match"], match_line=changes.line_of("match"))
        if "weak_if" in changes:
            updates["weak_if"] = builder.build(changes["weak_if"], f"{where} 的 weak_if", changes.line_of("weak_if")) \
                if changes["weak_if"] is not None else None
            source = source and replace(source, path=v.path, weak_if=changes["weak_if"],
                                        weak_if_line=changes.line_of("weak_if"))
        if source is not old.source and source is not None:
            updates["source"] = replace(source, lists=source.lists | frozenset(v.used_lists))
        if "applies_to" in changes:
            updates["levels"], updates["years"] = _applies(changes["applies_to"], v, changes.line_of("applies_to"))
        if updates.get("match", old.match) is not None:
            elements[by_id[element_id]] = replace(old, **updates)


def _scopes(value, inherited: dict[str, ScopeSpec], v: Validator, line: int) -> dict[str, ScopeSpec]:
    """This pack's scopes; `union` and `exclude` may name inherited ones, and no scope may reach itself."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        v.problem(line, '"scopes" 应为“名称 → {label, headings, union, exclude}”',
                  "应写 scopes: {plan: {label: 下一年度安排, headings: [下一步]}}")
        return {}
    out = {}
    for name, spec in value.items():
        data = v.mapping(spec, SCOPE_FIELDS, f"scope {name}", value.line_of(name))
        if data is not None:
            out[name] = ScopeSpec(data["headings"], data["exclude"], data["union"], data.get("label") or "")
    known = {**inherited, **out}
    builtin = BUILTIN_SCOPES
    for name, spec in out.items():
        for key in ("union", "exclude"):
            for other in getattr(spec, key):
                if other not in known and other not in builtin:
                    v.problem(value.line_of(name), f'scope {name} 的 {key} 中 "{other}" 未定义',
                              did_you_mean(other, sorted(known), "已定义的 scope"))
        cycle = _scope_cycle(name, known, (name,))
        if cycle:
            v.problem(value.line_of(name), f"scope {name} 经 union/exclude 又回到自身：{' → '.join(cycle)}",
                      "去掉其中一处 union 或 exclude")
    return out


def _scope_cycle(name: str, scopes: dict[str, ScopeSpec], path: tuple[str, ...]) -> tuple[str, ...] | None:
    spec = scopes.get(name)
    for other in (spec.union + spec.exclude) if spec else ():
        if other == path[0]:
            return (*path, other)
        if other not in path:
            found = _scope_cycle(other, scopes, (*path, other))
            if found:
                return found
    return None


def _lexicon(value, parent: Pack | None, scopes: set[str], v: Validator, line: int) -> Lexicon:
    base = parent.lexicon if parent else None
    data = v.mapping(value if value is not None else MarkedDict(), LEXICON_FIELDS, "lexicon", line) or {}
    picked = {f.name: data.get(f.name) if data.get(f.name) not in (None, ()) else
              (getattr(base, f.name) if base else None) for f in LEXICON_FIELDS}
    for name in ("negation_before", "negation_after", "deficiency", "future"):
        if picked[name] is None:
            if base is None and value is not None:
                v.problem(line, f'lexicon 缺少 "{name}"', "没有 extends 的规则包须写全这四个正则表达式")
            picked[name] = re.compile(r"(?!x)x")
    for name in ("future_scopes", "problem_scopes"):
        picked[name] = picked[name] or ()
        for scope in picked[name]:
            if scope not in scopes and scope not in BUILTIN_SCOPES:
                v.problem(_line_in(value, name, line), f'lexicon 的 {name} 中 scope "{scope}" 未定义',
                          did_you_mean(scope, sorted(scopes), "已定义的 scope"))
    return Lexicon(**picked)


def _figures(value, parent: Pack | None, v: Validator, line: int) -> FigureUnits:
    base = parent.figure_units if parent else FigureUnits()
    if value is None:
        return base
    data = v.mapping(value, FIGURE_FIELDS, "figures", line) or {}
    return FigureUnits(data["units"] if "units" in value else base.units,
                       data["chinese_units"] if "chinese_units" in value else base.chinese_units)


def _gate(value, parent: Pack | None, v: Validator, line: int) -> Gate:
    base = parent.gate if parent else Gate()
    data = v.mapping(value if value is not None else MarkedDict(), GATE_FIELDS, "gate", line) or {}
    fail_under = data.get("fail_under")
    return Gate(fail_under if fail_under is not None else base.fail_under,
                data["required_must_not_fail"] if data.get("required_must_not_fail") is not None
                else base.required_must_not_fail)


def _grades(value, parent: Pack | None, v: Validator, line: int) -> tuple[tuple[str, float], ...]:
    if value is None:
        return parent.grades if parent else (("A", 90.0), ("B", 80.0), ("C", 70.0), ("D", 60.0), ("F", 0.0))
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(x, (int, float)) and
                                              not isinstance(x, bool) and 0 <= x <= 100 for k, x in value.items()):
        v.problem(line, '"grades" 应为“等级字母 → 该等级的最低总分（0–100）”', "应写 grades: {A: 90, B: 80, C: 70, D: 60, F: 0}")
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
            v.problem(line, f'applies_to 中没有层级 "{level}"', did_you_mean(level, LEVELS, "可用的层级"))
    years = data.get("years")
    if years is not None:
        if not isinstance(years, dict) or set(years) - {"from", "to"} or not all(
                isinstance(x, int) and not isinstance(x, bool) for x in years.values()):
            v.problem(line, 'applies_to 的 "years" 应为 {from: 年度, to: 年度}', "例如 years: {from: 2020}")
            years = None
        else:
            years = (years.get("from"), years.get("to"))
    return levels, years


def _item_line(node: MarkedDict, key: str, index: int) -> int:
    items = node.get(key)
    return items.line_of(index) if hasattr(items, "line_of") else node.line_of(key)


def _line_in(node: object, key: str, default: int) -> int:
    return node.line_of(key) if isinstance(node, MarkedDict) else default


def _read_yaml(path: Path, empty_ok: bool = False) -> MarkedDict:
    """One pack or config file, within MAX_YAML_BYTES and the node limits of yamlmarks; with empty_ok, an empty file
    (or one of comments only) is an empty mapping."""
    from checker.packs.cache import files_read

    files_read.append(path)  # what a cached pack or variants list depends on
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_YAML_BYTES + 1)
        if len(data) > MAX_YAML_BYTES:
            raise PackError([PackProblem(str(path), None, f"文件超过 {MAX_YAML_BYTES // 1024 // 1024} MB 上限，已拒绝读取"
                                                          "（规则包和配置文件只需几 KB）")])
        text = data.decode("utf-8")
    except OSError as exc:
        raise PackError([PackProblem(str(path), None, f"无法读取：{exc.strerror or exc}")]) from None
    except UnicodeDecodeError:
        raise PackError([PackProblem(str(path), None, "不是 UTF-8 编码的文本", "将文件另存为 UTF-8")]) from None
    import yaml  # only when a pack is read from its files, not from the pack cache

    try:
        node = load_marked(text)
    except yamlmarks.YAMLLimit as exc:
        raise PackError([PackProblem(str(path), exc.problem_mark.line + 1, exc.problem)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError([PackProblem(str(path), line, f"YAML 语法错误：{what}",
                                     "检查这一行的缩进、冒号和引号")]) from None
    if node is None and empty_ok:
        empty = MarkedDict()
        empty.line, empty.key_lines = 1, {}
        return empty
    if not isinstance(node, MarkedDict):
        raise PackError([PackProblem(str(path), 1, "文件内容应为 YAML 键值对", "每行写 key: value")])
    return node
