"""The caches of a cold start: validated packs and compiled regular expressions are reused while what they were
built from is unchanged, and a cache that is corrupt, stale, unwritable or not private to the user is ignored."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import caches, regexcache, warm
from checker.packs import cache as pack_cache
from tests.conftest import ROOT, RULES, SEEDS

PROBE = """
import sys
from checker.packs.loader import load_pack
pack = load_pack(sys.argv[1])
print(pack.element("report-title").title, "yaml" in sys.modules)
"""


def python(code: str, *args: str, cache: Path) -> str:
    env = {**os.environ, "CHECKER_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True,
                          timeout=120).stdout.strip()


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    shutil.copytree(RULES / "fazhi-annual", tmp_path / "pack")
    return tmp_path / "pack"


def test_a_pack_is_read_from_its_files_once_then_from_the_cache(tmp_path: Path, pack_copy: Path) -> None:
    cache = tmp_path / "cache"
    assert python(PROBE, str(pack_copy), cache=cache) == "标题 True"
    assert python(PROBE, str(pack_copy), cache=cache) == "标题 False"  # no YAML read: yaml never imported


def test_a_changed_pack_file_is_read_again(tmp_path: Path, pack_copy: Path) -> None:
    cache = tmp_path / "cache"
    python(PROBE, str(pack_copy), cache=cache)
    element = pack_copy / "elements" / "report-title.yaml"
    element.write_text(element.read_text(encoding="utf-8").replace("title: 标题", "title: 报告标题"),
                       encoding="utf-8")
    assert python(PROBE, str(pack_copy), cache=cache) == "报告标题 True"


CHECKS_PROBE = """
import sys
from checker.packs.loader import load_pack
pack = load_pack(sys.argv[1])
print(pack.extends, {c.id: c.enabled for c in pack.checks}["placeholder"])
"""


def test_a_checks_yaml_added_later_is_read(tmp_path: Path) -> None:
    """The cached pack depended on checks.yaml not being there: when it appears, the pack is built again."""
    cache, pack = tmp_path / "cache", tmp_path / "mine"
    pack.mkdir()
    (pack / "pack.yaml").write_text('id: mine\ntitle: 我的\nversion: "1"\nextends: fazhi-annual\n', encoding="utf-8")
    assert python(CHECKS_PROBE, str(pack), cache=cache) == "('fazhi-annual',) True"
    (pack / "checks.yaml").write_text("checks:\n  placeholder:\n    enabled: false\n", encoding="utf-8")
    assert python(CHECKS_PROBE, str(pack), cache=cache) == "('fazhi-annual',) False"


def test_extends_is_found_beside_the_pack_never_in_the_current_folder(tmp_path: Path) -> None:
    """A copy of a built-in pack in the folder checker runs from never becomes the parent; one placed beside the
    pack later does, and the cached pack notices it."""
    cache, pack = tmp_path / "cache", tmp_path / "packs" / "mine"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text('id: mine\ntitle: 我的\nversion: "1"\nextends: fazhi-annual\n', encoding="utf-8")
    local = tmp_path / "copy"
    shutil.copytree(RULES / "fazhi-annual", local)
    (local / "pack.yaml").write_text((local / "pack.yaml").read_text(encoding="utf-8").replace(
        "id: fazhi-annual", "id: local-annual"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(local, elsewhere / "fazhi-annual")
    env = {**os.environ, "CHECKER_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", CHECKS_PROBE, str(pack)], env=env, capture_output=True, text=True,
                         cwd=elsewhere, timeout=120, check=True)
    assert run.stdout.strip() == "('fazhi-annual',) True"  # the built-in parent, not the copy in the current folder
    shutil.copytree(local, pack / "fazhi-annual")
    assert python(CHECKS_PROBE, str(pack), cache=cache) == "('local-annual',) True"


def test_a_corrupt_or_foreign_pack_cache_is_ignored(tmp_path: Path, pack_copy: Path) -> None:
    cache = tmp_path / "cache"
    python(PROBE, str(pack_copy), cache=cache)
    (entry,) = cache.glob("pack-*.pickle")
    entry.write_bytes(entry.read_bytes()[:-40])
    assert python(PROBE, str(pack_copy), cache=cache) == "标题 True"
    assert python(PROBE, str(pack_copy), cache=cache) == "标题 False"
    cache.chmod(0o777)  # a folder others may write to: its pickles are not trusted
    assert python(PROBE, str(pack_copy), cache=cache) == "标题 True"


def test_an_unwritable_cache_folder_costs_nothing_but_time(tmp_path: Path, pack_copy: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    assert python(PROBE, str(pack_copy), cache=blocked / "cache") == "标题 True"


def test_preloaded_expressions_are_the_ones_re_compiles(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "CHECKER_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    seed = str(next(SEEDS.glob("*.txt")))
    runs = [subprocess.run([sys.executable, "-m", "checker", "audit", "--exit-zero", seed], env=env,
                           capture_output=True, timeout=120) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode == 0
    (saved,) = cache.glob("regex-*.marshal")
    code = """
import re
from checker import regexcache
regexcache.preload()
cache, _, _, compiler, _ = regexcache._internals()
assert len(regexcache._loaded) > 100, len(regexcache._loaded)
for key in regexcache._loaded:
    assert cache[key] == compiler.compile(key[1], key[2]), key  # same flags, groups and program
print(len(regexcache._loaded))
"""
    assert int(python(code, cache=cache)) > 100
    saved.write_bytes(b"\x00garbage")
    assert python("from checker import regexcache; regexcache.preload(); print(len(regexcache._loaded))",
                  cache=cache) == "0"


def test_the_regex_cache_is_kept_only_when_something_new_was_compiled(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_loaded", {})
    re.purge()  # what earlier tests compiled would fill re's cache past what is kept, this pattern last
    re.compile("checker-test-(?P<one>a)b+")
    regexcache.save()
    (saved,) = tmp_path.glob("regex-*.marshal")
    cache = regexcache._internals()[0]
    key = (str, "checker-test-(?P<one>a)b+", 0)
    compiled = cache.pop(key)
    regexcache.preload()
    assert key in regexcache._loaded and cache[key] == compiled and cache[key].groupindex == {"one": 1}
    before = saved.stat().st_mtime_ns
    regexcache.save()
    assert saved.stat().st_mtime_ns == before


def test_cache_files_go_to_the_first_folder_that_takes_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "c"))
    caches.write("x.bin", [b"one", b"two"])
    assert dict(caches.read("x.bin")) == {tmp_path / "c": b"onetwo"}
    assert caches.private(tmp_path / "c")
    assert pack_cache.entry_name(Path("/a/pack.yaml")) != pack_cache.entry_name(Path("/b/pack.yaml"))


def test_the_caches_shipped_with_the_wheel_serve_a_first_run(tmp_path: Path) -> None:
    """`python -m checker.warm` (run by hatch_build.py while the wheel is built) writes the dictionary and the
    patterns an audit compiles; an install that ships them starts with an empty user cache, reads them, gives the
    same report, and keeps in its own cache only the dictionary (under its own key), not a second copy of the
    patterns."""
    seed = str(next(SEEDS.glob("*.txt")))
    shipped = tmp_path / "prebuilt"
    builder = tmp_path / "builder"  # the builder's own folder: a broken .checker.yaml there is not read
    builder.mkdir()
    (builder / ".checker.yaml").write_text("fail_under: [oops\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    made = subprocess.run([sys.executable, "-m", "checker.warm", str(shipped), seed], cwd=builder, env=env,
                          check=True, capture_output=True, text=True, timeout=300).stdout.splitlines()
    assert sorted(Path(p).name for p in made) == sorted(["words.bin", regexcache.cache_name()])
    launch = (f"import sys; from pathlib import Path; from checker import prebuilt; "
              f"prebuilt.FOLDER = Path({str(shipped)!r}); exec({warm.LAUNCHER!r})")
    reports = []
    for name in ("shipped", "none"):
        cache = tmp_path / f"cache-{name}"
        env = {**os.environ, "CHECKER_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
        code = launch if name == "shipped" else warm.LAUNCHER
        run = subprocess.run([sys.executable, "-c", code, "audit", "--exit-zero", seed], env=env,
                             capture_output=True, timeout=120)
        assert run.returncode == 0, run.stderr
        reports.append(run.stdout)
        kept = sorted(p.name.split("-")[0] for p in cache.iterdir())
        assert kept == (["pack", "pack", "words"] if name == "shipped" else ["pack", "pack", "regex", "words"])
    assert reports[0] == reports[1]


def test_a_damaged_byte_in_a_saved_program_is_never_used(tmp_path: Path) -> None:
    """A program whose bytes changed would match other text: the file's CRC refuses it, and re compiles."""
    cache = tmp_path / "cache"
    python("import re; from checker import regexcache; re.compile('checker-crc-(?P<x>原因)+'); regexcache.save()",
           cache=cache)
    (saved,) = cache.glob("regex-*.marshal")
    data = saved.read_bytes()
    literal = b"i" + ord("原").to_bytes(4, "little")  # the program's LITERAL operand, a marshalled int
    assert literal in data
    saved.write_bytes(data.replace(literal, b"i" + (ord("原") + 1).to_bytes(4, "little")))  # still a valid file
    probe = "from checker import regexcache; regexcache.preload(); print(len(regexcache._loaded))"
    assert python(probe, cache=cache) == "0"


def test_a_cache_folder_others_may_write_is_neither_read_nor_written(tmp_path: Path, monkeypatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(shared))
    caches.write("x.bin", [b"data"])
    assert not (shared / "x.bin").exists() and list(caches.read("x.bin")) == []


def test_an_entry_missing_from_the_first_folder_is_read_from_the_next(tmp_path: Path, monkeypatch) -> None:
    """The home cache exists but a write failed there (a full disk): the entry went to the fallback folder, and
    later runs find it there."""
    monkeypatch.delenv("CHECKER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    home, fallback = list(caches.cache_dirs())
    for folder in (home, fallback):
        folder.mkdir(parents=True, mode=0o700)
    (fallback / "x.bin").write_bytes(b"from the fallback")
    assert dict(caches.read("x.bin")) == {fallback: b"from the fallback"}
