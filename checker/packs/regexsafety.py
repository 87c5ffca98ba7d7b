"""Reject regular expressions that can backtrack catastrophically, before they ever run on a document.

Python's re backtracks: a pattern that can split the same text in many ways tries every split before it fails.
Accepted patterns keep the work from one start position within MAX_CHOICES times the text's length (so finditer
over a span is at most quadratic, never exponential). Refused, each with a Chinese reason that says how to write it
instead:

1. a repeated group (more than once) that can match nothing: (a?)*, (a|)+, (a?){25}a{25};
2. a quantifier with a range inside a repeated group: (a+)+, (a{1,30}){1,30}, (\\d+、)+ (write [\\d、]+);
3. a repeated group whose alternatives can begin with the same character: (a|ab)* (write a(?:b)? or ab?);
4. in one sequence, variable-length parts that can match the same characters with nothing between them that the
   first cannot match: two unbounded ones (.*x.*y, \\d+\\d*), or bounded ones whose combinations exceed
   MAX_CHOICES (a{0,30}a{0,30}a{0,30}).

Character sets are compared on a finite sample: every character the pattern names, its neighbours, and
representatives of the classes (digits, letters, spaces, CJK, punctuation); two sets overlap if a sample character
is in both. That is exact for literals and ranges and errs towards refusing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

try:  # Python ≥ 3.11
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

MAX_PATTERN = 2000
UNBOUNDED = 100  # a part that can vary by more than this many characters counts as unbounded (as long as the text)
MAX_CHOICES = 10_000  # combinations of lengths of overlapping bounded parts in one sequence
REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
GROUPS = {C.SUBPATTERN, getattr(C, "ATOMIC_GROUP", C.SUBPATTERN)}
SAMPLE = "09aAzZ_ \t\n\r\u3000\u00a0\u2028中。，、；：（）《》—…%.,;:!?()-+/\\\"'#\x00\uffff٣１é"
CATEGORIES = {"DIGIT": r"\d", "NOT_DIGIT": r"\D", "SPACE": r"\s", "NOT_SPACE": r"\S", "WORD": r"\w",
              "NOT_WORD": r"\W", "LINEBREAK": r"\n", "NOT_LINEBREAK": r"\x00-\x09\x0b-\U0010ffff"}


class Unsafe(Exception):
    """Why a pattern is refused (Chinese, with what to write instead)."""


class Part(NamedTuple):
    """What a piece of a pattern can match: its length range (high None: unbounded), the sample characters it
    can consume and those it can begin with."""

    low: int
    high: int | None
    chars: frozenset[str]
    first: frozenset[str]

    @property
    def width(self) -> int | None:
        """How much its length can vary; None when unbounded."""
        if self.high is None or self.high - self.low > UNBOUNDED:
            return None
        return self.high - self.low


EMPTY = Part(0, 0, frozenset(), frozenset())


@lru_cache(maxsize=1024)
def unsafe_reason(pattern: str) -> str | None:
    """Why the pattern is unsafe, or None if it is fine. Assumes it compiles. Cached: packs that extend one
    another check the same patterns again."""
    if len(pattern) > MAX_PATTERN:
        return f"长度超过 {MAX_PATTERN} 个字符，请拆成几条较短的正则"
    parsed = P.parse(pattern)
    tree = _plain(parsed)
    sample, local_ignorecase = _sample(tree)
    ignore_case = local_ignorecase or bool(parsed.state.flags & re.IGNORECASE)
    try:
        _Analysis(sample, ignore_case).sequence(tree)
    except Unsafe as exc:
        return str(exc)
    return None


class _Analysis:
    def __init__(self, sample: frozenset[str], ignore_case: bool) -> None:
        self.sample = sample
        self.text = "".join(sample)
        self.ignore_case = ignore_case

    def sequence(self, items: list) -> Part:
        """A concatenation: its parts (groups spliced in), checked for overlapping variable parts (rule 4)."""
        if not self.ignore_case and all(op is C.LITERAL for op, _ in items):  # a word: nothing can overlap
            chars = frozenset(chr(arg) for _, arg in items)
            return Part(len(items), len(items), chars, frozenset(chr(items[0][1])) if items else frozenset())
        parts = [self.part(op, arg) for op, arg in _spliced(items)]
        _check_overlaps(parts)
        low = sum(p.low for p in parts)
        high = None if any(p.high is None for p in parts) else sum(p.high for p in parts)
        first: set[str] = set()
        for p in parts:
            first |= p.first
            if p.low:
                break
        return Part(low, high, frozenset().union(*(p.chars for p in parts)), frozenset(first))

    def part(self, op, arg) -> Part:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            chars = self.one_char(op, arg)
            return Part(1, 1, chars, chars)
        if op in REPEATS:
            return self.repeat(*arg)
        if op in GROUPS:
            return self.sequence(arg[-1] if op is C.SUBPATTERN else arg)
        if op is C.BRANCH:
            return self.branch([self.sequence(alt) for alt in arg[1]])
        if op is getattr(C, "GROUPREF_EXISTS", None):
            _, yes, no = arg
            return self.branch([self.sequence(yes), self.sequence(no) if no else EMPTY])
        if op in (C.ASSERT, C.ASSERT_NOT):
            self.sequence(arg[1])  # checked on its own; zero width where it stands
            return EMPTY
        if op is C.AT:
            return EMPTY
        everything = frozenset(self.sample)  # a back-reference (or anything new): any length, any text
        return Part(0, None, everything, everything)

    def repeat(self, low: int, high: int, body) -> Part:
        inner = self.sequence(body)
        if high > 1:
            if inner.low == 0:
                raise Unsafe("重复的组可以什么都不匹配（如 (a?)*、(a|)+），回溯次数随文本长度指数增长；"
                             "请让组内至少匹配一个字符，如把 (a?)* 写成 a*")
            if _has_range(body):
                raise Unsafe("重复的组里又有长度可变的重复（如 (a+)+、(a{1,30}){1,30}、(\\d+、)+），回溯次数随文本"
                             "长度指数增长；请合并成一个重复或字符类，如 (a+)+ 写成 a+，(\\d+、)+ 写成 [\\d、]+")
            if _overlapping_branches(self, body):
                raise Unsafe("重复的组里有开头字符相同的选项（如 (a|ab)*），同一段文字有多种切分，回溯次数随文本长度"
                             "指数增长；请把共同的开头提到前面，如 (a|ab)* 写成 (ab?)*，或写成字符类")
        unbounded = high == C.MAXREPEAT or inner.high is None
        return Part(low * inner.low, None if unbounded else high * inner.high, inner.chars, inner.first)

    def one_char(self, op, arg) -> frozenset[str]:
        """The sample characters a one-character item matches: by set operations for literals and lists of
        them (nearly every item), else by the item itself back as a pattern."""
        if not self.ignore_case:
            if op is C.LITERAL:
                return frozenset(chr(arg))
            if op is C.NOT_LITERAL:
                return self.sample - {chr(arg)}
            if op is C.IN and all(item_op in (C.LITERAL, C.NEGATE) for item_op, _ in arg):
                listed = {chr(item_arg) for item_op, item_arg in arg if item_op is C.LITERAL}
                return self.sample - listed if arg[0][0] is C.NEGATE else frozenset(listed)
        flags = re.IGNORECASE if self.ignore_case else 0
        return frozenset(re.findall(_one_char(op, arg), self.text, flags))

    def branch(self, alternatives: list[Part]) -> Part:
        low = min(p.low for p in alternatives)
        high = None if any(p.high is None for p in alternatives) else max(p.high for p in alternatives)
        return Part(low, high, frozenset().union(*(p.chars for p in alternatives)),
                    frozenset().union(*(p.first for p in alternatives)))


def _one_char(op, arg) -> str:
    """A one-character item back as a pattern, to find the sample characters it matches at C speed."""
    if op is C.LITERAL:
        return re.escape(chr(arg))
    if op is C.NOT_LITERAL:
        return f"[^{re.escape(chr(arg))}]"
    if op is C.ANY:
        return "(?s:.)"  # with or without DOTALL: erring towards overlap
    inside = []
    for item_op, item_arg in arg:
        if item_op is C.NEGATE:
            inside.append("^")
        elif item_op is C.LITERAL:
            inside.append(re.escape(chr(item_arg)))
        elif item_op is C.RANGE:
            inside.append(f"{re.escape(chr(item_arg[0]))}-{re.escape(chr(item_arg[1]))}")
        elif item_op is C.CATEGORY:
            inside.append(CATEGORIES.get(str(item_arg).removeprefix("CATEGORY_").removeprefix("UNI_")
                                         .removeprefix("LOC_"), r"\s\S"))
        else:
            return "(?s:.)"  # an item a later Python may add: assume it matches anything
    return f"[{''.join(inside)}]"


def _plain(items) -> list:
    """The parse tree with sre's SubPattern objects (slow to iterate: one Python call per item) as lists."""
    out = []
    for op, arg in getattr(items, "data", items):
        if op in REPEATS:
            arg = (arg[0], arg[1], _plain(arg[2]))
        elif op is C.SUBPATTERN:
            arg = (*arg[:3], _plain(arg[3]))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            arg = _plain(arg)
        elif op is C.BRANCH:
            arg = (arg[0], [_plain(alt) for alt in arg[1]])
        elif op in (C.ASSERT, C.ASSERT_NOT):
            arg = (arg[0], _plain(arg[1]))
        elif op is getattr(C, "GROUPREF_EXISTS", None):
            arg = (arg[0], _plain(arg[1]), _plain(arg[2]) if arg[2] else None)
        out.append((op, arg))
    return out


def _spliced(items) -> list:
    """The items of a concatenation with plain groups (not repeated, no alternatives of their own) spliced in:
    (ab)c* is a, b, c* for the overlap check."""
    out = []
    for op, arg in items:
        if op is C.SUBPATTERN:
            out.extend(_spliced(arg[-1]))
        else:
            out.append((op, arg))
    return out


def _check_overlaps(parts: list[Part]) -> None:
    """Rule 4: variable parts that can trade characters with one another, reached without a separator (a required
    part that the first cannot match) and able to begin with what the first gives back, form a group; refuse two
    unbounded parts in one, or too many combinations of lengths."""
    group = list(range(len(parts)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, x in enumerate(parts):
        if x.width == 0:
            continue
        reach = set(x.chars)  # what x, or a required part after it, can take from the text x gives back
        for j in range(i + 1, len(parts)):
            y = parts[j]
            if y.low >= 1 and not (y.first & reach):
                break  # x cannot run past y
            if y.width != 0 and y.first & reach:
                group[root(j)] = root(i)
            if y.low >= 1:
                reach |= y.chars
    members: dict[int, list[Part]] = {}
    for i, p in enumerate(parts):
        if p.width != 0:
            members.setdefault(root(i), []).append(p)
    for same in members.values():
        if len(same) < 2:
            continue
        if sum(p.width is None for p in same) >= 2:
            raise Unsafe("两处不限长度的重复可以匹配相同的文字（如 .*x.*y、\\d+\\d*），中间没有能把它们隔开的字符，"
                         "回溯次数随文本长度成倍增长；请给其中一处设上限（如 .{0,20}）或改用排除字符类（如 [^。]*）")
        choices = 1
        for p in same:
            choices *= (p.width or 0) + 1
        if choices > MAX_CHOICES:
            raise Unsafe(f"几处长度可变的部分可以匹配相同的文字，长度组合超过 {MAX_CHOICES} 种（如 "
                         "a{0,30}a{0,30}a{0,30}）；请合并成一处（如 a{0,90}）或缩小上限")


def _has_range(body) -> bool:
    """A quantifier whose count can vary (+, *, ?, {m,n}) anywhere inside, lookarounds included."""
    for op, arg in body:
        if op in REPEATS:
            if arg[0] != arg[1] or _has_range(arg[2]):
                return True
        elif any(_has_range(sub) for sub in _children(op, arg)):
            return True
    return False


def _overlapping_branches(analysis: _Analysis, body) -> bool:
    """Alternatives anywhere inside that can begin with the same character, or be empty."""
    for op, arg in body:
        if op is C.BRANCH:
            alternatives = [analysis.sequence(alt) for alt in arg[1]]
            if any(p.low == 0 for p in alternatives):
                return True
            seen: set[str] = set()
            for p in alternatives:
                if seen & p.first:
                    return True
                seen |= p.first
        if any(_overlapping_branches(analysis, sub) for sub in _children(op, arg)):
            return True
    return False


def _children(op, arg) -> list:
    """The sub-patterns an item contains."""
    if op in REPEATS:
        return [arg[2]]
    if op is C.SUBPATTERN:
        return [arg[-1]]
    if op is getattr(C, "ATOMIC_GROUP", None):
        return [arg]
    if op is C.BRANCH:
        return arg[1]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [arg[1]]
    if op is getattr(C, "GROUPREF_EXISTS", None):
        return [arg[1]] + ([arg[2]] if arg[2] else [])
    return []


def _sample(parsed) -> tuple[frozenset[str], bool]:
    """The characters to compare sets on: the pattern's own (with their neighbours, so that a gap between two
    excluded characters is sampled too) and SAMPLE; and whether a (?i:...) group is inside, in which case sets are
    compared without case everywhere (erring towards overlap)."""
    codes: set[int] = set()
    local_ignorecase = False

    def walk(items) -> None:
        nonlocal local_ignorecase
        for op, arg in items:
            if op in (C.LITERAL, C.NOT_LITERAL):
                codes.add(arg)
            elif op is C.IN:
                for item_op, item_arg in arg:
                    if item_op is C.LITERAL:
                        codes.add(item_arg)
                    elif item_op is C.RANGE:
                        codes.update(item_arg)
            elif op is C.SUBPATTERN and arg[1] & C.SRE_FLAG_IGNORECASE:
                local_ignorecase = True
            for sub in _children(op, arg):
                walk(sub)

    walk(parsed)
    near = {c + d for c in codes for d in (-1, 0, 1) if 0 <= c + d <= 0x10FFFF}
    return frozenset(SAMPLE).union(chr(c) for c in near if not 0xD800 <= c <= 0xDFFF), local_ignorecase
