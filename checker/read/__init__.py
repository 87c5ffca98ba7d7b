"""Step 1: a path, a directory or "-" becomes RawText. One module per format behind read_source()."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from checker.errors import InputError
from checker.model import RawText
from checker.read.encoding import DecodeFailure
from checker.read.text import SUFFIXES, read_text

STDIN = "-"
MAX_BYTES = 50 * 1024 * 1024
READERS = {suffix: read_text for suffix in SUFFIXES}
SUPPORTED = tuple(sorted(READERS))
NOT_YET = {".docx", ".doc", ".wps", ".pdf", ".ofd", ".xlsx", ".xls", ".zip"}


def expand_paths(paths: list[str]) -> list[str | InputError]:
    """Files as given, directories walked (sorted) for supported files; problems become InputErrors in place.

    A walk skips hidden files and a folder's README (its documentation, not a report); name them to audit them.
    """
    out: list[str | InputError] = []
    for path in paths:
        if path == STDIN:
            out.append(path)
        elif os.path.isdir(path):
            found = sorted(
                str(p) for p in Path(path).rglob("*")
                if p.is_file() and p.suffix.lower() in READERS and not _hidden(p, Path(path))
                and p.stem.upper() != "README"
            )
            out.extend(found or [InputError(path, f"目录中没有可读取的文件（支持 {', '.join(SUPPORTED)}）")])
        else:
            out.append(path)
    return out


def read_source(path: str, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> RawText:
    """Read one source. Raises InputError with a one-line reason; never writes anything."""
    if path == STDIN:
        data, source, suffix = sys.stdin.buffer.read(max_bytes + 1), "<stdin>", ".txt"
    else:
        source, suffix = path, Path(path).suffix.lower()
        data = _read_bytes(path, max_bytes)
    if len(data) > max_bytes:
        raise InputError(source, f"文件超过大小上限 {max_bytes // (1024 * 1024)} MB")
    if suffix in NOT_YET:
        raise InputError(source, f"暂不支持 {suffix} 文件，请另存为 .txt 后再检查")
    reader = READERS.get(suffix, read_text)
    try:
        raw = reader(source, data, encoding, suffix)
    except DecodeFailure as exc:
        raise InputError(source, str(exc)) from None
    if not raw.text.strip():
        raise InputError(source, "文件为空或只有空白")
    return raw


def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(path, "文件不存在") from None
    except IsADirectoryError:
        raise InputError(path, "是目录") from None
    except PermissionError:
        raise InputError(path, "没有读取权限") from None
    except OSError as exc:
        raise InputError(path, f"无法读取（{exc.strerror or exc}）") from None


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
