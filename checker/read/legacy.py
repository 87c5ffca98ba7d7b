"""Legacy binary Word (.doc) and WPS (.wps) files, both OLE2 compound files, and RTF (what "save as .doc" often
writes): converted to .docx by LibreOffice
(`soffice --headless --convert-to docx`) in a private temporary folder, then read as docx. Without LibreOffice the
error names the fix. An encrypted Office file is also an OLE2 file (its package sits in an "EncryptedPackage"
stream) and is reported as such rather than handed to LibreOffice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from checker.errors import InputError
from checker.model import RawText
from checker.read.docx import read_docx

TIMEOUT = 120
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
NO_OFFICE = ("读取 {kind} 文件需要 LibreOffice：请安装 LibreOffice（如 apt-get install libreoffice-writer），"
             "或在 Word/WPS 中另存为 .docx 后再检查")


def soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def read_ole2(source: str, data: bytes, suffix: str, max_bytes: int = 0) -> RawText:
    if ENCRYPTED in data[:1024 * 1024] or ENCRYPTED in data[-1024 * 1024:]:
        raise InputError(source, "文档已加密（设置了打开密码），请提供未加密的版本")
    if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00" not in data and suffix not in (".doc", ".wps"):
        if b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in data:
            raise InputError(source, "这是 Excel 表格，不是报告正文")
    kind = suffix if suffix in (".wps", ".rtf") else ".doc"
    office = soffice()
    if office is None:
        raise InputError(source, NO_OFFICE.format(kind=kind))
    with tempfile.TemporaryDirectory(prefix="checker-") as tmp:
        src = os.path.join(tmp, "input" + kind)
        with open(src, "wb") as handle:
            handle.write(data)
        profile = "file://" + os.path.join(tmp, "profile")
        try:
            subprocess.run(
                [office, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "docx",
                 "--outdir", tmp, src],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(source, f"LibreOffice 转换 {kind} 超过 {TIMEOUT} 秒未完成，"
                                     "请另存为 .docx 后再检查") from None
        except OSError as exc:
            raise InputError(source, f"无法运行 LibreOffice（{exc.strerror or exc}）") from None
        out = os.path.join(tmp, "input.docx")
        if not os.path.exists(out) or os.path.getsize(out) == 0:
            raise InputError(source, f"LibreOffice 无法转换此 {kind} 文件（文件可能已损坏或加密），"
                                     "请另存为 .docx 后再检查")
        with open(out, "rb") as handle:
            converted = handle.read()
    raw = read_docx(source, converted, max_bytes)
    return RawText(source=source, text=raw.text, encoding=kind.lstrip("."), kind=kind.lstrip("."))
