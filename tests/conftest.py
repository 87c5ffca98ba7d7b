"""Shared fixtures: the repository's folders and the default pack, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULE_CASES = ROOT / "tests" / "rule_cases"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def pack():
    from checker.packs.loader import load_pack

    return load_pack("fazhi-annual")
