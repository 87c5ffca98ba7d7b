"""Output formats for `--format`: name → pure renderer `callable(results: list[Result]) -> str | bytes`.

Renderers are imported only when called, so naming a format costs nothing at start-up. Formats in BINARY return
bytes and must be written as they are (csv carries its own BOM and CRLF line ends; xlsx is a zip). `text`, the
terminal report, prints through rich and is not a pure renderer, so it is not listed here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from checker.errors import UsageError
from checker.model import Result

Renderer = Callable[[list[Result]], "str | bytes"]

_TARGETS: dict[str, tuple[str, str]] = {
    "json": ("checker.render.json", "render_json"),
    "markdown": ("checker.render.markdown", "render_markdown"),
    "html": ("checker.render.html", "render_html"),
    "sarif": ("checker.render.sarif", "render_sarif"),
    "junit": ("checker.render.junit", "render_junit"),
    "github": ("checker.render.github", "render_github"),
    "csv": ("checker.render.csv_table", "render_csv"),
    "xlsx": ("checker.render.xlsx", "render_xlsx"),
}

BINARY: frozenset[str] = frozenset({"csv", "xlsx"})

# The usual file name ending for -o suggestions and docs.
EXTENSIONS: dict[str, str] = {"json": ".json", "markdown": ".md", "html": ".html", "sarif": ".sarif",
                              "junit": ".xml", "github": ".txt", "csv": ".csv", "xlsx": ".xlsx"}


def _lazy(name: str) -> Renderer:
    module, function = _TARGETS[name]

    def render(results: list[Result]) -> str | bytes:
        return getattr(import_module(module), function)(results)

    render.__name__ = function
    render.__qualname__ = function
    render.__doc__ = f"Render results as {name} ({module}.{function})."
    return render


FORMATS: dict[str, Renderer] = {name: _lazy(name) for name in _TARGETS}


def is_binary(name: str) -> bool:
    return name in BINARY


def check_available(name: str) -> None:
    """Raise UsageError before any document is audited if the format is unknown or its optional extra is missing."""
    if name not in FORMATS:
        raise UsageError(f"未知的输出格式：{name}（可选：{'、'.join(FORMATS)}）")
    if name == "xlsx":
        try:
            import_module("openpyxl")
        except ImportError as exc:
            from checker.render.xlsx import INSTALL_HINT

            raise UsageError(INSTALL_HINT) from exc
