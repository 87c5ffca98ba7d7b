"""GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,title=…::message` line per
missing or weak element and per defect finding, so they show as annotations on the pull request's files.
Escaping follows the runner's rules: in the message % CR LF; in properties also : and ,. A pure function."""

from __future__ import annotations

from collections.abc import Iterator

from checker.model import Result
from checker.render.json import document_dict
from checker.render.stream import SpooledStream, feed
from checker.words import SEVERITY_WORDS, STATUS_WORDS

FAIL_LEVELS = {"required": "error", "recommended": "warning", "advisory": "notice"}
PARTIAL_LEVELS = {"required": "warning", "recommended": "notice", "advisory": "notice"}
FINDING_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value) -> str:
    return str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    given = ",".join(f"{key}={escape_property(value)}" for key, value in props.items() if value is not None)
    return f"::{level} {given}::{escape_data(message)}" if given else f"::{level}::{escape_data(message)}"


def render_github(results: list[Result]) -> str:
    return "".join(feed(GithubStream(), results))


class GithubStream(SpooledStream):
    """One line per annotation, nothing in front of them: each document's lines are written as they come."""

    def part(self, result: Result) -> str:
        return "".join(line + "\n" for line in _annotations(document_dict(result)))


def _annotations(d: dict) -> Iterator[str]:
    path = d["path"]
    if d["error"]:
        yield command("error", f"无法检查：{d['error']['message']}", file=path, title="checker：无法检查")
        return
    for el in d["elements"]:
        if el["status"] not in ("fail", "partial"):
            continue
        levels = FAIL_LEVELS if el["status"] == "fail" else PARTIAL_LEVELS
        ev = el["evidence"][0] if el["evidence"] else None
        title = f"{el['title']}（{SEVERITY_WORDS.get(el['severity'], el['severity'])}）{STATUS_WORDS[el['status']]}"
        message = f"{el['message']}\n建议：{el['suggestion']}"
        if el["basis"]:
            message += "\n依据：" + "；".join(el["basis"])
        yield command(levels.get(el["severity"], "warning"), message, file=path,
                      line=ev["line"] if ev else 1, col=ev["column"] if ev else 1, title=title)
    for f in d["findings"]:
        message = f["message"] + (f"\n建议：{f['suggestion']}" if f["suggestion"] else "")
        yield command(FINDING_LEVELS.get(f["severity"], "warning"), message, file=path,
                      line=f["line"], col=f["column"], title=f"文字问题 {f['check']}")
    if not d["passed"]:
        yield command("error", f"得分 {d['score']:g}（{d['grade']}）：" + ("；".join(d["reasons"]) or "未通过"),
                      file=path, title="法治政府建设年度报告未通过检查")
