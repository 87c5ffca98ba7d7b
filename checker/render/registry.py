"""Output formats for `--format`: name → pure renderer `callable(results: list[Result]) -> str | bytes`, and name →
stream class (checker/render/stream.py) for a batch written as its documents are judged; both give the same output.

Modules are imported only when a format is used, so naming a format costs nothing at start-up. Formats in BINARY
give bytes and must be written as they are (csv carries its own BOM and CRLF line ends; xlsx is a zip). `text`, the
terminal report, prints through rich and is neither, so it is not listed here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from checker.errors import UsageError
from checker.model import Result

if TYPE_CHECKING:
    from checker.render.stream import Stream

Renderer = Callable[[list[Result]], "str | bytes"]
StreamClass = Callable[[], "Stream"]

# name → (module, pure renderer, stream class)
_TARGETS: dict[str, tuple[str, str, str]] = {
    "json": ("checker.render.json", "render_json", "JsonStream"),
    "markdown": ("checker.render.markdown", "render_markdown", "MarkdownStream"),
    "html": ("checker.render.html", "render_html", "HtmlStream"),
    "sarif": ("checker.render.sarif", "render_sarif", "SarifStream"),
    "junit": ("checker.render.junit", "render_junit", "JunitStream"),
    "github": ("checker.render.github", "render_github", "GithubStream"),
    "csv": ("checker.render.csv_table", "render_csv", "CsvStream"),
    "xlsx": ("checker.render.xlsx", "render_xlsx", "XlsxStream"),
}

BINARY: frozenset[str] = frozenset({"csv", "xlsx"})

# The usual file name ending for -o suggestions and docs.
EXTENSIONS: dict[str, str] = {"json": ".json", "markdown": ".md", "html": ".html", "sarif": ".sarif",
                              "junit": ".xml", "github": ".txt", "csv": ".csv", "xlsx": ".xlsx"}


def _lazy(name: str, attribute: str) -> Callable:
    module = _TARGETS[name][0]

    def load(*args):
        return getattr(import_module(module), attribute)(*args)

    load.__name__ = load.__qualname__ = attribute
    load.__doc__ = f"{name} output ({module}.{attribute}), imported on first use."
    return load


FORMATS: dict[str, Renderer] = {name: _lazy(name, function) for name, (_, function, _) in _TARGETS.items()}
STREAMS: dict[str, StreamClass] = {name: _lazy(name, stream) for name, (_, _, stream) in _TARGETS.items()}


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
