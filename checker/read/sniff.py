"""What a file really is, decided by its first bytes, not its name: a `.doc` that is really docx, or a web page saved
as `.txt`, still reads with the right reader. A name that promises a binary format whose bytes are none that checker
knows (a `.docx` that is not a zip, a `.pdf` without `%PDF-`) is "mislabelled": damaged or misnamed, never text."""

from __future__ import annotations

import io
import re

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
SUFFIX_KIND = {
    ".docx": "docx", ".docm": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".shtml": "html",
    ".xhtml": "html", ".doc": "ole2", ".wps": "ole2", ".rtf": "rtf", ".ofd": "ofd",
}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")  # read by OCR when named; a folder walk skips them
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
PROMISED = {  # suffix → what such a file must be, for the "damaged or misnamed" message
    ".docx": "Word 文档", ".docm": "Word 文档", ".dotx": "Word 文档", ".dotm": "Word 文档",
    ".xlsx": "Excel 文件", ".xlsm": "Excel 文件", ".pptx": "PowerPoint 文件",
    ".pdf": "PDF 文件", ".ofd": "OFD 文件", **dict.fromkeys(IMAGE_SUFFIXES, "图片"),
}


def sniff(data: bytes, suffix: str) -> str:
    """One of docx, pdf, html, ole2, rtf, ofd, image, zip (another zip-based format), mislabelled or text."""
    head = data[:1024]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data, suffix)
    if head.lstrip(b"\r\n\t \xef\xbb\xbf")[:5] == b"%PDF-" or b"%PDF-" in head:
        return "pdf"
    if head.startswith(OLE2):
        return "ole2"
    if head.lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"{\\rtf"):
        return "rtf"  # Word and WPS "save as .doc" often writes RTF
    if head.startswith(IMAGE_MAGIC) and suffix in IMAGE_SUFFIXES:
        return "image"  # only under a picture's name: a .txt of image bytes stays a binary-file error
    if _looks_html(head):
        return "html"
    if not data.strip() and suffix in SUFFIX_KIND:
        return SUFFIX_KIND[suffix]  # an empty .docx/.pdf gets that format's own "empty" message
    if suffix in PROMISED and data.strip():
        return "mislabelled"
    return "text"


def mislabelled(suffix: str) -> str:
    """The one-line reason for a file whose bytes are not the format its name promises."""
    name = PROMISED.get(suffix, "文件")
    return f"不是有效的{' ' if name[0].isascii() else ''}{name}（文件已损坏或扩展名有误）"


def _zip_kind(data: bytes, suffix: str) -> str:
    import zipfile  # only for zip containers: not on the default path

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return "ofd" if suffix == ".ofd" else "docx"  # a truncated zip: let its reader say it is damaged
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names or "ofd.xml" in names:
        return "ofd"
    return "zip"


def _looks_html(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
    return bool(HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")))
