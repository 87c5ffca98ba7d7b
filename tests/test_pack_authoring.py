"""What a 司法局 reviewer writing a pack of their own meets: named lists, scope unions, guards with a stated reach,
section guards, pack settings in pack.yaml, Chinese errors for every trap, and `checker trace` to see why."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checker.audit import audit_text
from checker.packs.loader import load_pack, packs_root
from tests.conftest import ROOT
from tests.helpers import invoke
from tests.test_packs import ELEMENT, make_pack, problems_of

TITLE = "某县人民政府关于2024年度法治政府建设情况的报告\n"
HEAD = "id: p\ntitle: t\nversion: '1'\nelements: [a]\n"
CJK = re.compile(r"[\u4e00-\u9fff]")


def element_with(match: str, weak: str = "") -> str:
    """The test element with another match (and weak_if), written as YAML lines under `match:`."""
    text = ELEMENT.format(id="a").replace("  terms: {any: [行政复议]}\n", match)
    return text + (f"weak_if:\n{weak}" if weak else "")


def status(pack, text: str, element: str = "a") -> str:
    return {e.id: e.status for e in audit_text(TITLE + text, pack).elements}[element]


# -- full-width separators --------------------------------------------------------------------------------------
@pytest.mark.parametrize("mark", ["，", "、"])
def test_a_list_written_with_chinese_punctuation_is_refused_with_the_fix(tmp_path: Path, mark: str) -> None:
    root = make_pack(tmp_path / "p", HEAD, {"a": element_with(f"  terms: {{any: [行政复议{mark}复议案件]}}\n")})
    [problem] = problems_of(root)
    assert "a.yaml:10:" in problem and f"全角“{mark}”" in problem and "[行政复议, 复议案件]" in problem


def test_full_width_marks_in_a_pattern_are_refused(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "p", HEAD, {"a": element_with("  regex: {pattern: '复议，案件'}\n")})
    [problem] = problems_of(root)
    assert "全角“，”" in problem and "半角“,”" in problem


# -- Chinese messages -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("match", "words"), [
    ("  near: {groups: [[复议], [案件]], within: para}\n", '"within" 应为 sentence、clause 或字数'),
    ("  terms: {any: [复议], min_count: 0}\n", '"min_count" 应为整数（≥ 1）'),
    ("  terms: {all: [复议], any: [案件]}\n", "terms 须有 any、all 或 at_least 加 of 三者之一"),
    ("  section: {headings: ['(']}\n", "不是有效的正则表达式"),
    ("  terms: {any: [复议], unless: {words: [普法], within: paragraph}}\n", '"within" 应为 clause、sentence 之一'),
    ("  title: {needs: [bodi]}\n", 'needs 中没有 "bodi" 这一项'),
    ("  title: {needs: [body], headline_genres: [newz]}\n", 'headline_genres 中没有 "newz" 这一类型'),
    ("  title: {needs: [body], headline_genres: [unknown]}\n", '未识别类型的文件首行可能正是报告标题'),
    ("  genre: {is: [newz]}\n", '没有 "newz" 这一文件类型'),
    ("  genre: {is_not: [unknown]}\n", "未识别类型的文件可能正是一份报告"),
    ("  genre: {is: [news], is_not: [work_plan]}\n", "genre 须恰好写 is 或 is_not 其中之一"),
    ("  genre: {}\n", "genre 须恰好写 is 或 is_not 其中之一"),
])
def test_pack_errors_are_in_chinese_with_file_line_key_and_fix(tmp_path: Path, match: str, words: str) -> None:
    root = make_pack(tmp_path / "p", HEAD, {"a": element_with(match)})
    [problem] = problems_of(root)
    assert "a.yaml:10:" in problem and words in problem
    message = problem.split(": ", 1)[1]
    assert CJK.search(message) and not re.search(r"\b(must|unknown|missing|write|got)\b", message)



# -- genre --------------------------------------------------------------------------------------------------------
NEWS = "本报讯（记者 林远）3月5日，某县召开法治政府建设工作会议，会议审议了年度报告。\n"


@pytest.mark.parametrize(("match", "text", "expected"), [
    ("  genre: {is: [news]}\n", NEWS, "pass"),
    ("  genre: {is: [news]}\n", "2024年，我县办理行政复议案件12件。\n", "fail"),
    ("  genre: {is_not: [news, interpretation]}\n", NEWS, "fail"),
    ("  genre: {is_not: [news, interpretation]}\n", "2024年，我县办理行政复议案件12件。\n", "pass"),
])
def test_genre_asks_what_kind_of_document_it_is(tmp_path: Path, match: str, text: str, expected: str) -> None:
    pack = load_pack(str(make_pack(tmp_path / "p", HEAD, {"a": element_with(match)})))
    assert status(pack, text) == expected


# -- named lists ------------------------------------------------------------------------------------------------
LISTS = """\
id: p
title: t
version: '1'
elements: [a]
lists:
  leaders: [县长, 局长]
  deputies: [副县长, 副局长]
  all-leaders: [$leaders, 书记]
"""


def test_named_lists_work_in_matchers_guards_and_weak_if(tmp_path: Path) -> None:
    match = ("  near:\n    groups: [$leaders, [主持召开]]\n    except: [$deputies]\n"
             "    unless: {words: [$deputies], within: sentence}\n")
    root = make_pack(tmp_path / "p", LISTS, {"a": element_with(match, "  terms: {any: [$all-leaders]}\n")})
    pack = load_pack(str(root))
    assert pack.lists["all-leaders"] == ("县长", "局长", "书记")
    assert status(pack, "县长主持召开常务会议3次。") == "pass"
    assert status(pack, "副县长主持召开常务会议3次。") != "pass"
    assert status(pack, "县长主持召开会议，副县长参加。") == "partial"  # unless with sentence reach, weak_if by list
    assert status(pack, "书记出席。") == "partial"


def test_an_unknown_list_is_named_with_the_nearest(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "p", LISTS, {"a": element_with("  terms: {any: [$leader]}\n")})
    [problem] = problems_of(root)
    assert "a.yaml:10:" in problem and "未定义的列表 $leader" in problem and '是否指 "$leaders"' in problem


def test_a_child_pack_redefines_a_list_and_inherited_elements_use_it(tmp_path: Path) -> None:
    parent = make_pack(tmp_path / "parent", LISTS, {"a": element_with("  near: {groups: [$leaders, [主持召开]]}\n")})
    child = make_pack(tmp_path / "child", f"id: c\ntitle: t\nversion: '1'\nextends: {parent}\n"
                                          "lists: {leaders: [主任]}\n")
    assert status(load_pack(str(parent)), "主任主持召开会议。") == "fail"
    assert status(load_pack(str(child)), "主任主持召开会议。") == "pass"
    assert status(load_pack(str(child)), "县长主持召开会议。") == "fail"


def test_the_default_pack_has_one_leader_list_one_deputy_list_and_a_union_of_shortcomings() -> None:
    pack = load_pack("fazhi-annual")
    leaders = set(pack.lists["leaders"])
    assert {"省长", "州长", "旗长", "县长", "第一责任人职责", "党组书记"} <= leaders
    assert {"副省长", "副州长", "副旗长", "分管领导"} <= set(pack.lists["deputies"])
    element = pack.element("first-responsibility")
    assert {"leaders", "deputies"} <= element.source.lists  # and no list of its own
    text = Path(element.origin.rsplit(":", 1)[0]).read_text(encoding="utf-8")
    assert "县长" not in text and "副县长" not in text
    assert pack.scopes["shortcomings"].union == ("problems", "causes") and not pack.scopes["shortcomings"].headings
    assert pack.heading_patterns("shortcomings") == pack.scopes["problems"].headings + pack.scopes["causes"].headings


def test_a_union_scope_covers_both_parts(tmp_path: Path) -> None:
    pack_yaml = HEAD + ("scopes:\n  p1: {headings: ['问题']}\n  p2: {headings: ['原因']}\n"
                        "  both: {label: 问题和原因, union: [p1, p2]}\n")
    root = make_pack(tmp_path / "p", pack_yaml, {"a": element_with("  terms: {any: [复议], min_count: 2, scope: both}\n")})
    pack = load_pack(str(root))
    assert status(pack, "一、存在的问题\n复议不多。\n二、原因分析\n复议宣传少。\n") == "pass"
    assert status(pack, "一、存在的问题\n复议不多。\n二、工作举措\n复议宣传少。\n") == "fail"
    assert "问题和原因部分" in pack.element("a").match.describe(pack.scope_labels)


def test_a_scope_that_reaches_itself_is_refused(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "p", HEAD + "scopes:\n  x: {union: [y]}\n  y: {exclude: [x]}\n",
                     {"a": ELEMENT.format(id="a")})
    assert any("又回到自身" in p for p in problems_of(root))


# -- guards with a reach ----------------------------------------------------------------------------------------
def test_unless_looks_at_the_clause_of_the_hit_not_the_whole_sentence() -> None:
    pack = load_pack("fazhi-annual")
    draft = "（八）学法培训\n组织执法人员法治培训3期、培训120人次，提升服务群众水平。\n"
    assert status(pack, draft, "legal-training") == "pass"
    assert status(pack, "组织群众法治培训3期、培训120人次。\n", "legal-training") != "pass"


def test_unless_with_a_sentence_reach(tmp_path: Path) -> None:
    def pack_with(unless: str):
        root = make_pack(tmp_path / unless[:2], HEAD, {"a": element_with(f"  terms: {{any: [培训], unless: {unless}}}\n")})
        return load_pack(str(root))

    assert status(pack_with("[群众]"), "组织培训，服务群众。") == "pass"
    assert status(pack_with("{words: [群众], within: sentence}"), "组织培训，服务群众。") == "fail"
    assert "同句出现群众的不计" in pack_with("{words: [群众], within: sentence}").element("a").match.describe()
    both = pack_with("[{words: [普法], within: sentence}, {words: [群众]}]")
    assert status(both, "组织培训，服务群众。") == "pass" and status(both, "组织培训，开展普法。") == "fail"


def test_section_guards_require_the_body_to_be_about_the_topic(tmp_path: Path) -> None:
    match = ("  section: {headings: ['监督'], min_chars: 10, about: [人大, 审计], "
             "unless: {words: [安全生产], within: heading}}\n")
    lexicon = "lexicon: {negation_before: '未', negation_after: '^未', deficiency: '^不足', future: '下一步'}\n"
    pack = load_pack(str(make_pack(tmp_path / "p", HEAD + lexicon, {"a": element_with(match)})))
    assert status(pack, "一、自觉接受监督\n全年办理人大代表建议32件，办结率100%。\n") == "pass"
    assert status(pack, "一、自觉接受监督\n全年开展植树活动3次，参与人数120人。\n") == "fail"
    assert status(pack, "一、强化安全生产监督\n全年办理人大代表建议32件，办结率100%。\n") == "fail"
    assert status(pack, "一、自觉接受监督\n下一步将认真办理人大代表建议，办结率达到100%。\n") == "fail"  # guarded


# -- pack settings that lived in Python ---------------------------------------------------------------------------
def test_scope_labels_figure_units_and_title_subject_come_from_the_pack(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "p", f"""\
        id: c
        title: t
        version: '1'
        extends: {packs_root() / 'fazhi-annual'}
        scopes: {{plan: {{label: 明年打算, headings: ['下一步']}}}}
        figures: {{units: [盏]}}
        title_subject: [平安建设]
        """)
    pack = load_pack(str(root))
    assert "“明年打算”类" in pack.element("next-year-plan").weak_if.describe(pack.scope_labels)
    result = audit_text("某县人民政府关于2024年度平安建设情况的报告\n全年安装执法监控灯5盏，更换照明灯12盏，维修信号灯30盏。\n", pack)
    statuses = {e.id: e.status for e in result.elements}
    assert statuses["report-title"] == "pass" and statuses["quantitative-evidence"] == "pass"
    assert status(load_pack("fazhi-annual"), "全年安装执法监控灯5盏，更换照明灯12盏，维修信号灯30盏。\n", "quantitative-evidence") == "fail"


def test_the_default_figure_units_are_the_ones_fazhi_annual_writes_out() -> None:
    from checker.evaluate.figures import FigureUnits

    assert load_pack("fazhi-annual").figure_units == FigureUnits()


# -- rules show, docs -------------------------------------------------------------------------------------------
def test_rules_show_prints_near_word_groups_as_words() -> None:
    run = invoke("rules", "show", "第一责任人职责")
    assert run.code == 0 and "县长/区长" in run.out and "主持召开/主持" in run.out and "县/长" not in run.out


def test_the_readme_reference_is_the_one_generated_from_the_schemas() -> None:
    from checker.packs.reference import BEGIN, END, reference

    readme = (ROOT / "rules" / "README.md").read_text(encoding="utf-8")
    start, end = readme.index(BEGIN), readme.index(END) + len(END)
    assert readme[start:end] + "\n" == reference(), "rules/README.md is out of date: replace its reference with " \
                                                    "the output of `checker rules schema`"
    assert "`min_sentences`" in reference().split("匹配器 `regex`")[1].split("####")[0]


# -- trace ------------------------------------------------------------------------------------------------------
DRAFT = TITLE + "（一）学法培训\n组织执法人员法治培训3期、培训120人次，提升服务群众水平。\n下一步将开展学法培训。\n"


def test_trace_shows_each_mention_the_guard_that_decided_it_and_the_status(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    run = invoke("trace", "学法培训", str(draft), "--pack", "fazhi-annual")
    assert run.code == 0
    assert "第3行" in run.out and "“法治培训”　计入" in run.out and "✔取消词" in run.out
    assert "✘计划/将来时：句中有“下一步”" in run.out
    assert "判为具备（match）" in run.out and "结果：具备（pass）" in run.out
    data = json.loads(invoke("trace", "legal-training", str(draft), "--format", "json").out)
    assert data["schema"] == "checker-trace/1" and data["status"] == "pass"
    mentions = [m for child in data["match"]["children"] for m in child["mentions"]]
    assert any(m["text"] == "学法" and m["line"] == 4 and not m["counted"] for m in mentions)


def test_trace_verdicts_are_the_engines_own(tmp_path: Path) -> None:
    from checker.evaluate.trace import trace_element
    from checker.read import read_source
    from checker.structure import build_document

    doc = build_document(read_source(str(next((ROOT / "seeds").glob("000_*.txt")))))
    pack = load_pack("fazhi-annual")
    results = {e.id: e.status for e in audit_text(doc.raw, pack).elements}
    for element in pack.elements:
        assert trace_element(doc, pack, element).status == results[element.id]


def test_trace_of_an_unknown_element_names_the_nearest(tmp_path: Path) -> None:
    from checker.errors import UsageError

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    with pytest.raises(UsageError, match="原因分析"):
        invoke("trace", "原因分折", str(draft))


NEWS = ("我县召开法治政府建设工作推进会\n发布时间：2024-05-10  来源：县司法局\n"
        "5月9日，县政府召开2024年度法治政府建设工作推进会，县长出席会议并讲话。会议印发了《2024年法治政府建设工作要点》。\n")


def test_trace_says_a_genre_branch_is_judged_on_the_whole_text_not_on_mentions(tmp_path: Path) -> None:
    draft = tmp_path / "news.txt"
    draft.write_text(NEWS, encoding="utf-8")
    run = invoke("trace", "measures-and-results", str(draft))
    # the branch for texts that are not news or a 解读 (another genre branch, for academic papers, comes before it)
    genre_part = next(part.split("substance：")[0] for part in run.out.split("genre：") if "不是新闻报道" in part)
    assert "不满足　文件类型：新闻报道" in genre_part
    assert "按全文判断" in genre_part and "没有候选提及" not in genre_part
    data = json.loads(invoke("trace", "measures-and-results", str(draft), "--format", "json").out)
    news_branch = data["match"]["children"][1]["children"][0]  # all: [genre is_not academic, any: [all: [...], ...]]
    genre, substance = news_branch["children"]
    assert genre["matcher"] == "genre" and genre["whole_document"] and not genre["ok"]
    assert substance["matcher"] == "substance" and not substance["whole_document"]
