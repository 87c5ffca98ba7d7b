"""Shared fixtures: the repository's folders and the default pack, loaded once.

The word-dictionary cache goes to a folder of this test session (also for checker run as a subprocess), so tests
never read or write the user's own cache.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

_CACHE = tempfile.mkdtemp(prefix="checker-test-cache-")
os.environ["CHECKER_CACHE_DIR"] = _CACHE


def pytest_sessionfinish(session, exitstatus) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
DRAFTS = ROOT / "tests" / "data" / "drafts"  # strong.txt and fair.txt pass the gate, weak.txt fails it, by wide margins
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def pack():
    from checker.packs.loader import load_pack

    return load_pack("fazhi-annual")
