"""The one place that imports jieba: word boundaries for term matching, loaded on first use only.

The pack's own terms are added to jieba's dictionary, so that a domain word is cut out whole where jieba's general
dictionary would cut across it (尊/法学/法 → 尊法/学法/…); a word that is really part of another (协调解决) still is.
"""

from __future__ import annotations

import logging
from functools import lru_cache

DOMAIN_FREQ = 3000
_added: set[str] = set()


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def learn(words: frozenset[str]) -> None:
    """Teach jieba the pack's terms (once per word); cached segmentations are dropped if anything changed."""
    new = [w for w in words if w not in _added and len(w) >= 2]
    if not new:
        return
    tokenizer = _tokenizer()
    for word in new:
        tokenizer.add_word(word, freq=max(tokenizer.FREQ.get(word) or 0, DOMAIN_FREQ))
        _added.add(word)
    crossing_words.cache_clear()


@lru_cache(maxsize=8192)
def crossing_words(sentence: str) -> dict[int, str]:
    """For each offset that falls inside a word of jieba's segmentation, the word it falls inside."""
    inside: dict[int, str] = {}
    pos = 0
    for token in _tokenizer().cut(sentence, HMM=False):
        for offset in range(pos + 1, pos + len(token)):
            inside[offset] = token
        pos += len(token)
    return inside


def aligned(sentence: str, start: int) -> bool:
    """A hit is a word, not a substring trap: it does not start inside another word (协调解决 is not 调解).

    It may run on into a longer word (调解员, 行政复议法), and a domain word of the pack that overlaps it
    (执法全过程 / 全过程记录) is no trap.
    """
    word = crossing_words(sentence).get(start)
    return word is None or word in _added
