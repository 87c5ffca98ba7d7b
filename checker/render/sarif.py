"""SARIF 2.1.0 for code-scanning dashboards: one rule per element id and per check id, one result per missing or
weak element and per defect finding, located in the document (a missing element without evidence points at line 1).
Documents that could not be read become error notifications of the invocation. A pure function of the results."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import PureWindowsPath
from urllib.parse import quote

from checker import __version__
from checker.model import Result
from checker.render.json import document_dict
from checker.render.stream import SpooledStream, feed
from checker.words import SEVERITY_WORDS, STATUS_WORDS

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# A missing element: required → error, recommended → warning, advisory → note; a weak one is one step milder.
FAIL_LEVELS = {"required": "error", "recommended": "warning", "advisory": "note"}
PARTIAL_LEVELS = {"required": "warning", "recommended": "note", "advisory": "note"}
FINDING_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_RESULT_INDENT = " " * 8  # runs[0].results[i] in a log indented by 2


def element_rule_id(element_id: str) -> str:
    return f"element/{element_id}"


def check_rule_id(check: str) -> str:
    return f"check/{check}"


def artifact_uri(path: str) -> str:
    """A relative or absolute URI reference for a path as the user gave it (percent-encoded, forward slashes)."""
    if path.startswith("<") and path.endswith(">"):  # <stdin>
        return quote(path.strip("<>"))
    windows = PureWindowsPath(path)
    if windows.drive and windows.is_absolute():
        return "file:///" + quote(windows.as_posix(), safe="/:")
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return "file://" + quote(posix)
    return quote(posix)


def render_sarif(results: list[Result]) -> str:
    return "".join(feed(SarifStream(), results))


class SarifStream(SpooledStream):
    """The log laid out as json.dumps(indent=2) lays it out: result objects are spooled as they are made, at the
    indentation they have inside the log; the rules and notifications are small and go in the head at the end."""

    def __init__(self) -> None:
        super().__init__()
        self._rules: list[dict] = []
        self._index: dict[str, int] = {}
        self._notifications: list[dict] = []
        self._results = 0

    def part(self, result: Result) -> str:
        d = document_dict(result)
        if d["error"]:
            self._notifications.append({
                "level": "error",
                "message": {"text": f"{d['path']}：无法检查（{d['error']['message']}）"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(d["path"])}}}],
                "properties": {"kind": d["error"]["kind"]},
            })
            return ""
        out = []
        for item in self._results_of(d):
            out.append((",\n" if self._results else "\n") + _RESULT_INDENT
                       + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + _RESULT_INDENT))
            self._results += 1
        return "".join(out)

    def _rule(self, rule_id: str, make) -> int:
        if rule_id not in self._index:
            self._index[rule_id] = len(self._rules)
            self._rules.append(make())
        return self._index[rule_id]

    def _results_of(self, d: dict) -> Iterator[dict]:
        uri = artifact_uri(d["path"])
        for el in d["elements"]:
            i = self._rule(element_rule_id(el["id"]), lambda el=el: _element_rule(el))
            if el["status"] not in ("fail", "partial"):
                continue
            levels = FAIL_LEVELS if el["status"] == "fail" else PARTIAL_LEVELS
            ev = el["evidence"][0] if el["evidence"] else None
            text = (f"{el['title']}（{SEVERITY_WORDS.get(el['severity'], el['severity'])}）{STATUS_WORDS[el['status']]}："
                    f"{el['message']}\n建议：{el['suggestion']}")
            yield {
                "ruleId": element_rule_id(el["id"]), "ruleIndex": i, "kind": "fail",
                "level": levels.get(el["severity"], "warning"),
                "message": {"text": text},
                "locations": [_location(uri, ev["line"] if ev else 1, ev["column"] if ev else 1,
                                        ev["text"] if ev else None)],
                "partialFingerprints": {"checkerElement/v1": f"{d['path']}:{el['id']}"},
                "properties": {"status": el["status"], "severity": el["severity"], "weight": el["weight"],
                               "score": el["score"], "document": _doc_props(d)},
            }
        for f in d["findings"]:
            i = self._rule(check_rule_id(f["check"]), lambda f=f: _check_rule(f))
            text = f["message"] + (f"\n建议：{f['suggestion']}" if f["suggestion"] else "")
            yield {
                "ruleId": check_rule_id(f["check"]), "ruleIndex": i, "kind": "fail",
                "level": FINDING_LEVELS.get(f["severity"], "warning"),
                "message": {"text": text},
                "locations": [_location(uri, f["line"], f["column"], f["text"])],
                "partialFingerprints": {"checkerFinding/v1": f"{d['path']}:{f['check']}:{f['line']}:{f['column']}"},
                "properties": {"severity": f["severity"], "document": _doc_props(d)},
            }

    def head(self) -> Iterator[str]:
        run = {
            "tool": {"driver": {"name": "checker", "version": __version__, "semanticVersion": __version__,
                                "fullName": "checker：法治政府建设年度报告合规检查", "language": "zh-CN",
                                "rules": self._rules}},
            "invocations": [{"executionSuccessful": not self._notifications,
                             "toolExecutionNotifications": self._notifications}],
            "columnKind": "unicodeCodePoints",
            "results": [],  # the last key: the spooled results go between its brackets
        }
        log = json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)
        yield log[:log.rindex("[]") + 1]

    def tail(self) -> Iterator[str]:
        yield ("\n      ]" if self._results else "]") + "\n    }\n  ]\n}\n"


def _doc_props(d: dict) -> dict:
    return {"path": d["path"], "score": d["score"], "grade": d["grade"], "passed": d["passed"],
            "pack": d["pack"]["id"] if d["pack"] else None}


def _location(uri: str, line: int, column: int, snippet: str | None) -> dict:
    region: dict = {"startLine": max(int(line or 1), 1), "startColumn": max(int(column or 1), 1)}
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def _element_rule(el: dict) -> dict:
    help_text = el["suggestion"] + ("\n依据：" + "；".join(el["basis"]) if el["basis"] else "")
    return {
        "id": element_rule_id(el["id"]), "name": el["id"],
        "shortDescription": {"text": f"{el['title']}（{SEVERITY_WORDS.get(el['severity'], el['severity'])}）"},
        "fullDescription": {"text": el["message"]},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": FAIL_LEVELS.get(el["severity"], "warning")},
        "properties": {"tags": ["element", el["severity"]], "weight": el["weight"], "basis": el["basis"]},
    }


def _check_rule(f: dict) -> dict:
    return {
        "id": check_rule_id(f["check"]), "name": f["check"],
        "shortDescription": {"text": f"文字问题：{f['check']}"},
        "defaultConfiguration": {"level": FINDING_LEVELS.get(f["severity"], "warning")},
        "properties": {"tags": ["check"]},
    }
