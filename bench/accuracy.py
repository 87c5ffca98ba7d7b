"""Accuracy of checker against the human labels, tune and held-back parts apart, beside the naive keyword grep.

    python bench/accuracy.py                 # every labelled set: own corpus, real pages, seeds
    python bench/accuracy.py --set real      # one set (own, real, seeds); repeatable
    python bench/accuracy.py --part held -v  # one part, per-element table and every disagreement

The held-back part (tests/corpus/README.md: a third of each batch by the id's hash) is measured, never tuned on.
"exact" is the three-way grade (具备/薄弱/缺失) agreeing with the label, "binary" present vs absent; genre is
annual report or not; "false pass" counts look-alikes that passed the gate (there must be none).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from naive_grep import grep_genre, grep_statuses  # noqa: E402

from tests.accuracy import COLUMNS, SETS, Labelled, Tally, checker_judge, labelled  # noqa: E402


def grep_judge(doc: Labelled) -> tuple[dict[str, str], str, bool]:
    """The naive grep's statuses and genre; it has no gate, so it never "passes" a look-alike."""
    text = doc.path.read_text(encoding="utf-8")
    return grep_statuses(text), grep_genre(text), False


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", choices=tuple(SETS), help="labelled set(s) to score")
    parser.add_argument("--part", choices=("tune", "held", "all"), default="all", help="part for -v and the table")
    parser.add_argument("--batch", help="only documents whose id starts with one of these (comma-separated: u or r,s,t)")
    parser.add_argument("-v", "--verbose", action="store_true", help="per-element table and every disagreement")
    args = parser.parse_args(argv)
    prefixes = tuple(args.batch.split(",")) if args.batch else ("",)
    docs = [d for d in labelled(args.sets or SETS) if d.id.startswith(prefixes)]
    groups: dict[tuple[str, str], tuple[Tally, Tally]] = {}
    per_element: dict[str, list[int]] = {e: [0, 0, 0, 0, 0] for e in COLUMNS.values()}
    chosen = Tally()
    for doc in docs:
        checker, grep = groups.setdefault((doc.set, doc.part), (Tally(), Tally()))
        statuses, genre, passed = checker_judge(doc)
        checker.add(doc, statuses, genre, passed)
        g_statuses, g_genre, g_passed = grep_judge(doc)
        grep.add(doc, g_statuses, g_genre, g_passed)
        if args.part in ("all", doc.part):
            chosen.add(doc, statuses, genre, passed)
            for element, label in doc.labels.items():
                row = per_element[element]
                grade = {"pass": 2, "partial": 1}.get(statuses.get(element, "fail"), 0)
                g_grade = 2 if g_statuses[element] == "pass" else 0
                row[0] += 1
                row[1] += grade == label
                row[2] += (grade >= 1) == (label >= 1)
                row[3] += g_grade == label
                row[4] += (g_grade >= 1) == (label >= 1)
    print(f"{'set':6} {'part':5} {'docs':>4}   {'exact':>6} {'binary':>6} {'genre':>6} {'false pass':>10}"
          f"   {'grep exact':>10} {'binary':>6} {'genre':>6}")
    totals = (Tally(), Tally())
    for (name, part), (checker, grep) in sorted(groups.items()):
        n = sum(1 for d in docs if d.set == name and d.part == part)
        _row(name, part, n, checker, grep)
        for total, tally in zip(totals, (checker, grep)):
            _merge(total, tally)
    _row("all", "", len(docs), *totals)
    if args.verbose:
        print(f"\n{'element':32} {'n':>4} {'exact':>7} {'binary':>7}   {'grep exact':>10} {'grep binary':>11}")
        for element, (n, exact, binary, g_exact, g_binary) in per_element.items():
            n = n or 1
            print(f"{element:32} {n:>4} {exact / n:7.3f} {binary / n:7.3f}   {g_exact / n:10.3f} {g_binary / n:11.3f}")
        print("\n" + "\n".join(sorted(chosen.misses, key=lambda m: (m.split()[1], m))))
    return 0


def _row(name: str, part: str, n: int, checker: Tally, grep: Tally) -> None:
    passes = " ".join(checker.false_pass)
    print(f"{name:6} {part:5} {n:>4}   {checker.exact_rate:6.3f} {checker.binary_rate:6.3f} "
          f"{checker.genre_rate:6.3f} {len(checker.false_pass):>10}   {grep.exact_rate:10.3f} "
          f"{grep.binary_rate:6.3f} {grep.genre_rate:6.3f}  {passes}")


def _merge(total: Tally, tally: Tally) -> None:
    for key in ("n", "exact", "binary", "genre_n", "genre_ok"):
        setattr(total, key, getattr(total, key) + getattr(tally, key))
    total.false_pass += tally.false_pass


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
