"""What every matcher is: a name, a parameter schema, evaluate() and a description in Chinese words."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from checker.model import Span
from checker.packs.schema import Field

if TYPE_CHECKING:
    from checker.evaluate.context import DocContext

GUARD_NAMES = ("negation", "future", "problem", "title", "list")
GUARD_WORDS = {"negation": "否定句", "future": "计划/将来时", "problem": "问题部分", "title": "文件名", "list": "名单列举"}
SCOPE_WORDS = {"problems": "存在问题", "causes": "原因分析", "shortcomings": "存在问题和原因", "plan": "下一年度安排",
               "achievements": "工作举措和成效（问题、安排以外）", "future": "计划性表述", "first-responsibility": "第一责任人",
               "decisions": "决策"}
SCOPE = Field("scope", "any", "which part of the report to search: a scope name from pack.yaml (problems, plan, "
              "achievements …) or {headings: [...], exclude: [...]}; default the whole report", example="achievements")
GUARDS = Field("guards", "any", "which mentions do not count: all (default), none, or a list of negation, future, "
               "problem, title, list", default="all", example="[future, title]")


# A leaf matcher reports at least this many of its earliest supporting hits (when it has them): the engine quotes the
# first few of an element, so a matcher may stop looking once its verdict and these hits are settled.
EVIDENCE_HITS = 3


@dataclass(frozen=True, slots=True)
class Outcome:
    ok: bool
    hits: tuple[Span, ...] = ()


class Matcher:
    """Base of all matchers; subclasses set name, fields and summary, and implement evaluate and describe."""

    name: ClassVar[str]
    fields: ClassVar[tuple[Field, ...]]
    summary: ClassVar[str]

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params

    def evaluate(self, ctx: DocContext) -> Outcome:
        raise NotImplementedError

    def words(self) -> frozenset[str]:
        """The words this matcher looks for (taught to the segmenter so that they are cut out whole)."""
        groups = getattr(self, "groups", ())
        return frozenset(w for group in groups for w in group)

    def describe(self) -> str:
        raise NotImplementedError

    # shared helpers for leaf matchers
    @property
    def scope(self):
        return self.params.get("scope")

    @property
    def guards(self) -> frozenset[str]:
        return self.params.get("guards", frozenset(GUARD_NAMES))

    def guarded(self, ctx: DocContext, hits: Iterable[Span]) -> Iterator[Span]:
        """The hits no guard refuses, lazily: a matcher that has seen enough asks no more questions."""
        guards = self.guards
        for hit in hits:
            if not guards or ctx.blocked(hit, guards) is None:
                yield hit

    def describe_guards(self) -> str:
        if not self.guards:
            return ""
        return "（不计" + "、".join(GUARD_WORDS[g] for g in GUARD_NAMES if g in self.guards) + "中的提及）"

    def describe_scope(self) -> str:
        scope = self.scope
        if scope is None or scope == "document":
            return "全文"
        return f"{SCOPE_WORDS.get(scope, f'“{scope}”')}部分" if isinstance(scope, str) else "指定标题下"
