"""Where checker keeps what it can rebuild (the word dictionary, validated rule packs, compiled regexes), and how a
cache file is read and written: only in a folder private to the user; atomically, so that processes starting
together never see half a file; and best effort, so that a corrupt, stale or unwritable cache only costs the time
to rebuild it.

The folder is $CHECKER_CACHE_DIR alone if set, else the user's cache folder ($XDG_CACHE_HOME/checker or
~/.cache/checker), then a per-user folder in the system's temporary directory for accounts without a writable home.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def cache_dirs() -> Iterator[Path]:
    """Where the cache may live, in order of preference (lazily: the fallback needs tempfile, which a run whose
    own folder works never imports)."""
    explicit = os.environ.get("CHECKER_CACHE_DIR")
    if explicit:
        yield Path(explicit)
        return
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except RuntimeError:  # no home directory known for this account
        base = None
    if base is not None:
        yield Path(base) / "checker"
    yield fallback_dir()


def fallback_dir() -> Path:
    import tempfile  # only here: not on the default path

    return Path(tempfile.gettempdir()) / f"checker-{getattr(os, 'getuid', lambda: 'user')()}"


def private(directory: Path) -> bool:
    """The folder belongs to this user and nobody else may write to it: the only kind read (a folder in a shared
    temporary directory could have been made by someone else)."""
    if not hasattr(os, "getuid"):
        return True
    try:
        info = directory.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def read(name: str) -> Iterable[tuple[Path, bytes]]:
    """The bytes of each existing cache file of this name, in order of preference, from folders private to this
    user only (what a cache holds is unpickled or decides verdicts); the caller checks the bytes themselves. The
    search ends at the first private folder this user can write to: writes go there, so a later folder holds
    only what was written while it could not take them."""
    for directory in cache_dirs():
        if not private(directory):
            continue
        try:
            yield directory, (directory / name).read_bytes()
        except OSError:
            pass
        if os.access(directory, os.W_OK):
            return


def write(name: str, chunks: list[bytes]) -> None:
    """Write the cache file atomically into the first folder that takes it; never fails."""
    from checker.atomic import write_atomic

    for directory in cache_dirs():
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(str(directory / name), chunks)
            return
        except OSError:
            continue
