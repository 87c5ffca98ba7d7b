"""What kind of document this is. Only `annual_report` is the 法治政府建设 annual report; look-alikes that share
its vocabulary are named so that the gate can say what the document seems to be.

A document says what it is in a few places a reader looks first, and they are read in this order:
1. marks of a genre that no report carries: a news credit or dateline, an abstract and key words, an English
   summary, a magazine's byline, a letter's salutation, a 述法 speaker's "本人";
2. its title (without the issuing body's name: 自然资源和规划局 is no 规划): a news headline's verb, a look-alike's
   name, or a report's own subject;
3. without a title, what its text declares ("现将……报告如下", "制定本计划") or how it opens: a report looks back
   on its year, a plan or a guideline opens with its purpose ("为……，根据……").
"""

from __future__ import annotations

import re

from checker.structure.metadata import is_chrome, looks_like_organ

GENRES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("info_disclosure_report", re.compile(r"(?:政府)?信息公开(?:工作)?年度报告|政务公开工作(?:年度)?报告")),
    ("shufa_report", re.compile(r"述法|述职|第一责任人职责(?:情况)?的?报告")),  # the leader's own duty report
    # the account of how an inspection's or audit's findings were put right (督察反馈问题整改情况的报告)
    ("rectification_report", re.compile(r"整改(?:落实)?(?:工作)?情况|反馈(?:意见|问题)?整改")),
    ("work_plan", re.compile(r"工作要点|工作计划|实施方案|工作安排|行动方案|行动计划|规划")),
    ("guideline", re.compile(r"指引|清单|目录|实施意见|实施细则|办法|规定$")),
    ("enforcement_stats", re.compile(r"(?:行政)?执法.*(?:统计|数据|年报)")),
    ("pufa_summary", re.compile(r"(?:普法|法治宣传教育).*(?:总结|报告)|普法依法治理")),
    ("interpretation", re.compile(r"解读|图解|一图读懂|答记者问")),
    ("application", re.compile(r"^(?:关于)?申报|申报(?:书|材料|表)")),  # applying to be a 示范 project or unit
    ("government_work_report", re.compile(r"^(?:(?!法治).)*政府工作报告")),
    ("academic_paper", re.compile(r"发展报告|评估报告|研究报告|蓝皮书|皮书|课题组|^论|浅析|浅谈|探析|刍议|之研究|研究$|"
                                  r"——以.{2,20}为例|实践路径|路径探索|的思考")),  # research and scholarly titles
    # the party committee's account of its whole remit (全面依法治县工作总结: 立法、执法、司法、守法), not the
    # government's report on building law-based government
    ("rule_of_law_summary", re.compile(r"^(?:(?!法治政府).)*全面依法治[省市县区旗州镇乡街](?:工作)?(?:总结|报告|情况)")),
    # the annual report, and its special form on the three enforcement systems (the fazhi-sanxiang pack judges it)
    ("annual_report", re.compile(r"法治政府|依法行政|法治建设|依法治[省市县区镇乡州旗街]|法治[\u4e00-\u9fff]{1,3}建设|三项制度")),
)
GENRE_NAMES = {
    "annual_report": "法治政府建设年度报告",
    "partial_report": "专项工作报告",
    "info_disclosure_report": "政府信息公开工作年度报告",
    "shufa_report": "述法报告",
    "rectification_report": "督察、审计等反馈问题的整改情况报告",
    "work_plan": "工作要点、工作计划或实施方案",
    "guideline": "工作指引、清单、目录或办法等规范性文件",
    "enforcement_stats": "行政执法统计年报",
    "pufa_summary": "普法工作总结",
    "interpretation": "政策解读",
    "application": "示范创建等申报材料",
    "government_work_report": "政府工作报告",
    "news": "新闻报道",
    "rule_of_law_summary": "党委全面依法治省（市、县）工作总结",
    "academic_paper": "学术论文",
    "letter": "公开信或倡议书",
    "yearbook_entry": "年鉴条目",
    "unknown": "其他文件",
}
NEWS = re.compile(
    r"(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}(?:[、,\s]+[\u4e00-\u9fff]{2,4})*\s*(?:报道|摄|文/图)"
    r"|[(（]\s*记者[^)）\n]{1,30}[)）]|(?<=[网报台讯])[(（]\s*通讯员\s*[\u4e00-\u9fff]{2,4}(?:[、,\s]+[\u4e00-\u9fff]{2,4})*\s*[)）]"
    r"|责任编辑|【纠错】|^\s*(?:本报讯|本网讯|本站讯)|(?<=[\u4e00-\u9fff])讯\s*记者"
    r"|^[ \t]*[□■●◎]?[ \t]*(?:本报)?(?:记者|通讯员)[ \t]+[\u4e00-\u9fff]{2,4}(?:[、, \t]+[\u4e00-\u9fff]{2,4})*[ \t]*$"
    r"|(?:新华社|中新社|人民网)[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电|\d{1,2}月\d{1,2}日讯"
    r"|(?:网|报|台)\d{1,2}月\d{1,2}日[\u4e00-\u9fff]{0,4}(?:讯|电)", re.M)  # 某某网5月20日南通讯: the place before 讯
DATELINE = re.compile(r"^\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚)?,", re.M)
MEETING_SAID = re.compile(r"会议(?:强调|指出|要求|认为|提出)|(?:他|她)(?:强调|指出|要求)|出席(?:会议)?并(?:讲话|致辞)")
HEADLINE_VERB = re.compile(r"召开|举行|举办|审议|听取|点评|通报|发布|出席|调研|视察|部署|督察组|启动|亮相|获评|荣获|助推|"
                           r"开展[^,。]{0,10}(?:专项|督察|督查|检查|评议|活动|行动)(?!情况)")
ACADEMIC = re.compile(r"[\[【]?摘\s*要[\]】:：]")
SCHOLARLY = re.compile(r"本文(?:认为|从|以|通过|试图|旨在|拟|提出|分析|将)|笔者|作者单位|作者简介|基金项目|参考文献|\[\d{1,2}\]|"
                       r"DOI|^\s*引言\s*$|^\s*引言\s", re.M)
# A text that calls itself 本文 or 本书 (a report is 本报告; a regulation's 本文件 is not this), a book's 内容简介, or
# a signed article's byline (文/某某): what an essay, a book or a magazine piece says of itself, never a report.
SELF_DESCRIBED = re.compile(r"本文(?!件)(?:将|以|从|尝试|结合|认为|通过|试图|旨在|拟|提出|分析|对|系)|^\s*内容简介|"
                            r"本书(?:梳理|分析|介绍|收录|记录|系统|共分|以)|^\s*文\s*[/／]\s*[\u4e00-\u9fff]{2,4}", re.M)
# a magazine's byline: the author (2–4 characters) or the contributing body alone on a line under the title,
# behind a box (□ 某某, ■ 某市司法局); a report's boxed lines are its headings, and there are more of them
BOXED_LINE = re.compile(r"^[ \t]*[□■][ \t]*([\u4e00-\u9fff]{2,20})[ \t]*$", re.M)
KEYWORDS = re.compile(r"[\[【]?关键词[\]】:：]")
ENGLISH_SUMMARY = re.compile(r"[A-Za-z][A-Za-z ,.;'’()-]{160}")
LETTER = re.compile(r"^[^\n。]{0,30}(?:公开信|倡议书)$|^亲爱的[^\n,:]{0,10}(?:朋友|同志|市民|居民)[^\n]{0,3}:", re.M)
SHUFA_OPENING = re.compile(r"述法如下|^[^\n]{0,40}本人(?:作为|自|担任|是|于)", re.M)  # the speaker, at the start
DECLARED = re.compile(r"(?:现将|特将|现就|下面就)(?:.{0,40}?)(?:报告|总结|汇报)如下|(?:现|特此|现予)(?:公布|发布)(?:.{0,40}?)(?:报告|总结)")
NOTICE_DECLARED = re.compile(r"(?:现将|特将|现就)[^。\n]{0,12}通知如下")
REPRINTED = re.compile(r"(?:全文|具体内容|报告全文|报告原文)如下[:：]?")
DOCUMENT_DECLARED = re.compile(r"(?:制定|制订|印发|形成|编制)(?:了)?本(?:工作|实施)?(?:(计划|方案|要点|规划)|办法|意见|指引|规定|细则|"
                               r"清单|目录)")
TRANSMITTED = re.compile(r"现将《([^》\n]{4,80})》[^。\n]{0,20}(?:印发|转发)给你们")  # the notice that issues a document
PURPOSE_OPENING = re.compile(r"^为(?:了)?(?:深入|全面|进一步|认真|切实|加快|扎实|持续|更好|推动|贯彻|落实|规范|加强)")
NEWS_TIME = re.compile(r"近日|近期|日前")  # when the event told happened, as a news item dates it
FIRST_SENTENCE = re.compile(r"[^。!?\n]*")
# a news lede's day (4月25日，…; 12月8日下午，…) near the top, at a line's start or after the page's fields (时间、来源):
# a report opens on its year (2023年，我县……), and a day inside its sentences (……。3月7日，我局……) is an event it reports
LEDE_REACH = 150
LEDE_DATE = re.compile(r"(?:^|(?<=[\s\]】)]))(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚|早上)?[,，]")
LOOKING_BACK = re.compile(r"(?:^|(?<=[,。;:\s]))(?:19|20)\d\d年度?(?:以来|,|(?=我|全[县市区省镇乡]|本[局委]))|一年来|今年以来|"
                          r"过去一年|本年度|全年",  # 近年来 looks back on years: a feature, not a year's report
                          re.M)  # 2023年，我县……; not (2021—2025年), 2023年3月21日 or 2022年度某区述法现场会
SALUTATION_LINE = re.compile(r"^[^\n。,]{2,30}:\s*\n")  # 县委、县人大常委会： before the preamble
BRACKET_LABEL = re.compile(r"^\s*【([^】\n]{2,20})】")
REPORT_TITLE_FORM = re.compile(r"(?:报告|总结|讲话|发言|汇报)$|(?:报告|讲话)[(—]")
YEARBOOK = re.compile(r"^【[\u4e00-\u9fff]{2,16}】[^\n]{20,}", re.M)
VOLUME = re.compile(r"^\s*(?:19|20)\d\d\s*卷\s*$", re.M)  # a yearbook's 2022卷
AFFILIATION = re.compile(r"^[^\n]{0,80}(?:大学|学院|党校|研究院|研究所|研究中心)[^\n]{0,40}[\u4e00-\u9fff]\s*\d{6}(?!\d)", re.M)
HELD_AT = re.compile(r"(?:会|会议)在[^。,\n]{1,20}(?:召开|举行)")  # news: 述法现场会在区委会议室召开
LEDE_EVENT = re.compile(r"^\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚)?,[^。\n]{0,30}(?:召开|举行|举办|开展|组织)")
STATUTORY_HEADING = re.compile(  # a line that is one of the report's statutory headings (督察工作规定's items)
    r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))?\s*(?:(?:19|20)\d\d年度?)?[^\n,。]{0,12}"
    r"(?:推进法治政府建设的?主要举措和成效|履行推进法治建设第一责任人职责(?:情况)?$|推进法治政府建设存在的不足和原因|"
    r"推进法治政府建设的主要安排)", re.M)
# The first item written short (一、主要举措和成效) is also the heading of other work summaries (营商环境, 政务公开):
# it makes a report with the second item (（一）履行法治建设第一责任) or with the subject named
FIRST_ITEM_SHORT = re.compile(r"^\s*(?:一、|\(一\)|1[.、])?\s*(?:(?:19|20)\d\d年度?)?(?:主要|工作)?"
                              r"(?:举措|做法|措施|工作)和成效\s*$", re.M)
DUTY_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))[^\n]{0,20}(?:第一责任|主要负责人履[职行])", re.M)
SALUTATION_TO_DELEGATES = re.compile(r"^各位代表[,:!]", re.M)
TO_SUBORDINATES = re.compile(r"各(?!位)[^。\n]{1,120}[:：]\s*$")  # 各县（区）人民政府，市政府各部门：
NEWS_LEDE = re.compile(r"^\s*(?:近日|日前|近期|昨日|昨天|今天|今日|本月|上周)[,，]|记者(?:从[^。\n]{2,30})?获悉|^\s*据(?:悉|了解)[,，]",
                       re.M)
SPEECH = re.compile(r"^\s*同志们[,:!]", re.M)  # a speech at a work conference
# a standard's front matter (ICS 35.020, DB3301/T …) and an exam question; a report may cite a 征求意见稿
NOT_A_REPORT = re.compile(r"ICS\s?\d{2}|DB\d{2,4}(?:/T)?\s*[\dX]|结合材料|阅读(?:下列|以下)?材料|材料[一二三][:：]")
FIRST_PERSON = re.compile(r"^[^\n]{0,30}(?:19|20)\d\d年,我(?:坚持|始终|认真|带头|深入)", re.M)  # 2024年，我坚持……
# what a 解读 says of itself (对报告进行了图解, 现解读如下), its one-line label (一图读懂) or its first part (一、背景依据)
INTERPRETED = re.compile(r"(?:解读|图解)如下|作如下解读|进行(?:了)?(?:解读|图解)|^\s*一图读懂\s*$"
                         r"|^\s*(?:一、)?(?:背景依据|起草背景|出台背景)\s*$", re.M)
TASK_TABLE = re.compile(r"(?:牵头|责任|配合)(?:单位|部门)[:：]")
ENFORCEMENT_DATA = ("行政许可", "行政处罚", "行政强制", "行政检查", "行政征收")
DISCLOSURE_HEADINGS = re.compile(r"^[一二三四五六七八九十()]{1,4}[、.]?\s*(?:主动公开|依申请公开|收到和处理政府信息公开申请)", re.M)
DOCUMENT_FORM = re.compile(r"报告|总结|情况|汇报|年报|述职|白皮书")  # what a report's own title calls it
YEAR_NAMED = re.compile(r"(?:19|20)\d\d")  # 某局2023年法治政府建设工作 is a report's title, if a terse one
BARE_SUBJECT = re.compile(r"(?:法治政府建设|依法行政|法治建设)(?:工作)?")  # a column or section name, not a title
SITE_TAG = re.compile(r"^\s*[\[【][^\]】]{1,8}[\]】]")  # a page's own label: [权威发布], 【政策解读】
QUOTED = re.compile(r"《([^》]*)》")
TRANSMITS = re.compile(r"(?:印发|转发|发布)《?([^》]+?)》?的(?:通知|公告)$")  # 关于印发（《）……工作安排（》）的通知
# next year's plan named after the year's account in a report's title (……情况及2021年度工作安排的报告): the report
# carries that plan as its last part, so the title's subject is the account
PLAN_ADDED = re.compile(r"(?<=情况|总结)(?:及|和|暨|与)(?:(?:19|20)\d\d年度?|下一?年度?|明年)?[^及和暨与的]{0,10}?"
                        r"(?:工作安排|工作计划|工作要点|工作打算|工作思路)(?=的?(?:报告|汇报)$)")
TABLE = re.compile(r"(?:情况|进展|一览|统计|汇总|明细)表$|台账$")  # a table of tasks or figures (……进展情况表), not a report
NOTICE = re.compile(r"的(?:通报|通知|决定|批复|函|公示|审议意见)$")  # a notice, a decision or a review of a report, not a report


def classify(title: str | None, text: str, body: str | None = None) -> str:
    """Genre id of a document: its title (or None), its text after the title, and its issuing body. A news page
    that carries an annual report in full (某部发布……报告。具体内容如下：) is the report; news with anything else
    below (a meeting's agenda) stays news."""
    head = text[:1500]
    genre = _classify(title, head, body)
    if genre == "annual_report" and TO_SUBORDINATES.match(_opening_line(head)):
        return "unknown"  # addressed down (各市人民政府，省政府各部门：): a notice or a plan, a report goes up
    reprinted = REPRINTED.search(head) if genre == "news" else None
    if reprinted and _by_text(head[reprinted.end():]) == "annual_report":
        return "annual_report"
    return genre


def _classify(title: str | None, head: str, body: str | None) -> str:
    marked = _marked_genre(f"{title}\n{head}" if title else head)  # a mark may stand in the title line too
    if marked:
        return marked
    if title:
        return _by_title(title, title.replace(body, "", 1) if body else title, head)
    label = BRACKET_LABEL.match(head)
    named = _by_name(label.group(1) if label else _first_line(head))
    return named if named and named != "annual_report" else _by_text(head)


def _marked_genre(head: str) -> str | None:
    """Genres betrayed by a mark no report carries, wherever the title is."""
    if ACADEMIC.search(head) and KEYWORDS.search(head) or ENGLISH_SUMMARY.search(head) or \
            len(SCHOLARLY.findall(head)) >= 2 or SELF_DESCRIBED.search(head):
        return "academic_paper"
    if _byline(head):
        return "academic_paper"
    if NEWS.search(head):  # asked only whether it matches: 某某网讯记者 is 讯记者 after a Han character
        return "news"
    if LETTER.search(head):
        return "letter"
    if SHUFA_OPENING.search(head[:400]):
        return "shufa_report"
    if len(YEARBOOK.findall(head)) >= 2 or YEARBOOK.search(head) and VOLUME.search(_past_chrome(head)[:100]):
        return "yearbook_entry"
    if AFFILIATION.search(head):
        return "academic_paper"
    if SALUTATION_TO_DELEGATES.search(head):
        return "government_work_report"
    if SPEECH.search(head[:300]) or NOT_A_REPORT.search(head):
        return "unknown"
    if FIRST_PERSON.search(head[:300]):
        return "shufa_report"
    if INTERPRETED.search(head):
        return "interpretation"
    if len(TASK_TABLE.findall(head)) >= 2:
        return "work_plan"
    if "政府信息公开条例" in head[:300] and "年度报告" in head:
        return "info_disclosure_report"
    if sum(word in head for word in ENFORCEMENT_DATA) >= 3 and "数据" in head[:300]:
        return "enforcement_stats"
    return None


def _byline(head: str) -> bool:
    """A boxed name among the first three lines, with at most one other boxed line (the title): a signed article's
    byline."""
    boxed = BOXED_LINE.findall(head)
    first = [line for line in head.splitlines() if line.strip() and not is_chrome(line.strip())][:3]
    names = [m.group(1) for m in map(BOXED_LINE.fullmatch, first)
             if m and (len(m.group(1)) <= 4 or looks_like_organ(m.group(1)))]
    return bool(names) and len(boxed) <= 2


def _by_title(title: str, subject: str, head: str) -> str:
    """The title (and its subject: the title without the issuing body's name). A report's title names its own
    subject, not the documents it quotes (《……实施方案》执行情况的报告 is no
    plan), except a notice that issues one (关于印发《……方案》的通知 is that plan); a news headline reports an act
    ("召开会议审议……报告"); a report titled on another subject is another report. A title that names none of
    these leaves it to the text."""
    issued = TRANSMITS.search(subject)
    if issued:
        return _issued(issued.group(1))
    whole = QUOTED.sub("", SITE_TAG.sub("", title))  # on the whole title: 某州人大常委会审议某州政府……报告
    verb = HEADLINE_VERB.search(whole)
    if verb and "关于" not in whole[:verb.start()]:  # 关于……审议意见……的报告 names a report's subject
        return "news"
    own = PLAN_ADDED.sub("", QUOTED.sub("", subject))  # ……情况及2021年度工作安排的报告 reports on the year
    if NOTICE.search(own) or TABLE.search(own):
        return "unknown"
    named = _by_name(own)
    if named == "annual_report" and (BARE_SUBJECT.fullmatch(own) or _headline(own)):
        return _by_text(head)  # a column name (法治政府建设) or a headline: the text decides
    if named:
        return named
    return "unknown" if REPORT_TITLE_FORM.search(own) else _by_text(head)


def _headline(own: str) -> bool:
    """A title that calls itself nothing and names no year (推动法治政府建设不断取得新成效) is a headline."""
    return not DOCUMENT_FORM.search(own) and not YEAR_NAMED.search(own)


def _issued(name: str) -> str:
    """The genre of a document a notice issues or forwards, by its name; a forwarded notice (转发《关于报送……报告的
    通知》) is a notice, not the report it asks for."""
    name = QUOTED.sub("", name)
    return "unknown" if NOTICE.search(name) else _by_name(name) or "unknown"


def _by_name(name: str) -> str | None:
    for genre, pattern in GENRES:
        if pattern.search(name):
            return genre
    return None


def _by_text(head: str) -> str:
    """Without a title: what the text says it is, or how it opens (after the page's chrome: 发布时间, 字号……)."""
    head = _past_chrome(head)
    if NOTICE_DECLARED.search(head[:800]):  # 现将有关事项通知如下: the notice that asks for reports
        return "unknown"
    transmitted = TRANSMITTED.search(head[:800])
    if transmitted:
        return _issued(transmitted.group(1))
    declared = DECLARED.search(head)
    if declared:  # a report on the year's 法治政府建设 (and next year's plan) is the annual report
        if "本人" in declared.group():  # 现将本人履行……第一责任人职责情况报告如下: a leader's own 述法
            return "shufa_report"
        if DECLARED_SUBJECT.search(declared.group()):
            return "annual_report"
        named = _by_name(declared.group())  # 依法治县暨行政执法工作, 普法工作, 执法统计: the name says which
        if named:
            return named
        if ONE_FIELD.search(declared.group()):  # 现将全市行政执法工作情况报告如下: a report on one part of the work
            return "partial_report"
        if _about_law_based_government(head):
            return "annual_report"
        # 现将有关情况报告如下 names nothing: the report's own parts (一、主要举措和成效) say what it is, as without it
    if STATUTORY_HEADING.search(head) or (FIRST_ITEM_SHORT.search(head) and (DUTY_HEADING.search(head) or
                                                                              REPORT_SUBJECT.search(head))):
        return "annual_report"
    document = DOCUMENT_DECLARED.search(head[:800])
    if document:
        return "work_plan" if document.group(1) else "guideline"
    if DATELINE.search(head) and MEETING_SAID.search(head) or NEWS_LEDE.search(head[:300]) or LEDE_EVENT.match(head) \
            or HELD_AT.search(head[:300]) or LEDE_DATE.search(head[:LEDE_REACH]):
        return "news"
    opening = head.lstrip()
    if PURPOSE_OPENING.match(opening):
        if NEWS_TIME.search(FIRST_SENTENCE.match(opening).group()):
            return "news"  # 为进一步……，近日，某局组织……: an event told, not a plan's purpose
        if not LOOKING_BACK.search(opening[:200]):
            return "work_plan"
    if DISCLOSURE_HEADINGS.search(head):
        return "info_disclosure_report"
    return "annual_report" if _about_law_based_government(head) else "unknown"


def _past_chrome(text: str) -> str:
    """The text from its first line that is neither blank nor site chrome."""
    at = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and not is_chrome(line.strip()):
            break
        at += len(line)
    return text[at:]


def _opening_line(text: str) -> str:
    """The first line that is not site chrome."""
    return _past_chrome(text).split("\n", 1)[0].strip()


def _first_line(text: str) -> str:
    """Without a recognised title, the first short line stands in for it (a page heading such as
    "…2022年度行政执法数据公开")."""
    for line in text.splitlines():
        if line.strip() and not is_chrome(line):
            return line if len(line) <= 60 and not re.search(r"[。;?!？！]", line) else ""
    return ""


def _about_law_based_government(head: str) -> bool:
    """The text is about building law-based government: it names the subject twice, or an opening paragraph that
    looks back on its year names it, in the words a report's title is known by (法治建设, 依法治市 too), there or in
    the first part's heading right after it (一、党对法治政府建设领导全面加强); a department's general work summary
    names it in passing, later."""
    if len(SUBJECT.findall(head)) >= 2:
        return True
    lines = [line for line in SALUTATION_LINE.sub("", head, count=1).splitlines()
             if line.strip() and not is_chrome(line)]
    opening = lines[0][:300] if lines else ""
    first_part = lines[1] if len(lines) > 1 and FIRST_PART.match(lines[1]) else ""
    return bool(LOOKING_BACK.search(opening) and REPORT_SUBJECT.search(f"{opening}\n{first_part}"))


SUBJECT = re.compile(r"法治政府|依法行政")
REPORT_SUBJECT = dict(GENRES)["annual_report"]  # what a title names to be the annual report
FIRST_PART = re.compile(r"^\s*(?:一、|第一部分|\(一\)|（一）)")
DECLARED_SUBJECT = re.compile(r"法治政府|依法行政|法治建设|法治工作")  # 现将年度法治工作情况报告如下
ONE_FIELD = re.compile(r"(?:行政执法|行政复议|行政应诉|行政诉讼|政务公开|普法|信访|规范性文件)(?:工作)?(?:开展|总体|基本)?情况")
