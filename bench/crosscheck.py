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
import re
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


LAST_LINE = re.compile(r"（上年第(\d+)行）")
THIS_LINE = re.compile(r"本年第(\d+)行(?:有整改工作|已见落实)")
AGAIN_LINE = re.compile(r"(?:第(\d+)行仍列为问题|再次列为问题（第(\d+)行）)")


def followup(pack, pairs: list[Path], verbose: bool) -> None:
    """Score every problem and promise of last year against the truth: was work (done) found on the right line,
    and was a repeat among this year's problems found."""
    from checker.audit import load_baseline

    tallies = {name: [0, 0, 0] for name in ("安排已见落实", "安排未见落实", "问题有整改", "问题未见整改", "再次列为问题")}
    items = 0
    for path in pairs:
        truth = yaml.safe_load(path.read_text(encoding="utf-8"))
        last = path.parent / truth["last"]
        this = path.parent / truth["this"]
        last_lines = last.read_text(encoding="utf-8").splitlines()
        this_lines = this.read_text(encoding="utf-8").splitlines()
        result = audit_text(this.read_text(encoding="utf-8"), pack, source=this.name,
                            baseline=load_baseline(str(last)))
        rows = [(int(m.group(1)), f) for f in result.findings
                if f.check == "baseline-followup" and (m := LAST_LINE.search(f.message))]
        for kind, found_name, open_name, key in (("problems", "问题有整改", "问题未见整改", "work"),
                                                  ("plan", "安排已见落实", "安排未见落实", "done")):
            for entry in truth.get(kind) or []:
                items += 1
                line = _line_of(last_lines, entry["item"], last)
                message = next((f.message for n, f in rows if n == line and entry["item"][:6] in f.text), "")
                want = _line_of(this_lines, entry[key], this) if entry[key] else None
                m = THIS_LINE.search(message)
                got = int(m.group(1)) if m else None
                _tally(tallies[found_name], want, got, verbose, f"{path.stem} {entry['item']}: {found_name}")
                _tally(tallies[open_name], 0 if want is None else None, 0 if message and got is None else None,
                       verbose, f"{path.stem} {entry['item']}: {open_name}")
                if kind == "problems":
                    want_again = _line_of(this_lines, entry["again"], this) if entry["again"] else None
                    m = AGAIN_LINE.search(message)
                    got_again = int(m.group(1) or m.group(2)) if m else None
                    _tally(tallies["再次列为问题"], want_again, got_again, verbose, f"{path.stem} {entry['item']}: 再次列为问题")
    print(f"baseline-followup: {len(pairs)} pairs, {items} problems and promises of last year")
    for name, (tp, fp, fn) in tallies.items():
        print(f"  {name}:", end="")
        _report(tp, fp, fn)


def _line_of(lines: list[str], piece: str, path: Path) -> int:
    for i, line in enumerate(lines, 1):
        if piece in line:
            return i
    raise SystemExit(f"{path}: truth names “{piece}”, which is not in the file")


def _tally(row: list[int], want: int | None, got: int | None, verbose: bool, what: str) -> None:
    """One decision: right when both are the same line (or both absent)."""
    if want is not None and got == want:
        row[0] += 1
        return
    if got is not None:
        row[1] += 1
    if want is not None:
        row[2] += 1
    if verbose and (got is not None or want is not None):
        print(f"  wrong {what}: truth {want}, found {got}")


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
    if args.which in ("followup", "all"):
        pairs = sorted((DATA / "pairs").glob("[0-9]*.yaml"))
        held_out = [p for p in pairs if yaml.safe_load(p.read_text(encoding="utf-8")).get("held_out")]
        for name, group in (("tuning pairs", [p for p in pairs if p not in held_out]), ("held-out pairs", held_out),
                            ("all pairs", pairs)):
            print(f"{name}:")
            followup(pack, group, args.verbose and name == "all pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
