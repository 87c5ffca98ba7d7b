"""Validated rule packs kept between runs: loading a pack reads its YAML files, validates every field and builds its
matchers (with libyaml about 25 ms, and the import of yaml, on each cold start); a cached pack is one unpickling.

`cached(file, build)` keeps whatever build() makes from YAML files (a pack from its pack.yaml, the variants from
rules/variants.yaml). An entry is named after that file and holds, before the pickled object, what it was built
from: checker's version, Python's, the size and time of the code whose objects are pickled (checker/packs,
checker/matchers and checker/evaluate, so that a changed matcher is never run from an old pickle), and every file
the loader read or looked for while building it (`files_read`), with the CRC of its content or None where it was
not there. It is used only while all of those are unchanged and only from a folder private to this user; a corrupt
or unwritable entry is ignored.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from zlib import crc32

from checker import __version__, caches

HEADER_SIZE = 4
T = TypeVar("T")
files_read: list[Path] = []  # every YAML file the pack loader opened or looked for, in order (packs/loader.py)


def probed(paths) -> None:
    """Files the loader looked for (found or not): a cached pack is stale when one of them appears or goes."""
    files_read.extend(paths)


def cached(file: Path, build: Callable[[], T]) -> T:
    """build()'s object from the cache while the files it read are unchanged, else built now and cached."""
    found = _load(file)
    if found is not None:
        return found
    first = len(files_read)
    made = build()
    _store(file, made, files_read[first:])
    return made


def entry_name(file: Path) -> str:
    return f"pack-{crc32(str(file).encode('utf-8')):08x}.pickle"


def _load(file: Path):
    for _, data in caches.read(entry_name(file)):
        try:
            size = int.from_bytes(data[:HEADER_SIZE], "little")
            built_by, origin, files = marshal.loads(data[HEADER_SIZE:HEADER_SIZE + size])
            if (built_by, origin) != (_built_by(), str(file)) or not _unchanged(files):
                continue
            import pickle

            return pickle.loads(data[HEADER_SIZE + size:])
        except Exception:  # noqa: BLE001 - a cache never stops a run: anything wrong with it means rebuild
            continue
    return None


def _store(file: Path, made: object, files: list[Path]) -> None:
    import pickle

    try:
        header = marshal.dumps((_built_by(), str(file), [(str(f), _crc(f)) for f in dict.fromkeys(files)]))
        body = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
    caches.write(entry_name(file), [len(header).to_bytes(HEADER_SIZE, "little"), header, body])


def _built_by() -> tuple:
    """checker's and Python's versions, and the size and time of every module whose objects are pickled."""
    code = Path(__file__).resolve().parent.parent
    modules = []
    for folder in ("packs", "matchers", "evaluate"):  # evaluate: figures.FigureUnits is pickled with the pack
        with os.scandir(code / folder) as entries:
            modules += sorted((f"{folder}/{e.name}", e.stat().st_size, e.stat().st_mtime_ns)
                              for e in entries if e.name.endswith(".py"))
    return __version__, sys.version, tuple(modules)


def _unchanged(files: list[tuple[str, int | None]]) -> bool:
    return all(_crc(Path(name)) == crc for name, crc in files)


def _crc(file: Path) -> int | None:
    """The CRC of a file's bytes; None for a file that is not there (or cannot be read)."""
    try:
        return crc32(file.read_bytes())
    except OSError:
        return None
