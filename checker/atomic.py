"""Atomic writes: a file is either the old one or the whole new one, never half written (reports, caches)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

Content = str | bytes | Iterable[str] | Iterable[bytes]


def write_atomic(path: str, content: Content) -> None:
    """Write to path, replacing it only when complete; the temporary file never outlives a failure."""
    import tempfile  # only when something is written: not on the default path

    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in as_bytes(content):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def as_bytes(content: Content) -> Iterable[bytes]:
    """Text (as UTF-8) or bytes, one piece or many, as bytes pieces."""
    pieces = [content] if isinstance(content, (str, bytes)) else content
    return (piece.encode("utf-8") if isinstance(piece, str) else piece for piece in pieces)
