"""Compare checker's element statuses with human labels (the columns of seeds/labels.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

COLUMNS = {
    "title_ok": "report-title", "first_resp": "first-responsibility", "measures": "measures-and-results",
    "problems": "problems", "causes": "problem-causes", "next_plan": "next-year-plan",
    "sanxiang": "three-enforcement-systems", "major_decision": "major-decisions",
    "fuyi": "administrative-reconsideration", "yingsu": "administrative-litigation",
    "guifan_wenjian": "normative-documents", "legal_adviser": "legal-advisers", "gongkai": "government-transparency",
    "supervision": "supervision", "dispute": "dispute-resolution", "training": "legal-training",
    "xi_thought": "xi-rule-of-law-thought", "numbers": "quantitative-evidence", "signoff": "signoff",
}
GRADE = {"pass": 2, "partial": 1, "fail": 0, "skip": 0}


def read_labels(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {row["id"].strip(): row for row in csv.DictReader(handle)}


def compare(labels: dict[str, dict[str, str]], verdicts: dict[str, dict[str, str]]) -> tuple[float, float, list[str]]:
    """(exact, binary accuracy, misses) over every labelled element of every labelled document."""
    exact = binary = total = 0
    misses = []
    for doc_id, row in labels.items():
        for column, element in COLUMNS.items():
            if not row.get(column, "").strip():
                continue
            label = int(row[column])
            grade = GRADE[verdicts[doc_id][element]]
            total += 1
            exact += grade == label
            binary += (grade >= 1) == (label >= 1)
            if grade != label:
                misses.append(f"{doc_id} {element}: label {label}, got {verdicts[doc_id][element]}")
    return exact / total, binary / total, misses
