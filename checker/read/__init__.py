"""Step 1: a path, a directory or "-" becomes RawText. One module per format behind read_source().

The format is decided by the content (sniff.py), so a `.doc` that is really docx or a web page saved as `.txt` still
reads; the suffix only picks which files a directory walk takes.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from checker.errors import InputError
from checker.model import RawText
from checker.read.encoding import DecodeFailure
from checker.read.sniff import SUFFIX_KIND, mislabelled, sniff
from checker.read.text import SUFFIXES, read_text

READ_ERRORS = {
    errno.ELOOP: "符号链接循环",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ENXIO: "设备或套接字无法读取",
    errno.EIO: "读取时发生输入输出错误（磁盘或网络盘故障）",
    errno.EINVAL: "这种文件不能按普通文件读取",
}
STDIN = "-"
MAX_BYTES = 50 * 1024 * 1024
READ_PIECE = 1024 * 1024
SUPPORTED = tuple(sorted(set(SUFFIXES) | set(SUFFIX_KIND)))
READERS = {suffix: SUFFIX_KIND.get(suffix, "text") for suffix in SUPPORTED}  # suffixes a directory walk takes


def expand_paths(paths: list[str]) -> list[str | InputError]:
    """Files as given, directories walked (sorted) for supported files; problems become InputErrors in place.

    A walk skips hidden files, Office lock files (~$x.docx) and a folder's README (its documentation, not a report);
    name them to audit them.
    """
    out: list[str | InputError] = []
    for path in paths:
        if path == STDIN:
            out.append(path)
        elif os.path.isdir(path):
            out.extend(_walk(path) or [InputError(path, f"目录中没有可读取的文件（支持 {', '.join(SUPPORTED)}）")])
        else:
            out.append(path)
    return out


def _walk(root: str) -> list[str | InputError]:
    """The supported files under root, sorted, with an InputError in place of each folder that cannot be listed
    and each broken link (they would otherwise vanish from the batch in silence). Links to folders are not
    followed, so a link loop is harmless; hidden folders are not entered; FIFOs and devices are not files."""
    found: list[str | InputError] = []

    def unlisted(exc: OSError) -> None:
        reason = "没有读取权限" if isinstance(exc, PermissionError) else f"{exc.strerror or exc}"
        found.append(InputError(str(Path(exc.filename or root)), f"目录无法读取（{reason}），其中的文件没有检查"))

    for folder, folders, files in os.walk(root, onerror=unlisted):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            path = Path(folder, name)
            if path.suffix.lower() not in READERS or name.startswith((".", "~$")) or path.stem.upper() == "README":
                continue
            if path.is_file():
                found.append(str(path))
            elif path.is_symlink() and not path.exists():  # a report that is not there: say so
                found.append(InputError(str(path), "符号链接指向的文件不存在（或链接循环）"))
    return sorted(found, key=lambda item: item.source if isinstance(item, InputError) else item)


def read_source(path: str, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> RawText:
    """Read one source. Raises InputError with a one-line reason; never writes anything."""
    if path == STDIN:
        source, suffix = "<stdin>", ".txt"
        if sys.stdin is None:
            raise InputError(source, "标准输入已关闭，没有可读取的内容")
        try:
            data = _read_capped(sys.stdin.buffer, max_bytes)
        except OSError as exc:
            raise InputError(source, f"无法读取（{READ_ERRORS.get(exc.errno, exc.strerror or exc)}）") from None
    else:
        source, suffix = path, Path(path).suffix.lower()
        data = _read_bytes(path, max_bytes)
    if len(data) > max_bytes:
        raise InputError(source, f"文件超过大小上限 {_mb(max_bytes)}")
    kind = sniff(data, suffix)
    try:
        raw = _dispatch(kind, source, data, encoding, suffix, max_bytes)
    except DecodeFailure as exc:
        raise InputError(source, str(exc)) from None
    except InputError:
        raise
    except (MemoryError, RecursionError):
        raise InputError(source, "文件结构异常（过大或嵌套过深），无法读取") from None
    if not raw.text.strip():
        raise InputError(source, _EMPTY.get(kind, "文件为空或只有空白"))
    return raw


_EMPTY = {
    "docx": "Word 文档中没有文字",
    "ofd": "OFD 文件中没有文字",
    "html": "网页中没有正文",
}


def _dispatch(kind: str, source: str, data: bytes, encoding: str | None, suffix: str, max_bytes: int) -> RawText:
    if kind == "text":
        return read_text(source, data, encoding, suffix if suffix in SUFFIXES else ".txt")
    if kind == "mislabelled":
        raise InputError(source, mislabelled(suffix))
    if not data.strip():
        raise InputError(source, "文件为空（0 字节）")
    if kind == "docx":
        from checker.read.docx import read_docx

        return read_docx(source, data, max_bytes)
    if kind == "pdf":
        from checker.read.pdf import read_pdf

        return read_pdf(source, data)
    if kind == "html":
        from checker.read.html import read_html

        return read_html(source, data, encoding)
    if kind in ("ole2", "rtf"):
        from checker.read.legacy import read_ole2

        return read_ole2(source, data, ".rtf" if kind == "rtf" else suffix, max_bytes)
    if kind == "ofd":
        from checker.read.ofd import read_ofd

        return read_ofd(source, data, max_bytes)
    if kind == "image":
        from checker.read.ocr import read_image

        return read_image(source, data)
    raise InputError(source, "不支持的压缩文件格式（不是 Word 文档；Excel、ZIP 等请先取出报告正文）")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:  # refused by its size, without reading
                raise InputError(path, f"文件超过大小上限 {_mb(max_bytes)}")
            return _read_capped(handle, max_bytes)
    except FileNotFoundError:
        raise InputError(path, "文件不存在") from None
    except IsADirectoryError:
        raise InputError(path, "是目录") from None
    except PermissionError:
        raise InputError(path, "没有读取权限") from None
    except OSError as exc:
        raise InputError(path, f"无法读取（{READ_ERRORS.get(exc.errno, exc.strerror or exc)}）") from None


def _read_capped(handle, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes (one more tells that the limit was passed), in pieces of 1 MB: memory follows
    what is there, not the limit (read(n) reserves n bytes at once, and --max-size may be huge)."""
    pieces, total = [], 0
    while total <= max_bytes:
        piece = handle.read(min(READ_PIECE, max_bytes + 1 - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    return b"".join(pieces)
