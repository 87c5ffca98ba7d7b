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
def crossing_words(sentence: str) -> dict[int, tuple[str, int]]:
    """For each offset that falls inside a word of jieba's segmentation: that word and where it ends."""
    inside: dict[int, tuple[str, int]] = {}
    pos = 0
    for token in _tokenizer().cut(sentence, HMM=False):
        for offset in range(pos + 1, pos + len(token)):
            inside[offset] = (token, pos + len(token))
        pos += len(token)
    return inside


def aligned(sentence: str, start: int, end: int) -> bool:
    """A hit is a word, not a substring trap (协调解决 is not 调解, 监督管理局 is not 监督).

    It may start a longer word (调解员, 行政复议法) or end one as its head (人民调解, 审计监督), and a domain word
    of the pack that overlaps it (执法全过程 / 全过程记录) is no trap; it may not straddle two words or sit
    inside one.
    """
    covering = crossing_words(sentence).get(start)
    if covering is None:
        return True
    word, word_end = covering
    return word_end == end or word in _added
