"""Defect checks a reviewer catches by eye: blanks and placeholders, heading numbers, years and dates, the
deadline, repetition, text recycled from last year, personal data; and a note when the text was read by OCR.

Each check is one module with `run(ctx)`; REGISTRY names them, and a pack's checks.yaml gives each its severity,
Chinese message and suggestion, basis, `enabled` and options. `run_checks` returns the findings ordered by line.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from checker.checks.base import CheckDef, Context
from checker.model import Document, Finding
from checker.packs.model import Pack
from checker.packs.schema import Field


def _lazy(module: str, name: str = "run") -> Callable:
    """checker.checks.<module>.<name>, imported on first call: a check that never runs (disabled, or needing a
    baseline that was not given) costs nothing at start."""

    def call(*args):
        return getattr(import_module(f"checker.checks.{module}"), name)(*args)

    call.__qualname__ = f"{module}.{name}"
    return call


REGISTRY: dict[str, CheckDef] = {d.id: d for d in (
    CheckDef("placeholder", _lazy("placeholder")),
    CheckDef("blank-figure", _lazy("blank_figure"), (
        Field("units", "str_list", "前面须有数字的量词", example="[次, 件, 个, '%']"),)),
    CheckDef("numbering", _lazy("numbering")),
    CheckDef("empty-heading", _lazy("empty_heading"), (
        Field("min_chars", "int", "标题下至少几个字", minimum=1, example="1"),
        Field("max_title_chars", "int", "按标题（而非单行条目）判断的最长字数", minimum=1,
              example="16"),)),
    CheckDef("date-invalid", _lazy("dates")),
    CheckDef("year-mismatch", _lazy("years"), (
        Field("anachronism_years", "int", "早于报告年度这么多年的带日期事件视为可疑",
              minimum=1, example="5"),
        Field("outline_expired_from", "int", "从哪一报告年度起引用2015—2020年纲要即为过时",
              minimum=2016, example="2022"),
    )),
    CheckDef("deadline", _lazy("deadline"), (
        Field("government_before", "str", "政府须在次年的哪一天（MM-DD）前公开", example='"04-01"'),
        Field("department_before", "str", "部门须在次年的哪一天（MM-DD）前报送", example='"03-01"'),
        Field("from_year", "int", "期限适用的第一个报告年度", minimum=2000, example="2019"),
    ), validate=_lazy("deadline", "validate")),
    CheckDef("repetition", _lazy("repetition"), (
        Field("min_sentence_chars", "int", "参与比较的最短句子字数", minimum=4, example="20"),
        Field("min_paragraph_chars", "int", "参与比较的最短段落字数", minimum=4, example="40"),
    )),
    CheckDef("recycled", _lazy("recycled"), (
        Field("min_sentence_chars", "int", "参与比较的最短句子字数", minimum=4, example="10"),
        Field("similarity", "number", "几乎照搬的句子共有的五字片段比例（0–1）", minimum=0, example="0.8"),
        Field("warn_share", "number", "照搬比例达到多少（0–1）时给出警告", minimum=0,
              example="0.3"),
        Field("section_share", "number", "问题或安排部分照搬比例达到多少（0–1）时指出",
              minimum=0, example="0.6"),
        Field("min_passage_chars", "int", "列出的照搬段落的最短字数", minimum=1, example="40"),
        Field("sections", "str_list", "检查整段照搬的部分（scope 名称）", example="[problems, plan]"),
    ), needs_baseline=True, validate=_lazy("recycled", "validate")),
    CheckDef("personal-data", _lazy("personal_data")),
    CheckDef("figure-consistency", _lazy("figure_consistency")),
    CheckDef("baseline-followup", _lazy("baseline_followup"), (
        Field("problems_scope", "str", "列出问题的部分（两年报告都用）", example="problems"),
        Field("plan_scope", "str", "列出下一年度任务的部分", example="plan"),
        Field("work_scope", "str", "查找本年度工作的部分", example="achievements"),
        Field("work_similarity", "number", "相似度达到多少（0–1）时认为某句报告了该项工作",
              minimum=0, example="0.15"),
        Field("again_similarity", "number", "相似度达到多少（0–1）时认为本年问题重复上年问题",
              minimum=0, example="0.15"),
    ), needs_baseline=True, validate=_lazy("baseline_followup", "validate")),
    CheckDef("ocr", _lazy("ocr"), (
        Field("low_confidence", "number", "OCR 平均置信度低于多少（0–1）时提示识别质量较低",
              minimum=0, example="0.9"),)),
)}

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_checks(doc: Document, pack: Pack, baseline: Document | None = None) -> tuple[Finding, ...]:
    """Every enabled check of the pack on one document, ordered by line, column and severity. The checks share one
    DocContext, so that the scopes and sentences they ask for are found once. (Not the elements' one: kept alive
    through the checks, its memos of every hit added a third to the peak memory of a long report.)"""
    from checker.evaluate.context import DocContext

    evaluation = DocContext(doc, pack)
    found: list[Finding] = []
    for spec in pack.checks:
        definition = REGISTRY.get(spec.id)
        if definition is None or not spec.enabled:
            continue
        if definition.needs_baseline and baseline is None:
            continue
        found.extend(definition.run(Context(doc, pack, spec, baseline, evaluation)))
    unique = {(f.check, f.line, f.column, f.message): f for f in found}
    return tuple(sorted(unique.values(), key=lambda f: (f.line, f.column, SEVERITY_ORDER.get(f.severity, 3),
                                                        f.check)))
