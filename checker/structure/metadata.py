"""What a reviewer reads off a report before its content: web-page chrome, title, issuing body, level, year,
sign-off (落款) and the page's publication date. Works on normalised lines."""

from __future__ import annotations

import re
from itertools import islice

from checker.model import Signoff, Span

BULLETS = "-•·*"
FIELD_BULLET = rf"(?:[{BULLETS}]\s*)?"  # page fields written as a list: "- 主题分类:…", "• 索引号:…"
FIELD_NAMES = (
    "发布时间|发布日期|发文日期|时间|日期|来源|信息来源|文章来源|作者|索引号|发布机构|发文机关|发文字号|文号|"
    "主题分类|体裁分类|有效性|公文时效|信息索引号|公开形式|公开方式|公开范围|公开时限|成文日期|生效日期|分享|分享到|字号|浏览次数|浏览量|浏览|阅读次数|点击数|点击量|访问量|打印|关闭|打印本页|关闭窗口|"
    "您现在的位置|您所在的位置|您当前的位置|您当前所在位置|您所在位置|当前所在位置|当前的位置|当前位置|首页|相关阅读|相关链接|相关文件|相关附件|扫一扫|上一篇|下一篇|责任编辑|"
    "编辑|审核|校对|主办单位|承办单位|技术支持|版权所有|网站标识码|网站地图|联系我们"
)
CHROME = re.compile(
    # a field by its name: followed by a colon, a space or the line's end, or in brackets of its own ([主题分类]卫生)
    rf"^(?:{FIELD_BULLET}(?:\|\s*)?(?:[【\[]\s*(?:{FIELD_NAMES})\s*[】\]]|[【\[]?\s*(?:{FIELD_NAMES})\s*[】\]]?\s*(?:[:>|]|$|\s)))"
    r"|阅读次数|浏览次数|访问次数|点击次数|(?:^|\s)(?:点击|浏览|阅读)\s*[:：]\s*\d*\s*次?\s*$"  # 2023/8/7 23:36 点击:
    r"|扫一扫在手机|【\s*(?:打印|关闭|大|字体)|\s>\s|›|ICP备|公网安备|网站标识码|Copyright|©"  # a page's footer
    r"|手机版|站内搜索|网上有害信息举报|无障碍浏览|设为首页|加入收藏|^\s*>>|\|\s*>>|^\s*>[^>\n\d%]{2,30}>[^\n\d%]*$"
    r"|^\(此件(?:主动|不予)?公开(?:发布)?\)$|^\[?(?:打印|关闭)\]?(?:\s*\[?(?:打印|关闭)\]?)*$"
)  # a PDF's page number (— 3 —) never gets here: normalise empties its line (checker/normalise.py PAGE_NUMBER_LINE)
DATE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|(?P<cy>[〇○零一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,3})月(?P<cd>[一二三四五六七八九十]{1,3})日"
)
ISO_DATE = re.compile(r"(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})")
ORGAN = re.compile(
    r"(?:人民政府|政府|办事处|街道|委员会|管委会|局|厅|委|办公室|办|署|院|中心|所|队|司法所)$"
)
PLACE_END = re.compile(r"(?:省|自治区|市|州|盟|县|旗|区|镇|乡|苏木|街道)$")
# A body named by its level alone (省人民政府, 市司法局, 区卫生健康委, 经济开发区): no place name before the level
# word, which a name of two or three characters would put at the third or fourth place (镇江市, 市中区, 镇平县).
UNNAMED_BODY = re.compile(
    r"^(?:(?:省|自治区|市|州|盟|县|旗|区|镇|乡|街道)(?!..?(?:省|市|州|盟|县|旗|区|镇|(?<!城)乡))"
    r"|(?:经济技术|经济|高新技术产业)?开发区|高新区)"
)
NUMBERED = re.compile(r"[一二三四五六七八九十]+[、.]|\(|第[一二三四五六七八九十]+(?:部分|章)|\d+[、.]|[\u2460-\u2473]")
SPACED = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
NOTICE_SENDS = re.compile(r"(?:印发|下发|转发|报送)给?你们|现(?:将[^。\n]{0,80}?)?(?:报送|呈报|报上)")
ATTACHMENT = re.compile(r"^附[件表]\s*[\d一二三四五六七八九十]*\s*(?:[:：.、]|$)")  # 附件：…, 附件1, 附表2 …
# a 公文's 版记 under its 落款 (GB/T 9704): 抄送：…, and the office and day that printed it (……办公室 2024年3月1日印发)
IMPRINT = re.compile(r"^(?:抄送|抄报|分送)\s*:|^\S.{0,30}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")
NOTICE_BODY_LINES = 2  # the closing sentence sits just above the 落款; joint issuers take a line each (中共某市委 / 某市人民政府)
TITLE_WORDS = re.compile(r"报告|总结|要点|计划|方案|情况|述法|年报|解读|法治|依法行政")
TITLE_END = re.compile(r"(?:报告|总结|要点|计划|方案|情况|年报|解读|清单|目录|指引|意见|通知|通报|决定|公开信)$")
TABLE_CELL = re.compile(rf"^\s*{FIELD_BULLET}\|?\s*标\s*题\s*[|:]\s*|\s*\|\s*$")  # "标 题 | …的通知 |" in a page's metadata table
DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号\s*(?=\S)")
CATEGORY_LABEL = re.compile(r"(?:工作|计划|规划|报告|总结|要点|方案|情况|年报|解读|政务|公开|信息|文件|通知|公告|专题|专栏|动态)+")
COLUMN = re.compile(r"[\u4e00-\u9fff]{0,4}(?:资讯|动态|要闻|新闻|专题|专栏|栏目|公告|报道|工作)")  # 法治资讯, 法治工作
TITLE_START = re.compile(r"关于|(?:19|20)\d\d\s*年|法治|依法行政")
CLOSING_MARKS = "》〉」』”’\"')）"  # after a quoted title: 《……的报告》
DECLARES = re.compile(r"现将|如下")  # a sentence that says what follows (现将……报告如下), not a title
# a title whose line break was lost, the salutation or the text run on after a space (……的报告 中共某市委：2024年，……):
# what runs on is Chinese text, its year or a subtitle (——在……会议上), not markup or a file name
RUN_ON_TITLE = re.compile(r"([^。;,:?!\s][^。;,:?!]{3,78}?(?:报告|总结))[ \t\u3000]+(?=[\u4e00-\u9fff\d—][^\n]{20,})")
RELATED = re.compile(r"^【?\s*(?:相关链接|相关阅读|相关文件|相关附件|相关新闻|相关信息|延伸阅读|推荐阅读)\s*】?\s*:?$")
CITY_SIGNS = re.compile(r"县\(市、?区\)|[区县]\(市\)|区县|县区|县市区|各区(?!域|间|段|块)|市辖区|设区的市|"
                        r"地方性法规|政府规章|立法计划|立法项目")
REPORTED_YEAR = re.compile(r"(?<!\d[-—–~～至])(?<!\d年[-—–~～至])(?<!\d [-—–~～至])(?<!\d[-—–~～至] )(?<!\d [-—–~～至] )"
                           r"(20\d\d|19\d\d)\s*年")  # not the end of 2021-2025年 (nor of 2020 —2025年, spaced)
TITLE_BLOCK_LINES = 12  # lines of page fields (索引号, 发布日期) between a page title and the document's own
BYLINE_LINES = 6  # a byline sits within the first lines under the title (subtitle, speaker, date)
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def is_chrome(line: str) -> bool:
    """A line of web-portal chrome (breadcrumb, 发布时间, share and print buttons), not report text. Portals
    often space out a field's name to align a table (索 引 号, 发布机构), so the name is read without those spaces."""
    if len(line) > 80:
        return False
    if CHROME.search(line):
        return True
    unspaced = SPACED.sub("", line)
    return unspaced != line and bool(CHROME.search(unspaced))


def parse_date(text: str) -> str | None:
    """The first date in the text as YYYY-MM-DD (Arabic or Chinese numerals), or None."""
    m = DATE.search(text)
    if m:
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            y = int("".join(str(CN_DIGIT[c]) for c in m.group("cy")))
            mo, d = _cn_small(m.group("cm")), _cn_small(m.group("cd"))
        return f"{y:04d}-{mo:02d}-{d:02d}"
    m = ISO_DATE.search(text)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _cn_small(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_DIGIT[text[1]]
    if text.endswith("十"):
        return CN_DIGIT[text[0]] * 10
    if "十" in text:
        return CN_DIGIT[text[0]] * 10 + CN_DIGIT[text[2]]
    return CN_DIGIT[text]


def is_date_line(line: str) -> bool:
    stripped = line.strip(" ()")
    m = DATE.search(stripped) or ISO_DATE.search(stripped)
    return bool(m) and len(stripped) - (m.end() - m.start()) <= 2


# A 落款's date line written to the month (2017年2月) or left as the template's blanks (2025年  月  日): still the
# date line of a 落款, with the month as its date or none.
MONTH_LINE = re.compile(r"\s*\(?(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*\)?\s*")
BLANK_DATE_LINE = re.compile(r"\s*(?:19|20)\d\d\s*年\s*(?:\d{1,2}\s*)?月\s*日\s*|\s*(?:19|20)\d\d\s*年\s+月\s+日\s*")


def end_date(line: str) -> tuple[bool, str | None]:
    """Whether the line is a 落款's date line, and its date: YYYY-MM-DD, YYYY-MM for a month, None for blanks."""
    if is_date_line(line):
        return True, parse_date(line)
    month = MONTH_LINE.fullmatch(line)
    if month and 1 <= int(month.group("m")) <= 12:
        return True, f"{month.group('y')}-{int(month.group('m')):02d}"
    return bool(BLANK_DATE_LINE.fullmatch(line)), None


def looks_like_organ(line: str) -> bool:
    """A short line naming an issuing body (XX县人民政府, XX局, 中共XX县委 XX县人民政府)."""
    return 2 <= len(line) <= 40 and "。" not in line and "," not in line and bool(ORGAN.search(line) or PLACE_END.search(line))


def names_place(body: str) -> bool:
    """Whether an issuing body is named with its place: the labelling rules grade a title with a generic
    省人民政府 as lacking the body."""
    return not UNNAMED_BODY.match(body)


def find_title(lines: list[tuple[int, str]]) -> tuple[str, Span] | None:
    """The title among the first lines: short, unpunctuated, naming a report-like subject. A page title is often
    repeated under the page's fields as the document's own two-line block (某局 / 2023年法治政府建设工作报告):
    that block, being the document's title, wins."""
    found = _first_title(lines)
    if found is None:
        return None
    end = found[1].end
    seen = 0
    for idx, (start, line) in enumerate(lines):
        if start < end or not line or is_chrome(line):
            continue
        seen += 1
        if seen > TITLE_BLOCK_LINES or len(line) > 80 or re.search(r"[。;?!？！]", line):
            break  # the text has started
        block = _organ_over_title(lines, idx)
        if block:
            return block
    return found


def _next_line(lines: list[tuple[int, str]], idx: int, over_chrome: bool = False) -> int | None:
    """The index of the first line of text after lines[idx], over blank lines (text converted from a document or
    a page often has them between paragraphs, and a title's two halves are two paragraphs) and, with over_chrome,
    page chrome (a page's number may fall between an issuing body and its title)."""
    return next((i for i in range(idx + 1, len(lines))
                 if lines[i][1] and not (over_chrome and is_chrome(lines[i][1]))), None)


def _organ_over_title(lines: list[tuple[int, str]], idx: int) -> tuple[str, Span] | None:
    """An issuing body's line over a title line that names no body of its own (某局 / 2025年法治政府建设报告)."""
    start, line = lines[idx]
    at = _next_line(lines, idx, over_chrome=True)
    nxt = lines[at] if at is not None else None
    if nxt is None or not looks_like_organ(line) or is_chrome(line) or TITLE_WORDS.search(line):
        return None
    title = SPACED.sub("", nxt[1])
    if (len(title) > 60 or not TITLE_END.search(title) or not TITLE_WORDS.search(title) or NUMBERED.match(title)
            or is_chrome(title) or re.search(r"[。;,:?!]", title) or body_from_title(title)):
        return None
    return line + title, Span(start, nxt[0] + len(nxt[1]))


def _first_title(lines: list[tuple[int, str]]) -> tuple[str, Span] | None:
    seen = 0
    for idx, (start, line) in enumerate(lines):
        if not line or is_chrome(line):
            continue
        marker = re.match(r"(?:#{1,6}|[•·●▪◆■])\s*", line)  # a markdown heading's #, a list bullet
        if marker:
            start, line = start + marker.end(), line[marker.end():]
        seen += 1
        if seen > 8:
            return None
        run_on = RUN_ON_TITLE.match(line)
        if run_on and TITLE_WORDS.search(run_on.group(1)) and not DECLARES.search(run_on.group(1)) \
                and not NUMBERED.match(line):
            return run_on.group(1), Span(start, start + run_on.end(1))
        if len(line) > 100:
            return None
        at = _next_line(lines, idx)
        nxt = lines[at] if at is not None else None
        if nxt and looks_like_organ(line) and nxt[1].startswith("关于") and TITLE_WORDS.search(nxt[1]):
            after_at = _next_line(lines, at)  # 某市人民政府 / 关于……法治政府 / 建设……的通报
            after = lines[after_at] if after_at is not None else None
            rest = _title_over_two_lines(nxt[1], after[1]) if after else None
            if rest:
                return line + rest, Span(start, after[0] + len(after[1]))
            return line + nxt[1], Span(start, nxt[0] + len(nxt[1]))
        if NUMBERED.match(line):
            return None
        block = _organ_over_title(lines, idx)
        if block:
            return block
        line = TABLE_CELL.sub("", SPACED.sub("", line))
        number = DOCUMENT_NUMBER.match(line)  # 长政发〔2021〕1号长海县2020年度……报告: the number is no part of the title
        if number:
            start, line = start + number.end(), line[number.end():]
        joined = _title_over_two_lines(line, nxt[1] if nxt else "")
        if joined:
            return joined, Span(start, nxt[0] + len(nxt[1]))
        if (4 <= len(line) <= 80 and TITLE_WORDS.search(line) and not re.search(r"[。;?!？！]", line)
                and not DECLARES.search(line)
                and not is_date_line(line) and not CATEGORY_LABEL.fullmatch(line)
                and not (len(line) <= 6 and COLUMN.fullmatch(line))):
            return line, Span(start, start + len(line))
    return None


def _title_over_two_lines(line: str, nxt: str) -> str | None:
    """A title broken after its first half ("…关于2019年度" / "法治政府建设情况的报告"), or wherever a fixed width
    broke it ("…情况的报" / "告》", "…工作情况" / "的报告": no line starts with 的): the two lines joined. A page's
    column name over the title (法治资讯) is no half of it."""
    nxt = SPACED.sub("", nxt)
    if TITLE_END.search(line) and not nxt.startswith("的") or not TITLE_START.search(line) \
            or re.search(r"[。;,:]", line + nxt) or len(line) <= 6 and COLUMN.fullmatch(line):
        return None
    if not nxt or len(nxt) > 40 or not TITLE_END.search((line + nxt).rstrip(CLOSING_MARKS)) or NUMBERED.match(nxt) \
            or is_chrome(nxt):
        return None
    return line + nxt if len(line + nxt) <= 100 else None


def related_links_start(lines: list[tuple[int, str]]) -> int | None:
    """Where a web page's block of related links (【相关链接】 and the titles under it) begins, if it is in the
    second half of the page: that header and every line after it are page chrome, not the report."""
    for index in range(len(lines) - 1, len(lines) // 2 - 1, -1):
        if RELATED.match(lines[index][1].strip()):
            return index
    return None


def body_from_title(title: str) -> str | None:
    """The issuing body named before 关于 or the year (XX县人民政府关于2023年……), or right after a leading year
    (2020年静海区法治政府建设情况报告)."""
    m = re.match(r"(?!(?:19|20)\d\d)(.+?)(?:关于|(?:19|20)\d\d|二〇|年度|法治政府|依法行政)", title) or \
        re.match(r"(?:19|20)\d\d\s*年度?(.+?)(?:法治|依法行政|关于)", title)
    if not m:
        return None
    body = re.split(r"[|《》:“”\]】]", m.group(1))[-1].strip(" ,、")  # 一图读懂|《XX县人民政府关于…, [权威发布]XX省
    return body if body and (ORGAN.search(body) or PLACE_END.search(body)) else None


def find_year(title: str | None, openings: tuple[str, ...], published: str | None) -> int | None:
    """The year reported on: from the title, else the opening lines (without the page's chrome, then with it: a
    breadcrumb's 2021年度), else the year before an early publication. A year that closes a range (2021-2025年)
    is a plan's period, not the year reported on."""
    for text in (title or "", *openings):
        m = REPORTED_YEAR.search(text)
        if m:
            return int(m.group(1))
    if published:
        year, month = int(published[:4]), int(published[5:7])
        return year - 1 if month <= 6 else year
    return None


def find_signoff(lines: list[tuple[int, str]]) -> tuple[Signoff | None, int]:
    """The 落款 at the end: (signoff, index of the line where the content stops). Trailing chrome is skipped. A
    report often ends with attachments (附件：…统计表) under its 落款: the 落款 is the one right above the first
    of them, and the attachments stay content (their tables are part of what is reported)."""
    found = _signoff_above(lines, _above_imprint(lines))
    if found:
        return found
    for i, (_, line) in enumerate(lines):
        if ATTACHMENT.match(line.strip()):
            found = _signoff_above(lines, i)
            # dated, as a 落款 over attachments is (a body line alone could be the text's last line), and not a
            # covering notice's: find_notice_signoff's
            if found and found[0].date and not _closes_notice(lines, found[1]):
                return found[0], len(lines)
    return None, len(lines)


def _above_imprint(lines: list[tuple[int, str]]) -> int:
    """Where the text's last lines stop being its 版记 (抄送, 印发), page chrome or blank: the 落款 is above them."""
    stop = len(lines)
    while stop > 0 and (not lines[stop - 1][1] or is_chrome(lines[stop - 1][1])
                        or IMPRINT.match(lines[stop - 1][1].strip())):
        stop -= 1
    return stop


def _signoff_above(lines: list[tuple[int, str]], stop: int) -> tuple[Signoff, int] | None:
    """The 落款 in the last two lines of text before lines[stop] (chrome skipped), and the index of its first line."""
    tail: list[tuple[int, int, str]] = []
    for i in range(stop - 1, -1, -1):
        start, line = lines[i]
        if line and not is_chrome(line):
            tail.insert(0, (i, start, line))
            if len(tail) == 2:
                break
    if not tail:
        return None
    i, start, line = tail[-1]
    dated, date = end_date(line)
    if dated:
        if len(tail) >= 2 and looks_like_organ(tail[-2][2]):
            j, bstart, body = tail[-2]
            return Signoff(body, date, Span(bstart, start + len(line))), j
        if date:  # blanks alone sign nothing
            return Signoff(None, date, Span(start, start + len(line))), i
    m = DATE.search(line)
    if m and looks_like_organ(line[:m.start()].strip()) and m.end() >= len(line) - 1:
        return Signoff(line[:m.start()].strip(), parse_date(line), Span(start, start + len(line))), i
    if looks_like_organ(line) and not TITLE_WORDS.search(line):
        return Signoff(line, None, Span(start, start + len(line))), i
    return None


def _closes_notice(lines: list[tuple[int, str]], index: int) -> bool:
    """Whether one of the NOTICE_BODY_LINES lines of text just above lines[index] is a notice's closing sentence
    (现印发给你们, 现将……报送): what makes the 落款 under it a covering notice's."""
    above = islice((line for _, line in reversed(lines[:index]) if line.strip() and not is_chrome(line)),
                   NOTICE_BODY_LINES)
    return any(NOTICE_SENDS.search(line) for line in above)


def find_notice_signoff(lines: list[tuple[int, str]], after: int) -> Signoff | None:
    """The 落款 of a covering notice: a body line and a date line right after the notice's closing sentence
    (现印发给你们 / 现将……报送), with the attached document's title or header line after them (not a heading).
    Asked only when the text has no 落款 at its end; a body and date elsewhere (a table, a notice quoted in the
    text and followed by more text) are not one, nor a bulleted page field."""
    text = [(s, line.strip()) for s, line in lines if s >= after and line.strip() and not is_chrome(line)]
    for k in range(1, len(text) - 2):
        (start, line), (date_start, date_line), (_, attached) = text[k], text[k + 1], text[k + 2]
        if line[0] in BULLETS or not (looks_like_organ(line) and is_date_line(date_line)):
            continue
        if len(attached) > 60 or re.search(r"[。;；]", attached) or NUMBERED.match(attached):
            continue  # the text goes on (a sentence, the report's next heading): no document starts here
        if _closes_notice(text, k):
            return Signoff(line, parse_date(date_line), Span(start, date_start + len(date_line)), kind="notice")
    return None


def find_byline(lines: list[tuple[int, str]], after: int) -> Signoff | None:
    """A dated byline in the few lines under the title, before the text starts ("(2024年3月5日)",
    "XX县人民政府 2024年3月5日", a speech's "——2024年1月5日在……会议上" under a repeated title or the speaker)."""
    following = list(islice(((s, line) for s, line in lines if s >= after and line and not is_chrome(line)),
                            BYLINE_LINES))
    for k, (start, line) in enumerate(following):
        if len(line) > 60 or "。" in line or line.rstrip().endswith((":", "：")):
            return None  # the text has started: a salutation or a sentence
        nxt = following[k + 1] if k + 1 < len(following) else None
        if nxt and looks_like_organ(line) and is_date_line(nxt[1]):
            date_start, date_line = nxt
            return Signoff(line, parse_date(date_line), Span(start, date_start + len(date_line)), kind="byline")
        if parse_date(line) and "年" in line:
            body = DATE.sub("", line).strip(" ()—-")
            return Signoff(body if body and looks_like_organ(body) else None, parse_date(line),
                           Span(start, start + len(line)), kind="byline")
    return None


def published_date(chrome_lines: list[str]) -> str | None:
    for line in chrome_lines:
        if re.search(r"发布|时间|日期|阅读|浏览", line):
            date = parse_date(line)
            if date:
                return date
    return None


def level_of(body: str | None, text: str) -> str | None:
    """Level from the issuing body's name. A 市 is a city (设区的市) when the text speaks of its counties and
    districts or of its law-making, which a county-level 市 has neither of; otherwise a county-level 市."""
    if not body:
        return None
    name = body.split()[-1]
    if re.search(r"(?:局|厅|委员会|办公室|署|中心|管委会)$", name) or re.search(r"人民政府.+(?:委|办)$", name):
        return "department"
    place = re.sub(r"(?:人民政府|政府|办事处)$", "", name)
    if re.search(r"(?:镇|乡|苏木|街道)$", place):
        return "township"
    if place.endswith(MUNICIPALITIES) or re.search(r"(?:省|自治区)$", place):
        return "province"
    if re.search(r"(?:州|盟)$", place):
        return "city"
    if place.endswith("市"):
        return "city" if CITY_SIGNS.search(text) else "county"
    if re.search(r"(?:县|旗|区)$", place):
        return "county"
    return None
