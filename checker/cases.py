"""Rule cases: short drafts with the status a reviewer gives one element. They live beside the element they test,
in <pack>/cases/<element>.yaml of the pack that defines it, so that they ship with the built-in packs and an
inherited element brings its cases along. A case file is validated like a pack file: every mistake with file:line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.errors import PackError
from checker.packs.loader import _read_yaml
from checker.packs.model import Pack
from checker.packs.schema import Field, Validator, did_you_mean

KINDS = ("pass", "fail", "near_miss")
EXPECTS = ("pass", "partial", "fail", "skip")
FILE_FIELDS = (
    Field("element", "str", "要素编号（默认取文件名）", example="problem-causes"),
    Field("cases", "any", "用例列表", required=True, example="[{name: …, kind: pass, expect: pass, why: …, text: …}]"),
)
CASE_FIELDS = (
    Field("name", "str", "用例名称（ASCII，文件内不重复）", required=True, example="cause-after-each-problem"),
    Field("kind", "choice", "pass、fail 或 near_miss（关键词检索会判错的写法）", required=True, choices=KINDS,
          example="near_miss"),
    Field("expect", "choice", "细心的审核人给出的状态", required=True, choices=EXPECTS, example="partial"),
    Field("why", "str", "为什么是这个状态（中文）", required=True, example="只有“全年未发生行政复议案件”一句"),
    Field("text", "str", "短稿全文", required=True, example="|\n  （五）全年未发生行政复议案件。"),
)


@dataclass(frozen=True, slots=True)
class Case:
    """One rule case of a pack (cases/*.yaml): a short draft and the status its element must get on it."""
    element: str
    name: str
    kind: str
    expect: str
    why: str
    text: str
    origin: str


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    """A rule case run: what was expected, what the element got, and why the case exists."""
    element: str
    name: str
    expect: str
    got: str
    why: str
    origin: str = ""

    @property
    def ok(self) -> bool:
        return self.expect == self.got


def find_cases(pack: Pack) -> list[Path]:
    """The pack's own case files (cases/*.yaml beside its pack.yaml), and for each element without one of its own,
    the case file of the pack that defines it."""
    own = {path.stem: path for path in (Path(pack.origin).parent / "cases").glob("*.yaml")}
    inherited = {e.id: Path(e.origin).parent.parent / "cases" / f"{e.id}.yaml" for e in pack.elements
                 if e.origin and e.id not in own}
    return sorted([*own.values(), *(path for path in inherited.values() if path.is_file())])


def load_cases(pack: Pack, files: list[Path]) -> list[Case]:
    """Every case of the files; raises PackError with every problem (unknown element, bad expect…) at file:line."""
    problems, out = [], []
    for path in files:
        v = Validator(str(path))
        out += _file_cases(pack, path, v)
        problems += v.problems
    if problems:
        raise PackError(problems)
    return out


def _file_cases(pack: Pack, path: Path, v: Validator) -> list[Case]:
    node = _read_yaml(path)
    data = v.mapping(node, FILE_FIELDS, "用例文件", 1)
    if not data:
        return []
    element_id = data.get("element") or path.stem
    if pack.element(element_id) is None:
        v.problem(node.line_of("element"), f'element "{element_id}" 不是规则包 {pack.id} 的要素',
                  did_you_mean(element_id, [e.id for e in pack.elements], "规则包中的要素"))
    cases = data.get("cases")
    if not isinstance(cases, list):
        v.problem(node.line_of("cases"), '"cases" 应为用例列表', "每项写 name、kind、expect、why、text")
        return []
    out, names = [], set()
    for i, item in enumerate(cases):
        line = cases.line_of(i)
        case = v.mapping(item, CASE_FIELDS, f"用例第{i + 1}项", line)
        if not case or any(case.get(f.name) is None for f in CASE_FIELDS):
            continue
        if case["name"] in names:
            v.problem(line, f'用例名称 "{case["name"]}" 重复', "每个用例的 name 在文件内只出现一次")
        names.add(case["name"])
        out.append(Case(element_id, case["name"], case["kind"], case["expect"], case["why"], case["text"],
                        f"{path}:{line}"))
    return out


def load_case_file(path: Path) -> list[dict]:
    """The cases of one file as written (for showing examples); an unreadable file has none."""
    try:
        node = _read_yaml(path)
    except PackError:
        return []
    cases = node.get("cases")
    return [dict(c) for c in cases if isinstance(c, dict)] if isinstance(cases, list) else []


def run_cases(pack: Pack, files: list[Path]) -> list[CaseOutcome]:
    from checker.audit import audit_text

    outcomes = []
    for case in load_cases(pack, files):
        result = audit_text(case.text, pack, source=case.name)
        got = next(e.status for e in result.elements if e.id == case.element)
        outcomes.append(CaseOutcome(case.element, case.name, case.expect, got, case.why, case.origin))
    return outcomes
