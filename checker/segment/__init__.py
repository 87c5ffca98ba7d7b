"""Word boundaries for term matching: jieba's dictionary and jieba's segmentation without the HMM.

The cut is jieba's precise mode (``jieba.cut(text, HMM=False)``): a graph of every dictionary word in a run of
Chinese, the route of greatest probability through it, single letters and digits joined into one token, and every
other character alone. Runs are cut independently, so a hit's word boundaries come from the run around it alone.
It runs over checker.segment.dictionary, which loads only the characters a run contains, so a cold start does not pay for
jieba's whole dictionary; tests prove the tokens equal jieba's own.

The pack's own terms are added to the dictionary, so that a domain word is cut out whole where the general
dictionary would cut across it (尊/法学/法 → 尊法/学法/…); a word that is really part of another (协调解决) still is.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from math import log

from checker.segment import dictionary

DOMAIN_FREQ = 3000
_added: set[str] = set()
_taught: set[frozenset[str]] = set()

# jieba's split of a text into runs it segments (Chinese, letters, digits and + # & . _ % -) and the rest.
RUN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+)")
SPACE = re.compile("(\r\n|\\s)")
ALNUM = re.compile("[a-zA-Z0-9]")


@lru_cache(maxsize=1)
def _words() -> dictionary.Dictionary:
    return dictionary.load()


def learn(words: frozenset[str]) -> None:
    """Teach the segmenter the pack's terms (once per word); cached segmentations are dropped if anything changed."""
    if words in _taught:
        return
    _taught.add(words)
    new = [w for w in sorted(words) if w not in _added and len(w) >= 2]
    if not new:
        return
    words_ = _words()
    for word in new:
        words_.add(word, max(words_.get(word), DOMAIN_FREQ))
        _added.add(word)
    token_starts.cache_clear()


def _cut_run(run: str) -> list[str]:
    """One run of Chinese, letters and digits: the most probable route through its dictionary words."""
    words_ = _words()
    lookup = words_.lookup
    n = len(run)
    ends: list[list[tuple[int, int]]] = []
    for start in range(n):
        found = []
        stop = start + 1
        while stop <= n:
            freq = lookup[run[start:stop]]
            if freq is None:
                break
            if freq:
                found.append((stop, freq))
            stop += 1
        ends.append(found or [(start + 1, 0)])
    log_total = log(words_.total)
    best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for start in range(n - 1, -1, -1):
        best[start] = max((log(freq or 1) - log_total + best[stop][0], stop - 1) for stop, freq in ends[start])
    tokens: list[str] = []
    letters = ""
    start = 0
    while start < n:
        stop = best[start][1] + 1
        token = run[start:stop]
        if len(token) == 1 and ALNUM.match(token):
            letters += token
        else:
            if letters:
                tokens.append(letters)
                letters = ""
            tokens.append(token)
        start = stop
    if letters:
        tokens.append(letters)
    return tokens


def cut(text: str) -> list[str]:
    """jieba's tokens for a whole text, HMM off: the runs cut one by one and every other character alone. Matching
    needs only the run around a hit (aligned); this whole-text form is what tests hold equal to jieba.cut."""
    tokens: list[str] = []
    for block in RUN.split(text):
        if not block:
            continue
        if RUN.match(block):
            tokens.extend(_cut_run(block))
            continue
        for piece in SPACE.split(block):
            if SPACE.match(piece):
                tokens.append(piece)
            else:
                tokens.extend(piece)
    return tokens


@lru_cache(maxsize=8192)
def token_starts(run: str) -> array:
    """Where each token of the run's segmentation starts, then len(run): 4 bytes a token, so that the cache of
    recent runs stays small whatever their length."""
    starts = array("I", [0])
    for token in _cut_run(run):
        starts.append(starts[-1] + len(token))
    return starts


def runs(text: str) -> Iterator[re.Match[str]]:
    """The runs that jieba segments in text (their spans); every other character is a token of its own."""
    return RUN.finditer(text)


def aligned(run: str, start: int, end: int) -> bool:
    """A hit at run[start:end] (end may lie past the run) is a word, not a substring trap (协调解决 is not
    调解, 监督管理局 is not 监督).

    It may start a longer word (调解员, 行政复议法) or end one as its head (人民调解, 审计监督), and a domain word
    of the pack that overlaps it (执法全过程 / 全过程记录) is no trap; it may not straddle two words or sit
    inside one. Runs are cut independently of each other, so the run around the hit decides.
    """
    starts = token_starts(run)
    i = bisect_right(starts, start) - 1
    if starts[i] == start or i + 1 >= len(starts):
        return True
    word_end = starts[i + 1]
    return word_end == end or run[starts[i]:word_end] in _added
