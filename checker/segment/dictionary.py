"""jieba's word dictionary, read only where a document needs it.

jieba's own loader unmarshals all 580,000 words and prefixes at once (about half a second, most of a cold start).
Here the words are cached (checker.caches) grouped by first character, each group sorted, behind a small index, in
a file named after the dictionary it was built from, so that two installs never rebuild each other's: a cold start
reads the index and decodes only the groups of the characters its hits need, and a word or a prefix of one is found
there by bisection, then remembered. The cache is rebuilt whenever jieba's dictionary file changes.
"""

from __future__ import annotations

import marshal
import re
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, count
from operator import itemgetter, ne
from pathlib import Path
from zlib import crc32

from checker import caches, prebuilt

CACHE_FORMAT = 4  # 4: the header holds a CRC of the body
SEP = "\x00"
ENTRY = re.compile(r"^[ \t]*(\S+) (\d+)", re.M)  # a line of dict.txt: word, frequency, optional tag
HEADER_SIZE = 4  # bytes that give the length of the marshalled header
SPLIT_AFTER = 24  # fragments a group is searched for as text before it is split into sorted lists


class _Lookups(dict):
    """fragment → Dictionary.find(fragment), found on first sight (``__missing__``), then a plain dict hit."""

    def __init__(self, dictionary: Dictionary) -> None:
        super().__init__()
        self.dictionary = dictionary

    def __missing__(self, fragment: str) -> int | None:
        found = self[fragment] = self.dictionary.find(fragment)
        return found


class Dictionary:
    """Word → frequency, where every prefix of a word counts as present with frequency 0 (as jieba keeps them).

    chars lists the first characters in code point order; the group of chars[i] is body[bounds[i]:bounds[i + 1]].
    A group is decoded when first asked about and split into sorted lists only once it has been searched often
    (find); words added before that wait in `_pending`.
    """

    def __init__(self, chars: str, bounds: Sequence[int], body: bytes | memoryview, total: int) -> None:
        self.total = total
        self._chars = chars
        self._bounds = bounds
        self._body = body
        self._texts: dict[str, str] = {}
        self._groups: dict[str, tuple[list[str], list[str]]] = {}
        self._pending: dict[str, dict[str, int]] = {}
        self._searches: dict[str, int] = {}
        self.lookup = _Lookups(self)  # lookup[fragment]: see _Lookups

    def _text(self, char: str) -> str:
        """The group of char as NUL-separated fields, with a NUL at each end ("" if there is none)."""
        text = self._texts.get(char)
        if text is None:
            i = self._chars.find(char)
            text = SEP + str(self._body[self._bounds[i]:self._bounds[i + 1]], "utf-8") + SEP if i >= 0 else ""
            self._texts[char] = text
        return text

    def group(self, char: str) -> tuple[list[str], list[str]]:
        """The words that start with char, sorted, and their frequencies (as text), with the words added so far."""
        group = self._groups.get(char)
        if group is None:
            fields = self._text(char)[1:-1].split(SEP) if self._text(char) else []
            entries = sorted(dict(zip(fields[::2], fields[1::2])).items())  # a word listed twice keeps its last
            group = self._groups[char] = ([w for w, _ in entries], [f for _, f in entries])
            for word, freq in self._pending.pop(char, {}).items():
                self._insert(group, word, freq)
        return group

    def find(self, fragment: str) -> int | None:
        """The frequency of the word, 0 if it is only a prefix of words, None if it is neither. A group is searched
        as text for its first SPLIT_AFTER fragments (a cold start asks a few of most groups), then split into
        sorted lists and bisected (a batch asks thousands)."""
        char = fragment[0]
        group = self._groups.get(char)
        if group is None:
            searches = self._searches.get(char, 0)
            if searches < SPLIT_AFTER and not char.isdigit():
                self._searches[char] = searches + 1
                return self._search(fragment)
            group = self.group(char)
        words, freqs = group
        i = bisect_left(words, fragment)
        if i < len(words):
            if words[i] == fragment:
                return int(freqs[i])
            if words[i].startswith(fragment):
                return 0
        return None

    def _search(self, fragment: str) -> int | None:
        """find() in the group's text and the words added to it: a field that is the fragment exactly is a word (a
        frequency is digits, and groups of digits are never searched), a field that starts with it a longer one."""
        pending = self._pending.get(fragment[0], {})
        if fragment in pending:
            return pending[fragment]
        text = self._text(fragment[0])
        at = text.rfind(SEP + fragment + SEP)  # the last, if the file lists a word twice
        if at >= 0:
            start = at + len(fragment) + 2
            return int(text[start:text.index(SEP, start)])
        if SEP + fragment in text or any(word.startswith(fragment) for word in pending):
            return 0
        return None

    def get(self, word: str) -> int:
        """The word's frequency, 0 if it is not a word."""
        return (self.lookup[word] or 0) if word else 0

    def add(self, word: str, freq: int) -> None:
        """Add or re-weight a word the way jieba's add_word does (the total grows by freq each time)."""
        if word[0] in self._groups:
            self._insert(self._groups[word[0]], word, freq)
        else:
            self._pending.setdefault(word[0], {})[word] = freq
        self.total += freq
        for end in range(1, len(word) + 1):  # the word and its prefixes may have been looked up before
            self.lookup.pop(word[:end], None)

    @staticmethod
    def _insert(group: tuple[list[str], list[str]], word: str, freq: int) -> None:
        words, freqs = group
        i = bisect_left(words, word)
        if i < len(words) and words[i] == word:
            freqs[i] = str(freq)
        else:
            words.insert(i, word)
            freqs.insert(i, str(freq))


def jieba_dictionary_file() -> Path:
    """jieba's dict.txt, found without importing jieba (whose import alone costs ~0.1 s)."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed: pip install jieba")
    return Path(spec.origin).parent / "dict.txt"


def build(text: str) -> tuple[str, array, bytes, int]:
    """dict.txt → (chars, bounds, body, total): body holds one group per first character, its words in file order,
    each followed by its frequency, joined by NUL; chars (sorted) and bounds say where each group lies (see
    Dictionary); total is the sum of all frequencies. jieba's file is nearly sorted, so a group is one run of lines
    or a few joined; the work is done by splits, maps and joins, not by a Python step per line (the first run after
    installing builds it)."""
    words, freqs = _fields(text)
    total = sum(map(int, freqs))
    fields = [""] * (2 * len(words))
    fields[0::2], fields[1::2] = words, freqs
    firsts = list(map(itemgetter(0), words))
    starts = [0, *compress(count(1), map(ne, firsts, firsts[1:])), len(words)] if words else [0]  # new first char
    runs: dict[str, list[str]] = {}
    for start, end in zip(starts, starts[1:]):
        runs.setdefault(firsts[start], []).append(SEP.join(fields[2 * start:2 * end]))
    chars, bounds, parts = sorted(runs), array("I", [0]), []
    for char in chars:
        blob = SEP.join(runs[char]).encode("utf-8")
        parts.append(blob)
        bounds.append(bounds[-1] + len(blob))
    return "".join(chars), bounds, b"".join(parts), total


def _fields(text: str) -> tuple[list[str], list[str]]:
    """The words and frequencies of dict.txt's lines: by one split when every line is `word freq tag` (jieba's
    own file), else line by line with a regex."""
    tokens = text.split()
    words, freqs, tags = tokens[0::3], tokens[1::3], tokens[2::3]
    lines = text.count("\n") + (not text.endswith("\n"))
    tag_text = "".join(tags)
    if len(tokens) == 3 * lines and "".join(freqs).isdigit() and tag_text.isalpha() and tag_text.isascii():
        return words, freqs
    found = ENTRY.findall(text)
    return list(map(itemgetter(0), found)), list(map(itemgetter(1), found))


def cache_name(source: Path) -> str:
    """One file per dictionary file: installs with their own jieba each keep their cache (the key inside the file
    names the path in full; the hash only keeps the files apart)."""
    return f"words-{CACHE_FORMAT}-{crc32(str(source).encode('utf-8')):08x}.bin"


def load(source: Path | None = None) -> Dictionary:
    """The dictionary from the user's cache if it matches source, else from the one shipped with the wheel if that
    was built from a file with source's content (then copied into the user's cache), else built from source and
    cached (best effort)."""
    source = source or jieba_dictionary_file()
    key = cache_key(source)
    name = cache_name(source)
    for _, data in caches.read(name):
        found = from_cache(data, key)
        if found is not None:
            return found
    shipped = prebuilt.read(prebuilt.DICTIONARY)
    if shipped is not None:
        found = from_cache(shipped, content_key(source))
        if found is not None:
            _store(name, key, found)
            return found
    found = Dictionary(*build(source.read_text(encoding="utf-8")))
    _store(name, key, found)
    return found


def shippable(source: Path | None = None) -> list[bytes]:
    """The cache file shipped with the wheel (checker.prebuilt): keyed by the content of source, not its path."""
    source = source or jieba_dictionary_file()
    return _cache_file(content_key(source), Dictionary(*build(source.read_text(encoding="utf-8"))))


def _store(name: str, key: tuple, found: Dictionary) -> None:
    caches.write(name, _cache_file(key, found))


def _cache_file(key: tuple, found: Dictionary) -> list[bytes]:
    body = bytes(found._body)
    header = marshal.dumps((key, found.total, found._chars, array("I", found._bounds).tobytes(), crc32(body)))
    return [len(header).to_bytes(HEADER_SIZE, "little"), header, body]


def cache_key(source: Path) -> tuple:
    """What a cache must have been built from: this format, this file, this size and modification time."""
    stat = source.stat()
    return CACHE_FORMAT, str(source), stat.st_size, stat.st_mtime_ns


def content_key(source: Path) -> tuple:
    """What the shipped cache must have been built from: this format and a file of this size and content."""
    data = source.read_bytes()
    return CACHE_FORMAT, "content", len(data), crc32(data)


def from_cache(data: bytes, key: tuple) -> Dictionary | None:
    """The dictionary in a cache file's bytes if they are whole (the body's CRC agrees: a damaged word would change
    segmentation, and so verdicts) and were built from the same source, else None."""
    try:
        size = int.from_bytes(data[:HEADER_SIZE], "little")
        cached_key, total, chars, packed, body_crc = marshal.loads(data[HEADER_SIZE:HEADER_SIZE + size])
        bounds = array("I")
        bounds.frombytes(packed)
    except (ValueError, EOFError, TypeError):
        return None
    body = memoryview(data)[HEADER_SIZE + size:]
    if cached_key != key or not isinstance(chars, str) or len(bounds) != len(chars) + 1 or bounds[-1] != len(body) \
            or crc32(body) != body_crc:
        return None
    return Dictionary(chars, bounds, body, total)
