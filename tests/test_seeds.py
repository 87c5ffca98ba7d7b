"""The five real reports against the labels a human auditor gave them (targets from the core-engine issue)."""

from __future__ import annotations

from pathlib import Path

from checker.audit import audit_paths
from tests.accuracy import compare, read_labels
from tests.conftest import SEEDS


def test_seeds_agree_with_the_human_labels(pack) -> None:
    results = list(audit_paths([str(SEEDS)], pack))
    verdicts = {Path(r.source).stem: {e.id: e.status for e in r.elements} for r in results}
    exact, binary, misses = compare(read_labels(SEEDS / "labels.csv"), verdicts)
    assert exact >= 0.92 and binary >= 0.97, "\n".join(misses)


def test_seed_verdicts_a_reviewer_would_give(pack) -> None:
    results = {Path(r.source).stem[:3]: r for r in audit_paths([str(SEEDS)], pack)}
    assert all(r.error is None for r in results.values())
    assert results["000"].score.reasons == ("缺少必备要素：原因分析",)
    assert results["001"].passed
    assert not results["004"].passed
    status = {e.id: e.status for e in results["000"].elements}
    assert status["three-enforcement-systems"] == "partial"       # only inside a list of project names
    assert status["administrative-reconsideration"] == "partial"  # only "未发生一起行政复议"
    xi = {e.id: e.status for e in results["001"].elements}["xi-rule-of-law-thought"]
    assert xi == "skip"                                           # a report on 2019 predates the thought
