"""checker.segment cuts exactly as jieba does (precise mode, HMM off), and the dictionary cache behaves."""

from __future__ import annotations

import logging
import marshal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import segment
from checker.segment import dictionary
from tests.conftest import SEEDS

jieba = pytest.importorskip("jieba")

PACK_WORDS = frozenset(["尊法学法", "人民调解", "执法全过程", "全过程记录", "行政复议", "调解员", "三项制度", "府院联动"])
# Characters of real reports, with letters, digits, the punctuation jieba treats specially, and whitespace.
SEED_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
ALPHABET = "".join(sorted(set(SEED_TEXT))) + "aZ9+#&._%-\r\n\t "
# Pieces of the seeds 2–6 characters long, so that generated text is dense with real words that overlap.
PIECES = sorted({SEED_TEXT[i:i + n] for n in (2, 3, 4, 6) for i in range(0, len(SEED_TEXT) - n, 97)} | PACK_WORDS)
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet=ALPHABET, max_size=3)), max_size=15).map("".join)


@pytest.fixture(scope="module")
def reference():
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    segment.learn(PACK_WORDS)
    for word in segment._added:
        tokenizer.add_word(word, freq=max(tokenizer.FREQ.get(word) or 0, segment.DOMAIN_FREQ))
    return tokenizer


def test_seed_lines_cut_as_jieba_cuts_them(reference) -> None:
    lines = [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 100
    for line in lines:
        assert segment.cut(line) == reference.lcut(line, HMM=False), line


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_cuts_as_jieba_cuts_it(reference, text: str) -> None:
    assert segment.cut(text) == reference.lcut(text, HMM=False)


def test_same_total_as_jieba_after_learning(reference) -> None:
    assert segment._words().total == reference.total


def test_pack_word_is_cut_whole_and_a_trap_is_refused(reference) -> None:
    assert "尊法学法" in segment.cut("组织尊法学法活动")
    sentence = "协调解决群众诉求"
    assert not segment.aligned(sentence, sentence.index("调解"), sentence.index("调解") + 2)
    sentence = "发挥人民调解作用"
    assert segment.aligned(sentence, sentence.index("调解"), sentence.index("调解") + 2)


def test_dictionary_groups_keep_prefixes_and_totals(tmp_path, monkeypatch) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("法治 10 n\n法治政府 5 n\n政府 7 n\n", encoding="utf-8")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    words = dictionary.load(source)
    assert words.total == 22
    assert words.starting_with("法") == {"法": 0, "法治": 10, "法治政": 0, "法治政府": 5}
    assert words.starting_with("无") == {}
    words.add("政务公开", 3000)
    assert words.get("政务") == 0 and words.get("政务公开") == 3000 and words.total == 3022


def test_cache_is_written_once_and_rebuilt_when_the_source_changes(tmp_path, monkeypatch) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("法治 10 n\n", encoding="utf-8")
    cache = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(cache))
    dictionary.load(source)
    (cached,) = cache.iterdir()
    key, total, groups = marshal.loads(cached.read_bytes())
    assert total == 10 and groups == {"法": "法治\x0010"}
    source.write_text("法治 10 n\n政府 4 n\n", encoding="utf-8")
    assert dictionary.load(source).total == 14
    assert marshal.loads(cached.read_bytes())[0] != key


def test_a_corrupt_or_unwritable_cache_is_ignored(tmp_path, monkeypatch) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("法治 10 n\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"words-{dictionary.CACHE_FORMAT}.marshal").write_bytes(b"not marshal at all")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(cache))
    assert dictionary.load(source).total == 10
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(blocked / "cache"))
    assert dictionary.load(source).total == 10
