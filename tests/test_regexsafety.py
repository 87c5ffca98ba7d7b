"""The regex safety check: the shapes it refuses, the shipped patterns it keeps, and (hypothesis) that whatever it
accepts matches adversarial text within a bounded amount of CPU, measured in a child process with RLIMIT_CPU."""

from __future__ import annotations

import re
import resource
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.packs.loader import builtin_packs, load_pack
from checker.packs.regexsafety import unsafe_reason

REFUSED = [
    r"(a+)+b", r"(.*x)*", r"(a|ab)*c", r"(\w+\s?)*$", r"((ab)+c)+",  # nested unbounded, overlapping alternatives
    r"(a{1,30}){1,30}$", r"(?:\d+、)+", r"(a?){25}a{25}", r"(a|)+",  # nested bounded, a repeated empty match
    r".*x.*y", r"\d+\d*", r"[0-9]*\d*", r"(?:x|a*)a*b", r"(?i:A)*a*",  # two unbounded parts that overlap
    r"a{0,30}a{0,30}a{0,30}a{0,30}b",  # too many combinations of bounded ones
]
ACCEPTED = [r"下一步|下步", r"\d+(?:\.\d+)?%", r"(?:未|没有)[^,]{0,6}$", r"(a|b)*c", r"a*b*c", r"\d+年\d+月",
            r"(?:ab){1,30}", r"a*xa*", r"存在.{0,8}(?:问题|不足)", r"(?:19|20)\d\d年.{0,16}(?:安排|计划)"]


@pytest.mark.parametrize("pattern", REFUSED)
def test_refused_shapes_say_why_in_chinese(pattern: str) -> None:
    reason = unsafe_reason(pattern)
    assert reason and re.search(r"[\u4e00-\u9fff]", reason) and "请" in reason


@pytest.mark.parametrize("pattern", ACCEPTED)
def test_ordinary_patterns_pass(pattern: str) -> None:
    assert unsafe_reason(pattern) is None


def test_every_shipped_pack_loads() -> None:
    for name in builtin_packs():
        assert load_pack(name).elements


# --- the property: accepted patterns cannot hang -------------------------------------------------------------------

ATOMS = st.sampled_from(["a", "b", ".", "[ab]", "[^b]", r"\d", "x", "1", " ", r"\s", r"\w", "[^x]", "[a-c]",
                         "(?i:A)", "(?=a)", "(?!b)", "$", r"\b"])
QUANTIFIERS = st.sampled_from(["", "", "*", "+", "?", "*?", "+?", "{2}", "{0,3}", "{1,30}", "{0,100}", "{3,}"])


def _quantified(item: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(item, QUANTIFIERS).map("".join)


def _group(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(inner, st.none() | inner).map(lambda t: f"(?:{t[0]}|{t[1]})" if t[1] else f"(?:{t[0]})")


PATTERNS = st.recursive(_quantified(ATOMS), lambda inner: st.one_of(
    st.lists(inner, min_size=2, max_size=4).map("".join), _quantified(_group(inner))), max_leaves=10)
TEXTS = ('"a" * 20000 + "!"', '"ab" * 10000 + "!"', '"a " * 10000 + "!"', '"1" * 20000 + "!"',
         '"x" * 20000 + "!"', '"a1" * 10000 + "!"', '"aab" * 7000 + "!"', '"Aa1" * 7000')
SECONDS_PER_PATTERN = 5
CHILD = f"""
import re, resource, sys
texts = [{", ".join(TEXTS)}]
for pattern in sys.stdin.read().splitlines():
    used = resource.getrusage(resource.RUSAGE_SELF)
    resource.setrlimit(resource.RLIMIT_CPU, (int(used.ru_utime + used.ru_stime) + {SECONDS_PER_PATTERN}, 600))
    print(pattern, flush=True)
    compiled = re.compile(pattern)
    for text in texts:
        compiled.match(text)
"""


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _cpu_limit() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (SECONDS_PER_PATTERN, 600))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(PATTERNS, min_size=40, max_size=40))
def test_accepted_patterns_match_adversarial_text_within_a_cpu_limit(patterns: list[str]) -> None:
    """From one position (re.match), 20,000 characters built to make backtracking patterns try every split: each
    accepted pattern must finish within SECONDS_PER_PATTERN of CPU (a refused one like (a?){25}a{25} takes hours)."""
    accepted = [p for p in dict.fromkeys(patterns) if _compiles(p) and unsafe_reason(p) is None]
    proc = subprocess.run([sys.executable, "-c", CHILD], input="\n".join(accepted), capture_output=True, text=True,
                          preexec_fn=_cpu_limit, timeout=600)
    tried = proc.stdout.splitlines()
    assert proc.returncode == 0, f"{tried[-1] if tried else accepted!r} ran out of CPU ({proc.returncode})"
    assert len(tried) == len(accepted)
