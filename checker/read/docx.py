"""Word .docx: body paragraphs and tables in document order, with Word's automatic numbering rendered as the reader
sees it ("一、", "（一）", "1.") so that structure/ finds the same headings as in a plain-text copy.

One paragraph is one line (a manual line break inside a paragraph is a line too), so an evidence line number counts
the document's paragraphs. Page headers and footers, comments and deleted (tracked) text are not report text.
Safety: the zip's declared uncompressed size is bounded before anything is inflated (zip bombs), and a part with a
DTD is refused (OOXML never has one; entity bombs need one); python-docx parses with resolve_entities=False too.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from checker.errors import InputError
from checker.model import RawText

MAX_UNZIPPED = 256 * 1024 * 1024  # all parts, images included
MAX_XML = 64 * 1024 * 1024  # one XML part; a long report's document.xml is a few MB
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
RUN_PARTS = tuple(W + tag for tag in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))
INLINE_CONTAINERS = frozenset(W + tag for tag in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple",
                                                  "sdtContent", "dir", "bdo"))
MAX_ROMAN = 3999  # MMMCMXCIX, the largest ordinary Roman numeral
MAX_LETTERS = 26 * 30  # a … zzz…z (30 letters); beyond, decimal
CN_DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def read_docx(source: str, data: bytes, max_bytes: int = 0) -> RawText:
    _check_zip(source, data, max(MAX_UNZIPPED, 4 * max_bytes))
    try:
        import docx
    except ImportError:  # pragma: no cover - a default dependency
        raise InputError(source, "读取 Word 文档需要 python-docx：pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
        lines = DocxLines(document).lines()
        properties = _properties(document.core_properties)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any damage inside the package is one line for the user
        limit = _limit_hit(exc)
        if limit:
            raise InputError(source, f"Word 文档超出读取上限：{limit}，无法读取") from None
        raise InputError(source, f"Word 文档已损坏或不完整，无法读取（{_why(exc)}）") from None
    return RawText(source=source, text="\n".join(lines) + "\n", encoding="docx", kind="docx",
                   properties=properties)


def _properties(core) -> tuple[tuple[str, str], ...]:
    """Word's core properties (title, author, last modified) as metadata; never part of the report's text."""
    found = (("title", core.title), ("author", core.author),
             ("modified", core.modified.isoformat() if core.modified else None))
    return tuple((key, str(value).strip()) for key, value in found if value and str(value).strip())


def _limit_hit(exc: Exception) -> str | None:
    """Which of libxml2's safety limits (kept on: they bound memory) a well-formed but extreme part hit, if any."""
    text = str(exc)
    if "huge text node" in text or "Text node too long" in text:
        return "一段连续的文字或空白超过 10,000,000 字节（XML 解析器对单个文字节点的上限）"
    if "Excessive depth" in text:
        return "XML 元素嵌套超过 256 层（XML 解析器的上限）"
    if "too long" in text or "Resource limit exceeded" in text:
        return f"XML 解析器的资源上限（{text.split(',')[0]}）"
    return None


def _why(exc: Exception) -> str:
    name = type(exc).__name__
    if name in ("error", "BadZipFile", "EOFError") or "CRC" in str(exc):
        return "压缩数据损坏"
    if name == "XMLSyntaxError":
        bad_char = any(word in str(exc) for word in ("invalid Char", "invalid xmlChar", "allowed range"))
        return "XML 中含有不允许的控制字符" if bad_char else "XML 格式错误"
    if name in ("KeyError", "PackageNotFoundError"):
        return "缺少必需的部件"
    return name


def _check_zip(source: str, data: bytes, limit: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise InputError(source, "Word 文档已损坏或不完整（不是有效的 zip 包），无法读取") from None
    total = sum(info.file_size for info in infos)
    if total > limit:
        raise InputError(source, f"Word 文档解压后超过 {limit // (1024 * 1024)} MB，疑似压缩炸弹，已拒绝读取")
    if "word/document.xml" not in {info.filename for info in infos}:
        raise InputError(source, "不是 Word 文档（zip 包中没有 word/document.xml）")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            if info.file_size > MAX_XML:
                raise InputError(source, f"Word 文档的 {info.filename} 解压后超过 {MAX_XML // (1024 * 1024)} MB，"
                                         "疑似压缩炸弹，已拒绝读取")
            if _has_dtd(archive, info):
                raise InputError(source, f"Word 文档含有 DTD/实体声明（{info.filename}），疑似 XML 炸弹，已拒绝读取")


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Stream the part in 1 MB pieces (memory stays bounded) looking for <!DOCTYPE or <!ENTITY."""
    tail = b""
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(1024 * 1024)
                if not chunk:
                    return False
                if DTD.search(tail + chunk):
                    return True
                tail = chunk[-16:]
    except Exception:  # noqa: BLE001 - a damaged member is the docx reader's problem, reported there
        return False


class DocxLines:
    """Word's text in reading order (body, tables row by row, content controls, tracked insertions), with the list
    numbers Word generates: the lines checker reads. The review copy (render/review_docx.py) walks the same way
    with lines that remember their paragraphs, by overriding the four line operations at the end."""

    def __init__(self, document) -> None:
        self.document = document
        self.numbering = _Numbering(document)

    def lines(self) -> list:
        out: list = []
        self._block(self.document.element.body, out)
        while out and not self._text(out[-1]).strip():
            out.pop()
        return out

    def _block(self, element, out: list) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == W + "p":
                out.extend(self._paragraph(child))
            elif tag == W + "tbl":
                self._table(child, out)
            elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "smartTag"):
                inner = child.find(W + "sdtContent") if tag == W + "sdt" else child
                if inner is not None:
                    self._block(inner, out)

    def _table(self, tbl, out: list) -> None:
        for tr in tbl.iterchildren(W + "tr"):
            cells = []
            for tc in tr.iterchildren(W + "tc"):
                inner: list = []
                self._block(tc, inner)
                cells.append(self._cell(inner))
            if any(self._text(cell) for cell in cells):
                out.append(self._row(cells))

    # ---- the line operations: plain strings here ----

    def _paragraph(self, p) -> list:
        """A paragraph's lines (a line break inside it starts a new one), its list number first."""
        return (self.numbering.prefix(p) + paragraph_text(p)).split("\n")

    @staticmethod
    def _text(line) -> str:
        return line

    @staticmethod
    def _cell(parts: list):
        """A table cell's lines as one: its non-blank lines, stripped, a space apart."""
        return " ".join(part.strip() for part in parts if part.strip())

    @staticmethod
    def _row(cells: list):
        return "\t".join(cells)


def paragraph_text(p) -> str:
    """A paragraph's text (the reader's, and the review copy's anchors): its runs' text in order (tabs, breaks and no-break hyphens as python-docx's elements
    print them), without XPath (compiled per call, ~100 µs a paragraph, it made a 400,000-paragraph document take
    80 s to read)."""
    return "".join(run_text(run) for run in paragraph_runs(p))


def paragraph_runs(p) -> Iterator:
    """The runs of a paragraph in reading order, inside hyperlinks, tracked insertions (a draft under review with
    Track Changes), inline content controls, smart tags and simple fields too; deleted text (w:del) is not the
    draft's text."""
    for child in p.iterchildren():
        tag = child.tag
        if tag == W + "r":
            yield child
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from paragraph_runs(content)
        elif tag in INLINE_CONTAINERS:
            yield from paragraph_runs(child)


def run_text(run) -> str:
    return "".join(str(part) for part in run.iterchildren(*RUN_PARTS))


class _Numbering:
    """Word's list numbering (numbering.xml): which paragraph gets which generated number."""

    def __init__(self, document) -> None:
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.levels: dict[str, dict[int, dict]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            self._load(root)
        self._load_styles(document)

    def _load(self, root) -> None:
        for abstract in root.iterchildren(W + "abstractNum"):
            aid = abstract.get(W + "abstractNumId")
            levels = {}
            for lvl in abstract.iterchildren(W + "lvl"):
                levels[int(lvl.get(W + "ilvl", "0"))] = _level(lvl)
            self.levels[aid] = levels
        for num in root.iterchildren(W + "num"):
            ref = num.find(W + "abstractNumId")
            overrides = {}
            for over in num.iterchildren(W + "lvlOverride"):
                start = over.find(W + "startOverride")
                if start is not None:
                    overrides[int(over.get(W + "ilvl", "0"))] = int(start.get(W + "val", "1"))
            if ref is not None:
                self.nums[num.get(W + "numId")] = (ref.get(W + "val"), overrides)

    def _load_styles(self, document) -> None:
        try:
            styles = document.styles.element
        except Exception:  # noqa: BLE001
            return
        based: dict[str, str] = {}
        direct: dict[str, tuple[str, int]] = {}
        for style in styles.iterchildren(W + "style"):
            sid = style.get(W + "styleId")
            base = style.find(W + "basedOn")
            if base is not None:
                based[sid] = base.get(W + "val")
            numpr = style.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                num_id = numpr.find(W + "numId")
                ilvl = numpr.find(W + "ilvl")
                if num_id is not None:
                    direct[sid] = (num_id.get(W + "val"), int(ilvl.get(W + "val", "0")) if ilvl is not None else 0)
        for sid in set(based) | set(direct):
            seen, cur = set(), sid
            while cur and cur not in direct and cur not in seen:
                seen.add(cur)
                cur = based.get(cur)
            if cur in direct:
                self.style_num[sid] = direct[cur]

    def prefix(self, p) -> str:
        ppr = p.find(W + "pPr")
        num_id, ilvl = None, 0
        if ppr is not None:
            numpr = ppr.find(W + "numPr")
            style = ppr.find(W + "pStyle")
            if style is not None and style.get(W + "val") in self.style_num:
                num_id, ilvl = self.style_num[style.get(W + "val")]
            if numpr is not None:
                n, lv = numpr.find(W + "numId"), numpr.find(W + "ilvl")
                if n is not None:
                    num_id = n.get(W + "val")
                if lv is not None:
                    ilvl = int(lv.get(W + "val", "0"))
        if not num_id or num_id not in self.nums:
            return ""
        aid, overrides = self.nums[num_id]
        levels = self.levels.get(aid, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(aid, [0] * 10)
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                if lv < len(counters):
                    counters[lv] = start - 1
        ilvl = min(ilvl, 9)
        level = levels[ilvl]
        counters[ilvl] = max(counters[ilvl], level["start"] - 1) + 1 if counters[ilvl] else level["start"]
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        if level["fmt"] == "none":
            return ""
        if level["fmt"] == "bullet":
            return ""  # a bullet is not a heading number; the text stands alone

        def sub(m: re.Match[str]) -> str:
            lv = int(m.group(1)) - 1
            info = levels.get(lv, level)
            value = counters[lv] or info["start"]
            return _format(value, info["fmt"])

        text = re.sub(r"%([1-9])", sub, level["text"])
        if level["suff"] == "space" or (level["suff"] == "tab" and not re.search(r"[、.．)）:：]$", text)):
            text += " "
        return text


def _level(lvl) -> dict:
    def val(tag: str, default: str) -> str:
        node = lvl.find(W + tag)
        return node.get(W + "val", default) if node is not None else default

    return {"start": int(val("start", "1")), "fmt": val("numFmt", "decimal"), "text": val("lvlText", ""),
            "suff": val("suff", "tab")}


def _format(n: int, fmt: str) -> str:
    """Word's number n in format fmt; decimal outside a format's range (a hostile w:start of 10^9 would otherwise
    build a million-letter Roman numeral)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt == "ideographDigital" and n >= 0:
        return "".join(CN_DIGITS[int(d)] for d in str(n))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt in ("lowerLetter", "upperLetter") and n <= MAX_LETTERS:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n <= MAX_ROMAN:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" and n >= 0:
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    return str(n)


def _chinese(n: int) -> str:
    if n <= 0 or n >= 1000:
        return str(n)
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = ""
    if hundreds:
        out += CN_DIGITS[hundreds] + "百"
        if tens == 0 and ones:
            return out + "零" + CN_DIGITS[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else CN_DIGITS[tens]) + "十"
    if ones:
        out += CN_DIGITS[ones]
    return out


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out
