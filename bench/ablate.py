"""What each branch and guard of the default pack earns: remove it in turn and re-score the labelled corpus.

    python bench/ablate.py                        # every element, tune part (the part rules may be tuned on)
    python bench/ablate.py --element supervision  # one element
    python bench/ablate.py --part held            # look at the held-back part (say so when you act on it)

For every `any`/`at_least` branch, guard list, `unless` and `except` list of an element, the element is judged again
without it on every labelled document. The net effect is the change in documents graded exactly as the label:
negative means the branch earns its place, positive means the corpus is better without it. "helps" lists the
documents the branch gets right, "costs" those it gets wrong; a branch that helps one document and costs as many
is a rule tuned to that document.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.evaluate.context import DocContext  # noqa: E402
from checker.evaluate.engine import judge  # noqa: E402
from checker.matchers.compose import Composite  # noqa: E402
from checker.packs.loader import DEFAULT_PACK, load_pack  # noqa: E402
from checker.packs.select import choose  # noqa: E402
from checker.read import read_source  # noqa: E402
from checker.structure import build_document  # noqa: E402
from tests.accuracy import GRADE, SETS, labelled  # noqa: E402

LIST_PARAMS = ("unless", "except")


def ablations(node, where: str) -> Iterator[tuple[str, object]]:
    """(what was removed, the tree without it), one change at a time, for every branch and guard below node."""
    if isinstance(node, Composite):
        children = list(node.children)
        if node.name in ("any", "at_least") and len(children) > node.need:
            for i, child in enumerate(children):
                yield (f"{where}[{i + 1}] {_summary(child)}",
                       Composite(children[:i] + children[i + 1:], node.need, node.name))
        for i, child in enumerate(children):
            for what, changed in ablations(child, f"{where}[{i + 1}]"):
                yield what, Composite(children[:i] + [changed] + children[i + 1:], node.need, node.name)
        return
    params = getattr(node, "params", None)
    if not params:
        return
    guards = params.get("guards")
    if guards:
        yield f"{where} guards {'/'.join(sorted(guards))} → none", type(node)({**params, "guards": frozenset()})
        if len(guards) > 1:
            for guard in sorted(guards):
                yield f"{where} guard {guard} off", type(node)({**params, "guards": frozenset(guards) - {guard}})
    for key in LIST_PARAMS:
        if params.get(key):
            yield f"{where} {key} off", type(node)({**params, key: ()})


def _summary(node) -> str:
    text = node.describe()
    return text if len(text) <= 70 else text[:69] + "…"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--element", action="append", help="element id(s); default every element")
    parser.add_argument("--part", choices=("tune", "held", "all"), default="tune")
    parser.add_argument("--set", dest="sets", action="append", choices=tuple(SETS))
    parser.add_argument("--all", action="store_true", help="also list ablations with no effect")
    args = parser.parse_args(argv)
    docs = [d for d in labelled(args.sets or SETS) if args.part in ("all", d.part)]
    contexts = []
    for doc in docs:
        document = build_document(read_source(str(doc.path)))
        contexts.append((doc, DocContext(document, load_pack(choose(document)[0]))))
    base = load_pack(DEFAULT_PACK)
    print(f"{len(docs)} documents ({args.part}); net = change in exactly graded documents without the branch")
    for element in base.elements:
        if args.element and element.id not in args.element:
            continue
        labelled_here = [(doc, ctx) for doc, ctx in contexts if element.id in doc.labels]
        right = {doc.id: _right(doc, ctx, element.id, {}) for doc, ctx in labelled_here}
        rows = []
        for side in ("match", "weak_if"):
            tree = getattr(element, side)
            if tree is None:
                continue
            for what, changed in ablations(tree, side):
                now = {doc.id: _right(doc, ctx, element.id, {side: changed}) for doc, ctx in labelled_here}
                helps = sorted(d for d in right if right[d] and not now[d])
                costs = sorted(d for d in right if now[d] and not right[d])
                if helps or costs or args.all:
                    rows.append((len(costs) - len(helps), what, helps, costs))
        print(f"\n{element.id}: {sum(right.values())}/{len(right)} exact")
        for net, what, helps, costs in sorted(rows, key=lambda r: -r[0]):
            flag = "  ← helps one, costs as many" if len(helps) == 1 and len(costs) >= 1 else ""
            print(f"  {net:+3d}  {what}{flag}")
            print(f"        helps {' '.join(helps) or '-'} | costs {' '.join(costs) or '-'}")
    return 0


def _right(doc, ctx: DocContext, element_id: str, change: dict) -> bool:
    element = ctx.pack.element(element_id)
    if element is None:
        return False
    status = judge(ctx, replace(element, **change) if change else element).status
    return GRADE[status] == doc.labels[element_id]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
