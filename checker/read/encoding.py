"""Bytes to text: BOM, UTF-16 without BOM, UTF-8, then GB18030 (a superset of GBK and GB2312).

Chinese government drafts come in exactly these; anything else is reported, never guessed into mojibake.
"""

from __future__ import annotations

import codecs

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL_OK = set("\n\r\t\f\v")


class DecodeFailure(ValueError):
    """The bytes are not text in any encoding we accept; the message says which case."""


def decode(data: bytes, forced: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeFailure with a Chinese-reader-friendly reason."""
    if forced:
        try:
            return _checked(data.decode(forced), forced), forced
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeFailure(f"无法按 {forced} 解码（{_short(exc)}）") from None
    for bom, name in BOMS:
        if data.startswith(bom):
            return _checked(_try(data, name), name), name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(_try(data, utf16), utf16), utf16
    if b"\x00" in data[:65536]:
        raise DecodeFailure("二进制文件，不是文本（可用 --encoding 指定编码）")
    for name in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(name), name), name
        except UnicodeDecodeError:
            continue
    raise DecodeFailure("无法识别编码：既不是 UTF-8，也不是 GB18030/GBK 或 UTF-16（可用 --encoding 指定）")


def _try(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise DecodeFailure(f"按 {name} 解码失败（{_short(exc)}）") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of CJK and ASCII has NULs in one byte column and none in the other."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even == 0:
        return "utf-16-le"
    if even > half * 0.3 and odd == 0:
        return "utf-16-be"
    return None


def _checked(text: str, name: str) -> str:
    """Reject text that decoded but is mostly control characters: a binary file that happened to decode."""
    sample = text[:20000]
    if sample:
        bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in CONTROL_OK)
        if bad / len(sample) > 0.01:
            raise DecodeFailure(f"按 {name} 解码后含大量控制字符，似为二进制文件")
    return text


def _short(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"第 {exc.start} 字节无效"
    return str(exc)
