"""bench/agreement.py: the second labelling is well formed, and the script compares it with the first."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from tests.accuracy import COLUMNS, labelled
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import agreement  # noqa: E402

SECOND = ROOT / "tests" / "corpus" / "real" / "second" / "labels-second.csv"


def test_the_second_labelling_grades_every_element_of_labelled_real_pages() -> None:
    with SECOND.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    first = {d.id for d in labelled(["real"])}
    assert len(rows) == 68 and {r["id"] for r in rows} <= first
    for row in rows:
        assert all(row[column] in ("0", "1", "2") for column in COLUMNS), row["id"]
        assert row["genre"].strip(), row["id"]


def test_two_identical_labellings_agree_fully_and_checker_is_scored_against_both(tmp_path: Path, capsys) -> None:
    docs = [d for d in labelled(["real"]) if d.id in ("q026", "s043", "z007")]
    copy = tmp_path / "same.csv"
    with copy.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", *COLUMNS, "genre"])
        for doc in docs:
            writer.writerow([doc.id, *(doc.labels[element] for element in COLUMNS.values()), doc.genre])
    assert agreement.main(["--second", str(copy)]) == 0
    out = capsys.readouterr().out
    total = next(line for line in out.splitlines() if line.startswith("all grades"))
    human_exact, human_binary, first_exact, _, second_exact, _ = total.split()[3:9]
    assert (human_exact, human_binary) == ("1.000", "1.000") and first_exact == second_exact


def test_a_page_without_a_first_label_is_an_error(tmp_path: Path) -> None:
    stray = tmp_path / "stray.csv"
    stray.write_text("id," + ",".join(COLUMNS) + ",genre\nzz999," + ",".join("0" * len(COLUMNS)) + ",news\n",
                     encoding="utf-8")
    assert agreement.main(["--second", str(stray)]) == 2
