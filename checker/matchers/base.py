"""What every matcher is: a name, a parameter schema, evaluate(), trace() and a description in Chinese words.

The guards a leaf matcher applies to each mention, and their reach:
- `guards` (negation, future, problem, title, list): the words of the pack's lexicon around the mention;
- `unless`: words that cancel a mention in its clause (default) or sentence; for `section`, in its heading or body;
- `with_figure` (terms, near): a figure in the mention's sentence, clause or window.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from checker.model import Span
from checker.packs.model import BUILTIN_SCOPES
from checker.packs.schema import Field

if TYPE_CHECKING:
    from checker.evaluate.context import DocContext

GUARD_NAMES = ("negation", "future", "problem", "title", "list")
ALL_GUARDS = frozenset(GUARD_NAMES)  # the default (asked for every hit: made once)
GUARD_WORDS = {"negation": "否定句", "future": "计划/将来时", "problem": "问题部分", "title": "文件名", "list": "名单列举"}
BUILTIN_SCOPE_WORDS = BUILTIN_SCOPES
REACH_WORDS = {"clause": "同分句", "sentence": "同句", "heading": "标题", "body": "标题下正文"}
SCOPE = Field("scope", "any", "在报告的哪一部分查找：pack.yaml 中的 scope 名称（problems、plan、achievements……），"
              "或 {headings: [...], exclude: [...]}；默认全文", example="achievements")
GUARDS = Field("guards", "any", "哪些提及不计：all（默认）、none，或 negation、future、problem、title、list 的列表",
               default="all", example="[future, title]")
UNLESS = Field("unless", "any", "取消一处提及的词：默认看提及所在的分句（逗号、分号之间，顿号列举不断开）；"
               "写成 {words: [...], within: sentence} 则看整句；几种范围并用时写成这样的列表", default=None,
               example="[{words: [普法], within: sentence}, {words: [群众]}]")


# A leaf matcher reports at least this many of its earliest supporting hits (when it has them): the engine quotes the
# first few of an element, so a matcher may stop looking once its verdict and these hits are settled.
EVIDENCE_HITS = 3


@dataclass(frozen=True, slots=True)
class Outcome:
    """A matcher's verdict on a document and the hits that decided it (the evidence a report quotes)."""
    ok: bool
    hits: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Unless:
    """Words that cancel a mention when they stand within its reach (a substring test, as a cancelling word is
    often part of a longer one: 群众 in 服务群众)."""

    words: tuple[str, ...]
    within: str = "clause"

    def window(self, ctx: DocContext, hit: Span) -> Span:
        if self.within == "sentence":
            return ctx.sentence_of(hit.start)
        return Span(ctx.clause_start(hit.start), ctx.clause_end(hit.end))

    def cancels(self, ctx: DocContext, hit: Span, window: Span | None = None) -> str | None:
        """The first cancelling word within the reach of hit (or within window), or None."""
        window = window or self.window(ctx, hit)
        text = ctx.text[window.start:window.end]
        return next((w for w in self.words if w in text), None)

    def describe(self) -> str:
        return f"（{REACH_WORDS[self.within]}出现" + "、".join(self.words) + "的不计）"


@dataclass(frozen=True, slots=True)
class Check:
    """One test on one mention in a trace: its name, whether the mention passed it, and why."""

    name: str
    ok: bool
    why: str = ""


@dataclass
class Mention:
    """A candidate mention in a trace: where it is and each test it met; it counts when it passed them all."""

    span: Span
    checks: list[Check] = field(default_factory=list)

    @property
    def counted(self) -> bool:
        return all(c.ok for c in self.checks)


@dataclass
class Branch:
    """A matcher's verdict on a document in a trace, with its mentions (a leaf) or its children (all/any)."""

    matcher: str
    description: str
    ok: bool
    mentions: list[Mention] = field(default_factory=list)
    children: list[Branch] = field(default_factory=list)
    note: str = ""
    whole_document: bool = False  # judged on the document as a whole (its genre), never on mentions


class Matcher:
    """Base of all matchers; subclasses set name, fields and summary, and implement evaluate, trace and describe."""

    name: ClassVar[str]
    fields: ClassVar[tuple[Field, ...]]
    summary: ClassVar[str]
    unless_reach: ClassVar[tuple[str, ...]] = ("clause", "sentence")

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params

    def evaluate(self, ctx: DocContext) -> Outcome:
        raise NotImplementedError

    def trace(self, ctx: DocContext, labels: dict[str, str]) -> Branch:
        """The verdict of evaluate() with every candidate mention and each test that decided it."""
        raise NotImplementedError

    def words(self) -> frozenset[str]:
        """The words this matcher looks for (taught to the segmenter so that they are cut out whole)."""
        groups = getattr(self, "groups", ())
        return frozenset(w for group in groups for w in group)

    def describe(self, labels: dict[str, str] | None = None) -> str:
        raise NotImplementedError

    # shared helpers for leaf matchers
    @property
    def scope(self):
        return self.params.get("scope")

    @property
    def guards(self) -> frozenset[str]:
        return self.params.get("guards", ALL_GUARDS)

    @property
    def unless(self) -> tuple[Unless, ...]:
        return self.params.get("unless") or ()

    def guarded(self, ctx: DocContext, hits: Iterable[Span]) -> Iterator[Span]:
        """The hits no guard refuses, lazily: a matcher that has seen enough asks no more questions."""
        guards, unless = self.guards, self.unless
        for hit in hits:
            if (not guards or ctx.blocked(hit, guards) is None) and not any(u.cancels(ctx, hit) for u in unless):
                yield hit

    def guard_checks(self, ctx: DocContext, hit: Span) -> list[Check]:
        """Each guard of this matcher on one mention, in a trace."""
        checks = [Check(GUARD_WORDS[g], why is None, why or "")
                  for g, why in ctx.guard_reasons(hit, self.guards)]
        for unless in self.unless:
            word = unless.cancels(ctx, hit)
            checks.append(Check(f"取消词（{REACH_WORDS[unless.within]}）", word is None,
                                f"{REACH_WORDS[unless.within]}有“{word}”" if word else ""))
        return checks

    def scope_check(self, ctx: DocContext, hit: Span, labels: dict[str, str]) -> Check:
        inside = any(s.start <= hit.start and hit.end <= s.end for s in ctx.scope(self.scope))
        where = ctx.scopes_at(hit, labels)
        return Check("范围", inside, ("在" if inside else "不在") + self.describe_scope(labels) + f"（所在：{where}）")

    def describe_guards(self) -> str:
        unless = "".join(u.describe() for u in self.unless)
        if not self.guards:
            return unless
        return unless + "（不计" + "、".join(GUARD_WORDS[g] for g in GUARD_NAMES if g in self.guards) + "中的提及）"

    def describe_scope(self, labels: dict[str, str] | None = None) -> str:
        scope = self.scope
        if scope is None or scope == "document":
            return "全文"
        if not isinstance(scope, str):
            return "指定标题下"
        words = {**BUILTIN_SCOPE_WORDS, **(labels or {})}
        return f"{words[scope]}部分" if scope in words else f"“{scope}”部分"
