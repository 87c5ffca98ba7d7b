"""OFD (GB/T 33190), the national format for electronic official documents: a zip of XML parts.

OFD.xml names the document (DocBody/DocRoot → Document.xml), Document.xml lists the pages in order (Pages/Page
BaseLoc → Content.xml) and the page templates; a page's text is in TextObject/TextCode elements, each code placed at
X/Y inside its object's Boundary with DeltaX giving each next glyph's advance. The glyphs of a page (its templates
included) are put into reading order by position (lines by baseline, top to bottom; glyphs by x), and from there on
an OFD is read like a text PDF: running headers, footers and page numbers removed, wrapped lines joined into their
paragraph (checker/read/pdf.py), with `page_starts` for the page number in evidence.

No maintained Python library was both mature and offline-safe when this was written (see bench/README.md), and the
reader is small. Safety as for .docx: the zip's declared sizes are bounded before anything is inflated, and a part
with a DTD is refused before it is parsed. A page that holds only images (a scan) is read by OCR when the optional
extra is installed (checker/read/ocr.py), else refused with a Chinese message saying how to install it.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from checker.errors import InputError
from checker.model import RawText
from checker.read import ocr
from checker.read.docx import MAX_UNZIPPED, MAX_XML, _has_dtd
from checker.read.encoding import plausibility
from checker.read.layout import SPACE, Line, reflow, strip_running
from checker.read.pdf import GARBLED

NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
NO_TEXT = "OFD 文件只有图片（扫描件），没有文字层"
MIN_PAGE_CHARS = 10  # fewer visible characters than this: a page (or a document) without a text layer


@dataclass(frozen=True)
class Glyph:
    """One character placed on an OFD page, from which lines are rebuilt."""
    x: float  # left edge, mm on the page
    y: float  # baseline, mm from the top
    advance: float
    size: float
    char: str


def read_ofd(source: str, data: bytes, max_bytes: int = 0) -> RawText:
    package = _Package(source, data, max(MAX_UNZIPPED, 4 * max_bytes))
    pages = package.pages()
    lines = [_lines(_page_glyphs(package, part, templates)) for part, templates in pages]
    scanned = [i for i, (part, templates) in enumerate(pages)
               if _chars(lines[i]) < MIN_PAGE_CHARS and package.has_images(part, templates)]
    if scanned and (ocr.available() or sum(_chars(page) for page in lines) < MIN_PAGE_CHARS):
        if not ocr.available():
            raise InputError(source, ocr.missing(NO_TEXT))
        read = {i: page for i in scanned if (page := _ocr_page(package, *pages[i])).chars}
        for i, page in read.items():
            lines[i] = page.lines
        if read:
            return ocr.assemble(source, lines, read, "ofd", package.properties())
    if sum(_chars(page) for page in lines) < MIN_PAGE_CHARS:
        raise InputError(source, "OFD 文件中没有文字")
    text, page_starts = reflow(strip_running(lines))
    if plausibility(text) < 0.6:
        raise InputError(source, GARBLED.replace("PDF", "OFD"))
    return RawText(source=source, text=text, encoding="ofd", kind="ofd", page_starts=tuple(page_starts),
                   properties=package.properties())


def _chars(lines: list[Line]) -> int:
    return sum(len(line.text.strip(SPACE)) for line in lines)


def _ocr_page(package: _Package, part: str, templates: list[str]) -> ocr.PageText:
    """OCR of the page's pictures, each placed where its ImageObject's Boundary puts it (mm), top to bottom."""
    lines: list[Line] = []
    chars, weighted = 0, 0.0
    for member, box in sorted(package.page_images(part, templates), key=lambda item: item[1][1]):
        image = ocr.open_image(package.source, package.zip.read(member))
        read = ocr.recognise(image, box[2] / max(image.width, 1), box[0])
        lines += read.lines
        chars, weighted = chars + read.chars, weighted + read.chars * read.confidence
    return ocr.PageText(lines, chars, weighted / chars if chars else 0.0)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name: str):
    return [child for child in element if _local(child.tag) == name]


def _descendants(element, name: str):
    return [node for node in element.iter() if _local(node.tag) == name]


def _numbers(value: str | None) -> list[float]:
    return [float(n) for n in NUMBER.findall(value or "")]


class _Package:
    """The zip, its parts found by OFD's location rules (relative to the part that names them, "/" from the root,
    letter case forgiven), each XML part checked and parsed once."""

    def __init__(self, source: str, data: bytes, limit: int) -> None:
        self.source = source
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            raise InputError(source, "OFD 文件已损坏或不完整（不是有效的 zip 包），无法读取") from None
        if sum(info.file_size for info in infos) > limit:
            raise InputError(source, f"OFD 文件解压后超过 {limit // (1024 * 1024)} MB，疑似压缩炸弹，已拒绝读取")
        self.names = {info.filename.lower(): info for info in infos}
        self.parsed: dict[str, object] = {}
        self.media: dict[str, str] | None = None

    def find(self, base: str, loc: str | None) -> str | None:
        """The member a location names: relative to the folder of `base`, or from the root."""
        if not loc:
            return None
        loc = loc.strip().replace("\\", "/")
        tries = [loc.lstrip("/")] if loc.startswith("/") else [posixpath.join(posixpath.dirname(base), loc), loc]
        for candidate in tries:
            key = posixpath.normpath(candidate).lstrip("/").lower()
            if key in self.names:
                return self.names[key].filename
        return None

    def xml(self, name: str):
        if name in self.parsed:
            return self.parsed[name]
        from lxml import etree

        info = self.zip.getinfo(name)
        if info.file_size > MAX_XML:
            raise InputError(self.source, f"OFD 文件的 {name} 解压后超过 {MAX_XML // (1024 * 1024)} MB，"
                                          "疑似压缩炸弹，已拒绝读取")
        if _has_dtd(self.zip, info):
            raise InputError(self.source, f"OFD 文件含有 DTD/实体声明（{name}），疑似 XML 炸弹，已拒绝读取")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        try:
            root = etree.fromstring(self.zip.read(name), parser)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, OSError, ValueError):
            raise InputError(self.source, f"OFD 文件已损坏（{name} 无法解析）") from None
        self.parsed[name] = root
        return root

    def document(self) -> str:
        entry = self.find("", "OFD.xml")
        if entry is None:
            raise InputError(self.source, "不是有效的 OFD 文件（缺少 OFD.xml）")
        roots = [node.text for node in _descendants(self.xml(entry), "DocRoot") if node.text]
        found = self.find(entry, roots[0]) if roots else None
        if found is None:
            raise InputError(self.source, "OFD 文件不完整（OFD.xml 未指向文档 Document.xml）")
        return found

    def pages(self) -> list[tuple[str, list[str]]]:
        """Each page's content part, in order, with the template pages it draws on."""
        doc = self.document()
        root = self.xml(doc)
        templates = {node.get("ID"): self.find(doc, node.get("BaseLoc"))
                     for node in _descendants(root, "TemplatePage")}
        out = []
        for pages in _children(root, "Pages"):
            for page in _children(pages, "Page"):
                part = self.find(doc, page.get("BaseLoc"))
                if part is None:
                    continue
                used = [templates.get(t.get("TemplateID")) for t in _children(self.xml(part), "Template")]
                out.append((part, [t for t in used if t]))
        if not out:
            raise InputError(self.source, "OFD 文件中没有页面")
        return out

    def properties(self) -> tuple[tuple[str, str], ...]:
        """DocInfo's title, author and modification date, as for Word's core properties."""
        entry = self.find("", "OFD.xml")
        found = []
        for key, tag in (("title", "Title"), ("author", "Author"), ("modified", "ModDate")):
            nodes = [n.text.strip() for n in _descendants(self.xml(entry), tag) if n.text and n.text.strip()]
            if nodes:
                found.append((key, nodes[0]))
        return tuple(found)

    def has_images(self, part: str, templates: list[str]) -> bool:
        return any(_descendants(self.xml(name), "ImageObject") for name in (part, *templates))

    def page_images(self, part: str, templates: list[str]) -> list[tuple[str, list[float]]]:
        """The image files a page shows, each with its Boundary (x y w h, mm)."""
        media = self._media()
        out = []
        for name in (part, *templates):
            for node in _descendants(self.xml(name), "ImageObject"):
                member = media.get(node.get("ResourceID"))
                box = _numbers(node.get("Boundary"))
                if member and len(box) == 4:
                    out.append((member, box))
        return out

    def _media(self) -> dict[str, str]:
        """MultiMedia ID → zip member, from the document's and the public resource files (read once)."""
        if self.media is None:
            self.media = self._find_media()
        return self.media

    def _find_media(self) -> dict[str, str]:
        doc = self.document()
        found: dict[str, str] = {}
        for tag in ("DocumentRes", "PublicRes"):
            for node in _descendants(self.xml(doc), tag):
                res = self.find(doc, node.text)
                if res is None:
                    continue
                root = self.xml(res)
                base = root.get("BaseLoc") or ""
                folder = posixpath.join(posixpath.dirname(res), base, "x")
                for item in _descendants(root, "MultiMedia"):
                    files = _descendants(item, "MediaFile")
                    member = self.find(folder, files[0].text) if files and files[0].text else None
                    if member:
                        found[item.get("ID")] = member
        return found


def _page_glyphs(package: _Package, part: str, templates: list[str]) -> list[Glyph]:
    glyphs: list[Glyph] = []
    for name in (*templates, part):
        for obj in _descendants(package.xml(name), "TextObject"):
            glyphs.extend(_object_glyphs(obj))
    return glyphs


def _object_glyphs(obj) -> list[Glyph]:
    """Every glyph of one TextObject on the page. A TextCode without X or Y goes on from the previous one's; DeltaX
    may abbreviate repeats as "g N value"; a missing advance is the font size (a full-width character)."""
    box = _numbers(obj.get("Boundary")) + [0.0, 0.0]
    size = (_numbers(obj.get("Size")) or [3.5])[0]
    ctm = _numbers(obj.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    scale = (a * a + b * b) ** 0.5 or 1.0
    out: list[Glyph] = []
    x = y = 0.0
    for code in _descendants(obj, "TextCode"):
        text = "".join(code.itertext())
        if not text:
            continue
        if code.get("X") is not None:
            x = (_numbers(code.get("X")) or [x])[0]
        if code.get("Y") is not None:
            y = (_numbers(code.get("Y")) or [y])[0]
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        for i, char in enumerate(text):
            advance = dx[i] if i < len(dx) else size
            px, py = a * x + c * y + e, b * x + d * y + f
            out.append(Glyph(box[0] + px, box[1] + py, advance * scale, size * scale, char))
            x += advance
            y += dy[i] if i < len(dy) else 0.0
    return out


def _deltas(value: str | None) -> list[float]:
    """DeltaX/DeltaY: numbers, where "g N v" stands for N times v."""
    tokens = (value or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                out.extend([float(tokens[i + 2])] * min(int(float(tokens[i + 1])), 100_000))
            except ValueError:
                pass
            i += 3
            continue
        try:
            out.append(float(tokens[i]))
        except ValueError:
            pass
        i += 1
    return out


def _lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs on one baseline (within 40 % of the font size) are a line, read left to right; a gap wider than one
    character becomes a space."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if rows and abs(glyph.y - rows[-1][0].y) <= 0.4 * max(glyph.size, rows[-1][0].size):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    out = []
    for row in rows:
        row.sort(key=lambda g: g.x)
        parts: list[str] = []
        end = None
        for glyph in row:
            if end is not None and glyph.x - end > glyph.size and parts and parts[-1] not in SPACE:
                parts.append(" ")
            parts.append(glyph.char)
            end = glyph.x + glyph.advance
        text = "".join(parts)
        visible = [g for g in row if not g.char.isspace()]
        if visible:
            out.append(Line(text, visible[0].x, visible[-1].x + visible[-1].advance))
    return out
