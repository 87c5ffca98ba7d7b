"""Bytes to text: a BOM decides; else UTF-8; else whichever of GB18030 (a superset of GBK and GB2312) and UTF-16
without BOM decodes into text that looks like a Chinese report.

Chinese government drafts come in exactly these; anything else is reported, never guessed into mojibake.
"""

from __future__ import annotations

import codecs
import re

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # control characters other than \t \n \v \f \r
MIN_CONTROL = 8
SURELY_UTF8 = 256


class DecodeFailure(ValueError):
    """The bytes are not text in any encoding we accept; the message says which case."""


def unusable_codec(name: str) -> str | None:
    """Why --encoding NAME cannot read a document, or None: unknown, a codec that transforms bytes rather than
    decoding text (rot13, hex, base64, zlib), or one that decodes nothing (undefined)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return f"未知编码 {name}"
    if not getattr(info, "_is_text_encoding", True):
        return f"{name} 不是文字编码，而是数据变换；请给出 UTF-8、GB18030、UTF-16 等文字编码"
    try:
        b"a".decode(name)
    except UnicodeDecodeError:
        pass  # a real encoding that this one byte is not valid in
    except Exception:  # noqa: BLE001 - e.g. "undefined", which refuses every input
        return f"编码 {name} 不能解码任何文字；请给出 UTF-8、GB18030、UTF-16 等文字编码"
    return None


def _utf8(data: bytes) -> str:
    """UTF-8, forgiving one fault only: an incomplete character at the very end (`head -c 3000 报告.txt |`, a file
    cut by byte count), whose one to three bytes go. Any other fault raises as strict decoding does. Only for data of
    SURELY_UTF8 bytes or more, where so long a valid UTF-8 prefix is no other encoding."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and len(data) - exc.start <= 3:
            return data[:exc.start].decode("utf-8")
        raise


def decode(data: bytes, forced: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeFailure with a Chinese-reader-friendly reason."""
    if forced:
        unusable = unusable_codec(forced)
        if unusable:
            raise DecodeFailure(unusable)
        try:
            return _checked(data.decode(forced), forced), forced
        except UnicodeError as exc:
            raise DecodeFailure(f"无法按 {forced} 解码（{_short(exc)}）") from None
    for bom, name in BOMS:
        if data.startswith(bom):
            return _checked(_try(data, name), name), name
    if not data:
        return "", "utf-8"
    if len(data) >= SURELY_UTF8:
        try:  # this much GB18030 or UTF-16 that is also valid UTF-8 does not happen: no need to weigh candidates
            return _checked(_utf8(data), "utf-8"), "utf-8"
        except (UnicodeDecodeError, DecodeFailure):
            pass  # e.g. ASCII in UTF-16 without BOM decodes as UTF-8 full of NULs: weigh the candidates
    candidates = []
    for name in ("utf-8", "gb18030", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)  # strict: in a few bytes, a GB18030 or UTF-16 tail can pass for a cut UTF-8 one
        except UnicodeDecodeError:
            continue
        candidates.append((plausibility(text), name, text))
        if candidates[-1][0] >= 0.99:
            break
    best = max(candidates, default=None, key=lambda c: c[0])  # a tie goes to the first: UTF-8, GB18030, UTF-16
    if best and best[0] >= 0.9:
        return _checked(best[2], best[1]), best[1]
    if b"\x00" in data[:65536]:
        raise DecodeFailure("二进制文件，不是文本（可用 --encoding 指定编码）")
    raise DecodeFailure("无法识别编码：既不是 UTF-8，也不是 GB18030/GBK 或 UTF-16（可用 --encoding 指定）")


# What a Chinese report is made of: ordinary whitespace, printable ASCII, CJK punctuation and ideographs, full-width
# forms. Not U+00A0 or U+0085: they are what GB18030's 聽 and 聟 read as in UTF-8, and would tie the two readings.
IMPLAUSIBLE = re.compile("[^\t\n\r\f\v -~\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]+")


def plausibility(text: str) -> float:
    """Share of characters a Chinese report is made of (counted by one regex pass, not a Python loop)."""
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(len(run) for run in IMPLAUSIBLE.findall(sample))
    return (len(sample) - bad) / len(sample)


def _try(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise DecodeFailure(f"按 {name} 解码失败（{_short(exc)}）") from None


def _checked(text: str, name: str) -> str:
    """Reject text that decoded but is full of control characters: a binary file that happened to decode. A few
    strays (an ESC pasted from a terminal into a short draft) are not that: more than 1 % and at least MIN_CONTROL."""
    sample = text[:20000]
    if sample:
        bad = len(CONTROL.findall(sample))
        if bad >= MIN_CONTROL and bad / len(sample) > 0.01:
            raise DecodeFailure(f"按 {name} 解码后含 {bad} 个控制字符，似为二进制文件")
    return text


def _short(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"第 {exc.start} 字节无效"
    return str(exc)
