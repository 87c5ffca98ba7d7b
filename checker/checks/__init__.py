"""Defect checks a reviewer catches by eye: blanks and placeholders, heading numbers, years and dates, the
deadline, repetition, text recycled from last year, personal data; and a note when the text was read by OCR.

Each check is one module with `run(ctx)`; REGISTRY names them, and a pack's checks.yaml gives each its severity,
Chinese message and suggestion, basis, `enabled` and options. `run_checks` returns the findings ordered by line.
"""

from __future__ import annotations

from checker.checks import (
    baseline_followup,
    blank_figure,
    dates,
    deadline,
    empty_heading,
    figure_consistency,
    numbering,
    ocr,
    personal_data,
    placeholder,
    recycled,
    repetition,
    years,
)
from checker.checks.base import CheckDef, Context
from checker.model import Document, Finding
from checker.packs.model import Pack
from checker.packs.schema import Field

REGISTRY: dict[str, CheckDef] = {d.id: d for d in (
    CheckDef("placeholder", placeholder.run),
    CheckDef("blank-figure", blank_figure.run, (
        Field("units", "str_list", "measure words that need a number before them", example="[次, 件, 个, '%']"),)),
    CheckDef("numbering", numbering.run),
    CheckDef("empty-heading", empty_heading.run, (
        Field("min_chars", "int", "fewest characters of text under a heading", minimum=1, example="1"),
        Field("max_title_chars", "int", "longest title judged as a heading, not a one-line item", minimum=1,
              example="16"),)),
    CheckDef("date-invalid", dates.run),
    CheckDef("year-mismatch", years.run, (
        Field("anachronism_years", "int", "a dated event this many years before the report year is suspect",
              minimum=1, example="5"),
        Field("outline_expired_from", "int", "report years from which the 2015–2020 纲要 is out of date",
              minimum=2016, example="2022"),
    )),
    CheckDef("deadline", deadline.run, (
        Field("government_before", "str", "MM-DD of the next year by which governments publish", example='"04-01"'),
        Field("department_before", "str", "MM-DD of the next year by which departments submit", example='"03-01"'),
        Field("from_year", "int", "first report year the deadlines apply to", minimum=2000, example="2019"),
    ), validate=deadline.validate),
    CheckDef("repetition", repetition.run, (
        Field("min_sentence_chars", "int", "shortest sentence compared", minimum=4, example="20"),
        Field("min_paragraph_chars", "int", "shortest paragraph compared", minimum=4, example="40"),
    )),
    CheckDef("recycled", recycled.run, (
        Field("min_sentence_chars", "int", "shortest sentence compared", minimum=4, example="10"),
        Field("similarity", "number", "share of 5-grams a near copy shares (0–1)", minimum=0, example="0.8"),
        Field("warn_share", "number", "copied share (0–1) from which the total is a warning", minimum=0,
              example="0.3"),
        Field("section_share", "number", "copied share (0–1) of a problems or plan section that is flagged",
              minimum=0, example="0.6"),
        Field("min_passage_chars", "int", "shortest copied passage listed", minimum=1, example="40"),
        Field("sections", "str_list", "scopes checked for wholesale copying", example="[problems, plan]"),
    ), needs_baseline=True, validate=recycled.validate),
    CheckDef("personal-data", personal_data.run),
    CheckDef("figure-consistency", figure_consistency.run),
    CheckDef("baseline-followup", baseline_followup.run, (
        Field("problems_scope", "str", "the scope that lists the problems (in both years' reports)", example="problems"),
        Field("plan_scope", "str", "the scope that lists next year's tasks", example="plan"),
        Field("work_scope", "str", "the scope in which this year's work is looked for", example="achievements"),
        Field("work_similarity", "number", "likeness (0–1) from which a sentence reports work on an item",
              minimum=0, example="0.15"),
        Field("again_similarity", "number", "likeness (0–1) from which this year's problem repeats last year's",
              minimum=0, example="0.15"),
    ), needs_baseline=True, validate=baseline_followup.validate),
    CheckDef("ocr", ocr.run, (
        Field("low_confidence", "number", "mean OCR confidence (0–1) below which the note says the reading is poor",
              minimum=0, example="0.9"),)),
)}

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_checks(doc: Document, pack: Pack, baseline: Document | None = None) -> tuple[Finding, ...]:
    """Every enabled check of the pack on one document, ordered by line, column and severity."""
    found: list[Finding] = []
    for spec in pack.checks:
        definition = REGISTRY.get(spec.id)
        if definition is None or not spec.enabled:
            continue
        if definition.needs_baseline and baseline is None:
            continue
        found.extend(definition.run(Context(doc, pack, spec, baseline)))
    unique = {(f.check, f.line, f.column, f.message): f for f in found}
    return tuple(sorted(unique.values(), key=lambda f: (f.line, f.column, SEVERITY_ORDER.get(f.severity, 3),
                                                        f.check)))
