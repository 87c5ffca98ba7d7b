"""checker.segment cuts exactly as jieba does (precise mode, HMM off), and the dictionary cache behaves."""

from __future__ import annotations

import logging
import marshal
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import prebuilt, segment
from checker.segment import dictionary
from tests.conftest import ROOT, SEEDS

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


def test_dictionary_finds_words_and_prefixes_and_keeps_totals(tmp_path, monkeypatch) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("法治政府 5 n\n法治 10 n\n政府 7 n\n政府 9 n\n", encoding="utf-8")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    words = dictionary.load(source)
    assert words.total == 31
    lookup = {fragment: words.lookup[fragment] for fragment in ("法", "法治", "法治政", "法治政府", "法治政府建", "无")}
    assert lookup == {"法": 0, "法治": 10, "法治政": 0, "法治政府": 5, "法治政府建": None, "无": None}
    assert words.get("政府") == 9  # a word listed twice keeps its last frequency
    words.add("政务公开", 3000)
    assert words.get("政务") == 0 and words.get("政务公开") == 3000 and words.total == 3031
    assert words.lookup["政务公"] == 0 and words.lookup["政务公开"] == 3000  # a word added before its group is split
    words.add("政府", 20)
    assert words.get("政府") == 20 and words.lookup["政府"] == 20 and words.total == 3051
    fresh = dictionary.load(source)  # split into sorted lists at once: the last of a repeated word still counts
    assert fresh.group("政") == (["政府"], ["9"]) and fresh.group("法") == (["法治", "法治政府"], ["10", "5"])


def test_cache_is_written_once_per_dictionary_file_and_rebuilt_when_it_changes(tmp_path, monkeypatch) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("法治 10 n\n", encoding="utf-8")
    cache = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(cache))
    dictionary.load(source)
    (cached,) = cache.iterdir()
    assert cached.name == dictionary.cache_name(source)
    before = cached.read_bytes()
    assert dictionary.load(source).lookup["法治"] == 10 and cached.read_bytes() == before  # read, not rebuilt
    source.write_text("法治 10 n\n政府 4 n\n", encoding="utf-8")
    assert dictionary.load(source).total == 14
    assert cached.read_bytes() != before
    other = tmp_path / "other" / "dict.txt"  # another install's jieba: a file of its own, neither rebuilds the other
    other.parent.mkdir()
    other.write_text("政府 4 n\n", encoding="utf-8")
    dictionary.load(other)
    assert sorted(p.name for p in cache.iterdir()) == sorted([cached.name, dictionary.cache_name(other)])


def test_the_dictionary_shipped_with_the_wheel_is_used_only_for_the_same_content(tmp_path, monkeypatch) -> None:
    """The wheel's dictionary (checker.prebuilt) was built from the build's dict.txt: it serves an install whose
    dict.txt has the same bytes, wherever it lies, and is copied into the user's cache under that file's key; a
    dict.txt with other words, or a damaged shipped file, means building as before."""
    built_from = tmp_path / "build-env" / "dict.txt"
    built_from.parent.mkdir()
    built_from.write_text("法治 10 n\n政府 4 n\n", encoding="utf-8")
    shipped = tmp_path / "prebuilt"
    shipped.mkdir()
    (shipped / prebuilt.DICTIONARY).write_bytes(b"".join(dictionary.shippable(built_from)))
    monkeypatch.setattr(prebuilt, "FOLDER", shipped)
    cache = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(cache))
    installed = tmp_path / "site-packages" / "dict.txt"
    installed.parent.mkdir()
    installed.write_bytes(built_from.read_bytes())
    real_build = dictionary.build
    monkeypatch.setattr(dictionary, "build", lambda text: pytest.fail("built although the shipped file fits"))
    words = dictionary.load(installed)
    assert (words.total, words.lookup["法治"], words.lookup["政"]) == (14, 10, 0)
    assert [p.name for p in cache.iterdir()] == [dictionary.cache_name(installed)]
    (shipped / prebuilt.DICTIONARY).unlink()
    assert dictionary.load(installed).lookup["政府"] == 4  # from the user's copy now
    monkeypatch.setattr(dictionary, "build", real_build)
    (shipped / prebuilt.DICTIONARY).write_bytes(b"".join(dictionary.shippable(built_from)))
    other = tmp_path / "other" / "dict.txt"
    other.parent.mkdir()
    other.write_text("法治 10 n\n政府 5 n\n", encoding="utf-8")  # same size, another frequency
    assert dictionary.load(other).lookup["政府"] == 5
    good = (shipped / prebuilt.DICTIONARY).read_bytes()
    (shipped / prebuilt.DICTIONARY).write_bytes(good[:-2] + b"99")
    fresh = tmp_path / "fresh" / "dict.txt"
    fresh.parent.mkdir()
    fresh.write_bytes(built_from.read_bytes())
    assert dictionary.load(fresh).lookup["政府"] == 4


def test_a_corrupt_or_unwritable_cache_is_ignored(tmp_path, monkeypatch) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("法治 10 n\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(cache))
    for junk in (b"not marshal at all", b"\x05\x00\x00\x00" + marshal.dumps(1), b""):
        (cache / dictionary.cache_name(source)).write_bytes(junk)
        assert dictionary.load(source).total == 10
    good = (cache / dictionary.cache_name(source)).read_bytes()
    (cache / dictionary.cache_name(source)).write_bytes(good[:-3])  # cut short
    assert dictionary.load(source).lookup["法治"] == 10
    flipped = good[:-2] + b"99"  # the last frequency, same length and still UTF-8: a wrong word count
    (cache / dictionary.cache_name(source)).write_bytes(flipped)
    assert dictionary.load(source).lookup["法治"] == 10
    (cache / dictionary.cache_name(source)).write_bytes(good[:-6] + b"\xff\xfe" + good[-4:])  # not UTF-8
    assert dictionary.load(source).lookup["法治"] == 10
    cache.chmod(0o777)  # a folder others may write to: its words are not trusted
    (cache / dictionary.cache_name(source)).write_bytes(flipped)
    assert dictionary.load(source).lookup["法治"] == 10
    cache.chmod(0o755)
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(blocked / "cache"))
    assert dictionary.load(source).total == 10


def test_processes_starting_together_share_one_whole_cache(tmp_path) -> None:
    """Eight processes build the cache at the same moment: each writes it whole and renames it into place, so
    every one of them, and every later reader, sees a complete file."""
    source = tmp_path / "dict.txt"
    source.write_text("".join(f"法治{i} {i + 1} n\n" for i in range(20000)), encoding="utf-8")
    cache = tmp_path / "cache"
    script = ("import sys; from pathlib import Path; from checker.segment import dictionary; "
              "d = dictionary.load(Path(sys.argv[1])); print(d.total, d.lookup['法治19999'])")
    env = {**os.environ, "CHECKER_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    children = [subprocess.Popen([sys.executable, "-c", script, str(source)], stdout=subprocess.PIPE, env=env)
                for _ in range(8)]
    outputs = {child.communicate(timeout=60)[0] for child in children}
    assert all(child.returncode == 0 for child in children)
    assert outputs == {f"{sum(range(1, 20001))} 20000\n".encode()}
    assert [p.name for p in cache.iterdir()] == [dictionary.cache_name(source)]  # no temporary file left
    whole = (cache / dictionary.cache_name(source)).read_bytes()
    assert dictionary.from_cache(whole, dictionary.cache_key(source)) is not None


def test_a_group_searched_as_text_answers_as_its_sorted_lists(monkeypatch) -> None:
    fragments = sorted({SEED_TEXT[i:i + n] for n in (1, 2, 3, 5) for i in range(0, len(SEED_TEXT) - n, 7)})
    fragments = [f for f in fragments if not f[0].isspace()]
    monkeypatch.setattr(dictionary, "SPLIT_AFTER", 10 ** 9)
    searched = dictionary.load()
    searched.add("法治督察", 3000)
    monkeypatch.setattr(dictionary, "SPLIT_AFTER", 0)
    split = dictionary.load()
    split.add("法治督察", 3000)
    assert [searched.find(f) for f in fragments] == [split.find(f) for f in fragments]
    assert searched.find("法治督") == split.find("法治督") == 0 and searched.find("法治督察") == 3000
