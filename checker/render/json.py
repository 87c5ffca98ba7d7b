"""The checker-report/1 JSON contract (DESIGN §4): stable keys, one document object per source."""

from __future__ import annotations

import json
from collections.abc import Iterator

from checker import __version__
from checker.model import Result
from checker.render.names import safe_name
from checker.render.stream import LiveStream, feed

SCHEMA = "checker-report/1"


def document_dict(result: Result) -> dict:
    doc = result.document
    meta = doc.meta if doc else None
    out = {
        "path": safe_name(result.source),
        "pack": _pack(result.pack),
        "title": meta.title if meta else None,
        "body": meta.body if meta else None,
        "level": meta.level if meta else None,
        "year": meta.year if meta else None,
        "genre": meta.genre if meta else None,
        "score": result.score.total if result.score else None,
        "grade": result.score.grade if result.score else None,
        "passed": result.passed,
        "reasons": list(result.score.reasons) if result.score else [],
        "elements": [
            {"id": e.id, "title": e.title, "status": e.status, "score": e.points, "weight": e.weight,
             "severity": e.severity, "message": e.message, "suggestion": e.suggestion, "basis": list(e.basis),
             "evidence": [_evidence(ev) for ev in e.evidence]}
            for e in result.elements
        ],
        "findings": [_finding(f) for f in result.findings],
        "error": {"kind": result.error[0], "message": result.error[1]} if result.error else None,
    }
    return out


def _finding(f) -> dict:
    return {"check": f.check, "severity": f.severity, "line": f.line, "column": f.column, "text": f.text,
            "message": f.message, "suggestion": f.suggestion}


def _pack(pack) -> dict | None:
    if pack is None:
        return None
    out = {"id": pack.id, "version": pack.version}
    if pack.reason:
        out["reason"] = pack.reason
    return out


def _evidence(ev) -> dict:
    out = {"line": ev.line, "column": ev.column, "text": ev.text}
    if ev.page is not None:
        out["page"] = ev.page
    return out


def document_json(result: Result) -> str:
    """One document as JsonStream writes it: a function of the result alone, run by the worker that judged it."""
    return _document_text(document_dict(result))


def render_json(results: list[Result]) -> str:
    return "".join(feed(JsonStream(), results))


def _document_text(document: dict) -> str:
    """One document, a key per line and an element or finding per line: easy to read and to grep, and written by
    json's C encoder (an indented dump takes its pure-Python path, four times slower)."""
    lines = []
    for key, value in document.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = ",\n".join(f"{' ' * 8}{_compact(item)}" for item in value)
            lines.append(f"{' ' * 6}{_compact(key)}: [\n{items}\n{' ' * 6}]")
        else:
            lines.append(f"{' ' * 6}{_compact(key)}: {_compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n    }"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class JsonStream(LiveStream):
    """The header goes out with the first document and each document as it is judged; the summary, which needs
    the whole batch, comes after the documents (the order of keys is no part of the contract)."""

    render = staticmethod(document_json)

    def place(self, rendered: str) -> str:
        return (",\n    " if self.documents else "\n    ") + rendered

    def head(self) -> Iterator[str]:
        header = json.dumps({"schema": SCHEMA, "tool": {"name": "checker", "version": __version__}},
                            ensure_ascii=False, indent=2)
        yield header[:-2] + ',\n  "documents": ['

    def tail(self) -> Iterator[str]:
        summary = {"documents": self.documents, "passed": self.passed, "failed": self.failed, "errors": self.errors}
        text = json.dumps({"summary": summary}, ensure_ascii=False, indent=2)
        yield ("\n  ],\n" if self.documents else "],\n") + text[2:] + "\n"
