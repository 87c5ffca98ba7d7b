"""Inputs shaped to make the cost grow faster than the input: each runs as a real process under an address-space and
a CPU-time limit (set in the child), and must finish with a verdict and a warning that says what was capped.

The limits are many times what the process needs, and far less than the quadratic or per-line-heavy code needed
before (a line of 60,000 characters without punctuation took minutes of CPU; two million short lines took over 300 MB).
"""

from __future__ import annotations

import json
import resource
from pathlib import Path

from checker.limits import MAX_HEADINGS, MAX_SENTENCE_CHARS, MAX_SENTENCES
from tests.hostile.conftest import run_checker

TITLE = "某某县人民政府关于2024年法治政府建设情况的报告\n"
WORDS = "法治政府建设行政执法监督行政复议诉讼调解培训"


def limited(cpu_seconds: int, megabytes: int):
    """A preexec_fn: the child gets at most this much CPU time and address space."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))

    return apply


def audit_json(tmp_path: Path, text: str, cpu_seconds: int = 60, megabytes: int = 400) -> dict:
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    proc = run_checker("audit", "--format", "json", path.name, cwd=tmp_path, timeout=300,
                       preexec_fn=limited(cpu_seconds, megabytes))
    assert proc.returncode in (0, 1), (proc.returncode, proc.stderr.decode("utf-8", "replace")[-500:])
    (document,) = json.loads(proc.stdout)["documents"]
    assert document["error"] is None
    return document


def limit_warnings(document: dict) -> list[dict]:
    found = [f for f in document["findings"] if f["check"] == "limits"]
    assert all(f["severity"] == "warning" for f in found)
    return found


def test_a_line_without_any_punctuation_is_judged_in_pieces(tmp_path: Path) -> None:
    line = (WORDS * (60_000 // len(WORDS) + 1))[:60_000]
    document = audit_json(tmp_path, TITLE + line + "\n", cpu_seconds=30)
    (warning,) = limit_warnings(document)
    assert f"{MAX_SENTENCE_CHARS:,} 字" in warning["message"] and warning["line"] == 2
    assert document["score"] is not None


def test_headings_past_the_cap_are_read_as_body_text(tmp_path: Path) -> None:
    lines = [TITLE, "一、主要举措\n"] + [f"（{'一二三四五六七八九'[i % 9]}）推进依法行政\n" for i in range(MAX_HEADINGS + 100)]
    document = audit_json(tmp_path, "".join(lines))
    (warning,) = limit_warnings(document)
    assert "标题超过" in warning["message"] and warning["line"] == MAX_HEADINGS + 2  # the first heading left out


def test_millions_of_short_lines_stay_small(tmp_path: Path) -> None:
    """Two million lines: before, several Python objects per line (over 300 MB); now the text past the cap is
    not read, and what is read is kept in arrays."""
    document = audit_json(tmp_path, TITLE + "（一）\n" * 20_000 + "\n" * 2_000_000, megabytes=200)
    (warning,) = limit_warnings(document)
    assert f"{MAX_SENTENCES:,} 句" in warning["message"] and warning["line"] == MAX_SENTENCES + 1


def test_an_ordinary_report_has_no_limit_warning(tmp_path: Path) -> None:
    body = "一、主要举措\n" + "".join(f"全县开展{WORDS[i % 7:i % 7 + 4]}检查{i}次，办理案件{i + 3}件。\n" for i in range(2000))
    assert limit_warnings(audit_json(tmp_path, TITLE + body, cpu_seconds=30, megabytes=300)) == []


# Shapes that made a check quadratic in the items of one sentence or of the document: the code before the fix ran
# out of each CPU limit below (killed at 8 or 10 s); now each case needs about two seconds of CPU.
FIGURES = "开展执法检查23次，同比增长15%，办理复议案件1.2万件，"
WRONG_PARTS = "全年受理行政复议案件50件，其中维持30件，撤销25件。"  # 30+25 parts of a 50 total


def test_a_long_sentence_full_of_figures_is_read_in_pieces(tmp_path: Path) -> None:
    """Comma-joined sentences of 66,000 characters and 6,000 figures each, a wrong sum between them: figure_consistency
    reads them one MAX_SENTENCE_CHARS piece at a time, and within a piece it is linear in the figures."""
    text = TITLE + "一、主要举措\n" + FIGURES * 2000 + WRONG_PARTS + FIGURES * 2000 + "\n"
    document = audit_json(tmp_path, text, cpu_seconds=8, megabytes=300)
    (warning,) = limit_warnings(document)
    assert f"{MAX_SENTENCE_CHARS:,} 字" in warning["message"] and warning["line"] == 3
    (wrong,) = [f for f in document["findings"] if f["check"] == "figure-consistency"]
    assert wrong["line"] == 3 and "55件" in wrong["message"] and "50件" in wrong["message"]


def test_tens_of_thousands_of_placeholders_are_each_reported(tmp_path: Path) -> None:
    """Each placeholder was tested against every one taken before it; now against the earlier patterns' spans by
    bisection."""
    count = 30_000
    text = TITLE + "一、主要举措\n" + "开展检查××次。\n" * count
    document = audit_json(tmp_path, text, cpu_seconds=10, megabytes=400)
    found = [f for f in document["findings"] if f["check"] == "placeholder"]
    assert len(found) == count and {f["line"] for f in found} == set(range(3, count + 3))
    assert all("××" in f["message"] for f in found)


def test_tens_of_thousands_of_phone_numbers_are_each_reported(tmp_path: Path) -> None:
    count = 20_000
    text = TITLE + "一、主要举措\n" + "".join(f"联系电话138{i:08d}。\n" for i in range(count))
    document = audit_json(tmp_path, text, cpu_seconds=10, megabytes=400)
    found = [f for f in document["findings"] if f["check"] == "personal-data"]
    assert len(found) == count and {f["line"] for f in found} == set(range(3, count + 3))
