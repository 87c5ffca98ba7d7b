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
_cache: dict[int, tuple[Pack, dict[str, frozenset[str]]]] = {}  # a Pack holds dicts, so it cannot be a hash key


def topic_words(pack: Pack) -> dict[str, frozenset[str]]:
    """word → the topical elements it belongs to, for the words that tell topics apart."""
    cached = _cache.get(id(pack))
    if cached is not None and cached[0] is pack:
        return cached[1]
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
    _cache[id(pack)] = (pack, kept)
    return kept


def topics_of(text: str, pack: Pack) -> frozenset[str]:
    """The elements whose topic words occur in text."""
    found: set[str] = set()
    for word, ids in topic_words(pack).items():
        if word in text:
            found |= ids
    return frozenset(found)
