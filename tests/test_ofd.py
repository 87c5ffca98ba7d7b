"""OFD input (checker/read/ofd.py) on packages written at test time by tests/fixtures/ofd.py: the seeds' verdicts equal
the text's, evidence carries page numbers, glyph order comes from positions, and hostile or damaged packages are
refused with one Chinese line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.audit import audit_source
from checker.errors import InputError
from checker.read import ocr, read_source
from checker.read.ofd import _deltas, read_ofd
from tests.conftest import SEEDS
from tests.fixtures.ofd import build_ofd
from tests.helpers import invoke

DRAFT = """某县人民政府关于2024年法治政府建设情况的报告
2024年，我县坚持以习近平法治思想为指导，全面推进法治政府建设，现将有关情况报告如下。
一、主要举措和成效
县政府常务会议每季度研究1次法治政府建设工作，全年办理行政复议案件37件，纠错3件，制发意见书2份。
二、存在的不足和原因
一是基层执法人员法治素养不高。主要原因是培训投入不足、考核不严。
三、2025年工作安排
年底前完成行政规范性文件全面清理，全年组织执法人员培训4期以上。
某县人民政府
2025年3月20日
"""


def _statuses(path: str, pack=None) -> dict[str, str]:
    result = audit_source(path, pack)
    assert result.error is None, result.error
    return {e.id: e.status for e in result.elements}


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_as_ofd_gives_the_statuses_of_the_text(tmp_path: Path, seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    path = tmp_path / "report.ofd"
    path.write_bytes(build_ofd(text.splitlines(), header="某某县人民政府办公室", seed=len(text)))
    assert _statuses(str(path)) == _statuses(str(SEEDS / seed))


def test_evidence_names_the_page_it_is_on(tmp_path: Path) -> None:
    path = tmp_path / "draft.ofd"
    path.write_bytes(build_ofd(DRAFT.splitlines() * 3))  # three copies: several pages
    result = audit_source(str(path), None)
    raw = read_source(str(path))
    assert len(raw.page_starts) >= 2 and raw.kind == "ofd"
    pages = [raw.text[a:b] for a, b in zip(raw.page_starts, [*raw.page_starts[1:], len(raw.text)])]
    seen = [ev for e in result.elements for ev in e.evidence]
    assert seen and all(ev.page is not None for ev in seen)
    for ev in seen:
        core = ev.text.strip("…")[:12]
        assert core in pages[ev.page - 1].replace("\n", "") or core in pages[ev.page - 1], (ev.page, ev.text)


def test_running_header_template_and_page_numbers_are_not_text(tmp_path: Path) -> None:
    lines = DRAFT.splitlines() * 3
    raw = read_ofd("x.ofd", build_ofd(lines, header="某县人民政府办公室文件"))
    assert "某县人民政府办公室文件" not in raw.text and "- 1 -" not in raw.text
    assert raw.text.splitlines()[0] == lines[0]
    assert dict(raw.properties)["title"] == lines[0]


_PARAGRAPH = st.text(alphabet=st.sampled_from("法治政府建设年度报告行政复议案件执法监督一二三四五六七八九十0123456789，。、"),
                     min_size=8, max_size=120).filter(lambda t: not t[0].isdigit())


@settings(max_examples=25, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=2, max_size=8), st.integers(0, 1000))
def test_paragraphs_survive_layout_and_shuffled_objects(paragraphs: list[str], seed: int) -> None:
    """Any paragraphs, laid out on pages and wrapped, with text objects in random order and in three producer
    styles, read back as the same paragraphs."""
    lines = ["某县人民政府关于2024年法治政府建设情况的报告", *paragraphs]
    raw = read_ofd("p.ofd", build_ofd(lines, seed=seed))
    assert raw.text.splitlines() == lines


@given(st.lists(st.floats(0.1, 50, allow_nan=False).map(lambda f: round(f, 3)), min_size=1, max_size=30),
       st.integers(1, 40))
def test_deltax_repeat_abbreviation(values: list[float], times: int) -> None:
    plain = " ".join(str(v) for v in values)
    assert _deltas(plain) == values
    assert _deltas(f"g {times} {values[0]} {plain}") == [values[0]] * times + values


def _package(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _declared_huge(data: bytes) -> bytes:
    """The package with its last member declaring 4 GB uncompressed in the central directory (a zip bomb's claim,
    without writing one)."""
    at = data.rindex(b"PK\x01\x02")
    return data[:at + 24] + (0xFFFFFFF0).to_bytes(4, "little") + data[at + 28:]


def test_hostile_and_damaged_packages_are_one_line(tmp_path: Path) -> None:
    good = _members(build_ofd(DRAFT.splitlines()))
    page = "Doc_0/Pages/Page_0/Content.xml"
    entity = good[page].replace(b"<ofd:Page", b'<!DOCTYPE p [<!ENTITY a "aaaa">]><ofd:Page', 1)
    cases = {
        "entity.ofd": (_package({**good, page: entity}), "XML 炸弹"),
        "bomb.ofd": (_declared_huge(_package({**good, "Doc_0/Res/big.bin": b"\0" * 64})), "压缩炸弹"),
        "noroot.ofd": (_package({**good, "OFD.xml": good["OFD.xml"].replace(b"DocRoot", b"DocRootX")}), "不完整"),
        "broken.ofd": (_package({**good, page: good[page][:200]}), "已损坏"),
        "notzip.ofd": (b"plain text, not a package", "不是有效的 OFD 文件"),
    }
    for name, (data, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InputError, match=reason):
            read_source(str(path))


def _png(width: int = 40, height: int = 40) -> bytes:
    """A white PNG, written without an imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\0" + b"\xff" * width * 3 for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_an_ofd_of_page_pictures_says_how_to_read_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = tmp_path / "scan.ofd"
    path.write_bytes(build_ofd(["某县人民政府关于2024年法治政府建设情况的报告"], scan=_png(), pages=[]))
    with pytest.raises(InputError, match=r"只有图片.*pip install 'fazhi-checker\[ocr\]'"):
        read_source(str(path))


def test_a_picture_page_among_text_pages_is_left_out_without_ocr(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = tmp_path / "mixed.ofd"
    path.write_bytes(build_ofd(DRAFT.splitlines(), scan=_png()))
    raw = read_source(str(path))
    assert raw.text.splitlines() == DRAFT.splitlines() and not dict(raw.properties).get("ocr_pages")


def test_cli_audits_an_ofd_with_pages_in_evidence(tmp_path: Path) -> None:
    path = tmp_path / "draft.ofd"
    path.write_bytes(build_ofd(DRAFT.splitlines()))
    run = invoke("audit", "--no-color", str(path))
    assert run.code in (0, 1) and "第1页" in run.out, run.err
