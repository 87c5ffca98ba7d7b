"""How alike two pieces of a report are in what they are about: content words weighted by how rare they are in
the two reports (tf-idf over their sentences), compared by cosine, so that the same task in other words a year
later still meets (配齐执法记录仪 / 新购置执法记录仪320台) while two items that share only 执法 or 法治 do not.

Words come from jieba's exact cut (checker.segment) taught the pack's vocabulary; figures, single characters and
the words every problem or plan is phrased with (加强, 推进, 有待, 不足 …) carry no content.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from checker import segment

CONTENT = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{2,}")
PHRASING = frozenset("""
工作 进一步 加强 推进 推动 开展 落实 完善 提升 提高 深入 全面 持续 不断 有待 不够 不足 问题 存在 部分 个别 主要 原因
方面 能力 水平 情况 全县 全市 全区 全镇 全乡 全省 县政府 市政府 区政府 镇政府 乡政府 我县 我市 我区 我镇 我局 本局
一是 二是 三是 四是 五是 实现 进行 组织 以及 相关 有关 各类 全年 年度 明年 今年 下一步 继续 切实 积极 认真 努力
着力 重点 仍然 依然 不强 不高 不到位 薄弱 滞后 还不 较为 比较 一些 少数 多数 部门 单位 建立 健全 制定 规范 加快
强化 深化 做好 抓好 严格 注重 坚持 有效 逐步 确保 全部 共计 其中 同比 达到 以上 之一 相应 一批 各级 力度 意识
作用 发挥 机制 制度 体系 质量 要求 措施 有序 扎实 大力 全力 依法 法治 政府 行政 建设 管理 服务 力量 仍有 现象 发生
出台 机关 负责人 人员
""".split())


def words(text: str) -> list[tuple[str, str]]:
    """The content words of text, each with the word it comes from: the words themselves and the two-character
    pieces of the longer ones, so that 裁量权 meets 裁量 and 依法治校 meets 治校 however jieba cut them."""
    out = []
    for w in segment.cut(text):
        if not CONTENT.fullmatch(w) or w in PHRASING:
            continue
        out.append((w, w))
        if len(w) > 2 and not w.isascii():
            out += [(w[i:i + 2], w) for i in range(len(w) - 1) if w[i:i + 2] not in PHRASING]
    return out


class Likeness:
    """tf-idf vectors over a fixed set of texts (every sentence and item of both reports).

    `areas` are words that name a field of work (行政复议, 行政应诉: the pack's topic words). A promise and a
    sentence that share only one of them are about the same field, not the same task (建成复议服务中心 / 收到复议
    申请41件)."""

    def __init__(self, texts: Iterable[str], areas: frozenset[str] = frozenset()) -> None:
        self._areas = areas
        self._words = {text: words(text) for text in dict.fromkeys(texts)}
        df: Counter[str] = Counter()
        for found in self._words.values():
            df.update({feature for feature, _ in found})
        n = len(self._words)
        self._idf = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()}
        self._vectors: dict[str, tuple[dict[str, float], float, dict[str, set[str]]]] = {}

    def vector(self, text: str) -> tuple[dict[str, float], float, dict[str, set[str]]]:
        """The text's tf-idf vector, its length, and for each feature the words it comes from."""
        if text not in self._vectors:
            found = self._words.get(text) or words(text)
            bag = Counter(feature for feature, _ in found)
            roots: dict[str, set[str]] = {}
            for feature, root in found:
                roots.setdefault(feature, set()).add(root)
            vec = {w: (1 + math.log(c)) * self._idf.get(w, 1.0) for w, c in bag.items()}
            self._vectors[text] = (vec, math.sqrt(sum(v * v for v in vec.values())), roots)
        return self._vectors[text]

    def similarity(self, a: str, b: str, task: bool = False) -> float:
        """Cosine of the two texts' vectors, 0 when either has no content words. For a task (`a` promises one),
        also 0 when all they share is the name of one field: the task's own object has to be there."""
        (va, na, roots), (vb, nb, _) = self.vector(a), self.vector(b)
        if not na or not nb:
            return 0.0
        shared = [w for w in va if w in vb]
        if not shared or task and self._one_field(set().union(*(roots[w] for w in shared))):
            return 0.0
        return sum(va[w] * vb[w] for w in shared) / (na * nb)

    def _one_field(self, roots: set[str]) -> bool:
        main = {r for r in roots if not any(r != other and r in other for other in roots)}
        return len(main) == 1 and next(iter(main)) in self._areas


class Candidates:
    """Texts to search for the one most like a given text: an index from each content word to the texts that have
    it, so that ranking costs what the words share, not one comparison per text."""

    def __init__(self, likeness: Likeness, texts: Sequence[str]) -> None:
        self.likeness = likeness
        self.texts = texts
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, text in enumerate(texts):
            vec, norm, _ = likeness.vector(text)
            for w, v in vec.items():
                self._postings[w].append((i, v / norm))

    def ranked(self, text: str) -> list[tuple[float, int]]:
        """(cosine, index) of every text sharing a content word with `text`, most alike first, earlier first."""
        vec, norm, _ = self.likeness.vector(text)
        if not norm:
            return []
        dots: dict[int, float] = defaultdict(float)
        for w, v in vec.items():
            for i, u in self._postings.get(w, ()):
                dots[i] += v / norm * u
        return sorted(((d, i) for i, d in dots.items()), key=lambda pair: (-pair[0], pair[1]))
