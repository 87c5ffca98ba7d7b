"""A regular expression with the characters its matches can start with named in a lookahead in front of it.

Python's engine skips ahead fast only for a pattern that starts with a literal or a plain character class. A rule
pack's pattern rarely does (the future marker starts with a lookbehind and a choice of twenty words, the concrete
sentence with a choice of groups), so the engine tries the whole pattern at every position of every sentence.
`(?=[下明今…])(?:pattern)` finds exactly the same matches, since every match starts with one of those characters;
the engine turns the other positions away at the lookahead, twice as quick on the future marker. A pattern whose
first characters the engine finds itself (it starts with a word, a class, or a choice of words) is left alone.

The characters are read from the parsed pattern. Where they cannot be told (the pattern can match empty text,
or starts with any character, a negated class, a backreference or a part that ignores case), the pattern is
returned as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:
    from re import _constants as c
    from re import _parser
except ImportError:  # Python 3.10
    import sre_constants as c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# Flags under which a class of first characters means what it means in the pattern (no IGNORECASE; no VERBOSE,
# whose comment could swallow the closing parenthesis put after the pattern).
PLAIN_FLAGS = re.UNICODE | re.MULTILINE | re.DOTALL
# Classes that leave most positions out (\w, \D, \S and a range of Chinese would let nearly all of them through:
# a lookahead with them only adds a test).
CATEGORIES = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s"}
MAX_RANGE = 256
ZERO_WIDTH = (c.ASSERT, c.ASSERT_NOT, c.AT)
REPEATS = tuple(getattr(c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(c, name))
ATOMIC = getattr(c, "ATOMIC_GROUP", None)
MAX_CLASS_ITEMS = 200  # a longer class is no quicker to test than the pattern itself

First = tuple[list[str] | None, bool]  # class items (None: cannot be told) and whether it can match empty text


@lru_cache(maxsize=256)
def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with a lookahead for its first characters, or the pattern itself where they cannot be told."""
    if pattern.flags & ~PLAIN_FLAGS or not isinstance(pattern.pattern, str):
        return pattern
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if _engine_skips(parsed):
            return pattern
        items, empty = _sequence(parsed)
        if items is None or empty or not items or len(items) > MAX_CLASS_ITEMS:
            return pattern
        return re.compile(f"(?=[{''.join(dict.fromkeys(items))}])(?:{pattern.pattern})", pattern.flags)
    except (re.error, RecursionError, TypeError, ValueError):  # global flags inside, or a parse we do not know
        return pattern


def _engine_skips(parsed) -> bool:
    """Whether the engine finds a set of first characters itself (re's _get_charset_prefix and literal prefix): a
    pattern that starts, inside plain groups, with a character, a class, or a choice of words that each start with a
    character. A lookahead in front of those only adds a test."""
    while parsed and parsed[0][0] is c.SUBPATTERN and not parsed[0][1][1] and not parsed[0][1][2]:
        parsed = parsed[0][1][3]
    if not parsed:
        return False
    op, av = parsed[0]
    if op is c.BRANCH:
        return all(alternative and alternative[0][0] is c.LITERAL for alternative in av[1])
    return op is c.LITERAL or op is c.IN


def _sequence(items) -> First:
    """First characters of items one after another: each item's, up to the first that cannot match empty text."""
    out: list[str] = []
    for op, av in items:
        first, empty = _item(op, av)
        if first is None:
            return None, False
        out += first
        if not empty:
            return out, False
    return out, True


def _item(op, av) -> First:
    if op is c.LITERAL:
        return [_char(av)], False
    if op is c.IN:
        return _class(av), False
    if op is c.BRANCH:
        out: list[str] = []
        empty = False
        for alternative in av[1]:
            first, can_be_empty = _sequence(alternative)
            if first is None:
                return None, False
            out += first
            empty = empty or can_be_empty
        return out, empty
    if op is c.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return _sequence(sub) if not add_flags and not del_flags else (None, False)
    if ATOMIC is not None and op is ATOMIC:
        return _sequence(av)
    if op in REPEATS:
        low, _, sub = av
        first, empty = _sequence(sub)
        return first, empty or low == 0
    if op in ZERO_WIDTH:  # consumes nothing: the next item starts the match
        return [], True
    return None, False  # any character, a negated literal, a backreference, a conditional


def _class(items) -> list[str] | None:
    out = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(_char(av))
        elif op is c.RANGE and av[1] - av[0] < MAX_RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is c.CATEGORY and av in CATEGORIES:
            out.append(CATEGORIES[av])
        else:  # a negated class, a wide range, or a category that would let nearly everything through
            return None
    return out


def _char(code: int) -> str:
    return f"\\U{code:08x}"
