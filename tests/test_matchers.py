"""Each matcher and guard on small Chinese texts: what a keyword grep would get wrong, we must not."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.evaluate.context import DocContext
from checker.evaluate.figures import find_figures
from checker.matchers import Builder
from checker.model import RawText, Span
from checker.packs.loader import load_pack
from checker.packs.schema import Validator
from checker.packs.yamlmarks import load_marked
from checker.structure import build_document


def ctx_of(text: str) -> DocContext:
    return DocContext(build_document(RawText("t", text, "utf-8", "text")), load_pack("fazhi-annual"))


def matcher(yaml_text: str):
    pack = load_pack("fazhi-annual")
    validator = Validator("test.yaml")
    built = Builder(validator, set(pack.scopes)).build(load_marked(yaml_text), "test", 1)
    assert not validator.problems, [str(p) for p in validator.problems]
    return built


def ok(yaml_text: str, text: str) -> bool:
    return matcher(yaml_text).evaluate(ctx_of(text)).ok


@pytest.mark.parametrize(("text", "expected"), [
    ("县司法局组织人民调解员开展培训。", True),
    ("各部门及时协调解决企业困难。", False),
    ("全年人民调解案件86件。", True),
])
def test_word_boundaries(text: str, expected: bool) -> None:
    assert ok("terms: [调解]", text) is expected


def test_char_boundary_is_plain_substring() -> None:
    assert ok("terms: {any: [调解], boundary: char}", "各部门及时协调解决企业困难。")


@pytest.mark.parametrize(("text", "guard"), [
    ("全年未发生行政复议案件。", "negation"),
    ("三项制度尚未建立。", "negation"),
    ("下一步将全面推行三项制度。", "future"),
    ("一、主要举措\n正文。\n二、2025年工作安排\n推行三项制度。", "future"),
    ("新的一年，我县将做好以下几件事：推行三项制度；出台办法。", "future"),
    ("二、存在的问题\n三项制度落实不到位。", "problem"),
    ("部分单位三项制度落实还不到位。", "problem"),
    ("组织学习《行政复议法》《行政处罚法》。", "title"),
    ("实施“监督覆盖、落实三项制度、深化改革、加强培训”四大工程。", "list"),
    ("落实调解、诉讼、仲裁、行政裁决、行政复议等多元化解机制。", "list"),
])
def test_each_guard_refuses_false_credit(text: str, guard: str) -> None:
    word = re.search(r"行政复议|三项制度", text).group()
    ctx = ctx_of(text)
    hits = ctx.find(re.compile(word), ctx.document, word=True)
    assert hits and all(ctx.blocked(h, frozenset([guard])) == guard for h in hits)
    assert not ok(f"terms: [{word}]", text)
    assert ok(f"terms: {{any: [{word}], guards: none}}", text)


@pytest.mark.parametrize("text", [
    "全年办理行政复议案件23件，纠错3件。",
    "未经合法性审查的不得提交讨论；全年办理行政复议案件23件。",
    "2024年将法律法规学习作为常务会议首个议题，推进行政复议规范化建设。",
    "县政府对争议当场说和、就地化解，行政复议案件23件。",
])
def test_guards_do_not_fire_on_real_work(text: str) -> None:
    assert ok("terms: [行政复议]", text)


def test_year_after_the_report_year_is_future() -> None:
    text = "某县2024年法治政府建设情况的报告\n2025年推行三项制度。"
    assert not ok("terms: [三项制度]", text)


def test_except_phrases() -> None:
    assert not ok("terms: {any: [监督], except: [监督管理局]}", "县市场监督管理局开展检查。")
    assert ok("terms: {any: [监督], except: [监督管理局]}", "主动接受人大监督。")


def test_unless_words_cancel_a_sentence() -> None:
    assert not ok("terms: {any: [培训], unless: [普法]}", "开展普法培训12场。")
    assert ok("terms: {any: [培训], unless: [普法]}", "开展法治培训12场。")


def test_all_any_and_at_least() -> None:
    assert ok("terms: {all: [公示, 法制审核]}", "执法公示，法制审核。")
    assert not ok("terms: {all: [公示, 法制审核]}", "执法公示。")
    assert ok("terms: {at_least: 2, of: [公众参与, 专家论证, 风险评估]}", "经公众参与和风险评估。")
    assert not ok("terms: {at_least: 2, of: [公众参与, 专家论证, 风险评估]}", "经风险评估。")
    assert ok("any: [{terms: [甲方]}, {terms: [评估]}]", "经风险评估。")
    assert not ok("all: [{terms: [甲方]}, {terms: [评估]}]", "经风险评估。")
    assert ok("at_least: {n: 1, of: [{terms: [甲方]}, {terms: [评估]}]}", "经风险评估。")


def test_min_sentences() -> None:
    rule = "terms: {any: [由于, 导致], min_sentences: 2, guards: none}"
    assert not ok(rule, "由于人员不足，导致进度滞后。")
    assert ok(rule, "由于人员不足，进度滞后。经费紧张导致设备老旧。")


def test_near_within_sentence_clause_and_characters() -> None:
    text = "主要负责人主持召开常务会议4次，研究法治议题。另有专题研究。"
    assert ok("near: {groups: [[主要负责人], [主持召开]], with_figure: true}", text)
    assert not ok("near: {groups: [[主要负责人], [专题研究]]}", text)
    assert not ok("near: {groups: [[主要负责人], [研究法治]], within: clause}", text)
    assert ok("near: {groups: [[主要负责人], [主持召开]], within: 6}", text)
    assert not ok("near: {groups: [[主要负责人], [法治议题]], within: 6}", text)


def test_near_does_not_count_the_anchor_as_its_own_neighbour() -> None:
    assert not ok("near: {groups: [[行政诉讼], [诉讼]]}", "推进行政诉讼工作。")


def test_regex_and_section() -> None:
    text = "一、主要举措\n全年出庭应诉率100%。\n二、存在的不足和原因\n\n三、下一步安排\n推进。"
    assert ok("regex: {pattern: '出庭应诉率\\d+%'}", text)
    assert ok("section: {headings: ['不足'], min_chars: 0}", text)
    assert not ok("section: {headings: ['不足'], min_chars: 1}", text)
    assert ok("section: {part: plan, min_chars: 2}", text)


@pytest.mark.parametrize(("text", "strict", "expected"), [
    ("办理案件45件，罚款626万元，纠错率12.5%。", True, ["45件", "626万元", "12.5%"]),
    ("办理案件三十二件，出具意见一百二十次。", True, ["三十二件", "一百二十次"]),
    ("开展专项检查 次，培训 人次，XX件。", False, []),
    ("在20个工作日内，第3次会议，第41条，2024年3月5日。", False, []),
    ("办理10余件，约50人，近百场，数万人次，上千份。", True, []),
    ("涉及6个部门、5个领域，新增示范村2个、社区5个。", True, ["2个", "5个"]),
    ("办理10余件，约50人。", False, ["10余件", "50人"]),
])
def test_figures(text: str, strict: bool, expected: list[str]) -> None:
    assert [text[a:b] for a, b in find_figures(text, 0, len(text), strict)] == expected


def test_title_and_signoff_matchers() -> None:
    full = "某县人民政府关于2024年度法治政府建设情况的报告\n正文。\n某县人民政府\n2025年3月5日"
    assert ok("title: {needs: [body, year, subject, report]}", full)
    assert not ok("title: {needs: [body, year, subject, report]}", "关于2024年度法治政府建设情况的报告\n正文。")
    assert ok("signoff: {needs: [body, date]}", full)
    assert not ok("signoff: {needs: [body, date]}", "标题报告\n正文。\n2025年3月5日")
    assert ok("signoff: {needs: [body, date], need_any: true}", "标题报告\n正文。\n2025年3月5日")
    notice = ("关于印发某县工作要点的通知\n各乡镇：\n现将《某县工作要点》印发给你们，请认真贯彻执行。\n某县人民政府\n"
              "2024年3月1日\n（此件公开发布）\n某县2024年法治政府建设工作要点\n一、加强党的领导")
    assert ok("signoff: {needs: [body, date], notice: true}", notice)
    assert not ok("signoff: {needs: [body, date]}", notice)  # a covering notice's 落款 counts only if the pack says so


@pytest.mark.parametrize(("title", "named"), [
    ("省人民政府关于2020年度法治政府建设情况的报告", False),  # the labelling rules' own example of a generic body
    ("市司法局关于2024年度法治政府建设情况的报告", False),
    ("区卫生健康委关于2025年法治政府建设情况的报告", False),
    ("市住房城乡建设委2020年度法治政府建设情况报告", False),  # 城乡 is no place name
    ("经济开发区2024年度法治政府建设情况报告", False),
    ("市中区人力资源和社会保障局2023年度法治政府建设情况报告", True),  # 市中区, 镇江市: places that start with a level word
    ("镇江市2024年度法治政府建设情况报告", True),
    ("青岚县人民政府关于2023年度法治政府建设情况的报告", True),
])
def test_a_title_body_needs_its_place_name(title: str, named: bool) -> None:
    text = title + "\n2024年，全面推进依法行政。"
    assert ok("title: {needs: [body]}", text) is named
    branch = matcher("title: {needs: [body]}").trace(ctx_of(text), None)
    why = branch.mentions[0].checks[0].why
    assert ("没有地名" in why) is not named, why


def test_a_name_in_the_opening_sentence_is_read_past_a_table_of_page_fields() -> None:
    fields = "| [ 索引号 ] | 11500000MB1764395X/2026-00028 | [ 发文字号 ] | 无 |\n| [ 发布机构 ] | 某市医疗保障局 | ||\n"
    text = fields * 4 + "我局编制了《某市医疗保障局2024年政府信息公开工作年度报告》。\n一、主要举措\n全年办理案件12件。"
    found = matcher("title: {needs: [report], quoted: true}").title_of(ctx_of(text))
    assert found is not None and found[0] == "某市医疗保障局2024年政府信息公开工作年度报告"


@pytest.mark.parametrize(("opening", "name"), [
    ("现将《某市文化和旅游局2025年度法治政府建设情况报告》予以公布。", "某市文化和旅游局2025年度法治政府建设情况报告"),
    ("根据条例规定，现公布2023年某县水利局信息公开工作年度报告。", "2023年某县水利局信息公开工作年度报告"),
    ("我局编制了《某市医疗保障局2024年政府信息公开工作年度报告》。", "某市医疗保障局2024年政府信息公开工作年度报告"),
    ("现将某镇2024年度法治政府建设情况报告如下：", None),  # 报告 as a verb: it names nothing
    ("结合实际，编制本单位2022年度政务公开工作年度报告。", None),  # a description, not a name
    ("2024年，全面推进依法行政。现将《某县2024年法治政府建设报告》予以公布。", None),  # not the first sentence
])
def test_a_name_in_the_opening_sentence_is_a_title_only_if_the_pack_says_so(opening: str, name: str | None) -> None:
    text = opening + "\n一、主要举措\n全年办理案件12件。"
    found = matcher("title: {needs: [report], quoted: true}").title_of(ctx_of(text))
    assert (found[0] if found else None) == name
    assert ok("title: {needs: [report], quoted: true}", text) is (name is not None)
    assert not ok("title: {needs: [report]}", text)


def test_describe_reads_as_chinese() -> None:
    pack = load_pack("fazhi-annual")
    for element in pack.elements:
        words = element.match.describe()
        assert re.search(r"[\u4e00-\u9fff]", words), element.id


SUBSTANCE = """substance:
  concrete: '(?:印发|出台)[^。;]{0,15}《|召开[^。;]{0,10}(?:推进会|座谈会)|办理[^。;]{0,10}\\d'
  formula: '(?:进一步|不断|持续)(?:加强|完善|推进)'
  min_sentences: 2
  formulas_per_concrete: 2
"""


@pytest.mark.parametrize(("text", "expected"), [
    ("县政府印发《行政执法监督办法》。召开复议应诉工作推进会。", True),                       # two concrete sentences
    ("县政府印发《行政执法监督办法》。进一步加强执法监督。", False),                          # only one concrete
    ("印发《监督办法》。召开推进会。不断完善制度。持续推进改革。进一步加强队伍。"
     "不断完善机制。进一步推进公开。", False),                                               # 2 concrete, 5 formulas > 2 × 2
    ("印发《监督办法》。召开推进会。不断完善制度。持续推进改革。", True),                     # 2 formulas ≤ 2 × 2
    ("进一步加强领导，印发《监督办法》。召开推进会。", True),                                 # a formula beside a fact
    ("下一步将印发《监督办法》。明年召开推进会。", False),                                    # the future guard
    ("全年办理复议案件23件。未召开推进会。", False),                                          # the negation guard
])
def test_substance_counts_concrete_sentences_against_formulas(text: str, expected: bool) -> None:
    assert ok(SUBSTANCE, text) is expected


SUBSTANCE_SENTENCES = ["印发《监督办法》", "召开推进会", "办理复议案件23件", "不断完善制度", "持续推进改革", "进一步加强队伍",
                       "天气晴好", "下一步将召开座谈会"]
SUBSTANCE_HEADINGS = ["一、主要举措和成效", "二、存在的不足和原因", "三、其他工作成效", "四、下一年度工作安排"]
SUBSTANCE_PART = st.tuples(st.sampled_from(SUBSTANCE_SENTENCES), st.sampled_from(["。", "；", "\n", "。\n"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(SUBSTANCE_PART, st.sampled_from(SUBSTANCE_HEADINGS).map(lambda h: ("\n" + h, "\n"))),
                max_size=40),
       st.integers(min_value=1, max_value=3), st.integers(min_value=0, max_value=3),
       st.sampled_from(["document", "achievements"]))
@example([("印发《监督办法》", "。"), ("召开推进会", "。"), ("办理复议案件23件", "。"), ("不断完善制度", "。")], 1, 0, "document")
def test_substance_stops_early_only_when_the_verdict_is_settled(parts, min_sentences: int, per: int,
                                                                scope: str) -> None:
    """Counting stops once no sentence still to come could change the verdict or the evidence: the outcome is
    exactly that of counting every sentence, in the whole text and in a part made of several sections."""
    from checker.matchers.base import EVIDENCE_HITS, Outcome

    text = "".join(sentence + end for sentence, end in parts)
    built = matcher(SUBSTANCE.replace("min_sentences: 2", f"min_sentences: {min_sentences}")
                    .replace("formulas_per_concrete: 2", f"formulas_per_concrete: {per}") + f"  scope: {scope}\n")
    ctx = ctx_of(text)
    concrete, formulas = built._count(ctx)
    full = Outcome(len(concrete) >= min_sentences and formulas <= per * len(concrete),
                   tuple(concrete[:EVIDENCE_HITS]))
    assert built.evaluate(ctx) == full


FUTURE_SENTENCES = ["下一步将召开座谈会", "2024年计划修订办法", "办理复议案件23件", "  不断完善制度", "力争实现全覆盖", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(SUBSTANCE_PART, st.tuples(st.sampled_from(FUTURE_SENTENCES), st.sampled_from(["。", "\n", ";"])),
                          st.sampled_from(SUBSTANCE_HEADINGS).map(lambda h: ("\n" + h, "\n"))), max_size=40))
def test_the_walk_over_sentence_ends_finds_what_sentence_of_finds(parts) -> None:
    """ctx.sentences and future_sentences walk the sentence ends in one pass; each gives exactly what looking up
    every sentence with sentence_of and asking _future_marked of it gives (the way they were first written)."""
    from checker.evaluate.context import merge

    ctx = ctx_of("某县人民政府关于2023年度法治政府建设情况的报告\n" + "".join(s + end for s, end in parts))
    for spans in (ctx.document, ctx.scope("achievements"), ctx.scope("plan")):
        expected = []
        for span in spans:
            pos = span.start
            while pos < span.end:
                sentence = ctx.sentence_of(pos)
                expected.append((max(sentence.start, span.start), min(sentence.end, span.end)))
                pos = max(sentence.end, pos + 1)
        assert [(s.start, s.end) for s in ctx.sentences(spans)] == expected
    reference = DocContext(ctx.doc, ctx.pack)  # a fresh context: the memos of the walk above are not shared
    out = []
    for span in reference.document:
        pos = span.start
        while pos < span.end:
            sentence = reference.sentence_of(pos)
            if reference._future_marked(sentence):
                end = sentence.end
                if reference._opens_paragraph(sentence.start):
                    newline = reference.text.find("\n", sentence.start)
                    end = newline if newline != -1 else len(reference.text)
                out.append(Span(max(sentence.start, span.start), min(end, span.end)))
                sentence = Span(sentence.start, max(end, sentence.end))
            pos = max(sentence.end, pos + 1)
    assert DocContext(ctx.doc, ctx.pack).future_sentences == merge(out)


def test_the_opening_scope_is_the_preamble_before_the_first_heading() -> None:
    ctx = ctx_of("某县2023年度法治政府建设情况报告\n2023年，我县推进法治政府建设。现将有关情况报告如下。\n"
                 "一、主要举措\n全年办理复议案件23件。")
    (span,) = ctx.scope("opening")
    assert ctx.text[span.start:span.end] == "2023年,我县推进法治政府建设。现将有关情况报告如下。"  # normalised
    assert ctx_of("全年办理复议案件23件。\n审核规范性文件9件。").scope("opening") == ()  # no heading, no preamble
    long_preamble = "\n".join(f"第{i}段开头的话。" for i in range(6)) + "\n一、主要举措\n办理案件3件。"
    (span,) = ctx_of(long_preamble).scope("opening")
    assert ctx_of(long_preamble).text[span.start:span.end] == "第0段开头的话。"  # more than three paragraphs: the first
    titled = ctx_of("某县2023年度法治政府建设情况报告\n" + long_preamble)
    (span,) = titled.scope("opening")
    assert titled.text[span.start:span.end] == "第0段开头的话。"


def test_the_opening_is_the_same_under_page_fields_and_between_blank_lines() -> None:
    """A page's fields above the text and a Word export's blank lines are no paragraphs of the preamble."""
    body = "2023年，我县推进法治政府建设。\n全年办理复议案件23件。\n一、主要举措\n审核规范性文件9件。"
    plain = ctx_of(body)
    for shape in ("来源：本站  浏览次数：126\n字号：【大 中 小】 打印本页 关闭窗口\n\n" + body, body.replace("\n", "\n\n")):
        ctx = ctx_of(shape)
        opening = [ctx.text[s.start:s.end].replace("\n\n", "\n") for s in ctx.scope("opening")]
        assert opening == [plain.text[s.start:s.end] for s in plain.scope("opening")] == \
            ["2023年,我县推进法治政府建设。\n全年办理复议案件23件。"]


@pytest.mark.parametrize(("text", "counted"), [
    ("整改评估发现的22个问题", ["22个"]),              # a count of results
    ("协调6个部门，覆盖12个方面", []),                  # counts of structure
    ("督促38个市直部门整改", []),
    ("建成示范村2个", ["2个"]),
    ("对6个市县进行实地督察", ["6个"]),                # the units the work was done to are a result
    ("责任清单覆盖全区44家执法部门", []),              # an extent counted with 家 is structure too
    ("市司法局、市公安局等6家单位参加", []),
    ("对公安、交通运输等6家单位开展执法检查", ["6家"]),  # a list the work was done to, closed by 等
    ("向市司法局、市公安局等6家单位征求意见", ["6家"]),
    ("对标先进，市司法局等6家单位参加", []),          # 对 of another clause
    ("抽查32家执法单位，约谈12家单位负责人", ["32家", "12家"]),  # units the work was done to: results
    ("组织28家执法单位旁听庭审", ["28家"]),
    ("126家市直公共机构实施垃圾分类", ["126家"]),      # 家 of what is not an organ of government: a result
    ("组织全县18个乡镇开展评查", []),                  # organising units is no result by itself
    ("制定了7个方面58项具体措施", []),                  # the items a plan is made of
    ("明确全年25项工作重点", []),
    ("完成35项重点任务", ["35项"]),                     # items said to be done are a result
    ("审核重大行政决策12项", ["12项"]),
    ("配备2名专职干部，目前共有1名同志", []),           # the staff a body assigns
    ("组织500名干部参加学法考试", ["500名"]),          # the people its work reached
])
def test_strict_figures_leave_out_counts_of_structure_only(text: str, counted: list[str]) -> None:
    assert [text[a:b] for a, b in find_figures(text, 0, len(text), strict=True)] == counted


def test_figures_in_a_list_of_results_are_results() -> None:
    text = "某县人民政府关于2024年度法治政府建设情况的报告\n一、主要举措\n举办法治讲座4次、挂宣传横幅12条、宣传海报35张。"
    from checker.audit import audit_text

    status = {e.id: e.status for e in audit_text(text, load_pack("fazhi-annual")).elements}
    assert status["quantitative-evidence"] == "pass"
