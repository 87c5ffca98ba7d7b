"""Hostile documents in one walked folder beside a good report: each bad one is one stderr line naming it, the good
one is still judged, nothing is written into the folder, and the run stays inside memory and CPU limits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT
from tests.hostile.conftest import (
    DRAFT,
    docx_bytes,
    error_lines,
    limits,
    one_error,
    report,
    run_bounded,
    snapshot,
)

NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1000000000"/>'
             '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
NUMBERED = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'

# name → (bytes, the reason its stderr line must give; None: it must be judged)
FILES = {
    "空白字符.docx": (docx_bytes(mutate=lambda x: x.replace(
        "</w:body>", '<w:p><w:r><w:t xml:space="preserve">' + " " * 11_000_000 + "</w:t></w:r></w:p></w:body>")),
        "10,000,000 字节"),
    "嵌套.docx": (docx_bytes(mutate=lambda x: x.replace("<w:body>", "<w:body>" + "<w:sdt><w:sdtContent>" * 300)
                             .replace("</w:body>", "</w:sdtContent></w:sdt>" * 300 + "</w:body>")), "256 层"),
    "罗马数字.docx": (docx_bytes(mutate=lambda x: x.replace("<w:p>", NUMBERED, 3),
                                 extra={"word/numbering.xml": NUMBERING}), None),
    "深网页.html": (("<html><body>" + "<div>" * 20000 + DRAFT.replace("\n", "<br>") + "</div>" * 20000
                    + "</body></html>").encode("utf-8"), None),
    "没闭合.html": (("<html><body>" + "<font><b>" * 5000 + DRAFT.replace("\n", "<p>")).encode("utf-8"), None),
    "字符集.html": (f"<html><head><meta charset='undefined'></head><body><p>{DRAFT}</p></body></html>"
                    .encode("utf-8"), None),
    "只有BOM.txt": (b"\xef\xbb\xbf", "空白"),
    "全是NUL.txt": (b"\x00" * 4096, "二进制"),
    "夹着NUL.txt": (DRAFT.encode("utf-8").replace("。".encode(), b"\x00" * 40), "二进制"),
    "截断.docx": (docx_bytes()[:3000], "损坏"),
    "不是PDF.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 40, "PDF"),
}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "报告"
    (folder / "x.txt").mkdir(parents=True)  # a directory named like a report: walked into
    (folder / "x.txt" / "好.txt").write_text(DRAFT, encoding="utf-8")
    (folder / "环").symlink_to("..")  # a link loop: links to folders are not followed
    (folder / "自己.txt").symlink_to("自己.txt")  # a file link loop
    (folder / "断链.docx").symlink_to("没有这个文件.docx")
    os.mkfifo(folder / "管道.txt")  # nobody writes to it: reading it would hang, a walk skips it
    for name, (data, _) in FILES.items():
        (folder / name).write_bytes(data)
    return folder


def test_hostile_documents_beside_a_good_one(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    before = snapshot(folder)
    proc = run_bounded("audit", "报告", "-j", "2", "--format", "json", "--exit-zero", cwd=tmp_path)
    lines = error_lines(proc)
    assert proc.returncode == 2
    docs = report(proc)
    good = docs["报告/x.txt/好.txt"]
    assert good["error"] is None and good["score"] is not None
    expected = {f"报告/{name}": why for name, (_, why) in FILES.items()}
    expected |= {"报告/自己.txt": "链接", "报告/断链.docx": "链接"}
    for path, why in expected.items():
        doc = docs[path]
        if why is None:
            assert doc["error"] is None and doc["score"] is not None, (path, doc["error"])
        else:
            assert why in doc["error"]["message"], (path, doc["error"])
            assert sum(line.startswith(f"checker: {path}: ") for line in lines) == 1, (path, lines)
    assert len(lines) == sum(why is not None for why in expected.values())
    assert "报告/管道.txt" not in docs
    assert snapshot(folder) == before and (folder / "管道.txt").is_fifo()


def _audit_stdin(tmp_path: Path, stdin, close: bool = False) -> subprocess.CompletedProcess:
    """checker audit - with stdin from a file (or closed before checker starts), inside the limits."""
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT),
           "CHECKER_CACHE_DIR": os.environ["CHECKER_CACHE_DIR"]}
    bound = limits()

    def preexec() -> None:
        bound()
        if close:
            os.close(0)

    return subprocess.run([sys.executable, "-m", "checker", "audit", "-", "-q"], stdin=stdin, cwd=tmp_path,
                          env=env, preexec_fn=preexec, capture_output=True, timeout=300)


def test_stdin_that_never_ends_stops_at_the_size_cap(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        proc = _audit_stdin(tmp_path, zero)
    assert proc.returncode == 2 and "大小上限" in one_error(proc, "<stdin>")


def test_closed_stdin_is_an_input_error(tmp_path: Path) -> None:
    proc = _audit_stdin(tmp_path, subprocess.DEVNULL, close=True)
    assert proc.returncode == 2 and "标准输入已关闭" in one_error(proc, "<stdin>")


def test_a_fifo_given_by_name_is_read(tmp_path: Path) -> None:
    """Named on the command line (as a shell's <(…) is), a pipe is read like cat reads it."""
    fifo = tmp_path / "管道.txt"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"cat > '{fifo}'"], stdin=subprocess.PIPE)
    writer.stdin.write(DRAFT.encode("utf-8"))
    writer.stdin.close()
    proc = run_bounded("audit", "管道.txt", "--format", "json", "--exit-zero", cwd=tmp_path)
    writer.wait(timeout=60)
    error_lines(proc)
    assert proc.returncode == 0 and report(proc)["管道.txt"]["score"] is not None


def test_jobs_with_one_file(tmp_path: Path, draft: Path) -> None:
    proc = run_bounded("audit", draft.name, "-j", "8", "--format", "json", cwd=tmp_path)
    assert error_lines(proc) == [] and proc.returncode in (0, 1)
    assert report(proc)[draft.name]["score"] is not None


def test_the_xlsx_of_the_batch_is_a_workbook(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    proc = run_bounded("audit", "报告", "--format", "xlsx", "-o", "结果.xlsx", cwd=tmp_path)
    error_lines(proc)
    assert proc.returncode == 2
    assert "xl/workbook.xml" in zipfile.ZipFile(tmp_path / "结果.xlsx").namelist()
    assert json.dumps(sorted(p.name for p in tmp_path.iterdir())) == json.dumps(sorted(["报告", "结果.xlsx"]))
    assert folder.is_dir()
