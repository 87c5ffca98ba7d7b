"""The labelled corpus and how checker is compared with it: the label columns, the fixed tune/held-back split, and
the scores. Shared by bench/accuracy.py, bench/ablate.py and the accuracy gate (tests/test_accuracy.py).

Labelled sets: tests/corpus (labels-*.csv, docs/: documents written for the project), tests/corpus/real
(labels.csv, docs/: real published pages) and seeds/ (labels.csv: the five real reports, tuned on from the start).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
SETS = {  # name → (labels folder, documents folder)
    "own": (ROOT / "tests" / "corpus", ROOT / "tests" / "corpus" / "docs"),
    "real": (ROOT / "tests" / "corpus" / "real", ROOT / "tests" / "corpus" / "real" / "docs"),
    "seeds": (ROOT / "seeds", ROOT / "seeds"),
}


def held_back(doc_id: str) -> bool:
    """The fixed split (tests/corpus/README.md): a third of every batch, chosen by the id's SHA-256, is held back.
    It is measured, never tuned on; the seeds are all tuning documents."""
    return hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 3 == 0


@dataclass(frozen=True)
class Labelled:
    id: str
    path: Path
    labels: dict[str, int]  # element id → 0, 1 or 2
    genre: str
    set: str

    @property
    def part(self) -> str:
        return "tune" if self.set == "seeds" or not held_back(self.id) else "held"

    @property
    def lookalike(self) -> bool:
        return self.genre not in ("", "annual_report", "partial_report")


def read_labels(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {row["id"].strip(): row for row in csv.DictReader(handle)}


def labelled(sets: Iterable[str] = SETS) -> list[Labelled]:
    """Every labelled document of the named sets that exists in this checkout."""
    out = []
    for name in sets:
        labels_dir, docs_dir = SETS[name]
        for labels_file in sorted(labels_dir.glob("labels*.csv")):
            for doc_id, row in read_labels(labels_file).items():
                path = next(docs_dir.glob(f"{doc_id}.*"))
                grades = {e: int(row[c]) for c, e in COLUMNS.items() if row.get(c, "").strip()}
                out.append(Labelled(doc_id, path, grades, row.get("genre", "").strip(), name))
    return out


@dataclass
class Tally:
    """Agreement counts over element grades and over genre (annual report or not)."""

    n: int = 0
    exact: int = 0
    binary: int = 0
    genre_n: int = 0
    genre_ok: int = 0
    false_pass: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, doc: Labelled, statuses: dict[str, str], genre: str | None, passed: bool) -> None:
        for element, label in doc.labels.items():
            grade = GRADE[statuses.get(element, "fail")]
            self.n += 1
            self.exact += grade == label
            self.binary += (grade >= 1) == (label >= 1)
            if grade != label:
                self.misses.append(f"{doc.id} {element}: label {label}, got {statuses.get(element)}")
        if doc.genre and doc.genre != "partial_report" and genre is not None:
            self.genre_n += 1
            right = (genre == "annual_report") == (doc.genre == "annual_report")
            self.genre_ok += right
            if not right:
                self.misses.append(f"{doc.id} genre: label {doc.genre}, got {genre}")
        if doc.lookalike and passed:
            self.false_pass.append(doc.id)

    @property
    def exact_rate(self) -> float:
        return self.exact / self.n if self.n else 0.0

    @property
    def binary_rate(self) -> float:
        return self.binary / self.n if self.n else 0.0

    @property
    def genre_rate(self) -> float:
        return self.genre_ok / self.genre_n if self.genre_n else 1.0


Judge = Callable[[Labelled], tuple[dict[str, str], "str | None", bool]]  # → statuses, genre, passed the gate


def checker_judge(doc: Labelled) -> tuple[dict[str, str], str | None, bool]:
    """checker as `checker audit` runs it: the pack chosen per document."""
    from checker.audit import audit_source

    result = audit_source(str(doc.path), None)
    if result.error:  # a document checker could not judge is no verdict: figures over it would be meaningless
        raise RuntimeError(f"{doc.path}: {result.error[1]}")
    genre = result.document.meta.genre if result.document else None
    return {e.id: e.status for e in result.elements}, genre, result.passed


def compare(labels: dict[str, dict[str, str]], verdicts: dict[str, dict[str, str]]) -> tuple[float, float, list[str]]:
    """(exact, binary accuracy, misses) over every labelled element of every labelled document."""
    tally = Tally()
    for doc_id, row in labels.items():
        grades = {e: int(row[c]) for c, e in COLUMNS.items() if row.get(c, "").strip()}
        tally.add(Labelled(doc_id, Path(doc_id), grades, "", "seeds"), verdicts[doc_id], None, False)
    return tally.exact_rate, tally.binary_rate, tally.misses
