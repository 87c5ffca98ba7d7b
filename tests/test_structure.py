"""Structure: headings in every shape real reports use, the section tree, and title, body, level, year and
sign-off, including on broken input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model import RawText
from checker.read import read_source
from checker.structure import build_document
from tests.conftest import SEEDS


def doc_of(text: str, kind: str = "text"):
    return build_document(RawText("t.txt", text, "utf-8", kind))


def outline(doc) -> list[tuple[int, str, str]]:
    return [(s.rank, s.number, s.title) for s in doc.headings()]


SEED_FACTS = {
    "000_7c10309f05703634": ("镇平县人民政府关于2024年法治政府建设情况的报告", "镇平县人民政府", "county", 2024, None, None,
                             ["强化法治建设第一责任人职责,确保正确的政治方向", "完善依法行政制度体系,确保牢固的制度基础",
                              "存在问题", "下步工作重点"]),
    "001_3dc2c55ea39481b7": ("关于2019年度法治政府建设情况报告", "天镇县人民政府", "county", 2019, "天镇县人民政府",
                             "2020-03-30", ["基本情况", "存在的突出问题及原因分析", "2020年度推进法治政府建设主要安排"]),
    "002_280033b0075f93d2": ("马村区关于2023年度法治政府建设工作情况的报告", "马村区", "county", 2023, None, "2024-01-05",
                             ["法治政府建设履职情况", "存在问题", "下一步工作打算及建议"]),
    "003_1dfc0bfff4510739": ("翠华镇2024年度法治政府建设工作报告", "翠华镇", "township", 2024, "翠华镇人民政府",
                             "2025-03-05", ["2024年主要工作完成情况", "存在问题和不足", "2025年工作思路"]),
    "004_60c2318fc4beb4f9": (None, "县溪镇人民政府", "township", 2023, None, None,
                             ["全面推行行政执法“三项制度”工作情况", "推进行政执法信息化建设情况", "行政执法情况",
                              "其他方面的工作情况"]),
}


@pytest.mark.parametrize("seed", sorted(SEED_FACTS))
def test_seed_metadata_and_top_level_sections(seed: str) -> None:
    title, body, level, year, sign_body, sign_date, tops = SEED_FACTS[seed]
    doc = build_document(read_source(str(SEEDS / f"{seed}.txt")))
    meta = doc.meta
    assert (meta.title, meta.body, meta.level, meta.year) == (title, body, level, year)
    assert (meta.signoff.body if meta.signoff else None) == sign_body
    assert (meta.signoff.date if meta.signoff else None) == sign_date
    assert [s.title for s in doc.sections] == tops


def test_seed_000_keeps_the_mangled_heading_in_place() -> None:
    doc = build_document(read_source(str(SEEDS / "000_7c10309f05703634.txt")))
    second = doc.sections[1]
    numbers = [c.number for c in second.children]
    assert numbers == ["(一)", "(二)", ")", "(四)", "(五)"]
    mangled = second.children[2]
    assert mangled.malformed and mangled.title.startswith("实施八大工程")
    assert doc.position(mangled.heading.start) == (19, 1)


def test_heading_shapes() -> None:
    doc = doc_of("第一部分 总体情况\n一、坚持高位推动，压实第一责任\n（一）依法履职。一是全年办理23件。\n"
                 "1．完善制度\n（1）建立台账\n①明确分工\n二、存在的不足和原因\n正文")
    assert outline(doc) == [(0, "第一部分", "总体情况"), (1, "一", "坚持高位推动,压实第一责任"), (2, "(一)", "依法履职"),
                            (3, "1", "完善制度"), (4, "(1)", "建立台账"), (5, "①", "明确分工"),
                            (1, "二", "存在的不足和原因")]
    run_in = doc.headings()[2]
    assert doc.text[run_in.body.start:].startswith("一是全年办理23件")


def test_tree_nests_by_rank_even_when_a_report_starts_at_a_lower_level() -> None:
    doc = doc_of("（一）甲\n内容\n1.子项\n内容\n（二）乙\n内容")
    assert [(s.title, [c.title for c in s.children]) for s in doc.sections] == [("甲", ["子项"]), ("乙", [])]


def test_not_headings() -> None:
    doc = doc_of("2024年，全县办理案件45件。\n1.5万元用于培训。\n一是加强领导。\n“3.15”宣传日开展活动。")
    assert doc.headings() == []


def test_markdown_headings() -> None:
    doc = doc_of("# 某县2024年法治政府建设情况的报告\n\n## 一、主要举措\n内容\n## 存在的问题\n内容", kind="markdown")
    assert [s.title for s in doc.sections] == ["主要举措", "存在的问题"]


def test_title_over_two_lines_and_index_block() -> None:
    doc = doc_of("索引号：11410000/2025-00012\n发布机构：某县人民政府\n中共某县委 某县人民政府\n"
                 "关于2024年度法治政府建设情况的报告\n2024年，我县……")
    assert doc.meta.title == "中共某县委 某县人民政府关于2024年度法治政府建设情况的报告"
    assert doc.meta.level == "county" and doc.meta.year == 2024


@pytest.mark.parametrize(("lines", "title"), [
    (["苍原县人民政府关于2019年度", "法治政府建设情况的报告"], "苍原县人民政府关于2019年度法治政府建设情况的报告"),
    (["鹭原市人民政府关于2025年度法治政府建设", "情况的报告"], "鹭原市人民政府关于2025年度法治政府建设情况的报告"),
    # broken where a fixed width ran out: inside a word, after a word that can end a title, before a closing mark
    (["国家税务总局石坪县税务局关于2019年度法治政府建设情况的报", "告"], "国家税务总局石坪县税务局关于2019年度法治政府建设情况的报告"),
    (["平川县人民政府关于2016年度依法行政和法治政府建设工作情况", "的报告"],
     "平川县人民政府关于2016年度依法行政和法治政府建设工作情况的报告"),
])
def test_title_broken_after_its_first_half(lines: list[str], title: str) -> None:
    doc = doc_of("\n".join(lines) + "\n\n市人民政府：\n　　2025年，我市……")
    assert doc.meta.title == title and doc.meta.body == title[:title.index("关于")]


@pytest.mark.parametrize("second", ["市人民政府：", "（2024年1月5日）", "一、主要工作", "某县人民政府办公室"])
def test_a_whole_title_is_not_joined_with_the_next_line(second: str) -> None:
    doc = doc_of(f"某县人民政府关于2024年度法治政府建设情况的报告\n{second}\n正文。")
    assert doc.meta.title == "某县人民政府关于2024年度法治政府建设情况的报告"


def test_genre_ignores_the_issuing_bodys_name_and_knows_legal_education_summaries() -> None:
    planning = doc_of("泓州市自然资源和规划局2023年度法治政府建设工作情况\n\n　　2023年，我局……")
    assert planning.meta.body == "泓州市自然资源和规划局" and planning.meta.genre == "annual_report"
    assert doc_of("景阳市2022年法治宣传教育工作总结\n\n　　2022年……").meta.genre == "pufa_summary"
    graphic = doc_of("一图读懂｜《沅丰县人民政府关于2023年度法治政府建设情况的报告》\n\n图片说明。")
    assert graphic.meta.body == "沅丰县人民政府" and graphic.meta.genre == "interpretation"


def test_related_links_after_the_signoff_are_page_chrome() -> None:
    doc = doc_of("某镇人民政府关于2023年度法治政府建设情况的报告\n发布时间：2024-02-28\n正文。\n\n某镇人民政府\n"
                 "2024年2月26日\n\n【相关链接】\n某镇人民政府关于2022年度法治政府建设情况的报告\n"
                 "某镇2023年政府信息公开工作年度报告")
    assert doc.meta.signoff.body == "某镇人民政府" and doc.meta.signoff.date == "2024-02-26"
    assert "2022年度" not in doc.text[doc.content.start:doc.content.end]


@pytest.mark.parametrize(("body", "text", "level"), [
    ("某某省人民政府", "", "province"), ("上海市人民政府", "", "province"), ("某州人民政府", "", "city"),
    ("某市人民政府", "各县(市、区)", "city"), ("某市人民政府", "各乡镇", "county"), ("某区人民政府", "", "county"),
    ("某县司法局", "", "department"), ("某市市场监督管理局", "", "department"), ("某镇人民政府", "", "township"),
    ("某街道办事处", "", "township"), ("镇平县人民政府", "", "county"),
    # a 市 that speaks of its districts and counties or of its law-making is a 设区的市; a county-level 市 has neither
    ("某市人民政府", "督促各区县落实", "city"), ("某市人民政府", "制定地方性法规2件、政府规章3件", "city"),
    ("某市人民政府", "老城区各区域", "county"),
])
def test_levels(body: str, text: str, level: str) -> None:
    from checker.structure.metadata import level_of

    assert level_of(body, text) == level


def test_signoff_variants() -> None:
    assert doc_of("标题报告\n正文。\n某县人民政府\n二〇二五年三月五日").meta.signoff.date == "2025-03-05"
    assert doc_of("标题报告\n正文。\n某县人民政府 2025年3月5日").meta.signoff.body == "某县人民政府"
    byline = doc_of("某局2023年度法治政府建设情况报告\n某局\n（2024年1月18日）\n正文。").meta.signoff
    assert byline.kind == "byline" and byline.body == "某局" and byline.date == "2024-01-18"
    assert doc_of("标题报告\n正文。\n发布时间：2024-03-20\n来源：某县").meta.signoff is None


def test_a_markdown_report_reads_as_its_reader_sees_it() -> None:
    doc = doc_of("# 某县2023年度法治政府建设情况报告\n\n## 一、2023年推进法治政府建设的主要举措和成效\n\n"
                 "**（一）加强党的领导。**县长主持常务会议专题研究法治工作4次。\n", kind="markdown")
    assert doc.meta.title == "某县2023年度法治政府建设情况报告" and doc.meta.genre == "annual_report"
    assert [s.title for s in doc.headings()] == ["2023年推进法治政府建设的主要举措和成效", "加强党的领导"]


def test_a_signoff_dated_to_the_month_or_left_blank() -> None:
    """A 落款 dated 2017年2月 keeps its month; one whose date the drafter left blank (2025年  月  日) is the body
    alone; blanks with no body above them sign nothing."""
    month = doc_of("标题报告\n正文。\n某乡人民政府\n2026年1月").meta.signoff
    assert (month.body, month.date) == ("某乡人民政府", "2026-01")
    assert doc_of("标题报告\n正文。\n2017年2月").meta.signoff.date == "2017-02"
    blank = doc_of("标题报告\n正文。\n某区人民政府\n2025年  月  日").meta.signoff
    assert (blank.body, blank.date) == ("某区人民政府", None)
    assert doc_of("标题报告\n正文。\n2025年  月  日").meta.signoff is None
    assert doc_of("标题报告\n正文。\n某区人民政府\n2025年13月").meta.signoff is None  # no such month: no date line


def test_a_page_footer_under_the_signoff_is_chrome() -> None:
    meta = doc_of("某县2024年度法治政府建设情况报告\n2024年，我县推进依法行政。\n某县人民政府\n2025年3月1日\n\n"
                  "【打印本页】【关闭窗口】\n主办单位：某县人民政府办公室  网站标识码：5101000001\n"
                  "某ICP备12345678号  某公网安备 51010002000001号\n").meta
    assert (meta.signoff.body, meta.signoff.date) == ("某县人民政府", "2025-03-01")


@pytest.mark.parametrize(("line", "chrome"), [
    ("— 3 —", True), ("- 12 -", True), ("第3页 共10页", True), ("第 3 页/共 10 页", True), ("Page 3 of 10", True),
    ("12", False), ("3/10", False), ("— 2023年 —", False),  # a bare figure may be a table's cell
])
def test_a_page_number_left_by_a_pdf_conversion_is_taken_out_of_the_text(line: str, chrome: bool) -> None:
    """Normalise empties the line of a page number (its break stays), so a heading and its first line are one
    passage again; a bare figure may be a table's cell and stays."""
    doc = doc_of(f"二、存在的问题\n{line}\n一是执法人员不足。")
    assert (doc.text == "二、存在的问题\n\n一是执法人员不足。") is chrome
    assert (line.replace(" ", "") in doc.text.replace(" ", "")) is not chrome


def test_a_page_number_between_the_body_and_its_title() -> None:
    meta = doc_of("某镇委员会\n\n— 1 —\n\n2019年法治政府建设工作报告\n\n2019年，我镇推进依法行政。").meta
    assert meta.title == "某镇委员会2019年法治政府建设工作报告"


def test_a_title_over_two_paragraphs() -> None:
    """Text converted from Word puts a blank line between paragraphs, and a title's halves are two of them."""
    meta = doc_of("某市党政主要负责人履行推进法治建设\n\n第一责任人职责清单\n\n为深入贯彻习近平法治思想，制定本清单。").meta
    assert meta.title == "某市党政主要负责人履行推进法治建设第一责任人职责清单"
    organ = doc_of("某县人民政府\n\n\n关于2023年度法治政府建设情况的报告\n\n2023年，我县推进依法行政。").meta
    assert organ.title == "某县人民政府关于2023年度法治政府建设情况的报告"


def test_a_quoted_title_broken_before_its_closing_mark_is_whole() -> None:
    meta = doc_of("一图读懂|《沅丰县人民政府关于2023年度法治政府建设情况的\n报告》\n\n发布时间:2024-03-20\n\n"
                  "沅丰县2023年法治政府建设年度报告发布。").meta
    assert meta.title == "一图读懂|《沅丰县人民政府关于2023年度法治政府建设情况的报告》"


def test_a_column_name_over_the_title_is_no_half_of_it() -> None:
    meta = doc_of("法治资讯\n\n某委发布2020年度法治政府建设报告\n\n发布时间:2021-04-06\n\n某委日前发布报告。").meta
    assert meta.title == "某委发布2020年度法治政府建设报告"


def test_the_year_is_read_past_the_page_fields_and_not_from_a_plans_period() -> None:
    fields = "".join(f"信息索引号：0001/2024-{n:05d}  发布机构：某县司法局  主题分类：政务公开\n" for n in range(8))
    assert doc_of(fields + "2023年，某县司法局推进依法行政，法治政府建设取得新成效。").meta.year == 2023
    period = "一、总体情况\n认真贯彻落实《法治政府建设实施纲要(2021-2025年)》，推进依法行政。"
    assert doc_of(period).meta.year is None  # 2025 closes the plan's period; it is no year reported on
    crumb = "您当前的位置: 首页> 政务公开> 法治政府建设年度报告 > 2021年度\n" + period
    assert doc_of(crumb).meta.year == 2021  # the page's own category, when the text names no year


@pytest.mark.parametrize(("fields", "body"), [
    ("来源：某县司法局  浏览次数：126", "某县司法局"),
    ("发布机构: | 某区某街道 |", "某区某街道"),
    ("来源：本站  浏览次数：126", None),  # the site is no issuing body
    ("作者：记者 王某 通讯员 李某 发布时间：2025-03-21", None),
])
def test_the_body_a_page_field_names(fields: str, body: str | None) -> None:
    assert doc_of(f"{fields}\n2023年，我单位推进依法行政。").meta.body == body


def test_byline_a_few_lines_under_the_title() -> None:
    speech = doc_of("政府工作报告\n——在某县第十届人民代表大会第三次会议上\n某县人民政府县长 王某\n（2024年1月5日）\n"
                    "各位代表：\n现在，我代表县人民政府向大会报告工作。").meta.signoff
    assert speech.kind == "byline" and speech.date == "2024-01-05"
    # a date once the text has started (after the salutation, inside a sentence) is not a byline
    assert doc_of("某县2023年法治政府建设情况报告\n市政府：\n2023年3月5日，县政府召开常务会议。\n正文。").meta.signoff is None


def test_a_covering_notice_signs_off_above_the_document_it_sends() -> None:
    """A page that issues or sends a document shows the notice's 落款 mid-page; with no 落款 at the end, that one
    is the document's. A bulleted body and date are page fields, and a 落款 at the end still wins."""
    notice = doc_of("某省人民政府办公厅关于印发某省2022年度法治政府建设工作要点的通知\n各市人民政府：\n"
                    "《某省2022年度法治政府建设工作要点》已经省政府同意，现印发给你们，请认真贯彻执行。\n"
                    "某省人民政府办公厅\n2022年4月24日\n某省2022年度法治政府建设工作要点\n一、加强党的领导").meta.signoff
    assert notice.kind == "notice" and notice.body == "某省人民政府办公厅" and notice.date == "2022-04-24"
    assert doc_of("某镇2020年法治政府建设报告\n2020年，我镇推进依法行政。\n• 某区某镇\n• 2020-05-07\n正文。"
                  ).meta.signoff is None
    end = doc_of("某县2023年法治政府建设情况报告\n市政府：\n现将有关情况报告如下。\n某县人民政府\n2024年1月5日\n"
                 "附件：2023年工作台账\n全年办理案件3件。\n某县人民政府\n2024年1月8日").meta.signoff
    assert end.kind == "end" and end.date == "2024-01-08"
    # without the notice's closing sentence, a body and a date mid-text are a table's cells or a quotation
    table = doc_of("某县2023年法治政府建设情况报告\n2023年，我县推进依法行政。\n《某县行政执法公示办法》\n"
                   "某县人民政府办公室\n2023年3月1日\n《某县重大行政决策程序规定》\n全年办理复议案件37件。")
    assert table.meta.signoff is None
    heading_next = doc_of("某市2023年法治政府建设情况报告\n一、上年工作部署\n现将《某市2023年法治政府建设工作要点》"
                          "印发给你们，请认真贯彻执行。\n某市人民政府\n2023年3月1日\n二、主要举措\n全年办理案件3件。")
    assert heading_next.meta.signoff is None  # a notice quoted in the report, its next heading after it
    letter = doc_of("关于报送2024年度法治政府建设情况报告的函\n市人民政府：\n现将《某县2024年度法治政府建设情况报告》"
                    "报送你们，请审阅。\n某县人民政府\n2025年1月15日\n某县2024年度法治政府建设情况报告\n2024年，我县推进依法行政。")
    assert letter.meta.signoff.kind == "notice" and letter.meta.signoff.date == "2025-01-15"
    quoted = doc_of("某县2023年法治政府建设情况报告\n2023年，县政府转发市里的通知：请认真贯彻落实。\n"
                    "市委全面依法治市委员会办公室\n2023年4月2日\n我县随即召开专题会议，部署落实措施。\n全年办理案件3件。")
    assert quoted.meta.signoff is None


def test_a_notices_closing_sentence_sits_right_above_its_signoff() -> None:
    """Joint issuers take a line each under the closing sentence; a sentence further up (here under a contact
    line) closes nothing the 落款 signs: precision first, as a 落款 mid-text is more often a table's or a quote's."""
    plan = "\n某市2022年法治政府建设工作要点\n一、加强党的领导"
    joint = doc_of("关于印发某市2022年法治政府建设工作要点的通知\n各县区：\n现将《某市2022年法治政府建设工作要点》"
                   "印发给你们，请认真贯彻执行。\n中共某市委全面依法治市委员会办公室\n某市人民政府办公室\n2022年4月24日"
                   + plan).meta.signoff
    assert joint.kind == "notice" and joint.body == "某市人民政府办公室" and joint.date == "2022-04-24"
    far = doc_of("关于印发某市2022年法治政府建设工作要点的通知\n各县区：\n现将《某市2022年法治政府建设工作要点》"
                 "印发给你们。\n请认真贯彻执行。\n联系人：王某，电话12345678。\n某市人民政府办公室\n2022年4月24日" + plan)
    assert far.meta.signoff is None


def test_the_signoff_above_the_attachments_is_the_reports() -> None:
    """A report that ends with 附件 (a statistics table) signs off above them; the tables stay content."""
    doc = doc_of("某县人民政府关于2023年度法治政府建设情况的报告\n市人民政府：\n2023年，我县推进依法行政。\n"
                 "某县人民政府\n2024年1月8日\n\n附件：2023年度行政执法数据统计表\n"
                 "| 项目 | 数量 |\n| 行政处罚 | 128件 |")
    assert doc.meta.signoff.kind == "end" and doc.meta.signoff.body == "某县人民政府"
    assert doc.meta.signoff.date == "2024-01-08"
    assert "128件" in doc.text[doc.content.start:doc.content.end]
    numbered = doc_of("某县2023年法治政府建设情况报告\n正文。\n某县司法局 2024年2月1日\n附件1\n工作台账\n附件2\n案件清单")
    assert numbered.meta.signoff.body == "某县司法局"
    # attachments with nothing signed above them, or an undated line that may be the text's own: no 落款
    assert doc_of("某县2023年法治政府建设情况报告\n全年办理复议案件23件。\n某县司法局\n附件：统计表\n| 复议 | 23件 |"
                  ).meta.signoff is None
    assert doc_of("某县2023年法治政府建设情况报告\n全年办理复议案件23件。\n附件：统计表\n| 复议 | 23件 |"
                  ).meta.signoff is None
    # a covering notice's 落款 over the attached report is the notice's, found as such
    notice = doc_of("关于报送2023年度法治政府建设情况报告的函\n市人民政府：\n现将我县2023年度法治政府建设情况报告报送你们。\n"
                    "某县人民政府\n2024年1月5日\n附件：某县2023年度法治政府建设情况报告\n2023年，我县推进依法行政。").meta.signoff
    assert notice.kind == "notice"


def test_the_signoff_above_a_documents_imprint_is_the_reports() -> None:
    """A 公文 saved from its PDF ends with its 版记 under the 落款 (抄送：…, ……办公室 2024年3月1日印发) and a page
    number: the 落款 is above them, and they are no content."""
    doc = doc_of("洛溪市人民政府关于2023年度法治政府建设情况的报告\n省人民政府：\n2023年，我市推进依法行政。\n\n"
                 "洛溪市人民政府\n2024年3月1日\n\n抄送：市委，市人大常委会，市政协。\n"
                 "洛溪市人民政府办公室 2024年3月1日印发\n\n— 4 —")
    assert doc.meta.signoff.kind == "end" and doc.meta.signoff.body == "洛溪市人民政府"
    assert doc.meta.signoff.date == "2024-03-01"
    assert "抄送" not in doc.text[doc.content.start:doc.content.end]


def test_title_block_of_body_over_title() -> None:
    doc = doc_of("| 索引号: | 0001 |\n某县应急管理局\n2025年法治政府建设报告\n某县应急管理局坚持依法履职。")
    assert doc.meta.title == "某县应急管理局2025年法治政府建设报告"
    # the page's own title without a body, then the document's block under the page fields: the block is the title
    page = doc_of("2023年法治政府建设工作报告\n发布日期:2024-01-05\n\n某市司法局\n\n2023年法治政府建设工作报告\n\n"
                  "2023年，我局坚持依法行政。")
    assert page.meta.title == "某市司法局2023年法治政府建设工作报告"
    # a body line over a heading of the text is not a title block
    assert doc_of("某县人民政府关于2023年法治政府建设情况的报告\n某县人民政府\n一、主要举措和成效\n正文。"
                  ).meta.title == "某县人民政府关于2023年法治政府建设情况的报告"


def test_web_page_chrome_is_not_content() -> None:
    doc = doc_of("您现在的位置：首页 > 政务公开 > 法治政府建设\n某县2024年法治政府建设情况的报告\n发布时间：2025-03-25 来源：某县\n"
                 "分享：\n正文。\n相关阅读：\n扫一扫在手机打开当前页")
    assert doc.meta.title == "某县2024年法治政府建设情况的报告" and doc.meta.published == "2025-03-25"
    content = doc.text[doc.content.start:doc.content.end]
    assert "相关阅读" not in content and "扫一扫" not in content


HEADING_LINES = st.lists(st.sampled_from([
    "一、甲", "二、乙", "（一）丙。正文", "(二)丁", "1.戊", "（1）己", "①庚", "第一部分 辛", ")壬", "正文一段。",
    "2024年，办理12件。", "", "二〇二五年三月五日", "某县人民政府", "发布时间：2025-01-01", "# 标题",
]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(HEADING_LINES)
def test_structure_never_fails_and_keeps_headings_in_order(lines: list[str]) -> None:
    doc = doc_of("\n".join(lines), kind="markdown")
    heads = doc.headings()
    starts = [h.heading.start for h in heads]
    assert starts == sorted(starts)
    for h in heads:
        assert h.heading.start <= h.body.start <= h.body.end <= len(doc.text)
        for child in h.children:
            assert h.span.contains(child.span) and child.rank > h.rank


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_structure_survives_any_text(text: str) -> None:
    doc = doc_of(text)
    assert doc.content is not None and 0 <= doc.content.start <= doc.content.end <= len(doc.text)


def test_title_led_by_its_year_names_the_body_after_it() -> None:
    from checker.structure.metadata import body_from_title

    assert body_from_title("2020年静海区法治政府建设情况报告") == "静海区"
    assert body_from_title("静海区2020年法治政府建设情况报告") == "静海区"
    assert body_from_title("2020年度法治政府建设情况报告") is None


def test_you_are_here_breadcrumbs_are_chrome() -> None:
    from checker.structure.metadata import is_chrome

    assert is_chrome("您当前的位置:首页>新闻中心>法治宣传")
    assert not is_chrome("当前的工作重点是推进依法行政")


def test_bracketed_page_fields_are_chrome() -> None:
    doc = doc_of("您当前所在位置:首页>政务公开>法治政府建设报告\n[ 索引号 ] 0001/2025-00004\n[ 体裁分类 ] 工作报告\n"
                 "[ 有效性 ]\n某乡人民政府2024年法治政府建设情况报告\n2024年，某乡坚持依法行政。")
    assert doc.meta.title == "某乡人民政府2024年法治政府建设情况报告"


def test_page_fields_named_in_brackets_of_their_own_are_chrome() -> None:
    """[主题分类]卫生[体裁分类]工作报告: the bracket closes the field's name as a colon would (and a letter-spaced
    page loses the space after it); a yearbook's 【依法决策】 names no page field."""
    from checker.structure.metadata import is_chrome

    assert is_chrome("[主题分类]卫生[体裁分类]工作报告") and is_chrome("【发布机构】市卫生健康委")
    assert not is_chrome("【依法决策】全年审查重大行政决策事项9项")


def test_a_year_that_closes_a_spaced_range_is_no_year_reported_on() -> None:
    from checker.structure.metadata import find_year

    assert find_year(None, ("《法治社会建设实施纲要(2020 —2025年)》等文件",), None) is None
    assert find_year(None, ("规划(2021 - 2025年)", "2023年,我县推进法治政府建设"), None) == 2023


def test_page_fields_in_a_table_are_chrome_not_headings_and_the_title_under_them_is_found() -> None:
    """A portal's fields saved as a table (| [ 索引号 ] | … |, eleven rows) above the document's own title: no row
    is a heading or a title, 公开方式 | 主动公开 is no 政务公开, and the title under the table is the report's."""
    from checker.structure.metadata import is_chrome

    rows = ["| [ 索引号 ] | 11500000MB1764395X/2026-00028 | [ 发文字号 ] | 无 |", "| [ 发布机构 ] | 市市场监管局 | ||",
            "| 公开方式 | 主动公开 |", "|公开形式|网站|"]
    assert all(is_chrome(row) for row in rows)
    assert not is_chrome("| 行政复议 | 12 | 8 |")  # a table of figures in the report is its text
    doc = doc_of("各区县局\n" + "\n".join(rows * 3) + "\n某市市场监督管理局关于2025年法治政府建设情况的报告\n"
                 "2025年，某市市场监督管理局坚持依法行政。\n一、2025年工作举措及成效\n审核文件12件。\n")
    assert doc.meta.title == "某市市场监督管理局关于2025年法治政府建设情况的报告"
    assert [h.title for h in doc.headings()] == ["2025年工作举措及成效"]


def test_page_fields_with_spaced_out_names_are_chrome() -> None:
    """Portals align a field table by spacing out the names (索 引 号); the line is still a page field, and a table
    cell such as 公开目录 | 法治政府建设 on it does not make the page a 目录."""
    from checker.structure.metadata import is_chrome

    assert is_chrome("索 引 号: | 0001/2025-0000012 | 公开目录: | 法治政府建设 |")
    assert is_chrome("发 布 机 构: 某区某街道")
    assert not is_chrome("索 引 号 与 目 录 均 按 规 定 编 制 ， 本 年 度 公 开 信 息 120 条")
    assert is_chrome(">政府信息公开>法定主动公开内容>法治政府建设年度报告和工作要点")  # a breadcrumb cut at its start
    assert not is_chrome(">95%的群众满意度")
    assert not is_chrome("群众满意率>95%，投诉>10件的全部整改")
    assert not is_chrome(">30岁以下人员>50%")
    assert not is_chrome("> 全年办理复议案件>30件")  # a quoted line of a Markdown draft
    assert is_chrome("浏览:5072次 时间:2022-12-07 来源:本站")  # a page's view counter is no figure of the year's work
    assert not is_chrome("浏览相关法规汇编，组织学习3次")
    doc = doc_of("索 引 号: | 0001/2025-0000012 | 公开目录: | 法治政府建设 |\n发 布 机 构: | 某街道 |\n"
                 "2024年，某街道坚持依法行政，推进法治政府建设。现将2024年度法治政府建设情况报告如下。\n"
                 "一、主要举措和成效\n（一）开展学法3次。")
    assert doc.meta.genre == "annual_report"


def test_a_counter_at_the_end_of_a_page_line_is_chrome_and_the_byline_below_is_found() -> None:
    from checker.structure.metadata import is_chrome

    assert is_chrome("2023/8/7 23:36:09 点击:") and is_chrome("2021-06-08 浏览：326次")
    assert not is_chrome("推荐以下书目，供各单位干部阅读：")  # a sentence introducing a list is text
    doc = doc_of("某县政府工作报告\n\n2023/8/7 23:36:09 点击:\n\n——2021年4月27日在某县人民代表大会第五次会议上\n\n"
                 "县长 某某\n\n各位代表:\n现在，我代表县人民政府向大会报告工作。")
    assert doc.meta.signoff is not None and doc.meta.signoff.kind == "byline" and doc.meta.signoff.date == "2021-04-27"


def test_page_fields_as_a_bulleted_list_are_chrome_and_the_title_follows() -> None:
    doc = doc_of("- 索引号:\n- 113310810026792569/2022-00223\n- 主题分类:法治政府建设\n- 发布单位:\n- 某市住房和城乡建设局\n"
                 "- 标 题:某市住房和城乡建设局2021年度法治政府建设工作报告\n某市住房和城乡建设局2021年度法治政府建设工作报告\n"
                 "2021年，市住房和城乡建设局推进依法行政。")
    assert doc.meta.title == "某市住房和城乡建设局2021年度法治政府建设工作报告"


def test_a_document_number_before_the_title_is_not_part_of_it() -> None:
    doc = doc_of("长政发〔2021〕1号长海县2020年度法治政府建设情况报告\n\n2020年，我县推进法治政府建设。")
    assert doc.meta.title == "长海县2020年度法治政府建设情况报告" and doc.meta.body == "长海县"
    assert doc_of("一号工程推进情况报告\n\n2020年，我县推进一号工程。").meta.title == "一号工程推进情况报告"


def test_a_title_whose_line_break_was_lost_ends_at_its_report() -> None:
    """A page that lost its line breaks runs the title, the salutation and the text together on one line: the
    title is the line's start up to 报告 (or 总结) and the space after it."""
    doc = doc_of("中共临江镇委员会临江镇人民政府关于报送2024年度法治政府建设的报告 中共某市委、某市人民政府: 2024年,"
                 "在市委市政府的坚强领导下,临江镇扎实开展法治政府建设。")
    assert doc.meta.title == "中共临江镇委员会临江镇人民政府关于报送2024年度法治政府建设的报告"
    assert doc.meta.year == 2024
    declared = doc_of("现将我镇2024年法治政府建设情况报告 如下,请审阅:一是加强组织领导,二是规范执法行为。")
    assert declared.meta.title is None  # a declaration, not a title
    heading = doc_of("一、2024年度工作总结 全年办理复议案件23件,审核规范性文件9件,开展集中学法4次。")
    assert heading.meta.title is None  # a numbered heading


def test_body_named_before_the_subject() -> None:
    from checker.structure.metadata import body_from_title

    assert body_from_title("某镇法治政府建设年度报告(2024年度)") == "某镇"
    assert body_from_title("法治政府建设年度报告") is None
