"""Ways to run checker in tests: the CLI through click's runner with stdout and stderr kept apart, and one text's
reading (what checker reads of it and every element's grade), for tests that compare two shapes of a document, and
its plain text with wrapped lines joined as checker joins them."""

from __future__ import annotations

from dataclasses import dataclass

from click.testing import CliRunner

from checker.audit import audit_text
from checker.cli.main import cli
from checker.model import RawText
from checker.normalise import normalise
from checker.packs.loader import load_pack
from checker.packs.select import choose
from checker.structure import build_document
from checker.unwrap import unwrap


@dataclass
class Run:
    code: int
    out: str
    err: str


def invoke(*args: str, input: str | bytes | None = None, env: dict | None = None) -> Run:
    runner = CliRunner()
    result = runner.invoke(cli, list(args), input=input, env=env, standalone_mode=False, catch_exceptions=False)
    code = result.return_value if isinstance(result.return_value, int) else result.exit_code
    return Run(code, result.stdout, result.stderr)


def reading(text: str) -> tuple:
    """((genre, title, body, level, year), ((element, status), …)) of a plain text, with the pack chosen for it."""
    doc = build_document(RawText("page.txt", text, "utf-8", "text"))
    pack_id, _ = choose(doc, "auto")
    result = audit_text(text, load_pack(pack_id), source="page.txt")
    meta = result.document.meta
    return ((meta.genre, meta.title, meta.body, meta.level, meta.year),
            tuple((e.id, e.status) for e in result.elements))


def unwrapped(raw: str) -> str:
    """The normalised text of raw with its wrapped lines joined (the text itself when it is not wrapped)."""
    return unwrap(*normalise(raw), raw)[0]
