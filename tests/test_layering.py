"""The engine never imports the command line or the renderers, and nothing in checker imports jieba at run time."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

ENGINE = ["read", "normalise.py", "structure", "packs", "matchers", "evaluate", "score.py", "audit.py", "model.py"]
FORBIDDEN = ("checker.cli", "checker.render", "click", "rich")


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def engine_files() -> list[Path]:
    out = []
    for entry in ENGINE:
        path = ROOT / "checker" / entry
        out.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return out


def test_engine_does_not_import_cli_or_render() -> None:
    for path in engine_files():
        bad = {name for name in imports(path) if name.startswith(FORBIDDEN)}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_nothing_imports_jieba() -> None:
    """jieba's import alone costs ~0.1 s of a cold start: checker reads its dictionary file (dictionary.py) instead."""
    users = [p.name for p in (ROOT / "checker").rglob("*.py") if any(n.startswith("jieba") for n in imports(p))]
    assert users == []


def test_every_matcher_module_is_registered() -> None:
    from checker.matchers import LEAVES

    modules = {p.stem for p in (ROOT / "checker" / "matchers").glob("*.py")} - {"__init__", "base", "compose"}
    registered = {cls.__module__.rsplit(".", 1)[1] for cls in LEAVES.values()}
    assert modules == registered
