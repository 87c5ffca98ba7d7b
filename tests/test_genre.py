"""Genre: what a page is, told from the places a reader looks first. Short openings written for these tests: real
reports in awkward shapes must stay annual reports; look-alikes must not; near misses sit between the two."""

from __future__ import annotations

import pytest

from checker.model import RawText
from checker.structure import build_document

REPORTS = {
    "report_to_the_party_committee_on_rule_of_law": ("某区委全面依法治区委员会：\n2023年，区政府坚持以习近平法治思想为指导，"
                                                     "全面推进法治政府建设。现将有关情况报告如下。\n一、主要举措和成效"),
    "report_on_government_and_committee_work": ("某县人民政府关于2023年度法治政府建设暨全面依法治县工作情况的报告\n\n2023年，"
                                                "县政府扎实推进法治政府建设。"),
    "untitled_report_declaring_itself_in_general_words": ("市委、市人民政府，省市场监督管理局：\n2025年，市市场监管局坚持以习近平"
                                                          "法治思想为指导，推动市场监管工作全面纳入法治轨道。现将有关情况报告如下。"
                                                          "\n\n一、主要举措和成效\n（一）主要负责人履职情况\n局长主持召开局党组会议"
                                                          "专题研究法治建设3次。"),
    "a_report_telling_of_a_day_in_its_text": ("2018年，我局坚持依法行政，推进法治政府建设。\n一、依法全面履行政府职能\n"
                                              "一是探索规范行政许可裁量。3月7日，我局首次以部门规范性文件的形式出台裁量基准。"),
    "title_and_signoff": "青川县人民政府关于2023年度法治政府建设情况的报告\n\n2023年，青川县深入推进法治政府建设。"
                         "县政府常务会议研究法治政府建设4次。\n\n青川县人民政府\n2024年3月1日",
    "breadcrumbs_and_dates_first": "您现在的位置：首页 > 政务公开 > 法治政府建设\n发布时间：2024-03-20 来源：县司法局\n"
                                   "字号：【大 中 小】\n\n2023年河口区法治政府建设情况报告\n\n2023年，河口区坚持以习近平法治思想为指导，"
                                   "法治政府建设取得新成效。",
    "no_title_opening_looks_back": "2022年，我市坚持以习近平法治思想为指导，扎实推进法治政府建设，依法行政水平持续提升。\n"
                                   "一、主要举措和成效\n（一）完善依法决策机制。全年审查重大行政决策事项12项。",
    "site_category_label_before_title": "计划总结\n\n关于2021年度全县法治政府建设工作情况的报告\n\n2021年，全县上下……",
    "question_headline_of_a_mirror_site": "法治政府建设成效如何？某省政府发布年度报告\n"
                                          "2021年，我省各级行政机关深入推进依法行政，加快建设法治政府。",
    "declared_in_text": "为贯彻落实上级部署，我街全面推进依法治街各项工作。现将我街2020年法治建设工作情况总结如下：\n"
                        "一、工作开展情况\n（一）加强组织领导。",
    "title_over_two_lines": "中共丰宁县委 丰宁县人民政府关于\n2022年度法治政府建设情况的报告\n\n2022年，县委、县政府……",
    "report_to_the_peoples_congress": "关于2023年度法治政府建设情况的报告\n——在市人大常委会第十二次会议上\n\n"
                                      "主任、副主任、秘书长、各位委员：\n现将我市2023年度法治政府建设情况报告如下。",
    "a_chief_who_reported_on_himself": "某县农业农村局关于2023年度法治政府建设工作情况的报告\n\n2023年，我局推进依法行政。"
                                       "局长年底在部门主要负责人述职中报告了本人履行推进法治建设第一责任人职责情况。",
    "special_report_on_the_three_systems": "某县人民政府关于2024年推行行政执法三项制度工作情况的报告\n\n2024年，我县深入推行"
                                           "行政执法三项制度，现将有关情况报告如下：",
    "addressed_to_the_party_committee_without_title": "县委、县人大常委会：\n2023年我县深入推进法治政府建设，各项工作取得新进展。"
                                                      "\n一、主要举措和成效\n（一）全年审核规范性文件12件。",
    "index_table_with_bullets_before_the_title": ("您当前的位置：首页 >法定主动公开内容 >法治政府建设年度报告\n\n"
                                                  "• 11500224009351624E/2020-00573\n• 法制\n• 工作报告\n• 某区某镇\n"
                                                  "• 2020-05-07\n\n某镇2019年法治政府建设工作报告\n\n2019年，我镇推进依法行政。"),
    "a_site_label_in_brackets": "[权威发布]某省2017年法治政府建设情况报告\n\n2017年，全省各级行政机关推进依法行政。",
    "declared_report_on_the_year_and_its_plan": ("2023年，在市委、市政府的坚强领导下，我县坚持以习近平新时代中国特色社会主义思想"
                                                 "为指导，推进依法行政。现将我县2023年法治政府建设工作情况和2024年工作安排报告如下。"),
    "declared_report_naming_a_field_beside_the_subject": ("2022年，我局深化行政执法“三项制度”，推进依法行政。现将我局"
                                                          "2022年法治政府建设和行政执法工作情况报告如下：\n一、主要举措和成效"),
    "index_table_with_spaced_out_field_names": ("索 引 号: | 0001/2025-0000012 | 公开目录: | 法治政府建设 |\n"
                                                "发 布 机 构: | 某区某街道 |\n2024年，某街道推进法治政府建设，"
                                                "依法行政水平持续提升。\n一、主要举措和成效\n（一）开展集中学法4次。"),
    "breadcrumb_without_its_first_part_before_the_title": ("当前位置: 首页\n>政府信息公开>法定主动公开内容>法治政府建设年度报告和工作要点\n\n"
                                                           "某市农业农村局关于2019年度法治政府建设情况的报告\n\n现将我局2019年"
                                                           "法治政府建设工作开展情况报告如下。"),
    "declared_on_rule_of_law_in_the_county_and_enforcement": ("2023年，我县坚持全面依法治县，各项工作取得新成效。现将我县2023年"
                                                              "依法治县暨行政执法工作情况报告如下：\n一、主要举措和成效"),
    "a_heading_on_correspondents_is_no_byline": ("某县司法局2023年度法治政府建设情况报告\n2023年，我局推进法治政府建设。\n"
                                                 "通讯员队伍建设\n全年培训信息员3次。\n记者招待会\n召开新闻发布会2次。"),
    "starts_at_the_statutory_heading": ("一、2025年推进法治政府建设的主要举措和成效\n（一）全面学习贯彻党的二十大精神。及时在系统内"
                                        "进行传达学习。"),
    "a_street_reports_its_rule_of_law_work": ("2025年，某街道领导班子始终以习近平法治思想为统领，扎实履行法治建设领导职责。"
                                              "现将年度法治工作情况报告如下：\n一、上一年度法治建设问题整改"),
    "a_report_citing_a_draft_for_comments": ("某县人民政府关于2023年度法治政府建设情况的报告\n2023年，我县推进依法行政，对《某县"
                                             "行政执法监督办法（征求意见稿）》公开征求意见30日。"),
    "nav_bar_before_an_untitled_report": (">> 阳光执法 | >> 行政执法公开 | >> 法治政府建设年度报告和工作要点 |\n2022年，市公安局坚持"
                                          "依法行政，推进法治政府建设，执法公信力显著提升。"),
    "untitled_bureau_report_at_the_first_item_in_short": ("2022年，市公安局坚持以习近平新时代中国特色社会主义思想为指导，"
                                                          "公安工作法治化水平显著提升。\n一、主要举措和成效\n"
                                                          "（一）全面履行法治建设第一责任。局党委专题研究3次。"),
    "a_report_counting_its_correspondents_in_brackets": ("某县2023年法治政府建设情况报告\n建立法治宣传信息员队伍（通讯员共126名），"
                                                         "全年编发法治信息320条（通讯员、网格员456名参与），组建通讯员队伍（通讯员队伍）。"),
    "a_report_under_a_slogan_headline": ("推动法治政府建设不断取得新成效\n2023年，某县坚持依法行政，法治政府建设取得新进展。"
                                         "现将2023年度法治政府建设情况报告如下：\n一、主要举措和成效"),
    "a_terse_title_with_its_year": ("某局2023年法治政府建设工作\n今年以来，我局扎实推进各项工作。\n一、加强组织领导\n"
                                    "局党组专题研究2次。"),
    "untitled_report_at_the_first_item_naming_its_rule_of_law_building": (
        "省委、省政府：\n2022年，省地方金融监督管理局坚持以习近平法治思想为指导，依法履行地方金融监管职责。"
        "现将有关情况报告如下。\n一、主要举措和成效\n（一）加强法治建设组织领导。局党组专题研究3次。"),
    "untitled_report_whose_first_item_is_its_practice_and_results": (
        "区委、区政府：\n2025年，某街道坚持以习近平法治思想为指导，推进基层治理法治化。现将有关情况报告如下。\n"
        "一、主要做法和成效\n（一）落实第一责任人职责。街道党工委书记主持召开专题会议2次。"),
    "untitled_report_numbering_its_first_item_in_figures": (
        "市委、市政府：\n2025年，市发展改革委深入学习贯彻习近平法治思想，推进发展改革工作法治化。现将有关情况报告如下。\n"
        "1.主要举措和成效\n（1）加强组织领导。调整委法治建设领导小组。"),
    "untitled_report_at_the_first_item_naming_the_subject": ("2023年，某区司法局紧紧围绕中心工作，推进法治政府建设。\n"
                                                              "一、主要举措和成效\n（一）加强组织领导。局长主持召开党组会2次。"),
    "bureau_whose_name_says_planning": "临水县自然资源和规划局2024年度法治政府建设工作报告\n\n2024年，我局坚持依法行政……",
    "untitled_department_whose_first_part_names_the_subject": ("2023年，某省人力资源和社会保障厅全面贯彻落实党的二十大精神，"
                                                               "坚持改革与法治双轮驱动。\n一、党对法治政府建设领导全面加强\n"
                                                               "（一）坚持科学理论指引。厅党组集体学法4次。"),
    "untitled_department_whose_first_part_names_its_rule_of_law_building": (
        "2024年，某审计局坚持以习近平法治思想为指导，严格依法文明审计，深入推进审计工作法治化。\n"
        "一、统筹谋划审计法治建设各项工作任务\n（一）突出政治引领。局党组集体学法4次。"),
    "a_report_whose_headings_are_boxed": ("某县司法局2023年度法治政府建设情况报告\n■ 加强组织领导\n局党组专题研究法治工作3次。\n"
                                          "■ 规范行政执法\n全年办理行政处罚案件41件。"),
    "a_news_site_reprinting_the_report_in_full": ("某部发布2023年法治政府建设年度报告\n\n发布时间:2024-03-29 来源:某网\n\n"
                                                  "某网3月29日电 据某部微信公众号消息，某部发布2023年法治政府建设年度报告。"
                                                  "具体内容如下：\n一、加强党对法治政府建设的领导\n（一）贯彻落实全面依法治国"
                                                  "决策部署。深入推进依法行政，全年制定部门规章2件。"),
    "empty_author_field_of_a_portal": ("某区2023年度法治政府建设情况报告\n\n作者:  来源:某区人民政府 更新时间:2024-03-10\n\n"
                                       "2023年，某区深入推进依法行政。"),
    "a_report_citing_this_document_clause": ("某县司法局2024年度法治政府建设情况报告\n2024年，我局对照《某县行政规范性文件管理办法》"
                                             "关于“本文件自印发之日起施行”的要求，清理规范性文件12件。"),
    "page_fields_over_a_salutation_and_an_untitled_report": ("来源：某市应急管理局  浏览次数：126\n字号：【大 中 小】\n"
                                                             "市政府并报市委：\n2024年，市应急管理局坚持依法行政，"
                                                             "法治建设取得新成效。"),
    "a_report_on_a_year_that_won_an_application": ("某县2023年度法治政府建设情况报告\n2023年，我县成功申报全省法治政府建设"
                                                   "示范项目1个，推进依法行政。"),
    "a_title_adding_next_years_plan_to_the_account": ("某区人民政府关于2020年度法治政府建设情况及2021年度工作安排的报告\n\n"
                                                       "2020年，我区坚持依法行政，法治政府建设取得新成效。"),
}
LOOKALIKES = {
    "news_without_its_headline_under_its_page_fields": ("2023-04-26 16:05 来源:某市人大网\n4月25日，市人大常委会会议听取"
                                                        "和审议了副市长受市长委托所作的《某市人民政府关于2022年度法治政府建设"
                                                        "情况的报告》。会议指出，市政府推进法治政府建设成效明显。", "news"),
    "news_whose_day_follows_the_fields_on_one_line": ("时间:2025-12-23 来源: 作者: [收藏] [打印] [关闭]12月17日，县人大常委会"
                                                      "开展法治政府建设工作视察，听取县政府关于法治政府建设工作情况的汇报。"
                                                      "视察组认为，县政府法治政府建设取得了明显成效。", "news"),
    "a_signed_article_under_a_table_of_page_fields": ("| [ 索引号 ] | 0001/2025-00004 | [ 发文字号 ] | 无 |\n"
                                                      "| [ 发布机构 ] | 市司法局 | ||\n| [ 主题分类 ] | 综合政务 |\n"
                                                      "■ 某市司法局\n近年来，某市深入推进法治政府建设，"
                                                      "以落实《某市法治政府建设行动方案》为引擎，各项工作取得明显成效。",
                                                      "academic_paper"),
    "notice_addressed_to_subordinate_governments": ("各市（含定州、辛集市）人民政府，各县（市、区）人民政府，省政府各部门：\n"
                                                    "2020年，在省委、省政府的坚强领导下，全省各级各部门深入贯彻习近平法治思想，"
                                                    "法治政府建设取得新成效。按照考核办法，省政府对各地各部门2020年度法治政府"
                                                    "建设情况进行了考核。", "unknown"),
    "news_headline_meeting_reviews_report": ("省政府党组召开会议审议2023年度法治政府建设情况报告\n\n3月19日，省长主持召开"
                                             "省政府党组会议，审议《某省人民政府2023年度法治政府建设情况报告》。会议强调，要……",
                                             "news"),
    "news_with_reporter_credit": ("中央依法治国办督察组启程开展法治政府建设督察\n督察组12日启程前往8个省区市，全面了解"
                                  "法治政府建设情况。（记者王某、李某）", "news"),
    "news_lede_without_title": ("近日，某市召开法治政府建设年度报告点评会，对各区县2023年度法治政府建设情况报告逐一点评，"
                                "会议要求各地对照问题抓好整改。", "news"),
    "news_dateline_and_meeting_said": ("3月22日上午，某县召开法治政府建设工作会议。会议指出，要深入推进依法行政，"
                                       "会议要求各部门认真总结2023年度法治政府建设情况。", "news"),
    "plan_titled_with_the_account_it_follows": ("某县2020年度法治政府建设情况及2021年度工作安排\n"
                                                "为深入推进依法行政，制定本安排。", "work_plan"),  # no 报告: the plan
    "plan_that_calls_itself_a_plan": ("某县2021年度法治政府建设工作安排\n为深入推进依法行政，制定本安排。", "work_plan"),
    "academic_paper": ("论法治政府建设年度报告制度的完善\n摘要：法治政府建设年度报告制度是推进法治政府建设的重要抓手。"
                       "\n关键词：法治政府；年度报告；督察", "academic_paper"),
    "scholarly_without_abstract": ("本文从法治政府建设年度报告的文本出发，分析其结构与内容。笔者认为，年度报告应当……[1]",
                                   "academic_paper"),
    "work_plan_titled": ("某县2024年法治政府建设工作要点\n\n2024年全县法治政府建设工作的总体要求是……", "work_plan"),
    "work_plan_declared_without_title": ("为深入推进法治政府建设，根据《法治政府建设实施纲要（2021—2025年）》，结合本区"
                                         "实际，制定本计划。\n一、健全政府机构职能体系\n（一）推进政府职能优化。", "work_plan"),
    "guideline_opening_with_its_purpose": ("为全面规范法治政府建设年度报告工作，进一步压实各级政府法治政府建设主体责任，"
                                           "根据《法治政府建设与责任落实督察工作规定》，现就有关事项明确如下。", "work_plan"),
    "news_opening_with_its_purpose": ("为进一步加大档案执法检查力度，近期，某区档案局组建执法检查组，对30家立档单位开展"
                                      "年度档案行政执法检查。\n检查前1个月，执法组向受检单位发出《检查通知书》。", "news"),
    "plan_purpose_naming_no_date_of_an_event": ("为进一步加大档案执法检查力度，根据有关规定，结合本区实际，制定本方案。"
                                                "\n一、检查范围\n全区立档单位。", "work_plan"),
    "guideline_titled": ("某省法治政府建设年度报告工作指引\n\n一、报告名称\n年度报告名称统一为……", "guideline"),
    "notice_issuing_a_programme": ("某市人民政府关于印发《某市创建全国法治政府建设示范市实施方案》的通知\n"
                                   "各县区人民政府，市政府各部门：现将《实施方案》印发给你们，请认真贯彻落实。", "work_plan"),
    "responsibility_list_over_two_lines": ("某市党政主要负责人履行推进法治建设\n第一责任人职责清单\n\n为深入贯彻习近平法治思想，"
                                           "制定本清单。", "guideline"),
    "interpretation": ("《某县人民政府关于2023年度法治政府建设情况的报告》政策解读\n一、起草背景\n根据《法治政府建设与"
                       "责任落实督察工作规定》……", "interpretation"),
    "info_disclosure_declared": ("某区国资局\n根据《中华人民共和国政府信息公开条例》相关要求，现公布本局2022年政府信息公开"
                                 "工作年度报告。\n一、总体情况", "info_disclosure_report"),
    "info_disclosure_by_its_headings": ("2023年，我局严格落实政府信息公开条例，推进依法行政。\n一、总体情况\n（一）主动公开\n"
                                        "全年主动公开政府信息120条。\n（二）依申请公开\n全年收到申请3件。", "info_disclosure_report"),
    "shufa_report": ("某局局长2023年度述法报告\n\n本人作为推进法治建设第一责任人，现将履职情况报告如下。", "shufa_report"),
    "pufa_summary_with_a_bracket_label": ("【普法工作总结】为增强全民法治观念，我单位积极开展普法宣传教育。现将本年度普法工作"
                                          "情况总结如下：\n一、工作开展情况", "pufa_summary"),
    "open_letter": ("致全市人民的一封公开信\n亲爱的市民朋友们：\n法治兴则国兴。开展法治政府建设示范市创建，需要您的支持。",
                    "letter"),
    "government_work_report_speech": ("各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。过去一年，我们坚持依法"
                                      "行政，法治政府建设扎实推进。", "government_work_report"),
    "rectification_report_titled": ("某县人民政府关于法治政府建设督察反馈问题整改情况的报告\n\n市委依法治市办：\n省委依法治省办"
                                    "督察组对我县开展法治政府建设实地督察，反馈问题8项。现将整改情况报告如下。",
                                    "rectification_report"),
    "rectification_report_declared": ("2023年6月，省委依法治省办督察组对我县开展法治政府建设督察，反馈问题6项。县政府高度重视，"
                                      "逐项制定整改措施。现将整改落实情况报告如下：\n一、整改工作开展情况",
                                      "rectification_report"),
    "party_committee_summary": ("某县2023年全面依法治县工作总结\n\n中共某县委全面依法治县委员会办公室\n\n2023年，县委依法治县办统筹"
                                "推进法治某县、法治政府、法治社会一体建设。现将全年工作总结如下。", "rule_of_law_summary"),
    "report_on_another_subject": ("某市公安局关于全市公安机关执法规范化建设情况的报告\n\n市人大常委会：\n现将全市公安机关执法"
                                  "规范化建设情况报告如下。", "unknown"),
    "speech_at_a_work_conference": ("在全市市场监管工作会议上的报告\n\n同志们：\n这次会议的主要任务是总结2023年工作，部署2024年"
                                    "任务。一年来，全市市场监管系统坚持依法行政……", "unknown"),
    "department_work_summary": ("某市司法局2021年工作总结\n\n2021年，全市司法行政系统深学笃用习近平法治思想，推动各项工作取得"
                                "新成效。一、政治建设全面加强。", "unknown"),
    "speech_without_a_title": ("同志们：\n今天召开全市司法行政工作会议，主要任务是总结2023年工作。一年来，全市依法行政、法治政府建设"
                               "扎实推进……", "unknown"),
    "interpretation_with_a_report_title": ("某县人民政府关于2023年度法治政府建设情况的报告\n为便于社会公众理解，现对报告主要内容"
                                           "解读如下：一、起草背景……", "interpretation"),
    "task_table_of_a_plan": ("一、健全依法决策机制\n1.编制年度重大行政决策事项目录。牵头单位：县政府办；配合单位：县司法局。\n"
                             "2.推进合法性审查全覆盖。责任单位：县司法局。", "work_plan"),
    "disclosure_report_by_its_legal_basis": ("根据《中华人民共和国政府信息公开条例》，特向社会公布2023年度本机关政府信息公开"
                                             "工作年度报告。本报告所列数据统计期限自2023年1月1日起至12月31日止。", "info_disclosure_report"),
    "enforcement_data_release": ("我局2023年度行政执法数据公开如下：\n一、行政许可：办理128件。\n二、行政处罚：办理46件。\n"
                                 "三、行政检查：开展312次。\n四、行政强制：0件。", "enforcement_stats"),
    "scholarly_front_matter": ("县级政府法治政府建设年度报告的文本分析\n［作者简介］某某，某大学法学院副教授。\n［基金项目］国家社科基金"
                               "项目。\n法治政府建设年度报告制度实施以来……", "academic_paper"),
    "news_from_the_reporter": ("记者从市司法局获悉，我市各区县2023年度法治政府建设情况报告已全部向社会公开，公开率100%。", "news"),
    "news_under_a_site_column": ("法治资讯\n\n法治资讯\n\n国家某委发布2020年度法治政府建设报告\n发布时间:2021-04-06\n\n国家某委"
                                 "日前发布《2020年度法治政府建设工作报告》。", "news"),
    "research_report_on_rule_of_law_government": ("中国法治政府发展报告（2017）| 新时代法治政府建设的使命\n\n此报告是某大学法治政府"
                                                  "研究院2017年度研究成果。", "academic_paper"),
    "news_of_a_meeting_the_secretary_attended": ("3月11日下午，我市召开2023年度党政主要负责人专题述法评议会议。市委书记出席会议"
                                                 "并讲话。", "news"),
    "news_of_a_meeting_held_somewhere": ("为推动党政主要负责人履行第一责任人职责，2023年3月21日，2022年度某区述法现场会在区委"
                                         "九楼会议室召开。区委常委主持会议。", "news"),
    "news_with_a_dateline_and_an_event": ("6月25日，某县组织召开法治政府建设年度报告评议会，对各乡镇报送的2020年度法治政府建设报告"
                                          "进行评议。", "news"),
    "article_with_an_affiliation": ("浅析乡镇法治政府的制度建设\n王某某，陈某\n（1.某省委党校（某省行政学院），某省 某市 250001）\n"
                                    "相较于传统的人治政府，法治政府就是指……", "academic_paper"),
    "yearbook_volume": ("2022卷\n【加强党对法治政府建设的全面领导】 自治区党委将法治政府建设摆在全局工作重要位置，召开常委会会议。",
                        "yearbook_entry"),
    "notice_of_assessment_results": ("某市人民政府\n关于2019年度全市法治政府\n建设（依法行政）考核结果的通报\n各县（市）区人民政府：\n"
                                     "按照《某省依法行政考核办法》……", "unknown"),
    "notice_issuing_a_plan_over_three_lines": ("某县人民政府办公室\n关于印发某县2020年度法治政府建设\n工作安排的通知\n各乡镇人民政府：\n"
                                               "《某县2020年度法治政府建设工作安排》已经县政府同意，现印发给你们。", "work_plan"),
    "news_with_a_wire_credit": ("某省府院联动助推法治政府建设\n\n法制网讯 记者某某 通讯员某某 近日，某省司法厅转发了省高级人民法院"
                                "《2019年度行政案件司法审查报告》。", "news"),
    "news_where_the_reporter_learnt": ("开展法治政府建设示范创建，是对法治政府建设成效的一次全面体检。5月31日，记者获悉，某市"
                                       "正全力争创全国法治政府建设示范市。", "news"),
    "a_leaders_own_duty_report": ("某管理区关于履行推进法治建设第一责任人职责情况的报告\n某管理区管委会主任 某某 2025年2月\n"
                                  "2024年，我坚持以习近平法治思想为指导……", "shufa_report"),
    "a_standards_front_matter": ("ICS 35.020 CCS A90 DB3301/T XXXX—XXXX 某市地方标准 人大数字化评估法治政府建设管理规范（征求意见稿）",
                                 "unknown"),
    "an_exam_question": ("2023年5月，某省政府发布2022年度法治政府建设白皮书。……结合材料，运用政治生活知识，说明某省是如何推进"
                         "法治政府建设的。", "unknown"),
    "a_scholarly_title_with_its_case": ("乡镇（街道）法治化综合改革的实践路径与体系化构建\n——以某省为例\n某某（某省司法厅）\n近年来……",
                                        "academic_paper"),
    "a_web_essay": ("引言\n某省近年来在法治政府建设方面取得了显著成就。本文将深入探讨某省法治政府建设的历程。", "academic_paper"),
    "an_essay_that_calls_itself_so": ("一、背景概述\n随着法治建设不断深入，县级法治建设成为重要基础。本文将对2024年度县法治建设"
                                      "工作计划进行解析与展望。", "academic_paper"),
    "a_books_blurb": ("内容简介 本书梳理了某省2020年推进法治政府建设的总体情况，并提出了对未来工作的展望。", "academic_paper"),
    "a_signed_magazine_article": ("严格依法行政建设法治政府\n——某市法治政府建设取得成效\n文/某某 某某\n党的十八大以来，法治政府的建设"
                                  "进入了新的阶段。", "academic_paper"),
    "news_with_a_site_dateline": ("某省网5月20日南通讯 5月19日上午，某市委依法治市办召开全体会议，全面总结2019年工作开展情况。",
                                  "news"),
    "untitled_work_summary_naming_the_subject_only_later": ("2023年，某局全面贯彻落实党的二十大精神，各项工作取得新成效。\n"
                                                            "一、党建工作全面加强\n（一）落实“第一议题”制度。\n"
                                                            "二、业务工作稳步推进\n（一）推进法治政府建设。", "unknown"),
    "untitled_work_summary_naming_rule_of_law_building_only_later": (
        "2024年，某审计局全面贯彻落实党的二十大精神，审计监督作用有效发挥。\n一、聚焦主责主业\n（一）完成审计项目12个。\n"
        "二、加强审计法治建设", "unknown"),
    "signed_magazine_article_with_a_boxed_byline": ("□ 法治政府建设的基层实践\n□ 某某某\n近年来，某自治区深入推进法治政府建设，"
                                                    "依法行政水平不断提升，法治政府建设取得显著成效。", "academic_paper"),
    "untitled_work_summary_with_measures_of_one_line_of_work": ("2023年，某局全面贯彻落实党的二十大精神，各项工作取得新成效。\n"
                                                                "一、党建工作主要举措和成效\n（一）落实“第一议题”制度。",
                                                                "unknown"),
    "untitled_business_environment_summary_at_its_first_item": ("2023年，全区优化营商环境工作取得积极成效。\n"
                                                                 "一、主要举措和成效\n（一）推进“一网通办”。", "unknown"),
    "untitled_disclosure_report_with_measures_and_results": ("某县人民政府办公室以政务公开标准化为抓手。\n一、工作举措和成效\n"
                                                             "（一）主动公开政府信息4520条。", "info_disclosure_report"),
    "news_under_a_slogan_headline": ("推动法治政府建设不断取得新成效\n12月22日下午，某区审计局召开党组会议专题研究法治建设工作。\n"
                                     "会议强调，要将法治建设摆在全局工作的重要位置。", "news"),
    "a_notice_asking_for_the_reports": ("|\n某市人民政府办公室关于报告推进依法行政工作进展情况的通知 各县（区）人民政府，市直各部门："
                                        "按照《某省加强依法行政的意见》要求，各县区政府须于每年11月底前报告年度依法行政进展情况。"
                                        "现将有关事项通知如下：一、报告内容。围绕推进依法行政的情况。", "unknown"),
    "news_of_a_meeting_with_its_agenda_below": ("某市召开法治政府建设工作会议\n3月20日上午，某市召开法治政府建设工作会议。会议强调，"
                                                "要深入推进依法行政。会议议程具体内容如下：一、听取汇报；二、部署工作。", "news"),
    "declared_report_on_one_field_of_the_work": ("2022年，我市深化行政执法“三项制度”，完善行政执法监督体制机制，依法行政"
                                                 "能力水平得到提升。现将全市2022年行政执法工作情况报告如下：\n"
                                                 "一、全市行政执法基本情况\n全年办理行政处罚案件1370件。", "partial_report"),
    "review_opinions_of_a_peoples_congress_on_the_report": ("某市人大常委会关于市人民政府2024年度法治政府建设情况报告的审议意见\n"
                                                            "市人民政府：\n2025年4月24日，市人大常委会会议听取了市人民政府"
                                                            "关于2024年度法治政府建设情况的报告。现将审议意见交办如下。",
                                                            "unknown"),
    "untitled_shufa_report_declared_in_the_first_person": (
        "某市民政局党组书记、局长 某某\n\n按照市委依法治市办关于开展2023年度党政主要负责人述法工作的通知要求，现将本人"
        "2023年度履行推进法治建设第一责任人职责情况报告如下。\n一、带头尊法学法\n本人全年主持局党组专题学法3次。",
        "shufa_report"),
    "untitled_interpretation_that_says_it_drew_the_report": (
        "3月26日，某县人民政府在门户网站全文公布了2023年度法治政府建设情况报告。为便于公众了解报告内容，县司法局对报告进行"
        "了图解。\n某县2023年度法治政府建设\n一图读懂\n▶ 01 压实第一责任人职责", "interpretation"),
    "untitled_interpretation_opening_with_its_background": (
        "一、背景依据\n全面依法治国是国家治理的一场深刻革命，法治政府建设是全面依法治国的重点任务。\n"
        "二、主要内容\n报告分为四个部分。", "interpretation"),
    "declared_report_on_the_overall_state_of_enforcement": ("2023年以来，某市医保系统不断完善行政执法制度机制，规范行政执法"
                                                            "行为。现将2023年度行政执法总体情况报告如下：\n一、主要举措和成效\n"
                                                            "（一）加强医保法治建设，履行法治建设责任制。", "partial_report"),
    "news_credited_to_a_correspondent_in_brackets": ("某市政法网（通讯员 某某）3月15日，县司法局一行3人对某镇法治政府建设"
                                                     "工作进行督导检查。镇长汇报了2020年度法治政府建设情况。", "news"),
    "news_with_a_byline_line": ("某省晒政府部门依法行政成绩单 某市第一\n\n  □记者 王某某\n\n  昨日，省依法行政领导小组办公室"
                                "首次公布了各级政府部门依法行政考核结果。", "news"),
    "site_news_that_summarises_a_report": ("某部网站\n2022-04-14\n本站讯 近日，某部发布2021年法治政府建设年度报告，全面总结"
                                           "推进法治政府建设的进展。\n2021年，某部坚持推进依法行政，法治政府建设取得新成效。",
                                           "news"),
    "notice_that_issues_a_plan": ("厅直各单位，厅机关各处室：\n经厅党组会议审议同意，现将《关于进一步深化法治政府部门建设的实施"
                                  "方案》印发给你们，请结合实际认真落实。\n为深入推进依法行政，制定本实施方案。", "work_plan"),
    "declared_report_on_public_legal_education": ("2023年，我县深入开展“八五”普法。现将我县2023年普法工作情况报告如下：\n"
                                                  "一、主要做法", "pufa_summary"),
    "forwarded_notice_asking_for_the_reports": ("县直有关单位：\n现将《关于报送2023年度法治政府建设年度报告的通知》转发给你们，"
                                                "请于1月31日前报送。", "unknown"),
    "notice_titled_as_forwarding_the_request_for_reports": ("关于转发《关于报送2023年度法治政府建设年度报告的通知》的通知\n\n"
                                                            "请各单位于1月31日前报送本单位2023年度法治政府建设情况报告。",
                                                            "unknown"),
    "plan_opening_with_its_purpose_under_page_fields": ("来源：某县司法局  浏览次数：88\n字号：【大 中 小】\n为深入推进依法行政，"
                                                        "加快建设法治政府，现就2025年全县法治政府建设工作安排如下。", "work_plan"),
    "application_for_a_demonstration_project": ("某区关于申报第三批全省法治政府建设示范项目的报告\n市委依法治市办：\n根据通知要求，"
                                                "我区决定以“综合查一次”改革申报全省法治政府建设示范项目。", "application"),
    "plan_declared_as_a_work_programme": ("为深入推进依法行政，加快建设法治政府，结合我局实际，制定本工作方案。\n一、总体要求", "work_plan"),
    "news_of_an_inspection_visit": ("某县人大常委会视察法治政府建设\n时间:2025-12-23 来源: [打印] [关闭]12月17日，县人大常委会"
                                    "开展法治政府建设工作视察。当前我县法治政府建设取得一定成效，依法行政水平逐年提升。", "news"),
    "public_notice_of_a_list": ("关于第三批全省法治政府建设示范地区和示范项目拟命名名单的公示\n根据《全省法治政府建设示范创建活动"
                                "实施方案》，经申报、初审和评估，拟命名8个地区为法治政府建设示范地区。现予以公示。", "unknown"),
    "table_of_task_progress": ("2023年《政府工作报告》重点工作目标任务进展情况表\n序号 | 目标与任务 | 牵头责任单位 | 完成情况 |\n"
                               "71 | 深化法治政府建设，推进依法行政 | 县司法局 | 已完成 |\n72 | 完善法治政府建设考核 | 县司法局 | 已完成 |",
                               "unknown"),
    "yearbook_entry": ("法治政府建设\n【概况】2022年，全市以法治政府示范创建为抓手，推进依法行政，各项工作取得新进展。\n"
                       "【依法决策】全年审查重大行政决策事项9项，提出法律意见36条，全部被采纳。", "yearbook_entry"),
}


def genre(text: str) -> str:
    return build_document(RawText("<test>", text, "utf-8", "text")).meta.genre


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_real_report_shapes_are_annual_reports(name: str) -> None:
    assert genre(REPORTS[name]) == "annual_report"


@pytest.mark.parametrize("name", sorted(LOOKALIKES))
def test_lookalikes_are_named_for_what_they_are(name: str) -> None:
    text, expected = LOOKALIKES[name]
    assert genre(text) == expected


def _read_without_title(label: str):
    """Each tune document labelled `label`: how checker reads it, and its text without the title line (None when it
    has no title)."""
    from tests.accuracy import labelled

    for doc in labelled():
        if doc.part == "tune" and doc.genre == label:
            read = build_document(RawText(str(doc.path), doc.path.read_text(encoding="utf-8"), "utf-8", "text"))
            span = read.meta.title_span
            yield read, None if span is None else read.text[:span.start] + read.text[span.end:]


def test_news_read_without_its_headline_is_still_no_report() -> None:
    """A page opening saved from the lede down (no headline) must not turn news into an annual report: over every
    titled news page of the tune parts, the text without its title line is read again."""
    news = list(_read_without_title("news"))
    kept = sum(genre(read.text if text is None else text) != "annual_report" for read, text in news)
    assert len(news) >= 30 and kept >= 0.95 * len(news)


def test_a_lookalike_read_without_its_title_is_still_no_report() -> None:
    """A look-alike saved from below its title (a 述法报告, a 解读, a paper, an enforcement report) reads like a report
    more often than not, since its title was what told it apart; over every titled tune look-alike that checker
    tells apart, the text without its title line is read again, and few may turn into an annual report."""
    from tests.accuracy import labelled

    texts = []
    for doc in labelled():
        if doc.part == "tune" and doc.genre not in ("", "annual_report", "partial_report"):
            read = build_document(RawText(str(doc.path), doc.path.read_text(encoding="utf-8"), "utf-8", "text"))
            span = read.meta.title_span
            if span is not None and read.meta.genre != "annual_report":
                texts.append(read.text[:span.start] + read.text[span.end:])
    kept = sum(genre(text) != "annual_report" for text in texts)
    assert len(texts) >= 100 and kept >= 0.92 * len(texts)


def test_a_report_read_without_its_title_is_still_a_report() -> None:
    """Many published pages start below the title (the page's own heading was not saved): over every titled tune
    report, the text without its title line is read again; a few that name neither their subject nor their parts
    may become "unknown", no more."""
    titled = [text for read, text in _read_without_title("annual_report")
              if text is not None and read.meta.genre == "annual_report"]
    kept = sum(genre(text) == "annual_report" for text in titled)
    assert len(titled) >= 250 and kept >= 0.95 * len(titled)
