"""Compiled regular expressions kept between runs of the command line.

Python compiles a regular expression in Python (re's parser and code generator), and checker's few hundred
patterns (the rule packs' terms and guards, the structure and check regexes, click's own) cost about a sixth of a
cold start. The compiled programs are kept in the cache folder (checker.caches) and put into re's own cache before
anything is compiled, so that re.compile finds them; at exit, the programs of patterns compiled for the first time
are added. A program is exactly what re would make: it is made by re's own parser and code generator, and used
only by the same Python (the entry is keyed by its version and the regular expression engine's magic number), only
while the file's CRC agrees, and only from a folder private to this user, or else from the caches shipped with the
wheel (checker.prebuilt). Where anything is missing or different, nothing is preloaded and re compiles as it always
does.
"""

from __future__ import annotations

import marshal
import re
import sys
from collections.abc import Iterator
from zlib import crc32

from checker import caches, prebuilt

_loaded: dict[tuple, tuple] = {}  # re's cache key → the saved entry it was preloaded from
ROOM = 64  # of re's cache: left for what a run compiles that is not worth keeping
CAPACITY = 2048  # re's cache holds 512 patterns; a run of checker uses more, and each one evicted is compiled again


def _internals():
    """re's cache (made large enough to hold every pattern of a run), its limit, parser and code generator, and
    the engine (Python 3.10 has them as sre_parse, sre_compile)."""
    import _sre

    re._MAXCACHE = max(re._MAXCACHE, CAPACITY)  # read by re on every compile

    try:
        from re import _compiler, _parser
    except ImportError:  # Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
    return re._cache, re._MAXCACHE, _parser, _compiler, _sre


def cache_name() -> str:
    import _sre

    return f"regex-{crc32(f'{sys.version} {_sre.MAGIC}'.encode()):08x}.marshal"


def preload() -> None:
    """Put the programs saved by earlier runs into re's cache (never fails): the first saved file that is whole
    and was made by this Python."""
    try:
        cache, limit, _, _, sre = _internals()
        for data in _saved(cache_name()):
            entries = _entries(data)
            if entries is None:
                continue
            for entry in entries[: limit - ROOM]:
                pattern, flags, final_flags, code, groups, groupindex, indexgroup = entry
                key = (str, pattern, flags)
                if key not in cache:
                    cache[key] = sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
                _loaded[key] = entry
            return
    except Exception:  # noqa: BLE001 - a cache never stops a run: anything wrong means compiling as usual
        _loaded.clear()


def _entries(data: bytes) -> list | None:
    """The saved entries, if the file was made by this Python and its CRC agrees (a changed byte in a program
    would match other text, and so change verdicts); else None."""
    try:
        version, crc, payload = marshal.loads(data)
        if version != sys.version or not isinstance(payload, bytes) or crc32(payload) != crc:
            return None
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def _saved(name: str) -> Iterator[bytes]:
    """The user's cache files of this name, then the one shipped with the wheel (read only if reached)."""
    for _, data in caches.read(name):
        yield data
    shipped = prebuilt.read(name)
    if shipped is not None:
        yield shipped


def save() -> None:
    """If this run compiled patterns that were not preloaded, keep the programs of what it used (never fails)."""
    try:
        cache, limit, parser, compiler, _ = _internals()
        keys = [key for key in cache if key[0] is str and not key[2] & re.DEBUG][: limit - ROOM]
        if all(key in _loaded for key in keys):
            return
        entries = [_loaded.get(key) or _entry(parser, compiler, key[1], key[2]) for key in keys]
        payload = marshal.dumps(entries)
        caches.write(cache_name(), [marshal.dumps((sys.version, crc32(payload), payload))])
    except Exception:  # noqa: BLE001 - best effort
        return


def _entry(parser, compiler, pattern: str, flags: int) -> tuple:
    """What re's compile passes to the engine for this pattern (re/_compiler.py, compile)."""
    parsed = parser.parse(pattern, flags)
    indexgroup = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    code = [int(op) for op in compiler._code(parsed, flags)]  # opcodes are an int subclass marshal does not take
    return (pattern, int(flags), int(flags | parsed.state.flags), code, parsed.state.groups - 1,
            dict(parsed.state.groupdict), tuple(indexgroup))
