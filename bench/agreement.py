"""How far two human labellers agree, and checker with each: the ceiling the accuracy figures are read against.

    python bench/agreement.py                                    # tests/corpus/real/second/labels-second.csv
    python bench/agreement.py --second other.csv -v              # another second labelling; every disagreement

A second labeller graded a sample of the real pages blind (tests/corpus/real/second/README.md: the rules of
../shared/eval/README.md only, no earlier labels, no notes, no conventions of the batches). Where the two humans
agree on 90 % of grades, no checker can agree with either on much more: the gap between checker and the first
labeller is then read beside the gap between the labellers, element by element, and the grades on which the two
humans agree are the fairest measure of checker (a disagreement there is checker's, not the rules').
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.accuracy import COLUMNS, GRADE, checker_judge, labelled  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SECOND = ROOT / "tests" / "corpus" / "real" / "second" / "labels-second.csv"
REPORT_GENRES = ("annual_report", "partial_report")


def read_second(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {row["id"].strip(): row for row in csv.DictReader(handle)}


def rate(hits: int, n: int) -> str:
    return f"{hits / n:.3f}" if n else "  —  "


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--second", type=Path, default=SECOND, help="the second labelling (CSV, columns as labels)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every grade the two humans disagree on")
    args = parser.parse_args(argv)
    second = read_second(args.second)
    docs = [d for d in labelled(["real"]) if d.id in second]
    missing = sorted(set(second) - {d.id for d in docs})
    if missing:
        print(f"{args.second}: no first label for {', '.join(missing)}", file=sys.stderr)
        return 2
    # per element: n, exact/binary human–human, checker–first, checker–second, and on the grades both humans gave
    rows = {e: [0] * 9 for e in COLUMNS.values()}
    genre = [0, 0, 0, 0]  # n, humans agree, checker–first, checker–second (report or not)
    disagreements = []
    for doc in docs:
        statuses, checker_genre, _ = checker_judge(doc)
        other = second[doc.id]
        for column, element in COLUMNS.items():
            if element not in doc.labels or not other.get(column, "").strip():
                continue
            first, two = doc.labels[element], int(other[column])
            mine = GRADE[statuses.get(element, "fail")]
            row = rows[element]
            row[0] += 1
            row[1] += first == two
            row[2] += (first >= 1) == (two >= 1)
            row[3] += mine == first
            row[4] += (mine >= 1) == (first >= 1)
            row[5] += mine == two
            row[6] += (mine >= 1) == (two >= 1)
            if first == two:
                row[7] += 1
                row[8] += mine == first
            else:
                disagreements.append(f"{doc.id} {element}: first {first}, second {two}, checker {statuses.get(element)}")
        second_genre = other.get("genre", "").strip()
        if doc.genre and second_genre and doc.genre != "partial_report" and checker_genre is not None:
            first_report = doc.genre == "annual_report"
            genre[0] += 1
            genre[1] += first_report == (second_genre in REPORT_GENRES)
            genre[2] += first_report == (checker_genre == "annual_report")
            genre[3] += (second_genre in REPORT_GENRES) == (checker_genre == "annual_report")
            if first_report != (second_genre in REPORT_GENRES):
                disagreements.append(f"{doc.id} genre: first {doc.genre}, second {second_genre}, checker {checker_genre}")

    print(f"{len(docs)} pages labelled twice ({args.second.relative_to(ROOT) if args.second.is_relative_to(ROOT) else args.second})\n")
    print(f"{'element':32} {'n':>4}  {'human–human':>14}  {'checker–first':>14}  {'checker–second':>14}  "
          f"{'where humans agree':>18}")
    print(f"{'':32} {'':>4}  {'exact  binary':>14}  {'exact  binary':>14}  {'exact  binary':>14}  {'n   exact':>18}")
    total = [0] * 9
    for element, row in rows.items():
        total = [a + b for a, b in zip(total, row)]
        print(f"{element:32} {row[0]:4}  {rate(row[1], row[0])}  {rate(row[2], row[0])}  {rate(row[3], row[0])}  "
              f"{rate(row[4], row[0])}  {rate(row[5], row[0])}  {rate(row[6], row[0])}  {row[7]:10}  {rate(row[8], row[7])}")
    n = total[0]
    print(f"{'all grades':32} {n:4}  {rate(total[1], n)}  {rate(total[2], n)}  {rate(total[3], n)}  {rate(total[4], n)}  "
          f"{rate(total[5], n)}  {rate(total[6], n)}  {total[7]:10}  {rate(total[8], total[7])}")
    print(f"{'genre (report or not)':32} {genre[0]:4}  {rate(genre[1], genre[0]):>14}  {rate(genre[2], genre[0]):>14}  "
          f"{rate(genre[3], genre[0]):>14}")
    if args.verbose:
        print()
        print("\n".join(disagreements))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
