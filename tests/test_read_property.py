"""Any bytes, under any supported name, become a Document or an InputError: never another exception. Also the
normaliser on any text. Hypothesis, with few examples so that the suite stays fast."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.model import Document
from checker.normalise import normalise
from checker.read import read_source
from checker.read.sniff import sniff
from checker.structure import build_document

SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")
REPORT = ("某某县人民政府关于2024年法治政府建设情况的报告\n\n一、主要举措和成效\n全县办理行政复议案件23件。\n\n"
          "二、存在的不足\n执法能力不足。\n\n某某县人民政府\n2025年3月10日\n")
HEADS = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF-1.7\n", b"PK\x03\x04",
                         b"<html><body><p>", b"<!doctype html><meta charset=gbk>", REPORT.encode("gb18030")])
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _docx() -> bytes:
    import docx

    document = docx.Document()
    for line in REPORT.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DOCX = _docx()


def _judged(data: bytes, suffix: str) -> Document | InputError:
    """Read and build one document from a file named by suffix; the two allowed outcomes, as values."""
    assume(sniff(data, suffix) not in ("ole2", "rtf"))  # those go to LibreOffice: seconds each, tested elsewhere
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"稿{suffix}"
        path.write_bytes(data)
        try:
            return build_document(read_source(str(path)))
        except InputError as exc:
            assert exc.reason and "\n" not in exc.reason
            return exc


@PROPERTY
@given(HEADS, st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_any_bytes_under_any_name_read_or_fail_cleanly(head: bytes, body: bytes, suffix: str) -> None:
    assert isinstance(_judged(head + body, suffix), Document | InputError)


@PROPERTY
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "gb18030", "utf-16"]), st.sampled_from(SUFFIXES))
def test_any_text_in_any_encoding_reads_or_fails_cleanly(text: str, encoding: str, suffix: str) -> None:
    data = text.encode(encoding, errors="replace")
    assert isinstance(_judged(data, suffix), Document | InputError)


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, len(DOCX) - 1), st.integers(0, 255)), max_size=20),
       st.integers(0, len(DOCX)))
def test_a_damaged_docx_reads_or_fails_cleanly(flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(DOCX)
    for at, value in flips:
        data[at] = value
    assert isinstance(_judged(bytes(data[:cut] if cut > 100 else data), ".docx"), Document | InputError)


@PROPERTY
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<table>", "<tr>", "<td>", "</td>", "<br>",
                                 "<script>", "</script>", "<!--", "-->", "<title>", "</title>", "&amp;", "&#0;",
                                 "&#x110000;", "<meta charset=undefined>", "<meta charset=utf-7>", "法治", "\x00",
                                 "一、主要举措"]), max_size=300))
def test_any_html_soup_reads_or_fails_cleanly(parts: list[str]) -> None:
    data = ("<html><body>" + "".join(parts)).encode("utf-8")
    assert isinstance(_judged(data, ".html"), Document | InputError)


@PROPERTY
@given(st.integers(0, 20), st.binary(max_size=200))
def test_a_docx_member_of_any_bytes_fails_cleanly(which: int, junk: bytes) -> None:
    source = zipfile.ZipFile(io.BytesIO(DOCX))
    names = source.namelist()
    target = names[which % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, junk if name == target else source.read(name))
    assert isinstance(_judged(out.getvalue(), ".docx"), Document | InputError)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(), max_size=300))
def test_the_normaliser_takes_any_text(raw: str) -> None:
    text, offsets = normalise(raw)
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("法治政府建设年度报告，。一二三abc 12\n")), min_size=120, max_size=400),
       st.integers(0, 3))
def test_utf8_cut_inside_its_last_character_reads_as_the_characters_before(text: str, lost: int) -> None:
    """A draft piped through `head -c N` (or saved by a tool that stopped at a byte count) may end inside a
    character: what comes before is read; the broken last character goes. A fault anywhere else is still refused."""
    from checker.read.encoding import decode

    data = text.encode("utf-8")
    cut = data[:len(data) - lost]
    assume(len(cut) >= 256)  # a shorter text is weighed against GB18030 and UTF-16 and is decoded strictly
    decoded, name = decode(cut)
    assert name == "utf-8" and data.decode("utf-8").startswith(decoded)
    assert len(decoded.encode("utf-8")) > len(cut) - 4


def test_utf8_broken_in_the_middle_is_still_refused() -> None:
    import pytest

    from checker.read.encoding import DecodeFailure, decode

    data = ("某县人民政府关于2024年度法治政府建设情况的报告。" * 20).encode("utf-8")
    with pytest.raises(DecodeFailure):
        decode(data[:300] + b"\xe4" + data[300:600])
