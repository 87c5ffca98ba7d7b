"""all / any / at_least: combine other matchers.

    any: [ {section: …}, {near: …} ]
    at_least: {n: 2, of: [ {terms: …}, {terms: …}, {terms: …} ]}
"""

from __future__ import annotations

from checker.matchers.base import Branch, Matcher, Outcome


class Composite(Matcher):
    """Children are built by the registry; `need` says how many must match."""

    fields = ()

    def __init__(self, children: list[Matcher], need: int, name: str) -> None:
        super().__init__({})
        self.children, self.need, self.name = children, need, name

    def evaluate(self, ctx) -> Outcome:
        """`any` stops at the first child that holds; `all` asks every child even after one fails, because the
        children that hold are the evidence of a failed element (行政执法三项制度 with 法制审核 found and 公示 not
        shows the 法制审核 sentence): stopping early was tried and took that evidence from three corpus reports."""
        hits = []
        matched = 0
        for child in self.children:
            outcome = child.evaluate(ctx)
            if outcome.ok:
                matched += 1
                hits.extend(outcome.hits)
                if self.name == "any":
                    break
        return Outcome(matched >= self.need, tuple(hits))

    def trace(self, ctx, labels) -> Branch:
        children = [c.trace(ctx, labels) for c in self.children]
        passed = sum(c.ok for c in children)
        note = f"{passed}/{len(children)}项满足；需要{'全部' if self.name == 'all' else f'至少{self.need}项'}"
        return Branch(self.name, self.head(), self.evaluate(ctx).ok, children=children, note=note)

    def words(self) -> frozenset[str]:
        return frozenset().union(*(c.words() for c in self.children))

    def head(self) -> str:
        return {"all": "同时满足", "any": "满足其一"}.get(self.name, f"至少满足{self.need}项")

    def describe(self, labels=None) -> str:
        return self.head() + "：" + "；".join(f"（{i + 1}）{c.describe(labels)}" for i, c in enumerate(self.children))
