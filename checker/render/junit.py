"""JUnit XML for CI test reports: one <testsuite> per document, one <testcase> per document × element (a missing
element fails; a weak one fails when the element is required; an advisory element or one that does not count,
weight 0, never fails and reports its gap as output; an element that does not apply is skipped), one per defect
finding of severity error, and one for the document's gate verdict. Every case names its document in `file` (and a
finding its `line`), for CI tools that link a case to the file. A document that could not be read is a suite with a
single errored case. A pure function of the results."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from checker.model import Result
from checker.render.json import document_dict
from checker.render.stream import SpooledStream, feed
from checker.words import SEVERITY_WORDS, STATUS_WORDS

# XML 1.0 cannot carry most control characters, even escaped; a document's text may contain them.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(results: list[Result]) -> str:
    return "".join(feed(JunitStream(), results))


class JunitStream(SpooledStream):
    """Each <testsuite> is spooled as it is made, indented as ElementTree's indent() lays it out inside
    <testsuites>; the root's totals go in the head at the end."""

    def __init__(self) -> None:
        super().__init__()
        self._totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}

    def part(self, result: Result) -> str:
        suite = _suite(document_dict(result))
        for key in self._totals:
            self._totals[key] += int(suite.get(key))
        ET.indent(suite, level=1)
        return "\n  " + ET.tostring(suite, encoding="unicode")

    def head(self) -> Iterator[str]:
        root = ET.Element("testsuites", name="checker", **{key: str(value) for key, value in self._totals.items()})
        empty = ET.tostring(root, encoding="unicode")  # <testsuites … />
        yield '<?xml version="1.0" encoding="UTF-8"?>\n' + (empty[:-3] + ">" if self.documents else empty)

    def tail(self) -> Iterator[str]:
        yield "\n</testsuites>\n" if self.documents else "\n"


def _x(value) -> str:
    return _INVALID_XML.sub("\ufffd", str(value))


def fails(el: dict) -> bool:
    """A gap fails the build when the element counts and the pack requires it: missing, or weak and required.
    Advisory elements and those of weight 0 (shown for information in a special report) are suggestions."""
    if el["severity"] == "advisory" or el["weight"] <= 0:
        return False
    return el["status"] == "fail" or (el["status"] == "partial" and el["severity"] == "required")


def _suite(d: dict) -> ET.Element:
    suite = ET.Element("testsuite", name=_x(d["path"]))
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    classname = _x(d["path"])

    def case(name: str, outcome: str | None = None, message: str = "", body: str = "", kind: str = "",
             line: int | None = None) -> None:
        counts["tests"] += 1
        tc = ET.SubElement(suite, "testcase", classname=classname, name=_x(name), file=classname, time="0")
        if line is not None:
            tc.set("line", str(line))
        if outcome == "failure":
            counts["failures"] += 1
            ET.SubElement(tc, "failure", message=_x(message), type=kind).text = _x(body)
        elif outcome == "error":
            counts["errors"] += 1
            ET.SubElement(tc, "error", message=_x(message), type=kind).text = _x(body)
        elif outcome == "skipped":
            counts["skipped"] += 1
            ET.SubElement(tc, "skipped", message=_x(message))
        elif body:
            ET.SubElement(tc, "system-out").text = _x(body)

    if d["error"]:
        case("读取文档", "error", d["error"]["message"], f"{d['path']}：无法检查（{d['error']['message']}）",
             d["error"]["kind"])
    else:
        props = ET.SubElement(suite, "properties")
        for name, value in (("title", d["title"]), ("body", d["body"]), ("level", d["level"]), ("year", d["year"]),
                            ("score", d["score"]), ("grade", d["grade"]), ("passed", d["passed"]),
                            ("pack", f"{d['pack']['id']} {d['pack']['version']}" if d["pack"] else None)):
            if value is not None:
                shown = str(value).lower() if isinstance(value, bool) else value
                ET.SubElement(props, "property", name=name, value=_x(shown))
        case("总体结论（闸门）", None if d["passed"] else "failure", "；".join(d["reasons"]) or "未通过",
             f"得分 {d['score']:g}（{d['grade']}）" + "".join(f"\n{r}" for r in d["reasons"]), "gate")
        for el in d["elements"]:
            name = f"{el['id']} {el['title']}"
            severity = SEVERITY_WORDS.get(el["severity"], el["severity"])
            status = el["status"]
            if status == "skip":
                case(name, "skipped", f"{el['title']}（{severity}）不适用")
                continue
            evidence = "".join(f"\n原文 第{ev['line']}行：{ev['text']}" for ev in el["evidence"][:3])
            detail = (f"{el['title']}（{severity}）{STATUS_WORDS[status]}\n问题：{el['message']}\n"
                      f"建议：{el['suggestion']}\n依据：{'；'.join(el['basis'])}{evidence}")
            if fails(el):
                case(name, "failure", f"{el['title']}（{severity}）{STATUS_WORDS[status]}：{el['message']}", detail,
                     f"{status}/{el['severity']}")
            else:
                case(name, None, body=detail if status in ("fail", "partial") else evidence.lstrip("\n"))
        for f in d["findings"]:
            if f["severity"] != "error":
                continue
            case(f"{f['check']} 第{f['line']}行第{f['column']}列", "failure", f["message"],
                 f"第{f['line']}行第{f['column']}列：{f['text']}\n{f['message']}\n建议：{f['suggestion']}", f["check"],
                 f["line"])
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.set("time", "0")
    return suite
