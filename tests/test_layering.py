"""The engine never imports the command line or the renderers, checker's modules import each other without a
circle (type-only imports included), and nothing in checker imports jieba at run time."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

ENGINE = ["read", "normalise.py", "unwrap.py", "sentences.py", "segment", "structure", "packs", "matchers", "evaluate",
          "checks", "score.py", "audit.py", "cases.py", "model.py", "words.py", "errors.py", "atomic.py"]
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


def _module_graph() -> dict[str, set[str]]:
    """checker module → the checker modules it imports anywhere (top level, in functions, under TYPE_CHECKING)."""
    modules = {}
    for path in (ROOT / "checker").rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for name, path in modules.items():
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps.update(owner(a.name) for a in node.names if a.name.startswith("checker."))
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    deps.add(full if full in modules else owner(node.module))
        graph[name] = deps - {name, None, "checker"}
    return graph


def test_no_import_circles() -> None:
    graph = _module_graph()
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("import circle: " + " → ".join(path[path.index(name):] + [name]))
        if name in done:
            return
        for dep in sorted(graph.get(name, ())):
            visit(dep, path + [name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_nothing_imports_jieba() -> None:
    """jieba's import alone costs ~0.1 s of a cold start: checker reads its dictionary file (segment/dictionary.py) instead."""
    users = [p.name for p in (ROOT / "checker").rglob("*.py") if any(n.startswith("jieba") for n in imports(p))]
    assert users == []


def test_every_matcher_module_is_registered() -> None:
    from checker.matchers import LEAVES

    modules = {p.stem for p in (ROOT / "checker" / "matchers").glob("*.py")} - {"__init__", "base", "compose"}
    registered = {cls.__module__.rsplit(".", 1)[1] for cls in LEAVES.values()}
    assert modules == registered
