"""jieba's word dictionary, loaded by first character and only for the characters a document needs.

jieba's own loader unmarshals all 580,000 words and prefixes at once (about half a second, most of a cold start).
Here the same entries are grouped by their first character into one string per character, cached on disk
(``$CHECKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/checker`` or ``~/.cache/checker``); a character's group is parsed
the first time a sentence contains it. The cache is rebuilt whenever jieba's dictionary file changes.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import tempfile
from pathlib import Path

from checker.atomic import write_atomic

CACHE_FORMAT = 2
SEP = "\x00"


class Dictionary:
    """Word → frequency, where every prefix of a word is present with frequency 0 (as jieba keeps them)."""

    def __init__(self, groups: dict[str, str], total: int) -> None:
        self.total = total
        self._groups = groups
        self._parsed: dict[str, dict[str, int]] = {}

    def starting_with(self, char: str) -> dict[str, int]:
        """The entries whose first character is char (an empty dict if none), with the words' prefixes."""
        entries = self._parsed.get(char)
        if entries is None:
            blob = self._groups.get(char)
            entries = {}
            if blob:
                fields = blob.split(SEP)
                words = fields[::2]
                entries = dict(zip(words, map(int, fields[1::2])))  # a word listed twice keeps its last frequency
                for word in words:
                    for end in range(1, len(word)):
                        entries.setdefault(word[:end], 0)
            self._parsed[char] = entries
        return entries

    def add(self, word: str, freq: int) -> None:
        """Add or re-weight a word the way jieba's add_word does (the total grows by freq each time)."""
        entries = self.starting_with(word[0])
        entries[word] = freq
        self.total += freq
        for end in range(1, len(word)):
            entries.setdefault(word[:end], 0)

    def get(self, word: str) -> int:
        return self.starting_with(word[0]).get(word, 0) if word else 0


def jieba_dictionary_file() -> Path:
    """jieba's dict.txt, found without importing jieba (whose import alone costs ~0.1 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed: pip install jieba")
    return Path(spec.origin).parent / "dict.txt"


def group_lines(lines: list[str]) -> tuple[dict[str, str], int]:
    """Lines of ``word freq [tag]`` → one string of words and frequencies per first character, in file order, and
    the total frequency. Prefixes are not stored: a group adds them when it is parsed (a tenth of the work)."""
    grouped: dict[str, list[str]] = {}
    total = 0
    for line in lines:
        parts = line.strip().split(" ")
        if len(parts) < 2 or not parts[0]:
            continue
        total += int(parts[1])
        grouped.setdefault(parts[0][0], []).extend(parts[:2])
    return {char: SEP.join(fields) for char, fields in grouped.items()}, total


def cache_dirs() -> list[Path]:
    """Where the cache may live, in order: $CHECKER_CACHE_DIR alone if set, else the user's cache folder, then a
    per-user folder in the system's temporary directory (for accounts without a writable home)."""
    explicit = os.environ.get("CHECKER_CACHE_DIR")
    if explicit:
        return [Path(explicit)]
    user = getattr(os, "getuid", lambda: "user")()
    fallback = Path(tempfile.gettempdir()) / f"checker-{user}"
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except RuntimeError:  # no home directory known for this account
        return [fallback]
    return [Path(base) / "checker", fallback]


def load(source: Path | None = None) -> Dictionary:
    """The dictionary from the cache if it matches source, else built from source and cached (best effort)."""
    source = source or jieba_dictionary_file()
    stat = source.stat()
    key = (CACHE_FORMAT, str(source), stat.st_size, stat.st_mtime_ns)
    name = f"words-{CACHE_FORMAT}.marshal"
    for directory in cache_dirs():
        try:
            cached = marshal.loads((directory / name).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            continue
        if isinstance(cached, tuple) and len(cached) == 3 and cached[0] == key:
            return Dictionary(cached[2], cached[1])
    groups, total = group_lines(source.read_text(encoding="utf-8").splitlines())
    payload = marshal.dumps((key, total, groups))
    for directory in cache_dirs():
        try:
            directory.mkdir(parents=True, exist_ok=True)
            write_atomic(str(directory / name), payload)
            break
        except OSError:
            continue
    return Dictionary(groups, total)
