"""Reject regular expressions that can backtrack catastrophically before they ever run on a document.

A pattern is refused when a repeated group contains another unbounded repetition ((a+)+, (.*x)*), or repeats
alternatives that can match the same text ((a|ab)*). Simple and conservative: pack authors never need either.
"""

from __future__ import annotations

try:  # Python ≥ 3.11
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
MAX_PATTERN = 2000


def unsafe_reason(pattern: str) -> str | None:
    """Why the pattern is unsafe, or None if it is fine. Assumes it compiles."""
    if len(pattern) > MAX_PATTERN:
        return f"长于 {MAX_PATTERN} 个字符"
    return _scan(P.parse(pattern), inside_unbounded=False)


def _scan(items, inside_unbounded: bool) -> str | None:
    for op, arg in items:
        if op in REPEATS:
            low, high, sub = arg
            unbounded = high == C.MAXREPEAT or high > 100
            if unbounded and inside_unbounded:
                return "无上限的重复嵌套在重复之中"
            if unbounded and _overlapping_branches(sub):
                return "重复的分支彼此重叠"
            reason = _scan(sub, inside_unbounded or unbounded)
            if reason:
                return reason
        elif op is C.SUBPATTERN:
            reason = _scan(arg[-1], inside_unbounded)
            if reason:
                return reason
        elif op is C.BRANCH:
            for branch in arg[1]:
                reason = _scan(branch, inside_unbounded)
                if reason:
                    return reason
        elif op in (C.ASSERT, C.ASSERT_NOT):
            reason = _scan(arg[1], inside_unbounded)
            if reason:
                return reason
    return None


def _overlapping_branches(items) -> bool:
    """A repeated group with alternatives that share a first literal ((a|ab)*) or can be empty ((a|)*)."""
    for op, arg in items:
        if op is C.SUBPATTERN and _overlapping_branches(arg[-1]):
            return True
        if op is C.BRANCH:
            firsts = []
            for branch in arg[1]:
                if not branch:
                    return True
                first = branch[0]
                firsts.append(first[1] if first[0] is C.LITERAL else None)
            known = [f for f in firsts if f is not None]
            if len(known) != len(set(known)):
                return True
    return False
