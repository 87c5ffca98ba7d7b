"""Precision and recall of the cross-checks on the labelled sets in tests/data/crosscheck/.

    python bench/crosscheck.py                 # both checks
    python bench/crosscheck.py figures -v      # figure-consistency only, listing every miss and false alarm
    python bench/crosscheck.py followup -v     # baseline-followup only

figures: each labelled passage is put under a title and a heading and audited; a passage with a true inconsistency
counts as found when figure-consistency reports one of the right kind, and a passage labelled `none` is a false
alarm when it reports anything. followup: each pair of drafts (last year, this year) is audited with the first as
baseline, and every promise and problem of last year is compared with the truth written down for it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.audit import audit_text  # noqa: E402
from checker.packs.loader import load_pack  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "crosscheck"
TITLE = "某县人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n"


def kind_of(message: str) -> str:
    """The family a figure-consistency message belongs to (the wording each family uses)."""
    if "同一事项" in message:
        return "twice"
    if "“其中”" in message:
        return "parts"
    if "不可能超过100%" in message:
        return "share"
    if "应为" in message:
        return "change"
    return "rate"


def figures(pack, name: str, verbose: bool) -> tuple[int, int, int]:
    passages = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["passages"]
    tp = fp = fn = 0
    per_kind: dict[str, list[int]] = {}
    for p in passages:
        result = audit_text(TITLE + p["text"], pack, source=p["id"])
        kinds = [kind_of(f.message) for f in result.findings if f.check == "figure-consistency"]
        truth = p["truth"]
        row = per_kind.setdefault(truth, [0, 0])
        row[1] += 1
        if truth == "none":
            if kinds:
                fp += 1
                if verbose:
                    print(f"  false alarm {p['id']}: {kinds} — {p['why']}")
            else:
                row[0] += 1
        elif truth in kinds:
            tp += 1
            row[0] += 1
            fp += len([k for k in kinds if k != truth])
        else:
            fn += 1
            fp += len(kinds)
            if verbose:
                print(f"  missed {p['id']} ({truth}){' found ' + str(kinds) if kinds else ''} — {p['why']}")
    print(f"figure-consistency on {name}: {len(passages)} passages, {sum(1 for p in passages if p['truth'] != 'none')} with an "
          f"inconsistency")
    for kind, (right, total) in sorted(per_kind.items()):
        print(f"  {kind:7} {right}/{total} right")
    _report(tp, fp, fn)
    return tp, fp, fn


def _report(tp: int, fp: int, fn: int) -> None:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"  true {tp}, false alarms {fp}, missed {fn}: precision {precision:.2f}, recall {recall:.2f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", choices=("figures", "followup", "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    pack = load_pack("fazhi-annual")
    if args.which in ("figures", "all"):
        for name in ("figures.yaml", "figures-heldout.yaml"):
            figures(pack, name, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
