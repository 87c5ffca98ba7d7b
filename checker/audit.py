"""The whole flow for one source: read → normalise/structure → evaluate → score → Result.

A source that cannot be read becomes a Result with an error; it never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from checker.checks import run_checks
from checker.errors import InputError, PackError, UsageError
from checker.evaluate.engine import evaluate
from checker.limits import limit_findings
from checker.model import Document, PackRef, RawText, Result
from checker.packs.loader import load_pack
from checker.packs.model import Pack
from checker.packs.select import choose
from checker.read import MAX_BYTES, expand_paths, read_source
from checker.score import score
from checker.structure import build_document


def audit_text(text: str, pack: Pack, source: str = "<text>", fail_under: float | None = None,
               baseline: Document | None = None) -> Result:
    """Audit a string (for tests and library use)."""
    return _audit_raw(RawText(source, text, "utf-8", "text"), pack, fail_under, baseline)


def load_baseline(path: str, encoding: str | None = None) -> Document:
    """Last year's report for --baseline, as a Document; raises InputError when it cannot be read."""
    return build_document(read_source(path, encoding))


def audit_source(path: str, pack: Pack | None, encoding: str | None = None, fail_under: float | None = None,
                 baseline: Document | None = None, level: str = "auto",
                 adjust: Callable[[Pack], Pack] | None = None, max_bytes: int = MAX_BYTES) -> Result:
    """Never raises for one bad document: its problem becomes the Result's error, and the batch goes on.

    With pack None, the pack is chosen for the document by rules/variants.yaml (--level auto or a level).
    """
    try:
        raw = read_source(path, encoding, max_bytes)
    except InputError as exc:
        return Result(source=exc.source, pack=_ref(pack), error=("input", exc.reason))
    try:
        return _audit_raw(raw, pack, fail_under, baseline, level, adjust)
    except (UsageError, PackError):
        raise
    except RecursionError:
        return Result(source=raw.source, pack=_ref(pack), error=("internal", "文档结构过深，无法分析"))
    except Exception as exc:  # noqa: BLE001 - one document's bug must not stop a batch
        return Result(source=raw.source, pack=_ref(pack),
                      error=("internal", f"内部错误 {type(exc).__name__}: {exc}（请报告此问题）"))


def audit_paths(paths: list[str], pack: Pack | None, encoding: str | None = None,
                fail_under: float | None = None, baseline: Document | None = None,
                level: str = "auto") -> Iterator[Result]:
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield Result(source=item.source, pack=_ref(pack), error=("input", item.reason))
        else:
            yield audit_source(item, pack, encoding, fail_under, baseline, level)


def _audit_raw(raw, pack: Pack | None, fail_under: float | None, baseline: Document | None = None,
               level: str = "auto", adjust: Callable[[Pack], Pack] | None = None) -> Result:
    doc = build_document(raw)
    if level != "auto":  # the user named the level: it is the document's, whatever its text suggests
        doc = replace(doc, meta=replace(doc.meta, level=level))
    reason = ""
    if pack is None:
        pack_id, reason = choose(doc, level)
        pack = load_pack(pack_id)
    if adjust is not None:
        pack = adjust(pack)
    elements = evaluate(doc, pack)
    findings = limit_findings(doc) + run_checks(doc, pack, baseline)
    return Result(source=raw.source, pack=_ref(pack, reason), document=doc, elements=elements, findings=findings,
                  score=score(elements, pack, doc.meta.genre, fail_under, findings))


def _ref(pack: Pack | None, reason: str = "") -> PackRef | None:
    return PackRef(pack.id, pack.version, pack.title, reason) if pack else None
