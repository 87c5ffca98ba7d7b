"""The same report in the shapes a reviewer receives it in must get the same judgement: saved from a portal with its
page fields above and its footer below, converted from Word with a blank line between paragraphs or its numbers
spaced out, its headings in Markdown bold, indented with full-width spaces, with Windows line ends, with the page
numbers of a PDF conversion (— 3 —) between its lines, or copied by a mirror site in traditional script. Each
variant of every tune document with a paragraph on each line is compared with the document itself, on what checker
reads (genre, title, body, level, year) and on every element's grade; no label is looked at, so nothing here is tuned
to a verdict."""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.normalise import normalise
from tests.accuracy import labelled
from tests.helpers import reading, unwrapped

HEADING = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]")
PAGE_FIELDS = "来源：本站  浏览次数：126\n字号：【大 中 小】 打印本页 关闭窗口\n\n"
PAGE_TABLE = ("| 索引号 | 11500000MB1764395X/2026-00028 | 发文字号 | 无 |\n| 主题分类 | 综合政务 | 体裁分类 | 公告公示 |\n"
              "| [ 发布机构 ] | 县司法局 | ||\n| [ 公开方式 ] | 主动公开 |\n\n")  # a portal's fields as a table
PAGE_FOOTER = ("\n\n【打印本页】【关闭窗口】\n主办单位：县人民政府办公室  网站标识码：1234000001\n"
               "ICP备案号：某ICP备05070218号  某公网安备 11010502030143号\n")
VARIANTS: dict[str, Callable[[str], str]] = {
    "page fields above": lambda text: PAGE_FIELDS + text,
    "page footer below": lambda text: text + PAGE_FOOTER,
    "page fields in a table above": lambda text: PAGE_TABLE + text,
    "a blank line between paragraphs": lambda text: re.sub(r"(?<=\S)\n(?=\S)", "\n\n", text),
    "full-width indents": lambda text: "\n".join("\u3000\u3000" + line if line.strip() else line
                                                 for line in text.split("\n")),
    "Windows line ends": lambda text: text.replace("\n", "\r\n"),
    "bold headings pasted from a chat assistant": lambda text: "\n".join(
        f"**{line.strip()}**" if HEADING.match(line.strip()) and len(line.strip()) < 40 else line
        for line in text.split("\n")),
    "page numbers left by a PDF conversion": lambda text: "\n".join(
        f"{line}\n— {n // 12} —" if n % 12 == 0 else line for n, line in enumerate(text.split("\n"), start=1)),
    "numbers spaced out by an export": lambda text: re.sub(r"(?<=[\u4e00-\u9fff])(\d+)(?=[\u4e00-\u9fff])", r" \1 ", text),
    "a mirror site's traditional script": lambda text: text.translate(_traditional()),
}


@functools.lru_cache(maxsize=1)
def _traditional() -> dict[int, int]:
    """Simplified → traditional, one character for one, from the table checker reads the other way."""
    package = importlib.util.find_spec("opencc_purepy")
    table = Path(next(iter(package.submodule_search_locations))) / "dicts" / "STCharacters.txt"
    out = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        simplified, _, traditional = line.partition("\t")
        first = traditional.split()[0] if traditional.split() else ""
        if len(simplified) == 1 and len(first) == 1:
            out[ord(simplified)] = ord(first)
    return out


def _as_written(text: str) -> bool:
    """A text with a paragraph on each line: one saved wrapped at a fixed width is a shape of its own (its variants
    would wrap a wrapped text again; tests/test_unwrap.py covers it)."""
    return unwrapped(text) == normalise(text)[0]


DOCUMENTS = [doc for doc in labelled() if doc.part == "tune" and _as_written(doc.path.read_text(encoding="utf-8"))
             ][::3]  # a third of the tune part keeps the suite fast


@pytest.fixture(scope="module")
def originals() -> dict[str, tuple]:
    return {doc.id: reading(doc.path.read_text(encoding="utf-8")) for doc in DOCUMENTS}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_report_reads_the_same_in_every_shape_it_arrives_in(variant: str, originals: dict[str, tuple]) -> None:
    changed = {}
    for doc in DOCUMENTS:
        seen = reading(VARIANTS[variant](doc.path.read_text(encoding="utf-8")))
        if seen != originals[doc.id]:
            changed[doc.id] = _difference(originals[doc.id], seen)
    assert not changed


def _difference(before: tuple, after: tuple) -> dict[str, tuple]:
    names = ("genre", "title", "body", "level", "year")
    out = {name: (a, b) for name, a, b in zip(names, before[0], after[0]) if a != b}
    out.update({element: (a, b) for (element, a), (_, b) in zip(before[1], after[1]) if a != b})
    return out
