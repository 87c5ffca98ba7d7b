"""Accuracy of checker against human labels, beside the naive keyword grep on the same documents.

    python bench/accuracy.py tests/corpus            # the project's own labelled corpus (labels-*.csv, docs/)
    python bench/accuracy.py seeds --docs seeds      # the five real reports (seeds/labels.csv)
    python bench/accuracy.py tests/corpus -v         # also list every disagreement

Prints a per-element table (exact = the three-way grade agrees; binary = present vs absent), the totals, genre
accuracy where labels have a genre column, and look-alikes that passed the gate (there must be none).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from naive_grep import grep_genre, grep_statuses  # noqa: E402

from checker.audit import audit_source  # noqa: E402
from checker.packs.loader import load_pack  # noqa: E402
from tests.accuracy import COLUMNS, GRADE  # noqa: E402


def load_labels(folder: Path) -> list[dict[str, str]]:
    rows = []
    for path in sorted(folder.glob("labels*.csv")):
        with path.open(encoding="utf-8") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder with labels*.csv (and docs/ unless --docs)")
    parser.add_argument("--docs", type=Path, help="folder with the documents (default FOLDER/docs)")
    parser.add_argument("--pack", default=None, help="judge every document with this pack (default: the variant "
                        "chosen per document, as checker audit does)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    docs = args.docs or args.folder / "docs"
    rows = load_labels(args.folder)
    pack = load_pack(args.pack) if args.pack else None
    stats = {e: {"n": 0, "exact": 0, "binary": 0, "g_exact": 0, "g_binary": 0} for e in COLUMNS.values()}
    misses, genre_ok, genre_n, grep_genre_ok, false_pass = [], 0, 0, 0, []
    for row in rows:
        doc_id = row["id"].strip()
        path = next(docs.glob(f"{doc_id}.*"))
        result = audit_source(str(path), pack)
        statuses = {e.id: e.status for e in result.elements}
        text = path.read_text(encoding="utf-8")
        grep = grep_statuses(text)
        for column, element in COLUMNS.items():
            label = int(row[column])
            grade, g_grade = GRADE[statuses[element]], GRADE[grep[element]]
            s = stats[element]
            s["n"] += 1
            s["exact"] += grade == label
            s["binary"] += (grade >= 1) == (label >= 1)
            s["g_exact"] += g_grade == label
            s["g_binary"] += (g_grade >= 1) == (label >= 1)
            if grade != label:
                misses.append(f"{doc_id} {element}: label {label}, got {statuses[element]}")
        genre = row.get("genre", "").strip()
        if genre and genre != "partial_report":
            genre_n += 1
            predicted = result.document.meta.genre if result.document else None
            genre_ok += (predicted == "annual_report") == (genre == "annual_report")
            grep_genre_ok += (grep_genre(text) == "annual_report") == (genre == "annual_report")
            if genre != "annual_report" and result.passed:
                false_pass.append(doc_id)
            if (predicted == "annual_report") != (genre == "annual_report"):
                misses.append(f"{doc_id} genre: label {genre}, got {predicted}")
    print(f"{'element':32} {'n':>4} {'exact':>7} {'binary':>7}   {'grep exact':>10} {'grep binary':>11}")
    totals = dict.fromkeys(("n", "exact", "binary", "g_exact", "g_binary"), 0)
    for element, s in stats.items():
        for key in totals:
            totals[key] += s[key]
        n = s["n"] or 1
        print(f"{element:32} {s['n']:>4} {s['exact'] / n:7.3f} {s['binary'] / n:7.3f}   "
              f"{s['g_exact'] / n:10.3f} {s['g_binary'] / n:11.3f}")
    n = totals["n"] or 1
    print(f"\nchecker:    exact={totals['exact'] / n:.3f} binary_acc={totals['binary'] / n:.3f} docs={len(rows)}")
    print(f"naive grep: exact={totals['g_exact'] / n:.3f} binary_acc={totals['g_binary'] / n:.3f}")
    if genre_n:
        print(f"genre: checker {genre_ok / genre_n:.3f}, naive grep {grep_genre_ok / genre_n:.3f} (n={genre_n}); "
              f"look-alikes passing the gate: {len(false_pass)} {' '.join(false_pass)}")
    if args.verbose:
        print("\n".join(sorted(misses, key=lambda m: m.split()[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
