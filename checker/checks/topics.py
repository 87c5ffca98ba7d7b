"""What a piece of text is about, in the pack's own terms: the elements whose distinctive words it uses.

A word names a topic when it is at least two characters long and belongs to the vocabulary of at most two topical
elements (行政复议 and 调解 do; 受理, 件 and 开展 are in too many to tell topics apart). Elements about the report's
shape (title, problems, plan, figures, sign-off) have no topic words.
"""

from __future__ import annotations

from collections import defaultdict

from checker.packs.model import Pack

SHAPE_ELEMENTS = frozenset({"report-title", "measures-and-results", "problems", "problem-causes", "next-year-plan",
                            "quantitative-evidence", "signoff"})
MAX_ELEMENTS_PER_WORD = 2
# a Pack holds dicts, so it cannot be a hash key: id(pack) → (pack, word → elements, first two characters → words)
_cache: dict[int, tuple[Pack, dict[str, frozenset[str]], dict[str, tuple[str, ...]]]] = {}


def topic_words(pack: Pack) -> dict[str, frozenset[str]]:
    """word → the topical elements it belongs to, for the words that tell topics apart."""
    return _tables(pack)[0]


def topics_of(text: str, pack: Pack) -> frozenset[str]:
    """The elements whose topic words occur in text. Only the words that start with a pair of characters the text
    has are looked for (a sentence holds a few of the pack's hundreds of words)."""
    words, by_start = _tables(pack)
    found: set[str] = set()
    for start in {text[i:i + 2] for i in range(len(text) - 1)} & by_start.keys():
        for word in by_start[start]:
            if word in text:
                found |= words[word]
    return frozenset(found)


def _tables(pack: Pack) -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    cached = _cache.get(id(pack))
    if cached is not None and cached[0] is pack:
        return cached[1], cached[2]
    if len(_cache) >= 16:
        _cache.clear()
    owners: dict[str, set[str]] = defaultdict(set)
    for element in pack.elements:
        if element.id in SHAPE_ELEMENTS:
            continue
        words = element.match.words() | (element.weak_if.words() if element.weak_if else frozenset())
        for word in words:
            if len(word) >= 2 and not word.isascii():
                owners[word].add(element.id)
    kept = {w: frozenset(ids) for w, ids in owners.items() if len(ids) <= MAX_ELEMENTS_PER_WORD}
    by_start: dict[str, list[str]] = defaultdict(list)
    for word in kept:
        by_start[word[:2]].append(word)
    starts = {start: tuple(words) for start, words in by_start.items()}
    _cache[id(pack)] = (pack, kept, starts)
    return kept, starts
