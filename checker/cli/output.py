"""Writing a report where -o says, without ever losing a file.

A regular file (or a new path) is written atomically: the whole new report replaces it in one rename, or nothing
changes. A symlink to a regular file keeps its link: its target is replaced. A device, FIFO or socket (/dev/null,
/dev/full, a named pipe) is written through, since renaming over it would replace the device with a file; and
/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N write to that open descriptor. Every failure is an OutputError
naming the user's path (never the temporary one) and the reason in Chinese.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from checker.atomic import Content, as_bytes, write_atomic
from checker.errors import CheckerError

DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/self/fd)/(\d+)$")
NAMED_DESCRIPTORS = {"/dev/stdout": 1, "/dev/stderr": 2}
REASONS = {
    errno.ENOENT: "所在目录不存在",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "位于只读文件系统",
    errno.ENOSPC: "磁盘空间不足（设备已满）",
    errno.EDQUOT: "超出磁盘配额",
    errno.EISDIR: "是目录",
    errno.EPIPE: "读取端已关闭",
    errno.EBADF: "描述符未打开",
    errno.ENAMETOOLONG: "文件名过长",
}


class OutputError(CheckerError):
    """The report could not be written: exit 2, one line naming the output path."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"无法写入输出文件 {path}：{reason}")
        self.path = path
        self.reason = reason


def write_output(path: str, content: Content) -> None:
    """Write text, bytes or chunks of either to path: atomically onto a regular file, through onto anything else."""
    try:
        fd = _descriptor(path)
        if fd is not None:
            if fd == 1 and sys.stdout is not None:
                sys.stdout.flush()  # what was printed before goes first
            try:
                _write_fd(fd, content)
            except BrokenPipeError:
                if fd != 1:
                    raise
                from checker.cli.exitcodes import ReaderGone

                raise ReaderGone from None  # -o /dev/stdout | head: as quiet as the report on stdout itself
            return
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:
            raise OutputError(path, _reason(exc)) from None
        if mode is not None and stat.S_ISDIR(mode):
            raise OutputError(path, REASONS[errno.EISDIR])
        if mode is None or stat.S_ISREG(mode):
            write_atomic(os.path.realpath(path), content)
        else:
            with open(path, "wb") as handle:
                for chunk in as_bytes(content):
                    handle.write(chunk)
    except OSError as exc:
        raise OutputError(path, _reason(exc)) from None


def _descriptor(path: str) -> int | None:
    """The open descriptor a path names (/dev/stdout, /dev/fd/3), or None for an ordinary path."""
    if path in NAMED_DESCRIPTORS:
        return NAMED_DESCRIPTORS[path]
    m = DESCRIPTOR.match(path)
    return int(m.group(1)) if m else None


def _write_fd(fd: int, content: Content) -> None:
    for chunk in as_bytes(content):
        view = memoryview(chunk)
        while view:
            view = view[os.write(fd, view):]


def _reason(exc: OSError) -> str:
    return REASONS.get(exc.errno, f"无法写入（{exc.strerror or exc}）")


def refuse_overwriting_inputs(output: str, inputs: Iterable[str], readable: Iterable[str]) -> None:
    """Refuse an output that is one of the inputs, or a file of a readable kind inside an audited folder (the next
    audit of that folder would read the report as a draft). Raises OutputError before anything is read."""
    target = os.path.realpath(output)
    for source in inputs:
        if source == "-":
            continue
        real = os.path.realpath(source)
        if os.path.isdir(real):
            inside = os.path.commonpath([real, target]) == real
            if inside and Path(target).suffix.lower() in set(readable):
                raise OutputError(output, f"它在被检查的目录 {source} 中，且是 checker 会读取的格式"
                                          f"（{Path(target).suffix}），会被当作报告；请写到该目录之外或换用其他扩展名")
        elif real == target or _same_file(real, target):
            raise OutputError(output, f"它就是输入文件 {source}，写入会覆盖原稿；请换一个输出路径")


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
