"""Defect checks beyond the per-check cases: the numbering checker never crashes, checks.yaml is validated with
file:line, findings count in the gate by severity, renderers show them, --baseline on a realistic pair of
consecutive-year reports, the findings on the five seeds, and speed on a 30 k-character report."""

from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.audit import audit_paths, audit_text, load_baseline
from checker.checks import REGISTRY, run_checks
from checker.checks.base import Context
from checker.checks.numbering import check_siblings, chinese, spell, value_of
from checker.checks.topics import topic_words, topics_of
from checker.errors import PackError
from checker.model import Finding, RawText, Section, Span
from checker.packs.loader import load_pack
from checker.structure import build_document
from tests.conftest import ROOT, SEEDS
from tests.helpers import invoke

BASELINE = ROOT / "tests" / "data" / "baseline"
TITLE = "某县人民政府关于2023年法治政府建设情况的报告\n"

# ---- numbering: values, spelling, and never a crash ---------------------------------------------------------


@pytest.mark.parametrize(("number", "value"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23),
                                               ("(三)", 3), ("4", 4), ("(15)", 15), ("①", 1), ("第二部分", 2),
                                               (")", None), ("", None), ("十十", None)])
def test_heading_number_values(number: str, value: int | None) -> None:
    assert value_of(number) == value


def test_spelling_in_the_style_of_a_sibling() -> None:
    assert spell(3, "(二)") == "(三)" and spell(11, "九") == "十一" and spell(4, "(2)") == "(4)"
    assert spell(2, "第一部分") == "第二部分" and [chinese(n) for n in (10, 21, 99)] == ["十", "二十一", "九十九"]


MARKERS = st.sampled_from(["一、", "二、", "三、", "五、", "十一、", "(一)", "(二)", "(四)", "（三）", "1.", "2.", "7、",
                           "(1)", "(3)", "①", "③", ")", "三)", "第一部分", "第三部分", "#", "##", "", "一.", "十十、"])
TITLES = st.text(alphabet="执法监督复议安排问题原因,。、 1", min_size=0, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(MARKERS, TITLES, st.booleans()), max_size=25))
def test_numbering_never_crashes_on_any_heading_sequence(lines) -> None:
    text = TITLE + "".join(f"{m}{t}\n" + ("正文内容。\n" if body else "") for m, t, body in lines)
    result = audit_text(text, load_pack())
    assert all(f.line >= 1 and f.column >= 1 for f in result.findings)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=6), st.integers(-3, 9), st.booleans()), max_size=20))
def test_numbering_never_crashes_on_arbitrary_sections(specs) -> None:
    doc = build_document(RawText("x", TITLE + "正文。\n", "utf-8", "text"))
    sections = [Section(number, "标题", rank, Span(0, 1), Span(1, 2), malformed) for number, rank, malformed in specs]
    pack = load_pack()
    found = list(check_siblings(Context(doc, pack, pack.check("numbering")), sections))
    assert all(isinstance(f, Finding) for f in found)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一二三、()（）1234567890.年月日次件 %X×○\n今年报告县人民政府关于法治建设情况的"
                                             "存在问题下一步安排号身份证13812345678【待补充】《纲要2015-2020》")),
               max_size=300))
def test_no_check_crashes_on_arbitrary_text(text: str) -> None:
    doc = build_document(RawText("x", TITLE + text, "utf-8", "text"))
    base = build_document(RawText("y", TITLE + text[::-1], "utf-8", "text"))
    for f in run_checks(doc, load_pack(), base):
        assert f.line >= 1 and f.column >= 1 and f.severity in ("error", "warning", "info")


# ---- checks.yaml: validation with file:line, inheritance, the gate --------------------------------------------


def child_pack(root: Path, checks_yaml: str | None = None, pack_extra: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(f"id: child\ntitle: 子规则包\nversion: '1'\nextends: fazhi-annual\n{pack_extra}",
                                    encoding="utf-8")
    if checks_yaml is not None:
        (root / "checks.yaml").write_text(textwrap.dedent(checks_yaml), encoding="utf-8")
    return root


def problems_of(path: Path) -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(str(path))
    return [str(p) for p in info.value.problems]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="办案件 \t。;!?\n一二", max_size=60), st.integers(0, 5), st.integers(0, 5))
def test_check_sentences_are_the_marks_pieces_stripped(text: str, cut_start: int, cut_end: int) -> None:
    """checker.sentences.sentences is: split at each sentence mark, cut every piece into MAX_SENTENCE_CHARS lengths,
    strip spaces and tabs, drop what is empty (the checks and the document's sentence ends rely on the same pieces)."""
    import re

    from checker import sentences as module

    module_max = module.MAX_SENTENCE_CHARS
    module.MAX_SENTENCE_CHARS = 7  # short pieces, so that the long-sentence path is taken too
    try:
        start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
        expected, pos = [], start
        for stop in [m.start() for m in re.finditer(r"[。!?;！？；\n]", text[:end]) if m.start() >= start] + [end]:
            a = pos
            while stop - a > 7:
                expected.append((a, a + 7))
                a += 7
            expected.append((a, stop))
            pos = stop + 1
        stripped = []
        for a, b in expected:
            while a < b and text[a] in " \t":
                a += 1
            while b > a and text[b - 1] in " \t":
                b -= 1
            if b > a:
                stripped.append((a, b))
        assert [(s.start, s.end) for s in module.sentences(text, start, end)] == (stripped if start <= end else [])
    finally:
        module.MAX_SENTENCE_CHARS = module_max


TOPIC_WORDS = sorted(topic_words(load_pack("fazhi-annual")))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TOPIC_WORDS), st.text(alphabet="办案件复议调解法治，。", max_size=4)),
                max_size=12))
def test_topics_of_finds_every_topic_word_in_the_text(pieces: list[str]) -> None:
    """topics_of looks only at the words whose first two characters the text has; that is exactly every topic word
    that occurs in it."""
    pack = load_pack("fazhi-annual")
    text = "".join(pieces)
    expected = frozenset(e for word, ids in topic_words(pack).items() if word in text for e in ids)
    assert topics_of(text, pack) == expected


def test_default_pack_configures_every_check() -> None:
    pack = load_pack()
    assert [c.id for c in pack.checks] == list(REGISTRY) and pack.fail_on == "error"
    assert all(c.title and c.message and c.suggestion and c.basis for c in pack.checks)
    assert "4月1日之前" in " ".join(pack.check("deadline").basis)


def test_unknown_check_and_bad_values_name_file_and_line(tmp_path: Path) -> None:
    root = child_pack(tmp_path / "p", """\
        fail_on: sometimes
        checks:
          blank-figures: {severity: error}
          numbering:
            severity: fatal
          deadline:
            options: {government_befor: "04-01"}
          placeholder:
            options: {x: 1}
        """)
    problems = problems_of(root)
    text = "\n".join(problems)
    assert "checks.yaml:1:" in text and "fail_on" in text
    assert any(p.startswith(f"{root / 'checks.yaml'}:3:") and '是否指 "blank-figure"' in p for p in problems)
    assert any(":5:" in p and "severity" in p for p in problems)
    assert any('是否指 "government_before"' in p for p in problems)
    assert any("placeholder 没有可设置的选项" in p for p in problems)


def test_option_values_are_checked_at_load(tmp_path: Path) -> None:
    root = child_pack(tmp_path / "p", """\
        checks:
          deadline:
            options: {government_before: "April"}
          recycled:
            options: {similarity: 80}
        """)
    problems = problems_of(root)
    assert any(":3:" in p and "不是月和日" in p and 'government_before: "04-01"' in p for p in problems)
    assert any(":5:" in p and "0 到 1 之间" in p for p in problems)


def test_a_new_check_entry_needs_its_wording(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / "pack.yaml").write_text("id: p\ntitle: t\nversion: '1'\nchecks:\n  numbering: {severity: error}\n",
                                    encoding="utf-8")
    problems = problems_of(root)
    assert any(":5:" in p and '缺少 "title"' in p for p in problems)


def test_child_pack_disables_and_escalates(tmp_path: Path) -> None:
    root = child_pack(tmp_path / "p", """\
        fail_on: warning
        checks:
          year-mismatch: {enabled: false}
          blank-figure: {severity: error, options: {units: [次]}}
        """)
    pack = load_pack(str(root))
    assert pack.check("year-mismatch").enabled is False and pack.fail_on == "warning"
    assert pack.check("blank-figure").severity == "error" and pack.check("blank-figure").options["units"] == ("次",)
    assert pack.check("blank-figure").message == load_pack().check("blank-figure").message
    result = audit_text(TITLE + "一、主要工作\n开展专项检查 次，办理案件 件。今年以来成效明显。\n某县人民政府\n2024年1月5日\n", pack)
    assert [f.check for f in result.findings] == ["blank-figure"]
    assert result.score.reasons[-1] == "存在文字错误：空白数字 1 处"


def test_checks_key_in_pack_yaml(tmp_path: Path) -> None:
    root = child_pack(tmp_path / "p", None, "checks:\n  repetition: {enabled: false}\n")
    assert load_pack(str(root)).check("repetition").enabled is False


def test_errors_fail_the_gate_and_warnings_do_not() -> None:
    pack = load_pack()
    strong = (SEEDS / "001_3dc2c55ea39481b7.txt").read_text(encoding="utf-8")
    warned = audit_text(strong, pack)
    assert warned.passed and {f.severity for f in warned.findings} == {"warning"}
    leaked = audit_text(strong.replace("天镇县人民政府\n", "联系人手机13812345678\n天镇县人民政府\n", 1), pack)
    assert not leaked.passed and leaked.score.reasons == ("存在文字错误：个人信息 1 处",)


# ---- rendering -------------------------------------------------------------------------------------------------


def test_json_findings_follow_the_contract() -> None:
    data = json.loads(invoke("audit", "--format", "json", "--exit-zero", str(SEEDS)).out)
    findings = [f for d in data["documents"] for f in d["findings"]]
    assert findings and all(set(f) == {"check", "severity", "line", "column", "text", "message", "suggestion"}
                            for f in findings)
    for doc in data["documents"]:
        assert [f["line"] for f in doc["findings"]] == sorted(f["line"] for f in doc["findings"])


def test_text_report_has_a_findings_section_in_line_order() -> None:
    out = invoke("audit", "--exit-zero", "--no-color", str(SEEDS / "001_3dc2c55ea39481b7.txt")).out
    section = out[out.index("文字问题"):]
    assert "警告 6" in section and section.index("第39行") < section.index("第119行")
    assert "专项检查 次" in section


# ---- --baseline ------------------------------------------------------------------------------------------------


def test_baseline_reports_share_passages_and_copied_sections() -> None:
    result = next(audit_paths([str(BASELINE / "qinghe-2024.txt")], load_pack(),
                              baseline=load_baseline(str(BASELINE / "qinghe-2023.txt"))))
    recycled = [f for f in result.findings if f.check == "recycled"]
    share = recycled[0]
    assert (share.line, share.severity) == (1, "warning") and "占74%（19/26句）" in share.message
    passages = [(f.line, f.message.split("：", 1)[1]) for f in recycled if f.severity == "info"]
    assert (7, "第7行与上年报告第7行相同（3句，数字除外）") in passages
    assert (15, "第15行与上年报告第15行相同（2句，数字除外）") in passages
    assert len(passages) == 12
    sections = [f.message for f in recycled if "部分" in f.message]
    assert any("“存在的问题”部分100%" in m for m in sections) and any("“下一年度工作安排”部分78%" in m for m in sections)
    new_work = {f.line for f in recycled}
    assert 13 not in new_work  # 行政执法监督办法: new this year, not reported as copied


def run_main(args: list[str], capsys) -> tuple[int, str]:
    from checker.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(args)
    return exit_info.value.code, capsys.readouterr().err


def test_baseline_needs_exactly_one_report(tmp_path: Path, capsys) -> None:
    code, err = run_main(["audit", "--baseline", str(BASELINE / "qinghe-2023.txt"), str(SEEDS)], capsys)
    assert code == 2 and "--baseline 只能与一份报告一起使用" in err
    code, err = run_main(["audit", "--baseline", str(tmp_path / "none.txt"), str(BASELINE / "qinghe-2024.txt")],
                         capsys)
    assert code == 2 and "none.txt" in err and "Traceback" not in err
    run = invoke("audit", "--format", "json", "--exit-zero", "--baseline", str(BASELINE / "qinghe-2023.txt"),
                 str(BASELINE / "qinghe-2024.txt"))
    assert run.code == 0 and any(f["check"] == "recycled" for f in json.loads(run.out)["documents"][0]["findings"])


def test_without_baseline_no_recycled_findings() -> None:
    result = next(audit_paths([str(BASELINE / "qinghe-2024.txt")], load_pack()))
    assert not [f for f in result.findings if f.check == "recycled"]


# ---- the five seeds: every finding, pinned -------------------------------------------------------------------

SEED_FINDINGS = {
    "000": [("date-invalid", 17, "20232025年"), ("numbering", 19, ")实施八大工程")],
    "001": [("year-mismatch", 39, "2010年1月"), ("blank-figure", 119, "专项检查 次"),
            ("blank-figure", 119, "专题培训 次"), ("figure-consistency", 119, "成功调处 688 件"),
            ("blank-figure", 119, "物业纠纷 件"),
            ("blank-figure", 119, "联动解决纠纷 件")],
    "002": [("year-mismatch", 14, "今年以来")],
    "003": [],
    "004": [],
}


def test_every_finding_on_the_seeds() -> None:
    results = {Path(r.source).stem[:3]: r for r in audit_paths([str(SEEDS)], load_pack())}
    for seed, expected in SEED_FINDINGS.items():
        got = [(f.check, f.line, f.text) for f in results[seed].findings]
        assert len(got) == len(expected), (seed, got)
        for (check, line, piece), (g_check, g_line, g_text) in zip(expected, got):
            assert (check, line) == (g_check, g_line) and piece in g_text, (seed, got)
    assert results["000"].findings[1].message.endswith("按顺序应为“(三)”")


# ---- speed ---------------------------------------------------------------------------------------------------


def test_checks_are_fast_on_a_30k_character_report() -> None:
    this = (BASELINE / "qinghe-2024.txt").read_text(encoding="utf-8")
    last = (BASELINE / "qinghe-2023.txt").read_text(encoding="utf-8")
    head, rest = this.split("\n", 1)
    big = head + "\n" + rest * 24
    base = build_document(RawText("last", last.split("\n", 1)[0] + "\n" + last.split("\n", 1)[1] * 24, "utf-8", "text"))
    doc = build_document(RawText("this", big, "utf-8", "text"))
    assert len(doc.text) > 30000
    started = time.perf_counter()
    findings = run_checks(doc, load_pack(), base)
    assert time.perf_counter() - started < 2.0 and findings
