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
    """Where the cache may live, in order of preference."""
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
    """A per-user folder in the temporary directory, found from the environment as tempfile would, without
    importing it (tempfile brings shutil and random: a cold start that looks here pays for them)."""
    temporary = os.environ.get("TMPDIR") or os.environ.get("TEMP") or os.environ.get("TMP")
    if not temporary:
        if os.name == "posix":
            temporary = "/tmp"
        else:
            import tempfile

            temporary = tempfile.gettempdir()
    return Path(temporary) / f"checker-{getattr(os, 'getuid', lambda: 'user')()}"


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
    user only (what a cache holds is unpickled or decides verdicts); the caller checks the bytes themselves."""
    for directory in cache_dirs():
        if not private(directory):
            continue
        try:
            yield directory, (directory / name).read_bytes()
        except OSError:
            continue


def write(name: str, chunks: list[bytes]) -> None:
    """Write the cache file atomically into the first folder that takes it; never fails."""
    from checker.atomic import write_atomic

    for directory in cache_dirs():
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not private(directory):  # never read (read): writing there would only cost time on every run
                continue
            write_atomic(str(directory / name), chunks)
            return
        except OSError:
            continue
