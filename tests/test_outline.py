"""`checker outline`: what the checker understood of each seed, in every format, with values written by reading
the seeds (seeds/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli.outline import outline
from checker.read import read_source
from checker.render.outline import outline_dict
from checker.structure import build_document
from tests.conftest import SEEDS

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"
SEED = {p.stem[:3]: p for p in sorted(SEEDS.glob("*.txt"))}

EXPECTED = {
    "000": dict(title="镇平县人民政府关于2024年法治政府建设情况的报告", body="镇平县人民政府", level="county", year=2024,
                published="2025-03-25", signoff=None,
                sections=["强化法治建设第一责任人职责,确保正确的政治方向", "完善依法行政制度体系,确保牢固的制度基础",
                          "存在问题", "下步工作重点"]),
    "001": dict(title="关于2019年度法治政府建设情况报告", body="天镇县人民政府", level="county", year=2019,
                published="2020-03-31", signoff=("天镇县人民政府", "2020-03-30"),
                sections=["基本情况", "存在的突出问题及原因分析", "2020年度推进法治政府建设主要安排"]),
    "002": dict(title="马村区关于2023年度法治政府建设工作情况的报告", body="马村区", level="county", year=2023,
                published="2024-01-05", signoff=(None, "2024-01-05"),
                sections=["法治政府建设履职情况", "存在问题", "下一步工作打算及建议"]),
    "003": dict(title="翠华镇2024年度法治政府建设工作报告", body="翠华镇", level="township", year=2024,
                published=None, signoff=("翠华镇人民政府", "2025-03-05"),
                sections=["2024年主要工作完成情况", "存在问题和不足", "2025年工作思路"]),
    "004": dict(title=None, body="县溪镇人民政府", level="township", year=2023, published="2024-01-30", signoff=None,
                sections=["全面推行行政执法“三项制度”工作情况", "推进行政执法信息化建设情况", "行政执法情况",
                          "其他方面的工作情况"]),
}


def sources():
    for key in EXPECTED:
        yield key, SEED[key]
        for kind in ("docx", "html", "pdf", "gb18030.txt"):
            yield key, FORMATS / f"{key}.{kind}"


@pytest.mark.parametrize(("key", "path"), list(sources()), ids=lambda v: getattr(v, "name", v))
def test_outline_of_each_seed_in_each_format(key: str, path: Path) -> None:
    if path.suffix == ".pdf":
        pytest.importorskip("pypdfium2")
    item = outline_dict(build_document(read_source(str(path))))
    want = EXPECTED[key]
    got = {k: item[k] for k in ("title", "body", "level", "year", "published")}
    assert got == {k: want[k] for k in got}
    signoff = item["signoff"] and (item["signoff"]["body"], item["signoff"]["date"])
    assert signoff == want["signoff"]
    assert [s["title"] for s in item["sections"]] == want["sections"]
    if path.suffix == ".pdf":
        assert item["pages"] and all("page" in s for s in item["sections"])


def test_outline_json_and_tree() -> None:
    runner = CliRunner()
    result = runner.invoke(outline, ["--format", "json", str(SEED["003"])])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "checker-outline/1"
    doc = data["documents"][0]
    assert doc["title"] == "翠华镇2024年度法治政府建设工作报告" and doc["title_at"] == {"line": 1}
    assert doc["sections"][0]["children"][0]["number"] == "(一)"
    result = runner.invoke(outline, ["--no-color", str(SEED["003"])])
    assert result.exit_code == 0
    for text in ("标题：翠华镇2024年度法治政府建设工作报告", "层级：乡镇（街道）", "年度：2024",
                 "落款：翠华镇人民政府 2025-03-05", "一、2024年主要工作完成情况", "(一)以习近平法治思想为引领"):
        assert text in result.stdout, text


def test_outline_bad_input_is_one_line_and_exit_two(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    result = CliRunner().invoke(outline, ["--format", "json", str(empty), str(SEED["000"])], standalone_mode=False)
    assert result.return_value == 2  # main() turns the command's return value into the exit code
    assert [line for line in result.stderr.splitlines() if line] == [f"checker: {empty}: 文件为空（0 字节）"]
    docs = json.loads(result.stdout)["documents"]
    assert docs[0]["error"]["kind"] == "input" and docs[1]["title"].startswith("镇平县")
